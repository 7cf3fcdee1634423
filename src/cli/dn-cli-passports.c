/* dn-cli-passports.c: the passports, their custody ledger and the holiday
 * calendar from the command line
 *
 *   passports [--out] [--overdue] [--expiring-before DATE] [--search TEXT]
 *   passport-add NUMBER --holder PERSON_ID --kind KIND --issued DATE --expires DATE [--authority TEXT]
 *   passport-out NUMBER --delegation ID [--date DATE] [--to NAME] [--confirm]
 *   passport-out --all --delegation ID [--date DATE] [--confirm]
 *   passport-back NUMBER [--date DATE] [--reason TEXT] [--excused-by NAME] [--returned-by NAME]
 *   passport-extend NUMBER --to DATE [--date DATE] [--letter TEXT]
 *   passport-event NUMBER --kind lost|transferred|sent_for_cancellation [--date DATE] [--letter TEXT] [--notes TEXT]
 *   passport-ledger [NUMBER] [--delegation ID]
 *   passport-delete NUMBER
 *   workdays DATE N
 *   holidays YEAR
 *   holiday-set DATE [--name NAME] [--working | --clear]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-text.h"

/* The options of every command here, as typed, then checked. */
static struct
{
  gboolean  out, overdue, confirm, all, working, clear;
  char     *expiring_before, *search, *holder, *kind, *issued, *expires, *authority;
  char     *delegation, *date, *to, *reason, *excused_by, *returned_by, *letter, *notes, *name;

  /* checked */
  GDate     expiring_before_date, issued_date, expires_date, date_date, to_date;
  gint64    delegation_id, holder_id;
  char     *search_text, *authority_text, *to_text, *reason_text, *excused_text, *returned_text;
  char     *letter_text, *notes_text, *name_text, *number;
  int       kind_value;
} popt;

void
dn_cli_passports_clear (void)
{
  char **const texts[] = {
    &popt.expiring_before, &popt.search, &popt.holder, &popt.kind, &popt.issued, &popt.expires, &popt.authority,
    &popt.delegation, &popt.date, &popt.to, &popt.reason, &popt.excused_by, &popt.returned_by, &popt.letter,
    &popt.notes, &popt.name, &popt.search_text, &popt.authority_text, &popt.to_text, &popt.reason_text,
    &popt.excused_text, &popt.returned_text, &popt.letter_text, &popt.notes_text, &popt.name_text, &popt.number,
  };

  clear_texts (texts, G_N_ELEMENTS (texts));
}

static gboolean
id_option (const char  *raw,
           const char  *option,
           gint64      *id,
           GError     **error)
{
  *id = 0;
  if (raw == NULL || parse_id (raw, id))
    return TRUE;
  return refuse_option (error, CLI_ERROR_USAGE_BRIEF, option, raw, _("%s: “%s” is not a record number."));
}

/* The passport number, the first word. */
static gboolean
number_word (Run     *run,
             GError **error)
{
  char *words[] = { run->words[0], NULL };

  popt.number = text_argument (words, error);
  return popt.number != NULL;
}

/* The day of a write: --date, else today (--today). */
static void
day_of (GDate *day)
{
  if (popt.date == NULL)
    dn_date_today (day);
  else
    *day = popt.date_date;
}

static gboolean
check_date_option (GError **error)
{
  g_date_clear (&popt.date_date, 1);
  return date_option (popt.date, "--date", CLI_ERROR_USAGE_BRIEF, &popt.date_date, error);
}

static char *
iso_or_empty (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_iso (date) : g_strdup ("");
}

/*
 * passports
 */

