/* dn-store-accounts.h: the accounts of the department server, their
 * sessions, and what each account may see and change
 * (schema/010-accounts.sql)
 *
 * A password is kept only as an argon2id hash (libsodium's
 * crypto_pwhash_str, its "interactive" limits); it is taken in NFC, so that
 * a Vietnamese password typed with another input method still matches. A
 * session's token is 32 random bytes from the system's source
 * (randombytes_buf), written in base64url without padding (43
 * characters); only its SHA-256 is kept. A session lasts
 * DN_SESSION_LIFETIME seconds unless closed, or its account disabled.
 *
 * Sign-in attempts are limited: after DN_SIGN_IN_MAX_FAILURES failures for
 * one name, or from one peer, within DN_SIGN_IN_WINDOW seconds, further
 * attempts are refused (DN_STORE_ERROR_TOO_MANY_ATTEMPTS) without their
 * password being checked, until the oldest of those failures leaves the
 * window. A success forgets the failures of its name.
 *
 * Accounts are not part of the JSON export.
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-account.h"
#include "dn-store.h"

G_BEGIN_DECLS

#define DN_SESSION_LIFETIME (12 * 60 * 60)
#define DN_SIGN_IN_MAX_FAILURES 5
#define DN_SIGN_IN_WINDOW (10 * 60)
#define DN_ACCOUNT_NAME_MAX 64
#define DN_PASSWORD_MIN 8

/* Adds @account (its name, unit and role; id set on success) with the
 * password @password. Refused (DN_STORE_ERROR_INVALID, nothing written):
 * a name empty, longer than DN_ACCOUNT_NAME_MAX characters or holding a
 * control or invisible character; a password shorter than DN_PASSWORD_MIN
 * characters; an unknown role; a unit officer or a reader without a unit.
 * An unknown unit: DN_STORE_ERROR_NOT_FOUND; a name taken (letters of
 * A to Z in either case are the same): DN_STORE_ERROR_DUPLICATE. */
gboolean   dn_store_add_account           (DnStore     *self,
                                           DnAccount   *account,
                                           const char  *password,
                                           GError     **error);
/* Gives account @id the password @password (the same rules); its sessions
 * stay open. */
gboolean   dn_store_set_account_password  (DnStore     *self,
                                           gint64       id,
                                           const char  *password,
                                           GError     **error);
/* Disables account @id, revoking its sessions in the same transaction, or
 * enables it again. */
gboolean   dn_store_set_account_disabled  (DnStore     *self,
                                           gint64       id,
                                           gboolean     disabled,
                                           GError     **error);
DnAccount *dn_store_get_account           (DnStore     *self,
                                           gint64       id,
                                           GError     **error);
/* The account called @name (as dn_store_add_account() compares names);
 * DN_STORE_ERROR_NOT_FOUND when there is none. */
DnAccount *dn_store_find_account          (DnStore     *self,
                                           const char  *name,
                                           GError     **error);
/* Every account, by name in Vietnamese order. */
GPtrArray *dn_store_list_accounts         (DnStore     *self,
                                           GError     **error);

/* Signs @name in with @password from @peer (an address, or NULL): a new
 * session's token (free with g_free()). The password is checked against
 * a stored hash even when there is no such account, so that how long the
 * answer takes does not tell; an unknown name and a wrong password give
 * the same DN_STORE_ERROR_DENIED and message, and count as a failure. A
 * disabled account: DN_STORE_ERROR_DENIED, saying so. Too many failures:
 * DN_STORE_ERROR_TOO_MANY_ATTEMPTS. */
char      *dn_store_open_session          (DnStore     *self,
                                           const char  *name,
                                           const char  *password,
                                           const char  *peer,
                                           GError     **error);
/* The same with a session lasting @lifetime seconds (at least 1). */
char      *dn_store_open_session_full     (DnStore     *self,
                                           const char  *name,
                                           const char  *password,
                                           const char  *peer,
                                           gint64       lifetime,
                                           GError     **error);
/* Signing in in three steps, so that the password's check (argon2id:
 * about 0.2 s at the interactive limits) runs off the thread that uses the
 * store, as dn_store_open_session_full() does them in one call:
 * - dn_store_begin_sign_in(), on the store's thread, reads what the check
 *   needs (the account's hash, or none for an unknown name) and applies
 *   the limit on failed attempts (DN_STORE_ERROR_TOO_MANY_ATTEMPTS); a
 *   sign-in under way counts as a failure for its name until it ends, so
 *   that sign-ins running side by side cannot pass the limit;
 * - dn_sign_in_check(), on any thread, checks the password (libsodium
 *   only, no store) and makes its hash again when today's limits differ;
 * - dn_store_finish_sign_in(), on the store's thread, records a failure or
 *   opens the session: the token, or the errors of
 *   dn_store_open_session(). An account disabled meanwhile is refused; one
 *   whose hash changed meanwhile (a new password, or the hash made again
 *   by another sign-in) gives DN_STORE_ERROR_CONFLICT: check the password
 *   again (dn_sign_in_check(), against the hash now), then finish again.
 * dn_sign_in_free() may be called at any step, on the store's thread. */
typedef struct _DnSignIn DnSignIn;

DnSignIn  *dn_store_begin_sign_in         (DnStore     *self,
                                           const char  *name,
                                           const char  *password,
                                           const char  *peer,
                                           gint64       lifetime,
                                           GError     **error);
void       dn_sign_in_check               (DnSignIn    *sign_in);
char      *dn_store_finish_sign_in        (DnStore     *self,
                                           DnSignIn    *sign_in,
                                           GError     **error);
/* The account name signed in under, as accounts are named ("" for a name
 * no account can have) */
const char *dn_sign_in_get_name           (DnSignIn    *sign_in);
/* How many times its password was checked */
guint      dn_sign_in_get_tries           (DnSignIn    *sign_in);
void       dn_sign_in_free                (DnSignIn    *sign_in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnSignIn, dn_sign_in_free)

/* The account of the session of @token: open, not expired, its account
 * enabled; else NULL with DN_STORE_ERROR_DENIED. */
DnAccount *dn_store_check_session         (DnStore     *self,
                                           const char  *token,
                                           GError     **error);
/* Revokes the session of @token (signing out); an unknown or already
 * closed one: DN_STORE_ERROR_NOT_FOUND. */
gboolean   dn_store_close_session         (DnStore     *self,
                                           const char  *token,
                                           GError     **error);
/* Revokes every open session of account @id. */
gboolean   dn_store_revoke_sessions       (DnStore     *self,
                                           gint64       id,
                                           GError     **error);

/* What an account may see and change (the rules the server applies; a
 * disabled account may do nothing) -------------------------------------- */

/* Unit @unit_id's data: administrators and department officers see every
 * unit's; unit officers and readers their unit's and its sub-units'. FALSE
 * too when the tree cannot be read. */
gboolean   dn_account_may_see_unit        (DnStore     *store,
                                           DnAccount   *account,
                                           gint64       unit_id);
/* Changes anything: every role but a reader. */
gboolean   dn_account_may_write           (DnAccount   *account);
/* Secret documents (mật and above): administrators and department
 * officers. */
gboolean   dn_account_may_see_secret      (DnAccount   *account);
/* Manages the accounts: administrators. */
gboolean   dn_account_may_manage_accounts (DnAccount   *account);
/* The units @account sees (gint64 ids: its unit and every unit below it),
 * or NULL for every unit. Empty when it sees none (disabled, or the tree
 * cannot be read). */
GArray    *dn_account_dup_scope           (DnStore     *store,
                                           DnAccount   *account);

G_END_DECLS
