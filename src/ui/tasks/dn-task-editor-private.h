/* dn-task-editor-private.h: what the task editor's files share
 * (dn-task-editor.c: the form; dn-task-editor-save.c: saving it through
 * the window's writer, and someone else's save meanwhile)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-date-entry.h"
#include "dn-document-chooser.h"
#include "dn-task-editor.h"
#include "dn-unit-chooser.h"

G_BEGIN_DECLS

struct _DnTaskEditor
{
  GtkWindow       parent_instance;

  DnStore        *store;
  DnTask         *original;   /* the task as stored before editing; NULL: new */
  DnTask         *initial;    /* values the form was filled with */
  gint64          revision;   /* the revision the task was read at (-1: new) */
  DnTask         *theirs;     /* after a conflict: the task as someone else saved it */
  GCancellable   *saving;     /* a save under way through the server */
  DnDocument     *document;   /* the chosen source document, as last read */
  gboolean        attempted;  /* Save was pressed: every error shows */
  gboolean        title_touched;
  gboolean        due_touched;
  gboolean        lead_touched;
  gboolean        loading;
  gboolean        disposed;
  gboolean        dirty;      /* something was changed since the form was filled */
  gboolean        discard;    /* the officer chose to drop the changes */

  /* Template widgets */
  GtkWidget      *save_button;
  GtkWidget      *store_error_box;
  GtkLabel       *store_error;
  GtkWidget      *conflict_box;
  GtkEntry       *title_entry;
  GtkLabel       *title_error;
  GtkTextView    *description_view;
  DnChooser      *document_chooser;
  GtkEntry       *section_entry;
  DnDateEntry    *due_entry;
  GtkLabel       *due_error;
  GtkDropDown    *recurrence_dropdown;
  DnUnitChooser  *lead_chooser;
  GtkLabel       *lead_error;
  DnUnitChooser  *support_chooser;
  GtkLabel       *support_error;
  GtkDropDown    *status_dropdown;
};

extern guint _dn_task_editor_saved_signal;

DnTask    *_dn_task_editor_task_copy        (DnTask       *task);
DnTask    *_dn_task_editor_build_task       (DnTaskEditor *self);
void       _dn_task_editor_hide_store_error (DnTaskEditor *self);
/* The first field in error, or NULL */
GtkWidget *_dn_task_editor_validate         (DnTaskEditor *self);
void       _dn_task_editor_fill_form        (DnTaskEditor *self,
                                             DnTask       *task);
/* editor.take-theirs and editor.save-mine */
void       _dn_task_editor_take_theirs_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);
void       _dn_task_editor_save_mine_action   (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);

G_END_DECLS
