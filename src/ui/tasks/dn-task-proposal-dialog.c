/* dn-task-proposal-dialog.c: the tasks a directive gives, reviewed in a
 * table and created in one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-proposal-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date-entry.h"
#include "dn-store-documents.h"
#include "dn-store-tasks.h"
#include "dn-task-proposal-dialog.h"
#include "dn-task-proposal.h"
#include "dn-text-source.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"
#include "dn-window-context.h"

/* The grid's columns */
enum
{
  COL_KEEP,
  COL_SECTION,
  COL_TITLE,
  COL_LEAD,
  COL_SUPPORT,
  COL_RECURRENCE,
  COL_DUE,
};

typedef struct
{
  GtkWidget *keep;
  GtkWidget *section;
  GtkWidget *title;
  GtkWidget *lead;
  GtkWidget *support;
  GtkWidget *recurrence;
  GtkWidget *due;
} Row;

struct _DnTaskProposalDialog
{
  GtkWindow parent_instance;

  DnStore *store;
  gint64 document_id;
  GPtrArray *rows;               /* Row */
  GtkFileChooserNative *chooser;

  GtkWidget *create_button;
  GtkWidget *source_label;
  GtkWidget *text_expander;
  GtkWidget *text_view;
  GtkWidget *grid;
  GtkWidget *status_label;
};

G_DEFINE_FINAL_TYPE (DnTaskProposalDialog, dn_task_proposal_dialog, GTK_TYPE_WINDOW)

static void
set_status (DnTaskProposalDialog *self,
            const char           *text,
            gboolean              error)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text ? text : "");
  dn_ui_set_css_class (self->status_label, "dn-error", error);
}

guint
dn_task_proposal_dialog_get_n_kept (DnTaskProposalDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (DN_IS_TASK_PROPOSAL_DIALOG (self), 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (row->keep)))
        n++;
    }
  return n;
}

guint
dn_task_proposal_dialog_get_n_rows (DnTaskProposalDialog *self)
{
  g_return_val_if_fail (DN_IS_TASK_PROPOSAL_DIALOG (self), 0);
  return self->rows->len;
}

gint64
dn_task_proposal_dialog_get_document (DnTaskProposalDialog *self)
{
  g_return_val_if_fail (DN_IS_TASK_PROPOSAL_DIALOG (self), 0);
  return self->document_id;
}

/* "Create 3 Tasks", off while none is kept */
static void
update_create (DnTaskProposalDialog *self)
{
  guint n = dn_task_proposal_dialog_get_n_kept (self);
  g_autofree char *label = NULL;

  label = n == 0 ? g_strdup (_("C_reate Tasks"))
                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "C_reate %u Task", "C_reate %u Tasks", n), n);
  gtk_button_set_label (GTK_BUTTON (self->create_button), label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "proposals.create", n > 0);
}

static void
on_keep_toggled_cb (GtkCheckButton       *button,
                    DnTaskProposalDialog *self)
{
  update_create (self);
}

