/* dn-chooser-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-chooser-popover"

#include "config.h"

#include "dn-chooser-popover.h"
#include "dn-chooser-private.h"
#include "dn-text.h"
#include "dn-ui.h"

#define INDENT 18

struct _DnChooserPopover
{
  GtkPopover          parent_instance;

  gboolean            multiple;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  DnTextMatch        *match;       /* the search; NULL: none */
  GHashTable         *bound;       /* row widgets currently bound */
  guint               scroll_tick; /* brings the choice into view */
  char               *no_rows;
  char               *no_match;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkWidget          *footer;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (DnChooserPopover, dn_chooser_popover, GTK_TYPE_POPOVER)

static DnChooser *
chooser_of (DnChooserPopover *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return DN_IS_CHOOSER (parent) ? DN_CHOOSER (parent) : NULL;
}

static gint64
id_of (DnChooserPopover *self,
       gpointer          row)
{
  DnChooser *chooser = chooser_of (self);

  return chooser != NULL ? _dn_chooser_row_id (chooser, row) : 0;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DnChooserPopover *self = user_data;
  const char *fold = g_object_get_data (G_OBJECT (item), DN_CHOOSER_FOLD_KEY);

  if (self->match == NULL)
    return TRUE;
  /* the none row is not a match */
  if (fold == NULL || id_of (self, item) == 0)
    return FALSE;
  return dn_text_match_folded (self->match, fold);
}

static void
update_marks (DnChooserPopover *self)
{
  DnChooser *chooser = chooser_of (self);
  GHashTableIter iter;
  gpointer key;

  if (chooser == NULL)
    return;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkWidget *box = key;
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (box), "row-id");
      gboolean on = _dn_chooser_is_row_on (chooser, id);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (g_object_get_data (G_OBJECT (box), "check")), on);
      gtk_widget_set_opacity (g_object_get_data (G_OBJECT (box), "mark"), on ? 1.0 : 0.0);
    }
}

static void
update_empty (DnChooserPopover *self)
{
  GListModel *rows = gtk_filter_list_model_get_model (self->filtered);
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
  guint n_rows = 0;
  const char *text;

  /* the none row does not count */
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows) && n_rows == 0; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (id_of (self, row) != 0)
        n_rows++;
    }
  text = n_rows == 0 ? self->no_rows : self->no_match;
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_label_set_text (self->empty_label, text != NULL ? text : "");
}

