/* test-accounts.c: the accounts of the department server, their sessions,
 * the limit on failed sign-ins and what each role may see and change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-accounts"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

#define PASSWORD "mật khẩu dài"
/* 2026-03-02 08:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1772438400)

typedef struct
{
  gint64 sgd, vp, pgd, th_a, th_b;
} Tree;

/* SGD > VP, PGD > TH-A; TH-B at the top of a tree of its own */
static Tree
add_tree (DnStore *store)
{
  Tree t;

  t.sgd = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  t.vp = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, t.sgd);
  t.pgd = dn_test_add_unit (store, "PGD", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, t.sgd);
  t.th_a = dn_test_add_unit (store, "TH-A", "Trường Tiểu học A", DN_UNIT_KIND_SCHOOL, t.pgd);
  t.th_b = dn_test_add_unit (store, "TH-B", "Trường Tiểu học B", DN_UNIT_KIND_SCHOOL, 0);
  return t;
}

static gint64
add_account (DnStore    *store,
             const char *name,
             gint64      unit_id,
             DnAccountRole      role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = dn_account_new ();

  g_free (account->name);
  account->name = g_strdup (name);
  account->unit_id = unit_id;
  account->role = role;
  g_assert_true (dn_store_add_account (store, account, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (account->id, >, 0);
  return account->id;
}

static char *
sign_in (DnStore    *store,
         const char *name,
         const char *password,
         const char *peer)
{
  g_autoptr(GError) error = NULL;
  char *token = dn_store_open_session (store, name, password, peer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (token);
  return token;
}

/* A sign-in refused with @code. */
static void
assert_sign_in_refused (DnStore    *store,
                        const char *name,
                        const char *password,
                        const char *peer,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = dn_store_open_session (store, name, password, peer, &error);

  g_assert_null (token);
  g_assert_error (error, DN_STORE_ERROR, code);
}

static void
assert_session_account (DnStore    *store,
                        const char *token,
                        gint64      account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = dn_store_check_session (store, token, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpint (account->id, ==, account_id);
}

static void
assert_session_denied (DnStore    *store,
                       const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = dn_store_check_session (store, token, &error);

  g_assert_null (account);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED);
}

static void
setup (DnTestStore   *f,
       gconstpointer  data)
{
  dn_test_store_setup (f, data);
  _dn_accounts_set_clock (0);
}

#define ADD(path, func) g_test_add (path, DnTestStore, NULL, setup, func, dn_test_store_teardown)

/* ------------------------------------------------------------------ tests */

static void
test_add_and_read (DnTestStore   *f,
                   gconstpointer  data)
{
  Tree t = add_tree (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) found = NULL;
  g_autoptr(DnAccount) got = NULL;
  g_autoptr(DnAccount) same = dn_account_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *hash = NULL;
  gint64 lan, admin;

  lan = add_account (f->store, "  Nguyễn   Thị Lan ", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  admin = add_account (f->store, "admin", 0, DN_ACCOUNT_ROLE_ADMIN);

  hash = dn_test_query_text (f->store, "SELECT password_hash FROM account WHERE id = %" G_GINT64_FORMAT, lan);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, PASSWORD));
  /* the hash never reaches the change log, which keeps the account */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'account'"), ==, 2);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE after LIKE '%%argon2%%'"), ==, 0);

  /* the name as stored: white space collapsed; found in any ASCII case */
  found = dn_store_find_account (f->store, "nguyễn thị LAN", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, lan);
  g_assert_cmpstr (found->name, ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (found->unit_code, ==, "PGD");
  g_assert_cmpint (found->role, ==, DN_ACCOUNT_ROLE_UNIT);
  g_assert_false (found->disabled);
  g_assert_cmpuint (strlen (found->created_at), ==, 20);

  got = dn_store_get_account (f->store, admin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "admin");
  g_assert_cmpint (got->unit_id, ==, 0);
  g_assert_cmpstr (got->unit_code, ==, "");

  all = dn_store_list_accounts (f->store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *listed = dn_test_ids_of_records (all);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (admin, lan), ==, listed);
  }

  /* the same name in other capitals is taken */
  g_free (same->name);
  same->name = g_strdup ("ADMIN");
  same->role = DN_ACCOUNT_ROLE_READER;
  same->unit_id = t.vp;
  g_assert_false (dn_store_add_account (f->store, same, PASSWORD, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "account name"));
  g_clear_error (&error);

  g_assert_null (dn_store_find_account (f->store, "nobody", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

/* The hash is made with libsodium's interactive limits (the other tests
 * lower them). */
static void
test_interactive_limits (DnTestStore   *f,
                         gconstpointer  data)
{
  Tree t = add_tree (f->store);
  g_autofree char *hash = NULL;
  g_autofree char *expected = g_strdup_printf ("$argon2id$v=19$m=%zu,t=%llu,p=1$",
                                               (size_t) (crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE / 1024),
                                               (unsigned long long) crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);
  g_autofree char *token = NULL;

  _dn_accounts_set_hash_limits (0, 0);
  add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  hash = dn_test_query_text (f->store, "SELECT password_hash FROM account");
  g_assert_true (g_str_has_prefix (hash, expected));
  token = sign_in (f->store, "lan", PASSWORD, NULL);
  _dn_accounts_set_hash_limits (crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN);
}

/* A hash made with other limits is made again at the next sign-in. */
static void
test_rehash (DnTestStore   *f,
             gconstpointer  data)
{
  Tree t = add_tree (f->store);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *token = NULL;

  add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  before = dn_test_query_text (f->store, "SELECT password_hash FROM account");
  g_assert_true (g_str_has_prefix (before, "$argon2id$v=19$m=8,t=1,"));
  _dn_accounts_set_hash_limits (2, 16384);
  token = sign_in (f->store, "lan", PASSWORD, NULL);
  after = dn_test_query_text (f->store, "SELECT password_hash FROM account");
  g_assert_true (g_str_has_prefix (after, "$argon2id$v=19$m=16,t=2,"));
  _dn_accounts_set_hash_limits (crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN);
  g_free (sign_in (f->store, "lan", PASSWORD, NULL));
  g_clear_pointer (&after, g_free);
  after = dn_test_query_text (f->store, "SELECT password_hash FROM account");
  g_assert_true (g_str_has_prefix (after, "$argon2id$v=19$m=8,t=1,"));
}

static void
assert_add_refused (DnStore    *store,
                    const char *name,
                    gint64      unit_id,
                    int         role,
                    const char *password,
                    int         code,
                    const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = dn_account_new ();
  g_autofree char *before = dn_test_row_counts (store);
  g_autofree char *after = NULL;

  g_free (account->name);
  account->name = g_strdup (name);
  account->unit_id = unit_id;
  account->role = (DnAccountRole) role;
  g_assert_false (dn_store_add_account (store, account, password, &error));
  g_assert_error (error, DN_STORE_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
  after = dn_test_row_counts (store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_bad_input (DnTestStore   *f,
                gconstpointer  data)
{
  Tree t = add_tree (f->store);
  g_autofree char *long_name = g_strnfill (65, 'a');
  g_autofree char *longest = g_strnfill (64, 'a');
  DnAccountRole role;

  assert_add_refused (f->store, "", t.vp, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_INVALID, "empty");
  assert_add_refused (f->store, "   ", t.vp, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_INVALID, "empty");
  assert_add_refused (f->store, long_name, t.vp, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_INVALID, "at most 64");
  assert_add_refused (f->store, "lan\tanh", t.vp, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_INVALID, "control");
  assert_add_refused (f->store, "lan\xe2\x80\xae", t.vp, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_INVALID, "invisible");
  assert_add_refused (f->store, "lan\xff", t.vp, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_INVALID, "UTF-8");
  assert_add_refused (f->store, "lan", t.vp, DN_ACCOUNT_ROLE_UNIT, "1234567", DN_STORE_ERROR_INVALID, "at least 8");
  assert_add_refused (f->store, "lan", t.vp, DN_ACCOUNT_ROLE_UNIT, "", DN_STORE_ERROR_INVALID, "at least 8");
  assert_add_refused (f->store, "lan", t.vp, DN_ACCOUNT_ROLE_UNIT, NULL, DN_STORE_ERROR_INVALID, "UTF-8");
  assert_add_refused (f->store, "lan", 999, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_NOT_FOUND, "999");
  assert_add_refused (f->store, "lan", t.vp, DN_ACCOUNT_ROLE_N, PASSWORD, DN_STORE_ERROR_INVALID, "role");
  assert_add_refused (f->store, "lan", t.vp, 42, PASSWORD, DN_STORE_ERROR_INVALID, "role");
  assert_add_refused (f->store, "lan", 0, DN_ACCOUNT_ROLE_UNIT, PASSWORD, DN_STORE_ERROR_INVALID, "unit");
  assert_add_refused (f->store, "lan", 0, DN_ACCOUNT_ROLE_READER, PASSWORD, DN_STORE_ERROR_INVALID, "unit");
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account"), ==, 0);

  /* the limits themselves are allowed */
  add_account (f->store, longest, t.vp, DN_ACCOUNT_ROLE_UNIT);
  add_account (f->store, "dept", 0, DN_ACCOUNT_ROLE_DEPARTMENT);
  /* eight letters, seven of them with marks, typed decomposed: long enough */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnAccount) account = dn_account_new ();

    g_free (account->name);
    account->name = g_strdup ("hoa");
    account->unit_id = t.vp;
    g_autofree char *nfd = g_utf8_normalize ("ăâêôơưđé", -1, G_NORMALIZE_NFD);

    g_assert_cmpint (g_utf8_strlen (nfd, -1), >, 8);
    g_assert_true (dn_store_add_account (f->store, account, nfd, &error));
    g_assert_no_error (error);
  }

  g_assert_true (dn_account_role_from_string ("department", &role));
  g_assert_cmpint (role, ==, DN_ACCOUNT_ROLE_DEPARTMENT);
  g_assert_false (dn_account_role_from_string ("root", &role));
  g_assert_cmpstr (dn_account_role_to_string (DN_ACCOUNT_ROLE_READER), ==, "reader");
  g_assert_cmpstr (dn_account_role_get_label (DN_ACCOUNT_ROLE_UNIT), ==, "Unit officer");
}

static void
test_sign_in (DnTestStore   *f,
              gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  g_autoptr(GError) wrong = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *nfd = g_utf8_normalize (PASSWORD, -1, G_NORMALIZE_NFD);
  guint verified;

  token = sign_in (f->store, "LAN", PASSWORD, "192.0.2.7");
  g_assert_cmpuint (strlen (token), ==, 43);
  for (const char *p = token; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
  assert_session_account (f->store, token, lan);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_session WHERE peer = '192.0.2.7'"),
                   ==, 1);

  /* the password typed decomposed (another input method) is the same */
  g_assert_cmpstr (nfd, !=, PASSWORD);
  token2 = sign_in (f->store, "lan", nfd, NULL);
  g_assert_cmpstr (token2, !=, token);
  assert_session_account (f->store, token2, lan);

  /* a wrong password and an unknown name: one error, the same work */
  verified = _dn_accounts_get_n_verified ();
  g_assert_null (dn_store_open_session (f->store, "lan", "mật khẩu sai", NULL, &wrong));
  g_assert_error (wrong, DN_STORE_ERROR, DN_STORE_ERROR_DENIED);
  g_assert_cmpuint (_dn_accounts_get_n_verified (), ==, verified + 1);
  g_assert_null (dn_store_open_session (f->store, "nobody", PASSWORD, NULL, &unknown));
  g_assert_error (unknown, DN_STORE_ERROR, DN_STORE_ERROR_DENIED);
  g_assert_cmpuint (_dn_accounts_get_n_verified (), ==, verified + 2);
  g_assert_cmpstr (unknown->message, ==, wrong->message);
  /* a name no account may have goes the same way */
  assert_sign_in_refused (f->store, "", PASSWORD, NULL, DN_STORE_ERROR_DENIED);
  assert_sign_in_refused (f->store, "lan", NULL, NULL, DN_STORE_ERROR_DENIED);
  g_assert_cmpuint (_dn_accounts_get_n_verified (), ==, verified + 4);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt"), ==, 4);

  assert_session_denied (f->store, "not a token");
  assert_session_denied (f->store, NULL);
  assert_session_denied (f->store, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  /* the sessions were never in the change log */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name LIKE 'account_%%'"),
                   ==, 0);
}

/* Looks for @needle in the bytes of @path (when it exists). */
static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &bytes, &len, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_token_not_stored (DnTestStore   *f,
                       gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  g_autofree char *token = sign_in (f->store, "lan", PASSWORD, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *stored = dn_test_query_text (f->store, "SELECT token_hash FROM account_session");

  g_assert_cmpstr (stored, ==, digest);
  /* neither in the write-ahead log nor, once written back, in the file */
  g_assert_false (file_holds (wal, token));
  g_assert_false (file_holds (wal, PASSWORD));
  g_assert_true (file_holds (wal, digest) || file_holds (f->path, digest));
  dn_test_store_close (&f->store);
  g_assert_true (file_holds (f->path, digest));
  g_assert_false (file_holds (f->path, token));
  g_assert_false (file_holds (f->path, PASSWORD));
  dn_test_store_reopen (f);
  assert_session_account (f->store, token, lan);
}

static void
test_expiry (DnTestStore   *f,
             gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *brief = NULL;

  _dn_accounts_set_clock (T0);
  token = sign_in (f->store, "lan", PASSWORD, NULL);
  brief = dn_store_open_session_full (f->store, "lan", PASSWORD, NULL, 1, &error);
  g_assert_no_error (error);
  assert_session_account (f->store, brief, lan);
  _dn_accounts_set_clock (T0 + 1);
  assert_session_denied (f->store, brief);
  assert_session_account (f->store, token, lan);
  _dn_accounts_set_clock (T0 + DN_SESSION_LIFETIME - 1);
  assert_session_account (f->store, token, lan);
  _dn_accounts_set_clock (T0 + DN_SESSION_LIFETIME);
  assert_session_denied (f->store, token);
  g_assert_cmpint (DN_SESSION_LIFETIME, ==, 12 * 3600);

  /* the next sign-in forgets the expired sessions */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_session"), ==, 2);
  g_free (sign_in (f->store, "lan", PASSWORD, NULL));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_session"), ==, 1);
}

static void
test_revoke (DnTestStore   *f,
             gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  gint64 hoa = add_account (f->store, "hoa", t.vp, DN_ACCOUNT_ROLE_READER);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = sign_in (f->store, "lan", PASSWORD, NULL);
  g_autofree char *second = sign_in (f->store, "lan", PASSWORD, NULL);
  g_autofree char *third = sign_in (f->store, "lan", PASSWORD, NULL);
  g_autofree char *other = sign_in (f->store, "hoa", PASSWORD, NULL);

  g_assert_true (dn_store_close_session (f->store, first, &error));
  g_assert_no_error (error);
  assert_session_denied (f->store, first);
  assert_session_account (f->store, second, lan);
  g_assert_false (dn_store_close_session (f->store, first, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dn_store_close_session (f->store, "nonsense", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dn_store_revoke_sessions (f->store, lan, &error));
  g_assert_no_error (error);
  assert_session_denied (f->store, second);
  assert_session_denied (f->store, third);
  assert_session_account (f->store, other, hoa);
  g_assert_false (dn_store_revoke_sessions (f->store, 999, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
test_disabled (DnTestStore   *f,
               gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  gint64 hoa = add_account (f->store, "hoa", t.vp, DN_ACCOUNT_ROLE_UNIT);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) account = NULL;
  g_autofree char *first = sign_in (f->store, "lan", PASSWORD, NULL);
  g_autofree char *second = sign_in (f->store, "lan", PASSWORD, NULL);
  g_autofree char *other = sign_in (f->store, "hoa", PASSWORD, NULL);
  g_autofree char *again = NULL;

  g_assert_true (dn_store_set_account_disabled (f->store, lan, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_session WHERE account_id = %"
                                      G_GINT64_FORMAT " AND revoked = 0", lan), ==, 0);
  assert_session_denied (f->store, first);
  assert_session_denied (f->store, second);
  assert_session_account (f->store, other, hoa);
  account = dn_store_get_account (f->store, lan, &error);
  g_assert_true (account->disabled);
  g_assert_false (dn_account_may_write (account));

  /* the right password, refused: not a failure */
  g_assert_null (dn_store_open_session (f->store, "lan", PASSWORD, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "disabled"));
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt"), ==, 0);

  /* enabled again: a new session; the revoked ones stay closed */
  g_assert_true (dn_store_set_account_disabled (f->store, lan, FALSE, &error));
  g_assert_no_error (error);
  again = sign_in (f->store, "lan", PASSWORD, NULL);
  assert_session_account (f->store, again, lan);
  assert_session_denied (f->store, first);

  /* disabled behind the sessions' back: they are refused all the same */
  dn_test_exec (f->store, "UPDATE account SET disabled = 1 WHERE id = %" G_GINT64_FORMAT, lan);
  assert_session_denied (f->store, again);
  g_assert_false (dn_store_set_account_disabled (f->store, 999, TRUE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
test_password (DnTestStore   *f,
               gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dn_test_query_text (f->store, "SELECT password_hash FROM account");
  g_autofree char *after = NULL;
  g_autofree char *token = NULL;

  g_assert_false (dn_store_set_account_password (f->store, lan, "short", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = dn_test_query_text (f->store, "SELECT password_hash FROM account");
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_true (dn_store_set_account_password (f->store, lan, "một mật khẩu mới", &error));
  g_assert_no_error (error);
  after = dn_test_query_text (f->store, "SELECT password_hash FROM account");
  g_assert_cmpstr (after, !=, before);
  assert_sign_in_refused (f->store, "lan", PASSWORD, NULL, DN_STORE_ERROR_DENIED);
  token = sign_in (f->store, "lan", "một mật khẩu mới", NULL);
  /* the change is in the log, the hash is not */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'account' "
                                      "AND action = 'update'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM audit_log WHERE before LIKE '%%argon2%%' "
                                      "OR after LIKE '%%argon2%%'"), ==, 0);
  assert_session_account (f->store, token, lan);
  g_assert_false (dn_store_set_account_password (f->store, 999, "một mật khẩu mới", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
test_rate_limit (DnTestStore   *f,
                 gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  guint verified;

  _dn_accounts_set_clock (T0);
  for (int i = 0; i < DN_SIGN_IN_MAX_FAILURES; i++)
    {
      _dn_accounts_set_clock (T0 + i * 60);
      assert_sign_in_refused (f->store, "lan", "sai mật khẩu", i % 2 == 0 ? "192.0.2.1" : "192.0.2.2",
                              DN_STORE_ERROR_DENIED);
    }
  /* the sixth, with the right password and from elsewhere: not even checked */
  verified = _dn_accounts_get_n_verified ();
  g_assert_null (dn_store_open_session (f->store, "LAN", PASSWORD, "198.51.100.9", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_MANY_ATTEMPTS);
  g_assert_nonnull (strstr (error->message, "10 minutes"));
  g_clear_error (&error);
  g_assert_cmpuint (_dn_accounts_get_n_verified (), ==, verified);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt"), ==, 5);

  /* kept across a restart */
  dn_test_store_reopen (f);
  assert_sign_in_refused (f->store, "lan", PASSWORD, NULL, DN_STORE_ERROR_TOO_MANY_ATTEMPTS);

  /* the first failure leaves the window: one more try, which succeeds and
   * forgets the name's failures */
  _dn_accounts_set_clock (T0 + DN_SIGN_IN_WINDOW);
  token = sign_in (f->store, "lan", PASSWORD, NULL);
  assert_session_account (f->store, token, lan);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt"), ==, 0);
  assert_sign_in_refused (f->store, "lan", "sai mật khẩu", NULL, DN_STORE_ERROR_DENIED);
  g_free (sign_in (f->store, "lan", PASSWORD, NULL));
}

/* Five failures from one peer, each for another name, close that peer to
 * every name; other peers sign in. Old failures are pruned. */
static void
test_rate_limit_peer (DnTestStore   *f,
                      gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  g_autofree char *token = NULL;

  _dn_accounts_set_clock (T0);
  for (int i = 0; i < DN_SIGN_IN_MAX_FAILURES; i++)
    {
      g_autofree char *name = g_strdup_printf ("guess%d", i);
      assert_sign_in_refused (f->store, name, PASSWORD, "203.0.113.5", DN_STORE_ERROR_DENIED);
    }
  assert_sign_in_refused (f->store, "lan", PASSWORD, "203.0.113.5", DN_STORE_ERROR_TOO_MANY_ATTEMPTS);
  assert_sign_in_refused (f->store, "guess9", PASSWORD, "203.0.113.5", DN_STORE_ERROR_TOO_MANY_ATTEMPTS);
  token = sign_in (f->store, "lan", PASSWORD, "203.0.113.6");
  assert_session_account (f->store, token, lan);
  /* without a peer, only names count */
  g_free (sign_in (f->store, "lan", PASSWORD, NULL));

  /* a failure later prunes the rows out of the window */
  _dn_accounts_set_clock (T0 + DN_SIGN_IN_WINDOW + 1);
  assert_sign_in_refused (f->store, "guess0", PASSWORD, "203.0.113.5", DN_STORE_ERROR_DENIED);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt"), ==, 1);
}

/* Signing in in steps (the password checked off the store's thread):
 * sign-ins under way count against the limit, so five begun side by side
 * leave no room for a sixth; an account changed while its password was
 * being checked is judged as it is now. */
static void
test_sign_in_steps (DnTestStore   *f,
                    gconstpointer  data)
{
  Tree t = add_tree (f->store);
  gint64 lan = add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  gint64 hoa = add_account (f->store, "hoa", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  DnSignIn *pending[DN_SIGN_IN_MAX_FAILURES];
  g_autoptr(GError) error = NULL;
  g_autoptr(DnSignIn) right = NULL;
  g_autoptr(DnSignIn) changed = NULL;
  g_autoptr(DnSignIn) disabled = NULL;
  g_autofree char *token = NULL;

  _dn_accounts_set_clock (T0);
  /* the right password, in steps, opens a session under its name */
  right = dn_store_begin_sign_in (f->store, "LAN", PASSWORD, "192.0.2.1", DN_SESSION_LIFETIME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dn_sign_in_get_name (right), ==, "LAN");
  dn_sign_in_check (right);
  token = dn_store_finish_sign_in (f->store, right, &error);
  g_assert_no_error (error);
  assert_session_account (f->store, token, lan);
  g_clear_pointer (&token, g_free);
  /* (a sign-in holds the store) */
  g_clear_pointer (&right, dn_sign_in_free);

  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    {
      pending[i] = dn_store_begin_sign_in (f->store, "lan", "sai mật khẩu", NULL, DN_SESSION_LIFETIME, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pending[i]);
    }
  /* nothing recorded yet, and still a sixth is refused */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt"), ==, 0);
  g_assert_null (dn_store_begin_sign_in (f->store, "lan", PASSWORD, NULL, DN_SESSION_LIFETIME, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_MANY_ATTEMPTS);
  g_clear_error (&error);
  /* another name is not held back by them */
  g_free (sign_in (f->store, "hoa", PASSWORD, NULL));
  /* one given up leaves room for one more */
  g_clear_pointer (&pending[0], dn_sign_in_free);
  pending[0] = dn_store_begin_sign_in (f->store, "lan", "sai mật khẩu", NULL, DN_SESSION_LIFETIME, &error);
  g_assert_no_error (error);
  /* finished, they are five failures: the limit holds across a restart */
  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    {
      dn_sign_in_check (pending[i]);
      g_assert_null (dn_store_finish_sign_in (f->store, pending[i], &error));
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED);
      g_clear_error (&error);
      dn_sign_in_free (pending[i]);
    }
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt"), ==, 5);
  dn_test_store_reopen (f);
  assert_sign_in_refused (f->store, "lan", PASSWORD, NULL, DN_STORE_ERROR_TOO_MANY_ATTEMPTS);

  /* two sign-ins under way when the limits changed: the first to end makes
   * the hash again, the second still signs in */
  {
    gint64 minh = add_account (f->store, "minh", t.pgd, DN_ACCOUNT_ROLE_UNIT);
    g_autoptr(DnSignIn) first = NULL;
    g_autoptr(DnSignIn) second = NULL;
    g_autofree char *old_hash = dn_test_query_text (f->store, "SELECT password_hash FROM account WHERE id = %"
                                                    G_GINT64_FORMAT, minh);
    g_autofree char *first_token = NULL;
    g_autofree char *second_token = NULL;

    _dn_accounts_set_hash_limits (2, 16384);
    first = dn_store_begin_sign_in (f->store, "minh", PASSWORD, NULL, DN_SESSION_LIFETIME, &error);
    second = dn_store_begin_sign_in (f->store, "minh", PASSWORD, NULL, DN_SESSION_LIFETIME, &error);
    g_assert_no_error (error);
    dn_sign_in_check (first);
    dn_sign_in_check (second);
    first_token = dn_store_finish_sign_in (f->store, first, &error);
    g_assert_no_error (error);
    /* the second is told to check again, against the new hash */
    g_assert_null (dn_store_finish_sign_in (f->store, second, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    dn_sign_in_check (second);
    g_assert_cmpuint (dn_sign_in_get_tries (second), ==, 2);
    second_token = dn_store_finish_sign_in (f->store, second, &error);
    g_assert_no_error (error);
    assert_session_account (f->store, second_token, minh);
    dn_test_assert_owned_cmpstr (dn_test_query_text (f->store, "SELECT password_hash <> '%s' FROM account WHERE id = %"
                                                     G_GINT64_FORMAT, old_hash, minh), ==, "1");
    _dn_accounts_set_hash_limits (crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN);
  }

  /* the password changed, or the account disabled, while being checked */
  changed = dn_store_begin_sign_in (f->store, "hoa", PASSWORD, NULL, DN_SESSION_LIFETIME, &error);
  disabled = dn_store_begin_sign_in (f->store, "hoa", PASSWORD, NULL, DN_SESSION_LIFETIME, &error);
  g_assert_no_error (error);
  dn_sign_in_check (changed);
  dn_sign_in_check (disabled);
  g_assert_true (dn_store_set_account_password (f->store, hoa, "một mật khẩu mới", &error));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_session WHERE account_id = %" G_GINT64_FORMAT,
                                      hoa), ==, 1);
  g_assert_null (dn_store_finish_sign_in (f->store, changed, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* checked again against the new password's hash: refused, and counted */
  dn_sign_in_check (changed);
  g_assert_null (dn_store_finish_sign_in (f->store, changed, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_attempt WHERE name = 'hoa'"), ==, 1);
  g_assert_true (dn_store_set_account_disabled (f->store, hoa, TRUE, &error));
  g_assert_null (dn_store_finish_sign_in (f->store, disabled, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "disabled"));
  /* no session opened by either */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM account_session WHERE account_id = %" G_GINT64_FORMAT,
                                      hoa), ==, 1);
}

static void
test_rights (DnTestStore   *f,
             gconstpointer  data)
{
  Tree t = add_tree (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) admin = NULL;
  g_autoptr(DnAccount) dept = NULL;
  g_autoptr(DnAccount) officer = NULL;
  g_autoptr(DnAccount) reader = NULL;
  g_autoptr(GArray) scope = NULL;
  gint64 units[] = { t.sgd, t.vp, t.pgd, t.th_a, t.th_b };

  admin = dn_store_get_account (f->store, add_account (f->store, "admin", 0, DN_ACCOUNT_ROLE_ADMIN), &error);
  dept = dn_store_get_account (f->store, add_account (f->store, "dept", t.sgd, DN_ACCOUNT_ROLE_DEPARTMENT), &error);
  officer = dn_store_get_account (f->store, add_account (f->store, "officer", t.pgd, DN_ACCOUNT_ROLE_UNIT), &error);
  reader = dn_store_get_account (f->store, add_account (f->store, "reader", t.pgd, DN_ACCOUNT_ROLE_READER), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gboolean below_pgd = units[i] == t.pgd || units[i] == t.th_a;

      g_assert_true (dn_account_may_see_unit (f->store, admin, units[i]));
      g_assert_true (dn_account_may_see_unit (f->store, dept, units[i]));
      g_assert_cmpint (dn_account_may_see_unit (f->store, officer, units[i]), ==, below_pgd);
      g_assert_cmpint (dn_account_may_see_unit (f->store, reader, units[i]), ==, below_pgd);
    }
  g_assert_false (dn_account_may_see_unit (f->store, admin, 0));

  g_assert_true (dn_account_may_write (admin));
  g_assert_true (dn_account_may_write (dept));
  g_assert_true (dn_account_may_write (officer));
  g_assert_false (dn_account_may_write (reader));
  g_assert_true (dn_account_may_see_secret (admin));
  g_assert_true (dn_account_may_see_secret (dept));
  g_assert_false (dn_account_may_see_secret (officer));
  g_assert_false (dn_account_may_see_secret (reader));
  g_assert_true (dn_account_may_manage_accounts (admin));
  g_assert_false (dn_account_may_manage_accounts (dept));

  g_assert_null (dn_account_dup_scope (f->store, admin));
  g_assert_null (dn_account_dup_scope (f->store, dept));
  scope = dn_account_dup_scope (f->store, officer);
  {
    g_autofree char *seen = dn_test_ids_of_array (scope);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (t.pgd, t.th_a), ==, seen);
  }
  g_clear_pointer (&scope, g_array_unref);

  /* a new school below the office is in its scope at once */
  {
    gint64 th_c = dn_test_add_unit (f->store, "TH-C", "Trường Tiểu học C", DN_UNIT_KIND_SCHOOL, t.th_a);
    g_assert_true (dn_account_may_see_unit (f->store, reader, th_c));
  }

  /* disabled: nothing */
  officer->disabled = TRUE;
  admin->disabled = TRUE;
  scope = dn_account_dup_scope (f->store, officer);
  g_assert_nonnull (scope);
  g_assert_cmpuint (scope->len, ==, 0);
  g_clear_pointer (&scope, g_array_unref);
  scope = dn_account_dup_scope (f->store, admin);
  g_assert_nonnull (scope);
  g_assert_cmpuint (scope->len, ==, 0);
  g_assert_false (dn_account_may_see_unit (f->store, officer, t.pgd));
  g_assert_false (dn_account_may_see_unit (f->store, admin, t.sgd));
  g_assert_false (dn_account_may_write (officer));
  g_assert_false (dn_account_may_see_secret (admin));
}

/* A database with accounts, sessions and failures is sound; the unit of an
 * account cannot be deleted. */
static void
test_check (DnTestStore   *f,
            gconstpointer  data)
{
  Tree t = add_tree (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new ("");

  add_account (f->store, "lan", t.pgd, DN_ACCOUNT_ROLE_UNIT);
  g_free (sign_in (f->store, "lan", PASSWORD, NULL));
  assert_sign_in_refused (f->store, "lan", "sai mật khẩu", NULL, DN_STORE_ERROR_DENIED);
  g_assert_true (dn_store_check (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
  add_account (f->store, "hoa", t.th_b, DN_ACCOUNT_ROLE_READER);
  g_assert_cmpint (sqlite3_exec (_dn_store_get_db (f->store), "DELETE FROM unit WHERE code = 'TH-B'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpstr (sqlite3_errmsg (_dn_store_get_db (f->store)), ==, "FOREIGN KEY constraint failed");
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM unit WHERE id = %" G_GINT64_FORMAT, t.th_b), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  /* still argon2id, at its lowest cost: the tests check many passwords */
  _dn_accounts_set_hash_limits (crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN);

  ADD ("/accounts/add-and-read", test_add_and_read);
  ADD ("/accounts/interactive-limits", test_interactive_limits);
  ADD ("/accounts/rehash", test_rehash);
  ADD ("/accounts/bad-input", test_bad_input);
  ADD ("/accounts/sign-in", test_sign_in);
  ADD ("/accounts/token-not-stored", test_token_not_stored);
  ADD ("/accounts/expiry", test_expiry);
  ADD ("/accounts/revoke", test_revoke);
  ADD ("/accounts/disabled", test_disabled);
  ADD ("/accounts/password", test_password);
  ADD ("/accounts/rate-limit", test_rate_limit);
  ADD ("/accounts/rate-limit-peer", test_rate_limit_peer);
  ADD ("/accounts/sign-in-steps", test_sign_in_steps);
  ADD ("/accounts/rights", test_rights);
  ADD ("/accounts/check", test_check);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
