/* dn-delegation-part.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-part"

#include "config.h"

#include "dn-delegation-form.h"
#include "dn-delegation-part.h"
#include "dn-ui.h"

G_STATIC_ASSERT (G_STRUCT_OFFSET (DnDelegationMember, id) == G_STRUCT_OFFSET (DnDelegationRecord, id));
G_STATIC_ASSERT (G_STRUCT_OFFSET (DnDelegationMember, delegation_id) ==
                 G_STRUCT_OFFSET (DnDelegationRecord, delegation_id));
G_STATIC_ASSERT (G_STRUCT_OFFSET (DnProgrammeItem, id) == G_STRUCT_OFFSET (DnDelegationRecord, id));
G_STATIC_ASSERT (G_STRUCT_OFFSET (DnProgrammeItem, delegation_id) ==
                 G_STRUCT_OFFSET (DnDelegationRecord, delegation_id));

typedef struct
{
  GtkListBox *list;
  const char *remove_label;
  GPtrArray  *records;
  GArray     *removed;      /* the ids of stored records removed */
} DnDelegationPartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DnDelegationPart, dn_delegation_part, GTK_TYPE_BOX)

#define PRIV(self) ((DnDelegationPartPrivate *) dn_delegation_part_get_instance_private (self))

static void show_records (DnDelegationPart *self);

static void
on_remove_cb (GtkButton        *button,
              DnDelegationPart *self)
{
  DnDelegationPartPrivate *priv = PRIV (self);
  DnDelegationRecord *record = g_object_get_data (G_OBJECT (button), "dn-item");

  if (record->id > 0)
    g_array_append_val (priv->removed, record->id);
  g_ptr_array_remove (priv->records, record);
  show_records (self);
}

static void
show_records (DnDelegationPart *self)
{
  DnDelegationPartPrivate *priv = PRIV (self);

  dn_delegation_form_show_rows (priv->list, priv->records, DN_DELEGATION_PART_GET_CLASS (self)->describe,
                                priv->remove_label, G_CALLBACK (on_remove_cb), self);
}

void
dn_delegation_part_set_list (DnDelegationPart *self,
                             GtkListBox       *list,
                             const char       *remove_label)
{
  g_return_if_fail (DN_IS_DELEGATION_PART (self));

  PRIV (self)->list = list;
  PRIV (self)->remove_label = remove_label;
  show_records (self);
}

GPtrArray *
dn_delegation_part_get_records (DnDelegationPart *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_PART (self), NULL);
  return PRIV (self)->records;
}

void
dn_delegation_part_add (DnDelegationPart *self,
                        gpointer          record)
{
  g_return_if_fail (DN_IS_DELEGATION_PART (self));

  g_ptr_array_add (PRIV (self)->records, record);
  show_records (self);
}

void
dn_delegation_part_add_read (DnDelegationPart *self,
                             GPtrArray        *read)
{
  g_return_if_fail (DN_IS_DELEGATION_PART (self));

  for (guint i = 0; i < read->len; i++)
    g_ptr_array_add (PRIV (self)->records, g_object_ref (read->pdata[i]));
  show_records (self);
}

void
dn_delegation_part_collect (DnDelegationPart *self,
                            GPtrArray        *added,
                            GArray           *removed)
{
  DnDelegationPartPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_DELEGATION_PART (self));

  g_array_append_vals (removed, priv->removed->data, priv->removed->len);
  for (guint i = 0; i < priv->records->len; i++)
    if (((DnDelegationRecord *) priv->records->pdata[i])->id <= 0)
      g_ptr_array_add (added, g_object_ref (priv->records->pdata[i]));
}

DnFormDialog *
dn_delegation_part_get_dialog (DnDelegationPart *self)
{
  return DN_FORM_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (self), DN_TYPE_FORM_DIALOG));
}

void
dn_delegation_part_class_set_template (DnDelegationPartClass    *klass,
                                       const char               *ui_name,
                                       DnDelegationDescribeFunc  describe)
{
  dn_ui_class_set_template (GTK_WIDGET_CLASS (klass), ui_name);
  klass->describe = describe;
}

static void
dn_delegation_part_dispose (GObject *object)
{
  /* the template of the subclass (a final type) */
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  G_OBJECT_CLASS (dn_delegation_part_parent_class)->dispose (object);
}

static void
dn_delegation_part_finalize (GObject *object)
{
  DnDelegationPartPrivate *priv = PRIV (DN_DELEGATION_PART (object));

  g_ptr_array_unref (priv->records);
  g_array_unref (priv->removed);
  G_OBJECT_CLASS (dn_delegation_part_parent_class)->finalize (object);
}

static void
dn_delegation_part_class_init (DnDelegationPartClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dn_delegation_part_dispose;
  G_OBJECT_CLASS (klass)->finalize = dn_delegation_part_finalize;
}

static void
dn_delegation_part_init (DnDelegationPart *self)
{
  PRIV (self)->records = g_ptr_array_new_with_free_func (g_object_unref);
  PRIV (self)->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
}
