/* dn-window-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-window-context"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-officer.h"
#include "dn-store-changes.h"
#include "dn-store-writer.h"
#include "dn-writable.h"
#include "dn-ui.h"
#include "dn-window-context.h"

#define CONTEXT_KEY "dn-window-context"

struct _DnWindowContext
{
  GObject         parent_instance;

  DnStore        *store;
  GSettings      *settings;
  DnWriter       *writer;    /* what makes the window's writes; NULL: the store's */
  char           *officer;   /* "Name (Position)", NULL when not set */

  /* the pending undo step: a function or a closure */
  char           *undo_label;
  DnUndoFunc      undo_func;
  gpointer        undo_data;
  GDestroyNotify  undo_destroy;
  GClosure       *undo_closure;
};

G_DEFINE_FINAL_TYPE (DnWindowContext, dn_window_context, G_TYPE_OBJECT)
G_DEFINE_INTERFACE (DnWindowContextProvider, dn_window_context_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CAN_UNDO,
  PROP_WRITER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint message_signal;

static void
dn_window_context_provider_default_init (DnWindowContextProviderInterface *iface)
{
}

DnWindowContext *
dn_window_context_provider_get_context (DnWindowContextProvider *self)
{
  DnWindowContextProviderInterface *iface;

  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT_PROVIDER (self), NULL);
  iface = DN_WINDOW_CONTEXT_PROVIDER_GET_IFACE (self);
  return iface->get_context != NULL ? iface->get_context (self) : NULL;
}

/* Forgets the pending step; TRUE when there was one. */
static gboolean
clear_undo (DnWindowContext *self)
{
  gboolean had = self->undo_func != NULL || self->undo_closure != NULL;

  if (self->undo_destroy != NULL && self->undo_data != NULL)
    self->undo_destroy (self->undo_data);
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  if (self->undo_closure != NULL)
    {
      g_closure_invalidate (self->undo_closure);
      g_clear_pointer (&self->undo_closure, g_closure_unref);
    }
  g_clear_pointer (&self->undo_label, g_free);
  return had;
}

static void
dn_window_context_dispose (GObject *object)
{
  DnWindowContext *self = DN_WINDOW_CONTEXT (object);

  clear_undo (self);
  G_OBJECT_CLASS (dn_window_context_parent_class)->dispose (object);
}

static void
dn_window_context_finalize (GObject *object)
{
  DnWindowContext *self = DN_WINDOW_CONTEXT (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->writer);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->officer, g_free);
  G_OBJECT_CLASS (dn_window_context_parent_class)->finalize (object);
}

/* "store" and "settings", construct-only */
static void
set_store (DnWindowContext *self,
           DnStore         *store)
{
  g_set_object (&self->store, store);
}

static void
set_settings (DnWindowContext *self,
              GSettings       *settings)
{
  g_set_object (&self->settings, settings);
}

/* The store records the officer of the preferences ("officer-name",
 * "officer-position"), else the login name. */
static void
update_officer (DnWindowContext *self)
{
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->officer, g_free);
  if (self->settings != NULL)
    {
      name = g_settings_get_string (self->settings, "officer-name");
      position = g_settings_get_string (self->settings, "officer-position");
      self->officer = dn_officer_format (name, position, &error);
      if (error != NULL)
        g_warning ("%s", error->message);
    }
  if (self->store != NULL)
    dn_store_set_actor (self->store, self->officer != NULL ? self->officer : g_get_user_name ());
}

static void
dn_window_context_constructed (GObject *object)
{
  DnWindowContext *self = DN_WINDOW_CONTEXT (object);

  G_OBJECT_CLASS (dn_window_context_parent_class)->constructed (object);
  if (self->settings != NULL)
    {
      g_signal_connect_swapped (self->settings, "changed::officer-name", G_CALLBACK (update_officer), self);
      g_signal_connect_swapped (self->settings, "changed::officer-position", G_CALLBACK (update_officer), self);
    }
  update_officer (self);
}

