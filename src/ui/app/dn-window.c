/* dn-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-accessible-names.h"
#include "dn-attachment-list.h"
#include "dn-attachment-text.h"
#include "dn-backup-dialog.h"
#include "dn-document-details.h"
#include "dn-exchange.h"
#include "dn-global-search.h"
#include "dn-list-page.h"
#include "dn-overview-page.h"
#include "dn-query-worker.h"
#include "dn-rules-dialog.h"
#include "dn-task-proposal-dialog.h"
#include "dn-task-list-view.h"
#include "dn-units-page.h"
#include "dn-ui.h"
#include "dn-connection-indicator.h"
#include "dn-window.h"
#include "dn-window-hits.h"
#include "dn-window-sections.h"

struct _DnWindow
{
  GtkApplicationWindow  parent_instance;

  /* Owned references */
  DnStore              *store;
  GSettings            *settings;
  DnQuerySlot          *owner_slot;    /* where a person or project hit opens */
  DnWindowContext      *context;
  guint                 toast_timeout;
  DnAttachmentIndexer  *indexer;       /* the text of attached PDF files, read in the background */
  gint64                indexing_since;

  /* Template widgets */
  DnGlobalSearch       *global_search;
  GtkStack             *main_stack;
  GtkStack             *sections;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkRevealer          *toast;
  GtkLabel             *toast_label;
  GtkWidget            *toast_undo;
  GtkLabel             *database_label;
  GtkLabel             *indexing_label;
  DnConnectionIndicator *connection_indicator;
};

static void dn_window_context_provider_init (DnWindowContextProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DnWindow, dn_window, GTK_TYPE_APPLICATION_WINDOW,
                               G_IMPLEMENT_INTERFACE (DN_TYPE_WINDOW_CONTEXT_PROVIDER,
                                                      dn_window_context_provider_init))

/*
 * Auxiliary methods
 */

static gboolean
hide_toast_cb (gpointer user_data)
{
  DnWindow *self = user_data;

  self->toast_timeout = 0;
  gtk_revealer_set_reveal_child (self->toast, FALSE);
  return G_SOURCE_REMOVE;
}

static void
show_toast (DnWindow   *self,
            const char *message,
            gboolean    with_undo)
{
  gtk_label_set_text (self->toast_label, message);
  gtk_widget_set_visible (self->toast_undo, with_undo);
  gtk_revealer_set_reveal_child (self->toast, TRUE);
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  self->toast_timeout = g_timeout_add_seconds (with_undo ? 10 : 5, hide_toast_cb, self);
}

/*
 * Sections: each page is built when it is first shown or asked for, so a
 * launch builds, measures and draws only the section it opens on.
 */

/* The page of section @name if it is built, else NULL. */
static GtkWidget *
built_page (DnWindow   *self,
            const char *name)
{
  GtkWidget *slot = gtk_stack_get_child_by_name (self->sections, name);

  return slot != NULL ? gtk_widget_get_first_child (slot) : NULL;
}

/**
 * dn_window_get_section_page:
 * @name: a section's name ("tasks", "units"…)
 *
 * Returns: (transfer none) (nullable): the page of section @name, built
 * now if it was not yet; %NULL for an unknown name.
 */
GtkWidget *
dn_window_get_section_page (DnWindow   *self,
                            const char *name)
{
  GtkWidget *slot, *page;

  g_return_val_if_fail (DN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  slot = gtk_stack_get_child_by_name (self->sections, name);
  if (slot == NULL || self->store == NULL)
    return NULL;
  page = gtk_widget_get_first_child (slot);
  if (page == NULL)
    {
      page = dn_window_section_new (name, self->store, self->context);
      gtk_box_append (GTK_BOX (slot), page);
      /* its hidden parts too (states, menus), as a window's are */
      dn_accessible_names_fix_tree (page);
    }
  return page;
}

#define SECTION_PAGE(self, name, TYPE) TYPE (dn_window_get_section_page ((self), (name)))

static void
update_main_page (DnWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = dn_store_is_empty (self->store, &error);

  if (error != NULL)
    g_warning ("%s", error->message);
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "welcome" : "main");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-task", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.propose-tasks", !empty);
}

static void
on_store_changed_cb (DnWindow *self)
{
  GtkWidget *overview = built_page (self, "overview");

  update_main_page (self);
  /* a page built later reads what is there then */
  if (overview != NULL)
    dn_overview_page_reload (DN_OVERVIEW_PAGE (overview));
}

