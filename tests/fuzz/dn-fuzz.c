/* dn-fuzz.c: helpers of the fuzz targets (see dn-fuzz.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dn-fuzz.h"
#include "dn-test-utils.h"
#include "dn-store-private.h"

DnFuzzOutcome dn_fuzz_outcome = DN_FUZZ_NONE;

static char *tmp_dir;

void
dn_fuzz_fail (const char *format,
              ...)
{
  va_list args;

  fputs ("dn-fuzz: broken invariant: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

void
dn_fuzz_note (const char *format,
              ...)
{
  static int verbose = -1;
  va_list args;

  if (verbose < 0)
    verbose = g_getenv ("DN_FUZZ_VERBOSE") != NULL;
  if (!verbose)
    return;
  fputs ("dn-fuzz: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
}

static void
remove_tmp_dir (void)
{
  if (tmp_dir != NULL)
    dn_test_remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

void
dn_fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  if (tmp_dir != NULL)
    return;
  /* a warning or a critical (g_return_if_fail) is a bug */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  tmp_dir = g_dir_make_tmp ("dn-fuzz-XXXXXX", &error);
  dn_fuzz_assert (tmp_dir != NULL, "cannot make a temporary folder: %s", error->message);
  atexit (remove_tmp_dir);
}

const char *
dn_fuzz_tmp_dir (void)
{
  dn_fuzz_init ();
  return tmp_dir;
}

GBytes *
dn_fuzz_read_file (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

static const char *side_suffixes[] = { "-wal", "-shm", "-journal" };

void
dn_fuzz_remove_db (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      g_unlink (side);
    }
}

