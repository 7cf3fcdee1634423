/* dn-list-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-table"

#include "config.h"

#include "dn-list-row.h"
#include "dn-list-table.h"

/* rows kept filled beyond those in sight */
#define SIGHT_MARGIN 3
/* longest an idle step filling cells out of sight may take */
#define DEFERRED_STEP_USEC 3000

typedef struct
{
  DnListTable *self;
  int          column;
} SortProbe;

struct _DnListTable
{
  GObject           parent_instance;

  GtkColumnView    *view;           /* not a reference: the page's */
  GtkSingleSelection *selection;
  DnListTableFuncs  funcs;
  gpointer          user_data;
  GHashTable       *cells;          /* cell widget bound → its GtkListItem */
  GHashTable       *deferred;       /* cell widget (a reference) → its GtkListItem, to fill later */
  guint             deferred_id;    /* idle filling them */
  GdkFrameClock    *deferred_clock; /* whose next paint starts deferred_id */
  double            view_top;       /* row at the top of the view */
  double            view_rows;      /* rows in sight */
  double            row_height;     /* 0 until known */
  GPtrArray        *probes;         /* SortProbe */
  GObject          *probe_items[2];
  int               probed_column;
  int               sort_column;    /* -1: none */
  gboolean          descending;
  int               fit_width;      /* the width columns were fitted to, -1 before */
};

G_DEFINE_FINAL_TYPE (DnListTable, dn_list_table, G_TYPE_OBJECT)

enum
{
  SORT_CHANGED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
/* on a cell's widget: its column */
static GQuark column_quark;

static int
column_of (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (cell), column_quark));
}

static gpointer
item_of (GtkListItem *list_item)
{
  DnListRow *row = gtk_list_item_get_item (list_item);

  return row != NULL ? dn_list_row_get_item (row) : NULL;
}

/*
 * Filling the cells
 *
 * The rows GTK keeps (about 200) are bound when the list changes, most of
 * them out of sight: their cells are filled just after (show_deferred()),
 * so that the frame showing the new list redraws only the rows in sight.
 */

static gboolean show_deferred_cb (gpointer user_data);

static void
stop_waiting_for_paint (DnListTable *self)
{
  if (self->deferred_clock == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->deferred_clock, self);
  g_clear_object (&self->deferred_clock);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   DnListTable   *self)
{
  stop_waiting_for_paint (self);
  if (self->deferred_id == 0 && g_hash_table_size (self->deferred) > 0)
    self->deferred_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_deferred_cb, self, NULL);
}

/* The deferred cells are filled once the frame showing the cells in sight
 * is painted, a little at a time. */
static void
schedule_deferred (DnListTable *self)
{
  GdkFrameClock *clock;

  if (self->deferred_id != 0 || self->deferred_clock != NULL)
    return;
  clock = self->view != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (self->view)) : NULL;
  if (clock != NULL)
    {
      self->deferred_clock = g_object_ref (clock);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
    }
  else
    self->deferred_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_deferred_cb, self, NULL);
}

static gboolean
row_in_sight (DnListTable *self,
              guint        position)
{
  if (self->row_height <= 0)
    return TRUE;
  return position + 1 + SIGHT_MARGIN > self->view_top && position < self->view_top + self->view_rows + SIGHT_MARGIN;
}

static void
show (DnListTable *self,
      GtkWidget   *cell,
      gpointer     item)
{
  self->funcs.show_item (self->user_data, cell, column_of (cell), item);
}

/* Shows the item of @list_item's row in its cell @cell: now if in sight,
 * else a little later. */
static void
update_cell (DnListTable *self,
             GtkWidget   *cell,
             GtkListItem *list_item)
{
  gpointer item = item_of (list_item);

  if (item == NULL)
    return;
  if (row_in_sight (self, gtk_list_item_get_position (list_item)))
    {
      show (self, cell, item);
      g_hash_table_remove (self->deferred, cell);
      return;
    }
  if (!g_hash_table_contains (self->deferred, cell))
    g_hash_table_insert (self->deferred, g_object_ref (cell), list_item);
  schedule_deferred (self);
}

/* Fills the deferred cells: those in sight only, or all of them until
 * @deadline (0: no limit). FALSE when some are left. */
