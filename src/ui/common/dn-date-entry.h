/* dn-date-entry.h: a date field: typed as an officer writes it (30/6/2024)
 * or picked from a calendar; shown as dd/mm/yyyy
 *
 * The widget is a GtkEditable (its text is the entry's text), so
 * gtk_editable_set_text() and the "changed" signal work on it directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DN_TYPE_DATE_ENTRY (dn_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (DnDateEntry, dn_date_entry, DN, DATE_ENTRY, GtkWidget)

GtkWidget *dn_date_entry_new      (void);
/* TRUE when the text is a valid date (then copied to @out, which may be
 * NULL); FALSE when the text is empty or not a date (@out is cleared). */
gboolean   dn_date_entry_get_date (DnDateEntry *self,
                                   GDate       *out);
/* Shows @date as dd/mm/yyyy; NULL or an invalid date empties the field. */
void       dn_date_entry_set_date (DnDateEntry *self,
                                   const GDate *date);
/* TRUE when nothing (but spaces) is typed. */
gboolean   dn_date_entry_is_empty (DnDateEntry *self);
/* TRUE when the text is empty or a valid date. */
gboolean   dn_date_entry_is_valid (DnDateEntry *self);
/* Marks the field as wrong (red) whatever its text, or not: for errors the
 * containing form finds (a date before another). */
void       dn_date_entry_set_error (DnDateEntry *self,
                                    gboolean     error);

G_END_DECLS
