/* dn-passport-loan.h: PassportLoan record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PASSPORT_LOAN (dn_passport_loan_get_type ())
G_DECLARE_FINAL_TYPE (DnPassportLoan, dn_passport_loan, DN, PASSPORT_LOAN, GObject)

/* A line of the custody ledger (sổ theo dõi giao, nhận hộ chiếu): a passport
 * handed out for a trip and, once back, its return.
 * Fields are public; strings are owned, never NULL after dn_passport_loan_new(). */
struct _DnPassportLoan
{
  GObject parent_instance;

  gint64 id;
  gint64 passport_id;
  char *passport_number; /* joined */
  char *holder_name; /* joined */
  gint64 delegation_id; /* 0 when none */
  char *delegation_title; /* joined */
  GDate handed_out_on;
  char *handed_by; /* the officer who handed it over */
  char *handed_to; /* who received it */
  gboolean receipt_signed; /* the receipt (ký nhận) signed */
  GDate due_back_on;
  GDate returned_on; /* invalid while out */
  char *returned_by; /* who brought it back */
  char *received_by; /* the officer who took it in */
  gboolean return_receipt_signed;
  char *exemption_reason; /* why a late return is excused */
  char *excused_by; /* the head who excused it */
  char *notes;
};

DnPassportLoan *dn_passport_loan_new (void);

G_END_DECLS