static void
apply_search (DnChooserPopover *self,
              const char       *text)
{
  g_clear_pointer (&self->match, dn_text_match_free);
  self->match = dn_text_match_new (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

/*
 * Signal handlers
 */

static void
on_search_changed_cb (DnChooserPopover *self)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (DnChooserPopover *self)
{
  g_autoptr(GObject) first = NULL;
  DnChooser *chooser = chooser_of (self);

  /* Enter takes the first row listed */
  if (chooser == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  _dn_chooser_activate_row (chooser, id_of (self, first));
  if (self->multiple)
    gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
on_search_stop_cb (DnChooserPopover *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          DnChooserPopover      *self)
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
on_row_activated_cb (DnChooserPopover *self,
                     guint             position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  DnChooser *chooser = chooser_of (self);

  if (row != NULL && chooser != NULL)
    _dn_chooser_activate_row (chooser, id_of (self, row));
}

/* The list's height when the window has room, and the least it keeps */
#define LIST_MAX_HEIGHT 420
#define LIST_MIN_HEIGHT 96
/* what the popover adds around the list: search field, footer, frame, arrow */
#define POPOVER_EXTRA_HEIGHT 150

/* Keeps the popover inside its window: it opens below the chooser when the
 * list fits there or there is more room below than above, else above; the
 * list is no taller than that room and scrolls inside. */
static void
fit_to_window (DnChooserPopover *self)
{
  GtkWidget *anchor = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *root;
  graphene_rect_t bounds;
  int below, above, room;
  gboolean down;

  if (anchor == NULL || (root = GTK_WIDGET (gtk_widget_get_root (anchor))) == NULL
      || !gtk_widget_compute_bounds (anchor, root, &bounds))
    return;
  below = gtk_widget_get_height (root) - (int) (bounds.origin.y + bounds.size.height);
  above = (int) bounds.origin.y;
  down = below >= LIST_MAX_HEIGHT + POPOVER_EXTRA_HEIGHT || below >= above;
  room = (down ? below : above) - POPOVER_EXTRA_HEIGHT;
  gtk_popover_set_position (GTK_POPOVER (self), down ? GTK_POS_BOTTOM : GTK_POS_TOP);
  gtk_scrolled_window_set_max_content_height (self->scroller, CLAMP (room, LIST_MIN_HEIGHT, LIST_MAX_HEIGHT));
}

static void
on_show_cb (DnChooserPopover *self)
{
  DnChooser *chooser = chooser_of (self);

  fit_to_window (self);

  if (chooser != NULL)
    _dn_chooser_ensure_loaded (chooser);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self, NULL);
  update_marks (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The position of the first row shown as chosen, or G_MAXUINT. */
static guint
first_on_row (DnChooserPopover *self)
{
  DnChooser *chooser = chooser_of (self);
  GListModel *filtered = G_LIST_MODEL (self->filtered);

  for (guint i = 0; chooser != NULL && i < g_list_model_get_n_items (filtered); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (filtered, i);

      if (_dn_chooser_is_row_on (chooser, id_of (self, row)))
        return i;
    }
  return G_MAXUINT;
}

static gboolean
scroll_to_choice_cb (GtkWidget     *list,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  DnChooserPopover *self = user_data;
  guint position;

  /* the list scrolls once it has its size */
  if (gtk_widget_get_height (list) == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  position = self->match == NULL ? first_on_row (self) : G_MAXUINT;
  if (position != G_MAXUINT)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

static void
stop_scroll (DnChooserPopover *self)
{
  if (self->scroll_tick != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
}

static void
on_map_cb (DnChooserPopover *self)
{
  /* the current choice in view */
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_to_choice_cb, self, NULL);
}

static void
on_unmap_cb (DnChooserPopover *self)
{
  stop_scroll (self);
}

static void
on_clear_clicked_cb (DnChooserPopover *self)
{
  DnChooser *chooser = chooser_of (self);

  if (chooser != NULL)
    _dn_chooser_clear (chooser);
}

static void
on_done_clicked_cb (DnChooserPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/*
 * Rows
 */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DnChooserPopover         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  /* the tick only shows the state: the row's activation toggles it */
  gtk_widget_set_can_target (check, FALSE);
  gtk_widget_set_focusable (check, FALSE);
  gtk_widget_set_visible (check, self->multiple);
  gtk_widget_set_visible (mark, !self->multiple);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* long names (a document's subject) on two lines before they are cut */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), mark);
  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "mark", mark);
  g_object_set_data_full (G_OBJECT (box), "row-id", g_new0 (gint64, 1), g_free);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DnChooserPopover         *self)
{
  DnChooser *chooser = chooser_of (self);
  gpointer row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = g_object_get_data (G_OBJECT (box), "name");
  gint64 *id = g_object_get_data (G_OBJECT (box), "row-id");
  const char *name_text = "", *detail = NULL;
  guint depth = 0;
  gboolean none;

  if (chooser == NULL)
    return;
  _dn_chooser_describe_row (chooser, row, &name_text, &detail, &depth);
  *id = _dn_chooser_row_id (chooser, row);
  none = *id == 0;
  gtk_label_set_text (GTK_LABEL (name), name_text);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "detail"), detail != NULL ? detail : "");
  gtk_widget_set_margin_start (box, 4 + INDENT * (int) MIN (depth, 8));
  /* the none row has the check mark in both modes */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "check"), self->multiple && !none);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "mark"), !self->multiple || none);
  if (none)
    gtk_widget_add_css_class (name, "dim-label");
  else
    gtk_widget_remove_css_class (name, "dim-label");
  gtk_widget_set_tooltip_text (box, name_text);
  g_hash_table_add (self->bound, box);
  update_marks (self);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DnChooserPopover         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL && self->bound != NULL)
    g_hash_table_remove (self->bound, box);
}

