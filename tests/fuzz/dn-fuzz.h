/* dn-fuzz.h: what the fuzz targets and their regression driver share
 *
 * Each target (fuzz-import.c, fuzz-search.c, fuzz-open.c) is one
 * LLVMFuzzerTestOneInput(). Built with -Dfuzz=true under clang it is linked
 * with libFuzzer; in every build it is also linked with regress.c, a GLib
 * test program that feeds it the files of regressions/<target>/.
 *
 * A broken invariant is not a crash the sanitizers would see: the targets
 * call dn_fuzz_fail(), which prints why and aborts, so that libFuzzer saves
 * the input and the regression driver's subprocess fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "dn-store.h"

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef enum
{
  DN_FUZZ_NONE,
  DN_FUZZ_ACCEPTED, /* the import succeeded; the file opened, read-only and read-write */
  DN_FUZZ_REFUSED,  /* refused with an error (the file: both ways) */
} DnFuzzOutcome;

/* Set by each target for the last input; the regression driver requires
 * DN_FUZZ_ACCEPTED for files named *.accept.* and DN_FUZZ_REFUSED for files
 * named *.refuse.* (other files may go either way). */
extern DnFuzzOutcome dn_fuzz_outcome;

/* Once per process: warnings and criticals become fatal, and a private
 * temporary folder is made (removed at exit). */
void         dn_fuzz_init             (void);
const char  *dn_fuzz_tmp_dir          (void);

/* Prints to stderr when DN_FUZZ_VERBOSE is set (what became of an input). */
void         dn_fuzz_note             (const char *format,
                                       ...) G_GNUC_PRINTF (1, 2);

G_NORETURN void dn_fuzz_fail          (const char *format,
                                       ...) G_GNUC_PRINTF (1, 2);
#define dn_fuzz_assert(condition, ...) \
  G_STMT_START { if (G_UNLIKELY (!(condition))) dn_fuzz_fail (__VA_ARGS__); } G_STMT_END

GBytes      *dn_fuzz_read_file        (const char    *path);
void         dn_fuzz_remove_db        (const char    *path);
gboolean     dn_fuzz_db_side_files    (const char    *path);

/* Drops the last reference to *@store (NULL: nothing to do), which must
 * finalize it. */
void         dn_fuzz_close_store      (DnStore      **store);
/* An empty database made (migrated) at @template_path and closed: its
 * bytes, for dn_fuzz_open_copy(). */
GBytes      *dn_fuzz_make_template    (const char    *template_path);
/* A copy of @template written at @path (what was there removed, its side
 * files too), opened. */
DnStore     *dn_fuzz_open_copy        (GBytes        *template,
                                       const char    *path);

/* Strict JSON (RFC 8259, plus I-JSON's rules: no lone surrogate escape, no
 * number beyond a double). FALSE with the offset and reason in @why. */
gboolean     dn_fuzz_json_is_strict   (const char    *data,
                                       gsize          length,
                                       char         **why);

/* dn_store_search() answers with hits or a GError (message in UTF-8),
 * never both nor neither; every hit has a valid kind, an id and UTF-8 text. */
void         dn_fuzz_check_search     (DnStore       *store,
                                       const char    *text,
                                       guint          limit);

G_END_DECLS
