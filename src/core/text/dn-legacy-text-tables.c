/* dn-legacy-text-tables.c: the code tables of Windows-1252, TCVN3 (ABC)
 * and VNI, and the classes of characters they give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-legacy-text"

#include "config.h"

#include <string.h>

#include "dn-legacy-text-private.h"

/*
 * The tables
 */

/* Windows-1252 at 0x80–0x9F (Microsoft's "bestfit1252" / the WHATWG
 * encoding standard's index); 0 where the code page has nothing, read as
 * the C1 control of the same value (Latin-1). */
static const gunichar cp1252_high[32] = {
  /* 80 */ 0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  /* 88 */ 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  /* 90 */ 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  /* 98 */ 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* TCVN3: TCVN 5712:1993 at 0xA0–0xFF, as glibc's iconv module TCVN5712-1
 * maps it (tests/core/test-legacy-text.c checks every byte against iconv
 * when it has the module). 0xB0–0xB4 are the combining tone marks; the
 * capitals at 0xAF, 0xBA, 0xBF, 0xC0–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0 and
 * 0xFF are VN1's. */
static const gunichar tcvn3_table[96] = {
  /* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
  /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
  /* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
  /* B8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
  /* C0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
  /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
  /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
  /* D8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
  /* E0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
  /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
  /* F0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
  /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* VNI: the VNI-Windows code table (VNI Software; as published in
 * lamdao/xvnkb's vni.h and khiemdoan/VBKey's code tables). A vowel is its
 * ASCII letter followed by one mark byte; the mark bytes come in pairs,
 * small letters' and capitals' (a decoder takes either after either: the
 * base letter gives the case). */

static const VniMark vni_marks[] = {
  { 0xF9, 0xD9, 0, TONE_ACUTE },                 /* ù Ù */
  { 0xF8, 0xD8, 0, TONE_GRAVE },                 /* ø Ø */
  { 0xFB, 0xDB, 0, TONE_HOOK },                  /* û Û */
  { 0xF5, 0xD5, 0, TONE_TILDE },                 /* õ Õ */
  { 0xEF, 0xCF, 0, TONE_DOT },                   /* ï Ï */
  { 0xE2, 0xC2, SHAPE_CIRCUMFLEX, 0 },           /* â Â */
  { 0xE1, 0xC1, SHAPE_CIRCUMFLEX, TONE_ACUTE },  /* á Á */
  { 0xE0, 0xC0, SHAPE_CIRCUMFLEX, TONE_GRAVE },  /* à À */
  { 0xE5, 0xC5, SHAPE_CIRCUMFLEX, TONE_HOOK },   /* å Å */
  { 0xE3, 0xC3, SHAPE_CIRCUMFLEX, TONE_TILDE },  /* ã Ã */
  { 0xE4, 0xC4, SHAPE_CIRCUMFLEX, TONE_DOT },    /* ä Ä */
  { 0xEA, 0xCA, SHAPE_BREVE, 0 },                /* ê Ê */
  { 0xE9, 0xC9, SHAPE_BREVE, TONE_ACUTE },       /* é É */
  { 0xE8, 0xC8, SHAPE_BREVE, TONE_GRAVE },       /* è È */
  { 0xFA, 0xDA, SHAPE_BREVE, TONE_HOOK },        /* ú Ú */
  { 0xFC, 0xDC, SHAPE_BREVE, TONE_TILDE },       /* ü Ü */
  { 0xEB, 0xCB, SHAPE_BREVE, TONE_DOT },         /* ë Ë */
};

static const VniLetter vni_letters[] = {
  { 0xF1, 0xD1, 0x0111, 0x0110 },  /* ñ Ñ: đ Đ */
  { 0xF4, 0xD4, 0x01A1, 0x01A0 },  /* ô Ô: ơ Ơ */
  { 0xF6, 0xD6, 0x01B0, 0x01AF },  /* ö Ö: ư Ư */
  { 0xED, 0xCD, 0x00ED, 0x00CD },  /* í Í */
  { 0xEC, 0xCC, 0x00EC, 0x00CC },  /* ì Ì */
  { 0xE6, 0xC6, 0x1EC9, 0x1EC8 },  /* æ Æ: ỉ Ỉ */
  { 0xF3, 0xD3, 0x0129, 0x0128 },  /* ó Ó: ĩ Ĩ */
  { 0xF2, 0xD2, 0x1ECB, 0x1ECA },  /* ò Ò: ị Ị */
  { 0xEE, 0xCE, 0x1EF5, 0x1EF4 },  /* î Î: ỵ Ỵ */
};

const VniMark *
_dn_legacy_vni_mark (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (vni_marks); i++)
    if (c == vni_marks[i].small || c == vni_marks[i].capital)
      return &vni_marks[i];
  return NULL;
}

const VniLetter *
_dn_legacy_vni_letter (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (vni_letters); i++)
    if (c == vni_letters[i].small || c == vni_letters[i].capital)
      return &vni_letters[i];
  return NULL;
}

/*
 * Characters
 */

/* The legacy byte a character of the mojibake stands for, or -1. */
int
_dn_legacy_byte_of (gunichar c)
{
  if (c <= 0xFF)
    return (int) c;
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_high); i++)
    if (cp1252_high[i] == c)
      return 0x80 + (int) i;
  return -1;
}

/* The character Windows-1252 shows for @byte (Latin-1 where it has
 * none). */
