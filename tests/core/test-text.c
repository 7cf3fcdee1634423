/* test-text.c: tests for Vietnamese text handling and its SQLite functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-text"

#include "config.h"

#include <string.h>

#include "dn-sqlite-functions.h"
#include "dn-text.h"

/* ---------------------------------------------------------------- helpers */

static char *
nfd (const char *text)
{
  char *result = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);

  g_assert_nonnull (result);
  return result;
}

static int
key_compare (const char *a,
             const char *b)
{
  g_autofree guint8 *key_a = NULL;
  g_autofree guint8 *key_b = NULL;
  gsize len_a, len_b;
  int cmp;

  key_a = dn_text_collate_key (a, -1, &len_a);
  key_b = dn_text_collate_key (b, -1, &len_b);
  cmp = memcmp (key_a, key_b, MIN (len_a, len_b));
  if (cmp == 0)
    cmp = (len_a < len_b) ? -1 : (len_a > len_b) ? 1 : 0;

  return (cmp > 0) - (cmp < 0);
}

/* Asserts @list is strictly increasing, both with dn_text_collate() and with
 * memcmp() of the keys, and that the comparisons are antisymmetric. */
static void
assert_strictly_ordered (const char * const *list,
                         gsize               n)
{
  for (gsize i = 0; i + 1 < n; i++)
    {
      if (dn_text_collate (list[i], list[i + 1]) >= 0
          || key_compare (list[i], list[i + 1]) >= 0)
        g_error ("expected \"%s\" < \"%s\"", list[i], list[i + 1]);

      g_assert_cmpint (dn_text_collate (list[i + 1], list[i]), >, 0);
      g_assert_cmpint (key_compare (list[i + 1], list[i]), >, 0);
    }
}

#define ASSERT_ORDER(...) \
  G_STMT_START { \
    const char * const order_[] = { __VA_ARGS__ }; \
    assert_strictly_ordered (order_, G_N_ELEMENTS (order_)); \
  } G_STMT_END

/* A list in the expected Vietnamese order, every entry distinct. */
static const char * const sorted_words[] = {
  "",
  " a",
  "(a)",
  "-a",
  "1",
  "10",
  "2",
  "9",
  "a",
  "A",
  "á",
  "a b",
  "ab",
  "an",
  "An",
  "Ánh",
  "ă",
  "Ă",
  "ặ",
  "Ắt",
  "â",
  "Ân",
  "Ấn",
  "b",
  "Báo cáo quý I",
  "d",
  "D",
  "Dung",
  "đ",
  "Đ",
  "Đà Nẵng",
  "Đào",
  "Đức",
  "e",
  "é",
  "ê",
  "ề",
  "ể",
  "ễ",
  "ế",
  "ệ",
  "f",
  "Hà Nam",
  "Hà Nội",
  "Hàn",
  "Hộ chiếu",
  "i",
  "ma",
  "Ma",
  "mà",
  "mả",
  "mã",
  "má",
  "mạ",
  "Mạ",
  "o",
  "ô",
  "ơ",
  "ở",
  "p",
  "u",
  "ü",
  "ú",
  "ư",
  "ừ",
  "v",
  "w",
  "y",
  "z",
  "α",
  "ω",
  "Ω",
  "中",
};

