/* dn-unit-chooser.c
 *
 * The popover lists the unit tree (dn_store_list_unit_tree, archived units
 * left out) in a GtkListView over a filter model; each unit carries its
 * folded "name code" text for the search. The list is read when it is
 * first needed and again after the store or an option changed ("stale").
 *
 * The rows offered ("units") are, in order: the "none" row when there is a
 * none-label (a DnUnit with id 0, hidden while searching), the tree without
 * the excluded subtree, then the kept unit when the tree does not list it
 * (archived). The choice is a set of ids; the rows show it with a tick
 * (multiple mode) or a check mark (single mode, and the none row).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-text.h"
#include "dn-unit-chooser.h"
#include "dn-ui.h"

#define FOLD_KEY "dn-unit-chooser-fold"
#define INDENT   18

struct _DnUnitChooser
{
  GtkWidget           parent_instance;

  DnStore            *store;
  gboolean            multiple;
  gboolean            stale;      /* the list must be read again */
  char               *none_label; /* the none row's text, or NULL: no such row */
  gint64              exclude_id; /* left out with its sub-units (0: none) */
  gint64              keep_id;    /* offered even when archived (0: none) */
  GListStore         *units;      /* DnUnit, the rows offered, in order */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char              **words;      /* folded search words */
  GArray             *chosen;     /* gint64, in the order chosen */
  GHashTable         *names;      /* id → name, for every unit seen */
  GHashTable         *bound;      /* row widgets currently bound */
  guint               scroll_tick; /* brings the choice into view */

  /* Template widgets */
  GtkWidget          *button;
  GtkLabel           *button_label;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkWidget          *footer;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (DnUnitChooser, dn_unit_chooser, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MULTIPLE,
  PROP_SELECTED_ID,
  PROP_NONE_LABEL,
  PROP_EXCLUDE_ID,
  PROP_KEEP_ID,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean reload (DnUnitChooser  *self,
                        GError        **error);

/*
 * The choice
 */

static gboolean
is_chosen (DnUnitChooser *self,
           gint64         id)
{
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Whether the row of @id shows as chosen: the none row (id 0) when no unit
 * is chosen. */
static gboolean
is_row_on (DnUnitChooser *self,
           gint64         id)
{
  return id == 0 ? self->chosen->len == 0 : is_chosen (self, id);
}

static void
remember_name (DnUnitChooser *self,
               gint64         id,
               const char    *name)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_insert (self->names, key, g_strdup (name));
}

static const char *
name_of (DnUnitChooser *self,
         gint64         id)
{
  const char *name = g_hash_table_lookup (self->names, &id);

  if (name == NULL && self->store != NULL && id > 0)
    {
      /* not read yet, or an archived unit (still chosen on an old task)
       * that is not listed */
      g_autoptr(DnUnit) unit = dn_store_get_unit (self->store, id, NULL);

      if (unit != NULL)
        {
          remember_name (self, id, unit->name);
          name = g_hash_table_lookup (self->names, &id);
        }
    }
  return name != NULL ? name : "";
}

/* The chosen ids, in the order of the rows; the chosen units that are not
 * offered (archived) at the end. */
static GArray *
chosen_in_order (DnUnitChooser *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  for (guint i = 0; i < n && ids->len < self->chosen->len; i++)
    {
      g_autoptr(DnUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);

      if (unit->id > 0 && is_chosen (self, unit->id))
        g_array_append_val (ids, unit->id);
    }
  for (guint i = 0; i < self->chosen->len; i++)
    {
      gint64 id = g_array_index (self->chosen, gint64, i);
      gboolean found = FALSE;

      for (guint j = 0; j < ids->len && !found; j++)
        found = g_array_index (ids, gint64, j) == id;
      if (!found)
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
update_button (DnUnitChooser *self)
{
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autoptr(GArray) ids = chosen_in_order (self);
  g_autofree char *text = NULL;
  guint n = ids->len;

#define NAME(i) name_of (self, g_array_index (ids, gint64, (i)))
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, NAME (i));
    }

  if (n == 0 && self->none_label != NULL)
    text = g_strdup (self->none_label);
  else if (n == 0)
    text = g_strdup (self->multiple ? _("None") : _("Choose a unit…"));
  else if (n == 1)
    text = g_strdup (NAME (0));
  else if (n == 2)
    /* Translators: two units chosen: "A, B" */
    text = g_strdup_printf (_("%s, %s"), NAME (0), NAME (1));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n - 1),
                            NAME (0), n - 1);
