/* dn-task-list-view.c: the Nhiệm vụ section
 *
 * A GtkColumnView over DnTaskListModel (ids from one SQL query, rows read a
 * page at a time), under a search field and a bar of filters. Everything —
 * filtering, searching, sorting — is done by the query; GTK never sorts or
 * filters a row.
 *
 * Sorting from the column headers on GTK 4.8: the public API to read the
 * primary sort column of a GtkColumnView arrived in 4.10. Each sortable
 * column gets a GtkCustomSorter whose compare function only records which
 * column it belongs to and answers "smaller". Comparing two dummy objects
 * with the column view's sorter therefore runs the primary column's sorter
 * alone, and the result tells the direction (inverted when descending).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-list-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-task-list-view.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-window.h"

#define DUE_SOON_DAYS 7
#define MAX_TITLE_IN_MESSAGE 60

typedef enum
{
  COLUMN_SECTION,
  COLUMN_TITLE,
  COLUMN_LEAD,
  COLUMN_SUPPORT,
  COLUMN_DUE,
  COLUMN_RECURRENCE,
  COLUMN_STATUS,
  COLUMN_PROGRESS,
  N_COLUMNS
} Column;

/* positions in the status drop-down: then one per DnStatus */
enum
{
  STATUS_ALL,
  STATUS_UNFINISHED,
  STATUS_FIRST,
};

/* positions in the due period drop-down (see the .ui) */
typedef enum
{
  PERIOD_ANY,
  PERIOD_NEXT_DAYS,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_QUARTER,
} Period;

typedef struct
{
  DnTaskListView *self;
  Column          column;
} SortProbe;

/* The table's model: one DnTaskRow per position of the DnTaskListModel
 * shown, standing for the task at that position.
 *
 * On GTK 4.8, a change replacing the items of a list's model makes the
 * list throw away the widgets of every row it keeps (about 200 rows of 8
 * cells), build as many anew, and look for the rows it tracks (selection,
 * focus) among all the new items, reading each one from the store. Even
 * when the list's widgets are moved over to the new items instead, every
 * row is bound again, and the one row it must build anew (its focus stays
 * on an old row until that row goes) makes it measure every row again.
 * With the rows standing for positions, a new result changes no item: only
 * the number of rows, at the end, and the view shows the new tasks in the
 * cells it has (see refresh_cells()). */
#define DN_TYPE_TASK_ROW (dn_task_row_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskRow, dn_task_row, DN, TASK_ROW, GObject)

#define DN_TYPE_TASK_ROWS (dn_task_rows_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskRows, dn_task_rows, DN, TASK_ROWS, GObject)

struct _DnTaskRow
{
  GObject     parent_instance;
  DnTaskRows *rows;        /* NULL once the position is gone */
  guint       position;
  guint       generation;  /* of the result @task was read from */
  DnTask     *task;
};

struct _DnTaskRows
{
  GObject     parent_instance;
  GListModel *shown;       /* DnTaskListModel */
  GHashTable *live;        /* position → DnTaskRow (not a reference) */
  guint       generation;  /* bumped with each new result */
};

G_DEFINE_FINAL_TYPE (DnTaskRow, dn_task_row, G_TYPE_OBJECT)

static void
dn_task_row_finalize (GObject *object)
{
  DnTaskRow *self = DN_TASK_ROW (object);

  if (self->rows != NULL &&
      g_hash_table_lookup (self->rows->live, GUINT_TO_POINTER (self->position)) == self)
    g_hash_table_remove (self->rows->live, GUINT_TO_POINTER (self->position));
  g_clear_object (&self->task);
  G_OBJECT_CLASS (dn_task_row_parent_class)->finalize (object);
}

static void
dn_task_row_class_init (DnTaskRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_task_row_finalize;
}

static void
dn_task_row_init (DnTaskRow *self)
{
}

/* The task the row stands for now (read when first asked for). */
static DnTask *
dn_task_row_get_task (DnTaskRow *self)
{
  if (self->rows != NULL && (self->task == NULL || self->generation != self->rows->generation))
    {
      g_clear_object (&self->task);
      self->generation = self->rows->generation;
      self->task = g_list_model_get_item (self->rows->shown, self->position);
    }
  return self->task;
}

static GType
dn_task_rows_get_item_type (GListModel *model)
{
  return DN_TYPE_TASK_ROW;
}

static guint
n_items_of (GListModel *model)
{
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static guint
dn_task_rows_get_n_items (GListModel *model)
{
  return n_items_of (DN_TASK_ROWS (model)->shown);
}

static gpointer
dn_task_rows_get_item (GListModel *model,
                       guint       position)
{
  DnTaskRows *self = DN_TASK_ROWS (model);
  DnTaskRow *row;

  if (position >= n_items_of (self->shown))
    return NULL;
  row = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);
  row = g_object_new (DN_TYPE_TASK_ROW, NULL);
  row->rows = self;
  row->position = position;
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), row);
  return row;
}

static void
dn_task_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dn_task_rows_get_item_type;
  iface->get_n_items = dn_task_rows_get_n_items;
  iface->get_item = dn_task_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DnTaskRows, dn_task_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dn_task_rows_list_model_init))

/* Rows from @first on stand for nothing any more: a later row at their
 * position is another item. */
static void
dn_task_rows_forget (DnTaskRows *self,
                     guint       first)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (key) >= first)
      {
        DN_TASK_ROW (value)->rows = NULL;
        g_hash_table_iter_remove (&iter);
      }
}

static void
dn_task_rows_finalize (GObject *object)
{
  DnTaskRows *self = DN_TASK_ROWS (object);

  dn_task_rows_forget (self, 0);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_object (&self->shown);
  G_OBJECT_CLASS (dn_task_rows_parent_class)->finalize (object);
}

static void
dn_task_rows_class_init (DnTaskRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_task_rows_finalize;
}

static void
dn_task_rows_init (DnTaskRows *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}

/* Shows @model. In place, the rows keep standing for their positions,
 * and only rows added or removed at the end are reported; otherwise every
 * row goes and new ones come. */
static void
dn_task_rows_set_shown (DnTaskRows *self,
                        GListModel *model,
                        gboolean    in_place)
{
  guint n_old = n_items_of (self->shown);
  guint n_new = n_items_of (model);

  self->generation++;
  if (in_place && n_old > 0 && n_new > 0)
    {
      g_set_object (&self->shown, model);
      if (n_new < n_old)
        {
          dn_task_rows_forget (self, n_new);
          g_list_model_items_changed (G_LIST_MODEL (self), n_new, n_old - n_new, 0);
        }
      else if (n_new > n_old)
        g_list_model_items_changed (G_LIST_MODEL (self), n_old, 0, n_new - n_old);
      return;
    }
  dn_task_rows_forget (self, 0);
  g_clear_object (&self->shown);
  if (n_old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, 0);
  self->shown = model != NULL ? g_object_ref (model) : NULL;
  if (n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_new);
}

struct _DnTaskListView
{
  GtkWidget            parent_instance;

  /* Owned references */
  DnStore             *store;
  DnTaskListModel     *model;         /* the one shown */
  DnTaskListModel     *spare;         /* runs the asynchronous queries; swapped in with their result */
  DnTaskRows          *rows;          /* the table's model: shows self->model */
  GtkSingleSelection  *selection;
  GListStore          *units;       /* DnUnit; the first (id 0) is "All units" */
  GListStore          *documents;   /* DnDocument; the first (id 0) is "All documents" */
  GObject             *probe_items[2];
  char                *count_text;
  char                *search_text; /* the search text of the current query */