static void label_widget (GtkWidget  *widget,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

static void
label_widget (GtkWidget  *widget,
              const char *format,
              ...)
{
  g_autofree char *label = NULL;
  va_list args;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A row of the table for @proposal (a blank one when NULL). */
static void
add_row (DnTaskProposalDialog *self,
         DnTaskProposal       *proposal)
{
  Row *row = g_new0 (Row, 1);
  guint number = self->rows->len + 1;
  int y = (int) number;

  row->keep = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->keep), proposal ? proposal->include : TRUE);
  gtk_widget_set_halign (row->keep, GTK_ALIGN_CENTER);
  g_signal_connect (row->keep, "toggled", G_CALLBACK (on_keep_toggled_cb), self);
  /* Translators: the accessible names of the widgets of a row of the table
   * of proposed tasks; %u is the row's number */
  label_widget (row->keep, _("Keep task %u"), number);

  row->section = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (row->section), 6);
  gtk_editable_set_text (GTK_EDITABLE (row->section), proposal ? proposal->section : "");
  label_widget (row->section, _("Section of task %u"), number);

  row->title = gtk_entry_new ();
  gtk_widget_set_hexpand (row->title, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->title), 30);
  gtk_editable_set_text (GTK_EDITABLE (row->title), proposal ? proposal->title : "");
  if (proposal && *proposal->source)
    {
      /* what the directive says, to check the title and the units against */
      g_autofree char *tip = g_strdup_printf (_("Line %u of the directive: %s"), proposal->line, proposal->source);

      gtk_widget_set_tooltip_text (row->title, tip);
    }
  label_widget (row->title, _("Title of task %u"), number);

  row->lead = dn_unit_chooser_new (self->store, FALSE);
  dn_chooser_set_none_label (DN_CHOOSER (row->lead), _("Choose the lead unit"));
  if (proposal && proposal->lead_unit_id > 0)
    {
      dn_unit_chooser_set_keep_id (DN_UNIT_CHOOSER (row->lead), proposal->lead_unit_id);
      dn_chooser_set_id (DN_CHOOSER (row->lead), proposal->lead_unit_id);
    }
  gtk_widget_set_size_request (row->lead, 180, -1);
  label_widget (row->lead, _("Lead unit of task %u"), number);

  row->support = dn_unit_chooser_new (self->store, TRUE);
  if (proposal && proposal->support_unit_ids->len > 0)
    dn_chooser_set_ids (DN_CHOOSER (row->support), (const gint64 *) (gpointer) proposal->support_unit_ids->data,
                        proposal->support_unit_ids->len);
  gtk_widget_set_size_request (row->support, 180, -1);
  label_widget (row->support, _("Supporting units of task %u"), number);

  row->recurrence = gtk_drop_down_new (NULL, NULL);
  dn_ui_drop_down_set_enum (GTK_DROP_DOWN (row->recurrence), DN_RECURRENCE_N, G_CALLBACK (dn_recurrence_get_label));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->recurrence), proposal ? proposal->recurrence : DN_RECURRENCE_NONE);
  label_widget (row->recurrence, _("How often task %u repeats"), number);

  row->due = dn_date_entry_new ();
  if (proposal && g_date_valid (&proposal->due_date))
    dn_date_entry_set_date (DN_DATE_ENTRY (row->due), &proposal->due_date);
  label_widget (row->due, _("Deadline of task %u"), number);

  gtk_grid_attach (GTK_GRID (self->grid), row->keep, COL_KEEP, y, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->section, COL_SECTION, y, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->title, COL_TITLE, y, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->lead, COL_LEAD, y, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->support, COL_SUPPORT, y, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->recurrence, COL_RECURRENCE, y, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), row->due, COL_DUE, y, 1, 1);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (DnTaskProposalDialog *self)
{
  while (self->rows->len > 0)
    {
      gtk_grid_remove_row (GTK_GRID (self->grid), (int) self->rows->len);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
}

void
dn_task_proposal_dialog_set_text (DnTaskProposalDialog *self,
                                  const char           *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) proposals = NULL;

  g_return_if_fail (DN_IS_TASK_PROPOSAL_DIALOG (self));

  clear_rows (self);
  units = dn_store_list_unit_tree (self->store, TRUE, &error);
  if (units == NULL)
    {
      set_status (self, error->message, TRUE);
      add_row (self, NULL);
      update_create (self);
      return;
    }
  proposals = dn_task_proposals_parse (text ? text : "", units);
  for (guint i = 0; i < proposals->len; i++)
    add_row (self, g_ptr_array_index (proposals, i));
  if (proposals->len == 0)
    {
      set_status (self, _("No task was found in this text. Fill in the row by hand, or add rows."), FALSE);
      add_row (self, NULL);
    }
  else
    {
      g_autofree char *found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task found. Check each row before creating.",
                                                             "%u tasks found. Check each row before creating.",
                                                             proposals->len),
                                                proposals->len);

      set_status (self, found, FALSE);
      /* the table gets the room */
      gtk_expander_set_expanded (GTK_EXPANDER (self->text_expander), FALSE);
    }
  update_create (self);
}