#undef NAME

  gtk_label_set_text (self->button_label, text);
  /* a placeholder is dimmed; the none row's text is a choice */
  if (n == 0 && self->none_label == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->button_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->button_label), "dim-label");
  gtk_widget_set_tooltip_text (self->button, n > 1 ? tooltip->str : NULL);

  if (self->multiple)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit chosen", "%u units chosen", n), n);
      gtk_label_set_text (self->count_label, count);
    }
}

static void
update_bound_rows (DnUnitChooser *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkWidget *box = key;
      GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
      GtkWidget *mark = g_object_get_data (G_OBJECT (box), "mark");
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (box), "unit-id");
      gboolean on = is_row_on (self, id);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_opacity (mark, on ? 1.0 : 0.0);
    }
}

static void
choice_changed (DnUnitChooser *self)
{
  update_button (self);
  update_bound_rows (self);
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* What activating the row of @id does. */
static void
choose (DnUnitChooser *self,
        gint64         id)
{
  if (id == 0)
    {
      /* the none row: no unit */
      if (!self->multiple)
        gtk_popover_popdown (self->popover);
      if (self->chosen->len == 0)
        return;
      g_array_set_size (self->chosen, 0);
      choice_changed (self);
      return;
    }
  if (self->multiple)
    {
      dn_unit_chooser_toggle_unit (self, id);
      return;
    }
  gtk_popover_popdown (self->popover);
  if (self->chosen->len == 1 && g_array_index (self->chosen, gint64, 0) == id)
    return;
  g_array_set_size (self->chosen, 0);
  g_array_append_val (self->chosen, id);
  choice_changed (self);
}

/*
 * The list
 */

static void
set_fold (DnUnit *unit)
{
  g_autofree char *both = g_strconcat (unit->name, " ", unit->code, NULL);

  g_object_set_data_full (G_OBJECT (unit), FOLD_KEY, dn_text_fold (both, -1), g_free);
}

static void
ensure_loaded (DnUnitChooser *self)
{
  g_autoptr(GError) error = NULL;

  if (self->stale && !reload (self, &error))
    g_warning ("%s", error->message);
}

/* The list must be read again: now if it shows, else when next needed. */
static void
invalidate (DnUnitChooser *self)
{
  self->stale = TRUE;
  if (self->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    ensure_loaded (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DnUnitChooser *self = user_data;
  const char *fold = g_object_get_data (G_OBJECT (item), FOLD_KEY);

  if (self->words == NULL)
    return TRUE;
  /* the none row is not a match */
  if (fold == NULL || DN_UNIT (item)->id == 0)
    return FALSE;
  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (fold, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
update_empty (DnUnitChooser *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
  guint n_units = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  if (self->none_label != NULL && n_units > 0)
    n_units--;
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_label_set_text (self->empty_label,
                      n_units == 0
                      ? _("There is no unit yet. Add units in the Units section.")
                      : _("No unit matches what you typed."));
}

static gboolean
reload (DnUnitChooser  *self,
        GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) skip = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) excluded = NULL;
  g_autoptr(GPtrArray) tree = NULL;
  gboolean have_keep = self->keep_id <= 0;

  self->stale = FALSE;
  if (self->none_label != NULL)
    {
      DnUnit *none = dn_unit_new ();

      g_free (none->name);
      none->name = g_strdup (self->none_label);
      g_ptr_array_add (rows, none);
    }
  if (self->store != NULL)
    {
      tree = dn_store_list_unit_tree (self->store, FALSE, error);
      if (tree == NULL)
        return FALSE;
      if (self->exclude_id > 0)
        {
          /* a unit cannot go below itself: its subtree is not offered */
          excluded = dn_store_get_unit_subtree (self->store, self->exclude_id, error);
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
          set_fold (unit);
          g_ptr_array_add (rows, g_object_ref (unit));
        }
      if (!have_keep && !g_hash_table_contains (skip, &self->keep_id))
        {
          /* a record's own unit, archived: still offered so that it is kept */
          g_autoptr(DnUnit) kept = dn_store_get_unit (self->store, self->keep_id, NULL);

          if (kept != NULL)
            {
              g_autofree char *name = g_strdup_printf (_("%s (archived)"), kept->name);

              g_free (kept->name);
              kept->name = g_steal_pointer (&name);
              kept->depth = 0;
              set_fold (kept);
              g_ptr_array_add (rows, g_steal_pointer (&kept));
            }
        }
    }
  for (guint i = 0; i < rows->len; i++)
    {
      DnUnit *unit = rows->pdata[i];

      if (unit->id > 0)
        remember_name (self, unit->id, unit->name);
    }
  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                       rows->pdata, rows->len);
  update_button (self);
  update_empty (self);
  return TRUE;
}

static void
apply_search (DnUnitChooser *self,
              const char    *text)
{
  g_autofree char *fold = text != NULL ? dn_text_fold (text, -1) : NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  g_clear_pointer (&self->words, g_strfreev);
  if (fold != NULL)
    {
      parts = g_strsplit_set (fold, " \t\n", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_ptr_array_add (words, g_strdup (parts[i]));
    }
  if (words->len > 0)
    {
      g_ptr_array_add (words, NULL);
      self->words = (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
on_search_changed_cb (DnUnitChooser *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (DnUnitChooser *self)
{
  g_autoptr(DnUnit) first = NULL;

  /* Enter takes the first row listed */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  choose (self, first->id);
  if (self->multiple)
    gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
on_search_stop_cb (DnUnitChooser *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_popover_popdown (self->popover);
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          DnUnitChooser         *self)
{
  /* Down goes from the search field to the list */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_row_activated_cb (DnUnitChooser *self,
                     guint          position)
{
  g_autoptr(DnUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (unit != NULL)
    choose (self, unit->id);
}

static void
on_button_clicked_cb (DnUnitChooser *self)
{
  gtk_popover_popup (self->popover);
}

/* The position of the first row shown as chosen, or G_MAXUINT. */
static guint
first_on_row (DnUnitChooser *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (is_row_on (self, unit->id))
        return i;
    }
  return G_MAXUINT;
}

static void
on_popover_show_cb (DnUnitChooser *self)
{
  ensure_loaded (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self, NULL);
  update_bound_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
scroll_to_choice_cb (GtkWidget     *list,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  DnUnitChooser *self = user_data;
  guint position;

  /* the list scrolls once it has its size */
  if (gtk_widget_get_height (list) == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  position = self->words == NULL ? first_on_row (self) : G_MAXUINT;
  if (position != G_MAXUINT)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

static void
stop_scroll (DnUnitChooser *self)
{
  if (self->scroll_tick != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
}

static void
on_popover_map_cb (DnUnitChooser *self)
{
  /* the current choice in view */
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_to_choice_cb, self, NULL);
}

static void
on_popover_unmap_cb (DnUnitChooser *self)
{
  stop_scroll (self);
}

static void
on_clear_clicked_cb (DnUnitChooser *self)
{
  if (self->chosen->len == 0)
    return;
  g_array_set_size (self->chosen, 0);
  choice_changed (self);
}

static void
on_done_clicked_cb (DnUnitChooser *self)
{
  gtk_popover_popdown (self->popover);
}

static void
on_store_changed_cb (DnUnitChooser *self)
{
  invalidate (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DnUnitChooser            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  /* the tick only shows the state: the row's activation toggles it */
  gtk_widget_set_can_target (check, FALSE);
  gtk_widget_set_focusable (check, FALSE);
  gtk_widget_set_visible (check, self->multiple);
  gtk_widget_set_visible (mark, !self->multiple);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), mark);
  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "code", code);
  g_object_set_data (G_OBJECT (box), "mark", mark);
  g_object_set_data_full (G_OBJECT (box), "unit-id", g_new0 (gint64, 1), g_free);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DnUnitChooser            *self)
{
  DnUnit *unit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  GtkWidget *name = g_object_get_data (G_OBJECT (box), "name");
  gint64 *id = g_object_get_data (G_OBJECT (box), "unit-id");
  gboolean none = unit->id == 0;

  *id = unit->id;
  gtk_label_set_text (GTK_LABEL (name), unit->name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "code"), unit->code);
  gtk_widget_set_margin_start (box, 4 + INDENT * (int) unit->depth);
  /* the none row has the check mark in both modes */
  gtk_widget_set_visible (check, self->multiple && !none);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "mark"), !self->multiple || none);
  if (none)
    gtk_widget_add_css_class (name, "dim-label");
  else
    gtk_widget_remove_css_class (name, "dim-label");
  gtk_widget_set_tooltip_text (box, unit->name);
  g_hash_table_add (self->bound, box);
  update_bound_rows (self);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DnUnitChooser            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    g_hash_table_remove (self->bound, box);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 DnUnitChooser            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    g_hash_table_remove (self->bound, box);
}

/*
 * GObject overrides
 */

static void
dn_unit_chooser_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DnUnitChooser *self = DN_UNIT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, dn_unit_chooser_get_unit (self));
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    case PROP_EXCLUDE_ID:
      g_value_set_int64 (value, self->exclude_id);
      break;
    case PROP_KEEP_ID:
      g_value_set_int64 (value, self->keep_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_unit_chooser_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DnUnitChooser *self = DN_UNIT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      dn_unit_chooser_set_multiple (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTED_ID:
      dn_unit_chooser_set_unit (self, g_value_get_int64 (value));
      break;
    case PROP_NONE_LABEL:
      dn_unit_chooser_set_none_label (self, g_value_get_string (value));
      break;
    case PROP_EXCLUDE_ID:
      dn_unit_chooser_set_exclude_id (self, g_value_get_int64 (value));
      break;
    case PROP_KEEP_ID:
      dn_unit_chooser_set_keep_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_unit_chooser_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (DN_UNIT_CHOOSER (widget)->button, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
dn_unit_chooser_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  DnUnitChooser *self = DN_UNIT_CHOOSER (widget);

  gtk_widget_allocate (self->button, width, height, baseline, NULL);
  /* a popover follows its parent only when told */
  gtk_popover_present (self->popover);
}

static gboolean
dn_unit_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (DN_UNIT_CHOOSER (widget)->button);
}

static gboolean
dn_unit_chooser_mnemonic_activate (GtkWidget *widget,
                                   gboolean   group_cycling)
{
  /* a label's mnemonic focuses the button */
  return gtk_widget_grab_focus (DN_UNIT_CHOOSER (widget)->button);
}

static void
dn_unit_chooser_dispose (GObject *object)
{
  DnUnitChooser *self = DN_UNIT_CHOOSER (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  stop_scroll (self);
  if (self->list_view != NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_factory (self->list_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_UNIT_CHOOSER);
  self->list_view = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->filtered);
  g_clear_object (&self->units);

  G_OBJECT_CLASS (dn_unit_chooser_parent_class)->dispose (object);
}

static void
dn_unit_chooser_finalize (GObject *object)
{
  DnUnitChooser *self = DN_UNIT_CHOOSER (object);

  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->none_label, g_free);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (dn_unit_chooser_parent_class)->finalize (object);
}

static void
dn_unit_chooser_class_init (DnUnitChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_unit_chooser_dispose;
  object_class->finalize = dn_unit_chooser_finalize;
  object_class->get_property = dn_unit_chooser_get_property;
  object_class->set_property = dn_unit_chooser_set_property;
  widget_class->grab_focus = dn_unit_chooser_grab_focus;
  widget_class->mnemonic_activate = dn_unit_chooser_mnemonic_activate;
  widget_class->measure = dn_unit_chooser_measure;
  widget_class->size_allocate = dn_unit_chooser_size_allocate;

  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DnUnitChooser:none-label:
   *
   * The text of a first row that chooses no unit (id 0), also shown on the
   * button when no unit is chosen; %NULL: no such row.
   */
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DnUnitChooser:exclude-id:
   *
   * A unit left out of the list with all its sub-units (0: none).
   */
  properties[PROP_EXCLUDE_ID] =
    g_param_spec_int64 ("exclude-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DnUnitChooser:keep-id:
   *
   * A unit offered even when it is archived (0: none).
   */
  properties[PROP_KEEP_ID] =
    g_param_spec_int64 ("keep-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DnUnitChooser::changed:
   *
   * The chosen unit(s) changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  dn_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/doingoai/DoiNgoai/ui/dn-unit-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, button);
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, button_label);
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, empty_label);
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, footer);
  gtk_widget_class_bind_template_child (widget_class, DnUnitChooser, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_unmap_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_clicked_cb);
}

static void
dn_unit_chooser_init (DnUnitChooser *self)
{
  GtkListItemFactory *factory;

  /* before the template: it may set options */
  self->stale = TRUE;
  self->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->bound = g_hash_table_new (NULL, NULL);
  self->units = g_list_store_new (DN_TYPE_UNIT);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->units)), GTK_FILTER (self->filter));

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  gtk_widget_set_visible (self->footer, FALSE);
  update_button (self);
  update_empty (self);
}

/*
 * Public API
 */

GtkWidget *
dn_unit_chooser_new (DnStore  *store,
                     gboolean  multiple)
{
  DnUnitChooser *self = g_object_new (DN_TYPE_UNIT_CHOOSER, "multiple", multiple, NULL);

  dn_unit_chooser_set_store (self, store);
  return GTK_WIDGET (self);
}

void
dn_unit_chooser_set_store (DnUnitChooser *self,
                           DnStore       *store)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  /* names of another database are not this one's */
  g_hash_table_remove_all (self->names);
  invalidate (self);
  update_button (self);
}

gboolean
dn_unit_chooser_reload (DnUnitChooser  *self,
                        GError        **error)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return reload (self, error);
}

