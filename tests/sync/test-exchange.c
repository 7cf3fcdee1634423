/* test-exchange.c: the strict JSON check, the streaming export and the
 * import's rules, through the library (the CLI's import cases are in
 * tests/cli/test-cli.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "dn-exchange.h"
#include "dn-json-check.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"

static const DnJsonLimits limits = { 16, 0 };

/* ------------------------------------------------------ the strict check */

static const char *valid[] = {
  "{}", "[]", " { } ", "0", "-0", "1.5", "-12e-3", "1E+2", "\"\"", "true", "false", "null",
  "\"Hộ chiếu đoàn ra\"", "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"",
  "{\"a\" : [1, 2, {\"b\" : null}], \"c\" : \"d\"}\r\n",
  "[9223372036854775807, -9223372036854775808, 1.7976931348623157e308, 4.9e-324]",
  "[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]", /* 16 levels */
};

static void
test_check_accepts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = dn_json_check_strict (valid[i], strlen (valid[i]), &limits, "x.json", &error);

      if (!ok)
        g_error ("refused %s: %s", valid[i], error->message);
    }
}

typedef struct
{
  const char *json;
  const char *expect;  /* in the message, after "x.json, " */
} Refused;

static const Refused refused[] = {
  { "", "line 1, column 1: the data ends too early" },
  { "   ", "ends too early" },
  { "{", "ends too early" },
  { "[1,", "ends too early" },
  { "[1,]", "line 1, column 4: this is not JSON" },
  { "{\"a\" : 1,}", "field name" },
  { "{\"a\" 1}", "colon" },
  { "{1 : 2}", "field name" },
  { "[1 2]", "line 1, column 4: a comma or a closing bracket" },
  { "{\"a\" : 1 \"b\" : 2}", "comma or a closing brace" },
  { "[1}", "comma or a closing bracket" },
  { "{\"a\" : 1]", "comma or a closing brace" },
  { "{} {}", "more data after the end" },
  { "1 2", "more data after the end" },
  { "/* c */ {}", "comments are not allowed" },
  { "{} // c", "more data after the end" },
  { "[1, // c\n 2]", "line 1, column 5: comments are not allowed" },
  { "['a']", "double quotes" },
  { "{'a' : 1}", "double quotes" },
  { "\"a\nb\"", "control character" },
  { "\"a\x1f\"", "control character" },
  { "\"\\x41\"", "unknown escape" },
  { "\"\\u12\"", "four hexadecimal digits" },
  { "\"\\u0000\"", "U+0000" },
  { "\"\\ud800\"", "surrogate" },
  { "\"\\ud800\\u0041\"", "surrogate" },
  { "\"\\udc00\"", "surrogate" },
  { "\"abc", "not closed" },
  { "01", "more data after the end" },
  { "-", "not a valid number" },
  { "1.", "not a valid number" },
  { ".5", "this is not JSON" },
  { "1e", "not a valid number" },
  { "+1", "this is not JSON" },
  { "1e400", "out of range" },
  { "-1e400", "out of range" },
  { "9223372036854775808", "whole number is out of range" },
  { "-9223372036854775809", "whole number is out of range" },
  { "NaN", "this is not JSON" },
  { "Infinity", "this is not JSON" },
  { "tru", "ends too early" },
  { "trux", "this is not JSON" },
  { "nul", "ends too early" },
  { "nulL", "this is not JSON" },
  { "\xef\xbb\xbf{}", "byte-order mark" },
  { "[\"\xff\"]", "line 1, column 3: the text is not valid UTF-8" },
  { "[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]", "nested more than 16 levels" },
  { "{\n\"a\" :\n  [1,\n   x]}", "line 4, column 4" },
  { "[\"é\", \"ő\", x]", "line 1, column 12" },
};

static void
test_check_refuses (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = dn_json_check_strict (refused[i].json, strlen (refused[i].json), &limits, "x.json", &error);

      if (ok)
        g_error ("accepted %s", refused[i].json);
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "x.json, line "));
      if (strstr (error->message, refused[i].expect) == NULL)
        g_error ("%s: expected “%s” in “%s”", refused[i].json, refused[i].expect, error->message);
    }

  /* a NUL byte */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (dn_json_check_strict ("[1,\0 2]", 7, &limits, "x.json", &error));
    g_assert_nonnull (strstr (error->message, "NUL"));
  }
}

/* What fooled the earlier guard: a quote it took for the start of a string
 * hid a million brackets from it, and json-glib overflowed its stack. The
 * check itself must not recurse either. */
static void
test_check_deep (void)
{
  const char *prefixes[] = { "/* \" */", "['\"', ", "", "[\"\\\"\", ", "{\"a\":" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autoptr(GString) text = g_string_new (prefixes[i]);
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < 1000000; j++)
        g_string_append_c (text, '[');
      g_assert_false (dn_json_check_strict (text->str, text->len, &limits, "x.json", &error));
      g_assert_nonnull (error);
      g_test_message ("%s… → %s", prefixes[i], error->message);
    }
}

