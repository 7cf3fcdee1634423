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

/* Sign-ins between their first and last step, by name: each counts as a
 * failure until it ends, so that sign-ins run side by side cannot pass
 * the limit (the store's thread only) */
#define IN_FLIGHT_KEY "dn-sign-ins-in-flight"

struct _DnSignIn
{
  DnStore  *store;
  char     *name;       /* normalized; "" for a name no account can have */
  char     *peer;
  char     *password;   /* wiped when freed */
  char     *hash;       /* NULL: no such account (checked against the dummy) */
  char     *rehash;     /* made again with today's limits, when they changed */
  gint64    account_id;
  gint64    lifetime;
  gboolean  disabled;
  gboolean  checked;
  gboolean  verified;
  gboolean  in_flight;
  guint     tries;      /* checks so far */
};

static GHashTable *
in_flight_of (DnStore *self)
{
  GHashTable *table = g_object_get_data (G_OBJECT (self), IN_FLIGHT_KEY);

  if (table == NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (self), IN_FLIGHT_KEY, table, (GDestroyNotify) g_hash_table_unref);
    }
  return table;
}

static guint
in_flight_count (DnStore    *self,
                 const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (in_flight_of (self), name));
}

static void
in_flight_add (DnStore    *self,
               const char *name,
               int         delta)
{
  GHashTable *table = in_flight_of (self);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, name));

  n = delta > 0 ? n + 1 : n > 0 ? n - 1 : 0;
  if (n == 0)
    g_hash_table_remove (table, name);
  else
    g_hash_table_insert (table, g_strdup (name), GUINT_TO_POINTER (n));
}

static void
wipe (char *text)
{
  if (text != NULL)
    sodium_memzero (text, strlen (text));
}

static void
sign_in_end (DnSignIn *sign_in)
{
  if (sign_in->in_flight)
    in_flight_add (sign_in->store, sign_in->name, -1);
  sign_in->in_flight = FALSE;
}

void
dn_sign_in_free (DnSignIn *sign_in)
{
  if (sign_in == NULL)
    return;
  sign_in_end (sign_in);
  wipe (sign_in->password);
  g_free (sign_in->password);
  g_free (sign_in->name);
  g_free (sign_in->peer);
  g_free (sign_in->hash);
  g_free (sign_in->rehash);
  g_clear_object (&sign_in->store);
  g_free (sign_in);
}

guint
dn_sign_in_get_tries (DnSignIn *sign_in)
{
  g_return_val_if_fail (sign_in != NULL, 0);
  return sign_in->tries;
}

const char *
dn_sign_in_get_name (DnSignIn *sign_in)
{
  g_return_val_if_fail (sign_in != NULL, NULL);
  return sign_in->name;
}

DnSignIn *
dn_store_begin_sign_in (DnStore     *self,
                        const char  *name,
                        const char  *password,
                        const char  *peer,
                        gint64       lifetime,
                        GError     **error)
{
  g_autoptr(DnSignIn) sign_in = NULL;
  g_autofree char *since = NULL;
  gint64 failures = 0;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (lifetime >= 1, NULL);

  if (!_dn_accounts_init (error))
    return NULL;
  sign_in = g_new0 (DnSignIn, 1);
  sign_in->store = g_object_ref (self);
  sign_in->lifetime = lifetime;
  sign_in->password = g_strdup (password);
  /* a name no account can have is counted as "" (and fails) */
  sign_in->name = _dn_account_name_normalize (name, NULL);
  if (sign_in->name == NULL)
    sign_in->name = g_strdup ("");
  sign_in->peer = peer != NULL ? dn_text_escape_for_display (peer, PEER_MAX_CHARS) : g_strdup ("");
  since = _dn_accounts_format_time (_dn_accounts_now () - DN_SIGN_IN_WINDOW);

  if (!count_failures (self, sign_in->name, sign_in->peer, since, &failures, error))
    return NULL;
  if (failures + in_flight_count (self, sign_in->name) >= DN_SIGN_IN_MAX_FAILURES)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_MANY_ATTEMPTS,
                   g_dngettext (GETTEXT_PACKAGE, "Too many failed sign-ins: try again in %d minute.",
                                "Too many failed sign-ins: try again in %d minutes.", DN_SIGN_IN_WINDOW / 60),
                   DN_SIGN_IN_WINDOW / 60);
      return NULL;
    }
  if (sign_in->name[0] != '\0' &&
      !read_credentials (self, sign_in->name, &sign_in->account_id, &sign_in->hash, &sign_in->disabled, error))
    return NULL;
  in_flight_add (self, sign_in->name, +1);
  sign_in->in_flight = TRUE;
  return g_steal_pointer (&sign_in);
}

