/* fuzz-legacy-text.c: the input as text pasted or read from an old file,
 * to be detected and converted from TCVN3 or VNI (dn-legacy-text)
 *
 * The input goes whole (NUL bytes included) to the bytes functions, and,
 * when it is UTF-8 without NUL, to the text functions as well.
 *
 * Invariants:
 *   every conversion either fails with an error (UTF-8 message) or gives
 *     valid UTF-8 in NFC, never both; bytes holding NUL are refused;
 *   a conversion's output converted with NONE is itself (already NFC);
 *   detection gives a confidence in [0, 1], 0 exactly for NONE, and the
 *     preview agrees with it (NOT_FOUND for NONE; else the same encoding
 *     and the conversion's text);
 *   on UTF-8 input the text and the bytes functions give the same results;
 *   encoding gives Windows-1252 characters only, and converting back gives
 *     the NFC text again (VNI always; TCVN3 for text without capitals,
 *     whose case its fonts kept, not its bytes).
 *
 * The outcome is ACCEPTED when an encoding was detected, REFUSED otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <string.h>

#include "dn-fuzz.h"
#include "dn-legacy-text.h"

static const DnLegacyEncoding encodings[] = {
  DN_LEGACY_ENCODING_NONE, DN_LEGACY_ENCODING_TCVN3, DN_LEGACY_ENCODING_VNI,
};

static void
check_result (const char *what,
              char       *result,
              GError     *error)
{
  g_autofree char *again = NULL;
  g_autofree char *composed = NULL;
  g_autoptr(GError) again_error = NULL;

  dn_fuzz_assert ((result == NULL) != (error == NULL), "%s: a result and an error, or neither", what);
  if (error != NULL)
    {
      dn_fuzz_assert (error->domain == DN_LEGACY_TEXT_ERROR, "%s: error of another domain", what);
      dn_fuzz_assert (g_utf8_validate (error->message, -1, NULL), "%s: error message not UTF-8", what);
      return;
    }
  dn_fuzz_assert (g_utf8_validate (result, -1, NULL), "%s: output not UTF-8", what);
  composed = g_utf8_normalize (result, -1, G_NORMALIZE_NFC);
  dn_fuzz_assert (g_strcmp0 (composed, result) == 0, "%s: output not NFC", what);
  again = dn_legacy_text_convert (result, DN_LEGACY_ENCODING_NONE, &again_error);
  dn_fuzz_assert (again != NULL && strcmp (again, result) == 0, "%s: output converted with NONE changed", what);
}

static gboolean
is_windows_1252 (const char *text)
{
  static const gunichar high[] = {
    0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017D,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178,
  };

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean found = c <= 0xFF;

      for (guint i = 0; i < G_N_ELEMENTS (high) && !found; i++)
        found = c == high[i];
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
check_encode (const char       *text,
              DnLegacyEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *legacy = dn_legacy_text_encode (text, encoding, &error);
  g_autofree char *back = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *lower = NULL;

  if (legacy == NULL)
    {
      dn_fuzz_assert (error != NULL && g_utf8_validate (error->message, -1, NULL), "encode failed without an error");
      return;
    }
  dn_fuzz_assert (error == NULL, "encode: a result and an error");
  dn_fuzz_assert (g_utf8_validate (legacy, -1, NULL) && is_windows_1252 (legacy),
                  "encode to %s gave more than Windows-1252 characters", dn_legacy_encoding_to_string (encoding));
  back = dn_legacy_text_convert (legacy, encoding, &error);
  dn_fuzz_assert (back != NULL, "converting what was encoded failed: %s", error->message);
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  lower = g_utf8_strdown (composed, -1);
  if (encoding == DN_LEGACY_ENCODING_VNI || strcmp (lower, composed) == 0)
    dn_fuzz_assert (strcmp (back, composed) == 0, "%s round trip: “%s” came back as “%s”",
                    dn_legacy_encoding_to_string (encoding), composed, back);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  gboolean is_text;
  double confidence = -1;
  DnLegacyEncoding found;

  dn_fuzz_init ();
  is_text = memchr (data, 0, size) == NULL && g_utf8_validate_len ((const char *) data, size, NULL);
  if (is_text)
    text = g_strndup ((const char *) data, size);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *from_bytes = dn_legacy_bytes_convert (data, size, encodings[i], &error);

      if (memchr (data, 0, size) != NULL)
        dn_fuzz_assert (g_error_matches (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_TEXT),
                        "bytes holding NUL were not refused as not text");
      check_result ("bytes", from_bytes, error);
      if (is_text)
        {
          g_autoptr(GError) text_error = NULL;
          g_autofree char *from_text = dn_legacy_text_convert (text, encodings[i], &text_error);

          check_result ("text", from_text, text_error);
          dn_fuzz_assert (g_strcmp0 (from_text, from_bytes) == 0, "text and bytes conversions differ");
          if (encodings[i] != DN_LEGACY_ENCODING_NONE)
            check_encode (text, encodings[i]);
        }
    }

  found = dn_legacy_bytes_detect (data, size, &confidence);
  dn_fuzz_assert (confidence >= 0 && confidence <= 1, "confidence %f out of [0, 1]", confidence);
  dn_fuzz_assert ((found == DN_LEGACY_ENCODING_NONE) == (confidence == 0), "NONE found with confidence %f, or another with 0",
                  confidence);
  if (is_text)
    {
      double text_confidence = -1;

      dn_fuzz_assert (dn_legacy_text_detect (text, &text_confidence) == found && text_confidence == confidence,
                      "text and bytes detection differ");
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnLegacyPreview) preview = dn_legacy_bytes_preview (data, size, DN_LEGACY_ENCODING_NONE, &error);

    if (found == DN_LEGACY_ENCODING_NONE)
      dn_fuzz_assert (preview == NULL && error != NULL, "preview without a detected encoding");
    else
      {
        g_autofree char *converted = dn_legacy_bytes_convert (data, size, found, NULL);

        dn_fuzz_assert (preview != NULL, "no preview: %s", error->message);
        dn_fuzz_assert (preview->encoding == found && preview->confidence == confidence,
                        "preview and detection differ");
        dn_fuzz_assert (g_strcmp0 (preview->after, converted) == 0, "preview and conversion differ");
        dn_fuzz_assert (g_utf8_validate (preview->before, -1, NULL), "preview's before not UTF-8");
      }
  }

  dn_fuzz_outcome = found != DN_LEGACY_ENCODING_NONE ? DN_FUZZ_ACCEPTED : DN_FUZZ_REFUSED;
  dn_fuzz_note ("%s (%.2f)", dn_legacy_encoding_to_string (found), confidence);
  return 0;
}
