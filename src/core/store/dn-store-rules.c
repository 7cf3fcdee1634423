/* dn-store-rules.c: rules over the whole data set, and the length of text fields
 *
 * The C API checks a record before it writes it; data that arrives in bulk
 * (an import, later a synchronisation) or that was changed behind the
 * application's back is checked here, with set-wise queries, against the same
 * rules. `dn_store_check` reports every finding; the importer stops at the
 * first one and rolls back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "dn-country.h"
#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-text.h"

/*
 * Length of text fields
 */

typedef struct
{
  const char *table;
  const char *column;
  guint max_chars;
} FieldLimit;

/* Codes, names, numbers and short references; anything not listed is free
 * text (descriptions, notes, reasons) up to DN_TEXT_MAX_LONG. */
static const FieldLimit field_limits[] = {
  { "unit", "code", 40 },
  { "unit", "name", DN_TEXT_MAX_LINE },
  { "person", "family_name", DN_TEXT_MAX_SHORT },
  { "person", "middle_name", DN_TEXT_MAX_SHORT },
  { "person", "given_name", DN_TEXT_MAX_SHORT },
  { "person", "position", DN_TEXT_MAX_SHORT },
  { "person", "email", DN_TEXT_MAX_SHORT },
  { "person", "phone", DN_TEXT_MAX_SHORT },
  { "document", "number", DN_TEXT_MAX_SHORT },
  { "document", "symbol", DN_TEXT_MAX_SHORT },
  { "document", "issuer", DN_TEXT_MAX_LINE },
  { "document", "subject", DN_TEXT_MAX_LINE },
  { "document", "signer", DN_TEXT_MAX_SHORT },
  { "document", "recipients", DN_TEXT_MAX_LINE },
  { "document", "receiver", DN_TEXT_MAX_LINE },
  { "document", "file_copy_holder", DN_TEXT_MAX_LINE },
  { "attachment", "file_name", DN_TEXT_MAX_SHORT },
  { "document_attachment", "file_name", DN_TEXT_MAX_SHORT },
  { "task_attachment", "file_name", DN_TEXT_MAX_SHORT },
  { "delegation_attachment", "file_name", DN_TEXT_MAX_SHORT },
  { "task", "title", DN_TEXT_MAX_LINE },
  { "task", "section", DN_TEXT_MAX_SHORT },
  { "assignment", "reply_reference", DN_TEXT_MAX_SHORT },
  { "partner", "name", DN_TEXT_MAX_LINE },
  { "partner", "short_name", DN_TEXT_MAX_SHORT },
  { "partner", "registration_number", DN_TEXT_MAX_SHORT },
  { "project", "name", DN_TEXT_MAX_LINE },
  { "project", "code", DN_TEXT_MAX_SHORT },
  { "delegation", "title", DN_TEXT_MAX_LINE },
  { "passport", "number", DN_TEXT_MAX_SHORT },
  { "report", "parent_body", DN_TEXT_MAX_LINE },
  { "report", "issuing_body", DN_TEXT_MAX_LINE },
  { "report", "symbol", DN_TEXT_MAX_SHORT },
  { "report", "place", DN_TEXT_MAX_SHORT },
  { "report", "recipients", DN_TEXT_MAX_LINE * 8 },
  { "report", "head_title", DN_TEXT_MAX_SHORT },
  { "report", "signer_title", DN_TEXT_MAX_SHORT },
  { "report", "signer_name", DN_TEXT_MAX_SHORT },
  /* the ids a merge moved: grows with the unit merged (an export's record
   * takes at most 16 MiB) */
  { "unit_merge", "moved", 8 << 20 },
};

guint
_dn_store_text_limit (const char *table,
                      const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_limits); i++)
    if (g_str_equal (field_limits[i].table, table) && g_str_equal (field_limits[i].column, column))
      return field_limits[i].max_chars;
  return DN_TEXT_MAX_LONG;
}

