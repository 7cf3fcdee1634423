/* dn-task-proposal-dialog.h: the tasks a directive gives, reviewed in a
 * table and created in one step
 *
 * Opened on a document (its attached PDF's text is read, or one empty row
 * is offered to fill by hand: the handling slip of an incoming document),
 * or on nothing (the officer opens a PDF or text file, or pastes the
 * text). Each proposal is a row: kept or not, section, title, lead unit,
 * supporting units, how often it repeats, deadline. "Create N Tasks"
 * creates the rows kept in one transaction (dn_task_proposals_create()),
 * linked to the document, with one undo step in the window's context.
 * Actions: "proposals.create", "proposals.add-row", "proposals.open-file",
 * "proposals.read-text" (the pasted text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_TASK_PROPOSAL_DIALOG (dn_task_proposal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskProposalDialog, dn_task_proposal_dialog, DN, TASK_PROPOSAL_DIALOG, GtkWindow)

/* @document_id: the document the tasks come from (its first PDF
 * attachment is read), or 0. */
DnTaskProposalDialog *dn_task_proposal_dialog_new          (DnStore              *store,
                                                            gint64                document_id);
gint64                dn_task_proposal_dialog_get_document (DnTaskProposalDialog *self);
/* Proposes the tasks of @text, replacing the rows. */
void                  dn_task_proposal_dialog_set_text     (DnTaskProposalDialog *self,
                                                            const char           *text);
/* Reads @file (a PDF or UTF-8 text) and proposes its tasks; FALSE with
 * @error (also shown in the dialog) when it cannot be read. */
gboolean              dn_task_proposal_dialog_load_file    (DnTaskProposalDialog *self,
                                                            GFile                *file,
                                                            GError              **error);
guint                 dn_task_proposal_dialog_get_n_rows   (DnTaskProposalDialog *self);
/* The rows kept (ticked). */
guint                 dn_task_proposal_dialog_get_n_kept   (DnTaskProposalDialog *self);

G_END_DECLS
