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
#include "dn-write.h"

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
/* The editor shows the record @id of @table (0: a new one): its save
 * names the revision read now, so that a change someone else made
 * meanwhile is refused as a conflict, not overwritten; once the officer
 * was told, saving again saves over it. */
void     dn_page_editor_set_record (DnPageEditor *self,
                                    const char   *table,
                                    gint64        id);
/* For an apply step, once the input is checked: saves @record (a kind of
 * dn-writable.h) with the window's writer, as dn_form_dialog_write()
 * does, and emits "saved" with its id when it is saved. A warning of the
 * store is shown with "Save again to keep it anyway." and the next save
 * accepts it. @field is marked when the store refuses the input or warns
 * (NULL: none); @today is the
 * day warnings are judged on (NULL: today). Returns as an apply step. */
gboolean dn_page_editor_write     (DnPageEditor *self,
                                   gpointer      record,
                                   GtkWidget    *field,
                                   const GDate  *today);
/* As dn_page_editor_write(), of @write: a DN_WRITE_SAVE_RECORD the
 * editor made with what it saves besides the record (a delegation's
 * parts), or another write of the record shown (a unit's new name from a
 * day, DN_WRITE_RENAME_UNIT); its revision and confirmation are set
 * here. */
gboolean dn_page_editor_write_save (DnPageEditor *self,
                                    DnWrite      *write,
                                    GtkWidget    *field);
/* After a warning, a change of the input asks again: the next save does
 * not accept the warning, and the action button reads @save_label. */
void     dn_page_editor_forget_warning (DnPageEditor *self,
                                        const char   *save_label);
/* Emits "saved" with @id, the record the store accepted. */
void     dn_page_editor_saved     (DnPageEditor *self,
                                   gint64        id);

G_END_DECLS
