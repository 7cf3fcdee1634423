/* dn-pdf-find-bar.c: find in a PDF, the bar and the search
 *
 * One find job per page, at the lowest priority so pages on screen come
 * first, from the current page on, all cancelled when the words change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-pdf-find-bar.h"
#include "dn-ui.h"

struct _DnPdfFindBar
{
  GtkWidget       parent_instance;

  DnPdfPages     *pages;
  DnPdfRenderer  *renderer;
  DnPdfDocument  *document;
  char           *words;
  GCancellable   *cancellable;
  int            *counts;      /* matches per page; -1: not searched yet */
  guint           n_matches;
  int             n_searched;
  int             match_page;
  int             match_hit;

  /* Template widgets */
  GtkSearchBar   *bar;
  GtkSearchEntry *entry;
  GtkLabel       *label;
};

enum
{
  PROP_0,
  PROP_SEARCH_MODE_ENABLED,
  PROP_N_MATCHES,
  PROP_MATCH,
  PROP_FIND_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DnPdfFindBar, dn_pdf_find_bar, GTK_TYPE_WIDGET)

static void
forget_find (DnPdfFindBar *self)
{
  guint n_matches = self->n_matches;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->counts, g_free);
  self->n_matches = 0;
  self->n_searched = 0;
  self->match_page = -1;
  self->match_hit = -1;
  if (self->pages != NULL)
    dn_pdf_hits_clear (dn_pdf_pages_get_hits (self->pages), 0);
  if (n_matches != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

static void
show_find_state (DnPdfFindBar *self)
{
  g_autofree char *text = NULL;

  if (self->words == NULL)
    text = g_strdup ("");
  else if (self->n_matches == 0)
    text = g_strdup (dn_pdf_find_bar_get_find_done (self) ? _("Not found") : _("Searching…"));
  else if (self->match_page >= 0)
    /* TRANSLATORS: the current match and how many there are: "3 of 12" */
    text = g_strdup_printf (_("%d of %u"), dn_pdf_find_bar_get_match (self) + 1, self->n_matches);
  gtk_label_set_text (self->label, text);
}

static void
select_match (DnPdfFindBar *self,
              int           page,
              int           hit)
{
  DnPdfRect rect;

  self->match_page = page;
  self->match_hit = hit;
  dn_pdf_hits_set_current (dn_pdf_pages_get_hits (self->pages), page, hit);
  if (dn_pdf_hits_get_rect (dn_pdf_pages_get_hits (self->pages), page, hit, &rect))
    dn_pdf_pages_show_rect (self->pages, page, &rect);
  show_find_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH]);
}

typedef struct
{
  DnPdfFindBar *self;
  int           page;
} FindRequest;

static void
on_found_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  FindRequest *request = user_data;
  g_autoptr(DnPdfFindBar) self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rects = dn_pdf_renderer_find_finish (DN_PDF_RENDERER (source), result, &error);
  int page = request->page;
  guint n;

  g_free (request);
  if (rects == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->counts == NULL || self->counts[page] >= 0)
    return;
  n = rects != NULL ? dn_pdf_rects_count_hits (rects) : 0;
  self->counts[page] = (int) n;
  self->n_searched++;
  self->n_matches += n;
  if (n > 0)
    {
      dn_pdf_hits_set (dn_pdf_pages_get_hits (self->pages), page, rects);
      if (self->match_page < 0)
        select_match (self, page, 0);
    }
  show_find_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  if (dn_pdf_find_bar_get_find_done (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIND_DONE]);
}

