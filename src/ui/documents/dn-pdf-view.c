/* dn-pdf-view.c: a PDF file shown in a window: pages, zoom, find,
 * thumbnails
 *
 * Everything poppler does happens on the renderer's worker: opening (the
 * view says "Opening…" meanwhile), the pages (DnPdfPages), the thumbnails
 * of the side bar (a GtkListView: only the rows in sight are bound, and
 * each bound row asks for its thumbnail, cancelled when the row is
 * unbound) and find (one job per page, at the lowest priority so pages on
 * screen come first, from the current page on, all cancelled when the
 * words change).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dn-pdf-view.h"
#include "dn-ui.h"

#define THUMBNAIL_WIDTH  110
#define THUMBNAILS_KEPT  64
#define ZOOM_STEP        1.2

struct _DnPdfView
{
  GtkWidget          parent_instance;

  DnPdfRenderer     *renderer;
  DnPdfDocument     *document;
  GFile             *file;
  int                initial_page;
  GCancellable      *open_cancellable;
  char              *error;
  gboolean           show_thumbnails;
  guint              refresh_idle;     /* page and zoom shown after a layout */

  /* find */
  char              *find_words;
  GCancellable      *find_cancellable;
  int               *find_counts;      /* matches per page; -1: not searched yet */
  guint              n_matches;
  int                n_searched;
  int                match_page;
  int                match_hit;

  /* thumbnails */
  GtkStringList     *thumbnail_pages;
  GtkSelectionModel *thumbnail_selection;  /* the list's model while it is shown */
  GHashTable        *thumbnail_cache;  /* page → GdkTexture */
  GQueue             thumbnail_order;  /* pages, oldest first */

  /* Template widgets */
  GtkWidget         *content;
  GtkWidget         *toolbar;
  GtkToggleButton   *thumbnails_button;
  GtkWidget         *zoom_out_button;
  GtkLabel          *zoom_label;
  GtkWidget         *zoom_in_button;
  GtkWidget         *fit_width_button;
  GtkWidget         *fit_page_button;
  GtkEntry          *page_entry;
  GtkLabel          *n_pages_label;
  GtkToggleButton   *find_button;
  GtkSearchBar      *find_bar;
  GtkSearchEntry    *find_entry;
  GtkWidget         *find_previous_button;
  GtkWidget         *find_next_button;
  GtkLabel          *find_label;
  GtkStack          *stack;
  GtkPaned          *paned;
  GtkWidget         *thumbnails_scroller;
  GtkListView       *thumbnails;
  GtkScrolledWindow *scroller;
  DnPdfPages        *pages;
  GtkLabel          *message_label;
  GtkWidget         *password_box;
  GtkPasswordEntry  *password_entry;
  GtkWidget         *unlock_button;
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_ERROR,
  PROP_SHOW_THUMBNAILS,
  PROP_N_MATCHES,
  PROP_MATCH,
  PROP_FIND_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DnPdfView, dn_pdf_view, GTK_TYPE_WIDGET)

static void start_find (DnPdfView *self);

/*
 * The state shown
 */

static void
update_actions (DnPdfView *self)
{
  gboolean open = self->document != NULL;
  int page = dn_pdf_pages_get_page (self->pages);
  int n = dn_pdf_pages_get_n_pages (self->pages);
  double zoom = dn_pdf_pages_get_zoom (self->pages);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in", open && zoom < DN_PDF_ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out", open && zoom > DN_PDF_ZOOM_MIN + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-reset", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.fit-width", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.fit-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-next", open && self->n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-previous", open && self->n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.go-to-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.next-page", open && page < n - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.previous-page", open && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.first-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.last-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.scroll-down", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.scroll-up", open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_entry), open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), open);
}

static void
show_page_number (DnPdfView *self)
{
  g_autofree char *number = NULL;
  g_autofree char *count = NULL;
  int n = dn_pdf_pages_get_n_pages (self->pages);

  if (self->document == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "");
      gtk_label_set_text (self->n_pages_label, "");
      return;
    }
  number = g_strdup_printf ("%d", dn_pdf_pages_get_page (self->pages) + 1);
  /* TRANSLATORS: after the page number entry: "12 / 500" */
  count = g_strdup_printf (_("/ %d"), n);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  gtk_label_set_text (self->n_pages_label, count);
}

