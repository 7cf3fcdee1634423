/* bench-ui.c: the task list of the interface on a province's worth of data
 *
 *   bench-ui [--runs N] [--large DBPATH] [--size WxH] [DBPATH]
 *
 * On the database of bench-core (100 000 tasks; made by bench-core on its
 * first run), under a display (Xvfb), it measures each renderer in turn,
 * GTK's default one (GSK_RENDERER unset) and cairo, each in processes of
 * its own, and prints for each:
 *   - a bare GTK window (one search field) as the floor: launch to its first
 *     frame, and the longest main-loop stall of a keystroke in its field;
 *   - the time from launching a new process to the first frame of the task
 *     list with its first rows, on DBPATH and (--large) on a database ten
 *     times larger (opened read-only), with the ratios;
 *   - for each keystroke of "ho chieu" typed in the task search, and for the
 *     "Overdue" filter: the time the main loop spends handling it, the
 *     longest main-loop stall until the new list is on screen and counted,
 *     the time until it is drawn, the frames drawn meanwhile and the longest
 *     of them (its layout, and its snapshot and rendering);
 *   - for an edit of a task (its title changed through the store, as the
 *     editor saves it), with the task list shown and with the overview
 *     shown: the same figures, until everything visible is updated;
 *   - then both renderers side by side.
 * Windows are 1280x800 unless --size says otherwise.
 * Aims (issue): a keystroke's longest stall < 16 ms on both renderers; first
 * frame within 2x the bare window's; 1.2x at most from DBPATH to --large.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-ui"

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dn-overview-page.h"
#include "dn-task-list-view.h"
#include "dn-ui.h"
#include "dn-ui-testing.h"
#include "dn-window.h"

/* the renderers measured, each in processes of its own: NULL is GTK's
 * default (GSK_RENDERER unset) */
static const char *renderers[] = { NULL, "cairo" };
static const char *typed[] = { "h", "ho", "ho ", "ho c", "ho ch", "ho chi", "ho chie", "ho chieu" };

static gint64 start_time;
/* the windows' size (--size WxH) */
static int window_width = 1280, window_height = 800;
static const char *size_arg = "1280x800";
/* launch: when the store was open, the window built, and its first frame began */
static gint64 store_opened, window_built, first_paint_began;
static guint paint_count;
static gint64 last_probe;
static gint64 max_gap;

/* the frames drawn during a measurement: how many, the longest (from the
 * frame clock's "before-paint" to its "after-paint") and, of that one, the
 * layout and then the snapshot and rendering */
static gint64 frame_began, frame_laid_out, frame_painted;
static guint frames;
static gint64 longest_frame, longest_layout, longest_render;

/* per edit, ms: in dn_store_update_task() until the store emits "changed"
 * (the SQL and the commit), then in the handlers of "changed" */
static gint64 changed_at;

static void
on_store_changed_first (DnStore *store,
                        gpointer user_data)
{
  changed_at = g_get_monotonic_time ();
}

static DnTaskListView *
find_list_view (GtkWidget *widget)
{
  if (DN_IS_TASK_LIST_VIEW (widget))
    return DN_TASK_LIST_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      DnTaskListView *found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_began = g_get_monotonic_time ();
  frame_laid_out = frame_painted = 0;
  if (first_paint_began == 0)
    first_paint_began = frame_began;
}

/* connected after GTK's own handlers: the end of each phase */
static void
on_layout (GdkFrameClock *clock,
           gpointer       user_data)
{
  frame_laid_out = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          gpointer       user_data)
{
  frame_painted = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  paint_count++;
  frames++;
  if (frame_began > 0 && now - frame_began > longest_frame)
    {
      longest_frame = now - frame_began;
      /* a frame with nothing to lay out has no layout phase */
      longest_layout = frame_laid_out > 0 ? frame_laid_out - frame_began : 0;
      longest_render = frame_painted > 0 ? frame_painted - (frame_laid_out > 0 ? frame_laid_out : frame_began) : 0;
    }
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static gboolean
probe_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_probe > 0 && now - last_probe > max_gap)
    max_gap = now - last_probe;
  last_probe = now;
  return G_SOURCE_CONTINUE;
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_overview (GtkWidget *widget)
{
  if (DN_IS_OVERVIEW_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overview (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  DnTaskListView *view;       /* NULL in the bare window */
  GtkWidget      *entry;      /* the search field typed into */
  GtkWidget      *window;
  GtkWidget      *overview;
  guint           paints;
  gint64          loaded_at;  /* when the views shown stopped loading */
  gint64          done_at;    /* when that was drawn (or found to change nothing) */
} Ctx;

/* A page that reads the store off the main loop has a "loading" property
 * (a page that reads synchronously is never loading). */
static gboolean
page_is_loading (GtkWidget *page)
{
  gboolean loading = FALSE;

  if (page != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (page), "loading") != NULL)
    g_object_get (page, "loading", &loading, NULL);
  return loading;
}

/* The table's widget, found by its name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first frame showing rows of the list (its count may come later):
 * the rows as the table has them (asking the view for its model would
 * read them at once). */
static gboolean
first_frame_done (gpointer data)
{
  Ctx *ctx = data;
  GtkWidget *table = find_named (GTK_WIDGET (ctx->view), "task-table");
  GtkSelectionModel *model = table != NULL ? gtk_column_view_get_model (GTK_COLUMN_VIEW (table)) : NULL;

  if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (ctx->view)))
    {
      ctx->paints = paint_count;
      return FALSE;
    }
  return paint_count > ctx->paints;
}

