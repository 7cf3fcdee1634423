/* dn-record-binds.h: a record of core as the API's JSON and back, field by
 * field, from one table per kind (private to src/sync)
 *
 * The server reads a request's body into a record with these tables
 * (dn-server-bind.c) and the desktop writes a record as the body of its
 * request with the same ones (dn-remote-writes.c): one mapping of each
 * kind's fields to the exchange's names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dn-writable.h"

G_BEGIN_DECLS

typedef enum
{
  DN_BIND_TEXT,    /* char *; null: "" */
  DN_BIND_ENUM,    /* an enum from its word (read_enum) and back (write_enum) */
  DN_BIND_DATE,    /* GDate; null: none */
  DN_BIND_ID,      /* gint64 id of a record; null: 0 */
  DN_BIND_AMOUNT,  /* gint64 from 0; null: -1 (not stated) */
  DN_BIND_INT,     /* int from 0; null: 0 */
  DN_BIND_FLAG,    /* gboolean written 0 or 1 */
} DnBindType;

/* An enum's word as its value (a wrapper of dn_*_from_string()), and its
 * value as its word */
typedef gboolean    (*DnEnumRead)  (const char *text,
                                    int        *out);
typedef const char *(*DnEnumWrite) (int         value);

typedef struct
{
  const char *name;      /* the exchange's: the column's */
  DnBindType  type;
  gsize       offset;    /* G_STRUCT_OFFSET of the record's field */
  gboolean    required;  /* on a creation; never null */
  DnEnumRead  read_enum;
  DnEnumWrite write_enum;
} DnBind;

/* The fields of @kind's records a body gives, ended by { NULL }; NULL for
 * a kind not written whole through the API */
const DnBind *_dn_record_binds     (const DnWritable *kind);

/* A delegation's countries, members and a visit's programme items, as
 * POST /delegations/{id}/members and a delegation's parts give them */
extern const DnBind _dn_country_binds[];
extern const DnBind _dn_member_binds[];
extern const DnBind _dn_programme_binds[];

/* @record's fields as @binds name them (what POST and PATCH take) */
JsonObject   *_dn_record_binds_write (const DnBind   *binds,
                                      gpointer        record);

G_END_DECLS