static void
shuffle (GPtrArray *array)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_test_rand_int_range (0, (gint32) i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

static int
compare_collate (gconstpointer a,
                 gconstpointer b)
{
  return dn_text_collate (*(const char * const *) a, *(const char * const *) b);
}

/* -------------------------------------------------------------- normalize */

static void
test_normalize_nfc (void)
{
  g_autofree char *decomposed = nfd ("Hộ chiếu Đoàn ra");
  g_autofree char *result = NULL;
  g_autofree char *same = NULL;

  g_assert_cmpstr (decomposed, !=, "Hộ chiếu Đoàn ra");

  result = dn_text_normalize (decomposed, -1, FALSE);
  g_assert_cmpstr (result, ==, "Hộ chiếu Đoàn ra");

  /* Without collapsing, white space is kept as is. */
  same = dn_text_normalize ("  a \t b  ", -1, FALSE);
  g_assert_cmpstr (same, ==, "  a \t b  ");
}

static void
test_normalize_len (void)
{
  g_autofree char *result = dn_text_normalize ("Hà Nội, Việt Nam", strlen ("Hà Nội"), TRUE);

  g_assert_cmpstr (result, ==, "Hà Nội");
}

static void
test_normalize_invalid (void)
{
  g_assert_null (dn_text_normalize ("ab\xff" "cd", -1, FALSE));
  g_assert_null (dn_text_normalize ("ab\xc3", -1, TRUE));
  /* A NUL inside the given length is not valid text either. */
  g_assert_null (dn_text_normalize ("ab\0cd", 5, FALSE));
}

static void
test_normalize_collapse (void)
{
  g_autofree char *decomposed = nfd ("  Đoàn \t\n ra   Đà\u00a0 Nẵng \r\n");
  g_autofree char *result = dn_text_normalize (decomposed, -1, TRUE);
  g_autofree char *blank = dn_text_normalize (" \t \n ", -1, TRUE);
  g_autofree char *empty = dn_text_normalize ("", -1, TRUE);

  g_assert_cmpstr (result, ==, "Đoàn ra Đà Nẵng");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (empty, ==, "");
}

/* What dn_text_normalize() must give: g_utf8_normalize() on the whole text,
 * then (when @collapse) white space collapsed as documented. */
static char *
normalize_reference (const char *text,
                     gssize      len,
                     gboolean    collapse)
{
  g_autofree char *nfc = g_utf8_normalize (text, len, G_NORMALIZE_DEFAULT_COMPOSE);
  GString *out;
  gboolean pending_space = FALSE;

  g_assert_nonnull (nfc);
  if (!collapse)
    return g_steal_pointer (&nfc);

  out = g_string_new (NULL);
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = (out->len > 0);
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Asserts that dn_text_normalize() gives exactly the reference bytes; on a
 * failure, shows where they differ rather than two long texts. */
static void
assert_normalizes_like_glib (const char *text,
                             gssize      len,
                             gboolean    collapse)
{
  g_autofree char *result = dn_text_normalize (text, len, collapse);
  g_autofree char *expected = normalize_reference (text, len, collapse);
  gsize at = 0;

  g_assert_nonnull (result);
  while (result[at] != '\0' && result[at] == expected[at])
    at++;
  if (result[at] != expected[at])
    g_error ("dn_text_normalize() differs from g_utf8_normalize() at byte %" G_GSIZE_FORMAT
             " of %" G_GSIZE_FORMAT " (input %" G_GSIZE_FORMAT " bytes, collapse %d)",
             at, strlen (expected), len < 0 ? strlen (text) : (gsize) len, collapse);
}

/* Pieces of random texts: code points whose neighbours matter to NFC. */
static const char * const nfc_pieces[] = {
  /* Vietnamese, NFC and NFD */
  "Nguyễn Thị Hồng Nhung ", "Đà Nẵng, ", "Trưởng đoàn ",
  "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng ", "Đa\u0300 Na\u0306\u0303ng",
  "o\u031b\u0309", "u\u031b\u0323", "a\u0323\u0306", "A\u0306\u0323", "e\u0302\u0301",
  /* Hangul: L, V, T jamo alone and together, LV and LVT syllables */
  "\u1100", "\u1161", "\u11A8", "\u1100\u1161", "\u1112\u1161\u11AB", "\uAC00", "\uAC01",
  "\uAC00\u11A8", "\uD7A3",
  /* Latin with marks of several classes, composition exclusions, singletons */
  "s\u0323\u0307", "q\u0307\u0323", "\u1E69", "\u00C5", "\u212B", "\u2126", "\u0344", "\u0958",
  "<\u0338", "=\u0338", "\u226E", "\u03B1\u0345\u0301",
  /* Indic vowel signs composing with a class-0 second element */
  "\u0B47", "\u0B3E", "\u0B56", "\u0B57", "\u0B47\u0B3E", "\u0B4B",
  "\u0DD9", "\u0DCF", "\u0DCA", "\u0DDF", "\u0DD9\u0DCF", "\u0DD9\u0DCF\u0DCA",
  "\u0CC6\u0CC2\u0CD5", "\u0CBF\u0CD5", "\u09C7\u09BE", "\u09C7\u09D7", "\u0BC6\u0BBE",
  "\u0D46\u0D3E", "\u1025\u102E", "\u1B05\u1B35", "\u0C46\u0C56", "\u0928\u093C",
  /* Tibetan: class-0 U+0F73 and U+0F75 decompose into marks */
  "\u0F71", "\u0F72", "\u0F73", "\u0F74", "\u0F75", "\u0F81",
  /* kana, Arabic, supplementary planes */
  "\u304B\u3099", "\u30CF\u309A", "\u3099", "\u0627\u0653", "\u0627\u0654",
  "\U00011099\U000110BA", "\U00011131\U00011127", "\U00011127", "\U00011347\U0001133E",
  "\U000114B9\U000114BA", "\U000115B8\U000115AF", "\U00011935\U00011930", "\U0001D15E",
  /* white space, ASCII, two-byte letters */
  " ", "  ", "\t", "\n", "\u00A0", "\u3000", "x", "đ", "Z9",
};

static const gunichar nfc_marks[] = {
  0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323, 0x0327, 0x0338,
  0x0345, 0x05B0, 0x0E38, 0x0F71, 0x0F72, 0x0F74, 0x3099, 0x093C, 0x0DCA,
};

static void
append_random_marks (GString *text,
                     guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_unichar (text, nfc_marks[g_test_rand_int_range (0, G_N_ELEMENTS (nfc_marks))]);
}

/* A random text of up to @max_bytes bytes (a little more) mixing the pieces
 * above, ASCII of about a chunk's length (1 KiB) and runs of marks, short or
 * long enough to leave no place to cut for more than 2 KiB. */
static char *
random_nfc_text (gsize max_bytes)
{
  GString *text = g_string_new (NULL);
  gsize target = (gsize) g_test_rand_int_range (0, (gint32) max_bytes);

  while (text->len < target)
    {
      switch (g_test_rand_int_range (0, 10))
        {
        case 0:
          {
            gint32 n = g_test_rand_bit () ? g_test_rand_int_range (1000, 1040)
                                          : g_test_rand_int_range (0, 200);

            for (gint32 i = 0; i < n; i++)
              g_string_append_c (text, (char) ('a' + i % 26));
          }
          break;
        case 1:
          append_random_marks (text, g_test_rand_int_range (0, 10) == 0
                                     ? (guint) g_test_rand_int_range (500, 2500)
                                     : (guint) g_test_rand_int_range (1, 8));
          break;
        default:
          g_string_append (text, nfc_pieces[g_test_rand_int_range (0, G_N_ELEMENTS (nfc_pieces))]);
          break;
        }
    }

  return g_string_free (text, FALSE);
}

static void
test_normalize_like_glib (void)
{
  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *text = random_nfc_text (12 * 1024);
      gsize len = strlen (text);
      gsize cut = len > 0 ? (gsize) g_test_rand_int_range (0, (gint32) len) : 0;

      assert_normalizes_like_glib (text, -1, FALSE);
      assert_normalizes_like_glib (text, -1, TRUE);

      /* An explicit length, cut at a character boundary. */
      while (cut > 0 && ((guchar) text[cut] & 0xc0) == 0x80)
        cut--;
      assert_normalizes_like_glib (text, (gssize) cut, FALSE);
    }
}

/* Every pair whose halves must not be normalised apart, with the place
 * where a chunk is cut (about 1 KiB) falling before, inside and after it. */
static void
test_normalize_chunk_boundaries (void)
{
  static const char * const pairs[][2] = {
    { "a", "\u0301" },
    { "A\u0323", "\u0306\u0301" },
    { "e\u0302", "\u0301" },
    { "\u0B47", "\u0B3E" },
    { "\u0DD9", "\u0DCF\u0DCA" },
    { "\u0CC6", "\u0CC2\u0CD5" },
    { "\u1100", "\u1161\u11A8" },
    { "\uAC00", "\u11A8" },
    { "\u0F74", "\u0F73" },
    { "a\u0F74", "\u0F75\u0F72" },
    { "<", "\u0338" },
    { "\u304B", "\u3099" },
    { "\u0627", "\u0653" },
    { "\U00011131", "\U00011127" },
    { "\U00011935", "\U00011930" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    for (gsize filler = 1000; filler < 1040; filler++)
      for (guint kind = 0; kind < 3; kind++)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          /* ASCII, two-byte letters or decomposed Vietnamese before the
           * pair, so that the cut lands on every byte around it. */
          while (text->len < filler)
            {
              if (kind == 0 || text->len + 1 == filler)
                g_string_append_c (text, 'x');
              else if (kind == 1 || text->len + 5 > filler)
                g_string_append (text, "đ");
              else
                g_string_append (text, "e\u0323\u0302");
            }
          g_string_append (text, pairs[i][0]);
          g_string_append (text, pairs[i][1]);
          g_string_append (text, pairs[i][1]);
          g_string_append (text, " ");
          g_string_append (text, pairs[i][0]);
          g_string_append (text, pairs[i][1]);

          assert_normalizes_like_glib (text->str, -1, FALSE);
        }
}

/* Runs of marks with nowhere to cut: every class, same or alternating. */
static void
test_normalize_mark_runs (void)
{
  static const gunichar alternating[] = { 0x0301, 0x0323, 0x031B, 0x0345, 0x0327, 0x0338 };

  for (guint n = 1; n <= 4096; n *= 4)
    for (guint kind = 0; kind < 4; kind++)
      {
        g_autoptr(GString) text = g_string_new (kind == 3 ? "" : "A");

        for (guint i = 0; i < n; i++)
          {
            switch (kind)
              {
              case 0: g_string_append_unichar (text, 0x0301); break;
              case 1: g_string_append_unichar (text, alternating[i % G_N_ELEMENTS (alternating)]); break;
              case 2: g_string_append_unichar (text, alternating[(n - i) % 2]); break;
              default: g_string_append (text, i % 3 == 0 ? "\u0F73" : "\u0F74\u0B3E\u11A8"); break;
              }
          }
        g_string_append (text, "\u0306 o\u0302\u0301");

        assert_normalizes_like_glib (text->str, -1, FALSE);
      }
}

/* No ASCII character is the second element of a composition (dn-text.c
 * treats every ASCII character as a place to cut without looking it up). */
static void
test_normalize_ascii_never_second (void)
{
  for (gunichar p = 0x80; p < 0x20000; p++)
    {
      gunichar a, b, composed;

      if (g_unichar_decompose (p, &a, &b) && b != 0
          && g_unichar_compose (a, b, &composed) && composed == p)
        g_assert_cmpuint (b, >=, 0x80);
    }
}

/* Two million characters, decomposed or composed: the result is the
 * normalised unit repeated (the unit ends and starts with ASCII). A quadratic
 * normalisation would not finish within the test's time limit. */
static void
test_normalize_long (void)
{
  static const char unit[] = "Phó Trưởng đoàn: Nguyễn Thị Hồng Nhung (Đà Nẵng); ";
  const guint n_units = 40000;
  g_autofree char *unit_nfc = g_utf8_normalize (unit, -1, G_NORMALIZE_NFC);
  g_autofree char *unit_nfd = g_utf8_normalize (unit, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) nfc_text = g_string_new (NULL);
  g_autoptr(GString) nfd_text = g_string_new (NULL);
  g_autofree char *from_nfd = NULL;
  g_autofree char *from_nfc = NULL;

  g_assert_cmpint (g_utf8_strlen (unit_nfc, -1) * n_units, ==, 2000000);
  g_assert_cmpstr (unit_nfc, !=, unit_nfd);
  for (guint i = 0; i < n_units; i++)
    {
      g_string_append (nfc_text, unit_nfc);
      g_string_append (nfd_text, unit_nfd);
    }

  from_nfd = dn_text_normalize (nfd_text->str, -1, FALSE);
  from_nfc = dn_text_normalize (nfc_text->str, (gssize) nfc_text->len, FALSE);
  g_assert_nonnull (from_nfd);
  g_assert_nonnull (from_nfc);
  g_assert_cmpuint (strlen (from_nfd), ==, nfc_text->len);
  g_assert_true (memcmp (from_nfd, nfc_text->str, nfc_text->len) == 0);
  g_assert_cmpuint (strlen (from_nfc), ==, nfc_text->len);
  g_assert_true (memcmp (from_nfc, nfc_text->str, nfc_text->len) == 0);
}

static void
test_normalize_ascii (void)
{
  g_autofree char *ascii = dn_text_normalize ("Doan ra 2024\t", -1, FALSE);
  g_autofree char *ascii_len = dn_text_normalize ("Doan ra 2024", 4, FALSE);

  g_assert_cmpstr (ascii, ==, "Doan ra 2024\t");
  g_assert_cmpstr (ascii_len, ==, "Doan");
}

/* ------------------------------------------------------- display escaping */

static void
test_match (void)
{
  g_autoptr(DnTextMatch) words = dn_text_match_new ("  lung   PHÌNH\t");
  g_autoptr(DnTextMatch) same = dn_text_match_new ("lung phinh");
  g_autoptr(DnTextMatch) other = dn_text_match_new ("phinh lung");
  g_autofree char *school_nfd = nfd ("Trường Mầm non Lùng Phình 9");
  g_autofree char *folded = dn_text_fold ("Trường Mầm non Lùng Phình 9", -1);

  /* nothing typed matches everything */
  g_assert_null (dn_text_match_new (NULL));
  g_assert_null (dn_text_match_new (""));
  g_assert_null (dn_text_match_new (" \t\n\u3000"));
  g_assert_null (dn_text_match_new ("\xff"));
  g_assert_true (dn_text_match_text (NULL, "anything"));
  g_assert_true (dn_text_match_folded (NULL, NULL));
  g_assert_true (dn_text_matches ("", "Văn phòng"));

  /* words in any order, from the middle of words, accents and case ignored */
  g_assert_true (dn_text_match_text (words, "Trường Mầm non Lùng Phình 9"));
  g_assert_true (dn_text_match_text (words, school_nfd));
  g_assert_true (dn_text_match_folded (words, folded));
  g_assert_true (dn_text_match_text (other, "Trường Mầm non Lùng Phình 9"));
  g_assert_true (dn_text_matches ("ung hin", "Lùng Phình"));
  g_assert_false (dn_text_match_text (words, "Trường Mầm non Lùng Cải"));
  g_assert_false (dn_text_match_text (words, NULL));
  /* đ is d, typed or stored; what is typed with accents must be there */
  g_assert_true (dn_text_matches ("dong van", "Phòng GD&ĐT Đồng Văn"));
  g_assert_true (dn_text_matches ("ĐỒNG", "Phòng GD&ĐT Đồng Văn"));
  g_assert_true (dn_text_matches ("đồng văn", "PHÒNG GD&ĐT DONG VAN"));
  /* a record's text is whatever it is searched by: name and code here */
  g_assert_true (dn_text_matches ("bt pgd", "Phòng GD&ĐT Bảo Thắng PGD-BT"));
  g_assert_true (dn_text_matches ("pgd-bt", "Phòng GD&ĐT Bảo Thắng PGD-BT"));
  g_assert_false (dn_text_matches ("pgd-xq", "Phòng GD&ĐT Bảo Thắng PGD-BT"));
  /* a document: reference and subject */
  g_assert_true (dn_text_matches ("14 ke hoach", "14/KH-SGDĐT — Kế hoạch hợp tác quốc tế năm 2024"));
  /* every word must be there */
  g_assert_false (dn_text_matches ("ke hoach 2025", "14/KH-SGDĐT — Kế hoạch hợp tác quốc tế năm 2024"));

  g_assert_true (dn_text_match_equal (words, same));
  g_assert_false (dn_text_match_equal (words, other));
  g_assert_false (dn_text_match_equal (words, NULL));
  g_assert_true (dn_text_match_equal (NULL, NULL));
}

static void
test_escape_for_display (void)
{
  static const struct { const char *in; gssize max; const char *out; } cases[] = {
    { "Hộ chiếu Đoàn ra, “số 5” (A-1) !?", -1, "Hộ chiếu Đoàn ra, “số 5” (A-1) !?" },
    { "Nguye\u0302\u0303n \\ / \u00A0 \u3000", -1, "Nguye\u0302\u0303n \\ / \u00A0 \u3000" },
    { "", -1, "" },
    { "a\tb\r\nc", -1, "a\\u{0009}b\\u{000D}\\u{000A}c" },
    { "\x1b[31mĐỏ\x7f", -1, "\\u{001B}[31mĐỏ\\u{007F}" },
    { "\x01\xc2\x85\xc2\x9f", -1, "\\u{0001}\\u{0085}\\u{009F}" },
    { "abc\u202Edef", -1, "abc\\u{202E}def" },
    { "\u061C\u200E\u200F\u202A\u202B\u202C\u202D", -1,
      "\\u{061C}\\u{200E}\\u{200F}\\u{202A}\\u{202B}\\u{202C}\\u{202D}" },
    { "\u2066\u2067\u2068\u2069", -1, "\\u{2066}\\u{2067}\\u{2068}\\u{2069}" },
    { "a\u200Bb\u200Cc\u200Dd\u2060e\uFEFF", -1,
      "a\\u{200B}b\\u{200C}c\\u{200D}d\\u{2060}e\\u{FEFF}" },
    { "x\u2028y\u2029z\u00ADw", -1, "x\\u{2028}y\\u{2029}z\\u{00AD}w" },
    { "tag\U000E0041\U000E007F", -1, "tag\\u{E0041}\\u{E007F}" },
    /* invalid UTF-8: every byte on its own */
    { "ab\xff" "c\xc3", -1, "ab\\x{FF}c\\x{C3}" },
    { "\xc3\x28\xe2\x82", -1, "\\x{C3}(\\x{E2}\\x{82}" },
    { "\xed\xa0\x80", -1, "\\x{ED}\\x{A0}\\x{80}" },
    /* cut at @max_chars characters of the result */
    { "Đoàn ra", 0, "…" },
    { "Đoàn ra", 4, "Đoàn…" },
    { "Đoàn ra", 7, "Đoàn ra" },
    { "Đoàn ra", 6, "Đoàn r…" },
    { "", 0, "" },
    { "ab\u202Ecd", 9, "ab…" },
    { "ab\u202Ecd", 10, "ab\\u{202E}…" },
    { "ab\u202Ecd", 11, "ab\\u{202E}c…" },
    { "ab\u202Ecd", 12, "ab\\u{202E}cd" },
    { "a\xff", 3, "a…" },
    /* never a letter without its marks */
    { "Nguye\u0302\u0303n", 5, "Nguy…" },
    { "Nguye\u0302\u0303n", 6, "Nguy…" },
    { "Nguye\u0302\u0303n", 7, "Nguye\u0302\u0303…" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = dn_text_escape_for_display (cases[i].in, cases[i].max);

      g_assert_cmpstr (result, ==, cases[i].out);
      g_assert_true (g_utf8_validate (result, -1, NULL));
    }

  {
    g_autofree char *empty = dn_text_escape_for_display (NULL, -1);
    g_autofree char *empty_cut = dn_text_escape_for_display (NULL, 3);

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (empty_cut, ==, "");
  }
}

/* Whatever the input, the result is valid UTF-8 without a control, a format
 * character or a line separator, and no longer than asked. */
static void
test_escape_for_display_random (void)
{
  for (guint round = 0; round < 2000; round++)
    {
      char bytes[24];
      gsize n = (gsize) g_test_rand_int_range (0, sizeof bytes);
      gssize max = g_test_rand_int_range (-1, 30);
      g_autofree char *result = NULL;
      glong n_chars;

      for (gsize i = 0; i < n; i++)
        {
          static const char * const some[] = { "\xe2\x80\xae", "\xcc\x81", "\xe1\xbb\x87", "\xef\xbb\xbf" };

          if (g_test_rand_int_range (0, 4) == 0 && i + 3 < n)
            {
              const char *s = some[g_test_rand_int_range (0, G_N_ELEMENTS (some))];

              memcpy (bytes + i, s, strlen (s));
              i += strlen (s) - 1;
            }
          else
            bytes[i] = (char) g_test_rand_int_range (1, 256);
        }
      bytes[n] = '\0';

      result = dn_text_escape_for_display (bytes, max);
      g_assert_true (g_utf8_validate (result, -1, NULL));
      n_chars = g_utf8_strlen (result, -1);
      if (max >= 0)
        g_assert_cmpint (n_chars, <=, max + 1);
      for (const char *p = result; *p != '\0'; p = g_utf8_next_char (p))
        {
          GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

          g_assert_cmpint (type, !=, G_UNICODE_CONTROL);
          g_assert_cmpint (type, !=, G_UNICODE_FORMAT);
          g_assert_cmpint (type, !=, G_UNICODE_LINE_SEPARATOR);
          g_assert_cmpint (type, !=, G_UNICODE_PARAGRAPH_SEPARATOR);
        }
    }
}

/* ------------------------------------------------------------------- fold */

static void
test_fold_basic (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Hộ chiếu ĐOÀN RA", "ho chieu doan ra" },
    { "Đức", "duc" },
    { "đĐ", "dd" },
    { "Nguyễn Văn Ánh", "nguyen van anh" },
    { "ẶNG ỨC ỢƠ", "ang uc oo" },
    { "Quý I/2024: 15 đoàn (ra)", "quy i/2024: 15 doan (ra)" },
    { "MiXeD CaSe 42", "mixed case 42" },
    { "", "" },
    { "Ølse Straße", "ølse straße" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = dn_text_fold (cases[i].in, -1);

      g_assert_cmpstr (result, ==, cases[i].out);
    }
}

static void
test_fold_nfd (void)
{
  g_autofree char *decomposed = nfd ("Hộ chiếu ĐOÀN RA");
  g_autofree char *result = dn_text_fold (decomposed, -1);
  g_autofree char *prefix = dn_text_fold ("Đức Anh", strlen ("Đức"));

  g_assert_cmpstr (result, ==, "ho chieu doan ra");
  g_assert_cmpstr (prefix, ==, "duc");
}

static void
test_fold_invalid (void)
{
  g_assert_null (dn_text_fold ("Đ\xff", -1));
  g_assert_null (dn_text_fold ("abc\x80", -1));
}

/* -------------------------------------------------------------- collation */

static void
test_collate_required_orders (void)
{
  ASSERT_ORDER ("An", "Ánh", "Ă", "Ắt", "Ân", "Ấn");
  ASSERT_ORDER ("d", "đ");
  ASSERT_ORDER ("Dung", "Đào");
  ASSERT_ORDER ("Dzung", "Đa");
  ASSERT_ORDER ("e", "ê");
  ASSERT_ORDER ("o", "ô", "ơ");
  ASSERT_ORDER ("u", "ư");
  ASSERT_ORDER ("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h",
                "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r",
                "s", "t", "u", "ư", "v", "w", "x", "y", "z");
  ASSERT_ORDER ("ma", "mà", "mả", "mã", "má", "mạ");
  /* Space, then punctuation, then digits, then letters. */
  ASSERT_ORDER (" ", "!", "~", "0", "9", "a");
  ASSERT_ORDER ("Hà Nam", "Hà Nội", "Hàn");
  ASSERT_ORDER ("An", "Anh");
  ASSERT_ORDER ("Ana", "Ăn");
  /* Tones are compared character by character, in order. */
  ASSERT_ORDER ("mà má", "má mà");
}

static void
test_collate_case (void)
{
  /* Case only decides when letters and tones are equal. */
  ASSERT_ORDER ("an", "An", "AN");
  ASSERT_ORDER ("An", "ba");
  ASSERT_ORDER ("Ma", "mà");
  ASSERT_ORDER ("ă", "ZZZ");
  ASSERT_ORDER ("a", "B", "c", "D");
  ASSERT_ORDER ("đa", "Đa");
  g_assert_cmpint (dn_text_collate ("Hà Nội", "Hà Nội"), ==, 0);
  g_assert_cmpint (dn_text_collate ("hà nội", "Hà Nội"), <, 0);
}

static void
test_collate_sort (void)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  assert_strictly_ordered (sorted_words, G_N_ELEMENTS (sorted_words));

  for (guint round = 0; round < 20; round++)
    {
      g_ptr_array_set_size (array, 0);
      for (gsize i = 0; i < G_N_ELEMENTS (sorted_words); i++)
        g_ptr_array_add (array, (gpointer) sorted_words[i]);
      shuffle (array);

      g_ptr_array_sort (array, compare_collate);

      g_assert_cmpuint (array->len, ==, G_N_ELEMENTS (sorted_words));
      for (guint i = 0; i < array->len; i++)
        g_assert_cmpstr (g_ptr_array_index (array, i), ==, sorted_words[i]);
    }
}

static void
test_collate_key_bytes (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sorted_words); i++)
    {
      g_autofree guint8 *key = NULL;
      gsize len = 0;

      key = dn_text_collate_key (sorted_words[i], -1, &len);
      g_assert_nonnull (key);
      g_assert_cmpuint (len, >=, 2);
      g_assert_null (memchr (key, 0, len));
      /* NUL-terminated for convenience. */
      g_assert_cmpuint (key[len], ==, 0);
      g_assert_cmpuint (strlen ((const char *) key), ==, len);
    }
}

