/* dn-list-page-query.c: the queries of DnListPage and the state they leave
 * shown: the store and the two models, the reloads, the swap of a new
 * result into the table, the count, the empty, loading and error messages,
 * the spinners and the actions' state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-list-page-private.h"
#include "dn-list-rows.h"
#include "dn-ui.h"

#define PRIV(self) (_dn_list_page_get_private (self))

/* A wait shorter than this shows no spinner: a spinning spinner makes a
 * frame each 16 ms, and with GTK's GL renderer every frame draws the whole
 * window again, which on software GL takes longer than typing. "Counting…"
 * says the count is on the way meanwhile. */
#define SPINNER_DELAY_MS 600

static void update_spinners (DnListPage *self);

/*
 * State shown: count, messages, actions
 */

#define FILTER_CALL(priv, func, type) ((type) (priv)->filter_funcs.func)

static gboolean
is_filtered (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  return priv->filter != NULL && FILTER_CALL (priv, is_active, gboolean (*) (gpointer)) (priv->filter);
}

/* "Clear Filters" goes back to the section's default view */
static gboolean
can_clear (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (priv->filter == NULL || priv->filter_funcs.is_default == NULL)
    return is_filtered (self);
  return !FILTER_CALL (priv, is_default, gboolean (*) (gpointer)) (priv->filter);
}

/* Those of the page itself (not the section's update_actions). */
void
_dn_list_page_update_own_actions (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  DnListPageClass *klass = DN_LIST_PAGE_GET_CLASS (self);
  gboolean clear = priv->model != NULL && can_clear (self);
  gboolean selected = _dn_list_page_selected_id (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.clear-filters", clear);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.reload", priv->model != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.export",
                                 priv->model != NULL && priv->export_cancellable == NULL);
  if (klass->clear_action != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->clear_action, clear);
  if (priv->texts[TEXT_NEW_ACTION_NAME] != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), priv->texts[TEXT_NEW_ACTION_NAME], priv->store != NULL);
  for (guint i = 0; i < klass->n_record_actions; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->record_actions[i].name, selected);
}

void
_dn_list_page_update_actions (DnListPage *self)
{
  DnListPageClass *klass = DN_LIST_PAGE_GET_CLASS (self);

  _dn_list_page_update_own_actions (self);
  if (klass->update_actions != NULL)
    klass->update_actions (self);
}

const char *
_dn_list_page_text_of (DnListPage *self,
                       guint       which)
{
  const char *text = PRIV (self)->texts[which];

  return text != NULL ? text : "";
}

void
_dn_list_page_update_count (DnListPage *self)
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
                          _dn_list_page_text_of (self, filtered ? TEXT_FILTERED_TITLE : TEXT_EMPTY_TITLE));
      gtk_label_set_text (priv->empty_description_label,
                          _dn_list_page_text_of (self, filtered ? TEXT_FILTERED_DESCRIPTION : TEXT_EMPTY_DESCRIPTION));
      gtk_widget_set_visible (priv->empty_clear_button, filtered && can_clear (self));
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
 * Queries
 */

static void
stop_waiting_for_paint (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (priv->after_paint_id != 0)
    g_signal_handler_disconnect (priv->paint_clock, priv->after_paint_id);
  priv->after_paint_id = 0;
  g_clear_object (&priv->paint_clock);
}

/* The rest of the list shown (every id, the count): asked for now. */
void
_dn_list_page_fetch_rest (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  stop_waiting_for_paint (self);
  if (priv->model != NULL)
    dn_query_model_fetch_rest (priv->model);
}

/* The models read the rest of a list (every id, the count) when asked:
 * once the frame showing its first rows is drawn, so that the worker does
 * not take the processor from that frame; at once on a hidden page. */
