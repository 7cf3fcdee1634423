/* dn-units-page-tree.c: the unit tree of DnUnitsPage: its model built from
 * the tree read (one GListStore per level in a GtkTreeListModel), the
 * filter, the expanded rows, the selection and the unit's header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-units-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-query-worker.h"
#include "dn-text.h"
#include "dn-units-page-private.h"

#define N_CHILDREN_KEY "dn-units-page-n-children"

/* A row of its own for a unit of the tree read (rows carry their number
 * of children, which depends on the filter). */
static DnUnit *
unit_copy (DnUnit *unit)
{
  DnUnit *copy = dn_unit_new ();

  copy->id = unit->id;
  g_free (copy->code);
  copy->code = g_strdup (unit->code);
  g_free (copy->name);
  copy->name = g_strdup (unit->name);
  copy->kind = unit->kind;
  copy->parent_id = unit->parent_id;
  copy->archived = unit->archived;
  copy->depth = unit->depth;
  g_free (copy->parent_code);
  copy->parent_code = g_strdup (unit->parent_code);
  return copy;
}

/* Shown in the tree as "Show archived units" is: neither the unit nor a
 * unit above it is archived, or archived units are shown. */
static gboolean
unit_in_tree (DnUnitsPage *self,
              DnUnit      *unit)
{
  if (_dn_units_page_show_archived (self))
    return TRUE;
  for (DnUnit *up = unit; up != NULL; up = _dn_units_page_lookup_unit (self, up->parent_id))
    if (up->archived)
      return FALSE;
  return TRUE;
}

static guint
unit_n_children (DnUnit *unit)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (unit), N_CHILDREN_KEY));
}

static gboolean
same_unit (gpointer a,
           gpointer b)
{
  DnUnit *x = a, *y = b;

  return x->id == y->id && x->kind == y->kind && x->archived == y->archived &&
         x->parent_id == y->parent_id && g_str_equal (x->name, y->name) &&
         g_str_equal (x->code, y->code) &&
         /* a unit that gets its first child must get an expander */
         (unit_n_children (x) > 0) == (unit_n_children (y) > 0);
}

/*
 * The tree
 */

/* From the tree read: how many children each unit shows and, while
 * filtering, which units are shown (the matches and their parents). */
static void
index_units (DnUnitsPage *self)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();

  g_hash_table_remove_all (self->n_children);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    if (unit_in_tree (self, self->units->pdata[i]))
      g_ptr_array_add (units, self->units->pdata[i]);

  for (guint i = 0; i < units->len; i++)
    {
      DnUnit *unit = units->pdata[i];
      guint n;

      if (unit->parent_id > 0)
        {
          n = GPOINTER_TO_UINT (g_hash_table_lookup (self->n_children, &unit->parent_id));
          g_hash_table_insert (self->n_children, _dn_units_page_id_dup (unit->parent_id), GUINT_TO_POINTER (n + 1));
        }
    }

  if (self->filter != NULL)
    {
      /* the words typed, in any order, in the name or the code (as every
       * unit chooser matches them) */
      g_autoptr(DnTextMatch) match = dn_text_match_new (self->filter);

      self->visible = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < units->len; i++)
        {
          DnUnit *unit = units->pdata[i];
          g_autofree char *text = g_strconcat (unit->name, " ", unit->code, NULL);

          if (!dn_text_match_text (match, text))
            continue;
          /* the match and the units above it */
          for (DnUnit *up = unit; up != NULL && !g_hash_table_contains (self->visible, &up->id);
               up = _dn_units_page_lookup_unit (self, up->parent_id))
            g_hash_table_add (self->visible, _dn_units_page_id_dup (up->id));
        }
      /* while filtering, only shown children count */
      g_hash_table_remove_all (self->n_children);
      for (guint i = 0; i < units->len; i++)
        {
          DnUnit *unit = units->pdata[i];
          guint n;

          if (unit->parent_id == 0 || !g_hash_table_contains (self->visible, &unit->id))
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (self->n_children, &unit->parent_id));
          g_hash_table_insert (self->n_children, _dn_units_page_id_dup (unit->parent_id), GUINT_TO_POINTER (n + 1));
        }
    }
}

/* The rows of one level: the children of @parent_id, in the store's order. */
static GPtrArray *
read_level (DnUnitsPage *self,
            gint64       parent_id)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *children;

  if (self->unit_children == NULL || (parent_id > 0 && !g_hash_table_contains (self->n_children, &parent_id)))
    return rows;
  children = g_hash_table_lookup (self->unit_children, &parent_id);
  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      DnUnit *unit = children->pdata[i];
      DnUnit *row;

      /* below a unit shown, only the unit itself can be archived */
      if (unit->archived && !_dn_units_page_show_archived (self))
        continue;
      if (self->visible != NULL && !g_hash_table_contains (self->visible, &unit->id))
        continue;
      row = unit_copy (unit);
      g_object_set_data (G_OBJECT (row), N_CHILDREN_KEY, g_hash_table_lookup (self->n_children, &unit->id));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
