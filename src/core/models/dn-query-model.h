/* dn-query-model.h: a lazy GListModel over one query of the store
 *
 * The model holds only the ids a query returned, in its order; records are
 * read from the store a page (DN_QUERY_MODEL_PAGE_SIZE) at a time when a
 * view asks for one, and at most DN_QUERY_MODEL_MAX_CACHED are kept. A
 * subclass says which kind of record it lists: how to list the ids of its
 * query and how to read the records of some ids (DnTaskListModel lists
 * tasks).
 *
 * A query may also run elsewhere (a worker thread with its own connection):
 * its result is handed in with dn_query_model_set_result(), then "loaded"
 * is emitted (with the error, if it failed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_QUERY_MODEL_PAGE_SIZE  64
#define DN_QUERY_MODEL_MAX_CACHED 2048
/* Rows a query run elsewhere also reads: those a view shows first (GTK
 * 4.8's lists keep about 200 rows of widgets), so that showing the result
 * reads nothing on the main thread. */
#define DN_QUERY_MODEL_PREFETCHED (4 * DN_QUERY_MODEL_PAGE_SIZE)
/* The rows of a query's first result when they are read by the query
 * (DnQueryModelClass.query_first) while the model lists nothing: a
 * screen's worth (48 rows of 32 px fill 1 536 px). GTK 4.8's lists build a
 * row of widgets for every row listed up to about 200 before their first
 * frame: listing these first builds a quarter of them; the rest come with
 * the count, after. Once rows are listed, a new query's first result is
 * DN_QUERY_MODEL_PREFETCHED rows: the view rebinds the rows it built. */
#define DN_QUERY_MODEL_FIRST_ROWS 48

#define DN_TYPE_QUERY_MODEL (dn_query_model_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnQueryModel, dn_query_model, DN, QUERY_MODEL, GObject)

struct _DnQueryModelClass
{
  GObjectClass parent_class;

  /* the type of the records listed */
  GType        item_type;

  /* The ids of the model's current query, in order (on the model's store,
   * main thread). */
  GArray    *(*list_ids)        (DnQueryModel  *self,
                                 GError       **error);
  /* The records of @ids, in that order, missing ones skipped. Uses nothing
   * but @store: it may run on any thread that owns @store. */
  GPtrArray *(*read_items)      (DnStore       *store,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 GError       **error);
  /* where a record keeps its id (a gint64): G_STRUCT_OFFSET (DnTask, id);
   * a record gone meanwhile (deleted) is listed as a new, empty one of
   * item_type with that id, so that positions stay stable */
  gsize        id_offset;
  /* TRUE while a query runs elsewhere (default: while a query started by
   * dn_query_model_run_query_async() runs on the query worker). */
  gboolean   (*is_loading)      (DnQueryModel  *self);

  /* The kind's query, kept by the model (dn_query_model_keep_query()): a
   * plain struct of query_size bytes whose strings (const char *, at the
   * n_query_strings offsets of query_strings) are copied with it. */
  gsize         query_size;
  const gsize  *query_strings;
  guint         n_query_strings;
  /* The ids of @query, in order. Uses nothing but @store: it may run on
   * any thread that owns @store. The default list_ids() runs it on the
   * kept query. */
  GArray    *(*query_ids)       (DnStore       *store,
                                 gconstpointer  query,
                                 GError       **error);
  /* The records of @query's first @limit rows, or NULL when the kind reads
   * them by ids (any thread). When set, an asynchronous query reads these
   * first, then every id in a second job (the model is not complete
   * meanwhile). */
  GPtrArray *(*query_first)     (DnStore       *store,
                                 gconstpointer  query,
                                 guint          limit,
                                 GError       **error);

  gpointer padding[3];
};

DnStore  *dn_query_model_get_store     (DnQueryModel  *self);
/* Runs the model's query again (on the main thread) and replaces the
 * contents; cached records are forgotten. */
gboolean  dn_query_model_reload        (DnQueryModel  *self,
                                        GError       **error);
/* Replaces the contents with @ids (a query's result, e.g. from a worker),
 * with @first_items (the records of the first ids, read already) if not
 * NULL. One items-changed (0, old, new) when anything was or is listed. */
void      dn_query_model_set_result    (DnQueryModel  *self,
                                        GArray        *ids,
                                        GPtrArray     *first_items);
/* FALSE while only the first rows of the query are listed: the rest (and
 * the count) come with a later dn_query_model_set_result() whose ids begin
 * with the same ones; that one adds the rows after those in sight
 * (items-changed (n, 0, added)). Property "complete". */
void      dn_query_model_set_complete  (DnQueryModel  *self,
                                        gboolean       complete);
gboolean  dn_query_model_is_complete   (DnQueryModel  *self);
/* Emits "loaded": the result of a query run elsewhere was set, or it
 * failed (@error). */
void      dn_query_model_emit_loaded   (DnQueryModel  *self,
                                        const GError  *error);
/* TRUE while a query runs elsewhere. */
gboolean  dn_query_model_is_loading    (DnQueryModel  *self);
/* The query kept (see DnQueryModelClass.query_size): a copy of @query and
 * its strings. For subclasses. */
void          dn_query_model_keep_query      (DnQueryModel  *self,
                                              gconstpointer  query);
gconstpointer dn_query_model_get_query       (DnQueryModel  *self);
/* Keeps @query, interrupts an asynchronous query still under way (its
 * result is never applied) and runs @query here (dn_query_model_reload()). */
gboolean      dn_query_model_run_query       (DnQueryModel  *self,
                                              gconstpointer  query,
                                              GError       **error);
/* Keeps @query and runs it on the store's query worker
 * (dn_query_worker_get_for_store()) through one DnQuerySlot: a newer call
 * interrupts an older one still running, and only the latest result
 * replaces the contents, with the first rows (DN_QUERY_MODEL_PREFETCHED)
 * read on that thread too; then "loaded" (with the error, if it failed).
 * With the class's query_first, the first rows come first and the rest
 * after ("loaded" with the first rows, then "complete"). */
void          dn_query_model_run_query_async (DnQueryModel  *self,
                                              gconstpointer  query);
/* Keeps @query, reads its first rows here (the class's query_first) and
 * the rest on the query worker: not complete until they are in. */
gboolean      dn_query_model_run_query_first (DnQueryModel  *self,
                                              gconstpointer  query,
                                              GError       **error);
/* With @on_demand, the rest of a query whose first rows are in (every id,
 * the count) waits until dn_query_model_fetch_rest() asks for it: a view
 * may draw the first rows before the worker reads on. Default FALSE (the
 * rest follows at once); setting it FALSE fetches what waits. */
void          dn_query_model_set_rest_on_demand (DnQueryModel *self,
                                                 gboolean      on_demand);
/* Starts reading the rest that waits (on the query worker); FALSE when
 * none waits (the model is complete, or its rest is under way). */
gboolean      dn_query_model_fetch_rest         (DnQueryModel *self);
/* Position of a record, or G_MAXUINT. */
guint     dn_query_model_find          (DnQueryModel  *self,
                                        gint64         id);
/* Id of the record at @position, 0 when out of range. */
gint64    dn_query_model_get_id        (DnQueryModel  *self,
                                        guint          position);
/* Id of @item, a record of the kind @self lists. */
gint64    dn_query_model_get_item_id   (DnQueryModel  *self,
                                        gpointer       item);

G_END_DECLS
