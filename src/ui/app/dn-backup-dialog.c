/* dn-backup-dialog.c: backing up the database, or restoring it from a
 * backup (dn-store-backup.h), in a thread of its own
 *
 * The thread never touches a widget: it posts its progress and its end to
 * the main loop, and the dialog, the store and the cancellable are only
 * used and released there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-backup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-backup-dialog.h"
#include "dn-store-backup.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-window-context.h"

struct _DnBackupDialog
{
  GtkWindow             parent_instance;

  DnStore              *store;
  gboolean              restore;
  GFile                *file;
  GCancellable         *cancellable;      /* while running */
  gboolean              close_when_done;
  gboolean              done;             /* succeeded: only Close is left */
  gboolean              disposed;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkLabel             *explanation;
  GtkLabel             *file_label;
  GtkButton            *choose_button;
  GtkProgressBar       *progress;
  GtkLabel             *status;
  GtkButton            *cancel_button;
  GtkButton            *start_button;
};

G_DEFINE_FINAL_TYPE (DnBackupDialog, dn_backup_dialog, GTK_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * The work, in its thread
 */

typedef struct
{
  /* set before the thread starts, then read only */
  DnStore        *store;        /* released on the main loop */
  char           *path;
  gboolean        restore;
  GCancellable   *cancellable;
  /* the thread's */
  int             percent;
  double          fraction;
  gboolean        ok;
  char           *saved;
  GError         *error;
  /* the main loop's */
  DnBackupDialog *dialog;       /* released on the main loop */
  DnWindowContext *context;     /* the window's, or NULL; likewise */
} Job;

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_clear (Job *job)
{
  g_free (job->path);
  g_free (job->saved);
  g_clear_error (&job->error);
  g_clear_object (&job->cancellable);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

static void
set_status (DnBackupDialog *self,
            const char     *text,
            gboolean        is_error)
{
  gtk_label_set_text (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL);
  dn_ui_set_css_class (GTK_WIDGET (self->status), "error", is_error);
}

static void
update_buttons (DnBackupDialog *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), !running && !self->done && self->file != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), !self->done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !running && !self->done);
  gtk_button_set_label (self->cancel_button, self->done ? _("_Close") : _("_Cancel"));
}

static gboolean
job_progress_cb (gpointer data)
{
  Job *job = data;

  if (job->dialog != NULL)
    gtk_progress_bar_set_fraction (job->dialog->progress, job->fraction);
  return G_SOURCE_REMOVE;
}

/* In the thread: posts each new percent to the main loop. */
static void
job_progress (double   fraction,
              gpointer user_data)
{
  Job *job = user_data;
  int percent = (int) (fraction * 100);

  if (percent == job->percent)
    return;
  job->percent = percent;
  job->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, job_progress_cb, job_ref (job), (GDestroyNotify) job_unref);
}

static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;
  DnBackupDialog *self = g_steal_pointer (&job->dialog);
  g_autofree char *shown = dn_text_escape_for_display (job->path, -1);
  g_autofree char *message = NULL;

  g_clear_object (&self->cancellable);
  if (job->ok && job->restore)
    {
      g_autofree char *saved = dn_text_escape_for_display (job->saved, -1);

      /* the window reads everything again; its undo step was of the old data */
      dn_store_restore_done (job->store);
      if (job->context != NULL)
        dn_window_context_clear_undo (job->context);
      message = g_strdup_printf (_("The data was restored from “%s”. The data it replaced was saved to “%s”."),
                                 shown, saved);
    }
  else if (job->ok)
    {
      g_autoptr(GFile) file = g_file_new_for_path (job->path);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                     NULL, NULL);
      g_autofree char *size = g_format_size (info != NULL ? g_file_info_get_size (info) : 0);

      message = g_strdup_printf (_("The backup was written to “%s” (%s)."), shown, size);
    }
  else if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Cancelled: nothing was changed."));
  else
    message = g_strdup (job->error->message);
  g_clear_object (&job->store);
  g_clear_object (&job->context);

  if (self->disposed)
    {
      g_object_unref (self);
      return G_SOURCE_REMOVE;
    }
  self->done = job->ok;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), job->ok);
  set_status (self, message, !job->ok);
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gpointer
job_thread (gpointer data)
{
  Job *job = data;

  if (job->restore)
    job->ok = dn_store_restore (job->store, job->path, &job->saved, job_progress, job, job->cancellable,
                                &job->error);
  else
    job->ok = dn_store_backup (job->store, job->path, job_progress, job, job->cancellable, &job->error);
  /* the thread's reference goes to the main loop with the result */
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, job_done_cb, job, (GDestroyNotify) job_unref);
  return NULL;
}

