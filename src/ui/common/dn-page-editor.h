/* dn-page-editor.h: a DnFormDialog that writes one record of a store
 *
 * The editors of the units page (DnUnitDialog, DnPersonEditor) are
 * DnPageEditors: the editor keeps the store it writes to, emits "saved"
 * with the record's id once the store has accepted the input (just before
 * it closes), and its template is disposed of here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-chooser.h"
#include "dn-form-dialog.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_PAGE_EDITOR (dn_page_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnPageEditor, dn_page_editor, DN, PAGE_EDITOR, DnFormDialog)

struct _DnPageEditorClass
{
  DnFormDialogClass parent_class;

  gpointer padding[4];
};

/* For an editor's class_init: @apply checks and writes the form; the
 * template is ui/@ui_name of the resources (it may hold DnUnitChoosers). */
void     dn_page_editor_class_set_template (DnPageEditorClass *klass,
                                            const char        *ui_name,
                                            gboolean         (*apply) (DnFormDialog  *dialog,
                                                                       GError       **error));
void     dn_page_editor_set_store (DnPageEditor *self,
                                   DnStore      *store);
DnStore *dn_page_editor_get_store (DnPageEditor *self);
/* Replaces *@field (a record's text) by the text of @entry, trimmed. */
void     dn_page_editor_read_entry (char        **field,
                                    GtkEntry     *entry);
/* Gives @chooser the editor's store, reads its list and chooses @id
 * (dn_chooser_pick()). When the list cannot be read, destroys the editor
 * and returns FALSE with @error set. */
gboolean dn_page_editor_load_chooser (DnPageEditor  *self,
                                      DnChooser     *chooser,
                                      gint64         id,
                                      GError       **error);
/* The end of an apply step, once the store was asked to write record @id:
 * when it did (@ok), emits "saved" with @id; else shows @error's message,
 * marking @field (the field the refusal is about; NULL: none). Returns
 * @ok. */
gboolean dn_page_editor_finish    (DnPageEditor *self,
                                   gboolean      ok,
                                   const GError *error,
                                   GtkWidget    *field,
                                   gint64        id);
/* Emits "saved" with @id, the record the store accepted. */
void     dn_page_editor_saved     (DnPageEditor *self,
                                   gint64        id);

G_END_DECLS
