/* dn-task.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task"

#include "config.h"

#include "dn-task.h"

DnTask *
dn_task_new (void)
{
  return g_object_new (DN_TYPE_TASK, NULL);
}
