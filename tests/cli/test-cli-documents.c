/* test-cli-documents.c: the document register commands of doingoai-cli
 *
 * Every case imports the small fixture (tests/data/cli-small.json) into a
 * database of its own and runs the built doingoai-cli on it; a refusal
 * must leave the database as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli-documents"

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "dn-cli-test-fixture.h"
#include "dn-test-utils.h"

static char *
run_today (Fixture    *f,
           const char *first,
           ...) G_GNUC_NULL_TERMINATED;
static char *
run_today (Fixture    *f,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(CliRun) run = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  g_ptr_array_add (args, (gpointer) "--today");
  g_ptr_array_add (args, (gpointer) "2025-03-01");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run = dn_cli_runv (cli_path, NULL, NULL, (const char * const *) args->pdata);
  assert_success (run);
  return g_steal_pointer (&run->out);
}

/* The second field of a line "ID\tNUMBER…" */
static char *
field (const char *line,
       guint       n)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);

  g_assert_cmpuint (g_strv_length (fields), >, n);
  return g_strchomp (g_strdup (fields[n]));
}

/* document-add numbers per year, secret ones apart; documents lists them
 * with their filters */
static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *agency = run_today (f, "settings", "agency-abbreviation", "SGDĐT", NULL);
  g_autofree char *first = run_today (f, "document-add", "--direction", "out", "--type", "decision",
                                      "--subject", "Cử đoàn ra Nhật Bản", "--unit", "HTQT", "--signer", "Lê Bình",
                                      "--copies", "5", "--urgency", "khan", NULL);
  g_autofree char *second = run_today (f, "document-add", "--direction", "out", "--type", "official_letter",
                                       "--subject", "V/v đoàn vào", "--unit", "VP", "--date", "2025-03-02", NULL);
  g_autofree char *secret = run_today (f, "document-add", "--direction", "out", "--type", "report",
                                       "--subject", "Báo cáo mật", "--secrecy", "mat", NULL);
  g_autofree char *incoming = run_today (f, "document-add", "--direction", "in", "--type", "plan",
                                         "--subject", "Kế hoạch hợp tác", "--issuer", "Bộ Giáo dục và Đào tạo",
                                         "--number", "14", "--symbol", "KH-BGDĐT", "--date", "2025-02-20",
                                         "--receiver", "Phòng HTQT", NULL);
  g_autofree char *incoming2 = run_today (f, "document-add", "--direction", "in", "--subject", "Giấy mời",
                                          "--type", "invitation", "--issuer", "UBND tỉnh", NULL);
  g_autofree char *list = NULL;
  g_autofree char *out_list = NULL;
  g_autofree char *secret_list = NULL;
  g_autofree char *found = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *n = NULL;

  g_assert_cmpstr (agency, ==, "");
  n = field (first, 1);
  g_assert_cmpstr (n, ==, "01/QĐ-SGDĐT-HTQT");
  g_clear_pointer (&n, g_free);
  n = field (second, 1);
  g_assert_cmpstr (n, ==, "02/SGDĐT-VP");
  g_clear_pointer (&n, g_free);
  n = field (secret, 1);
  g_assert_cmpstr (n, ==, "01");
  g_clear_pointer (&n, g_free);
  /* incoming: the arrival number of the year */
  n = field (incoming, 1);
  g_assert_cmpstr (n, ==, "1");
  g_clear_pointer (&n, g_free);
  n = field (incoming2, 1);
  g_assert_cmpstr (n, ==, "2");

  settings = run_today (f, "settings", NULL);
  g_assert_nonnull (strstr (settings, "agency-abbreviation\tSGDĐT\t"));

  list = run_today (f, "documents", "--year", "2025", NULL);
  /* newest first; the secret one hidden; dates as ISO */
  {
    g_autofree char *id = field (second, 0);
    g_autofree char *line = g_strdup_printf ("%s\tout\t02/SGDĐT-VP\t2025-03-02\t\tofficial_letter\tV/v đoàn vào\n", id);
    g_assert_true (g_str_has_prefix (list, line));
  }
  g_assert_null (strstr (list, "Báo cáo mật"));
  g_assert_nonnull (strstr (list, "\tin\t14/KH-BGDĐT\t2025-02-20\tBộ Giáo dục và Đào tạo\tplan\tKế hoạch hợp tác\n"));

  out_list = run_today (f, "documents", "--direction", "out", NULL);
  g_assert_null (strstr (out_list, "\tin\t"));
  secret_list = run_today (f, "documents", "--direction", "out", "--secret", NULL);
  g_assert_nonnull (strstr (secret_list, "Báo cáo mật"));
  /* the search over every record hides it too, unless asked */
  {
    g_autofree char *hidden = run_today (f, "search", "bao cao", NULL);
    g_autofree char *shown = run_today (f, "search", "--secret", "bao cao", NULL);

    g_assert_null (strstr (hidden, "Báo cáo mật"));
    g_assert_nonnull (strstr (shown, "Báo cáo mật"));
  }
  /* accents ignored */
  found = run_today (f, "documents", "--search", "hop tac", NULL);
  g_assert_nonnull (strstr (found, "Kế hoạch hợp tác"));
  g_assert_null (strstr (found, "Giấy mời"));
  {
    g_autofree char *none = run_today (f, "documents", "--year", "2024", "--direction", "in", NULL);
    g_assert_null (strstr (none, "Kế hoạch hợp tác"));
  }
}

