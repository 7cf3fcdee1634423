/* dn-list-page.c: a section's list: a table over a lazy query model
 *
 * Two models of the section's kind: the one shown and a spare one, which
 * runs the queries on a worker thread (and reads the first rows there) and
 * is swapped in with its result. The table's model is a DnListRows over
 * the shown one, so a new result changes no row (see dn-list-rows.h); the
 * table's cells and headers are driven by a DnListTable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-list-page.h"
#include "dn-list-rows.h"
#include "dn-list-table.h"
#include "dn-ui.h"

typedef struct
{
  DnStore             *store;
  DnQueryModel        *model;       /* the one shown */
  DnQueryModel        *spare;       /* runs the asynchronous queries; swapped in with their result */
  DnListRows          *rows;        /* the table's model: shows model */
  DnListTable         *table;       /* the column view's columns, cells, selection and order */
  gboolean             sync_sort;   /* the next sort change reloads at once */
  char                *count_text;
  GError              *error;       /* of the last query, when it failed */
  GDate                today;
  guint                updating;    /* > 0 while the page itself changes the selection */
  gboolean             loading;     /* the spare model's result is awaited */
  gboolean             dirty;       /* the store changed while the page was hidden */
  gboolean             keep_scroll; /* the awaited result is a refresh after an edit */
  gboolean             has_rows;    /* a result has been shown once */
  gboolean             has_result;  /* a result was shown since the store was set */
  guint                spinner_id;  /* shows the spinners once a wait lasts */
  gboolean             spinning;    /* the wait has lasted: the spinners show it */

  char                *texts[10];   /* the section's texts, by TEXT_* */

  /* Template widgets */
  GtkWidget           *main_box;
  GtkBox              *toolbar;
  GtkBox              *filter_rows;
  GtkBox              *filter_box;
  GtkLabel            *count_label;
  GtkSpinner          *loading_spinner;
  GtkWidget           *clear_button;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkLabel            *empty_title_label;
  GtkLabel            *empty_description_label;
  GtkWidget           *empty_clear_button;
  GtkWidget           *empty_new_button;
  GtkSpinner          *loading_big_spinner;
  GtkLabel            *loading_label;
  GtkLabel            *error_label;
} DnListPagePrivate;

/* the section's texts (DnListPageTexts), by position */
enum
{
  TEXT_NAME_PREFIX,
  TEXT_TABLE_LABEL,
  TEXT_EMPTY_TITLE,
  TEXT_EMPTY_DESCRIPTION,
  TEXT_FILTERED_TITLE,
  TEXT_FILTERED_DESCRIPTION,
  TEXT_NEW_LABEL,
  TEXT_NEW_ACTION_NAME,
  TEXT_LOADING,
  TEXT_CLEAR_TOOLTIP,
  N_TEXTS
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

/* A wait shorter than this shows no spinner: a spinning spinner makes a
 * frame each 16 ms, and with GTK's GL renderer every frame draws the whole
 * window again, which on software GL takes longer than typing. "Counting…"
 * says the count is on the way meanwhile. */
#define SPINNER_DELAY_MS 600

static void update_spinners (DnListPage *self);

/*
 * State shown: count, messages, actions
 */

static gboolean
is_filtered (DnListPage *self)
{
  DnListPageClass *klass = DN_LIST_PAGE_GET_CLASS (self);

  return klass->is_filtered != NULL && klass->is_filtered (self);
}

static void
update_actions (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.clear-filters", priv->model != NULL && is_filtered (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.reload", priv->model != NULL);
  if (DN_LIST_PAGE_GET_CLASS (self)->update_actions != NULL)
    DN_LIST_PAGE_GET_CLASS (self)->update_actions (self);
}

static const char *
text_of (DnListPage *self,
         guint       which)
{
  const char *text = PRIV (self)->texts[which];

  return text != NULL ? text : "";
}

