/* dn-task-proposal-dates.c: how often a duty recurs and by when, as a
 * directive's text says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-proposal"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-tasks.h"
#include "dn-task-proposal-private.h"
#include "dn-text.h"
#include "dn-unit.h"

/* Recurrence and due date ------------------------------------------------------ */

static const struct
{
  DnRecurrence recurrence;
  const char *phrase;
} recurrence_phrases[] = {
  { DN_RECURRENCE_MONTHLY, " hang thang " },
  { DN_RECURRENCE_MONTHLY, " moi thang " },
  { DN_RECURRENCE_MONTHLY, " theo thang " },
  { DN_RECURRENCE_MONTHLY, " tung thang " },
  { DN_RECURRENCE_MONTHLY, " bao cao thang " },
  { DN_RECURRENCE_MONTHLY, " dinh ky thang " },
  { DN_RECURRENCE_QUARTERLY, " hang quy " },
  { DN_RECURRENCE_QUARTERLY, " moi quy " },
  { DN_RECURRENCE_QUARTERLY, " theo quy " },
  { DN_RECURRENCE_QUARTERLY, " tung quy " },
  { DN_RECURRENCE_QUARTERLY, " bao cao quy " },
  { DN_RECURRENCE_QUARTERLY, " dinh ky quy " },
  { DN_RECURRENCE_TWICE_YEARLY, " 02 lan nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 2 lan nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " hai lan nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 02 lan trong nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 2 lan trong nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " hai lan mot nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 6 thang mot lan " },
  { DN_RECURRENCE_TWICE_YEARLY, " 06 thang mot lan " },
  { DN_RECURRENCE_TWICE_YEARLY, " sau thang mot lan " },
  { DN_RECURRENCE_TWICE_YEARLY, " so ket 6 thang " },
  { DN_RECURRENCE_TWICE_YEARLY, " so ket 06 thang " },
  { DN_RECURRENCE_TWICE_YEARLY, " dinh ky 6 thang " },
  { DN_RECURRENCE_TWICE_YEARLY, " dinh ky 06 thang " },
  { DN_RECURRENCE_SEMESTER, " hoc ky " },
  { DN_RECURRENCE_ANNUAL, " hang nam " },
  { DN_RECURRENCE_ANNUAL, " moi nam " },
  { DN_RECURRENCE_ANNUAL, " theo nam " },
  { DN_RECURRENCE_ANNUAL, " tung nam " },
  { DN_RECURRENCE_ANNUAL, " tong ket nam hoc " },
  { DN_RECURRENCE_ANNUAL, " bao cao nam " },
  { DN_RECURRENCE_ANNUAL, " dinh ky nam " },
  { DN_RECURRENCE_ANNUAL, " 01 lan nam " },
  { DN_RECURRENCE_ANNUAL, " 1 lan nam " },
  { DN_RECURRENCE_ANNUAL, " mot lan nam " },
};

/* Words that begin with "quy" as "quý" (a quarter) does, once folded:
 * "theo quy định" is "as the rules say", not "each quarter". */
static const char *const quy_words[] = {
  " quy dinh ", " quy che ", " quy trinh ", " quy mo ", " quy hoach ", " quy tac ", " quy chuan ",
  " quy pham ", " quy luat ", " quy uoc ", " quy doi ", " quy tu ",
};

DnRecurrence
dn_task_proposal_find_recurrence (const char *text)
{
  g_autofree char *folded_key = _dn_proposal_key (text);
  g_autoptr(GString) key = g_string_new (folded_key);

  for (guint i = 0; i < G_N_ELEMENTS (quy_words); i++)
    g_string_replace (key, quy_words[i] + 1, "# ", 0);

  /* the table is in order of frequency: the most frequent named wins */
  for (guint i = 0; i < G_N_ELEMENTS (recurrence_phrases); i++)
    if (_dn_proposal_key_has (key->str, recurrence_phrases[i].phrase))
      return recurrence_phrases[i].recurrence;
  return DN_RECURRENCE_NONE;
}