  /* State */
  GtkColumnViewColumn *columns[N_COLUMNS];
  SortProbe            probes[N_COLUMNS];
  int                  probed_column;
  DnTaskSort           sort;
  gboolean             descending;
  gint64               my_unit_id;
  guint                updating;    /* > 0 while filters are set from code */
  GHashTable          *deferred;    /* cell widget (a reference) → its GtkListItem, to show later */
  guint                deferred_id; /* idle showing them */
  GdkFrameClock       *deferred_clock; /* whose next paint starts deferred_id */
  GHashTable          *cells;       /* cell widget bound → its GtkListItem */
  double               view_top;    /* row at the top of the view */
  double               view_rows;   /* rows in sight */
  double               row_height;  /* 0 until known */
  gboolean             loading;     /* the spare model's result is awaited */
  gboolean             dirty;       /* the store changed while the view was hidden */
  gboolean             sync_sort;   /* the next sort change reloads at once */
  GDate                today;

  /* Template widgets */
  GtkWidget           *main_box;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *my_unit_toggle;
  GtkDropDown         *unit_dropdown;
  GtkCheckButton      *sub_units_check;
  GtkCheckButton      *lead_only_check;
  GtkDropDown         *document_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *period_dropdown;
  GtkToggleButton     *overdue_toggle;
  GtkLabel            *count_label;
  GtkSpinner          *loading_spinner;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkLabel            *empty_title;
  GtkLabel            *empty_description;
  GtkWidget           *empty_clear_button;
  GtkWidget           *empty_new_button;
};

G_DEFINE_FINAL_TYPE (DnTaskListView, dn_task_list_view, GTK_TYPE_WIDGET)

/* The progress cell: one widget drawing the bar and the percentage. A
 * GtkProgressBar is three widgets, a box with a label two more, and the
 * table keeps about 200 rows alive. */
#define DN_TYPE_TASK_PROGRESS_BAR (dn_task_progress_bar_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskProgressBar, dn_task_progress_bar, DN, TASK_PROGRESS_BAR, GtkWidget)

struct _DnTaskProgressBar
{
  GtkWidget    parent_instance;
  int          percent;
  PangoLayout *layout;      /* the text; NULL until drawn or measured */
  int          text_width;  /* of the widest text, "100%" */
  int          text_height;
};

G_DEFINE_FINAL_TYPE (DnTaskProgressBar, dn_task_progress_bar, GTK_TYPE_WIDGET)

#define PROGRESS_BAR_HEIGHT 6
#define PROGRESS_SPACING 6

static void
format_percent (char *buffer,
                gsize size,
                int   percent)
{
  g_snprintf (buffer, size, "%d%%", percent);
}

static PangoLayout *
dn_task_progress_bar_ensure_layout (DnTaskProgressBar *self)
{
  char text[8];

  if (self->layout != NULL)
    return self->layout;
  format_percent (text, sizeof text, 100);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (self->layout, &self->text_width, &self->text_height);
  format_percent (text, sizeof text, self->percent);
  pango_layout_set_text (self->layout, text, -1);
  return self->layout;
}

static void
dn_task_progress_bar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  DnTaskProgressBar *self = DN_TASK_PROGRESS_BAR (widget);

  dn_task_progress_bar_ensure_layout (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 24 + PROGRESS_SPACING + self->text_width;
      *natural = 60 + PROGRESS_SPACING + self->text_width;
    }
  else
    *minimum = *natural = MAX (PROGRESS_BAR_HEIGHT, self->text_height);
}