/* The same number, symbol and issuer in the year: refused, nothing
 * written, unless --confirm */
static void
test_documents_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *first = run_today (f, "document-add", "--direction", "in", "--subject", "Kế hoạch",
                                      "--issuer", "Bộ GDĐT", "--number", "14", "--symbol", "KH-BGDĐT",
                                      "--date", "2025-02-20", NULL);
  g_autofree char *again = NULL;

  assert_refused (f, 1, "--confirm", "--today", "2025-03-01", "document-add", "--direction", "in",
                  "--subject", "Kế hoạch (bản sao)", "--issuer", "Bộ GDĐT", "--number", "14", "--symbol", "KH-BGDĐT",
                  "--date", "2025-02-20");
  assert_refused (f, 1, "already in the register", "--today", "2025-03-01", "document-add", "--direction", "in",
                  "--subject", "Kế hoạch (bản sao)", "--issuer", "Bộ GDĐT", "--number", "14", "--symbol", "KH-BGDĐT",
                  "--date", "2025-02-20");
  assert_refused (f, 1, "agency's abbreviation is not set", "document-add", "--direction", "out",
                  "--subject", "X", "--unit", "VP");
  assert_refused (f, 1, "--copies", "document-add", "--direction", "out", "--subject", "X", "--copies", "0");
  assert_refused (f, 1, "--date", "document-add", "--direction", "out", "--subject", "X", "--date", "31/2/2025");
  assert_refused (f, 1, "subject", "document-add", "--direction", "out", "--subject", " ");
  assert_refused (f, 1, "spaces", "settings", "agency-abbreviation", "SGD ĐT");
  /* usage: exit 2 */
  assert_refused (f, 2, "--direction in", "document-add", "--subject", "X");
  assert_refused (f, 2, "Unknown direction", "document-add", "--direction", "sideways", "--subject", "X");
  assert_refused (f, 2, "--subject", "document-add", "--direction", "in");
  assert_refused (f, 2, "Unknown urgency", "document-add", "--direction", "in", "--subject", "X", "--urgency", "asap");
  assert_refused (f, 2, "Unknown secrecy", "document-add", "--direction", "in", "--subject", "X", "--secrecy", "top");
  assert_refused (f, 2, "Unknown type", "documents", "--type", "letter");
  assert_refused (f, 2, "not a year", "documents", "--year", "soon");
  assert_refused (f, 2, "either --symbol or --unit", "document-add", "--direction", "out", "--subject", "X",
                  "--symbol", "QĐ-X", "--unit", "VP");
  assert_refused (f, 2, "--year", "document-register", "--direction", "out", "--pdf", "x.pdf");
  assert_refused (f, 2, "--pdf", "document-register", "--direction", "out", "--year", "2025");
  assert_refused (f, 2, "Too many", "documents", "extra");

  again = run_today (f, "document-add", "--direction", "in", "--subject", "Kế hoạch (bản sao)", "--issuer", "Bộ GDĐT",
                     "--number", "14", "--symbol", "KH-BGDĐT", "--date", "2025-02-20", "--confirm", NULL);
  {
    g_autofree char *n = field (again, 1);
    g_assert_cmpstr (n, ==, "2");
  }
}

