/* dn-list-page.c: a section's list: a table over a lazy query model
 *
 * Two models of the section's kind: the one shown and a spare one, which
 * runs the queries on a worker thread (and reads the first rows there) and
 * is swapped in with its result. The table's model is a DnListRows over
 * the shown one, so a new result changes no row (see dn-list-rows.h); the
 * table's cells and headers are driven by a DnListTable.
 *
 * This file: the GObject, the table, the section's slots and texts, the
 * selection and the public getters; the queries and the state they leave
 * shown are in dn-list-page-query.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-page"

#include "config.h"

#include "dn-date.h"
#include "dn-details-window.h"
#include "dn-list-page-private.h"
#include "dn-ui.h"
#include "dn-window-context.h"

/* The section's texts, write-only properties its template sets
 * (translated), by TEXT_*: property TEXT_* + 1. */
static const char * const text_properties[N_TEXTS] = {
  "name-prefix",          /* widget names: PREFIX-table, -count, -content, -clear-filters */
  "table-label",          /* the table's accessible label: "Tasks" */
  "empty-title",          /* nothing recorded yet: "No tasks yet" */
  "empty-description",
  "filtered-title",       /* nothing matches: "No tasks match" */
  "filtered-description",
  "new-label",            /* the button adding a record then: "_New Task" */
  "new-action-name",      /* its action: "tasks.new" (none: no button) */
  "loading-text",         /* while a query runs: "Looking for the tasks…" */
  "clear-tooltip",        /* of Clear Filters: "Show all tasks again" */
  "empty-icon",           /* the icon over the message of an empty list (not translated) */
};

static GtkBuildableIface *parent_buildable_iface;
/* on a cell's widget: the item it shows (a reference) and the day it was
 * shown for */
static GQuark bound_item_quark;
static GQuark bound_day_quark;

static void buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (DnListPage, dn_list_page, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (DnListPage)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_init))

#define PRIV(self) ((DnListPagePrivate *) dn_list_page_get_instance_private (self))

/* For the other files of the type (dn-list-page-private.h). */
DnListPagePrivate *
_dn_list_page_get_private (DnListPage *self)
{
  return dn_list_page_get_instance_private (self);
}

/*
 * Selection and scrolling
 */

gint64
_dn_list_page_selected_id (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  guint position = dn_list_table_get_selected (priv->table);

  if (priv->model == NULL || position == GTK_INVALID_LIST_POSITION)
    return 0;
  return dn_query_model_get_id (priv->model, position);
}

static gboolean
select_id (DnListPage *self,
           gint64      id)
{
  DnListPagePrivate *priv = PRIV (self);
  guint position;

  if (priv->model == NULL || id <= 0)
    return FALSE;
  position = dn_query_model_find (priv->model, id);
  if (position == G_MAXUINT)
    return FALSE;
  dn_list_table_select (priv->table, position);
  dn_ui_column_view_scroll_to (priv->column_view, position);
  return TRUE;
}

/*
 * The table
 */

static void
on_sort_changed_cb (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  gboolean descending;
  int column = dn_list_table_get_sort (priv->table, &descending);

  /* (the filter's order: the page runs the query after) */
  priv->applying++;
  if (DN_LIST_PAGE_GET_CLASS (self)->sort_changed != NULL)
    DN_LIST_PAGE_GET_CLASS (self)->sort_changed (self, column, descending);
  priv->applying--;
  /* the selected record stays selected, and in sight */
  if (priv->sync_sort)
    _dn_list_page_reload_now (self, FALSE);
  else
    dn_list_page_reload_async (self);
}

static GtkWidget *
table_create_cell (gpointer user_data,
                   int      column)
{
  return DN_LIST_PAGE_GET_CLASS (user_data)->create_cell (user_data, column);
}

/* Shows @item in @cell, unless the cell shows it already: GTK 4.8 binds a
 * row again whenever its selection changes, and a new result often lists
 * the same record at the same position. */
static void
table_show_item (gpointer   user_data,
                 GtkWidget *cell,
                 int        column,
                 gpointer   item)
{
  DnListPage *self = user_data;
  guint day = g_date_get_julian (&PRIV (self)->today);

  if (g_object_get_qdata (G_OBJECT (cell), bound_item_quark) == item &&
      GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (cell), bound_day_quark)) == day)
    return;
  /* a reference: a record at the same address is the same record */
  g_object_set_qdata_full (G_OBJECT (cell), bound_item_quark, g_object_ref (item), g_object_unref);
  g_object_set_qdata (G_OBJECT (cell), bound_day_quark, GUINT_TO_POINTER (day));
  DN_LIST_PAGE_GET_CLASS (self)->show_item (self, column, cell, item);
}

