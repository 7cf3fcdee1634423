/* dn-global-search.c
 *
 * The hits are rows of a GtkListBox in a popover that does not take the
 * pointer or keyboard grab (typing goes on in the entry). Headings are the
 * rows' headers, not rows: the keyboard and a screen reader go from hit to
 * hit. The results model (headings and messages included) is what the
 * window's callers and the tests read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-global-search"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-global-search.h"
#include "dn-query-worker.h"
#include "dn-settings.h"
#include "dn-task-rows.h"
#include "dn-ui.h"

#define SEARCH_LIMIT 60

struct _DnGlobalSearch
{
  GtkWidget        parent_instance;

  /* Owned references */
  DnStore         *store;
  GListStore      *results;
  DnQuerySlot     *slot;
  GSettings       *settings;  /* whether secret documents are shown here */

  /* Template widgets */
  GtkSearchEntry  *entry;
  GtkPopover      *popover;
  GtkLabel        *message;
  GtkWidget       *scroller;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (DnGlobalSearch, dn_global_search, GTK_TYPE_WIDGET)

enum
{
  OPEN_HIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const DnRecordKind kind_order[] = {
  DN_RECORD_TASK, DN_RECORD_DOCUMENT, DN_RECORD_UNIT, DN_RECORD_PERSON,
  DN_RECORD_DELEGATION, DN_RECORD_PASSPORT, DN_RECORD_PARTNER, DN_RECORD_PROJECT, DN_RECORD_ATTACHMENT,
};

static const char *
kind_heading (DnRecordKind kind)
{
  switch (kind)
    {
    case DN_RECORD_TASK: return _("Tasks");
    case DN_RECORD_DOCUMENT: return _("Documents");
    case DN_RECORD_UNIT: return _("Units");
    case DN_RECORD_PERSON: return _("People");
    case DN_RECORD_DELEGATION: return _("Delegations");
    case DN_RECORD_PASSPORT: return _("Passports");
    case DN_RECORD_PARTNER: return _("Partners");
    case DN_RECORD_PROJECT: return _("Projects");
    /* TRANSLATORS: the heading of the search hits found inside attached
     * PDF files */
    case DN_RECORD_ATTACHMENT: return _("In attached files");
    case DN_RECORD_N:
    default: return "";
    }
}

/*
 * The rows
 */

char *
dn_global_search_describe_hit (DnSearchHit *hit)
{
  g_autofree char *status = NULL;
  g_autofree char *due = NULL;

  g_return_val_if_fail (DN_IS_SEARCH_HIT (hit), NULL);

  if (hit->id <= 0)
    return g_strdup (hit->title);
  if (hit->kind == DN_RECORD_ATTACHMENT)
    /* TRANSLATORS: a page of an attached file found by the search, read by
     * a screen reader: "plan.pdf, page 3" */
    return g_strdup_printf (_("%s, page %d"), hit->title, hit->page);
  if (hit->kind != DN_RECORD_TASK)
    /* TRANSLATORS: a search result read by a screen reader: the kind of
     * record ("Unit"), then its name */
    return g_strdup_printf (_("%s: %s"), dn_record_kind_get_label (hit->kind), hit->title);
  status = g_utf8_strdown (dn_status_get_label (hit->status), -1);
  if (!g_date_valid (&hit->due_date))
    /* TRANSLATORS: a task found by the search, read by a screen reader:
     * "Task: <title>, no deadline, <status>" */
    return g_strdup_printf (_("%s: %s, no deadline, %s"), dn_record_kind_get_label (hit->kind), hit->title, status);
  due = dn_date_format_short (&hit->due_date);
  /* TRANSLATORS: a task found by the search, read by a screen reader:
   * "Task: <title>, due 30/06/2025, <status>" */
  return g_strdup_printf (_("%s: %s, due %s, %s"), dn_record_kind_get_label (hit->kind), hit->title, due, status);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A task's deadline (overdue days said) and status, right of its title. */
static GtkWidget *
make_task_state (DnSearchHit *hit)
{
  GtkWidget *label;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;

  if (g_date_valid (&hit->due_date))
    {
      g_autofree char *deadline = dn_task_rows_format_deadline (&hit->due_date, hit->status);

      /* TRANSLATORS: the deadline of a task found by the search */
      due = g_strdup_printf (_("due %s"), deadline);
    }
  else
    due = g_strdup (_("no deadline"));
  text = g_strdup_printf ("%s · %s", due, dn_status_get_label (hit->status));
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "caption");
  dn_ui_set_css_class (label, "dim-label", dn_search_hit_is_finished (hit));
  dn_ui_set_css_class (label, "dn-overdue", dn_task_rows_days_overdue (&hit->due_date, hit->status) > 0);
  return label;
}

static GtkWidget *
make_row (DnSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = make_label (hit->title, NULL);
  g_autofree char *spoken = dn_global_search_describe_hit (hit);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (top), title);
  if (hit->kind == DN_RECORD_TASK)
    gtk_box_append (GTK_BOX (top), make_task_state (hit));
  else if (hit->kind == DN_RECORD_ATTACHMENT)
    {
      /* TRANSLATORS: where a search hit is in an attached file */
      g_autofree char *page = g_strdup_printf (_("page %d"), hit->page);

      gtk_box_append (GTK_BOX (top), make_label (page, "caption"));
    }
  gtk_box_append (GTK_BOX (box), top);
  if (hit->detail[0] != '\0')
    {
      GtkWidget *detail = make_label (hit->detail, "dim-label");

      gtk_widget_add_css_class (detail, "caption");
      gtk_box_append (GTK_BOX (box), detail);
    }
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hit->detail,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "hit", g_object_ref (hit), g_object_unref);
  return row;
}

