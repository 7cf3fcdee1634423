/* dn-country.h: the countries of ISO 3166-1, by their Vietnamese names
 *
 * Delegations go to countries; a country is kept and printed as its ISO
 * 3166-1 alpha-2 code ("VN", "KR") and shown by its name in the interface's
 * language: Vietnamese as officials write it ("Hàn Quốc", "Hoa Kỳ") when
 * the translation in use is Vietnamese, English otherwise. The list is made
 * from iso-codes at build time (build-aux/make-countries.py, where the
 * Vietnamese names that differ from iso-codes' are listed with their
 * reason) and compiled into the core library; it is read once, on first
 * use, from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @code is exactly two upper-case ASCII letters and a country
 * of the list ("vn", "VNM", "XX" are not). */
gboolean     dn_country_is_valid           (const char *code);

/* The name shown in the interface's language (see above); NULL when @code
 * is not a country of the list. The string lives for good. */
const char  *dn_country_name               (const char *code);
/* The name in one language, whatever the interface's. */
const char  *dn_country_vietnamese_name    (const char *code);
const char  *dn_country_english_name       (const char *code);

/* The names of the countries of @codes, a list as records keep it
 * ("KR,JP": "Hàn Quốc, Nhật Bản"), joined by ", ": in the interface's
 * language, or in Vietnamese (an official document's words); a code not
 * in the list as itself, empty parts left out. */
char        *dn_country_dup_names          (const char *codes);
char        *dn_country_dup_vietnamese_names (const char *codes);

/* The number of countries in the list. */
guint        dn_country_count              (void);

/* Every code (const char *, living for good: do not free them), in the
 * Vietnamese dictionary order (dn_text_collate) of the names shown in the
 * interface's language. A new array. */
GPtrArray   *dn_country_list               (void);

/* What a search is matched against: the code, the Vietnamese and English
 * names and other names of the country (former or colloquial ones such as
 * "Mỹ", the English official name); NULL for an unknown code. */
char        *dn_country_dup_search_text    (const char *code);

/* The codes whose search text matches @query by the application's one rule
 * (dn_text_match: the words typed in any order, accents, đ and case
 * ignored: "han quoc" finds KR, "korea" KR and KP), in the order of
 * dn_country_list(); all of them when @query holds no word. A new array of
 * codes living for good. */
GPtrArray   *dn_country_search             (const char *query);

G_END_DECLS
