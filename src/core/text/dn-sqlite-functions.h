/* dn-sqlite-functions.h: Vietnamese text functions, collation and FTS5 tokenizer for SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Registers on @db:
 *  - SQL functions (deterministic, innocuous): dn_fold(text) → folded text
 *    (NULL for NULL); dn_collate_key(text) → BLOB key (NULL for NULL);
 *    dn_person_key(family, middle, given) → BLOB key (NULL parts = empty);
 *    dn_section_key(text) → TEXT key of dn_text_section_key() (NULL for
 *    NULL);
 *    invalid UTF-8 is read with U+FFFD replacements;
 *  - the collation "vi" (Vietnamese order, as dn_text_collate());
 *  - the FTS5 tokenizer "dn": unicode61 with remove_diacritics 2, then đ → d,
 *    so "ho chieu", "hộ chiếu", "HO CHIEU" and "doan"/"đoàn" match alike.
 * Returns an SQLite result code. */
int dn_sqlite_register_functions (sqlite3 *db);

G_END_DECLS
