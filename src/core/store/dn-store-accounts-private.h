/* dn-store-accounts-private.h: what the accounts' and the sessions' files
 * share (dn-store-accounts.c, dn-store-sessions.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store-private.h"

G_BEGIN_DECLS

/* An account read as a record: "SELECT " ACCOUNT_COLUMNS, of the table
 * "a" (account) and its unit "u" (ACCOUNT_FROM, or joined as it). */
#define ACCOUNT_COLUMNS \
  "a.id, a.name, coalesce (a.unit_id, 0), coalesce (u.code, ''), coalesce (u.name, ''), a.role, a.disabled, " \
  "a.created_at, a.updated_at"
#define ACCOUNT_FROM " FROM account a LEFT JOIN unit u ON u.id = a.unit_id "
extern const DnRow _dn_account_row;

/* sodium_init(), once; FALSE with @error when it failed. */
gboolean  _dn_accounts_init           (GError     **error);
/* The time sign-ins are judged on, in seconds since 1970 (UTC), and as
 * stored: "2024-06-30T08:15:00Z". */
gint64    _dn_accounts_now            (void);
char     *_dn_accounts_format_time    (gint64       unix_seconds);
/* @name as accounts are named (NFC, white space collapsed), or NULL with
 * DN_STORE_ERROR_INVALID saying which rule it breaks. */
char     *_dn_account_name_normalize  (const char  *name,
                                       GError     **error);
/* TRUE when @password (taken in NFC) is the one @hash was made of. With
 * @hash NULL, checks it against a hash of a password nobody knows, which
 * takes as long, and returns FALSE. */
gboolean  _dn_accounts_verify         (const char  *hash,
                                       const char  *password);
/* An argon2id hash of @password (in NFC) with today's limits; NULL with
 * @error when it is not UTF-8 or memory runs short. No rule on its length:
 * dn_store_add_account() and dn_store_set_account_password() check those. */
char     *_dn_accounts_hash_password  (const char  *password,
                                       GError     **error);
/* TRUE when @hash was made with other limits than today's. */
gboolean  _dn_accounts_needs_rehash   (const char  *hash);

G_END_DECLS
