/* dn-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-officer.h"
#include "dn-preferences-dialog.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"

struct _DnPreferencesDialog
{
  GtkWindow             parent_instance;

  GSettings            *settings;     /* NULL: schema not installed */
  DnStore              *store;        /* NULL: no database open */
  GtkFileChooserNative *chooser;
  gboolean              syncing_unit; /* the chooser is being set from the settings */
  gboolean              syncing_officer; /* the entries are being set from the settings */

  /* Template widgets */
  GtkStack             *stack;
  GtkDropDown          *language_dropdown;
  GtkLabel             *database_path_label;
  GtkLabel             *server_label;
  GtkWidget            *server_disconnect_button;
  GtkLabel             *database_next_caption;
  GtkLabel             *database_next_label;
  GtkLabel             *database_default_label;
  GtkLabel             *database_error_label;
  GtkEditable          *officer_name_entry;
  GtkEditable          *officer_position_entry;
  GtkLabel             *officer_label;
  GtkLabel             *officer_error_label;
  GtkCheckButton       *secret_check;
  DnUnitChooser        *my_unit_chooser;
  GtkLabel             *my_unit_note;
};

G_DEFINE_FINAL_TYPE (DnPreferencesDialog, dn_preferences_dialog, GTK_TYPE_WINDOW)

/* Positions of the language drop-down, as stored in the "language" key. */
static const char * const languages[] = { "system", "vi", "en" };

static gboolean
language_to_position (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (languages))
    return NULL;
  return g_variant_new_string (languages[position]);
}

/*
 * Database location
 */

/* Which server this computer works with, if any */
static void
update_server (DnPreferencesDialog *self)
{
  g_autofree char *address = g_settings_get_string (self->settings, "server-address");
  g_autofree char *user = g_settings_get_string (self->settings, "server-user");
  g_autofree char *text = NULL;

  if (*address == '\0')
    text = g_strdup (_("Not used: this computer works on its own database."));
  else
    text = g_strdup_printf (_("This computer works with %s as “%s”: it shows what concerns your unit, and what "
                              "you record goes to the department."), address, user);
  gtk_label_set_text (self->server_label, text);
  gtk_widget_set_visible (self->server_disconnect_button, *address != '\0');
}

/* The database open now first, then the one the next start opens when it
 * is another, then where the default one lives. */
static void
update_database (DnPreferencesDialog *self)
{
  g_autofree char *configured = g_settings_get_string (self->settings, "database-path");
  g_autofree char *default_path = dn_store_default_path ();
  const char *next = configured != NULL && *configured != '\0' ? configured : default_path;
  const char *open = self->store != NULL ? dn_store_get_path (self->store) : NULL;
  gboolean other_next = open != NULL && g_strcmp0 (open, next) != 0;

  gtk_label_set_text (self->database_path_label, open != NULL ? open : _("No database is open."));
  gtk_label_set_text (self->database_next_label, next);
  gtk_widget_set_visible (GTK_WIDGET (self->database_next_caption), open == NULL || other_next);
  gtk_widget_set_visible (GTK_WIDGET (self->database_next_label), open == NULL || other_next);
  gtk_label_set_text (self->database_default_label, default_path);
}

static void
show_database_error (DnPreferencesDialog *self,
                     const char          *message)
{
  gtk_label_set_text (self->database_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->database_error_label), message != NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        DnPreferencesDialog *self)
{
  gboolean creating = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "creating"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_database_error (self, _("Choose a file on this computer or on a mounted network drive."));
      return;
    }

  if (creating)
    {
      if (!g_str_has_suffix (path, ".db"))
        {
          char *with_suffix = g_strconcat (path, ".db", NULL);
          g_free (path);
          path = with_suffix;
        }
    }
  else
    {
      /* a wrong file is caught now rather than at the next start */
      g_autoptr(GError) error = NULL;
      g_autoptr(DnStore) check = dn_store_open (path, DN_STORE_OPEN_NO_CREATE | DN_STORE_OPEN_READ_ONLY |
                                                      DN_STORE_OPEN_NO_MIGRATE, &error);
      if (check == NULL && !g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_BUSY))
        {
          show_database_error (self, error->message);
          return;
        }
    }
  show_database_error (self, NULL);
  g_settings_set_string (self->settings, "database-path", path);
}

