/* dn-units-page.c
 *
 * Every read of the store runs on the query worker, never on the main
 * loop: the whole unit tree (a few hundred units, archived ones too) is
 * read in one go, with the staff of the selected unit, when the page is
 * first shown and after each DnStore::changed (only while shown; changes
 * that come during a read are read once, after it). Until a read returns,
 * the page keeps showing what it had.
 *
 * Left: the tree of units, one GListStore per level (filled from the tree
 * read when a row is expanded), wrapped in a GtkTreeListModel. After each
 * read every level still alive is filled again and only the rows that
 * differ are replaced, so expanded rows, the selection and the scroll
 * position stay where they are. The filter and "Show archived units" work
 * on the tree read, at once.
 *
 * Right: the staff of the selected unit, in a GListStore (read on the
 * worker when another unit is chosen).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-units-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-date.h"
#include "dn-person-editor.h"
#include "dn-query-worker.h"
#include "dn-text.h"
#include "dn-ui.h"
#include "dn-unit-dialog.h"
#include "dn-units-page.h"

#define STAFF_PAGE 500
#define N_CHILDREN_KEY "dn-units-page-n-children"

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  STAFF_NAME,
  STAFF_POSITION,
  STAFF_GENDER,
  STAFF_BIRTH_DATE,
  STAFF_EMAIL,
  STAFF_PHONE,
  STAFF_N_COLUMNS
} StaffColumn;

struct _DnUnitsPage
{
  GtkWidget           parent_instance;

  DnStore            *store;
  gboolean            refreshing;     /* selection changes come from a refresh */

  /* What the worker read */
  DnQuerySlot        *tree_slot;      /* the units, with the staff of the selected one */
  DnQuerySlot        *staff_slot;     /* the staff of another unit */
  GPtrArray          *units;          /* DnUnit: the whole tree, archived units too; NULL before the first read */
  GHashTable         *unit_by_id;     /* gint64* → DnUnit (of units) */
  GHashTable         *unit_children;  /* gint64* parent id (0: roots) → GPtrArray of DnUnit, in order */
  gboolean            stale;          /* the store changed since the units were read */
  gboolean            opened;         /* the first read has opened the department */
  gboolean            loading;        /* property "loading" */
  guint               refresh_idle;
  gint64              pending_select; /* to select once the units are read */
  GPtrArray          *fresh_staff;    /* the staff read with the tree, for fresh_staff_unit */
  gint64              fresh_staff_unit;

  /* The tree */
  GtkTreeListModel   *tree;
  GtkSingleSelection *unit_selection;
  GHashTable         *levels;         /* GListStore* (weak) → gint64* parent id */
  GHashTable         *n_children;     /* gint64* unit id → number of listed children */
  GHashTable         *visible;        /* while filtering: gint64* ids shown, else NULL */
  char               *filter;         /* folded search text, or NULL */
  gint64              unit_id;        /* the unit whose staff is shown */

  /* The staff */
  GListStore         *staff;
  GtkSingleSelection *staff_selection;
  gint64              staff_unit_id;  /* whose staff is listed */
  gint64              keep_person_id; /* to select once it is read */

  /* Template widgets */
  GtkWidget          *content;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkSearchEntry     *unit_search;
  GtkCheckButton     *archived_check;
  GtkStack           *tree_stack;
  GtkListView        *unit_list;
  GtkLabel           *tree_empty_label;
  GtkButton          *archive_button;
  GtkStack           *detail_stack;
  GtkLabel           *detail_empty_label;
  GtkLabel           *unit_title;
  GtkLabel           *unit_subtitle;
  GtkLabel           *staff_count;
  GtkStack           *staff_stack;
  GtkColumnView      *staff_view;
};

G_DEFINE_FINAL_TYPE (DnUnitsPage, dn_units_page, GTK_TYPE_WIDGET)

static void load_staff (DnUnitsPage *self, gboolean same_unit);
static void update_loading (DnUnitsPage *self);
static void schedule_refresh (DnUnitsPage *self);

