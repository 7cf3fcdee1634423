/* dn-officer.h: how the officer using this computer is named in the records
 *
 * Reminders, extensions and the audit log record who wrote them. That is
 * the officer's own name and position from the preferences, written
 * "Nguyễn Thị Lan (Chuyên viên)", not the operating system's login name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest name, and longest position, in characters (as a person's names). */
#define DN_OFFICER_MAX_CHARS 200

/* "Name (Position)"; the name alone when @position is empty. Both parts in
 * NFC, white space trimmed and runs of it made one space. NULL without an
 * error when the name is empty (the caller keeps its fallback, the login
 * name), also when only the position is given. NULL with a translated
 * error (G_IO_ERROR_INVALID_DATA) when a part is not valid UTF-8, holds a
 * control or format character, or is longer than DN_OFFICER_MAX_CHARS.
 * @name and @position may be NULL (empty). */
char *dn_officer_format (const char  *name,
                         const char  *position,
                         GError     **error);

G_END_DECLS