static void
dn_task_progress_bar_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  DnTaskProgressBar *self = DN_TASK_PROGRESS_BAR (widget);
  PangoLayout *layout = dn_task_progress_bar_ensure_layout (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int bar_width = MAX (0, width - self->text_width - PROGRESS_SPACING);
  float bar_x = rtl ? (float) (width - bar_width) : 0.0f;
  float y = (height - PROGRESS_BAR_HEIGHT) / 2.0f;
  GdkRGBA color, trough;
  GdkRGBA fill = { 0.21f, 0.52f, 0.89f, 1.0f }; /* Adwaita's accent blue */
  GskRoundedRect outline;
  int text_width, text_height;

  if (width <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  trough = color;
  trough.alpha *= 0.15f;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (bar_x, y, bar_width, PROGRESS_BAR_HEIGHT),
                                   PROGRESS_BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &trough, &GRAPHENE_RECT_INIT (bar_x, y, bar_width, PROGRESS_BAR_HEIGHT));
  if (self->percent > 0)
    {
      float filled = bar_width * self->percent / 100.0f;

      gtk_snapshot_append_color (snapshot, &fill,
                                 &GRAPHENE_RECT_INIT (rtl ? bar_x + bar_width - filled : bar_x, y,
                                                      filled, PROGRESS_BAR_HEIGHT));
    }
  gtk_snapshot_pop (snapshot);

  /* the text at the end, aligned on its end */
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rtl ? self->text_width - text_width : width - text_width,
                                                          (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
dn_task_progress_bar_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  DnTaskProgressBar *self = DN_TASK_PROGRESS_BAR (widget);

  GTK_WIDGET_CLASS (dn_task_progress_bar_parent_class)->css_changed (widget, change);
  /* the font may have changed: the text is laid out again */
  g_clear_object (&self->layout);
}

static void
dn_task_progress_bar_finalize (GObject *object)
{
  g_clear_object (&DN_TASK_PROGRESS_BAR (object)->layout);
  G_OBJECT_CLASS (dn_task_progress_bar_parent_class)->finalize (object);
}

static void
dn_task_progress_bar_class_init (DnTaskProgressBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dn_task_progress_bar_finalize;
  widget_class->measure = dn_task_progress_bar_measure;
  widget_class->snapshot = dn_task_progress_bar_snapshot;
  widget_class->css_changed = dn_task_progress_bar_css_changed;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
dn_task_progress_bar_init (DnTaskProgressBar *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "0%",
                                  -1);
}

static void
dn_task_progress_bar_set_percent (DnTaskProgressBar *self,
                                  int                percent)
{
  char text[8];

  percent = CLAMP (percent, 0, 100);
  if (percent == self->percent)
    return;
  self->percent = percent;
  format_percent (text, sizeof text, percent);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) percent,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void reload (DnTaskListView *self);

/*
 * Auxiliary methods
 */

static gint64
selected_unit_id (DnTaskListView *self)
{
  DnUnit *unit = gtk_drop_down_get_selected_item (self->unit_dropdown);

  return unit != NULL ? unit->id : 0;
}

static gint64
selected_document_id (DnTaskListView *self)
{
  DnDocument *document = gtk_drop_down_get_selected_item (self->document_dropdown);

  return document != NULL ? document->id : 0;
}

/* The unit the list is filtered by: the officer's own with "My unit" on. */
static gint64
effective_unit_id (DnTaskListView *self)
{
  if (self->my_unit_id > 0 && gtk_toggle_button_get_active (self->my_unit_toggle))
    return self->my_unit_id;
  return selected_unit_id (self);
}

static guint
find_unit (DnTaskListView *self,
           gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);
      if (unit->id == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static guint
find_document (DnTaskListView *self,
               gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      if (document->id == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A unit that the drop-down does not offer (archived) can still be asked
 * for by a preset: it is added at the end, so the filter stays visible. */
static guint
ensure_unit (DnTaskListView *self,
             gint64          id)
{
  guint position = find_unit (self, id);
  g_autoptr(DnUnit) unit = NULL;

  if (position != GTK_INVALID_LIST_POSITION || self->store == NULL || id <= 0)
    return position;
  unit = dn_store_get_unit (self->store, id, NULL);
  if (unit == NULL)
    return GTK_INVALID_LIST_POSITION;
  unit->depth = 0;
  if (unit->archived)
    {
      char *name = g_strdup_printf (_("%s (archived)"), unit->name);
      g_free (unit->name);
      unit->name = name;
    }
  g_list_store_append (self->units, unit);
  return g_list_model_get_n_items (G_LIST_MODEL (self->units)) - 1;
}

static void
select_unit (DnTaskListView *self,
             gint64          id)
{
  guint position = id > 0 ? ensure_unit (self, id) : 0;

  gtk_drop_down_set_selected (self->unit_dropdown, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static void
select_document (DnTaskListView *self,
                 gint64          id)
{
  guint position = id > 0 ? find_document (self, id) : 0;

  gtk_drop_down_set_selected (self->document_dropdown, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static DnUnit *
all_units_item (void)
{
  DnUnit *unit = dn_unit_new ();

  g_free (unit->name);
  unit->name = g_strdup (_("All units"));
  return unit;
}

static DnDocument *
all_documents_item (void)
{
  DnDocument *document = dn_document_new ();

  g_free (document->subject);
  document->subject = g_strdup (_("All source documents"));
  return document;
}

static gboolean
same_units (GListModel *model,
            GPtrArray  *units)
{
  if (g_list_model_get_n_items (model) != units->len + 1)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr(DnUnit) old = g_list_model_get_item (model, i + 1);
      DnUnit *unit = units->pdata[i];

      if (old->id != unit->id || old->depth != unit->depth || g_strcmp0 (old->name, unit->name) != 0 ||
          g_strcmp0 (old->code, unit->code) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Fills the unit drop-down with the tree of units (archived ones left out),
 * keeping the chosen unit. Nothing happens when the units did not change. */
static void
load_units (DnTaskListView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = dn_store_list_unit_tree (self->store, FALSE, &error);
  g_autoptr(DnUnit) all = NULL;
  gint64 selected;

  if (units == NULL)
    {
      g_warning ("Cannot list units: %s", error->message);
      return;
    }
  if (same_units (G_LIST_MODEL (self->units), units))
    return;
  selected = selected_unit_id (self);
  all = all_units_item ();
  g_ptr_array_insert (units, 0, g_object_ref (all));
  self->updating++;
  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                       units->pdata, units->len);
  select_unit (self, selected);
  self->updating--;
}

static gboolean
same_documents (GListModel *model,
                GPtrArray  *documents)
{
  if (g_list_model_get_n_items (model) != documents->len + 1)
    return FALSE;
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(DnDocument) old = g_list_model_get_item (model, i + 1);
      DnDocument *document = documents->pdata[i];

      if (old->id != document->id || g_strcmp0 (old->number, document->number) != 0 ||
          g_strcmp0 (old->symbol, document->symbol) != 0 || g_strcmp0 (old->subject, document->subject) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
load_documents (DnTaskListView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dn_store_list_documents (self->store, 0, G_MAXINT, &error);
  g_autoptr(DnDocument) all = NULL;
  gint64 selected;

  if (documents == NULL)
    {
      g_warning ("Cannot list documents: %s", error->message);
      return;
    }
  if (same_documents (G_LIST_MODEL (self->documents), documents))
    return;
  selected = selected_document_id (self);
  all = all_documents_item ();
  g_ptr_array_insert (documents, 0, g_object_ref (all));
  self->updating++;
  g_list_store_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       documents->pdata, documents->len);
  select_document (self, selected);
  self->updating--;
}

static void
period_bounds (Period       period,
               const GDate *today,
               GDate       *from,
               GDate       *to)
{
  GDateYear year = g_date_get_year (today);
  GDateMonth month = g_date_get_month (today);

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  switch (period)
    {
    case PERIOD_NEXT_DAYS:
      *from = *today;
      *to = *today;
      g_date_add_days (to, DUE_SOON_DAYS - 1);
      break;
    case PERIOD_WEEK:
      /* Monday to Sunday */
      *from = *today;
      g_date_subtract_days (from, g_date_get_weekday (today) - G_DATE_MONDAY);
      *to = *from;
      g_date_add_days (to, 6);
      break;
    case PERIOD_MONTH:
      g_date_set_dmy (from, 1, month, year);
      g_date_set_dmy (to, g_date_get_days_in_month (month, year), month, year);
      break;
    case PERIOD_QUARTER:
      {
        int quarter = dn_date_get_quarter (today);
        GDateMonth last = (GDateMonth) (quarter * 3);

        g_date_set_dmy (from, 1, (GDateMonth) (last - 2), year);
        g_date_set_dmy (to, g_date_get_days_in_month (last, year), last, year);
      }
      break;
    case PERIOD_ANY:
    default:
      break;
    }
}

static gboolean
filters_active (DnTaskListView *self)
{
  return (self->search_text != NULL && self->search_text[0] != '\0') ||
         effective_unit_id (self) > 0 ||
         selected_document_id (self) > 0 ||
         gtk_drop_down_get_selected (self->status_dropdown) != STATUS_ALL ||
         gtk_drop_down_get_selected (self->period_dropdown) != PERIOD_ANY ||
         gtk_toggle_button_get_active (self->overdue_toggle);
}

static void
build_query (DnTaskListView *self,
             DnTaskQuery    *query)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  dn_task_query_init (query);
  query->unit_id = effective_unit_id (self);
  if (query->unit_id > 0)
    {
      query->include_sub_units = gtk_check_button_get_active (self->sub_units_check);
      query->lead_only = gtk_check_button_get_active (self->lead_only_check);
    }
  if (status == STATUS_UNFINISHED)
    query->unfinished = TRUE;
  else if (status >= STATUS_FIRST && status < STATUS_FIRST + DN_STATUS_N)
    query->status = (int) (status - STATUS_FIRST);
  query->overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  period_bounds ((Period) gtk_drop_down_get_selected (self->period_dropdown), &self->today,
                 &query->due_from, &query->due_to);
  query->document_id = selected_document_id (self);
  query->text = self->search_text;
  query->sort = self->sort;
  query->descending = self->descending;
}

static DnTask *
dup_selected_task (DnTaskListView *self)
{
  DnTaskRow *row;
  DnTask *task;

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  task = row != NULL ? dn_task_row_get_task (row) : NULL;
  return task != NULL ? g_object_ref (task) : NULL;
}

static gint64
selected_task_id (DnTaskListView *self)
{
  g_autoptr(DnTask) task = dup_selected_task (self);

  return task != NULL ? task->id : 0;
}

static void
update_actions (DnTaskListView *self)
{
  gboolean selected = selected_task_id (self) > 0;
  gboolean active = self->model != NULL && filters_active (self);
  gboolean with_unit = effective_unit_id (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.open", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.clear-filters", active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sub_units_check), with_unit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lead_only_check), with_unit);
}

static void
update_count (DnTaskListView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean active = filters_active (self);

  g_free (self->count_text);
  self->count_text = g_strdup_printf (ngettext ("%u task", "%u tasks", n), n);
  gtk_label_set_text (self->count_label, self->count_text);

  if (n > 0 || self->model == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      return;
    }
  gtk_label_set_text (self->empty_title, active ? _("No tasks match") : _("No tasks yet"));
  gtk_label_set_text (self->empty_description,
                      active ? _("Change the search text or the filters, or clear them to see every task.")
                             : _("Add the duties of a directive or plan with New Task."));
  gtk_widget_set_visible (self->empty_clear_button, active);
  gtk_widget_set_visible (self->empty_new_button, !active);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* On GTK 4.8 the scroll-to action lives on the column view's inner list. */
static void
scroll_to (DnTaskListView *self,
           guint           position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

/* Selects the task's row and brings it into view; FALSE when not listed. */
static gboolean
select_task (DnTaskListView *self,
             gint64          task_id)
{
  guint position;

  if (self->model == NULL || task_id <= 0)
    return FALSE;
  position = dn_task_list_model_find (self->model, task_id);
  if (position == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  return TRUE;
}

static void
set_loading (DnTaskListView *self,
             gboolean        loading)
{
  self->loading = loading;
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
}

static void refresh_cells (DnTaskListView *self);

/* Shows the spare model, which holds a new result, in place of the shown
 * one (which becomes the spare): the table's rows stand for the same
 * positions, now with the new tasks (see DnTaskRows). Unless @keep_scroll,
 * the view then starts at the row @top. The caller puts the selection
 * back. */
static void
swap_in (DnTaskListView *self,
         gboolean        keep_scroll,
         guint           top)
{
  DnTaskListModel *shown = self->model;
  guint n_new = g_list_model_get_n_items (G_LIST_MODEL (self->spare));

  self->updating++;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->model = self->spare;
  self->spare = shown;
  /* the cells in sight once scrolled are filled now, the others just after */
  if (!keep_scroll)
    self->view_top = top;
  dn_task_rows_set_shown (self->rows, G_LIST_MODEL (self->model), TRUE);
  refresh_cells (self);
  self->updating--;
  if (!keep_scroll && n_new > 0)
    scroll_to (self, MIN (top, n_new - 1));
}

/* Runs the query of the filters again; the selected task stays selected
 * when it is still listed. With @keep_scroll (a refresh after an edit) the
 * table stays where it was; otherwise (new filters) it starts at the top,
 * or at the selected task. */
static void
reload_full (DnTaskListView *self,
             gboolean        keep_scroll)
{
  g_autoptr(GError) error = NULL;
  DnTaskQuery query;
  gint64 selected;
  guint position;

  if (self->model == NULL)
    {
      update_actions (self);
      return;
    }
  self->dirty = FALSE;
  /* this result wins over one still awaited */
  set_loading (self, FALSE);
  selected = selected_task_id (self);
  dn_date_today (&self->today);
  build_query (self, &query);

  if (!dn_task_list_model_set_query (self->spare, &query, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_warning ("Cannot list tasks: %s", error->message);
      if (DN_IS_WINDOW (root))
        dn_window_show_message (DN_WINDOW (root), error->message);
      update_actions (self);
      return;
    }
  position = selected > 0 ? dn_task_list_model_find (self->spare, selected) : G_MAXUINT;
  swap_in (self, keep_scroll, position != G_MAXUINT ? position : 0);
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  update_count (self);
  update_actions (self);
}

static void
reload (DnTaskListView *self)
{
  reload_full (self, FALSE);
}

/* Shows the spare model, which holds the result of the latest query. */
static void
swap_in_spare (DnTaskListView *self)
{
  gint64 selected = selected_task_id (self);
  guint position = selected > 0 ? dn_task_list_model_find (self->spare, selected) : G_MAXUINT;

  swap_in (self, FALSE, position != G_MAXUINT ? position : 0);
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  update_count (self);
  update_actions (self);
}

static void
on_model_loaded_cb (DnTaskListView  *self,
                    GError          *error,
                    DnTaskListModel *model)
{
  /* an older query's result, or one a direct reload made useless */
  if (model != self->spare || !self->loading || dn_task_list_model_is_loading (model))
    return;
  set_loading (self, FALSE);
  if (error != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_warning ("Cannot list tasks: %s", error->message);
      if (DN_IS_WINDOW (root))
        dn_window_show_message (DN_WINDOW (root), error->message);
      return;
    }
  swap_in_spare (self);
}

/* Runs the query of the filters on a worker thread: what the officer does
 * (typing, choosing a filter, sorting) never waits for the database. The
 * table keeps showing the previous result until the new one is there. */
static void
reload_async (DnTaskListView *self)
{
  DnTaskQuery query;

  if (self->model == NULL)
    {
      update_actions (self);
      return;
    }
  dn_date_today (&self->today);
  build_query (self, &query);
  set_loading (self, TRUE);
  dn_task_list_model_set_query_async (self->spare, &query);
  update_actions (self);
}

/* Puts every filter back to "everything" (the search text too), without
 * reloading. */
static void
reset_filters (DnTaskListView *self)
{
  self->updating++;
  g_clear_pointer (&self->search_text, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->my_unit_toggle, FALSE);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_check_button_set_active (self->sub_units_check, TRUE);
  gtk_check_button_set_active (self->lead_only_check, FALSE);
  gtk_drop_down_set_selected (self->document_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, STATUS_ALL);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_ANY);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  self->updating--;
}

static GtkWindow *
root_window (DnTaskListView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_editor (DnTaskListView *self,
             DnTask         *task);

/*
 * Sorting
 */

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortProbe *probe = user_data;

  probe->self->probed_column = (int) probe->column;
  return GTK_ORDERING_SMALLER;
}

static DnTaskSort
column_sort (Column column)
{
  switch (column)
    {
    case COLUMN_SECTION: return DN_TASK_SORT_SECTION;
    case COLUMN_TITLE: return DN_TASK_SORT_TITLE;
    case COLUMN_LEAD: return DN_TASK_SORT_LEAD_UNIT;
    case COLUMN_RECURRENCE: return DN_TASK_SORT_RECURRENCE;
    case COLUMN_STATUS: return DN_TASK_SORT_STATUS;
    case COLUMN_PROGRESS: return DN_TASK_SORT_PROGRESS;
    case COLUMN_DUE:
    case COLUMN_SUPPORT:
    case N_COLUMNS:
    default: return DN_TASK_SORT_DUE;
    }
}

static void
on_sort_changed_cb (DnTaskListView *self)
{
  GtkSorter *sorter = self->column_view != NULL ? gtk_column_view_get_sorter (self->column_view) : NULL;
  DnTaskSort sort = DN_TASK_SORT_DUE;
  gboolean descending = FALSE;

  if (sorter == NULL)
    return;
  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    {
      GtkOrdering order;

      self->probed_column = -1;
      order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);
      if (self->probed_column >= 0)
        {
          sort = column_sort ((Column) self->probed_column);
          descending = order == GTK_ORDERING_LARGER;
        }
    }
  if (sort == self->sort && descending == self->descending)
    return;
  self->sort = sort;
  self->descending = descending;
  /* the selected task stays selected, and in sight */
  if (self->sync_sort)
    reload (self);
  else
    reload_async (self);
}

/*
 * Cells
 */

/* The text of a cell. A GtkInscription's size does not depend on its
 * text: changing the text of the table's 1600 cells (when the list is
 * filtered) only redraws them, where labels would be measured again, each
 * one shaping its text twice. */
static GtkWidget *
cell_text (int min_chars,
           int nat_chars)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), nat_chars);
  return text;
}

static void
set_css_class (GtkWidget  *widget,
               const char *name,
               gboolean    on)
{
  /* a change of classes restyles the widget: none when nothing changes */
  if (gtk_widget_has_css_class (widget, name) == on)
    return;
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

typedef enum
{
  DUE_NONE,     /* no due date */
  DUE_LATER,
  DUE_SOON,     /* unfinished, due within DUE_SOON_DAYS */
  DUE_OVERDUE,  /* unfinished, due before today */
} DueState;

static DueState
due_state (DnTask      *task,
           const GDate *today,
           int         *days)
{
  gboolean unfinished = task->status == DN_STATUS_OPEN || task->status == DN_STATUS_IN_PROGRESS;

  *days = 0;
  if (!g_date_valid (&task->due_date))
    return DUE_NONE;
  *days = g_date_days_between (today, &task->due_date);
  if (unfinished && *days < 0)
    return DUE_OVERDUE;
  if (unfinished && *days < DUE_SOON_DAYS)
    return DUE_SOON;
  return DUE_LATER;
}

/* Tooltips are made when asked for: on GTK 4.8 gtk_widget_set_tooltip_text()
 * asks the display server where the pointer is, each time, and binding the
 * table's 200 rows would do that a thousand times. */
static char *
cell_tooltip (Column  column,
              DnTask *task)
{
  switch (column)
    {
    case COLUMN_TITLE:
      return task->title[0] != '\0' ? g_strdup (task->title) : NULL;
    case COLUMN_LEAD:
      if (task->lead_unit_code[0] == '\0')
        return NULL;
      return g_strdup_printf ("%s (%s)", task->lead_unit_name, task->lead_unit_code);
    case COLUMN_SUPPORT:
      return task->support_unit_codes[0] != '\0' ? g_strdup (task->support_unit_codes) : NULL;
    case COLUMN_RECURRENCE:
      return task->recurrence != DN_RECURRENCE_NONE ? g_strdup (dn_recurrence_get_label (task->recurrence)) : NULL;
    case COLUMN_DUE:
      {
        GDate today;
        int days;

        dn_date_today (&today);
        switch (due_state (task, &today, &days))
          {
          case DUE_NONE:
            return task->id > 0 && task->title[0] != '\0' ? g_strdup (_("No due date")) : NULL;
          case DUE_OVERDUE:
            return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", -days), -days);
          case DUE_SOON:
            return days == 0 ? g_strdup (_("Due today"))
                             : g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days), days);
          case DUE_LATER:
          default:
            return NULL;
          }
      }
    case COLUMN_SECTION:
    case COLUMN_STATUS:
    case COLUMN_PROGRESS:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static gboolean
on_cell_query_tooltip_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  GtkListItem *item = user_data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "dn-column"));
  DnTaskRow *row = gtk_list_item_get_item (item);
  DnTask *task = row != NULL ? dn_task_row_get_task (row) : NULL;
  g_autofree char *text = NULL;

  if (task == NULL)
    return FALSE;
  text = cell_tooltip (column, task);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* on a cell's widget: the task it shows (a reference), and for the due
 * cell the day its state was computed for */
static GQuark bound_task_quark;
static GQuark bound_day_quark;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child;

  switch (column)
    {
    case COLUMN_DUE:
      {
        GtkWidget *image = gtk_image_new ();
        GtkWidget *text = cell_text (3, 10);

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_set_name (child, "due-cell");
        gtk_widget_add_css_class (text, "numeric");
        gtk_widget_set_hexpand (text, TRUE);
        gtk_widget_set_visible (image, FALSE);
        gtk_box_append (GTK_BOX (child), image);
        gtk_box_append (GTK_BOX (child), text);
      }
      break;
    case COLUMN_PROGRESS:
      child = g_object_new (DN_TYPE_TASK_PROGRESS_BAR, NULL);
      gtk_widget_add_css_class (child, "numeric");
      break;
    case COLUMN_TITLE:
      child = cell_text (24, 60);
      break;
    case COLUMN_SECTION:
    case COLUMN_LEAD:
    case COLUMN_SUPPORT:
    case COLUMN_RECURRENCE:
    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      child = cell_text (3, 12);
      break;
    }
  g_object_set_data (G_OBJECT (child), "dn-column", GINT_TO_POINTER (column));
  if (column == COLUMN_TITLE || column == COLUMN_LEAD || column == COLUMN_SUPPORT ||
      column == COLUMN_DUE || column == COLUMN_RECURRENCE)
    {
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect_object (child, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), item, 0);
    }
  gtk_list_item_set_child (item, child);
}

/* The widgets of the due cell change only with the state of the task:
 * most rows keep theirs when bound to another task. */
static void
bind_due (DnTaskListView *self,
          DnTask         *task,
          GtkWidget      *box)
{
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (image);
  DueState state = due_state (task, &self->today, &(int) { 0 });
  char buffer[32] = "";

  set_css_class (box, "dn-overdue", state == DUE_OVERDUE);
  set_css_class (box, "dn-due-soon", state == DUE_SOON);
  if (state == DUE_OVERDUE || state == DUE_SOON)
    {
      const char *icon = state == DUE_OVERDUE ? "dialog-warning-symbolic" : "alarm-symbolic";

      if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon) != 0)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
          gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          state == DUE_OVERDUE ? _("Overdue") : _("Due soon"), -1);
        }
    }
  gtk_widget_set_visible (image, state == DUE_OVERDUE || state == DUE_SOON);
  if (g_date_valid (&task->due_date))
    {
      g_autofree char *date = dn_date_format_short (&task->due_date);

      g_strlcpy (buffer, date, sizeof buffer);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (text), buffer);
}