/*
 * Small helpers
 */

static gint64 *
id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gboolean
show_archived (DnUnitsPage *self)
{
  return gtk_check_button_get_active (self->archived_check);
}

/* The unit @id of the tree read, or NULL. (transfer none) */
static DnUnit *
lookup_unit (DnUnitsPage *self,
             gint64       id)
{
  return id > 0 && self->unit_by_id != NULL ? g_hash_table_lookup (self->unit_by_id, &id) : NULL;
}

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
  if (show_archived (self))
    return TRUE;
  for (DnUnit *up = unit; up != NULL; up = lookup_unit (self, up->parent_id))
    if (up->archived)
      return FALSE;
  return TRUE;
}

static void
show_message (DnUnitsPage *self,
              const char  *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
hide_message (DnUnitsPage *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static void
hide_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  hide_message (DN_UNITS_PAGE (widget));
}

static GtkWindow *
parent_window (DnUnitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static guint
unit_n_children (DnUnit *unit)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (unit), N_CHILDREN_KEY));
}

/* Two records show the same thing (same row, same texts). */
typedef gboolean (*SameFunc) (gpointer a, gpointer b);

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

static gboolean
same_person (gpointer a,
             gpointer b)
{
  DnPerson *x = a, *y = b;
  gboolean x_born = g_date_valid (&x->birth_date), y_born = g_date_valid (&y->birth_date);

  return x->id == y->id && x->gender == y->gender && x->unit_id == y->unit_id &&
         g_str_equal (x->family_name, y->family_name) && g_str_equal (x->middle_name, y->middle_name) &&
         g_str_equal (x->given_name, y->given_name) && g_str_equal (x->position, y->position) &&
         g_str_equal (x->email, y->email) && g_str_equal (x->phone, y->phone) &&
         x_born == y_born && (!x_born || g_date_compare (&x->birth_date, &y->birth_date) == 0);
}

/* Replaces the items of @store by @items, touching only the rows between
 * the common beginning and the common end (the others keep their row
 * widgets, expanded state and selection). */
static void
splice_changes (GListStore *store,
                GPtrArray  *items,
                SameFunc    same)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, prefix);
      if (!same (old, items->pdata[prefix]))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n_old - 1 - suffix);
      if (!same (old, items->pdata[n_new - 1 - suffix]))
        break;
      suffix++;
    }
  if (prefix == n_old && prefix == n_new)
    return;
  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       items->pdata + prefix, n_new - prefix - suffix);
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
          g_hash_table_insert (self->n_children, id_dup (unit->parent_id), GUINT_TO_POINTER (n + 1));
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
               up = lookup_unit (self, up->parent_id))
            g_hash_table_add (self->visible, id_dup (up->id));
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
          g_hash_table_insert (self->n_children, id_dup (unit->parent_id), GUINT_TO_POINTER (n + 1));
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
      if (unit->archived && !show_archived (self))
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
  g_hash_table_insert (self->levels, level, id_dup (parent_id));
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
static guint
find_row (DnUnitsPage *self,
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
            g_hash_table_add (ids, id_dup (unit->id));
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
  DnUnit *unit = self->store != NULL ? lookup_unit (self, self->unit_id) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.add", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.rename", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.move", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.archive", unit != NULL);
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
  DnUnit *unit = self->store != NULL ? lookup_unit (self, self->unit_id) : NULL;

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
      DnUnit *parent = lookup_unit (self, unit->parent_id);
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
  load_staff (self, same);
}

static void
on_unit_selection_changed_cb (DnUnitsPage *self)
{
  if (self->refreshing)
    return;
  if (selected_unit_id (self) != self->unit_id)
    {
      hide_message (self);
      show_selected_unit (self);
    }
}

static void
select_position (DnUnitsPage *self,
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

      position = find_row (self, id);
      if (position != GTK_INVALID_LIST_POSITION)
        break;
      unit = lookup_unit (self, id);
      id = unit != NULL ? unit->parent_id : 0;
    }
  if (position != gtk_single_selection_get_selected (self->unit_selection))
    select_position (self, position);
}

