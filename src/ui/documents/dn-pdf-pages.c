/* dn-pdf-pages.c: the pages of a PDF one under the other, scrollable
 *
 * Layout (DnPdfLayout): every page at the zoom (points × zoom × 96/72
 * logical pixels), centred, one under the other.
 *
 * Drawing: the image of each page in or near sight comes from the
 * renderer's worker (dn_pdf_renderer_render_async) at the render scale
 * (zoom × 96/72 × the widget's scale factor, so a HiDPI screen gets sharp
 * pages); until it comes, the image at another scale is stretched, or the
 * page is left white. update_jobs() runs on every change of what is in
 * sight: it cancels the jobs of pages out of the band (visible pages and
 * NEARBY pages either side) and starts those missing, visible ones first.
 * Images are kept in a cache with a byte budget; the least recently drawn
 * ones out of the band go first, so memory stays flat however far one
 * scrolls. The jobs (DnPdfPageJobs), the cache (DnPdfPageCache), the
 * hits of find (DnPdfHits) and the text selected by a drag
 * (DnPdfSelection) live in files of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-pages"

#include "config.h"

#include <math.h>

#include "dn-pdf-hits.h"
#include "dn-pdf-layout.h"
#include "dn-pdf-page-cache.h"
#include "dn-pdf-page-jobs.h"
#include "dn-pdf-pages.h"
#include "dn-pdf-selection.h"

#define GAP     DN_PDF_LAYOUT_GAP
#define NEARBY  2

struct _DnPdfPages
{
  GtkWidget      parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  DnPdfRenderer *renderer;
  DnPdfDocument *document;
  DnPdfLayout    layout;
  double         zoom;
  DnPdfSizing    sizing;
  int            page;
  gboolean       page_pinned;   /* the page gone to, until the next scroll */

  DnPdfPageCache *cache;
  DnPdfPageJobs  *jobs;
  DnPdfHits      *hits;
  DnPdfSelection *selection;
};

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_SIZING,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_HAS_SELECTION,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (DnPdfPages, dn_pdf_pages, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void update_jobs (DnPdfPages *self);

/*
 * Layout
 */

static double
points_to_pixels (DnPdfPages *self)
{
  return self->zoom * DN_PDF_PIXELS_PER_POINT;
}

static void
visible_range (DnPdfPages *self,
               int        *first,
               int        *last)
{
  double top = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  *first = dn_pdf_layout_page_at (&self->layout, top);
  *last = dn_pdf_layout_page_at (&self->layout, top + gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
configure_adjustments (DnPdfPages *self,
                       double      vvalue)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, vvalue, 0, MAX (dn_pdf_layout_height (&self->layout), height), height * 0.1,
                              height * 0.9, height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, gtk_adjustment_get_value (self->hadjustment), 0,
                              MAX (self->layout.content_width, width), width * 0.1, width * 0.9, width);
}

static double
fitting_zoom (DnPdfPages *self)
{
  return dn_pdf_layout_fitting_zoom (&self->layout, gtk_widget_get_width (GTK_WIDGET (self)),
                                     gtk_widget_get_height (GTK_WIDGET (self)),
                                     self->sizing == DN_PDF_SIZING_FIT_PAGE ? MAX (self->page, 0) : -1, self->zoom);
}

/* Changes the zoom keeping the point at the middle of the view (or the
 * top of the current page, fitting a page) where it is. */
static void
apply_zoom (DnPdfPages *self,
            double      zoom)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double centre, fraction = 0, ph, pw, value;
  int anchor;

  zoom = CLAMP (zoom, DN_PDF_ZOOM_MIN, DN_PDF_ZOOM_MAX);
  if (self->document == NULL || fabs (zoom - self->zoom) < 1e-9)
    {
      self->zoom = zoom;
      return;
    }
  centre = (self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0) + height / 2;
  anchor = self->page_pinned || self->sizing == DN_PDF_SIZING_FIT_PAGE ? self->page : dn_pdf_layout_page_at (&self->layout, centre);
  dn_pdf_layout_page_size (&self->layout, anchor, &pw, &ph);
  if (!self->page_pinned && self->sizing != DN_PDF_SIZING_FIT_PAGE)
    fraction = (centre - self->layout.tops[anchor]) / ph;

  self->zoom = zoom;
  dn_pdf_layout_set_scale (&self->layout, points_to_pixels (self));
  dn_pdf_layout_page_size (&self->layout, anchor, &pw, &ph);
  if (self->page_pinned || self->sizing == DN_PDF_SIZING_FIT_PAGE)
    value = self->layout.tops[anchor] - GAP;
  else
    value = self->layout.tops[anchor] + fraction * ph - height / 2;
  configure_adjustments (self, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  update_jobs (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
dn_pdf_pages_get_render_scale (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), 1);

  return points_to_pixels (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/*
 * The cache and the jobs
 */

static void
on_rendered (gpointer         owner,
             int              page,
             double           scale,
             cairo_surface_t *surface)
{
  DnPdfPages *self = owner;
  int first, last;

  if (surface != NULL && self->document != NULL)
    {
      visible_range (self, &first, &last);
      dn_pdf_page_cache_add (self->cache, page, scale, surface, first - NEARBY, last + NEARBY);
    }
  else if (surface != NULL)
    cairo_surface_destroy (surface);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
request_page (DnPdfPages *self,
              int         page,
              double      scale,
              int         priority)
{
  double cached_scale = 0;

  if (dn_pdf_page_cache_peek (self->cache, page, &cached_scale) != NULL && cached_scale == scale)
    return;
  dn_pdf_page_jobs_request (self->jobs, self->renderer, self->document, page, scale, priority);
}

static void
update_jobs (DnPdfPages *self)
{
  double scale;
  int first, last;

  if (self->document == NULL || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return;
  scale = dn_pdf_pages_get_render_scale (self);
  visible_range (self, &first, &last);

  /* pages scrolled away, or at a scale no longer wanted */
  dn_pdf_page_jobs_keep (self->jobs, first - NEARBY, last + NEARBY, scale);
  for (int i = first; i <= last; i++)
    request_page (self, i, scale, DN_PDF_PRIORITY_VISIBLE);
  for (int d = 1; d <= NEARBY; d++)
    {
      if (last + d < self->layout.n_pages)
        request_page (self, last + d, scale, DN_PDF_PRIORITY_NEARBY);
      if (first - d >= 0)
        request_page (self, first - d, scale, DN_PDF_PRIORITY_NEARBY);
    }
}

static void
update_page (DnPdfPages *self)
{
  double top, height;
  int page;

  if (self->document == NULL || self->page_pinned || self->vadjustment == NULL)
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  height = gtk_widget_get_height (GTK_WIDGET (self));
  /* the page just below the top; at the very end, the last one */
  if (top + height >= dn_pdf_layout_height (&self->layout) - 1 && top > 0)
    page = self->layout.n_pages - 1;
  else
    page = dn_pdf_layout_page_at (&self->layout, top + 2 * GAP);
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static void
on_adjustment_value_changed_cb (DnPdfPages *self)
{
  self->page_pinned = FALSE;
  update_page (self);
  update_jobs (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (DnPdfPages     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == *slot)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb), self);
}

/*
 * GtkWidget
 */

static void
dn_pdf_pages_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = 1;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 800;
}

static void
dn_pdf_pages_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  DnPdfPages *self = DN_PDF_PAGES (widget);
  double value = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  if (self->document != NULL && self->sizing != DN_PDF_SIZING_FREE)
    {
      double zoom = fitting_zoom (self);

      if (fabs (zoom - self->zoom) > 1e-6)
        {
          apply_zoom (self, zoom);
          return;
        }
    }
  if (self->page_pinned && self->document != NULL)
    value = self->layout.tops[self->page] - GAP;
  configure_adjustments (self, value);
  update_jobs (self);
}

static void
dn_pdf_pages_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  DnPdfPages *self = DN_PDF_PAGES (widget);
  double width = gtk_widget_get_width (widget);
  double top, hvalue;
  const GdkRGBA border = { 0.6, 0.6, 0.6, 1.0 };
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA failed = { 0.85, 0.85, 0.85, 1 };
  int first, last;

  if (self->document == NULL)
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  hvalue = gtk_adjustment_get_value (self->hadjustment);
  visible_range (self, &first, &last);
  for (int i = first; i >= 0 && i <= last; i++)
    {
      double w, h, x, y;
      GdkTexture *texture = dn_pdf_page_cache_use (self->cache, i);

      dn_pdf_layout_page_size (&self->layout, i, &w, &h);
      x = dn_pdf_layout_page_left (&self->layout, i, width, hvalue);
      y = self->layout.tops[i] - top;
      gtk_snapshot_append_color (snapshot, &border, &GRAPHENE_RECT_INIT (x - 1, y - 1, w + 2, h + 2));
      if (texture != NULL)
        gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, w, h));
      else
        gtk_snapshot_append_color (snapshot, dn_pdf_page_jobs_failed (self->jobs, i) ? &failed : &white,
                                   &GRAPHENE_RECT_INIT (x, y, w, h));
      dn_pdf_hits_snapshot (self->hits, snapshot, i, x, y, points_to_pixels (self));
      dn_pdf_selection_snapshot (self->selection, snapshot, i, x, y, points_to_pixels (self));
    }
}

