/* test-report-job.c: a report's PDF built on a worker thread: its
 * progress up to the end, the figures and file it hands back, a
 * cancelled build leaving no file, a unit that does not exist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report-job"

#include "config.h"

#include <glib/gstdio.h>

#include "dn-date.h"
#include "dn-exchange.h"
#include "dn-report-job.h"
#include "dn-store-reports.h"
#include "dn-store-units.h"
#include "dn-test-utils.h"

typedef struct
{
  DnReportBuild *build;
  GError        *error;
  gboolean       done;
} Outcome;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Outcome *outcome = data;

  outcome->build = dn_report_job_run_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
run (DnReportJob   *job,
     DnQueryWorker *worker,
     GCancellable  *cancellable,
     Outcome       *outcome)
{
  dn_report_job_run_async (job, worker, cancellable, on_done_cb, outcome);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

static DnReport *
demo_report (DnStore *store)
{
  g_autoptr(DnReport) report = dn_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DnUnit) unit = NULL;

  g_assert_true (dn_exchange_load_demo (store, &error));
  g_assert_no_error (error);
  unit = dn_store_find_unit (store, "SGDLC", &error);
  g_assert_no_error (error);
  report->unit_id = unit->id;
  report->kind = DN_REPORT_QUARTER;
  g_free (report->period);
  report->period = g_strdup ("2026-Q3");
  report->with_sub_units = TRUE;
  return g_steal_pointer (&report);
}

static void
test_build (DnTestStore   *fixture,
            gconstpointer  data)
{
  GDate today = dn_test_date (2026, 11, 20);
  g_autoptr(DnReport) report = NULL;
  g_autoptr(DnQueryWorker) worker = NULL;
  g_autoptr(DnReportJob) job = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "r.pdf", NULL);
  Outcome outcome = { 0 };

  dn_date_set_today (&today);
  report = demo_report (fixture->store);
  worker = dn_query_worker_new (fixture->store);
  job = dn_report_job_new (report, 0, path);
  g_assert_cmpfloat (dn_report_job_get_fraction (job), ==, 0);
  run (job, worker, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.build);
  g_assert_cmpfloat (dn_report_job_get_fraction (job), ==, 1);
  g_assert_cmpstr (outcome.build->path, ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (outcome.build->n_pages, >=, 1);
  g_assert_cmpint (outcome.build->number, ==, 0);
  g_assert_nonnull (outcome.build->figures);
  g_assert_cmpuint (outcome.build->figures->n_tasks, >, 0);
  dn_report_build_free (outcome.build);

  /* numbered for issuing: the next number of the register, read there */
  {
    g_autoptr(DnReportJob) numbered = NULL;
    Outcome second = { 0 };

    report->report_date = today;
    numbered = dn_report_job_new (report, -1, path);
    run (numbered, worker, NULL, &second);
    g_assert_no_error (second.error);
    g_assert_cmpint (second.build->number, ==, dn_store_next_report_number (fixture->store, report, NULL));
    dn_report_build_free (second.build);
  }
  dn_date_set_today (NULL);
}

static void
test_cancel_and_refuse (DnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autoptr(DnReport) report = demo_report (fixture->store);
  g_autoptr(DnQueryWorker) worker = dn_query_worker_new (fixture->store);
  g_autoptr(DnReportJob) job = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  Outcome outcome = { 0 };
  Outcome refused = { 0 };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  job = dn_report_job_new (report, 0, path);
  run (job, worker, cancellable, &outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (outcome.build);
  g_clear_error (&outcome.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "cancelled.pdf"));

  /* a unit that does not exist: an error, no file */
  report->unit_id = 999999;
  g_clear_pointer (&job, dn_report_job_unref);
  job = dn_report_job_new (report, 0, path);
  run (job, worker, NULL, &refused);
  g_assert_error (refused.error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&refused.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_TEST_ADD ("/report-job/build", test_build);
  DN_TEST_ADD ("/report-job/cancel-and-refuse", test_cancel_and_refuse);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
