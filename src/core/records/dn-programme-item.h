/* dn-programme-item.h: ProgrammeItem record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PROGRAMME_ITEM (dn_programme_item_get_type ())
G_DECLARE_FINAL_TYPE (DnProgrammeItem, dn_programme_item, DN, PROGRAMME_ITEM, GObject)

/* An item of a visiting delegation's programme.
 * Fields are public; strings are owned, never NULL after dn_programme_item_new(). */
struct _DnProgrammeItem
{
  GObject parent_instance;

  gint64 id;
  gint64 delegation_id;
  GDate day;
  char *time; /* free text: "08:00–11:30" */
  char *place;
  gint64 host_unit_id; /* 0 when none */
  char *host_unit_name; /* joined */
  char *description;
};

DnProgrammeItem *dn_programme_item_new (void);

G_END_DECLS
