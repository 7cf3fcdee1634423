/* dn-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-progress"

#include "config.h"

#include "dn-progress.h"

G_DEFINE_FINAL_TYPE (DnProgress, dn_progress, G_TYPE_OBJECT)

static void
dn_progress_finalize (GObject *object)
{
  DnProgress *self = DN_PROGRESS (object);

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->unit_code, g_free);

  G_OBJECT_CLASS (dn_progress_parent_class)->finalize (object);
}

static void
dn_progress_class_init (DnProgressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_progress_finalize;
}

static void
dn_progress_init (DnProgress *self)
{
  self->note = g_strdup ("");
  self->unit_code = g_strdup ("");
  g_date_clear (&self->entry_date, 1);
}

DnProgress *
dn_progress_new (void)
{
  return g_object_new (DN_TYPE_PROGRESS, NULL);
}
