/* dn-json-reader-private.h: what the strict JSON checker's files share
 *
 * dn-json-reader.c reads the grammar (the state machine); dn-json-check.c
 * holds the reader's life, the UTF-8 of its pieces, the positions and
 * messages of its faults, and dn_json_check_strict().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-json-check.h"

G_BEGIN_DECLS

typedef enum
{
  ST_VALUE,          /* a value is expected (after '[': or a close) */
  ST_NAME,           /* a member name is expected (after '{': or a close) */
  ST_COLON,          /* after a member name */
  ST_AFTER,          /* after a value: a comma, a close or the end */
  ST_STRING,
  ST_ESCAPE,         /* after a backslash */
  ST_UNICODE,        /* in the four digits of \uXXXX */
  ST_LOW_BACKSLASH,  /* after a high surrogate: its low half must follow */
  ST_LOW_U,
  ST_LOW_UNICODE,
  ST_NUMBER,
  ST_LITERAL,        /* true, false or null */
} State;

typedef enum
{
  N_START,
  N_MINUS,
  N_ZERO,
  N_INTEGER,
  N_DOT,
  N_FRACTION,
  N_E,
  N_EXPONENT_SIGN,
  N_EXPONENT,
} NumberState;

typedef struct
{
  guint line;
  guint column;
} Position;

struct _DnJsonReader
{
  const DnJsonLimits *limits;
  const char *name;
  guint record_depth;
  DnJsonHandler handler;
  gpointer user_data;

  State state;
  gboolean after_open;    /* just after '[' or '{': a close may come */
  gboolean in_name;       /* the string is a member name */
  gboolean failed;
  GByteArray *stack;      /* one byte per open container: 1 object, 0 array */

  guint64 fed;            /* bytes fed */
  guint64 offset;         /* bytes before the piece being read */
  gsize counted;          /* in that piece, the byte @here is the position of */
  Position here;

  /* the token being read */
  Position token_at;
  Position escape_at;
  gsize unescaped;
  guint unit;
  guint n_hex;
  NumberState number;
  char digits[64];
  gsize n_digits;
  const char *word;
  guint n_word;

  /* the record, or the value or member name above it, being kept */
  gboolean keeping;
  gboolean keep_is_name;
  guint keep_depth;
  gsize keep_start;       /* in the piece being read */
  guint64 keep_offset;
  Position keep_at;
  GByteArray *kept;       /* its bytes from earlier pieces */

  guchar carry[4];        /* a character the last piece cut */
  guint n_carry;
};

/* Sets @error to the fault @what at @at; the reader refuses anything more.
 * Returns FALSE. */
gboolean _dn_json_fault      (DnJsonReader  *self,
                              Position       at,
                              GError       **error,
                              const char    *what);
/* The line and column of byte @pos of @piece (never before the last one
 * asked for). */
Position _dn_json_position   (DnJsonReader  *self,
                              const char    *piece,
                              gsize          pos);
/* The fault @what at byte @pos of @piece; returns FALSE. */
gboolean _dn_json_fault_here (DnJsonReader  *self,
                              const char    *piece,
                              gsize          pos,
                              GError       **error,
                              const char    *what);
/* Reads the first @length bytes of @piece, all valid UTF-8. */
gboolean _dn_json_scan       (DnJsonReader  *self,
                              const char    *piece,
                              gsize          length,
                              GError       **error);

G_END_DECLS