static void
test_check_string_limit (void)
{
  DnJsonLimits small = { 4, 8 };
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_json_check_strict ("[\"12345678\"]", 12, &small, "x", NULL));
  /* an escape counts as the character it stands for */
  g_assert_true (dn_json_check_strict ("[\"\\n23456\\u00e9\"]", 17, &small, "x", NULL));
  g_assert_false (dn_json_check_strict ("[\"123456789\"]", 13, &small, "x", &error));
  g_assert_nonnull (strstr (error->message, "longer than 8 bytes"));
}

/* ------------------------------------------------ the check in pieces */

/* What reading @length bytes of @json in pieces of @size bytes (the first
 * one @first bytes, if not 0) gives: NULL when accepted, else the message. */
static char *
read_pieces (const char          *json,
             gsize                length,
             gsize                first,
             gsize                size,
             const DnJsonLimits  *lim,
             guint                record_depth,
             DnJsonHandler        handler,
             gpointer             data)
{
  g_autoptr(DnJsonReader) reader = dn_json_reader_new (lim, "x.json", record_depth, handler, data);
  g_autoptr(GError) error = NULL;
  gsize pos = 0;

  while (pos < length)
    {
      gsize n = MIN (pos == 0 && first > 0 ? first : size, length - pos);

      if (!dn_json_reader_feed (reader, json + pos, n, &error))
        return g_strdup (error->message);
      pos += n;
    }
  g_assert_cmpuint (dn_json_reader_get_offset (reader), ==, length);
  if (!dn_json_reader_finish (reader, &error))
    return g_strdup (error->message);
  return NULL;
}

static void
assert_same_in_pieces (const char          *json,
                       gsize                length,
                       const DnJsonLimits  *lim)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = NULL;

  if (!dn_json_check_strict (json, length, lim, "x.json", &error))
    whole = g_strdup (error->message);
  for (gsize size = 1; size <= length; size++)
    {
      g_autofree char *pieces = read_pieces (json, length, 0, size, lim, 0, NULL, NULL);
      if (g_strcmp0 (whole, pieces) != 0)
        g_error ("%s in pieces of %" G_GSIZE_FORMAT ": “%s”, whole: “%s”", json, size, pieces, whole);
    }
  /* two pieces, cut anywhere */
  for (gsize cut = 1; cut < length; cut++)
    {
      g_autofree char *pieces = read_pieces (json, length, cut, length, lim, 0, NULL, NULL);
      if (g_strcmp0 (whole, pieces) != 0)
        g_error ("%s cut at %" G_GSIZE_FORMAT ": “%s”, whole: “%s”", json, cut, pieces, whole);
    }
}

/* Fed in pieces of any size, the check finds what it finds in one piece:
 * the same faults at the same lines and columns. */
