/* dn-partner.h: Partner record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PARTNER (dn_partner_get_type ())
G_DECLARE_FINAL_TYPE (DnPartner, dn_partner, DN, PARTNER, GObject)

/* A foreign partner: NGO, UN agency, government agency, university, company.
 * Fields are public; strings are owned, never NULL after dn_partner_new(). */
struct _DnPartner
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *short_name;
  DnPartnerKind kind;
  char *country_code; /* ISO 3166 code; "" when none */
  DnRegistrationKind registration_kind;
  char *registration_number;
  GDate registration_expiry; /* invalid when none */
  char *contact;
  char *notes;
  guint n_projects; /* joined */
  guint n_delegations; /* joined */
};

DnPartner *dn_partner_new (void);

G_END_DECLS
