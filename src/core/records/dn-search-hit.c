/* dn-search-hit.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-search-hit"

#include "config.h"

#include "dn-search-hit.h"

DnSearchHit *
dn_search_hit_new (void)
{
  return g_object_new (DN_TYPE_SEARCH_HIT, NULL);
}

gboolean
dn_search_hit_is_finished (const DnSearchHit *hit)
{
  g_return_val_if_fail (DN_IS_SEARCH_HIT ((gpointer) hit), FALSE);
  return hit->kind == DN_RECORD_TASK && (hit->status == DN_STATUS_DONE || hit->status == DN_STATUS_CANCELLED);
}
