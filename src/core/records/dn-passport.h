/* dn-passport.h: Passport record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PASSPORT (dn_passport_get_type ())
G_DECLARE_FINAL_TYPE (DnPassport, dn_passport, DN, PASSPORT, GObject)

/* A passport the office keeps for one of its staff, with where it is now.
 * Fields are public; strings are owned, never NULL after dn_passport_new(). */
struct _DnPassport
{
  GObject parent_instance;

  gint64 id;
  gint64 person_id;
  char *holder_name; /* joined */
  char *holder_unit_name; /* joined */
  DnPassportKind kind;
  char *number;
  GDate issue_date;
  GDate expiry_date; /* after the extension, when there was one */
  char *issuing_authority;
  guint extension_count; /* 0 or 1 */
  GDate expiry_before_extension; /* invalid when never extended */
  GDate extended_on;
  DnPassportState state;
  gint64 loan_id; /* joined: the hand-out not yet returned; 0 when none */
  GDate handed_out_on; /* joined, with loan_id */
  GDate due_back_on; /* joined, with loan_id */
  gint64 delegation_id; /* joined, with loan_id */
  char *delegation_title; /* joined, with loan_id */
};

DnPassport *dn_passport_new (void);

G_END_DECLS
