/* dn-preferences-dialog.c: placeholder until the real widget lands (not committed) */
#include "config.h"
#include "dn-preferences-dialog.h"
struct _DnPreferencesDialog { GtkWindow parent_instance; };
G_DEFINE_FINAL_TYPE (DnPreferencesDialog, dn_preferences_dialog, GTK_TYPE_WINDOW)
static void dn_preferences_dialog_class_init (DnPreferencesDialogClass *klass) {}
static void dn_preferences_dialog_init (DnPreferencesDialog *self) {}

DnPreferencesDialog *dn_preferences_dialog_new (GSettings *settings, DnStore *store) { return g_object_new (DN_TYPE_PREFERENCES_DIALOG, NULL); }
