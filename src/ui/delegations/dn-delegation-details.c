/* dn-delegation-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-details"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dn-amount.h"
#include "dn-attachment-list.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-delegation-actions.h"
#include "dn-delegation-details.h"
#include "dn-delegation-editor.h"
#include "dn-delegation-members.h"
#include "dn-details-window.h"
#include "dn-document-details.h"
#include "dn-ui.h"

struct _DnDelegationDetails
{
  DnDetailsWindow parent_instance;

  DnDelegation  *delegation;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *status_label;
  GtkLabel      *facts_label;
  GtkLabel      *members_heading;
  GtkLabel      *members_label;
  GtkLabel      *programme_heading;
  GtkLabel      *programme_label;
  DnAttachmentList *attachments;
};

G_DEFINE_FINAL_TYPE (DnDelegationDetails, dn_delegation_details, DN_TYPE_DETAILS_WINDOW)

static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, "%s: %s", label, value);
}

static char *
document_label (DnStore *store,
                gint64   id)
{
  g_autoptr(DnDocument) document = id > 0 ? dn_store_get_document (store, id, NULL) : NULL;
  g_autofree char *reference = NULL;
  g_autofree char *when = NULL;

  if (document == NULL)
    return NULL;
  reference = dn_document_dup_reference (document);
  when = g_date_valid (&document->issue_date) ? dn_date_format_short (&document->issue_date) : g_strdup ("");
  if (document->signer[0] != '\0')
    /* Translators: a decision: number, date, signer, subject */
    return g_strdup_printf (_("%s, %s, signed by %s — %s"), reference, when, document->signer, document->subject);
  return g_strdup_printf ("%s, %s — %s", reference, when, document->subject);
}

static char *
countries_text (GPtrArray *countries)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; countries != NULL && i < countries->len; i++)
    {
      DnDelegationCountry *country = countries->pdata[i];
      const char *name = dn_country_name (country->country_code);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name != NULL ? name : country->country_code);
      if (country->days > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u day)", " (%u days)", country->days),
                                country->days);
    }
  return g_string_free (text, FALSE);
}