static void
test_check_pieces (void)
{
  static const char *more[] = {
    /* characters cut between pieces, good and bad */
    "[\"é\", \"ő\", \"€\", \"😀\", x]", "\"\xe2\x82\xac\xf0\x9f\x98\x80\"", "[\"\xe2\x82\"]", "[\"\xc3\"", "\"\xed\xa0\x80\"",
    "\xef\xbb", "\xef\xbb\xbf", " \xef\xbb\xbf{}", "[1, \"\xc3\xa9\x80\"]", "[\"a\"]\xc3", "[1\xc3\xa9]",
    /* tokens cut between pieces */
    "[\"\\ud83d\\ude00\", \"\\u00e9\", \"\\ud83d\\u00e9\"]", "\"\\ud83d\\ude0", "\"\\u00e", "\"\\", "[tru", "[truE]",
    "[-12.5e+3, 0, -0.0e-0]", "[12345678901234567890123456789012345678901234567890123456789012345]",
    "{\"a\" : 1, \"b\" : {\"c\" : [true, false, null]}}\n\n", "{\"a\"\n", "{\"a\" : 1\n", "[1e400\xff]", "[1e\xff]",
  };
  DnJsonLimits small_strings = { 16, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_same_in_pieces (valid[i], strlen (valid[i]), &limits);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_same_in_pieces (refused[i].json, strlen (refused[i].json), &limits);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    {
      assert_same_in_pieces (more[i], strlen (more[i]), &limits);
      assert_same_in_pieces (more[i], strlen (more[i]), &small_strings);
    }
  assert_same_in_pieces ("[1,\0 2]", 7, &limits);
  assert_same_in_pieces ("\"a\0", 3, &limits);

  /* the column of a fault after characters cut between pieces */
  {
    g_autofree char *message = read_pieces ("[\"é\", \"ő\", x]", 16, 0, 1, &limits, 0, NULL, NULL);
    g_assert_cmpstr (message, ==, "x.json, line 1, column 12: this is not JSON (a value was expected: text in double "
                                  "quotes, a number, true, false, null, an object or a list).");
  }
}

static gboolean
log_event (DnJsonEvent   event,
           guint         depth,
           const char   *data,
           gsize         length,
           gpointer      user_data,
           GError      **error)
{
  static const char *names[] = { "{", "[", "end", "name", "value" };
  GString *log = user_data;

  g_string_append_printf (log, "%u %s", depth, names[event]);
  if (data != NULL)
    {
      g_string_append_c (log, ' ');
      g_string_append_len (log, data, (gssize) length);
    }
  g_string_append_c (log, '\n');
  return TRUE;
}

/* The reader hands over the structure above the record depth and each
 * record whole, the same whatever the pieces. */
static void
test_check_records (void)
{
  static const char json[] =
    "{ \"format\" : \"doingoai\", \"version\" : 2, \"tables\" : {\n"
    "  \"unit\" : [ {\"id\" : 1, \"name\" : \"Sở \\\"GD\\\" é\"},\n"
    "    { \"id\" : 2, \"x\" : [1, {\"y\" : \"z\"}] } ],\n"
    "  \"task\" : [],\n"
    "  \"person\" : [ 42, \"text\", null, -1.5e3 ] },\n"
    " \"other\" : [[[{\"deep\" : 1}], 7]] }\n";
  static const char expect[] =
    "0 {\n"
    "1 name \"format\"\n" "1 value \"doingoai\"\n"
    "1 name \"version\"\n" "1 value 2\n"
    "1 name \"tables\"\n" "1 {\n"
    "2 name \"unit\"\n" "2 [\n"
    "3 value {\"id\" : 1, \"name\" : \"Sở \\\"GD\\\" é\"}\n"
    "3 value { \"id\" : 2, \"x\" : [1, {\"y\" : \"z\"}] }\n"
    "2 end\n"
    "2 name \"task\"\n" "2 [\n" "2 end\n"
    "2 name \"person\"\n" "2 [\n" "3 value 42\n" "3 value \"text\"\n" "3 value null\n" "3 value -1.5e3\n" "2 end\n"
    "1 end\n"
    "1 name \"other\"\n" "1 [\n" "2 [\n" "3 value [{\"deep\" : 1}]\n" "3 value 7\n" "2 end\n" "1 end\n"
    "0 end\n";
  gsize length = strlen (json);

  for (gsize size = 1; size <= length; size++)
    {
      g_autoptr(GString) log = g_string_new (NULL);
      g_autofree char *message = read_pieces (json, length, 0, size, &limits, 3, log_event, log);

      g_assert_null (message);
      g_assert_cmpstr (log->str, ==, expect);
    }
}

/* A record longer than the limit is refused where it begins, whatever the
 * pieces; one exactly at the limit is taken. */
static void
test_check_record_limit (void)
{
  static const struct
  {
    const char *json;
    gsize max_record;
    const char *expect;  /* NULL: accepted */
  } cases[] = {
    { "[ {\"a\":\"12345678901234\"}, 1 ]", 22, NULL },
    { "[ {\"a\":\"12345678901234\"}, 1 ]", 21, "x.json, line 1, column 3: a record is longer than 21 bytes" },
    { "[\n  \"é12345\", 1 ]", 9, NULL },
    { "[\n  \"é12345\", 1 ]", 8, "x.json, line 2, column 3: a record is longer than 8 bytes" },
    /* a number ends at the byte after it, which is not part of it */
    { "[12345, 1]", 5, NULL },
    { "[12345]", 5, NULL },
    { "[123456, 1]", 5, "x.json, line 1, column 2: a record is longer than 5 bytes" },
    /* a fault within the limit comes first */
    { "[ {\"a\" 1, \"b\" : \"123456789012345678901234567890\"} ]", 21, "colon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DnJsonLimits lim = { 16, 0, cases[i].max_record };
      gsize length = strlen (cases[i].json);

      for (gsize size = 1; size <= length; size++)
        {
          g_autoptr(GString) log = g_string_new (NULL);
          g_autofree char *message = read_pieces (cases[i].json, length, 0, size, &lim, 1, log_event, log);

          if (cases[i].expect == NULL && message != NULL)
            g_error ("%s refused: %s", cases[i].json, message);
          if (cases[i].expect != NULL && (message == NULL || strstr (message, cases[i].expect) == NULL))
            g_error ("%s in pieces of %" G_GSIZE_FORMAT ": expected “%s”, got “%s”",
                     cases[i].json, size, cases[i].expect, message);
        }
    }
}

/* ------------------------------------------------------------- export */

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
export_to (DnStore    *store,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_exchange_export (store, file, NULL, &error));
  g_assert_no_error (error);
}

/* The streaming writer keeps the layout of json-glib's pretty printer
 * (indent 1) that earlier versions wrote, byte for byte. */
static void
test_export_layout (DnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *with_newline = NULL;

  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  export_to (fixture->store, path);
  ours = read_text (path);

  g_assert_true (json_parser_load_from_data (parser, ours, -1, &error));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, json_parser_get_root (parser));
  theirs = json_generator_to_data (generator, NULL);
  with_newline = g_strconcat (theirs, "\n", NULL);
  g_assert_cmpuint (strlen (ours), >, 10000);
  g_assert_cmpstr (ours, ==, with_newline);
}

/* Control characters are escaped (json-glib 1.6 wrote U+001F raw), and what
 * was exported imports again, the same. */