static void
test_collate_nfd (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sorted_words); i++)
    {
      g_autofree char *decomposed = nfd (sorted_words[i]);
      g_autofree guint8 *key_nfc = NULL;
      g_autofree guint8 *key_nfd = NULL;
      gsize len_nfc, len_nfd;

      key_nfc = dn_text_collate_key (sorted_words[i], -1, &len_nfc);
      key_nfd = dn_text_collate_key (decomposed, -1, &len_nfd);
      g_assert_cmpmem (key_nfc, len_nfc, key_nfd, len_nfd);
      g_assert_cmpint (dn_text_collate (sorted_words[i], decomposed), ==, 0);
    }

  /* Marks in non-canonical order: a + breve + dot below is still ặ. */
  g_assert_cmpint (dn_text_collate ("\u1eb7", "a\u0306\u0323"), ==, 0);
  g_assert_cmpint (dn_text_collate ("\u1eb7", "a\u0323\u0306"), ==, 0);
  /* ế is ê with sắc, not e with two marks. */
  ASSERT_ORDER ("ệ", "ga");
  ASSERT_ORDER ("ếch", "ga", "gặp", "gấp");
  g_assert_cmpint (dn_text_collate ("\u1ebf", "e\u0302\u0301"), ==, 0);
}

static void
test_collate_len (void)
{
  g_autofree guint8 *key_part = NULL;
  g_autofree guint8 *key_full = NULL;
  gsize len_part, len_full;

  key_part = dn_text_collate_key ("Ánh sáng", strlen ("Ánh"), &len_part);
  key_full = dn_text_collate_key ("Ánh", -1, &len_full);
  g_assert_cmpmem (key_part, len_part, key_full, len_full);
}