static void
update_count (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  DnListPageClass *klass = DN_LIST_PAGE_GET_CLASS (self);
  guint n = priv->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (priv->model)) : 0;
  gboolean filtered = is_filtered (self);
  const char *page;

  g_free (priv->count_text);
  if (priv->model != NULL && !dn_query_model_is_complete (priv->model))
    /* the first rows are shown; the rest (and so the count) are on the way */
    priv->count_text = g_strdup (_("Counting…"));
  else
    priv->count_text = klass->format_count != NULL ? klass->format_count (self, n) : g_strdup_printf ("%u", n);
  gtk_label_set_text (priv->count_label, priv->error == NULL && priv->has_result ? priv->count_text : "");

  if (priv->error != NULL)
    {
      gtk_label_set_text (priv->error_label, priv->error->message);
      page = "error";
    }
  else if (!priv->has_result && priv->loading)
    page = "loading";
  else if (n > 0 || priv->model == NULL)
    page = "list";
  else
    {
      gtk_label_set_text (priv->empty_title_label,
                          text_of (self, filtered ? TEXT_FILTERED_TITLE : TEXT_EMPTY_TITLE));
      gtk_label_set_text (priv->empty_description_label,
                          text_of (self, filtered ? TEXT_FILTERED_DESCRIPTION : TEXT_EMPTY_DESCRIPTION));
      gtk_widget_set_visible (priv->empty_clear_button, filtered);
      gtk_widget_set_visible (priv->empty_new_button, !filtered && priv->texts[TEXT_NEW_ACTION_NAME] != NULL);
      page = "empty";
    }
  gtk_stack_set_visible_child_name (priv->content_stack, page);
  update_spinners (self);
}

static gboolean
is_busy (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  return priv->loading || (priv->model != NULL && !dn_query_model_is_complete (priv->model));
}

static gboolean
spinner_delay_cb (gpointer user_data)
{
  DnListPage *self = user_data;
  DnListPagePrivate *priv = PRIV (self);

  priv->spinner_id = 0;
  priv->spinning = TRUE;
  update_spinners (self);
  return G_SOURCE_REMOVE;
}

/* The small spinner: a query runs, or the rows shown are being counted;
 * the big one: the first rows are awaited. Both only once the wait has
 * lasted SPINNER_DELAY_MS. */
static void
update_spinners (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  gboolean busy = is_busy (self);
  gboolean first = g_strcmp0 (gtk_stack_get_visible_child_name (priv->content_stack), "loading") == 0;

  if (!busy && !first)
    {
      g_clear_handle_id (&priv->spinner_id, g_source_remove);
      priv->spinning = FALSE;
    }
  else if (!priv->spinning && priv->spinner_id == 0)
    priv->spinner_id = g_timeout_add (SPINNER_DELAY_MS, spinner_delay_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (priv->loading_spinner), busy && priv->spinning);
  gtk_spinner_set_spinning (priv->loading_spinner, busy && priv->spinning);
  gtk_spinner_set_spinning (priv->loading_big_spinner, first && priv->spinning);
}

static void
set_loading (DnListPage *self,
             gboolean    loading)
{
  DnListPagePrivate *priv = PRIV (self);

  priv->loading = loading;
  update_spinners (self);
}

static void
set_error (DnListPage   *self,
           const GError *error)
{
  DnListPagePrivate *priv = PRIV (self);

  g_clear_error (&priv->error);
  if (error != NULL)
    {
      g_message ("Cannot list records: %s", error->message);
      priv->error = g_error_copy (error);
    }
}

/*
 * Selection and scrolling
 */

static gint64
selected_id (DnListPage *self)
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
  dn_list_table_scroll_to (priv->table, position);
  return TRUE;
}

/*
 * Queries
 */

/* Shows the spare model, which holds a new result, in place of the shown
 * one (which becomes the spare): the table's rows stand for the same
 * positions, now with the new records. Unless @keep_scroll, the view then
 * starts at the row of @selected (or the top), which is selected again. */
