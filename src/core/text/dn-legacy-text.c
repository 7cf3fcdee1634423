/* dn-legacy-text.c: TCVN3 (ABC) and VNI text detected and converted to
 * Unicode: the input checked and read as characters, the API, the preview
 * (the parts: dn-legacy-text-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-legacy-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-legacy-text-private.h"

G_DEFINE_QUARK (dn-legacy-text-error-quark, dn_legacy_text_error)

/*
 * Input
 */

gboolean
_dn_legacy_check_utf8 (const char  *text,
                       gssize       size,
                       GError     **error)
{
  const char *end = NULL;

  if (text == NULL)
    text = "";
  if (size < 0)
    size = (gssize) strlen (text);
  if ((gsize) size > DN_LEGACY_TEXT_MAX_SIZE)
    {
      g_set_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_TOO_LONG,
                   _("The text is too long: at most %d MB is converted."), DN_LEGACY_TEXT_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (g_utf8_validate_len (text, (gsize) size, &end))
    return TRUE;
  g_set_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_INVALID_UTF8,
               _("The text is not valid UTF-8 (at byte %lu)."), (unsigned long) (end - text));
  return FALSE;
}

/* The characters of @text (NULL: none), or NULL with an error when it is
 * not UTF-8 or too long. */
static gunichar *
text_chars (const char  *text,
            glong       *n,
            GError     **error)
{
  if (!_dn_legacy_check_utf8 (text, -1, error))
    return NULL;
  return g_utf8_to_ucs4_fast (text != NULL ? text : "", -1, n);
}

/* The bytes of a file: UTF-8 as text (*@utf8 TRUE), else as Windows-1252
 * reads them. NULL with an error when they hold NUL. */
static gunichar *
bytes_chars (const guint8  *data,
             gsize          size,
             gboolean      *utf8,
             glong         *n,
             GError       **error)
{
  gunichar *chars;

  if (data == NULL)
    size = 0;
  if (size > DN_LEGACY_TEXT_MAX_SIZE)
    {
      _dn_legacy_check_utf8 ((const char *) data, (gssize) size, error);
      return NULL;
    }
  if (size > 0 && memchr (data, 0, size) != NULL)
    {
      g_set_error_literal (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_TEXT,
                           _("The file holds NUL bytes: it is not text in TCVN3 or VNI (perhaps UTF-16, or not text at all)."));
      return NULL;
    }
  *utf8 = size == 0 || g_utf8_validate_len ((const char *) data, size, NULL);
  if (*utf8)
    return g_utf8_to_ucs4_fast (size > 0 ? (const char *) data : "", (glong) size, n);
  chars = g_new (gunichar, size + 1);
  for (gsize i = 0; i < size; i++)
    chars[i] = _dn_legacy_cp1252_char (data[i]);
  chars[size] = 0;
  *n = (glong) size;
  return chars;
}

/*
 * API
 */

const char *
dn_legacy_encoding_to_string (DnLegacyEncoding encoding)
{
  switch (encoding)
    {
    case DN_LEGACY_ENCODING_TCVN3:
      return "tcvn3";
    case DN_LEGACY_ENCODING_VNI:
      return "vni";
    case DN_LEGACY_ENCODING_NONE:
    default:
      return "none";
    }
}

gboolean
dn_legacy_encoding_from_string (const char       *text,
                                DnLegacyEncoding *encoding)
{
  static const struct { const char *name; DnLegacyEncoding encoding; } names[] = {
    { "tcvn3", DN_LEGACY_ENCODING_TCVN3 },
    { "tcvn", DN_LEGACY_ENCODING_TCVN3 },
    { "abc", DN_LEGACY_ENCODING_TCVN3 },
    { "vni", DN_LEGACY_ENCODING_VNI },
    { "none", DN_LEGACY_ENCODING_NONE },
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

const char *
dn_legacy_encoding_get_label (DnLegacyEncoding encoding)
{
  switch (encoding)
    {
    case DN_LEGACY_ENCODING_TCVN3:
      return _("TCVN3 (ABC)");
    case DN_LEGACY_ENCODING_VNI:
      return _("VNI");
    case DN_LEGACY_ENCODING_NONE:
    default:
      return _("Unicode");
    }
}

DnLegacyEncoding
dn_legacy_text_detect (const char *text,
                       double     *confidence)
{
  glong n = 0;
  g_autofree gunichar *chars = text_chars (text, &n, NULL);

  return _dn_legacy_detect (chars, n, confidence);
}

char *
dn_legacy_text_convert (const char        *text,
                        DnLegacyEncoding   encoding,
                        GError           **error)
{
  glong n = 0;
  g_autofree gunichar *chars = text_chars (text, &n, error);

  return chars != NULL ? _dn_legacy_convert (encoding, chars, n) : NULL;
}

DnLegacyEncoding
dn_legacy_bytes_detect (const guint8 *data,
                        gsize         size,
                        double       *confidence)
{
  gboolean utf8;
  glong n = 0;
  g_autofree gunichar *chars = bytes_chars (data, size, &utf8, &n, NULL);

  return _dn_legacy_detect (chars, n, confidence);
}

char *
dn_legacy_bytes_convert (const guint8      *data,
                         gsize              size,
                         DnLegacyEncoding   encoding,
                         GError           **error)
{
  g_autofree gunichar *chars = NULL;
  gboolean utf8;
  glong n = 0;

  chars = bytes_chars (data, size, &utf8, &n, error);
  if (chars == NULL)
    return NULL;
  if (!utf8 && encoding == DN_LEGACY_ENCODING_NONE)
    {
      _dn_legacy_check_utf8 ((const char *) data, (gssize) size, error);
      return NULL;
    }
  return _dn_legacy_convert (encoding, chars, n);
}

/*
 * Preview
 */

void
dn_legacy_preview_free (DnLegacyPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->before);
  g_free (preview->after);
  g_free (preview);
}

static DnLegacyPreview *
preview_chars (const gunichar    *chars,
               glong              n,
               DnLegacyEncoding   encoding,
               GError           **error)
{
  DnLegacyPreview *preview;
  double confidence = 1;

  if (encoding == DN_LEGACY_ENCODING_NONE)
    {
      encoding = _dn_legacy_detect (chars, n, &confidence);
      if (encoding == DN_LEGACY_ENCODING_NONE)
        {
          g_set_error_literal (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_FOUND,
                               _("No text in TCVN3 (ABC) or VNI was found: the text is left as it is."));
          return NULL;
        }
    }
  preview = g_new0 (DnLegacyPreview, 1);
  preview->encoding = encoding;
  preview->confidence = confidence;
  preview->before = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);
  preview->after = _dn_legacy_convert (encoding, chars, n);
  return preview;
}

DnLegacyPreview *
dn_legacy_text_preview (const char        *text,
                        DnLegacyEncoding   encoding,
                        GError           **error)
{
  glong n = 0;
  g_autofree gunichar *chars = text_chars (text, &n, error);

  return chars != NULL ? preview_chars (chars, n, encoding, error) : NULL;
}

DnLegacyPreview *
dn_legacy_bytes_preview (const guint8      *data,
                         gsize              size,
                         DnLegacyEncoding   encoding,
                         GError           **error)
{
  gboolean utf8;
  glong n = 0;
  g_autofree gunichar *chars = bytes_chars (data, size, &utf8, &n, error);

  return chars != NULL ? preview_chars (chars, n, encoding, error) : NULL;
}