static void
test_export_escapes (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *path2 = g_build_filename (fixture->dir, "out2.json", NULL);
  g_autofree char *db2 = g_build_filename (fixture->dir, "second.db", NULL);
  g_autoptr(DnStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  gint64 unit = dn_test_add_unit (fixture->store, "SGD", "Sở\x1f \x01 \x7f \"quoted\" \\ \t\n", DN_UNIT_KIND_DEPARTMENT, 0);

  g_assert_cmpint (unit, >, 0);
  export_to (fixture->store, path);
  text = read_text (path);
  g_assert_nonnull (strstr (text, "\"Sở\\u001f \\u0001 \\u007f \\\"quoted\\\" \\\\ \\t\\n\""));
  g_assert_true (dn_json_check_strict (text, strlen (text), &limits, path, &error));
  g_assert_no_error (error);

  second = dn_store_open (db2, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_assert_true (dn_exchange_import (second, file, NULL, &error));
    g_assert_no_error (error);
  }
  export_to (second, path2);
  text2 = read_text (path2);
  g_assert_cmpstr (text, ==, text2);
  dn_test_store_close (&second);
}

/* A value JSON cannot hold (put there behind the application's back) is
 * refused by name, and the file that was there stays as it was. */
static void
test_export_not_finite (DnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  dn_test_add_unit (fixture->store, "SGD", "Sở", DN_UNIT_KIND_DEPARTMENT, 0);
  dn_test_write_file (path, "earlier export\n", -1);
  before = dn_test_file_checksum (path);
  dn_test_exec (fixture->store, "INSERT INTO partner (id, name) VALUES (7, 'KOICA')");
  dn_test_exec (fixture->store, "INSERT INTO project (id, partner_id, name, budget) VALUES (3, 7, 'Dự án', 9e999)");
  g_assert_false (dn_exchange_export (fixture->store, file, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“project”"));
  g_assert_nonnull (strstr (error->message, "id 3"));
  g_assert_nonnull (strstr (error->message, "“budget”"));
  after = dn_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  /* no temporary file left beside it */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (!g_str_has_prefix (name, "doingoai.db") && !g_str_equal (name, "out.json"))
        g_error ("left behind: %s", name);
  }
}

/* -------------------------------------------------------------- import */

static gboolean
import_text (DnStore     *store,
             const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  return dn_exchange_import_bytes (store, bytes, "t.json", error);
}

#define HEAD "{ \"format\" : \"doingoai\", \"version\" : 2, \"tables\" : { "

/* The rules of the C API hold for imported data too; nothing is kept of a
 * refused import. */
static void
test_import_rules (DnTestStore   *fixture,
                   gconstpointer  data)
{
  static const Refused cases[] = {
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\", \"parent_id\" : 2 },"
           " { \"id\" : 2, \"code\" : \"B\", \"name\" : \"B\", \"kind\" : \"division\", \"parent_id\" : 1 } ] } }",
      "t.json: table “unit”, record with id 1: the unit is not under a top-level unit" },
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\" } ],"
           " \"task\" : [ { \"id\" : 1, \"title\" : \"T1\", \"parent_id\" : 2 }, { \"id\" : 2, \"title\" : \"T2\", \"parent_id\" : 1 } ],"
           " \"assignment\" : [ { \"id\" : 1, \"task_id\" : 1, \"unit_id\" : 1, \"role\" : \"lead\" },"
           " { \"id\" : 2, \"task_id\" : 2, \"unit_id\" : 1, \"role\" : \"lead\" } ] } }",
      "table “task”, record with id 1: the task is not under a top-level task" },
    { HEAD "\"unit\" : [ { \"id\" : -1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\" } ] } }",
      "table “unit”, record with id -1: ids are positive" },
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A B\", \"name\" : \"A\", \"kind\" : \"department\" } ] } }",
      "a unit code has no spaces" },
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\" } ],"
           " \"task\" : [ { \"id\" : 1, \"title\" : \"T1\", \"recurrence\" : \"quarterly\" } ],"
           " \"assignment\" : [ { \"id\" : 1, \"task_id\" : 1, \"unit_id\" : 1, \"role\" : \"lead\" } ] } }",
      "a recurring task needs a due date" },
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\" },"
           " { \"id\" : 2, \"code\" : \"B\", \"name\" : \"B\", \"kind\" : \"division\", \"parent_id\" : 1 } ],"
           " \"task\" : [ { \"id\" : 1, \"title\" : \"T1\" } ],"
           " \"assignment\" : [ { \"id\" : 1, \"task_id\" : 1, \"unit_id\" : 1, \"role\" : \"lead\" } ],"
           " \"reminder\" : [ { \"id\" : 1, \"task_id\" : 1, \"unit_id\" : 2, \"kind\" : \"notice\", \"sent_on\" : \"2024-05-02\" } ] } }",
      "a reminder goes to a unit assigned to the task" },
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\" } ],"
           " \"task\" : [ { \"id\" : 1, \"title\" : \"T1\" } ] } }",
      "has no lead unit" },
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\", \"archived\" : 0.5 } ] } }",
      "“archived”: expected a whole number" },
    { HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : [\"A\"], \"kind\" : \"department\" } ] } }",
      "“name”: expected text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *counts_before = dn_test_row_counts (fixture->store);
      g_autofree char *counts_after = NULL;

      if (import_text (fixture->store, cases[i].json, &error))
        g_error ("accepted %s", cases[i].json);
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].expect, error->message);
      counts_after = dn_test_row_counts (fixture->store);
      g_assert_cmpstr (counts_before, ==, counts_after);
    }
}

/* A stream that gives at most @piece bytes per read. */
#define TEST_TYPE_PIECE_STREAM (test_piece_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestPieceStream, test_piece_stream, TEST, PIECE_STREAM, GInputStream)

struct _TestPieceStream
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize pos;
  gsize piece;
};