/* A new tree model: at the start, and when the filter changes. */
static void
rebuild_tree (DnUnitsPage *self,
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
static void
refresh (DnUnitsPage *self)
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
      splice_changes (level, rows, same_unit);
    }
  expand_ids (self, expanded);
  restore_selection (self, keep);
  update_tree_empty (self);
  self->refreshing = FALSE;
  show_selected_unit (self);
}

/* The first read: the department open (else the first unit), its direct
 * sub-units shown. */
static void
open_first_unit (DnUnitsPage *self)
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
      select_position (self, first);
    }
}

/* What one read gives. */
typedef struct
{
  GPtrArray *units;          /* the whole tree, archived units too */
  gint64     staff_unit_id;
  GPtrArray *staff;          /* of staff_unit_id, or NULL */
} TreeRead;

static void
tree_read_free (TreeRead *read)
{
  g_clear_pointer (&read->units, g_ptr_array_unref);
  g_clear_pointer (&read->staff, g_ptr_array_unref);
  g_free (read);
}

/* On the worker's thread: every person of @unit_id, in order. */
static GPtrArray *
read_staff (DnStore       *store,
            gint64         unit_id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (;;)
    {
      g_autoptr(GPtrArray) people = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      people = dn_store_list_people (store, unit_id, all->len, STAFF_PAGE, error);
      if (people == NULL)
        return NULL;
      for (guint i = 0; i < people->len; i++)
        g_ptr_array_add (all, g_object_ref (people->pdata[i]));
      if (people->len < STAFF_PAGE)
        return g_steal_pointer (&all);
    }
}

/* On the worker's thread. */
static gpointer
read_tree (DnStore         *store,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *result_destroy,
           GError         **error)
{
  TreeRead *read = g_new0 (TreeRead, 1);

  read->staff_unit_id = *(gint64 *) data;
  read->units = dn_store_list_unit_tree (store, TRUE, error);
  if (read->units != NULL && read->staff_unit_id > 0)
    read->staff = read_staff (store, read->staff_unit_id, cancellable, error);
  if (read->units == NULL || (read->staff_unit_id > 0 && read->staff == NULL))
    {
      tree_read_free (read);
      return NULL;
    }
  *result_destroy = (GDestroyNotify) tree_read_free;
  return read;
}

static void
set_units (DnUnitsPage *self,
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
          g_hash_table_insert (self->unit_children, id_dup (unit->parent_id), siblings);
        }
      /* depth first, siblings in order: each level keeps the store's order */
      g_ptr_array_add (siblings, unit);
    }
}

static void start_refresh (DnUnitsPage *self);

static void
tree_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DnUnitsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GDestroyNotify destroy = NULL;
  TreeRead *read = dn_query_worker_run_finish (result, &destroy, &error);
  gint64 select = self->pending_select;

  self->pending_select = 0;
  if (read == NULL)
    {
      /* the tree shown stays; the message says why it is not up to date */
      show_message (self, error->message);
    }
  else
    {
      set_units (self, read->units);
      g_clear_pointer (&self->fresh_staff, g_ptr_array_unref);
      if (read->staff != NULL)
        {
          self->fresh_staff = g_ptr_array_ref (read->staff);
          self->fresh_staff_unit = read->staff_unit_id;
        }
      if (!self->opened)
        {
          self->opened = TRUE;
          rebuild_tree (self, NULL);
          open_first_unit (self);
        }
      else
        refresh (self);
      g_clear_pointer (&self->fresh_staff, g_ptr_array_unref);
      destroy (read);
      if (select > 0)
        dn_units_page_select_unit (self, select);
    }
  /* changes that came meanwhile */
  if (self->stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_refresh (self);
  update_loading (self);
}

