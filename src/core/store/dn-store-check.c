/* dn-store-check.c: dn_store_check() (integrity, references, the search
 * index, the rules), the damage mark beside the database, counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dn-store-private.h"
#include "dn-store-struct.h"


/*
 * The damage mark: "<database>.damaged", UTF-8 text beside the database
 *
 *   found=2024-06-30T10:15:00+07:00
 *   by=check          (by=error: an operation met SQLITE_CORRUPT/NOTADB)
 *
 *   what was found, one problem a line
 *
 * Written atomically when dn_store_check() finds damage or an operation
 * meets it, read by every open (dn_store_get_damage()), removed by a full
 * check that finds none. A folder that cannot be written keeps no mark.
 */

#define DAMAGE_MARK_SUFFIX   ".damaged"
#define DAMAGE_SHOWN_PROBLEMS 5

static char *
damage_mark_path (DnStore *self)
{
  return g_strconcat (self->path, DAMAGE_MARK_SUFFIX, NULL);
}

/* self->damage: the mark's contents told in a sentence (translated). */
static void
set_damage_from_mark (DnStore    *self,
                      const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GDateTime) found = NULL;
  g_autofree char *when = NULL;
  const char *found_text = NULL;
  const char *by = NULL;
  guint i, shown = 0;
  gboolean more = FALSE;

  for (i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (g_str_has_prefix (lines[i], "found="))
        found_text = lines[i] + strlen ("found=");
      else if (g_str_has_prefix (lines[i], "by="))
        by = lines[i] + strlen ("by=");
    }
  for (; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (shown == DAMAGE_SHOWN_PROBLEMS)
        {
          more = TRUE;
          break;
        }
      g_string_append_printf (problems, "  %s\n", lines[i]);
      shown++;
    }
  if (more)
    g_string_append_printf (problems, "  %s\n", _("(and more: “doingoai-cli check” lists them all)"));

  if (found_text != NULL)
    found = g_date_time_new_from_iso8601 (found_text, NULL);
  if (found != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (found);
      when = g_date_time_format (local, "%d/%m/%Y %H:%M");
    }
  else
    when = g_strdup (found_text != NULL && *found_text != '\0' ? found_text : _("an unknown date"));

  g_free (self->damage);
  self->damage = g_strdup_printf (g_strcmp0 (by, "check") == 0
                                  ? _("On %s, “doingoai-cli check” found this database damaged:\n%s"
                                      "Run “doingoai-cli check” again to see whether it still is. If it is, restore "
                                      "a backup, or export the data (“doingoai-cli export”) and import it into a new "
                                      "database.")
                                  : _("On %s, this database reported damage while in use:\n%s"
                                      "Run “doingoai-cli check” to see what is damaged. If it finds problems, restore "
                                      "a backup, or export the data (“doingoai-cli export”) and import it into a new "
                                      "database."),
                                  when, problems->str);
}

void
_dn_store_read_damage_mark (DnStore *self)
{
  g_autofree char *path = damage_mark_path (self);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_free (contents);
      contents = g_strdup ("");
    }
  set_damage_from_mark (self, contents);
}

/* @by: "check" or "error"; @problems: one a line. */
static void
write_damage_mark (DnStore    *self,
                   const char *by,
                   const char *problems)
{
  g_autofree char *path = damage_mark_path (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  contents = g_strdup_printf ("found=%s\nby=%s\n\n%s%s", when, by, problems,
                              g_str_has_suffix (problems, "\n") ? "" : "\n");
  /* a temporary file renamed over the mark: never half a mark */
  if (!g_file_set_contents (path, contents, -1, &local_error))
    g_debug ("cannot write the damage mark %s: %s", path, local_error->message);
  set_damage_from_mark (self, contents);
}

static void
clear_damage_mark (DnStore *self)
{
  g_autofree char *path = damage_mark_path (self);

  if (g_remove (path) != 0 && g_file_test (path, G_FILE_TEST_EXISTS))
    g_debug ("cannot remove the damage mark %s", path);
  g_clear_pointer (&self->damage, g_free);
}

/* SQLITE_CORRUPT or SQLITE_NOTADB met by an operation: marked unless a mark
 * is there already (the first finding, often a check's full report, is kept). */
void
_dn_store_record_runtime_damage (DnStore    *self,
                                 const char *message)
{
  if (self->damage == NULL)
    write_damage_mark (self, "error", message);
}

/*
 * Checks and counts
 */

static gboolean
collect_rows (DnStore     *self,
              const char  *sql,
              const char  *ok_value,
              const char  *prefix,
              GString     *report,
              GError     **error)
{
  sqlite3_stmt *stmt = _dn_store_prepare_once (self, sql, error);
  gboolean sound = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (prefix);
      const char *first = (const char *) sqlite3_column_text (stmt, 0);

      if (ok_value != NULL && first != NULL && g_str_equal (first, ok_value))
        continue;
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_autofree char *value = sqlite3_column_type (stmt, i) != SQLITE_NULL ? _dn_column_text (stmt, i) : NULL;
          g_string_append_printf (line, "%s%s", i > 0 ? " " : "", value != NULL ? value : "NULL");
        }
      g_string_append_printf (report, "%s\n", line->str);
      sound = FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_append_printf (report, "%s%s\n", prefix, sqlite3_errmsg (self->db));
      return FALSE;
    }
  return sound;
}

