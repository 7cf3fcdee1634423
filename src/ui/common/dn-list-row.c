/* dn-list-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-row"

#include "config.h"

#include "dn-list-row-private.h"

struct _DnListRow
{
  GObject     parent_instance;

  DnListRows *rows;        /* NULL once the position is gone */
  guint       position;
  guint       generation;  /* of the result @item was read from */
  GObject    *item;
};

G_DEFINE_FINAL_TYPE (DnListRow, dn_list_row, G_TYPE_OBJECT)

static void
dn_list_row_finalize (GObject *object)
{
  DnListRow *self = DN_LIST_ROW (object);

  if (self->rows != NULL)
    _dn_list_rows_row_finalized (self->rows, self);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (dn_list_row_parent_class)->finalize (object);
}

static void
dn_list_row_class_init (DnListRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_list_row_finalize;
}

static void
dn_list_row_init (DnListRow *self)
{
}

DnListRow *
_dn_list_row_new (DnListRows *rows,
                  guint       position)
{
  DnListRow *self = g_object_new (DN_TYPE_LIST_ROW, NULL);

  self->rows = rows;
  self->position = position;
  return self;
}

void
_dn_list_row_detach (DnListRow *row)
{
  row->rows = NULL;
}

gpointer
dn_list_row_get_item (DnListRow *self)
{
  g_return_val_if_fail (DN_IS_LIST_ROW (self), NULL);

  if (self->rows != NULL && (self->item == NULL || self->generation != _dn_list_rows_get_generation (self->rows)))
    {
      GListModel *shown = dn_list_rows_get_shown (self->rows);

      g_clear_object (&self->item);
      self->generation = _dn_list_rows_get_generation (self->rows);
      self->item = shown != NULL ? g_list_model_get_item (shown, self->position) : NULL;
    }
  return self->item;
}

guint
dn_list_row_get_position (DnListRow *self)
{
  g_return_val_if_fail (DN_IS_LIST_ROW (self), 0);
  return self->position;
}
