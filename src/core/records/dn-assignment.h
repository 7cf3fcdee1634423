/* dn-assignment.h: Assignment record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_ASSIGNMENT (dn_assignment_get_type ())
G_DECLARE_FINAL_TYPE (DnAssignment, dn_assignment, DN, ASSIGNMENT, GObject)

/* The assignment of a task to one unit, lead or supporting, with its own deadline, status and reply document.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_assignment_new(). */
struct _DnAssignment
{
  GObject parent_instance;

  gint64 id;
  gint64 task_id;
  gint64 unit_id;
  DnRole role;
  GDate due_date; /* invalid when none */
  DnStatus status;
  gint64 reply_document_id; /* 0 when none */
  char *reply_reference; /* number/symbol of the reply when it is not registered */
  char *unit_code; /* filled on reads */
  char *unit_name; /* filled on reads */
  guint n_extensions; /* filled on reads */
};

DnAssignment *dn_assignment_new (void);

G_END_DECLS
