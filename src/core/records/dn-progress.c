/* dn-progress.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-progress"

#include "config.h"

#include "dn-progress.h"

DnProgress *
dn_progress_new (void)
{
  return g_object_new (DN_TYPE_PROGRESS, NULL);
}
