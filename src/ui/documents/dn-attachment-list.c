/* dn-attachment-list.c
 *
 * The list only shows and asks: attaching, removing and the rule of when a
 * file goes are the store's (dn-store-attachments.c). A PDF's words become
 * searchable when the window's DnAttachmentIndexer reads it, off the main
 * loop; the row says where its text stands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-attachment-list"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dn-attachment-list.h"
#include "dn-pdf-window.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-window-context.h"

#define OWNER_KEY "dn-attachment-list"

struct _DnAttachmentList
{
  GtkWidget     parent_instance;

  DnStore      *store;
  DnRecordKind  kind;
  gint64        record_id;
  GtkWidget    *owner;    /* not owned: the window holds this list */
  char         *group;
  GListStore   *files;
  guint         reload_idle;
  char         *message;

  GtkWidget    *box;
  GtkWidget    *attach_button;
  GtkLabel     *message_label;
  GtkListBox   *list;
  GtkWidget    *empty_label;
};

G_DEFINE_FINAL_TYPE (DnAttachmentList, dn_attachment_list, GTK_TYPE_WIDGET)

static void
set_message (DnAttachmentList *self,
             const char       *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static char *
action_name (DnAttachmentList *self,
             const char       *name)
{
  return g_strconcat (self->group != NULL ? self->group : "", ".", name, NULL);
}

/* What a row says under the name: the file's size, and for a PDF whether
 * its words are searched. */
static char *
describe (DnAttachment *attachment)
{
  g_autofree char *size = g_format_size ((guint64) MAX (attachment->size, 0));

  if (attachment->text_state == DN_ATTACHMENT_TEXT_NOT_PDF)
    return g_steal_pointer (&size);
  return g_strdup_printf ("%s · %s", size, dn_attachment_text_state_get_label (attachment->text_state));
}

static GtkWidget *
make_button (DnAttachmentList *self,
             const char       *label,
             const char       *spoken,
             const char       *action,
             DnAttachment     *attachment)
{
  /* no mnemonic: every row has one of each */
  GtkWidget *button = gtk_button_new_with_label (label);
  g_autofree char *name = action_name (self, action);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", attachment->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return button;
}

static GtkWidget *
make_row (DnAttachmentList *self,
          DnAttachment     *attachment)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (attachment->file_name);
  g_autofree char *what = describe (attachment);
  GtkWidget *detail = gtk_label_new (what);
  /* TRANSLATORS: the accessible name of the button that opens an attached
   * file: "Open “plan.pdf”" */
  g_autofree char *open = g_strdup_printf (_("Open “%s”"), attachment->file_name);
  /* TRANSLATORS: the accessible name of the button that removes an
   * attached file from the record: "Remove “plan.pdf”" */
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), attachment->file_name);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), make_button (self, _("Open"), open, "open-attachment", attachment));
  gtk_box_append (GTK_BOX (box), make_button (self, _("Remove"), remove, "remove-attachment", attachment));
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, attachment->file_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, what, -1);
  return row;
}

