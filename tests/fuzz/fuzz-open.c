/* fuzz-open.c: the input as a database file
 *
 * The input is written to a file in an otherwise empty folder, opened with
 * DN_STORE_OPEN_READ_ONLY, then written again and opened with
 * DN_STORE_OPEN_DEFAULT (which may migrate or set it up).
 *
 * Invariants:
 *   refused (either way): an error is set (UTF-8), the file is byte for
 *     byte the input, and no -wal, -shm or -journal file is left;
 *   read-only: the file is byte for byte the input after the store is closed,
 *     accepted or not (read-only never writes);
 *   accepted: dn_store_check() and searches run without crashing (a
 *     damaged file may be reported unsound), and the store closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <glib/gstdio.h>
#include <string.h>

#include "dn-fuzz.h"
#include "dn-test-utils.h"

static char *dir;
static char *path;

static void
init (void)
{
  if (dir != NULL)
    return;
  dn_fuzz_init ();
  dir = g_build_filename (dn_fuzz_tmp_dir (), "open", NULL);
  path = g_build_filename (dir, "fuzz.db", NULL);
}

static void
fresh_file (const uint8_t *data,
            size_t         size)
{
  dn_test_remove_tree (dir);
  dn_fuzz_assert (g_mkdir_with_parents (dir, 0700) == 0, "cannot make %s", dir);
  dn_test_write_file (path, data, (gssize) size);
}

static gboolean
file_is (const uint8_t *data,
         size_t         size)
{
  g_autoptr(GBytes) now = dn_fuzz_read_file (path);

  return now != NULL && g_bytes_get_size (now) == size &&
         (size == 0 || memcmp (g_bytes_get_data (now, NULL), data, size) == 0);
}

static gboolean
try_open (const uint8_t    *data,
          size_t            size,
          DnStoreOpenFlags  flags,
          const char       *how)
{
  g_autoptr(GError) error = NULL;
  DnStore *store;

  fresh_file (data, size);
  store = dn_store_open (path, flags, &error);
  if (store == NULL)
    {
      dn_fuzz_assert (error != NULL, "%s: refused without an error", how);
      dn_fuzz_note ("%s open refused: %s", how, error->message);
      dn_fuzz_assert (g_utf8_validate (error->message, -1, NULL), "%s: error message is not UTF-8", how);
      dn_fuzz_assert (file_is (data, size), "%s: refused (%s) but the file changed", how, error->message);
      dn_fuzz_assert (!dn_fuzz_db_side_files (path), "%s: refused (%s) but left -wal/-shm/-journal files",
                      how, error->message);
      return FALSE;
    }
  dn_fuzz_assert (error == NULL, "%s: opened with an error set", how);
  dn_fuzz_note ("%s open accepted", how);

  {
    g_autoptr(GString) report = g_string_new (NULL);
    g_autoptr(GError) check_error = NULL;

    dn_store_check (store, report, &check_error);
    dn_fuzz_check_search (store, "ho chieu", 20);
    dn_fuzz_check_search (store, "a", 20);
    dn_fuzz_check_search (store, "đoàn", 5);
  }
  dn_fuzz_close_store (&store);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  gboolean read_only_ok, ok;

  init ();

  read_only_ok = try_open (data, size, DN_STORE_OPEN_READ_ONLY, "read-only");
  dn_fuzz_assert (file_is (data, size), "read-only: the file changed");

  ok = try_open (data, size, DN_STORE_OPEN_DEFAULT, "read-write");
  /* both ways alike, else neither (an empty file is created read-write) */
  dn_fuzz_outcome = ok && read_only_ok ? DN_FUZZ_ACCEPTED : !ok && !read_only_ok ? DN_FUZZ_REFUSED : DN_FUZZ_NONE;

  dn_test_remove_tree (dir);
  return 0;
}