static void
test_collate_other (void)
{
  g_autofree guint8 *key = NULL;
  gsize len = 0;

  /* Invalid UTF-8 still gets a key (a collation must order everything). */
  key = dn_text_collate_key ("a\xff" "b", -1, &len);
  g_assert_nonnull (key);
  g_assert_null (memchr (key, 0, len));

  /* Other scripts sort after Latin, by code point; case is tertiary. */
  ASSERT_ORDER ("zz", "ß", "α", "β", "Β", "ω", "Ω", "ア", "中");
  /* Other diacritics are secondary differences of the base letter. */
  ASSERT_ORDER ("n", "ñ", "nb");
  ASSERT_ORDER ("c", "ç", "cz", "d");
  /* Non-ASCII punctuation and symbols sort with the symbols. */
  ASSERT_ORDER ("~", "\u201c", "€", "0");
  /* Non-ASCII white space is white space. */
  ASSERT_ORDER ("a b", "a\u00a0b", "a!b");
  /* NULL first. */
  g_assert_cmpint (dn_text_collate (NULL, ""), <, 0);
  g_assert_cmpint (dn_text_collate ("", NULL), >, 0);
  g_assert_cmpint (dn_text_collate (NULL, NULL), ==, 0);
}

/* ------------------------------------------------------------- person key */