static void
start (DnBackupDialog *self)
{
  g_autofree char *path = self->file != NULL ? g_file_get_path (self->file) : NULL;
  Job *job;

  if (path == NULL)
    {
      set_status (self, _("Choose a file on this computer."), TRUE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  job = g_atomic_rc_box_new0 (Job);
  job->store = g_object_ref (self->store);
  job->path = g_steal_pointer (&path);
  job->restore = self->restore;
  job->cancellable = g_object_ref (self->cancellable);
  job->percent = -1;
  job->dialog = g_object_ref (self);
  job->context = dn_window_context_from_widget (GTK_WIDGET (self));
  if (job->context != NULL)
    g_object_ref (job->context);

  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  set_status (self, NULL, FALSE);
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_thread_unref (g_thread_new ("dn-backup", job_thread, job));
}

/*
 * Signal handlers
 */

static void
on_confirm_response_cb (GtkDialog      *confirm,
                        int             response,
                        DnBackupDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (confirm));
  if (response == GTK_RESPONSE_ACCEPT)
    start (self);
}

static void
on_start_clicked_cb (DnBackupDialog *self)
{
  g_autofree char *db = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *before_path = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *detail = NULL;
  GtkWidget *confirm;

  if (self->cancellable != NULL || self->file == NULL)
    return;
  if (!self->restore)
    {
      start (self);
      return;
    }

  /* what will be replaced, said before anything is */
  file_path = g_file_get_path (self->file);
  before_path = dn_store_get_before_restore_path (self->store);
  db = dn_text_escape_for_display (dn_store_get_path (self->store), -1);
  backup = dn_text_escape_for_display (file_path != NULL ? file_path : "", -1);
  before = dn_text_escape_for_display (before_path, -1);
  detail = g_strdup_printf (_("All the data of the database “%s” will be replaced by the data of "
                              "the backup “%s”. The data in use now is first saved to “%s”."),
                            db, backup, before);
  confirm = dn_ui_confirm_new (GTK_WINDOW (self), GTK_MESSAGE_WARNING, _("Replace all the data?"), detail,
                               _("_Replace the Data"));
  g_signal_connect (confirm, "response", G_CALLBACK (on_confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
on_cancel_clicked_cb (DnBackupDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        DnBackupDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      dn_backup_dialog_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked_cb (DnBackupDialog *self)
{
  if (self->chooser != NULL)
    return;
  self->chooser = dn_ui_database_chooser_new (GTK_WINDOW (self),
                                              self->restore ? _("Choose a Backup") : _("Save the Backup As"),
                                              self->restore ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                            : GTK_FILE_CHOOSER_ACTION_SAVE,
                                              self->restore ? _("_Open") : _("_Save"), _("Databases (*.db)"));
  if (!self->restore)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
      /* a file name: the same in every language */
      g_autofree char *name = g_strdup_printf ("doingoai-%s.db", date);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/*
 * GObject overrides
 */

static gboolean
dn_backup_dialog_close_request (GtkWindow *window)
{
  DnBackupDialog *self = DN_BACKUP_DIALOG (window);

  /* closed while working: stopped first, closed when it has */
  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (dn_backup_dialog_parent_class)->close_request (window);
}

static void
dn_backup_dialog_dispose (GObject *object)
{
  DnBackupDialog *self = DN_BACKUP_DIALOG (object);

  /* destroyed while working: the work stops, its end is then ignored */
  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_BACKUP_DIALOG);

  G_OBJECT_CLASS (dn_backup_dialog_parent_class)->dispose (object);
}

static void
dn_backup_dialog_class_init (DnBackupDialogClass *klass)
{
  const DnProperty props[N_PROPS] = {
    [PROP_FILE] = { "file", G_TYPE_FILE, G_PARAM_EXPLICIT_NOTIFY,
                    G_CALLBACK (dn_backup_dialog_get_file), G_CALLBACK (dn_backup_dialog_set_file) },
    [PROP_RUNNING] = { "running", G_TYPE_BOOLEAN, 0, G_CALLBACK (dn_backup_dialog_is_running), NULL },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dn_backup_dialog_dispose;
  window_class->close_request = dn_backup_dialog_close_request;

  dn_ui_install_properties (object_class, N_PROPS, props, properties);

  dn_ui_class_set_template (widget_class, "dn-backup-dialog.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnBackupDialog, explanation, file_label, choose_button, progress,
                             status, cancel_button, start_button);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_choose_clicked_cb, on_start_clicked_cb, on_cancel_clicked_cb);
}

static void
dn_backup_dialog_init (DnBackupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_buttons (self);
}

DnBackupDialog *
dn_backup_dialog_new (DnStore  *store,
                      gboolean  restore)
{
  DnBackupDialog *self;
  const char *title = restore ? _("Restore from a Backup") : _("Back Up the Database");

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  self = g_object_new (DN_TYPE_BACKUP_DIALOG, "title", title, NULL);
  self->store = g_object_ref (store);
  self->restore = restore;
  gtk_label_set_text (self->explanation,
                      restore
                        ? _("Replaces all the data of the database in use by the data of a backup. The backup is "
                            "checked first: a damaged file, a file of a newer version or of another program is "
                            "refused. The data in use is saved beside the database before it is replaced.")
                        : _("Copies the whole database into one file while you keep working. Keep the copy on "
                            "another disk or computer."));
  gtk_button_set_label (self->start_button, restore ? _("_Restore…") : _("_Back Up"));
  gtk_widget_add_css_class (GTK_WIDGET (self->start_button), restore ? "destructive-action" : "suggested-action");
  return self;
}

GFile *
dn_backup_dialog_get_file (DnBackupDialog *self)
{
  g_return_val_if_fail (DN_IS_BACKUP_DIALOG (self), NULL);
  return self->file;
}

void
dn_backup_dialog_set_file (DnBackupDialog *self,
                           GFile          *file)
{
  g_return_if_fail (DN_IS_BACKUP_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *shown = dn_text_escape_for_display (name, -1);
      gtk_label_set_text (self->file_label, shown);
    }
  else
    gtk_label_set_text (self->file_label, _("No file chosen"));
  self->done = FALSE;
  set_status (self, NULL, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
dn_backup_dialog_is_running (DnBackupDialog *self)
{
  g_return_val_if_fail (DN_IS_BACKUP_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
