/* dn-pdf-thumbnails.c: the pages of a PDF as a side bar of thumbnails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "dn-pdf-page-cache.h"
#include "dn-pdf-thumbnails.h"
#include "dn-ui.h"

#define THUMBNAIL_WIDTH  110
#define THUMBNAILS_KEPT  64

struct _DnPdfThumbnails
{
  GtkWidget          parent_instance;

  DnPdfRenderer     *renderer;
  DnPdfDocument     *document;
  GtkStringList     *pages;
  GtkSelectionModel *selection;  /* the list's model while it is shown */
  gboolean           shown;
  GHashTable        *cache;      /* page → GdkTexture */
  GQueue             order;      /* pages, oldest first */

  /* Template widgets */
  GtkWidget         *scroller;
  GtkListView       *list;
};

enum
{
  PAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DnPdfThumbnails, dn_pdf_thumbnails, GTK_TYPE_WIDGET)

typedef struct
{
  DnPdfThumbnails *self;
  GtkListItem     *item;
  int              page;
} ThumbnailRequest;

static void
keep_thumbnail (DnPdfThumbnails *self,
                int              page,
                GdkTexture      *texture)
{
  g_hash_table_replace (self->cache, GINT_TO_POINTER (page), g_object_ref (texture));
  g_queue_push_tail (&self->order, GINT_TO_POINTER (page));
  while (g_queue_get_length (&self->order) > THUMBNAILS_KEPT)
    {
      int old = GPOINTER_TO_INT (g_queue_pop_head (&self->order));

      if (g_queue_find (&self->order, GINT_TO_POINTER (old)) == NULL)
        g_hash_table_remove (self->cache, GINT_TO_POINTER (old));
    }
}

static void
on_rendered_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ThumbnailRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = dn_pdf_renderer_render_finish (DN_PDF_RENDERER (source), result, &error);

  if (surface != NULL)
    {
      g_autoptr(GdkTexture) texture = dn_pdf_texture_new_for_surface (surface);
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
on_setup_cb (DnPdfThumbnails *self,
             GtkListItem     *item)
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
on_bind_cb (DnPdfThumbnails *self,
            GtkListItem     *item)
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
  texture = g_hash_table_lookup (self->cache, GINT_TO_POINTER (page));
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
                                    DN_PDF_PRIORITY_THUMBNAIL, cancellable, on_rendered_cb, request);
    }
}

static void
on_unbind_cb (DnPdfThumbnails *self,
              GtkListItem     *item)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (item), "cancellable");

  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
  g_object_set_data (G_OBJECT (item), "cancellable", NULL);
  g_object_set_data (G_OBJECT (item), "page", NULL);
}

static void
on_activate_cb (DnPdfThumbnails *self,
                guint            position)
{
  g_signal_emit (self, signals[PAGE_ACTIVATED], 0, (int) position);
}

/*
 * GObject
 */

static void
dn_pdf_thumbnails_dispose (GObject *object)
{
  DnPdfThumbnails *self = DN_PDF_THUMBNAILS (object);

  if (self->cache != NULL)
    g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->order);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PDF_THUMBNAILS);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_object (&self->renderer);
  g_clear_object (&self->selection);
  g_clear_object (&self->pages);

  G_OBJECT_CLASS (dn_pdf_thumbnails_parent_class)->dispose (object);
}

static void
dn_pdf_thumbnails_finalize (GObject *object)
{
  DnPdfThumbnails *self = DN_PDF_THUMBNAILS (object);

  g_hash_table_unref (self->cache);

  G_OBJECT_CLASS (dn_pdf_thumbnails_parent_class)->finalize (object);
}

static void
dn_pdf_thumbnails_class_init (DnPdfThumbnailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_pdf_thumbnails_dispose;
  object_class->finalize = dn_pdf_thumbnails_finalize;

  signals[PAGE_ACTIVATED] = g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  dn_ui_class_set_bin_template (widget_class, "dn-pdf-thumbnails.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPdfThumbnails, scroller, list);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_activate_cb, on_setup_cb, on_bind_cb, on_unbind_cb);
  gtk_widget_class_set_css_name (widget_class, "dn-pdf-thumbnails");
}

static void
dn_pdf_thumbnails_init (DnPdfThumbnails *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->order);
  self->pages = gtk_string_list_new (NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->pages)));
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->selection = GTK_SELECTION_MODEL (selection);
}

/*
 * Public
 */

void
dn_pdf_thumbnails_set_document (DnPdfThumbnails *self,
                                DnPdfRenderer   *renderer,
                                DnPdfDocument   *document)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  int n = document != NULL ? dn_pdf_document_get_n_pages (document) : 0;

  g_return_if_fail (DN_IS_PDF_THUMBNAILS (self));
  g_return_if_fail (document == NULL || DN_IS_PDF_RENDERER (renderer));

  g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->order);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_object (&self->renderer);
  if (document != NULL)
    {
      self->renderer = g_object_ref (renderer);
      self->document = dn_pdf_document_ref (document);
    }
  for (int i = 0; i < n; i++)
    g_ptr_array_add (labels, g_strdup_printf ("%d", i + 1));
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->pages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pages)),
                          (const char * const *) labels->pdata);
}

void
dn_pdf_thumbnails_set_shown (DnPdfThumbnails *self,
                             gboolean         shown)
{
  g_return_if_fail (DN_IS_PDF_THUMBNAILS (self));

  self->shown = shown;
  /* a hidden list binds no row (and asks for no thumbnail) */
  gtk_list_view_set_model (self->list, shown ? self->selection : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
}

void
dn_pdf_thumbnails_select_page (DnPdfThumbnails *self,
                               int              page)
{
  g_return_if_fail (DN_IS_PDF_THUMBNAILS (self));

  if (self->shown && self->document != NULL)
    gtk_selection_model_select_item (self->selection, page, TRUE);
}
