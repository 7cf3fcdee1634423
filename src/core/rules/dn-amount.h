/* dn-amount.h: sums of money as Vietnamese offices write them
 *
 * Budgets are whole units of their currency (đồng, US dollars…). They are
 * written with a dot between groups of three digits whatever the language
 * of the interface: "1.234.567 đồng", "25.000 USD".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The digits of @amount grouped by three with dots: "1.234.567"; a minus
 * sign first when negative. */
char     *dn_format_amount_digits (gint64       amount);
/* "1.234.567 đồng" for VND (translated), "1.234.567 USD" for any other
 * ISO 4217 code; @currency NULL or "" counts as VND. */
char     *dn_format_amount        (gint64       amount,
                                   const char  *currency);
/* Reads an amount typed as officers write it: digits with dots, spaces or
 * commas between groups ("1.234.567", "1 234 567", "1234567"); FALSE for
 * anything else (a sign, letters, decimals, more than 18 digits). */
gboolean  dn_parse_amount         (const char  *text,
                                   gint64      *out);
/* TRUE when @code is three capital ASCII letters (the form of an ISO 4217
 * code: VND, USD, EUR, KRW…). */
gboolean  dn_currency_is_valid    (const char  *code);

G_END_DECLS
