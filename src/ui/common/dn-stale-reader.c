/* dn-stale-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-stale-reader"

#include "config.h"

#include "dn-stale-reader.h"

struct _DnStaleReader
{
  GtkWidget                *widget;   /* the owner (not a reference) */
  const DnStaleReaderFuncs *funcs;
  DnStore                  *store;
  DnQuerySlot              *slot;
  gboolean                  stale;    /* what is shown is older than the store */
  guint                     idle_id;  /* the read waits for the burst of changes to end */
  gboolean                  loading;  /* the widget's property "loading" */
  GParamSpec               *pspec;    /* of "loading" */
};

/* on a type: where its instances keep their reader */
static GQuark
reader_offset_quark (void)
{
  return g_quark_from_static_string ("dn-stale-reader-offset");
}

static void start_read (DnStaleReader *self);

static gboolean
is_shown (DnStaleReader *self)
{
  return gtk_widget_get_mapped (self->widget);
}

static void
read_done_cb (DnStaleReader *self,
              gpointer       read,
              const GError  *error)
{
  if (read == NULL)
    g_debug ("%s", error->message);
  self->funcs->show (self->widget, read, error);
  /* changes that came meanwhile */
  if (self->stale && is_shown (self))
    start_read (self);
  dn_stale_reader_update (self);
}

static void
start_read (DnStaleReader *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->stale = FALSE;
  dn_query_slot_run (self->slot, self->funcs->read, self->funcs->read_data (self->widget), g_free,
                     G_CALLBACK (read_done_cb), self);
  dn_stale_reader_update (self);
}

static gboolean
read_idle_cb (gpointer user_data)
{
  DnStaleReader *self = user_data;

  self->idle_id = 0;
  if (self->stale && self->slot != NULL && is_shown (self) && !dn_query_slot_is_busy (self->slot))
    start_read (self);
  return G_SOURCE_REMOVE;
}

void
dn_stale_reader_schedule (DnStaleReader *self)
{
  if (self->slot == NULL || !is_shown (self))
    return;
  if (self->idle_id == 0 && !dn_query_slot_is_busy (self->slot))
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, read_idle_cb, self, NULL);
}

void
dn_stale_reader_mark_stale (DnStaleReader *self)
{
  if (self->store == NULL)
    return;
  self->stale = TRUE;
  dn_stale_reader_schedule (self);
  dn_stale_reader_update (self);
}

/* Run after the widget's own map and unmap. */
static void
on_map_cb (DnStaleReader *self)
{
  /* read when first shown, and after changes made while hidden */
  if (self->stale && self->slot != NULL && !dn_query_slot_is_busy (self->slot))
    start_read (self);
  dn_stale_reader_update (self);
}

static void
on_unmap_cb (DnStaleReader *self)
{
  /* a read under way ends and is shown; none starts while hidden */
  g_clear_handle_id (&self->idle_id, g_source_remove);
  dn_stale_reader_update (self);
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_type_get_qdata (pspec->owner_type, reader_offset_quark ()));

  g_value_set_boolean (value, dn_stale_reader_is_loading (G_STRUCT_MEMBER (DnStaleReader *, object, offset)));
}

void
dn_stale_reader_install_property (GObjectClass *klass,
                                  gsize         reader_offset)
{
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), reader_offset_quark (), GSIZE_TO_POINTER (reader_offset));
  klass->get_property = get_property;
  /* TRUE while what is shown waits for a read of the store */
  g_object_class_install_property (klass, 1,
                                   g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                         G_PARAM_EXPLICIT_NOTIFY));
}

DnStaleReader *
dn_stale_reader_new (GtkWidget                *widget,
                     const DnStaleReaderFuncs *funcs)
{
  DnStaleReader *self = g_new0 (DnStaleReader, 1);

  self->widget = widget;
  self->funcs = funcs;
  self->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "loading");
  g_signal_connect_swapped (widget, "map", G_CALLBACK (on_map_cb), self);
  g_signal_connect_swapped (widget, "unmap", G_CALLBACK (on_unmap_cb), self);
  return self;
}

static void
forget_store (DnStaleReader *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->slot, dn_query_slot_free);
  g_clear_object (&self->store);
}

void
dn_stale_reader_set_store (DnStaleReader *self,
                           DnStore       *store)
{
  if (store == self->store)
    return;
  forget_store (self);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->stale = store != NULL;
  if (store != NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (store);

      self->slot = dn_query_slot_new (worker);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (dn_stale_reader_mark_stale), self);
      if (is_shown (self))
        start_read (self);
    }
  dn_stale_reader_update (self);
}

void
dn_stale_reader_free (DnStaleReader *self)
{
  g_signal_handlers_disconnect_by_data (self->widget, self);
  forget_store (self);
  g_free (self);
}

gboolean
dn_stale_reader_is_stale (DnStaleReader *self)
{
  return self != NULL && self->stale;
}

gboolean
dn_stale_reader_is_busy (DnStaleReader *self)
{
  return self != NULL && dn_query_slot_is_busy (self->slot);
}

void
dn_stale_reader_update (DnStaleReader *self)
{
  gboolean loading;

  if (self == NULL)
    return;
  loading = self->store != NULL &&
            ((self->stale && is_shown (self)) || dn_query_slot_is_busy (self->slot) ||
             (self->funcs->busy != NULL && self->funcs->busy (self->widget)));
  if (loading == self->loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self->widget), self->pspec);
}

gboolean
dn_stale_reader_is_loading (DnStaleReader *self)
{
  return self != NULL && self->loading;
}
