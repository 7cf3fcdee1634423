/* dn-rules-dialog.c: the department's rules an officer may change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-rules-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-rules-dialog.h"
#include "dn-store-writer.h"
#include "dn-window-context.h"

typedef struct
{
  DnStore   *store;
  GtkWidget *fields[DN_SETTING_N];
} Rules;

static void
rules_free (Rules *rules)
{
  g_clear_object (&rules->store);
  g_free (rules);
}

static const char *rules_key = "dn-rules";

static int
field_value (GtkWidget *field)
{
  if (GTK_IS_CHECK_BUTTON (field))
    return gtk_check_button_get_active (GTK_CHECK_BUTTON (field)) ? 1 : 0;
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field));
}

/* The rules written together by the window's writer: in the database,
 * or on the department server (the department's officers only) */
static gboolean
apply_rules (DnFormDialog  *dialog,
             gpointer       user_data,
             GError       **error)
{
  Rules *rules = user_data;
  g_autoptr(DnWriter) writer = dn_window_context_dup_writer_for (GTK_WIDGET (dialog), rules->store);
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_SET_RULES);

  write->values = g_array_sized_new (FALSE, FALSE, sizeof (int), DN_SETTING_N);
  for (guint i = 0; i < DN_SETTING_N; i++)
    {
      int value = field_value (rules->fields[i]);

      g_array_append_val (write->values, value);
    }
  return dn_form_dialog_write (dialog, writer, write, NULL, NULL, error);
}

DnFormDialog *
dn_rules_dialog_new (DnStore *store)
{
  DnFormDialog *dialog;
  Rules *rules;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  dialog = dn_form_dialog_new (_("Department Rules"), _("_Save"));
  dn_form_dialog_set_intro (dialog,
                            _("These rules are the department's: they are kept with the data and apply to everyone "
                              "who uses it. The local limits only warn; 0 means no limit."));
  rules = g_new0 (Rules, 1);
  rules->store = g_object_ref (store);
  for (guint i = 0; i < DN_SETTING_N; i++)
    {
      const char *label = dn_setting_get_label (i);
      int min, max;
      GtkWidget *field;

      dn_setting_get_range (i, &min, &max);
      if (min == 0 && max == 1)
        {
          field = gtk_check_button_new ();
          gtk_check_button_set_active (GTK_CHECK_BUTTON (field), dn_store_get_setting (store, i) != 0);
        }
      else
        {
          field = gtk_spin_button_new_with_range (min, max, 1);
          gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (field), TRUE);
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (field), dn_store_get_setting (store, i));
          gtk_widget_set_halign (field, GTK_ALIGN_START);
        }
      gtk_widget_set_name (field, dn_setting_get_key (i));
      {
        GtkLabel *caption = GTK_LABEL (dn_form_dialog_add_field (dialog, label, label, field));

        /* wrapped, but never to a word a line: a wrapping label asks for
         * its narrowest width, which made the dialog taller than a screen */
        gtk_label_set_wrap (caption, TRUE);
        gtk_label_set_width_chars (caption, 36);
        gtk_label_set_max_width_chars (caption, 56);
      }
      rules->fields[i] = field;
    }
  g_object_set_data (G_OBJECT (dialog), rules_key, rules);
  dn_form_dialog_set_apply_func (dialog, apply_rules, rules, (GDestroyNotify) rules_free);
  return dialog;
}

GtkWidget *
dn_rules_dialog_get_field (DnFormDialog *dialog,
                           DnSetting     setting)
{
  Rules *rules;

  g_return_val_if_fail (DN_IS_FORM_DIALOG (dialog), NULL);
  g_return_val_if_fail ((guint) setting < DN_SETTING_N, NULL);

  rules = g_object_get_data (G_OBJECT (dialog), rules_key);
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->fields[setting];
}