static gboolean
show_deferred (DnListTable *self,
               gboolean     in_sight_only,
               gint64       deadline)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->deferred);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkListItem *list_item = value;
      gpointer item;

      if (in_sight_only && !row_in_sight (self, gtk_list_item_get_position (list_item)))
        continue;
      item = item_of (list_item);
      if (item != NULL)
        show (self, key, item);
      g_hash_table_iter_remove (&iter);
      if (deadline > 0 && ++n % 16 == 0 && g_get_monotonic_time () > deadline)
        return FALSE;
    }
  return in_sight_only ? g_hash_table_size (self->deferred) == 0 : TRUE;
}

static gboolean
show_deferred_cb (gpointer user_data)
{
  DnListTable *self = user_data;

  /* a few milliseconds at a time: input and frames go first */
  if (!show_deferred (self, FALSE, g_get_monotonic_time () + DEFERRED_STEP_USEC))
    return G_SOURCE_CONTINUE;
  self->deferred_id = 0;
  return G_SOURCE_REMOVE;
}

/* Where the view is, in rows: from the vertical adjustment, which the list
 * sets when it lays its rows out (they all have one height). */
static void
on_vadjustment_changed_cb (DnListTable   *self,
                           GtkAdjustment *adjustment)
{
  GtkSelectionModel *model = self->view != NULL ? gtk_column_view_get_model (self->view) : NULL;
  guint n = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
  double upper = gtk_adjustment_get_upper (adjustment);

  if (n == 0 || upper <= 0)
    return;
  self->row_height = upper / n;
  self->view_top = gtk_adjustment_get_value (adjustment) / self->row_height;
  self->view_rows = gtk_adjustment_get_page_size (adjustment) / self->row_height;
  show_deferred (self, TRUE, 0);
}

/*
 * Cells
 */

/* Tooltips are made when asked for: on GTK 4.8 gtk_widget_set_tooltip_text()
 * asks the display server where the pointer is, each time, and binding the
 * table's 200 rows would do that a thousand times. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  GtkListItem *list_item = user_data;
  DnListTable *self = g_object_get_data (G_OBJECT (cell), "dn-list-table");
  gpointer item = item_of (list_item);
  g_autofree char *text = NULL;

  if (item == NULL || self == NULL || self->funcs.get_tooltip == NULL)
    return FALSE;
  text = self->funcs.get_tooltip (self->user_data, column_of (cell), item);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DnListTable              *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "dn-column"));
  DnListColumnFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "dn-flags"));
  GtkWidget *cell = self->funcs.create_cell (self->user_data, column);

  g_object_set_qdata (G_OBJECT (cell), column_quark, GINT_TO_POINTER (column));
  if (flags & DN_LIST_COLUMN_TOOLTIP)
    {
      g_object_set_data (G_OBJECT (cell), "dn-list-table", self);
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect_object (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), list_item, 0);
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DnListTable              *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (self->view == NULL)
    return;
  g_hash_table_insert (self->cells, cell, list_item);
  update_cell (self, cell, list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DnListTable              *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->cells, cell);
  g_hash_table_remove (self->deferred, cell);
}

/*
 * Sorting
 */

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortProbe *probe = user_data;

  probe->self->probed_column = probe->column;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (DnListTable *self)
{
  GtkSorter *sorter = self->view != NULL ? gtk_column_view_get_sorter (self->view) : NULL;
  int column = -1;
  gboolean descending = FALSE;

  if (sorter == NULL)
    return;
  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    {
      GtkOrdering order;

      self->probed_column = -1;
      order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);
      column = self->probed_column;
      descending = column >= 0 && order == GTK_ORDERING_LARGER;
    }
  if (column == self->sort_column && descending == self->descending)
    return;
  self->sort_column = column;
  self->descending = descending;
  g_signal_emit (self, signals[SORT_CHANGED], 0);
}

/* The view's column of the page's @column (a reference), or NULL. */
static GtkColumnViewColumn *
find_column (DnListTable *self,
             int          column)
{
  GListModel *columns;

  if (self->view == NULL)
    return NULL;
  columns = gtk_column_view_get_columns (self->view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (col), "dn-column")) == column)
        return g_steal_pointer (&col);
    }
  return NULL;
}

/*
 * GObject
 */