const char *
dn_unit_chooser_get_none_label (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), NULL);
  return self->none_label;
}

void
dn_unit_chooser_set_none_label (DnUnitChooser *self,
                                const char    *label)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));

  if (g_strcmp0 (self->none_label, label) == 0)
    return;
  g_free (self->none_label);
  self->none_label = g_strdup (label);
  invalidate (self);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
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

  unit_id = MAX (unit_id, 0);
  if (self->exclude_id == unit_id)
    return;
  self->exclude_id = unit_id;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUDE_ID]);
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

  unit_id = MAX (unit_id, 0);
  if (self->keep_id == unit_id)
    return;
  self->keep_id = unit_id;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_ID]);
}

GListModel *
dn_unit_chooser_get_model (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), NULL);
  ensure_loaded (self);
  return G_LIST_MODEL (self->units);
}

gboolean
dn_unit_chooser_get_multiple (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), FALSE);
  return self->multiple;
}

void
dn_unit_chooser_set_multiple (DnUnitChooser *self,
                              gboolean       multiple)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));

  multiple = !!multiple;
  if (self->multiple == multiple)
    return;
  self->multiple = multiple;
  gtk_widget_set_visible (self->footer, multiple);
  if (!multiple && self->chosen->len > 1)
    g_array_set_size (self->chosen, 1);
  /* rows already made show the other kind of mark on their next bind */
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MULTIPLE]);
}

