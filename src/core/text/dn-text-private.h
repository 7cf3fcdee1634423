/* dn-text-private.h: helpers shared by dn-text.c and dn-text-collate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LATIN_SMALL_D_WITH_STROKE   0x0111
#define LATIN_CAPITAL_D_WITH_STROKE 0x0110

static inline gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

G_END_DECLS