gboolean
dn_task_proposal_dialog_load_file (DnTaskProposalDialog  *self,
                                   GFile                 *file,
                                   GError               **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *source = NULL;
  DnLegacyEncoding encoding;

  g_return_val_if_fail (DN_IS_TASK_PROPOSAL_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = dn_text_source_read (dn_pdf_renderer_get_default (), file, &encoding, NULL, &local);
  if (text == NULL)
    {
      set_status (self, local->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  name = g_file_get_basename (file);
  shown = dn_text_escape_for_display (name, 80);
  if (encoding != DN_LEGACY_ENCODING_NONE)
    /* Translators: a file's name, then an encoding: "TCVN3 (ABC)" */
    source = g_strdup_printf (_("Read from “%s”, typed in %s and converted to Unicode: check the rows."), shown,
                              dn_legacy_encoding_get_label (encoding));
  else
    /* Translators: %s is a file's name */
    source = g_strdup_printf (_("Read from “%s”."), shown);
  gtk_label_set_text (GTK_LABEL (self->source_label), source);
  dn_task_proposal_dialog_set_text (self, text);
  return TRUE;
}

/* Actions ------------------------------------------------------------------ */

static void
created_undo_free (gpointer data)
{
  g_array_unref (data);
}

/* Undo: the tasks just created go, all in one transaction. */
static gboolean
undo_created_cb (DnStore  *store,
                 gpointer  data,
                 GError  **error)
{
  GArray *ids = data;

  if (!dn_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!dn_store_delete_task (store, g_array_index (ids, gint64, i), error))
      {
        dn_store_rollback (store);
        return FALSE;
      }
  return dn_store_commit (store, error);
}

static void
on_created (GtkWidget    *widget,
            DnWrite      *write,
            const GError *error,
            gpointer      data)
{
  DnTaskProposalDialog *self = DN_TASK_PROPOSAL_DIALOG (widget);
  DnWindowContext *context;
  g_autofree char *message = NULL;
  guint n;

  if (error != NULL)
    {
      set_status (self, error->message, TRUE);
      update_create (self);
      return;
    }
  n = write->made_ids != NULL ? write->made_ids->len : 0;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task created.", "%u tasks created.", n), n);
  context = dn_window_context_from_widget (widget);
  if (context != NULL && write->made_ids != NULL)
    dn_window_context_push_undo (context, message, undo_created_cb, g_array_ref (write->made_ids),
                                 created_undo_free);
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DnTaskProposalDialog *self = DN_TASK_PROPOSAL_DIALOG (widget);
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(DnWrite) write = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      DnTaskProposal *proposal = dn_task_proposal_new ();
      g_autoptr(GArray) support = dn_chooser_get_ids (DN_CHOOSER (row->support));

      g_ptr_array_add (proposals, proposal);
      proposal->include = gtk_check_button_get_active (GTK_CHECK_BUTTON (row->keep));
      if (!proposal->include)
        continue;
      g_free (proposal->section);
      proposal->section = dn_ui_editable_dup_text (row->section);
      g_free (proposal->title);
      proposal->title = dn_ui_editable_dup_text (row->title);
      proposal->lead_unit_id = dn_chooser_get_id (DN_CHOOSER (row->lead));
      for (guint s = 0; support && s < support->len; s++)
        if (g_array_index (support, gint64, s) != proposal->lead_unit_id)
          g_array_append_val (proposal->support_unit_ids, g_array_index (support, gint64, s));
      proposal->recurrence = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->recurrence));
      if (!dn_date_entry_is_valid (DN_DATE_ENTRY (row->due)))
        {
          g_autofree char *text = g_strdup_printf (_("The deadline of task %u is not a date (30/06/2024)."), i + 1);

          dn_date_entry_set_error (DN_DATE_ENTRY (row->due), TRUE);
          gtk_widget_grab_focus (row->due);
          set_status (self, text, TRUE);
          return;
        }
      dn_date_entry_set_error (DN_DATE_ENTRY (row->due), FALSE);
      dn_date_entry_get_date (DN_DATE_ENTRY (row->due), &proposal->due_date);
      if (*proposal->title == '\0')
        {
          g_autofree char *text = g_strdup_printf (_("Task %u has no title."), i + 1);

          gtk_widget_grab_focus (row->title);
          set_status (self, text, TRUE);
          return;
        }
    }

  if ((tasks = dn_task_proposals_to_tasks (proposals, self->document_id, NULL, &error)) == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  /* all together, by the window's writer: the local database or the
   * department server, the dialog waiting for its answer */
  write = dn_write_new (DN_WRITE_ADD_TASKS);
  write->tasks = g_steal_pointer (&tasks);
  set_status (self, _("Saving…"), FALSE);
  gtk_widget_action_set_enabled (widget, "proposals.create", FALSE);
  dn_window_context_write_for (widget, self->store, write, on_created, NULL, NULL);
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DnTaskProposalDialog *self = DN_TASK_PROPOSAL_DIALOG (widget);
  Row *row;

  add_row (self, NULL);
  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  gtk_widget_grab_focus (row->title);
  update_create (self);
}

static void
read_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DnTaskProposalDialog *self = DN_TASK_PROPOSAL_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_label_set_text (GTK_LABEL (self->source_label), _("Read from the pasted text."));
  dn_task_proposal_dialog_set_text (self, text);
}