static DnSearchHit *
row_hit (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "hit") : NULL;
}

/* The hits become rows; a heading is the header of its kind's first row. */
static void
show_results (DnGlobalSearch *self)
{
  GListModel *model = G_LIST_MODEL (self->results);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
  const char *heading = NULL;
  GtkListBoxRow *first = NULL;
  const char *message = NULL;

  dn_ui_list_box_clear (self->list);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DnSearchHit) hit = g_list_model_get_item (model, i);
      GtkWidget *row;

      if (hit->kind == DN_RECORD_N)
        message = hit->title;
      if (hit->id <= 0)
        {
          heading = hit->kind == DN_RECORD_N ? NULL : hit->title;
          continue;
        }
      row = make_row (hit);
      if (heading != NULL)
        {
          GtkWidget *header = make_label (heading, "dn-search-header");

          gtk_widget_set_margin_start (header, 6);
          gtk_list_box_row_set_header (GTK_LIST_BOX_ROW (row), header);
          heading = NULL;
        }
      gtk_list_box_append (self->list, row);
      if (first == NULL)
        first = GTK_LIST_BOX_ROW (row);
    }
  /* "message" and "heading" stay alive: the results own their hits */
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
  gtk_widget_set_visible (self->scroller, first != NULL);
  /* the best hit is selected: Enter in the entry opens it */
  gtk_list_box_select_row (self->list, first);
  if (had_focus)
    {
      if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->entry));
    }
}

/*
 * The search
 */

/* On the query worker's thread. */
static gpointer
search_job (DnStore         *store,
            gpointer         data,
            GCancellable    *cancellable,
            GDestroyNotify  *result_destroy,
            GError         **error)
{
  GPtrArray *hits = dn_store_search (store, data, SEARCH_LIMIT, error);

  *result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return hits;
}

/* A row of the results that is no record (id 0): the heading of @kind's
 * hits, or a message (DN_RECORD_N). */
static DnSearchHit *
heading_hit (DnRecordKind  kind,
             const char   *text)
{
  DnSearchHit *hit = dn_search_hit_new ();

  hit->kind = kind;
  g_free (hit->title);
  hit->title = g_strdup (text);
  return hit;
}