/* Shows @task in the cell @child of @column. */
static void
show_task (DnTaskListView *self,
           Column          column,
           GtkWidget      *child,
           DnTask         *task)
{
  /* GTK 4.8 binds a row again whenever its selection changes, and a new
   * result often lists the same task at the same position */
  if (g_object_get_qdata (G_OBJECT (child), bound_task_quark) == task &&
      (column != COLUMN_DUE || GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (child), bound_day_quark))
                               == g_date_get_julian (&self->today)))
    return;
  /* a reference: a task at the same address is the same task */
  g_object_set_qdata_full (G_OBJECT (child), bound_task_quark, g_object_ref (task), g_object_unref);
  if (column == COLUMN_DUE)
    g_object_set_qdata (G_OBJECT (child), bound_day_quark, GUINT_TO_POINTER (g_date_get_julian (&self->today)));
  switch (column)
    {
    case COLUMN_SECTION:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), task->section);
      break;
    case COLUMN_TITLE:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), task->title);
      break;
    case COLUMN_LEAD:
      gtk_inscription_set_text (GTK_INSCRIPTION (child),
                                task->lead_unit_name[0] != '\0' ? task->lead_unit_name : task->lead_unit_code);
      break;
    case COLUMN_SUPPORT:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), task->support_unit_codes);
      break;
    case COLUMN_DUE:
      bind_due (self, task, child);
      break;
    case COLUMN_RECURRENCE:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), task->recurrence == DN_RECURRENCE_NONE
                                                         ? "" : dn_recurrence_get_label (task->recurrence));
      break;
    case COLUMN_STATUS:
      gtk_inscription_set_text (GTK_INSCRIPTION (child), task->id > 0 && task->title[0] != '\0'
                                                         ? dn_status_get_label (task->status) : "");
      set_css_class (child, "dim-label", task->status == DN_STATUS_DONE || task->status == DN_STATUS_CANCELLED);
      break;
    case COLUMN_PROGRESS:
      dn_task_progress_bar_set_percent (DN_TASK_PROGRESS_BAR (child), task->progress);
      break;
    case N_COLUMNS:
    default:
      break;
    }
}