gboolean
dn_fuzz_db_side_files (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      if (g_file_test (side, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

void
dn_fuzz_close_store (DnStore **store)
{
  DnStore *s = g_steal_pointer (store);

  if (s == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (s), (gpointer *) &s);
  g_object_unref (s);
  dn_fuzz_assert (s == NULL, "the store is still referenced after its last unref");
}

GBytes *
dn_fuzz_make_template (const char *template_path)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  DnStore *store;

  /* one migration, once; closing the last connection folds the WAL in */
  store = dn_store_open (template_path, DN_STORE_OPEN_DEFAULT, &error);
  dn_fuzz_assert (store != NULL, "cannot make the empty database: %s", error->message);
  dn_fuzz_close_store (&store);
  bytes = dn_fuzz_read_file (template_path);
  dn_fuzz_assert (bytes != NULL, "cannot read the empty database back");
  return bytes;
}

DnStore *
dn_fuzz_open_copy (GBytes     *template,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  DnStore *store;

  dn_fuzz_remove_db (path);
  dn_test_write_file (path, g_bytes_get_data (template, NULL), (gssize) g_bytes_get_size (template));
  store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
  dn_fuzz_assert (store != NULL, "cannot open a copy of the empty database: %s", error->message);
  return store;
}

/*
 * Strict JSON
 */

typedef struct
{
  const guchar *start;
  const guchar *p;
  const guchar *end;
  const char   *why;
} Json;

static gboolean json_value (Json *j, int depth);

static gboolean
json_error (Json       *j,
            const char *why)
{
  j->why = why;
  return FALSE;
}

static void
json_space (Json *j)
{
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
    j->p++;
}

static int
json_hex4 (Json *j)
{
  int v = 0;

  if (j->end - j->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value ((char) j->p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  j->p += 4;
  return v;
}

static gboolean
json_string (Json *j)
{
  j->p++; /* the opening quote */
  while (j->p < j->end)
    {
      guchar c = *j->p;

      if (c == '"')
        {
          j->p++;
          return TRUE;
        }
      if (c < 0x20)
        return json_error (j, "raw control character in a string");
      if (c == '\\')
        {
          j->p++;
          if (j->p >= j->end)
            break;
          c = *j->p++;
          if (c == 'u')
            {
              int u = json_hex4 (j);
              if (u < 0)
                return json_error (j, "bad \\u escape");
              if (u >= 0xDC00 && u <= 0xDFFF)
                return json_error (j, "lone low surrogate escape");
              if (u >= 0xD800 && u <= 0xDBFF)
                {
                  int low;
                  if (j->end - j->p < 2 || j->p[0] != '\\' || j->p[1] != 'u')
                    return json_error (j, "lone high surrogate escape");
                  j->p += 2;
                  low = json_hex4 (j);
                  if (low < 0xDC00 || low > 0xDFFF)
                    return json_error (j, "lone high surrogate escape");
                }
            }
          else if (strchr ("\"\\/bfnrt", c) == NULL || c == '\0')
            return json_error (j, "bad escape");
          continue;
        }
      if (c < 0x80)
        {
          j->p++;
          continue;
        }
      {
        gunichar u = g_utf8_get_char_validated ((const char *) j->p, j->end - j->p);
        if (u == (gunichar) -1 || u == (gunichar) -2)
          return json_error (j, "invalid UTF-8 in a string");
        j->p = (const guchar *) g_utf8_next_char (j->p);
      }
    }
  return json_error (j, "unterminated string");
}

static gboolean
json_number (Json *j)
{
  const guchar *start = j->p;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE * 4];
  double value;

  if (*j->p == '-')
    j->p++;
  if (j->p < j->end && *j->p == '0')
    j->p++;
  else if (j->p < j->end && *j->p >= '1' && *j->p <= '9')
    while (j->p < j->end && g_ascii_isdigit (*j->p))
      j->p++;
  else
    return json_error (j, "bad number");
  if (j->p < j->end && *j->p == '.')
    {
      j->p++;
      if (j->p >= j->end || !g_ascii_isdigit (*j->p))
        return json_error (j, "bad number (fraction)");
      while (j->p < j->end && g_ascii_isdigit (*j->p))
        j->p++;
    }
  if (j->p < j->end && (*j->p == 'e' || *j->p == 'E'))
    {
      j->p++;
      if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
        j->p++;
      if (j->p >= j->end || !g_ascii_isdigit (*j->p))
        return json_error (j, "bad number (exponent)");
      while (j->p < j->end && g_ascii_isdigit (*j->p))
        j->p++;
    }
  /* I-JSON: a number must fit a double */
  if ((gsize) (j->p - start) < sizeof buffer)
    {
      memcpy (buffer, start, j->p - start);
      buffer[j->p - start] = '\0';
      value = g_ascii_strtod (buffer, NULL);
      if (!isfinite (value))
        return json_error (j, "number beyond a double");
    }
  return TRUE;
}

static gboolean
json_literal (Json       *j,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (j->end - j->p) < n || memcmp (j->p, word, n) != 0)
    return json_error (j, "unexpected character");
  j->p += n;
  return TRUE;
}

static gboolean
json_value (Json *j,
            int   depth)
{
  if (depth > 512)
    return json_error (j, "nested too deeply");
  json_space (j);
  if (j->p >= j->end)
    return json_error (j, "value expected");
  switch (*j->p)
    {
    case '{':
      j->p++;
      json_space (j);
      if (j->p < j->end && *j->p == '}')
        {
          j->p++;
          return TRUE;
        }
      for (;;)
        {
          json_space (j);
          if (j->p >= j->end || *j->p != '"')
            return json_error (j, "member name expected");
          if (!json_string (j))
            return FALSE;
          json_space (j);
          if (j->p >= j->end || *j->p != ':')
            return json_error (j, "':' expected");
          j->p++;
          if (!json_value (j, depth + 1))
            return FALSE;
          json_space (j);
          if (j->p < j->end && *j->p == ',')
            {
              j->p++;
              continue;
            }
          if (j->p < j->end && *j->p == '}')
            {
              j->p++;
              return TRUE;
            }
          return json_error (j, "',' or '}' expected");
        }
    case '[':
      j->p++;
      json_space (j);
      if (j->p < j->end && *j->p == ']')
        {
          j->p++;
          return TRUE;
        }
      for (;;)
        {
          if (!json_value (j, depth + 1))
            return FALSE;
          json_space (j);
          if (j->p < j->end && *j->p == ',')
            {
              j->p++;
              continue;
            }
          if (j->p < j->end && *j->p == ']')
            {
              j->p++;
              return TRUE;
            }
          return json_error (j, "',' or ']' expected");
        }
    case '"':
      return json_string (j);
    case 't':
      return json_literal (j, "true");
    case 'f':
      return json_literal (j, "false");
    case 'n':
      return json_literal (j, "null");
    default:
      return json_number (j);
    }
}

gboolean
dn_fuzz_json_is_strict (const char  *data,
                        gsize        length,
                        char       **why)
{
  Json j = { (const guchar *) data, (const guchar *) data, (const guchar *) data + length, NULL };

  if (json_value (&j, 0))
    {
      json_space (&j);
      if (j.p == j.end)
        return TRUE;
      json_error (&j, "text after the value");
    }
  if (why != NULL)
    {
      gsize offset = j.p - j.start;
      g_autofree char *context = g_strndup ((const char *) j.p, MIN (40, (gsize) (j.end - j.p)));
      *why = g_strdup_printf ("%s at byte %" G_GSIZE_FORMAT " (“%s”)", j.why, offset, context);
    }
  return FALSE;
}

/*
 * Store
 */

void
dn_fuzz_check_search (DnStore    *store,
                      const char *text,
                      guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dn_store_search (store, text, limit, &error);

  if (hits == NULL)
    {
      dn_fuzz_assert (error != NULL, "dn_store_search: neither hits nor an error");
      dn_fuzz_assert (g_utf8_validate (error->message, -1, NULL), "dn_store_search: error message not UTF-8");
      return;
    }
  dn_fuzz_assert (error == NULL, "dn_store_search: hits and an error (%s)", error->message);
  dn_fuzz_assert (hits->len <= limit, "dn_store_search: %u hits for a limit of %u", hits->len, limit);
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];

      dn_fuzz_assert (DN_IS_SEARCH_HIT (hit), "dn_store_search: hit %u is not a DnSearchHit", i);
      dn_fuzz_assert ((int) hit->kind >= 0 && hit->kind < DN_RECORD_N,
                      "dn_store_search: hit %u has kind %d (id %" G_GINT64_FORMAT ")", i, (int) hit->kind, hit->id);
      dn_fuzz_assert (hit->title != NULL && g_utf8_validate (hit->title, -1, NULL),
                      "dn_store_search (“%s”): hit %u (kind %d, id %" G_GINT64_FORMAT ") has a title that is not UTF-8: “%s”",
                      text, i, (int) hit->kind, hit->id, hit->title != NULL ? g_strescape (hit->title, NULL) : "(null)");
      dn_fuzz_assert (hit->detail != NULL && g_utf8_validate (hit->detail, -1, NULL),
                      "dn_store_search (“%s”): hit %u (kind %d, id %" G_GINT64_FORMAT ") has a detail that is not UTF-8",
                      text, i, (int) hit->kind, hit->id);
    }
}

