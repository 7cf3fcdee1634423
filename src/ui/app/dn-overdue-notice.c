/* dn-overdue-notice.c: the desktop notification at start-up when
 * something is overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-overdue-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-overdue-notice.h"
#include "dn-query-worker.h"
#include "dn-ui.h"

gboolean
dn_overdue_notice_describe (const gint64   counts[DN_ALERT_N],
                            char         **body,
                            char         **link)
{
  gint64 passports = counts[DN_ALERT_PASSPORTS_OVERDUE];
  gint64 reports = counts[DN_ALERT_REPORTS_OVERDUE];
  gint64 visits = counts[DN_ALERT_VISIT_REPORTS_OVERDUE];
  guint kinds = (passports > 0) + (reports > 0) + (visits > 0);
  GString *text;

  if (kinds == 0)
    return FALSE;

  text = g_string_new (NULL);
  if (passports > 0)
    dn_ui_string_append_item (text, "\n",
                              g_dngettext (GETTEXT_PACKAGE, "%lld passport has not been handed back in time.",
                                           "%lld passports have not been handed back in time.",
                                           dn_ui_plural (passports)),
                              (long long) passports);
  if (reports > 0)
    dn_ui_string_append_item (text, "\n",
                              g_dngettext (GETTEXT_PACKAGE, "%lld trip results report is overdue.",
                                           "%lld trip results reports are overdue.", dn_ui_plural (reports)),
                              (long long) reports);
  if (visits > 0)
    dn_ui_string_append_item (text, "\n",
                              g_dngettext (GETTEXT_PACKAGE, "%lld report on a visit received is overdue.",
                                           "%lld reports on visits received are overdue.", dn_ui_plural (visits)),
                              (long long) visits);
  *body = g_string_free (text, FALSE);
  /* one kind: its list; several: the overview's cards */
  *link = g_strdup (kinds > 1 ? "overview"
                    : passports > 0 ? "passports:overdue"
                    : reports > 0 ? "delegations-out:report-overdue"
                    : "delegations-in:report-overdue");
  return TRUE;
}

GNotification *
dn_overdue_notice_new (const gint64 counts[DN_ALERT_N])
{
  g_autofree char *body = NULL;
  g_autofree char *link = NULL;
  GNotification *notification;

  if (!dn_overdue_notice_describe (counts, &body, &link))
    return NULL;
  notification = g_notification_new (_("Overdue in external affairs"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-list", "s", link);
  return notification;
}

typedef struct
{
  GDate today;
  gint64 counts[DN_ALERT_N];
} Counts;

static gpointer
count_alerts (DnStore         *store,
              gpointer         data,
              GCancellable    *cancellable,
              GDestroyNotify  *result_destroy,
              GError         **error)
{
  Counts *counts = g_new0 (Counts, 1);

  counts->today = *(const GDate *) data;
  if (!dn_store_count_alerts (store, &counts->today, counts->counts, error))
    {
      g_free (counts);
      return NULL;
    }
  *result_destroy = g_free;
  return counts;
}

/* the application to notify, and the worker kept alive until the job ends */
typedef struct
{
  GApplication *application;
  DnQueryWorker *worker;
} Sending;

static void
sending_free (Sending *sending)
{
  g_object_unref (sending->application);
  g_object_unref (sending->worker);
  g_free (sending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sending, sending_free)

static void
counted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Sending) sending = user_data;
  GApplication *application = sending->application;
  g_autoptr(GError) error = NULL;
  GDestroyNotify destroy = NULL;
  Counts *counts = dn_query_worker_run_finish (result, &destroy, &error);
  g_autoptr(GNotification) notification = NULL;

  if (counts == NULL)
    {
      /* the window shows the same figures, and their error, on its overview */
      g_debug ("No overdue notice: %s", error->message);
      return;
    }
  notification = dn_overdue_notice_new (counts->counts);
  if (notification != NULL && g_application_get_is_registered (application))
    g_application_send_notification (application, DN_OVERDUE_NOTICE_ID, notification);
  if (destroy != NULL)
    destroy (counts);
}

void
dn_overdue_notice_send (GApplication *application,
                        DnStore      *store)
{
  Sending *sending;
  GDate *today;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (DN_IS_STORE (store));

  today = g_new (GDate, 1);
  dn_date_today (today);
  sending = g_new0 (Sending, 1);
  sending->application = g_object_ref (application);
  sending->worker = dn_query_worker_get_for_store (store);
  dn_query_worker_run_async (sending->worker, count_alerts, today, g_free, NULL, counted_cb, sending);
}