void
dn_sign_in_check (DnSignIn *sign_in)
{
  g_return_if_fail (sign_in != NULL);
  g_return_if_fail (!sign_in->checked);
  sign_in->tries++;

  /* checked against a hash even when there is no such account */
  sign_in->verified = _dn_accounts_verify (sign_in->hash, sign_in->password);
  /* made with earlier limits: made again, now that the password is known */
  if (sign_in->verified && !sign_in->disabled && _dn_accounts_needs_rehash (sign_in->hash))
    sign_in->rehash = _dn_accounts_hash_password (sign_in->password, NULL);
  sign_in->checked = TRUE;
}

char *
dn_store_finish_sign_in (DnStore     *self,
                         DnSignIn    *sign_in,
                         GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *since = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_digest = NULL;
  gint64 when;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (sign_in != NULL && sign_in->store == self, NULL);
  g_return_val_if_fail (sign_in->checked, NULL);

  sign_in_end (sign_in);
  when = _dn_accounts_now ();
  now = _dn_accounts_format_time (when);
  since = _dn_accounts_format_time (when - DN_SIGN_IN_WINDOW);
  expires = _dn_accounts_format_time (when + sign_in->lifetime);
  if (!sign_in->verified)
    {
      if (!record_failure (self, sign_in->name, sign_in->peer, now, since, error))
        return NULL;
      set_denied (error);
      return NULL;
    }
  if (sign_in->disabled)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED,
                           _("This account is disabled: ask an administrator."));
      return NULL;
    }
  /* the account as it is now: its password changed, or it was disabled or
   * removed, while the password was being checked */
  {
    g_autofree char *hash = NULL;
    gint64 id = 0;
    gboolean disabled = FALSE;

    if (!read_credentials (self, sign_in->name, &id, &hash, &disabled, error))
      return NULL;
    if (disabled)
      {
        g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED,
                             _("This account is disabled: ask an administrator."));
        return NULL;
      }
    if (id != sign_in->account_id)
      {
        set_denied (error);
        return NULL;
      }
    /* another hash: the password changed, or another sign-in made it again
     * with today's limits; to be checked again against this one (not here:
     * the check is the caller's, off this thread) */
    if (g_strcmp0 (hash, sign_in->hash) != 0)
      {
        g_free (sign_in->hash);
        sign_in->hash = g_steal_pointer (&hash);
        g_clear_pointer (&sign_in->rehash, g_free);
        sign_in->checked = FALSE;
        sign_in->in_flight = TRUE;
        in_flight_add (self, sign_in->name, +1);
        g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT,
                             _("The account changed while its password was checked: check it again."));
        return NULL;
      }
  }

  token = new_token ();
  token_digest = token_hash (token);
  if (!dn_store_begin (self, error))
    return NULL;
  ok = _dn_store_write (self,
                        "INSERT INTO account_session (account_id, token_hash, created_at, expires_at, peer) "
                        "VALUES (?, ?, ?, ?, ?)",
                        error, DN_INT (sign_in->account_id), DN_TEXT (token_digest), DN_TEXT (now), DN_TEXT (expires),
                        DN_TEXT (sign_in->peer), DN_END) &&
       _dn_store_write (self, "DELETE FROM account_attempt WHERE name = ?", error, DN_TEXT (sign_in->name), DN_END) &&
       _dn_store_write (self, "DELETE FROM account_session WHERE expires_at <= ?", error, DN_TEXT (now), DN_END) &&
       (sign_in->rehash == NULL ||
        _dn_store_write (self, "UPDATE account SET password_hash = ? WHERE id = ?", error, DN_TEXT (sign_in->rehash),
                         DN_INT (sign_in->account_id), DN_END));
  if (!_dn_store_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&token);
}

char *
dn_store_open_session_full (DnStore     *self,
                            const char  *name,
                            const char  *password,
                            const char  *peer,
                            gint64       lifetime,
                            GError     **error)
{
  g_autoptr(DnSignIn) sign_in = dn_store_begin_sign_in (self, name, password, peer, lifetime, error);
  g_autoptr(GError) local_error = NULL;
  char *token;

  if (sign_in == NULL)
    return NULL;
  for (guint tries = 0;; tries++)
    {
      dn_sign_in_check (sign_in);
      token = dn_store_finish_sign_in (self, sign_in, &local_error);
      if (token != NULL || tries == 2 || !g_error_matches (local_error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT))
        break;
      g_clear_error (&local_error);
    }
  if (g_error_matches (local_error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT))
    {
      g_clear_error (&local_error);
      set_denied (&local_error);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return token;
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
