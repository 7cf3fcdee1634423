/* dn-json-check.c: strict JSON (RFC 8259) checked before any parser sees it
 *
 * A hand-written scanner over the grammar of RFC 8259 §2–7, with an explicit
 * stack of open containers (a bit per level: object or array) instead of
 * recursion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-json-check"

#include "config.h"

#include "dn-json-check.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dn-store.h"
#include "dn-text.h"

typedef struct
{
  const char *data;
  gsize length;
  gsize pos;
  const char *name;
  const DnJsonLimits *limits;
} Scanner;

static void
fault (Scanner     *s,
       gsize        at,
       GError     **error,
       const char  *what)
{
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < at && i < s->length; i++)
    {
      if (s->data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) s->data[i] & 0xC0) != 0x80)
        column++;
    }
  /* TRANSLATORS: "FILE, line 3, column 17: what is wrong" */
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("%s, line %u, column %u: %s"),
               s->name, line, column, what);
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static gboolean
literal (Scanner     *s,
         const char  *word,
         GError     **error)
{
  gsize n = strlen (word);

  if (s->length - s->pos < n && memcmp (s->data + s->pos, word, s->length - s->pos) == 0)
    {
      fault (s, s->length, error, _("the data ends too early (a value or a closing bracket is missing)."));
      return FALSE;
    }
  if (s->length - s->pos < n || memcmp (s->data + s->pos, word, n) != 0)
    {
      fault (s, s->pos, error, _("this is not JSON (a value was expected: text in double quotes, a number, "
                                 "true, false, null, an object or a list)."));
      return FALSE;
    }
  s->pos += n;
  return TRUE;
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

static gboolean
string (Scanner  *s,
        GError  **error)
{
  gsize start = s->pos;
  gsize unescaped = 0;

  s->pos++; /* the opening quote */
  while (s->pos < s->length)
    {
      guchar c = (guchar) s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        {
          fault (s, s->pos, error, _("a control character inside text must be written as an escape (\\n, \\t, \\u001f…)."));
          return FALSE;
        }
      if (c == '\\')
        {
          char e;

          if (s->pos + 1 >= s->length)
            break;
          e = s->data[s->pos + 1];
          if (e == 'u')
            {
              int unit = s->pos + 6 <= s->length ? hex4 (s->data + s->pos + 2) : -1;

              if (unit < 0)
                {
                  fault (s, s->pos, error, _("\\u must be followed by four hexadecimal digits."));
                  return FALSE;
                }
              if (unit == 0)
                {
                  fault (s, s->pos, error, _("text must not contain the character U+0000 (\\u0000)."));
                  return FALSE;
                }
              if (unit >= 0xDC00 && unit <= 0xDFFF)
                {
                  fault (s, s->pos, error, _("a lone surrogate (\\udc00–\\udfff) is not a character."));
                  return FALSE;
                }
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  int low = (s->pos + 12 <= s->length && s->data[s->pos + 6] == '\\' && s->data[s->pos + 7] == 'u')
                              ? hex4 (s->data + s->pos + 8) : -1;
                  if (low < 0xDC00 || low > 0xDFFF)
                    {
                      fault (s, s->pos, error, _("a lone surrogate (\\ud800–\\udbff) is not a character."));
                      return FALSE;
                    }
                  s->pos += 12;
                  unescaped += 4;
                }
              else
                {
                  s->pos += 6;
                  unescaped += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
                }
            }
          else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
            {
              s->pos += 2;
              unescaped++;
            }
          else
            {
              fault (s, s->pos, error, _("unknown escape in text (only \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)."));
              return FALSE;
            }
        }
      else
        {
          s->pos++;
          unescaped++;
        }
      if (s->limits->max_string > 0 && unescaped > s->limits->max_string)
        {
          g_autofree char *what = g_strdup_printf (_("a text is longer than %lu bytes."),
                                                   (unsigned long) s->limits->max_string);
          fault (s, start, error, what);
          return FALSE;
        }
    }
  fault (s, start, error, _("the text is not closed (a double quote is missing)."));
  return FALSE;
}

static gboolean
number (Scanner  *s,
        GError  **error)
{
  gsize start = s->pos;
  gboolean integral = TRUE;
  char buffer[64];
  gsize n;

#define DIGITS() \
  G_STMT_START { gsize d0 = s->pos; \
    while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos])) s->pos++; \
    if (s->pos == d0) goto bad; } G_STMT_END

  if (s->data[s->pos] == '-')
    s->pos++;
  if (s->pos < s->length && s->data[s->pos] == '0')
    s->pos++;
  else
    DIGITS ();
  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      integral = FALSE;
      s->pos++;
      DIGITS ();
    }
  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integral = FALSE;
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      DIGITS ();
    }
#undef DIGITS

  n = s->pos - start;
  if (n >= sizeof buffer)
    {
      fault (s, start, error, _("a number is too long."));
      return FALSE;
    }
  memcpy (buffer, s->data + start, n);
  buffer[n] = '\0';
  if (integral)
    {
      gint64 value;
      if (!g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, &value, NULL))
        {
          fault (s, start, error, _("a whole number is out of range (at most 19 digits)."));
          return FALSE;
        }
    }
  else
    {
      char *end = NULL;
      double value = g_ascii_strtod (buffer, &end);
      if (end != buffer + n || !isfinite (value))
        {
          fault (s, start, error, _("a number is out of range."));
          return FALSE;
        }
    }
  return TRUE;

