/* test-legacy-text.c: TCVN3 (ABC) and VNI text detected and converted
 *
 * The legacy forms below were made outside this code: TCVN3 with glibc's
 * iconv (TCVN5712-1), VNI from the VNI-Windows code table, each byte then
 * shown as Windows-1252 shows it (U+00AD, the soft hyphen, is TCVN3's ư).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-legacy-text"

#include "config.h"

#include <string.h>

#include "dn-legacy-text.h"

typedef struct
{
  const char *unicode;
  const char *tcvn3;
  const char *vni;
} Sample;

static const Sample samples[] = {
  { "Xin chào các bạn", "Xin chµo c¸c b¹n", "Xin chaøo caùc baïn" },
  { "Việt Nam", "ViÖt Nam", "Vieät Nam" },
  /* a paragraph of the Lào Cai directive (samples/huong-dan-doi-ngoai-lao-cai-2018-2019.txt) */
  { "Sở Giáo dục và Đào tạo Lào Cai hướng dẫn công tác đối ngoại, hội nhập và hợp tác quốc tế năm học "
    "2018-2019, cụ thể như sau:",
    "Së Gi¸o dôc vµ §µo t¹o Lµo Cai h\u00ADíng dÉn c«ng t¸c ®èi ngo¹i, héi nhËp vµ hîp t¸c quèc tÕ n¨m häc "
    "2018-2019, cô thÓ nh\u00AD sau:",
    "Sôû Giaùo duïc vaø Ñaøo taïo Laøo Cai höôùng daãn coâng taùc ñoái ngoaïi, hoäi nhaäp vaø hôïp taùc quoác teá "
    "naêm hoïc 2018-2019, cuï theå nhö sau:" },
  { "- Tăng cường công tác quản lý nhà nước về hội nhập quốc tế, liên kết đào tạo với nước ngoài và hoạt động "
    "tư vấn du học.",
    "- T¨ng c\u00ADêng c«ng t¸c qu¶n lý nhµ n\u00ADíc vÒ héi nhËp quèc tÕ, liªn kÕt ®µo t¹o víi n\u00ADíc ngoµi vµ "
    "ho¹t ®éng t\u00AD vÊn du häc.",
    "- Taêng cöôøng coâng taùc quaûn lyù nhaø nöôùc veà hoäi nhaäp quoác teá, lieân keát ñaøo taïo vôùi nöôùc "
    "ngoaøi vaø hoaït ñoäng tö vaán du hoïc." },
};