static void
dn_window_context_class_init (DnWindowContextClass *klass)
{
  const DnProperty props[N_PROPS] = {
    [PROP_STORE] = { "store", DN_TYPE_STORE, G_PARAM_CONSTRUCT_ONLY,
                     G_CALLBACK (dn_window_context_get_store), G_CALLBACK (set_store) },
    [PROP_SETTINGS] = { "settings", G_TYPE_SETTINGS, G_PARAM_CONSTRUCT_ONLY,
                        G_CALLBACK (dn_window_context_get_settings), G_CALLBACK (set_settings) },
    [PROP_CAN_UNDO] = { "can-undo", G_TYPE_BOOLEAN, G_PARAM_EXPLICIT_NOTIFY,
                        G_CALLBACK (dn_window_context_can_undo), NULL },
    [PROP_WRITER] = { "writer", DN_TYPE_WRITER, G_PARAM_EXPLICIT_NOTIFY,
                      G_CALLBACK (dn_window_context_get_writer), G_CALLBACK (dn_window_context_set_writer) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dn_window_context_constructed;
  object_class->dispose = dn_window_context_dispose;
  object_class->finalize = dn_window_context_finalize;

  dn_ui_install_properties (object_class, N_PROPS, props, properties);

  message_signal =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
dn_window_context_init (DnWindowContext *self)
{
}

DnWindowContext *
dn_window_context_new (DnStore   *store,
                       GSettings *settings)
{
  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (DN_TYPE_WINDOW_CONTEXT, "store", store, "settings", settings, NULL);
}

DnStore *
dn_window_context_get_store (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
dn_window_context_get_settings (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), NULL);
  return self->settings;
}

DnWriter *
dn_window_context_dup_writer_for (GtkWidget *widget,
                                  DnStore   *store)
{
  DnWindowContext *context = widget != NULL ? dn_window_context_from_widget (widget) : NULL;

  return context != NULL ? g_object_ref (dn_window_context_get_writer (context)) : dn_store_writer_new (store);
}

DnConnection *
dn_window_context_get_connection (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), NULL);
  return DN_IS_CONNECTION (self->writer) ? DN_CONNECTION (self->writer) : NULL;
}

gint64
dn_window_context_get_my_unit (DnWindowContext *self)
{
  g_autofree char *code = NULL;
  g_autoptr(DnUnit) unit = NULL;

  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), 0);
  /* connected: the unit of the account signed in */
  if (DN_IS_CONNECTION (self->writer))
    code = g_strdup (dn_client_get_unit_code (dn_connection_get_client (DN_CONNECTION (self->writer))));
  else if (self->settings != NULL)
    code = g_settings_get_string (self->settings, "my-unit");
  if (code == NULL || *code == '\0')
    return 0;
  unit = dn_store_find_unit (self->store, code, NULL);
  return unit != NULL ? unit->id : 0;
}

DnWriter *
dn_window_context_get_writer (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), NULL);
  if (self->writer == NULL && self->store != NULL)
    self->writer = dn_store_writer_new (self->store);
  return self->writer;
}

void
dn_window_context_set_writer (DnWindowContext *self,
                              DnWriter        *writer)
{
  g_return_if_fail (DN_IS_WINDOW_CONTEXT (self));
  g_return_if_fail (writer == NULL || DN_IS_WRITER (writer));

  if (writer == self->writer)
    return;
  g_set_object (&self->writer, writer);
  /* a step of the other writer is not this one's to undo */
  dn_window_context_clear_undo (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITER]);
}

const char *
dn_window_context_get_officer (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), NULL);
  return self->officer;
}

char *
dn_window_context_describe_officer (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), NULL);

  if (self->officer != NULL)
    return g_strdup_printf (_("Recorded under the name %s."), self->officer);
  return g_strdup_printf (_("Recorded under the login name “%s”: set your name and position in "
                            "Preferences (main menu, Ctrl+,)."), g_get_user_name ());
}

static void
set_step (DnWindowContext *self,
          const char      *label,
          gboolean         had)
{
  gboolean has = self->undo_func != NULL || self->undo_closure != NULL;

  self->undo_label = has ? g_strdup (label) : NULL;
  if (had != has)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_signal_emit (self, message_signal, 0, label, has);
}