gboolean
_dn_normalize_field (char       **field,
                     const char  *table,
                     const char  *column,
                     const char  *label,
                     gboolean     required,
                     GError     **error)
{
  guint max_chars = _dn_store_text_limit (table, column);
  char *normalized;
  glong n_chars;

  if (*field == NULL)
    *field = g_strdup ("");
  /* every character takes at least one byte: a longer text is refused
   * before it costs any work */
  if (strlen (*field) > (gsize) max_chars * 8)
    n_chars = G_MAXLONG;
  else
    {
      normalized = dn_text_normalize (*field, -1, FALSE);
      if (normalized == NULL)
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("The %s is not valid text (UTF-8)."), label);
          return FALSE;
        }
      g_free (*field);
      *field = normalized;
      n_chars = g_utf8_strlen (*field, -1);
    }
  if (n_chars > (glong) max_chars)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The %s is too long: at most %u character.",
                                "The %s is too long: at most %u characters.", max_chars),
                   label, max_chars);
      return FALSE;
    }
  if (required && **field == '\0')
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The %s must not be empty."), label);
      return FALSE;
    }
  return TRUE;
}

gboolean
_dn_check_date (const GDate  *date,
                gboolean      required,
                GError      **error,
                const char   *format,
                ...)
{
  gboolean set = date != NULL && g_date_valid (date);
  va_list args;

  if (set ? g_date_get_year (date) >= DN_DATE_MIN_YEAR && g_date_get_year (date) <= DN_DATE_MAX_YEAR : !required)
    return TRUE;
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DN_STORE_ERROR, DN_STORE_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

gboolean
_dn_refuse (GError     **error,
            int          code,
            const char  *format,
            ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DN_STORE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

gboolean
_dn_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
_dn_normalize_country (char   **code,
                       GError **error)
{
  g_autofree char *upper = g_ascii_strup (*code, -1);

  g_strstrip (upper);
  if (!dn_country_is_valid (upper))
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("“%s” is not a country code (ISO 3166-1, two letters)."),
                       *code);
  _dn_set_text (code, upper);
  return TRUE;
}

char *
_dn_format_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup ("");
}

/*
 * Rules over the data set
 */

typedef enum
{
  RULE_POSITIVE_ID,
  RULE_UNIT_CODE,
  RULE_UNIT_TREE,
  RULE_TASK_TREE,
  RULE_TASK_LEAD,
  RULE_TASK_RECURRENCE,
  RULE_REMINDER_UNIT,
} RuleKind;

typedef struct
{
  RuleKind kind;
  const char *table;  /* for RULE_POSITIVE_ID */
  const char *sql;    /* returns the offending ids, first column */
} Rule;

/* The tables with an id column (document_attachment and delegation_country
 * are keyed by the ids they join, calendar_day by its date). */
#define POSITIVE_ID(t) { RULE_POSITIVE_ID, t, "SELECT id FROM \"" t "\" WHERE id <= 0 ORDER BY id" }

static const Rule rules[] = {
  POSITIVE_ID ("unit"), POSITIVE_ID ("person"), POSITIVE_ID ("document"), POSITIVE_ID ("attachment"),
  POSITIVE_ID ("partner"), POSITIVE_ID ("project"), POSITIVE_ID ("task"),
  POSITIVE_ID ("assignment"), POSITIVE_ID ("deadline_extension"), POSITIVE_ID ("progress"),
  POSITIVE_ID ("reminder"), POSITIVE_ID ("delegation"),
  POSITIVE_ID ("passport"), POSITIVE_ID ("delegation_member"), POSITIVE_ID ("passport_loan"),
  POSITIVE_ID ("unit_name"), POSITIVE_ID ("unit_merge"),
  /* dn_store_add_unit: at most 40 characters (the schema), no white space */
  { RULE_UNIT_CODE, NULL, "SELECT id FROM unit WHERE code GLOB '*[ \t\n\r]*' ORDER BY id" },
  /* every unit hangs from a top-level unit: walking down from the roots
   * reaches each unit once, so a unit not reached is in a loop of parents
   * (or below one, or below a missing parent). Linear in the number of rows,
   * whatever the depth. */
  { RULE_UNIT_TREE, NULL,
    "WITH RECURSIVE reached(id) AS ("
    "  SELECT id FROM unit WHERE parent_id IS NULL"
    "  UNION ALL SELECT u.id FROM unit u JOIN reached r ON u.parent_id = r.id) "
    "SELECT id FROM unit WHERE id NOT IN reached ORDER BY id" },
  { RULE_TASK_TREE, NULL,
    "WITH RECURSIVE reached(id) AS ("
    "  SELECT id FROM task WHERE parent_id IS NULL"
    "  UNION ALL SELECT t.id FROM task t JOIN reached r ON t.parent_id = r.id) "
    "SELECT id FROM task WHERE id NOT IN reached ORDER BY id" },
  /* exactly one lead: at most one by the schema, at least one here */
  { RULE_TASK_LEAD, NULL,
    "SELECT t.id FROM task t WHERE NOT EXISTS "
    "(SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.role = 'lead') ORDER BY t.id" },
  { RULE_TASK_RECURRENCE, NULL,
    "SELECT id FROM task WHERE recurrence <> 'none' AND due_date IS NULL ORDER BY id" },
  /* dn_store_add_reminder: a reminder goes to a unit assigned to the task */
  { RULE_REMINDER_UNIT, NULL,
    "SELECT r.id FROM reminder r WHERE NOT EXISTS "
    "(SELECT 1 FROM assignment a WHERE a.task_id = r.task_id AND a.unit_id = r.unit_id) ORDER BY r.id" },
};