static char *
convert (const char       *text,
         DnLegacyEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  char *result = dn_legacy_text_convert (text, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (g_utf8_validate (result, -1, NULL));
  return result;
}

static char *
encode (const char       *text,
        DnLegacyEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  char *result = dn_legacy_text_encode (text, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_nfc (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  g_assert_cmpstr (text, ==, nfc);
}

/* ---------------------------------------------------------------- tables */

static void
test_tcvn3_table_iconv (void)
{
  g_autoptr(GError) probe_error = NULL;
  g_autofree char *probe = g_convert ("\xb5", 1, "UTF-8", "TCVN5712-1", NULL, NULL, &probe_error);

  if (probe == NULL)
    {
      g_test_skip ("iconv has no TCVN5712-1 here");
      return;
    }
  for (guint byte = 0xA0; byte <= 0xFF; byte++)
    {
      char raw[1] = { (char) byte };
      gunichar mojibake = byte;
      char text[8] = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_convert (raw, 1, "UTF-8", "TCVN5712-1", NULL, NULL, &error);
      g_autofree char *expected_nfc = NULL;
      g_autofree char *from_bytes = NULL;
      g_autofree char *from_text = NULL;

      g_assert_no_error (error);
      expected_nfc = g_utf8_normalize (expected, -1, G_NORMALIZE_NFC);
      from_bytes = dn_legacy_bytes_convert ((const guint8 *) raw, 1, DN_LEGACY_ENCODING_TCVN3, &error);
      g_assert_no_error (error);
      g_unichar_to_utf8 (mojibake, text);
      from_text = convert (text, DN_LEGACY_ENCODING_TCVN3);
      if (g_strcmp0 (from_bytes, expected_nfc) != 0 || g_strcmp0 (from_text, expected_nfc) != 0)
        g_error ("byte 0x%02X: iconv gives “%s”, bytes “%s”, text “%s”", byte, expected_nfc, from_bytes, from_text);
    }
}

/* .VnTime documents use 0x80–0x9F as Windows-1252 does (quotes, dashes),
 * not as TCVN 5712's VN1 capitals: they are left as they are. */
static void
test_tcvn3_high_control_range (void)
{
  for (guint byte = 0x80; byte < 0xA0; byte++)
    {
      char raw[2] = { (char) 0xB5, (char) byte };  /* "à" and the byte */
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_convert (raw + 1, 1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      g_autofree char *result = dn_legacy_bytes_convert ((const guint8 *) raw, 2, DN_LEGACY_ENCODING_TCVN3, &error);
      gunichar second;

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (result, "à"));
      second = g_utf8_get_char (result + strlen ("à"));
      if (expected != NULL)
        g_assert_cmpstr (result + strlen ("à"), ==, expected);
      else
        g_assert_cmpuint (second, ==, byte);  /* undefined in Windows-1252: the C1 control */
    }
  {
    g_autofree char *quoted = convert ("\u201CXin chµo\u201D \u2013 c¸c b¹n", DN_LEGACY_ENCODING_TCVN3);
    g_assert_cmpstr (quoted, ==, "\u201CXin chào\u201D \u2013 các bạn");
  }
}

/* Every Vietnamese letter, small and capital, through both encodings and
 * back. */
static void
test_every_letter_round_trip (void)
{
  const char *bases[] = { "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y" };
  const char *tones[] = { "", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323" };
  guint n = 0;

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    for (guint t = 0; t < G_N_ELEMENTS (tones); t++)
      for (guint capital = 0; capital < 2; capital++)
        {
          g_autofree char *joined = g_strconcat (bases[b], tones[t], NULL);
          g_autofree char *small = g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);
          g_autofree char *letter = capital ? g_utf8_strup (small, -1) : g_strdup (small);
          /* as a word of its own (TCVN3 capitals: VnTimeH, inside a word
           * of capitals) */
          g_autofree char *word = capital ? g_strconcat ("TH", letter, "N", NULL) : g_strconcat ("th", letter, "n", NULL);
          g_autofree char *vni = encode (word, DN_LEGACY_ENCODING_VNI);
          g_autofree char *vni_back = convert (vni, DN_LEGACY_ENCODING_VNI);
          g_autofree char *tcvn3 = encode (word, DN_LEGACY_ENCODING_TCVN3);
          g_autofree char *tcvn3_back = convert (tcvn3, DN_LEGACY_ENCODING_TCVN3);

          g_assert_cmpstr (vni_back, ==, word);
          g_assert_cmpstr (tcvn3_back, ==, word);
          n++;
        }
  g_assert_cmpuint (n, ==, 144);
  {
    g_autofree char *d = encode ("đĐ Đà", DN_LEGACY_ENCODING_VNI);
    g_autofree char *t = encode ("đĐ", DN_LEGACY_ENCODING_TCVN3);
    g_autofree char *d_back = convert (d, DN_LEGACY_ENCODING_VNI);

    g_assert_cmpstr (d, ==, "ñÑ Ñaø");
    g_assert_cmpstr (t, ==, "®§");
    g_assert_cmpstr (d_back, ==, "đĐ Đà");
  }
}

/* ---------------------------------------------------------------- sentences */

static void
test_known_sentences (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *from_tcvn3 = convert (samples[i].tcvn3, DN_LEGACY_ENCODING_TCVN3);
      g_autofree char *from_vni = convert (samples[i].vni, DN_LEGACY_ENCODING_VNI);
      g_autofree char *to_tcvn3 = encode (samples[i].unicode, DN_LEGACY_ENCODING_TCVN3);
      g_autofree char *to_vni = encode (samples[i].unicode, DN_LEGACY_ENCODING_VNI);
      g_autofree char *nfd = g_utf8_normalize (samples[i].unicode, -1, G_NORMALIZE_NFD);
      g_autofree char *from_nfd = encode (nfd, DN_LEGACY_ENCODING_VNI);

      g_assert_cmpstr (from_tcvn3, ==, samples[i].unicode);
      g_assert_cmpstr (from_vni, ==, samples[i].unicode);
      g_assert_cmpstr (to_tcvn3, ==, samples[i].tcvn3);
      g_assert_cmpstr (to_vni, ==, samples[i].vni);
      g_assert_cmpstr (from_nfd, ==, samples[i].vni);
    }
}

/* The bytes of an old .txt file, as iconv shows them (regulations E4). */
static void
test_raw_bytes (void)
{
  static const guint8 tcvn3[] = "Xin ch\xb5o c\xb8" "c b\xb9n\n";
  static const guint8 vni[] = "Xin cha\xf8o ca\xf9" "c ba\xefn\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *from_tcvn3 = NULL;
  g_autofree char *from_vni = NULL;
  g_autofree char *refused = NULL;
  double confidence = 0;

  g_assert_cmpint (dn_legacy_bytes_detect (tcvn3, sizeof tcvn3 - 1, &confidence), ==, DN_LEGACY_ENCODING_TCVN3);
  g_assert_cmpfloat (confidence, >=, 0.5);
  g_assert_cmpint (dn_legacy_bytes_detect (vni, sizeof vni - 1, &confidence), ==, DN_LEGACY_ENCODING_VNI);
  g_assert_cmpfloat (confidence, >=, 0.5);
  from_tcvn3 = dn_legacy_bytes_convert (tcvn3, sizeof tcvn3 - 1, DN_LEGACY_ENCODING_TCVN3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_tcvn3, ==, "Xin chào các bạn\n");
  from_vni = dn_legacy_bytes_convert (vni, sizeof vni - 1, DN_LEGACY_ENCODING_VNI, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_vni, ==, "Xin chào các bạn\n");

  /* not UTF-8 and no encoding given */
  refused = dn_legacy_bytes_convert (tcvn3, sizeof tcvn3 - 1, DN_LEGACY_ENCODING_NONE, &error);
  g_assert_null (refused);
  g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_INVALID_UTF8);
  g_clear_error (&error);

  /* NUL: not text (UTF-16, binary) */
  refused = dn_legacy_bytes_convert ((const guint8 *) "X\0i\0n\0", 6, DN_LEGACY_ENCODING_TCVN3, &error);
  g_assert_null (refused);
  g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_TEXT);
  g_assert_cmpint (dn_legacy_bytes_detect ((const guint8 *) "X\0i\0n\0", 6, &confidence), ==, DN_LEGACY_ENCODING_NONE);
  g_assert_cmpfloat (confidence, ==, 0);
}