G_DEFINE_TYPE (TestPieceStream, test_piece_stream, G_TYPE_INPUT_STREAM)

static gssize
test_piece_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  TestPieceStream *self = TEST_PIECE_STREAM (stream);
  gsize size = 0;
  const char *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (MIN (count, self->piece), size - self->pos);

  memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return (gssize) n;
}

static void
test_piece_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_PIECE_STREAM (object)->bytes);
  G_OBJECT_CLASS (test_piece_stream_parent_class)->finalize (object);
}

static void
test_piece_stream_class_init (TestPieceStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_piece_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_piece_stream_read;
}

static void
test_piece_stream_init (TestPieceStream *self)
{
}

static GInputStream *
piece_stream_new (GBytes *bytes,
                  gsize   piece)
{
  TestPieceStream *self = g_object_new (TEST_TYPE_PIECE_STREAM, NULL);

  self->bytes = g_bytes_ref (bytes);
  self->piece = piece;
  return G_INPUT_STREAM (self);
}

/* An export read back in pieces of any size (records, names and
 * characters cut between them) imports the same. */
static void
test_import_pieces (DnTestStore   *fixture,
                    gconstpointer  data)
{
  static const gsize pieces[] = { 1, 3, 1000, 40000 };
  g_autofree char *path = g_build_filename (fixture->dir, "demo.json", NULL);
  g_autofree char *path2 = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_exchange_load_demo (fixture->store, &error));
  g_assert_no_error (error);
  export_to (fixture->store, path);
  text = read_text (path);
  bytes = g_bytes_new (text, strlen (text));
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 40000 * 2);

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/pieces-%u.db", fixture->dir, i);
      g_autoptr(DnStore) store = dn_store_open (db, DN_STORE_OPEN_DEFAULT, &error);
      g_autoptr(GInputStream) stream = piece_stream_new (bytes, pieces[i]);
      g_autofree char *text2 = NULL;

      g_assert_no_error (error);
      g_assert_true (dn_exchange_import_stream (store, stream, "demo.json", NULL, &error));
      g_assert_no_error (error);
      export_to (store, path2);
      text2 = read_text (path2);
      g_assert_cmpstr (text, ==, text2);
      dn_test_store_close (&store);
    }
}

/* A record longer than DN_EXCHANGE_MAX_RECORD is refused, named by where it
 * begins, and nothing of the import is kept. */
static void
test_import_record_limit (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", "
                                          "\"kind\" : \"department\" },\n { \"id\" : 2");
  g_autofree char *text = g_strnfill (700000, 'x');
  g_autofree char *counts_before = dn_test_row_counts (fixture->store);
  g_autofree char *counts_after = NULL;
  g_autoptr(GError) error = NULL;

  /* fields of 700 000 bytes each (a string may take up to 800 000) */
  for (guint i = 0; json->len < DN_EXCHANGE_MAX_RECORD + 1000000; i++)
    g_string_append_printf (json, ", \"a%u\" : \"%s\"", i, text);
  g_string_append (json, " } ] } }");

  g_assert_false (import_text (fixture->store, json->str, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "t.json, line 2, column 2: a record is longer than 16777216 bytes, "
                                       "the most one record may take.");
  counts_after = dn_test_row_counts (fixture->store);
  g_assert_cmpstr (counts_before, ==, counts_after);
}

/* The structure around the records: members in any order, as json-glib
 * took them, but each of them and each table once. */
static void
test_import_structure (DnTestStore   *fixture,
                       gconstpointer  data)
{
#define UNIT "\"unit\" : [ { \"id\" : 1, \"code\" : \"A\", \"name\" : \"A\", \"kind\" : \"department\" } ]"
  static const Refused cases[] = {
    { HEAD UNIT ", " UNIT " } }", "t.json: “unit” appears more than once." },
    { HEAD UNIT " }, \"tables\" : {} }", "t.json: “tables” appears more than once." },
    { "{ \"format\" : \"doingoai\", \"format\" : \"doingoai\", \"version\" : 2, \"tables\" : {} }",
      "t.json: “format” appears more than once." },
    { "{ \"tables\" : { " UNIT " }, \"version\" : 2 }", "(field “format” missing or wrong)" },
    { "{ \"format\" : \"doingoai\", \"tables\" : { " UNIT " } }", "field “version” is missing" },
    { "{ \"format\" : \"doingoai\", \"version\" : 2 }", "field “tables” is missing or not an object" },
    { "{ \"format\" : \"doingoai\", \"version\" : 2, \"tables\" : [] }", "field “tables” is missing or not an object" },
    { "{ \"format\" : [\"doingoai\"], \"version\" : 2, \"tables\" : {} }", "(field “format” missing or wrong)" },
    { "{ \"format\" : \"doingoai\", \"version\" : 2.0, \"tables\" : {} }", "field “version” is missing or not a number" },
    { "{ \"format\" : \"doingoai\", \"version\" : 2, \"tables\" : { \"unit\" : null } }", "table “unit” is not a list" },
    { "[ { \"format\" : \"doingoai\", \"version\" : 2, \"tables\" : { " UNIT " } } ]", "no JSON object at the top" },
    { "\"doingoai\"", "no JSON object at the top" },
    /* a fault of the JSON after a record was read: nothing kept */
    { HEAD UNIT " } } }", "line 1, column 135: there is more data after the end" },
    { HEAD UNIT ", \"task\" : [ { \"id\" : 1, \"title\" : \"T\" ] } }", "comma or a closing brace" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *counts_before = dn_test_row_counts (fixture->store);
      g_autofree char *counts_after = NULL;

      if (import_text (fixture->store, cases[i].json, &error))
        g_error ("accepted %s", cases[i].json);
      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].expect, error->message);
      counts_after = dn_test_row_counts (fixture->store);
      g_assert_cmpstr (counts_before, ==, counts_after);
    }

  /* the tables before the format, and a member the format does not know */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (import_text (fixture->store,
                                "{ \"tables\" : { " UNIT " }, \"note\" : [[{ \"x\" : 1 }], 2],"
                                " \"version\" : 2, \"format\" : \"doingoai\" }", &error));
    g_assert_no_error (error);
    g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM unit"), ==, 1);
  }
