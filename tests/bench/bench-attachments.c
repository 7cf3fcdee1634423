/* bench-attachments.c: the text of 1 000 attached PDF files read into the
 * search index, beside pdftotext on the same files
 *
 *   ./build/tests/bench/bench-attachments [--files N] [--pages N] [--dir DIR]
 *
 * Small PDF files (cairo and Pango, tests/report/dn-pdf-test-utils) are
 * made in a temporary folder (or DIR), attached to one task of a new
 * database, then read by the renderer and kept in the index
 * (dn_attachment_index_pending, as doingoai-cli attach does it), then read
 * by pdftotext (one process per file, its output thrown away: the floor of
 * reading the text alone). Last, one search that finds a page of each file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "dn-attachment-text.h"
#include "dn-pdf-test-utils.h"
#include "dn-store.h"
#include "dn-test-utils.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  int n_files = 1000, n_pages = 2;
  g_autofree char *dir_option = NULL;
  GOptionEntry entries[] = {
    { "files", 0, 0, G_OPTION_ARG_INT, &n_files, "Number of PDF files (default 1000)", "N" },
    { "pages", 0, 0, G_OPTION_ARG_INT, &n_pages, "Pages per file (default 2)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir_option, "Folder for the files and the database (default: a temporary one, removed)", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(DnPdfRenderer) renderer = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gint64 start, unit_id, task_id;
  guint done = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_files < 1 || n_pages < 1)
    {
      fprintf (stderr, "bench-attachments: %s\n", error != NULL ? error->message : "give positive numbers");
      return 2;
    }
  dir = dir_option != NULL ? g_strdup (dir_option) : dn_pdf_test_make_dir ();
  g_mkdir_with_parents (dir, 0700);
  db = g_build_filename (dir, "bench-attachments.db", NULL);
  g_remove (db);

  start = g_get_monotonic_time ();
  for (int i = 0; i < n_files; i++)
    {
      char *path = g_strdup_printf ("%s/file-%04d.pdf", dir, i);
      g_autofree char *title = g_strdup_printf ("Tệp %d", i);

      /* a title each: files of different content, stored apart */
      dn_pdf_test_write (path, n_pages, title, FALSE);
      g_ptr_array_add (paths, path);
    }
  printf ("generated %d files of %d pages in %.0f ms\n", n_files, n_pages, ms_since (start));

  store = dn_store_open (db, DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-attachments: %s\n", error->message);
      return 1;
    }
  unit_id = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  task_id = dn_test_add_task (store, "Hồ sơ đoàn ra", unit_id, NULL, NULL);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths->pdata[i]);
      g_autoptr(DnAttachment) attachment = dn_store_attach_file (store, DN_RECORD_TASK, task_id, file, NULL, &error);

      if (attachment == NULL)
        {
          fprintf (stderr, "bench-attachments: %s\n", error->message);
          return 1;
        }
    }
  printf ("attached %d files (stored by SHA-256) in %.0f ms\n", n_files, ms_since (start));

  renderer = dn_pdf_renderer_new ();
  start = g_get_monotonic_time ();
  if (!dn_attachment_index_pending (store, renderer, NULL, &done, &error))
    {
      fprintf (stderr, "bench-attachments: %s\n", error->message);
      return 1;
    }
  printf ("index %u attached PDFs: %.0f ms (%.2f ms a file)\n", done, ms_since (start), ms_since (start) / MAX (done, 1));

  if (pdftotext != NULL)
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; i < paths->len; i++)
        {
          const char *args[] = { pdftotext, "-q", "-enc", "UTF-8", paths->pdata[i], "-", NULL };
          int status = 0;

          if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                             &status, &error))
            {
              fprintf (stderr, "bench-attachments: %s\n", error->message);
              return 1;
            }
        }
      printf ("pdftotext on the same %d files (one process each): %.0f ms (%.2f ms a file)\n", n_files,
              ms_since (start), ms_since (start) / n_files);
    }
  else
    printf ("pdftotext: not installed (Debian: poppler-utils)\n");

  start = g_get_monotonic_time ();
  hits = dn_store_search (store, "ho chieu", 50, &error);
  if (hits == NULL)
    {
      fprintf (stderr, "bench-attachments: %s\n", error->message);
      return 1;
    }
  printf ("search “ho chieu” over %d × %d pages: %u hits in %.1f ms\n", n_files, n_pages, hits->len, ms_since (start));

  g_clear_object (&renderer);
  g_clear_object (&store);
  if (dir_option == NULL)
    dn_pdf_test_remove_dir (dir);
  return 0;
}
