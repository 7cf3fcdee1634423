/* dn-pdf-selection.c: the text selected on the pages of a PDF
 *
 * The two ends are kept in reading order (first page, then top to bottom
 * as poppler reads). On the first page the selection runs from the start
 * point to the page's end, on the last from the page's start to the end
 * point, and pages between are whole: that is the area asked of the
 * renderer for each page (dn_pdf_renderer_select_async). Answers for a
 * selection since changed are dropped (each change cancels the questions
 * of the one before); a page keeps its last answer until a new one comes,
 * so a drag does not flicker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-pages"

#include "config.h"

#include <string.h>

#include "dn-pdf-selection.h"

typedef struct
{
  double  area[4];
  GArray *rects;   /* DnPdfRect, or NULL until the first answer */
  guint   asked;   /* the generation it was last asked for */
} Region;

struct _DnPdfSelection
{
  GtkWidget     *owner;
  DnPdfLayout   *layout;
  GParamSpec    *has_selection;
  int            drag_page;   /* where a drag started */
  double         drag_x, drag_y;
  DnPdfRenderer *renderer;
  DnPdfDocument *document;
  gboolean       empty;
  int            first_page, last_page;
  double         start[2], end[2];
  GHashTable    *regions;     /* page → Region */
  guint          generation;  /* changes with the selection */
  GCancellable  *cancellable; /* of this generation's questions */
};

static void
region_free (gpointer data)
{
  Region *region = data;

  g_clear_pointer (&region->rects, g_array_unref);
  g_free (region);
}

/* The page under the owner's point @x, @y, and that point on it */
static int
point_at (DnPdfSelection *selection,
          double          x,
          double          y,
          double         *page_x,
          double         *page_y)
{
  GtkScrollable *scrollable = GTK_SCROLLABLE (selection->owner);

  return dn_pdf_layout_point_at (selection->layout, gtk_widget_get_width (selection->owner),
                                 gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (scrollable)),
                                 gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (scrollable)), x, y,
                                 page_x, page_y);
}

static void
on_drag_begin_cb (DnPdfSelection *selection,
                  double          x,
                  double          y)
{
  gtk_widget_grab_focus (selection->owner);
  selection->drag_page = point_at (selection, x, y, &selection->drag_x, &selection->drag_y);
  if (selection->drag_page >= 0)
    dn_pdf_selection_set (selection, selection->drag_page, selection->drag_x, selection->drag_y,
                          selection->drag_page, selection->drag_x, selection->drag_y);
}

static void
on_drag_update_cb (DnPdfSelection *selection,
                   double          dx,
                   double          dy,
                   GtkGesture     *gesture)
{
  double start_x, start_y, x, y;
  int page;

  if (selection->drag_page < 0
      || !gtk_gesture_drag_get_start_point (GTK_GESTURE_DRAG (gesture), &start_x, &start_y))
    return;
  page = point_at (selection, start_x + dx, start_y + dy, &x, &y);
  if (page >= 0)
    dn_pdf_selection_set (selection, selection->drag_page, selection->drag_x, selection->drag_y, page, x, y);
}

DnPdfSelection *
dn_pdf_selection_new (GtkWidget   *owner,
                      DnPdfLayout *layout,
                      GParamSpec  *has_selection)
{
  DnPdfSelection *selection = g_new0 (DnPdfSelection, 1);
  GtkGesture *drag = gtk_gesture_drag_new ();

  selection->owner = owner;
  selection->layout = layout;
  selection->has_selection = has_selection;
  selection->drag_page = -1;
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), selection);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update_cb), selection);
  gtk_widget_add_controller (owner, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (owner, "text");
  selection->empty = TRUE;
  selection->regions = g_hash_table_new_full (NULL, NULL, NULL, region_free);
  selection->cancellable = g_cancellable_new ();
  return selection;
}

static void
new_generation (DnPdfSelection *selection)
{
  g_cancellable_cancel (selection->cancellable);
  g_object_unref (selection->cancellable);
  selection->cancellable = g_cancellable_new ();
  selection->generation++;
}