static char *
table_get_tooltip (gpointer user_data,
                   int      column,
                   gpointer item)
{
  DnListPageClass *klass = DN_LIST_PAGE_GET_CLASS (user_data);

  return klass->get_tooltip != NULL ? klass->get_tooltip (user_data, column, item) : NULL;
}

/*
 * Signal handlers and actions
 */

static void
on_selection_changed_cb (DnListPage *self)
{
  if (PRIV (self)->updating == 0)
    _dn_list_page_update_actions (self);
}

static void
on_row_activated_cb (DnListPage *self,
                     guint       position)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autoptr(GObject) item = NULL;

  if (priv->model == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (priv->model), position);
  if (item != NULL)
    DN_LIST_PAGE_GET_CLASS (self)->activate_item (self, item);
}

static void
real_activate_item (DnListPage *self,
                    gpointer    item)
{
  DnQueryModel *model = PRIV (self)->model;

  if (model != NULL)
    dn_list_page_open_record (self, dn_query_model_get_item_id (model, item));
}

/* "list.reload": the list read again, where it was scrolled to */
static void
reload (DnListPage *self)
{
  _dn_list_page_reload_now (self, TRUE);
}

/*
 * GtkBuildable: the slots of the section's widgets
 */

static void
dn_list_page_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  DnListPagePrivate *priv = PRIV (DN_LIST_PAGE (buildable));
  GtkBox *slot = NULL;

  if (type != NULL && GTK_IS_WIDGET (child) && priv->toolbar != NULL)
    slot = g_str_equal (type, "toolbar") ? priv->toolbar
           : g_str_equal (type, "filter-row") ? priv->filter_rows
           : g_str_equal (type, "filter") ? priv->filter_box : NULL;
  if (slot == NULL)
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
      return;
    }
  /* rows of filters: 6 pixels above each */
  if (slot == priv->filter_rows)
    gtk_widget_set_margin_top (GTK_WIDGET (child), 6);
  gtk_box_append (slot, GTK_WIDGET (child));
}

static void
buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = dn_list_page_buildable_add_child;
}

/*
 * GObject overrides
 */

/* The widget names tests and style sheets find the parts by. */
static void
apply_names (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  const char *prefix = priv->texts[TEXT_NAME_PREFIX] != NULL ? priv->texts[TEXT_NAME_PREFIX] : "list";
  g_autofree char *count = g_strconcat (prefix, "-count", NULL);
  g_autofree char *content = g_strconcat (prefix, "-content", NULL);
  g_autofree char *table = g_strconcat (prefix, "-table", NULL);
  g_autofree char *clear = g_strconcat (prefix, "-clear-filters", NULL);

  gtk_widget_set_name (GTK_WIDGET (priv->count_label), count);
  gtk_widget_set_name (GTK_WIDGET (priv->content_stack), content);
  gtk_widget_set_name (GTK_WIDGET (priv->column_view), table);
  gtk_widget_set_name (priv->clear_button, clear);
}

/* Shows the section's texts. */
static void
apply_texts (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autofree char *new_label = NULL;

  apply_names (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _dn_list_page_text_of (self, TEXT_TABLE_LABEL), -1);
  gtk_button_set_label (GTK_BUTTON (priv->empty_new_button), _dn_list_page_text_of (self, TEXT_NEW_LABEL));
  /* the accessible label without the mnemonic's underscore */
  {
    g_auto(GStrv) parts = g_strsplit (_dn_list_page_text_of (self, TEXT_NEW_LABEL), "_", -1);

    new_label = g_strjoinv ("", parts);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->empty_new_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  new_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->empty_new_button), priv->texts[TEXT_NEW_ACTION_NAME]);
  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->loading_spinner), priv->texts[TEXT_LOADING]);
  gtk_label_set_text (priv->loading_label, _dn_list_page_text_of (self, TEXT_LOADING));
  gtk_widget_set_tooltip_text (priv->clear_button, priv->texts[TEXT_CLEAR_TOOLTIP]);
  if (priv->texts[TEXT_EMPTY_ICON] != NULL)
    gtk_image_set_from_icon_name (priv->empty_image, priv->texts[TEXT_EMPTY_ICON]);
  _dn_list_page_update_count (self);
  _dn_list_page_update_own_actions (self);
}

/* The columns fitted to the table's width whenever it changes (a frame's
 * check of one number). */
