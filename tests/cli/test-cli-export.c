/* test-cli-export.c: export-list as a script runs it
 *
 * On the demo data: each list, with and without its filters, written to
 * CSV holds the rows its list command prints for the same options, in the
 * same order; a workbook is written too; the refusals (an unknown list, a
 * file neither .xlsx nor .csv, a folder that cannot be written, a bad
 * filter value) exit with the reason, write nothing and change nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-export"

#include "config.h"

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

static void
demo_setup (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CliRun) init = NULL;
  g_autoptr(CliRun) demo = NULL;

  f->dir = dn_test_make_tmp_dir ();
  f->db = g_build_filename (f->dir, "demo.db", NULL);
  init = cli ("--db", f->db, "init", NULL);
  assert_success (init);
  demo = cli ("--db", f->db, "demo", NULL);
  g_assert_cmpint (demo->status, ==, 0);
}

/* The rows of a CSV file (RFC 4180), each a GStrv; the byte-order mark
 * checked and dropped. */
static GPtrArray *
parse_csv (const char *path)
{
  g_autofree char *contents = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p;
  gboolean quoted = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  for (p = contents + 3; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');  /* line ends are CRLF */
          g_string_append_c (field, *p);
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (fields->len, ==, 0);   /* the last line ended */
  return rows;
}

/* a list command's lines, each split at its tabs */
static GPtrArray *
parse_tsv (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

typedef struct
{
  const char *list;
  const char *filters[6];   /* NULL-ended */
  int         tsv_field;    /* the field the two share: -1 the last */
  int         csv_field;
  const char *header;       /* the CSV's first line, untranslated */
  guint       min_rows;     /* the demo holds at least these */
} Case;

static const Case cases[] = {
  { "tasks", { NULL }, -1, 1, "Section,Task,Lead unit,Supporting units,Due,Repeats,Status,Progress", 20 },
  { "tasks", { "--status", "open", NULL }, -1, 1, NULL, 1 },
  { "tasks", { "--overdue", NULL }, -1, 1, NULL, 0 },
  { "tasks", { "--unit", "VP", NULL }, -1, 1, NULL, 0 },
  { "delegations", { NULL }, -1, 6, "Start date,End date,Countries,Members,Status,Report due,Delegation", 2 },
  { "delegations", { "--direction", "in", NULL }, -1, 6, "Start date,End date,From,Guests,Status,Report due,Delegation", 1 },
  { "delegations", { "--direction", "out", "--status", "approved", NULL }, -1, 6, NULL, 0 },
  { "passports", { NULL }, 0, 0, "Number,Holder,Kind,Expires,State,Due back", 5 },
  { "passports", { "--search", "ng", NULL }, 0, 0, NULL, 0 },
  { "documents", { NULL }, -1, 5, "Number and symbol,Date,Arrival,Issued by,Type,Subject,\"Urgency, secrecy\"", 5 },
  { "documents", { "--direction", "in", NULL }, -1, 5, NULL, 0 },
  { "partners", { NULL }, -1, 0, "Partner,Kind,Country,Registration expires,Projects", 3 },
  { "partners", { "--kind", "ngo", NULL }, -1, 0, NULL, 0 },
};

static CliRun *
run_list (Fixture    *f,
          const Case *c,
          const char *out)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--today");
  g_ptr_array_add (args, (gpointer) "2026-12-01");
  if (out != NULL)
    g_ptr_array_add (args, (gpointer) "export-list");
  g_ptr_array_add (args, (gpointer) c->list);
  for (guint i = 0; c->filters[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) c->filters[i]);
  if (out != NULL)
    {
      g_ptr_array_add (args, (gpointer) "--out");
      g_ptr_array_add (args, (gpointer) out);
    }
  g_ptr_array_add (args, NULL);
  return dn_cli_runv (cli_path, f->dir, NULL, (const char * const *) args->pdata);
}

static void
test_same_rows (Fixture       *f,
                gconstpointer  data)
{
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const Case *c = &cases[k];
      g_autofree char *name = g_strdup_printf ("list %u.csv", k);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(CliRun) listed = run_list (f, c, NULL);
      g_autoptr(CliRun) exported = run_list (f, c, path);
      g_autoptr(GPtrArray) tsv = NULL;
      g_autoptr(GPtrArray) csv = NULL;
      g_autofree char *said = NULL;

      g_test_message ("%s %s", c->list, c->filters[0] != NULL ? c->filters[0] : "");
      assert_success (listed);
      assert_success (exported);
      tsv = parse_tsv (listed->out);
      csv = parse_csv (path);
      g_assert_cmpuint (csv->len, ==, tsv->len + 1);
      g_assert_cmpuint (tsv->len, >=, c->min_rows);
      said = g_strdup_printf ("Exported %u %s to %s\n", tsv->len, tsv->len == 1 ? "row" : "rows", path);
      g_assert_cmpstr (exported->out, ==, said);
      if (c->header != NULL)
        {
          g_autofree char *header = g_strjoinv (",", csv->pdata[0]);
          g_autofree char *quoted = NULL;

          /* the header as written: a title with a comma is quoted */
          if (strchr (c->header, '"') != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (c->header, "\"", -1);

              quoted = g_strjoinv ("", parts);
            }
          g_assert_cmpstr (header, ==, quoted != NULL ? quoted : c->header);
        }
      for (guint i = 0; i < tsv->len; i++)
        {
          char **line = tsv->pdata[i];
          char **row = csv->pdata[i + 1];
          guint n = g_strv_length (line);
          const char *shared = c->tsv_field < 0 ? line[n - 1] : line[c->tsv_field];

          g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (csv->pdata[0]));
          /* the same record in the same place (a partner's name may be
           * followed by its short name) */
          g_assert_true (g_str_has_prefix (row[c->csv_field], shared));
        }
    }
}