static void
test_capitals (void)
{
  struct { const char *legacy, *unicode; DnLegacyEncoding encoding; } cases[] = {
    /* VnTimeH: plain capitals, accented letters with the small letters' bytes */
    { "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", DN_LEGACY_ENCODING_TCVN3 },
    { "UBND TØNH LµO CAI", "UBND TỈNH LÀO CAI", DN_LEGACY_ENCODING_TCVN3 },
    { "Së GI¸O DôC Vµ §µO T¹O", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", DN_LEGACY_ENCODING_TCVN3 },
    /* a short word in a sentence stays small, an abbreviation beside it too */
    { "Së GD&§T Lµo Cai, Hå ChÝ Minh", "Sở GD&ĐT Lào Cai, Hồ Chí Minh", DN_LEGACY_ENCODING_TCVN3 },
    /* capitals on the line before do not count */
    { "Së GI¸O DôC\n\nSè: 14/Q§", "SỞ GIÁO DỤC\n\nSố: 14/QĐ", DN_LEGACY_ENCODING_TCVN3 },
    /* the capitals TCVN3 has: Ă Â Ê Ô Ơ Ư Đ */
    { "¡ ¢ £ ¤ ¥ ¦ §", "Ă Â Ê Ô Ơ Ư Đ", DN_LEGACY_ENCODING_TCVN3 },
    /* VNI has capital marks of its own; a small mark after a capital letter also goes */
    { "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", DN_LEGACY_ENCODING_VNI },
    { "ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", DN_LEGACY_ENCODING_VNI },
    { "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", DN_LEGACY_ENCODING_VNI },
    { "AÊN Aê", "ĂN Ă", DN_LEGACY_ENCODING_VNI },
    { "ÔÛ ÖØ ÍÌÆÓÒÎ", "Ở Ừ ÍÌỈĨỊỴ", DN_LEGACY_ENCODING_VNI },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = convert (cases[i].legacy, cases[i].encoding);
      g_assert_cmpstr (result, ==, cases[i].unicode);
    }
}

/* ---------------------------------------------------------------- detection */

static void
assert_detects (const char       *text,
                DnLegacyEncoding  expected)
{
  double confidence = -1;
  DnLegacyEncoding found = dn_legacy_text_detect (text, &confidence);

  if (found != expected)
    g_error ("“%s”: found %s (%.2f), expected %s", text, dn_legacy_encoding_to_string (found), confidence,
             dn_legacy_encoding_to_string (expected));
  if (expected == DN_LEGACY_ENCODING_NONE)
    g_assert_cmpfloat (confidence, ==, 0);
  else
    g_assert_cmpfloat (confidence, >=, 0.5);
  g_assert_cmpfloat (confidence, <=, 1);
}

static void
test_detect_legacy (void)
{
  double short_confidence, long_confidence;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      assert_detects (samples[i].tcvn3, DN_LEGACY_ENCODING_TCVN3);
      /* one VNI word is too little to tell from a foreign accent */
      assert_detects (samples[i].vni, i == 1 ? DN_LEGACY_ENCODING_NONE : DN_LEGACY_ENCODING_VNI);
    }
  /* Windows-1252 has no words like these: one is enough */
  assert_detects ("chµo", DN_LEGACY_ENCODING_TCVN3);
  assert_detects ("ViÖt", DN_LEGACY_ENCODING_TCVN3);
  assert_detects ("Vieät Nam ñeïp", DN_LEGACY_ENCODING_VNI);
  /* reads as both ("chuỷ cuỷa" in TCVN3): no TCVN3-only word, VNI */
  assert_detects ("Trang chuû cuûa %s", DN_LEGACY_ENCODING_VNI);
  assert_detects ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", DN_LEGACY_ENCODING_TCVN3);
  assert_detects ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", DN_LEGACY_ENCODING_VNI);

  /* more words, surer */
  dn_legacy_text_detect (samples[0].tcvn3, &short_confidence);
  dn_legacy_text_detect (samples[2].tcvn3, &long_confidence);
  g_assert_cmpfloat (long_confidence, >, short_confidence);
}

