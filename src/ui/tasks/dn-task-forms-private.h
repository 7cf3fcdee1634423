/* dn-task-forms-private.h: what the files of the task details' small
 * dialogs share
 *
 * dn-task-forms.c (the SubDialog, the forms on one unit's part) and
 * dn-task-forms-units.c (the forms over a list of ticked units) fill in
 * DnFormDialogs the same way; this header is theirs alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-date-entry.h"
#include "dn-form-dialog.h"
#include "dn-store.h"
#include "dn-task-details.h"

G_BEGIN_DECLS

/* One form: a DnFormDialog, with what its apply step needs */
typedef struct _SubDialog SubDialog;
typedef gboolean (*SubDialogApply) (SubDialog  *d,
                                    GError    **error);

struct _SubDialog
{
  SubDialogApply        apply;
  DnTaskDetails        *details;       /* weak */
  DnStore              *store;
  gint64                task_id;
  gint64                assignment_id;
  gint64                unit_id;
  char                 *unit_name;
  DnFormDialog         *dialog;        /* owns this */
  DnDateEntry          *date;
  GtkWidget            *text;          /* GtkEntry: reason or note */
  GtkDropDown          *choice;        /* unit or kind */
  GtkSpinButton        *percent;
  GArray               *ids;           /* gint64: unit of each choice position or check */
  GPtrArray            *checks;        /* GtkCheckButton, one per id */
  GFile                *file;
  GtkLabel             *file_label;
  GtkWidget            *file_clear;
  GtkFileChooserNative *chooser;
};

/* A dialog over @details titled @title, whose OK button @ok_label runs
 * @apply; the dialog owns what it returns. */
SubDialog   *_dn_sub_dialog_new       (DnTaskDetails      *details,
                                       DnStore            *store,
                                       const char         *title,
                                       const char         *ok_label,
                                       SubDialogApply      apply);
/* Makes @write with the window's writer (the local database, or the
 * department server), as dn_form_dialog_write() does; @done reports it. */
gboolean     _dn_sub_dialog_write     (SubDialog          *d,
                                       DnWrite            *write,
                                       DnFormWrittenFunc   done,
                                       GError            **error);
/* The dialog's date field (to keep in d->date). */
DnDateEntry *_dn_sub_dialog_add_date  (SubDialog          *d,
                                       const char         *label,
                                       const char         *accessible,
                                       const GDate        *initial);
/* The date typed in the dialog's date field; else says what is wrong with
 * it (@missing when empty), in the dialog, and marks the field. */
gboolean     _dn_sub_dialog_read_date (SubDialog          *d,
                                       const char         *missing,
                                       GDate              *out);
/* @message in the details' message bar, while they are open. */
void         _dn_sub_dialog_report    (SubDialog          *d,
                                       const char         *message);

G_END_DECLS
