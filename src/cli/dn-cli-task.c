/* dn-cli-task.c: the task commands of doingoai-cli
 *
 * doingoai-cli [--db PATH] [--officer NAME] task COMMAND [OPTIONS] ID
 *
 * What the task's window does, for scripts: add a task, extend a unit's
 * deadline, report progress, send a reminder, pass the task down to
 * sub-units, mark it done, show it. The store applies the rules; a refusal
 * (unknown task or unit, a unit not assigned, a bad date…) exits 1 with
 * the reason and changes nothing; usage errors exit 2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-text.h"

/* The options of every task command, as typed; after the command's check,
 * the text ones are UTF-8 in NFC. */
static struct
{
  char         *title, *lead, *support, *due, *recurrence;
  char         *unit, *to, *reason, *note, *date, *kind, *keep_open;
  int           percent;              /* PERCENT_NONE: not given */
  gint64        id;                   /* the task, after the options */
  DnRecurrence  recurrence_value;
  DnReminderKind kind_value;
} topt;

#define PERCENT_NONE G_MININT

/* The text options of topt */
static char ** const topt_texts[] = {
  &topt.title, &topt.lead, &topt.support, &topt.due, &topt.recurrence, &topt.unit, &topt.to, &topt.reason, &topt.note,
  &topt.date, &topt.kind, &topt.keep_open,
};

static void
topt_clear (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (topt_texts); i++)
    g_clear_pointer (topt_texts[i], g_free);
}

/*
 * What every command checks and looks up
 */

static gboolean
require (const char  *value,
         const char  *option,
         GError     **error)
{
  if (value != NULL)
    return TRUE;
  g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("The option %s is required."), option);
  return FALSE;
}

/* The task id after the options, and the options' text. */
static gboolean
check_id (Run     *run,
          GError **error)
{
  if (!parse_id (run->words[0], &topt.id))
    return refuse_value (error, CLI_ERROR_USAGE, run->words[0], _("“%s” is not a task number."));
  return text_options (topt_texts, G_N_ELEMENTS (topt_texts), error);
}