static gboolean
loaded_and_painted (gpointer data)
{
  Ctx *ctx = data;

  gint64 now = g_get_monotonic_time ();

  if ((ctx->view != NULL && dn_task_list_view_is_loading (ctx->view)) ||
      (ctx->overview != NULL && gtk_widget_get_mapped (ctx->overview) && page_is_loading (ctx->overview)))
    {
      ctx->paints = paint_count;
      ctx->loaded_at = 0;
      return FALSE;
    }
  if (ctx->loaded_at == 0)
    ctx->loaded_at = now;
  if (paint_count > ctx->paints)
    {
      ctx->done_at = now;
      return TRUE;
    }
  /* what was read changed nothing on screen: no frame comes */
  if (now - ctx->loaded_at > 250 * 1000)
    {
      ctx->done_at = ctx->loaded_at;
      return TRUE;
    }
  return FALSE;
}

static Ctx *
open_window (const char *db,
             gboolean    read_only)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = dn_store_open (db, DN_STORE_OPEN_NO_CREATE | (read_only ? DN_STORE_OPEN_READ_ONLY : 0), &error);
  Ctx *ctx = g_new0 (Ctx, 1);

  /* styled as the application styles it */
  dn_ui_add_style ();
  if (store == NULL)
    {
      g_printerr ("%s\n(run bench-core first: it makes the database)\n", error->message);
      exit (1);
    }
  store_opened = g_get_monotonic_time ();
  /* before any view's: the time the write itself took */
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_first), NULL);
  ctx->window = GTK_WIDGET (dn_window_new (NULL, store));
  window_built = g_get_monotonic_time ();
  g_object_unref (store);
  gtk_window_set_default_size (GTK_WINDOW (ctx->window), window_width, window_height);
  dn_window_show_section (DN_WINDOW (ctx->window), "tasks");
  ctx->view = find_list_view (ctx->window);
  ctx->entry = dn_task_list_view_get_search_entry (ctx->view);
  ctx->overview = find_overview (ctx->window);
  gtk_widget_realize (ctx->window);
  watch_frames (ctx->window);
  ctx->paints = paint_count;
  gtk_window_present (GTK_WINDOW (ctx->window));
  spin_until (first_frame_done, ctx, 60000);
  return ctx;
}

/* The floor: a window of the same size with one search field. */
static gboolean
bare_first_frame_done (gpointer data)
{
  Ctx *ctx = data;

  return paint_count > ctx->paints;
}

static Ctx *
open_bare_window (void)
{
  Ctx *ctx = g_new0 (Ctx, 1);

  ctx->window = gtk_window_new ();
  ctx->entry = gtk_search_entry_new ();
  gtk_widget_set_valign (ctx->entry, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (ctx->window), ctx->entry);
  gtk_window_set_default_size (GTK_WINDOW (ctx->window), window_width, window_height);
  gtk_widget_realize (ctx->window);
  watch_frames (ctx->window);
  ctx->paints = paint_count;
  gtk_window_present (GTK_WINDOW (ctx->window));
  spin_until (bare_first_frame_done, ctx, 20000);
  return ctx;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len == 0 ? 0 : g_array_index (values, double, values->len / 2);
}

typedef struct
{
  GArray *handle;   /* ms on the main loop handling the input */
  GArray *stall;    /* ms, longest main-loop stall until drawn */
  GArray *drawn;    /* ms until the new list was drawn */
  GArray *frames;   /* frames drawn meanwhile */
  GArray *frame;    /* ms, the longest of them */
  GArray *layout;   /* ms, its layout */
  GArray *render;   /* ms, its snapshot and rendering */
} Figures;

