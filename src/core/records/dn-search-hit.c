/* dn-search-hit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-search-hit"

#include "config.h"

#include "dn-search-hit.h"

G_DEFINE_FINAL_TYPE (DnSearchHit, dn_search_hit, G_TYPE_OBJECT)

static void
dn_search_hit_finalize (GObject *object)
{
  DnSearchHit *self = DN_SEARCH_HIT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (dn_search_hit_parent_class)->finalize (object);
}

static void
dn_search_hit_class_init (DnSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_search_hit_finalize;
}

static void
dn_search_hit_init (DnSearchHit *self)
{
  self->title = g_strdup ("");
  self->detail = g_strdup ("");
}

DnSearchHit *
dn_search_hit_new (void)
{
  return g_object_new (DN_TYPE_SEARCH_HIT, NULL);
}
