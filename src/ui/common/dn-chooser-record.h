/* dn-chooser-record.h: a DnChooser of store records (units, people,
 * documents)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-chooser.h"

G_BEGIN_DECLS

/* For the class_init of a chooser of records of @record_type (a record
 * kind of the store: its `gint64 id` follows the GObject): new_none_row
 * makes a record with the label in its text field at @label_offset,
 * get_id reads the id, get_name that text field; the class may override
 * get_name. */
void        dn_chooser_class_set_record (DnChooserClass *klass,
                                         GType           record_type,
                                         gsize           label_offset);
/* The text of a row that @make makes of @record (a new string, or NULL:
 * none), made once and kept on the record under @key. */
const char *dn_chooser_record_text      (gpointer        record,
                                         const char     *key,
                                         char         *(*make) (gpointer record));

G_END_DECLS