static void
figures_init (Figures *f)
{
  GArray **arrays[] = { &f->handle, &f->stall, &f->drawn, &f->frames, &f->frame, &f->layout, &f->render };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    *arrays[i] = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
append (GArray *array, double v)
{
  g_array_append_val (array, v);
}

/* Applies one input (@apply) and measures it. */
static void
measure (Ctx *ctx, void (*apply) (Ctx *, gpointer), gpointer data, Figures *f)
{
  gint64 t0, t1, t2;
  guint probe;

  /* let pending work settle first */
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  probe = g_timeout_add (1, probe_cb, NULL);
  last_probe = 0;
  max_gap = 0;
  frames = 0;
  longest_frame = longest_layout = longest_render = 0;
  ctx->paints = paint_count;
  ctx->loaded_at = 0;
  ctx->done_at = 0;
  t0 = g_get_monotonic_time ();
  apply (ctx, data);
  t1 = g_get_monotonic_time ();
  last_probe = t1;
  spin_until (loaded_and_painted, ctx, 10000);
  t2 = ctx->done_at > 0 ? ctx->done_at : g_get_monotonic_time ();
  /* the last gap, which holds the frame just drawn */
  probe_cb (NULL);
  g_source_remove (probe);
  append (f->handle, (t1 - t0) / 1000.0);
  append (f->stall, MAX (max_gap, t1 - t0) / 1000.0);
  append (f->drawn, (t2 - t0) / 1000.0);
  append (f->frames, frames);
  append (f->frame, longest_frame / 1000.0);
  append (f->layout, longest_layout / 1000.0);
  append (f->render, longest_render / 1000.0);
}

static void
type_text (Ctx *ctx, gpointer data)
{
  gtk_editable_set_text (GTK_EDITABLE (ctx->entry), data);
}

static void
toggle_overdue (Ctx *ctx, gpointer data)
{
  GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (dn_task_list_view_get_overdue_toggle (ctx->view));
  gtk_toggle_button_set_active (toggle, !gtk_toggle_button_get_active (toggle));
}

typedef struct
{
  gint64  id;
  GArray *writes;    /* ms in dn_store_update_task() until "changed" */
  GArray *handlers;  /* ms in the handlers of "changed" */
} Edit;

static void
edit_init (Edit *edit, gint64 id)
{
  edit->id = id;
  edit->writes = g_array_new (FALSE, FALSE, sizeof (double));
  edit->handlers = g_array_new (FALSE, FALSE, sizeof (double));
}

/* The first task of the list, on screen: its title changed and saved, as
 * the task editor does. */
static void
edit_task (Ctx *ctx, gpointer data)
{
  /* not through the list view: asking it for its model makes a hidden
   * one read the store at once */
  DnStore *store = dn_window_get_store (DN_WINDOW (ctx->window));
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = NULL;
  Edit *edit = data;
  const char *mark = " (sửa)";
  gint64 t0;

  task = dn_store_get_task (store, edit->id, &error);
  if (task == NULL)
    g_error ("%s", error->message);
  if (g_str_has_suffix (task->title, mark))
    task->title[strlen (task->title) - strlen (mark)] = '\0';
  else
    {
      char *title = g_strconcat (task->title, mark, NULL);
      g_free (task->title);
      task->title = title;
    }
  t0 = g_get_monotonic_time ();
  changed_at = 0;
  if (!dn_store_update_task (store, task, &error))
    g_error ("%s", error->message);
  if (changed_at > 0)
    {
      append (edit->writes, (changed_at - t0) / 1000.0);
      append (edit->handlers, (g_get_monotonic_time () - changed_at) / 1000.0);
    }
}

static void
print_header (const char *what)
{
  printf ("%-16s %8s %9s %8s %6s %15s\n", what, "handling", "max stall", "drawn", "frames",
          "longest frame");
  printf ("%-16s %8s %9s %8s %6s %15s\n", "", "", "", "after", "", "(layout+render)");
}

/* Prints one line of medians, and a line "@NAME STALL FRAME" the parent
 * process reads. */
static void
print_row (const char *label, const char *name, Figures *f)
{
  double handle = median (f->handle), stall = median (f->stall), drawn = median (f->drawn);
  double frame = median (f->frame);

  printf ("%-16s %8.2f %9.2f %8.1f %6.0f %6.1f (%.1f+%.1f) %s\n", label, handle, stall, drawn,
          median (f->frames), frame, median (f->layout), median (f->render),
          stall < 16 ? "ok" : "MISSED");
  printf ("@%s %.2f %.2f\n", name, stall, frame);
}

static const char *
renderer_name (GtkWidget *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  return renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none";
}

/*
 * Child processes: one renderer each (the parent sets GSK_RENDERER)
 */

/* --first-frame DB / --bare-first-frame: prints the monotonic time of the
 * first frame, which the parent compares with when it started the process */
static int
child_first_frame (const char *db)
{
  gint64 inited;

  gtk_init ();
  inited = g_get_monotonic_time ();
  frames = 0;
  longest_frame = longest_layout = longest_render = 0;
  if (db != NULL)
    open_window (db, TRUE);
  else
    open_bare_window ();
  printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  /* where the time went, from main: GTK's start, then the window built and
   * its frames; the longest of them (layout + render) */
  printf ("# gtk_init %.1f ms, store open %.1f, window built %.1f, realized and shown until its first "
          "frame began %.1f, frames until rows shown %.1f ms: %u frames, the longest %.1f ms (%.1f + %.1f)\n",
          (inited - start_time) / 1000.0, store_opened > 0 ? (store_opened - inited) / 1000.0 : 0,
          window_built > 0 ? (window_built - store_opened) / 1000.0 : 0,
          (first_paint_began - MAX (window_built, inited)) / 1000.0,
          (g_get_monotonic_time () - first_paint_began) / 1000.0, frames,
          longest_frame / 1000.0, longest_layout / 1000.0, longest_render / 1000.0);
  fflush (stdout);
  return 0;
}

/* --bare-keys: the keystrokes of the task search typed in the bare window */
static int
child_bare_keys (int runs)
{
  Ctx *ctx;
  Figures keys;

  gtk_init ();
  ctx = open_bare_window ();
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (ctx->entry), 0);
  figures_init (&keys);
  for (int r = 0; r < runs; r++)
    {
      Figures scratch;

      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        measure (ctx, type_text, (gpointer) typed[k], &keys);
      figures_init (&scratch);
      measure (ctx, type_text, (gpointer) "", &scratch);
    }
  printf ("%s\n", renderer_name (ctx->window));
  printf ("@bare-key %.2f %.2f\n", median (keys.stall), median (keys.frame));
  return 0;
}

