/* dn-delegation-part.h: a list of the delegation editor, with its form
 *
 * The base of DnDelegationMembers and DnDelegationProgramme: the records
 * of one of a delegation's lists, shown each with a button removing it,
 * and the ids of the stored ones removed. Nothing is written before the
 * editor saves; then the class's remove() and add() write the changes.
 * Its messages go to the error line of the form dialog it is in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* The text of a record's row; the store's functions deleting a stored
 * record and adding a new one. */
typedef char    *(*DnDelegationDescribeFunc) (gpointer   record);
typedef gboolean (*DnDelegationRemoveFunc)   (DnStore   *store,
                                              gint64     id,
                                              GError   **error);
typedef gboolean (*DnDelegationAddFunc)      (DnStore   *store,
                                              gpointer   record,
                                              gboolean   confirmed,
                                              GError   **error);

#define DN_TYPE_DELEGATION_PART (dn_delegation_part_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnDelegationPart, dn_delegation_part, DN, DELEGATION_PART, GtkBox)

struct _DnDelegationPartClass
{
  GtkBoxClass parent_class;

  DnDelegationDescribeFunc describe;
  DnDelegationRemoveFunc   remove;
  DnDelegationAddFunc      add;
};

/* What the records (DnDelegationMember, DnProgrammeItem) begin with. */
typedef struct
{
  GObject parent_instance;

  gint64  id;             /* 0 while not stored */
  gint64  delegation_id;
} DnDelegationRecord;

/* For a subclass's class_init: its template is ui/@ui_name of the
 * resources (disposed of here), its records are described and written
 * with the functions given. */
void          dn_delegation_part_class_set_template (DnDelegationPartClass    *klass,
                                                     const char               *ui_name,
                                                     DnDelegationDescribeFunc  describe,
                                                     DnDelegationRemoveFunc    remove,
                                                     DnDelegationAddFunc       add);
/* For a subclass's init: the records are shown in @list, each with a
 * button @remove_label. */
void          dn_delegation_part_set_list    (DnDelegationPart  *self,
                                              GtkListBox        *list,
                                              const char        *remove_label);
GPtrArray    *dn_delegation_part_get_records (DnDelegationPart  *self);
/* Adds @record (a new one; this takes it) and shows the records. */
void          dn_delegation_part_add         (DnDelegationPart  *self,
                                              gpointer           record);
/* Adds the records of @read, as read from the store. */
void          dn_delegation_part_add_read    (DnDelegationPart  *self,
                                              GPtrArray         *read);
/* Inside the editor's transaction: deletes each stored record removed,
 * then adds each new one to delegation @delegation_id (@confirmed: past
 * a local limit's warning). */
gboolean      dn_delegation_part_write       (DnDelegationPart  *self,
                                              DnStore           *store,
                                              gint64             delegation_id,
                                              gboolean           confirmed,
                                              GError           **error);
/* After the transaction failed: the records added are new again (those
 * read from the store keep their ids). */
void          dn_delegation_part_unwrite     (DnDelegationPart  *self);
/* The form dialog the part is in, for its messages. */
DnFormDialog *dn_delegation_part_get_dialog  (DnDelegationPart  *self);

G_END_DECLS
