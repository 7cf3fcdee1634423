/* dn-delegation.h: Delegation record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION (dn_delegation_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegation, dn_delegation, DN, DELEGATION, GObject)

/* A delegation: abroad (đoàn ra) or visiting (đoàn vào). The joined fields
 * (names, labels, countries, member count) are read with it, never written.
 * Fields are public; strings are owned, never NULL after dn_delegation_new(). */
struct _DnDelegation
{
  GObject parent_instance;

  gint64 id;
  DnDelegationDirection direction;
  DnDelegationStatus status;
  char *title;
  char *purpose;
  char *inviting_party; /* outbound: who invites; inbound: the foreign organisation */
  gint64 partner_id; /* 0 when none */
  char *partner_name; /* joined */
  gint64 unit_id; /* the unit that sends or hosts; 0 when none */
  char *unit_name; /* joined */
  GDate start_date;
  GDate end_date;
  DnFundingSource funding;
  gint64 budget; /* in đồng; -1 when not stated */
  gboolean in_plan; /* in the year's external-affairs plan */
  gint64 proposal_document_id; /* the đề án; 0 when none */
  gint64 decision_document_id; /* the sending (or receiving) decision; 0 when none */
  char *decision_label; /* joined: "14/QĐ-SGDĐT, 03/03/2025" */
  gint64 report_document_id; /* the results report; 0 when none */
  GDate report_due_date; /* invalid until the delegation has returned */
  GDate report_submitted_on;
  GDate police_informed_on; /* inbound: the provincial police told */
  GDate foreign_affairs_informed_on; /* inbound: the Department of Foreign Affairs told */
  char *notes;
  char *country_codes; /* joined: ISO 3166 codes, comma-separated, "KR,JP" */
  guint n_members; /* joined */
};

DnDelegation *dn_delegation_new (void);

G_END_DECLS