static void
start_refresh (DnUnitsPage *self)
{
  gint64 *unit_id = g_new (gint64, 1);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->stale = FALSE;
  *unit_id = self->unit_id;
  dn_query_slot_run_async (self->tree_slot, read_tree, unit_id, g_free, tree_read_cb, self);
  update_loading (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  DnUnitsPage *self = user_data;

  self->refresh_idle = 0;
  if (self->stale && gtk_widget_get_mapped (GTK_WIDGET (self)) && !dn_query_slot_is_busy (self->tree_slot))
    start_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Reads the store again once the changes of this turn of the main loop are
 * all in, if the page is shown; a read under way is done again after. */
static void
schedule_refresh (DnUnitsPage *self)
{
  if (self->tree_slot == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->refresh_idle == 0 && !dn_query_slot_is_busy (self->tree_slot))
    self->refresh_idle = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, self, NULL);
}

static void
update_loading (DnUnitsPage *self)
{
  gboolean loading = self->store != NULL &&
                     ((self->stale && gtk_widget_get_mapped (GTK_WIDGET (self))) ||
                      dn_query_slot_is_busy (self->tree_slot) || dn_query_slot_is_busy (self->staff_slot));

  if (loading == self->loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_store_changed_cb (DnUnitsPage *self)
{
  self->stale = TRUE;
  schedule_refresh (self);
  update_loading (self);
}

static void
apply_filter (DnUnitsPage *self,
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
  rebuild_tree (self, expand);
  if (self->filter == NULL && self->unit_id > 0)
    dn_units_page_select_unit (self, self->unit_id);
}

static void
on_unit_search_changed_cb (DnUnitsPage *self)
{
  apply_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->unit_search)));
}

static void
on_unit_search_stop_cb (DnUnitsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->unit_search), "");
  apply_filter (self, NULL);
}

static void
on_archived_toggled_cb (DnUnitsPage *self)
{
  /* from the tree read: at once */
  if (self->store != NULL)
    refresh (self);
}