void
dn_window_context_push_undo (DnWindowContext *self,
                             const char      *label,
                             DnUndoFunc       func,
                             gpointer         data,
                             GDestroyNotify   destroy)
{
  gboolean had;

  g_return_if_fail (DN_IS_WINDOW_CONTEXT (self));
  g_return_if_fail (label != NULL);

  had = clear_undo (self);
  self->undo_func = func;
  self->undo_data = data;
  self->undo_destroy = destroy;
  /* connected to the server, what was written there is not written back
   * from here: the message only */
  if (!dn_writer_can_undo (dn_window_context_get_writer (self)))
    self->undo_func = NULL;
  if (self->undo_func == NULL && destroy != NULL && data != NULL)
    {
      destroy (data);
      self->undo_data = NULL;
      self->undo_destroy = NULL;
    }
  set_step (self, label, had);
}

void
dn_window_context_push_undo_closure (DnWindowContext *self,
                                     const char      *label,
                                     GClosure        *closure)
{
  gboolean had;

  g_return_if_fail (DN_IS_WINDOW_CONTEXT (self));
  g_return_if_fail (label != NULL);

  had = clear_undo (self);
  if (closure != NULL && !dn_writer_can_undo (dn_window_context_get_writer (self)))
    {
      g_closure_ref (closure);
      g_closure_sink (closure);
      g_closure_unref (closure);
    }
  else if (closure != NULL)
    {
      self->undo_closure = g_closure_ref (closure);
      g_closure_sink (closure);
      if (G_CLOSURE_NEEDS_MARSHAL (closure))
        g_closure_set_marshal (closure, g_cclosure_marshal_generic);
    }
  set_step (self, label, had);
}

gboolean
dn_window_context_can_undo (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), FALSE);
  return self->undo_func != NULL || self->undo_closure != NULL;
}

void
dn_window_context_clear_undo (DnWindowContext *self)
{
  g_return_if_fail (DN_IS_WINDOW_CONTEXT (self));

  if (clear_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

const char *
dn_window_context_get_undo_label (DnWindowContext *self)
{
  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), NULL);
  return self->undo_label;
}

static gboolean
run_closure (DnWindowContext *self,
             GClosure        *closure,
             GError         **error)
{
  GValue params[2] = { G_VALUE_INIT, G_VALUE_INIT };
  GValue result = G_VALUE_INIT;
  gboolean ok;

  g_value_init (&params[0], DN_TYPE_STORE);
  g_value_set_object (&params[0], self->store);
  g_value_init (&params[1], G_TYPE_POINTER);
  g_value_set_pointer (&params[1], error);
  g_value_init (&result, G_TYPE_BOOLEAN);
  g_closure_invoke (closure, &result, 2, params, NULL);
  ok = g_value_get_boolean (&result);
  g_value_unset (&params[0]);
  g_value_unset (&params[1]);
  g_value_unset (&result);
  return ok;
}