#undef UNIT
}

/* dn_store_check reports the same rules, for data changed behind the
 * application's back. */
static void
test_check_reports_rules (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 root = dn_test_add_unit (fixture->store, "SGD", "Sở", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 a = dn_test_add_unit (fixture->store, "A", "Phòng A", DN_UNIT_KIND_DIVISION, root);
  gint64 b = dn_test_add_unit (fixture->store, "B", "Phòng B", DN_UNIT_KIND_DIVISION, a);

  g_assert_true (dn_store_check (fixture->store, report, &error));
  g_assert_no_error (error);
  dn_test_exec (fixture->store, "UPDATE unit SET parent_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT, b, a);
  g_string_truncate (report, 0);
  g_assert_false (dn_store_check (fixture->store, report, &error));
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, "the unit is not under a top-level unit"));
}

/* Two imports at once into one empty database: one is kept whole, the
 * other refused; never a mix of both. */
typedef struct
{
  const char *path;
  GBytes *bytes;
  GError *error;
  gboolean ok;
} ImportJob;

static gpointer
import_thread (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(DnStore) store = dn_store_open (job->path, DN_STORE_OPEN_DEFAULT, &job->error);

  if (store != NULL)
    job->ok = dn_exchange_import_bytes (store, job->bytes, "demo", &job->error);
  return NULL;
}

static void
test_import_concurrent (void)
{
  g_autoptr(GBytes) demo = g_resources_lookup_data ("/io/github/doingoai/DoiNgoai/core/demo.json", 0, NULL);

  g_assert_nonnull (demo);
  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *dir = dn_test_make_tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "doingoai.db", NULL);
      ImportJob jobs[2] = { { path, demo, NULL, FALSE }, { path, demo, NULL, FALSE } };
      GThread *threads[2];
      g_autoptr(DnStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) single = NULL;

      /* created first, so that both only open it */
      store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      dn_test_store_close (&store);

      for (guint i = 0; i < 2; i++)
        threads[i] = g_thread_new ("import", import_thread, &jobs[i]);
      for (guint i = 0; i < 2; i++)
        g_thread_join (threads[i]);

      g_assert_true (jobs[0].ok != jobs[1].ok);
      for (guint i = 0; i < 2; i++)
        if (!jobs[i].ok)
          {
            g_assert_error (jobs[i].error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_EMPTY);
            g_clear_error (&jobs[i].error);
          }
      store = dn_store_open (path, DN_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM unit"), ==, 35);
      g_assert_cmpint (dn_test_query_int (store, "SELECT count(*) FROM task"), ==, 46);
      dn_test_store_close (&store);
      dn_test_remove_tree (dir);
    }
}

