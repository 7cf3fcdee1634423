/* dn-chooser.c
 *
 * The rows offered ("rows": the none row when there is a none-label, then
 * what the subclass loads) each carry their folded search text; the popover
 * (DnChooserPopover) lists and searches them. The choice is a set of ids;
 * the popover's rows show it with a tick (multiple mode) or a check mark
 * (single mode, and the none row).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-chooser-popover.h"
#include "dn-chooser-private.h"
#include "dn-text.h"
#include "dn-ui.h"

typedef struct
{
  DnStore            *store;
  gboolean            multiple;
  gboolean            stale;      /* the list must be read again */
  char               *none_label; /* the none row's text, or NULL: no such row */
  GListStore         *rows;       /* the rows offered, in order */
  GArray             *chosen;     /* gint64, in the order chosen */
  GHashTable         *names;      /* id → name, for every id seen */
  char               *placeholder;

  /* Template widgets */
  GtkWidget          *button;
  GtkLabel           *button_label;
  DnChooserPopover   *popover;
} DnChooserPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DnChooser, dn_chooser, GTK_TYPE_WIDGET)

#define PRIV(self) ((DnChooserPrivate *) dn_chooser_get_instance_private (self))

enum
{
  PROP_0,
  PROP_MULTIPLE,
  PROP_SELECTED_ID,
  PROP_NONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint changed_signal;

static gboolean reload (DnChooser  *self,
                        GError    **error);

static gint64
row_id (DnChooser *self,
        gpointer   row)
{
  return DN_CHOOSER_GET_CLASS (self)->get_id (self, row);
}

/*
 * The choice
 */

static gboolean
is_chosen (DnChooser *self,
           gint64     id)
{
  GArray *chosen = PRIV (self)->chosen;

  for (guint i = 0; i < chosen->len; i++)
    if (g_array_index (chosen, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Whether the row of @id shows as chosen: the none row (id 0) when nothing
 * is chosen. */
static gboolean
is_row_on (DnChooser *self,
           gint64     id)
{
  return id == 0 ? PRIV (self)->chosen->len == 0 : is_chosen (self, id);
}

static void
remember_name (DnChooser  *self,
               gint64      id,
               const char *name)
{
  g_hash_table_insert (PRIV (self)->names, g_memdup2 (&id, sizeof id), g_strdup (name));
}

static const char *
name_of (DnChooser *self,
         gint64     id)
{
  DnChooserPrivate *priv = PRIV (self);
  const char *name = g_hash_table_lookup (priv->names, &id);

  if (name == NULL && (priv->store != NULL || DN_CHOOSER_GET_CLASS (self)->without_store)
      && id > 0 && DN_CHOOSER_GET_CLASS (self)->lookup_name != NULL)
    {
      /* not read yet, or not offered (an archived unit still chosen on an
       * old record) */
      g_autofree char *found = DN_CHOOSER_GET_CLASS (self)->lookup_name (self, id);

      if (found != NULL)
        {
          remember_name (self, id, found);
          name = g_hash_table_lookup (priv->names, &id);
        }
    }
  return name != NULL ? name : "";
}

/* The chosen ids, in the order of the rows; those not offered at the end. */
static GArray *
chosen_in_order (DnChooser *self)
{
  DnChooserPrivate *priv = PRIV (self);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->rows));

  for (guint i = 0; i < n && ids->len < priv->chosen->len; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (priv->rows), i);
      gint64 id = row_id (self, row);

      if (id > 0 && is_chosen (self, id))
        g_array_append_val (ids, id);
    }
  for (guint i = 0; i < priv->chosen->len; i++)
    {
      gint64 id = g_array_index (priv->chosen, gint64, i);
      gboolean found = FALSE;

      for (guint j = 0; j < ids->len && !found; j++)
        found = g_array_index (ids, gint64, j) == id;
      if (!found)
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
update_button (DnChooser *self)
{
  DnChooserPrivate *priv = PRIV (self);
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

  if (n == 0 && priv->none_label != NULL)
    text = g_strdup (priv->none_label);
  else if (n == 0)
    text = g_strdup (priv->multiple ? _("None") : priv->placeholder != NULL ? priv->placeholder : "");
  else if (n == 1)
    text = g_strdup (NAME (0));
  else if (n == 2)
    /* Translators: two units chosen: "A, B" */
    text = g_strdup_printf (_("%s, %s"), NAME (0), NAME (1));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n - 1),
                            NAME (0), n - 1);
#undef NAME

  gtk_label_set_text (priv->button_label, text);
  /* a placeholder is dimmed; the none row's text is a choice */
  if (n == 0 && priv->none_label == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (priv->button_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (priv->button_label), "dim-label");
  /* the whole of what the button may cut (a document's long subject) */
  gtk_widget_set_tooltip_text (priv->button, n > 0 ? tooltip->str : NULL);

  if (priv->multiple && DN_CHOOSER_GET_CLASS (self)->format_count != NULL)
    {
      g_autofree char *count = DN_CHOOSER_GET_CLASS (self)->format_count (self, n);
      dn_chooser_popover_set_count (priv->popover, count);
    }
}

static void
choice_changed (DnChooser *self)
{
  update_button (self);
  dn_chooser_popover_update (PRIV (self)->popover);
  g_signal_emit (self, changed_signal, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* What activating the row of @id does. */
static void
choose (DnChooser *self,
        gint64     id)
{
  DnChooserPrivate *priv = PRIV (self);

  if (id == 0)
    {
      /* the none row: nothing */
      if (!priv->multiple)
        gtk_popover_popdown (GTK_POPOVER (priv->popover));
      if (priv->chosen->len == 0)
        return;
      g_array_set_size (priv->chosen, 0);
      choice_changed (self);
      return;
    }
  if (priv->multiple)
    {
      dn_chooser_toggle_id (self, id);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (priv->popover));
  if (priv->chosen->len == 1 && g_array_index (priv->chosen, gint64, 0) == id)
    return;
  g_array_set_size (priv->chosen, 0);
  g_array_append_val (priv->chosen, id);
  choice_changed (self);
}

/*
 * The list
 */

static void
set_fold (DnChooser *self,
          GObject   *row)
{
  DnChooserClass *klass = DN_CHOOSER_GET_CLASS (self);
  g_autofree char *text = klass->dup_search_text != NULL ? klass->dup_search_text (self, row)
                                                         : g_strdup (klass->get_name (self, row));

  g_object_set_data_full (row, DN_CHOOSER_FOLD_KEY, dn_text_fold (text != NULL ? text : "", -1), g_free);
}

static void
ensure_loaded (DnChooser *self)
{
  g_autoptr(GError) error = NULL;

  if (PRIV (self)->stale && !reload (self, &error))
    g_warning ("%s", error->message);
}

static gboolean
reload (DnChooser  *self,
        GError    **error)
{
  DnChooserPrivate *priv = PRIV (self);
  DnChooserClass *klass = DN_CHOOSER_GET_CLASS (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  priv->stale = FALSE;
  if (priv->none_label != NULL)
    g_ptr_array_add (rows, klass->new_none_row (self, priv->none_label));
  if ((priv->store != NULL || klass->without_store) && !klass->load (self, priv->store, rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = row_id (self, rows->pdata[i]);

      set_fold (self, rows->pdata[i]);
      if (id > 0)
        remember_name (self, id, klass->get_name (self, rows->pdata[i]));
    }
  g_list_store_splice (priv->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (priv->rows)),
                       rows->pdata, rows->len);
  update_button (self);
  dn_chooser_popover_update (priv->popover);
  return TRUE;
}

static void
on_button_clicked_cb (DnChooser *self)
{
  gtk_popover_popup (GTK_POPOVER (PRIV (self)->popover));
}

static void
on_store_changed_cb (DnChooser *self)
{
  dn_chooser_invalidate (self);
}

/*
 * What the popover asks
 */

void
_dn_chooser_ensure_loaded (DnChooser *self)
{
  ensure_loaded (self);
}

gint64
_dn_chooser_row_id (DnChooser *self,
                    gpointer   row)
{
  return row_id (self, row);
}

void
_dn_chooser_describe_row (DnChooser   *self,
                          gpointer     row,
                          const char **name,
                          const char **detail,
                          guint       *depth)
{
  DnChooserClass *klass = DN_CHOOSER_GET_CLASS (self);

  *name = klass->get_name (self, row);
  *detail = klass->get_detail != NULL ? klass->get_detail (self, row) : NULL;
  *depth = klass->get_depth != NULL ? klass->get_depth (self, row) : 0;
}

gboolean
_dn_chooser_is_row_on (DnChooser *self,
                       gint64     id)
{
  return is_row_on (self, id);
}

void
_dn_chooser_activate_row (DnChooser *self,
                          gint64     id)
{
  choose (self, id);
}

void
_dn_chooser_clear (DnChooser *self)
{
  DnChooserPrivate *priv = PRIV (self);

  if (priv->chosen->len == 0)
    return;
  g_array_set_size (priv->chosen, 0);
  choice_changed (self);
}

/*
 * GObject overrides
 */

static void
dn_chooser_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  gtk_widget_measure (PRIV (DN_CHOOSER (widget))->button, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
dn_chooser_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  DnChooserPrivate *priv = PRIV (DN_CHOOSER (widget));

  gtk_widget_allocate (priv->button, width, height, baseline, NULL);
  /* a popover follows its parent only when told */
  gtk_popover_present (GTK_POPOVER (priv->popover));
}

static gboolean
dn_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (PRIV (DN_CHOOSER (widget))->button);
}

static gboolean
dn_chooser_mnemonic_activate (GtkWidget *widget,
                              gboolean   group_cycling)
{
  /* a label's mnemonic focuses the button */
  return gtk_widget_grab_focus (PRIV (DN_CHOOSER (widget))->button);
}

static void
dn_chooser_dispose (GObject *object)
{
  DnChooser *self = DN_CHOOSER (object);
  DnChooserPrivate *priv = PRIV (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  /* not gtk_widget_dispose_template(): GTK 4.8 reads the template of the
   * instance's class, a subclass's, whatever the type given */
  if (priv->button != NULL)
    gtk_widget_unparent (g_steal_pointer (&priv->button));
  if (priv->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&priv->popover)));
  priv->button_label = NULL;
  g_clear_object (&priv->store);
  g_clear_object (&priv->rows);

  G_OBJECT_CLASS (dn_chooser_parent_class)->dispose (object);
}

static void
dn_chooser_finalize (GObject *object)
{
  DnChooserPrivate *priv = PRIV (DN_CHOOSER (object));

  g_clear_pointer (&priv->none_label, g_free);
  g_clear_pointer (&priv->chosen, g_array_unref);
  g_clear_pointer (&priv->names, g_hash_table_unref);
  g_free (priv->placeholder);

  G_OBJECT_CLASS (dn_chooser_parent_class)->finalize (object);
}

static void
dn_chooser_class_init (DnChooserClass *klass)
{
  const DnProperty props[N_PROPS] = {
    [PROP_MULTIPLE] = { "multiple", G_TYPE_BOOLEAN, G_PARAM_EXPLICIT_NOTIFY,
                        G_CALLBACK (dn_chooser_get_multiple), G_CALLBACK (dn_chooser_set_multiple) },
    [PROP_SELECTED_ID] = { "selected-id", G_TYPE_INT64, G_PARAM_EXPLICIT_NOTIFY,
                           G_CALLBACK (dn_chooser_get_id), G_CALLBACK (dn_chooser_set_id) },
    /**
     * DnChooser:none-label:
     *
     * The text of a first row that chooses none (id 0), also shown on the
     * button when nothing is chosen; %NULL: no such row.
     */
    [PROP_NONE_LABEL] = { "none-label", G_TYPE_STRING, G_PARAM_EXPLICIT_NOTIFY,
                          G_CALLBACK (dn_chooser_get_none_label), G_CALLBACK (dn_chooser_set_none_label) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_chooser_dispose;
  object_class->finalize = dn_chooser_finalize;
  widget_class->grab_focus = dn_chooser_grab_focus;
  widget_class->mnemonic_activate = dn_chooser_mnemonic_activate;
  widget_class->measure = dn_chooser_measure;
  widget_class->size_allocate = dn_chooser_size_allocate;

  dn_ui_install_properties (object_class, N_PROPS, props, properties);

  /**
   * DnChooser::changed:
   *
   * The choice changed.
   */
  changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  g_type_ensure (DN_TYPE_CHOOSER_POPOVER);
  dn_ui_class_set_template (widget_class, "dn-chooser.ui");
  DN_UI_CLASS_BIND_PRIVATE_CHILDREN (widget_class, DnChooser, button, button_label, popover);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_button_clicked_cb);
}

static void
dn_chooser_init (DnChooser *self)
{
  DnChooserPrivate *priv = PRIV (self);

  /* before the template: it may set options */
  priv->stale = TRUE;
  priv->chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  priv->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  priv->rows = g_list_store_new (G_TYPE_OBJECT);

  gtk_widget_init_template (GTK_WIDGET (self));

  dn_chooser_popover_set_rows (priv->popover, G_LIST_MODEL (priv->rows));
  update_button (self);
}

/*
 * Public API
 */

void
dn_chooser_set_texts (DnChooser            *self,
                      const DnChooserTexts *texts)
{
  DnChooserPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_CHOOSER (self));
  g_return_if_fail (texts != NULL);

  g_free (priv->placeholder);
  priv->placeholder = g_strdup (texts->placeholder);
  dn_chooser_popover_set_texts (priv->popover, texts);
  update_button (self);
}

void
dn_chooser_invalidate (DnChooser *self)
{
  DnChooserPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_CHOOSER (self));
  priv->stale = TRUE;
  if (priv->popover != NULL && gtk_widget_get_visible (GTK_WIDGET (priv->popover)))
    ensure_loaded (self);
}

void
dn_chooser_set_store (DnChooser *self,
                      DnStore   *store)
{
  DnChooserPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_CHOOSER (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));

  if (priv->store == store)
    return;
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_set_object (&priv->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  /* names of another database are not this one's */
  g_hash_table_remove_all (priv->names);
  dn_chooser_invalidate (self);
  update_button (self);
}

DnStore *
dn_chooser_get_store (DnChooser *self)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), NULL);
  return PRIV (self)->store;
}

