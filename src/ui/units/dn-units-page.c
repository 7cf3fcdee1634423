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
 * This file: the reads of the store, the template's callbacks, the
 * GObject overrides and the public API. The tree is in
 * dn-units-page-tree.c, the staff in dn-units-page-staff.c, the actions
 * in dn-units-page-actions.c (dn-units-page-private.h joins them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-units-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-query-worker.h"
#include "dn-ui.h"
#include "dn-units-page-private.h"

G_DEFINE_FINAL_TYPE (DnUnitsPage, dn_units_page, GTK_TYPE_WIDGET)

/*
 * Small helpers
 */

gint64 *
_dn_units_page_id_dup (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

gboolean
_dn_units_page_show_archived (DnUnitsPage *self)
{
  return gtk_check_button_get_active (self->archived_check);
}

/* The unit @id of the tree read, or NULL. (transfer none) */
DnUnit *
_dn_units_page_lookup_unit (DnUnitsPage *self,
                            gint64       id)
{
  return id > 0 && self->unit_by_id != NULL ? g_hash_table_lookup (self->unit_by_id, &id) : NULL;
}

void
_dn_units_page_show_message (DnUnitsPage *self,
                             const char  *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

void
_dn_units_page_hide_message (DnUnitsPage *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

GtkWindow *
_dn_units_page_parent_window (DnUnitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Replaces the items of @store by @items, touching only the rows between
 * the common beginning and the common end (the others keep their row
 * widgets, expanded state and selection). */
void
_dn_units_page_splice_changes (GListStore *store,
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

static void
tree_read_done (GtkWidget    *widget,
                gpointer      result,
                const GError *error)
{
  DnUnitsPage *self = DN_UNITS_PAGE (widget);
  TreeRead *read = result;
  gint64 select = self->pending_select;

  self->pending_select = 0;
  if (read == NULL)
    {
      /* the tree shown stays; the message says why it is not up to date */
      _dn_units_page_show_message (self, error->message);
      return;
    }
  _dn_units_page_set_units (self, read->units);
  g_clear_pointer (&self->fresh_staff, g_ptr_array_unref);
  if (read->staff != NULL)
    {
      self->fresh_staff = g_ptr_array_ref (read->staff);
      self->fresh_staff_unit = read->staff_unit_id;
    }
  if (!self->opened)
    {
      self->opened = TRUE;
      _dn_units_page_rebuild_tree (self, NULL);
      _dn_units_page_open_first_unit (self);
    }
  else
    _dn_units_page_refresh (self);
  g_clear_pointer (&self->fresh_staff, g_ptr_array_unref);
  if (select > 0)
    dn_units_page_select_unit (self, select);
}

static gpointer
tree_read_data (GtkWidget *widget)
{
  ReadRequest *request = g_new0 (ReadRequest, 1);

  request->unit_id = DN_UNITS_PAGE (widget)->unit_id;
  return request;
}

static gboolean
staff_busy (GtkWidget *widget)
{
  return dn_query_slot_is_busy (DN_UNITS_PAGE (widget)->staff_slot);
}

static const DnStaleReaderFuncs reader_funcs = {
  _dn_units_page_read_tree, tree_read_data, tree_read_done, staff_busy,
};

static void
on_unit_search_changed_cb (DnUnitsPage *self)
{
  _dn_units_page_apply_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->unit_search)));
}

static void
on_unit_search_stop_cb (DnUnitsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->unit_search), "");
  _dn_units_page_apply_filter (self, NULL);
}

static void
on_archived_toggled_cb (DnUnitsPage *self)
{
  /* from the tree read: at once */
  if (self->store != NULL)
    _dn_units_page_refresh (self);
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
on_staff_activate_cb (DnUnitsPage *self,
                      guint        position)
{
  gtk_single_selection_set_selected (self->staff_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "people.edit", NULL);
}

/*
 * GObject overrides
 */

static void
dn_units_page_dispose (GObject *object)
{
  DnUnitsPage *self = DN_UNITS_PAGE (object);

  g_clear_pointer (&self->reader, dn_stale_reader_free);
  g_clear_pointer (&self->staff_slot, dn_query_slot_free);
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
      g_hash_table_foreach (self->levels, _dn_units_page_forget_level_cb, self);
      g_clear_pointer (&self->levels, g_hash_table_unref);
    }
  g_clear_pointer (&self->n_children, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->fresh_staff, g_ptr_array_unref);
  _dn_units_page_set_units (self, NULL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dn_units_page_parent_class)->dispose (object);
}

static void
dn_units_page_class_init (DnUnitsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_units_page_dispose;
  dn_stale_reader_install_property (G_OBJECT_CLASS (klass), G_STRUCT_OFFSET (DnUnitsPage, reader));

  dn_ui_class_set_bin_template (widget_class, "dn-units-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnUnitsPage, content, message_revealer, message_label, unit_search,
                             archived_check, tree_stack, unit_list, tree_empty_label, archive_button,
                             detail_stack, detail_empty_label, unit_title, unit_subtitle, staff_count,
                             staff_stack, staff_view);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_unit_search_changed_cb, on_unit_search_stop_cb,
                              on_archived_toggled_cb, on_unit_activate_cb, on_staff_activate_cb);
  _dn_units_page_install_actions (widget_class);
}

