/* dn-attachment-list.h: the files attached to a document, a task or a
 * delegation, in its details window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

/* A heading with "Attach…", then one row per file: its name, whether its
 * words are searched, Open and Remove. Files dropped on the details window
 * are attached too. The buttons run actions of the window's group (see
 * dn_attachment_list_install_actions()); the list reads the record's files
 * again after every change of the store. */
#define DN_TYPE_ATTACHMENT_LIST (dn_attachment_list_get_type ())
G_DECLARE_FINAL_TYPE (DnAttachmentList, dn_attachment_list, DN, ATTACHMENT_LIST, GtkWidget)

/* Installs on a details window's class the actions GROUP.attach ("s": a
 * file's path or URI; "" asks with a file chooser), GROUP.remove-attachment
 * ("x": the attached file's id, with Undo in the window when there is one)
 * and, with @open, GROUP.open-attachment ("x"). */
void              dn_attachment_list_install_actions (GtkWidgetClass   *widget_class,
                                                      const char       *group,
                                                      gboolean          open);
/* Shows the files of the record @kind @record_id of @store; @owner is the
 * details window whose actions (of group @group) the rows run and on which
 * files may be dropped. */
void              dn_attachment_list_set_record      (DnAttachmentList *self,
                                                      GtkWidget        *owner,
                                                      const char       *group,
                                                      DnStore          *store,
                                                      DnRecordKind      kind,
                                                      gint64            record_id);
/* Attaches @file to the record with the writer of the window: in the local
 * database at once (FALSE with @error, also shown, when it could not be),
 * through the department server when connected (TRUE once sent: the list
 * shows the file, or why not, when the server answers). */
gboolean          dn_attachment_list_attach          (DnAttachmentList *self,
                                                      GFile            *file,
                                                      GError          **error);
/* The files listed (DnAttachment). */
GListModel       *dn_attachment_list_get_files       (DnAttachmentList *self);
/* What the list says of a failure, or NULL. */
const char       *dn_attachment_list_get_message     (DnAttachmentList *self);

/* Opens the stored file @attachment_id: a PDF in a viewer window over
 * @parent at @page (from 0), put in @viewer (may be NULL); another file
 * with the program the system has for it (@viewer set to NULL). FALSE with
 * @error set when the file is missing. In a window connected to the
 * department server, a file the replica does not hold yet is brought from
 * the server first: TRUE, @viewer NULL, and it is shown when it came (or
 * why not, over @parent). */
gboolean          dn_attachment_open                 (GtkWindow        *parent,
                                                      DnStore          *store,
                                                      gint64            attachment_id,
                                                      int               page,
                                                      GtkWindow       **viewer,
                                                      GError          **error);

G_END_DECLS