/*
 * GObject
 */

static void
dn_pdf_pages_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DnPdfPages *self = DN_PDF_PAGES (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SIZING:
      g_value_set_int (value, self->sizing);
      break;
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_int (value, self->layout.n_pages);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, !dn_pdf_selection_is_empty (self->selection));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_pdf_pages_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DnPdfPages *self = DN_PDF_PAGES (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      dn_pdf_pages_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SIZING:
      dn_pdf_pages_set_sizing (self, g_value_get_int (value));
      break;
    case PROP_PAGE:
      dn_pdf_pages_go_to_page (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
forget_document (DnPdfPages *self)
{
  dn_pdf_page_jobs_clear (self->jobs);
  dn_pdf_page_cache_clear (self->cache);
  dn_pdf_hits_clear (self->hits, 0);
  dn_pdf_selection_reset (self->selection, NULL, NULL);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_object (&self->renderer);
  dn_pdf_layout_clear (&self->layout);
  self->page = 0;
}

static void
dn_pdf_pages_dispose (GObject *object)
{
  DnPdfPages *self = DN_PDF_PAGES (object);

  forget_document (self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (dn_pdf_pages_parent_class)->dispose (object);
}

static void
dn_pdf_pages_finalize (GObject *object)
{
  DnPdfPages *self = DN_PDF_PAGES (object);

  dn_pdf_page_jobs_free (self->jobs);
  dn_pdf_page_cache_free (self->cache);
  dn_pdf_hits_free (self->hits);
  dn_pdf_selection_free (self->selection);

  G_OBJECT_CLASS (dn_pdf_pages_parent_class)->finalize (object);
}

static void
dn_pdf_pages_class_init (DnPdfPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dn_pdf_pages_get_property;
  object_class->set_property = dn_pdf_pages_set_property;
  object_class->dispose = dn_pdf_pages_dispose;
  object_class->finalize = dn_pdf_pages_finalize;
  widget_class->measure = dn_pdf_pages_measure;
  widget_class->size_allocate = dn_pdf_pages_size_allocate;
  widget_class->snapshot = dn_pdf_pages_snapshot;

  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, DN_PDF_ZOOM_MIN, DN_PDF_ZOOM_MAX, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZING] = g_param_spec_int ("sizing", NULL, NULL, DN_PDF_SIZING_FREE, DN_PDF_SIZING_FIT_PAGE,
                                              DN_PDF_SIZING_FIT_WIDTH,
                                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] = g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "dn-pdf-pages");
}

static void
dn_pdf_pages_init (DnPdfPages *self)
{
  self->zoom = 1.0;
  self->sizing = DN_PDF_SIZING_FIT_WIDTH;
  self->cache = dn_pdf_page_cache_new (DN_PDF_PAGES_CACHE_BYTES);
  self->jobs = dn_pdf_page_jobs_new (G_OBJECT (self), on_rendered);
  self->hits = dn_pdf_hits_new (GTK_WIDGET (self));
  self->selection = dn_pdf_selection_new (GTK_WIDGET (self), &self->layout, properties[PROP_HAS_SELECTION]);
  /* until a scrolled window gives its own */
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  /* moved to a screen of another scale: the pages again, as sharp */
  g_signal_connect_swapped (self, "notify::scale-factor", G_CALLBACK (on_adjustment_value_changed_cb), self);
}

/*
 * Public
 */

GtkWidget *
dn_pdf_pages_new (void)
{
  return g_object_new (DN_TYPE_PDF_PAGES, NULL);
}

void
dn_pdf_pages_set_document (DnPdfPages    *self,
                           DnPdfRenderer *renderer,
                           DnPdfDocument *document)
{
  g_return_if_fail (DN_IS_PDF_PAGES (self));
  g_return_if_fail (document == NULL || DN_IS_PDF_RENDERER (renderer));

  forget_document (self);
  if (document != NULL)
    {
      self->renderer = g_object_ref (renderer);
      self->document = dn_pdf_document_ref (document);
      dn_pdf_layout_reset (&self->layout, document, points_to_pixels (self));
      dn_pdf_hits_clear (self->hits, self->layout.n_pages);
      dn_pdf_selection_reset (self->selection, renderer, document);
    }
  self->page_pinned = FALSE;
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

DnPdfDocument *
dn_pdf_pages_get_document (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), NULL);

  return self->document;
}