gboolean
dn_chooser_reload (DnChooser  *self,
                   GError    **error)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return reload (self, error);
}

GListModel *
dn_chooser_get_model (DnChooser *self)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), NULL);
  ensure_loaded (self);
  return G_LIST_MODEL (PRIV (self)->rows);
}

const char *
dn_chooser_get_none_label (DnChooser *self)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), NULL);
  return PRIV (self)->none_label;
}

void
dn_chooser_set_none_label (DnChooser  *self,
                           const char *label)
{
  DnChooserPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_CHOOSER (self));

  if (g_strcmp0 (priv->none_label, label) == 0)
    return;
  g_free (priv->none_label);
  priv->none_label = g_strdup (label);
  dn_chooser_invalidate (self);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
}

gboolean
dn_chooser_get_multiple (DnChooser *self)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), FALSE);
  return PRIV (self)->multiple;
}

void
dn_chooser_set_multiple (DnChooser *self,
                         gboolean   multiple)
{
  DnChooserPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_CHOOSER (self));

  multiple = !!multiple;
  if (priv->multiple == multiple)
    return;
  priv->multiple = multiple;
  if (!multiple && priv->chosen->len > 1)
    g_array_set_size (priv->chosen, 1);
  dn_chooser_popover_set_multiple (priv->popover, multiple);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MULTIPLE]);
}