void
dn_list_table_shutdown (DnListTable *self)
{
  g_return_if_fail (DN_IS_LIST_TABLE (self));

  g_clear_handle_id (&self->deferred_id, g_source_remove);
  stop_waiting_for_paint (self);
  g_hash_table_remove_all (self->deferred);
  g_hash_table_remove_all (self->cells);
  if (self->view != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));

      /* the columns go away with the table: no re-sorting on the way out */
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->view), self);
      if (adjustment != NULL)
        g_signal_handlers_disconnect_by_data (adjustment, self);
      gtk_column_view_set_model (self->view, NULL);
      self->view = NULL;
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
}

static void
dn_list_table_dispose (GObject *object)
{
  dn_list_table_shutdown (DN_LIST_TABLE (object));
  G_OBJECT_CLASS (dn_list_table_parent_class)->dispose (object);
}

static void
dn_list_table_finalize (GObject *object)
{
  DnListTable *self = DN_LIST_TABLE (object);

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->deferred, g_hash_table_unref);
  g_clear_pointer (&self->probes, g_ptr_array_unref);
  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);
  G_OBJECT_CLASS (dn_list_table_parent_class)->finalize (object);
}

static void
dn_list_table_class_init (DnListTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dn_list_table_dispose;
  object_class->finalize = dn_list_table_finalize;
  column_quark = g_quark_from_static_string ("dn-list-column");

  /**
   * DnListTable::sort-changed:
   *
   * The order chosen from the headers changed (dn_list_table_get_sort()).
   */
  signals[SORT_CHANGED] = g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dn_list_table_init (DnListTable *self)
{
  self->cells = g_hash_table_new (NULL, NULL);
  self->deferred = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->probes = g_ptr_array_new_with_free_func (g_free);
  self->probe_items[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_items[1] = g_object_new (G_TYPE_OBJECT, NULL);
  self->sort_column = -1;
  self->fit_width = -1;
}

/*
 * Public API
 */

DnListTable *
dn_list_table_new (GtkColumnView          *view,
                   const DnListTableFuncs *funcs,
                   gpointer                user_data)
{
  DnListTable *self;
  GtkAdjustment *adjustment;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (funcs != NULL && funcs->create_cell != NULL && funcs->show_item != NULL, NULL);

  self = g_object_new (DN_TYPE_LIST_TABLE, NULL);
  self->view = view;
  self->funcs = *funcs;
  self->user_data = user_data;
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_vadjustment_changed_cb), self);
      g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (on_vadjustment_changed_cb), self);
    }
  g_signal_connect_swapped (gtk_column_view_get_sorter (view), "changed", G_CALLBACK (on_sorter_changed_cb), self);
  return self;
}

void
dn_list_table_add_column (DnListTable       *self,
                          int                column,
                          const char        *title,
                          int                width,
                          DnListColumnFlags  flags)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_if_fail (DN_IS_LIST_TABLE (self));
  g_return_if_fail (self->view != NULL);
  g_return_if_fail (column >= 0);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "dn-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "dn-flags", GUINT_TO_POINTER (flags));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  g_object_set_data (G_OBJECT (col), "dn-column", GINT_TO_POINTER (column));
  gtk_column_view_column_set_resizable (col, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  if (flags & DN_LIST_COLUMN_SORTABLE)
    {
      g_autoptr(GtkCustomSorter) sorter = NULL;
      SortProbe *probe = g_new0 (SortProbe, 1);

      probe->self = self;
      probe->column = column;
      g_ptr_array_add (self->probes, probe);
      sorter = gtk_custom_sorter_new (probe_compare_cb, probe, NULL);
      gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
    }
  gtk_column_view_append_column (self->view, col);
}

void
dn_list_table_refresh (DnListTable *self,
                       guint        top)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (DN_IS_LIST_TABLE (self));

  /* the cells in sight once scrolled are filled now, the others just after */
  if (top != G_MAXUINT)
    self->view_top = top;
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    update_cell (self, key, value);
}