typedef struct
{
  const char *family, *middle, *given;
} Person;

static int
person_compare (const Person *a,
                const Person *b)
{
  g_autofree guint8 *key_a = NULL;
  g_autofree guint8 *key_b = NULL;
  gsize len_a, len_b;
  int cmp;

  key_a = dn_text_person_key (a->family, a->middle, a->given, &len_a);
  key_b = dn_text_person_key (b->family, b->middle, b->given, &len_b);
  cmp = memcmp (key_a, key_b, MIN (len_a, len_b));
  if (cmp == 0)
    cmp = (len_a < len_b) ? -1 : (len_a > len_b) ? 1 : 0;

  return cmp;
}

static void
test_person_key (void)
{
  /* In the expected order. */
  static const Person people[] = {
    { "Nguyễn", "Văn", "An" },
    { "Trần", "Văn", "An" },      /* same given and middle name: family */
    { "Vũ", "Xuân", "An" },       /* middle name before family name */
    { "Đinh", NULL, "Anh" },      /* given name first: An < Anh */
    { "Phạm", NULL, "Bình" },     /* no middle name first */
    { "Trần", "Thị", "Bình" },
    { "Hoàng", "Văn", "Bình" },
    { "lê", "Văn", "Bình" },      /* lower case first, at the last level */
    { "Lê", "Văn", "Bình" },
    { "Bùi", "Văn", "Bính" },     /* huyền < sắc in the given name wins */
    { NULL, NULL, "Đức" },
    { "An", "An", "Đức" },
  };
  g_autofree guint8 *key = NULL;
  gsize len;
  guint n_nul = 0;

  for (gsize i = 0; i + 1 < G_N_ELEMENTS (people); i++)
    {
      const Person *a = &people[i];
      const Person *b = &people[i + 1];

      if (person_compare (a, b) >= 0 || person_compare (b, a) <= 0)
        g_error ("expected %s %s %s < %s %s %s",
                 a->family ? a->family : "", a->middle ? a->middle : "", a->given,
                 b->family ? b->family : "", b->middle ? b->middle : "", b->given);
    }

  /* Exactly two 0x00 separators, nothing else. */
  key = dn_text_person_key ("Nguyễn", "Văn", "An", &len);
  for (gsize i = 0; i < len; i++)
    n_nul += (key[i] == 0);
  g_assert_cmpuint (n_nul, ==, 2);

  /* The given name alone decides first. */
  g_assert_cmpint (person_compare (&(Person) { "Vũ", "Xuân", "An" },
                                   &(Person) { "Đinh", "Anh", "Anh" }), <, 0);
}