/* --measure DB: inputs and edits on the task list */
static int
child_measure (const char *db,
               int         runs)
{
  Ctx *ctx;
  double first_frame_in_process;
  Figures keys[G_N_ELEMENTS (typed)];
  Figures overdue;
  Figures edit_tasks, edit_overview;
  gint64 edited_id = 0;
  Edit on_tasks, on_overview, scratch_edit;

  gtk_init ();
  ctx = open_window (db, FALSE);
  first_frame_in_process = (g_get_monotonic_time () - start_time) / 1000.0;
  /* the count too, before anything is measured */
  spin_until (loaded_and_painted, ctx, 60000);

  printf ("  %u tasks listed; GTK %u.%u.%u, renderer %s (GSK_RENDERER %s)\n",
          g_list_model_get_n_items (G_LIST_MODEL (dn_task_list_view_get_model (ctx->view))),
          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
          renderer_name (ctx->window),
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "unset");
  printf ("  first frame of the task list in process (from main): %.1f ms\n", first_frame_in_process);

  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (ctx->entry), 0);
  for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
    figures_init (&keys[k]);
  figures_init (&overdue);
  figures_init (&edit_tasks);
  figures_init (&edit_overview);
  {
    g_autoptr(DnTask) first = g_list_model_get_item (G_LIST_MODEL (dn_task_list_view_get_model (ctx->view)), 0);
    edited_id = first->id;
  }
  edit_init (&on_tasks, edited_id);
  edit_init (&on_overview, edited_id);
  edit_init (&scratch_edit, edited_id);
  for (int r = 0; r < runs; r++)
    {
      measure (ctx, edit_task, &on_tasks, &edit_tasks);
      {
        g_autoptr(DnTask) shown = g_list_model_get_item (G_LIST_MODEL (dn_task_list_view_get_model (ctx->view)), 0);
        g_autoptr(DnTask) stored = dn_store_get_task (dn_task_list_model_get_store (dn_task_list_view_get_model (ctx->view)),
                                                      edited_id, NULL);
        if (shown->id != edited_id || !g_str_equal (shown->title, stored->title))
          g_printerr ("the edited task is not shown as saved\n");
      }
    }
  dn_window_show_section (DN_WINDOW (ctx->window), "overview");
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  {
    Figures scratch;
    figures_init (&scratch);
    ctx->paints = paint_count;
    spin_until (loaded_and_painted, ctx, 10000);
    measure (ctx, edit_task, &scratch_edit, &scratch);
  }
  for (int r = 0; r < runs; r++)
    measure (ctx, edit_task, &on_overview, &edit_overview);
  dn_window_show_section (DN_WINDOW (ctx->window), "tasks");
  {
    ctx->paints = paint_count;
    spin_until (loaded_and_painted, ctx, 10000);
  }

  for (int r = 0; r < runs; r++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        measure (ctx, type_text, (gpointer) typed[k], &keys[k]);
      {
        Figures scratch;
        figures_init (&scratch);
        measure (ctx, type_text, (gpointer) "", &scratch);
      }
      measure (ctx, toggle_overdue, NULL, &overdue);
      {
        Figures scratch;
        figures_init (&scratch);
        measure (ctx, toggle_overdue, NULL, &scratch);
      }
    }

  printf ("\n  Input applied to the visible list (medians of %d runs, ms; the search field's\n"
          "  own debounce set to 0; until the new list is drawn and counted)\n", runs);
  print_header ("  input");
  for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
    {
      g_autofree char *label = g_strdup_printf ("  key “%s”", typed[k]);
      g_autofree char *name = g_strdup_printf ("key%u", k);
      print_row (label, name, &keys[k]);
    }
  print_row ("  filter Overdue", "overdue", &overdue);

  printf ("\n  An edit of a task (its title, through the store as the editor saves it) until\n"
          "  everything visible is updated (medians of %d runs, ms)\n", runs);
  print_header ("  section shown");
  print_row ("  task list", "edit-tasks", &edit_tasks);
  print_row ("  overview", "edit-overview", &edit_overview);
  printf ("  of the handling: the store's write and commit, then the handlers of its \"changed\"\n"
          "  signal: %.2f + %.2f ms (task list shown), %.2f + %.2f ms (overview shown)\n",
          median (on_tasks.writes), median (on_tasks.handlers),
          median (on_overview.writes), median (on_overview.handlers));
  return 0;
}

