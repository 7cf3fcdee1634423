/* dn-guest-list.c: a visiting delegation's guest list pasted from a
 * spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-guest-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-country.h"
#include "dn-delegation-member.h"
#include "dn-guest-list.h"
#include "dn-text.h"

#define MAX_COLUMNS 5
#define MAX_REPORTED 10
/* the longest name or text a guest's column takes (the store's short texts) */
#define MAX_TEXT 200

G_DEFINE_QUARK (dn-guest-list-error-quark, dn_guest_list_error)

/* The code of a nationality typed as a code or a country's name; NULL when
 * none matches exactly one country. */
static char *
nationality_code (const char *typed)
{
  g_autofree char *code = g_ascii_strup (typed, -1);
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) countries = NULL;

  if (strlen (code) == 2 && dn_country_is_valid (code))
    return g_steal_pointer (&code);
  /* a name: the country whose Vietnamese or English name is exactly it */
  folded = dn_text_fold (typed, -1);
  countries = dn_country_list ();
  for (guint i = 0; i < countries->len; i++)
    {
      const char *candidate = countries->pdata[i];
      g_autofree char *vi = dn_text_fold (dn_country_vietnamese_name (candidate), -1);
      g_autofree char *en = dn_text_fold (dn_country_english_name (candidate), -1);

      if (g_str_equal (vi, folded) || g_str_equal (en, folded))
        return g_strdup (candidate);
    }
  return NULL;
}

static gboolean
is_heading (char **columns)
{
  static const char *const headings[] = { "ho ten", "ho va ten", "ten", "name", "full name", "guest", NULL };
  g_autofree char *folded = dn_text_fold (columns[0], -1);

  return g_strv_contains (headings, folded);
}

/* The line's cells, trimmed; a cell may be quoted as spreadsheets do when
 * it holds a tab or a line end (quotes doubled inside). */
static char **
split_line (const char *line)
{
  char **cells = g_strsplit (line, "\t", -1);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      char *cell = g_strstrip (cells[i]);
      gsize len = strlen (cell);

      if (len >= 2 && cell[0] == '"' && cell[len - 1] == '"')
        {
          GString *unquoted = g_string_new (NULL);

          for (gsize j = 1; j + 1 < len; j++)
            {
              g_string_append_c (unquoted, cell[j]);
              if (cell[j] == '"' && cell[j + 1] == '"' && j + 2 < len)
                j++;
            }
          g_free (cells[i]);
          cells[i] = g_strstrip (g_string_free (unquoted, FALSE));
        }
    }
  return cells;
}

GPtrArray *
dn_guest_list_parse (const char  *text,
                     GError     **error)
{
  g_autoptr(GPtrArray) guests = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint n_problems = 0;
  gboolean first = TRUE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, DN_GUEST_LIST_ERROR, DN_GUEST_LIST_ERROR_INVALID,
                           _("The guest list is not readable text."));
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree char *line = g_utf8_normalize (lines[n], -1, G_NORMALIZE_NFC);
      g_autofree char *problem = NULL;
      g_autofree char *code = NULL;
      guint n_cells;

      g_strchomp (line); /* "\r" of a Windows line end, trailing blanks */
      if (line[strspn (line, " \t")] == '\0')
        continue;
      cells = split_line (line);
      n_cells = g_strv_length (cells);
      while (n_cells > 1 && cells[n_cells - 1][0] == '\0')
        n_cells--; /* empty cells a spreadsheet copies at the end */
      if (first && is_heading (cells))
        {
          first = FALSE;
          continue;
        }
      first = FALSE;
      if (n_cells > MAX_COLUMNS)
        problem = g_strdup_printf (_("%u columns; a guest has at most five (name, nationality, passport, "
                                     "organisation, position)."), n_cells);
      else if (cells[0][0] == '\0')
        problem = g_strdup (_("the name is missing."));
      else if (n_cells >= 2 && cells[1][0] != '\0' && (code = nationality_code (cells[1])) == NULL)
        problem = g_strdup_printf (_("“%s” is not a country."), cells[1]);
      else
        for (guint i = 0; i < n_cells && problem == NULL; i++)
          if (g_utf8_strlen (cells[i], -1) > MAX_TEXT)
            problem = g_strdup_printf (_("a column is longer than %d characters."), MAX_TEXT);
      if (problem != NULL)
        {
          if (n_problems < MAX_REPORTED)
            {
              if (problems->len > 0)
                g_string_append_c (problems, '\n');
              /* Translators: "Line 3: the name is missing." */
              g_string_append_printf (problems, _("Line %u: %s"), n + 1, problem);
            }
          n_problems++;
          continue;
        }
      {
        DnDelegationMember *guest = dn_delegation_member_new ();

        g_free (guest->name);
        guest->name = g_strdup (cells[0]);
        g_free (guest->guest_nationality);
        guest->guest_nationality = g_strdup (code != NULL ? code : "");
        if (n_cells >= 3)
          {
            g_free (guest->guest_passport);
            guest->guest_passport = g_strdup (cells[2]);
          }
        if (n_cells >= 4)
          {
            g_free (guest->guest_organisation);
            guest->guest_organisation = g_strdup (cells[3]);
          }
        if (n_cells >= 5)
          {
            g_free (guest->position);
            guest->position = g_strdup (cells[4]);
          }
        g_ptr_array_add (guests, guest);
      }
    }
  if (n_problems > MAX_REPORTED)
    {
      guint more = n_problems - MAX_REPORTED;

      g_string_append_c (problems, '\n');
      g_string_append_printf (problems,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more line.", "… and %u more lines.", more),
                              more);
    }
  if (n_problems > 0)
    {
      g_set_error_literal (error, DN_GUEST_LIST_ERROR, DN_GUEST_LIST_ERROR_INVALID, problems->str);
      return NULL;
    }
  if (guests->len == 0)
    {
      g_set_error_literal (error, DN_GUEST_LIST_ERROR, DN_GUEST_LIST_ERROR_EMPTY, _("The guest list is empty."));
      return NULL;
    }
  return g_steal_pointer (&guests);
}
