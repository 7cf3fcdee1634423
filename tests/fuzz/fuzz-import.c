/* fuzz-import.c: the input as an export file, imported into an empty database
 *
 * A fresh empty database is made once (the template); every input is
 * imported into a copy of it, which is kept open as long as inputs are
 * refused (a refused import leaves it as it was) and replaced by a new copy
 * after an accepted one.
 *
 * Invariants:
 *   refused: an error is set (UTF-8), and every table, the search index's
 *            included, holds exactly the rows of the template (none);
 *   pieces:   the input is read through the import's stream in two pieces
 *            cut where the input chooses (its first and last bytes), and the
 *            strict check gives the same answer, to the character, whole,
 *            in those two pieces and byte by byte;
 *   accepted: no error; dn_store_check() reports the database sound; every
 *            unit is in the unit tree (no parent cycle hides one); searches
 *            answer with valid hits; the export is strict JSON, imports into
 *            another empty database, which is sound too, and exports again
 *            to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <string.h>

#include "dn-exchange.h"
#include "dn-fuzz.h"
#include "dn-json-check.h"
#include "dn-test-utils.h"
#include "dn-store-private.h"

static GBytes *template_bytes;
static char *template_counts;
static char *work_path;
static char *other_path;
static char *export_path;
static char *export_again_path;
static DnStore *work;

static void
init (void)
{
  g_autofree char *template_path = NULL;

  if (template_bytes != NULL)
    return;
  dn_fuzz_init ();
  template_path = g_build_filename (dn_fuzz_tmp_dir (), "template.db", NULL);
  work_path = g_build_filename (dn_fuzz_tmp_dir (), "work.db", NULL);
  other_path = g_build_filename (dn_fuzz_tmp_dir (), "other.db", NULL);
  export_path = g_build_filename (dn_fuzz_tmp_dir (), "export.json", NULL);
  export_again_path = g_build_filename (dn_fuzz_tmp_dir (), "export-again.json", NULL);

  template_bytes = dn_fuzz_make_template (template_path);
  dn_fuzz_assert (!dn_fuzz_db_side_files (template_path), "the closed template still has -wal/-shm files");

  work = dn_fuzz_open_copy (template_bytes, work_path);
  template_counts = dn_test_row_counts (work);
}

static void
check_sound (DnStore    *store,
             const char *what)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  dn_fuzz_assert (dn_store_check (store, report, &error),
                  "%s: dn_store_check() reports a problem: %s%s", what, report->str,
                  error != NULL ? error->message : "");
}

static void
check_unit_tree (DnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tree = dn_store_list_unit_tree (store, TRUE, &error);
  sqlite3_stmt *stmt;
  gint64 n_units = -1;

  dn_fuzz_assert (tree != NULL, "dn_store_list_unit_tree: %s", error->message);
  dn_fuzz_assert (sqlite3_prepare_v2 (_dn_store_get_db (store), "SELECT count(*) FROM unit", -1, &stmt, NULL) == SQLITE_OK,
                  "cannot count the units");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_units = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  dn_fuzz_assert (n_units == (gint64) tree->len,
                  "the unit tree shows %u units of %" G_GINT64_FORMAT " (a parent cycle or a lost parent?)",
                  tree->len, n_units);
}

static void
check_accepted (void)
{
  static const char *queries[] = { "a", "c", "d", "h", "k", "n", "t", "v", "1", "2" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GFile) export_again_file = g_file_new_for_path (export_again_path);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) exported_again = NULL;
  g_autofree char *why = NULL;
  DnStore *other;

  check_sound (work, "after the import");
  check_unit_tree (work);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    dn_fuzz_check_search (work, queries[i], 50);

  dn_fuzz_assert (dn_exchange_export (work, export_file, NULL, &error), "export: %s", error->message);
  exported = dn_fuzz_read_file (export_path);
  dn_fuzz_assert (exported != NULL, "the export wrote no file");
  dn_fuzz_assert (dn_fuzz_json_is_strict (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), &why),
                  "the export is not strict JSON: %s", why);

  other = dn_fuzz_open_copy (template_bytes, other_path);
  dn_fuzz_assert (dn_exchange_import (other, export_file, NULL, &error),
                  "the export does not import into an empty database: %s", error->message);
  check_sound (other, "after importing the export");
  dn_fuzz_assert (dn_exchange_export (other, export_again_file, NULL, &error), "second export: %s", error->message);
  exported_again = dn_fuzz_read_file (export_again_path);
  dn_fuzz_assert (exported_again != NULL && g_bytes_equal (exported, exported_again),
                  "export → import → export does not give the same file (%" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT " bytes)",
                  g_bytes_get_size (exported), exported_again != NULL ? g_bytes_get_size (exported_again) : 0);
  dn_fuzz_close_store (&other);
}

/* A stream of @bytes whose first read gives at most @first bytes. */
#define FUZZ_TYPE_CUT_STREAM (fuzz_cut_stream_get_type ())
G_DECLARE_FINAL_TYPE (FuzzCutStream, fuzz_cut_stream, FUZZ, CUT_STREAM, GInputStream)