static void
apply_my_unit (DnWindow *self)
{
  GtkWidget *tasks = built_page (self, "tasks");

  if (tasks != NULL)
    dn_task_list_view_set_my_unit (DN_TASK_LIST_VIEW (tasks), dn_window_context_get_my_unit (self->context));
}

/*
 * Global search
 */

DnGlobalSearch *
dn_window_get_global_search (DnWindow *self)
{
  g_return_val_if_fail (DN_IS_WINDOW (self), NULL);
  return self->global_search;
}

/* A hit always opens something (dn-window-hits.c). */
static void
on_open_hit_cb (DnWindow    *self,
                DnSearchHit *hit)
{
  dn_window_open_hit (self, &self->owner_slot, hit);
}

/*
 * Actions
 */

static void
new_task_action (DnWindow *self)
{
  dn_window_show_section (self, "tasks");
  dn_task_list_view_new_task (SECTION_PAGE (self, "tasks", DN_TASK_LIST_VIEW));
}

static void
search_action (DnWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->global_search));
}

static void
undo_action (DnWindow *self)
{
  /* the context says how it went ("message") */
  if (self->context != NULL)
    dn_window_context_undo (self->context, NULL);
}

static void
load_demo_action (DnWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!dn_exchange_load_demo (self->store, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  dn_window_show_section (self, "overview");
}

static void
start_empty_action (DnWindow *self)
{
  g_autoptr(DnUnit) unit = dn_unit_new ();
  g_autoptr(GError) error = NULL;

  /* an empty database starts with the officer's own department, to rename */
  g_free (unit->code);
  unit->code = g_strdup ("SGD");
  g_free (unit->name);
  unit->name = g_strdup (_("Department of Education and Training"));
  unit->kind = DN_UNIT_KIND_DEPARTMENT;
  if (!dn_store_add_unit (self->store, unit, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  dn_window_show_section (self, "units");
  dn_units_page_select_unit (SECTION_PAGE (self, "units", DN_UNITS_PAGE), unit->id);
  show_toast (self, _("Rename the department and add its divisions, offices and schools."), FALSE);
}

/* win.backup and win.restore: the dialog says what happens and shows the
 * progress; after a restore the store's "changed" reloads every view. */
static void
open_backup_dialog (DnWindow *self,
                    gboolean  restore)
{
  DnBackupDialog *dialog = dn_backup_dialog_new (self->store, restore);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.rules: the department's rules, in a form */
static void
rules_action (DnWindow *self)
{
  DnFormDialog *dialog = dn_rules_dialog_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.propose-tasks: the tasks of a directive, from its file or its text */
static void
propose_tasks_action (DnWindow *self)
{
  DnTaskProposalDialog *dialog = dn_task_proposal_dialog_new (self->store, 0);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_action (DnWindow *self)
{
  open_backup_dialog (self, FALSE);
}

static void
restore_action (DnWindow *self)
{
  open_backup_dialog (self, TRUE);
}

static void
show_tasks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  dn_window_show_tasks (DN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
open_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  dn_window_open_task (DN_WINDOW (widget), g_variant_get_int64 (param));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  dn_window_show_list (DN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
on_context_message_cb (DnWindow   *self,
                       const char *text,
                       gboolean    with_undo)
{
  show_toast (self, text, with_undo);
}

static void
on_can_undo_changed_cb (DnWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", dn_window_context_can_undo (self->context));
}

static void
on_toast_close_cb (DnWindow *self)
{
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->toast, FALSE);
}

static void
on_section_changed_cb (DnWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->sections);
  GtkWidget *page;

  /* while the template is built: no store yet, nothing to show */
  if (name == NULL || self->store == NULL)
    return;
  page = dn_window_get_section_page (self, name);
  /* before the window is shown: the first rows are read while it is
   * realized and laid out, and come in its first frame */
  if (DN_IS_LIST_PAGE (page))
    dn_list_page_prefetch (DN_LIST_PAGE (page));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-section", name);
}

static void
on_my_unit_changed_cb (DnWindow *self)
{
  apply_my_unit (self);
}

/*
 * GObject overrides
 */

static gboolean
dn_window_close_request (GtkWindow *window)
{
  DnWindow *self = DN_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (dn_window_parent_class)->close_request (window);
}

static void
dn_window_realize (GtkWidget *widget)
{
  /* the section shown is built now, before the first layout (its first
   * rows are read meanwhile), the others when first shown */
  on_section_changed_cb (DN_WINDOW (widget));
  GTK_WIDGET_CLASS (dn_window_parent_class)->realize (widget);
}

/* Reading the text of attached files: said only after a second. */
static void
on_indexing_progress_cb (DnWindow *self,
                         guint     done,
                         guint     total)
{
  g_autofree char *text = NULL;

  if (done <= 1)
    self->indexing_since = g_get_monotonic_time ();
  if (g_get_monotonic_time () - self->indexing_since < G_USEC_PER_SEC || done >= total)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->indexing_label), FALSE);
      return;
    }
  /* TRANSLATORS: in the header bar while the words of attached PDF files
   * are read for the search: "Reading attached files: 3 of 40" */
  text = g_strdup_printf (_("Reading attached files: %u of %u"), done, total);
  gtk_label_set_text (self->indexing_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->indexing_label), TRUE);
}

static void
on_indexing_idle_cb (DnWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->indexing_label), FALSE);
}

