/* dn-extension.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-extension"

#include "config.h"

#include "dn-extension.h"

G_DEFINE_FINAL_TYPE (DnExtension, dn_extension, G_TYPE_OBJECT)

static void
dn_extension_finalize (GObject *object)
{
  DnExtension *self = DN_EXTENSION (object);

  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->extended_at, g_free);
  g_clear_pointer (&self->extended_by, g_free);

  G_OBJECT_CLASS (dn_extension_parent_class)->finalize (object);
}

static void
dn_extension_class_init (DnExtensionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_extension_finalize;
}

static void
dn_extension_init (DnExtension *self)
{
  self->reason = g_strdup ("");
  self->extended_at = g_strdup ("");
  self->extended_by = g_strdup ("");
  g_date_clear (&self->old_due_date, 1);
  g_date_clear (&self->new_due_date, 1);
}

DnExtension *
dn_extension_new (void)
{
  return g_object_new (DN_TYPE_EXTENSION, NULL);
}