/* Import reads only regular files. */
static void
test_import_not_regular (DnTestStore   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  g_assert_false (dn_exchange_import (fixture->store, dir, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
#ifdef G_OS_UNIX
  {
    g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
    g_clear_error (&error);
    g_assert_false (dn_exchange_import (fixture->store, zero, NULL, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  }
#endif
  {
    /* a sparse file of zeros larger than the old 256 MiB limit: refused
     * at its first byte, without reading the rest */
    g_autofree char *big = g_build_filename (fixture->dir, "big.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (big);
    g_autoptr(GFileIOStream) stream = NULL;

    g_clear_error (&error);
    stream = g_file_create_readwrite (file, G_FILE_CREATE_NONE, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_seekable_truncate (G_SEEKABLE (stream), (goffset) 300 << 20, NULL, &error));
    g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);
    g_assert_false (dn_exchange_import (fixture->store, file, NULL, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "line 1, column 1: the file contains a NUL byte"));
  }
  g_assert_true (dn_store_is_empty (fixture->store, NULL));
}

/* The names of units with their dates and the merges are exported and
 * import again the same; every export is in the latest layout, with every
 * table. */
static void
test_export_unit_history (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.json", NULL);
  g_autofree char *first = g_build_filename (fixture->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *plain_text = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *newer = NULL;
  g_autoptr(DnStore) other = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GDate july = dn_test_date (2025, 7, 1);
  gint64 department, school_a, school_b;

  department = dn_test_add_unit (fixture->store, "SGD", "Sở GD&ĐT Lào Cai", DN_UNIT_KIND_DEPARTMENT, 0);
  school_a = dn_test_add_unit (fixture->store, "THCS-LL", "Trường THCS Lê Lợi", DN_UNIT_KIND_SCHOOL, department);
  school_b = dn_test_add_unit (fixture->store, "THCS-KD", "Trường THCS Kim Đồng", DN_UNIT_KIND_SCHOOL, department);
  dn_test_add_person (fixture->store, "Nguyễn", "Văn", "An", school_a);
  export_to (fixture->store, plain);
  plain_text = read_text (plain);
  g_assert_nonnull (strstr (plain_text, "\"version\" : 7,"));
  g_assert_nonnull (strstr (plain_text, "\"unit_name\" : []"));
  g_assert_nonnull (strstr (plain_text, "\"passport_event\" : []"));

  g_assert_true (dn_store_rename_unit (fixture->store, department, "Sở Giáo dục và Đào tạo tỉnh Lào Cai", &july, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_merge_units (fixture->store, school_a, school_b, NULL, &error));
  g_assert_no_error (error);
  export_to (fixture->store, first);
  first_text = read_text (first);
  g_assert_nonnull (strstr (first_text, "\"version\" : 7,"));
  g_assert_nonnull (strstr (first_text, "\"unit_name\" : ["));
  g_assert_nonnull (strstr (first_text, "\"unit_merge\" : ["));

  other = dn_store_open (other_path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (first);
  g_assert_true (dn_exchange_import (other, file, NULL, &error));
  g_assert_no_error (error);
  export_to (other, second);
  second_text = read_text (second);
  g_assert_cmpstr (second_text, ==, first_text);
  {
    GDate june = dn_test_date (2025, 6, 30);
    g_autofree char *name = dn_store_unit_name_at (other, department, &june, &error);
    g_assert_cmpstr (name, ==, "Sở GD&ĐT Lào Cai");
  }

  /* a layout this version does not know is refused */
  g_clear_object (&other);
  g_assert_cmpint (g_unlink (other_path), ==, 0);
  other = dn_store_open (other_path, DN_STORE_OPEN_DEFAULT, &error);
  newer = g_strdup ("{ \"format\" : \"doingoai\", \"version\" : 8, \"tables\" : {} }");
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (newer, strlen (newer));
    g_assert_false (dn_exchange_import_bytes (other, bytes, "newer.json", &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_TOO_NEW);
    g_assert_nonnull (strstr (error->message, "versions 2 to 7"));
  }
}

/* Layout 5: the files attached to tasks and delegations, and where each
 * file's text stands, come back from an export as they were. */
static void
test_export_attachments (DnTestStore   *fixture,
                         gconstpointer  data)
{
  g_autofree char *source = g_build_filename (fixture->dir, "ke-hoach.docx", NULL);
  g_autofree char *first = g_build_filename (fixture->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(DnStore) other = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) exported = NULL;
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit, task, delegation;

  unit = dn_test_add_unit (fixture->store, "SGD", "Sở GD&ĐT Lào Cai", DN_UNIT_KIND_DEPARTMENT, 0);
  task = dn_test_add_task (fixture->store, "Báo cáo đoàn ra", unit, NULL, NULL);
  dn_test_exec (fixture->store, "INSERT INTO delegation (direction, title, start_date, end_date) "
                                "VALUES ('outbound', 'Đoàn Hàn Quốc', '2025-03-01', '2025-03-07')");
  delegation = dn_test_query_int (fixture->store, "SELECT max(id) FROM delegation");
  dn_test_write_file (source, "nội dung kế hoạch", -1);
  file = g_file_new_for_path (source);
  attachment = dn_store_attach_file (fixture->store, DN_RECORD_TASK, task, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_attach (fixture->store, DN_RECORD_DELEGATION, delegation, attachment->id, "Kế hoạch.docx",
                                  &error));
  g_assert_no_error (error);
  export_to (fixture->store, first);
  first_text = read_text (first);
  g_assert_nonnull (strstr (first_text, "\"task_attachment\" : [\n"));
  g_assert_nonnull (strstr (first_text, "\"file_name\" : \"Kế hoạch.docx\""));
  g_assert_nonnull (strstr (first_text, "\"text_state\" : \"not_pdf\""));

  other = dn_store_open (other_path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  exported = g_file_new_for_path (first);
  g_assert_true (dn_exchange_import (other, exported, NULL, &error));
  g_assert_no_error (error);
  export_to (other, second);
  second_text = read_text (second);
  g_assert_cmpstr (second_text, ==, first_text);
  g_assert_cmpint (dn_test_query_int (other, "SELECT count(*) FROM delegation_attachment"), ==, 1);
}

/* Every column that has a length in the rules exists (a renamed column
 * would silently fall back to the free-text limit). */
/* A file written before the task rules (the demo of that time, kept in
 * tests/data: a lead extended to 30/06/2025 beside its task's 31/12/2024,
 * tasks done with unit rows still open) comes under them on import: every
 * task's deadline is its lead's, a task done or cancelled has no row still
 * open. */
static void
test_import_task_rules (DnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "demo-before-task-rules.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* the file itself breaks both rules */
  g_assert_nonnull (strstr (text, "\"new_due_date\": \"2025-06-30\""));
  g_assert_true (dn_exchange_import (fixture->store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (fixture->store,
                                      "SELECT count(*) FROM task t JOIN assignment a ON a.task_id = t.id "
                                      "AND a.role = 'lead' WHERE a.due_date IS NOT NULL "
                                      "AND a.due_date IS NOT t.due_date"), ==, 0);
  g_assert_cmpint (dn_test_query_int (fixture->store,
                                      "SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id "
                                      "WHERE t.status IN ('done', 'cancelled') "
                                      "AND a.status IN ('open', 'in_progress')"), ==, 0);
  g_assert_cmpint (dn_test_query_int (fixture->store,
                                      "SELECT count(*) FROM task WHERE due_date = '2025-06-30'"), >, 0);
}

static void
test_text_limits_name_columns (DnTestStore   *fixture,
                               gconstpointer  data)
{
  static const char *named[][2] = {
    { "unit", "code" }, { "unit", "name" }, { "person", "family_name" }, { "person", "email" },
    { "document", "subject" }, { "task", "title" }, { "assignment", "reply_reference" }, { "passport", "number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_assert_cmpuint (_dn_store_text_limit (named[i][0], named[i][1]), <, DN_TEXT_MAX_LONG);
      g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM pragma_table_info('%s') WHERE name = '%s'",
                                          named[i][0], named[i][1]), ==, 1);
    }
  g_assert_cmpuint (_dn_store_text_limit ("task", "description"), ==, DN_TEXT_MAX_LONG);
}

/* A file of layout 4 spelt mật "confidential" and lacks the register's
 * columns: it imports with mật and the defaults; an export of it has the
 * new columns and imports again the same. */
static void
test_import_document_register (DnTestStore   *fixture,
                               gconstpointer  data)
{
  static const char old[] =
    "{ \"format\" : \"doingoai\", \"version\" : 4, \"tables\" : { \"document\" : ["
    "{ \"id\" : 1, \"direction\" : \"incoming\", \"type\" : \"plan\", \"number\" : \"14\", "
    "  \"symbol\" : \"KH-BGDĐT\", \"subject\" : \"Kế hoạch mật\", \"classification\" : \"confidential\" },"
    "{ \"id\" : 2, \"direction\" : \"outgoing\", \"type\" : \"report\", \"subject\" : \"Báo cáo\", "
    "  \"classification\" : \"normal\" } ] } }";
  g_autofree char *first = g_build_filename (fixture->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(DnStore) other = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDocument) doc = NULL;

  g_assert_true (import_text (fixture->store, old, &error));
  g_assert_no_error (error);
  doc = dn_store_get_document (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->classification, ==, DN_CLASSIFICATION_CONFIDENTIAL);
  g_assert_cmpint (doc->urgency, ==, DN_URGENCY_NORMAL);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM document WHERE classification = 'normal'"),
                   ==, 1);

  export_to (fixture->store, first);
  first_text = read_text (first);
  g_assert_nonnull (strstr (first_text, "\"classification\" : \"mat\""));
  g_assert_nonnull (strstr (first_text, "\"urgency\" : \"normal\""));
  g_assert_nonnull (strstr (first_text, "\"file_copy_holder\" : \"\""));
  other = dn_store_open (other_path, DN_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (first);
  g_assert_true (dn_exchange_import (other, file, NULL, &error));
  g_assert_no_error (error);
  export_to (other, second);
  second_text = read_text (second);
  g_assert_cmpstr (second_text, ==, first_text);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  setlocale (LC_ALL, "");
  home = dn_test_isolate_user_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-check/accepts", test_check_accepts);
  g_test_add_func ("/json-check/refuses", test_check_refuses);
  g_test_add_func ("/json-check/deep", test_check_deep);
  g_test_add_func ("/json-check/string-limit", test_check_string_limit);
  g_test_add_func ("/json-check/pieces", test_check_pieces);
  g_test_add_func ("/json-check/records", test_check_records);
  g_test_add_func ("/json-check/record-limit", test_check_record_limit);
  DN_TEST_ADD ("/exchange/export/layout", test_export_layout);
  DN_TEST_ADD ("/exchange/export/escapes", test_export_escapes);
  DN_TEST_ADD ("/exchange/export/attachments", test_export_attachments);
  DN_TEST_ADD ("/exchange/export/not-finite", test_export_not_finite);
  DN_TEST_ADD ("/exchange/export/unit-history", test_export_unit_history);
  DN_TEST_ADD ("/exchange/import/rules", test_import_rules);
  DN_TEST_ADD ("/exchange/import/task-rules", test_import_task_rules);
  DN_TEST_ADD ("/exchange/import/document-register", test_import_document_register);
  DN_TEST_ADD ("/exchange/import/not-regular", test_import_not_regular);
  DN_TEST_ADD ("/exchange/import/pieces", test_import_pieces);
  DN_TEST_ADD ("/exchange/import/record-limit", test_import_record_limit);
  DN_TEST_ADD ("/exchange/import/structure", test_import_structure);
  DN_TEST_ADD ("/exchange/check/rules", test_check_reports_rules);
  DN_TEST_ADD ("/exchange/text-limits", test_text_limits_name_columns);
  g_test_add_func ("/exchange/import/concurrent", test_import_concurrent);

  status = g_test_run ();
  dn_test_remove_tree (home);
  return status;
}
