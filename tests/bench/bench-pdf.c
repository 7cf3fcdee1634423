/* bench-pdf.c: the PDF viewer on a generated 500-page file, beside the
 * floor of the same work without it
 *
 *   xvfb-run -a -s '-screen 0 1400x1000x24' ./build/tests/bench/bench-pdf [--runs N] [--pages N]
 *
 * Measures, each run in this process:
 *   - open + first page on screen: from dn_pdf_window_open() to the frame
 *     after the first page's image came (the window shown at once);
 *   - scrolling the whole file half a screen a frame: the longest time the
 *     main loop was busy in one iteration (a stall), the pages drawn, and
 *     the resident memory at each quarter (flat: the cache has a budget);
 *   - peak memory (VmHWM, Linux).
 * Beside it, in the same run, the floor: poppler alone in a plain loop
 * (open, then draw page 1 at the view's scale; then every page), and
 * pdftoppm drawing page 1 at the same resolution when it is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-pdf"

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "dn-pdf-test-utils.h"
#include "dn-pdf-window.h"
#include "dn-ui.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* VmRSS or VmHWM in MB from /proc/self/status; -1 where there is none */
static double
memory_mb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (key) + 1, NULL) / 1024.0;
}

static gboolean
first_page_drawn (DnPdfPages *pages)
{
  g_autoptr(GArray) cached = dn_pdf_pages_dup_cached (pages);

  for (guint i = 0; i < cached->len; i++)
    if (g_array_index (cached, int, i) == dn_pdf_pages_get_page (pages))
      return TRUE;
  return FALSE;
}

typedef struct
{
  gint64 longest;   /* µs, one iteration of the main loop */
} Loop;

static void
iterate (Loop *loop)
{
  gint64 start = g_get_monotonic_time ();

  if (g_main_context_iteration (NULL, FALSE))
    loop->longest = MAX (loop->longest, g_get_monotonic_time () - start);
  else
    g_usleep (500);
}

static void
wait_frame (GtkWidget *widget,
            Loop      *loop)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 counter = gdk_frame_clock_get_frame_counter (clock);
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (widget);
  while (gdk_frame_clock_get_frame_counter (clock) == counter && g_get_monotonic_time () < end)
    iterate (loop);
}

/* The floor: poppler alone, one thread, open and page 1 at @scale; then
 * every page (ms per page) */
static void
floor_poppler (const char *path,
               double      scale,
               double     *first_ms,
               double     *per_page_ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 start = g_get_monotonic_time ();
  PopplerDocument *doc = poppler_document_new_from_gfile (file, NULL, NULL, NULL);
  int n = poppler_document_get_n_pages (doc);

  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      double w, h;
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &w, &h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale), (int) ceil (h * scale));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_object_unref (page);
      if (i == 0)
        {
          *first_ms = ms_since (start);
          start = g_get_monotonic_time ();
        }
    }
  *per_page_ms = ms_since (start) / MAX (n - 1, 1);
  g_object_unref (doc);
}

/* pdftoppm page 1 at @dpi, or -1 */
static double
floor_pdftoppm (const char *path,
                const char *dir,
                int         dpi)
{
  g_autofree char *program = g_find_program_in_path ("pdftoppm");
  g_autofree char *resolution = g_strdup_printf ("%d", dpi);
  g_autofree char *out = g_build_filename (dir, "page", NULL);
  const char *argv[] = { NULL, "-f", "1", "-l", "1", "-r", resolution, "-png", path, out, NULL };
  gint64 start;
  int status;

  if (program == NULL)
    return -1;
  argv[0] = program;
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL))
    return -1;
  return ms_since (start);
}