/* The rows GTK keeps (about 200) are bound when the list changes, most of
 * them out of sight: their cells are filled just after (show_deferred()),
 * so that the frame showing the new list redraws only the rows in sight. */
#define SIGHT_MARGIN 3

static gboolean show_deferred_cb (gpointer user_data);

static void
stop_waiting_for_paint (DnTaskListView *self)
{
  if (self->deferred_clock == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->deferred_clock, self);
  g_clear_object (&self->deferred_clock);
}

static void
on_after_paint_cb (GdkFrameClock  *clock,
                   DnTaskListView *self)
{
  stop_waiting_for_paint (self);
  if (self->deferred_id == 0 && self->deferred != NULL && g_hash_table_size (self->deferred) > 0)
    self->deferred_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_deferred_cb, self, NULL);
}

/* The deferred cells are filled once the frame showing the cells in sight
 * is painted, a little at a time. */
static void
schedule_deferred (DnTaskListView *self)
{
  GdkFrameClock *clock;

  if (self->deferred_id != 0 || self->deferred_clock != NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    {
      self->deferred_clock = g_object_ref (clock);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
    }
  else
    self->deferred_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_deferred_cb, self, NULL);
}

static gboolean
row_in_sight (DnTaskListView *self,
              guint           position)
{
  if (self->row_height <= 0)
    return TRUE;
  return position + 1 + SIGHT_MARGIN > self->view_top && position < self->view_top + self->view_rows + SIGHT_MARGIN;
}

/* Shows the task of @item's row in its cell @child: now if in sight, else
 * a little later. */