static void
on_unit_activate_cb (DnUnitsPage *self,
                     guint        position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
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

/*
 * The staff
 */

static gint64
selected_person_id (DnUnitsPage *self)
{
  DnPerson *person = gtk_single_selection_get_selected_item (self->staff_selection);

  return person != NULL ? person->id : 0;
}

static void
update_person_actions (DnUnitsPage *self)
{
  gboolean have = selected_person_id (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.remove", have);
}

static void
select_person (DnUnitsPage *self,
               gint64       person_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnPerson) person = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      if (person->id == person_id)
        {
          GtkWidget *child;

          self->keep_person_id = 0;
          if (gtk_single_selection_get_selected (self->staff_selection) != i)
            gtk_single_selection_set_selected (self->staff_selection, i);
          /* the column view's own list view knows how to scroll */
          for (child = gtk_widget_get_first_child (GTK_WIDGET (self->staff_view)); child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
update_staff_status (DnUnitsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));
  g_autofree char *count = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  gtk_label_set_text (self->staff_count, count);
  gtk_stack_set_visible_child_name (self->staff_stack, n > 0 ? "list" : "empty");
  update_person_actions (self);
}

/* Shows @people, the staff of @unit_id: only the rows that changed when it
 * is the unit already listed (the selection and the scroll position stay),
 * else all of them. */
static void
show_staff (DnUnitsPage *self,
            gint64       unit_id,
            GPtrArray   *people)
{
  gint64 keep = self->keep_person_id;

  if (unit_id == self->staff_unit_id)
    splice_changes (self->staff, people, same_person);
  else
    g_list_store_splice (self->staff, 0, g_list_model_get_n_items (G_LIST_MODEL (self->staff)),
                         people->pdata, people->len);
  self->staff_unit_id = unit_id;
  if (keep > 0)
    select_person (self, keep);
  self->keep_person_id = 0;
  update_staff_status (self);
}

/* On the worker's thread: a TreeRead with the staff only. */
static gpointer
read_staff_job (DnStore         *store,
                gpointer         data,
                GCancellable    *cancellable,
                GDestroyNotify  *result_destroy,
                GError         **error)
{
  TreeRead *read = g_new0 (TreeRead, 1);

  read->staff_unit_id = *(gint64 *) data;
  read->staff = read_staff (store, read->staff_unit_id, cancellable, error);
  if (read->staff == NULL)
    {
      tree_read_free (read);
      return NULL;
    }
  *result_destroy = (GDestroyNotify) tree_read_free;
  return read;
}

static void
staff_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DnUnitsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  GDestroyNotify destroy = NULL;
  TreeRead *read = dn_query_worker_run_finish (result, &destroy, &error);

  if (read == NULL)
    show_message (self, error->message);
  else
    {
      if (read->staff_unit_id == self->unit_id)
        show_staff (self, read->staff_unit_id, read->staff);
      destroy (read);
    }
  update_loading (self);
}

/* @same_unit: the store changed; the rows that did not change stay as they
 * are (with the selection and the scroll position). Else the list shows
 * the new unit's staff once read; until then it keeps the rows it had. */
static void
load_staff (DnUnitsPage *self,
            gboolean     same_unit)
{
  gint64 keep = same_unit ? selected_person_id (self) : 0;
  gint64 *unit_id;

  if (self->keep_person_id > 0 && same_unit)
    keep = self->keep_person_id;
  self->keep_person_id = keep;

  if (self->store == NULL || self->unit_id == 0)
    {
      if (self->staff_slot != NULL)
        dn_query_slot_cancel (self->staff_slot);
      g_list_store_remove_all (self->staff);
      self->staff_unit_id = 0;
      self->keep_person_id = 0;
      update_staff_status (self);
      update_loading (self);
      return;
    }
  if (self->fresh_staff != NULL && self->fresh_staff_unit == self->unit_id)
    {
      /* read with the tree */
      dn_query_slot_cancel (self->staff_slot);
      show_staff (self, self->unit_id, self->fresh_staff);
      update_loading (self);
      return;
    }
  if (same_unit && self->staff_unit_id == self->unit_id && !self->stale)
    {
      /* listed already (a change of the store brings the staff with the tree) */
      if (keep > 0)
        select_person (self, keep);
      update_staff_status (self);
      return;
    }
  unit_id = g_new (gint64, 1);
  *unit_id = self->unit_id;
  dn_query_slot_run_async (self->staff_slot, read_staff_job, unit_id, g_free, staff_read_cb, self);
  update_loading (self);
}

static void
on_staff_selection_changed_cb (DnUnitsPage *self)
{
  update_person_actions (self);
}

static char *
staff_text (DnPerson    *person,
            StaffColumn  column)
{
  switch (column)
    {
    case STAFF_NAME:
      return dn_person_dup_full_name (person);
    case STAFF_POSITION:
      return g_strdup (person->position);
    case STAFF_GENDER:
      return g_strdup (person->gender == DN_GENDER_UNKNOWN ? "" : dn_gender_get_label (person->gender));
    case STAFF_BIRTH_DATE:
      return g_date_valid (&person->birth_date) ? dn_date_format_short (&person->birth_date) : g_strdup ("");
    case STAFF_EMAIL:
      return g_strdup (person->email);
    case STAFF_PHONE:
      return g_strdup (person->phone);
    case STAFF_N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

static gboolean
on_staff_cell_query_tooltip_cb (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip,
                                gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (widget));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_staff_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  StaffColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == STAFF_NAME)
    gtk_widget_add_css_class (label, "dn-person-name");
  if (column == STAFF_BIRTH_DATE || column == STAFF_PHONE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_staff_cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_staff_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  StaffColumn column = GPOINTER_TO_INT (user_data);
  DnPerson *person = gtk_list_item_get_item (item);
  g_autofree char *text = staff_text (person, column);

  /* the tooltip (the whole text of a shortened cell) is made when asked:
   * setting one at bind time costs a round trip to the display server */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_staff_columns (DnUnitsPage *self)
{
  const struct
  {
    const char *title;
    gboolean    expand;
    int         width;
  } columns[STAFF_N_COLUMNS] = {
    [STAFF_NAME] = { N_("Full name"), TRUE, 200 },
    [STAFF_POSITION] = { N_("Position"), TRUE, 140 },
    [STAFF_GENDER] = { N_("Gender"), FALSE, 70 },
    [STAFF_BIRTH_DATE] = { N_("Birth date"), FALSE, 100 },
    [STAFF_EMAIL] = { N_("E-mail"), TRUE, 160 },
    [STAFF_PHONE] = { N_("Phone"), FALSE, 110 },
  };

  for (int i = 0; i < STAFF_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_staff_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_staff_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (!columns[i].expand)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->staff_view, column);
    }
}

static void
on_staff_activate_cb (DnUnitsPage *self,
                      guint        position)
{
  gtk_single_selection_set_selected (self->staff_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "people.edit", NULL);
}

/*
 * Actions
 */

static void
on_unit_saved_cb (DnUnitsPage *self,
                  gint64       unit_id)
{
  hide_message (self);
  dn_units_page_select_unit (self, unit_id);
}

static void
open_unit_dialog (DnUnitsPage      *self,
                  DnUnitDialogMode  mode,
                  gint64            unit_id)
{
  g_autoptr(GError) error = NULL;
  DnUnitDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = dn_unit_dialog_new (self->store, mode, unit_id, &error);
  if (dialog == NULL)
    {
      show_message (self, error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_unit_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);

  open_unit_dialog (self, DN_UNIT_DIALOG_ADD, self->unit_id);
}

static void
rename_unit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);

  if (self->unit_id > 0)
    open_unit_dialog (self, DN_UNIT_DIALOG_RENAME, self->unit_id);
}

static void
move_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);

  if (self->unit_id > 0)
    open_unit_dialog (self, DN_UNIT_DIALOG_MOVE, self->unit_id);
}