static void
start_find (DnPdfFindBar *self)
{
  int n, from;

  forget_find (self);
  if (self->document == NULL || self->words == NULL)
    {
      show_find_state (self);
      return;
    }
  n = dn_pdf_document_get_n_pages (self->document);
  self->counts = g_new (int, n);
  for (int i = 0; i < n; i++)
    self->counts[i] = -1;
  self->cancellable = g_cancellable_new ();
  from = dn_pdf_pages_get_page (self->pages);
  for (int k = 0; k < n; k++)
    {
      FindRequest *request = g_new (FindRequest, 1);

      request->self = g_object_ref (self);
      request->page = (from + k) % n;
      dn_pdf_renderer_find_async (self->renderer, self->document, request->page, self->words,
                                  DN_PDF_PRIORITY_BACKGROUND, self->cancellable, on_found_cb, request);
    }
  show_find_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

/* The matches found on @page so far (0 while it is not searched). */
static int
count (DnPdfFindBar *self,
       int           page)
{
  return MAX (self->counts[page], 0);
}

static void
on_changed_cb (DnPdfFindBar *self)
{
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  /* the same words (the entry reports them after a delay): the search
   * under way, or done, stays */
  if (g_strcmp0 (words[0] != '\0' ? words : NULL, self->words) == 0 && self->counts != NULL)
    return;
  g_clear_pointer (&self->words, g_free);
  if (words[0] != '\0')
    self->words = g_steal_pointer (&words);
  start_find (self);
}

static void
on_next_cb (DnPdfFindBar *self)
{
  dn_pdf_find_bar_move (self, 1);
}

static void
on_previous_cb (DnPdfFindBar *self)
{
  dn_pdf_find_bar_move (self, -1);
}

static void
on_stop_cb (DnPdfFindBar *self)
{
  gtk_search_bar_set_search_mode (self->bar, FALSE);
}

static void
on_search_mode_changed_cb (DnPdfFindBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->bar))
    {
      forget_find (self);
      show_find_state (self);
      if (self->pages != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->pages));
    }
  else if (self->words != NULL && self->counts == NULL)
    start_find (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

/*
 * GObject
 */

static void
dn_pdf_find_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DnPdfFindBar *self = DN_PDF_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->bar));
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    case PROP_MATCH:
      g_value_set_int (value, dn_pdf_find_bar_get_match (self));
      break;
    case PROP_FIND_DONE:
      g_value_set_boolean (value, dn_pdf_find_bar_get_find_done (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_pdf_find_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DnPdfFindBar *self = DN_PDF_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      dn_pdf_find_bar_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_pdf_find_bar_dispose (GObject *object)
{
  DnPdfFindBar *self = DN_PDF_FIND_BAR (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PDF_FIND_BAR);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_object (&self->renderer);
  g_clear_object (&self->pages);

  G_OBJECT_CLASS (dn_pdf_find_bar_parent_class)->dispose (object);
}

static void
dn_pdf_find_bar_finalize (GObject *object)
{
  DnPdfFindBar *self = DN_PDF_FIND_BAR (object);

  g_free (self->words);
  g_free (self->counts);

  G_OBJECT_CLASS (dn_pdf_find_bar_parent_class)->finalize (object);
}

static void
dn_pdf_find_bar_class_init (DnPdfFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dn_pdf_find_bar_get_property;
  object_class->set_property = dn_pdf_find_bar_set_property;
  object_class->dispose = dn_pdf_find_bar_dispose;
  object_class->finalize = dn_pdf_find_bar_finalize;

  properties[PROP_SEARCH_MODE_ENABLED] = g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                               | G_PARAM_STATIC_STRINGS);
  dn_pdf_find_bar_make_state_pspecs (&properties[PROP_N_MATCHES]);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  dn_ui_class_set_bin_template (widget_class, "dn-pdf-find-bar.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPdfFindBar, bar, entry, label);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_changed_cb, on_next_cb, on_previous_cb, on_stop_cb);
  gtk_widget_class_set_css_name (widget_class, "dn-pdf-find-bar");
}

static void
dn_pdf_find_bar_init (DnPdfFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->match_page = -1;
  self->match_hit = -1;
  gtk_search_bar_connect_entry (self->bar, GTK_EDITABLE (self->entry));
  g_signal_connect_swapped (self->bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_changed_cb), self);
}

/*
 * Public
 */

void
dn_pdf_find_bar_make_state_pspecs (GParamSpec **pspecs)
{
  pspecs[0] = g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  pspecs[1] = g_param_spec_int ("match", NULL, NULL, -1, G_MAXINT, -1, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  pspecs[2] = g_param_spec_boolean ("find-done", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

void
dn_pdf_find_bar_set_pages (DnPdfFindBar *self,
                           DnPdfPages   *pages)
{
  g_return_if_fail (DN_IS_PDF_FIND_BAR (self));
  g_return_if_fail (DN_IS_PDF_PAGES (pages));

  g_set_object (&self->pages, pages);
}

void
dn_pdf_find_bar_set_document (DnPdfFindBar  *self,
                              DnPdfRenderer *renderer,
                              DnPdfDocument *document)
{
  g_return_if_fail (DN_IS_PDF_FIND_BAR (self));
  g_return_if_fail (document == NULL || DN_IS_PDF_RENDERER (renderer));

  forget_find (self);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_object (&self->renderer);
  if (document == NULL)
    return;
  self->renderer = g_object_ref (renderer);
  self->document = dn_pdf_document_ref (document);
  if (self->words != NULL && gtk_search_bar_get_search_mode (self->bar))
    start_find (self);
}

void
dn_pdf_find_bar_set_search_mode (DnPdfFindBar *self,
                                 gboolean      enabled)
{
  g_return_if_fail (DN_IS_PDF_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->bar, enabled);
}

void
dn_pdf_find_bar_begin (DnPdfFindBar *self)
{
  g_return_if_fail (DN_IS_PDF_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

void
dn_pdf_find_bar_find (DnPdfFindBar *self,
                      const char   *words)
{
  g_return_if_fail (DN_IS_PDF_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), words != NULL ? words : "");
  /* at once, not after the entry's delay */
  on_changed_cb (self);
}

/* The match @step from the current one, among the pages searched so far. */
void
dn_pdf_find_bar_move (DnPdfFindBar *self,
                      int           step)
{
  int n, page, hit;

  g_return_if_fail (DN_IS_PDF_FIND_BAR (self));

  if (self->document == NULL || self->n_matches == 0 || self->counts == NULL)
    return;
  n = dn_pdf_document_get_n_pages (self->document);
  if (self->match_page >= 0)
    {
      page = self->match_page;
      hit = self->match_hit + step;
    }
  else
    {
      page = dn_pdf_pages_get_page (self->pages);
      hit = step > 0 ? 0 : count (self, page) - 1;
    }
  for (int k = 0; k <= n && !(hit >= 0 && hit < count (self, page)); k++)
    {
      page = (page + step + n) % n;
      hit = step > 0 ? 0 : count (self, page) - 1;
    }
  if (hit < 0 || hit >= count (self, page))
    return;
  select_match (self, page, hit);
}

guint
dn_pdf_find_bar_get_n_matches (DnPdfFindBar *self)
{
  g_return_val_if_fail (DN_IS_PDF_FIND_BAR (self), 0);

  return self->n_matches;
}

int
dn_pdf_find_bar_get_match (DnPdfFindBar *self)
{
  int ordinal;

  g_return_val_if_fail (DN_IS_PDF_FIND_BAR (self), -1);

  if (self->match_page < 0 || self->counts == NULL)
    return -1;
  ordinal = self->match_hit;
  for (int i = 0; i < self->match_page; i++)
    ordinal += count (self, i);
  return ordinal;
}

gboolean
dn_pdf_find_bar_get_find_done (DnPdfFindBar *self)
{
  g_return_val_if_fail (DN_IS_PDF_FIND_BAR (self), FALSE);

  return self->document != NULL && self->counts != NULL
         && self->n_searched == dn_pdf_document_get_n_pages (self->document);
}
