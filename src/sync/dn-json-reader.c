/* dn-json-reader.c: the strict JSON checker's state machine
 *
 * A state machine over the grammar of RFC 8259 §2–7, fed byte by byte (in
 * pieces of any size), with an explicit stack of open containers (a byte per
 * level: object or array) instead of recursion. The bytes are checked as
 * UTF-8 a piece at a time; a character split between two pieces waits (at
 * most 3 bytes) for the rest. Line and column are counted once over the
 * data, and remembered where a token begins, for the faults found at its
 * end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-json-check"

#include "config.h"

#include "dn-json-reader-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

static const char *
value_expected (void)
{
  return _("this is not JSON (a value was expected: text in double quotes, a number, "
           "true, false, null, an object or a list).");
}

static const char *
ends_early (void)
{
  return _("the data ends too early (a value or a closing bracket is missing).");
}

static gboolean
emit (DnJsonReader  *self,
      DnJsonEvent    event,
      guint          depth,
      const char    *data,
      gsize          length,
      GError       **error)
{
  if (!self->handler (event, depth, data, length, self->user_data, error))
    {
      self->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

static void
keep_begin (DnJsonReader *self,
            const char   *piece,
            gsize         pos,
            gboolean      is_name)
{
  self->keeping = TRUE;
  self->keep_is_name = is_name;
  self->keep_depth = self->stack->len;
  self->keep_start = pos;
  self->keep_offset = self->offset + pos;
  self->keep_at = _dn_json_position (self, piece, pos);
}

/* Hands over what was kept, up to byte @end of @piece. */
static gboolean
deliver (DnJsonReader  *self,
         DnJsonEvent    event,
         const char    *piece,
         gsize          end,
         GError       **error)
{
  gboolean ok;

  self->keeping = FALSE;
  if (self->kept->len == 0)
    return emit (self, event, self->keep_depth, piece + self->keep_start, end - self->keep_start, error);
  if (end > self->keep_start)
    g_byte_array_append (self->kept, (const guint8 *) piece + self->keep_start, end - self->keep_start);
  ok = emit (self, event, self->keep_depth, (const char *) self->kept->data, self->kept->len, error);
  /* a large record does not keep its memory */
  if (self->kept->len > 1024 * 1024)
    {
      g_byte_array_unref (self->kept);
      self->kept = g_byte_array_new ();
    }
  else
    g_byte_array_set_size (self->kept, 0);
  return ok;
}

/* A value begins at byte @pos: @event is DN_JSON_VALUE for a number, text
 * or literal. */
static gboolean
value_begin (DnJsonReader  *self,
             const char    *piece,
             gsize          pos,
             DnJsonEvent    event,
             GError       **error)
{
  guint depth = self->stack->len;

  if (self->handler == NULL || self->keeping || depth > self->record_depth)
    return TRUE;
  if (depth == self->record_depth || event == DN_JSON_VALUE)
    {
      keep_begin (self, piece, pos, FALSE);
      return TRUE;
    }
  return emit (self, event, depth, NULL, 0, error);
}

/* A value ended just before byte @end (after its container was closed). */
static gboolean
value_done (DnJsonReader  *self,
            const char    *piece,
            gsize          end,
            gboolean       container,
            GError       **error)
{
  self->state = ST_AFTER;
  if (self->keeping && !self->keep_is_name && self->stack->len == self->keep_depth)
    return deliver (self, DN_JSON_VALUE, piece, end, error);
  if (container && self->handler != NULL && self->stack->len < self->record_depth)
    return emit (self, DN_JSON_END, self->stack->len, NULL, 0, error);
  return TRUE;
}

static gboolean
close_container (DnJsonReader  *self,
                 const char    *piece,
                 gsize          end,
                 GError       **error)
{
  g_byte_array_set_size (self->stack, self->stack->len - 1);
  return value_done (self, piece, end, TRUE, error);
}