int
dn_pdf_pages_get_n_pages (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), 0);

  return self->layout.n_pages;
}

double
dn_pdf_pages_get_zoom (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), 1);

  return self->zoom;
}

void
dn_pdf_pages_set_zoom (DnPdfPages *self,
                       double      zoom)
{
  g_return_if_fail (DN_IS_PDF_PAGES (self));

  dn_pdf_pages_set_sizing (self, DN_PDF_SIZING_FREE);
  if (self->document == NULL)
    {
      self->zoom = CLAMP (zoom, DN_PDF_ZOOM_MIN, DN_PDF_ZOOM_MAX);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      return;
    }
  apply_zoom (self, zoom);
}

DnPdfSizing
dn_pdf_pages_get_sizing (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), DN_PDF_SIZING_FREE);

  return self->sizing;
}

void
dn_pdf_pages_set_sizing (DnPdfPages  *self,
                         DnPdfSizing  sizing)
{
  g_return_if_fail (DN_IS_PDF_PAGES (self));

  if (self->sizing == sizing)
    return;
  self->sizing = sizing;
  if (sizing == DN_PDF_SIZING_FIT_PAGE)
    self->page_pinned = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZING]);
  if (sizing != DN_PDF_SIZING_FREE && self->document != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    apply_zoom (self, fitting_zoom (self));
}

