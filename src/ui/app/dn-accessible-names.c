/* dn-accessible-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-accessible-names"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-accessible-names.h"

#define WATCHED_KEY "dn-accessible-names-watched"

static gboolean
has_label (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* @text without its mnemonic underscores ("__" stays one "_"). */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_');
          if (p[1] != '\0')
            p++;
          else
            break;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The nearest ancestor (at most three up) that has an accessible label:
 * the drop-down or chooser an inner button belongs to. */
static GtkWidget *
labelled_ancestor (GtkWidget *widget)
{
  GtkWidget *w = gtk_widget_get_parent (widget);

  for (int i = 0; i < 3 && w != NULL; i++, w = gtk_widget_get_parent (w))
    if (has_label (w))
      return w;
  return NULL;
}

static void
fix_button (GtkButton *button)
{
  GtkWidget *widget = GTK_WIDGET (button);
  const char *label = gtk_button_get_label (button);

  if (has_label (widget))
    {
      /* GTK set the label property to the raw label: the text without the
       * underscore instead; a label given by the interface stays */
      g_autofree char *mismatch = label != NULL && gtk_button_get_use_underline (button)
                                  ? gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label)
                                  : g_strdup ("");

      /* (check_property gives NULL when the label is the raw label) */
      if (mismatch == NULL)
        {
          g_autofree char *plain = strip_mnemonic (label);

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
        }
      /* … and the shown text is not read a second time */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      return;
    }
  if (label == NULL)
    {
      GtkWidget *owner = labelled_ancestor (widget);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (owner != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        owner, NULL, -1);
      else if (tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
}

static void
on_label_changed_cb (GtkButton *button)
{
  fix_button (button);
}

void
dn_accessible_names_fix (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget))
    {
      fix_button (GTK_BUTTON (widget));
      if (g_object_get_data (G_OBJECT (widget), WATCHED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (widget), WATCHED_KEY, GINT_TO_POINTER (TRUE));
          g_signal_connect_after (widget, "notify::label", G_CALLBACK (on_label_changed_cb), NULL);
        }
    }
  else if (GTK_IS_LIST_VIEW (widget) && GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (widget)))
    /* a column view's inner list: the column view's name */
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    gtk_widget_get_parent (widget), NULL, -1);
  else if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_STACK_SIDEBAR) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sections"), -1);
}

void
dn_accessible_names_fix_tree (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  dn_accessible_names_fix (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dn_accessible_names_fix_tree (child);
}

/* A window, as it is realized: every widget in it, shown or not (a screen
 * reader lists the pages not shown too); any other widget: itself, for
 * those made later (rows, dialogs' contents). */
static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_WINDOW (object))
    dn_accessible_names_fix_tree (GTK_WIDGET (object));
  else if (GTK_IS_WIDGET (object))
    dn_accessible_names_fix (GTK_WIDGET (object));
  return TRUE;
}

void
dn_accessible_names_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* without accessibility there are no names to correct (and no
       * accessible state to read them from) */
      if (g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0)
        {
          g_once_init_leave (&installed, 1);
          return;
        }
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, on_realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
