/* dn-text-source.c: the text of a file given to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-text-source"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-text.h"
#include "dn-text-source.h"

/* larger than any directive; a text file beyond it is not one */
#define MAX_TEXT_BYTES (32 * 1024 * 1024)

static char *
shown_name (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  return dn_text_escape_for_display (name, 80);
}

static char *
read_pdf (DnPdfRenderer  *renderer,
          GFile          *file,
          GBytes         *bytes,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(DnPdfDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean any = FALSE;
  int n;

  document = dn_pdf_renderer_open_bytes (renderer, bytes, name, NULL, cancellable, error);
  if (document == NULL)
    return NULL;
  n = dn_pdf_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *page = dn_pdf_renderer_get_text (renderer, document, i, cancellable, error);

      if (page == NULL)
        return NULL;
      for (const char *p = page; *p && !any; p++)
        any = !g_ascii_isspace (*p);
      g_string_append (text, page);
      if (page[0] != '\0' && !g_str_has_suffix (page, "\n"))
        g_string_append_c (text, '\n');
      g_string_append_c (text, '\f');
    }
  if (!any)
    {
      g_autofree char *shown = shown_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” has no text to read: it is a scan. Type or paste its text instead."), shown);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
dn_text_source_read (DnPdfRenderer  *renderer,
                     GFile          *file,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *base = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (renderer), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, &local);
  if (bytes == NULL)
    {
      g_autofree char *shown = shown_name (file);

      g_set_error (error, local->domain, local->code, _("Cannot read “%s”: %s"), shown, local->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  base = g_file_get_basename (file);
  if ((size >= 5 && memcmp (data, "%PDF-", 5) == 0)
      || (base && strlen (base) > 4 && g_ascii_strcasecmp (base + strlen (base) - 4, ".pdf") == 0))
    return read_pdf (renderer, file, bytes, cancellable, error);
  if (size > MAX_TEXT_BYTES || !g_utf8_validate_len (data, size, NULL))
    {
      g_autofree char *shown = shown_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is neither a PDF file nor text in UTF-8."), shown);
      return NULL;
    }
  return g_strndup (data, size);
}
