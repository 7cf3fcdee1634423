/* dn-unit-chooser.c
 *
 * The rows offered are, in order: the "none" row when there is a
 * none-label (a DnUnit with id 0), the unit tree (dn_store_list_unit_tree,
 * archived units left out) without the excluded subtree, then the kept
 * unit when the tree does not list it (archived). The search matches a
 * unit's name and code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-chooser-record.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"

struct _DnUnitChooser
{
  DnChooser  parent_instance;

  gint64     exclude_id; /* left out with its sub-units (0: none) */
  gint64     keep_id;    /* offered even when archived (0: none) */
};

G_DEFINE_FINAL_TYPE (DnUnitChooser, dn_unit_chooser, DN_TYPE_CHOOSER)

enum
{
  PROP_0,
  PROP_EXCLUDE_ID,
  PROP_KEEP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * DnChooser
 */

static gboolean
load (DnChooser  *chooser,
      DnStore    *store,
      GPtrArray  *rows,
      GError    **error)
{
  DnUnitChooser *self = DN_UNIT_CHOOSER (chooser);
  g_autoptr(GHashTable) skip = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) excluded = NULL;
  g_autoptr(GPtrArray) tree = dn_store_list_unit_tree (store, FALSE, error);
  gboolean have_keep = self->keep_id <= 0;

  if (tree == NULL)
    return FALSE;
  if (self->exclude_id > 0)
    {
      /* a unit cannot go below itself: its subtree is not offered */
      excluded = dn_store_get_unit_subtree (store, self->exclude_id, error);
      if (excluded == NULL)
        return FALSE;
      for (guint i = 0; i < excluded->len; i++)
        g_hash_table_add (skip, &g_array_index (excluded, gint64, i));
    }
  for (guint i = 0; i < tree->len; i++)
    {
      DnUnit *unit = tree->pdata[i];

      if (g_hash_table_contains (skip, &unit->id))
        continue;
      if (unit->id == self->keep_id)
        have_keep = TRUE;
      g_ptr_array_add (rows, g_object_ref (unit));
    }
  if (!have_keep && !g_hash_table_contains (skip, &self->keep_id))
    {
      /* a record's own unit, archived: still offered so that it is kept */
      g_autoptr(DnUnit) kept = dn_store_get_unit (store, self->keep_id, NULL);

      if (kept != NULL)
        {
          g_autofree char *name = g_strdup_printf (_("%s (archived)"), kept->name);

          g_free (kept->name);
          kept->name = g_steal_pointer (&name);
          kept->depth = 0;
          g_ptr_array_add (rows, g_steal_pointer (&kept));
        }
    }
  return TRUE;
}

static const char *
get_detail (DnChooser *chooser,
            gpointer   row)
{
  return DN_UNIT (row)->code;
}

static guint
get_depth (DnChooser *chooser,
           gpointer   row)
{
  return DN_UNIT (row)->depth;
}

static char *
dup_search_text (DnChooser *chooser,
                 gpointer   row)
{
  return g_strconcat (DN_UNIT (row)->name, " ", DN_UNIT (row)->code, NULL);
}

/* an archived unit (still chosen on an old record) is not listed */
static char *
lookup_name (DnChooser *chooser,
             gint64     id)
{
  g_autoptr(DnUnit) unit = dn_store_get_unit (dn_chooser_get_store (chooser), id, NULL);

  return unit != NULL ? g_strdup (unit->name) : NULL;
}

static char *
format_count (DnChooser *chooser,
              guint      n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit chosen", "%u units chosen", n), n);
}

/*
 * GObject overrides
 */

static void
dn_unit_chooser_class_init (DnUnitChooserClass *klass)
{
  const DnProperty props[N_PROPS] = {
    /**
     * DnUnitChooser:exclude-id:
     *
     * A unit left out of the list with all its sub-units (0: none).
     */
    [PROP_EXCLUDE_ID] = { "exclude-id", G_TYPE_INT64, G_PARAM_EXPLICIT_NOTIFY,
                          G_CALLBACK (dn_unit_chooser_get_exclude_id), G_CALLBACK (dn_unit_chooser_set_exclude_id) },
    /**
     * DnUnitChooser:keep-id:
     *
     * A unit offered even when it is archived (0: none).
     */
    [PROP_KEEP_ID] = { "keep-id", G_TYPE_INT64, G_PARAM_EXPLICIT_NOTIFY,
                       G_CALLBACK (dn_unit_chooser_get_keep_id), G_CALLBACK (dn_unit_chooser_set_keep_id) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DnChooserClass *chooser_class = DN_CHOOSER_CLASS (klass);

  dn_chooser_class_set_record (chooser_class, DN_TYPE_UNIT, G_STRUCT_OFFSET (DnUnit, name));
  chooser_class->load = load;
  chooser_class->get_detail = get_detail;
  chooser_class->get_depth = get_depth;
  chooser_class->dup_search_text = dup_search_text;
  chooser_class->lookup_name = lookup_name;
  chooser_class->format_count = format_count;

  dn_ui_install_properties (object_class, N_PROPS, props, properties);
}

static void
dn_unit_chooser_init (DnUnitChooser *self)
{
  const DnChooserTexts texts = {
    .placeholder = _("Choose a unit…"),
    .search_placeholder = _("Search by name or code"),
    .search_label = _("Search units"),
    .list_label = _("Units"),
    .no_rows = _("There is no unit yet. Add units in the Units section."),
    .no_match = _("No unit matches what you typed."),
  };

  dn_chooser_set_texts (DN_CHOOSER (self), &texts);
}

/*
 * Public API
 */

/* An option of the list (exclude-id, keep-id): the list is read again. */
static void
set_option (DnUnitChooser *self,
            gint64        *option,
            gint64         unit_id,
            guint          prop_id)
{
  unit_id = MAX (unit_id, 0);
  if (*option == unit_id)
    return;
  *option = unit_id;
  dn_chooser_invalidate (DN_CHOOSER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

GtkWidget *
dn_unit_chooser_new (DnStore  *store,
                     gboolean  multiple)
{
  DnUnitChooser *self = g_object_new (DN_TYPE_UNIT_CHOOSER, "multiple", multiple, NULL);

  dn_chooser_set_store (DN_CHOOSER (self), store);
  return GTK_WIDGET (self);
}

gint64
dn_unit_chooser_get_exclude_id (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), 0);
  return self->exclude_id;
}

void
dn_unit_chooser_set_exclude_id (DnUnitChooser *self,
                                gint64         unit_id)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));
  set_option (self, &self->exclude_id, unit_id, PROP_EXCLUDE_ID);
}

gint64
dn_unit_chooser_get_keep_id (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), 0);
  return self->keep_id;
}

void
dn_unit_chooser_set_keep_id (DnUnitChooser *self,
                             gint64         unit_id)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));
  set_option (self, &self->keep_id, unit_id, PROP_KEEP_ID);
}

gint64
dn_unit_chooser_get_unit (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), 0);
  return dn_chooser_get_id (DN_CHOOSER (self));
}

gboolean
dn_unit_chooser_pick (DnUnitChooser *self,
                      gint64         unit_id)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), FALSE);
  return dn_chooser_pick (DN_CHOOSER (self), unit_id);
}

