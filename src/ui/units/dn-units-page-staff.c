/* dn-units-page-staff.c: the staff list of DnUnitsPage: its reads on the
 * query worker and its column view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-units-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-query-worker.h"
#include "dn-ui.h"
#include "dn-units-page-private.h"

#define STAFF_PAGE 500

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

/* On the worker's thread: every person of @unit_id, in order. */
GPtrArray *
_dn_units_page_read_staff (DnStore       *store,
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
      people = dn_store_list_people (store, unit_id, all->len > 0 ? all->pdata[all->len - 1] : NULL, STAFF_PAGE, error);
      if (people == NULL)
        return NULL;
      for (guint i = 0; i < people->len; i++)
        g_ptr_array_add (all, g_object_ref (people->pdata[i]));
      if (people->len < STAFF_PAGE)
        return g_steal_pointer (&all);
    }
}

/*
 * The staff
 */

gint64
_dn_units_page_selected_person_id (DnUnitsPage *self)
{
  DnPerson *person = gtk_single_selection_get_selected_item (self->staff_selection);

  return person != NULL ? person->id : 0;
}

static void
update_person_actions (DnUnitsPage *self)
{
  gboolean have = _dn_units_page_selected_person_id (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.remove", have);
}

void
_dn_units_page_select_person (DnUnitsPage *self,
                              gint64       person_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DnPerson) person = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      if (person->id == person_id)
        {
          self->keep_person_id = 0;
          if (gtk_single_selection_get_selected (self->staff_selection) != i)
            gtk_single_selection_set_selected (self->staff_selection, i);
          dn_ui_column_view_scroll_to (self->staff_view, i);
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
    _dn_units_page_splice_changes (self->staff, people, same_person);
  else
    g_list_store_splice (self->staff, 0, g_list_model_get_n_items (G_LIST_MODEL (self->staff)),
                         people->pdata, people->len);
  self->staff_unit_id = unit_id;
  if (keep > 0)
    _dn_units_page_select_person (self, keep);
  self->keep_person_id = 0;
  update_staff_status (self);
}

static void
staff_read_cb (DnUnitsPage  *self,
               TreeRead     *read,
               const GError *error)
{

  if (read == NULL)
    _dn_units_page_show_message (self, error->message);
  else if (read->staff_unit_id == self->unit_id)
    show_staff (self, read->staff_unit_id, read->staff);
  dn_stale_reader_update (self->reader);
}

/* @same_unit: the store changed; the rows that did not change stay as they
 * are (with the selection and the scroll position). Else the list shows
 * the new unit's staff once read; until then it keeps the rows it had. */
void
_dn_units_page_load_staff (DnUnitsPage *self,
                           gboolean     same_unit)
{
  gint64 keep = same_unit ? _dn_units_page_selected_person_id (self) : 0;
  ReadRequest *request;

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
      dn_stale_reader_update (self->reader);
      return;
    }
  if (self->fresh_staff != NULL && self->fresh_staff_unit == self->unit_id)
    {
      /* read with the tree */
      dn_query_slot_cancel (self->staff_slot);
      show_staff (self, self->unit_id, self->fresh_staff);
      dn_stale_reader_update (self->reader);
      return;
    }
  if (same_unit && self->staff_unit_id == self->unit_id && !dn_stale_reader_is_stale (self->reader))
    {
      /* listed already (a change of the store brings the staff with the tree) */
      if (keep > 0)
        _dn_units_page_select_person (self, keep);
      update_staff_status (self);
      return;
    }
  request = g_new0 (ReadRequest, 1);
  request->unit_id = self->unit_id;
  request->staff_only = TRUE;
  dn_query_slot_run (self->staff_slot, _dn_units_page_read_tree, request, g_free, G_CALLBACK (staff_read_cb), self);
  dn_stale_reader_update (self->reader);
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

void
_dn_units_page_init_staff (DnUnitsPage *self)
{
  self->staff = g_list_store_new (DN_TYPE_PERSON);
  self->staff_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->staff)));
  gtk_single_selection_set_autoselect (self->staff_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->staff_selection, TRUE);
  g_signal_connect_swapped (self->staff_selection, "notify::selected-item", G_CALLBACK (update_person_actions), self);
  gtk_column_view_set_model (self->staff_view, GTK_SELECTION_MODEL (self->staff_selection));
  add_staff_columns (self);
}
