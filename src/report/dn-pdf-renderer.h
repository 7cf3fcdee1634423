/* dn-pdf-renderer.h: PDF files read and drawn by poppler on one worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define DN_PDF_ERROR (dn_pdf_error_quark ())
GQuark dn_pdf_error_quark (void);

/* Why a file could not be opened or a page not read; every message is
 * translated and names the file (its base name) or the page. */
typedef enum
{
  DN_PDF_ERROR_READ,          /* the file could not be read (missing, no permission) */
  DN_PDF_ERROR_EMPTY,         /* the file is empty */
  DN_PDF_ERROR_NOT_PDF,       /* the file is not a PDF */
  DN_PDF_ERROR_DAMAGED,       /* a PDF, damaged or incomplete (or without pages) */
  DN_PDF_ERROR_ENCRYPTED,     /* protected by a password, none given: ask for it */
  DN_PDF_ERROR_BAD_PASSWORD,  /* protected by a password, the one given is wrong */
  DN_PDF_ERROR_PAGE,          /* no such page, or the page could not be drawn */
} DnPdfError;

/* The order in which queued jobs run (lower first; queued in the same
 * priority, first come first served). Opening a file always comes first. */
enum
{
  DN_PDF_PRIORITY_VISIBLE = 0,    /* a page on screen */
  DN_PDF_PRIORITY_NEARBY = 10,    /* a page just out of sight */
  DN_PDF_PRIORITY_THUMBNAIL = 20, /* a thumbnail in the side bar */
  DN_PDF_PRIORITY_BACKGROUND = 30 /* text, find in the whole document */
};

/* A document opened by a renderer: what the window needs to lay its pages
 * out (count, sizes, title) is read when it opens and never changes, so
 * these getters may be called from any thread; everything poppler does
 * with it happens on the renderer's worker. Reference counted; the last
 * reference closes the poppler document on the worker. */
typedef struct _DnPdfDocument DnPdfDocument;

#define DN_TYPE_PDF_DOCUMENT (dn_pdf_document_get_type ())
GType          dn_pdf_document_get_type      (void) G_GNUC_CONST;
DnPdfDocument *dn_pdf_document_ref           (DnPdfDocument *self);
void           dn_pdf_document_unref         (DnPdfDocument *self);
int            dn_pdf_document_get_n_pages   (DnPdfDocument *self);
/* The size of page @page (0-based) in points (1/72 inch), as shown
 * (rotation applied). */
void           dn_pdf_document_get_page_size (DnPdfDocument *self,
                                              int            page,
                                              double        *width,
                                              double        *height);
/* The title written in the file, or NULL. */
const char    *dn_pdf_document_get_title     (DnPdfDocument *self);
/* The file it was opened from, or NULL for bytes. */
GFile         *dn_pdf_document_get_file      (DnPdfDocument *self);
/* The name messages use: the file's base name, or the name given with the
 * bytes. */
const char    *dn_pdf_document_get_name      (DnPdfDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPdfDocument, dn_pdf_document_unref)

/* A place found by find: a rectangle in points, origin at the top left
 * of the page; a hit that runs over a line break has one rectangle per
 * line, all with the same @hit (0, 1, … in reading order). */
typedef struct
{
  double x, y, width, height;
  guint  hit;
} DnPdfRect;

/* The number of hits of an array of DnPdfRect from find. */
guint dn_pdf_rects_count_hits (GArray *rects);

#define DN_TYPE_PDF_RENDERER (dn_pdf_renderer_get_type ())
G_DECLARE_FINAL_TYPE (DnPdfRenderer, dn_pdf_renderer, DN, PDF_RENDERER, GObject)

/* A renderer owns one thread, which makes every poppler call for the
 * documents it opened, one job at a time (poppler is not safe for
 * parallel use of a document). Jobs are queued by priority; a job whose
 * cancellable is cancelled before it starts is not run and ends with
 * G_IO_ERROR_CANCELLED. Results come back to the thread-default main
 * context of the caller of the _async function; the callback's source
 * object is NULL (a task the worker still holds keeps no renderer alive),
 * and the _finish functions do not look at their @self.
 *
 * dn_pdf_renderer_get_default() is the one the application shares (never
 * freed); the functions without _async wait for the result (they must not
 * be called on the renderer's thread). */
DnPdfRenderer  *dn_pdf_renderer_new                (void);
DnPdfRenderer  *dn_pdf_renderer_get_default        (void);

