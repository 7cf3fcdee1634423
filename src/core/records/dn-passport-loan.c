/* dn-passport-loan.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-loan"

#include "config.h"

#include "dn-passport-loan.h"

DnPassportLoan *
dn_passport_loan_new (void)
{
  return g_object_new (DN_TYPE_PASSPORT_LOAN, NULL);
}