static void
fetch_rest_after_paint (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  GdkFrameClock *clock = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_frame_clock (GTK_WIDGET (self))
                                                                    : NULL;

  if (clock == NULL)
    {
      _dn_list_page_fetch_rest (self);
      return;
    }
  if (priv->after_paint_id != 0)
    return;
  priv->paint_clock = g_object_ref (clock);
  priv->after_paint_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (_dn_list_page_fetch_rest), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Runs the section's query on @model: at once, or with @async on the
 * query worker, the model then emitting "loaded". */
static gboolean
run_query (DnListPage    *self,
           DnQueryModel  *model,
           gboolean       async,
           GError       **error)
{
  DnListPagePrivate *priv = PRIV (self);
  DnQueryModelClass *model_class = DN_QUERY_MODEL_GET_CLASS (model);
  g_autofree gpointer query = g_malloc0 (model_class->query_size);

  priv->applying++;
  DN_LIST_PAGE_GET_CLASS (self)->get_query (self, query);
  priv->applying--;
  if (async)
    {
      dn_query_model_run_query_async (model, query);
      return TRUE;
    }
  /* the first rows here, the rest on the worker, when the kind can */
  if (model_class->query_first != NULL)
    return dn_query_model_run_query_first (model, query, error);
  return dn_query_model_run_query (model, query, error);
}

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
    dn_ui_column_view_scroll_to (priv->column_view, MIN (top, n_new - 1));
  dn_list_table_select (priv->table, position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  priv->has_result = TRUE;
  update_spinners (self);
  _dn_list_page_update_count (self);
  _dn_list_page_update_actions (self);
  fetch_rest_after_paint (self);
}

/* Runs the query now; the selected record stays selected when it is still
 * listed. With @keep_scroll (a refresh after an edit) the table stays where
 * it was; otherwise (new filters) it starts at the top, or at the selected
 * record. */
void
_dn_list_page_reload_now (DnListPage *self,
                          gboolean    keep_scroll)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;

  if (priv->model == NULL)
    {
      _dn_list_page_update_actions (self);
      return;
    }
  priv->dirty = FALSE;
  priv->keep_scroll = FALSE;
  /* this result wins over one still awaited */
  set_loading (self, FALSE);
  dn_date_today (&priv->today);
  if (!run_query (self, priv->spare, FALSE, &error))
    {
      set_error (self, error);
      _dn_list_page_update_count (self);
      _dn_list_page_update_actions (self);
      return;
    }
  set_error (self, NULL);
  swap_in (self, keep_scroll, _dn_list_page_selected_id (self));
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
      _dn_list_page_update_count (self);
      _dn_list_page_update_actions (self);
      return;
    }
  swap_in (self, priv->keep_scroll, _dn_list_page_selected_id (self));
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
  _dn_list_page_update_count (self);
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
      _dn_list_page_reload_now (self, TRUE);
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

void
_dn_list_page_forget_models (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  stop_waiting_for_paint (self);
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
  _dn_list_page_forget_models (self);
  set_loading (self, FALSE);
  set_error (self, NULL);
  priv->has_result = FALSE;
  g_set_object (&priv->store, store);
  if (store == NULL)
    {
      _dn_list_page_update_count (self);
      _dn_list_page_update_actions (self);
      return;
    }

  priv->model = g_object_new (klass->model_type, "store", store, NULL);
  priv->spare = g_object_new (klass->model_type, "store", store, NULL);
  dn_query_model_set_rest_on_demand (priv->model, TRUE);
  dn_query_model_set_rest_on_demand (priv->spare, TRUE);
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
    _dn_list_page_update_actions (self);
}

void
dn_list_page_reload_async (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DN_IS_LIST_PAGE (self));

  if (priv->model == NULL)
    {
      _dn_list_page_update_actions (self);
      return;
    }
  dn_date_today (&priv->today);
  priv->keep_scroll = FALSE;
  set_loading (self, TRUE);
  if (!run_query (self, priv->spare, TRUE, &error))
    {
      set_loading (self, FALSE);
      set_error (self, error);
      _dn_list_page_update_count (self);
    }
  _dn_list_page_update_actions (self);
}

void
dn_list_page_reload (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  GtkAdjustment *adjustment;

  g_return_if_fail (DN_IS_LIST_PAGE (self));

  if (priv->model == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      _dn_list_page_reload_now (self, FALSE);
      return;
    }
  /* when shown, from the top */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (priv->column_view));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, 0);
  priv->dirty = TRUE;
  _dn_list_page_update_actions (self);
}