static gboolean
count_unescaped (DnJsonReader  *self,
                 gsize          n,
                 GError       **error)
{
  self->unescaped += n;
  if (self->limits->max_string > 0 && self->unescaped > self->limits->max_string)
    {
      g_autofree char *what = g_strdup_printf (_("a text is longer than %lu bytes."),
                                               (unsigned long) self->limits->max_string);
      return _dn_json_fault (self, self->token_at, error, what);
    }
  return TRUE;
}

static gboolean
string_begin (DnJsonReader *self,
              const char   *piece,
              gsize         pos,
              gboolean      is_name)
{
  self->state = ST_STRING;
  self->in_name = is_name;
  self->unescaped = 0;
  self->token_at = _dn_json_position (self, piece, pos);
  return TRUE;
}

static gboolean
string_end (DnJsonReader  *self,
            const char    *piece,
            gsize          end,
            GError       **error)
{
  if (!self->in_name)
    return value_done (self, piece, end, FALSE, error);
  self->state = ST_COLON;
  if (self->keeping && self->keep_is_name)
    return deliver (self, DN_JSON_MEMBER, piece, end, error);
  return TRUE;
}

/* Whether @c continues the number; moves its state on if so. */
static gboolean
number_takes (DnJsonReader *self,
              guchar        c)
{
  gboolean digit = g_ascii_isdigit (c);
  gboolean e = c == 'e' || c == 'E';
  NumberState next;

  switch (self->number)
    {
    case N_START:
      next = c == '-' ? N_MINUS : c == '0' ? N_ZERO : N_INTEGER;
      break;
    case N_MINUS:
      if (!digit)
        return FALSE;
      next = c == '0' ? N_ZERO : N_INTEGER;
      break;
    case N_ZERO:
    case N_INTEGER:
      if (c == '.')
        next = N_DOT;
      else if (e)
        next = N_E;
      else if (digit && self->number == N_INTEGER)
        next = N_INTEGER;
      else
        return FALSE;
      break;
    case N_DOT:
    case N_FRACTION:
      if (digit)
        next = N_FRACTION;
      else if (e && self->number == N_FRACTION)
        next = N_E;
      else
        return FALSE;
      break;
    case N_E:
      if (c != '+' && c != '-' && !digit)
        return FALSE;
      next = digit ? N_EXPONENT : N_EXPONENT_SIGN;
      break;
    case N_EXPONENT_SIGN:
    case N_EXPONENT:
    default:
      if (!digit)
        return FALSE;
      next = N_EXPONENT;
      break;
    }
  self->number = next;
  if (self->n_digits < sizeof self->digits)
    self->digits[self->n_digits] = (char) c;
  self->n_digits++;
  return TRUE;
}

