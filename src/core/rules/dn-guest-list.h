/* dn-guest-list.h: a visiting delegation's guest list pasted from a
 * spreadsheet
 *
 * One guest a line, columns separated by tabs (what a spreadsheet copies):
 * name, nationality, passport number, organisation, position; the columns
 * after the name may be left out. The nationality is an ISO 3166-1 code
 * ("KR") or a country's name in Vietnamese or English ("Hàn Quốc", accents
 * ignored). Empty lines are skipped, and so is a first line of column
 * headings ("Họ tên", "Name"…).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DN_GUEST_LIST_ERROR (dn_guest_list_error_quark ())
GQuark     dn_guest_list_error_quark  (void);

typedef enum
{
  DN_GUEST_LIST_ERROR_INVALID,  /* some lines are not guests: the message names each */
  DN_GUEST_LIST_ERROR_EMPTY,    /* no guest at all */
} DnGuestListError;

/* The guests of @text as DnDelegationMember records (person_id 0, name,
 * guest_nationality as a code or "", guest_passport, guest_organisation,
 * position), in order. NULL with @error when any line is wrong; the
 * message lists every wrong line ("Line 3: …"), at most ten. */
GPtrArray *dn_guest_list_parse        (const char  *text,
                                       GError     **error);

G_END_DECLS