gint64
dn_unit_chooser_get_unit (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), 0);
  return self->chosen->len > 0 ? g_array_index (self->chosen, gint64, 0) : 0;
}

void
dn_unit_chooser_set_unit (DnUnitChooser *self,
                          gint64         unit_id)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));
  dn_unit_chooser_set_units (self, &unit_id, unit_id > 0 ? 1 : 0);
}

gboolean
dn_unit_chooser_pick (DnUnitChooser *self,
                      gint64         unit_id)
{
  guint n;

  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), FALSE);

  ensure_loaded (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnUnit) unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);

      if (unit->id == unit_id)
        {
          choose (self, unit_id);
          return TRUE;
        }
    }
  return FALSE;
}

GArray *
dn_unit_chooser_get_units (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), g_array_new (FALSE, FALSE, sizeof (gint64)));

  /* tree order: as the list shows them */
  ensure_loaded (self);
  return chosen_in_order (self);
}

void
dn_unit_chooser_set_units (DnUnitChooser *self,
                           const gint64  *unit_ids,
                           guint          n_units)
{
  gboolean same;

  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));

  if (!self->multiple && n_units > 1)
    n_units = 1;
  same = self->chosen->len == n_units;
  for (guint i = 0; same && i < n_units; i++)
    same = g_array_index (self->chosen, gint64, i) == unit_ids[i];
  if (same)
    return;
  g_array_set_size (self->chosen, 0);
  for (guint i = 0; i < n_units; i++)
    if (unit_ids[i] > 0 && !is_chosen (self, unit_ids[i]))
      g_array_append_val (self->chosen, unit_ids[i]);
  choice_changed (self);
}

