/* dn-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-application.h"
#include "dn-attachment-text.h"
#include "dn-connection.h"
#include "dn-global-search.h"
#include "dn-store.h"
#include "dn-window-context.h"

G_BEGIN_DECLS

#define DN_TYPE_WINDOW (dn_window_get_type ())
G_DECLARE_FINAL_TYPE (DnWindow, dn_window, DN, WINDOW, GtkApplicationWindow)

DnWindow   *dn_window_new            (DnApplication *application,
                                      DnStore       *store);
DnStore    *dn_window_get_store      (DnWindow      *self);
/* Connected mode: the window shows @connection's replica (its store), says
 * in the header bar how it stands, and writes through it (the context's
 * writer). NULL: standalone. */
void        dn_window_set_connection (DnWindow      *self,
                                      DnConnection  *connection);
DnConnection *dn_window_get_connection (DnWindow    *self);
/* What the widgets inside share (also found with
 * dn_window_context_from_widget()). (transfer none) */
DnWindowContext *dn_window_get_context (DnWindow    *self);
/* "overview", "tasks", "units" */
void        dn_window_show_section   (DnWindow      *self,
                                      const char    *name);
const char *dn_window_get_section    (DnWindow      *self);
/* The page of a section, built when first shown or asked for. */
GtkWidget  *dn_window_get_section_page (DnWindow    *self,
                                        const char  *name);
/* Shows the task in the task list and opens it (the action win.open-task
 * takes its id, "x"). */
void        dn_window_open_task      (DnWindow      *self,
                                      gint64         task_id);
/* Shows the tasks list with a preset filter (see dn_task_list_view_apply_preset). */
void        dn_window_show_tasks     (DnWindow      *self,
                                      const char    *preset);
/* Shows a section, or its list filtered as @link says: "SECTION" or
 * "SECTION:PRESET" (dn_list_page_apply_preset), e.g. "passports:overdue";
 * FALSE (with a warning, nothing changed) for a section or preset that
 * does not exist. The action win.show-list takes the same text. */
gboolean    dn_window_show_list      (DnWindow      *self,
                                      const char    *link);
/* Opens the document's details (its fields and its tasks) over the window. */
void        dn_window_open_document  (DnWindow      *self,
                                      gint64         document_id);
/* The header bar's search (dn_global_search_search() runs it as typing
 * in its field does). (transfer none) */
DnGlobalSearch *dn_window_get_global_search (DnWindow *self);
/* Opens an attached file: a PDF in a viewer at @page (from 0), another
 * file with the system's program; FALSE with @error when it is missing.
 * A search hit inside an attached file opens this way. */
gboolean    dn_window_open_attachment (DnWindow     *self,
                                       gint64        attachment_id,
                                       int           page,
                                       GError      **error);
/* What reads the text of attached PDF files in the background: started
 * with the window, again whenever files wait. (transfer none) */
DnAttachmentIndexer *dn_window_get_attachment_indexer (DnWindow *self);

G_END_DECLS