/* The number ended before byte @end of @piece (NULL at the end of the data). */
static gboolean
number_end (DnJsonReader  *self,
            const char    *piece,
            gsize          end,
            GError       **error)
{
  char buffer[sizeof self->digits];
  gboolean integral = memchr (self->digits, '.', MIN (self->n_digits, sizeof self->digits)) == NULL &&
                      memchr (self->digits, 'e', MIN (self->n_digits, sizeof self->digits)) == NULL &&
                      memchr (self->digits, 'E', MIN (self->n_digits, sizeof self->digits)) == NULL;

  if (self->number == N_MINUS || self->number == N_DOT || self->number == N_E || self->number == N_EXPONENT_SIGN)
    return _dn_json_fault (self, self->token_at, error, _("this is not a valid number."));
  if (self->n_digits >= sizeof buffer)
    return _dn_json_fault (self, self->token_at, error, _("a number is too long."));
  memcpy (buffer, self->digits, self->n_digits);
  buffer[self->n_digits] = '\0';
  if (integral)
    {
      gint64 value;
      if (!g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return _dn_json_fault (self, self->token_at, error, _("a whole number is out of range (at most 19 digits)."));
    }
  else
    {
      char *stop = NULL;
      double value = g_ascii_strtod (buffer, &stop);
      if (stop != buffer + self->n_digits || !isfinite (value))
        return _dn_json_fault (self, self->token_at, error, _("a number is out of range."));
    }
  return value_done (self, piece, end, FALSE, error);
}

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where white space may come first. */
static gboolean
between_tokens (State state)
{
  return state == ST_VALUE || state == ST_NAME || state == ST_COLON || state == ST_AFTER;
}

/* The fault of byte @p of @piece where @expected was: single quotes and
 * comments, the usual mistakes, are named. */
static gboolean
unexpected (DnJsonReader  *self,
            const char    *piece,
            gsize          p,
            GError       **error,
            const char    *expected)
{
  guchar c = (guchar) piece[p];

  return _dn_json_fault_here (self, piece, p, error,
                              c == '\'' ? _("text must be in double quotes, not single quotes.")
                              : c == '/' ? _("comments are not allowed in JSON.")
                                         : expected);
}

/* Reads from byte *@pos of @piece, in the current state, at most up to
 * @stop; returns when the state may have changed. */
static gboolean
step (DnJsonReader  *self,
      const char    *piece,
      gsize         *pos,
      gsize          stop,
      GError       **error)
{
  gsize p = *pos;
  guchar c = (guchar) piece[p];
  gboolean ok = TRUE;

  if (between_tokens (self->state))
    {
      while (is_space (c) && ++p < stop)
        c = (guchar) piece[p];
      if (p == stop)
        {
          *pos = p;
          return TRUE;
        }
    }
  switch (self->state)
    {
    case ST_VALUE:
      if (self->after_open && c == ']')
        {
          p++;
          ok = close_container (self, piece, p, error);
          break;
        }
      if (self->after_open && c == '}')
        return _dn_json_fault_here (self, piece, p, error, _("a comma or a closing bracket “]” was expected."));
      self->after_open = FALSE;
      if (c == '{' || c == '[')
        {
          if (self->stack->len >= self->limits->max_depth)
            {
              g_autofree char *what = g_strdup_printf (_("the data is nested more than %u levels deep; "
                                                         "this is not a Đối Ngoại export."),
                                                       self->limits->max_depth);
              return _dn_json_fault_here (self, piece, p, error, what);
            }
          if (!value_begin (self, piece, p, c == '{' ? DN_JSON_BEGIN_OBJECT : DN_JSON_BEGIN_ARRAY, error))
            return FALSE;
          g_byte_array_append (self->stack, (const guint8 *) (c == '{' ? "\1" : "\0"), 1);
          p++;
          self->state = c == '{' ? ST_NAME : ST_VALUE;
          self->after_open = TRUE;
        }
      else if (c == '"')
        {
          ok = value_begin (self, piece, p, DN_JSON_VALUE, error) && string_begin (self, piece, p, FALSE);
          p++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          ok = value_begin (self, piece, p, DN_JSON_VALUE, error);
          self->state = ST_NUMBER;
          self->number = N_START;
          self->n_digits = 0;
          self->token_at = _dn_json_position (self, piece, p);
        }
      else if (c == 't' || c == 'f' || c == 'n')
        {
          ok = value_begin (self, piece, p, DN_JSON_VALUE, error);
          self->state = ST_LITERAL;
          self->word = c == 't' ? "true" : c == 'f' ? "false" : "null";
          self->n_word = 0;
          self->token_at = _dn_json_position (self, piece, p);
        }
      else if (self->offset + p == 0 && c == 0xEF && stop - p >= 3 && memcmp (piece + p, "\xEF\xBB\xBF", 3) == 0)
        return _dn_json_fault_here (self, piece, p, error, _("the file starts with a byte-order mark, which JSON does not allow."));
      else
        return unexpected (self, piece, p, error, value_expected ());
      break;

    case ST_NAME:
      if (self->after_open && c == '}')
        {
          p++;
          self->after_open = FALSE;
          ok = close_container (self, piece, p, error);
        }
      else if (c == '"')
        {
          if (self->handler != NULL && !self->keeping && self->stack->len <= self->record_depth)
            keep_begin (self, piece, p, TRUE);
          string_begin (self, piece, p, TRUE);
          p++;
        }
      else
        return unexpected (self, piece, p, error, _("a field name in double quotes was expected."));
      break;

    case ST_COLON:
      if (c != ':')
        return _dn_json_fault_here (self, piece, p, error, _("a colon “:” was expected after the field name."));
      p++;
      self->state = ST_VALUE;
      self->after_open = FALSE;
      break;

    case ST_AFTER:
      if (self->stack->len == 0)
        return _dn_json_fault_here (self, piece, p, error, _("there is more data after the end of the JSON value."));
      {
        gboolean in_object = self->stack->data[self->stack->len - 1] != 0;

        if (c == (in_object ? '}' : ']'))
          {
            p++;
            ok = close_container (self, piece, p, error);
          }
        else if (c == ',')
          {
            p++;
            self->state = in_object ? ST_NAME : ST_VALUE;
            self->after_open = FALSE;
          }
        else
          return _dn_json_fault_here (self, piece, p, error,
                                      c == '/' ? _("comments are not allowed in JSON.")
                                      : in_object ? _("a comma or a closing brace “}” was expected.")
                                                  : _("a comma or a closing bracket “]” was expected."));
      }
      break;

    case ST_STRING:
      {
        gsize run = p;

        while (p < stop && (c = (guchar) piece[p]) != '"' && c != '\\' && c >= 0x20)
          p++;
        if (p > run && !count_unescaped (self, p - run, error))
          return FALSE;
        if (p == stop)
          break;
        if (c == '"')
          {
            p++;
            ok = string_end (self, piece, p, error);
          }
        else if (c == '\\')
          {
            self->escape_at = _dn_json_position (self, piece, p);
            self->state = ST_ESCAPE;
            p++;
          }
        else
          return _dn_json_fault_here (self, piece, p, error,
                                      _("a control character inside text must be written as an escape (\\n, \\t, \\u001f…)."));
      }
      break;

    case ST_ESCAPE:
      if (c == 'u')
        {
          self->state = ST_UNICODE;
          self->unit = 0;
          self->n_hex = 0;
        }
      else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't')
        {
          self->state = ST_STRING;
          ok = count_unescaped (self, 1, error);
        }
      else
        return _dn_json_fault (self, self->escape_at, error, _("unknown escape in text (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)."));
      p++;
      break;

    case ST_UNICODE:
    case ST_LOW_UNICODE:
      {
        int digit = g_ascii_xdigit_value ((char) c);
        gboolean low = self->state == ST_LOW_UNICODE;

        if (digit < 0)
          return _dn_json_fault (self, self->escape_at, error,
                                 low ? _("a lone surrogate (\\ud800–\\udbff) is not a character.")
                                     : _("\\u must be followed by four hexadecimal digits."));
        p++;
        self->unit = self->unit * 16 + (guint) digit;
        if (++self->n_hex < 4)
          break;
        if (low)
          {
            if (self->unit < 0xDC00 || self->unit > 0xDFFF)
              return _dn_json_fault (self, self->escape_at, error, _("a lone surrogate (\\ud800–\\udbff) is not a character."));
            self->state = ST_STRING;
            ok = count_unescaped (self, 4, error);
          }
        else if (self->unit == 0)
          return _dn_json_fault (self, self->escape_at, error, _("text must not contain the character U+0000 (\\u0000)."));
        else if (self->unit >= 0xDC00 && self->unit <= 0xDFFF)
          return _dn_json_fault (self, self->escape_at, error, _("a lone surrogate (\\udc00–\\udfff) is not a character."));
        else if (self->unit >= 0xD800 && self->unit <= 0xDBFF)
          self->state = ST_LOW_BACKSLASH;
        else
          {
            self->state = ST_STRING;
            ok = count_unescaped (self, self->unit < 0x80 ? 1 : self->unit < 0x800 ? 2 : 3, error);
          }
      }
      break;

    case ST_LOW_BACKSLASH:
    case ST_LOW_U:
      if (c != (self->state == ST_LOW_BACKSLASH ? '\\' : 'u'))
        return _dn_json_fault (self, self->escape_at, error, _("a lone surrogate (\\ud800–\\udbff) is not a character."));
      p++;
      if (self->state == ST_LOW_BACKSLASH)
        self->state = ST_LOW_U;
      else
        {
          self->state = ST_LOW_UNICODE;
          self->unit = 0;
          self->n_hex = 0;
        }
      break;

    case ST_NUMBER:
      while (p < stop && number_takes (self, (guchar) piece[p]))
        p++;
      if (p < stop)
        ok = number_end (self, piece, p, error);
      break;

    case ST_LITERAL:
    default:
      while (p < stop && (char) piece[p] == self->word[self->n_word])
        {
          p++;
          if (self->word[++self->n_word] == '\0')
            {
              ok = value_done (self, piece, p, FALSE, error);
              break;
            }
        }
      if (ok && p < stop && self->state == ST_LITERAL)
        return _dn_json_fault (self, self->token_at, error, value_expected ());
      break;
    }
  *pos = p;
  return ok;
}