level_gone_cb (gpointer  data,
               GObject  *where_the_object_was)
{
  DnUnitsPage *self = data;

  g_hash_table_remove (self->levels, where_the_object_was);
}

static GListStore *
new_level (DnUnitsPage *self,
           gint64       parent_id,
           GPtrArray   *rows)
{
  GListStore *level = g_list_store_new (DN_TYPE_UNIT);

  g_list_store_splice (level, 0, 0, rows->pdata, rows->len);
  g_hash_table_insert (self->levels, level, _dn_units_page_id_dup (parent_id));
  g_object_weak_ref (G_OBJECT (level), level_gone_cb, self);
  return level;
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  DnUnitsPage *self = user_data;
  DnUnit *unit = item;
  g_autoptr(GPtrArray) rows = NULL;

  if (self->store == NULL || unit_n_children (unit) == 0)
    return NULL;
  rows = read_level (self, unit->id);
  if (rows->len == 0)
    return NULL;
  return G_LIST_MODEL (new_level (self, unit->id, rows));
}

static DnUnit *
row_unit (GtkTreeListRow *row)
{
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* Position of @unit_id among the rows shown, or GTK_INVALID_LIST_POSITION. */
guint
_dn_units_page_find_row (DnUnitsPage *self,
                         gint64       unit_id)
{
  GListModel *model = G_LIST_MODEL (self->tree);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(DnUnit) unit = row_unit (row);

      if (unit != NULL && unit->id == unit_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static GHashTable *
expanded_ids (DnUnitsPage *self)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = self->tree != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);

      if (gtk_tree_list_row_get_expanded (row))
        {
          g_autoptr(DnUnit) unit = row_unit (row);
          if (unit != NULL)
            g_hash_table_add (ids, _dn_units_page_id_dup (unit->id));
        }
    }
  return ids;
}

static void
expand_ids (DnUnitsPage *self,
            GHashTable  *ids)
{
  /* expanding adds rows below: the count is read again each time */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(DnUnit) unit = row_unit (row);

      if (unit != NULL && g_hash_table_contains (ids, &unit->id) && !gtk_tree_list_row_get_expanded (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
update_tree_empty (DnUnitsPage *self)
{
  /* before the first read: nothing to say yet */
  gboolean empty = self->units != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) == 0;

  if (empty)
    gtk_label_set_text (self->tree_empty_label,
                        self->filter != NULL ? _("No unit matches the filter.")
                                             : _("No units yet. Add your department first with “Add Unit…”."));
  gtk_stack_set_visible_child_name (self->tree_stack, empty ? "empty" : "tree");
}

static gint64
selected_unit_id (DnUnitsPage *self)
{
  GtkTreeListRow *row = self->unit_selection != NULL
    ? gtk_single_selection_get_selected_item (self->unit_selection) : NULL;
  g_autoptr(DnUnit) unit = row_unit (row);

  return unit != NULL ? unit->id : 0;
}

static void
update_unit_actions (DnUnitsPage *self)
{
  DnUnit *unit = self->store != NULL ? _dn_units_page_lookup_unit (self, self->unit_id) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.add", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.rename", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.move", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.archive", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.merge", unit != NULL && !unit->archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", self->store != NULL);
  if (unit != NULL && unit->archived)
    {
      gtk_button_set_label (self->archive_button, _("Re_store"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->archive_button),
                                   _("Bring the unit back into the lists where units are chosen"));
    }
  else
    {
      gtk_button_set_label (self->archive_button, _("Ar_chive"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->archive_button),
                                   _("Hide the unit from the lists where units are chosen; its history is kept"));
    }
}

/* The header above the staff: name, code, kind, where it belongs. */
static void
update_detail (DnUnitsPage *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  DnUnit *unit = self->store != NULL ? _dn_units_page_lookup_unit (self, self->unit_id) : NULL;

  if (unit == NULL)
    {
      gtk_label_set_text (self->detail_empty_label,
                          self->units == NULL ? ""
                          : g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0
                            ? _("Choose a unit on the left to see its staff.")
                            : _("The staff of each unit is shown here once units are added."));
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  gtk_label_set_text (self->unit_title, unit->name);
  g_string_append_printf (subtitle, _("Code %s"), unit->code);
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, dn_unit_kind_get_label (unit->kind));
  if (unit->parent_id > 0)
    {
      DnUnit *parent = _dn_units_page_lookup_unit (self, unit->parent_id);
      if (parent != NULL)
        {
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("part of %s"), parent->name);
        }
    }
  if (unit->archived)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("archived: hidden from the lists where units are chosen, history kept"));
    }
  gtk_label_set_text (self->unit_subtitle, subtitle->str);
  gtk_stack_set_visible_child_name (self->detail_stack, "unit");
}