gint64
dn_chooser_get_id (DnChooser *self)
{
  DnChooserPrivate *priv = PRIV (self);

  g_return_val_if_fail (DN_IS_CHOOSER (self), 0);
  return priv->chosen->len > 0 ? g_array_index (priv->chosen, gint64, 0) : 0;
}

void
dn_chooser_set_id (DnChooser *self,
                   gint64     id)
{
  g_return_if_fail (DN_IS_CHOOSER (self));
  dn_chooser_set_ids (self, &id, id > 0 ? 1 : 0);
}

gboolean
dn_chooser_pick (DnChooser *self,
                 gint64     id)
{
  GListModel *rows;

  g_return_val_if_fail (DN_IS_CHOOSER (self), FALSE);

  ensure_loaded (self);
  rows = G_LIST_MODEL (PRIV (self)->rows);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (row_id (self, row) == id)
        {
          choose (self, id);
          return TRUE;
        }
    }
  return FALSE;
}

GArray *
dn_chooser_get_ids (DnChooser *self)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), g_array_new (FALSE, FALSE, sizeof (gint64)));

  /* list order: as the list shows them */
  ensure_loaded (self);
  return chosen_in_order (self);
}

void
dn_chooser_set_ids (DnChooser    *self,
                    const gint64 *ids,
                    guint         n_ids)
{
  DnChooserPrivate *priv = PRIV (self);
  gboolean same;

  g_return_if_fail (DN_IS_CHOOSER (self));

  if (!priv->multiple && n_ids > 1)
    n_ids = 1;
  same = priv->chosen->len == n_ids;
  for (guint i = 0; same && i < n_ids; i++)
    same = g_array_index (priv->chosen, gint64, i) == ids[i];
  if (same)
    return;
  g_array_set_size (priv->chosen, 0);
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] > 0 && !is_chosen (self, ids[i]))
      g_array_append_val (priv->chosen, ids[i]);
  choice_changed (self);
}

