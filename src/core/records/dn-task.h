/* dn-task.h: Task record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_TASK (dn_task_get_type ())
G_DECLARE_FINAL_TYPE (DnTask, dn_task, DN, TASK, GObject)

/* A duty taken from a directive or plan, with one lead unit (chủ trì) and any number of supporting units (phối hợp).
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_task_new(). */
struct _DnTask
{
  GObject parent_instance;

  gint64 id;
  gint64 document_id; /* source document, 0 when none */
  char *section; /* section reference in the source, e.g. "II.1" */
  char *title;
  char *description;
  GDate due_date; /* invalid when none */
  DnRecurrence recurrence;
  DnStatus status;
  gint64 parent_id; /* parent task of a sub-assignment, 0 when none */
  gint64 lead_unit_id; /* on add/update: the lead unit; filled on reads */
  GArray *support_unit_ids; /* gint64 ids; on add/update: the supporting units; filled on reads */
  char *lead_unit_code; /* filled on reads */
  char *lead_unit_name; /* filled on reads */
  char *support_unit_codes; /* filled on reads, comma separated */
  char *support_unit_names; /* filled on reads, comma separated, in the order of the codes */
  int progress; /* its own latest progress percent (0..100; 100 when done), filled on reads */
  int children_progress; /* average progress of its sub-assigned tasks, -1 when none; filled on reads */
  guint n_children; /* number of sub-assigned child tasks, filled on reads */
  char *document_label; /* "số/ký hiệu" of the source document, filled on reads */
};

DnTask *dn_task_new (void);

G_END_DECLS
