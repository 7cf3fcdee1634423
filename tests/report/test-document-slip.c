/* test-document-slip.c: the document-handling slip drawn into a PDF file
 * and read back with the renderer: the document, each task with its lead
 * and supporting units and deadline, the parts written by hand; a long
 * list over several pages; a place that cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-document-slip"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-date.h"
#include "dn-document-slip.h"
#include "dn-pdf-renderer.h"
#include "dn-pdf-test-utils.h"
#include "dn-task.h"

typedef struct
{
  char          *dir;
  DnPdfRenderer *renderer;
  DnDocument    *document;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  DnDocument *doc = dn_document_new ();

  f->dir = dn_pdf_test_make_dir ();
  f->renderer = dn_pdf_renderer_new ();
  doc->direction = DN_DIRECTION_INCOMING;
  doc->type = DN_DOCUMENT_TYPE_PLAN;
  g_free (doc->number);
  doc->number = g_strdup ("325");
  g_free (doc->symbol);
  doc->symbol = g_strdup ("KH-UBND");
  g_free (doc->issuer);
  doc->issuer = g_strdup ("UBND huyện Đầm Hà");
  g_free (doc->subject);
  doc->subject = g_strdup ("Triển khai công tác hội nhập quốc tế năm 2024");
  g_date_set_dmy (&doc->issue_date, 12, 3, 2024);
  g_date_set_dmy (&doc->arrival_date, 14, 3, 2024);
  doc->arrival_number = 57;
  f->document = doc;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->document);
  g_clear_object (&f->renderer);
  dn_pdf_test_remove_dir (f->dir);
  g_free (f->dir);
}

static DnTask *
task_new (const char *section,
          const char *title,
          const char *lead,
          const char *support,
          int         day)
{
  DnTask *task = dn_task_new ();

  g_free (task->section);
  task->section = g_strdup (section);
  g_free (task->title);
  task->title = g_strdup (title);
  g_free (task->lead_unit_name);
  task->lead_unit_name = g_strdup (lead);
  g_free (task->support_unit_names);
  task->support_unit_names = g_strdup (support);
  if (day > 0)
    g_date_set_dmy (&task->due_date, day, 12, 2024);
  return task;
}

/* The text of every page of @path, joined, and their number */
static char *
read_back (Fixture    *f,
           const char *path,
           int        *n_pages)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPdfDocument) pdf = dn_pdf_renderer_open (f->renderer, file, NULL, NULL, &error);
  GString *all = g_string_new (NULL);
  double width, height;

  g_assert_no_error (error);
  *n_pages = dn_pdf_document_get_n_pages (pdf);
  dn_pdf_document_get_page_size (pdf, 0, &width, &height);
  /* A4 portrait */
  g_assert_cmpfloat_with_epsilon (width, 595.28, 1);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 1);
  for (int i = 0; i < *n_pages; i++)
    {
      g_autofree char *text = dn_pdf_renderer_get_text (f->renderer, pdf, i, NULL, &error);

      g_assert_no_error (error);
      g_string_append_printf (all, "\f%s", text);
    }
  return g_string_free (all, FALSE);
}

/* @text with its line breaks as spaces (the table wraps long cells) */
static char *
flat (const char *text)
{
  char *copy = g_strdup (text);

  g_strdelimit (copy, "\n", ' ');
  return copy;
}

static void
test_slip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "phieu.pdf", NULL);
  g_autoptr(DnDocumentSlip) slip = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *joined = NULL;
  int n_pages;

  g_ptr_array_add (tasks, task_new ("II.1", "Tổ chức hội nghị sơ kết công tác đối ngoại", "Văn phòng Sở",
                                    "Phòng GDTrH, Phòng GDCN&GDTX", 15));
  g_ptr_array_add (tasks, task_new ("", "Báo cáo kết quả theo quý", "Phòng Kế hoạch - Tài chính", "", 0));
  slip = dn_document_slip_new (f->document, tasks, "Sở Giáo dục và Đào tạo");
  g_assert_true (dn_document_slip_write_pdf (slip, path, &error));
  g_assert_no_error (error);
  text = read_back (f, path, &n_pages);
  joined = flat (text);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (joined, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"));
  g_assert_nonnull (strstr (joined, "INCOMING DOCUMENT HANDLING SLIP"));
  g_assert_nonnull (strstr (joined, "Arrival number: 57"));
  g_assert_nonnull (strstr (joined, "14/03/2024"));
  g_assert_nonnull (strstr (joined, "325/KH-UBND"));
  g_assert_nonnull (strstr (joined, "UBND huyện Đầm Hà"));
  g_assert_nonnull (strstr (joined, "Triển khai công tác hội nhập quốc tế năm 2024"));
  g_assert_nonnull (strstr (joined, "II.1. Tổ chức hội nghị sơ kết"));
  g_assert_nonnull (strstr (joined, "Văn phòng Sở"));
  g_assert_nonnull (strstr (joined, "Phòng GDCN&GDTX"));
  g_assert_nonnull (strstr (joined, "15/12/2024"));
  g_assert_nonnull (strstr (joined, "Báo cáo kết quả theo quý"));
  g_assert_nonnull (strstr (joined, "III. PROPOSAL OF THE PERSON HANDLING IT"));
  /* the tasks in their order, before the parts written by hand */
  g_assert_true (strstr (joined, "Tổ chức hội nghị") < strstr (joined, "Báo cáo kết quả theo quý"));
  g_assert_true (strstr (joined, "Báo cáo kết quả theo quý") < strstr (joined, "II. OPINION"));
}

/* Sixty tasks run over pages; the header row on each, the closing parts
 * once, on the last */
static void
test_long (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "dai.pdf", NULL);
  g_autoptr(DnDocumentSlip) slip = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  int n_pages;

  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nhiệm vụ số %d của kế hoạch", i);

      g_ptr_array_add (tasks, task_new ("", title, "Văn phòng Sở", "", 1 + i % 28));
    }
  slip = dn_document_slip_new (f->document, tasks, NULL);
  g_assert_true (dn_document_slip_write_pdf (slip, path, &error));
  g_assert_no_error (error);
  text = read_back (f, path, &n_pages);
  g_assert_cmpint (n_pages, >=, 3);
  pages = g_strsplit (text + 1, "\f", -1);
  g_assert_cmpint ((int) g_strv_length (pages), ==, n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_assert_nonnull (strstr (pages[i], "Deadline"));
      g_assert_true ((strstr (pages[i], "III. PROPOSAL") != NULL) == (i == n_pages - 1));
    }
  g_assert_nonnull (strstr (text, "Nhiệm vụ số 1 của kế hoạch"));
  g_assert_nonnull (strstr (text, "Nhiệm vụ số 60 của kế hoạch"));
}

/* A place that cannot be written: an error naming it, nothing left */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (f->dir, "khong-co", "phieu.pdf", NULL);
  g_autoptr(DnDocumentSlip) slip = dn_document_slip_new (f->document, tasks, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_false (dn_document_slip_write_pdf (slip, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "phieu.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (f->dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/document-slip/slip", Fixture, NULL, fixture_setup, test_slip, fixture_teardown);
  g_test_add ("/document-slip/long", Fixture, NULL, fixture_setup, test_long, fixture_teardown);
  g_test_add ("/document-slip/unwritable", Fixture, NULL, fixture_setup, test_unwritable, fixture_teardown);
  return g_test_run ();
}
