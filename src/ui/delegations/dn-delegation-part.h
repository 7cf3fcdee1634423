/* dn-delegation-part.h: a list of the delegation editor, with its form
 *
 * The base of DnDelegationMembers and DnDelegationProgramme: the records
 * of one of a delegation's lists, shown each with a button removing it,
 * and the ids of the stored ones removed. Nothing is written before the
 * editor saves; then it collects the changes and saves them with the
 * delegation (dn_store_save_delegation()).
 * Its messages go to the error line of the form dialog it is in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* The text of a record's row */
typedef char    *(*DnDelegationDescribeFunc) (gpointer   record);

#define DN_TYPE_DELEGATION_PART (dn_delegation_part_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnDelegationPart, dn_delegation_part, DN, DELEGATION_PART, GtkBox)

struct _DnDelegationPartClass
{
  GtkBoxClass parent_class;

  DnDelegationDescribeFunc describe;
};

/* What the records (DnDelegationMember, DnProgrammeItem) begin with. */
typedef struct
{
  GObject parent_instance;

  gint64  id;             /* 0 while not stored */
  gint64  delegation_id;
} DnDelegationRecord;

/* For a subclass's class_init: its template is ui/@ui_name of the
 * resources (disposed of here), its records are described with
 * @describe. */
void          dn_delegation_part_class_set_template (DnDelegationPartClass    *klass,
                                                     const char               *ui_name,
                                                     DnDelegationDescribeFunc  describe);
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
/* What the officer changed: the new records are added to @added, the
 * ids of the stored ones removed to @removed. */
void          dn_delegation_part_collect     (DnDelegationPart  *self,
                                              GPtrArray         *added,
                                              GArray            *removed);
/* The form dialog the part is in, for its messages. */
DnFormDialog *dn_delegation_part_get_dialog  (DnDelegationPart  *self);

G_END_DECLS
