/* dn-project.h: Project record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PROJECT (dn_project_get_type ())
G_DECLARE_FINAL_TYPE (DnProject, dn_project, DN, PROJECT, GObject)

/* An aid project of a partner.
 * Fields are public; strings are owned, never NULL after dn_project_new(). */
struct _DnProject
{
  GObject parent_instance;

  gint64 id;
  gint64 partner_id;
  char *partner_name; /* joined */
  char *name;
  char *code;
  gint64 unit_id; /* the lead unit; 0 when none */
  char *unit_name; /* joined */
  GDate start_date;
  GDate end_date;
  gint64 budget; /* in the currency's units; -1 when not stated */
  char *currency; /* ISO 4217: "VND", "USD" */
  DnProjectStatus status;
  char *description;
};

DnProject *dn_project_new (void);

G_END_DECLS