/* -------------------------------------------------------------- FTS query */

/* Asserts @query is made only of "word"* items separated by one space. */
static void
assert_well_formed_query (const char *query)
{
  g_auto(GStrv) items = g_strsplit (query, " ", -1);

  g_assert_nonnull (items[0]);
  for (guint i = 0; items[i] != NULL; i++)
    {
      gsize n = strlen (items[i]);

      g_assert_cmpuint (n, >=, 4);
      g_assert_cmpint (items[i][0], ==, '"');
      g_assert_cmpint (items[i][n - 2], ==, '"');
      g_assert_cmpint (items[i][n - 1], ==, '*');
      for (gsize j = 1; j < n - 2; j++)
        g_assert_cmpint (items[i][j], !=, '"');
    }
}

static void
test_fts_query (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Hộ chi", "\"ho\"* \"chi\"*" },
    { "ho chi", "\"ho\"* \"chi\"*" },
    { "  ĐOÀN,ra!! ", "\"doan\"* \"ra\"*" },
    { "quý I/2024", "\"quy\"* \"i\"* \"2024\"*" },
    { "a\" OR b", "\"a\"* \"or\"* \"b\"*" },
    { "\"a\" OR \"b\"", "\"a\"* \"or\"* \"b\"*" },
    { "title:abc*", "\"title\"* \"abc\"*" },
    { "NEAR(a b, 2)", "\"near\"* \"a\"* \"b\"* \"2\"*" },
    { "-x +y ^z", "\"x\"* \"y\"* \"z\"*" },
    { "a\"\"b", "\"a\"* \"b\"*" },
    { "中文", "\"中文\"*" },
  };
  static const char * const empty[] = {
    "", "   ", "...,;!?", "\"", "\"\"*", "*", "()", "-", "^", ":",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = dn_text_fts_query (cases[i].in);

      g_assert_cmpstr (query, ==, cases[i].out);
      assert_well_formed_query (query);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (empty); i++)
    g_assert_null (dn_text_fts_query (empty[i]));
  g_assert_null (dn_text_fts_query (NULL));
}

