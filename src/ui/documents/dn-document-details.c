/* dn-document-details.c
 *
 * The window reads the document and its tasks again (in an idle, coalescing
 * bursts of writes) whenever the store reports a change, as the task
 * details do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-attachment-list.h"
#include "dn-date.h"
#include "dn-details-window.h"
#include "dn-document-details.h"
#include "dn-document-slip.h"
#include "dn-print-pages.h"
#include "dn-task-details.h"
#include "dn-task-proposal-dialog.h"
#include "dn-task-rows.h"
#include "dn-ui.h"

/* a document gives a plan's duties: a few hundred at most */
#define MAX_TASKS 2000

struct _DnDocumentDetails
{
  DnDetailsWindow parent_instance;

  GListStore  *tasks;

  /* Template widgets */
  GtkWidget   *missing_label;
  GtkLabel    *subject_label;
  GtkGrid     *fields_grid;
  GtkWidget   *tasks_heading;
  GtkWidget   *tasks_empty;
  GtkListBox  *tasks_list;
  DnAttachmentList *attachments;
};

G_DEFINE_FINAL_TYPE (DnDocumentDetails, dn_document_details, DN_TYPE_DETAILS_WINDOW)

/*
 * Showing the document
 */

static void
add_field (DnDocumentDetails *self,
           int               *row,
           const char        *name,
           const char        *value)
{
  GtkWidget *label, *text;

  if (value == NULL || value[0] == '\0')
    return;
  label = gtk_label_new (name);
  text = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (self->fields_grid, label, 0, *row, 1, 1);
  gtk_grid_attach (self->fields_grid, text, 1, *row, 1, 1);
  (*row)++;
}

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : NULL;
}

static void
show_fields (DnDocumentDetails *self,
             DnDocument        *document)
{
  g_autofree char *reference = dn_document_dup_reference (document);
  g_autofree char *issued = format_date (&document->issue_date);
  g_autofree char *arrived = format_date (&document->arrival_date);
  g_autofree char *arrival = NULL;
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_grid))) != NULL)
    gtk_grid_remove (self->fields_grid, child);

  if (document->arrival_number > 0 && arrived != NULL)
    /* TRANSLATORS: the arrival number (số đến) and date of an incoming document */
    arrival = g_strdup_printf (_("No. %d, on %s"), document->arrival_number, arrived);
  else if (document->arrival_number > 0)
    arrival = g_strdup_printf (_("No. %d"), document->arrival_number);
  else
    arrival = g_strdup (arrived);

  gtk_label_set_text (self->subject_label, document->subject[0] != '\0' ? document->subject : reference);
  gtk_window_set_title (GTK_WINDOW (self), reference[0] != '\0' ? reference : _("Document"));
  add_field (self, &row, _("Number and symbol"), reference);
  add_field (self, &row, _("Type"), dn_document_type_get_label (document->type));
  add_field (self, &row, _("Incoming or outgoing"), dn_direction_get_label (document->direction));
  add_field (self, &row, _("Issued on"), issued);
  add_field (self, &row, _("Issued by"), document->issuer);
  add_field (self, &row, _("Subject"), document->subject);
  add_field (self, &row, _("Signed by"), document->signer);
  add_field (self, &row, _("Recipients"), document->recipients);
  add_field (self, &row, _("Classification"), dn_classification_get_label (document->classification));
  add_field (self, &row, _("Urgency"), dn_urgency_get_label (document->urgency));
  add_field (self, &row, _("Received"), arrival);
  add_field (self, &row, _("Receiving unit or person"), document->receiver);
  add_field (self, &row, _("File copy kept by"), document->file_copy_holder);
  {
    g_autofree char *passed = g_date_valid (&document->passed_on) ? dn_date_format_short (&document->passed_on)
                                                                  : g_strdup ("");
    g_autofree char *copies = document->copies > 0 ? g_strdup_printf ("%d", document->copies) : g_strdup ("");

    add_field (self, &row, _("Passed on"), passed);
    add_field (self, &row, _("Copies"), copies);
  }
  add_field (self, &row, _("Notes"), document->notes);
}