static void
reload (DnAttachmentList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;

  if (self->store == NULL)
    return;
  files = dn_store_list_attachments (self->store, self->kind, self->record_id, &error);
  g_list_store_remove_all (self->files);
  dn_ui_list_box_clear (self->list);
  if (files == NULL)
    {
      set_message (self, error->message);
      files = g_ptr_array_new ();
    }
  for (guint i = 0; i < files->len; i++)
    {
      g_list_store_append (self->files, files->pdata[i]);
      gtk_list_box_append (self->list, make_row (self, files->pdata[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), files->len > 0);
  gtk_widget_set_visible (self->empty_label, files->len == 0);
}

static void
on_store_changed_cb (DnAttachmentList *self)
{
  dn_ui_call_soon (&self->reload_idle, G_CALLBACK (reload), self);
}

static void
on_attached (GtkWidget    *widget,
             DnWrite      *write,
             const GError *error,
             gpointer      data)
{
  DnAttachmentList *self = DN_ATTACHMENT_LIST (widget);

  set_message (self, error != NULL ? error->message : NULL);
  if (error == NULL)
    reload (self);
}

gboolean
dn_attachment_list_attach (DnAttachmentList  *self,
                           GFile             *file,
                           GError           **error)
{
  g_autoptr(DnWrite) write = NULL;
  const char *message;

  g_return_val_if_fail (DN_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  if (self->store == NULL)
    return FALSE;
  write = dn_write_new (DN_WRITE_ATTACH);
  write->record_kind = self->kind;
  write->id = self->record_id;
  write->file = g_object_ref (file);
  set_message (self, NULL);
  dn_window_context_write_for (GTK_WIDGET (self), self->store, write, on_attached, NULL, NULL);
  /* refused at once: said in the list */
  message = dn_attachment_list_get_message (self);
  if (message != NULL)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

/*
 * Attach…: the file chooser, and files dropped on the window
 */

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     DnAttachmentList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (!dn_attachment_list_attach (self, file, NULL))
            break;
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose (DnAttachmentList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Files"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            DnAttachmentList *self)
{
  GSList *files;
  gboolean any = FALSE;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    if (dn_attachment_list_attach (self, l->data, NULL))
      any = TRUE;
    else
      break;
  g_slist_free (files);
  return any;
}

/*
 * The window's actions
 */

static DnAttachmentList *
list_of (GtkWidget *owner)
{
  return g_object_get_data (G_OBJECT (owner), OWNER_KEY);
}

/* GROUP.attach (s): a path or URI; "" asks */
static void
attach_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  DnAttachmentList *self = list_of (widget);
  const char *where = param != NULL ? g_variant_get_string (param, NULL) : "";
  g_autoptr(GFile) file = NULL;

  if (self == NULL)
    return;
  if (where[0] == '\0')
    {
      choose (self);
      return;
    }
  file = g_file_new_for_commandline_arg (where);
  dn_attachment_list_attach (self, file, NULL);
}

/* Shows @file, the stored file of @attachment: a PDF inside the
 * application, other files with the program the system has for them */
static void
show_file (GtkWindow     *parent,
           DnAttachment  *attachment,
           GFile         *file,
           int            page,
           GtkWindow    **viewer)
{
  g_autofree char *uri = NULL;

  if (dn_attachment_is_pdf (attachment))
    {
      DnPdfWindow *window = dn_pdf_window_open (parent, file, MAX (page, 0));

      /* its title, and the name "Save a Copy" offers */
      dn_pdf_window_set_file_name (window, attachment->file_name);
      if (viewer != NULL)
        *viewer = GTK_WINDOW (window);
      return;
    }
  uri = g_file_get_uri (file);
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

typedef struct
{
  GtkWindow    *parent;  /* weak */
  DnAttachment *attachment;
  int           page;
} Fetching;

static void
fetching_free (Fetching *f)
{
  g_clear_weak_pointer (&f->parent);
  g_clear_object (&f->attachment);
  g_free (f);
}

/* The file came from the department server: shown, unless its window is
 * gone; a failure said over that window */
static void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Fetching *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = dn_connection_fetch_file_finish (DN_CONNECTION (source), result, &error);

  if (f->parent != NULL)
    {
      if (file != NULL)
        show_file (f->parent, f->attachment, file, f->page, NULL);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        dn_ui_show_error (f->parent, _("The file could not be brought from the department server"),
                          error->message);
    }
  fetching_free (f);
}

gboolean
dn_attachment_open (GtkWindow   *parent,
                    DnStore     *store,
                    gint64       attachment_id,
                    int          page,
                    GtkWindow  **viewer,
                    GError     **error)
{
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;
  DnWindowContext *context = parent != NULL ? dn_window_context_from_widget (GTK_WIDGET (parent)) : NULL;
  DnConnection *connection = context != NULL ? dn_window_context_get_connection (context) : NULL;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  if (viewer != NULL)
    *viewer = NULL;
  attachment = dn_store_get_attachment (store, attachment_id, error);
  if (attachment == NULL)
    return FALSE;
  file = dn_store_get_attachment_file (store, attachment);
  if (g_file_query_exists (file, NULL))
    {
      show_file (parent, attachment, file, page, viewer);
      return TRUE;
    }
  if (connection == NULL || dn_connection_get_store (connection) != store)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The attached file is missing from the data folder."));
      return FALSE;
    }
  /* a connected window's replica holds the records, the server the files:
   * brought once, then kept beside the replica */
  {
    Fetching *f = g_new0 (Fetching, 1);

    g_set_weak_pointer (&f->parent, parent);
    f->attachment = g_object_ref (attachment);
    f->page = page;
    dn_connection_fetch_file_async (connection, attachment, NULL, on_fetched_cb, f);
  }
  return TRUE;
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  DnAttachmentList *self = list_of (widget);
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;
  if (!dn_attachment_open (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, g_variant_get_int64 (param), 0,
                           NULL, &error))
    set_message (self, error->message);
}

/* Undo of a removal: the link again; when the file went with it, its
 * content kept in memory is stored again. */
typedef struct
{
  DnRecordKind kind;
  gint64       record_id;
  gint64       attachment_id;
  char        *file_name;
  char        *sha256;
  GBytes      *content;   /* NULL while the file stays stored */
} Removed;

static void
removed_clear (gpointer data)
{
  Removed *removed = data;

  g_free (removed->file_name);
  g_free (removed->sha256);
  g_clear_pointer (&removed->content, g_bytes_unref);
}

/* A Removed is shared by the write and the Undo that follows it */
static void
removed_release (gpointer data)
{
  g_rc_box_release_full (data, removed_clear);
}

static gboolean
undo_remove_cb (DnStore  *store,
                gpointer  data,
                GError  **error)
{
  Removed *removed = data;
  g_autoptr(DnAttachment) still = dn_store_find_attachment (store, removed->sha256, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DnAttachment) again = NULL;

  if (still != NULL)
    return dn_store_attach (store, removed->kind, removed->record_id, still->id, removed->file_name, error);
  if (removed->content == NULL)
    return dn_store_attach (store, removed->kind, removed->record_id, removed->attachment_id, removed->file_name,
                            error);
  /* stored again from a copy under its name */
  dir = g_dir_make_tmp ("doingoai-undo-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, removed->file_name, NULL);
  file = g_file_new_for_path (path);
  if (g_file_replace_contents (file, g_bytes_get_data (removed->content, NULL), g_bytes_get_size (removed->content),
                               NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error))
    again = dn_store_attach_file (store, removed->kind, removed->record_id, file, NULL, error);
  g_remove (path);
  g_rmdir (dir);
  return again != NULL;
}

static void
on_detached (GtkWidget    *widget,
             DnWrite      *write,
             const GError *error,
             gpointer      data)
{
  DnAttachmentList *self = DN_ATTACHMENT_LIST (widget);
  DnWindowContext *context = dn_window_context_from_widget (widget);
  Removed *removed = data;
  g_autofree char *message = NULL;

  set_message (self, error != NULL ? error->message : NULL);
  if (error != NULL)
    return;
  reload (self);
  if (context == NULL)
    return;
  if (removed->content != NULL)
    {
      g_autoptr(DnAttachment) still = dn_store_find_attachment (self->store, removed->sha256, NULL);

      if (still != NULL)
        g_clear_pointer (&removed->content, g_bytes_unref);
    }
  message = g_strdup_printf (_("“%s” removed."), removed->file_name);
  dn_window_context_push_undo (context, message, undo_remove_cb, g_rc_box_acquire (removed), removed_release);
}

/* GROUP.remove-attachment (x): through the window's writer */
static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  DnAttachmentList *self = list_of (widget);
  DnWindowContext *context = dn_window_context_from_widget (widget);
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(DnWrite) write = NULL;
  gint64 id = g_variant_get_int64 (param);
  Removed *removed;

  if (self == NULL || self->store == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->files)) && attachment == NULL; i++)
    {
      g_autoptr(DnAttachment) listed = g_list_model_get_item (G_LIST_MODEL (self->files), i);

      if (listed->id == id)
        attachment = g_steal_pointer (&listed);
    }
  if (attachment == NULL)
    return;
  removed = g_rc_box_new0 (Removed);
  removed->kind = self->kind;
  removed->record_id = self->record_id;
  removed->attachment_id = id;
  removed->file_name = g_strdup (attachment->file_name);
  removed->sha256 = g_strdup (attachment->sha256);
  if (context != NULL && dn_writer_can_undo (dn_window_context_get_writer (context)))
    {
      /* the content, in case the store deletes the file: Undo stores it again */
      g_autoptr(GFile) file = dn_store_get_attachment_file (self->store, attachment);

      removed->content = g_file_load_bytes (file, NULL, NULL, NULL);
    }
  write = dn_write_new (DN_WRITE_DETACH);
  write->record_kind = self->kind;
  write->id = self->record_id;
  write->attachment_id = id;
  set_message (self, NULL);
  dn_window_context_write_for (GTK_WIDGET (self), self->store, write, on_detached, removed, removed_release);
}

void
dn_attachment_list_install_actions (GtkWidgetClass *widget_class,
                                    const char     *group,
                                    gboolean        open)
{
  g_autofree char *attach = g_strconcat (group, ".attach", NULL);
  g_autofree char *remove = g_strconcat (group, ".remove-attachment", NULL);
  g_autofree char *open_name = g_strconcat (group, ".open-attachment", NULL);

  gtk_widget_class_install_action (widget_class, attach, "s", attach_action);
  gtk_widget_class_install_action (widget_class, remove, "x", remove_action);
  if (open)
    gtk_widget_class_install_action (widget_class, open_name, "x", open_action);
}

void
dn_attachment_list_set_record (DnAttachmentList *self,
                               GtkWidget        *owner,
                               const char       *group,
                               DnStore          *store,
                               DnRecordKind      kind,
                               gint64            record_id)
{
  GtkDropTarget *target;
  g_autofree char *attach = NULL;

  g_return_if_fail (DN_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (DN_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->kind = kind;
  self->record_id = record_id;
  self->owner = owner;
  self->group = g_strdup (group);
  g_object_set_data (G_OBJECT (owner), OWNER_KEY, self);
  attach = action_name (self, "attach");
  /* the target first: the action takes one */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->attach_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->attach_button), attach);
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (owner, GTK_EVENT_CONTROLLER (target));
  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

GListModel *
dn_attachment_list_get_files (DnAttachmentList *self)
{
  g_return_val_if_fail (DN_IS_ATTACHMENT_LIST (self), NULL);
  return G_LIST_MODEL (self->files);
}

const char *
dn_attachment_list_get_message (DnAttachmentList *self)
{
  g_return_val_if_fail (DN_IS_ATTACHMENT_LIST (self), NULL);
  return self->message;
}

/*
 * GObject overrides
 */

static void
dn_attachment_list_dispose (GObject *object)
{
  DnAttachmentList *self = DN_ATTACHMENT_LIST (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->owner != NULL && list_of (self->owner) == self)
    g_object_set_data (G_OBJECT (self->owner), OWNER_KEY, NULL);
  self->owner = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->files);
  G_OBJECT_CLASS (dn_attachment_list_parent_class)->dispose (object);
}

static void
dn_attachment_list_finalize (GObject *object)
{
  DnAttachmentList *self = DN_ATTACHMENT_LIST (object);

  g_free (self->group);
  g_free (self->message);
  G_OBJECT_CLASS (dn_attachment_list_parent_class)->finalize (object);
}

static void
dn_attachment_list_class_init (DnAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_attachment_list_dispose;
  object_class->finalize = dn_attachment_list_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dn_attachment_list_init (DnAttachmentList *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (_("Attached files"));

  self->files = g_list_store_new (DN_TYPE_ATTACHMENT);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  self->attach_button = gtk_button_new_with_mnemonic (_("A_ttach…"));
  gtk_widget_set_tooltip_text (self->attach_button, _("Attach files (or drop them on this window)"));
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), self->attach_button);
  gtk_box_append (GTK_BOX (self->box), header);

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dn-error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->message_label));

  self->empty_label = gtk_label_new (_("No file attached. Drop files on this window, or use Attach…"));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty_label);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attached files"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));
}
