/* dn-chooser-record.c: the class functions of a DnChooser of store
 * records (units, people, documents)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-chooser"

#include "config.h"

#include "dn-chooser-record.h"

/* What every record of the store begins with */
typedef struct
{
  GObject parent_instance;

  gint64  id;
} Record;

G_STATIC_ASSERT (G_STRUCT_OFFSET (DnUnit, id) == G_STRUCT_OFFSET (Record, id));
G_STATIC_ASSERT (G_STRUCT_OFFSET (DnPerson, id) == G_STRUCT_OFFSET (Record, id));
G_STATIC_ASSERT (G_STRUCT_OFFSET (DnDocument, id) == G_STRUCT_OFFSET (Record, id));

static GObject *
record_new_none_row (DnChooser  *self,
                     const char *label)
{
  DnChooserClass *klass = DN_CHOOSER_GET_CLASS (self);
  GObject *none = g_object_new (klass->record_type, NULL);
  char **text = G_STRUCT_MEMBER_P (none, klass->label_offset);

  g_free (*text);
  *text = g_strdup (label);
  return none;
}

static gint64
record_get_id (DnChooser *self,
               gpointer   row)
{
  return ((Record *) row)->id;
}

static const char *
record_get_name (DnChooser *self,
                 gpointer   row)
{
  return G_STRUCT_MEMBER (const char *, row, DN_CHOOSER_GET_CLASS (self)->label_offset);
}

void
dn_chooser_class_set_record (DnChooserClass *klass,
                             GType           record_type,
                             gsize           label_offset)
{
  klass->record_type = record_type;
  klass->label_offset = label_offset;
  klass->new_none_row = record_new_none_row;
  klass->get_id = record_get_id;
  klass->get_name = record_get_name;
}

const char *
dn_chooser_record_text (gpointer     record,
                        const char  *key,
                        char      *(*make) (gpointer record))
{
  const char *text = g_object_get_data (G_OBJECT (record), key);

  if (text == NULL)
    {
      char *made = make (record);

      if (made != NULL)
        g_object_set_data_full (G_OBJECT (record), key, made, g_free);
      text = made;
    }
  return text;
}