/* The search index checked without writing (FTS5's 'integrity-check' is an
 * INSERT): its stored text (search_content) must be what the triggers of
 * schema/002-search.sql write for each record, and FTS5 must have sized
 * every entry (search_docsize). Keep in step with that file. FALSE (with a
 * line in @report) when something differs, or when the query fails. */
static gboolean
check_search_read_only (DnStore  *self,
                        GString  *report)
{
  static const char sql[] =
    "WITH expected (id, title, body) AS ("
    "  SELECT id * 8 + 0, name, code FROM unit"
    "  UNION ALL SELECT id * 8 + 1, family_name || ' ' || middle_name || ' ' || given_name,"
    "                   position || ' ' || email FROM person"
    "  UNION ALL SELECT id * 8 + 2, subject, number || '/' || symbol || ' ' || issuer || ' ' || signer FROM document"
    "  UNION ALL SELECT id * 8 + 3, title, section || ' ' || description FROM task WHERE deleted = 0"
    "  UNION ALL SELECT id * 8 + 4, title, purpose || ' ' || inviting_party FROM delegation"
    "  UNION ALL SELECT s.id * 8 + 5, s.number, p.family_name || ' ' || p.middle_name || ' ' || p.given_name"
    "            FROM passport s JOIN person p ON p.id = s.person_id"
    "  UNION ALL SELECT id * 8 + 6, name, short_name || ' ' || notes FROM partner"
    "  UNION ALL SELECT id * 8 + 7, name, code || ' ' || description FROM project) "
    "SELECT (SELECT count(*) FROM (SELECT id, title, body FROM expected EXCEPT SELECT id, c0, c1 FROM search_content)),"
    "       (SELECT count(*) FROM search_content WHERE id NOT IN (SELECT id FROM expected)),"
    "       (SELECT count(*) FROM (SELECT id FROM search_content EXCEPT SELECT id FROM search_docsize))"
    "     + (SELECT count(*) FROM (SELECT id FROM search_docsize EXCEPT SELECT id FROM search_content))";
  sqlite3_stmt *stmt;
  gint64 missing, extra, unsized;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_string_append_printf (report, _("Search index: %s\n"), sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  missing = sqlite3_column_int64 (stmt, 0);
  extra = sqlite3_column_int64 (stmt, 1);
  unsized = sqlite3_column_int64 (stmt, 2);
  sqlite3_finalize (stmt);
  if (missing > 0)
    g_string_append_printf (report, _("Search index: records missing from it or indexed with old text: %lld\n"),
                            (long long) missing);
  if (extra > 0)
    g_string_append_printf (report, _("Search index: entries of records that do not exist: %lld\n"),
                            (long long) extra);
  if (unsized > 0)
    g_string_append_printf (report, _("Search index: entries its tables disagree on: %lld\n"), (long long) unsized);
  return missing == 0 && extra == 0 && unsized == 0;
}

/* What a check reads besides the pages: broken references and the rules
 * the C API applies record by record (dn-store-rules.c: loops of parent
 * units or tasks, units and tasks hidden below a missing parent, ids,
 * codes, tasks without lead…). */
typedef struct
{
  const char *path;
  int         version;
  GString    *references;
  GString    *rules;
  gboolean    references_sound;
  gboolean    rules_sound;
  gboolean    ran;
} SideChecks;

static void
run_side_checks (DnStore    *store,
                 SideChecks *side)
{
  g_autoptr(GError) error = NULL;

  side->references_sound = collect_rows (store, "PRAGMA foreign_key_check", NULL, _("Broken reference: "),
                                         side->references, NULL);
  side->rules_sound = TRUE;
  if (side->version >= 1 && !_dn_store_check_rules (store, side->rules, _("Rule: "), &error))
    {
      side->rules_sound = FALSE;
      if (error != NULL)
        g_string_append_printf (side->rules, _("Rule: %s\n"), error->message);
    }
  side->ran = TRUE;
}

/* On its own thread, with a read-only connection of its own; when that
 * cannot be opened the check runs these itself, after the pages. */
static gpointer
side_check_thread (gpointer data)
{
  SideChecks *side = data;
  g_autoptr(DnStore) store = dn_store_open (side->path,
                                            DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY |
                                            DN_STORE_OPEN_NO_MIGRATE,
                                            NULL);

  if (store != NULL)
    run_side_checks (store, side);
  return NULL;
}

gboolean
dn_store_check (DnStore  *self,
                GString  *report,
                GError  **error)
{
  return dn_store_check_depth (self, DN_STORE_CHECK_FULL, report, error);
}

gboolean
dn_store_check_depth (DnStore            *self,
                      DnStoreCheckDepth   depth,
                      GString            *report,
                      GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean sound = TRUE;
  gboolean full = depth == DN_STORE_CHECK_FULL;
  SideChecks side = { 0 };
  GThread *side_thread = NULL;
  gsize damage_start;
  int version;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  version = dn_store_get_schema_version (self);
  if (version != DN_STORE_SCHEMA_VERSION)
    {
      g_string_append_printf (report, _("Database version %d, expected %d.\n"), version, DN_STORE_SCHEMA_VERSION);
      sound = FALSE;
    }
  /* An old version is no damage; every line from here on is: it goes into
   * the damage mark. */
  damage_start = report->len;
  /* the references and rules on a second connection in a thread, beside
   * the page check here (two cores: the check takes the longer of the two
   * instead of their sum) */
  side.path = self->path;
  side.version = version;
  side.references = g_string_new (NULL);
  side.rules = g_string_new (NULL);
  if (self->path != NULL && g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    side_thread = g_thread_try_new ("dn-check", side_check_thread, &side, NULL);
  /* quick_check reads every page and row once; integrity_check also looks
   * every row up in each of its indexes, which is most of a full check's
   * time (at 100 000 tasks about 3 of its 5 seconds) */
  if (!collect_rows (self, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", "ok", _("Integrity: "), report,
                     &local_error))
    sound = FALSE;
  if (local_error != NULL)
    {
      if (side_thread != NULL)
        g_thread_join (side_thread);
      g_string_free (side.references, TRUE);
      g_string_free (side.rules, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* references and rules, read meanwhile on a second connection */
  if (side_thread != NULL)
    g_thread_join (g_steal_pointer (&side_thread));
  if (!side.ran)
    run_side_checks (self, &side);
  g_string_append (report, side.references->str);
  sound = sound && side.references_sound;
  /* the FTS5 check is an INSERT statement: a read-only connection refuses it;
   * it tokenizes every record again (about a quarter of a full check) */
  if (full && version >= 2 && !self->read_only &&
      sqlite3_exec (self->db, "INSERT INTO search(search, rank) VALUES ('integrity-check', 0)", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_string_append_printf (report, _("Search index: %s\n"), sqlite3_errmsg (self->db));
      sound = FALSE;
    }
  /* the text of attached files (schema 7): the same check */
  if (full && version >= 7 && !self->read_only &&
      sqlite3_exec (self->db, "INSERT INTO search_attachment(search_attachment, rank) VALUES ('integrity-check', 0)",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_string_append_printf (report, _("Search index: %s\n"), sqlite3_errmsg (self->db));
      sound = FALSE;
    }
  if (full && version >= 2 && self->read_only && !check_search_read_only (self, report))
    sound = FALSE;

  g_string_append (report, side.rules->str);
  sound = sound && side.rules_sound;

  /* Damage is remembered beside the database until a full check (one that
   * could also check the search index in full) finds none. */
  if (report->len > damage_start)
    write_damage_mark (self, "check", report->str + damage_start);
  else if (full && !self->read_only)
    clear_damage_mark (self);
  if (full && version >= 2 && self->read_only)
    g_string_append (report, _("Search index: only compared with the records, as the database can only be read; "
                               "its full check needs write access.\n"));
  g_string_free (side.references, TRUE);
  g_string_free (side.rules, TRUE);
  return sound;
}

gboolean
dn_store_is_empty (DnStore  *self,
                   GError  **error)
{
  gint64 n = 0;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!_dn_store_query_int (self,
                            "SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM person) + "
                            "(SELECT count(*) FROM document) + (SELECT count(*) FROM task)",
                            &n, error))
    return FALSE;
  return n == 0;
}

gint64
dn_store_count (DnStore      *self,
                DnRecordKind  kind,
                GError      **error)
{
  static const char *queries[] = {
    "SELECT count(*) FROM unit WHERE archived = 0",
    "SELECT count(*) FROM person",
    "SELECT count(*) FROM document",
    "SELECT count(*) FROM task WHERE deleted = 0",
    "SELECT count(*) FROM delegation",
    "SELECT count(*) FROM passport",
    "SELECT count(*) FROM partner",
    "SELECT count(*) FROM project",
    "SELECT count(*) FROM attachment",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (queries) == DN_RECORD_N);
  gint64 n = -1;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  g_return_val_if_fail ((guint) kind < DN_RECORD_N, -1);
  if (!_dn_store_query_int (self, queries[kind], &n, error))
    return -1;
  return n;
}
