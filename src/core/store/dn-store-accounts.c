/* dn-store-accounts.c: the accounts of the department server (their
 * names, units, roles and password hashes), and what each may see and
 * change; their sessions are in dn-store-sessions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-store-accounts-private.h"
#include "dn-store-private.h"
#include "dn-text.h"

/* A password longer than this (bytes, in NFC) is refused when it is set;
 * at sign-in only this much of it is checked. */
#define PASSWORD_MAX_BYTES 1024

const DnRow _dn_account_row = {
  dn_account_get_type,
  { DN_COLUMN (INT64, DnAccount, id), DN_COLUMN (TEXT, DnAccount, name), DN_COLUMN (INT64, DnAccount, unit_id),
    DN_COLUMN (TEXT, DnAccount, unit_code), DN_COLUMN (TEXT, DnAccount, unit_name),
    DN_ENUM_COLUMN (DnAccount, role, dn_account_role_from_string), DN_COLUMN (BOOL, DnAccount, disabled),
    DN_COLUMN (TEXT, DnAccount, created_at), DN_COLUMN (TEXT, DnAccount, updated_at) },
};

/*
 * libsodium, its limits and the clock (the tests lower and set them)
 */

static guint64 test_opslimit;
static gsize test_memlimit;
static gint64 test_clock;
static guint n_verified;

gboolean
_dn_accounts_init (GError **error)
{
  static gsize initialised = 0;
  static int result;

  if (g_once_init_enter (&initialised))
    {
      result = sodium_init ();
      g_once_init_leave (&initialised, 1);
    }
  if (result < 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("The cryptography library could not be initialised: accounts cannot be used."));
      return FALSE;
    }
  return TRUE;
}

void
_dn_accounts_set_hash_limits (guint64 opslimit,
                              gsize   memlimit)
{
  g_return_if_fail (opslimit == 0 || opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN);
  g_return_if_fail (memlimit == 0 || memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN);
  test_opslimit = opslimit;
  test_memlimit = memlimit;
}

void
_dn_accounts_set_clock (gint64 unix_seconds)
{
  test_clock = unix_seconds;
}

guint
_dn_accounts_get_n_verified (void)
{
  return g_atomic_int_get (&n_verified);
}

gint64
_dn_accounts_now (void)
{
  return test_clock != 0 ? test_clock : g_get_real_time () / G_USEC_PER_SEC;
}

char *
_dn_accounts_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

static guint64
opslimit (void)
{
  return test_opslimit != 0 ? test_opslimit : crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
}

static gsize
memlimit (void)
{
  return test_memlimit != 0 ? test_memlimit : crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
}

/* An argon2id hash of @password (NFC), NULL with @error when memory runs
 * short. */
static char *
hash_password (const char  *password,
               GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str_alg (hash, password, strlen (password), opslimit (), memlimit (),
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Not enough memory to protect the password: nothing was saved."));
      return NULL;
    }
  return g_strdup (hash);
}

char *
_dn_accounts_hash_password (const char  *password,
                            GError     **error)
{
  g_autofree char *normalized = dn_text_normalize (password, -1, FALSE);

  if (normalized == NULL)
    {
      _dn_invalid (error, _("The password is not valid text (UTF-8)."));
      return NULL;
    }
  return hash_password (normalized, error);
}

/* A hash made with today's limits of a password nobody knows: what a
 * sign-in under an unknown name is checked against. */
static char *
dup_dummy_hash (void)
{
  G_LOCK_DEFINE_STATIC (dummy);
  static char *dummy;
  static guint64 dummy_ops;
  static gsize dummy_mem;
  char *copy;

  G_LOCK (dummy);
  if (dummy == NULL || dummy_ops != opslimit () || dummy_mem != memlimit ())
    {
      guint8 secret[16];
      char hex[sizeof secret * 2 + 1];

      randombytes_buf (secret, sizeof secret);
      sodium_bin2hex (hex, sizeof hex, secret, sizeof secret);
      g_free (dummy);
      dummy = hash_password (hex, NULL);
      dummy_ops = opslimit ();
      dummy_mem = memlimit ();
    }
  copy = g_strdup (dummy);
  G_UNLOCK (dummy);
  return copy;
}