int
dn_pdf_pages_get_page (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), 0);

  return self->page;
}

void
dn_pdf_pages_go_to_page (DnPdfPages *self,
                         int         page)
{
  g_return_if_fail (DN_IS_PDF_PAGES (self));

  if (self->document == NULL)
    return;
  page = CLAMP (page, 0, self->layout.n_pages - 1);
  if (self->sizing == DN_PDF_SIZING_FIT_PAGE)
    {
      /* each page may have its own size */
      self->page = page;
      apply_zoom (self, fitting_zoom (self));
    }
  gtk_adjustment_set_value (self->vadjustment, self->layout.tops[page] - GAP);
  self->page_pinned = TRUE;
  if (self->page != page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  update_jobs (self);
}

void
dn_pdf_pages_show_rect (DnPdfPages      *self,
                        int              page,
                        const DnPdfRect *rect)
{
  double s, y, x, height, width, top, w, h;

  g_return_if_fail (DN_IS_PDF_PAGES (self));

  if (self->document == NULL || page < 0 || page >= self->layout.n_pages)
    return;
  s = points_to_pixels (self);
  height = gtk_widget_get_height (GTK_WIDGET (self));
  width = gtk_widget_get_width (GTK_WIDGET (self));
  top = gtk_adjustment_get_value (self->vadjustment);
  y = self->layout.tops[page] + rect->y * s;
  if (y < top + GAP || y + rect->height * s > top + height - GAP)
    gtk_adjustment_set_value (self->vadjustment, y - height / 3);
  dn_pdf_layout_page_size (&self->layout, page, &w, &h);
  x = (self->layout.content_width - w) / 2 + rect->x * s;
  if (self->layout.content_width > width)
    {
      double left = gtk_adjustment_get_value (self->hadjustment);

      if (x < left || x + rect->width * s > left + width)
        gtk_adjustment_set_value (self->hadjustment, x - width / 3);
    }
  /* the page of what is shown, rather than the one at the top edge (till
   * the next scroll) */
  if (self->page != page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dn_pdf_pages_scroll_screens (DnPdfPages *self,
                             int         screens)
{
  g_return_if_fail (DN_IS_PDF_PAGES (self));

  if (self->vadjustment == NULL)
    return;
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment)
                                               + screens * gtk_adjustment_get_page_increment (self->vadjustment));
}

DnPdfHits *
dn_pdf_pages_get_hits (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), NULL);

  return self->hits;
}

GArray *
dn_pdf_pages_dup_cached (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), NULL);

  return dn_pdf_page_cache_dup_pages (self->cache, dn_pdf_pages_get_render_scale (self));
}

guint
dn_pdf_pages_get_n_requested (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), 0);

  return dn_pdf_page_jobs_get_n_requested (self->jobs);
}

DnPdfSelection *
dn_pdf_pages_get_selection (DnPdfPages *self)
{
  g_return_val_if_fail (DN_IS_PDF_PAGES (self), NULL);

  return self->selection;
}