gboolean
dn_list_page_apply_preset (DnListPage *self,
                           const char *preset)
{
  DnListPageClass *klass;
  gboolean known;

  g_return_val_if_fail (DN_IS_LIST_PAGE (self), FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  klass = DN_LIST_PAGE_GET_CLASS (self);
  if (klass->apply_preset == NULL)
    return FALSE;
  /* the filter's notifications reload nothing: the page reloads once */
  PRIV (self)->applying++;
  known = klass->apply_preset (self, preset);
  PRIV (self)->applying--;
  if (known)
    dn_list_page_reload (self);
  return known;
}

void
dn_list_page_clear_filters (DnListPage *self)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));

  /* the page runs the query after */
  PRIV (self)->applying++;
  if (DN_LIST_PAGE_GET_CLASS (self)->clear_filters != NULL)
    DN_LIST_PAGE_GET_CLASS (self)->clear_filters (self);
  PRIV (self)->applying--;
  dn_list_page_reload_async (self);
}

/*
 * The filter
 */

/* The class's defaults: the filter's own functions. */
void
_dn_list_page_reset_filter (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (priv->filter != NULL && priv->filter_funcs.reset != NULL)
    FILTER_CALL (priv, reset, void (*) (gpointer)) (priv->filter);
}

gboolean
_dn_list_page_apply_filter_preset (DnListPage *self,
                                   const char *preset)
{
  DnListPagePrivate *priv = PRIV (self);

  return priv->filter != NULL && priv->filter_funcs.apply_preset != NULL &&
         FILTER_CALL (priv, apply_preset, gboolean (*) (gpointer, const char *)) (priv->filter, preset);
}

static void
on_filter_changed_cb (DnListPage *self)
{
  /* from the officer: on a worker thread */
  if (PRIV (self)->applying == 0)
    dn_list_page_reload_async (self);
}

static void
on_filter_text_cb (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);
  g_autofree char *text = NULL;

  g_object_get (priv->filter, "text", &text, NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)), text != NULL ? text : "") == 0)
    return;
  /* (the entry is emptied first: that is no search of the officer's) */
  priv->showing_text++;
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), text != NULL ? text : "");
  priv->showing_text--;
}

static void
on_search_changed_cb (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (priv->showing_text == 0)
    g_object_set (priv->filter, "text", gtk_editable_get_text (GTK_EDITABLE (priv->search_entry)), NULL);
}

static void
on_search_stop_cb (DnListPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (PRIV (self)->search_entry), "");
}

void
_dn_list_page_forget_filter (DnListPage *self)
{
  DnListPagePrivate *priv = PRIV (self);

  if (priv->filter != NULL)
    g_signal_handlers_disconnect_by_data (priv->filter, self);
  if (priv->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (priv->search_entry, self);
  priv->search_entry = NULL;
}

void
dn_list_page_set_filter (DnListPage              *self,
                         gpointer                 filter,
                         const DnListFilterFuncs *funcs,
                         GtkSearchEntry          *search_entry)
{
  DnListPagePrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_LIST_PAGE (self));
  g_return_if_fail (DN_IS_FILTER (filter));
  g_return_if_fail (funcs != NULL && funcs->is_active != NULL);
  g_return_if_fail (priv->filter == NULL);

  priv->filter = filter;
  priv->filter_funcs = *funcs;
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
  if (search_entry == NULL)
    return;
  priv->search_entry = search_entry;
  g_signal_connect_swapped (filter, "notify::text", G_CALLBACK (on_filter_text_cb), self);
  g_signal_connect_swapped (search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (search_entry, "stop-search", G_CALLBACK (on_search_stop_cb), self);
  on_filter_text_cb (self);
}

gpointer
dn_list_page_get_filter (DnListPage *self)
{
  g_return_val_if_fail (DN_IS_LIST_PAGE (self), NULL);
  return PRIV (self)->filter;
}

void
dn_list_page_begin_filter_change (DnListPage *self)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  PRIV (self)->applying++;
}

void
dn_list_page_end_filter_change (DnListPage *self)
{
  g_return_if_fail (DN_IS_LIST_PAGE (self));
  g_return_if_fail (PRIV (self)->applying > 0);
  PRIV (self)->applying--;
  dn_list_page_reload (self);
}
