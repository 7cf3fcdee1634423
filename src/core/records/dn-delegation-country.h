/* dn-delegation-country.h: DelegationCountry record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_COUNTRY (dn_delegation_country_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationCountry, dn_delegation_country, DN, DELEGATION_COUNTRY, GObject)

/* A country a delegation goes to, with the days spent there.
 * Fields are public; strings are owned, never NULL after dn_delegation_country_new(). */
struct _DnDelegationCountry
{
  GObject parent_instance;

  gint64 delegation_id;
  char *country_code; /* ISO 3166-1 alpha-2 */
  guint days; /* 0 when not stated */
};

DnDelegationCountry *dn_delegation_country_new (void);

G_END_DECLS