static void
search_done_cb (DnGlobalSearch *self,
                GPtrArray      *hits,
                const GError   *error)
{
  g_autoptr(GPtrArray) grouped = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean show_secret;

  if (hits == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The search failed: %s"), error->message);

      g_debug ("%s", error->message);
      g_ptr_array_add (grouped, heading_hit (DN_RECORD_N, message));
    }
  /* grouped by kind, best first within a kind, each group under a heading;
   * secret documents only where this desktop shows them */
  show_secret = self->settings != NULL && g_settings_get_boolean (self->settings, "show-secret-documents");
  for (guint k = 0; hits != NULL && k < G_N_ELEMENTS (kind_order); k++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < hits->len; i++)
        {
          DnSearchHit *hit = hits->pdata[i];

          if (hit->kind != kind_order[k] || (hit->secret && !show_secret))
            continue;
          if (!any)
            g_ptr_array_add (grouped, heading_hit (hit->kind, kind_heading (hit->kind)));
          any = TRUE;
          g_ptr_array_add (grouped, g_object_ref (hit));
        }
    }
  if (grouped->len == 0)
    g_ptr_array_add (grouped, heading_hit (DN_RECORD_N, _("Nothing found")));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       grouped->pdata, grouped->len);
  show_results (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->entry)))
    gtk_popover_popup (self->popover);
}

void
dn_global_search_search (DnGlobalSearch *self,
                         const char     *text)
{
  g_return_if_fail (DN_IS_GLOBAL_SEARCH (self));

  if (self->slot != NULL)
    dn_query_slot_cancel (self->slot);
  if (text == NULL || *text == '\0' || self->store == NULL)
    {
      g_list_store_remove_all (self->results);
      show_results (self);
      gtk_popover_popdown (self->popover);
      return;
    }
  if (self->slot == NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (self->store);

      self->slot = dn_query_slot_new (worker);
    }
  dn_query_slot_run (self->slot, search_job, g_strdup (text), g_free, G_CALLBACK (search_done_cb), self);
}

gboolean
dn_global_search_is_searching (DnGlobalSearch *self)
{
  g_return_val_if_fail (DN_IS_GLOBAL_SEARCH (self), FALSE);
  return dn_query_slot_is_busy (self->slot);
}

GListModel *
dn_global_search_get_results (DnGlobalSearch *self)
{
  g_return_val_if_fail (DN_IS_GLOBAL_SEARCH (self), NULL);
  return G_LIST_MODEL (self->results);
}

DnSearchHit *
dn_global_search_get_selected (DnGlobalSearch *self)
{
  g_return_val_if_fail (DN_IS_GLOBAL_SEARCH (self), NULL);
  return row_hit (gtk_list_box_get_selected_row (self->list));
}

void
dn_global_search_set_store (DnGlobalSearch *self,
                            DnStore        *store)
{
  g_return_if_fail (DN_IS_GLOBAL_SEARCH (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  if (self->store == store)
    return;
  g_clear_pointer (&self->slot, dn_query_slot_free);
  g_set_object (&self->store, store);
  dn_global_search_search (self, NULL);
}

/*
 * The keyboard
 */

static void
open_row (DnGlobalSearch *self,
          GtkListBoxRow  *row)
{
  g_autoptr(DnSearchHit) hit = row_hit (row) != NULL ? g_object_ref (row_hit (row)) : NULL;

  if (hit == NULL || hit->id <= 0)
    return;
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[OPEN_HIT], 0, hit);
}

static gboolean
list_has_focus (DnGlobalSearch *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
}

static void
move_to (DnGlobalSearch *self,
         GtkListBoxRow  *row)
{
  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* search.next (Down): from the entry into the hits (the selected one), then
 * to the next hit. */
static void
next_action (DnGlobalSearch *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  GtkListBoxRow *row;

  if (gtk_list_box_get_row_at_index (self->list, 0) == NULL)
    return;
  gtk_popover_popup (self->popover);
  if (!list_has_focus (self))
    row = selected != NULL ? selected : gtk_list_box_get_row_at_index (self->list, 0);
  else
    row = gtk_list_box_get_row_at_index (self->list, selected != NULL ? gtk_list_box_row_get_index (selected) + 1 : 0);
  if (row != NULL)
    move_to (self, row);
}

/* search.previous (Up): the hit before; from the first, back to the entry. */
static void
previous_action (DnGlobalSearch *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) : 0;

  if (!list_has_focus (self))
    return;
  if (index > 0)
    move_to (self, gtk_list_box_get_row_at_index (self->list, index - 1));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* search.open (Enter): opens the selected hit. */
static void
open_action (DnGlobalSearch *self)
{
  open_row (self, gtk_list_box_get_selected_row (self->list));
}

/* search.close (Escape): the hits close, the entry has the focus again. */
static void
close_action (DnGlobalSearch *self)
{
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Typing while a hit has the focus goes on in the entry. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        gpointer               user_data)
{
  DnGlobalSearch *self = user_data;
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->entry));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || text == NULL)
    return FALSE;
  if ((c == 0 || !g_unichar_isprint (c)) && keyval != GDK_KEY_BackSpace)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return gtk_event_controller_key_forward (controller, GTK_WIDGET (text));
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action)));
}

