/* dn-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-ui"

#include "config.h"

#include "dn-ui-resources.h"
#include "dn-ui.h"

void
dn_ui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      dn_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

void
dn_ui_set_css_class (GtkWidget  *widget,
                     const char *name,
                     gboolean    on)
{
  /* a change of classes restyles the widget: none when nothing changes */
  if (!gtk_widget_has_css_class (widget, name) == !on)
    return;
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* on each property installed by dn_ui_install_properties(): its accessors */
static GQuark access_quark;

static void
dn_ui_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  const DnPropertyAccess *access = g_param_spec_get_qdata (pspec, access_quark);
  GType type = G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec));

  if (access == NULL || access->get == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, ((gboolean (*) (gpointer)) access->get) (object));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, ((gint64 (*) (gpointer)) access->get) (object));
  else if (type == G_TYPE_STRING)
    g_value_set_string (value, ((const char *(*) (gpointer)) access->get) (object));
  else if (type == G_TYPE_OBJECT)
    g_value_set_object (value, ((gpointer (*) (gpointer)) access->get) (object));
  else
    g_critical ("%s: no accessors for a value of type %s", G_STRFUNC, g_type_name (type));
}

static void
dn_ui_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  const DnPropertyAccess *access = g_param_spec_get_qdata (pspec, access_quark);
  GType type = G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec));

  if (access == NULL || access->set == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (type == G_TYPE_BOOLEAN)
    ((void (*) (gpointer, gboolean)) access->set) (object, g_value_get_boolean (value));
  else if (type == G_TYPE_INT64)
    ((void (*) (gpointer, gint64)) access->set) (object, g_value_get_int64 (value));
  else if (type == G_TYPE_STRING)
    ((void (*) (gpointer, const char *)) access->set) (object, g_value_get_string (value));
  else if (type == G_TYPE_OBJECT)
    ((void (*) (gpointer, gpointer)) access->set) (object, g_value_get_object (value));
  else
    g_critical ("%s: no accessors for a value of type %s", G_STRFUNC, g_type_name (type));
}

void
dn_ui_install_properties (GObjectClass           *object_class,
                          guint                   n_pspecs,
                          GParamSpec            **pspecs,
                          const DnPropertyAccess *access)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  g_return_if_fail (pspecs != NULL && access != NULL);

  if (access_quark == 0)
    access_quark = g_quark_from_static_string ("dn-property-access");
  for (guint i = 1; i < n_pspecs; i++)
    g_param_spec_set_qdata (pspecs[i], access_quark, (gpointer) &access[i]);
  object_class->get_property = dn_ui_get_property;
  object_class->set_property = dn_ui_set_property;
  g_object_class_install_properties (object_class, n_pspecs, pspecs);
}
