/* dn-window-context.h: what a main window shares with the widgets inside it
 *
 * Widgets never call the window: they get its context (the store, the
 * settings, the undo step, the toast messages) with
 * dn_window_context_from_widget() and talk to that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"
#include "dn-connection.h"
#include "dn-writer.h"

G_BEGIN_DECLS

/* Undo of the last delete or edit: @func puts the store back as it was. */
typedef gboolean (*DnUndoFunc) (DnStore   *store,
                                gpointer   data,
                                GError   **error);

/* Signal "message" (const char *text, gboolean with_undo): a short message
 * for the window's toast; with_undo when it offers to undo the step just
 * pushed. Properties: "store", "settings" (construct-only), "can-undo",
 * "writer". */
#define DN_TYPE_WINDOW_CONTEXT (dn_window_context_get_type ())
G_DECLARE_FINAL_TYPE (DnWindowContext, dn_window_context, DN, WINDOW_CONTEXT, GObject)

/* Implemented by a window that owns a context (DnWindow). */
#define DN_TYPE_WINDOW_CONTEXT_PROVIDER (dn_window_context_provider_get_type ())
G_DECLARE_INTERFACE (DnWindowContextProvider, dn_window_context_provider, DN, WINDOW_CONTEXT_PROVIDER, GObject)

struct _DnWindowContextProviderInterface
{
  GTypeInterface parent_iface;

  DnWindowContext *(*get_context) (DnWindowContextProvider *self);
};

DnWindowContext *dn_window_context_provider_get_context (DnWindowContextProvider *self);

/* @settings may be NULL (schema not installed). */
DnWindowContext *dn_window_context_new          (DnStore         *store,
                                                 GSettings       *settings);
DnStore         *dn_window_context_get_store    (DnWindowContext *self);
/* NULL when the schema is not installed. */
GSettings       *dn_window_context_get_settings (DnWindowContext *self);
/* What makes the window's writes (dn-writer.h): the store's own
 * (DnStoreWriter) unless another was set, e.g. the department server's.
 * A writer that cannot undo (dn_writer_can_undo()) makes push_undo show
 * its message without an undo. Setting another forgets the undo step. */
DnWriter        *dn_window_context_get_writer   (DnWindowContext *self);
void             dn_window_context_set_writer   (DnWindowContext *self,
                                                 DnWriter        *writer);
/* What makes the writes of @widget's window (its writer, a new
 * reference): the local database or the department server; outside any
 * window (or @widget NULL), @store's own writer */
DnWriter        *dn_window_context_dup_writer_for (GtkWidget *widget,
                                                   DnStore   *store);
/* The department server's connection when the window's writes go there
 * (the writer is a DnConnection), else NULL: what a connected window
 * fetches the attached files it does not hold from. */
DnConnection    *dn_window_context_get_connection (DnWindowContext *self);
/* The officer's own unit: connected, the account's; else the preference
 * "my-unit"; 0 when not set. */
gint64           dn_window_context_get_my_unit  (DnWindowContext *self);

/* How the store records the officer ("Name (Position)", from the
 * preferences "officer-name" and "officer-position", followed as they
 * change), or NULL when no name is set: the store then records the login
 * name. */
const char      *dn_window_context_get_officer  (DnWindowContext *self);
/* One sentence for the forms that record who did something (reminders,
 * extensions): under which name, and where to set it when none is. */
char            *dn_window_context_describe_officer (DnWindowContext *self);

/* Replaces the undo step by a new one and emits "message" (@label,
 * with_undo TRUE). Takes ownership of @data, freed with @destroy when the
 * step is replaced, undone or the context goes away. */
void             dn_window_context_push_undo    (DnWindowContext *self,
                                                 const char      *label,
                                                 DnUndoFunc       func,
                                                 gpointer         data,
                                                 GDestroyNotify   destroy);
/* The same with a closure: marshalled as
 * gboolean (*) (DnStore *store, GError **error, gpointer user_data). */
void             dn_window_context_push_undo_closure (DnWindowContext *self,
                                                      const char      *label,
                                                      GClosure        *closure);
/* Property "can-undo". */
gboolean         dn_window_context_can_undo     (DnWindowContext *self);
/* Forgets the pending undo step, e.g. when the data it would put back was
 * replaced as a whole (a restore). */
void             dn_window_context_clear_undo   (DnWindowContext *self);
/* The label of the pending undo step, or NULL. */
const char      *dn_window_context_get_undo_label (DnWindowContext *self);
/* Runs the pending undo step (and forgets it) then emits "message"
 * ("Undone." or the error). FALSE when there was none or it failed. */
gboolean         dn_window_context_undo         (DnWindowContext *self,
                                                 GError         **error);
/* Emits "message" (@text, with_undo FALSE). */
void             dn_window_context_show_message (DnWindowContext *self,
                                                 const char      *text);

/* The context of the window @widget is in: the nearest one attached with
 * dn_window_context_attach() on @widget or its ancestors, else the root's
 * (if it is a DnWindowContextProvider), else that of the window the root
 * is transient for, and so on. NULL outside any main window. (transfer none) */
DnWindowContext *dn_window_context_from_widget  (GtkWidget       *widget);
/* What a write made for a widget (not a form: dn_form_dialog_write()):
 * called with the write, and @error when it failed */
typedef void (*DnWidgetWrittenFunc) (GtkWidget    *widget,
                                     DnWrite      *write,
                                     const GError *error,
                                     gpointer      user_data);
/* Makes @write with the writer of @widget's window (or, outside a window,
 * in @store): at once when the writer can (the local database: @done is
 * called before this returns), else when the department server answers.
 * @done is not called when @widget is gone by then; @destroy frees
 * @user_data in any case. */
void             dn_window_context_write_for    (GtkWidget           *widget,
                                                 DnStore             *store,
                                                 DnWrite             *write,
                                                 DnWidgetWrittenFunc  done,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy);
/* dn_window_context_write_for() of the deletion of the record @id of
 * @kind (dn-writable.h), at the revision @store has of it now */
void             dn_window_context_delete_for   (GtkWidget               *widget,
                                                 DnStore                 *store,
                                                 const struct _DnWritable *kind,
                                                 gint64                   id,
                                                 DnWidgetWrittenFunc      done,
                                                 gpointer                 user_data,
                                                 GDestroyNotify           destroy);
/* Gives @widget (and its descendants) a context, e.g. a dialog not yet
 * transient for a window, or a widget under test. @context may be NULL. */
void             dn_window_context_attach       (GtkWidget       *widget,
                                                 DnWindowContext *context);

G_END_DECLS