struct _FuzzCutStream
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize pos;
  gsize first;
};

G_DEFINE_TYPE (FuzzCutStream, fuzz_cut_stream, G_TYPE_INPUT_STREAM)

static gssize
fuzz_cut_stream_read (GInputStream  *stream,
                      void          *buffer,
                      gsize          count,
                      GCancellable  *cancellable,
                      GError       **error)
{
  FuzzCutStream *self = FUZZ_CUT_STREAM (stream);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (count, size - self->pos);

  if (self->pos == 0)
    n = MIN (n, self->first);
  if (n > 0)
    memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return (gssize) n;
}

static void
fuzz_cut_stream_finalize (GObject *object)
{
  g_bytes_unref (FUZZ_CUT_STREAM (object)->bytes);
  G_OBJECT_CLASS (fuzz_cut_stream_parent_class)->finalize (object);
}

static void
fuzz_cut_stream_class_init (FuzzCutStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fuzz_cut_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = fuzz_cut_stream_read;
}

static void
fuzz_cut_stream_init (FuzzCutStream *self)
{
}

/* The strict check's answer for @data read in pieces of @size bytes, the
 * first one @first bytes: NULL when accepted, else the message. */
static char *
check_in_pieces (const uint8_t *data,
                 size_t         length,
                 size_t         first,
                 size_t         size)
{
  static const DnJsonLimits limits = { 16, 100000 * 8, 16 << 20 };
  g_autoptr(DnJsonReader) reader = dn_json_reader_new (&limits, "fuzz.json", 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  size_t pos = 0;

  while (pos < length)
    {
      size_t n = MIN (pos == 0 ? first : size, length - pos);

      if (!dn_json_reader_feed (reader, (const char *) data + pos, n, &error))
        return g_strdup (error->message);
      pos += n;
    }
  if (!dn_json_reader_finish (reader, &error))
    return g_strdup (error->message);
  return NULL;
}

static void
check_pieces (const uint8_t *data,
              size_t         size,
              size_t         cut)
{
  g_autofree char *whole = check_in_pieces (data, size, size, size);
  g_autofree char *two = check_in_pieces (data, size, cut, size);

  dn_fuzz_assert (g_strcmp0 (whole, two) == 0, "the check cut at %zu says “%s”, whole “%s”", cut, two, whole);
  if (size <= 4096)
    {
      g_autofree char *bytes = check_in_pieces (data, size, 1, 1);
      dn_fuzz_assert (g_strcmp0 (whole, bytes) == 0, "the check byte by byte says “%s”, whole “%s”", bytes, whole);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FuzzCutStream) stream = NULL;
  size_t cut = size < 2 ? size : 1 + ((size_t) data[0] << 8 | data[size - 1]) % (size - 1);
  gboolean ok;

  init ();
  check_pieces (data, size, cut);
  bytes = g_bytes_new (data, size);
  stream = g_object_new (FUZZ_TYPE_CUT_STREAM, NULL);
  stream->bytes = g_bytes_ref (bytes);
  stream->first = cut;
  ok = dn_exchange_import_stream (work, G_INPUT_STREAM (stream), "fuzz.json", NULL, &error);
  dn_fuzz_outcome = ok ? DN_FUZZ_ACCEPTED : DN_FUZZ_REFUSED;

  if (!ok)
    {
      g_autofree char *counts = NULL;
      g_autoptr(GError) empty_error = NULL;

      dn_fuzz_assert (error != NULL, "import refused without an error");
      dn_fuzz_note ("import refused: %s", error->message);
      dn_fuzz_assert (g_utf8_validate (error->message, -1, NULL), "import error message is not UTF-8");
      dn_fuzz_assert (dn_store_is_empty (work, &empty_error), "refused import left records (dn_store_is_empty)");
      counts = dn_test_row_counts (work);
      dn_fuzz_assert (g_str_equal (counts, template_counts),
                      "refused import (%s) left rows: %s (empty: %s)", error->message, counts, template_counts);
      return 0;
    }

  dn_fuzz_assert (error == NULL, "import accepted with an error set");
  dn_fuzz_note ("import accepted");
  check_accepted ();
  dn_fuzz_close_store (&work);
  work = dn_fuzz_open_copy (template_bytes, work_path);
  return 0;
}