static char *
describe (const Rule *rule,
          gint64      id)
{
  switch (rule->kind)
    {
    case RULE_POSITIVE_ID:
      return g_strdup_printf (_("table “%s”, record with id %lld: ids are positive whole numbers."),
                              rule->table, (long long) id);
    case RULE_UNIT_CODE:
      return g_strdup_printf (_("table “unit”, record with id %lld: a unit code has no spaces."), (long long) id);
    case RULE_UNIT_TREE:
      return g_strdup_printf (_("table “unit”, record with id %lld: the unit is not under a top-level unit "
                                "(its parents form a loop, or one of them is missing)."),
                              (long long) id);
    case RULE_TASK_TREE:
      return g_strdup_printf (_("table “task”, record with id %lld: the task is not under a top-level task "
                                "(its parent tasks form a loop, or one of them is missing)."),
                              (long long) id);
    case RULE_TASK_LEAD:
      return g_strdup_printf (_("table “task”, record with id %lld has no lead unit (no “assignment” with role “lead”)."),
                              (long long) id);
    case RULE_TASK_RECURRENCE:
      return g_strdup_printf (_("table “task”, record with id %lld: a recurring task needs a due date."),
                              (long long) id);
    case RULE_REMINDER_UNIT:
      return g_strdup_printf (_("table “reminder”, record with id %lld: a reminder goes to a unit assigned to the task."),
                              (long long) id);
    default:
      g_assert_not_reached ();
    }
}

#define MAX_FINDINGS_PER_RULE 20

gboolean
_dn_store_check_rules (DnStore     *self,
                       GString     *report,
                       const char  *prefix,
                       GError     **error)
{
  gboolean sound = TRUE;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      sqlite3_stmt *stmt;
      guint n_found = 0;
      gint64 exists = 1;
      int rc;

      /* a database of an older version (opened as it is, for a check) may
       * not have every table yet */
      if (rules[r].table != NULL &&
          !_dn_store_read_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?",
                               &exists, error, DN_TEXT (rules[r].table), DN_END))
        return FALSE;
      if (exists == 0)
        continue;
      stmt = _dn_store_prepare_once (self, rules[r].sql, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autofree char *finding = describe (&rules[r], sqlite3_column_int64 (stmt, 0));

          sound = FALSE;
          if (report == NULL)
            {
              g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, "%s%s", prefix != NULL ? prefix : "", finding);
              sqlite3_finalize (stmt);
              return FALSE;
            }
          if (++n_found > MAX_FINDINGS_PER_RULE)
            {
              g_string_append_printf (report, "%s%s\n", prefix != NULL ? prefix : "", _("… and more of the same kind."));
              break;
            }
          g_string_append_printf (report, "%s%s\n", prefix != NULL ? prefix : "", finding);
        }
      sqlite3_finalize (stmt);
      if (!_dn_store_check_step (self, rc, error))
        return FALSE;
    }
  return sound;
}