static void
on_chooser_response_cb (GtkNativeDialog      *chooser,
                        int                   response,
                        DnTaskProposalDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file)
        dn_task_proposal_dialog_load_file (self, file, NULL);
    }
  g_clear_object (&self->chooser);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DnTaskProposalDialog *self = DN_TASK_PROPOSAL_DIALOG (widget);
  g_autoptr(GtkFileFilter) directives = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Open a Directive"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (directives, _("PDF and text files"));
  gtk_file_filter_add_suffix (directives, "pdf");
  gtk_file_filter_add_suffix (directives, "PDF");
  gtk_file_filter_add_suffix (directives, "txt");
  gtk_file_filter_add_suffix (directives, "md");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), directives);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The document's first PDF, read; else one row to fill by hand */
static void
load_document (DnTaskProposalDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) document = dn_store_get_document (self->store, self->document_id, &error);
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;

  if (document == NULL)
    {
      set_status (self, error ? error->message : NULL, TRUE);
      add_row (self, NULL);
      update_create (self);
      return;
    }
  {
    g_autofree char *label = g_strdup_printf (_("Tasks of document %s/%s: %s"), document->number, document->symbol,
                                              document->subject);
    g_autofree char *shown = dn_text_escape_for_display (label, 160);

    gtk_window_set_title (GTK_WINDOW (self), shown);
  }
  attachment = dn_store_find_document_pdf (self->store, self->document_id, NULL);
  file = attachment != NULL ? dn_store_get_attachment_file (self->store, attachment) : NULL;
  if (file != NULL)
    {
      if (!dn_task_proposal_dialog_load_file (self, file, NULL))
        {
          /* a scan, a damaged file: the reason is shown; the tasks are
           * typed in */
          add_row (self, NULL);
          update_create (self);
        }
      return;
    }
  gtk_label_set_text (GTK_LABEL (self->source_label),
                      _("The document has no PDF with text: fill in its tasks by hand, or open or paste its text."));
  add_row (self, NULL);
  update_create (self);
}

/* GObject ---------------------------------------------------------------------- */

static void
row_free (gpointer data)
{
  g_free (data);
}

static void
dn_task_proposal_dialog_dispose (GObject *object)
{
  DnTaskProposalDialog *self = DN_TASK_PROPOSAL_DIALOG (object);

  if (self->chooser)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_TASK_PROPOSAL_DIALOG);
  G_OBJECT_CLASS (dn_task_proposal_dialog_parent_class)->dispose (object);
}

static void
dn_task_proposal_dialog_finalize (GObject *object)
{
  DnTaskProposalDialog *self = DN_TASK_PROPOSAL_DIALOG (object);

  g_ptr_array_unref (self->rows);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (dn_task_proposal_dialog_parent_class)->finalize (object);
}

static void
dn_task_proposal_dialog_class_init (DnTaskProposalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_task_proposal_dialog_dispose;
  object_class->finalize = dn_task_proposal_dialog_finalize;

  g_type_ensure (DN_TYPE_DATE_ENTRY);
  dn_ui_class_set_template (widget_class, "dn-task-proposal-dialog.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnTaskProposalDialog, create_button, source_label, text_expander, text_view,
                             grid, status_label);
  gtk_widget_class_install_action (widget_class, "proposals.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "proposals.add-row", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "proposals.read-text", NULL, read_text_action);
  gtk_widget_class_install_action (widget_class, "proposals.open-file", NULL, open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dn_task_proposal_dialog_init (DnTaskProposalDialog *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

DnTaskProposalDialog *
dn_task_proposal_dialog_new (DnStore *store,
                             gint64   document_id)
{
  DnTaskProposalDialog *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  self = g_object_new (DN_TYPE_TASK_PROPOSAL_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->document_id = document_id;
  if (document_id > 0)
    load_document (self);
  else
    {
      gtk_label_set_text (GTK_LABEL (self->source_label),
                          _("Open the directive's PDF or text file, or paste its text below."));
      gtk_expander_set_expanded (GTK_EXPANDER (self->text_expander), TRUE);
      update_create (self);
    }
  return self;
}
