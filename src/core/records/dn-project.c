/* dn-project.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-project"

#include "config.h"

#include "dn-project.h"

DnProject *
dn_project_new (void)
{
  return g_object_new (DN_TYPE_PROJECT, NULL);
}