static void
show_page (DnPdfView *self)
{
  show_page_number (self);
  update_actions (self);
  if (self->show_thumbnails && self->document != NULL)
    gtk_selection_model_select_item (self->thumbnail_selection, dn_pdf_pages_get_page (self->pages), TRUE);
}

static void
show_zoom (DnPdfView *self)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: the zoom, in per cent */
  text = g_strdup_printf (_("%d %%"), (int) round (dn_pdf_pages_get_zoom (self->pages) * 100));
  gtk_label_set_text (self->zoom_label, text);
  update_actions (self);
}

static void
refresh (DnPdfView *self)
{
  show_zoom (self);
  show_page (self);
}

/* The page and the zoom change while the pages are laid out (fitting the
 * width of the window): the tool bar follows after that layout, not in
 * it. */
static void
on_page_changed_cb (DnPdfView *self)
{
  dn_ui_call_soon (&self->refresh_idle, G_CALLBACK (refresh), self);
}

static void
on_zoom_changed_cb (DnPdfView *self)
{
  dn_ui_call_soon (&self->refresh_idle, G_CALLBACK (refresh), self);
}

static void
show_message (DnPdfView  *self,
              const char *message,
              gboolean    password)
{
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (self->password_box, password);
  gtk_stack_set_visible_child_name (self->stack, "message");
  if (password)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

/*
 * Opening
 */

static void
forget_find (DnPdfView *self)
{
  if (self->find_cancellable != NULL)
    g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->find_counts, g_free);
  self->n_matches = 0;
  self->n_searched = 0;
  self->match_page = -1;
  self->match_hit = -1;
  dn_pdf_pages_clear_hits (self->pages);
}

static void
forget_thumbnails (DnPdfView *self)
{
  g_hash_table_remove_all (self->thumbnail_cache);
  g_queue_clear (&self->thumbnail_order);
  gtk_string_list_splice (self->thumbnail_pages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->thumbnail_pages)),
                          NULL);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DnPdfView) self = user_data;
  g_autoptr(GError) error = NULL;
  DnPdfDocument *document = dn_pdf_renderer_open_finish (DN_PDF_RENDERER (source), result, &error);
  int n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->open_cancellable);
  if (document == NULL)
    {
      gboolean password = g_error_matches (error, DN_PDF_ERROR, DN_PDF_ERROR_ENCRYPTED)
                          || g_error_matches (error, DN_PDF_ERROR, DN_PDF_ERROR_BAD_PASSWORD);

      g_free (self->error);
      self->error = g_strdup (error->message);
      show_message (self, error->message, password);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  g_clear_pointer (&self->error, g_free);
  self->document = document;
  dn_pdf_pages_set_document (self->pages, self->renderer, document);
  n = dn_pdf_document_get_n_pages (document);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

    for (int i = 0; i < n; i++)
      g_ptr_array_add (labels, g_strdup_printf ("%d", i + 1));
    g_ptr_array_add (labels, NULL);
    gtk_string_list_splice (self->thumbnail_pages, 0, 0, (const char * const *) labels->pdata);
  }
  gtk_stack_set_visible_child_name (self->stack, "pages");
  if (self->initial_page > 0)
    dn_pdf_pages_go_to_page (self->pages, self->initial_page);
  show_page_number (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (self->find_words != NULL && gtk_search_bar_get_search_mode (self->find_bar))
    start_find (self);
}

static void
open_file (DnPdfView  *self,
           const char *password)
{
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  forget_find (self);
  forget_thumbnails (self);
  dn_pdf_pages_set_document (self->pages, NULL, NULL);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  if (self->renderer == NULL)
    self->renderer = g_object_ref (dn_pdf_renderer_get_default ());
  show_message (self, _("Opening…"), FALSE);
  update_actions (self);
  show_page_number (self);
  dn_pdf_renderer_open_async (self->renderer, self->file, password, self->open_cancellable, on_opened_cb,
                              g_object_ref (self));
}