static void
run_chooser (DnPreferencesDialog *self,
             gboolean             creating)
{
  g_autofree char *current = self->store != NULL ? g_strdup (dn_store_get_path (self->store))
                                                : g_strdup (gtk_label_get_text (self->database_next_label));
  g_autofree char *folder_path = g_path_get_dirname (current);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

  if (self->chooser != NULL)
    return;
  self->chooser = dn_ui_database_chooser_new (GTK_WINDOW (self), creating ? _("New Database") : _("Choose a Database"),
                                              creating ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                              creating ? _("_Create") : _("_Open"), _("Đối Ngoại databases (*.db)"));
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  if (creating)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "doingoai.db");
  g_object_set_data (G_OBJECT (self->chooser), "creating", GINT_TO_POINTER (creating));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_choose_clicked_cb (DnPreferencesDialog *self)
{
  run_chooser (self, FALSE);
}

static void
on_new_clicked_cb (DnPreferencesDialog *self)
{
  run_chooser (self, TRUE);
}

static void
on_default_clicked_cb (DnPreferencesDialog *self)
{
  show_database_error (self, NULL);
  g_settings_set_string (self->settings, "database-path", "");
}

/*
 * Your name and position
 */

/* Shows how the officer is recorded, or why what was typed is not kept. */
static void
show_officer (DnPreferencesDialog *self,
              const char          *label,
              const char          *error)
{
  g_autofree char *text = NULL;

  if (label != NULL)
    text = g_strdup_printf (_("Recorded as: %s"), label);
  else
    text = g_strdup_printf (_("Recorded under the login name “%s”."), g_get_user_name ());
  gtk_label_set_text (self->officer_label, text);
  gtk_label_set_text (self->officer_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->officer_error_label), error != NULL);
}

/* Shows the "officer-name" and "officer-position" keys in the entries. */
static void
sync_officer (DnPreferencesDialog *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "officer-name");
  g_autofree char *position = g_settings_get_string (self->settings, "officer-position");
  g_autofree char *label = dn_officer_format (name, position, NULL);

  if (self->syncing_officer)
    return;
  self->syncing_officer = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (self->officer_name_entry), name) != 0)
    gtk_editable_set_text (self->officer_name_entry, name);
  if (g_strcmp0 (gtk_editable_get_text (self->officer_position_entry), position) != 0)
    gtk_editable_set_text (self->officer_position_entry, position);
  self->syncing_officer = FALSE;
  show_officer (self, label, NULL);
}

/* What is typed is kept as it is typed, once it can be recorded; otherwise
 * the keys stay as they were and the dialog says why. */
static void
on_officer_changed_cb (DnPreferencesDialog *self)
{
  const char *name = gtk_editable_get_text (self->officer_name_entry);
  const char *position = gtk_editable_get_text (self->officer_position_entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (self->syncing_officer || self->settings == NULL)
    return;
  label = dn_officer_format (name, position, &error);
  if (error != NULL)
    {
      show_officer (self, NULL, error->message);
      return;
    }
  self->syncing_officer = TRUE;
  g_settings_set_string (self->settings, "officer-name", name);
  g_settings_set_string (self->settings, "officer-position", position);
  self->syncing_officer = FALSE;
  show_officer (self, label, NULL);
}

/*
 * My unit
 */

/* Shows the unit of the "my-unit" key in the drop-down. */
static void
sync_my_unit (DnPreferencesDialog *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "my-unit");
  g_autoptr(DnUnit) unit = NULL;
  gint64 id = 0;

  if (code != NULL && *code != '\0' && self->store != NULL)
    unit = dn_store_find_unit (self->store, code, NULL);
  if (unit != NULL && !unit->archived)
    id = unit->id;

  self->syncing_unit = TRUE;
  if (!dn_unit_chooser_pick (self->my_unit_chooser, id))
    dn_chooser_set_id (DN_CHOOSER (self->my_unit_chooser), 0);
  self->syncing_unit = FALSE;

  if (self->store == NULL)
    gtk_label_set_text (self->my_unit_note, _("No database is open: there are no units to choose from."));
  else if (code != NULL && *code != '\0' && id == 0)
    {
      g_autofree char *note = g_strdup_printf (_("The unit with code “%s” is archived or no longer exists: "
                                                 "choose another one."), code);
      gtk_label_set_text (self->my_unit_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->my_unit_note),
                          self->store == NULL || (code != NULL && *code != '\0' && id == 0));
}