static const GOptionEntry passports_options[] = {
  { "out", 0, 0, G_OPTION_ARG_NONE, &popt.out, N_("Only passports handed out now"), NULL },
  { "overdue", 'o', 0, G_OPTION_ARG_NONE, &popt.overdue, N_("Only passports handed out and past their due-back date"),
    NULL },
  { "expiring-before", 0, 0, G_OPTION_ARG_FILENAME, &popt.expiring_before,
    N_("Only valid passports expiring before this day"), N_("DATE") },
  { "search", 's', 0, G_OPTION_ARG_FILENAME, &popt.search, N_("Number or holder, accents optional"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_passports (Run *run, GError **error)
{
  g_date_clear (&popt.expiring_before_date, 1);
  return date_option (popt.expiring_before, "--expiring-before", CLI_ERROR_USAGE_BRIEF, &popt.expiring_before_date,
                      error) &&
         text_option (popt.search, &popt.search_text, error);
}

gboolean
dn_cli_passports_query (Run      *run,
                        gpointer  query,
                        GError  **error)
{
  DnPassportQuery *q = query;
  GDate today;

  dn_date_today (&today);
  dn_passport_query_init (q, &today);
  q->only_out = popt.out;
  q->only_overdue = popt.overdue;
  q->expiring_before = popt.expiring_before_date;
  q->text = popt.search_text;
  return TRUE;
}

static gboolean
run_passports (Run *run, GError **error)
{
  g_autoptr(GPtrArray) passports = NULL;
  DnPassportQuery query;

  dn_cli_passports_query (run, &query, error);
  passports = dn_store_list_passports (run->store, &query, NULL, G_MAXINT, error);
  if (passports == NULL)
    return FALSE;
  for (guint i = 0; i < passports->len; i++)
    {
      DnPassport *passport = passports->pdata[i];
      g_autofree char *number = tsv_field (passport->number);
      g_autofree char *holder = tsv_field (passport->holder_name);
      g_autofree char *expiry = iso_or_empty (&passport->expiry_date);
      g_autofree char *due = passport->state == DN_PASSPORT_OUT ? iso_or_empty (&passport->due_back_on) : g_strdup ("");

      out ("%s\t%s\t%s\t%s\t%s\t%s\n", number, dn_passport_kind_to_string (passport->kind), holder, expiry,
           dn_passport_state_to_string (passport->state), due);
    }
  return TRUE;
}

/*
 * passport-add
 */

static const GOptionEntry add_options[] = {
  { "holder", 0, 0, G_OPTION_ARG_FILENAME, &popt.holder, N_("The holder: the person's number (see “people”)"),
    N_("ID") },
  { "kind", 'k', 0, G_OPTION_ARG_FILENAME, &popt.kind, N_("diplomatic, official or ordinary"), N_("KIND") },
  { "issued", 0, 0, G_OPTION_ARG_FILENAME, &popt.issued, N_("Issue date"), N_("DATE") },
  { "expires", 0, 0, G_OPTION_ARG_FILENAME, &popt.expires, N_("Expiry date"), N_("DATE") },
  { "authority", 0, 0, G_OPTION_ARG_FILENAME, &popt.authority, N_("Issuing authority"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_add (Run *run, GError **error)
{
  DnPassportKind kind;

  if (popt.holder == NULL || popt.kind == NULL || popt.issued == NULL || popt.expires == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE,
                       _("Give the number, the holder, the kind and both dates: passport-add NUMBER --holder ID "
                         "--kind KIND --issued DATE --expires DATE."));
  if (!dn_passport_kind_from_string (popt.kind, &kind))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, popt.kind,
                         _("Unknown kind of passport “%s”: use diplomatic, official or ordinary."));
  popt.kind_value = (int) kind;
  return number_word (run, error) && id_option (popt.holder, "--holder", &popt.holder_id, error) &&
         date_option (popt.issued, "--issued", CLI_ERROR_USAGE_BRIEF, &popt.issued_date, error) &&
         date_option (popt.expires, "--expires", CLI_ERROR_USAGE_BRIEF, &popt.expires_date, error) &&
         text_option (popt.authority, &popt.authority_text, error);
}

static gboolean
run_add (Run *run, GError **error)
{
  g_autoptr(DnPassport) passport = dn_passport_new ();

  g_free (passport->number);
  passport->number = g_strdup (popt.number);
  passport->person_id = popt.holder_id;
  passport->kind = (DnPassportKind) popt.kind_value;
  passport->issue_date = popt.issued_date;
  passport->expiry_date = popt.expires_date;
  if (popt.authority_text != NULL)
    {
      g_free (passport->issuing_authority);
      passport->issuing_authority = g_strdup (popt.authority_text);
    }
  if (!dn_store_add_passport (run->store, passport, error))
    return FALSE;
  out ("%" G_GINT64_FORMAT "\n", passport->id);
  return TRUE;
}

/*
 * passport-out
 */

static const GOptionEntry out_options[] = {
  { "delegation", 'd', 0, G_OPTION_ARG_FILENAME, &popt.delegation, N_("The delegation (its number)"), N_("ID") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &popt.date, N_("The day it is handed out (default: today)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_FILENAME, &popt.to, N_("Who receives it (default: the holder)"), N_("NAME") },
  { "all", 'a', 0, G_OPTION_ARG_NONE, &popt.all,
    N_("Every member's chosen passport, all or none, instead of one number"), NULL },
  { "confirm", 'y', 0, G_OPTION_ARG_NONE, &popt.confirm,
    N_("Hand out even when a warning is given (a passport expiring soon)"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_out (Run *run, GError **error)
{
  if (popt.delegation == NULL || (run->n_words == 0) == !popt.all)
    return cli_refuse (error, CLI_ERROR_USAGE,
                       _("Give the passport's number (or --all) and the delegation: passport-out NUMBER "
                         "--delegation ID."));
  if (popt.all && popt.to != NULL)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, "%s", _("--to goes with one passport, not with --all."));
  return (popt.all || number_word (run, error)) &&
         id_option (popt.delegation, "--delegation", &popt.delegation_id, error) && check_date_option (error) &&
         text_option (popt.to, &popt.to_text, error);
}

static gboolean
said_warning (GError *error)
{
  if (error == NULL || !g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    return FALSE;
  err ("doingoai-cli: %s", error->message);
  err ("%s", _("Nothing was written. Run the command again with --confirm to go ahead."));
  return TRUE;
}

static gboolean
run_out (Run *run, GError **error)
{
  g_autoptr(DnPassport) passport = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *officer = NULL;
  GDate day;

  day_of (&day);
  if (popt.all)
    {
      if (!dn_store_hand_out_delegation_passports (run->store, popt.delegation_id, &day, NULL, popt.confirm, &local))
        {
          if (said_warning (local))
            return FALSE;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      lines = dn_store_list_passport_loans (run->store, 0, popt.delegation_id, error);
      if (lines == NULL)
        return FALSE;
      for (guint i = 0; i < lines->len; i++)
        {
          DnPassportLoan *line = lines->pdata[i];
          g_autofree char *number = tsv_field (line->passport_number);
          g_autofree char *due = iso_or_empty (&line->due_back_on);

          if (!g_date_valid (&line->returned_on))
            out ("%s\t%s\n", number, due);
        }
      return TRUE;
    }
  passport = dn_store_find_passport (run->store, popt.number, error);
  if (passport == NULL)
    return FALSE;
  if (dn_store_hand_out_passport (run->store, passport->id, popt.delegation_id, &day, NULL, popt.to_text, TRUE,
                                  popt.confirm, &local) == 0)
    {
      if (said_warning (local))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_clear_object (&passport);
  passport = dn_store_find_passport (run->store, popt.number, error);
  if (passport == NULL)
    return FALSE;
  {
    g_autofree char *number = tsv_field (passport->number);
    g_autofree char *due = iso_or_empty (&passport->due_back_on);
    out ("%s\t%s\n", number, due);
  }
  return TRUE;
}

/*
 * passport-back
 */

static const GOptionEntry back_options[] = {
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &popt.date, N_("The day it came back (default: today)"), N_("DATE") },
  { "reason", 'r', 0, G_OPTION_ARG_FILENAME, &popt.reason, N_("Why it came back late, as the head decided"),
    N_("TEXT") },
  { "excused-by", 0, 0, G_OPTION_ARG_FILENAME, &popt.excused_by, N_("The head who excused the late return"),
    N_("NAME") },
  { "returned-by", 0, 0, G_OPTION_ARG_FILENAME, &popt.returned_by, N_("Who brought it back (default: the holder)"),
    N_("NAME") },
  { "all", 'a', 0, G_OPTION_ARG_NONE, &popt.all,
    N_("Every passport of the delegation still out, all or none, instead of one number (the reason goes to the late ones)"),
    NULL },
  { "delegation", 'd', 0, G_OPTION_ARG_FILENAME, &popt.delegation, N_("With --all: the delegation (its number)"),
    N_("ID") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_back (Run *run, GError **error)
{
  if ((run->n_words == 0) == !popt.all || (popt.all != (popt.delegation != NULL)))
    return cli_refuse (error, CLI_ERROR_USAGE,
                       _("Give the passport's number, or --all and the delegation: passport-back NUMBER, "
                         "passport-back --all --delegation ID."));
  if (popt.all && popt.returned_by != NULL)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, "%s", _("--returned-by goes with one passport, not with --all."));
  if (popt.all && !id_option (popt.delegation, "--delegation", &popt.delegation_id, error))
    return FALSE;
  return (popt.all || number_word (run, error)) && check_date_option (error) &&
         text_option (popt.reason, &popt.reason_text, error) &&
         text_option (popt.excused_by, &popt.excused_text, error) &&
         text_option (popt.returned_by, &popt.returned_text, error);
}

static gboolean
run_back (Run *run, GError **error)
{
  g_autoptr(DnPassport) passport = NULL;
  GDate day;

  day_of (&day);
  if (popt.all)
    return dn_store_take_back_delegation_passports (run->store, popt.delegation_id, &day, NULL, popt.reason_text,
                                                    popt.excused_text, error);
  passport = dn_store_find_passport (run->store, popt.number, error);
  if (passport == NULL)
    return FALSE;
  return dn_store_take_back_passport (run->store, passport->id, &day, popt.returned_text, NULL, popt.reason_text,
                                      popt.excused_text, error);
}

/*
 * passport-extend
 */

static const GOptionEntry extend_options[] = {
  { "to", 0, 0, G_OPTION_ARG_FILENAME, &popt.to, N_("The new expiry date"), N_("DATE") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &popt.date, N_("The day of the extension (default: today)"), N_("DATE") },
  { "letter", 0, 0, G_OPTION_ARG_FILENAME, &popt.letter, N_("The letter or decision: number and date"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_extend (Run *run, GError **error)
{
  if (popt.to == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE,
                       _("Give the new expiry date: passport-extend NUMBER --to DATE."));
  return number_word (run, error) &&
         date_option (popt.to, "--to", CLI_ERROR_USAGE_BRIEF, &popt.to_date, error) &&
         check_date_option (error) && text_option (popt.letter, &popt.letter_text, error);
}

static gboolean
run_extend (Run *run, GError **error)
{
  g_autoptr(DnPassport) passport = dn_store_find_passport (run->store, popt.number, error);
  GDate day;

  if (passport == NULL)
    return FALSE;
  day_of (&day);
  return dn_store_extend_passport (run->store, passport->id, &popt.to_date, &day, popt.letter_text, error);
}

/*
 * passport-event
 */

static const GOptionEntry event_options[] = {
  { "kind", 'k', 0, G_OPTION_ARG_FILENAME, &popt.kind, N_("lost, transferred or sent_for_cancellation"), N_("KIND") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &popt.date, N_("The day (default: today)"), N_("DATE") },
  { "letter", 0, 0, G_OPTION_ARG_FILENAME, &popt.letter, N_("The written notice: number and date"), N_("TEXT") },
  { "notes", 0, 0, G_OPTION_ARG_FILENAME, &popt.notes, N_("Notes"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_event (Run *run, GError **error)
{
  DnPassportEventKind kind;

  if (popt.kind == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE,
                       _("Say what happened: passport-event NUMBER --kind lost|transferred|sent_for_cancellation "
                         "--letter TEXT."));
  if (!dn_passport_event_kind_from_string (popt.kind, &kind) || kind == DN_PASSPORT_EVENT_EXTENDED)
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, popt.kind,
                         _("Unknown event “%s”: use lost, transferred or sent_for_cancellation "
                           "(an extension is passport-extend)."));
  popt.kind_value = (int) kind;
  return number_word (run, error) && check_date_option (error) &&
         text_option (popt.letter, &popt.letter_text, error) && text_option (popt.notes, &popt.notes_text, error);
}

static gboolean
run_event (Run *run, GError **error)
{
  g_autoptr(DnPassport) passport = dn_store_find_passport (run->store, popt.number, error);
  g_autoptr(DnPassportEvent) event = dn_passport_event_new ();

  if (passport == NULL)
    return FALSE;
  event->passport_id = passport->id;
  event->kind = (DnPassportEventKind) popt.kind_value;
  day_of (&event->on_date);
  g_free (event->letter);
  event->letter = g_strdup (popt.letter_text != NULL ? popt.letter_text : "");
  g_free (event->notes);
  event->notes = g_strdup (popt.notes_text != NULL ? popt.notes_text : "");
  return dn_store_add_passport_event (run->store, event, error) > 0;
}

/*
 * passport-ledger, passport-delete
 */

static const GOptionEntry ledger_options[] = {
  { "delegation", 'd', 0, G_OPTION_ARG_FILENAME, &popt.delegation, N_("Only the lines of this delegation"),
    N_("ID") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_ledger (Run *run, GError **error)
{
  return (run->n_words == 0 || number_word (run, error)) &&
         id_option (popt.delegation, "--delegation", &popt.delegation_id, error);
}

static gboolean
run_ledger (Run *run, GError **error)
{
  g_autoptr(DnPassport) passport = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (popt.number != NULL && (passport = dn_store_find_passport (run->store, popt.number, error)) == NULL)
    return FALSE;
  lines = dn_store_list_passport_loans (run->store, passport != NULL ? passport->id : 0, popt.delegation_id, error);
  if (lines == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      DnPassportLoan *line = lines->pdata[i];
      g_autofree char *number = tsv_field (line->passport_number);
      g_autofree char *holder = tsv_field (line->holder_name);
      g_autofree char *trip = tsv_field (line->delegation_title);
      g_autofree char *by = tsv_field (line->handed_by);
      g_autofree char *to = tsv_field (line->handed_to);
      g_autofree char *returned_by = tsv_field (line->returned_by);
      g_autofree char *received_by = tsv_field (line->received_by);
      g_autofree char *reason = tsv_field (line->exemption_reason);
      g_autofree char *excused = tsv_field (line->excused_by);
      g_autofree char *handed = iso_or_empty (&line->handed_out_on);
      g_autofree char *due = iso_or_empty (&line->due_back_on);
      g_autofree char *back = iso_or_empty (&line->returned_on);

      if (passport == NULL && popt.delegation_id > 0 && line->delegation_id != popt.delegation_id)
        continue;
      out ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", handed, number, holder, trip, by, to,
           line->receipt_signed ? "signed" : "", due, back, returned_by, received_by, reason, excused);
    }
  return TRUE;
}

static gboolean
check_number (Run *run, GError **error)
{
  return number_word (run, error);
}

static gboolean
run_delete (Run *run, GError **error)
{
  g_autoptr(DnPassport) passport = dn_store_find_passport (run->store, popt.number, error);

  return passport != NULL && dn_store_delete_passport (run->store, passport->id, error);
}

/*
 * workdays, holidays, holiday-set
 */

static gboolean
check_workdays (Run *run, GError **error)
{
  guint64 n = 0;

  g_date_clear (&popt.date_date, 1);
  if (!date_option (run->words[0], "DATE", CLI_ERROR_USAGE_BRIEF, &popt.date_date, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (run->words[1], 10, 0, 3660, &n, NULL))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, run->words[1], _("“%s” is not a number of days (0 to 3660)."));
  popt.kind_value = (int) n;
  return TRUE;
}

static gboolean
run_workdays (Run *run, GError **error)
{
  g_autoptr(DnCalendar) calendar = dn_store_get_calendar (run->store, error);
  g_autofree char *text = NULL;
  GDate day;

  if (calendar == NULL)
    return FALSE;
  dn_calendar_add_working_days (calendar, &popt.date_date, (guint) popt.kind_value, &day);
  text = dn_date_format_iso (&day);
  out ("%s\n", text);
  return TRUE;
}

static gboolean
check_holidays (Run *run, GError **error)
{
  guint64 year = 0;

  if (!g_ascii_string_to_unsigned (run->words[0], 10, DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR, &year, NULL))
    {
      g_autofree char *shown = dn_text_escape_for_display (run->words[0], 40);
      return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, _("“%s” is not a year (%d to %d)."), shown,
                         DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR);
    }
  popt.kind_value = (int) year;
  return TRUE;
}

static gboolean
run_holidays (Run *run, GError **error)
{
  g_autoptr(GPtrArray) days = dn_store_list_holidays (run->store, popt.kind_value, error);

  if (days == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      DnHoliday *holiday = days->pdata[i];
      g_autofree char *day = dn_date_format_iso (&holiday->date);
      g_autofree char *name = tsv_field (holiday->name);

      out ("%s\t%s\n", day, name);
    }
  return TRUE;
}

static const GOptionEntry holiday_options[] = {
  { "name", 'n', 0, G_OPTION_ARG_FILENAME, &popt.name, N_("What the day is"), N_("NAME") },
  { "working", 'w', 0, G_OPTION_ARG_NONE, &popt.working, N_("A working day (ngày làm bù), not a day off"), NULL },
  { "clear", 0, 0, G_OPTION_ARG_NONE, &popt.clear, N_("Remove the officer's row for that day"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_holiday_set (Run *run, GError **error)
{
  g_date_clear (&popt.date_date, 1);
  if (popt.working && popt.clear)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, "%s", _("--working and --clear do not go together."));
  return date_option (run->words[0], "DATE", CLI_ERROR_USAGE_BRIEF, &popt.date_date, error) &&
         text_option (popt.name, &popt.name_text, error);
}

static gboolean
run_holiday_set (Run *run, GError **error)
{
  if (popt.clear)
    return dn_store_clear_calendar_day (run->store, &popt.date_date, error);
  return dn_store_set_calendar_day (run->store, &popt.date_date, !popt.working, popt.name_text, error);
}

/*
 * The table
 */

static const Words one_number = { 1, 1, N_("Give one passport number.") };
static const Words maybe_number = { 0, 1, N_("Give at most one passport number.") };
static const Words date_and_n = { 2, 2, N_("Give a date and a number of working days.") };
static const Words one_year = { 1, 1, N_("Give one year.") };
static const Words one_date = { 1, 1, N_("Give one date.") };

const Command dn_cli_passport_commands[] = {
  { "passports", N_("List passports: who holds which, what is due back"),
    N_("List passports in the holders' Vietnamese order, one per line: NUMBER, KIND, HOLDER, EXPIRY, STATE, DUE-BACK "
       "(empty while the office keeps it)."),
    NULL, passports_options, &no_words, check_passports, DN_STORE_OPEN_NO_CREATE, run_passports },
  { "passport-add", N_("Add a passport"),
    N_("Add a passport of one of the staff; prints its number in the database."),
    N_("NUMBER"), add_options, &one_number, check_add, DN_STORE_OPEN_NO_CREATE, run_add },
  { "passport-out", N_("Hand a passport out for an approved trip"),
    N_("Hand a passport out for an approved delegation with its sending decision, and record it in the custody "
       "ledger; prints NUMBER and DUE-BACK. With --all, every member's chosen passport, all or none. A passport "
       "with fewer months of validity left at the end of the trip than the rule passport-validity-months asks "
       "(6 unless changed) needs --confirm."),
    N_("NUMBER"), out_options, &maybe_number, check_out, DN_STORE_OPEN_NO_CREATE, run_out },
  { "passport-back", N_("Take a passport back"),
    N_("Take a handed-out passport back into the office's keeping; a late return may be excused with the head's "
       "reason. With --all --delegation ID, every passport of the delegation still out, all or none."),
    N_("[NUMBER]"), back_options, &maybe_number, check_back, DN_STORE_OPEN_NO_CREATE, run_back },
  { "passport-extend", N_("Extend a diplomatic or official passport (once)"),
    N_("Extend a diplomatic or official passport, once, by at most 3 years."),
    N_("NUMBER"), extend_options, &one_number, check_extend, DN_STORE_OPEN_NO_CREATE, run_extend },
  { "passport-event", N_("Record a passport lost, transferred or sent for cancellation"),
    N_("Record that a passport was lost, transferred to another agency or sent for cancellation, with the written "
       "notice (required for a loss and a cancellation)."),
    N_("NUMBER"), event_options, &one_number, check_event, DN_STORE_OPEN_NO_CREATE, run_event },
  { "passport-ledger", N_("Print the custody ledger"),
    N_("The custody ledger (sổ theo dõi giao, nhận hộ chiếu), one line per hand-out: HANDED-OUT, NUMBER, HOLDER, "
       "DELEGATION, HANDED-BY, HANDED-TO, RECEIPT, DUE-BACK, RETURNED, RETURNED-BY, RECEIVED-BY, REASON, EXCUSED-BY."),
    N_("[NUMBER]"), ledger_options, &maybe_number, check_ledger, DN_STORE_OPEN_NO_CREATE, run_ledger },
  { "passport-delete", N_("Delete a passport never handed out"),
    N_("Delete a passport entered by mistake; refused once it is in the custody ledger."),
    N_("NUMBER"), NULL, &one_number, check_number, DN_STORE_OPEN_NO_CREATE, run_delete },
  { "workdays", N_("The day N working days after a date"),
    N_("The date on which N working days after DATE have passed, over the holiday calendar (statutory holidays, "
       "compensatory days and the officer's days)."),
    N_("DATE N"), NULL, &date_and_n, check_workdays, DN_STORE_OPEN_NO_CREATE, run_workdays },
  { "holidays", N_("The days off of a year"),
    N_("The days off of a year, one per line: DATE, NAME; statutory holidays with their compensatory days, and the "
       "officer's days off."),
    N_("YEAR"), NULL, &one_year, check_holidays, DN_STORE_OPEN_NO_CREATE, run_holidays },
  { "holiday-set", N_("Add a day off or a make-up working day to the calendar"),
    N_("Add a day off the government decreed (or, with --working, a make-up working day) to the holiday "
       "calendar; --clear removes it."),
    N_("DATE"), holiday_options, &one_date, check_holiday_set, DN_STORE_OPEN_NO_CREATE, run_holiday_set },
};

const guint dn_cli_n_passport_commands = G_N_ELEMENTS (dn_cli_passport_commands);