static void
test_detect_not_legacy (void)
{
  const char *texts[] = {
    "",
    "UBND tinh Lao Cai, So GD&DT: ke hoach 2024 (ASCII only).",
    /* Unicode Vietnamese, NFC and NFD */
    "Xin chào các bạn",
    "Sở Giáo dục và Đào tạo Lào Cai hướng dẫn công tác đối ngoại, hội nhập và hợp tác quốc tế.",
    "Hoàng Văn Thành, Lê Thị Hà, Ngô Bảo Châu",
    "Kính gửi: các đơn vị trực thuộc Sở",
    "Lào Cai, ngày 17 tháng 9 năm 2018",
    /* French, German, Spanish, Portuguese */
    "Le café où je suis allé était fermé à cause de la grève.",
    "L'élève a reçu un prix; où est le garçon? À bientôt, déjà vu.",
    "Über die Straße gehen die Mädchen zur größeren Brücke.",
    "Schön, daß Sie hier sind: Grüße aus Köln.",
    "El niño está en la montaña; ¿qué más? Sí, señor José.",
    "A situação da educação não é fácil, mas está melhorando.",
    "Mañana, año, España, corazón, acción, también.",
    "Il formato più recente appare più restrittivo: può darsi, è già così.",
    "Das »Zitat« und die «guillemets» français; 1920×1080, © 2024, nº 5, 1º plano.",
    "København, søndag: Åse og Øystein så på træet.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *nfd = g_utf8_normalize (texts[i], -1, G_NORMALIZE_NFD);

      assert_detects (texts[i], DN_LEGACY_ENCODING_NONE);
      assert_detects (nfd, DN_LEGACY_ENCODING_NONE);
    }
  assert_detects (NULL, DN_LEGACY_ENCODING_NONE);
  assert_detects ("Xin ch\xb5o", DN_LEGACY_ENCODING_NONE);  /* not UTF-8: text functions say NONE */
}