/* dates as offices write them, counts and percentages as numbers, the
 * workbook a zip */
static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "tasks.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "Nhiệm vụ.xlsx", NULL);
  g_autoptr(CliRun) csv_run = cli ("--db", f->db, "export-list", "tasks", "--out", csv_path, NULL);
  g_autoptr(CliRun) xlsx_run = cli ("--db", f->db, "export-list", "tasks", "--status", "open", "--out", xlsx_path, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint dated = 0;

  assert_success (csv_run);
  rows = parse_csv (csv_path);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = rows->pdata[i];

      if (row[4][0] != '\0')
        {
          g_assert_true (g_regex_match_simple ("^[0-3][0-9]/[01][0-9]/[12][0-9]{3}$", row[4], 0, 0));
          dated++;
        }
      g_assert_true (g_regex_match_simple ("^[0-9]+$", row[7], 0, 0));
    }
  g_assert_cmpuint (dated, >, 0);

  assert_success (xlsx_run);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);
}

static gboolean
only_the_database (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "demo.db") && !g_str_equal (name, "state.json"))
      {
        g_test_message ("left: %s", name);
        return FALSE;
      }
  return TRUE;
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "out.txt", NULL);
  g_autofree char *xls = g_build_filename (f->dir, "out.xls", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no such folder", "out.xlsx", NULL);
  g_autofree char *file_dir = g_build_filename (f->dir, "demo.db", "out.csv", NULL);

  assert_refused (f, 2, "Unknown list “people”", "export-list", "people", "--out", csv);
  assert_refused (f, 2, "Unknown list", "export-list", "units", "--out", csv);
  assert_refused (f, 1, "neither an .xlsx nor a .csv", "export-list", "tasks", "--out", txt);
  assert_refused (f, 1, "neither an .xlsx nor a .csv", "export-list", "passports", "--out", xls);
  assert_refused (f, 2, "--out", "export-list", "tasks");
  assert_refused (f, 1, "Could not write", "export-list", "tasks", "--out", nowhere);
  assert_refused (f, 1, "Could not write", "export-list", "documents", "--out", file_dir);
  assert_refused (f, 2, "Unknown status “late”", "export-list", "tasks", "--status", "late", "--out", csv);
  assert_refused (f, 2, "The direction is", "export-list", "delegations", "--direction", "sideways", "--out", csv);
  assert_refused (f, 2, "--expiring-before", "export-list", "partners", "--expiring-before", "soon", "--out", csv);
  assert_refused (f, 2, "bogus", "export-list", "tasks", "--bogus", "--out", csv);
  g_assert_true (only_the_database (f));
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

  g_test_add ("/cli/export-list/same-rows", Fixture, NULL, demo_setup, test_same_rows, fixture_teardown);
  g_test_add ("/cli/export-list/values", Fixture, NULL, demo_setup, test_values, fixture_teardown);
  g_test_add ("/cli/export-list/refusals", Fixture, NULL, demo_setup, test_refusals, fixture_teardown);
  return cli_tests_run (user_dirs);
}