static void
set_list_model (DnChooserPopover *self)
{
  /* rows already made show the other kind of mark on their next bind */
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
}

/*
 * GObject overrides
 */

static void
dn_chooser_popover_dispose (GObject *object)
{
  DnChooserPopover *self = DN_CHOOSER_POPOVER (object);

  stop_scroll (self);
  if (self->list_view != NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_factory (self->list_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_CHOOSER_POPOVER);
  self->list_view = NULL;
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (dn_chooser_popover_parent_class)->dispose (object);
}

static void
dn_chooser_popover_finalize (GObject *object)
{
  DnChooserPopover *self = DN_CHOOSER_POPOVER (object);

  g_clear_pointer (&self->match, dn_text_match_free);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_free (self->no_rows);
  g_free (self->no_match);

  G_OBJECT_CLASS (dn_chooser_popover_parent_class)->finalize (object);
}

static void
dn_chooser_popover_class_init (DnChooserPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_chooser_popover_dispose;
  object_class->finalize = dn_chooser_popover_finalize;

  dn_ui_class_set_template (widget_class, "dn-chooser-popover.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnChooserPopover, search_entry, scroller, list_view, empty_label,
                             footer, count_label);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_search_changed_cb, on_search_activate_cb, on_search_stop_cb,
                              on_search_key_pressed_cb, on_row_activated_cb, on_show_cb, on_map_cb,
                              on_unmap_cb, on_clear_clicked_cb, on_done_clicked_cb);
}

static void
dn_chooser_popover_init (DnChooserPopover *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->bound = g_hash_table_new (NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  set_list_model (self);
  gtk_widget_set_visible (self->footer, FALSE);
}

/*
 * Public API
 */

void
dn_chooser_popover_set_rows (DnChooserPopover *self,
                             GListModel       *rows)
{
  g_return_if_fail (DN_IS_CHOOSER_POPOVER (self));
  gtk_filter_list_model_set_model (self->filtered, rows);
}

void
dn_chooser_popover_set_texts (DnChooserPopover     *self,
                              const DnChooserTexts *texts)
{
  g_return_if_fail (DN_IS_CHOOSER_POPOVER (self));
  g_return_if_fail (texts != NULL);

  g_free (self->no_rows);
  g_free (self->no_match);
  self->no_rows = g_strdup (texts->no_rows);
  self->no_match = g_strdup (texts->no_match);
  g_object_set (self->search_entry, "placeholder-text", texts->search_placeholder, NULL);
  if (texts->search_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    texts->search_label, -1);
  if (texts->list_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    texts->list_label, -1);
  update_empty (self);
}

void
dn_chooser_popover_set_multiple (DnChooserPopover *self,
                                 gboolean          multiple)
{
  g_return_if_fail (DN_IS_CHOOSER_POPOVER (self));

  self->multiple = !!multiple;
  gtk_widget_set_visible (self->footer, self->multiple);
  set_list_model (self);
}

void
dn_chooser_popover_set_count (DnChooserPopover *self,
                              const char       *text)
{
  g_return_if_fail (DN_IS_CHOOSER_POPOVER (self));
  gtk_label_set_text (self->count_label, text != NULL ? text : "");
}

void
dn_chooser_popover_update (DnChooserPopover *self)
{
  g_return_if_fail (DN_IS_CHOOSER_POPOVER (self));
  update_marks (self);
  update_empty (self);
}

void
dn_chooser_popover_set_search (DnChooserPopover *self,
                               const char       *text)
{
  g_return_if_fail (DN_IS_CHOOSER_POPOVER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* GtkSearchEntry reports after a delay; the filter follows at once */
  apply_search (self, text);
}

guint
dn_chooser_popover_get_n_shown (DnChooserPopover *self)
{
  g_return_val_if_fail (DN_IS_CHOOSER_POPOVER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}