static void
set_archived (DnUnitsPage *self,
              gint64       unit_id,
              gboolean     archived)
{
  g_autoptr(GError) error = NULL;

  if (!dn_store_set_unit_archived (self->store, unit_id, archived, &error))
    show_message (self, error->message);
  else
    hide_message (self);
}

static void
on_archive_response_cb (GtkDialog   *dialog,
                        int          response,
                        DnUnitsPage *self)
{
  gint64 unit_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "unit-id");

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    set_archived (self, unit_id, TRUE);
}

static void
archive_unit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);
  DnUnit *unit;
  g_autoptr(GString) detail = NULL;
  g_autoptr(GPtrArray) below = NULL;
  GtkWidget *dialog;
  GtkWidget *button;
  guint n_below;

  if (self->store == NULL || self->unit_id == 0)
    return;
  unit = lookup_unit (self, self->unit_id);
  if (unit == NULL)
    return;
  if (unit->archived)
    {
      /* restoring loses nothing: no question asked */
      set_archived (self, unit->id, FALSE);
      return;
    }

  /* the units below it, from the tree read */
  below = g_ptr_array_new ();
  g_ptr_array_add (below, unit);
  for (guint i = 0; i < below->len; i++)
    {
      DnUnit *up = below->pdata[i];
      GPtrArray *children = g_hash_table_lookup (self->unit_children, &up->id);

      for (guint j = 0; children != NULL && j < children->len; j++)
        g_ptr_array_add (below, children->pdata[j]);
    }
  n_below = below->len - 1;
  detail = g_string_new (_("Archived units disappear from the lists where units are chosen, "
                           "but their tasks, staff and history are kept. "
                           "Turn on “Show archived units” to see it again and restore it."));
  if (n_below > 0)
    {
      g_string_append (detail, "\n\n");
      g_string_append_printf (detail, g_dngettext (GETTEXT_PACKAGE,
                                                   "Its %u sub-unit is hidden with it.",
                                                   "Its %u sub-units are hidden with it.", n_below),
                              n_below);
    }
  dialog = gtk_message_dialog_new (parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, _("Archive “%s”?"), unit->name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail->str);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Archive"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "unit-id", id_dup (unit->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_person_saved_cb (DnUnitsPage *self,
                    gint64       person_id)
{
  hide_message (self);
  /* selected now if listed already, else once the staff is read again */
  self->keep_person_id = person_id;
  select_person (self, person_id);
}