/* The selection moved to another unit (or the same one was read again). */
static void
show_selected_unit (DnUnitsPage *self)
{
  gint64 id = selected_unit_id (self);
  gboolean same = id == self->unit_id;

  self->unit_id = id;
  update_unit_actions (self);
  update_detail (self);
  _dn_units_page_load_staff (self, same);
}

static void
on_unit_selection_changed_cb (DnUnitsPage *self)
{
  if (self->refreshing)
    return;
  if (selected_unit_id (self) != self->unit_id)
    {
      _dn_units_page_hide_message (self);
      show_selected_unit (self);
    }
}

void
_dn_units_page_select_position (DnUnitsPage *self,
                                guint        position)
{
  gtk_single_selection_set_selected (self->unit_selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->unit_list), "list.scroll-to-item", "u", position);
}

/* After a refresh: the unit shown before, else the nearest unit above it
 * that is still listed, else nothing. */
static void
restore_selection (DnUnitsPage *self,
                   gint64       unit_id)
{
  guint position = GTK_INVALID_LIST_POSITION;
  gint64 id = unit_id;

  while (id > 0 && self->store != NULL)
    {
      DnUnit *unit;

      position = _dn_units_page_find_row (self, id);
      if (position != GTK_INVALID_LIST_POSITION)
        break;
      unit = _dn_units_page_lookup_unit (self, id);
      id = unit != NULL ? unit->parent_id : 0;
    }
  if (position != gtk_single_selection_get_selected (self->unit_selection))
    _dn_units_page_select_position (self, position);
}

/* A new tree model: at the start, and when the filter changes. */
void
_dn_units_page_rebuild_tree (DnUnitsPage *self,
                             GHashTable  *expand)
{
  g_autoptr(GPtrArray) rows = NULL;
  GListStore *root;
  gint64 keep = self->unit_id;

  self->refreshing = TRUE;
  index_units (self);
  rows = read_level (self, 0);
  root = new_level (self, 0, rows);
  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (root), FALSE, self->filter != NULL,
                                        create_children_cb, self, NULL);
  gtk_single_selection_set_model (self->unit_selection, G_LIST_MODEL (self->tree));
  if (expand != NULL)
    expand_ids (self, expand);
  restore_selection (self, keep);
  update_tree_empty (self);
  self->refreshing = FALSE;
  show_selected_unit (self);
}

/* The tree read (or "Show archived units") changed: every level still
 * shown is filled again. */
void
_dn_units_page_refresh (DnUnitsPage *self)
{
  g_autoptr(GHashTable) expanded = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  GHashTableIter iter;
  gpointer key;
  gint64 keep = self->unit_id;

  if (self->store == NULL)
    return;
  index_units (self);

  self->refreshing = TRUE;
  expanded = expanded_ids (self);
  /* a level whose parent row gets replaced goes away with it: held here
   * until the loop ends, it is filled in vain but harmlessly */
  levels = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->levels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (levels, g_object_ref (key));
  for (guint i = 0; i < levels->len; i++)
    {
      GListStore *level = levels->pdata[i];
      const gint64 *parent_id = g_hash_table_lookup (self->levels, level);
      g_autoptr(GPtrArray) rows = NULL;

      if (parent_id == NULL)
        continue;
      rows = read_level (self, *parent_id);
      _dn_units_page_splice_changes (level, rows, same_unit);
    }
  expand_ids (self, expanded);
  restore_selection (self, keep);
  update_tree_empty (self);
  self->refreshing = FALSE;
  show_selected_unit (self);
}

/* The first read: the department open (else the first unit), its direct
 * sub-units shown. */
void
_dn_units_page_open_first_unit (DnUnitsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  guint first = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(DnUnit) unit = row_unit (row);

      if (unit != NULL && unit->kind == DN_UNIT_KIND_DEPARTMENT)
        {
          first = i;
          break;
        }
    }
  if (first < n)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, first);
      gtk_tree_list_row_set_expanded (row, TRUE);
      _dn_units_page_select_position (self, first);
    }
}

void
_dn_units_page_tree_read_free (TreeRead *read)
{
  g_clear_pointer (&read->units, g_ptr_array_unref);
  g_clear_pointer (&read->staff, g_ptr_array_unref);
  g_free (read);
}

