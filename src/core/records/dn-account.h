/* dn-account.h: Account record, the roles, and what each may see and change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an account may do on the department server: an administrator
 * manages the accounts and sees everything; a department officer sees and
 * changes every unit's data; a unit officer those of their unit and its
 * sub-units; a reader only reads those. Stored as "admin", "department",
 * "unit", "reader". */
typedef enum
{
  DN_ACCOUNT_ROLE_ADMIN,
  DN_ACCOUNT_ROLE_DEPARTMENT,
  DN_ACCOUNT_ROLE_UNIT,
  DN_ACCOUNT_ROLE_READER,
  DN_ACCOUNT_ROLE_N
} DnAccountRole;

const char *dn_account_role_to_string   (DnAccountRole  role);
gboolean    dn_account_role_from_string (const char    *text,
                                         DnAccountRole *out);
/* In the interface language ("Unit officer"…) */
const char *dn_account_role_get_label   (DnAccountRole  role);

#define DN_TYPE_ACCOUNT (dn_account_get_type ())
G_DECLARE_FINAL_TYPE (DnAccount, dn_account, DN, ACCOUNT, GObject)

/* A user of the department server. Its password is never part of the
 * record: the store keeps only its hash and checks it
 * (dn_store_open_session()). Fields are public; strings are owned, never
 * NULL after dn_account_new(). */
struct _DnAccount
{
  GObject parent_instance;

  gint64 id;
  char *name; /* to sign in with: 1 to 64 characters, NFC, no control characters */
  gint64 unit_id; /* 0: none (an administrator or a department officer only) */
  char *unit_code; /* filled on reads */
  char *unit_name; /* filled on reads */
  DnAccountRole role;
  gboolean disabled; /* refused at sign-in; its sessions revoked */
  char *created_at; /* "2024-06-30T08:15:00Z", filled on reads */
  char *updated_at;
};

DnAccount *dn_account_new (void);

G_END_DECLS