static void
swap_in (DnListPage *self,
         gboolean    keep_scroll,
         gint64      selected)
{
  DnListPagePrivate *priv = PRIV (self);
  DnQueryModel *shown = priv->model;
  guint position = selected > 0 ? dn_query_model_find (priv->spare, selected) : G_MAXUINT;

  priv->has_rows = TRUE;
  guint top = position != G_MAXUINT ? position : 0;
  guint n_new = g_list_model_get_n_items (G_LIST_MODEL (priv->spare));

  priv->updating++;
  dn_list_table_select (priv->table, GTK_INVALID_LIST_POSITION);
  priv->model = priv->spare;
  priv->spare = shown;
  dn_list_rows_set_shown (priv->rows, G_LIST_MODEL (priv->model), TRUE);
  dn_list_table_refresh (priv->table, keep_scroll ? G_MAXUINT : top);
  priv->updating--;
  if (!keep_scroll && n_new > 0)
    dn_list_table_scroll_to (priv->table, MIN (top, n_new - 1));
  dn_list_table_select (priv->table, position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  priv->has_result = TRUE;
  update_spinners (self);
  update_count (self);
  update_actions (self);
}

/* Runs the query now; the selected record stays selected when it is still
 * listed. With @keep_scroll (a refresh after an edit) the table stays where
 * it was; otherwise (new filters) it starts at the top, or at the selected
 * record. */
static void
reload_now (DnListPage *self,
            gboolean    keep_scroll)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;

  if (priv->model == NULL)
    {
      update_actions (self);
      return;
    }
  priv->dirty = FALSE;
  priv->keep_scroll = FALSE;
  /* this result wins over one still awaited */
  set_loading (self, FALSE);
  dn_date_today (&priv->today);
  if (!DN_LIST_PAGE_GET_CLASS (self)->run_query (self, priv->spare, FALSE, &error))
    {
      set_error (self, error);
      update_count (self);
      update_actions (self);
      return;
    }
  set_error (self, NULL);
  swap_in (self, keep_scroll, selected_id (self));
}

static void
on_model_loaded_cb (DnListPage   *self,
                    const GError *error,
                    DnQueryModel *model)
{
  DnListPagePrivate *priv = PRIV (self);

  /* an older query's result, or one a direct reload made useless */
  if (model != priv->spare || !priv->loading || dn_query_model_is_loading (model))
    return;
  set_loading (self, FALSE);
  set_error (self, error);
  if (error != NULL)
    {
      update_count (self);
      update_actions (self);
      return;
    }
  swap_in (self, priv->keep_scroll, selected_id (self));
  priv->keep_scroll = FALSE;
}

/* The rest of the rows shown came (or a new query began): the count. */
static void
on_model_complete_cb (DnListPage   *self,
                      GParamSpec   *pspec,
                      DnQueryModel *model)
{
  if (model != PRIV (self)->model)
    return;
  update_spinners (self);
  update_count (self);
}

/* A hidden page reads the store again only when it is shown (or asked). */
void
dn_list_page_ensure_loaded (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_LIST_PAGE (self));
  if (priv->model != NULL && !priv->has_rows && (priv->dirty || priv->loading))
    {
      /* asked for the rows before the first result came: read now */
      reload_now (self, TRUE);
    }
  else if (priv->dirty && priv->model != NULL)
    {
      /* on the worker: the old rows stay in sight until the new ones come,
       * and the table stays where it was */
      priv->dirty = FALSE;
      dn_list_page_reload_async (self);
      priv->keep_scroll = TRUE;
    }
}

static void
on_store_changed_cb (DnListPage *self)
{
  PRIV (self)->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dn_list_page_ensure_loaded (self);
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

  if (DN_LIST_PAGE_GET_CLASS (self)->sort_changed != NULL)
    DN_LIST_PAGE_GET_CLASS (self)->sort_changed (self, column, descending);
  /* the selected record stays selected, and in sight */
  if (priv->sync_sort)
    reload_now (self, FALSE);
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
    update_actions (self);
}