static void
update_cell (DnTaskListView *self,
             GtkWidget      *child,
             GtkListItem    *item)
{
  DnTaskRow *row = gtk_list_item_get_item (item);
  DnTask *task = row != NULL ? dn_task_row_get_task (row) : NULL;

  if (task == NULL)
    return;
  if (self->deferred == NULL || row_in_sight (self, gtk_list_item_get_position (item)))
    {
      show_task (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "dn-column")), child, task);
      if (self->deferred != NULL)
        g_hash_table_remove (self->deferred, child);
      return;
    }
  if (!g_hash_table_contains (self->deferred, child))
    g_hash_table_insert (self->deferred, g_object_ref (child), item);
  schedule_deferred (self);
}

/* Fills the deferred cells: those in sight only, or all of them until
 * @deadline (0: no limit). FALSE when some are left. */
static gboolean
show_deferred (DnTaskListView *self,
               gboolean        in_sight_only,
               gint64          deadline)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  if (self->deferred == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, self->deferred);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *child = key;
      GtkListItem *item = value;
      DnTaskRow *row = gtk_list_item_get_item (item);
      DnTask *task;

      if (in_sight_only && !row_in_sight (self, gtk_list_item_get_position (item)))
        continue;
      task = row != NULL ? dn_task_row_get_task (row) : NULL;
      if (task != NULL)
        show_task (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "dn-column")), child, task);
      g_hash_table_iter_remove (&iter);
      if (deadline > 0 && ++n % 16 == 0 && g_get_monotonic_time () > deadline)
        return FALSE;
    }
  return in_sight_only ? g_hash_table_size (self->deferred) == 0 : TRUE;
}

static gboolean
show_deferred_cb (gpointer user_data)
{
  DnTaskListView *self = user_data;

  /* a few milliseconds at a time: input and frames go first */
  if (!show_deferred (self, FALSE, g_get_monotonic_time () + 3000))
    return G_SOURCE_CONTINUE;
  self->deferred_id = 0;
  return G_SOURCE_REMOVE;
}

/* After a new result: every cell bound shows the task of its row now. */
static void
refresh_cells (DnTaskListView *self)
{
  GHashTableIter iter;
  gpointer key, value;

  if (self->cells == NULL)
    return;
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    update_cell (self, key, value);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  DnTaskListView *self = user_data;
  GtkWidget *child = gtk_list_item_get_child (item);

  if (self->cells != NULL)
    g_hash_table_insert (self->cells, child, item);
  update_cell (self, child, item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  DnTaskListView *self = user_data;
  GtkWidget *child = gtk_list_item_get_child (item);

  if (self->cells != NULL)
    g_hash_table_remove (self->cells, child);
  if (self->deferred != NULL)
    g_hash_table_remove (self->deferred, child);
}

/* Where the view is, in rows: from the vertical adjustment, which the list
 * sets when it lays its rows out (they all have one height). */
static void
on_vadjustment_changed_cb (DnTaskListView *self,
                           GtkAdjustment  *adjustment)
{
  guint n = self->rows != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
  double upper = gtk_adjustment_get_upper (adjustment);

  if (n == 0 || upper <= 0)
    return;
  self->row_height = upper / n;
  self->view_top = gtk_adjustment_get_value (adjustment) / self->row_height;
  self->view_rows = gtk_adjustment_get_page_size (adjustment) / self->row_height;
  show_deferred (self, TRUE, 0);
}

static void
add_column (DnTaskListView *self,
            Column          column,
            const char     *title,
            int             width,
            gboolean        sortable)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  if (sortable)
    {
      g_autoptr(GtkCustomSorter) sorter = NULL;

      self->probes[column].self = self;
      self->probes[column].column = column;
      sorter = gtk_custom_sorter_new (probe_compare_cb, &self->probes[column], NULL);
      gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
    }
  gtk_column_view_append_column (self->column_view, col);
  self->columns[column] = col;
  g_object_unref (col);
}

/*
 * Drop-down items
 */

/* the whole text of a shortened label */
static gboolean
on_label_query_tooltip_cb (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip,
                           gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
setup_dropdown_label_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int max_chars = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (max_chars, 10));
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_label_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_unit_button_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  DnUnit *unit = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), unit->name);
}

static void
bind_unit_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  DnUnit *unit = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), unit->name);
  gtk_widget_set_margin_start (label, 18 * (int) MIN (unit->depth, 8));
  if (unit->id == 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static char *
document_label (DnDocument *document)
{
  g_autofree char *reference = NULL;

  if (document->id == 0)
    return g_strdup (document->subject);
  reference = dn_document_dup_reference (document);
  if (reference[0] == '\0')
    return g_strdup (document->subject);
  return g_strdup_printf ("%s — %s", reference, document->subject);
}

static void
bind_document_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  DnDocument *document = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = document_label (document);

  gtk_label_set_text (GTK_LABEL (label), text);
}

/* Searching the drop-downs.
 *
 * GtkDropDown (4.8) keeps the items whose search string starts with what was
 * typed, with accents. Officers type a word from the middle of a name and
 * often without accents ("lung phinh" for "Trường Mầm non Lùng Phình 9"). So
 * the drop-down's own search field is watched: the search string of an item
 * that contains the typed words (folded) begins with the typed text itself,
 * which GTK then accepts. Without that field, names match by their start. */

typedef struct
{
  char *typed;   /* as typed */
  char *folded;  /* folded, for matching */
} DropdownSearch;

static void
dropdown_search_free (gpointer data)
{
  DropdownSearch *search = data;

  g_free (search->typed);
  g_free (search->folded);
  g_free (search);
}

static void
on_dropdown_search_text_cb (GtkEditable    *editable,
                            DropdownSearch *search)
{
  const char *text = gtk_editable_get_text (editable);

  g_free (search->typed);
  g_free (search->folded);
  search->typed = g_strdup (text);
  search->folded = dn_text_fold (text, -1);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* every word of @words (folded) occurs in @folded */
static gboolean
folded_match (const char *folded,
              const char *words)
{
  g_auto(GStrv) parts = g_strsplit (words, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && strstr (folded, parts[i]) == NULL)
      return FALSE;
  return TRUE;
}

static char *
search_string (const char     *shown,
               const char     *code,
               DropdownSearch *search)
{
  g_autofree char *haystack = g_strdup_printf ("%s %s", shown, code);
  g_autofree char *folded = NULL;

  if (search == NULL || search->folded == NULL || search->folded[0] == '\0')
    return g_strdup (shown);
  folded = dn_text_fold (haystack, -1);
  if (folded != NULL && folded_match (folded, search->folded))
    return g_strconcat (search->typed, " ", shown, NULL);
  return g_strdup (shown);
}

static char *
unit_search_text (DnUnit         *unit,
                  DropdownSearch *search)
{
  return search_string (unit->name, unit->code, search);
}

static char *
document_search_text (DnDocument     *document,
                      DropdownSearch *search)
{
  g_autofree char *label = document_label (document);

  return search_string (label, "", search);
}

static void
setup_dropdown (GtkDropDown *dropdown,
                GListModel  *model,
                GCallback    bind_button,
                GCallback    bind_row,
                GCallback    search_text)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();
  DropdownSearch *search = g_new0 (DropdownSearch, 1);
  GtkWidget *entry = find_search_entry (GTK_WIDGET (dropdown));
  GtkExpression *expression;

  /* the search state lives as long as the drop-down */
  g_object_set_data_full (G_OBJECT (dropdown), "dn-search", search, dropdown_search_free);
  if (entry != NULL)
    g_signal_connect (entry, "changed", G_CALLBACK (on_dropdown_search_text_cb), search);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, search_text, search, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_dropdown_label_cb), GINT_TO_POINTER (24));
  g_signal_connect (factory, "bind", bind_button, NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_dropdown_label_cb), GINT_TO_POINTER (60));
  g_signal_connect (list_factory, "bind", bind_row, NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, model);
  gtk_expression_unref (expression);
  g_object_unref (factory);
  g_object_unref (list_factory);
}

