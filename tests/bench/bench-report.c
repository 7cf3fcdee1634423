/* bench-report.c: a year's report on a province's worth of data, beside a
 * word processor making the same PDF
 *
 * bench-report [--runs N] [--db DBPATH] [--period YEAR] [--out DIR] [--no-libreoffice]
 *
 * On a database made by dn_generate (100 000 tasks, 20 000 delegations,
 * 50 000 people; made once and reused: DBPATH, by default the one of
 * bench-core in the build folder), times the report of a year for the
 * whole province (its first unit with every unit below it), as
 * "doingoai-cli report" makes it, in its phases: reading the figures,
 * building the document, checking its font, writing the PDF (laid out and
 * drawn by cairo and Pango, no outside converter); median of N runs after
 * one warm-up. The same document is written as ODT and its tables as a
 * workbook (for information). When LibreOffice is installed (soffice or
 * libreoffice in PATH), the ODT is converted to PDF by "soffice --headless
 * --convert-to pdf" in the same run (its own profile, made by a first
 * conversion not counted), and the ratio of the two is printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-report"

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "dn-generator.h"
#include "dn-official-document.h"
#include "dn-report-builder.h"
#include "dn-report-font.h"
#include "dn-store-reports.h"
#include "dn-store-units.h"
#include "dn-test-utils.h"

#define N_TASKS       100000
#define N_DELEGATIONS 20000
#define N_PEOPLE      50000

/* the aim: the year's report, figures to PDF, in under a second */
#define AIM_MS 1000.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  guint n = times->len;

  g_array_sort (times, compare_doubles);
  return n % 2 == 1 ? g_array_index (times, double, n / 2)
                    : (g_array_index (times, double, n / 2 - 1) + g_array_index (times, double, n / 2)) / 2;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  gint64 start = g_get_monotonic_time ();

  printf ("Generating %s (%d tasks, %d delegations, %d people)… ", path, N_TASKS, N_DELEGATIONS, N_PEOPLE);
  fflush (stdout);
  {
    g_autoptr(DnStore) store = dn_store_open (tmp, DN_STORE_OPEN_DEFAULT, &error);

    /* as bench-core makes it (the same seed) */
    if (store == NULL || !dn_generate (store, N_TASKS, N_DELEGATIONS, N_PEOPLE, 1, &error))
      g_error ("%s", error->message);
  }
  if (g_rename (tmp, path) != 0)
    g_error ("cannot rename %s to %s", tmp, path);
  printf ("%.1f s\n", ms_since (start) / 1000.0);
}

typedef struct
{
  GArray *figures;
  GArray *build;
  GArray *font;
  GArray *pdf;
  GArray *total;
  GArray *odt;
  GArray *xlsx;
  guint   n_pages;
  guint   n_tasks;
  guint   n_listed;
} Times;

/* One report, timed phase by phase; the ODT and workbook too when asked */
static void
one_run (DnStore              *store,
         DnReport             *report,
         const DnReportPeriod *period,
         const GDate          *day,
         const char           *dir,
         Times                *times,
         gboolean              record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnReportFigures) figures = NULL;
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "report.odt", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "report.xlsx", NULL);
  gint64 start = g_get_monotonic_time (), t = start;
  double figures_ms, build_ms, font_ms, pdf_ms, total_ms, odt_ms, xlsx_ms;

  figures = dn_store_read_report_figures (store, period, report->unit_id, TRUE, day, &error);
  if (figures == NULL)
    g_error ("%s", error->message);
  figures_ms = ms_since (t);
  t = g_get_monotonic_time ();
  doc = dn_report_build (report, figures);
  build_ms = ms_since (t);
  t = g_get_monotonic_time ();
  if (!dn_official_document_check_font (doc, NULL, &error))
    g_printerr ("%s\n", error->message);
  g_clear_error (&error);
  font_ms = ms_since (t);
  t = g_get_monotonic_time ();
  if (!dn_official_document_write_pdf (doc, pdf, NULL, &times->n_pages, &error))
    g_error ("%s", error->message);
  pdf_ms = ms_since (t);
  total_ms = ms_since (start);
  t = g_get_monotonic_time ();
  if (!dn_official_document_write_odt (doc, odt, NULL, &error))
    g_error ("%s", error->message);
  odt_ms = ms_since (t);
  t = g_get_monotonic_time ();
  if (!dn_official_document_write_tables (doc, xlsx, &error))
    g_error ("%s", error->message);
  xlsx_ms = ms_since (t);
  times->n_tasks = figures->n_tasks;
  times->n_listed = figures->tasks->len;
  if (!record)
    return;
  g_array_append_val (times->figures, figures_ms);
  g_array_append_val (times->build, build_ms);
  g_array_append_val (times->font, font_ms);
  g_array_append_val (times->pdf, pdf_ms);
  g_array_append_val (times->total, total_ms);
  g_array_append_val (times->odt, odt_ms);
  g_array_append_val (times->xlsx, xlsx_ms);
}

/* soffice converting @odt to PDF in @dir, with the profile @profile: ms */
static double
convert (const char *soffice,
         const char *profile,
         const char *odt,
         const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *argv[] = { soffice, user_installation, "--headless", "--norestore", "--convert-to", "pdf",
                         "--outdir", dir, odt, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                     NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", soffice, error->message);
  return ms_since (start);
}

static int
pdf_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  if (pdf == NULL)
    g_error ("%s: %s", path, error->message);
  n = poppler_document_get_n_pages (pdf);
  g_object_unref (pdf);
  return n;
}

#define ROW "%-40s %9.1f %9.1f %9.1f\n"

