/* dn-unit-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-text.h"
#include "dn-unit-picker.h"

#define INDENT_PX 16
#define FOLD_KEY  "dn-unit-picker-fold"

struct _DnUnitPicker
{
  GtkWidget           parent_instance;

  GListStore         *units;        /* DnUnit, in tree order */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *search;       /* folded, or NULL */
  gint64              selected_id;

  GtkWidget          *button;
  GtkWidget          *button_label;
  GtkWidget          *popover;
  GtkWidget          *entry;
  GtkWidget          *scroller;
  GtkWidget          *list;
  GtkWidget          *empty_label;
};

enum
{
  PROP_0,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DnUnitPicker, dn_unit_picker, GTK_TYPE_WIDGET)

static char *
unit_display (DnUnit *unit)
{
  if (unit->id == 0 || unit->code[0] == '\0')
    return g_strdup (unit->name);
  return g_strdup_printf ("%s (%s)", unit->name, unit->code);
}

/* The entry of @unit_id (owned by the list), or NULL. */
static DnUnit *
find_unit (DnUnitPicker *self,
           gint64        unit_id,
           guint        *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);
      if (unit->id == unit_id)
        {
          if (position != NULL)
            *position = i;
          return unit;
        }
    }
  return NULL;
}

static void
update_button (DnUnitPicker *self)
{
  DnUnit *unit = find_unit (self, self->selected_id, NULL);
  g_autofree char *text = unit != NULL ? unit_display (unit) : g_strdup ("—");

  gtk_label_set_text (GTK_LABEL (self->button_label), text);
  gtk_widget_set_tooltip_text (self->button, text);
}

static void
set_selected_id (DnUnitPicker *self,
                 gint64        unit_id)
{
  gboolean changed = self->selected_id != unit_id;

  self->selected_id = unit_id;
  update_button (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DnUnitPicker *self = user_data;
  DnUnit *unit = item;
  const char *folded;

  if (self->search == NULL)
    return TRUE;
  if (unit->id == 0)
    return FALSE;
  folded = g_object_get_data (G_OBJECT (unit), FOLD_KEY);
  return folded != NULL && strstr (folded, self->search) != NULL;
}

static void
update_empty (DnUnitPicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_widget_set_visible (self->empty_label, empty);
  gtk_widget_set_visible (self->scroller, !empty);
}

static void
apply_search (DnUnitPicker *self,
              const char   *text)
{
  g_autofree char *folded = text != NULL ? dn_text_fold (text, -1) : NULL;

  g_clear_pointer (&self->search, g_free);
  if (folded != NULL)
    {
      g_strstrip (folded);
      if (*folded != '\0')
        self->search = g_steal_pointer (&folded);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
on_search_changed_cb (DnUnitPicker *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
pick_position (DnUnitPicker *self,
               guint         position)
{
  g_autoptr(DnUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (unit == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  set_selected_id (self, unit->id);
}

static void
on_list_activate_cb (GtkListView  *list,
                     guint         position,
                     DnUnitPicker *self)
{
  pick_position (self, position);
}

static void
on_search_activate_cb (DnUnitPicker *self)
{
  /* Enter takes the first match */
  pick_position (self, 0);
}

static void
on_search_stop_cb (DnUnitPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         DnUnitPicker          *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      gtk_widget_child_focus (self->list, GTK_DIR_TAB_FORWARD);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_button_toggled_cb (DnUnitPicker *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->button)))
    gtk_popover_popup (GTK_POPOVER (self->popover));
  else
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_popover_closed_cb (DnUnitPicker *self)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), FALSE);
}

static void
on_popover_show_cb (DnUnitPicker *self)
{
  guint position;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  apply_search (self, NULL);
  gtk_widget_grab_focus (self->entry);
  if (find_unit (self, self->selected_id, &position) != NULL)
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (self->list));
      gtk_selection_model_select_item (model, position, TRUE);
      gtk_widget_activate_action (self->list, "list.scroll-to-item", "u", position);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  DnUnitPicker *self = user_data;
  DnUnit *unit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *code = gtk_widget_get_next_sibling (name);

  gtk_label_set_text (GTK_LABEL (name), unit->name);
  gtk_label_set_text (GTK_LABEL (code), unit->code);
  /* indentation shows the tree; search results are shown flat */
  gtk_widget_set_margin_start (box, self->search == NULL ? (int) unit->depth * INDENT_PX : 0);
  if (unit->id == 0)
    gtk_widget_add_css_class (name, "dim-label");
  else
    gtk_widget_remove_css_class (name, "dim-label");
}

static void
dn_unit_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DnUnitPicker *self = DN_UNIT_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_unit_picker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DnUnitPicker *self = DN_UNIT_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      dn_unit_picker_set_selected (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_unit_picker_dispose (GObject *object)
{
  DnUnitPicker *self = DN_UNIT_PICKER (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->units);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (dn_unit_picker_parent_class)->dispose (object);
}

static gboolean
dn_unit_picker_grab_focus (GtkWidget *widget)
{
  DnUnitPicker *self = DN_UNIT_PICKER (widget);

  return self->button != NULL && gtk_widget_grab_focus (self->button);
}

static gboolean
dn_unit_picker_mnemonic_activate (GtkWidget *widget,
                                  gboolean   group_cycling)
{
  return dn_unit_picker_grab_focus (widget);
}

/* The button takes the whole widget; the popover is placed below it. */
static void
dn_unit_picker_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  DnUnitPicker *self = DN_UNIT_PICKER (widget);

  gtk_widget_measure (self->button, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
dn_unit_picker_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DnUnitPicker *self = DN_UNIT_PICKER (widget);

  gtk_widget_allocate (self->button, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
dn_unit_picker_class_init (DnUnitPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_unit_picker_dispose;
  object_class->get_property = dn_unit_picker_get_property;
  object_class->set_property = dn_unit_picker_set_property;
  widget_class->grab_focus = dn_unit_picker_grab_focus;
  widget_class->mnemonic_activate = dn_unit_picker_mnemonic_activate;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = dn_unit_picker_measure;
  widget_class->size_allocate = dn_unit_picker_size_allocate;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  gtk_widget_class_set_css_name (widget_class, "dn-unit-picker");
}

static void
dn_unit_picker_init (DnUnitPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button_box;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->units = g_list_store_new (DN_TYPE_UNIT);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->units)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  self->button = gtk_toggle_button_new ();
  self->button_label = gtk_label_new ("—");
  gtk_label_set_xalign (GTK_LABEL (self->button_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->button_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->button_label), 24);
  gtk_widget_set_hexpand (self->button_label, TRUE);
  button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (button_box, GTK_ALIGN_FILL);
  gtk_box_append (GTK_BOX (button_box), self->button_label);
  gtk_box_append (GTK_BOX (button_box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_button_set_child (GTK_BUTTON (self->button), button_box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  g_signal_connect_swapped (self->button, "toggled", G_CALLBACK (on_button_toggled_cb), self);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  self->entry = gtk_search_entry_new ();
  g_object_set (self->entry, "placeholder-text", _("Search by name or code"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search units"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (on_search_stop_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list), TRUE);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Units"), -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (on_list_activate_cb), self);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 380);
  gtk_widget_set_size_request (self->scroller, 420, -1);

  self->empty_label = gtk_label_new (_("No unit matches."));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_margin_bottom (self->empty_label, 24);
  gtk_widget_set_visible (self->empty_label, FALSE);

  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), self->scroller);
  gtk_box_append (GTK_BOX (box), self->empty_label);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show_cb), self);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed_cb), self);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

