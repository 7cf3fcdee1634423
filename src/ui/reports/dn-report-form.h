/* dn-report-form.h: what a report covers, what the officer writes in it,
 * and its header
 *
 * The left part of the Reports section: kind, period (the periods around
 * today, or two dates for a custom one), unit and its sub-units; the
 * figures the last preview read; the four written sections; the header and
 * signature (a unit's last header comes back for its next report).
 * Emits "scope-changed" when what the figures cover changes, and
 * "changed" on any edit (both when the officer edits, not when a report
 * is shown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-report.h"
#include "dn-store-report.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_REPORT_FORM (dn_report_form_get_type ())
G_DECLARE_FINAL_TYPE (DnReportForm, dn_report_form, DN, REPORT_FORM, GtkWidget)

/* Gives the unit chooser its store. */
void     dn_report_form_set_store    (DnReportForm          *self,
                                      DnStore               *store);
/* Shows every field of @report. */
void     dn_report_form_set_report   (DnReportForm          *self,
                                      DnReport              *report);
/* Shows the header fields of @header only (a unit's last header). */
void     dn_report_form_set_header   (DnReportForm          *self,
                                      DnReport              *header);
/* Writes the form into @report (its id and issue kept); FALSE with a
 * translated error when the period is not one (custom dates) or no unit
 * is chosen. */
gboolean dn_report_form_get_report   (DnReportForm          *self,
                                      DnReport              *report,
                                      GError               **error);
/* The figures of the last preview, in words; NULL: not read yet. */
void     dn_report_form_show_figures (DnReportForm          *self,
                                      const DnReportFigures *figures);

G_END_DECLS
