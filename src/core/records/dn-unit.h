/* dn-unit.h: Unit record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_UNIT (dn_unit_get_type ())
G_DECLARE_FINAL_TYPE (DnUnit, dn_unit, DN, UNIT, GObject)

/* A unit of the education sector: the department, its divisions, district offices, schools, centres, or an external body. Units form a tree.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_unit_new(). */
struct _DnUnit
{
  GObject parent_instance;

  gint64 id;
  char *code; /* short unique code, e.g. "VP" */
  char *name;
  DnUnitKind kind;
  gint64 parent_id; /* 0 for a root */
  gboolean archived; /* archived units keep their history but leave the pickers */
  guint depth; /* filled by dn_store_list_unit_tree(): 0 for roots */
  char *parent_code; /* filled on reads */
};

DnUnit *dn_unit_new (void);

G_END_DECLS