static gboolean
fit_columns_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DnListPagePrivate *priv = PRIV (DN_LIST_PAGE (widget));

  dn_list_table_fit (priv->table, gtk_widget_get_width (GTK_WIDGET (priv->content_stack)));
  return G_SOURCE_CONTINUE;
}

static void
dn_list_page_unmap (GtkWidget *widget)
{
  DnListPagePrivate *priv = PRIV (DN_LIST_PAGE (widget));

  if (priv->fit_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, priv->fit_id);
      priv->fit_id = 0;
    }
  /* no frame of this page will come: the rest of its list now */
  if (priv->after_paint_id != 0)
    _dn_list_page_fetch_rest (DN_LIST_PAGE (widget));
  GTK_WIDGET_CLASS (dn_list_page_parent_class)->unmap (widget);
}

/* First shown: the first page of the query on the worker (read by key, a
 * few ms whatever the size), the rest and the count after; the main loop
 * only draws. Read synchronously, the whole list of ids would hold the
 * first frame, and grow with the database. FALSE when the page has read
 * its list already. */
static gboolean
dn_list_page_start_first_read (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (!priv->dirty || priv->model == NULL || priv->has_rows)
    return FALSE;
  priv->dirty = FALSE;
  dn_list_page_reload_async (self);
  _dn_list_page_update_count (self);
  return TRUE;
}

static void
dn_list_page_map (GtkWidget *widget)
{
  DnListPage *self = DN_LIST_PAGE (widget);
  DnListPagePrivate *priv = PRIV (self);

  /* (a first read started before, by dn_list_page_prefetch(), comes by
   * itself: ensure_loaded would read it again, here) */
  if (!dn_list_page_start_first_read (self) && !(priv->loading && !priv->has_rows))
    dn_list_page_ensure_loaded (self);
  if (priv->fit_id == 0)
    priv->fit_id = gtk_widget_add_tick_callback (widget, fit_columns_cb, NULL, NULL);
  GTK_WIDGET_CLASS (dn_list_page_parent_class)->map (widget);
}

static void
dn_list_page_dispose (GObject *object)
{
  DnListPage *self = DN_LIST_PAGE (object);
  DnListPagePrivate *priv = PRIV (self);

  g_clear_handle_id (&priv->spinner_id, g_source_remove);
  _dn_list_page_cancel_export (self);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  if (priv->table != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->table, self);
      dn_list_table_shutdown (priv->table);
    }
  _dn_list_page_forget_models (self);
  _dn_list_page_forget_filter (self);
  /* not gtk_widget_dispose_template(): GTK 4.8 reads the template of the
   * instance's class, the section's, whatever the type given */
  if (priv->main_box != NULL)
    gtk_widget_unparent (g_steal_pointer (&priv->main_box));
  priv->column_view = NULL;
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (dn_list_page_parent_class)->dispose (object);
}

static void
dn_list_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DnListPagePrivate *priv = PRIV (DN_LIST_PAGE (object));

  if (prop_id < 1 || prop_id > N_TEXTS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_free (priv->texts[prop_id - 1]);
  priv->texts[prop_id - 1] = g_value_dup_string (value);
  apply_texts (DN_LIST_PAGE (object));
}

static void
dn_list_page_finalize (GObject *object)
{
  DnListPagePrivate *priv = PRIV (DN_LIST_PAGE (object));

  g_free (priv->count_text);
  g_clear_error (&priv->error);
  g_clear_object (&priv->table);
  g_clear_object (&priv->filter);
  for (guint i = 0; i < N_TEXTS; i++)
    g_free (priv->texts[i]);

  G_OBJECT_CLASS (dn_list_page_parent_class)->finalize (object);
}

