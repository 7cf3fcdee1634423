/* dn-list-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-rows"

#include "config.h"

#include "dn-list-row-private.h"

struct _DnListRows
{
  GObject     parent_instance;

  GListModel *shown;
  gulong      shown_changed_id;
  guint       n_items;     /* as last reported: the shown model may change on its own */
  GHashTable *live;        /* position → DnListRow (not a reference) */
  guint       generation;  /* bumped with each new result */
};

static guint
n_items_of (GListModel *model)
{
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static GType
dn_list_rows_get_item_type (GListModel *model)
{
  return DN_TYPE_LIST_ROW;
}

static guint
dn_list_rows_get_n_items (GListModel *model)
{
  return DN_LIST_ROWS (model)->n_items;
}

static gpointer
dn_list_rows_get_item (GListModel *model,
                       guint       position)
{
  DnListRows *self = DN_LIST_ROWS (model);
  DnListRow *row;

  if (position >= self->n_items)
    return NULL;
  row = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);
  row = _dn_list_row_new (self, position);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), row);
  return row;
}

static void
dn_list_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dn_list_rows_get_item_type;
  iface->get_n_items = dn_list_rows_get_n_items;
  iface->get_item = dn_list_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DnListRows, dn_list_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dn_list_rows_list_model_init))

/* Rows from @first on stand for nothing any more: a later row at their
 * position is another item. */
static void
forget (DnListRows *self,
        guint       first)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (key) >= first)
      {
        _dn_list_row_detach (value);
        g_hash_table_iter_remove (&iter);
      }
}

/* The shown model changed on its own (the rest of a list whose first rows
 * are shown came): rows added or removed at the end are reported as such,
 * anything else as every row replaced. */
static void
on_shown_items_changed_cb (DnListRows *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  guint n_old = self->n_items;
  guint n_new = n_items_of (model);

  self->n_items = n_new;
  if (position + removed == n_old && n_old - removed + added == n_new)
    {
      forget (self, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  self->generation++;
  forget (self, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_new);
}

static void
set_model (DnListRows *self,
           GListModel *model)
{
  if (self->shown == model)
    return;
  if (self->shown != NULL)
    g_clear_signal_handler (&self->shown_changed_id, self->shown);
  g_set_object (&self->shown, model);
  if (model != NULL)
    /* the rows hold the model: disconnected before it goes */
    self->shown_changed_id = g_signal_connect_swapped (model, "items-changed",
                                                       G_CALLBACK (on_shown_items_changed_cb), self);
}

static void
dn_list_rows_finalize (GObject *object)
{
  DnListRows *self = DN_LIST_ROWS (object);

  forget (self, 0);
  set_model (self, NULL);
  g_clear_pointer (&self->live, g_hash_table_unref);
  G_OBJECT_CLASS (dn_list_rows_parent_class)->finalize (object);
}

static void
dn_list_rows_class_init (DnListRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_list_rows_finalize;
}

static void
dn_list_rows_init (DnListRows *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}

guint
_dn_list_rows_get_generation (DnListRows *rows)
{
  return rows->generation;
}

void
_dn_list_rows_row_finalized (DnListRows *rows,
                             DnListRow  *row)
{
  gpointer key = GUINT_TO_POINTER (dn_list_row_get_position (row));

  if (g_hash_table_lookup (rows->live, key) == row)
    g_hash_table_remove (rows->live, key);
}

DnListRows *
dn_list_rows_new (void)
{
  return g_object_new (DN_TYPE_LIST_ROWS, NULL);
}

GListModel *
dn_list_rows_get_shown (DnListRows *self)
{
  g_return_val_if_fail (DN_IS_LIST_ROWS (self), NULL);
  return self->shown;
}

void
dn_list_rows_set_shown (DnListRows *self,
                        GListModel *model,
                        gboolean    in_place)
{
  guint n_old, n_new;

  g_return_if_fail (DN_IS_LIST_ROWS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  n_old = self->n_items;
  n_new = n_items_of (model);
  self->generation++;
  if (in_place && n_old > 0 && n_new > 0)
    {
      set_model (self, model);
      self->n_items = n_new;
      if (n_new < n_old)
        {
          forget (self, n_new);
          g_list_model_items_changed (G_LIST_MODEL (self), n_new, n_old - n_new, 0);
        }
      else if (n_new > n_old)
        g_list_model_items_changed (G_LIST_MODEL (self), n_old, 0, n_new - n_old);
      return;
    }
  forget (self, 0);
  set_model (self, NULL);
  self->n_items = 0;
  if (n_old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, 0);
  set_model (self, model);
  self->n_items = n_new;
  if (n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_new);
}