/* ----------------------------------------------------------------- SQLite */

static sqlite3 *
open_db (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (dn_sqlite_register_functions (db), ==, SQLITE_OK);

  return db;
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *error = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &error) != SQLITE_OK)
    g_error ("%s: %s", sql, error);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

/* Rowids, comma separated, of the rows of table @table matching @query. */
static char *
match_rowids (sqlite3    *db,
              const char *table,
              const char *query)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid",
                                          table, table);
  sqlite3_stmt *stmt = prepare (db, sql);
  GString *result = g_string_new (NULL);
  int rc;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (result->len > 0)
        g_string_append_c (result, ',');
      g_string_append_printf (result, "%" G_GINT64_FORMAT,
                              (gint64) sqlite3_column_int64 (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    g_error ("MATCH %s: %s", query, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return g_string_free (result, FALSE);
}

static char *
search (sqlite3    *db,
        const char *typed)
{
  g_autofree char *query = dn_text_fts_query (typed);

  g_assert_nonnull (query);
  return match_rowids (db, "t", query);
}

static void
test_sqlite_functions (void)
{
  sqlite3 *db = open_db ();
  sqlite3_stmt *stmt;
  g_autofree guint8 *key = NULL;
  g_autofree guint8 *person = NULL;
  gsize key_len, person_len;

  stmt = prepare (db, "SELECT dn_fold('Hộ chiếu ĐOÀN RA'), dn_fold(NULL),"
                      " dn_collate_key('Ấn'), dn_collate_key(NULL),"
                      " typeof(dn_collate_key('Ấn')),"
                      " dn_collate_key('An') < dn_collate_key('Anh'),"
                      " dn_collate_key('Anh') < dn_collate_key('Ă'),"
                      " dn_person_key('Nguyễn', NULL, 'An'),"
                      " dn_person_key('Lê', 'Văn', 'Bình') > dn_person_key('Trần', 'Thị', 'Bình'),"
                      " dn_person_key(NULL, NULL, NULL) IS NOT NULL,"
                      " dn_fold(12)");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ho chieu doan ra");
  g_assert_cmpint (sqlite3_column_type (stmt, 1), ==, SQLITE_NULL);

  key = dn_text_collate_key ("Ấn", -1, &key_len);
  g_assert_cmpint (sqlite3_column_type (stmt, 2), ==, SQLITE_BLOB);
  g_assert_cmpmem (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2),
                   key, key_len);
  g_assert_cmpint (sqlite3_column_type (stmt, 3), ==, SQLITE_NULL);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "blob");
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 6), ==, 1);

  person = dn_text_person_key ("Nguyễn", NULL, "An", &person_len);
  g_assert_cmpmem (sqlite3_column_blob (stmt, 7), sqlite3_column_bytes (stmt, 7),
                   person, person_len);
  g_assert_cmpint (sqlite3_column_int (stmt, 8), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 9), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 10), ==, "12");

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* The functions are usable in an index (deterministic). */
  exec_ok (db, "CREATE TABLE p (family TEXT, middle TEXT, given TEXT);"
               "CREATE INDEX p_key ON p (dn_person_key(family, middle, given));"
               "CREATE INDEX p_fold ON p (dn_fold(given));"
               "INSERT INTO p VALUES ('Lê', 'Văn', 'Bình'), ('Trần', 'Thị', 'Bình'),"
               " ('Nguyễn', 'Văn', 'An'), ('Đỗ', NULL, 'Đức');");
  stmt = prepare (db, "SELECT family FROM p ORDER BY dn_person_key(family, middle, given)");
  {
    const char * const expected[] = { "Nguyễn", "Trần", "Lê", "Đỗ" };

    for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected[i]);
      }
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT family FROM p WHERE dn_fold(given) = dn_fold('ĐỨC')");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Đỗ");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

static void
test_sqlite_collation (void)
{
  sqlite3 *db = open_db ();
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
  sqlite3_stmt *insert;
  sqlite3_stmt *stmt;
  const char * const queries[] = {
    "SELECT x FROM n ORDER BY x COLLATE vi",
    "SELECT x FROM n ORDER BY y",       /* column declared COLLATE vi */
    "SELECT x FROM n INDEXED BY n_y ORDER BY y",
  };

  exec_ok (db, "CREATE TABLE n (x TEXT, y TEXT COLLATE vi);"
               "CREATE INDEX n_y ON n (y)");

  for (gsize i = 0; i < G_N_ELEMENTS (sorted_words); i++)
    g_ptr_array_add (shuffled, (gpointer) sorted_words[i]);
  shuffle (shuffled);

  insert = prepare (db, "INSERT INTO n VALUES (?1, ?1)");
  for (guint i = 0; i < shuffled->len; i++)
    {
      sqlite3_bind_text (insert, 1, g_ptr_array_index (shuffled, i), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);

  for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      gsize i = 0;

      stmt = prepare (db, queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_assert_cmpuint (i, <, G_N_ELEMENTS (sorted_words));
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, sorted_words[i]);
          i++;
        }
      g_assert_cmpuint (i, ==, G_N_ELEMENTS (sorted_words));
      sqlite3_finalize (stmt);
    }

  /* Equality under the collation is exact (case and tone matter). */
  stmt = prepare (db, "SELECT 'Hà Nội' = 'Hà Nội' COLLATE vi,"
                      " 'Hà Nội' = 'hà nội' COLLATE vi,"
                      " 'Đào' > 'Dung' COLLATE vi,"
                      " 'Hàn' > 'Hà Nội' COLLATE vi,"
                      " substr('AnhX', 1, 3) < 'Ánh' COLLATE vi");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 1);
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