static gboolean
set_date (GDate *out,
          int    year,
          int    month,
          int    day)
{
  if (year < DN_DATE_MIN_YEAR || year > DN_DATE_MAX_YEAR || month < 1 || month > 12)
    return FALSE;
  if (day == 0)
    day = g_date_get_days_in_month (month, year);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static int
quarter_number (const char *word)
{
  static const char *const roman[] = { "i", "ii", "iii", "iv" };

  for (int q = 0; q < 4; q++)
    if (strcmp (word, roman[q]) == 0)
      return q + 1;
  if (word[0] >= '1' && word[0] <= '4' && word[1] == '\0')
    return word[0] - '0';
  return 0;
}

gboolean
dn_task_proposal_find_due_date (const char *text,
                                int         default_year,
                                GDate      *out)
{
  g_autofree char *folded = dn_text_fold (text ? text : "", -1);
  g_autoptr(GRegex) day_re = NULL;
  g_autoptr(GRegex) month_re = NULL;
  g_autoptr(GRegex) quarter_re = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  if (folded == NULL)
    return FALSE;

  /* a day, after words that make it a deadline */
  day_re = g_regex_new ("(truoc|cham nhat|han chot|thoi han|han|hoan thanh|xong|den)"
                        "[^.;\\d]{0,40}?ngay\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*|"
                        "\\s+thang\\s+(\\d{1,2})\\s+nam\\s+)(\\d{4})",
                        G_REGEX_OPTIMIZE, 0, NULL);
  if (g_regex_match (day_re, folded, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 2);
      g_autofree char *m1 = g_match_info_fetch (match, 3);
      g_autofree char *m2 = g_match_info_fetch (match, 4);
      g_autofree char *y = g_match_info_fetch (match, 5);

      if (set_date (out, atoi (y), atoi (*m1 ? m1 : m2), atoi (d)))
        return TRUE;
    }
  g_clear_pointer (&match, g_match_info_unref);

  /* a month: its last day; not the month of a cited document's date
   * ("ngày 17 tháng 9 năm 2018") */
  month_re = g_regex_new ("\\bthang\\s+(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})", G_REGEX_OPTIMIZE, 0, NULL);
  for (g_regex_match (month_re, folded, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *m = g_match_info_fetch (match, 1);
      g_autofree char *y = g_match_info_fetch (match, 2);
      int start = 0;
      gboolean cited = FALSE;

      /* "ngày 17 tháng 9 năm 2018": the word before "tháng" is a number after "ngày" */
      g_match_info_fetch_pos (match, 0, &start, NULL);
      if (start >= 0)
        {
          g_autofree char *before = g_strndup (folded, start);
          g_autoptr(GRegex) cited_re = g_regex_new ("ngay\\s*\\d{1,2}\\s*$", 0, 0, NULL);

          cited = g_regex_match (cited_re, before, 0, NULL);
        }
      if (!cited && set_date (out, atoi (y), atoi (m), 0))
        return TRUE;
    }
  g_clear_pointer (&match, g_match_info_unref);

  /* a quarter: its last day */
  quarter_re = g_regex_new ("\\bquy\\s+(iv|iii|ii|i|[1-4])\\b(?:\\s*(?:/|nam)\\s*(\\d{4}))?", G_REGEX_OPTIMIZE, 0, NULL);
  if (g_regex_match (quarter_re, folded, 0, &match))
    {
      g_autofree char *q = g_match_info_fetch (match, 1);
      g_autofree char *y = g_match_info_fetch (match, 2);
      int year = (y && *y) ? atoi (y) : default_year;
      int quarter = quarter_number (q);

      if (year > 0 && quarter > 0 && set_date (out, year, quarter * 3, 0))
        return TRUE;
    }
  return FALSE;
}