/* On the worker's thread: what the ReadRequest @data asks for. */
gpointer
_dn_units_page_read_tree (DnStore         *store,
                          gpointer         data,
                          GCancellable    *cancellable,
                          GDestroyNotify  *result_destroy,
                          GError         **error)
{
  const ReadRequest *request = data;
  g_autoptr(TreeRead) read = g_new0 (TreeRead, 1);
  gboolean ok = TRUE;

  read->staff_unit_id = request->unit_id;
  if (!request->staff_only)
    ok = (read->units = dn_store_list_unit_tree (store, TRUE, error)) != NULL;
  if (ok && read->staff_unit_id > 0)
    ok = (read->staff = _dn_units_page_read_staff (store, read->staff_unit_id, cancellable, error)) != NULL;
  if (!ok)
    return NULL;
  *result_destroy = (GDestroyNotify) _dn_units_page_tree_read_free;
  return g_steal_pointer (&read);
}

void
_dn_units_page_set_units (DnUnitsPage *self,
                          GPtrArray   *units)
{
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->unit_by_id, g_hash_table_unref);
  g_clear_pointer (&self->unit_children, g_hash_table_unref);
  if (units == NULL)
    return;
  self->units = g_ptr_array_ref (units);
  self->unit_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->unit_children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < units->len; i++)
    {
      DnUnit *unit = units->pdata[i];
      GPtrArray *siblings = g_hash_table_lookup (self->unit_children, &unit->parent_id);

      g_hash_table_insert (self->unit_by_id, &unit->id, unit);
      if (siblings == NULL)
        {
          siblings = g_ptr_array_new ();
          g_hash_table_insert (self->unit_children, _dn_units_page_id_dup (unit->parent_id), siblings);
        }
      /* depth first, siblings in order: each level keeps the store's order */
      g_ptr_array_add (siblings, unit);
    }
}

void
_dn_units_page_apply_filter (DnUnitsPage *self,
                             const char  *text)
{
  g_autofree char *folded = text != NULL ? dn_text_fold (text, -1) : NULL;
  g_autoptr(GHashTable) expand = NULL;

  if (folded != NULL)
    {
      g_strstrip (folded);
      if (*folded == '\0')
        g_clear_pointer (&folded, g_free);
    }
  if (g_strcmp0 (folded, self->filter) == 0)
    return;
  if (self->filter == NULL && self->tree != NULL)
    g_object_set_data_full (G_OBJECT (self), "expanded-before-filter", expanded_ids (self),
                            (GDestroyNotify) g_hash_table_unref);
  else if (folded == NULL)
    expand = g_object_steal_data (G_OBJECT (self), "expanded-before-filter");
  g_free (self->filter);
  self->filter = g_steal_pointer (&folded);
  _dn_units_page_rebuild_tree (self, expand);
  if (self->filter == NULL && self->unit_id > 0)
    dn_units_page_select_unit (self, self->unit_id);
}

static void
setup_unit_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *archived = gtk_label_new (_("(archived)"));
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "dn-unit-name");
  gtk_widget_add_css_class (archived, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), archived);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_unit_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  DnUnit *unit = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *line = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (line);
  GtkWidget *archived = gtk_widget_get_next_sibling (name);
  GtkWidget *detail = gtk_widget_get_next_sibling (line);
  g_autofree char *detail_text = g_strdup_printf ("%s · %s", unit->code, dn_unit_kind_get_label (unit->kind));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  /* GTK 4.8 names its expander "Expand", untranslated in Vietnamese */
  for (GtkWidget *child = gtk_widget_get_first_child (expander); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "expander") == 0)
      {
        g_autofree char *label = g_strdup_printf (_("Show or hide the units under %s"), unit->name);

        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
  gtk_label_set_text (GTK_LABEL (name), unit->name);
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (archived, unit->archived);
  if (unit->archived)
    gtk_widget_add_css_class (box, "dn-archived");
  else
    gtk_widget_remove_css_class (box, "dn-archived");
  g_object_unref (unit);
}

static void
unbind_unit_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

void
_dn_units_page_init_tree (DnUnitsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* a model is set by _dn_units_page_rebuild_tree() */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_unit_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_unit_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_unit_row_cb), self);
  gtk_list_view_set_factory (self->unit_list, factory);
  g_object_unref (factory);
  self->unit_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->unit_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->unit_selection, TRUE);
  g_signal_connect_swapped (self->unit_selection, "notify::selected-item",
                            G_CALLBACK (on_unit_selection_changed_cb), self);
  gtk_list_view_set_model (self->unit_list, GTK_SELECTION_MODEL (self->unit_selection));
}

void
_dn_units_page_forget_level_cb (gpointer key,
                                gpointer value,
                                gpointer user_data)
{
  g_object_weak_unref (G_OBJECT (key), level_gone_cb, user_data);
}

