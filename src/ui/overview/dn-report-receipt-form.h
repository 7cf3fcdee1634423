/* dn-report-receipt-form.h: recording a unit's periodic report as received
 *
 * A form over the window: the day it came (today), its PDF (optional:
 * registered as an incoming document and attached to it) and a note; saved
 * by the window's writer (DN_WRITE_RECORD_REPORT_RECEIVED: the local
 * database, or the department server, the PDF sent first), all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-form-dialog.h"
#include "dn-owed-report.h"
#include "dn-store.h"

G_BEGIN_DECLS

/* Opens the form for @owed (a report not received yet) over @parent's
 * window; the window context says when it is recorded. (transfer none) */
DnFormDialog *dn_report_receipt_form_present (GtkWidget    *parent,
                                              DnStore      *store,
                                              DnOwedReport *owed);

G_END_DECLS