gboolean
dn_window_context_undo (DnWindowContext *self,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) hold = NULL;
  DnUndoFunc func;
  gpointer data;
  GDestroyNotify destroy;
  GClosure *closure;
  gboolean ok;

  g_return_val_if_fail (DN_IS_WINDOW_CONTEXT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dn_window_context_can_undo (self))
    return FALSE;

  /* take the step first: what it does may push another one */
  hold = g_object_ref (G_OBJECT (self));
  func = self->undo_func;
  data = self->undo_data;
  destroy = self->undo_destroy;
  closure = self->undo_closure;
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  self->undo_closure = NULL;
  g_clear_pointer (&self->undo_label, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  if (closure != NULL)
    {
      ok = run_closure (self, closure, &local_error);
      g_closure_invalidate (closure);
      g_closure_unref (closure);
    }
  else
    ok = func (self->store, data, &local_error);
  if (destroy != NULL && data != NULL)
    destroy (data);

  if (!ok)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not undo."));
      g_signal_emit (self, message_signal, 0, local_error->message, FALSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_signal_emit (self, message_signal, 0, _("Undone."), FALSE);
  return TRUE;
}

void
dn_window_context_show_message (DnWindowContext *self,
                                const char      *text)
{
  g_return_if_fail (DN_IS_WINDOW_CONTEXT (self));
  g_return_if_fail (text != NULL);

  g_signal_emit (self, message_signal, 0, text, FALSE);
}

DnWindowContext *
dn_window_context_from_widget (GtkWidget *widget)
{
  GtkWidget *w;
  GtkRoot *root;
  GtkWindow *window;
  guint depth = 0;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);
  if (widget == NULL)
    return NULL;

  for (w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      DnWindowContext *context = g_object_get_data (G_OBJECT (w), CONTEXT_KEY);

      if (context != NULL)
        return context;
    }

  root = gtk_widget_get_root (widget);
  window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  /* dialogs: the window they belong to (bounded, in case of a loop) */
  while (window != NULL && depth++ < 16)
    {
      DnWindowContext *context = g_object_get_data (G_OBJECT (window), CONTEXT_KEY);

      if (context != NULL)
        return context;
      if (DN_IS_WINDOW_CONTEXT_PROVIDER (window))
        return dn_window_context_provider_get_context (DN_WINDOW_CONTEXT_PROVIDER (window));
      window = gtk_window_get_transient_for (window);
    }
  return NULL;
}

void
dn_window_context_attach (GtkWidget       *widget,
                          DnWindowContext *context)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (context == NULL || DN_IS_WINDOW_CONTEXT (context));

  if (context != NULL)
    g_object_set_data_full (G_OBJECT (widget), CONTEXT_KEY, g_object_ref (context), g_object_unref);
  else
    g_object_set_data (G_OBJECT (widget), CONTEXT_KEY, NULL);
}

typedef struct
{
  GtkWidget           *widget;  /* weak */
  DnWrite             *write;
  DnWidgetWrittenFunc  done;
  gpointer             user_data;
  GDestroyNotify       destroy;
} WidgetWrite;

static void
widget_write_free (WidgetWrite *w)
{
  g_clear_weak_pointer (&w->widget);
  dn_write_unref (w->write);
  if (w->destroy != NULL)
    w->destroy (w->user_data);
  g_free (w);
}

static void
on_widget_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  WidgetWrite *w = data;
  g_autoptr(GError) error = NULL;

  dn_writer_write_finish (DN_WRITER (source), result, &error);
  if (w->widget != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    w->done (w->widget, w->write, error, w->user_data);
  widget_write_free (w);
}

void
dn_window_context_write_for (GtkWidget           *widget,
                             DnStore             *store,
                             DnWrite             *write,
                             DnWidgetWrittenFunc  done,
                             gpointer             user_data,
                             GDestroyNotify       destroy)
{
  DnWindowContext *context;
  g_autoptr(DnWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  WidgetWrite *w;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (write != NULL && done != NULL);
  context = dn_window_context_from_widget (widget);
  g_return_if_fail (context != NULL || DN_IS_STORE (store));
  writer = dn_window_context_dup_writer_for (widget, store);
  if (dn_writer_write_now (writer, write, &error) ||
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      done (widget, write, error, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }
  w = g_new0 (WidgetWrite, 1);
  g_set_weak_pointer (&w->widget, widget);
  w->write = dn_write_ref (write);
  w->done = done;
  w->user_data = user_data;
  w->destroy = destroy;
  dn_writer_write_async (writer, write, NULL, on_widget_written_cb, w);
}

void
dn_window_context_delete_for (GtkWidget           *widget,
                              DnStore             *store,
                              const DnWritable    *kind,
                              gint64               id,
                              DnWidgetWrittenFunc  done,
                              gpointer             user_data,
                              GDestroyNotify       destroy)
{
  g_autoptr(DnWrite) write = NULL;

  g_return_if_fail (DN_IS_STORE (store));
  /* as this desktop read it: a change someone made since is a conflict */
  write = dn_write_new_delete (kind, id, dn_store_get_row_revision (store, kind->table, id, NULL));
  dn_window_context_write_for (widget, store, write, done, user_data, destroy);
}