/* --nodes DB: what a frame of the task list draws: the render nodes of
 * the window by type, and the time the window's renderer takes to draw
 * the whole window and each part of it (into a texture, read back) */
static void
count_nodes (GskRenderNode *node,
             guint         *counts)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  counts[type]++;
  switch (type)
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_nodes (gsk_container_node_get_child (node, i), counts);
      break;
    case GSK_TRANSFORM_NODE:
      count_nodes (gsk_transform_node_get_child (node), counts);
      break;
    case GSK_CLIP_NODE:
      count_nodes (gsk_clip_node_get_child (node), counts);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_nodes (gsk_rounded_clip_node_get_child (node), counts);
      break;
    case GSK_OPACITY_NODE:
      count_nodes (gsk_opacity_node_get_child (node), counts);
      break;
    case GSK_COLOR_MATRIX_NODE:
      count_nodes (gsk_color_matrix_node_get_child (node), counts);
      break;
    case GSK_SHADOW_NODE:
      count_nodes (gsk_shadow_node_get_child (node), counts);
      break;
    case GSK_DEBUG_NODE:
      count_nodes (gsk_debug_node_get_child (node), counts);
      break;
    default:
      break;
    }
}

/* @node without the nodes of type @type: a node wrapping one child is
 * replaced by its child, any other is dropped (NULL) */
static GskRenderNode *
strip_nodes (GskRenderNode     *node,
             GskRenderNodeType  type)
{
  GskRenderNodeType t = gsk_render_node_get_node_type (node);
  GskRenderNode *child = NULL, *stripped;

  switch (t)
    {
    case GSK_CONTAINER_NODE:
      {
        g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

        for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
          {
            GskRenderNode *c = strip_nodes (gsk_container_node_get_child (node, i), type);
            if (c != NULL)
              g_ptr_array_add (children, c);
          }
        return gsk_container_node_new ((GskRenderNode **) children->pdata, children->len);
      }
    case GSK_TRANSFORM_NODE: child = gsk_transform_node_get_child (node); break;
    case GSK_CLIP_NODE: child = gsk_clip_node_get_child (node); break;
    case GSK_ROUNDED_CLIP_NODE: child = gsk_rounded_clip_node_get_child (node); break;
    case GSK_OPACITY_NODE: child = gsk_opacity_node_get_child (node); break;
    case GSK_COLOR_MATRIX_NODE: child = gsk_color_matrix_node_get_child (node); break;
    case GSK_SHADOW_NODE: child = gsk_shadow_node_get_child (node); break;
    case GSK_DEBUG_NODE: child = gsk_debug_node_get_child (node); break;
    default:
      return t == type ? NULL : gsk_render_node_ref (node);
    }
  stripped = strip_nodes (child, type);
  if (t == type || stripped == NULL)
    return stripped;
  switch (t)
    {
    case GSK_TRANSFORM_NODE:
      node = gsk_transform_node_new (stripped, gsk_transform_node_get_transform (node)); break;
    case GSK_CLIP_NODE:
      node = gsk_clip_node_new (stripped, gsk_clip_node_get_clip (node)); break;
    case GSK_ROUNDED_CLIP_NODE:
      node = gsk_rounded_clip_node_new (stripped, gsk_rounded_clip_node_get_clip (node)); break;
    case GSK_OPACITY_NODE:
      node = gsk_opacity_node_new (stripped, gsk_opacity_node_get_opacity (node)); break;
    case GSK_COLOR_MATRIX_NODE:
      node = gsk_color_matrix_node_new (stripped, gsk_color_matrix_node_get_color_matrix (node),
                                        gsk_color_matrix_node_get_color_offset (node)); break;
    case GSK_SHADOW_NODE:
      node = gsk_shadow_node_new (stripped, gsk_shadow_node_get_shadow (node, 0), gsk_shadow_node_get_n_shadows (node)); break;
    default:
      node = gsk_debug_node_new (stripped, g_strdup (gsk_debug_node_get_message (node))); break;
    }
  gsk_render_node_unref (stripped);
  return node;
}

