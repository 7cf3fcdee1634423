/* dn-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-ui"

#include "config.h"

#include "dn-ui-resources.h"
#include "dn-ui.h"

void
dn_ui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      dn_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