void
dn_pdf_selection_reset (DnPdfSelection *selection,
                        DnPdfRenderer  *renderer,
                        DnPdfDocument  *document)
{
  new_generation (selection);
  g_hash_table_remove_all (selection->regions);
  g_clear_object (&selection->renderer);
  g_clear_pointer (&selection->document, dn_pdf_document_unref);
  if (document != NULL)
    {
      selection->renderer = g_object_ref (renderer);
      selection->document = dn_pdf_document_ref (document);
    }
  selection->drag_page = -1;
  if (!selection->empty)
    {
      selection->empty = TRUE;
      g_object_notify_by_pspec (G_OBJECT (selection->owner), selection->has_selection);
    }
}

void
dn_pdf_selection_free (DnPdfSelection *selection)
{
  dn_pdf_selection_reset (selection, NULL, NULL);
  g_cancellable_cancel (selection->cancellable);
  g_object_unref (selection->cancellable);
  g_hash_table_unref (selection->regions);
  g_free (selection);
}

/* Pages out of the selection lose what they showed */
static gboolean
out_of_range (gpointer key,
              gpointer value,
              gpointer user_data)
{
  DnPdfSelection *selection = user_data;
  int page = GPOINTER_TO_INT (key);

  return selection->empty || page < selection->first_page || page > selection->last_page;
}

void
dn_pdf_selection_set (DnPdfSelection *selection,
                      int             page1,
                      double          x1,
                      double          y1,
                      int             page2,
                      double          x2,
                      double          y2)
{
  gboolean swap, was_empty = selection->empty;

  if (selection->document == NULL)
    return;
  page1 = CLAMP (page1, 0, dn_pdf_document_get_n_pages (selection->document) - 1);
  page2 = CLAMP (page2, 0, dn_pdf_document_get_n_pages (selection->document) - 1);
  /* within a page, poppler orders the ends itself */
  swap = page2 < page1;
  selection->first_page = swap ? page2 : page1;
  selection->last_page = swap ? page1 : page2;
  selection->start[0] = swap ? x2 : x1;
  selection->start[1] = swap ? y2 : y1;
  selection->end[0] = swap ? x1 : x2;
  selection->end[1] = swap ? y1 : y2;
  selection->empty = page1 == page2 && x1 == x2 && y1 == y2;
  new_generation (selection);
  g_hash_table_foreach_remove (selection->regions, out_of_range, selection);
  gtk_widget_queue_draw (selection->owner);
  if (was_empty != selection->empty)
    g_object_notify_by_pspec (G_OBJECT (selection->owner), selection->has_selection);
}

void
dn_pdf_selection_select_all (DnPdfSelection *selection)
{
  int n;
  double w, h;

  if (selection->document == NULL || (n = dn_pdf_document_get_n_pages (selection->document)) == 0)
    return;
  dn_pdf_document_get_page_size (selection->document, n - 1, &w, &h);
  dn_pdf_selection_set (selection, 0, 0, 0, n - 1, w, h);
}

gboolean
dn_pdf_selection_is_empty (DnPdfSelection *selection)
{
  return selection->empty;
}

/* The area of @page the selection covers (from x, y to x, y) */
static void
page_area (DnPdfSelection *selection,
           int             page,
           double          area[4])
{
  double w, h;

  dn_pdf_document_get_page_size (selection->document, page, &w, &h);
  area[0] = page == selection->first_page ? selection->start[0] : 0;
  area[1] = page == selection->first_page ? selection->start[1] : 0;
  area[2] = page == selection->last_page ? selection->end[0] : w;
  area[3] = page == selection->last_page ? selection->end[1] : h;
}

typedef struct
{
  DnPdfSelection *selection;   /* valid while @cancellable is not cancelled */
  GCancellable   *cancellable;
  int             page;
  double          area[4];
} Question;

static void
on_region_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Question *question = user_data;
  g_autoptr(DnPdfTextSelection) answer = dn_pdf_renderer_select_finish (NULL, result, NULL);
  Region *region;

  if (!g_cancellable_is_cancelled (question->cancellable)
      && (region = g_hash_table_lookup (question->selection->regions, GINT_TO_POINTER (question->page))) != NULL)
    {
      g_clear_pointer (&region->rects, g_array_unref);
      region->rects = answer != NULL ? g_array_ref (answer->rects) : g_array_new (FALSE, FALSE, sizeof (DnPdfRect));
      memcpy (region->area, question->area, sizeof region->area);
      gtk_widget_queue_draw (question->selection->owner);
    }
  g_object_unref (question->cancellable);
  g_free (question);
}

