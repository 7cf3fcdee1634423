/* dn-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-application.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_WINDOW (dn_window_get_type ())
G_DECLARE_FINAL_TYPE (DnWindow, dn_window, DN, WINDOW, GtkApplicationWindow)

/* Undo of the last delete or edit: @func puts the store back as it was. */
typedef gboolean (*DnUndoFunc) (DnStore   *store,
                                gpointer   data,
                                GError   **error);

DnWindow   *dn_window_new            (DnApplication *application,
                                      DnStore       *store);
DnStore    *dn_window_get_store      (DnWindow      *self);
/* "overview", "tasks", "units" */
void        dn_window_show_section   (DnWindow      *self,
                                      const char    *name);
const char *dn_window_get_section    (DnWindow      *self);
/* Shows the task in the task list and opens it. */
void        dn_window_open_task      (DnWindow      *self,
                                      gint64         task_id);
/* Shows the tasks list with a preset filter (see dn_task_list_view_apply_preset). */
void        dn_window_show_tasks     (DnWindow      *self,
                                      const char    *preset);
/* A short message at the bottom of the window, with an Undo button when an
 * undo step is pushed. Takes ownership of @data. */
void        dn_window_push_undo      (DnWindow      *self,
                                      const char    *message,
                                      DnUndoFunc     func,
                                      gpointer       data,
                                      GDestroyNotify destroy);
void        dn_window_show_message   (DnWindow      *self,
                                      const char    *message);
/* The officer's own unit (preference "my-unit"), 0 when not set. */
gint64      dn_window_get_my_unit    (DnWindow      *self);
/* Runs the global search (as typing in the header search field does). */
void        dn_window_search         (DnWindow      *self,
                                      const char    *text);
/* The hits currently offered by the global search (DnSearchHit, headers
 * included: a header has id 0). */
GListModel *dn_window_get_search_results (DnWindow  *self);

G_END_DECLS
