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

/* @text (taken) converted from the legacy encoding detection finds in
 * it, if any */
static char *
unicode_text (char             *text,
              DnLegacyEncoding *converted_from)
{
  DnLegacyEncoding encoding = text != NULL ? dn_legacy_text_detect (text, NULL) : DN_LEGACY_ENCODING_NONE;
  char *converted = encoding != DN_LEGACY_ENCODING_NONE ? dn_legacy_text_convert (text, encoding, NULL) : NULL;

  if (converted_from != NULL)
    *converted_from = converted != NULL ? encoding : DN_LEGACY_ENCODING_NONE;
  if (converted == NULL)
    return text;
  g_free (text);
  return converted;
}

char *
dn_text_source_read (DnPdfRenderer     *renderer,
                     GFile             *file,
                     DnLegacyEncoding  *converted_from,
                     GCancellable      *cancellable,
                     GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *base = NULL;
  DnLegacyEncoding encoding;
  const char *data;
  gsize size;

  g_return_val_if_fail (DN_IS_PDF_RENDERER (renderer), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (converted_from != NULL)
    *converted_from = DN_LEGACY_ENCODING_NONE;

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
    return unicode_text (read_pdf (renderer, file, bytes, cancellable, error), converted_from);
  if (size <= MAX_TEXT_BYTES && g_utf8_validate_len (data, size, NULL))
    return unicode_text (g_strndup (data, size), converted_from);
  /* the bytes of an old file typed in TCVN3 or VNI */
  encoding = size <= MAX_TEXT_BYTES ? dn_legacy_bytes_detect ((const guint8 *) data, size, NULL)
                                    : DN_LEGACY_ENCODING_NONE;
  if (encoding != DN_LEGACY_ENCODING_NONE)
    {
      char *converted = dn_legacy_bytes_convert ((const guint8 *) data, size, encoding, NULL);

      if (converted != NULL)
        {
          if (converted_from != NULL)
            *converted_from = encoding;
          return converted;
        }
    }
  {
    g_autofree char *shown = shown_name (file);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("“%s” is neither a PDF file nor text in UTF-8 (or in TCVN3 or VNI)."), shown);
    return NULL;
  }
}
