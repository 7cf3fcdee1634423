/* dn-account.c: the type is defined with the other records' in dn-record.c;
 * the roles' words and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-account.h"

static const char * const account_role_keywords[DN_ACCOUNT_ROLE_N] = { "admin", "department", "unit", "reader" };

DnAccount *
dn_account_new (void)
{
  DnAccount *account = g_object_new (DN_TYPE_ACCOUNT, NULL);

  account->role = DN_ACCOUNT_ROLE_READER;
  return account;
}

const char *
dn_account_role_to_string (DnAccountRole role)
{
  g_return_val_if_fail ((guint) role < DN_ACCOUNT_ROLE_N, NULL);
  return account_role_keywords[role];
}

gboolean
dn_account_role_from_string (const char    *text,
                             DnAccountRole *out)
{
  for (guint i = 0; text != NULL && i < DN_ACCOUNT_ROLE_N; i++)
    if (g_str_equal (text, account_role_keywords[i]))
      {
        *out = (DnAccountRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dn_account_role_get_label (DnAccountRole role)
{
  static const char * const labels[DN_ACCOUNT_ROLE_N] = {
    N_("Administrator"), N_("Department officer"), N_("Unit officer"), N_("Reader"),
  };

  g_return_val_if_fail ((guint) role < DN_ACCOUNT_ROLE_N, "");
  return _(labels[role]);
}