/* Reads the units again (the store changed) and shows the setting's. */
static void
fill_units (DnPreferencesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!dn_chooser_reload (DN_CHOOSER (self->my_unit_chooser), &error))
    g_warning ("%s", error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->my_unit_chooser), self->store != NULL);
  sync_my_unit (self);
}

static void
on_my_unit_chosen_cb (DnPreferencesDialog *self)
{
  gint64 id = dn_unit_chooser_get_unit (self->my_unit_chooser);
  g_autoptr(DnUnit) unit = NULL;

  if (self->syncing_unit || self->settings == NULL)
    return;
  if (id > 0 && self->store != NULL)
    unit = dn_store_get_unit (self->store, id, NULL);
  g_settings_set_string (self->settings, "my-unit", unit != NULL ? unit->code : "");
}

/*
 * GObject overrides
 */

static void
dn_preferences_dialog_dispose (GObject *object)
{
  DnPreferencesDialog *self = DN_PREFERENCES_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_preferences_dialog_parent_class)->dispose (object);
}

static void
dn_preferences_dialog_class_init (DnPreferencesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_preferences_dialog_dispose;

  g_type_ensure (DN_TYPE_UNIT_CHOOSER);
  dn_ui_class_set_template (widget_class, "dn-preferences-dialog.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPreferencesDialog, server_label, server_disconnect_button);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPreferencesDialog, stack, language_dropdown, database_path_label,
                             database_next_caption, database_next_label, database_default_label,
                             officer_name_entry, officer_position_entry, officer_label, officer_error_label,
                             database_error_label, my_unit_chooser, my_unit_note, secret_check);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_choose_clicked_cb, on_new_clicked_cb, on_default_clicked_cb,
                              on_officer_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dn_preferences_dialog_init (DnPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DnPreferencesDialog *
dn_preferences_dialog_new (GSettings *settings,
                           DnStore   *store)
{
  DnPreferencesDialog *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || DN_IS_STORE (store), NULL);

  /* like gtk_window_new(): GTK holds the window until it is closed */
  self = g_object_new (DN_TYPE_PREFERENCES_DIALOG, NULL);
  if (settings == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return self;
    }

  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  gtk_stack_set_visible_child_name (self->stack, "preferences");

  g_settings_bind_with_mapping (settings, "language", self->language_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_position, position_to_language,
                                NULL, NULL);
  g_settings_bind (settings, "show-secret-documents", self->secret_check, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (settings, "changed::database-path", G_CALLBACK (update_database), self);
  g_signal_connect_swapped (settings, "changed::server-address", G_CALLBACK (update_server), self);
  g_signal_connect_swapped (settings, "changed::my-unit", G_CALLBACK (sync_my_unit), self);
  g_signal_connect_swapped (settings, "changed::officer-name", G_CALLBACK (sync_officer), self);
  g_signal_connect_swapped (settings, "changed::officer-position", G_CALLBACK (sync_officer), self);
  /* (the chooser learns of changes first: fill_units() then reads once) */
  dn_chooser_set_store (DN_CHOOSER (self->my_unit_chooser), store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (fill_units), self);
  g_signal_connect_swapped (self->my_unit_chooser, "notify::selected-id", G_CALLBACK (on_my_unit_chosen_cb), self);

  update_database (self);
  update_server (self);
  sync_officer (self);
  fill_units (self);
  return self;
}
