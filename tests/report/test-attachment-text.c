/* test-attachment-text.c: the text of attached PDF files read with the
 * renderer into the store's index, waiting and from the main loop
 * (DnAttachmentIndexer); scans, damaged files and other files marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-attachment-text.h"
#include "dn-pdf-test-utils.h"
#include "dn-test-utils.h"

typedef struct
{
  DnTestStore    base;
  DnPdfRenderer *renderer;
  gint64         task;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  gint64 unit;

  dn_test_store_setup (&f->base, data);
  f->renderer = dn_pdf_renderer_new ();
  unit = dn_test_add_unit (f->base.store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  f->task = dn_test_add_task (f->base.store, "Báo cáo đoàn ra", unit, NULL, NULL);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->renderer);
  dn_test_store_teardown (&f->base, data);
}

/* Attaches a file made by @make ("pdf", "scan", "broken", "html",
 * "encrypted") to the task; NULL when it cannot be made (no qpdf). */
static DnAttachment *
attach (Fixture    *f,
        const char *name,
        const char *make)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->base.dir, name, NULL);
  g_autoptr(GFile) file = NULL;
  DnAttachment *attachment;

  if (g_str_equal (make, "pdf"))
    dn_pdf_test_write (path, 3, NULL, FALSE);
  else if (g_str_equal (make, "scan"))
    dn_pdf_test_write_scan (path, 2);
  else if (g_str_equal (make, "broken"))
    {
      g_autofree char *whole = g_build_filename (f->base.dir, "whole-for-broken.pdf", NULL);

      dn_pdf_test_write (whole, 5, "Bị hỏng", FALSE);
      dn_pdf_test_truncate (whole, path, 0.3);
    }
  else if (g_str_equal (make, "encrypted"))
    {
      g_autofree char *plain = g_build_filename (f->base.dir, "plain-for-encrypted.pdf", NULL);

      dn_pdf_test_write (plain, 2, NULL, FALSE);
      if (!dn_pdf_test_encrypt (plain, path, "mat-khau"))
        return NULL;
    }
  else
    dn_test_write_file (path, "<html><body>Không phải PDF</body></html>", -1);
  file = g_file_new_for_path (path);
  attachment = dn_store_attach_file (f->base.store, DN_RECORD_TASK, f->task, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (attachment->text_state, ==, DN_ATTACHMENT_TEXT_PENDING);
  return attachment;
}

static DnAttachmentTextState
state_of (Fixture      *f,
          DnAttachment *attachment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAttachment) got = dn_store_get_attachment (f->base.store, attachment->id, &error);

  g_assert_no_error (error);
  return got->text_state;
}

static void
test_read_bytes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->base.dir, "a.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a PDF at all", 16);
  DnPdfText text = { DN_ATTACHMENT_TEXT_PENDING, NULL };

  dn_pdf_test_write (path, 3, NULL, FALSE);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (dn_pdf_text_read_bytes (f->renderer, bytes, "a.pdf", NULL, &text, &error));
  g_assert_no_error (error);
  g_assert_nonnull (text.pages);
  g_assert_cmpuint (text.pages->len, ==, 3);
  g_assert_nonnull (strstr (text.pages->pdata[1], "hộ chiếu"));
  dn_pdf_text_clear (&text);

  g_assert_true (dn_pdf_text_read_bytes (f->renderer, garbage, "x.pdf", NULL, &text, &error));
  g_assert_null (text.pages);
  g_assert_cmpint (text.state, ==, DN_ATTACHMENT_TEXT_NOT_PDF);
}

/* Waiting: each kind of file gets its state; the text found by the
 * search, accents not typed. */
static void
test_index_waiting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAttachment) pdf = attach (f, "huong-dan.pdf", "pdf");
  g_autoptr(DnAttachment) scan = attach (f, "scan.pdf", "scan");
  g_autoptr(DnAttachment) broken = attach (f, "hong.pdf", "broken");
  g_autoptr(DnAttachment) html = attach (f, "trang.pdf", "html");
  g_autoptr(DnAttachment) encrypted = attach (f, "mat.pdf", "encrypted");
  g_autoptr(GPtrArray) hits = NULL;
  guint done = 0;

  g_assert_true (dn_attachment_index_pending (f->base.store, f->renderer, NULL, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done, ==, encrypted != NULL ? 5 : 4);
  g_assert_cmpint (state_of (f, pdf), ==, DN_ATTACHMENT_TEXT_INDEXED);
  g_assert_cmpint (state_of (f, scan), ==, DN_ATTACHMENT_TEXT_NO_TEXT);
  g_assert_cmpint (state_of (f, broken), ==, DN_ATTACHMENT_TEXT_DAMAGED);
  g_assert_cmpint (state_of (f, html), ==, DN_ATTACHMENT_TEXT_NOT_PDF);
  if (encrypted != NULL)
    g_assert_cmpint (state_of (f, encrypted), ==, DN_ATTACHMENT_TEXT_NO_TEXT);
  else
    g_test_message ("qpdf is not installed: no protected file");
  g_assert_cmpint (dn_store_count_pending_attachments (f->base.store, NULL), ==, 0);

  hits = dn_store_search (f->base.store, "ho chieu", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->kind, ==, DN_RECORD_ATTACHMENT);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->page, ==, 2);
  g_assert_cmpstr (((DnSearchHit *) hits->pdata[0])->sha256, ==, pdf->sha256);
}

