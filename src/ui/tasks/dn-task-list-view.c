/* dn-task-list-view.c: the Nhiệm vụ section
 *
 * A DnListPage of tasks (DnTaskListModel): its columns come from
 * dn-task-columns.c, its query from a DnTaskFilter. The filter widgets are
 * bound to the filter's properties; what the officer changes runs the
 * query on a worker thread, what code changes (presets, the search from the
 * global search, "my unit") applies at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-document-chooser.h"
#include "dn-settings.h"
#include "dn-task-columns.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-task-list-view.h"
#include "dn-ui-testing.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"
#include "dn-window-context.h"

struct _DnTaskListView
{
  DnListPage         parent_instance;

  DnTaskFilter      *filter;    /* the page's (not a reference) */
  GSettings         *settings;  /* NULL: the schema is not installed */
  GSimpleActionGroup *columns;  /* "columns.KEY": the columns chosen */
  gint64             my_unit_id;
  guint              updating;  /* > 0 while widgets are set from code */

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkMenuButton     *columns_button;
  GtkToggleButton   *show_all_toggle;
  GtkToggleButton   *my_unit_toggle;
  DnUnitChooser     *unit_chooser;
  GtkCheckButton    *sub_units_check;
  GtkCheckButton    *lead_only_check;
  DnDocumentChooser *document_chooser;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *period_dropdown;
  GtkToggleButton   *overdue_toggle;
};

G_DEFINE_FINAL_TYPE (DnTaskListView, dn_task_list_view, DN_TYPE_LIST_PAGE)

/*
 * The filters
 */

/* The drop-downs of an int or enum filter: their positions stand for
 * @values (a GArray of ints) in order. A value not offered leaves the
 * drop-down as it is; no position stands for the first value. */
static gboolean
value_to_position (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      values)
{
  int value = G_VALUE_HOLDS_ENUM (from) ? g_value_get_enum (from) : g_value_get_int (from);

  for (guint i = 0; i < ((GArray *) values)->len; i++)
    if (g_array_index ((GArray *) values, int, i) == value)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
position_to_value (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      values)
{
  guint position = g_value_get_uint (from);
  int value = g_array_index ((GArray *) values, int, position < ((GArray *) values)->len ? position : 0);

  if (G_VALUE_HOLDS_ENUM (to))
    g_value_set_enum (to, value);
  else
    g_value_set_int (to, value);
  return TRUE;
}

static void
bind_positions (DnTaskListView *self,
                const char     *property,
                GtkDropDown    *dropdown,
                GArray         *values)
{
  g_object_bind_property_full (self->filter, property, dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               value_to_position, position_to_value, values, (GDestroyNotify) g_array_unref);
}

static void
bind_filter (DnTaskListView *self)
{
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  GArray *statuses = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_periods = g_list_model_get_n_items (gtk_drop_down_get_model (self->period_dropdown));

  /* "All statuses", "Not finished", then each status */
  g_array_append_vals (statuses, (int[]) { DN_TASK_FILTER_STATUS_ANY, DN_TASK_FILTER_STATUS_UNFINISHED }, 2);
  for (int s = 0; s < DN_STATUS_N; s++)
    g_array_append_val (statuses, s);
  /* the first kinds of DnPeriod, in order */
  for (int p = 0; p < (int) MIN (n_periods, DN_PERIOD_N); p++)
    g_array_append_val (periods, p);

  g_object_bind_property (self->filter, "unit-id", self->unit_chooser, "selected-id", flags);
  g_object_bind_property (self->filter, "include-sub-units", self->sub_units_check, "active", flags);
  g_object_bind_property (self->filter, "lead-only", self->lead_only_check, "active", flags);
  g_object_bind_property (self->filter, "document-id", self->document_chooser, "selected-id", flags);
  bind_positions (self, "status", self->status_dropdown, statuses);
  bind_positions (self, "period", self->period_dropdown, periods);
  g_object_bind_property (self->filter, "overdue", self->overdue_toggle, "active", flags);
  g_object_bind_property (self->filter, "show-all", self->show_all_toggle, "active", flags);
}

static void
on_filter_unit_cb (DnTaskListView *self)
{
  /* "My unit" is on while the list shows my unit's tasks */
  gboolean mine = self->my_unit_id > 0 && dn_task_filter_get_unit_id (self->filter) == self->my_unit_id;

  if (gtk_toggle_button_get_active (self->my_unit_toggle) != mine)
    {
      self->updating++;
      gtk_toggle_button_set_active (self->my_unit_toggle, mine);
      self->updating--;
    }
}

/* The officer's choice of the first view, kept for the next window. */
static void
on_filter_show_all_cb (DnTaskListView *self)
{
  gboolean show_all = dn_task_filter_get_show_all (self->filter);

  if (self->settings != NULL && g_settings_get_boolean (self->settings, "task-list-show-all") != show_all)
    g_settings_set_boolean (self->settings, "task-list-show-all", show_all);
}

static void
on_my_unit_toggled_cb (DnTaskListView *self)
{
  if (self->updating > 0)
    return;
  /* the unit chooser shows which unit "My unit" means */
  if (gtk_toggle_button_get_active (self->my_unit_toggle))
    dn_task_filter_set_unit_id (self->filter, self->my_unit_id);
  else if (dn_task_filter_get_unit_id (self->filter) == self->my_unit_id)
    dn_task_filter_set_unit_id (self->filter, 0);
}

/*
 * DnListPage
 */

static void
get_query (DnListPage *page,
           gpointer    query)
{
  dn_task_filter_to_query (DN_TASK_LIST_VIEW (page)->filter, dn_list_page_get_today (page), query);
}

static char *
format_count (DnListPage *page,
              guint       n)
{
  return g_strdup_printf (ngettext ("%u task", "%u tasks", n), n);
}

static void
sort_changed (DnListPage *page,
              int         column,
              gboolean    descending)
{
  dn_task_filter_set_sort (DN_TASK_LIST_VIEW (page)->filter, dn_task_columns_get_sort (column),
                           column >= 0 && descending);
}

static GtkWidget *
create_cell (DnListPage *page,
             int         column)
{
  return dn_task_columns_create_cell ((DnTaskColumn) column);
}

static void
show_item (DnListPage *page,
           int         column,
           GtkWidget  *cell,
           gpointer    item)
{
  dn_task_columns_show ((DnTaskColumn) column, cell, DN_TASK (item), dn_list_page_get_today (page));
}

static char *
get_tooltip (DnListPage *page,
             int         column,
             gpointer    item)
{
  return dn_task_columns_dup_tooltip ((DnTaskColumn) column, DN_TASK (item));
}

static GtkWindow *
new_details (DnListPage *page,
             DnStore    *store,
             gint64      id)
{
  return GTK_WINDOW (dn_task_details_new (store, id));
}

static void
update_actions (DnListPage *page)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (page);
  gboolean with_unit;

  if (self->filter == NULL)
    return;
  with_unit = dn_task_filter_get_unit_id (self->filter) > 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sub_units_check), with_unit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lead_only_check), with_unit);
}