void
dn_chooser_toggle_id (DnChooser *self,
                      gint64     id)
{
  DnChooserPrivate *priv = PRIV (self);

  g_return_if_fail (DN_IS_CHOOSER (self));

  if (!priv->multiple)
    {
      dn_chooser_set_id (self, id);
      return;
    }
  for (guint i = 0; i < priv->chosen->len; i++)
    if (g_array_index (priv->chosen, gint64, i) == id)
      {
        g_array_remove_index (priv->chosen, i);
        choice_changed (self);
        return;
      }
  g_array_append_val (priv->chosen, id);
  choice_changed (self);
}

const char *
dn_chooser_get_name (DnChooser *self,
                     gint64     id)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), "");
  return name_of (self, id);
}

void
dn_chooser_set_search (DnChooser  *self,
                       const char *text)
{
  g_return_if_fail (DN_IS_CHOOSER (self));
  ensure_loaded (self);
  dn_chooser_popover_set_search (PRIV (self)->popover, text);
}

guint
dn_chooser_get_n_shown (DnChooser *self)
{
  g_return_val_if_fail (DN_IS_CHOOSER (self), 0);
  ensure_loaded (self);
  return dn_chooser_popover_get_n_shown (PRIV (self)->popover);
}

void
dn_chooser_popup (DnChooser *self)
{
  g_return_if_fail (DN_IS_CHOOSER (self));
  gtk_popover_popup (GTK_POPOVER (PRIV (self)->popover));
}