gboolean
_dn_accounts_verify (const char *hash,
                     const char *password)
{
  /* made (once) whether or not it is needed: the first sign-in under an
   * unknown name takes no longer than under a known one */
  g_autofree char *dummy = dup_dummy_hash ();
  g_autofree char *normalized = password != NULL ? dn_text_normalize (password, -1, FALSE) : NULL;
  const char *checked = normalized != NULL ? normalized : password != NULL ? password : "";
  gsize len = MIN (strlen (checked), PASSWORD_MAX_BYTES * 4);
  gboolean ok;

  /* no memory for a hash at all: nothing is checked, nothing passes */
  if (hash == NULL && dummy == NULL)
    return FALSE;
  g_atomic_int_inc (&n_verified);
  ok = crypto_pwhash_str_verify (hash != NULL ? hash : dummy, checked, len) == 0;
  return ok && hash != NULL;
}

gboolean
_dn_accounts_needs_rehash (const char *hash)
{
  return crypto_pwhash_str_needs_rehash (hash, opslimit (), memlimit ()) != 0;
}

/*
 * Names and passwords
 */

char *
_dn_account_name_normalize (const char  *name,
                            GError     **error)
{
  g_autofree char *normalized = NULL;
  glong n_chars;

  if (name == NULL || name[0] == '\0')
    {
      _dn_invalid (error, _("The account name must not be empty."));
      return NULL;
    }
  if (strlen (name) > DN_ACCOUNT_NAME_MAX * 8 || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The account name is too long: at most %u character.",
                                "The account name is too long: at most %u characters.", DN_ACCOUNT_NAME_MAX),
                   DN_ACCOUNT_NAME_MAX);
      if (!g_utf8_validate (name, -1, NULL))
        {
          g_clear_error (error);
          _dn_invalid (error, _("The account name is not valid text (UTF-8)."));
        }
      return NULL;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT || type == G_UNICODE_LINE_SEPARATOR ||
          type == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          _dn_invalid (error, _("The account name must not hold control or invisible characters."));
          return NULL;
        }
    }
  normalized = dn_text_normalize (name, -1, TRUE);
  n_chars = g_utf8_strlen (normalized, -1);
  if (n_chars == 0)
    {
      _dn_invalid (error, _("The account name must not be empty."));
      return NULL;
    }
  if (n_chars > DN_ACCOUNT_NAME_MAX)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The account name is too long: at most %u character.",
                                "The account name is too long: at most %u characters.", DN_ACCOUNT_NAME_MAX),
                   DN_ACCOUNT_NAME_MAX);
      return NULL;
    }
  return g_steal_pointer (&normalized);
}

/* The hash of @password, NULL with @error when it breaks the rules. */
static char *
check_and_hash_password (const char  *password,
                         GError     **error)
{
  g_autofree char *normalized = NULL;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    {
      _dn_invalid (error, _("The password is not valid text (UTF-8)."));
      return NULL;
    }
  normalized = dn_text_normalize (password, -1, FALSE);
  if (g_utf8_strlen (normalized, -1) < DN_PASSWORD_MIN)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The password is too short: at least %d character.",
                                "The password is too short: at least %d characters.", DN_PASSWORD_MIN),
                   DN_PASSWORD_MIN);
      return NULL;
    }
  if (strlen (normalized) > PASSWORD_MAX_BYTES)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The password is too long: at most %d bytes."), PASSWORD_MAX_BYTES);
      return NULL;
    }
  if (!_dn_accounts_init (error))
    return NULL;
  return hash_password (normalized, error);
}

/*
 * Accounts
 */