static void
ask (DnPdfSelection *selection,
     int             page,
     Region         *region,
     const double    area[4])
{
  Question *question = g_new0 (Question, 1);

  question->selection = selection;
  question->cancellable = g_object_ref (selection->cancellable);
  question->page = page;
  memcpy (question->area, area, sizeof question->area);
  region->asked = selection->generation;
  dn_pdf_renderer_select_async (selection->renderer, selection->document, page, area[0], area[1], area[2], area[3],
                                DN_PDF_PRIORITY_VISIBLE, selection->cancellable, on_region_cb, question);
}

void
dn_pdf_selection_snapshot (DnPdfSelection *selection,
                           GtkSnapshot    *snapshot,
                           int             page,
                           double          x,
                           double          y,
                           double          scale)
{
  const GdkRGBA colour = { 0.21, 0.52, 0.89, 0.35 };
  double area[4];
  Region *region;

  if (selection->empty || page < selection->first_page || page > selection->last_page)
    return;
  page_area (selection, page, area);
  region = g_hash_table_lookup (selection->regions, GINT_TO_POINTER (page));
  if (region == NULL)
    {
      region = g_new0 (Region, 1);
      region->asked = selection->generation - 1;
      g_hash_table_insert (selection->regions, GINT_TO_POINTER (page), region);
    }
  if (region->asked != selection->generation && (region->rects == NULL || memcmp (region->area, area, sizeof area) != 0))
    ask (selection, page, region, area);
  for (guint i = 0; region->rects != NULL && i < region->rects->len; i++)
    {
      const DnPdfRect *r = &g_array_index (region->rects, DnPdfRect, i);

      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (x + r->x * scale, y + r->y * scale, r->width * scale,
                                                      r->height * scale));
    }
}

/*
 * The text
 */

typedef struct
{
  GPtrArray *texts;   /* one per page, NULL until it comes */
  guint      waiting;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  g_ptr_array_unref (reading->texts);
  g_free (reading);
}

/* One page's part of a reading */
typedef struct
{
  GTask *task;
  guint  index;
} Part;

static void
on_text_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Part *part = user_data;
  g_autoptr(GTask) task = part->task;
  Reading *reading = g_task_get_task_data (task);
  g_autoptr(DnPdfTextSelection) answer = dn_pdf_renderer_select_finish (NULL, result, NULL);
  g_autoptr(GString) text = NULL;

  /* a page that cannot be read gives nothing; the others still count */
  reading->texts->pdata[part->index] = g_strdup (answer != NULL ? answer->text : "");
  g_free (part);
  if (--reading->waiting > 0)
    return;
  if (g_task_return_error_if_cancelled (task))
    return;
  text = g_string_new (NULL);
  for (guint i = 0; i < reading->texts->len; i++)
    {
      const char *page_text = reading->texts->pdata[i];

      if (text->len > 0 && text->str[text->len - 1] != '\n' && *page_text != '\0')
        g_string_append_c (text, '\n');
      g_string_append (text, page_text);
    }
  g_task_return_pointer (task, g_string_free (g_steal_pointer (&text), FALSE), g_free);
}

void
dn_pdf_selection_get_text_async (DnPdfSelection      *selection,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Reading *reading;

  g_task_set_source_tag (task, dn_pdf_selection_get_text_async);
  if (selection->empty || selection->document == NULL)
    {
      g_task_return_pointer (task, g_strdup (""), g_free);
      return;
    }
  reading = g_new0 (Reading, 1);
  reading->texts = g_ptr_array_new_full (selection->last_page - selection->first_page + 1, g_free);
  g_ptr_array_set_size (reading->texts, selection->last_page - selection->first_page + 1);
  reading->waiting = reading->texts->len;
  g_task_set_task_data (task, reading, reading_free);
  for (int page = selection->first_page; page <= selection->last_page; page++)
    {
      Part *part = g_new0 (Part, 1);
      double area[4];

      part->task = g_object_ref (task);
      part->index = page - selection->first_page;
      page_area (selection, page, area);
      dn_pdf_renderer_select_async (selection->renderer, selection->document, page, area[0], area[1], area[2],
                                    area[3], DN_PDF_PRIORITY_VISIBLE, cancellable, on_text_cb, part);
    }
}

char *
dn_pdf_selection_get_text_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