static void
on_selected_cb (DnListTable *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
dn_list_table_set_rows (DnListTable *self,
                        GListModel  *rows)
{
  g_return_if_fail (DN_IS_LIST_TABLE (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (rows == NULL || self->view == NULL)
    return;
  self->selection = gtk_single_selection_new (g_object_ref (rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_cb), self);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
}

guint
dn_list_table_get_selected (DnListTable *self)
{
  g_return_val_if_fail (DN_IS_LIST_TABLE (self), GTK_INVALID_LIST_POSITION);
  return self->selection != NULL ? gtk_single_selection_get_selected (self->selection) : GTK_INVALID_LIST_POSITION;
}

void
dn_list_table_select (DnListTable *self,
                      guint        position)
{
  g_return_if_fail (DN_IS_LIST_TABLE (self));
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, position);
}

gpointer
dn_list_table_get_selected_item (DnListTable *self)
{
  DnListRow *row;

  g_return_val_if_fail (DN_IS_LIST_TABLE (self), NULL);

  row = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  return row != NULL ? dn_list_row_get_item (row) : NULL;
}

int
dn_list_table_get_sort (DnListTable *self,
                        gboolean    *descending)
{
  g_return_val_if_fail (DN_IS_LIST_TABLE (self), -1);
  if (descending != NULL)
    *descending = self->descending;
  return self->sort_column;
}

gboolean
dn_list_table_sort_by (DnListTable *self,
                       int          column,
                       gboolean     descending)
{
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_val_if_fail (DN_IS_LIST_TABLE (self), FALSE);

  if (self->view == NULL)
    return FALSE;
  if (column < 0)
    {
      gtk_column_view_sort_by_column (self->view, NULL, GTK_SORT_ASCENDING);
      return TRUE;
    }
  col = find_column (self, column);
  if (col == NULL)
    return FALSE;
  /* through the header, so the arrow shows the order */
  gtk_column_view_sort_by_column (self->view, col, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  return TRUE;
}

/*
 * Columns chosen and columns giving way
 */

void
dn_list_table_set_priority (DnListTable *self,
                            int          column,
                            guint        priority)
{
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_if_fail (DN_IS_LIST_TABLE (self));
  col = find_column (self, column);
  g_return_if_fail (col != NULL);
  g_object_set_data (G_OBJECT (col), "dn-priority", GUINT_TO_POINTER (priority));
  self->fit_width = -1;
}

void
dn_list_table_set_chosen (DnListTable *self,
                          int          column,
                          gboolean     chosen)
{
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_if_fail (DN_IS_LIST_TABLE (self));
  col = find_column (self, column);
  g_return_if_fail (col != NULL);
  g_object_set_data (G_OBJECT (col), "dn-hidden", GINT_TO_POINTER (!chosen));
  /* fitted again to the same width */
  if (self->fit_width >= 0)
    {
      int width = self->fit_width;

      self->fit_width = -1;
      dn_list_table_fit (self, width);
    }
  else
    gtk_column_view_column_set_visible (col, chosen);
}

gboolean
dn_list_table_get_chosen (DnListTable *self,
                          int          column)
{
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_val_if_fail (DN_IS_LIST_TABLE (self), FALSE);
  col = find_column (self, column);
  return col != NULL && g_object_get_data (G_OBJECT (col), "dn-hidden") == NULL;
}

gboolean
dn_list_table_get_shown (DnListTable *self,
                         int          column)
{
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_val_if_fail (DN_IS_LIST_TABLE (self), FALSE);
  col = find_column (self, column);
  return col != NULL && gtk_column_view_column_get_visible (col);
}

/* The room @col takes. */
static int
column_room (GtkColumnViewColumn *col)
{
  int width = gtk_column_view_column_get_fixed_width (col);

  return width > 0 ? width : DN_LIST_TABLE_EXPAND_MIN;
}

void
dn_list_table_fit (DnListTable *self,
                   int          width)
{
  GListModel *columns;
  guint n;
  g_autofree gboolean *shown = NULL;
  int needed = 0;

  g_return_if_fail (DN_IS_LIST_TABLE (self));
  if (self->view == NULL || width <= 0 || width == self->fit_width)
    return;
  self->fit_width = width;
  columns = gtk_column_view_get_columns (self->view);
  n = g_list_model_get_n_items (columns);
  shown = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      shown[i] = g_object_get_data (G_OBJECT (col), "dn-hidden") == NULL;
      if (shown[i])
        needed += column_room (col);
    }
  /* the least needed columns give way, one at a time, until the rest fit */
  while (needed > width)
    {
      guint worst = G_MAXUINT, worst_priority = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);
          guint priority = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (col), "dn-priority"));

          if (shown[i] && priority > worst_priority)
            {
              worst = i;
              worst_priority = priority;
            }
        }
      if (worst == G_MAXUINT)
        break;
      shown[worst] = FALSE;
      {
        g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, worst);

        needed -= column_room (col);
      }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (col) != shown[i])
        gtk_column_view_column_set_visible (col, shown[i]);
    }
}
