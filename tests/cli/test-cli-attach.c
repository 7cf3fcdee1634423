/* test-cli-attach.c: doingoai-cli attach, search inside attached PDF files,
 * detach; a file kept while a record shows it; refusals exit 1 and write
 * nothing, usage errors 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-cli-test-utils.h"
#include "dn-pdf-test-utils.h"
#include "dn-test-utils.h"

static const char *cli;

typedef struct
{
  char   *dir;
  char   *db;
  char   *files;      /* the attachments folder */
  char   *pdf;        /* 3 pages: "hộ chiếu" on page 2 */
  char   *scan;
  char   *broken;
  char   *docx;
  char   *task;       /* ids, as the command line takes them */
  char   *document;
  char   *delegation;
} Fixture;

static CliRun *
run (Fixture    *f,
     const char *first,
     ...)
{
  va_list ap;
  CliRun *r;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  r = dn_cli_runv (cli, f->dir, NULL, (const char * const *) args->pdata);
  return r;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  gint64 unit;
  char *pdf_copy;

  f->dir = dn_pdf_test_make_dir ();
  f->db = g_build_filename (f->dir, "doingoai.db", NULL);
  f->files = g_build_filename (f->dir, "attachments", NULL);
  f->pdf = g_build_filename (f->dir, "Hướng dẫn.pdf", NULL);
  f->scan = g_build_filename (f->dir, "scan.pdf", NULL);
  f->broken = g_build_filename (f->dir, "broken.pdf", NULL);
  f->docx = g_build_filename (f->dir, "bao-cao.docx", NULL);
  dn_pdf_test_write (f->pdf, 3, NULL, FALSE);
  dn_pdf_test_write_scan (f->scan, 2);
  pdf_copy = g_build_filename (f->dir, "whole.pdf", NULL);
  dn_pdf_test_write (pdf_copy, 4, "Khác", FALSE);
  dn_pdf_test_truncate (pdf_copy, f->broken, 0.4);
  g_remove (pdf_copy);
  g_free (pdf_copy);
  dn_test_write_file (f->docx, "PK\003\004 not really a document", -1);

  store = dn_store_open (f->db, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  f->task = g_strdup_printf ("%" G_GINT64_FORMAT, dn_test_add_task (store, "Báo cáo đoàn ra", unit, NULL, NULL));
  f->document = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 dn_test_add_document (store, "14", "KH-SGDĐT", "Kế hoạch năm", NULL));
  dn_test_exec (store, "INSERT INTO delegation (direction, title, start_date, end_date) "
                       "VALUES ('outbound', 'Đoàn Hàn Quốc', '2025-03-01', '2025-03-07')");
  f->delegation = g_strdup_printf ("%" G_GINT64_FORMAT, dn_test_query_int (store, "SELECT max(id) FROM delegation"));
  dn_test_store_close (&store);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  dn_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->files);
  g_free (f->pdf);
  g_free (f->scan);
  g_free (f->broken);
  g_free (f->docx);
  g_free (f->task);
  g_free (f->document);
  g_free (f->delegation);
}

static char *
attach_ok (Fixture    *f,
           const char *file,
           const char *kind,
           const char *id,
           const char *warning)
{
  g_autoptr(CliRun) r = run (f, "attach", file, "--to", kind, id, NULL);

  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpuint (strlen (r->out), ==, 65);
  g_assert_cmpint (r->out[64], ==, '\n');
  if (warning == NULL)
    g_assert_cmpstr (r->err, ==, "");
  else
    g_assert_nonnull (strstr (r->err, warning));
  return g_strndup (r->out, 64);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return dn_test_query_file_int (f->db, sql);
}

/* Attached to a task and a document, the PDF's words are found by the
 * search (accents not typed), its page and the words around; removed from
 * one, the file stays for the other; removed from both, it goes. */
