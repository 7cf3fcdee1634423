/* dn-json-check.c: strict JSON (RFC 8259) checked before any parser sees it
 *
 * The reader's life and its pieces: each piece is checked as UTF-8 before
 * the state machine (dn-json-reader.c) reads it, a character cut between two
 * pieces is kept for the next; the line and column of a fault, its message;
 * and dn_json_check_strict(), one reader over a whole buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-json-check"

#include "config.h"

#include "dn-json-reader-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "dn-store.h"
#include "dn-text.h"

gboolean
_dn_json_fault (DnJsonReader  *self,
                Position       at,
                GError       **error,
                const char    *what)
{
  self->failed = TRUE;
  /* TRANSLATORS: "FILE, line 3, column 17: what is wrong" */
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s, line %u, column %u: %s"),
               self->name, at.line, at.column, what);
  return FALSE;
}

/* The line and column of byte @pos of @piece (never before the last one
 * asked for). */
Position
_dn_json_position (DnJsonReader *self,
                   const char   *piece,
                   gsize         pos)
{
  for (gsize i = self->counted; i < pos; i++)
    {
      if (piece[i] == '\n')
        {
          self->here.line++;
          self->here.column = 1;
        }
      else if (((guchar) piece[i] & 0xC0) != 0x80)
        self->here.column++;
    }
  self->counted = MAX (self->counted, pos);
  return self->here;
}

gboolean
_dn_json_fault_here (DnJsonReader  *self,
                     const char    *piece,
                     gsize          pos,
                     GError       **error,
                     const char    *what)
{
  return _dn_json_fault (self, _dn_json_position (self, piece, pos), error, what);
}

/* How many bytes the UTF-8 character that @lead starts takes (0: @lead
 * starts none). */
static guint
utf8_length (guchar lead)
{
  return lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
}

/* Reads @piece: the valid UTF-8 first, then the fault of the first byte
 * that is not, or keeps the start of a character it cuts for the next. */
static gboolean
read_piece (DnJsonReader  *self,
            const char    *piece,
            gsize          length,
            GError       **error)
{
  const char *end = NULL;
  gsize valid = length;
  gsize rest = 0;
  gboolean bad = FALSE;

  if (!g_utf8_validate_len (piece, length, &end))
    {
      guint need;

      valid = (gsize) (end - piece);
      rest = length - valid;
      need = utf8_length ((guchar) piece[valid]);
      bad = need <= rest;
      for (gsize i = valid + 1; i < length && !bad; i++)
        bad = ((guchar) piece[i] & 0xC0) != 0x80;
    }
  if (!_dn_json_scan (self, piece, valid, error))
    return FALSE;
  if (bad)
    return _dn_json_fault_here (self, piece, valid, error,
                                piece[valid] == '\0' ? _("the file contains a NUL byte.") : _("the text is not valid UTF-8."));

  _dn_json_position (self, piece, valid);
  if (self->keeping && valid > self->keep_start)
    g_byte_array_append (self->kept, (const guint8 *) piece + self->keep_start, valid - self->keep_start);
  self->keep_start = 0;
  self->offset += valid;
  self->counted = 0;
  memcpy (self->carry, piece + valid, rest);
  self->n_carry = (guint) rest;
  return TRUE;
}

DnJsonReader *
dn_json_reader_new (const DnJsonLimits  *limits,
                    const char          *name,
                    guint                record_depth,
                    DnJsonHandler        handler,
                    gpointer             user_data)
{
  DnJsonReader *self;

  g_return_val_if_fail (limits != NULL && limits->max_depth > 0, NULL);

  self = g_new0 (DnJsonReader, 1);
  self->limits = limits;
  self->name = name;
  self->record_depth = record_depth;
  self->handler = handler;
  self->user_data = user_data;
  self->state = ST_VALUE;
  self->stack = g_byte_array_new ();
  self->kept = g_byte_array_new ();
  self->here.line = 1;
  self->here.column = 1;
  return self;
}

void
dn_json_reader_free (DnJsonReader *self)
{
  if (self == NULL)
    return;
  g_byte_array_unref (self->stack);
  g_byte_array_unref (self->kept);
  g_free (self);
}

guint64
dn_json_reader_get_offset (DnJsonReader *self)
{
  return self->fed;
}

gboolean
dn_json_reader_feed (DnJsonReader  *self,
                     const char    *data,
                     gsize          length,
                     GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (!self->failed, FALSE);

  self->fed += length;
  /* first the character the last piece cut, completed */
  while (self->n_carry > 0 && length > 0)
    {
      guint need = utf8_length (self->carry[0]);
      guchar character[4];
      guint n;

      while (self->n_carry < need && length > 0)
        {
          self->carry[self->n_carry++] = (guchar) *data++;
          length--;
        }
      if (self->n_carry < need)
        return TRUE;
      n = self->n_carry;
      memcpy (character, self->carry, n);
      self->n_carry = 0;
      if (!read_piece (self, (const char *) character, n, error))
        return FALSE;
    }
  return length == 0 || read_piece (self, data, length, error);
}

gboolean
dn_json_check_strict (const char          *data,
                      gsize                length,
                      const DnJsonLimits  *limits,
                      const char          *name,
                      GError             **error)
{
  g_autoptr(DnJsonReader) reader = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (limits != NULL && limits->max_depth > 0, FALSE);

  reader = dn_json_reader_new (limits, name, 0, NULL, NULL);
  return dn_json_reader_feed (reader, data, length, error) && dn_json_reader_finish (reader, error);
}