/* Before the entry's text and the list's own moves see the keys. */
static void
add_keys (GtkWidget  *widget,
          gboolean    in_list)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "dn-search-keys");
  add_shortcut (shortcuts, GDK_KEY_Down, "search.next");
  add_shortcut (shortcuts, GDK_KEY_KP_Down, "search.next");
  if (in_list)
    {
      add_shortcut (shortcuts, GDK_KEY_Up, "search.previous");
      add_shortcut (shortcuts, GDK_KEY_KP_Up, "search.previous");
      add_shortcut (shortcuts, GDK_KEY_Return, "search.open");
      add_shortcut (shortcuts, GDK_KEY_KP_Enter, "search.open");
      add_shortcut (shortcuts, GDK_KEY_Escape, "search.close");
    }
  gtk_widget_add_controller (widget, controller);
}

/*
 * Template callbacks
 */

static void
on_entry_changed_cb (DnGlobalSearch *self)
{
  dn_global_search_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

/* Enter in the entry opens the selected hit (the best one, unless the
 * officer moved). */
static void
on_entry_activate_cb (DnGlobalSearch *self)
{
  open_row (self, gtk_list_box_get_selected_row (self->list));
}

static void
on_entry_stop_cb (DnGlobalSearch *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_popover_popdown (self->popover);
}

static void
on_row_activated_cb (DnGlobalSearch *self,
                     GtkListBoxRow  *row)
{
  open_row (self, row);
}

/*
 * GObject overrides
 */

static gboolean
dn_global_search_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (DN_GLOBAL_SEARCH (widget)->entry));
}

static void
dn_global_search_dispose (GObject *object)
{
  DnGlobalSearch *self = DN_GLOBAL_SEARCH (object);

  g_clear_pointer (&self->slot, dn_query_slot_free);
  g_clear_object (&self->settings);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_GLOBAL_SEARCH);

  G_OBJECT_CLASS (dn_global_search_parent_class)->dispose (object);
}

static void
dn_global_search_finalize (GObject *object)
{
  DnGlobalSearch *self = DN_GLOBAL_SEARCH (object);

  g_clear_object (&self->store);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (dn_global_search_parent_class)->finalize (object);
}

static void
dn_global_search_class_init (DnGlobalSearchClass *klass)
{
  static const DnAction actions[] = {
    { "search.next", G_CALLBACK (next_action) },
    { "search.previous", G_CALLBACK (previous_action) },
    { "search.open", G_CALLBACK (open_action) },
    { "search.close", G_CALLBACK (close_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_global_search_dispose;
  object_class->finalize = dn_global_search_finalize;
  widget_class->grab_focus = dn_global_search_grab_focus;

  signals[OPEN_HIT] = g_signal_new ("open-hit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, DN_TYPE_SEARCH_HIT);

  dn_ui_class_set_bin_template (widget_class, "dn-global-search.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnGlobalSearch, entry, popover, message, scroller, list);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_entry_changed_cb, on_entry_activate_cb, on_entry_stop_cb,
                              on_row_activated_cb);

  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
}

static void
dn_global_search_init (DnGlobalSearch *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = dn_settings_new ();

  self->results = g_list_store_new (DN_TYPE_SEARCH_HIT);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->entry));
  gtk_search_entry_set_key_capture_widget (self->entry, NULL);
  add_keys (GTK_WIDGET (self->entry), FALSE);
  add_keys (GTK_WIDGET (self->list), TRUE);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}