/*
 * Dialogs
 */

static void
on_editor_saved_cb (DnTaskListView *self,
                    gint64          task_id)
{
  if (self->model == NULL)
    return;
  /* the store's "changed" normally reloaded the list already */
  if (dn_task_list_model_find (self->model, task_id) == G_MAXUINT)
    reload (self);
  if (!select_task (self, task_id))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (DN_IS_WINDOW (root))
        dn_window_show_message (DN_WINDOW (root),
                                _("The task was saved. The filters hide it: clear them to see it."));
    }
}

static void
open_editor (DnTaskListView *self,
             DnTask         *task)
{
  DnTaskEditor *editor;
  GtkWindow *parent = root_window (self);

  if (self->store == NULL)
    return;
  editor = dn_task_editor_new (self->store, task);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (editor), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (editor), TRUE);
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static gboolean
restore_task_cb (DnStore   *store,
                 gpointer   data,
                 GError   **error)
{
  return dn_store_restore_task (store, *(gint64 *) data, error);
}

/*
 * Actions
 */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  dn_task_list_view_new_task (DN_TASK_LIST_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (widget);
  gint64 id = selected_task_id (self);
  g_autoptr(DnTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (id <= 0)
    return;
  /* a fresh copy: the list's rows may be older than the last edit */
  task = dn_store_get_task (self->store, id, &error);
  if (task == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      if (DN_IS_WINDOW (root))
        dn_window_show_message (DN_WINDOW (root), error->message);
      return;
    }
  open_editor (self, task);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (widget);
  gint64 id = selected_task_id (self);

  if (id > 0)
    dn_task_list_view_open_task (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (widget);
  g_autoptr(DnTask) task = dup_selected_task (self);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (task == NULL || task->id <= 0 || self->store == NULL)
    return;
  id = task->id;
  if (!dn_store_delete_task (self->store, id, &error))
    {
      if (DN_IS_WINDOW (root))
        dn_window_show_message (DN_WINDOW (root), error->message);
      else
        g_warning ("Cannot delete task %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  if (!DN_IS_WINDOW (root))
    return;
  if (g_utf8_strlen (task->title, -1) > MAX_TITLE_IN_MESSAGE)
    {
      g_autofree char *start = g_utf8_substring (task->title, 0, MAX_TITLE_IN_MESSAGE - 1);
      title = g_strconcat (start, "…", NULL);
    }
  else
    title = g_strdup (task->title);
  message = g_strdup_printf (_("Task “%s” deleted."), title);
  dn_window_push_undo (DN_WINDOW (root), message, restore_task_cb, g_memdup2 (&id, sizeof id), g_free);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (widget);

  reset_filters (self);
  reload_async (self);
}

/*
 * Signal handlers
 */

/* A hidden view reads the store again only when it is shown (or asked). */
static void
ensure_loaded (DnTaskListView *self)
{
  if (!self->dirty || self->model == NULL)
    return;
  load_units (self);
  load_documents (self);
  reload_full (self, TRUE);
}

/* New filters from code: applied now when the view is shown, else when it
 * is (or when the list is asked for), from the top. */
static void
reload_or_defer (DnTaskListView *self)
{
  GtkAdjustment *adjustment;

  if (self->model == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      reload (self);
      return;
    }
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, 0);
  self->dirty = TRUE;
  update_actions (self);
}

static void
on_store_changed_cb (DnTaskListView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

static void
on_selection_changed_cb (DnTaskListView *self)
{
  update_actions (self);
}

static void
on_row_activated_cb (DnTaskListView *self,
                     guint           position)
{
  g_autoptr(DnTask) task = NULL;

  if (self->model == NULL)
    return;
  task = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (task != NULL && task->id > 0)
    dn_task_list_view_open_task (self, task->id);
}

static void
on_filter_changed_cb (DnTaskListView *self)
{
  if (self->updating > 0)
    return;
  reload_async (self);
}

static void
on_search_changed_cb (DnTaskListView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->updating > 0 || g_strcmp0 (text[0] != '\0' ? text : NULL, self->search_text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = text[0] != '\0' ? g_strdup (text) : NULL;
  reload_async (self);
}

static void
on_search_stop_cb (DnTaskListView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_my_unit_toggled_cb (DnTaskListView *self)
{
  if (self->updating > 0)
    return;
  /* the unit drop-down shows which unit "My unit" means */
  self->updating++;
  if (gtk_toggle_button_get_active (self->my_unit_toggle))
    select_unit (self, self->my_unit_id);
  else if (selected_unit_id (self) == self->my_unit_id)
    gtk_drop_down_set_selected (self->unit_dropdown, 0);
  self->updating--;
  reload_async (self);
}

static void
on_unit_selected_cb (DnTaskListView *self)
{
  if (self->updating > 0)
    return;
  /* choosing another unit leaves "My unit" */
  if (gtk_toggle_button_get_active (self->my_unit_toggle) && selected_unit_id (self) != self->my_unit_id)
    {
      self->updating++;
      gtk_toggle_button_set_active (self->my_unit_toggle, FALSE);
      self->updating--;
    }
  reload_async (self);
}

/*
 * GObject overrides
 */

static void
dn_task_list_view_dispose (GObject *object)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* the columns go away with the table: no re-sorting on the way out */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_clear_handle_id (&self->deferred_id, g_source_remove);
  stop_waiting_for_paint (self);
  g_clear_pointer (&self->deferred, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_TASK_LIST_VIEW);
  memset (self->columns, 0, sizeof self->columns);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->spare != NULL)
    g_signal_handlers_disconnect_by_data (self->spare, self);
  g_clear_object (&self->model);
  g_clear_object (&self->spare);
  g_clear_object (&self->units);
  g_clear_object (&self->documents);
  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_task_list_view_parent_class)->dispose (object);
}

static void
dn_task_list_view_map (GtkWidget *widget)
{
  ensure_loaded (DN_TASK_LIST_VIEW (widget));
  GTK_WIDGET_CLASS (dn_task_list_view_parent_class)->map (widget);
}

static void
dn_task_list_view_finalize (GObject *object)
{
  DnTaskListView *self = DN_TASK_LIST_VIEW (object);

  g_free (self->count_text);
  g_free (self->search_text);

  G_OBJECT_CLASS (dn_task_list_view_parent_class)->finalize (object);
}

static void
dn_task_list_view_class_init (DnTaskListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_task_list_view_dispose;
  object_class->finalize = dn_task_list_view_finalize;
  bound_task_quark = g_quark_from_static_string ("dn-bound-task");
  bound_day_quark = g_quark_from_static_string ("dn-bound-day");
  widget_class->map = dn_task_list_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/doingoai/DoiNgoai/ui/dn-task-list-view.ui");
  /* GTK 4.8 unparents only the bound children on dispose */
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, main_box);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, my_unit_toggle);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, sub_units_check);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, lead_only_check);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, empty_title);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, empty_description);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, DnTaskListView, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_my_unit_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "tasks.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "tasks.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "tasks.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "tasks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "tasks.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "tasks.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "tasks.delete", NULL);
}