static GtkWidget *
task_row (DnTask *task)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (task->title);
  g_autofree char *due = dn_task_rows_format_deadline (&task->due_date, task->status);
  g_autofree char *due_short = g_date_valid (&task->due_date) ? dn_date_format_short (&task->due_date) : NULL;
  g_autofree char *state_text = g_strdup_printf ("%s · %s", due, dn_status_get_label (task->status));
  g_autofree char *status = g_utf8_strdown (dn_status_get_label (task->status), -1);
  g_autofree char *spoken = NULL;
  GtkWidget *state = gtk_label_new (state_text);

  if (task->section[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf ("%s. %s", task->section, task->title);
      gtk_label_set_text (GTK_LABEL (title), text);
    }
  if (due_short != NULL)
    spoken = g_strdup_printf (_("%s, due %s, %s"), gtk_label_get_text (GTK_LABEL (title)), due_short, status);
  else
    spoken = g_strdup_printf (_("%s, no deadline, %s"), gtk_label_get_text (GTK_LABEL (title)), status);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (state, "caption");
  dn_ui_set_css_class (state, "dim-label", task->status == DN_STATUS_DONE || task->status == DN_STATUS_CANCELLED);
  dn_ui_set_css_class (state, "dn-overdue", dn_task_rows_days_overdue (&task->due_date, task->status) > 0);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), state);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data_full (G_OBJECT (row), "task", g_object_ref (task), g_object_unref);
  return row;
}

static void
reload (DnDetailsWindow *window)
{
  DnDocumentDetails *self = DN_DOCUMENT_DETAILS (window);
  DnStore *store = dn_details_window_get_store (self);
  gint64 document_id = dn_details_window_get_id (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) document = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  DnTaskQuery query;
  GtkWidget *child;

  document = dn_store_get_document (store, document_id, &error);
  gtk_widget_set_visible (self->missing_label, document == NULL);
  if (document == NULL)
    {
      g_debug ("document %" G_GINT64_FORMAT ": %s", document_id, error != NULL ? error->message : "");
      gtk_label_set_text (self->subject_label, "");
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_grid))) != NULL)
        gtk_grid_remove (self->fields_grid, child);
    }
  else
    show_fields (self, document);
  /* the handling slip is that of an incoming document */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.print-slip",
                                 document != NULL && document->direction == DN_DIRECTION_INCOMING);

  dn_task_query_init (&query);
  query.document_id = document_id;
  tasks = document != NULL ? dn_store_list_tasks (store, &query, MAX_TASKS, &error) : NULL;
  if (tasks == NULL && document != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->tasks_empty), error->message);
      gtk_widget_add_css_class (self->tasks_empty, "dn-error");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->tasks_empty), _("No task is taken from this document."));
      gtk_widget_remove_css_class (self->tasks_empty, "dn-error");
    }
  g_list_store_remove_all (self->tasks);
  dn_ui_list_box_clear (self->tasks_list);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      g_list_store_append (self->tasks, tasks->pdata[i]);
      gtk_list_box_append (self->tasks_list, task_row (tasks->pdata[i]));
    }
  gtk_widget_set_visible (self->tasks_heading, document != NULL);
  gtk_widget_set_visible (self->tasks_empty, document != NULL && (tasks == NULL || tasks->len == 0));
  gtk_widget_set_visible (GTK_WIDGET (self->tasks_list), tasks != NULL && tasks->len > 0);
}

/*
 * Actions
 */

/* document.open-task (x): the task's details, over this window; a task
 * already open comes to the front. */
static void
open_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DnDocumentDetails *self = DN_DOCUMENT_DETAILS (widget);
  gint64 task_id = g_variant_get_int64 (param);
  GtkWindow *details = dn_details_window_find (DN_TYPE_TASK_DETAILS, task_id, GTK_WINDOW (self));

  if (details == NULL)
    {
      details = GTK_WINDOW (dn_task_details_new (dn_details_window_get_store (self), task_id));
      gtk_window_set_transient_for (details, GTK_WINDOW (self));
    }
  gtk_window_present (details);
}

gboolean
dn_document_details_print_slip (DnDocumentDetails  *self,
                                const char         *export_path,
                                GError            **error)
{
  g_autoptr(DnDocument) document = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DnDocumentSlip) slip = NULL;
  g_autofree char *office = NULL;

  g_return_val_if_fail (DN_IS_DOCUMENT_DETAILS (self), FALSE);

  document = dn_store_get_document (dn_details_window_get_store (self), dn_details_window_get_id (self), error);
  if (document == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tasks)); i++)
    g_ptr_array_add (tasks, g_list_model_get_item (G_LIST_MODEL (self->tasks), i));
  office = dn_store_dup_agency_name (dn_details_window_get_store (self), NULL);
  slip = dn_document_slip_new (document, tasks, office);
  return dn_print_pages (GTK_WINDOW (self), _("Incoming document handling slip"), GTK_PAGE_ORIENTATION_PORTRAIT,
                         (DnPrintPaginateFunc) dn_document_slip_paginate, (DnPrintDrawPageFunc) dn_document_slip_draw_page,
                         slip, export_path, error);
}

