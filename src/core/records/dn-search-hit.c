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
