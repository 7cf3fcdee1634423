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

DnPdfSelection *
dn_pdf_selection_new (GtkWidget *owner)
{
  DnPdfSelection *selection = g_new0 (DnPdfSelection, 1);

  selection->owner = owner;
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
  selection->empty = TRUE;
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
  gboolean swap;

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
