/* dn-pdf-page-cache.c: rendered pages kept within a byte budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-pdf-pages"

#include "config.h"

#include "dn-pdf-page-cache.h"

typedef struct
{
  int         page;
  double      scale;
  GdkTexture *texture;
  gsize       bytes;
  guint64     used;
} Entry;

struct _DnPdfPageCache
{
  GHashTable *entries;  /* page → Entry */
  gsize       bytes;
  gsize       budget;
  guint64     clock;
};

GdkTexture *
dn_pdf_texture_new_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  /* no copy: the texture keeps the surface */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->texture);
  g_free (entry);
}

DnPdfPageCache *
dn_pdf_page_cache_new (gsize budget)
{
  DnPdfPageCache *cache = g_new0 (DnPdfPageCache, 1);

  cache->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  cache->budget = budget;
  return cache;
}

void
dn_pdf_page_cache_free (DnPdfPageCache *cache)
{
  g_hash_table_unref (cache->entries);
  g_free (cache);
}

void
dn_pdf_page_cache_clear (DnPdfPageCache *cache)
{
  g_hash_table_remove_all (cache->entries);
  cache->bytes = 0;
}

GdkTexture *
dn_pdf_page_cache_peek (DnPdfPageCache *cache,
                        int             page,
                        double         *scale)
{
  Entry *entry = g_hash_table_lookup (cache->entries, GINT_TO_POINTER (page));

  if (entry != NULL && scale != NULL)
    *scale = entry->scale;
  return entry != NULL ? entry->texture : NULL;
}

GdkTexture *
dn_pdf_page_cache_use (DnPdfPageCache *cache,
                       int             page)
{
  Entry *entry = g_hash_table_lookup (cache->entries, GINT_TO_POINTER (page));

  if (entry == NULL)
    return NULL;
  entry->used = ++cache->clock;
  return entry->texture;
}

static void
cache_remove (DnPdfPageCache *cache,
              int             page)
{
  Entry *entry = g_hash_table_lookup (cache->entries, GINT_TO_POINTER (page));

  if (entry == NULL)
    return;
  cache->bytes -= entry->bytes;
  g_hash_table_remove (cache->entries, GINT_TO_POINTER (page));
}

static int
compare_used (gconstpointer a,
              gconstpointer b)
{
  const Entry *x = *(Entry * const *) a, *y = *(Entry * const *) b;

  return x->used < y->used ? -1 : x->used > y->used;
}

/* Drops the least recently used images out of the band first until the
 * cache is within its budget. */
static void
evict (DnPdfPageCache *cache,
       int             keep_first,
       int             keep_last)
{
  g_autoptr(GPtrArray) entries = NULL;
  GHashTableIter iter;
  gpointer value;

  if (cache->bytes <= cache->budget)
    return;
  entries = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, cache->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (entries, value);
  g_ptr_array_sort (entries, compare_used);
  for (guint i = 0; i < entries->len && cache->bytes > cache->budget; i++)
    {
      Entry *entry = entries->pdata[i];

      if (entry->page >= keep_first && entry->page <= keep_last)
        continue;
      cache_remove (cache, entry->page);
    }
}

void
dn_pdf_page_cache_add (DnPdfPageCache  *cache,
                       int              page,
                       double           scale,
                       cairo_surface_t *surface,
                       int              keep_first,
                       int              keep_last)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->page = page;
  entry->scale = scale;
  entry->bytes = (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface);
  entry->texture = dn_pdf_texture_new_for_surface (surface);
  entry->used = ++cache->clock;
  cache_remove (cache, page);
  g_hash_table_insert (cache->entries, GINT_TO_POINTER (page), entry);
  cache->bytes += entry->bytes;
  evict (cache, keep_first, keep_last);
}

GArray *
dn_pdf_page_cache_dup_pages (DnPdfPageCache *cache,
                             double          scale)
{
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, cache->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (entry->scale == scale)
        g_array_append_val (pages, entry->page);
    }
  return pages;
}