static void
update_actions (DnDelegationDetails *self)
{
  DnDelegationStatus status = self->delegation != NULL ? self->delegation->status : DN_DELEGATION_CANCELLED;
  gboolean there = self->delegation != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.edit", there);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.open-decision",
                                 there && self->delegation->decision_document_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.approve",
                                 there && dn_delegation_status_can_change (status, DN_DELEGATION_APPROVED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.depart",
                                 there && dn_delegation_status_can_change (status, DN_DELEGATION_ABROAD));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.return",
                                 there && dn_delegation_status_can_change (status, DN_DELEGATION_RETURNED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.record-report",
                                 there && dn_delegation_status_can_change (status, DN_DELEGATION_REPORTED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.cancel",
                                 there && dn_delegation_status_can_change (status, DN_DELEGATION_CANCELLED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.hand-out-passports",
                                 there && self->delegation->direction == DN_DELEGATION_OUTBOUND &&
                                 (status == DN_DELEGATION_APPROVED || status == DN_DELEGATION_ABROAD));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.take-back-passports",
                                 there && self->delegation->direction == DN_DELEGATION_OUTBOUND &&
                                 (status == DN_DELEGATION_ABROAD || status == DN_DELEGATION_RETURNED ||
                                  status == DN_DELEGATION_REPORTED));
}

/* Reads the delegation again and shows it. */
static void
refresh (DnDetailsWindow *window)
{
  DnDelegationDetails *self = DN_DELEGATION_DETAILS (window);
  DnStore *store = dn_details_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) programme = NULL;
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autoptr(GString) people = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *dates = NULL;
  g_autofree char *where = NULL;
  g_autofree char *proposal = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *report = NULL;
  g_autofree char *status = NULL;
  DnDelegation *d;
  gboolean out;

  g_clear_object (&self->delegation);
  self->delegation = dn_store_get_delegation (store, dn_details_window_get_id (self), &error);
  update_actions (self);
  if (self->delegation == NULL)
    {
      gtk_label_set_text (self->title_label, error->message);
      gtk_label_set_text (self->status_label, "");
      return;
    }
  d = self->delegation;
  out = d->direction == DN_DELEGATION_OUTBOUND;
  countries = dn_store_list_delegation_countries (store, d->id, NULL);
  members = dn_store_list_delegation_members (store, d->id, NULL);
  programme = dn_store_list_programme (store, d->id, NULL);

  gtk_window_set_title (GTK_WINDOW (self), d->title);
  gtk_label_set_text (self->title_label, d->title);
  if (d->status == DN_DELEGATION_RETURNED && g_date_valid (&d->report_due_date))
    {
      g_autofree char *due = dn_date_format_short (&d->report_due_date);
      GDate today;

      dn_date_today (&today);
      status = g_date_compare (&d->report_due_date, &today) < 0
               ? g_strdup_printf (_("%s — results report overdue since %s"),
                                  dn_delegation_status_label (d->direction, d->status), due)
               : g_strdup_printf (_("%s — results report due %s"),
                                  dn_delegation_status_label (d->direction, d->status), due);
    }
  else
    status = g_strdup (dn_delegation_status_label (d->direction, d->status));
  gtk_label_set_text (self->status_label, status);

  {
    g_autofree char *start = dn_date_format_short (&d->start_date);
    g_autofree char *end = dn_date_format_short (&d->end_date);

    dates = g_strdup_printf ("%s – %s", start, end);
  }
  where = countries_text (countries);
  proposal = document_label (store, d->proposal_document_id);
  decision = document_label (store, d->decision_document_id);
  report = document_label (store, d->report_document_id);
  append_line (facts, _("Dates"), dates);
  append_line (facts, out ? _("Countries") : _("From"), where);
  append_line (facts, _("Purpose"), d->purpose);
  append_line (facts, out ? _("Inviting party") : _("Foreign organisation"),
               d->partner_name[0] != '\0' ? d->partner_name : d->inviting_party);
  append_line (facts, _("Funding"), dn_funding_source_get_label (d->funding));
  if (d->budget >= 0)
    {
      g_autofree char *budget = dn_format_amount (d->budget, NULL);

      append_line (facts, _("Budget"), budget);
    }
  append_line (facts, _("Plan"), d->in_plan ? _("In the year's plan") : _("Not in the year's plan"));
  append_line (facts, out ? _("Đề án") : _("Programme document"), proposal);
  append_line (facts, out ? _("Sending decision") : _("Approval"), decision);
  if (!out)
    {
      g_autofree char *police = g_date_valid (&d->police_informed_on) ? dn_date_format_short (&d->police_informed_on)
                                                                      : g_strdup (_("not yet"));
      g_autofree char *affairs = g_date_valid (&d->foreign_affairs_informed_on)
                                 ? dn_date_format_short (&d->foreign_affairs_informed_on) : g_strdup (_("not yet"));

      append_line (facts, _("Provincial police informed"), police);
      append_line (facts, _("Department of Foreign Affairs informed"), affairs);
    }
  if (g_date_valid (&d->report_submitted_on))
    {
      g_autofree char *on = dn_date_format_short (&d->report_submitted_on);

      append_line (facts, _("Results report received"), on);
    }
  append_line (facts, _("Results report"), report);
  gtk_label_set_text (self->facts_label, facts->str);

  gtk_label_set_text (self->members_heading, out ? _("Members") : _("Guests"));
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      g_autofree char *line = dn_delegation_members_describe (members->pdata[i], TRUE);

      if (people->len > 0)
        g_string_append_c (people, '\n');
      g_string_append (people, line);
    }
  gtk_label_set_text (self->members_label, people->len > 0 ? people->str : _("Nobody yet."));

  for (guint i = 0; programme != NULL && i < programme->len; i++)
    {
      DnProgrammeItem *item = programme->pdata[i];
      g_autofree char *day = dn_date_format_short (&item->day);

      if (items->len > 0)
        g_string_append_c (items, '\n');
      g_string_append_printf (items, "%s %s — %s", day, item->time, item->description);
      if (item->place[0] != '\0')
        g_string_append_printf (items, " (%s)", item->place);
      if (item->host_unit_name[0] != '\0')
        g_string_append_printf (items, _(", hosted by %s"), item->host_unit_name);
    }
  gtk_label_set_text (self->programme_label, items->str);
  gtk_widget_set_visible (GTK_WIDGET (self->programme_heading), !out);
  gtk_widget_set_visible (GTK_WIDGET (self->programme_label), !out);
}

