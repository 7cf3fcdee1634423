/* dn-pdf-hits.c: the hits of find on the pages of a PDF, and the current one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-pages"

#include "config.h"

#include "dn-pdf-hits.h"

struct _DnPdfHits
{
  GtkWidget *owner;
  GPtrArray *rects;  /* per page: GArray of DnPdfRect, or NULL */
  int        page;   /* the current hit's */
  int        hit;
};

static void
rects_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

DnPdfHits *
dn_pdf_hits_new (GtkWidget *owner)
{
  DnPdfHits *hits = g_new0 (DnPdfHits, 1);

  hits->owner = owner;
  hits->rects = g_ptr_array_new_with_free_func (rects_free);
  hits->page = -1;
  hits->hit = -1;
  return hits;
}

void
dn_pdf_hits_free (DnPdfHits *hits)
{
  g_ptr_array_unref (hits->rects);
  g_free (hits);
}

void
dn_pdf_hits_clear (DnPdfHits *hits,
                   int        n_pages)
{
  for (guint i = 0; i < hits->rects->len; i++)
    g_clear_pointer (&hits->rects->pdata[i], g_array_unref);
  if (n_pages > 0)
    g_ptr_array_set_size (hits->rects, n_pages);
  hits->page = -1;
  hits->hit = -1;
  gtk_widget_queue_draw (hits->owner);
}

void
dn_pdf_hits_set (DnPdfHits *hits,
                 int        page,
                 GArray    *rects)
{
  g_return_if_fail (page >= 0 && page < (int) hits->rects->len);

  if (hits->rects->pdata[page] != NULL)
    g_array_unref (hits->rects->pdata[page]);
  hits->rects->pdata[page] = rects != NULL && rects->len > 0 ? g_array_ref (rects) : NULL;
  gtk_widget_queue_draw (hits->owner);
}

void
dn_pdf_hits_set_current (DnPdfHits *hits,
                         int        page,
                         int        hit)
{
  hits->page = page;
  hits->hit = hit;
  gtk_widget_queue_draw (hits->owner);
}

gboolean
dn_pdf_hits_get_rect (DnPdfHits *hits,
                      int        page,
                      int        hit,
                      DnPdfRect *rect)
{
  GArray *rects;

  if (page < 0 || page >= (int) hits->rects->len || (rects = hits->rects->pdata[page]) == NULL)
    return FALSE;
  for (guint i = 0; i < rects->len; i++)
    if ((int) g_array_index (rects, DnPdfRect, i).hit == hit)
      {
        *rect = g_array_index (rects, DnPdfRect, i);
        return TRUE;
      }
  return FALSE;
}

void
dn_pdf_hits_snapshot (DnPdfHits   *hits,
                      GtkSnapshot *snapshot,
                      int          page,
                      double       x,
                      double       y,
                      double       s)
{
  GArray *rects = page < (int) hits->rects->len ? hits->rects->pdata[page] : NULL;
  const GdkRGBA other = { 1.0, 0.85, 0.0, 0.35 };
  const GdkRGBA current = { 1.0, 0.45, 0.0, 0.55 };

  for (guint i = 0; rects != NULL && i < rects->len; i++)
    {
      const DnPdfRect *r = &g_array_index (rects, DnPdfRect, i);
      gboolean is_current = page == hits->page && (int) r->hit == hits->hit;

      gtk_snapshot_append_color (snapshot, is_current ? &current : &other,
                                 &GRAPHENE_RECT_INIT (x + r->x * s - 1, y + r->y * s - 1, r->width * s + 2,
                                                      r->height * s + 2));
    }
}