static void
print_row (const char *what,
           GArray     *times)
{
  double m = median (times);

  printf (ROW, what, m, g_array_index (times, double, 0), g_array_index (times, double, times->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- a year's report on a province's worth of data");
  g_autofree char *db = NULL, *period_text = NULL, *dir = NULL, *soffice = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(DnReport) report = NULL;
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *root = NULL;
  int runs = 5;
  gboolean keep = FALSE, no_peer = FALSE;
  DnReportPeriod period;
  GDate day;
  Times times = { 0 };
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (5)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database (made when missing)", "DBPATH" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, "The year reported on (2025)", "YEAR" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the files are written and kept (a temporary folder)", "DIR" },
    { "no-libreoffice", 0, 0, G_OPTION_ARG_NONE, &no_peer, "Leave LibreOffice out", NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 1);
  if (db == NULL)
    db = g_strdup (BENCH_DEFAULT_DB);
  if (period_text == NULL)
    period_text = g_strdup ("2025");
  if (dir == NULL)
    dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  else
    keep = TRUE;
  if (dir == NULL || g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("no folder for the files");
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    make_database (db);
  store = dn_store_open (db, DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* the province: its first unit at the top, every unit below it */
  {
    g_autoptr(GPtrArray) units = dn_store_list_units (store, 0, FALSE, &error);

    if (units == NULL || units->len == 0)
      g_error ("no unit in %s", db);
    unit = g_object_ref (units->pdata[0]);
  }
  report = dn_report_new ();
  report->kind = DN_REPORT_YEAR;
  report->unit_id = unit->id;
  report->with_sub_units = TRUE;
  if (!dn_report_period_parse (DN_REPORT_YEAR, period_text, &period, &error) ||
      !dn_store_fill_report_header (store, report, &error))
    g_error ("%s", error->message);
  g_free (report->period);
  report->period = dn_report_period_to_string (&period);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 7, 12, 2026);

  times.figures = g_array_new (FALSE, FALSE, sizeof (double));
  times.build = g_array_new (FALSE, FALSE, sizeof (double));
  times.font = g_array_new (FALSE, FALSE, sizeof (double));
  times.pdf = g_array_new (FALSE, FALSE, sizeof (double));
  times.total = g_array_new (FALSE, FALSE, sizeof (double));
  times.odt = g_array_new (FALSE, FALSE, sizeof (double));
  times.xlsx = g_array_new (FALSE, FALSE, sizeof (double));
  one_run (store, report, &period, &day, dir, &times, FALSE);
  for (int i = 0; i < runs; i++)
    one_run (store, report, &period, &day, dir, &times, TRUE);

  printf ("Database: %s\n  %" G_GINT64_FORMAT " tasks, %" G_GINT64_FORMAT " delegations, %" G_GINT64_FORMAT
          " people\n", db, dn_store_count (store, DN_RECORD_TASK, NULL),
          dn_store_count (store, DN_RECORD_DELEGATION, NULL), dn_store_count (store, DN_RECORD_PERSON, NULL));
  printf ("Report: year %s of %s and every unit below it: %u tasks due (%u listed), %u pages; set in %s\n"
          "Median of %d runs (after one warm-up), ms:\n\n",
          period_text, unit->name, times.n_tasks, times.n_listed, times.n_pages,
          dn_report_font_get_family (), runs);
  printf ("%-40s %9s %9s %9s\n", "phase", "median", "min", "max");
  print_row ("read the figures", times.figures);
  print_row ("build the document", times.build);
  print_row ("check the font", times.font);
  print_row ("lay out, draw and write the PDF", times.pdf);
  print_row ("figures to PDF, in all", times.total);
  print_row ("(the same document as ODT)", times.odt);
  print_row ("(its tables as a workbook)", times.xlsx);
  printf ("\nAim: figures to PDF under %.0f ms: %s\n", AIM_MS, median (times.total) < AIM_MS ? "met" : "MISSED");

  soffice = no_peer ? NULL : g_find_program_in_path ("soffice");
  if (soffice == NULL && !no_peer)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    printf ("\nLibreOffice %s: no comparison.\n", no_peer ? "left out" : "is not installed");
  else
    {
      g_autofree char *odt = g_build_filename (dir, "report.odt", NULL);
      g_autofree char *lo_dir = g_build_filename (dir, "libreoffice", NULL);
      g_autofree char *lo_pdf = g_build_filename (lo_dir, "report.pdf", NULL);
      g_autofree char *profile = g_build_filename (dir, "profile", NULL);
      g_autoptr(GArray) lo = g_array_new (FALSE, FALSE, sizeof (double));
      int lo_runs = MIN (runs, 3);
      double first, ours = median (times.total), theirs;

      g_mkdir_with_parents (lo_dir, 0755);
      first = convert (soffice, profile, odt, lo_dir);
      for (int i = 0; i < lo_runs; i++)
        {
          double ms = convert (soffice, profile, odt, lo_dir);

          g_array_append_val (lo, ms);
        }
      theirs = median (lo);
      printf ("\nThe same document as ODT converted by %s --headless --convert-to pdf\n"
              "(a process each, its profile made by a first conversion: %.0f ms), median of %d, ms:\n\n",
              soffice, first, lo_runs);
      print_row ("soffice: ODT to PDF", lo);
      printf ("  %d pages (ours: %u); figures to PDF here: %.1f ms; soffice / ours: %.1f×\n", pdf_pages (lo_pdf),
              times.n_pages, ours, theirs / ours);
    }
  if (keep)
    printf ("\nFiles in %s\n", dir);
  else
    /* the files, and the profile LibreOffice made */
    dn_test_remove_tree (dir);
  return 0;
}
