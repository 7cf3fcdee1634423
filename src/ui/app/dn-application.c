/* dn-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dn-accessible-names.h"
#include "dn-application.h"
#include "dn-connected-mode.h"
#include "dn-i18n.h"
#include "dn-legacy-paste-dialog.h"
#include "dn-preferences-dialog.h"
#include "dn-settings.h"
#include "dn-ui.h"
#include "dn-overdue-notice.h"
#include "dn-window.h"

struct _DnApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  char           *db_path;    /* --db */
};

G_DEFINE_FINAL_TYPE (DnApplication, dn_application, GTK_TYPE_APPLICATION)

void
dn_application_apply_language (void)
{
  g_autoptr(GSettings) settings = dn_settings_new ();
  g_autofree char *language = settings != NULL ? g_settings_get_string (settings, "language") : NULL;

  if (language != NULL && (g_str_equal (language, "vi") || g_str_equal (language, "en")))
    {
      const char *current;

      g_setenv ("LANGUAGE", language, TRUE);
      /* gettext ignores LANGUAGE under the C locale: pick a UTF-8 one */
      current = setlocale (LC_ALL, "");
      if (current == NULL || g_str_equal (current, "C") || g_str_equal (current, "POSIX"))
        {
          if (g_str_equal (language, "vi") && setlocale (LC_ALL, "vi_VN.UTF-8") != NULL)
            g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
          else if (setlocale (LC_ALL, "C.UTF-8") != NULL)
            g_setenv ("LC_ALL", "C.UTF-8", TRUE);
        }
    }
  dn_i18n_init ();
}

static void
show_error_window (DnApplication *self,
                   const char    *message)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("The database cannot be opened"));
  GtkWidget *label = gtk_label_new (message);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *prefs = gtk_button_new_with_mnemonic (_("Choose _Another Database…"));
  GtkWidget *quit = gtk_button_new_with_mnemonic (_("_Quit"));

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (window), _("Đối Ngoại"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, -1);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (prefs), "app.preferences");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  gtk_widget_add_css_class (prefs, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), quit);
  gtk_box_append (GTK_BOX (buttons), prefs);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

gboolean
dn_application_open_database (DnApplication  *self,
                              const char     *path,
                              GError        **error)
{
  g_autofree char *chosen = NULL;
  g_autoptr(DnStore) store = NULL;
  DnWindow *window;

  g_return_val_if_fail (DN_IS_APPLICATION (self), FALSE);

  /* working with the department server: its replica */
  if (path == NULL && dn_connected_mode_is_set (self))
    return dn_connected_mode_open (self, error) != NULL;
  if (path != NULL)
    chosen = g_strdup (path);
  else if (self->settings != NULL)
    chosen = g_settings_get_string (self->settings, "database-path");
  if (chosen == NULL || *chosen == '\0')
    {
      g_free (chosen);
      chosen = dn_store_default_path ();
    }
  store = dn_store_open (chosen, DN_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  window = dn_window_new (self, store);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
show_list_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  DnApplication *self = DN_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !DN_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (window != NULL && DN_IS_WINDOW (window))
    {
      dn_window_show_list (DN_WINDOW (window), g_variant_get_string (param, NULL));
      gtk_window_present (window);
    }
}

static void
dn_application_activate (GApplication *app)
{
  DnApplication *self = DN_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (!dn_application_open_database (self, self->db_path, &error))
    show_error_window (self, error->message);
  else
    {
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (window != NULL && DN_IS_WINDOW (window))
        dn_overdue_notice_send (app, dn_window_get_store (DN_WINDOW (window)));
    }
}

static int
dn_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  DnApplication *self = DN_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("doingoai %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
      /* another database is another instance */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* closing saves each window's size */
  for (GList *l = g_list_copy (windows), *it = l; it != NULL; it = it->next)
    gtk_window_close (it->data);
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("Đối Ngoại developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Đối Ngoại"),
                         "comments", _("External affairs, international integration and cooperation "
                                       "for education departments: task assignments across offices, "
                                       "delegations, passports and official documents."),
                         "version", PACKAGE_VERSION,
                         "logo-icon-name", APPLICATION_ID,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/doingoai/doingoai",
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 Đối Ngoại developers",
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  DnApplication *self = DN_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  DnPreferencesDialog *dialog = dn_preferences_dialog_new (self->settings,
                                                           DN_IS_WINDOW (parent) ? dn_window_get_store (DN_WINDOW (parent)) : NULL);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "show-list", show_list_activated, "s" },
};

/* Every window's text fields offer to convert text pasted in TCVN3 or VNI */
static void
on_toplevels_changed_cb (GListModel *toplevels,
                         guint       position,
                         guint       removed,
                         guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      dn_legacy_paste_watch (window);
    }
}

static void
dn_application_startup (GApplication *app)
{
  DnApplication *self = DN_APPLICATION (app);
  G_APPLICATION_CLASS (dn_application_parent_class)->startup (app);

  g_set_application_name (_("Đối Ngoại"));
  dn_accessible_names_install ();
  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->settings = dn_settings_new ();

  dn_ui_add_style ();

  g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (on_toplevels_changed_cb), NULL);
  on_toplevels_changed_cb (gtk_window_get_toplevels (), 0, 0, g_list_model_get_n_items (gtk_window_get_toplevels ()));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  dn_connected_mode_add_actions (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-task", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", (const char *[]) { "<Control>z", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}

static void
dn_application_finalize (GObject *object)
{
  DnApplication *self = DN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (dn_application_parent_class)->finalize (object);
}

static void
dn_application_class_init (DnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dn_application_finalize;
  app_class->activate = dn_application_activate;
  app_class->startup = dn_application_startup;
  app_class->handle_local_options = dn_application_handle_local_options;
}

static void
dn_application_init (DnApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  dn_ui_ensure_resources ();
}

DnApplication *
dn_application_new (void)
{
  return g_object_new (DN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/doingoai/DoiNgoai",
                       NULL);
}

GSettings *
dn_application_get_settings (DnApplication *self)
{
  g_return_val_if_fail (DN_IS_APPLICATION (self), NULL);
  return self->settings;
}