static void
on_unlock_cb (DnPdfView *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->file == NULL || password[0] == '\0')
    return;
  open_file (self, password);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
}

/*
 * Pages
 */

static void
on_page_entry_activate_cb (DnPdfView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  guint64 number = 0;

  if (self->document != NULL && g_ascii_string_to_unsigned (g_strstrip ((char *) text), 10, 1,
                                                            dn_pdf_document_get_n_pages (self->document), &number,
                                                            NULL))
    dn_pdf_pages_go_to_page (self->pages, (int) number - 1);
  else
    gtk_widget_error_bell (GTK_WIDGET (self->page_entry));
  show_page_number (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pages));
}

/*
 * Thumbnails
 */

typedef struct
{
  DnPdfView   *self;
  GtkListItem *item;
  int          page;
} ThumbnailRequest;

static void
keep_thumbnail (DnPdfView  *self,
                int         page,
                GdkTexture *texture)
{
  g_hash_table_replace (self->thumbnail_cache, GINT_TO_POINTER (page), g_object_ref (texture));
  g_queue_push_tail (&self->thumbnail_order, GINT_TO_POINTER (page));
  while (g_queue_get_length (&self->thumbnail_order) > THUMBNAILS_KEPT)
    {
      int old = GPOINTER_TO_INT (g_queue_pop_head (&self->thumbnail_order));

      if (g_queue_find (&self->thumbnail_order, GINT_TO_POINTER (old)) == NULL)
        g_hash_table_remove (self->thumbnail_cache, GINT_TO_POINTER (old));
    }
}

static void
on_thumbnail_rendered_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  ThumbnailRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = dn_pdf_renderer_render_finish (DN_PDF_RENDERER (source), result, &error);

  if (surface != NULL)
    {
      int width = cairo_image_surface_get_width (surface);
      int height = cairo_image_surface_get_height (surface);
      int stride = cairo_image_surface_get_stride (surface);
      g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                            (gsize) stride * height,
                                                            (GDestroyNotify) cairo_surface_destroy, surface);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
      GtkWidget *box = gtk_list_item_get_child (request->item);

      if (request->self->document != NULL)
        keep_thumbnail (request->self, request->page, texture);
      if (box != NULL
          && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (request->item), "page")) == request->page + 1)
        gtk_picture_set_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)), GDK_PAINTABLE (texture));
    }
  g_object_unref (request->item);
  g_object_unref (request->self);
  g_free (request);
}

static void
on_thumbnail_setup_cb (DnPdfView   *self,
                       GtkListItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picture, "dn-pdf-thumbnail");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
on_thumbnail_bind_cb (DnPdfView   *self,
                      GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  const char *number = gtk_string_object_get_string (gtk_list_item_get_item (item));
  int page = atoi (number) - 1;
  g_autofree char *spoken = g_strdup_printf (_("Page %d"), page + 1);
  GdkTexture *texture;
  double width, height, scale;

  if (self->document == NULL || page < 0 || page >= dn_pdf_document_get_n_pages (self->document))
    return;
  g_object_set_data (G_OBJECT (item), "page", GINT_TO_POINTER (page + 1));
  gtk_label_set_text (GTK_LABEL (label), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  dn_pdf_document_get_page_size (self->document, page, &width, &height);
  scale = THUMBNAIL_WIDTH / width;
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, (int) ceil (height * scale));
  texture = g_hash_table_lookup (self->thumbnail_cache, GINT_TO_POINTER (page));
  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  if (texture == NULL)
    {
      ThumbnailRequest *request = g_new0 (ThumbnailRequest, 1);
      GCancellable *cancellable = g_cancellable_new ();

      request->self = g_object_ref (self);
      request->item = g_object_ref (item);
      request->page = page;
      g_object_set_data_full (G_OBJECT (item), "cancellable", cancellable, g_object_unref);
      dn_pdf_renderer_render_async (self->renderer, self->document, page,
                                    scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                    DN_PDF_PRIORITY_THUMBNAIL, cancellable, on_thumbnail_rendered_cb, request);
    }
}

