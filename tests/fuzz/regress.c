/* regress.c: replays tests/fuzz/regressions/<target>/ through a fuzz target
 *
 * Built without libFuzzer, once per target (DN_FUZZ_TARGET names it,
 * DN_FUZZ_REGRESSIONS_DIR is its folder), and run by the default `meson
 * test`. One subtest per file, each in a subprocess, so that a file that
 * crashes, hangs (2 minutes) or breaks an invariant (the target aborts)
 * fails alone and the others still run.
 *
 * A file ending in .gz is gunzipped first (the deep-nesting inputs are 1 MB
 * each). A file whose name contains ".accept." must be accepted, one whose
 * name contains ".refuse." refused (dn_fuzz_outcome); others may go either
 * way as long as the target's invariants hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "dn-fuzz.h"
#include "dn-test-utils.h"

#define SUBPROCESS_TIMEOUT (120 * G_USEC_PER_SEC)

static GBytes *
load (const char *path)
{
  g_autoptr(GBytes) raw = dn_fuzz_read_file (path);
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) memory = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  dn_fuzz_assert (raw != NULL, "cannot read %s", path);
  if (!g_str_has_suffix (path, ".gz"))
    return g_steal_pointer (&raw);

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  memory = g_memory_input_stream_new_from_bytes (raw);
  stream = g_converter_input_stream_new (memory, G_CONVERTER (decompressor));
  out = g_memory_output_stream_new_resizable ();
  dn_fuzz_assert (g_output_stream_splice (out, stream,
                                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                          NULL, &error) >= 0,
                  "cannot gunzip %s: %s", path, error->message);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) bytes = load (path);

      dn_fuzz_outcome = DN_FUZZ_NONE;
      LLVMFuzzerTestOneInput (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (strstr (name, ".accept.") != NULL)
        dn_fuzz_assert (dn_fuzz_outcome == DN_FUZZ_ACCEPTED, "%s was not accepted", name);
      if (strstr (name, ".refuse.") != NULL)
        dn_fuzz_assert (dn_fuzz_outcome == DN_FUZZ_REFUSED, "%s was not refused", name);
      return;
    }

  g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (g_test_trap_reached_timeout ())
    g_test_fail_printf ("%s: still running after %d s", name, (int) (SUBPROCESS_TIMEOUT / G_USEC_PER_SEC));
  else if (!g_test_trap_has_passed ())
    g_test_fail_printf ("%s: the target crashed, broke an invariant or was refused/accepted wrongly (its stderr, if any, is above)", name);
}

static void
no_files (gconstpointer data)
{
  g_test_fail_printf ("no regression file in %s", (const char *) data);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp = NULL;
  GDir *dir;
  int status;

  /* every file is replayed even when an earlier one fails (--keep-going) */
  char **args = g_new0 (char *, argc + 2);
  int n_args = 0;

  for (int i = 0; i < argc; i++)
    args[n_args++] = argv[i];
  args[n_args++] = (char *) "--keep-going";
  g_test_init (&n_args, &args, NULL);

  if (!g_test_subprocess ())
    {
      /* every subprocess makes its own folder in here; an aborted one
       * cannot remove it, so the parent does */
      tmp = g_dir_make_tmp ("dn-fuzz-regress-XXXXXX", NULL);
      g_assert_nonnull (tmp);
      g_setenv ("TMPDIR", tmp, TRUE);
    }

  dir = g_dir_open (DN_FUZZ_REGRESSIONS_DIR, 0, NULL);
  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (paths, g_build_filename (DN_FUZZ_REGRESSIONS_DIR, name, NULL));
      g_dir_close (dir);
    }
  g_ptr_array_sort (paths, compare_names);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-%s/%s", DN_FUZZ_TARGET, base);
      g_test_add_data_func (test_path, paths->pdata[i], replay);
    }
  if (paths->len == 0)
    g_test_add_data_func ("/fuzz-" DN_FUZZ_TARGET "/no-files", DN_FUZZ_REGRESSIONS_DIR, no_files);

  status = g_test_run ();
  if (tmp != NULL)
    dn_test_remove_tree (tmp);
  g_free (args);
  return status;
}