int
main (int argc, char **argv)
{
  int runs = 3, n_pages = 500;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (default 3)", "N" },
    { "pages", 0, 0, G_OPTION_ARG_INT, &n_pages, "Pages of the generated file (default 500)", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-pdf: no display (run it under xvfb-run)\n");
      return 1;
    }
  dn_ui_ensure_resources ();
  dir = dn_pdf_test_make_dir ();
  path = g_build_filename (dir, "bench.pdf", NULL);
  start = g_get_monotonic_time ();
  dn_pdf_test_write (path, n_pages, "Bench", FALSE);
  printf ("generated %d pages in %.0f ms\n", n_pages, ms_since (start));

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      DnPdfWindow *window;
      DnPdfPages *pages;
      GtkAdjustment *adjustment;
      Loop loop = { 0 };
      double first, scroll_ms, rss[4] = { -1, -1, -1, -1 }, floor_first = 0, floor_page = 0, ppm, scale;
      guint drawn_before, skipped_before, requested_before, step = 0, steps;
      gint64 t;

      /* the view */
      t = g_get_monotonic_time ();
      window = dn_pdf_window_open (NULL, file, 0);
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
      pages = dn_pdf_view_get_pages (dn_pdf_window_get_view (window));
      while (!first_page_drawn (pages) && ms_since (t) < 20000)
        iterate (&loop);
      wait_frame (GTK_WIDGET (window), &loop);
      first = ms_since (t);
      scale = dn_pdf_pages_get_render_scale (pages);

      /* scrolling everything, half a screen a frame */
      loop.longest = 0;
      drawn_before = dn_pdf_renderer_get_n_rendered (dn_pdf_renderer_get_default ());
      skipped_before = dn_pdf_renderer_get_n_skipped (dn_pdf_renderer_get_default ());
      requested_before = dn_pdf_pages_get_n_requested (pages);
      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (pages));
      steps = (guint) ceil ((gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
                            / (gtk_adjustment_get_page_size (adjustment) / 2));
      t = g_get_monotonic_time ();
      while (gtk_adjustment_get_value (adjustment) < gtk_adjustment_get_upper (adjustment)
                                                     - gtk_adjustment_get_page_size (adjustment) - 1)
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                                + gtk_adjustment_get_page_size (adjustment) / 2);
          wait_frame (GTK_WIDGET (window), &loop);
          step++;
          if (steps > 0 && step * 4 / steps < 4 && rss[step * 4 / steps] < 0)
            rss[step * 4 / steps] = memory_mb ("VmRSS:");
        }
      while (!first_page_drawn (pages) && ms_since (t) < 60000)
        iterate (&loop);
      scroll_ms = ms_since (t);

      /* the floor, in the same run */
      floor_poppler (path, scale, &floor_first, &floor_page);
      ppm = floor_pdftoppm (path, dir, (int) round (scale * 72));

      printf ("run %d: first page on screen %.1f ms (poppler alone: open + page 1 %.1f ms; pdftoppm page 1: %.0f ms) "
              "at %.2f px/pt\n", r + 1, first, floor_first, ppm, scale);
      printf ("run %d: scrolled %d pages in %u frames, %.1f s; longest main-loop stall %.1f ms; "
              "pages asked for %u, drawn %u, jobs skipped %u; poppler alone %.1f ms a page\n",
              r + 1, n_pages, step, scroll_ms / 1000, loop.longest / 1000.0,
              dn_pdf_pages_get_n_requested (pages) - requested_before,
              dn_pdf_renderer_get_n_rendered (dn_pdf_renderer_get_default ()) - drawn_before,
              dn_pdf_renderer_get_n_skipped (dn_pdf_renderer_get_default ()) - skipped_before, floor_page);
      printf ("run %d: resident memory at 25/50/75/100 %%: %.0f / %.0f / %.0f / %.0f MB; peak %.0f MB\n",
              r + 1, rss[1], rss[2], rss[3], memory_mb ("VmRSS:"), memory_mb ("VmHWM:"));
      fflush (stdout);
      gtk_window_destroy (GTK_WINDOW (window));
      for (int i = 0; i < 50; i++)
        iterate (&loop);
    }
  dn_pdf_test_remove_dir (dir);
  return 0;
}