static void
on_thumbnail_unbind_cb (DnPdfView   *self,
                        GtkListItem *item)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (item), "cancellable");

  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
  g_object_set_data (G_OBJECT (item), "cancellable", NULL);
  g_object_set_data (G_OBJECT (item), "page", NULL);
}

static void
on_thumbnail_activate_cb (DnPdfView *self,
                          guint      position)
{
  dn_pdf_pages_go_to_page (self->pages, (int) position);
  gtk_widget_grab_focus (GTK_WIDGET (self->pages));
}

static void
set_show_thumbnails (DnPdfView *self,
                     gboolean   show)
{
  if (self->show_thumbnails == show)
    return;
  self->show_thumbnails = show;
  /* a hidden list binds no row (and asks for no thumbnail) */
  gtk_list_view_set_model (self->thumbnails, show ? self->thumbnail_selection : NULL);
  gtk_widget_set_visible (self->thumbnails_scroller, show);
  if (show && self->document != NULL)
    gtk_selection_model_select_item (self->thumbnail_selection, dn_pdf_pages_get_page (self->pages), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_THUMBNAILS]);
}

/*
 * Find
 */

static void
show_find_state (DnPdfView *self)
{
  g_autofree char *text = NULL;
  gboolean done = self->document != NULL && self->n_searched == dn_pdf_document_get_n_pages (self->document);

  if (self->find_words == NULL)
    text = g_strdup ("");
  else if (self->n_matches == 0)
    text = g_strdup (done ? _("Not found") : _("Searching…"));
  else if (self->match_page >= 0)
    {
      int ordinal = self->match_hit + 1;

      for (int i = 0; i < self->match_page; i++)
        ordinal += MAX (self->find_counts[i], 0);
      /* TRANSLATORS: the current match and how many there are: "3 of 12" */
      text = g_strdup_printf (_("%d of %u"), ordinal, self->n_matches);
    }
  gtk_label_set_text (self->find_label, text);
  update_actions (self);
}

static void
select_match (DnPdfView *self,
              int        page,
              int        hit)
{
  DnPdfRect rect;

  self->match_page = page;
  self->match_hit = hit;
  dn_pdf_pages_set_current_hit (self->pages, page, hit);
  if (dn_pdf_pages_get_hit_rect (self->pages, page, hit, &rect))
    dn_pdf_pages_show_rect (self->pages, page, &rect);
  show_find_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH]);
}

typedef struct
{
  DnPdfView *self;
  int        page;
} FindRequest;

static void
on_found_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  FindRequest *request = user_data;
  DnPdfView *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rects = dn_pdf_renderer_find_finish (DN_PDF_RENDERER (source), result, &error);
  int page = request->page;

  g_free (request);
  if (rects == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  if (self->find_counts != NULL && self->find_counts[page] < 0)
    {
      guint n = rects != NULL ? dn_pdf_rects_count_hits (rects) : 0;

      self->find_counts[page] = (int) n;
      self->n_searched++;
      self->n_matches += n;
      if (n > 0)
        {
          dn_pdf_pages_set_hits (self->pages, page, rects);
          if (self->match_page < 0)
            select_match (self, page, 0);
        }
      show_find_state (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
      if (self->n_searched == dn_pdf_document_get_n_pages (self->document))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIND_DONE]);
    }
  g_object_unref (self);
}

static void
start_find (DnPdfView *self)
{
  int n, from;

  forget_find (self);
  if (self->document == NULL || self->find_words == NULL)
    {
      show_find_state (self);
      return;
    }
  n = dn_pdf_document_get_n_pages (self->document);
  self->find_counts = g_new (int, n);
  for (int i = 0; i < n; i++)
    self->find_counts[i] = -1;
  self->find_cancellable = g_cancellable_new ();
  from = dn_pdf_pages_get_page (self->pages);
  for (int k = 0; k < n; k++)
    {
      FindRequest *request = g_new (FindRequest, 1);

      request->self = g_object_ref (self);
      request->page = (from + k) % n;
      dn_pdf_renderer_find_async (self->renderer, self->document, request->page, self->find_words,
                                  DN_PDF_PRIORITY_BACKGROUND, self->find_cancellable, on_found_cb, request);
    }
  show_find_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

/* The match @step (1 or -1) from the current one, among the pages
 * searched so far, going round. */
static void
move_match (DnPdfView *self,
            int        step)
{
  int n, page, hit;

  if (self->document == NULL || self->n_matches == 0 || self->find_counts == NULL)
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
      hit = step > 0 ? 0 : MAX (self->find_counts[page], 0) - 1;
    }
  for (int k = 0; k <= n && !(hit >= 0 && hit < MAX (self->find_counts[page], 0)); k++)
    {
      page = (page + step + n) % n;
      hit = step > 0 ? 0 : MAX (self->find_counts[page], 0) - 1;
    }
  if (hit < 0 || hit >= MAX (self->find_counts[page], 0))
    return;
  select_match (self, page, hit);
}