static double
time_node (GskRenderer   *renderer,
           GskRenderNode *node,
           int            width,
           int            height)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      gint64 t0 = g_get_monotonic_time ();

      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      append (times, (g_get_monotonic_time () - t0) / 1000.0);
    }
  return median (times);
}

static void
time_without (GskRenderer *renderer,
              GtkWidget   *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GEnumClass *types = g_type_class_ref (GSK_TYPE_RENDER_NODE_TYPE);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  printf ("  the whole window again: %.1f ms; without each type of node:\n", time_node (renderer, node, width, height));
  for (GskRenderNodeType t = GSK_CONTAINER_NODE + 1; t <= GSK_GL_SHADER_NODE; t++)
    {
      g_autoptr(GskRenderNode) stripped = strip_nodes (node, t);
      guint counts[GSK_GL_SHADER_NODE + 1] = { 0 };

      count_nodes (node, counts);
      if (counts[t] == 0 || stripped == NULL)
        continue;
      printf ("    %-28s %8.1f ms\n", g_enum_get_value (types, t)->value_nick, time_node (renderer, stripped, width, height));
    }
  g_type_class_unref (types);
}

static double
time_render (GskRenderer *renderer,
             GtkWidget   *widget,
             guint       *counts)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 t0;

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        return 0;
      if (i == 0 && counts != NULL)
        count_nodes (node, counts);
      t0 = g_get_monotonic_time ();
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      append (times, (g_get_monotonic_time () - t0) / 1000.0);
    }
  return median (times);
}

static void
time_parts (GskRenderer *renderer,
            GtkWidget   *widget,
            int          depth,
            int          max_depth)
{
  g_autofree char *label = g_strdup_printf ("%*s%s%s%s", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                                            gtk_widget_get_name (widget)[0] != '\0' ? " #" : "",
                                            gtk_widget_get_name (widget));

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) * gtk_widget_get_height (widget) < 2000)
    return;
  printf ("  %-60.60s %5dx%-4d %8.1f ms\n", label, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
          time_render (renderer, widget, NULL));
  if (depth < max_depth)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
      time_parts (renderer, child, depth + 1, max_depth);
}

static int
child_nodes (const char *db,
             int         max_depth)
{
  Ctx *ctx;
  GskRenderer *renderer;
  guint counts[GSK_GL_SHADER_NODE + 1] = { 0 };
  GEnumClass *types = g_type_class_ref (GSK_TYPE_RENDER_NODE_TYPE);
  double whole;

  gtk_init ();
  ctx = open_window (db, TRUE);
  spin_until (loaded_and_painted, ctx, 60000);
  renderer = gtk_native_get_renderer (GTK_NATIVE (ctx->window));
  printf ("renderer %s\n", renderer_name (ctx->window));
  whole = time_render (renderer, ctx->window, counts);
  printf ("  the whole window: %.1f ms; its render nodes:\n", whole);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] > 0)
      printf ("    %-28s %5u\n", g_enum_get_value (types, i)->value_nick, counts[i]);
  time_without (renderer, ctx->window);
  printf ("  each part drawn alone (median of 7):\n");
  time_parts (renderer, ctx->window, 0, max_depth);
  g_type_class_unref (types);
  return 0;
}

/*
 * The parent: each renderer in processes of its own, then side by side
 */

