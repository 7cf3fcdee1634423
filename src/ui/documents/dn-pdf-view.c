/* dn-pdf-view.c: a PDF file shown in a window: pages, zoom, find,
 * thumbnails, selected text copied, printing, a copy saved
 *
 * The tool bar, the messages and the actions; the parts are widgets of
 * their own: the pages (DnPdfPages), the find bar (DnPdfFindBar) and the
 * thumbnails of the side bar (DnPdfThumbnails). Everything poppler does
 * happens on the renderer's worker, opening too (the view says "Opening…"
 * meanwhile).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dn-pdf-export.h"
#include "dn-pdf-find-bar.h"
#include "dn-pdf-thumbnails.h"
#include "dn-pdf-view.h"
#include "dn-ui.h"

#define ZOOM_STEP 1.2

struct _DnPdfView
{
  GtkWidget          parent_instance;

  DnPdfRenderer     *renderer;
  DnPdfDocument     *document;
  GFile             *file;
  char              *file_name;        /* the name the officer knows it by */
  int                initial_page;
  GCancellable      *open_cancellable;
  char              *error;
  gboolean           show_thumbnails;
  guint              refresh_idle;     /* page and zoom shown after a layout */

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
  DnPdfFindBar      *find_bar;
  GtkStack          *stack;
  GtkPaned          *paned;
  DnPdfThumbnails   *thumbnails;
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
  guint n_matches = dn_pdf_find_bar_get_n_matches (self->find_bar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in", open && zoom < DN_PDF_ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out", open && zoom > DN_PDF_ZOOM_MIN + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-reset", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.fit-width", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.fit-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-next", open && n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-previous", open && n_matches > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.go-to-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.next-page", open && page < n - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.previous-page", open && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.first-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.last-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.scroll-down", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.scroll-up", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.copy", open && !dn_pdf_selection_is_empty (dn_pdf_pages_get_selection (self->pages)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.select-all", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.print", open);
  /* a file that cannot be shown can still be kept elsewhere, or given to
   * another program */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.save-copy", self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.open-with", self->file != NULL);
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
  if (self->show_thumbnails)
    dn_pdf_thumbnails_select_page (self->thumbnails, dn_pdf_pages_get_page (self->pages));
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
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DnPdfView) self = user_data;
  g_autoptr(GError) error = NULL;
  DnPdfDocument *document = dn_pdf_renderer_open_finish (DN_PDF_RENDERER (source), result, &error);

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
  dn_pdf_thumbnails_set_document (self->thumbnails, self->renderer, document);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  if (self->initial_page > 0)
    dn_pdf_pages_go_to_page (self->pages, self->initial_page);
  show_page_number (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  dn_pdf_find_bar_set_document (self->find_bar, self->renderer, document);
}

static void
open_file (DnPdfView  *self,
           const char *password)
{
  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  dn_pdf_find_bar_set_document (self->find_bar, NULL, NULL);
  dn_pdf_thumbnails_set_document (self->thumbnails, NULL, NULL);
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
 * Thumbnails and find
 */

static void
on_thumbnail_activated_cb (DnPdfView *self,
                           int        page)
{
  dn_pdf_pages_go_to_page (self->pages, page);
  gtk_widget_grab_focus (GTK_WIDGET (self->pages));
}

static void
set_show_thumbnails (DnPdfView *self,
                     gboolean   show)
{
  if (self->show_thumbnails == show)
    return;
  self->show_thumbnails = show;
  dn_pdf_thumbnails_set_shown (self->thumbnails, show);
  dn_pdf_thumbnails_select_page (self->thumbnails, dn_pdf_pages_get_page (self->pages));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_THUMBNAILS]);
}

/* The find bar's state is the view's. */
static void
on_find_notify_cb (DnPdfView  *self,
                   GParamSpec *pspec)
{
  update_actions (self);
  g_object_notify (G_OBJECT (self), pspec->name);
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
  dn_pdf_find_bar_begin (self->find_bar);
}

static void
find_next (DnPdfView *self)
{
  dn_pdf_find_bar_move (self->find_bar, 1);
}