static void
change (DnDelegationDetails *self,
        DnDelegationStatus   to)
{
  dn_delegation_change_status (GTK_WIDGET (self), dn_details_window_get_store (self),
                               dn_details_window_get_id (self), to);
}

static void
approve_cb (DnDelegationDetails *self)
{
  change (self, DN_DELEGATION_APPROVED);
}

static void
depart_cb (DnDelegationDetails *self)
{
  change (self, DN_DELEGATION_ABROAD);
}

static void
return_cb (DnDelegationDetails *self)
{
  change (self, DN_DELEGATION_RETURNED);
}

static void
record_report_cb (DnDelegationDetails *self)
{
  change (self, DN_DELEGATION_REPORTED);
}

static void
cancel_cb (DnDelegationDetails *self)
{
  change (self, DN_DELEGATION_CANCELLED);
}

static void
take_back_passports_cb (DnDelegationDetails *self)
{
  dn_delegation_take_back_passports (GTK_WIDGET (self), dn_details_window_get_store (self),
                                     dn_details_window_get_id (self));
}

static void
hand_out_passports_cb (DnDelegationDetails *self)
{
  dn_delegation_hand_out_passports (GTK_WIDGET (self), dn_details_window_get_store (self),
                                    dn_details_window_get_id (self));
}

static void
edit_cb (DnDelegationDetails *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *editor = dn_delegation_editor_new (dn_details_window_get_store (self), DN_DELEGATION_OUTBOUND,
                                                dn_details_window_get_id (self), &error);

  if (editor == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_set_modal (editor, TRUE);
  gtk_window_present (editor);
}

static void
dn_delegation_details_dispose (GObject *object)
{
  DnDelegationDetails *self = DN_DELEGATION_DETAILS (object);

  g_clear_object (&self->delegation);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_DELEGATION_DETAILS);
  G_OBJECT_CLASS (dn_delegation_details_parent_class)->dispose (object);
}

/* delegation.open-decision: the decision to be read (its PDF, else its
 * details) */
static void
open_decision_cb (DnDelegationDetails *self)
{
  if (self->delegation != NULL && self->delegation->decision_document_id > 0)
    dn_document_details_read (GTK_WINDOW (self), dn_details_window_get_store (self),
                              self->delegation->decision_document_id);
}

static void
dn_delegation_details_class_init (DnDelegationDetailsClass *klass)
{
  static const DnAction actions[] = {
    { "delegation.edit", G_CALLBACK (edit_cb) },
    { "delegation.approve", G_CALLBACK (approve_cb) },
    { "delegation.depart", G_CALLBACK (depart_cb) },
    { "delegation.return", G_CALLBACK (return_cb) },
    { "delegation.record-report", G_CALLBACK (record_report_cb) },
    { "delegation.cancel", G_CALLBACK (cancel_cb) },
    { "delegation.hand-out-passports", G_CALLBACK (hand_out_passports_cb) },
    { "delegation.take-back-passports", G_CALLBACK (take_back_passports_cb) },
    { "delegation.open-decision", G_CALLBACK (open_decision_cb) },
  };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_delegation_details_dispose;
  DN_DETAILS_WINDOW_CLASS (klass)->reload = refresh;
  g_type_ensure (DN_TYPE_ATTACHMENT_LIST);
  dn_ui_class_set_template (widget_class, "dn-delegation-details.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDelegationDetails, title_label, status_label, facts_label,
                             members_heading, members_label, programme_heading, programme_label, attachments);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  dn_attachment_list_install_actions (widget_class, "delegation", TRUE);
}

static void
dn_delegation_details_init (DnDelegationDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
dn_delegation_details_new (DnStore *store,
                           gint64   id)
{
  DnDelegationDetails *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  self = g_object_new (DN_TYPE_DELEGATION_DETAILS, NULL);
  gtk_widget_set_name (GTK_WIDGET (self), "delegation-details");
  dn_attachment_list_set_record (self->attachments, GTK_WIDGET (self), "delegation", store, DN_RECORD_DELEGATION, id);
  dn_details_window_set_record (DN_DETAILS_WINDOW (self), store, id);
  return GTK_WINDOW (self);
}

gint64
dn_delegation_details_get_delegation (DnDelegationDetails *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_DETAILS (self), 0);
  return dn_details_window_get_id (self);
}

const char *
dn_delegation_details_get_status_text (DnDelegationDetails *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_DETAILS (self), NULL);
  return gtk_label_get_text (self->status_label);
}