typedef struct
{
  const char *renderer;      /* NULL: GTK's default */
  char       *renderer_type; /* the one the default turned out to be */
  GArray     *bare_launch;   /* ms */
  GArray     *launch;        /* ms, DBPATH */
  GArray     *large_launch;  /* ms, --large */
  GHashTable *figures;       /* name → double[2]: median stall, longest frame */
} Renderer;

/* Runs this program again with @args under @renderer; its output, or NULL. */
static char *
run_child (const char   *self_path,
           const char   *renderer,
           gint64       *started,
           const char  **args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *out = NULL;

  if (renderer != NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderer, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "GSK_RENDERER");
  g_ptr_array_add (argv, (gpointer) self_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  *started = g_get_monotonic_time ();
  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  if (!g_subprocess_get_successful (child))
    {
      g_printerr ("%s %s failed\n", self_path, args[0]);
      g_clear_pointer (&out, g_free);
    }
  return out;
}

/* a new process until its first frame: ms */
static void
launch_once (const char *self_path,
             Renderer   *r,
             const char *db,
             GArray     *into)
{
  const char *args_app[] = { "--size", size_arg, "--first-frame", db, NULL };
  const char *args_bare[] = { "--size", size_arg, "--bare-first-frame", NULL };
  gint64 started;
  g_autofree char *out = run_child (self_path, r->renderer, &started, db != NULL ? args_app : args_bare);

  if (out != NULL)
    append (into, (g_ascii_strtoll (out, NULL, 10) - started) / 1000.0);
}

/* Keeps the "@NAME STALL FRAME" lines of @out, prints the others. */
static void
read_figures (Renderer   *r,
              const char *out,
              gboolean    echo)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '@')
        {
          g_auto(GStrv) parts = g_strsplit (lines[i] + 1, " ", 3);
          double *v = g_new0 (double, 2);

          if (g_strv_length (parts) == 3)
            {
              v[0] = g_ascii_strtod (parts[1], NULL);
              v[1] = g_ascii_strtod (parts[2], NULL);
              g_hash_table_insert (r->figures, g_strdup (parts[0]), v);
            }
          else
            g_free (v);
        }
      else if (echo && (lines[i][0] != '\0' || lines[i + 1] != NULL))
        printf ("%s\n", lines[i]);
    }
}

static double
figure (Renderer *r, const char *name, guint which)
{
  double *v = g_hash_table_lookup (r->figures, name);

  return v != NULL ? v[which] : -1;
}

/* @digits: after the decimal point */
static void
print_pair (const char *label,
            double      a,
            double      b,
            int         digits)
{
  g_autofree char *fa = a >= 0 ? g_strdup_printf ("%.*f", digits, a) : g_strdup ("—");
  g_autofree char *fb = b >= 0 ? g_strdup_printf ("%.*f", digits, b) : g_strdup ("—");

  printf ("%-54s %10s %10s\n", label, fa, fb);
}

