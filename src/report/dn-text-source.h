/* dn-text-source.h: the text of a file given to read: a PDF's text layer
 * or a UTF-8 text file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dn-legacy-text.h"
#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

/* The text of @file: a PDF (its bytes start with "%PDF-", or its name
 * ends in ".pdf") read through @renderer, page after page, each page
 * followed by a form feed; otherwise the file's bytes as UTF-8. Text typed
 * in TCVN3 (ABC) or VNI — an old .txt file, or a PDF made from .VnTime
 * fonts, whose text reads "Xin chµo" — is detected (dn_legacy_*_detect)
 * and given converted to Unicode, its encoding in *@converted_from (may
 * be NULL; DN_LEGACY_ENCODING_NONE when nothing was converted). NULL with
 * @error (translated) when the file cannot be read, a PDF cannot be
 * opened (the renderer's DN_PDF_ERROR_*), has no text (a scan:
 * G_IO_ERROR_INVALID_DATA), or a text file is neither UTF-8 nor in a
 * legacy encoding (G_IO_ERROR_INVALID_DATA). Blocks until the worker has
 * read every page. */
char *dn_text_source_read (DnPdfRenderer     *renderer,
                           GFile             *file,
                           DnLegacyEncoding  *converted_from,
                           GCancellable      *cancellable,
                           GError           **error);

G_END_DECLS