/*
 * Dialogs and actions
 */

static void
open_editor (DnTaskListView *self,
             DnTask         *task)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  DnTaskEditor *editor;

  if (store == NULL)
    return;
  editor = dn_task_editor_new (store, task);
  dn_list_page_present_editor (DN_LIST_PAGE (self), GTK_WINDOW (editor),
                               _("The task was saved. The filters hide it: clear them to see it."));
}

static void
edit_action (DnTaskListView *self)
{
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (id <= 0)
    return;
  /* a fresh copy: the list's rows may be older than the last edit */
  task = dn_store_get_task (dn_list_page_get_store (DN_LIST_PAGE (self)), id, &error);
  if (task == NULL)
    {
      dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
      return;
    }
  open_editor (self, task);
}

/* (without a window, no message: the list shows the task gone) */
static void
on_deleted (GtkWidget    *widget,
            const char   *message,
            const GError *error)
{
  if (error != NULL)
    dn_list_page_show_message (DN_LIST_PAGE (widget), error->message);
}

static void
delete_action (DnTaskListView *self)
{
  g_autoptr(DnTask) task = dn_list_page_dup_selected_item (DN_LIST_PAGE (self));
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));

  if (task == NULL || task->id <= 0 || store == NULL)
    return;
  dn_task_details_delete_task (GTK_WIDGET (self), store, task, on_deleted);
}

/*
 * The columns chosen
 */

static void
save_columns (DnTaskListView *self)
{
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  if (self->settings == NULL)
    return;
  for (int c = 0; c < DN_TASK_COLUMN_N; c++)
    if (!dn_list_page_get_column_chosen (DN_LIST_PAGE (self), c))
      g_strv_builder_add (hidden, dn_task_columns_get_key ((DnTaskColumn) c));
  keys = g_strv_builder_end (hidden);
  g_settings_set_strv (self->settings, "task-list-hidden-columns", (const char * const *) keys);
}