void            dn_pdf_renderer_open_async         (DnPdfRenderer        *self,
                                                    GFile                *file,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* @name is what messages call the bytes. */
void            dn_pdf_renderer_open_bytes_async   (DnPdfRenderer        *self,
                                                    GBytes               *bytes,
                                                    const char           *name,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
DnPdfDocument  *dn_pdf_renderer_open_finish        (DnPdfRenderer        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
DnPdfDocument  *dn_pdf_renderer_open               (DnPdfRenderer        *self,
                                                    GFile                *file,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
DnPdfDocument  *dn_pdf_renderer_open_bytes         (DnPdfRenderer        *self,
                                                    GBytes               *bytes,
                                                    const char           *name,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* Draws page @page at @scale pixels per point (zoom × the screen's pixels
 * per point × its scale factor) into a new ARGB32 image surface on white,
 * of ceil (page size × @scale) pixels; a page that would be larger than
 * DN_PDF_MAX_PIXELS or DN_PDF_MAX_SIDE is drawn smaller, to fit. */
#define DN_PDF_MAX_SIDE   16384
#define DN_PDF_MAX_PIXELS (64 * 1024 * 1024)
void             dn_pdf_renderer_render_async      (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    int                   page,
                                                    double                scale,
                                                    int                   priority,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
cairo_surface_t *dn_pdf_renderer_render_finish     (DnPdfRenderer        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
cairo_surface_t *dn_pdf_renderer_render            (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    int                   page,
                                                    double                scale,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* The text of page @page in reading order, lines ending with "\n" ("" for
 * a page without a text layer, e.g. a scan). */
void             dn_pdf_renderer_get_text_async    (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    int                   page,
                                                    int                   priority,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char            *dn_pdf_renderer_get_text_finish   (DnPdfRenderer        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
char            *dn_pdf_renderer_get_text          (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    int                   page,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* Where @words occur on page @page, as dn_text_find_all() finds them
 * (accents, đ and case ignored; line breaks count as spaces): an array of
 * DnPdfRect, empty when there is none. */
void             dn_pdf_renderer_find_async        (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    int                   page,
                                                    const char           *words,
                                                    int                   priority,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GArray          *dn_pdf_renderer_find_finish       (DnPdfRenderer        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
GArray          *dn_pdf_renderer_find              (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    int                   page,
                                                    const char           *words,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* What a drag selects on page @page, from the point @x1, @y1 to the point
 * @x2, @y2 (points, origin at the top left; the text between them in
 * reading order, as a reader's pointer selects it): the text, and the
 * rectangles it covers (DnPdfRect, all with @hit 0), empty when none. */
typedef struct
{
  char   *text;
  GArray *rects;
} DnPdfTextSelection;

void                dn_pdf_text_selection_free        (DnPdfTextSelection *selection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPdfTextSelection, dn_pdf_text_selection_free)

void                dn_pdf_renderer_select_async      (DnPdfRenderer        *self,
                                                       DnPdfDocument        *document,
                                                       int                   page,
                                                       double                x1,
                                                       double                y1,
                                                       double                x2,
                                                       double                y2,
                                                       int                   priority,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
DnPdfTextSelection *dn_pdf_renderer_select_finish     (DnPdfRenderer        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
DnPdfTextSelection *dn_pdf_renderer_select            (DnPdfRenderer        *self,
                                                       DnPdfDocument        *document,
                                                       int                   page,
                                                       double                x1,
                                                       double                y1,
                                                       double                x2,
                                                       double                y2,
                                                       GCancellable         *cancellable,
                                                       GError              **error);

/* Page @page for printing: a cairo recording surface of the page's size in
 * points (as shown), drawn as
 * poppler draws for a printer (no annotations meant for the screen only). */
void             dn_pdf_renderer_record_async      (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    int                   page,
                                                    int                   priority,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
cairo_surface_t *dn_pdf_renderer_record_finish     (DnPdfRenderer        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* How many pages have text (a text layer) rather than only images;
 * -1 with @error set when cancelled. */
int              dn_pdf_renderer_count_text_pages  (DnPdfRenderer        *self,
                                                    DnPdfDocument        *document,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* How many pages this renderer has drawn, and how many render jobs it did
 * not run because they were cancelled first (for tests and benchmarks). */
guint            dn_pdf_renderer_get_n_rendered    (DnPdfRenderer        *self);
guint            dn_pdf_renderer_get_n_skipped     (DnPdfRenderer        *self);

G_END_DECLS