static void
dn_window_dispose (GObject *object)
{
  DnWindow *self = DN_WINDOW (object);

  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_pointer (&self->owner_slot, dn_query_slot_free);
  if (self->indexer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->indexer, self);
      dn_attachment_indexer_stop (self->indexer);
      g_clear_object (&self->indexer);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_WINDOW);

  G_OBJECT_CLASS (dn_window_parent_class)->dispose (object);
}

static void
dn_window_finalize (GObject *object)
{
  DnWindow *self = DN_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dn_window_parent_class)->finalize (object);
}

static DnWindowContext *
dn_window_get_context_iface (DnWindowContextProvider *provider)
{
  return DN_WINDOW (provider)->context;
}

static void
dn_window_context_provider_init (DnWindowContextProviderInterface *iface)
{
  iface->get_context = dn_window_get_context_iface;
}

static void
dn_window_class_init (DnWindowClass *klass)
{
  static const DnAction actions[] = {
    { "win.new-task", G_CALLBACK (new_task_action) },
    { "win.propose-tasks", G_CALLBACK (propose_tasks_action) },
    { "win.search", G_CALLBACK (search_action) },
    { "win.undo", G_CALLBACK (undo_action) },
    { "win.load-demo", G_CALLBACK (load_demo_action) },
    { "win.start-empty", G_CALLBACK (start_empty_action) },
    { "win.backup", G_CALLBACK (backup_action) },
    { "win.rules", G_CALLBACK (rules_action) },
    { "win.restore", G_CALLBACK (restore_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dn_window_dispose;
  object_class->finalize = dn_window_finalize;
  widget_class->realize = dn_window_realize;
  window_class->close_request = dn_window_close_request;

  /* (the sections' page types are made ready when a page is first built) */
  g_type_ensure (DN_TYPE_GLOBAL_SEARCH);

  dn_ui_class_set_template (widget_class, "dn-window.ui");
  g_type_ensure (DN_TYPE_CONNECTION_INDICATOR);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnWindow, global_search, main_stack, sections, banner,
                             banner_label, toast, toast_label, toast_undo, database_label, indexing_label,
                             connection_indicator);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_open_hit_cb, on_toast_close_cb, on_section_changed_cb);

  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_install_action (widget_class, "win.show-tasks", "s", show_tasks_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", "s", show_list_action);
  gtk_widget_class_install_action (widget_class, "win.open-task", "x", open_task_action);
}

static void
dn_window_init (DnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

DnWindow *
dn_window_new (DnApplication *application,
               DnStore       *store)
{
  DnWindow *self;
  g_autofree char *db_text = NULL;
  g_autofree char *section = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  self = g_object_new (DN_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  if (application != NULL && dn_application_get_settings (application) != NULL)
    self->settings = g_object_ref (dn_application_get_settings (application));

  self->context = dn_window_context_new (store, self->settings);
  g_signal_connect_swapped (self->context, "message", G_CALLBACK (on_context_message_cb), self);
  g_signal_connect_swapped (self->context, "notify::can-undo", G_CALLBACK (on_can_undo_changed_cb), self);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  dn_global_search_set_store (self->global_search, store);

  /* the attached PDF files whose text is not read yet: read now, in the
   * background; said in the header bar when it takes a while */
  self->indexer = dn_attachment_indexer_new (store, dn_pdf_renderer_get_default ());
  g_signal_connect_swapped (self->indexer, "progress", G_CALLBACK (on_indexing_progress_cb), self);
  g_signal_connect_swapped (self->indexer, "idle", G_CALLBACK (on_indexing_idle_cb), self);
  self->indexing_since = g_get_monotonic_time ();
  dn_attachment_indexer_start (self->indexer);

  db_text = g_strdup_printf (_("Database: %s"), dn_store_get_path (store));
  gtk_label_set_text (self->database_label, db_text);
  /* where the database lives, that it can only be read, damage found by a
   * check: until repaired, every start says so */
  if (dn_store_get_warning (store) != NULL || dn_store_get_damage (store) != NULL)
    {
      const char *warning = dn_store_get_warning (store);
      const char *damage = dn_store_get_damage (store);
      g_autofree char *banner = warning != NULL && damage != NULL ? g_strconcat (warning, "\n\n", damage, NULL)
                                                                  : g_strdup (warning != NULL ? warning : damage);

      gtk_label_set_text (self->banner_label, banner);
      gtk_revealer_set_reveal_child (self->banner, TRUE);
    }

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      section = g_settings_get_string (self->settings, "last-section");
      g_signal_connect_swapped (self->settings, "changed::my-unit", G_CALLBACK (on_my_unit_changed_cb), self);
    }
  apply_my_unit (self);
  update_main_page (self);
  if (section != NULL && gtk_stack_get_child_by_name (self->sections, section) != NULL)
    gtk_stack_set_visible_child_name (self->sections, section);
  return self;
}

DnWindowContext *
dn_window_get_context (DnWindow *self)
{
  g_return_val_if_fail (DN_IS_WINDOW (self), NULL);
  return self->context;
}

void
dn_window_set_connection (DnWindow     *self,
                          DnConnection *connection)
{
  g_return_if_fail (DN_IS_WINDOW (self));
  g_return_if_fail (connection == NULL || DN_IS_CONNECTION (connection));

  dn_connection_indicator_set_connection (self->connection_indicator, connection);
  dn_window_context_set_writer (self->context, connection != NULL ? DN_WRITER (connection) : NULL);
}

DnConnection *
dn_window_get_connection (DnWindow *self)
{
  g_return_val_if_fail (DN_IS_WINDOW (self), NULL);
  return dn_connection_indicator_get_connection (self->connection_indicator);
}

DnStore *
dn_window_get_store (DnWindow *self)
{
  g_return_val_if_fail (DN_IS_WINDOW (self), NULL);
  return self->store;
}

void
dn_window_show_section (DnWindow   *self,
                        const char *name)
{
  g_return_if_fail (DN_IS_WINDOW (self));
  if (gtk_stack_get_child_by_name (self->sections, name) != NULL)
    gtk_stack_set_visible_child_name (self->sections, name);
}

const char *
dn_window_get_section (DnWindow *self)
{
  g_return_val_if_fail (DN_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->sections);
}

void
dn_window_open_task (DnWindow *self,
                     gint64    task_id)
{
  g_return_if_fail (DN_IS_WINDOW (self));
  dn_window_show_section (self, "tasks");
  dn_task_list_view_open_task (SECTION_PAGE (self, "tasks", DN_TASK_LIST_VIEW), task_id);
}

void
dn_window_show_tasks (DnWindow   *self,
                      const char *preset)
{
  g_return_if_fail (DN_IS_WINDOW (self));
  dn_window_show_section (self, "tasks");
  dn_task_list_view_apply_preset (SECTION_PAGE (self, "tasks", DN_TASK_LIST_VIEW), preset);
}

gboolean
dn_window_show_list (DnWindow   *self,
                     const char *link)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *page;

  g_return_val_if_fail (DN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (link != NULL, FALSE);

  parts = g_strsplit (link, ":", 2);
  page = dn_window_get_section_page (self, parts[0]);
  if (page == NULL ||
      (parts[1] != NULL && (!DN_IS_LIST_PAGE (page) || !dn_list_page_apply_preset (DN_LIST_PAGE (page), parts[1]))))
    {
      g_warning ("No list “%s”", link);
      return FALSE;
    }
  dn_window_show_section (self, parts[0]);
  return TRUE;
}

void
dn_window_open_document (DnWindow *self,
                         gint64    document_id)
{
  g_return_if_fail (DN_IS_WINDOW (self));
  if (document_id <= 0)
    return;
  dn_document_details_show (GTK_WINDOW (self), self->store, document_id);
}

gboolean
dn_window_open_attachment (DnWindow   *self,
                           gint64      attachment_id,
                           int         page,
                           GError    **error)
{
  g_return_val_if_fail (DN_IS_WINDOW (self), FALSE);
  return dn_attachment_open (GTK_WINDOW (self), self->store, attachment_id, page, NULL, error);
}

DnAttachmentIndexer *
dn_window_get_attachment_indexer (DnWindow *self)
{
  g_return_val_if_fail (DN_IS_WINDOW (self), NULL);
  return self->indexer;
}