static void
on_row_activated_cb (DnListPage *self,
                     guint       position)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autoptr(GObject) item = NULL;

  if (priv->model == NULL || DN_LIST_PAGE_GET_CLASS (self)->activate_item == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (priv->model), position);
  if (item != NULL)
    DN_LIST_PAGE_GET_CLASS (self)->activate_item (self, item);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  dn_list_page_clear_filters (DN_LIST_PAGE (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  reload_now (DN_LIST_PAGE (widget), TRUE);
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
                                  text_of (self, TEXT_TABLE_LABEL), -1);
  gtk_button_set_label (GTK_BUTTON (priv->empty_new_button), text_of (self, TEXT_NEW_LABEL));
  /* the accessible label without the mnemonic's underscore */
  {
    g_auto(GStrv) parts = g_strsplit (text_of (self, TEXT_NEW_LABEL), "_", -1);

    new_label = g_strjoinv ("", parts);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->empty_new_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  new_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->empty_new_button), priv->texts[TEXT_NEW_ACTION_NAME]);
  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->loading_spinner), priv->texts[TEXT_LOADING]);
  gtk_label_set_text (priv->loading_label, text_of (self, TEXT_LOADING));
  gtk_widget_set_tooltip_text (priv->clear_button, priv->texts[TEXT_CLEAR_TOOLTIP]);
  update_count (self);
}

static void
forget_models (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (priv->table != NULL)
    dn_list_table_set_rows (priv->table, NULL);
  g_clear_object (&priv->rows);
  if (priv->model != NULL)
    g_signal_handlers_disconnect_by_data (priv->model, self);
  if (priv->spare != NULL)
    g_signal_handlers_disconnect_by_data (priv->spare, self);
  g_clear_object (&priv->model);
  g_clear_object (&priv->spare);
}

static void
dn_list_page_map (GtkWidget *widget)
{
  DnListPage *self = DN_LIST_PAGE (widget);
  DnListPagePrivate *priv = PRIV (self);

  if (priv->dirty && priv->model != NULL && !priv->has_rows)
    {
      /* first shown: the first page of the query on the worker (read by
       * key, a few ms whatever the size), the rest and the count after;
       * the main loop only draws. Read synchronously, the whole list of
       * ids would hold the first frame, and grow with the database. */
      priv->dirty = FALSE;
      dn_list_page_reload_async (self);
      update_count (self);
    }
  else
    dn_list_page_ensure_loaded (self);
  GTK_WIDGET_CLASS (dn_list_page_parent_class)->map (widget);
}

static void
dn_list_page_dispose (GObject *object)
{
  DnListPage *self = DN_LIST_PAGE (object);
  DnListPagePrivate *priv = PRIV (self);

  g_clear_handle_id (&priv->spinner_id, g_source_remove);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  if (priv->table != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->table, self);
      dn_list_table_shutdown (priv->table);
    }
  forget_models (self);
  /* not gtk_widget_dispose_template(): GTK 4.8 reads the template of the
   * instance's class, the section's, whatever the type given */
  if (priv->main_box != NULL)
    gtk_widget_unparent (g_steal_pointer (&priv->main_box));
  priv->column_view = NULL;
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (dn_list_page_parent_class)->dispose (object);
}

static void
dn_list_page_finalize (GObject *object)
{
  DnListPagePrivate *priv = PRIV (DN_LIST_PAGE (object));

  g_free (priv->count_text);
  g_clear_error (&priv->error);
  g_clear_object (&priv->table);
  for (guint i = 0; i < N_TEXTS; i++)
    g_free (priv->texts[i]);

  G_OBJECT_CLASS (dn_list_page_parent_class)->finalize (object);
}