static gboolean
check_account (DnStore    *self,
               DnAccount  *account,
               GError    **error)
{
  g_autofree char *name = _dn_account_name_normalize (account->name, error);

  if (name == NULL)
    return FALSE;
  g_free (account->name);
  account->name = g_steal_pointer (&name);
  if ((guint) account->role >= DN_ACCOUNT_ROLE_N)
    return _dn_invalid (error, _("Unknown role: use admin, department, unit or reader."));
  if (account->unit_id <= 0 && (account->role == DN_ACCOUNT_ROLE_UNIT || account->role == DN_ACCOUNT_ROLE_READER))
    return _dn_invalid (error, _("A unit officer or a reader belongs to a unit: say which."));
  if (account->unit_id > 0)
    {
      g_autoptr(DnUnit) unit = dn_store_get_unit (self, account->unit_id, error);

      if (unit == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
dn_store_add_account (DnStore     *self,
                      DnAccount   *account,
                      const char  *password,
                      GError     **error)
{
  g_autofree char *hash = NULL;
  gint64 id = 0;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_ACCOUNT (account), FALSE);

  if (!check_account (self, account, error))
    return FALSE;
  /* slow on purpose: before the write transaction, not inside it */
  hash = check_and_hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  if (!_dn_store_save_committed (self,
                                 "INSERT INTO account (id, name, unit_id, role, password_hash) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                                 &id, TRUE, NULL, error, DN_TEXT (account->name), DN_ID (account->unit_id),
                                 DN_TEXT (dn_account_role_to_string (account->role)), DN_TEXT (hash), DN_END))
    return FALSE;
  account->id = id;
  return TRUE;
}

gboolean
dn_store_set_account_password (DnStore     *self,
                               gint64       id,
                               const char  *password,
                               GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  hash = check_and_hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  return _dn_store_save_committed (self,
                                   "UPDATE account SET password_hash = ?2, "
                                   "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                                   &id, FALSE, _("The account no longer exists."), error, DN_TEXT (hash), DN_END);
}

gboolean
dn_store_set_account_disabled (DnStore   *self,
                               gint64     id,
                               gboolean   disabled,
                               GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_save (self,
                       "UPDATE account SET disabled = ?2, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                       &id, FALSE, _("The account no longer exists."), error, DN_INT (disabled ? 1 : 0), DN_END) &&
       (!disabled ||
        _dn_store_write (self, "UPDATE account_session SET revoked = 1 WHERE account_id = ? AND revoked = 0",
                         error, DN_INT (id), DN_END));
  return _dn_store_finish (self, ok, error);
}

_DN_STORE_DEFINE_GET (DnAccount, account, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM "WHERE a.id = ?", &_dn_account_row,
                      _("There is no account #%lld."))

DnAccount *
dn_store_find_account (DnStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  shown = dn_text_escape_for_display (name, 60);
  missing = g_strdup_printf (_("There is no account “%s”."), shown);
  normalized = _dn_account_name_normalize (name, &local_error);
  if (normalized == NULL)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, missing);
      return NULL;
    }
  return _dn_store_read_one (self, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM "WHERE a.name = ?", &_dn_account_row,
                             missing, error, DN_TEXT (normalized), DN_END);
}

GPtrArray *
dn_store_list_accounts (DnStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM "ORDER BY dn_collate_key (a.name), a.id", &_dn_account_row,
                             error, DN_END);
}

/*
 * What an account may see and change
 */

gboolean
dn_account_may_see_unit (DnStore   *store,
                         DnAccount *account,
                         gint64     unit_id)
{
  g_autoptr(GArray) scope = NULL;

  g_return_val_if_fail (DN_IS_ACCOUNT (account), FALSE);
  if (account->disabled || unit_id <= 0)
    return FALSE;
  scope = dn_account_dup_scope (store, account);
  if (scope == NULL)
    return TRUE;
  for (guint i = 0; i < scope->len; i++)
    if (g_array_index (scope, gint64, i) == unit_id)
      return TRUE;
  return FALSE;
}

gboolean
dn_account_may_write (DnAccount *account)
{
  g_return_val_if_fail (DN_IS_ACCOUNT (account), FALSE);
  return !account->disabled && account->role < DN_ACCOUNT_ROLE_READER;
}

gboolean
dn_account_may_see_secret (DnAccount *account)
{
  g_return_val_if_fail (DN_IS_ACCOUNT (account), FALSE);
  return !account->disabled && (account->role == DN_ACCOUNT_ROLE_ADMIN || account->role == DN_ACCOUNT_ROLE_DEPARTMENT);
}

gboolean
dn_account_may_manage_accounts (DnAccount *account)
{
  g_return_val_if_fail (DN_IS_ACCOUNT (account), FALSE);
  return !account->disabled && account->role == DN_ACCOUNT_ROLE_ADMIN;
}

GArray *
dn_account_dup_scope (DnStore   *store,
                      DnAccount *account)
{
  g_autoptr(GError) error = NULL;
  GArray *scope;

  g_return_val_if_fail (DN_IS_STORE (store), g_array_new (FALSE, FALSE, sizeof (gint64)));
  g_return_val_if_fail (DN_IS_ACCOUNT (account), g_array_new (FALSE, FALSE, sizeof (gint64)));
  if (account->disabled || (guint) account->role >= DN_ACCOUNT_ROLE_N)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  if (account->role == DN_ACCOUNT_ROLE_ADMIN || account->role == DN_ACCOUNT_ROLE_DEPARTMENT)
    return NULL;
  if (account->unit_id <= 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  scope = dn_store_get_unit_subtree (store, account->unit_id, &error);
  if (scope == NULL)
    {
      g_warning ("The units of account %s could not be read: %s", account->name, error->message);
      return g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  return scope;
}