static void
dn_units_page_init (DnUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader = dn_stale_reader_new (GTK_WIDGET (self), &reader_funcs);

  self->levels = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->n_children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  _dn_units_page_init_tree (self);
  _dn_units_page_init_staff (self);

  _dn_units_page_rebuild_tree (self, NULL);
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
  g_clear_pointer (&self->staff_slot, dn_query_slot_free);
  g_set_object (&self->store, store);

  self->unit_id = 0;
  self->pending_select = 0;
  self->opened = FALSE;
  _dn_units_page_set_units (self, NULL);
  _dn_units_page_hide_message (self);
  _dn_units_page_rebuild_tree (self, NULL);

  if (store != NULL)
    {
      g_autoptr(DnQueryWorker) worker = dn_query_worker_get_for_store (store);

      self->staff_slot = dn_query_slot_new (worker);
    }
  /* the tree is read when the page is first shown; it then opens on the
   * department (else the first unit), its direct sub-units shown */
  dn_stale_reader_set_store (self->reader, store);
}

gboolean
dn_units_page_is_loading (DnUnitsPage *self)
{
  g_return_val_if_fail (DN_IS_UNITS_PAGE (self), FALSE);
  return dn_stale_reader_is_loading (self->reader);
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
  if (self->units == NULL || dn_stale_reader_is_stale (self->reader) || dn_stale_reader_is_busy (self->reader))
    {
      self->pending_select = unit_id;
      dn_stale_reader_schedule (self->reader);
      return;
    }
  self->pending_select = 0;

  /* the unit and the units above it, the top one first */
  chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (id > 0 && chain->len < 64)
    {
      DnUnit *unit = _dn_units_page_lookup_unit (self, id);

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
      _dn_units_page_apply_filter (self, NULL);
    }
  if (archived && !_dn_units_page_show_archived (self))
    gtk_check_button_set_active (self->archived_check, TRUE);

  for (guint i = 0; i + 1 < chain->len; i++)
    {
      position = _dn_units_page_find_row (self, g_array_index (chain, gint64, i));
      if (position != GTK_INVALID_LIST_POSITION)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  position = _dn_units_page_find_row (self, unit_id);
  if (position != GTK_INVALID_LIST_POSITION)
    _dn_units_page_select_position (self, position);
}

gint64
dn_units_page_get_selected (DnUnitsPage *self)
{
  g_return_val_if_fail (DN_IS_UNITS_PAGE (self), 0);
  return self->unit_id;
}