/* document-register writes the book: a PDF with the columns of Phụ lục IV */
static void
test_document_register (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "register.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Công văn số %d về hợp tác quốc tế trong giáo dục", i + 1);
      g_autofree char *added = run_today (f, "document-add", "--direction", "out", "--subject", subject,
                                          "--signer", "Lê Bình", "--recipients", "Các phòng GD&ĐT", NULL);
    }
  out = run_today (f, "document-register", "--direction", "out", "--year", "2025", "--pdf", pdf, NULL);
  g_assert_true (g_str_has_prefix (out, "40 documents on "));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  info = run_today (f, "pdf-info", pdf, NULL);
  g_assert_nonnull (strstr (info, "title\tRegister of outgoing documents\n"));
  g_assert_nonnull (strstr (info, "page-size\t842\t595"));
  g_assert_null (strstr (info, "pages\t1\n"));
  text = run_today (f, "pdf-text", "--page", "1", pdf, NULL);
  g_assert_nonnull (strstr (text, "REGISTER OF OUTGOING DOCUMENTS"));
  g_assert_nonnull (strstr (text, "Year 2025"));
  g_assert_nonnull (strstr (text, "Recipients"));
  g_assert_nonnull (strstr (text, "Công văn số 1 "));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  /* the incoming register of an empty year: one page, the header only */
  g_clear_pointer (&out, g_free);
  out = run_today (f, "document-register", "--direction", "in", "--year", "2024", "--pdf", pdf, NULL);
  g_assert_true (g_str_has_prefix (out, "0 documents on 1 page written to "));
  g_clear_pointer (&text, g_free);
  text = run_today (f, "pdf-text", pdf, NULL);
  g_assert_nonnull (strstr (text, "Arrival"));
  g_assert_nonnull (strstr (text, "Receiving unit"));
}

/* document-slip: an incoming document's handling slip with its tasks; an
 * outgoing or unknown one is refused with no file written */
static void
test_document_slip (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "phieu.pdf", NULL);
  g_autofree char *added = run_today (f, "document-add", "--direction", "out", "--subject", "Báo cáo quý",
                                      "--symbol", "BC-SGDĐT", NULL);
  g_autofree char *outgoing = field (added, 0);
  g_autofree char *out = NULL, *text = NULL;

  /* the fixture's document 1 came from the Ministry, with one task */
  out = run_today (f, "document-slip", "1", "--pdf", pdf, NULL);
  g_assert_true (g_str_has_prefix (out, "Handling slip with 1 task written to "));
  text = run_today (f, "pdf-text", pdf, NULL);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "INCOMING DOCUMENT HANDLING SLIP"));
  g_assert_nonnull (strstr (text, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"));
  g_assert_nonnull (strstr (text, "123/BGDĐT-HTQT"));
  g_assert_nonnull (strstr (text, "Về việc quản lý hộ chiếu công vụ"));
  g_assert_nonnull (strstr (text, "Rà soát hộ chiếu công vụ"));
  g_assert_true (g_unlink (pdf) == 0);

  assert_refused (f, 1, "not an incoming document", "document-slip", outgoing, "--pdf", pdf);
  assert_refused (f, 1, "no document", "document-slip", "9999", "--pdf", pdf);
  assert_refused (f, 2, "--pdf", "document-slip", "1");
  assert_refused (f, 2, "not a document number", "document-slip", "sáu", "--pdf", pdf);
  assert_refused (f, 2, "document's number", "document-slip", "--pdf", pdf);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  char *user_dirs = cli_tests_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/documents/documents", test_documents);
  ADD ("/cli/documents/refused", test_documents_refused);
  ADD ("/cli/documents/register", test_document_register);
  ADD ("/cli/documents/slip", test_document_slip);
#undef ADD

  return cli_tests_run (user_dirs);
}