static void
on_column_state_cb (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  DnTaskListView *self = user_data;
  int column = dn_task_columns_from_key (g_action_get_name (G_ACTION (action)));

  g_simple_action_set_state (action, state);
  dn_list_page_set_column_chosen (DN_LIST_PAGE (self), column, g_variant_get_boolean (state));
  if (self->updating == 0)
    save_columns (self);
}

/* The "Columns" menu: one check item per column but the title, and the
 * columns hidden before hidden again. */
static void
setup_columns (DnTaskListView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_auto(GStrv) hidden = self->settings != NULL
                         ? g_settings_get_strv (self->settings, "task-list-hidden-columns") : NULL;

  self->columns = g_simple_action_group_new ();
  self->updating++;
  for (int c = 0; c < DN_TASK_COLUMN_N; c++)
    {
      const char *key = dn_task_columns_get_key ((DnTaskColumn) c);
      gboolean chosen = hidden == NULL || !g_strv_contains ((const char * const *) hidden, key);
      g_autoptr(GSimpleAction) action = NULL;
      g_autofree char *detailed = NULL;

      if (c == DN_TASK_COLUMN_TITLE)
        continue;
      action = g_simple_action_new_stateful (key, NULL, g_variant_new_boolean (TRUE));
      g_signal_connect_object (action, "change-state", G_CALLBACK (on_column_state_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->columns), G_ACTION (action));
      if (!chosen)
        g_action_change_state (G_ACTION (action), g_variant_new_boolean (FALSE));
      detailed = g_strconcat ("columns.", key, NULL);
      g_menu_append (menu, dn_task_columns_get_title ((DnTaskColumn) c), detailed);
    }
  self->updating--;
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (self->columns));
  gtk_menu_button_set_menu_model (self->columns_button, G_MENU_MODEL (menu));
}

/*
 * GObject overrides
 */

static void
dn_task_list_view_dispose (GObject *object)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (object);

  g_clear_object (&self->columns);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_TASK_LIST_VIEW);

  G_OBJECT_CLASS (dn_task_list_view_parent_class)->dispose (object);
}

