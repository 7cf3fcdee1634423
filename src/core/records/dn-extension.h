/* dn-extension.h: Extension record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_EXTENSION (dn_extension_get_type ())
G_DECLARE_FINAL_TYPE (DnExtension, dn_extension, DN, EXTENSION, GObject)

/* A deadline extension (gia hạn) of an assignment.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_extension_new(). */
struct _DnExtension
{
  GObject parent_instance;

  gint64 id;
  gint64 assignment_id;
  GDate old_due_date;
  GDate new_due_date;
  char *reason;
  char *extended_at; /* ISO 8601 time of the change */
  char *extended_by;
};

DnExtension *dn_extension_new (void);

G_END_DECLS
