/* dn-client.h: the desktop's side of the department server's API
 *
 * A DnClient talks to one server (its base address, "https://so.example:8443/")
 * over libsoup 3, on the thread-default main context of the thread that
 * made it: signing in keeps the session's token and the account, every
 * request sends the token, and every answer is read with a size cap and
 * checked as strict JSON within a nesting limit before json-glib parses it
 * (the server is outside input too). Everything is asynchronous and
 * cancellable.
 *
 * TLS: a certificate the system trusts is accepted. Otherwise (a
 * department's self-signed certificate) it is accepted only when its
 * SHA-256 is the one pinned (dn_client_set_pinned_certificate(), from the
 * settings); with none pinned the request fails with
 * DN_CLIENT_ERROR_CERTIFICATE, and dn_client_error_get_certificate() gives
 * the certificate for the officer to confirm and pin; with another one
 * pinned it fails with DN_CLIENT_ERROR_CERTIFICATE_CHANGED.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The largest answer read, in bytes */
#define DN_CLIENT_MAX_ANSWER (64 * 1024 * 1024)
/* The deepest nesting of an answer's JSON */
#define DN_CLIENT_MAX_DEPTH  16
/* Seconds without an answer before a request is given up (OFFLINE) */
#define DN_CLIENT_TIMEOUT    30

#define DN_CLIENT_ERROR (dn_client_error_quark ())

typedef enum
{
  DN_CLIENT_ERROR_OFFLINE,       /* cannot connect, or no answer in time */
  DN_CLIENT_ERROR_UNAUTHORIZED,  /* not signed in, wrong password, session
                                  * expired or revoked: sign in again */
  DN_CLIENT_ERROR_FORBIDDEN,
  DN_CLIENT_ERROR_NOT_FOUND,
  DN_CLIENT_ERROR_CONFLICT,      /* someone changed the record first:
                                  * dn_client_error_get_current() */
  DN_CLIENT_ERROR_INVALID,       /* another 4xx: the server's message */
  DN_CLIENT_ERROR_WARNING,       /* 400 "warning": what the store only warns
                                  * about; the same write "confirmed" goes
                                  * ahead */
  DN_CLIENT_ERROR_CERTIFICATE,   /* a certificate the system does not trust
                                  * and none pinned: confirm and pin it */
  DN_CLIENT_ERROR_CERTIFICATE_CHANGED, /* not the certificate pinned:
                                        * possibly intercepted */
  DN_CLIENT_ERROR_SERVER,        /* 5xx, or an answer that is not the API's */
} DnClientError;

GQuark           dn_client_error_quark            (void);
/* The record now on the server that a DN_CLIENT_ERROR_CONFLICT carries
 * (the 409's "current"), else NULL. Owned by @error. */
JsonNode        *dn_client_error_get_current      (const GError *error);
/* The server's certificate that a DN_CLIENT_ERROR_CERTIFICATE or
 * _CERTIFICATE_CHANGED carries, else NULL. Owned by @error. */
GTlsCertificate *dn_client_error_get_certificate  (const GError *error);

/* The SHA-256 of @certificate's DER, as 64 lower-case hexadecimal digits */
char            *dn_client_certificate_fingerprint (GTlsCertificate *certificate);

/* What the client does with an answer's body, alone (also the fuzz target
 * "changes"'s entry): NULL with DN_CLIENT_ERROR_SERVER when @data is not
 * strict JSON within DN_CLIENT_MAX_DEPTH. */
JsonNode        *dn_client_parse_answer           (const char   *data,
                                                   gsize         length,
                                                   GError      **error);

#define DN_TYPE_CLIENT (dn_client_get_type ())
G_DECLARE_FINAL_TYPE (DnClient, dn_client, DN, CLIENT, GObject)

/* @base_uri: the server's address, "https://HOST:PORT/" (the API is under
 * api/v1/ below it); NULL when it is not an http or https address */
DnClient    *dn_client_new                    (const char  *base_uri,
                                               GError     **error);
const char  *dn_client_get_base_uri           (DnClient    *self);
/* The SHA-256 (64 hexadecimal digits; NULL: none) of the self-signed
 * certificate accepted; FALSE when @fingerprint is not one */
gboolean     dn_client_set_pinned_certificate (DnClient    *self,
                                               const char  *fingerprint);
const char  *dn_client_get_pinned_certificate (DnClient    *self);
/* Seconds without an answer before a request fails with
 * DN_CLIENT_ERROR_OFFLINE (default DN_CLIENT_TIMEOUT) */
void         dn_client_set_timeout            (DnClient    *self,
                                               guint        seconds);

/* The session: NULL before signing in and after signing out */
const char  *dn_client_get_token              (DnClient    *self);
/* The account signed in: its name, its unit's code, its role ("unit"…) */
const char  *dn_client_get_user_name          (DnClient    *self);
const char  *dn_client_get_unit_code          (DnClient    *self);
const char  *dn_client_get_role               (DnClient    *self);

void         dn_client_sign_in_async          (DnClient            *self,
                                               const char          *user,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     dn_client_sign_in_finish         (DnClient            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Ends the session on the server; the token is forgotten whatever the
 * server answers */
void         dn_client_sign_out_async         (DnClient            *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     dn_client_sign_out_finish        (DnClient            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* @method @path below api/v1 ("/tasks?after=0", "/tasks/12") with @body
 * (an object, or NULL) as JSON and the session's token */
void         dn_client_request_async          (DnClient            *self,
                                               const char          *method,
                                               const char          *path,
                                               JsonNode            *body,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The answer (a JSON null for an answer without a body), or NULL with
 * @error: DN_CLIENT_ERROR, G_IO_ERROR_CANCELLED */
JsonNode    *dn_client_request_finish         (DnClient            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* POST @path with @file's bytes as the body and its name in the header
 * X-File-Name (POST /attachments); the answer as dn_client_request_*.
 * The file is read whole first (the server takes at most 50 MiB). */
void         dn_client_upload_async           (DnClient            *self,
                                               const char          *path,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
JsonNode    *dn_client_upload_finish          (DnClient            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* GET @path whose answer is a file's bytes (GET /attachments/{sha256}),
 * capped as every answer; an error answer as dn_client_request_*. */
void         dn_client_download_async         (DnClient            *self,
                                               const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GBytes      *dn_client_download_finish        (DnClient            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