static void
on_find_changed_cb (DnPdfView *self)
{
  g_autofree char *words = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->find_entry))));

  /* the same words (the entry reports them after a delay): the search
   * under way, or done, stays */
  if (g_strcmp0 (words[0] != '\0' ? words : NULL, self->find_words) == 0 && self->find_counts != NULL)
    return;
  g_clear_pointer (&self->find_words, g_free);
  if (words[0] != '\0')
    self->find_words = g_steal_pointer (&words);
  start_find (self);
}

static void
on_find_activate_cb (DnPdfView *self)
{
  move_match (self, 1);
}

static void
on_find_next_cb (DnPdfView *self)
{
  move_match (self, 1);
}

static void
on_find_previous_cb (DnPdfView *self)
{
  move_match (self, -1);
}

static void
on_find_stop_cb (DnPdfView *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

static void
on_search_mode_changed_cb (DnPdfView *self)
{
  if (!gtk_search_bar_get_search_mode (self->find_bar))
    {
      forget_find (self);
      show_find_state (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->pages));
    }
  else if (self->find_words != NULL && self->find_counts == NULL)
    start_find (self);
}

/*
 * Actions
 */

static void
zoom_by (DnPdfView *self,
         double     factor)
{
  dn_pdf_pages_set_zoom (self->pages, dn_pdf_pages_get_zoom (self->pages) * factor);
}

static void
zoom_in (DnPdfView *self)
{
  zoom_by (self, ZOOM_STEP);
}

static void
zoom_out (DnPdfView *self)
{
  zoom_by (self, 1 / ZOOM_STEP);
}

static void
zoom_reset (DnPdfView *self)
{
  dn_pdf_pages_set_zoom (self->pages, 1.0);
}

static void
fit_width (DnPdfView *self)
{
  dn_pdf_pages_set_sizing (self->pages, DN_PDF_SIZING_FIT_WIDTH);
}

static void
fit_page (DnPdfView *self)
{
  dn_pdf_pages_set_sizing (self->pages, DN_PDF_SIZING_FIT_PAGE);
}