bad:
  fault (s, start, error, _("this is not a valid number."));
  return FALSE;
}

gboolean
dn_json_check_strict (const char          *data,
                      gsize                length,
                      const DnJsonLimits  *limits,
                      const char          *name,
                      GError             **error)
{
  Scanner s = { data, length, 0, name, limits };
  /* one bit per open container: 1 object, 0 array */
  g_autoptr(GByteArray) stack = g_byte_array_new ();
  gboolean want_value = TRUE;   /* a value is expected next */
  gboolean after_open = FALSE;  /* just after '[' or '{' (a close may come) */

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (limits != NULL && limits->max_depth > 0, FALSE);

  {
    const char *end = NULL;
    if (!g_utf8_validate_len (data, length, &end))
      {
        fault (&s, (gsize) (end - data), error,
               memchr (data, '\0', length) == end ? _("the file contains a NUL byte.")
                                                  : _("the text is not valid UTF-8."));
        return FALSE;
      }
  }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      fault (&s, 0, error, _("the file starts with a byte-order mark, which JSON does not allow."));
      return FALSE;
    }

  for (;;)
    {
      skip_space (&s);
      if (s.pos >= length && stack->len == 0 && !want_value)
        return TRUE; /* a lone number, text or literal */
      if (s.pos >= length)
        {
          fault (&s, s.pos, error, stack->len > 0 || want_value
                                     ? _("the data ends too early (a value or a closing bracket is missing).")
                                     : _("the data ends too early."));
          return FALSE;
        }

      if (want_value)
        {
          char c = data[s.pos];

          if (after_open && (c == ']' || c == '}'))
            {
              want_value = FALSE;
              after_open = FALSE;
              continue; /* handled as a close below */
            }
          after_open = FALSE;
          if (c == '{' || c == '[')
            {
              if (stack->len >= limits->max_depth)
                {
                  g_autofree char *what = g_strdup_printf (_("the data is nested more than %u levels deep; "
                                                             "this is not a Đối Ngoại export."),
                                                           limits->max_depth);
                  fault (&s, s.pos, error, what);
                  return FALSE;
                }
              g_byte_array_append (stack, (const guint8 *) (c == '{' ? "\1" : "\0"), 1);
              s.pos++;
              after_open = TRUE;
              if (c == '{')
                {
                  /* a member name must come (or the close) */
                  skip_space (&s);
                  if (s.pos < length && data[s.pos] == '}')
                    {
                      want_value = FALSE;
                      after_open = FALSE;
                      continue;
                    }
                  goto member_name;
                }
              continue;
            }
          if (c == '"')
            {
              if (!string (&s, error))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!number (&s, error))
                return FALSE;
            }
          else if (c == 't' || c == 'f' || c == 'n')
            {
              if (!literal (&s, c == 't' ? "true" : c == 'f' ? "false" : "null", error))
                return FALSE;
            }
          else
            {
              fault (&s, s.pos, error,
                     c == '\'' ? _("text must be in double quotes, not single quotes.")
                     : c == '/' ? _("comments are not allowed in JSON.")
                                : _("this is not JSON (a value was expected: text in double quotes, a number, "
                                    "true, false, null, an object or a list)."));
              return FALSE;
            }
          want_value = FALSE;
          continue;
        }

      /* after a value: a comma, a close, or the end */
      if (stack->len == 0)
        {
          fault (&s, s.pos, error, _("there is more data after the end of the JSON value."));
          return FALSE;
        }
      {
        char c = data[s.pos];
        gboolean in_object = stack->data[stack->len - 1] != 0;

        if (c == (in_object ? '}' : ']'))
          {
            s.pos++;
            g_byte_array_set_size (stack, stack->len - 1);
            if (stack->len == 0)
              {
                skip_space (&s);
                if (s.pos != length)
                  {
                    fault (&s, s.pos, error, _("there is more data after the end of the JSON value."));
                    return FALSE;
                  }
                return TRUE;
              }
            continue;
          }
        if (c != ',')
          {
            fault (&s, s.pos, error,
                   c == '/' ? _("comments are not allowed in JSON.")
                   : in_object ? _("a comma or a closing brace “}” was expected.")
                               : _("a comma or a closing bracket “]” was expected."));
            return FALSE;
          }
        s.pos++;
        want_value = TRUE;
        if (!in_object)
          continue;
        skip_space (&s);
      }

    member_name:
      if (s.pos >= length)
        {
          fault (&s, s.pos, error, _("the data ends too early (a value or a closing bracket is missing)."));
          return FALSE;
        }
      if (data[s.pos] != '"')
        {
          fault (&s, s.pos, error,
                 data[s.pos] == '\'' ? _("text must be in double quotes, not single quotes.")
                 : data[s.pos] == '/' ? _("comments are not allowed in JSON.")
                                                        : _("a field name in double quotes was expected."));
          return FALSE;
        }
      if (!string (&s, error))
        return FALSE;
      skip_space (&s);
      if (s.pos >= length || data[s.pos] != ':')
        {
          fault (&s, s.pos, error, _("a colon “:” was expected after the field name."));
          return FALSE;
        }
      s.pos++;
      want_value = TRUE;
      after_open = FALSE;
    }
}