static void
open_person_editor (DnUnitsPage *self,
                    gint64       person_id)
{
  g_autoptr(GError) error = NULL;
  DnPersonEditor *editor;

  if (self->store == NULL)
    return;
  editor = dn_person_editor_new (self->store, person_id, self->unit_id, &error);
  if (editor == NULL)
    {
      show_message (self, error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_person_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  open_person_editor (DN_UNITS_PAGE (widget), 0);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);
  gint64 person_id = selected_person_id (self);

  if (person_id > 0)
    open_person_editor (self, person_id);
}

static void
on_remove_response_cb (GtkDialog   *dialog,
                       int          response,
                       DnUnitsPage *self)
{
  gint64 person_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "person-id");
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (dialog), "person-name"));
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    return;
  if (!dn_store_delete_person (self->store, person_id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not removed: %s"), name, error->message);
      show_message (self, message);
    }
  else
    hide_message (self);
}

static void
remove_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);
  DnPerson *person = gtk_single_selection_get_selected_item (self->staff_selection);
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  GtkWidget *button;

  if (person == NULL || self->store == NULL)
    return;
  name = dn_person_dup_full_name (person);
  dialog = gtk_message_dialog_new (parent_window (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Remove “%s” from the staff list?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("This cannot be undone. People named in tasks, "
                                              "delegations or documents cannot be removed."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Remove"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "person-id", id_dup (person->id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "person-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * GObject overrides
 */

static void
dn_units_page_map (GtkWidget *widget)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);

  GTK_WIDGET_CLASS (dn_units_page_parent_class)->map (widget);
  /* read when first shown, and after changes made while hidden */
  if (self->stale && self->tree_slot != NULL && !dn_query_slot_is_busy (self->tree_slot))
    start_refresh (self);
  update_loading (self);
}

static void
dn_units_page_unmap (GtkWidget *widget)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);

  GTK_WIDGET_CLASS (dn_units_page_parent_class)->unmap (widget);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  update_loading (self);
}

static void
dn_units_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DnUnitsPage *self = DN_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
forget_level_cb (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  g_object_weak_unref (G_OBJECT (key), level_gone_cb, user_data);
}

static void
dn_units_page_dispose (GObject *object)
{
  DnUnitsPage *self = DN_UNITS_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_pointer (&self->tree_slot, dn_query_slot_free);
  g_clear_pointer (&self->staff_slot, dn_query_slot_free);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_UNITS_PAGE);
  if (self->unit_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->unit_selection, self);
  if (self->staff_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->staff_selection, self);
  g_clear_object (&self->unit_selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->staff_selection);
  g_clear_object (&self->staff);
  if (self->levels != NULL)
    {
      g_hash_table_foreach (self->levels, forget_level_cb, self);
      g_clear_pointer (&self->levels, g_hash_table_unref);
    }
  g_clear_pointer (&self->n_children, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->fresh_staff, g_ptr_array_unref);
  set_units (self, NULL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_units_page_parent_class)->dispose (object);
}

static void
dn_units_page_class_init (DnUnitsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_units_page_dispose;
  G_OBJECT_CLASS (klass)->get_property = dn_units_page_get_property;
  widget_class->map = dn_units_page_map;
  widget_class->unmap = dn_units_page_unmap;

  /* TRUE while what is shown waits for a read of the store */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/doingoai/DoiNgoai/ui/dn-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, content);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, unit_search);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, tree_stack);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, unit_list);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, tree_empty_label);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, archive_button);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, detail_empty_label);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, unit_title);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, unit_subtitle);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, staff_count);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, staff_stack);
  gtk_widget_class_bind_template_child (widget_class, DnUnitsPage, staff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_activate_cb);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_unit_action);
  gtk_widget_class_install_action (widget_class, "units.rename", NULL, rename_unit_action);
  gtk_widget_class_install_action (widget_class, "units.move", NULL, move_unit_action);
  gtk_widget_class_install_action (widget_class, "units.archive", NULL, archive_unit_action);
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "people.edit", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "people.remove", NULL, remove_person_action);
  gtk_widget_class_install_action (widget_class, "units.hide-message", NULL, hide_message_action);
}

