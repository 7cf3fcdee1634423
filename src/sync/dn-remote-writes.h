/* dn-remote-writes.h: the window's writes as requests of the API
 *
 * What DnConnection sends for each DnWrite (dn-write.h), and what it reads
 * back from the answer: one mapping, beside the routes it speaks to
 * (dn-server-task-writes.c, dn-server-tasks.c, dn-server-deadlines.c,
 * dn-server-attachments.c, dn-server-passports.c, dn-server-record-writes.c,
 * dn-server-delegation-steps.c, dn-server-unit-steps.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dn-write.h"

G_BEGIN_DECLS

typedef struct
{
  const char *method;
  char       *path;     /* below /api/v1 */
  JsonNode   *body;     /* may be NULL */
  GFile      *upload;   /* a file sent first (POST /attachments); its id
                         * then goes in the body's "attachment_id" */
} DnRemoteRequest;

void     _dn_remote_request_clear  (DnRemoteRequest *request);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DnRemoteRequest, _dn_remote_request_clear)

/* The request that makes @write; FALSE (@error: a translated message) for
 * a write the server does not take */
gboolean _dn_remote_write_request  (DnWrite          *write,
                                    DnRemoteRequest  *request,
                                    GError          **error);
/* What @write made, read from the server's @answer (made_id, next_id) */
void     _dn_remote_write_answer   (DnWrite          *write,
                                    JsonNode         *answer);

G_END_DECLS