static void
test_sqlite_fts (void)
{
  static const struct { const char *typed, *rows; } cases[] = {
    { "ho chieu", "1" },
    { "hộ chiếu", "1" },
    { "HO CHIEU", "1" },
    { "Hộ  Chiếu!", "1" },
    { "ho chi", "1" },
    { "ngoai giao", "1" },
    { "doan", "2" },
    { "đoàn", "2" },
    { "ĐOÀN RA", "2" },
    { "da nang", "2" },
    { "Đà Nẵng", "2" },
    { "duc", "3" },
    { "Đức", "3" },
    { "nguyen van", "3" },
    { "bao cao", "4" },
    { "báo cáo quý", "4" },
    { "d", "2,3" },
    { "ra", "2" },
    { "chieu doan", "" },
    { "xyz", "" },
  };
  static const char * const hostile[] = {
    "a\" OR b", "\"", "a AND", "OR", "NOT x", "NEAR(", "title:ho", "ho*",
    "^ho", "(ho", "ho)", "x\" OR \"1\"=\"1", "{title}: ho", "- ho", "+",
  };
  sqlite3 *db = open_db ();
  sqlite3_stmt *stmt;
  g_autofree char *decomposed = nfd ("Hộ chiếu công vụ");

  exec_ok (db, "CREATE VIRTUAL TABLE t USING fts5(title, tokenize='dn');"
               "INSERT INTO t (rowid, title) VALUES"
               " (1, 'Hộ chiếu ngoại giao'),"
               " (2, 'Đoàn ra Đà Nẵng'),"
               " (3, 'Nguyễn Văn Đức'),"
               " (4, 'Báo cáo quý I');");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rows = search (db, cases[i].typed);

      if (g_strcmp0 (rows, cases[i].rows) != 0)
        g_error ("search \"%s\": got rows \"%s\", expected \"%s\"",
                 cases[i].typed, rows, cases[i].rows);
    }

  /* Whatever is typed, the query is valid FTS5 and only searches words. */
  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *query = dn_text_fts_query (hostile[i]);
      g_autofree char *rows = NULL;

      if (query == NULL)
        continue;
      assert_well_formed_query (query);
      rows = match_rowids (db, "t", query);
      g_assert_nonnull (rows);
    }

  /* Offsets are those of the original text. */
  stmt = prepare (db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1");
  sqlite3_bind_text (stmt, 1, "\"da\"* \"nang\"*", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Đoàn ra [Đà] [Nẵng]");
  sqlite3_finalize (stmt);

  /* NFD text is indexed like NFC text. */
  stmt = prepare (db, "INSERT INTO t (rowid, title) VALUES (5, ?1)");
  sqlite3_bind_text (stmt, 1, decomposed, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  {
    g_autofree char *rows = search (db, "hộ chiếu");
    g_autofree char *rows_cong = search (db, "cong vu");

    g_assert_cmpstr (rows, ==, "1,5");
    g_assert_cmpstr (rows_cong, ==, "5");
  }

  /* Arguments after "dn" reach unicode61 and override its default. */
  exec_ok (db, "CREATE VIRTUAL TABLE keep USING fts5(x, tokenize='dn remove_diacritics 0');"
               "INSERT INTO keep (rowid, x) VALUES (1, 'Hộ Đoàn');");
  {
    g_autofree char *plain = match_rowids (db, "keep", "\"ho\"");
    g_autofree char *marked = match_rowids (db, "keep", "\"hộ\"");
    g_autofree char *d = match_rowids (db, "keep", "\"doàn\"");

    g_assert_cmpstr (plain, ==, "");
    g_assert_cmpstr (marked, ==, "1");
    g_assert_cmpstr (d, ==, "1");
  }

  /* Bad arguments are reported. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='dn bogus 1')",
                                 NULL, NULL, NULL), !=, SQLITE_OK);

  sqlite3_close (db);
}

/* A pasted page searches for its first words only. */
static void
test_fts_query_word_limit (void)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *query = NULL;

  for (guint i = 0; i < DN_TEXT_FTS_MAX_WORDS + 500; i++)
    {
      g_string_append_printf (typed, "hộ%u, ", i);
      if (i < DN_TEXT_FTS_MAX_WORDS)
        g_string_append_printf (expected, "%s\"ho%u\"*", i > 0 ? " " : "", i);
    }
  query = dn_text_fts_query (typed->str);
  g_assert_cmpstr (query, ==, expected->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/text/normalize/len", test_normalize_len);
  g_test_add_func ("/text/normalize/invalid", test_normalize_invalid);
  g_test_add_func ("/text/normalize/collapse", test_normalize_collapse);
  g_test_add_func ("/text/normalize/ascii", test_normalize_ascii);
  g_test_add_func ("/text/normalize/like-glib", test_normalize_like_glib);
  g_test_add_func ("/text/normalize/chunk-boundaries", test_normalize_chunk_boundaries);
  g_test_add_func ("/text/normalize/mark-runs", test_normalize_mark_runs);
  g_test_add_func ("/text/normalize/ascii-never-second", test_normalize_ascii_never_second);
  g_test_add_func ("/text/normalize/long", test_normalize_long);
  g_test_add_func ("/text/fold/basic", test_fold_basic);
  g_test_add_func ("/text/fold/nfd", test_fold_nfd);
  g_test_add_func ("/text/fold/invalid", test_fold_invalid);
  g_test_add_func ("/text/collate/required-orders", test_collate_required_orders);
  g_test_add_func ("/text/collate/case", test_collate_case);
  g_test_add_func ("/text/collate/sort", test_collate_sort);
  g_test_add_func ("/text/collate/key-bytes", test_collate_key_bytes);
  g_test_add_func ("/text/collate/nfd", test_collate_nfd);
  g_test_add_func ("/text/collate/len", test_collate_len);
  g_test_add_func ("/text/collate/other", test_collate_other);
  g_test_add_func ("/text/person-key", test_person_key);
  g_test_add_func ("/text/fts-query", test_fts_query);
  g_test_add_func ("/text/fts-query/word-limit", test_fts_query_word_limit);
  g_test_add_func ("/text/match", test_match);
  g_test_add_func ("/text/escape/basic", test_escape_for_display);
  g_test_add_func ("/text/escape/random", test_escape_for_display_random);
  g_test_add_func ("/text/sqlite/functions", test_sqlite_functions);
  g_test_add_func ("/text/sqlite/collation", test_sqlite_collation);
  g_test_add_func ("/text/sqlite/fts", test_sqlite_fts);

  return g_test_run ();
}