/* document.print-slip: the handling slip through the print dialog */
static void
print_slip_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!dn_document_details_print_slip (DN_DOCUMENT_DETAILS (widget), NULL, &error))
    dn_ui_show_error (GTK_WINDOW (widget), _("The slip could not be printed"), error->message);
}

/* document.propose-tasks: the tasks the document gives (from its PDF, or
 * typed in), reviewed, then created from it in one step */
static void
propose_tasks_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DnDocumentDetails *self = DN_DOCUMENT_DETAILS (widget);
  DnTaskProposalDialog *dialog = dn_task_proposal_dialog_new (dn_details_window_get_store (self),
                                                              dn_details_window_get_id (self));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_task_activated_cb (DnDocumentDetails *self,
                      GtkListBoxRow     *row)
{
  DnTask *task = g_object_get_data (G_OBJECT (row), "task");

  if (task != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "document.open-task", "x", task->id);
}

/*
 * GObject overrides
 */

static void
dn_document_details_dispose (GObject *object)
{
  DnDocumentDetails *self = DN_DOCUMENT_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_DOCUMENT_DETAILS);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (dn_document_details_parent_class)->dispose (object);
}

static void
dn_document_details_class_init (DnDocumentDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_document_details_dispose;
  DN_DETAILS_WINDOW_CLASS (klass)->reload = reload;
  DN_DETAILS_WINDOW_CLASS (klass)->reload_at_idle = TRUE;

  g_type_ensure (DN_TYPE_ATTACHMENT_LIST);
  dn_ui_class_set_template (widget_class, "dn-document-details.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDocumentDetails, missing_label, subject_label, fields_grid,
                             tasks_heading, tasks_empty, tasks_list, attachments);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_task_activated_cb);

  gtk_widget_class_install_action (widget_class, "document.open-task", "x", open_task_action);
  dn_attachment_list_install_actions (widget_class, "document", TRUE);
  gtk_widget_class_install_action (widget_class, "document.print-slip", NULL, print_slip_action);
  gtk_widget_class_install_action (widget_class, "document.propose-tasks", NULL, propose_tasks_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
dn_document_details_init (DnDocumentDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tasks = g_list_store_new (DN_TYPE_TASK);
}

DnDocumentDetails *
dn_document_details_new (DnStore *store,
                         gint64   document_id)
{
  DnDocumentDetails *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  self = g_object_new (DN_TYPE_DOCUMENT_DETAILS, NULL);
  dn_attachment_list_set_record (self->attachments, GTK_WIDGET (self), "document", store, DN_RECORD_DOCUMENT,
                                 document_id);
  dn_details_window_set_record (DN_DETAILS_WINDOW (self), store, document_id);
  return self;
}

gint64
dn_document_details_get_document (DnDocumentDetails *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_DETAILS (self), 0);
  return dn_details_window_get_id (self);
}

GListModel *
dn_document_details_get_tasks (DnDocumentDetails *self)
{
  g_return_val_if_fail (DN_IS_DOCUMENT_DETAILS (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

DnDocumentDetails *
dn_document_details_show (GtkWindow *parent,
                          DnStore   *store,
                          gint64     document_id)
{
  GtkWindow *details;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  /* a document already open comes to the front instead of opening twice */
  details = dn_details_window_find (DN_TYPE_DOCUMENT_DETAILS, document_id, parent);
  if (details == NULL)
    {
      details = GTK_WINDOW (dn_document_details_new (store, document_id));
      if (parent != NULL)
        gtk_window_set_transient_for (details, parent);
    }
  gtk_window_present (details);
  return DN_DOCUMENT_DETAILS (details);
}

GtkWindow *
dn_document_details_read (GtkWindow *parent,
                          DnStore   *store,
                          gint64     document_id)
{
  g_autoptr(DnAttachment) pdf = NULL;
  GtkWindow *viewer = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  pdf = dn_store_find_document_pdf (store, document_id, NULL);
  if (pdf != NULL && dn_attachment_open (parent, store, pdf->id, 0, &viewer, NULL) && viewer != NULL)
    return viewer;
  /* no file, or a missing one: the details say so and take one */
  return GTK_WINDOW (dn_document_details_show (parent, store, document_id));
}