static void
test_attach_search_detach (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *sha = attach_ok (f, f->pdf, "task", f->task, NULL);
  g_autofree char *again = attach_ok (f, f->pdf, "document", f->document, NULL);
  g_autofree char *expected = NULL;

  g_assert_cmpstr (again, ==, sha);
  g_assert_cmpuint (dn_test_count_files (f->files), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment WHERE text_state = 'indexed'"), ==, 1);
  {
    g_autoptr(CliRun) r = run (f, "search", "ho chieu", NULL);

    g_assert_cmpint (r->status, ==, 0);
    expected = g_strdup_printf ("attachment\t%s:2\tHướng dẫn.pdf — ", sha);
    g_assert_true (g_str_has_prefix (r->out, expected));
    g_assert_nonnull (strstr (r->out, "hộ chiếu"));
    /* one line: page 2 only */
    g_assert_cmpstr (strchr (r->out, '\n') + 1, ==, "");
  }
  {
    /* "đối ngoại" (đ folded) on page 1 */
    g_autoptr(CliRun) r = run (f, "search", "doi ngoai", NULL);
    g_autofree char *page1 = g_strdup_printf ("attachment\t%s:1\t", sha);

    g_assert_true (g_str_has_prefix (r->out, page1));
  }
  {
    g_autoptr(CliRun) r = run (f, "detach", sha, "--from", "task", f->task, NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_cmpstr (r->err, ==, "");
  }
  g_assert_cmpuint (dn_test_count_files (f->files), ==, 1);
  {
    /* again from the task: it is not there any more */
    g_autoptr(CliRun) r = run (f, "detach", sha, "--from", "task", f->task, NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "is not attached to this record"));
  }
  {
    /* by its number this time */
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, count (f, "SELECT id FROM attachment"));
    g_autoptr(CliRun) r = run (f, "detach", id, "--from", "document", f->document, NULL);

    g_assert_cmpint (r->status, ==, 0);
  }
  g_assert_cmpuint (dn_test_count_files (f->files), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment"), ==, 0);
  {
    g_autoptr(CliRun) r = run (f, "search", "ho chieu", NULL);

    g_assert_cmpint (r->status, ==, 0);
    g_assert_cmpstr (r->out, ==, "");
  }
}

/* Files that are not searchable are kept with a warning, exit 0. */
static void
test_kept_with_warning (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *docx = attach_ok (f, f->docx, "delegation", f->delegation, "is not a PDF file");
  g_autofree char *broken = attach_ok (f, f->broken, "delegation", f->delegation, "could not be read as a PDF");
  g_autofree char *scan = attach_ok (f, f->scan, "task", f->task, "has no text to search");

  g_assert_cmpuint (dn_test_count_files (f->files), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment WHERE text_state = 'not_pdf'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment WHERE text_state = 'damaged'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment WHERE text_state = 'no_text'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM delegation_attachment"), ==, 2);
}

/* An unknown record: exit 1, nothing copied nor written. Bad usage: 2. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  const char *usage[][6] = {
    { "attach", f->pdf, "--to", "person", "1", NULL },
    { "attach", f->pdf, "--to", "task", "abc", NULL },
    { "attach", f->pdf, "task", f->task, NULL },
    { "attach", f->pdf, "--to", "task", NULL },
    { "detach", "xyz", "--from", "task", f->task, NULL },
    { "detach", "1", "--from", "unit", "1", NULL },
  };
  g_autofree char *before = NULL;

  {
    g_autoptr(CliRun) r = run (f, "attach", f->pdf, "--to", "task", "999", NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "There is no task #999."));
    g_assert_cmpstr (r->out, ==, "");
  }
  {
    g_autoptr(CliRun) r = run (f, "attach", f->pdf, "--to", "delegation", "999", NULL);

    g_assert_cmpint (r->status, ==, 1);
  }
  g_assert_cmpuint (dn_test_count_files (f->files), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment"), ==, 0);
  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
    g_autoptr(CliRun) r = run (f, "attach", missing, "--to", "task", f->task, NULL);

    g_assert_cmpint (r->status, ==, 1);
    g_assert_nonnull (strstr (r->err, "Cannot read"));
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(CliRun) r = NULL;

      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, f->db);
      for (guint a = 0; usage[i][a] != NULL; a++)
        g_ptr_array_add (args, (char *) usage[i][a]);
      g_ptr_array_add (args, NULL);
      r = dn_cli_runv (cli, f->dir, NULL, (const char * const *) args->pdata);
      if (r->status != 2)
        g_error ("case %u: exit %d, expected 2: %s", i, r->status, r->err);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment"), ==, 0);
  g_assert_cmpuint (dn_test_count_files (f->files), ==, 0);
  {
    /* a hash that is no file's */
    g_autoptr(CliRun) r = run (f, "detach", "0000000000000000000000000000000000000000000000000000000000000000",
                               "--from", "task", f->task, NULL);

    g_assert_cmpint (r->status, ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli = g_getenv ("DN_TEST_CLI");
  g_assert_nonnull (cli);

  g_test_add ("/cli/attach/search-detach", Fixture, NULL, setup, test_attach_search_detach, teardown);
  g_test_add ("/cli/attach/kept-with-warning", Fixture, NULL, setup, test_kept_with_warning, teardown);
  g_test_add ("/cli/attach/refusals", Fixture, NULL, setup, test_refusals, teardown);
  return g_test_run ();
}