int
main (int argc, char *argv[])
{
  const char *db = BENCH_DEFAULT_DB;
  const char *large = NULL;
  int runs = 5;
  Renderer rs[G_N_ELEMENTS (renderers)];
  g_autofree char *runs_text = NULL;

  start_time = g_get_monotonic_time ();
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          runs = atoi (argv[++i]);
          runs = MAX (runs, 1);
        }
      else if (g_str_equal (argv[i], "--large") && i + 1 < argc)
        large = argv[++i];
      else if (g_str_equal (argv[i], "--size") && i + 1 < argc &&
               sscanf (argv[i + 1], "%dx%d", &window_width, &window_height) == 2)
        size_arg = argv[++i];
      else if (g_str_equal (argv[i], "--first-frame") && i + 1 < argc)
        return child_first_frame (argv[i + 1]);
      else if (g_str_equal (argv[i], "--bare-first-frame"))
        return child_first_frame (NULL);
      else if (g_str_equal (argv[i], "--bare-keys"))
        return child_bare_keys (runs);
      else if (g_str_equal (argv[i], "--nodes") && i + 1 < argc)
        return child_nodes (argv[i + 1], runs);
      else if (g_str_equal (argv[i], "--measure") && i + 1 < argc)
        return child_measure (argv[i + 1], runs);
      else
        db = argv[i];
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-ui needs a display (run it under xvfb-run)\n");
      return 1;
    }
  runs_text = g_strdup_printf ("%d", runs);
  printf ("Database: %s%s%s; windows of %dx%d\n", db, large != NULL ? "; large: " : "", large != NULL ? large : "",
          window_width, window_height);

  for (guint k = 0; k < G_N_ELEMENTS (renderers); k++)
    {
      Renderer *r = &rs[k];
      const char *measure_args[] = { "--runs", runs_text, "--size", size_arg, "--measure", db, NULL };
      const char *bare_args[] = { "--runs", runs_text, "--size", size_arg, "--bare-keys", NULL };
      g_autofree char *out = NULL;
      gint64 started;

      r->renderer = renderers[k];
      r->renderer_type = NULL;
      r->bare_launch = g_array_new (FALSE, FALSE, sizeof (double));
      r->launch = g_array_new (FALSE, FALSE, sizeof (double));
      r->large_launch = g_array_new (FALSE, FALSE, sizeof (double));
      r->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      printf ("\n== Renderer: %s ==\n", r->renderer != NULL ? r->renderer : "GTK's default (GSK_RENDERER unset)");
      fflush (stdout);
      /* launches side by side: the machine's load weighs on each alike */
      for (int i = 0; i < MAX (3, runs); i++)
        {
          launch_once (argv[0], r, NULL, r->bare_launch);
          launch_once (argv[0], r, db, r->launch);
          if (large != NULL)
            launch_once (argv[0], r, large, r->large_launch);
        }
      out = run_child (argv[0], r->renderer, &started, bare_args);
      if (out != NULL)
        {
          r->renderer_type = g_strndup (out, strcspn (out, "\n"));
          read_figures (r, out, FALSE);
        }
      g_clear_pointer (&out, g_free);
      out = run_child (argv[0], r->renderer, &started, measure_args);
      if (out != NULL)
        read_figures (r, out, TRUE);
      fflush (stdout);
    }

  printf ("\nSide by side (medians, ms)%*s %10s %10s\n", 28, "", "default", "cairo");
  printf ("%-54s %10s %10s\n", "renderer in use", rs[0].renderer_type != NULL ? rs[0].renderer_type : "?",
          rs[1].renderer_type != NULL ? rs[1].renderer_type : "?");
  print_pair ("bare window: launch to first frame", median (rs[0].bare_launch), median (rs[1].bare_launch), 0);
  print_pair ("task list: launch to first frame", median (rs[0].launch), median (rs[1].launch), 0);
  print_pair ("  × the bare window (aim ≤ 2)", median (rs[0].launch) / median (rs[0].bare_launch),
              median (rs[1].launch) / median (rs[1].bare_launch), 2);
  if (large != NULL)
    {
      print_pair ("task list: launch, large database", median (rs[0].large_launch), median (rs[1].large_launch), 0);
      print_pair ("  × the first database (aim ≤ 1.2)", median (rs[0].large_launch) / median (rs[0].launch),
                  median (rs[1].large_launch) / median (rs[1].launch), 2);
    }
  print_pair ("bare window: keystroke, max stall", figure (&rs[0], "bare-key", 0), figure (&rs[1], "bare-key", 0), 1);
  print_pair ("bare window: keystroke, longest frame", figure (&rs[0], "bare-key", 1), figure (&rs[1], "bare-key", 1), 1);
  for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
    {
      g_autofree char *name = g_strdup_printf ("key%u", k);
      g_autofree char *label = g_strdup_printf ("key “%s”: max stall (longest frame)", typed[k]);
      g_autofree char *a = g_strdup_printf ("%.1f (%.1f)", figure (&rs[0], name, 0), figure (&rs[0], name, 1));
      g_autofree char *b = g_strdup_printf ("%.1f (%.1f)", figure (&rs[1], name, 0), figure (&rs[1], name, 1));

      printf ("%-56s %10s %10s\n", label, a, b);
    }
  {
    double worst[2] = { 0, 0 };

    for (guint i = 0; i < 2; i++)
      for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
        {
          g_autofree char *name = g_strdup_printf ("key%u", k);
          worst[i] = MAX (worst[i], figure (&rs[i], name, 0));
        }
    print_pair ("keystrokes: worst max stall (aim < 16)", worst[0], worst[1], 1);
    print_pair ("  × the bare window's", worst[0] / figure (&rs[0], "bare-key", 0),
                worst[1] / figure (&rs[1], "bare-key", 0), 1);
  }
  print_pair ("filter Overdue: max stall", figure (&rs[0], "overdue", 0), figure (&rs[1], "overdue", 0), 1);
  print_pair ("edit, task list shown: max stall", figure (&rs[0], "edit-tasks", 0), figure (&rs[1], "edit-tasks", 0), 1);
  print_pair ("edit, overview shown: max stall", figure (&rs[0], "edit-overview", 0), figure (&rs[1], "edit-overview", 0), 1);
  return 0;
}