typedef struct
{
  guint progress;
  guint last_done, last_total;
  guint idle;
} Seen;

static void
progress_cb (DnAttachmentIndexer *indexer,
             guint                done,
             guint                total,
             Seen                *seen)
{
  seen->progress++;
  seen->last_done = done;
  seen->last_total = total;
}

static void
idle_cb (DnAttachmentIndexer *indexer,
         Seen                *seen)
{
  seen->idle++;
}

static void
wait_idle (DnAttachmentIndexer *indexer,
           Seen                *seen,
           guint                idle)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (seen->idle < idle)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_false (dn_attachment_indexer_is_running (indexer));
}

/* From the main loop: the files that wait, then one attached later (the
 * store's "changed" starts it again). */
static void
test_indexer (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DnAttachment) pdf = attach (f, "huong-dan.pdf", "pdf");
  g_autoptr(DnAttachment) scan = attach (f, "scan.pdf", "scan");
  g_autoptr(DnAttachment) later = NULL;
  g_autoptr(DnAttachmentIndexer) indexer = dn_attachment_indexer_new (f->base.store, f->renderer);
  Seen seen = { 0, };

  g_signal_connect (indexer, "progress", G_CALLBACK (progress_cb), &seen);
  g_signal_connect (indexer, "idle", G_CALLBACK (idle_cb), &seen);
  dn_attachment_indexer_start (indexer);
  g_assert_true (dn_attachment_indexer_is_running (indexer));
  /* the main loop has not run: nothing written yet */
  g_assert_cmpint (state_of (f, pdf), ==, DN_ATTACHMENT_TEXT_PENDING);
  wait_idle (indexer, &seen, 1);
  g_assert_cmpuint (seen.progress, ==, 2);
  g_assert_cmpuint (seen.last_done, ==, 2);
  g_assert_cmpuint (seen.last_total, ==, 2);
  g_assert_cmpint (state_of (f, pdf), ==, DN_ATTACHMENT_TEXT_INDEXED);
  g_assert_cmpint (state_of (f, scan), ==, DN_ATTACHMENT_TEXT_NO_TEXT);

  later = attach (f, "sau.pdf", "broken");
  g_assert_true (dn_attachment_indexer_is_running (indexer));
  wait_idle (indexer, &seen, 2);
  g_assert_cmpint (state_of (f, later), ==, DN_ATTACHMENT_TEXT_DAMAGED);
}

/* Stopped at once: nothing is written after, the files still wait. */
static void
test_indexer_stop (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DnAttachment) pdf = attach (f, "huong-dan.pdf", "pdf");
  g_autoptr(DnAttachmentIndexer) indexer = dn_attachment_indexer_new (f->base.store, f->renderer);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  dn_attachment_indexer_start (indexer);
  dn_attachment_indexer_stop (indexer);
  while (dn_attachment_indexer_is_running (indexer))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_cmpint (state_of (f, pdf), ==, DN_ATTACHMENT_TEXT_PENDING);
  /* a stopped indexer does not start by itself */
  {
    g_autoptr(DnAttachment) other = attach (f, "khac.pdf", "scan");

    g_assert_false (dn_attachment_indexer_is_running (indexer));
  }
  /* until asked */
  dn_attachment_indexer_start (indexer);
  while (dn_attachment_indexer_is_running (indexer))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_cmpint (state_of (f, pdf), ==, DN_ATTACHMENT_TEXT_INDEXED);
  g_assert_cmpint (dn_store_count_pending_attachments (f->base.store, NULL), ==, 0);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

int
main (int argc, char **argv)
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  ADD ("/attachment-text/read-bytes", test_read_bytes);
  ADD ("/attachment-text/index-waiting", test_index_waiting);
  ADD ("/attachment-text/indexer", test_indexer);
  ADD ("/attachment-text/indexer-stop", test_indexer_stop);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