static void
dn_task_list_view_class_init (DnTaskListViewClass *klass)
{
  static const DnAction record_actions[] = {
    { "tasks.edit", G_CALLBACK (edit_action) },
    { "tasks.open", G_CALLBACK (dn_list_page_open_selected) },
    { "tasks.delete", G_CALLBACK (delete_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DnListPageClass *page_class = DN_LIST_PAGE_CLASS (klass);

  object_class->dispose = dn_task_list_view_dispose;
  page_class->model_type = DN_TYPE_TASK_LIST_MODEL;
  page_class->get_query = get_query;
  page_class->format_count = format_count;
  page_class->sort_changed = sort_changed;
  page_class->create_cell = create_cell;
  page_class->show_item = show_item;
  page_class->get_tooltip = get_tooltip;
  page_class->update_actions = update_actions;
  dn_list_page_class_set_details (page_class, DN_TYPE_TASK_DETAILS, new_details);

  g_type_ensure (DN_TYPE_UNIT_CHOOSER);
  g_type_ensure (DN_TYPE_DOCUMENT_CHOOSER);
  dn_ui_class_set_template (widget_class, "dn-task-list-view.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnTaskListView, search_entry, columns_button, show_all_toggle,
                             my_unit_toggle, unit_chooser, sub_units_check, lead_only_check, document_chooser,
                             status_dropdown, period_dropdown, overdue_toggle);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_my_unit_toggled_cb);

  dn_ui_class_install_actions (widget_class, &(DnAction) { "tasks.new", G_CALLBACK (dn_task_list_view_new_task) }, 1);
  dn_list_page_class_install_record_actions (page_class, record_actions, G_N_ELEMENTS (record_actions));
  dn_list_page_class_add_clear_action (page_class, "tasks.clear-filters");

  dn_list_page_class_bind_delete (page_class, "tasks.delete");
}

static void
dn_task_list_view_init (DnTaskListView *self)
{
  /* "Clear Filters" goes back to the default view, not to every task */
  static const DnListFilterFuncs filter_funcs = {
    G_CALLBACK (dn_task_filter_is_active),
    G_CALLBACK (dn_task_filter_reset),
    G_CALLBACK (dn_task_filter_apply_preset),
    G_CALLBACK (dn_task_filter_is_default),
  };
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (statuses, _("All statuses"));
  gtk_string_list_append (statuses, _("Not finished"));
  for (int s = 0; s < DN_STATUS_N; s++)
    gtk_string_list_append (statuses, dn_status_get_label ((DnStatus) s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  /* the first view: as the officer chose it last */
  self->settings = dn_settings_new ();
  self->filter = dn_task_filter_new ();
  if (self->settings != NULL)
    dn_task_filter_set_show_all (self->filter, g_settings_get_boolean (self->settings, "task-list-show-all"));
  bind_filter (self);
  dn_list_page_set_filter (DN_LIST_PAGE (self), self->filter, &filter_funcs, self->search_entry);
  g_signal_connect_swapped (self->filter, "notify::unit-id", G_CALLBACK (on_filter_unit_cb), self);
  g_signal_connect_swapped (self->filter, "notify::show-all", G_CALLBACK (on_filter_show_all_cb), self);

  /* no header's order: the most urgent first (DN_TASK_SORT_URGENCY) */
  dn_task_columns_add (DN_LIST_PAGE (self));
  setup_columns (self);
  update_actions (DN_LIST_PAGE (self));
}

/*
 * Public API
 */

void
dn_task_list_view_set_store (DnTaskListView *self,
                             DnStore        *store)
{
  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  /* the choosers first: a preset may name a unit or a document */
  dn_chooser_set_store (DN_CHOOSER (self->unit_chooser), store);
  dn_chooser_set_store (DN_CHOOSER (self->document_chooser), store);
  dn_list_page_set_store (DN_LIST_PAGE (self), store);
}

void
dn_task_list_view_apply_preset (DnTaskListView *self,
                                const char     *preset)
{
  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  g_return_if_fail (preset != NULL);

  if (!dn_list_page_apply_preset (DN_LIST_PAGE (self), preset))
    g_warning ("Unknown task list preset “%s”", preset);
}

void
dn_task_list_view_set_my_unit (DnTaskListView *self,
                               gint64          unit_id)
{
  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));

  unit_id = MAX (unit_id, 0);
  if (unit_id == self->my_unit_id)
    return;
  self->my_unit_id = unit_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->my_unit_toggle), unit_id > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->my_unit_toggle),
                               unit_id > 0 ? _("Only the tasks of my unit (set in Preferences)")
                                           : _("Choose your unit in Preferences to use this filter"));
  /* the default view of the new unit, without what was typed before */
  dn_list_page_begin_filter_change (DN_LIST_PAGE (self));
  dn_task_filter_set_my_unit_id (self->filter, unit_id);
  on_filter_unit_cb (self);
  dn_list_page_end_filter_change (DN_LIST_PAGE (self));
}

void
dn_task_list_view_open_task (DnTaskListView *self,
                             gint64          task_id)
{
  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  dn_list_page_open_record (DN_LIST_PAGE (self), task_id);
}

void
dn_task_list_view_new_task (DnTaskListView *self)
{
  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  open_editor (self, NULL);
}

void
dn_task_list_view_set_search (DnTaskListView *self,
                              const char     *text)
{
  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));

  dn_list_page_begin_filter_change (DN_LIST_PAGE (self));
  dn_task_filter_set_text (self->filter, text);
  dn_list_page_end_filter_change (DN_LIST_PAGE (self));
}

DnTaskListModel *
dn_task_list_view_get_model (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), NULL);
  return DN_TASK_LIST_MODEL (dn_list_page_get_model (DN_LIST_PAGE (self)));
}

DnTaskFilter *
dn_task_list_view_get_filter (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), NULL);
  return self->filter;
}

void
dn_task_list_view_sort_by (DnTaskListView *self,
                           DnTaskSort      sort,
                           gboolean        descending)
{
  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  dn_list_page_sort_by_column (DN_LIST_PAGE (self), dn_task_columns_for_sort (sort), descending);
}

gboolean
dn_task_list_view_is_loading (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), FALSE);
  return dn_list_page_is_loading (DN_LIST_PAGE (self));
}

DnTaskSort
dn_task_list_view_get_sort (DnTaskListView *self,
                            gboolean       *descending)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), DN_TASK_SORT_URGENCY);
  return dn_task_filter_get_sort (self->filter, descending);
}

GtkWidget *
dn_task_list_view_get_search_entry (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), NULL);
  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
dn_task_list_view_get_overdue_toggle (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), NULL);
  return GTK_WIDGET (self->overdue_toggle);
}
