/* dn-list-export.h: a list of the window, as it shows it, to a spreadsheet
 *
 * The tasks, delegations, passports, documents and partners as their lists
 * show them: the rows of the same query (the ids the window's list model
 * lists, in its order, read 64 records at a time), the columns the section
 * shows with their headers, written by DnSheet (.xlsx or CSV, from the
 * file's extension) a row at a time. The command line's export-list and the
 * window's list.export both write through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-sheet.h"
#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  DN_LIST_EXPORT_TASKS,        /* query: DnTaskQuery */
  DN_LIST_EXPORT_DELEGATIONS,  /* DnDelegationQuery */
  DN_LIST_EXPORT_PASSPORTS,    /* DnPassportQuery */
  DN_LIST_EXPORT_DOCUMENTS,    /* DnDocumentQuery */
  DN_LIST_EXPORT_PARTNERS,     /* DnPartnerQuery */
  DN_LIST_EXPORT_N
} DnListExportKind;

/* "tasks", "delegations", "passports", "documents", "partners". */
gboolean     dn_list_export_kind_from_name  (const char        *name,
                                             DnListExportKind  *kind);
/* The list a list model's type (DN_TYPE_TASK_LIST_MODEL…) shows. */
gboolean     dn_list_export_kind_for_model  (GType              model_type,
                                             DnListExportKind  *kind);

/* Writes the rows of @query (the kind's query) to @path, in the format its
 * extension names, atomically (nothing is left at @path on an error or
 * when @cancellable is cancelled); *@n_rows: the rows written. Reads only
 * @store: any thread that owns it may call it. */
gboolean     dn_list_export                 (DnStore           *store,
                                             DnListExportKind   kind,
                                             gconstpointer      query,
                                             const char        *path,
                                             guint             *n_rows,
                                             GCancellable      *cancellable,
                                             GError           **error);

G_END_DECLS