static void
dn_list_page_class_init (DnListPageClass *klass)
{
  static const DnAction actions[] = {
    { "list.clear-filters", G_CALLBACK (dn_list_page_clear_filters) },
    { "list.reload", G_CALLBACK (reload) },
    { "list.export", G_CALLBACK (_dn_list_page_export) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_STATIC_ASSERT (G_N_ELEMENTS (((DnListPagePrivate *) NULL)->texts) == N_TEXTS);
  object_class->dispose = dn_list_page_dispose;
  object_class->finalize = dn_list_page_finalize;
  object_class->set_property = dn_list_page_set_property;
  /* (written by the sections' templates, read by no one) */
  for (guint i = 0; i < N_TEXTS; i++)
    g_object_class_install_property (object_class, i + 1,
                                     g_param_spec_string (text_properties[i], NULL, NULL, NULL,
                                                          G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS));
  widget_class->map = dn_list_page_map;
  widget_class->unmap = dn_list_page_unmap;
  klass->activate_item = real_activate_item;
  klass->clear_filters = _dn_list_page_reset_filter;
  klass->apply_preset = _dn_list_page_apply_filter_preset;

  bound_item_quark = g_quark_from_static_string ("dn-list-bound-item");
  bound_day_quark = g_quark_from_static_string ("dn-list-bound-day");

  dn_ui_class_set_bin_template (widget_class, "dn-list-page.ui");
  DN_UI_CLASS_BIND_PRIVATE_CHILDREN (widget_class, DnListPage, main_box, toolbar, filter_rows, filter_box,
                                     count_label, loading_spinner, clear_button, content_stack, column_view,
                                     empty_title_label, empty_description_label, empty_clear_button,
                                     empty_new_button, loading_big_spinner, loading_label, error_label,
                                     empty_image);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_row_activated_cb);

  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
}

static void
dn_list_page_init (DnListPage *self)
{
  static const DnListTableFuncs funcs = { table_create_cell, table_show_item, table_get_tooltip };
  DnListPagePrivate *priv = PRIV (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  dn_date_today (&priv->today);
  apply_names (self);
  priv->table = dn_list_table_new (priv->column_view, &funcs, self);
  g_signal_connect_swapped (priv->table, "sort-changed", G_CALLBACK (on_sort_changed_cb), self);
  g_signal_connect_swapped (priv->table, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  _dn_list_page_update_count (self);
  _dn_list_page_update_own_actions (self);
}

/*
 * Public API
 */

void
dn_list_page_class_add_clear_action (DnListPageClass *klass,
                                     const char      *name)
{
  /* (the table keeps the name, not the struct) */
  const DnAction action = { name, G_CALLBACK (dn_list_page_clear_filters) };

  g_return_if_fail (DN_IS_LIST_PAGE_CLASS (klass));
  g_return_if_fail (name != NULL);

  klass->clear_action = name;
  dn_ui_class_install_actions (GTK_WIDGET_CLASS (klass), &action, 1);
}

void
dn_list_page_class_bind_delete (DnListPageClass *klass,
                                const char      *name)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (DN_IS_LIST_PAGE_CLASS (klass));
  g_return_if_fail (name != NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, name, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, name, NULL);
}

void
dn_list_page_class_install_record_actions (DnListPageClass *klass,
                                           const DnAction  *actions,
                                           guint            n_actions)
{
  g_return_if_fail (DN_IS_LIST_PAGE_CLASS (klass));
  g_return_if_fail (actions != NULL);

  klass->record_actions = actions;
  klass->n_record_actions = n_actions;
  dn_ui_class_install_actions (GTK_WIDGET_CLASS (klass), actions, n_actions);
}

void
dn_list_page_class_set_details (DnListPageClass *klass,
                                GType            type,
                                GtkWindow     *(*new_details) (DnListPage *self,
                                                              DnStore    *store,
                                                              gint64      id))
{
  g_return_if_fail (DN_IS_LIST_PAGE_CLASS (klass));
  g_return_if_fail (g_type_is_a (type, DN_TYPE_DETAILS_WINDOW) && new_details != NULL);

  klass->details_type = type;
  klass->new_details = new_details;
}

DnStore *
dn_list_page_get_store (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->store;
}

void
dn_list_page_add_column (DnListPage        *self,
                         int                column,
                         const char        *title,
                         int                width,
                         DnListColumnFlags  flags)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  dn_list_table_add_column (PRIV (self)->table, column, title, width, flags);
}

void
dn_list_page_set_column_priority (DnListPage *self,
                                  int         column,
                                  guint       priority)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  dn_list_table_set_priority (PRIV (self)->table, column, priority);
}

void
dn_list_page_set_column_chosen (DnListPage *self,
                                int         column,
                                gboolean    chosen)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  dn_list_table_set_chosen (PRIV (self)->table, column, chosen);
}

gboolean
dn_list_page_get_column_chosen (DnListPage *self,
                                int         column)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), FALSE);
  return dn_list_table_get_chosen (PRIV (self)->table, column);
}

gboolean
dn_list_page_get_column_shown (DnListPage *self,
                               int         column)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), FALSE);
  return dn_list_table_get_shown (PRIV (self)->table, column);
}

DnQueryModel *
dn_list_page_get_model (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), NULL);
  dn_list_page_ensure_loaded (self);
  return PRIV (self)->model;
}

const char *
dn_list_page_get_count_text (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), NULL);
  dn_list_page_ensure_loaded (self);
  return PRIV (self)->count_text;
}

const GError *
dn_list_page_get_error (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->error;
}