GtkWidget *
dn_unit_picker_new (void)
{
  return g_object_new (DN_TYPE_UNIT_PICKER, NULL);
}

static void
append_unit (GPtrArray *items,
             DnUnit    *unit)
{
  g_autofree char *text = g_strconcat (unit->name, " ", unit->code, NULL);

  g_object_set_data_full (G_OBJECT (unit), FOLD_KEY, dn_text_fold (text, -1), g_free);
  g_ptr_array_add (items, g_object_ref (unit));
}

gboolean
dn_unit_picker_fill (DnUnitPicker  *self,
                     DnStore       *store,
                     const char    *none_label,
                     gint64         exclude_id,
                     gint64         keep_id,
                     GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) skip = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean have_keep = keep_id == 0;
  gint64 selected = self->selected_id;

  g_return_val_if_fail (DN_IS_UNIT_PICKER (self), FALSE);
  g_return_val_if_fail (store == NULL || DN_IS_STORE (store), FALSE);

  if (none_label != NULL)
    {
      g_autoptr(DnUnit) none = dn_unit_new ();
      g_free (none->name);
      none->name = g_strdup (none_label);
      g_ptr_array_add (items, g_steal_pointer (&none));
    }
  if (store != NULL)
    {
      g_autoptr(GPtrArray) tree = dn_store_list_unit_tree (store, FALSE, error);

      if (tree == NULL)
        return FALSE;
      if (exclude_id > 0)
        {
          g_autoptr(GArray) excluded = dn_store_get_unit_subtree (store, exclude_id, NULL);
          for (guint i = 0; excluded != NULL && i < excluded->len; i++)
            g_hash_table_add (skip, g_memdup2 (&g_array_index (excluded, gint64, i), sizeof (gint64)));
        }
      for (guint i = 0; i < tree->len; i++)
        {
          DnUnit *unit = tree->pdata[i];

          if (g_hash_table_contains (skip, &unit->id))
            continue;
          if (unit->id == keep_id)
            have_keep = TRUE;
          append_unit (items, unit);
        }
      if (!have_keep)
        {
          /* the record's own unit, archived: still offered so that it is kept */
          g_autoptr(DnUnit) kept = dn_store_get_unit (store, keep_id, NULL);
          if (kept != NULL)
            {
              g_autofree char *name = g_strdup_printf (_("%s (archived)"), kept->name);
              g_free (kept->name);
              kept->name = g_steal_pointer (&name);
              kept->depth = 0;
              append_unit (items, kept);
            }
        }
    }

  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                       items->pdata, items->len);
  update_empty (self);
  if (find_unit (self, selected, NULL) == NULL)
    {
      g_autoptr(DnUnit) first = g_list_model_get_item (G_LIST_MODEL (self->units), 0);
      selected = first != NULL ? first->id : 0;
    }
  set_selected_id (self, selected);
  return TRUE;
}

gint64
dn_unit_picker_get_selected (DnUnitPicker *self)
{
  g_return_val_if_fail (DN_IS_UNIT_PICKER (self), 0);
  return self->selected_id;
}

gboolean
dn_unit_picker_set_selected (DnUnitPicker *self,
                             gint64        unit_id)
{
  g_return_val_if_fail (DN_IS_UNIT_PICKER (self), FALSE);
  if (find_unit (self, unit_id, NULL) == NULL)
    return FALSE;
  set_selected_id (self, unit_id);
  return TRUE;
}

GListModel *
dn_unit_picker_get_model (DnUnitPicker *self)
{
  g_return_val_if_fail (DN_IS_UNIT_PICKER (self), NULL);
  return G_LIST_MODEL (self->units);
}

guint
dn_unit_picker_search (DnUnitPicker *self,
                       const char   *text)
{
  g_return_val_if_fail (DN_IS_UNIT_PICKER (self), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  apply_search (self, text);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}