void
dn_unit_chooser_toggle_unit (DnUnitChooser *self,
                             gint64         unit_id)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));

  if (!self->multiple)
    {
      dn_unit_chooser_set_unit (self, unit_id);
      return;
    }
  for (guint i = 0; i < self->chosen->len; i++)
    if (g_array_index (self->chosen, gint64, i) == unit_id)
      {
        g_array_remove_index (self->chosen, i);
        choice_changed (self);
        return;
      }
  g_array_append_val (self->chosen, unit_id);
  choice_changed (self);
}

const char *
dn_unit_chooser_get_unit_name (DnUnitChooser *self,
                               gint64         unit_id)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), "");
  return name_of (self, unit_id);
}

void
dn_unit_chooser_set_search (DnUnitChooser *self,
                            const char    *text)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));
  ensure_loaded (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* GtkSearchEntry reports after a delay; the filter follows at once */
  apply_search (self, text);
}

guint
dn_unit_chooser_get_n_shown (DnUnitChooser *self)
{
  g_return_val_if_fail (DN_IS_UNIT_CHOOSER (self), 0);
  ensure_loaded (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
dn_unit_chooser_popup (DnUnitChooser *self)
{
  g_return_if_fail (DN_IS_UNIT_CHOOSER (self));
  gtk_popover_popup (self->popover);
}