static void
dn_units_page_init (DnUnitsPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->levels = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->n_children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* the tree: a model is set by rebuild_tree() */
  factory = gtk_signal_list_item_factory_new ();
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

  /* the staff */
  self->staff = g_list_store_new (DN_TYPE_PERSON);
  self->staff_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->staff)));
  gtk_single_selection_set_autoselect (self->staff_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->staff_selection, TRUE);
  g_signal_connect_swapped (self->staff_selection, "notify::selected-item",
                            G_CALLBACK (on_staff_selection_changed_cb), self);
  gtk_column_view_set_model (self->staff_view, GTK_SELECTION_MODEL (self->staff_selection));
  add_staff_columns (self);

  rebuild_tree (self, NULL);
}

/*
 * Public API
 */

void
dn_units_page_set_store (DnUnitsPage *self,
                         DnStore     *store)
{
  g_return_if_fail (DN_IS_UNITS_PAGE (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_pointer (&self->tree_slot, dn_query_slot_free);
  g_clear_pointer (&self->staff_slot, dn_query_slot_free);
  g_set_object (&self->store, store);

  self->unit_id = 0;
  self->pending_select = 0;
  self->opened = FALSE;
  set_units (self, NULL);
  hide_message (self);
  rebuild_tree (self, NULL);

  /* the tree is read when the page is first shown; it then opens on the
   * department (else the first unit), its direct sub-units shown */
  self->stale = store != NULL;
  if (store != NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (store);

      self->tree_slot = dn_query_slot_new (worker);
      self->staff_slot = dn_query_slot_new (worker);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        start_refresh (self);
    }
  update_loading (self);
}

gboolean
dn_units_page_is_loading (DnUnitsPage *self)
{
  g_return_val_if_fail (DN_IS_UNITS_PAGE (self), FALSE);
  return self->loading;
}

void
dn_units_page_select_unit (DnUnitsPage *self,
                           gint64       unit_id)
{
  g_autoptr(GArray) chain = NULL;
  gboolean archived = FALSE;
  gint64 id = unit_id;
  guint position;

  g_return_if_fail (DN_IS_UNITS_PAGE (self));
  if (self->store == NULL)
    return;
  /* the tree read is not up to date (a unit just added, moved…): once it is */
  if (self->units == NULL || self->stale || dn_query_slot_is_busy (self->tree_slot))
    {
      self->pending_select = unit_id;
      schedule_refresh (self);
      return;
    }
  self->pending_select = 0;

  /* the unit and the units above it, the top one first */
  chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (id > 0 && chain->len < 64)
    {
      DnUnit *unit = lookup_unit (self, id);

      if (unit == NULL)
        return;
      archived |= unit->archived;
      g_array_prepend_val (chain, id);
      id = unit->parent_id;
    }
  if (chain->len == 0)
    return;

  if (self->filter != NULL)
    {
      /* the filter could hide the unit: it goes */
      gtk_editable_set_text (GTK_EDITABLE (self->unit_search), "");
      apply_filter (self, NULL);
    }
  if (archived && !show_archived (self))
    gtk_check_button_set_active (self->archived_check, TRUE);

  for (guint i = 0; i + 1 < chain->len; i++)
    {
      position = find_row (self, g_array_index (chain, gint64, i));
      if (position != GTK_INVALID_LIST_POSITION)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  position = find_row (self, unit_id);
  if (position != GTK_INVALID_LIST_POSITION)
    select_position (self, position);
}

gint64
dn_units_page_get_selected (DnUnitsPage *self)
{
  g_return_val_if_fail (DN_IS_UNITS_PAGE (self), 0);
  return self->unit_id;
}