/* Reads the first @length bytes of @piece, all valid UTF-8. */
gboolean
_dn_json_scan (DnJsonReader  *self,
               const char    *piece,
               gsize          length,
               GError       **error)
{
  gsize pos = 0;

  while (pos < length)
    {
      gsize stop = length;

      /* a record stops at its limit */
      if (self->keeping && self->limits->max_record > 0 &&
          self->keep_offset + self->limits->max_record < self->offset + length)
        stop = (gsize) (self->keep_offset + self->limits->max_record - self->offset);
      if (pos >= stop)
        {
          /* the byte after a number at the limit is not part of it */
          if (self->state == ST_NUMBER && !number_takes (self, (guchar) piece[pos]))
            {
              if (!number_end (self, piece, pos, error))
                return FALSE;
              continue;
            }
          {
            g_autofree char *what = g_strdup_printf (_("a record is longer than %lu bytes, the most one record may take."),
                                                     (unsigned long) self->limits->max_record);
            return _dn_json_fault (self, self->keep_at, error, what);
          }
        }
      if (!step (self, piece, &pos, stop, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dn_json_reader_finish (DnJsonReader  *self,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->failed, FALSE);

  if (self->n_carry > 0)
    return _dn_json_fault (self, self->here, error, _("the text is not valid UTF-8."));
  /* a number ends with the data */
  if (self->state == ST_NUMBER && !number_end (self, NULL, 0, error))
    return FALSE;
  if (self->state == ST_AFTER && self->stack->len == 0)
    return TRUE;
  switch (self->state)
    {
    case ST_COLON:
      return _dn_json_fault (self, self->here, error, _("a colon “:” was expected after the field name."));
    case ST_STRING:
    case ST_ESCAPE:
      return _dn_json_fault (self, self->token_at, error, _("the text is not closed (a double quote is missing)."));
    case ST_UNICODE:
      return _dn_json_fault (self, self->escape_at, error, _("\\u must be followed by four hexadecimal digits."));
    case ST_LOW_BACKSLASH:
    case ST_LOW_U:
    case ST_LOW_UNICODE:
      return _dn_json_fault (self, self->escape_at, error, _("a lone surrogate (\\ud800–\\udbff) is not a character."));
    case ST_VALUE:
    case ST_NAME:
    case ST_AFTER:
    case ST_LITERAL:
    default:
      return _dn_json_fault (self, self->here, error, ends_early ());
    }
}