/* Unicode Vietnamese and legacy text in one paste: the legacy part is found
 * and converted, the Unicode words kept. */
static void
test_mixed (void)
{
  const char *mixed = "Ghi chú của chuyên viên: Së Gi¸o dôc vµ §µo t¹o Lµo Cai h\u00ADíng dÉn c«ng t¸c ®èi ngo¹i";
  g_autofree char *result = NULL;

  assert_detects (mixed, DN_LEGACY_ENCODING_TCVN3);
  result = convert (mixed, DN_LEGACY_ENCODING_TCVN3);
  g_assert_cmpstr (result, ==,
                   "Ghi chú của chuyên viên: Sở Giáo dục và Đào tạo Lào Cai hướng dẫn công tác đối ngoại");

  /* the Unicode words are kept on their line only: below, words that are
   * Vietnamese either way ("mét", "sè") are read as TCVN3 */
  g_free (result);
  result = convert ("Ghi chú của chuyên viên:\nmét tham sè cÇn", DN_LEGACY_ENCODING_TCVN3);
  g_assert_cmpstr (result, ==, "Ghi chú của chuyên viên:\nmột tham số cần");

  /* a few Unicode words with many legacy ones still count; mostly Unicode
   * with one legacy word does not */
  assert_detects ("Văn bản: Kế hoạch số 12 của Phòng về việc xin chµo", DN_LEGACY_ENCODING_NONE);
}

/* ---------------------------------------------------------------- errors */

static void
test_invalid_utf8 (void)
{
  const char *bad[] = { "Xin ch\xb5o", "\xc3", "abc\xed\xa0\x80", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (DnLegacyEncoding e = DN_LEGACY_ENCODING_NONE; e <= DN_LEGACY_ENCODING_VNI; e++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DnLegacyPreview) preview = NULL;
        g_autofree char *result = dn_legacy_text_convert (bad[i], e, &error);
        g_autofree char *encoded = NULL;

        g_assert_null (result);
        g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_INVALID_UTF8);
        g_assert_true (g_utf8_validate (error->message, -1, NULL));
        g_clear_error (&error);
        preview = dn_legacy_text_preview (bad[i], e, &error);
        g_assert_null (preview);
        g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_INVALID_UTF8);
        g_clear_error (&error);
        encoded = dn_legacy_text_encode (bad[i], e, &error);
        g_assert_null (encoded);
        g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_INVALID_UTF8);
      }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *result = dn_legacy_text_convert ("abc\xc3", DN_LEGACY_ENCODING_TCVN3, &error);

    g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_INVALID_UTF8);
    g_assert_nonnull (strstr (error->message, "3"));  /* the byte where it breaks */
  }
}

static void
test_too_long (void)
{
  gsize size = DN_LEGACY_TEXT_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  g_autofree char *from_bytes = NULL;
  double confidence = -1;

  memset (text, 'a', size);
  text[size] = '\0';
  result = dn_legacy_text_convert (text, DN_LEGACY_ENCODING_TCVN3, &error);
  g_assert_null (result);
  g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "64 MB"));
  g_clear_error (&error);
  from_bytes = dn_legacy_bytes_convert ((const guint8 *) text, size, DN_LEGACY_ENCODING_VNI, &error);
  g_assert_null (from_bytes);
  g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_TOO_LONG);
  g_assert_cmpint (dn_legacy_text_detect (text, &confidence), ==, DN_LEGACY_ENCODING_NONE);
  g_assert_cmpfloat (confidence, ==, 0);
}

