/* dn-progress.h: Progress record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PROGRESS (dn_progress_get_type ())
G_DECLARE_FINAL_TYPE (DnProgress, dn_progress, DN, PROGRESS, GObject)

/* A progress entry of a task.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_progress_new(). */
struct _DnProgress
{
  GObject parent_instance;

  gint64 id;
  gint64 task_id;
  gint64 unit_id; /* reporting unit, 0 when none */
  GDate entry_date;
  int percent; /* 0..100 */
  char *note;
  gint64 attachment_id; /* 0 when none */
  char *unit_code; /* filled on reads */
  char *unit_name; /* filled on reads */
};

DnProgress *dn_progress_new (void);

G_END_DECLS