static void
dn_task_list_view_init (DnTaskListView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort = DN_TASK_SORT_DUE;
  dn_date_today (&self->today);
  self->probe_items[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_items[1] = g_object_new (G_TYPE_OBJECT, NULL);

  gtk_string_list_append (statuses, _("All statuses"));
  gtk_string_list_append (statuses, _("Not finished"));
  for (int s = 0; s < DN_STATUS_N; s++)
    gtk_string_list_append (statuses, dn_status_get_label ((DnStatus) s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->units = g_list_store_new (DN_TYPE_UNIT);
  self->documents = g_list_store_new (DN_TYPE_DOCUMENT);
  {
    g_autoptr(DnUnit) all_units = all_units_item ();
    g_autoptr(DnDocument) all_documents = all_documents_item ();

    g_list_store_append (self->units, all_units);
    g_list_store_append (self->documents, all_documents);
  }
  self->updating++;
  setup_dropdown (self->unit_dropdown, G_LIST_MODEL (self->units), G_CALLBACK (bind_unit_button_cb),
                  G_CALLBACK (bind_unit_row_cb), G_CALLBACK (unit_search_text));
  setup_dropdown (self->document_dropdown, G_LIST_MODEL (self->documents), G_CALLBACK (bind_document_cb),
                  G_CALLBACK (bind_document_cb), G_CALLBACK (document_search_text));
  self->updating--;

  self->cells = g_hash_table_new (NULL, NULL);
  self->deferred = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

    if (adjustment != NULL)
      {
        g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_vadjustment_changed_cb), self,
                                 G_CONNECT_SWAPPED);
        g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_vadjustment_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      }
  }

  add_column (self, COLUMN_SECTION, _("Section"), 64, TRUE);
  add_column (self, COLUMN_TITLE, _("Task"), 0, TRUE);
  add_column (self, COLUMN_LEAD, _("Lead unit"), 150, TRUE);
  add_column (self, COLUMN_SUPPORT, _("Supporting units"), 130, FALSE);
  add_column (self, COLUMN_DUE, _("Due"), 112, TRUE);
  add_column (self, COLUMN_RECURRENCE, _("Repeats"), 100, TRUE);
  add_column (self, COLUMN_STATUS, _("Status"), 96, TRUE);
  add_column (self, COLUMN_PROGRESS, _("Progress"), 100, TRUE);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_DUE], GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
  update_actions (self);
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

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->spare != NULL)
    g_signal_handlers_disconnect_by_data (self->spare, self);
  g_clear_object (&self->model);
  g_clear_object (&self->spare);
  set_loading (self, FALSE);
  g_set_object (&self->store, store);
  if (store == NULL)
    {
      update_count (self);
      update_actions (self);
      return;
    }

  self->model = dn_task_list_model_new (store);
  self->spare = dn_task_list_model_new (store);
  g_signal_connect_object (self->model, "loaded", G_CALLBACK (on_model_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->spare, "loaded", G_CALLBACK (on_model_loaded_cb), self, G_CONNECT_SWAPPED);
  self->rows = g_object_new (DN_TYPE_TASK_ROWS, NULL);
  dn_task_rows_set_shown (self->rows, G_LIST_MODEL (self->model), FALSE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* the units and documents for presets now; the tasks when first shown */
  load_units (self);
  load_documents (self);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
  else
    update_actions (self);
}

void
dn_task_list_view_apply_preset (DnTaskListView *self,
                                const char     *preset)
{
  g_auto(GStrv) parts = NULL;
  gint64 id = 0;

  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  g_return_if_fail (preset != NULL);

  parts = g_strsplit (preset, ":", 3);
  if (parts[0] != NULL && parts[1] != NULL)
    id = g_ascii_strtoll (parts[1], NULL, 10);

  self->updating++;
  reset_filters (self);
  if (parts[0] == NULL || g_str_equal (parts[0], "all"))
    ;
  else if (g_str_equal (parts[0], "overdue"))
    gtk_toggle_button_set_active (self->overdue_toggle, TRUE);
  else if (g_str_equal (parts[0], "week"))
    {
      gtk_drop_down_set_selected (self->status_dropdown, STATUS_UNFINISHED);
      gtk_drop_down_set_selected (self->period_dropdown, PERIOD_NEXT_DAYS);
    }
  else if (g_str_equal (parts[0], "lead") && id > 0)
    {
      select_unit (self, id);
      gtk_check_button_set_active (self->sub_units_check, FALSE);
      gtk_check_button_set_active (self->lead_only_check, TRUE);
      if (parts[2] != NULL && g_str_equal (parts[2], "quarter"))
        gtk_drop_down_set_selected (self->period_dropdown, PERIOD_QUARTER);
    }
  else if (g_str_equal (parts[0], "document") && id > 0)
    select_document (self, id);
  else if (g_str_equal (parts[0], "unit") && id > 0)
    select_unit (self, id);
  else
    g_warning ("Unknown task list preset “%s”", preset);
  self->updating--;
  reload_or_defer (self);
}

void
dn_task_list_view_set_my_unit (DnTaskListView *self,
                               gint64          unit_id)
{
  gint64 old;

  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));

  unit_id = MAX (unit_id, 0);
  if (unit_id == self->my_unit_id)
    return;
  old = self->my_unit_id;
  self->my_unit_id = unit_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->my_unit_toggle), unit_id > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->my_unit_toggle),
                               unit_id > 0 ? _("Only the tasks of my unit (set in Preferences)")
                                           : _("Choose your unit in Preferences to use this filter"));
  self->updating++;
  gtk_toggle_button_set_active (self->my_unit_toggle, unit_id > 0);
  if (unit_id > 0)
    select_unit (self, unit_id);
  else if (old > 0 && selected_unit_id (self) == old)
    gtk_drop_down_set_selected (self->unit_dropdown, 0);
  self->updating--;
  reload_or_defer (self);
}

void
dn_task_list_view_open_task (DnTaskListView *self,
                             gint64          task_id)
{
  GtkWindow *parent;
  DnTaskDetails *details = NULL;
  g_autoptr(GListModel) toplevels = NULL;

  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  if (self->store == NULL || task_id <= 0)
    return;

  ensure_loaded (self);
  select_task (self, task_id);
  parent = root_window (self);
  /* a task already open comes to the front instead of opening twice */
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; details == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DN_IS_TASK_DETAILS (window) && dn_task_details_get_task (DN_TASK_DETAILS (window)) == task_id &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == parent)
        details = DN_TASK_DETAILS (window);
    }
  if (details == NULL)
    {
      details = dn_task_details_new (self->store, task_id);
      if (parent != NULL)
        {
          gtk_window_set_transient_for (GTK_WINDOW (details), parent);
          gtk_window_set_destroy_with_parent (GTK_WINDOW (details), TRUE);
        }
    }
  gtk_window_present (GTK_WINDOW (details));
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

  if (text == NULL)
    text = "";
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  self->updating--;
  g_free (self->search_text);
  self->search_text = text[0] != '\0' ? g_strdup (text) : NULL;
  reload_or_defer (self);
}

DnTaskListModel *
dn_task_list_view_get_model (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), NULL);
  ensure_loaded (self);
  return self->model;
}

const char *
dn_task_list_view_get_count_text (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), NULL);
  ensure_loaded (self);
  return self->count_text;
}

void
dn_task_list_view_sort_by (DnTaskListView *self,
                           DnTaskSort      sort,
                           gboolean        descending)
{
  Column column = COLUMN_DUE;

  g_return_if_fail (DN_IS_TASK_LIST_VIEW (self));
  for (int c = 0; c < N_COLUMNS; c++)
    if (c != COLUMN_SUPPORT && column_sort ((Column) c) == sort)
      column = (Column) c;
  /* through the header, so the arrow shows the order */
  self->sync_sort = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->columns[column],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->sync_sort = FALSE;
}

gboolean
dn_task_list_view_is_loading (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), FALSE);
  return self->loading;
}

DnTaskSort
dn_task_list_view_get_sort (DnTaskListView *self,
                            gboolean       *descending)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), DN_TASK_SORT_DUE);
  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

gint64
dn_task_list_view_get_selected_task (DnTaskListView *self)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), 0);
  return selected_task_id (self);
}

gboolean
dn_task_list_view_select_task (DnTaskListView *self,
                               gint64          task_id)
{
  g_return_val_if_fail (DN_IS_TASK_LIST_VIEW (self), FALSE);
  ensure_loaded (self);
  return select_task (self, task_id);
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
