/* dn-json-check.h: strict JSON (RFC 8259) checked before any parser sees it
 *
 * json-glib 1.6 accepts more than JSON (comments, single-quoted strings,
 * trailing garbage after some values), has no nesting limit (deep input
 * overflows its stack), turns \u0000 into the end of a string, numbers out of
 * range into infinity and integers beyond 64 bits into -1. Input from outside
 * (an import file, a request to the server) is therefore scanned first by
 * this checker, which accepts exactly strict JSON within limits, iteratively
 * (no recursion, constant stack), and names the line and column of the first
 * fault. Only what passes is handed to json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint max_depth;      /* deepest nesting of objects and arrays, e.g. 16 */
  gsize max_string;     /* longest string, in bytes once unescaped; 0: no limit */
} DnJsonLimits;

/* TRUE when @data (@length bytes) is one strict JSON value within @limits:
 * UTF-8, no byte-order mark, only JSON white space, no comments, double
 * quotes only, no raw control characters in strings, valid escapes, no
 * \u0000, surrogates only in pairs, integers that fit in 64 bits, other
 * numbers finite as doubles, nothing after the value. Otherwise sets @error
 * (DN_STORE_ERROR_INVALID) to "@name, line L, column C: what is wrong"
 * (columns count characters, from 1). */
gboolean dn_json_check_strict (const char          *data,
                               gsize                length,
                               const DnJsonLimits  *limits,
                               const char          *name,
                               GError             **error);

G_END_DECLS