static void
find (DnPdfView *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
find_next (DnPdfView *self)
{
  move_match (self, 1);
}

static void
find_previous (DnPdfView *self)
{
  move_match (self, -1);
}

static void
next_page (DnPdfView *self)
{
  dn_pdf_pages_go_to_page (self->pages, dn_pdf_pages_get_page (self->pages) + 1);
}

static void
previous_page (DnPdfView *self)
{
  dn_pdf_pages_go_to_page (self->pages, dn_pdf_pages_get_page (self->pages) - 1);
}

static void
first_page (DnPdfView *self)
{
  dn_pdf_pages_go_to_page (self->pages, 0);
}

static void
last_page (DnPdfView *self)
{
  dn_pdf_pages_go_to_page (self->pages, dn_pdf_pages_get_n_pages (self->pages) - 1);
}

static void
scroll_down (DnPdfView *self)
{
  dn_pdf_pages_scroll_screens (self->pages, 1);
}

static void
scroll_up (DnPdfView *self)
{
  dn_pdf_pages_scroll_screens (self->pages, -1);
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DnPdfView *self = DN_PDF_VIEW (widget);

  dn_pdf_pages_go_to_page (self->pages, g_variant_get_int32 (param) - 1);
}

/*
 * GObject
 */

static void
dn_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DnPdfView *self = DN_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_boxed (value, self->document);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_SHOW_THUMBNAILS:
      g_value_set_boolean (value, self->show_thumbnails);
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    case PROP_MATCH:
      g_value_set_int (value, dn_pdf_view_get_match (self));
      break;
    case PROP_FIND_DONE:
      g_value_set_boolean (value, dn_pdf_view_get_find_done (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DnPdfView *self = DN_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_THUMBNAILS:
      set_show_thumbnails (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_pdf_view_dispose (GObject *object)
{
  DnPdfView *self = DN_PDF_VIEW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->find_cancellable != NULL)
    g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  if (self->thumbnail_cache != NULL)
    g_hash_table_remove_all (self->thumbnail_cache);
  g_queue_clear (&self->thumbnail_order);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PDF_VIEW);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_object (&self->renderer);
  g_clear_object (&self->file);
  g_clear_object (&self->thumbnail_selection);
  g_clear_object (&self->thumbnail_pages);

  G_OBJECT_CLASS (dn_pdf_view_parent_class)->dispose (object);
}

static void
dn_pdf_view_finalize (GObject *object)
{
  DnPdfView *self = DN_PDF_VIEW (object);

  g_free (self->error);
  g_free (self->find_words);
  g_free (self->find_counts);
  g_hash_table_unref (self->thumbnail_cache);

  G_OBJECT_CLASS (dn_pdf_view_parent_class)->finalize (object);
}

static void
dn_pdf_view_class_init (DnPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const DnAction actions[] = {
    { "pdf.zoom-in", G_CALLBACK (zoom_in) },
    { "pdf.zoom-out", G_CALLBACK (zoom_out) },
    { "pdf.zoom-reset", G_CALLBACK (zoom_reset) },
    { "pdf.fit-width", G_CALLBACK (fit_width) },
    { "pdf.fit-page", G_CALLBACK (fit_page) },
    { "pdf.find", G_CALLBACK (find) },
    { "pdf.find-next", G_CALLBACK (find_next) },
    { "pdf.find-previous", G_CALLBACK (find_previous) },
    { "pdf.next-page", G_CALLBACK (next_page) },
    { "pdf.previous-page", G_CALLBACK (previous_page) },
    { "pdf.first-page", G_CALLBACK (first_page) },
    { "pdf.last-page", G_CALLBACK (last_page) },
    { "pdf.scroll-down", G_CALLBACK (scroll_down) },
    { "pdf.scroll-up", G_CALLBACK (scroll_up) },
  };
  static const struct
  {
    guint           key;
    GdkModifierType mods;
    const char     *action;
  } keys[] = {
    { GDK_KEY_Page_Down, 0, "pdf.scroll-down" },
    { GDK_KEY_KP_Page_Down, 0, "pdf.scroll-down" },
    { GDK_KEY_Page_Up, 0, "pdf.scroll-up" },
    { GDK_KEY_KP_Page_Up, 0, "pdf.scroll-up" },
    { GDK_KEY_Home, 0, "pdf.first-page" },
    { GDK_KEY_End, 0, "pdf.last-page" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "pdf.fit-width" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "pdf.fit-width" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "pdf.find" },
    { GDK_KEY_F3, 0, "pdf.find-next" },
    { GDK_KEY_g, GDK_CONTROL_MASK, "pdf.find-next" },
    { GDK_KEY_F3, GDK_SHIFT_MASK, "pdf.find-previous" },
    { GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "pdf.find-previous" },
  };

  object_class->get_property = dn_pdf_view_get_property;
  object_class->set_property = dn_pdf_view_set_property;
  object_class->dispose = dn_pdf_view_dispose;
  object_class->finalize = dn_pdf_view_finalize;

  properties[PROP_DOCUMENT] = g_param_spec_boxed ("document", NULL, NULL, DN_TYPE_PDF_DOCUMENT,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_THUMBNAILS] = g_param_spec_boolean ("show-thumbnails", NULL, NULL, FALSE,
                                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                           | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] = g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATCH] = g_param_spec_int ("match", NULL, NULL, -1, G_MAXINT, -1,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIND_DONE] = g_param_spec_boolean ("find-done", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DN_TYPE_PDF_PAGES);
  dn_ui_class_set_bin_template (widget_class, "dn-pdf-view.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPdfView, content, toolbar, thumbnails_button, zoom_out_button, zoom_label,
                             zoom_in_button, fit_width_button, fit_page_button, page_entry, n_pages_label,
                             find_button, find_bar, find_entry, find_previous_button, find_next_button, find_label,
                             stack, paned, thumbnails_scroller, thumbnails, scroller, pages, message_label,
                             password_box, password_entry, unlock_button);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_page_entry_activate_cb, on_find_changed_cb, on_find_activate_cb,
                              on_find_next_cb, on_find_previous_cb, on_find_stop_cb, on_thumbnail_activate_cb,
                              on_thumbnail_setup_cb, on_thumbnail_bind_cb, on_thumbnail_unbind_cb, on_unlock_cb);

  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_install_action (widget_class, "pdf.go-to-page", "i", go_to_page_action);
  gtk_widget_class_install_property_action (widget_class, "pdf.show-thumbnails", "show-thumbnails");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
  gtk_widget_class_set_css_name (widget_class, "dn-pdf-view");
}