static void
test_empty (void)
{
  for (DnLegacyEncoding e = DN_LEGACY_ENCODING_NONE; e <= DN_LEGACY_ENCODING_VNI; e++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *result = convert ("", e);
      g_autofree char *from_null = dn_legacy_text_convert (NULL, e, &error);
      g_autofree char *from_bytes = dn_legacy_bytes_convert (NULL, 0, e, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (result, ==, "");
      g_assert_cmpstr (from_null, ==, "");
      g_assert_cmpstr (from_bytes, ==, "");
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DnLegacyPreview) preview = dn_legacy_text_preview ("", DN_LEGACY_ENCODING_NONE, &error);

    g_assert_null (preview);
    g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_FOUND);
  }
}

static void
test_unrepresentable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vni = dn_legacy_text_encode ("Grüße", DN_LEGACY_ENCODING_VNI, &error);

  g_assert_null (vni);
  g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_UNREPRESENTABLE);
  g_assert_nonnull (strstr (error->message, "ü"));
  g_clear_error (&error);
  g_assert_null (dn_legacy_text_encode ("日本", DN_LEGACY_ENCODING_TCVN3, &error));
  g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_UNREPRESENTABLE);
}

/* ---------------------------------------------------------------- properties */

static void
test_properties (void)
{
  /* converting is NFC and keeps ASCII as it is, in every encoding */
  const char *ascii = "UBND tinh Lao Cai: ke hoach 2024 (so 12/KH-SGD), 100% don vi.\n\t~!@#$^&*()_+{}|:\"<>?";

  for (DnLegacyEncoding e = DN_LEGACY_ENCODING_NONE; e <= DN_LEGACY_ENCODING_VNI; e++)
    {
      g_autofree char *same = convert (ascii, e);
      g_assert_cmpstr (same, ==, ascii);
    }

  /* NONE normalises only */
  {
    g_autofree char *nfd = g_utf8_normalize ("Hộ chiếu", -1, G_NORMALIZE_NFD);
    g_autofree char *result = convert (nfd, DN_LEGACY_ENCODING_NONE);
    g_assert_cmpstr (result, ==, "Hộ chiếu");
  }

  /* encode then convert gives the NFC text back; convert then encode gives
   * the legacy text back; the result is NFC and found to be Unicode */
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    for (DnLegacyEncoding e = DN_LEGACY_ENCODING_TCVN3; e <= DN_LEGACY_ENCODING_VNI; e++)
      {
        const char *legacy = e == DN_LEGACY_ENCODING_TCVN3 ? samples[i].tcvn3 : samples[i].vni;
        g_autofree char *unicode = convert (legacy, e);
        g_autofree char *again = encode (unicode, e);
        g_autofree char *nfd = g_utf8_normalize (samples[i].unicode, -1, G_NORMALIZE_NFD);
        g_autofree char *encoded = encode (nfd, e);
        g_autofree char *back = convert (encoded, e);

        assert_nfc (unicode);
        g_assert_cmpstr (again, ==, legacy);
        g_assert_cmpstr (back, ==, samples[i].unicode);
        assert_detects (unicode, DN_LEGACY_ENCODING_NONE);
      }
}

/* A long text: linear time (GLib's own NFC of it whole took minutes for
 * 3 MB). */
static void
test_long_text (void)
{
  g_autoptr(GString) legacy = g_string_new (NULL);
  g_autoptr(GString) unicode = g_string_new (NULL);
  g_autofree char *result = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double confidence = 0;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append_printf (legacy, "%s\n", samples[2 + i % 2].vni);
      g_string_append_printf (unicode, "%s\n", samples[2 + i % 2].unicode);
    }
  g_assert_cmpint (dn_legacy_text_detect (legacy->str, &confidence), ==, DN_LEGACY_ENCODING_VNI);
  g_assert_cmpfloat (confidence, >, 0.95);
  result = convert (legacy->str, DN_LEGACY_ENCODING_VNI);
  g_assert_cmpstr (result, ==, unicode->str);
  g_test_message ("%" G_GSIZE_FORMAT " bytes detected and converted in %.2f s", legacy->len,
                  g_timer_elapsed (timer, NULL));
}

