/* dn-server-test-utils.h: a server on a loopback port with four units
 * and two accounts, and a libsoup client on the same main context, for
 * the tests of the API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-server.h"
#include "dn-store-accounts.h"
#include "dn-test-utils.h"

G_BEGIN_DECLS

/* The units: SGD (department) > PGDBX (office) > THBX (school), and
 * SGD > PGDSP (another office); the accounts "so" (department officer of
 * SGD) and "batxat" (unit officer of PGDBX), both with the password
 * DN_SERVER_TEST_PASSWORD */
typedef struct
{
  DnTestStore  base;
  DnServer    *server;
  SoupSession *session;
  char        *base_uri;   /* "http://127.0.0.1:PORT/api/v1" */
  gint64       department, office, school, other;
} DnServerFixture;

typedef struct
{
  guint     status;
  JsonNode *json;
} DnAnswer;

#define DN_SERVER_TEST_PASSWORD "mật khẩu tốt 123"

void   dn_answer_clear                (DnAnswer *answer);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DnAnswer, dn_answer_clear)

/* Sends @method @path (below /api/v1) with @token (may be NULL) and @body
 * (may be NULL; @length -1: a string) and waits for the answer */
void   dn_server_test_request         (DnServerFixture *f,
                                       const char      *method,
                                       const char      *path,
                                       const char      *token,
                                       const char      *body,
                                       gssize           length,
                                       DnAnswer        *answer);
/* POST /attachments: @length bytes of @data with @token (may be NULL) and
 * the header X-File-Name: @file_name (NULL: none), as sent */
void   dn_server_test_upload          (DnServerFixture *f,
                                       const char      *token,
                                       const char      *file_name,
                                       const void      *data,
                                       gsize            length,
                                       DnAnswer        *answer);
/* dn_server_test_request() of @method @path with the body made of
 * @format (NULL: none), @answer cleared first */
void   dn_server_test_send            (DnServerFixture *f,
                                       const char      *method,
                                       const char      *token,
                                       DnAnswer        *answer,
                                       const char      *path,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (6, 7);
/* dn_server_test_request() of @method to the path made of @format, with
 * @body (may be NULL), @answer cleared first */
void   dn_server_test_send_to         (DnServerFixture *f,
                                       const char      *method,
                                       const char      *token,
                                       const char      *body,
                                       DnAnswer        *answer,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (6, 7);
/* The JSON object @answer holds (it must hold one) */
JsonObject *dn_answer_object          (DnAnswer        *answer);
/* The revision of row @id of @table in the server's store */
gint64 dn_server_test_row_revision    (DnServerFixture *f,
                                       const char      *table,
                                       gint64           id);
/* The server's address without "api/v1", as a DnClient takes it */
char  *dn_server_test_dup_url         (DnServerFixture *f);
/* A 4xx answer with {"error": {"code": @code, "message": non-empty}} */
void   dn_server_test_assert_error    (DnAnswer        *answer,
                                       guint            status,
                                       const char      *code);
/* The token of a sign-in that must succeed */
char  *dn_server_test_sign_in         (DnServerFixture *f,
                                       const char      *user,
                                       const char      *password);
/* A task led by @lead, due 2026-12-31: its id */
gint64 dn_server_test_add_task        (DnServerFixture *f,
                                       const char      *title,
                                       gint64           lead);
void   dn_server_test_add_account     (DnServerFixture *f,
                                       const char      *name,
                                       gint64           unit,
                                       DnAccountRole    role);

/* Adds the test @func, run on a DnServerFixture of its own */
#define DN_SERVER_TEST_ADD(path, func) \
  g_test_add ((path), DnServerFixture, NULL, dn_server_fixture_setup, (func), dn_server_fixture_teardown)

void   dn_server_fixture_setup        (DnServerFixture *f,
                                       gconstpointer    data);
void   dn_server_fixture_teardown     (DnServerFixture *f,
                                       gconstpointer    data);

G_END_DECLS
