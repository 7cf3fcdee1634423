/* dn-store-sessions.c: signing in to the department server (the limit on
 * failed attempts, the password checked, a session's token made) and the
 * sessions afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "dn-store-accounts-private.h"
#include "dn-text.h"

#define TOKEN_BYTES 32
/* base64url without padding of TOKEN_BYTES bytes */
#define TOKEN_CHARS 43
/* the longest peer (an address) kept with an attempt or a session */
#define PEER_MAX_CHARS 100

/* The SHA-256 of @token, in hexadecimal: what the store keeps of it. */
static char *
token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/* A new token: TOKEN_BYTES from the system's random source, base64url. */
static char *
new_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  char text[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);
  return g_strdup (text);
}

static void
set_denied (GError **error)
{
  /* the same whether the name or the password was wrong */
  g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED, _("Wrong account name or password."));
}

/* The failures for @name or from @peer within the window up to @now. */
static gboolean
count_failures (DnStore     *self,
                const char  *name,
                const char  *peer,
                const char  *since,
                gint64      *failures,
                GError     **error)
{
  return _dn_store_read_int (self,
                             "SELECT max ((SELECT count(*) FROM account_attempt WHERE name = ?1 AND at > ?3), "
                             "            (SELECT count(*) FROM account_attempt WHERE ?2 <> '' AND peer = ?2 "
                             "             AND at > ?3))",
                             failures, error, DN_TEXT (name), DN_TEXT (peer), DN_TEXT (since), DN_END);
}

/* A failure recorded (and those out of the window forgotten). */
static gboolean
record_failure (DnStore     *self,
                const char  *name,
                const char  *peer,
                const char  *now,
                const char  *since,
                GError     **error)
{
  if (!dn_store_begin (self, error))
    return FALSE;
  return _dn_store_finish (self,
                           _dn_store_write (self, "INSERT INTO account_attempt (name, peer, at) VALUES (?, ?, ?)",
                                            error, DN_TEXT (name), DN_TEXT (peer), DN_TEXT (now), DN_END) &&
                           _dn_store_write (self, "DELETE FROM account_attempt WHERE at <= ?", error,
                                            DN_TEXT (since), DN_END),
                           error);
}

/* The account called @name: its id, hash and state; *@hash NULL when there
 * is none. */
static gboolean
read_credentials (DnStore     *self,
                  const char  *name,
                  gint64      *id,
                  char       **hash,
                  gboolean    *disabled,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *hash = NULL;
  stmt = _dn_store_prepare_with (self, "SELECT id, password_hash, disabled FROM account WHERE name = ?", error,
                                 DN_TEXT (name), DN_END);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *hash = _dn_column_text (stmt, 1);
      *disabled = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  return _dn_store_check_step (self, rc, error);
}