static void
find_previous (DnPdfView *self)
{
  dn_pdf_find_bar_move (self->find_bar, -1);
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
copy (DnPdfView *self)
{
  dn_pdf_export_copy (self->pages, gtk_widget_get_clipboard (GTK_WIDGET (self)));
}

static void
select_all (DnPdfView *self)
{
  dn_pdf_selection_select_all (dn_pdf_pages_get_selection (self->pages));
}

static GtkWindow *
parent_window (DnPdfView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
print (DnPdfView *self)
{
  dn_pdf_export_print (parent_window (self), self->renderer, self->document);
}

static void
save_copy (DnPdfView *self)
{
  dn_pdf_export_save_copy (parent_window (self), self->file, self->file_name);
}

static void
open_with (DnPdfView *self)
{
  dn_pdf_export_open_with (parent_window (self), self->file);
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
    case PROP_MATCH:
    case PROP_FIND_DONE:
      /* the find bar's, as they are */
      g_object_get_property (G_OBJECT (self->find_bar), pspec->name, value);
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
  if (self->find_bar != NULL)
    dn_pdf_find_bar_set_document (self->find_bar, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PDF_VIEW);
  g_clear_pointer (&self->document, dn_pdf_document_unref);
  g_clear_object (&self->renderer);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (dn_pdf_view_parent_class)->dispose (object);
}

static void
dn_pdf_view_finalize (GObject *object)
{
  DnPdfView *self = DN_PDF_VIEW (object);

  g_free (self->error);
  g_free (self->file_name);

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
    { "pdf.copy", G_CALLBACK (copy) },
    { "pdf.select-all", G_CALLBACK (select_all) },
    { "pdf.print", G_CALLBACK (print) },
    { "pdf.save-copy", G_CALLBACK (save_copy) },
    { "pdf.open-with", G_CALLBACK (open_with) },
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
    { GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy" },
    { GDK_KEY_a, GDK_CONTROL_MASK, "pdf.select-all" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "pdf.print" },
    { GDK_KEY_s, GDK_CONTROL_MASK, "pdf.save-copy" },
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
  dn_pdf_find_bar_make_state_pspecs (&properties[PROP_N_MATCHES]);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DN_TYPE_PDF_PAGES);
  g_type_ensure (DN_TYPE_PDF_FIND_BAR);
  g_type_ensure (DN_TYPE_PDF_THUMBNAILS);
  dn_ui_class_set_bin_template (widget_class, "dn-pdf-view.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPdfView, content, toolbar, thumbnails_button, zoom_out_button, zoom_label,
                             zoom_in_button, fit_width_button, fit_page_button, page_entry, n_pages_label,
                             find_button, find_bar, stack, paned, thumbnails, scroller, pages, message_label,
                             password_box, password_entry, unlock_button);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_page_entry_activate_cb, on_thumbnail_activated_cb, on_unlock_cb);

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
  const char *find_state[] = { "notify::n-matches", "notify::match", "notify::find-done" };

  gtk_widget_init_template (GTK_WIDGET (self));
  dn_pdf_find_bar_set_pages (self->find_bar, self->pages);
  g_object_bind_property (self->find_bar, "search-mode-enabled", self->find_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  for (guint i = 0; i < G_N_ELEMENTS (find_state); i++)
    g_signal_connect_swapped (self->find_bar, find_state[i], G_CALLBACK (on_find_notify_cb), self);
  g_signal_connect_swapped (self->pages, "notify::page", G_CALLBACK (on_page_changed_cb), self);
  g_signal_connect_swapped (self->pages, "notify::n-pages", G_CALLBACK (on_page_changed_cb), self);
  g_signal_connect_swapped (self->pages, "notify::zoom", G_CALLBACK (on_zoom_changed_cb), self);
  g_signal_connect_swapped (self->pages, "notify::has-selection", G_CALLBACK (update_actions), self);
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
  g_clear_pointer (&self->file_name, g_free);
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

  dn_pdf_find_bar_find (self->find_bar, words);
}

guint
dn_pdf_view_get_n_matches (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), 0);

  return dn_pdf_find_bar_get_n_matches (self->find_bar);
}

int
dn_pdf_view_get_match (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), -1);

  return dn_pdf_find_bar_get_match (self->find_bar);
}

gboolean
dn_pdf_view_get_find_done (DnPdfView *self)
{
  g_return_val_if_fail (DN_IS_PDF_VIEW (self), FALSE);

  return dn_pdf_find_bar_get_find_done (self->find_bar);
}

void
dn_pdf_view_set_file_name (DnPdfView  *self,
                           const char *name)
{
  g_return_if_fail (DN_IS_PDF_VIEW (self));

  g_free (self->file_name);
  self->file_name = g_strdup (name);
}
