/* dn-details-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-details-window"

#include "config.h"

#include "dn-details-window.h"
#include "dn-ui.h"

typedef struct
{
  DnStore *store;
  gint64   id;
  guint    reload_idle;
} DnDetailsWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DnDetailsWindow, dn_details_window, GTK_TYPE_WINDOW)

static void
reload (DnDetailsWindow *self)
{
  DnDetailsWindowPrivate *priv = dn_details_window_get_instance_private (self);

  if (priv->store != NULL)
    DN_DETAILS_WINDOW_GET_CLASS (self)->reload (self);
}

static void
on_store_changed_cb (DnDetailsWindow *self)
{
  DnDetailsWindowPrivate *priv = dn_details_window_get_instance_private (self);

  if (DN_DETAILS_WINDOW_GET_CLASS (self)->reload_at_idle)
    dn_ui_call_soon (&priv->reload_idle, G_CALLBACK (reload), self);
  else
    reload (self);
}

static void
dn_details_window_dispose (GObject *object)
{
  DnDetailsWindowPrivate *priv = dn_details_window_get_instance_private (DN_DETAILS_WINDOW (object));

  g_clear_handle_id (&priv->reload_idle, g_source_remove);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, object);
  g_clear_object (&priv->store);
  G_OBJECT_CLASS (dn_details_window_parent_class)->dispose (object);
}

static void
dn_details_window_class_init (DnDetailsWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dn_details_window_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dn_details_window_init (DnDetailsWindow *self)
{
}

void
dn_details_window_set_record (DnDetailsWindow *self,
                              DnStore         *store,
                              gint64           id)
{
  DnDetailsWindowPrivate *priv = dn_details_window_get_instance_private (self);

  g_return_if_fail (DN_IS_DETAILS_WINDOW (self));
  g_return_if_fail (DN_IS_STORE (store));
  g_return_if_fail (priv->store == NULL);

  priv->store = g_object_ref (store);
  priv->id = id;
  if (DN_DETAILS_WINDOW_GET_CLASS (self)->reload == NULL)
    return;
  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

DnStore *
dn_details_window_get_store (gpointer self)
{
  DnDetailsWindowPrivate *priv;

  g_return_val_if_fail (DN_IS_DETAILS_WINDOW (self), NULL);
  priv = dn_details_window_get_instance_private (self);
  return priv->store;
}

gint64
dn_details_window_get_id (gpointer self)
{
  DnDetailsWindowPrivate *priv;

  g_return_val_if_fail (DN_IS_DETAILS_WINDOW (self), 0);
  priv = dn_details_window_get_instance_private (self);
  return priv->id;
}

GtkWindow *
dn_details_window_find (GType      type,
                        gint64     id,
                        GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */

  g_return_val_if_fail (g_type_is_a (type, DN_TYPE_DETAILS_WINDOW), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && dn_details_window_get_id (window) == id &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return window; /* the list of toplevels keeps it */
    }
  return NULL;
}