static void
dn_list_page_class_init (DnListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_STATIC_ASSERT (G_N_ELEMENTS (((DnListPagePrivate *) NULL)->texts) == N_TEXTS);
  object_class->dispose = dn_list_page_dispose;
  object_class->finalize = dn_list_page_finalize;
  widget_class->map = dn_list_page_map;

  bound_item_quark = g_quark_from_static_string ("dn-list-bound-item");
  bound_day_quark = g_quark_from_static_string ("dn-list-bound-day");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/doingoai/DoiNgoai/ui/dn-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, main_box);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, toolbar);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, filter_rows);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, filter_box);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, loading_spinner);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, clear_button);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, content_stack);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, empty_title_label);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, empty_description_label);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, empty_clear_button);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, empty_new_button);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, loading_big_spinner);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, loading_label);
  gtk_widget_class_bind_template_child_private (widget_class, DnListPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "list.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "list.reload", NULL, reload_action);
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
  update_count (self);
}

/*
 * Public API
 */

void
dn_list_page_set_store (DnListPage *self,
                        DnStore    *store)
{
  DnListPagePrivate *priv = PRIV (self);
  DnListPageClass *klass;

  g_return_if_fail (DN_IS_LIST_PAGE (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  if (priv->store == store)
    return;
  klass = DN_LIST_PAGE_GET_CLASS (self);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  forget_models (self);
  set_loading (self, FALSE);
  set_error (self, NULL);
  priv->has_result = FALSE;
  g_set_object (&priv->store, store);
  if (store == NULL)
    {
      update_count (self);
      update_actions (self);
      return;
    }

  priv->model = klass->create_model (self, store);
  priv->spare = klass->create_model (self, store);
  g_signal_connect_object (priv->model, "loaded", G_CALLBACK (on_model_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->spare, "loaded", G_CALLBACK (on_model_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->model, "notify::complete", G_CALLBACK (on_model_complete_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->spare, "notify::complete", G_CALLBACK (on_model_complete_cb), self, G_CONNECT_SWAPPED);
  priv->rows = dn_list_rows_new ();
  dn_list_rows_set_shown (priv->rows, G_LIST_MODEL (priv->model), FALSE);
  dn_list_table_set_rows (priv->table, G_LIST_MODEL (priv->rows));
  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  /* read when first shown */
  priv->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dn_list_page_ensure_loaded (self);
  else
    update_actions (self);
}

void
dn_list_page_set_texts (DnListPage            *self,
                        const DnListPageTexts *texts)
{
  DnListPagePrivate *priv = PRIV (self);
  /* the struct is N_TEXTS strings, in TEXT_* order */
  const char * const *given = (const char * const *) texts;

  G_STATIC_ASSERT (sizeof (DnListPageTexts) == N_TEXTS * sizeof (const char *));
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  g_return_if_fail (texts != NULL);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_free (priv->texts[i]);
      priv->texts[i] = g_strdup (given[i]);
    }
  apply_texts (self);
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
dn_list_page_reload_async (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DN_IS_LIST_PAGE (self));

  if (priv->model == NULL)
    {
      update_actions (self);
      return;
    }
  dn_date_today (&priv->today);
  priv->keep_scroll = FALSE;
  set_loading (self, TRUE);
  if (!DN_LIST_PAGE_GET_CLASS (self)->run_query (self, priv->spare, TRUE, &error))
    {
      set_loading (self, FALSE);
      set_error (self, error);
      update_count (self);
    }
  update_actions (self);
}

void
dn_list_page_reload (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  GtkAdjustment *adjustment;

  g_return_if_fail (DN_IS_LIST_PAGE (self));

  if (priv->model == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      reload_now (self, FALSE);
      return;
    }
  /* when shown, from the top */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (priv->column_view));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, 0);
  priv->dirty = TRUE;
  update_actions (self);
}

void
dn_list_page_clear_filters (DnListPage *self)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));

  if (DN_LIST_PAGE_GET_CLASS (self)->clear_filters != NULL)
    DN_LIST_PAGE_GET_CLASS (self)->clear_filters (self);
  dn_list_page_reload_async (self);
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
  return selected_id (self);
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
