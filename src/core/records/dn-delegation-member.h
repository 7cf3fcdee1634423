/* dn-delegation-member.h: DelegationMember record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_DELEGATION_MEMBER (dn_delegation_member_get_type ())
G_DECLARE_FINAL_TYPE (DnDelegationMember, dn_delegation_member, DN, DELEGATION_MEMBER, GObject)

/* A member of a delegation: one of the staff (person_id) or, for a visiting
 * delegation, a guest (person_id 0, guest_* fields).
 * Fields are public; strings are owned, never NULL after dn_delegation_member_new(). */
struct _DnDelegationMember
{
  GObject parent_instance;

  gint64 id;
  gint64 delegation_id;
  gint64 person_id; /* 0 for a guest */
  char *name; /* the person's full name (joined) or the guest's */
  gint64 unit_id; /* the member's unit at the time of the trip; 0 when none */
  char *unit_name; /* joined */
  char *position;
  char *grade; /* civil-service grade (mã ngạch), e.g. "01.003" */
  DnMemberRole role;
  gint64 passport_id; /* the passport used; 0 when none */
  char *passport_number; /* joined */
  char *guest_nationality; /* ISO 3166 code; "" when not stated */
  char *guest_passport;
  char *guest_organisation;
};

DnDelegationMember *dn_delegation_member_new (void);

G_END_DECLS
