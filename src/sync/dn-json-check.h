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
 * The checker reads a stream: it is fed the data in pieces of any size (a
 * piece may end anywhere, inside a character too) and keeps only its state
 * and the record it is in, so that a file of any size is checked in bounded
 * memory. Whatever the pieces, it finds the same first fault; it reports the
 * faults in the order of the data.
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
  gsize max_record;     /* longest record (a value at the reader's record
                         * depth), in bytes as written; 0: no limit */
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

/* What a reader tells its handler, in the order of the data. The depth of
 * a value is the number of objects and arrays around it (the top value: 0). */
typedef enum
{
  DN_JSON_BEGIN_OBJECT, /* an object above the record depth begins */
  DN_JSON_BEGIN_ARRAY,  /* an array above the record depth begins */
  DN_JSON_END,          /* the object or array begun last ends */
  DN_JSON_MEMBER,       /* a member name of an object above the record depth
                         * (@depth: that of its value) */
  DN_JSON_VALUE,        /* a number, text, true, false or null above the
                         * record depth, or any value at the record depth */
} DnJsonEvent;

/* @data (@length bytes, not NUL-terminated) is the strict JSON text of a
 * member name or a value, checked, as written in the input: a record is
 * handed over whole once its last byte has been read. Returns FALSE with
 * @error set to stop the reading. */
typedef gboolean (*DnJsonHandler) (DnJsonEvent   event,
                                   guint         depth,
                                   const char   *data,
                                   gsize         length,
                                   gpointer      user_data,
                                   GError      **error);

typedef struct _DnJsonReader DnJsonReader;

/* A reader of one JSON value fed in pieces, checked as dn_json_check_strict()
 * does. With a @handler, the values at @record_depth are records: each one
 * is kept (at most @limits->max_record bytes) and handed over whole; above
 * that depth the handler sees the structure (DnJsonEvent); nothing deeper.
 * @limits and @name must outlive the reader. */
DnJsonReader *dn_json_reader_new    (const DnJsonLimits  *limits,
                                     const char          *name,
                                     guint                record_depth,
                                     DnJsonHandler        handler,
                                     gpointer             user_data);
/* Reads the next @length bytes. FALSE at the first fault (or when the
 * handler stops), with @error set; the reader then refuses anything more. */
gboolean      dn_json_reader_feed   (DnJsonReader  *reader,
                                     const char    *data,
                                     gsize          length,
                                     GError       **error);
/* The end of the data: TRUE when all that was fed is one strict JSON
 * value. */
gboolean      dn_json_reader_finish (DnJsonReader  *reader,
                                     GError       **error);
/* How many bytes were fed. */
guint64       dn_json_reader_get_offset (DnJsonReader *reader);
void          dn_json_reader_free   (DnJsonReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnJsonReader, dn_json_reader_free)

G_END_DECLS