char *
dn_store_open_session_full (DnStore     *self,
                            const char  *name,
                            const char  *password,
                            const char  *peer,
                            gint64       lifetime,
                            GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *from = NULL;
  g_autofree char *now = NULL;
  g_autofree char *since = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *rehash = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_digest = NULL;
  gint64 failures = 0;
  gint64 account_id = 0;
  gint64 when;
  gboolean disabled = FALSE;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (lifetime >= 1, NULL);

  if (!_dn_accounts_init (error))
    return NULL;
  /* a name no account can have is counted as "" (and fails) */
  key = _dn_account_name_normalize (name, NULL);
  if (key == NULL)
    key = g_strdup ("");
  from = peer != NULL ? dn_text_escape_for_display (peer, PEER_MAX_CHARS) : g_strdup ("");
  when = _dn_accounts_now ();
  now = _dn_accounts_format_time (when);
  since = _dn_accounts_format_time (when - DN_SIGN_IN_WINDOW);
  expires = _dn_accounts_format_time (when + lifetime);

  if (!count_failures (self, key, from, since, &failures, error))
    return NULL;
  if (failures >= DN_SIGN_IN_MAX_FAILURES)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_MANY_ATTEMPTS,
                   g_dngettext (GETTEXT_PACKAGE, "Too many failed sign-ins: try again in %d minute.",
                                "Too many failed sign-ins: try again in %d minutes.", DN_SIGN_IN_WINDOW / 60),
                   DN_SIGN_IN_WINDOW / 60);
      return NULL;
    }

  if (key[0] != '\0' && !read_credentials (self, key, &account_id, &hash, &disabled, error))
    return NULL;
  /* checked against a hash even when there is no such account */
  if (!_dn_accounts_verify (hash, password))
    {
      if (!record_failure (self, key, from, now, since, error))
        return NULL;
      set_denied (error);
      return NULL;
    }
  if (disabled)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED,
                           _("This account is disabled: ask an administrator."));
      return NULL;
    }
  /* made with earlier limits: made again, now that the password is known */
  if (_dn_accounts_needs_rehash (hash))
    rehash = _dn_accounts_hash_password (password, NULL);

  token = new_token ();
  token_digest = token_hash (token);
  if (!dn_store_begin (self, error))
    return NULL;
  ok = _dn_store_write (self,
                        "INSERT INTO account_session (account_id, token_hash, created_at, expires_at, peer) "
                        "VALUES (?, ?, ?, ?, ?)",
                        error, DN_INT (account_id), DN_TEXT (token_digest), DN_TEXT (now), DN_TEXT (expires),
                        DN_TEXT (from), DN_END) &&
       _dn_store_write (self, "DELETE FROM account_attempt WHERE name = ?", error, DN_TEXT (key), DN_END) &&
       _dn_store_write (self, "DELETE FROM account_session WHERE expires_at <= ?", error, DN_TEXT (now), DN_END) &&
       (rehash == NULL ||
        _dn_store_write (self, "UPDATE account SET password_hash = ? WHERE id = ?", error, DN_TEXT (rehash),
                         DN_INT (account_id), DN_END));
  if (!_dn_store_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&token);
}

char *
dn_store_open_session (DnStore     *self,
                       const char  *name,
                       const char  *password,
                       const char  *peer,
                       GError     **error)
{
  return dn_store_open_session_full (self, name, password, peer, DN_SESSION_LIFETIME, error);
}

DnAccount *
dn_store_check_session (DnStore     *self,
                        const char  *token,
                        GError     **error)
{
  g_autofree char *digest = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) local_error = NULL;
  DnAccount *account;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (token == NULL || strlen (token) != TOKEN_CHARS)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED,
                           _("The session has ended or was never opened: sign in again."));
      return NULL;
    }
  digest = token_hash (token);
  now = _dn_accounts_format_time (_dn_accounts_now ());
  account = _dn_store_read_one (self,
                                "SELECT " ACCOUNT_COLUMNS " FROM account_session s JOIN account a ON a.id = s.account_id "
                                "LEFT JOIN unit u ON u.id = a.unit_id "
                                "WHERE s.token_hash = ?1 AND s.revoked = 0 AND s.expires_at > ?2 AND a.disabled = 0",
                                &_dn_account_row, NULL, &local_error, DN_TEXT (digest), DN_TEXT (now), DN_END);
  if (account == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED,
                             _("The session has ended or was never opened: sign in again."));
    }
  return account;
}

gboolean
dn_store_close_session (DnStore     *self,
                        const char  *token,
                        GError     **error)
{
  g_autofree char *digest = NULL;
  gint64 id = 0;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (token != NULL && strlen (token) == TOKEN_CHARS)
    {
      digest = token_hash (token);
      if (!_dn_store_read_int (self, "SELECT id FROM account_session WHERE token_hash = ? AND revoked = 0", &id,
                               error, DN_TEXT (digest), DN_END))
        return FALSE;
    }
  if (id == 0)
    return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, "%s", _("There is no such open session."));
  return _dn_store_save_committed (self, "UPDATE account_session SET revoked = 1 WHERE id = ?1", &id, FALSE,
                                   _("There is no such open session."), error, DN_END);
}

gboolean
dn_store_revoke_sessions (DnStore   *self,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(DnAccount) account = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  account = dn_store_get_account (self, id, error);
  if (account == NULL)
    return FALSE;
  return _dn_store_write_committed (self, "UPDATE account_session SET revoked = 1 WHERE account_id = ? AND revoked = 0",
                                    error, DN_INT (id), DN_END);
}