static void
test_preview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnLegacyPreview) found = dn_legacy_text_preview ("Xin chaøo caùc baïn", DN_LEGACY_ENCODING_NONE, &error);
  g_autoptr(DnLegacyPreview) given = NULL;
  g_autoptr(DnLegacyPreview) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (found->encoding, ==, DN_LEGACY_ENCODING_VNI);
  g_assert_cmpfloat (found->confidence, >=, 0.5);
  g_assert_cmpfloat (found->confidence, <, 1);
  g_assert_cmpstr (found->before, ==, "Xin chaøo caùc baïn");
  g_assert_cmpstr (found->after, ==, "Xin chào các bạn");

  given = dn_legacy_bytes_preview ((const guint8 *) "ch\xb5o", 4, DN_LEGACY_ENCODING_TCVN3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (given->encoding, ==, DN_LEGACY_ENCODING_TCVN3);
  g_assert_cmpfloat (given->confidence, ==, 1);
  g_assert_cmpstr (given->before, ==, "chµo");
  g_assert_cmpstr (given->after, ==, "chào");

  none = dn_legacy_text_preview ("Le café où je suis allé", DN_LEGACY_ENCODING_NONE, &error);
  g_assert_null (none);
  g_assert_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_NOT_FOUND);
}

static void
test_encoding_names (void)
{
  DnLegacyEncoding e = DN_LEGACY_ENCODING_NONE;

  g_assert_true (dn_legacy_encoding_from_string ("TCVN3", &e));
  g_assert_cmpint (e, ==, DN_LEGACY_ENCODING_TCVN3);
  g_assert_true (dn_legacy_encoding_from_string ("abc", &e));
  g_assert_cmpint (e, ==, DN_LEGACY_ENCODING_TCVN3);
  g_assert_true (dn_legacy_encoding_from_string ("vni", &e));
  g_assert_cmpint (e, ==, DN_LEGACY_ENCODING_VNI);
  g_assert_false (dn_legacy_encoding_from_string ("viscii", &e));
  g_assert_false (dn_legacy_encoding_from_string (NULL, &e));
  g_assert_cmpstr (dn_legacy_encoding_to_string (DN_LEGACY_ENCODING_VNI), ==, "vni");
  g_assert_cmpstr (dn_legacy_encoding_get_label (DN_LEGACY_ENCODING_TCVN3), ==, "TCVN3 (ABC)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/legacy-text/tcvn3-table-iconv", test_tcvn3_table_iconv);
  g_test_add_func ("/legacy-text/tcvn3-high-control-range", test_tcvn3_high_control_range);
  g_test_add_func ("/legacy-text/every-letter-round-trip", test_every_letter_round_trip);
  g_test_add_func ("/legacy-text/known-sentences", test_known_sentences);
  g_test_add_func ("/legacy-text/raw-bytes", test_raw_bytes);
  g_test_add_func ("/legacy-text/capitals", test_capitals);
  g_test_add_func ("/legacy-text/detect-legacy", test_detect_legacy);
  g_test_add_func ("/legacy-text/detect-not-legacy", test_detect_not_legacy);
  g_test_add_func ("/legacy-text/mixed", test_mixed);
  g_test_add_func ("/legacy-text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/legacy-text/too-long", test_too_long);
  g_test_add_func ("/legacy-text/empty", test_empty);
  g_test_add_func ("/legacy-text/unrepresentable", test_unrepresentable);
  g_test_add_func ("/legacy-text/properties", test_properties);
  g_test_add_func ("/legacy-text/long-text", test_long_text);
  g_test_add_func ("/legacy-text/preview", test_preview);
  g_test_add_func ("/legacy-text/encoding-names", test_encoding_names);

  return g_test_run ();
}