/* The units of a list of codes "A,B, C" (at least one). */
static GArray *
resolve_units (DnStore     *store,
               const char  *list,
               const char  *option,
               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) codes = g_strsplit (list, ",", -1);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *code = g_strstrip (codes[i]);
      gint64 id;

      if (code[0] == '\0')
        continue;
      if (!resolve_unit (store, code, &id, error))
        return NULL;
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    {
      g_set_error (error, CLI_ERROR, CLI_ERROR_REFUSED, _("%s: give at least one unit code."), option);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static DnTask *
get_task (Run     *run,
          GError **error)
{
  return dn_store_get_live_task (run->store, topt.id, error);
}

/* The row of the unit of @code in @task. */
static DnAssignment *
find_assignment (Run         *run,
                 DnTask      *task,
                 const char  *code,
                 GError     **error)
{
  g_autoptr(DnUnit) unit = dn_store_find_unit (run->store, code, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *shown = NULL;

  if (unit == NULL)
    return NULL;
  rows = dn_store_list_assignments (run->store, task->id, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    if (DN_ASSIGNMENT (rows->pdata[i])->unit_id == unit->id)
      return g_object_ref (rows->pdata[i]);
  shown = dn_text_escape_for_display (unit->code, 60);
  g_set_error (error, CLI_ERROR, CLI_ERROR_REFUSED, _("The unit “%s” is not assigned to task #%lld."), shown,
               (long long) task->id);
  return NULL;
}

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_iso (date) : g_strdup ("");
}

/*
 * The commands
 */

static const GOptionEntry add_options[] = {
  { "title", 't', 0, G_OPTION_ARG_FILENAME, &topt.title, N_("What is to be done"), N_("TEXT") },
  { "lead", 'l', 0, G_OPTION_ARG_FILENAME, &topt.lead, N_("The lead unit (chủ trì)"), N_("CODE") },
  { "support", 's', 0, G_OPTION_ARG_FILENAME, &topt.support, N_("Supporting units (phối hợp), separated by commas"),
    N_("CODE,CODE") },
  { "due", 'd', 0, G_OPTION_ARG_FILENAME, &topt.due, N_("The deadline, e.g. 30/6/2024"), N_("DATE") },
  { "recurrence", 'r', 0, G_OPTION_ARG_FILENAME, &topt.recurrence,
    N_("none, monthly, quarterly, twice_yearly, semester or annual (default none)"), "R" },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_add (Run     *run,
           GError **error)
{
  if (!text_options (topt_texts, G_N_ELEMENTS (topt_texts), error) || !require (topt.title, "--title", error) || !require (topt.lead, "--lead", error) ||
      !require (topt.due, "--due", error))
    return FALSE;
  topt.recurrence_value = DN_RECURRENCE_NONE;
  if (topt.recurrence != NULL && !dn_recurrence_from_string (topt.recurrence, &topt.recurrence_value))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, topt.recurrence,
                         _("Unknown recurrence “%s”: use none, monthly, quarterly, twice_yearly, semester or annual."));
  return TRUE;
}

static gboolean
run_add (Run     *run,
         GError **error)
{
  g_autoptr(DnTask) task = dn_task_new ();

  /* one line, as the window's title field gives it */
  g_free (task->title);
  task->title = dn_text_normalize (topt.title, -1, TRUE);
  task->recurrence = topt.recurrence_value;
  if (!date_option (topt.due, "--due", CLI_ERROR_REFUSED, &task->due_date, error) ||
      !resolve_unit (run->store, topt.lead, &task->lead_unit_id, error))
    return FALSE;
  if (topt.support != NULL)
    {
      g_autoptr(GArray) support = resolve_units (run->store, topt.support, "--support", error);

      if (support == NULL)
        return FALSE;
      g_array_append_vals (task->support_unit_ids, support->data, support->len);
    }
  if (!dn_store_add_task (run->store, task, error))
    return FALSE;
  out ("%" G_GINT64_FORMAT "\n", task->id);
  return TRUE;
}

static const GOptionEntry extend_options[] = {
  { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &topt.unit, N_("The unit whose deadline is extended"), N_("CODE") },
  { "to", 0, 0, G_OPTION_ARG_FILENAME, &topt.to, N_("The new deadline, after the current one"), N_("DATE") },
  { "reason", 0, 0, G_OPTION_ARG_FILENAME, &topt.reason, N_("Why more time is given"), N_("TEXT") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_extend (Run     *run,
              GError **error)
{
  return check_id (run, error) && require (topt.unit, "--unit", error) && require (topt.to, "--to", error) &&
         require (topt.reason, "--reason", error);
}

static gboolean
run_extend (Run     *run,
            GError **error)
{
  g_autoptr(DnTask) task = get_task (run, error);
  g_autoptr(DnAssignment) row = NULL;
  GDate to;

  if (task == NULL || (row = find_assignment (run, task, topt.unit, error)) == NULL ||
      !date_option (topt.to, "--to", CLI_ERROR_REFUSED, &to, error))
    return FALSE;
  return dn_store_extend_assignment (run->store, row->id, &to, topt.reason, error);
}

static const GOptionEntry progress_options[] = {
  { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &topt.unit, N_("The reporting unit, assigned to the task"), N_("CODE") },
  { "percent", 'p', 0, G_OPTION_ARG_INT, &topt.percent, N_("How much is done, from 0 to 100"), "N" },
  { "note", 'n', 0, G_OPTION_ARG_FILENAME, &topt.note, N_("What has been done"), N_("TEXT") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &topt.date, N_("The date of the report (default today)"), N_("DATE") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_progress (Run     *run,
                GError **error)
{
  if (!check_id (run, error) || !require (topt.unit, "--unit", error))
    return FALSE;
  if (topt.percent == PERCENT_NONE)
    return cli_refuse (error, CLI_ERROR_USAGE, _("The option %s is required."), "--percent");
  return TRUE;
}

/* What a report or a reminder is about: the task's id, the id of --unit
 * (assigned to it) and the day of --date (default today). */
static gboolean
get_unit_day (Run     *run,
              gint64  *task_id,
              gint64  *unit_id,
              GDate   *day,
              GError **error)
{
  g_autoptr(DnTask) task = get_task (run, error);
  g_autoptr(DnAssignment) row = NULL;

  if (task == NULL || (row = find_assignment (run, task, topt.unit, error)) == NULL)
    return FALSE;
  if (topt.date == NULL)
    dn_date_today (day);
  else if (!date_option (topt.date, "--date", CLI_ERROR_REFUSED, day, error))
    return FALSE;
  *task_id = task->id;
  *unit_id = row->unit_id;
  return TRUE;
}

static gboolean
run_progress (Run     *run,
              GError **error)
{
  g_autoptr(DnProgress) progress = dn_progress_new ();

  if (!get_unit_day (run, &progress->task_id, &progress->unit_id, &progress->entry_date, error))
    return FALSE;
  progress->percent = topt.percent;
  g_free (progress->note);
  progress->note = g_strdup (topt.note != NULL ? topt.note : "");
  return dn_store_add_progress (run->store, progress, error);
}

static const GOptionEntry remind_options[] = {
  { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &topt.unit, N_("The unit reminded, assigned to the task"), N_("CODE") },
  { "kind", 'k', 0, G_OPTION_ARG_FILENAME, &topt.kind, N_("notice, criticism or review (default notice)"), "K" },
  { "note", 'n', 0, G_OPTION_ARG_FILENAME, &topt.note, N_("e.g. official letter no. 45/SGD-VP"), N_("TEXT") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &topt.date, N_("The date it was sent (default today)"), N_("DATE") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_remind (Run     *run,
              GError **error)
{
  if (!check_id (run, error) || !require (topt.unit, "--unit", error))
    return FALSE;
  topt.kind_value = DN_REMINDER_NOTICE;
  if (topt.kind != NULL && !dn_reminder_kind_from_string (topt.kind, &topt.kind_value))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, topt.kind,
                         _("Unknown kind of reminder “%s”: use notice, criticism or review."));
  return TRUE;
}

static gboolean
run_remind (Run     *run,
            GError **error)
{
  g_autoptr(DnReminder) reminder = dn_reminder_new ();

  if (!get_unit_day (run, &reminder->task_id, &reminder->unit_id, &reminder->sent_on, error))
    return FALSE;
  reminder->kind = topt.kind_value;
  g_free (reminder->note);
  reminder->note = g_strdup (topt.note != NULL ? topt.note : "");
  return dn_store_add_reminder (run->store, reminder, error);
}

static const GOptionEntry done_options[] = {
  { "keep-open", 'k', 0, G_OPTION_ARG_FILENAME, &topt.keep_open,
    N_("Supporting units that have not finished their part and stay open, separated by commas"), N_("CODE,CODE") },
  G_OPTION_ENTRY_NULL
};

static gboolean
run_done (Run     *run,
          GError **error)
{
  g_autoptr(DnTask) task = get_task (run, error);
  g_autoptr(GArray) keep = NULL;
  gint64 next_id = 0;

  if (task == NULL)
    return FALSE;
  if (task->status == DN_STATUS_DONE)
    return cli_refuse (error, CLI_ERROR_REFUSED, _("Task #%lld is already done."), (long long) task->id);
  keep = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (topt.keep_open != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (topt.keep_open, ",", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_autoptr(DnAssignment) row = NULL;
          const char *code = g_strstrip (codes[i]);

          if (code[0] == '\0')
            continue;
          row = find_assignment (run, task, code, error);
          if (row == NULL)
            return FALSE;
          if (row->role != DN_ROLE_SUPPORT)
            {
              g_autofree char *shown = dn_text_escape_for_display (row->unit_code, 60);
              g_set_error (error, CLI_ERROR, CLI_ERROR_REFUSED,
                           _("“%s” leads task #%lld: its part closes with the task; only supporting units stay "
                             "open."), shown, (long long) task->id);
              return FALSE;
            }
          g_array_append_val (keep, row->unit_id);
        }
    }
  if (!dn_store_mark_task_done (run->store, task->id, (const gint64 *) (gpointer) keep->data, keep->len, &next_id,
                                NULL, error))
    return FALSE;
  /* a repeating task: its next occurrence */
  if (next_id > 0)
    out ("%" G_GINT64_FORMAT "\n", next_id);
  return TRUE;
}

static const GOptionEntry pass_down_options[] = {
  { "to", 0, 0, G_OPTION_ARG_FILENAME, &topt.to, N_("Units below the lead unit, separated by commas"),
    N_("CODE,CODE") },
  { "due", 'd', 0, G_OPTION_ARG_FILENAME, &topt.due,
    N_("The sub-units' deadline (default: the task's current one)"), N_("DATE") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_pass_down (Run     *run,
                 GError **error)
{
  return check_id (run, error) && require (topt.to, "--to", error);
}

static gboolean
run_pass_down (Run     *run,
               GError **error)
{
  g_autoptr(DnTask) task = get_task (run, error);
  g_autoptr(GArray) units = NULL;
  g_autoptr(GArray) created = NULL;
  GDate due;

  if (task == NULL || (units = resolve_units (run->store, topt.to, "--to", error)) == NULL ||
      (topt.due != NULL && !date_option (topt.due, "--due", CLI_ERROR_REFUSED, &due, error)))
    return FALSE;
  created = dn_store_subassign_task (run->store, task->id, (const gint64 *) (gpointer) units->data, units->len,
                                     topt.due != NULL ? &due : NULL, error);
  if (created == NULL)
    return FALSE;
  for (guint i = 0; i < created->len; i++)
    out ("%" G_GINT64_FORMAT "\n", g_array_index (created, gint64, i));
  return TRUE;
}

/* "KEY<TAB>VALUE" */
static void
show_field (const char *key,
            const char *value)
{
  g_autofree char *field = tsv_field (value);

  out ("%s\t%s\n", key, field);
}

static gboolean
run_show (Run     *run,
          GError **error)
{
  g_autoptr(DnTask) task = get_task (run, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) extensions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GString) support = g_string_new (NULL);
  g_autofree char *due = NULL;
  g_autofree char *original_due = NULL;
  g_autofree char *number = NULL;

  if (task == NULL || (rows = dn_store_list_assignments (run->store, task->id, error)) == NULL ||
      (reports = dn_store_list_progress (run->store, task->id, error)) == NULL ||
      (reminders = dn_store_list_reminders (run->store, task->id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      DnAssignment *row = rows->pdata[i];
      g_autoptr(GPtrArray) list = dn_store_list_extensions (run->store, row->id, error);

      if (list == NULL)
        return FALSE;
      /* the deadline first given: the old one of the lead's first extension */
      if (row->role == DN_ROLE_LEAD && list->len > 0)
        original_due = format_date (&DN_EXTENSION (list->pdata[0])->old_due_date);
      for (guint j = 0; j < list->len; j++)
        g_ptr_array_add (extensions, g_object_ref (list->pdata[j]));
      if (row->role == DN_ROLE_SUPPORT)
        g_string_append_printf (support, "%s%s", support->len > 0 ? "," : "", row->unit_code);
    }
  due = format_date (&task->due_date);

  number = g_strdup_printf ("%" G_GINT64_FORMAT, task->id);
  show_field ("id", number);
  show_field ("title", task->title);
  show_field ("status", dn_status_to_string (task->status));
  show_field ("due", due);
  show_field ("original_due", original_due != NULL ? original_due : due);
  show_field ("recurrence", dn_recurrence_to_string (task->recurrence));
  show_field ("lead", task->lead_unit_code);
  show_field ("support", support->str);
  g_free (number);
  number = task->parent_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, task->parent_id) : g_strdup ("");
  show_field ("parent", number);
  out ("progress\t%d\n", task->progress);
  if (task->children_progress >= 0)
    out ("children_progress\t%d\n", task->children_progress);
  else
    out ("children_progress\t\n");
  out ("n_children\t%u\n", task->n_children);

  for (guint i = 0; i < rows->len; i++)
    {
      DnAssignment *row = rows->pdata[i];
      g_autofree char *code = tsv_field (row->unit_code);
      g_autofree char *row_due = format_date (&row->due_date);

      out ("assignment\t%s\t%s\t%s\t%s\n", code, dn_role_to_string (row->role), row_due,
           dn_status_to_string (row->status));
    }
  for (guint i = 0; i < extensions->len; i++)
    {
      DnExtension *e = extensions->pdata[i];
      g_autofree char *code = NULL;
      g_autofree char *from = format_date (&e->old_due_date);
      g_autofree char *to = format_date (&e->new_due_date);
      g_autofree char *by = tsv_field (e->extended_by);
      g_autofree char *reason = tsv_field (e->reason);

      for (guint j = 0; j < rows->len && code == NULL; j++)
        if (DN_ASSIGNMENT (rows->pdata[j])->id == e->assignment_id)
          code = tsv_field (DN_ASSIGNMENT (rows->pdata[j])->unit_code);
      out ("extension\t%s\t%s\t%s\t%s\t%s\n", code, from, to, by, reason);
    }
  for (guint i = 0; i < reports->len; i++)
    {
      DnProgress *p = reports->pdata[i];
      g_autofree char *when = format_date (&p->entry_date);
      g_autofree char *code = tsv_field (p->unit_code);
      g_autofree char *note = tsv_field (p->note);

      out ("report\t%s\t%s\t%d\t%s\n", when, code, p->percent, note);
    }
  for (guint i = 0; i < reminders->len; i++)
    {
      DnReminder *r = reminders->pdata[i];
      g_autofree char *when = format_date (&r->sent_on);
      g_autofree char *code = tsv_field (r->unit_code);
      g_autofree char *by = tsv_field (r->sent_by);
      g_autofree char *note = tsv_field (r->note);

      out ("reminder\t%s\t%s\t%s\t%s\t%s\n", when, code, dn_reminder_kind_to_string (r->kind), by, note);
    }
  return TRUE;
}

static const Words one_id = { 1, 1, N_("Give one task number.") };

static const Command task_commands[] = {
  { "add", N_("Add a task; prints its number"),
    N_("Add a task led by one unit, with its supporting units, each with the task's deadline. Prints the new task's "
       "number."),
    NULL, add_options, &no_words, check_add, DN_STORE_OPEN_NO_CREATE, run_add },
  { "extend", N_("Extend the deadline of one unit"),
    N_("Extend the deadline of one unit of the task (gia hạn). The old deadline and the reason stay in the history; "
       "the lead unit's deadline is the task's."),
    N_("ID"), extend_options, &one_id, check_extend, DN_STORE_OPEN_NO_CREATE, run_extend },
  { "progress", N_("Record the progress reported by a unit"),
    N_("Record the progress reported by a unit assigned to the task."),
    N_("ID"), progress_options, &one_id, check_progress, DN_STORE_OPEN_NO_CREATE, run_progress },
  { "remind", N_("Record a reminder sent to a unit"),
    N_("Record a reminder (đôn đốc) sent to a unit assigned to the task. Reminders cannot be changed or deleted "
       "later."),
    N_("ID"), remind_options, &one_id, check_remind, DN_STORE_OPEN_NO_CREATE, run_remind },
  { "pass-down", N_("Give the task to units below its lead unit; prints their tasks' numbers"),
    N_("Give the task to units below its lead unit: each gets its own copy, which it leads. Prints the numbers of the "
       "new tasks, one per line."),
    N_("ID"), pass_down_options, &one_id, check_pass_down, DN_STORE_OPEN_NO_CREATE, run_pass_down },
  { "done", N_("Mark the task done"),
    N_("Mark the task done and close the parts of its units. When the task repeats, its next occurrence is created "
       "and its number printed."),
    N_("ID"), done_options, &one_id, check_id, DN_STORE_OPEN_NO_CREATE, run_done },
  { "show", N_("Show a task, one KEY<TAB>VALUE per line"),
    N_("Show a task, one KEY<TAB>VALUE per line: id, title, status, due, original_due, recurrence, lead, support, "
       "parent, progress, children_progress, n_children; then one line per unit (assignment CODE ROLE DUE STATUS), "
       "extension, progress report and reminder."),
    N_("ID"), NULL, &one_id, check_id, DN_STORE_OPEN_NO_CREATE, run_show },
};

static int
task_usage (const char *message)
{
  g_autoptr(GString) help = g_string_new (NULL);

  if (message != NULL)
    err ("doingoai-cli: %s", message);
  g_string_append_printf (help, "%s\n  doingoai-cli task %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTIONS…] [ID]"),
                          _("Task commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (task_commands); i++)
    g_string_append_printf (help, "  %-10s %s\n", task_commands[i].name, _(task_commands[i].summary));
  g_string_append_printf (help, "\n%s\n", _("“doingoai-cli task COMMAND --help” tells more about a command."));
  fputs (help->str, message != NULL ? stderr : stdout);
  return message != NULL ? EXIT_USAGE : EXIT_SUCCESS;
}

int
dn_cli_task_main (int    argc,
                  char **argv)
{
  if (argc < 2)
    return task_usage (_("Say which task command to run."));
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "-?"))
    return task_usage (NULL);
  topt.percent = PERCENT_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (task_commands); i++)
    if (g_str_equal (argv[1], task_commands[i].name))
      {
        int status = run_command (&task_commands[i], argc - 1, argv + 1);
        topt_clear ();
        return status;
      }
  {
    g_autofree char *shown = dn_text_escape_for_display (argv[1], 40);
    g_autofree char *message = g_strdup_printf (_("Unknown task command “%s”."), shown);
    return task_usage (message);
  }
}