gboolean
dn_list_page_is_loading (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), FALSE);
  /* the count of a list shown by its first rows is still to come */
  return PRIV (self)->loading ||
         (PRIV (self)->model != NULL && !dn_query_model_is_complete (PRIV (self)->model));
}

const GDate *
dn_list_page_get_today (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), NULL);
  return &PRIV (self)->today;
}

void
dn_list_page_sort_by_column (DnListPage *self,
                             int         column,
                             gboolean    descending)
{
  DnListPagePrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_LIST_PAGE (self));

  priv->sync_sort = TRUE;
  if (!dn_list_table_sort_by (priv->table, column, descending))
    g_warning ("No column %d to sort by", column);
  priv->sync_sort = FALSE;
}

int
dn_list_page_get_sort_column (DnListPage *self,
                              gboolean   *descending)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), -1);
  return dn_list_table_get_sort (PRIV (self)->table, descending);
}

gint64
dn_list_page_get_selected_id (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), 0);
  return _dn_list_page_selected_id (self);
}

gpointer
dn_list_page_dup_selected_item (DnListPage *self)
{
  gpointer item;

  g_return_val_if_fail (DN_IS_LIST_PAGE (self), NULL);
  item = dn_list_table_get_selected_item (PRIV (self)->table);
  return item != NULL ? g_object_ref (item) : NULL;
}

gboolean
dn_list_page_select_id (DnListPage *self,
                        gint64      id)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), FALSE);
  dn_list_page_ensure_loaded (self);
  return select_id (self, id);
}

void
dn_list_page_prefetch (DnListPage *self)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));

  dn_list_page_start_first_read (self);
}

void
dn_list_page_select_saved (DnListPage *self,
                           gint64      id,
                           const char *hidden_message)
{
  DnQueryModel *model;

  g_return_if_fail (DN_IS_LIST_PAGE (self));
  model = dn_list_page_get_model (self);
  if (model == NULL)
    return;
  /* the store's "changed" normally reloaded the list already */
  if (dn_query_model_find (model, id) == G_MAXUINT)
    dn_list_page_reload (self);
  if (!dn_list_page_select_id (self, id))
    dn_list_page_show_message (self, hidden_message);
}

void
dn_list_page_show_message (DnListPage *self,
                           const char *text)
{
  DnWindowContext *context;

  g_return_if_fail (DN_IS_LIST_PAGE (self));
  context = dn_window_context_from_widget (GTK_WIDGET (self));
  if (context != NULL)
    dn_window_context_show_message (context, text);
  else
    g_message ("%s", text);
}

void
dn_list_page_present (DnListPage *self,
                      GtkWindow  *window)
{
  GtkRoot *root;

  g_return_if_fail (DN_IS_LIST_PAGE (self));
  g_return_if_fail (GTK_IS_WINDOW (window));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root) && gtk_window_get_transient_for (window) != GTK_WINDOW (root))
    {
      gtk_window_set_transient_for (window, GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (window, TRUE);
    }
  gtk_window_present (window);
}

#define HIDDEN_MESSAGE_KEY "dn-list-page-hidden-message"

static void
on_editor_saved_cb (GtkWindow  *editor,
                    gint64      id,
                    DnListPage *self)
{
  dn_list_page_select_saved (self, id, g_object_get_data (G_OBJECT (editor), HIDDEN_MESSAGE_KEY));
}

void
dn_list_page_present_editor (DnListPage *self,
                             GtkWindow  *editor,
                             const char *hidden_message)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  g_return_if_fail (GTK_IS_WINDOW (editor));

  g_object_set_data_full (G_OBJECT (editor), HIDDEN_MESSAGE_KEY, g_strdup (hidden_message), g_free);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  dn_list_page_present (self, editor);
}

void
dn_list_page_open_record (DnListPage *self,
                          gint64      id)
{
  DnListPageClass *klass;
  DnStore *store;
  GtkWindow *details;

  g_return_if_fail (DN_IS_LIST_PAGE (self));
  klass = DN_LIST_PAGE_GET_CLASS (self);
  store = PRIV (self)->store;
  if (store == NULL || id <= 0 || klass->new_details == NULL)
    return;
  dn_list_page_select_id (self, id);
  /* a record already open comes to the front instead of opening twice */
  details = dn_details_window_find (klass->details_type, id, (GtkWindow *) gtk_widget_get_root (GTK_WIDGET (self)));
  if (details == NULL)
    details = klass->new_details (self, store, id);
  if (details != NULL)
    dn_list_page_present (self, details);
}

void
dn_list_page_open_selected (DnListPage *self)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  dn_list_page_open_record (self, dn_list_page_get_selected_id (self));
}