gunichar
_dn_legacy_cp1252_char (guint8 byte)
{
  return byte >= 0x80 && byte < 0xA0 && cp1252_high[byte - 0x80] != 0 ? cp1252_high[byte - 0x80] : byte;
}

/* TCVN3's character for @byte, at least 0xA0. */
gunichar
_dn_legacy_tcvn3_char (guint8 byte)
{
  return tcvn3_table[byte - 0xA0];
}

static gboolean
is_ascii_letter (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A letter of Vietnamese that no legacy byte gives as such: text written
 * in Unicode (precomposed, or a combining mark of Vietnamese). */
gboolean
_dn_legacy_is_unicode_vietnamese (gunichar c)
{
  switch (c)
    {
    case 0x0102: case 0x0103: case 0x0110: case 0x0111: case 0x0128: case 0x0129:
    case 0x0168: case 0x0169: case 0x01A0: case 0x01A1: case 0x01AF: case 0x01B0:
    case TONE_ACUTE: case TONE_GRAVE: case TONE_HOOK: case TONE_TILDE: case TONE_DOT:
    case SHAPE_CIRCUMFLEX: case SHAPE_BREVE: case SHAPE_HORN:
      return TRUE;
    default:
      return c >= 0x1EA0 && c <= 0x1EF9;
    }
}

/* Whether @c is part of a word when the text is read in @encoding. */
gboolean
_dn_legacy_is_word_char (DnLegacyEncoding encoding,
                         gunichar         c)
{
  int byte = _dn_legacy_byte_of (c);

  if (is_ascii_letter (c))
    return TRUE;
  if (byte >= 0 && byte < 0x80)
    return FALSE;
  /* a legacy byte is a letter or a mark when the encoding reads it so */
  if (byte >= 0x80 && encoding != DN_LEGACY_ENCODING_NONE)
    return _dn_legacy_is_legacy_char (encoding, c);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* Whether @encoding reads the byte of @c otherwise than Windows-1252. */
gboolean
_dn_legacy_is_legacy_char (DnLegacyEncoding encoding,
                           gunichar         c)
{
  int byte = _dn_legacy_byte_of (c);

  if (byte < 0x80)
    return FALSE;
  if (encoding == DN_LEGACY_ENCODING_TCVN3)
    return byte >= 0xA1;
  return _dn_legacy_vni_mark ((gunichar) byte) != NULL || _dn_legacy_vni_letter ((gunichar) byte) != NULL;
}

/*
 * Unicode to the legacy bytes
 */

gboolean
_dn_legacy_append_vni (GString  *out,
                       gunichar  c)
{
  gunichar decomposed[4];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  gunichar base = decomposed[0], shape = 0, tone = 0;
  gboolean capital;

  for (gsize i = 1; i < n; i++)
    {
      if (decomposed[i] == SHAPE_CIRCUMFLEX || decomposed[i] == SHAPE_BREVE || decomposed[i] == SHAPE_HORN)
        shape = decomposed[i];
      else if (decomposed[i] == TONE_ACUTE || decomposed[i] == TONE_GRAVE || decomposed[i] == TONE_HOOK ||
               decomposed[i] == TONE_TILDE || decomposed[i] == TONE_DOT)
        tone = decomposed[i];
      else
        return FALSE;
    }
  if (n > 3)
    return FALSE;
  capital = base >= 'A' && base <= 'Z';
  if (base == 0x0110 || base == 0x0111)
    {
      g_string_append_unichar (out, base == 0x0110 ? 0xD1 : 0xF1);
      return n == 1;
    }
  if (!is_ascii_letter (base) || strchr ("aeiouyAEIOUY", (int) base) == NULL)
    return FALSE;
  /* single bytes: i with a tone, ỵ, ơ and ư (with the tone after them) */
  for (guint i = 0; i < G_N_ELEMENTS (vni_letters); i++)
    if (c == vni_letters[i].small_char || c == vni_letters[i].capital_char)
      {
        g_string_append_unichar (out, c == vni_letters[i].capital_char ? vni_letters[i].capital : vni_letters[i].small);
        return TRUE;
      }
  if (shape == SHAPE_HORN)
    {
      gunichar lower = g_ascii_tolower ((char) base);

      if (lower != 'o' && lower != 'u')
        return FALSE;
      g_string_append_unichar (out, lower == 'o' ? (capital ? 0xD4 : 0xF4) : (capital ? 0xD6 : 0xF6));
      shape = 0;
    }
  else
    g_string_append_c (out, (char) base);
  if (shape == 0 && tone == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (vni_marks); i++)
    if (vni_marks[i].shape == shape && vni_marks[i].tone == tone)
      {
        gunichar lower = g_ascii_tolower ((char) base);

        if ((shape == SHAPE_BREVE && lower != 'a') ||
            (shape == SHAPE_CIRCUMFLEX && strchr ("aeo", (int) lower) == NULL))
          return FALSE;
        g_string_append_unichar (out, capital ? vni_marks[i].capital : vni_marks[i].small);
        return TRUE;
      }
  return FALSE;
}

gboolean
_dn_legacy_append_tcvn3 (GString  *out,
                         gunichar  c)
{
  gunichar lower = g_unichar_tolower (c);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 1; i < G_N_ELEMENTS (tcvn3_table); i++)
      /* precomposed letters only: not the combining marks at 0xB0–0xB4 */
      if (tcvn3_table[i] == (pass == 0 ? c : lower) && (i < 0x10 || i > 0x14))
        {
          g_string_append_unichar (out, 0xA0 + i);
          return TRUE;
        }
  return FALSE;
}