static void
dn_pdf_view_init (DnPdfView *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->thumbnail_cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->thumbnail_order);
  self->thumbnail_pages = gtk_string_list_new (NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->thumbnail_pages)));
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->thumbnail_selection = GTK_SELECTION_MODEL (selection);
  self->match_page = -1;
  self->match_hit = -1;

  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  g_object_bind_property (self->find_bar, "search-mode-enabled", self->find_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->find_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_changed_cb),
                            self);
  g_signal_connect_swapped (self->pages, "notify::page", G_CALLBACK (on_page_changed_cb), self);
  g_signal_connect_swapped (self->pages, "notify::n-pages", G_CALLBACK (on_page_changed_cb), self);
  g_signal_connect_swapped (self->pages, "notify::zoom", G_CALLBACK (on_zoom_changed_cb), self);
  show_zoom (self);
  show_message (self, _("No document."), FALSE);
  update_actions (self);
}

/*
 * Public
 */

GtkWidget *
dn_pdf_view_new (void)
{
  return g_object_new (DN_TYPE_PDF_VIEW, NULL);
}

void
dn_pdf_view_set_renderer (DnPdfView     *self,
                          DnPdfRenderer *renderer)
{
  g_return_if_fail (DN_IS_PDF_VIEW (self));
  g_return_if_fail (DN_IS_PDF_RENDERER (renderer));

  g_set_object (&self->renderer, renderer);
}

void
dn_pdf_view_open (DnPdfView *self,
                  GFile     *file,
                  int        page)
{
  g_return_if_fail (DN_IS_PDF_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  self->initial_page = MAX (page, 0);
  open_file (self, NULL);
}

DnPdfDocument *
dn_pdf_view_get_document (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), NULL);

  return self->document;
}

const char *
dn_pdf_view_get_error (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), NULL);

  return self->error;
}

DnPdfPages *
dn_pdf_view_get_pages (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), NULL);

  return self->pages;
}

void
dn_pdf_view_find (DnPdfView  *self,
                  const char *words)
{
  g_return_if_fail (DN_IS_PDF_VIEW (self));

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), words != NULL ? words : "");
  /* at once, not after the entry's delay */
  on_find_changed_cb (self);
}

guint
dn_pdf_view_get_n_matches (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), 0);

  return self->n_matches;
}

int
dn_pdf_view_get_match (DnPdfView *self)
{
  int ordinal;

  g_return_val_if_fail (DN_IS_PDF_VIEW (self), -1);

  if (self->match_page < 0 || self->find_counts == NULL)
    return -1;
  ordinal = self->match_hit;
  for (int i = 0; i < self->match_page; i++)
    ordinal += MAX (self->find_counts[i], 0);
  return ordinal;
}

gboolean
dn_pdf_view_get_find_done (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), FALSE);

  return self->document != NULL && self->find_counts != NULL
         && self->n_searched == dn_pdf_document_get_n_pages (self->document);
}
