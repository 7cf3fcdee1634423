/* test-units-page.c: the Đơn vị section (unit tree, staff, the unit and
 * person dialogs) and the preferences dialog, in real windows
 *
 * Widgets are found by their accessible labels: the test turns on GTK's
 * test accessibility backend (GTK_A11Y=test) to read them back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-units-page"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gtk/gtk.h>

#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-form-dialog.h"
#include "dn-i18n.h"
#include "dn-person-editor.h"
#include "dn-preferences-dialog.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-unit-dialog.h"
#include "dn-unit-chooser.h"
#include "dn-units-page.h"
#include "dn-window-context.h"

/*
 * Helpers
 */

/* A label below @root whose text starts with @prefix. */
static GtkWidget *
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_prefix (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The only open window of @type, or NULL. */
static GtkWindow *
find_window (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = window;
        }
    }
  return found;
}

static gboolean
no_window_cb (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
close_all_windows (void)
{
  dn_ui_destroy_all_windows ();
  dn_ui_spin (30);
}

/* The units of the test: two roots, children and grandchildren. */
typedef struct
{
  gint64 department;   /* Sở GD&ĐT Lào Cai */
  gint64 office;       /* Văn phòng Sở */
  gint64 personnel;    /* Phòng Tổ chức cán bộ */
  gint64 district;     /* Phòng GD&ĐT Bảo Thắng (a root) */
  gint64 school_a;     /* Trường THCS Lê Lợi */
  gint64 school_b;     /* Trường Tiểu học Kim Đồng */
} Units;

static Units
add_units (DnStore *store)
{
  Units u;

  u.department = dn_test_add_unit (store, "SGD", "Sở GD&ĐT Lào Cai", DN_UNIT_KIND_DEPARTMENT, 0);
  u.office = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, u.department);
  u.personnel = dn_test_add_unit (store, "TCCB", "Phòng Tổ chức cán bộ", DN_UNIT_KIND_DIVISION, u.department);
  u.district = dn_test_add_unit (store, "PGD-BT", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  u.school_a = dn_test_add_unit (store, "THCS-LL", "Trường THCS Lê Lợi", DN_UNIT_KIND_SCHOOL, u.district);
  u.school_b = dn_test_add_unit (store, "TH-KD", "Trường Tiểu học Kim Đồng", DN_UNIT_KIND_SCHOOL, u.district);
  return u;
}

/* The staff of the office, added in no particular order. */
static void
add_office_staff (DnStore *store,
                  gint64   unit_id)
{
  dn_test_add_person (store, "Hoàng", "", "Đức", unit_id);
  dn_test_add_person (store, "Lê", "Văn", "Ân", unit_id);
  dn_test_add_person (store, "Phạm", "Thị", "Bình", unit_id);
  dn_test_add_person (store, "Nguyễn", "Văn", "An", unit_id);
  dn_test_add_person (store, "Đỗ", "Văn", "Dũng", unit_id);
  dn_test_add_person (store, "Trần", "Thị", "Ánh", unit_id);
}

typedef struct
{
  GtkWindow   *window;
  DnUnitsPage *page;
} Shown;

/* The page reads the store off the main loop: until what it shows is up
 * to date. */
static gboolean
page_settled_cb (gpointer data)
{
  return !dn_units_page_is_loading (data);
}

static void
settle (DnUnitsPage *page)
{
  g_assert_true (dn_ui_wait_until (page_settled_cb, page, 30000));
}

static Shown
show_page (DnStore *store)
{
  Shown shown;

  shown.window = GTK_WINDOW (gtk_window_new ());
  shown.page = g_object_new (DN_TYPE_UNITS_PAGE, NULL);
  gtk_window_set_default_size (shown.window, 1200, 800);
  gtk_window_set_child (shown.window, GTK_WIDGET (shown.page));
  dn_units_page_set_store (shown.page, store);
  gtk_window_present (shown.window);
  dn_ui_spin (100);
  g_assert_true (dn_ui_wait_until (page_settled_cb, shown.page, 30000));
  return shown;
}

static GtkTreeListModel *
tree_model (DnUnitsPage *page)
{
  GtkListView *list = GTK_LIST_VIEW (dn_ui_get_by_label (GTK_WIDGET (page), "Units"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));

  return GTK_TREE_LIST_MODEL (gtk_single_selection_get_model (selection));
}

/* "code,code,…" of the rows of the unit tree, as shown. */
static char *
tree_codes (DnUnitsPage *page)
{
  GListModel *model = G_LIST_MODEL (tree_model (page));
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(DnUnit) unit = gtk_tree_list_row_get_item (row);

      if (codes->len > 0)
        g_string_append_c (codes, ',');
      g_string_append (codes, unit->code);
    }
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static gboolean
tree_has_code (DnUnitsPage *page,
               const char  *code)
{
  g_autofree char *codes = tree_codes (page);
  g_auto(GStrv) parts = g_strsplit (codes, ",", -1);

  return g_strv_contains ((const char * const *) parts, code);
}

/* The unit tree row of @code (its expander), NULL when it is not drawn. */
static GtkWidget *
tree_row_widget (DnUnitsPage *page,
                 const char  *name)
{
  GtkWidget *list = dn_ui_get_by_label (GTK_WIDGET (page), "Units");
  GPtrArray *stack = g_ptr_array_new ();
  GtkWidget *found = NULL;

  g_ptr_array_add (stack, list);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "dn-unit-name") &&
          gtk_widget_get_mapped (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), name))
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  return found;
}

typedef struct
{
  double      y;
  const char *text;
} Cell;

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *x = a, *y = b;

  return (x->y > y->y) - (x->y < y->y);
}

static void
collect_names (GtkWidget *widget,
               GtkWidget *origin,
               GArray    *cells)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "dn-person-name") &&
      gtk_widget_get_mapped (widget))
    {
      graphene_point_t point;
      Cell cell;

      g_assert_true (gtk_widget_compute_point (widget, origin, &GRAPHENE_POINT_INIT (0, 0), &point));
      cell.y = point.y;
      cell.text = gtk_label_get_text (GTK_LABEL (widget));
      g_array_append_val (cells, cell);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_names (child, origin, cells);
}

/* The names in the staff list as drawn, top to bottom, joined by "|". */
static char *
visible_staff (DnUnitsPage *page)
{
  GtkWidget *view = dn_ui_get_by_label (GTK_WIDGET (page), "Staff");
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GString) names = g_string_new (NULL);

  collect_names (view, view, cells);
  g_array_sort (cells, compare_cells);
  for (guint i = 0; i < cells->len; i++)
    {
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, g_array_index (cells, Cell, i).text);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The same from the store: dn_store_list_people()'s order. */
static char *
store_staff (DnStore *store,
             gint64   unit_id)
{
  g_autoptr(GPtrArray) people = dn_store_list_people (store, unit_id, NULL, 1000, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_nonnull (people);
  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *name = dn_person_dup_full_name (people->pdata[i]);
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

typedef struct
{
  DnUnitsPage *page;
  const char  *expected;
} StaffWait;

static gboolean
staff_shown_cb (gpointer data)
{
  StaffWait *wait = data;
  g_autofree char *shown = visible_staff (wait->page);

  return g_str_equal (shown, wait->expected);
}

static GListModel *
staff_model (DnUnitsPage *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (dn_ui_get_by_label (GTK_WIDGET (page), "Staff"));

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static gboolean
is_visible_text (GtkWidget *label)
{
  return gtk_widget_get_mapped (label);
}

/*
 * The tree
 */

static void
test_tree (DnTestStore   *fixture,
           gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autofree char *codes = tree_codes (shown.page);
  GtkWidget *row;

  /* Vietnamese order (Phòng < Sở, Phòng Tổ chức < Văn phòng); the
   * department open and chosen */
  g_assert_cmpstr (codes, ==, "PGD-BT,SGD,TCCB,VP");
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.department);
  /* a row shows the name, and the code with the kind */
  row = tree_row_widget (shown.page, "Phòng GD&ĐT Bảo Thắng");
  g_assert_nonnull (row);

  /* the filter finds "Kim Đồng" without accents, with the units above it */
  dn_ui_set_text (GTK_WIDGET (shown.page), "Filter units", "kim dong");
  g_signal_emit_by_name (dn_ui_get_by_label (GTK_WIDGET (shown.page), "Filter units"), "search-changed");
  g_clear_pointer (&codes, g_free);
  codes = tree_codes (shown.page);
  g_assert_cmpstr (codes, ==, "PGD-BT,TH-KD");
  dn_ui_set_text (GTK_WIDGET (shown.page), "Filter units", "văn phòng");
  g_signal_emit_by_name (dn_ui_get_by_label (GTK_WIDGET (shown.page), "Filter units"), "search-changed");
  g_clear_pointer (&codes, g_free);
  codes = tree_codes (shown.page);
  g_assert_cmpstr (codes, ==, "SGD,VP");
  dn_ui_set_text (GTK_WIDGET (shown.page), "Filter units", "");
  g_signal_emit_by_name (dn_ui_get_by_label (GTK_WIDGET (shown.page), "Filter units"), "search-changed");
  g_assert_true (tree_has_code (shown.page, "PGD-BT"));
  g_assert_true (tree_has_code (shown.page, "SGD"));

  /* the district office opens on its schools (THCS < Tiểu học) */
  dn_units_page_select_unit (shown.page, u.school_a);
  settle (shown.page);
  g_clear_pointer (&codes, g_free);
  codes = tree_codes (shown.page);
  g_assert_cmpstr (codes, ==, "PGD-BT,THCS-LL,TH-KD,SGD,TCCB,VP");

  /* a unit added elsewhere appears under its open parent */
  dn_test_add_unit (fixture->store, "THPT-BT", "Trường THPT số 1 Bảo Thắng", DN_UNIT_KIND_SCHOOL, u.district);
  settle (shown.page);
  g_assert_true (tree_has_code (shown.page, "THPT-BT"));
  /* a first sub-unit gives its parent an expander */
  dn_test_add_unit (fixture->store, "TCCB-1", "Tổ Thi đua", DN_UNIT_KIND_DIVISION, u.personnel);
  settle (shown.page);
  {
    guint position = 0;
    GListModel *model = G_LIST_MODEL (tree_model (shown.page));
    for (; position < g_list_model_get_n_items (model); position++)
      {
        g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, position);
        g_autoptr(DnUnit) unit = gtk_tree_list_row_get_item (tree_row);
        if (unit->id == u.personnel)
          {
            g_assert_true (gtk_tree_list_row_is_expandable (tree_row));
            break;
          }
      }
    g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  }
  dn_units_page_select_unit (shown.page, u.personnel);
  settle (shown.page);
  g_assert_false (tree_has_code (shown.page, "TCCB-1"));

  close_all_windows ();
}

static void
test_staff_order (DnTestStore   *fixture,
                  gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown;
  g_autofree char *expected = NULL;
  StaffWait wait;

  add_office_staff (fixture->store, u.office);
  dn_test_add_person (fixture->store, "Vũ", "Thị", "Hà", u.school_b);
  shown = show_page (fixture->store);

  /* the schools are below the district office, which is closed at first */
  g_assert_false (tree_has_code (shown.page, "TH-KD"));
  dn_units_page_select_unit (shown.page, u.office);
  settle (shown.page);
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.office);
  g_assert_true (tree_has_code (shown.page, "VP"));
  g_assert_true (tree_has_code (shown.page, "TCCB"));

  /* the store's order is the truth: given name first (An < Ánh < Ân…) */
  expected = store_staff (fixture->store, u.office);
  g_assert_cmpstr (expected, ==,
                   "Nguyễn Văn An|Trần Thị Ánh|Lê Văn Ân|Phạm Thị Bình|Đỗ Văn Dũng|Hoàng Đức");
  wait.page = shown.page;
  wait.expected = expected;
  if (!dn_ui_wait_until (staff_shown_cb, &wait, 30000))
    {
      g_autofree char *shown_names = visible_staff (shown.page);
      g_error ("staff shown: “%s”, expected “%s”", shown_names, expected);
    }
  g_assert_true (is_visible_text (dn_ui_get_by_label (GTK_WIDGET (shown.page), "Staff")));

  /* another unit, in another branch: its parents open, its staff shown */
  dn_units_page_select_unit (shown.page, u.school_b);
  settle (shown.page);
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.school_b);
  wait.expected = "Vũ Thị Hà";
  g_assert_true (dn_ui_wait_until (staff_shown_cb, &wait, 30000));

  /* a change made elsewhere shows at once, the rest kept */
  dn_test_add_person (fixture->store, "Bùi", "Văn", "An", u.school_b);
  settle (shown.page);
  g_assert_cmpuint (g_list_model_get_n_items (staff_model (shown.page)), ==, 2);
  wait.expected = "Bùi Văn An|Vũ Thị Hà";
  g_assert_true (dn_ui_wait_until (staff_shown_cb, &wait, 30000));

  close_all_windows ();
}

static gboolean
all_read_cb (gpointer data)
{
  return g_list_model_get_n_items (data) == 333;
}

static void
test_many_staff (DnTestStore   *fixture,
                 gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown;
  g_autofree char *last = NULL;
  GListModel *model;

  g_assert_true (dn_store_begin (fixture->store, NULL));
  for (int i = 0; i < 333; i++)
    {
      g_autofree char *given = g_strdup_printf ("Người %03d", i);
      dn_test_add_person (fixture->store, "Nguyễn", "Văn", given, u.school_a);
    }
  g_assert_true (dn_store_commit (fixture->store, NULL));
  shown = show_page (fixture->store);
  dn_units_page_select_unit (shown.page, u.school_a);
  model = staff_model (shown.page);
  /* read off the main loop, while the window stays responsive */
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 333);
  g_assert_true (dn_ui_wait_until (all_read_cb, model, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 333);
  {
    g_autoptr(DnPerson) person = g_list_model_get_item (model, 332);
    last = dn_person_dup_full_name (person);
  }
  g_assert_cmpstr (last, ==, "Nguyễn Văn Người 332");

  close_all_windows ();
}

/*
 * Unit dialogs
 */

static DnUnitDialog *
open_unit_dialog (DnUnitsPage *page,
                  const char  *action)
{
  DnUnitDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  dn_ui_spin (30);
  dialog = DN_UNIT_DIALOG (find_window (DN_TYPE_UNIT_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_add_unit (DnTestStore   *fixture,
               gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(DnUnit) added = NULL;
  DnUnitDialog *dialog;
  GtkWidget *kind;

  dn_units_page_select_unit (shown.page, u.department);
  settle (shown.page);
  dialog = open_unit_dialog (shown.page, "units.add");
  /* below the selected unit, as a division of the department */
  g_assert_cmpint (dn_unit_chooser_get_unit (DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "Parent unit"))),
                   ==, u.department);
  kind = dn_ui_get_by_label (GTK_WIDGET (dialog), "Kind of unit");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)), ==, DN_UNIT_KIND_DIVISION);

  /* an empty name is refused: the message shows, nothing is saved */
  before = dn_test_row_counts (fixture->store);
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit code", "KHTC");
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)));
  after = dn_test_row_counts (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (find_window (DN_TYPE_UNIT_DIALOG));

  /* a code already used is refused too */
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit name", "Phòng Kế hoạch - Tài chính");
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit code", "VP");
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)));

  /* fixed: saved, the dialog closes, the new unit is selected in the tree */
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit code", "KHTC");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));
  settle (shown.page);
  added = dn_store_find_unit (fixture->store, "KHTC", NULL);
  g_assert_nonnull (added);
  g_assert_cmpstr (added->name, ==, "Phòng Kế hoạch - Tài chính");
  g_assert_cmpint (added->parent_id, ==, u.department);
  g_assert_cmpint (added->kind, ==, DN_UNIT_KIND_DIVISION);
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, added->id);
  g_assert_true (tree_has_code (shown.page, "KHTC"));

  /* "Add Unit…" without a parent: a new top-level unit, through the button */
  dialog = open_unit_dialog (shown.page, "units.add");
  g_assert_true (dn_unit_chooser_pick (DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "Parent unit")), 0));
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit name", "Sở Ngoại vụ");
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit code", "SNV");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (GTK_WIDGET (dialog), "Kind of unit")), DN_UNIT_KIND_EXTERNAL);
  gtk_widget_activate_default (GTK_WIDGET (dn_ui_get_by_label (GTK_WIDGET (dialog), "Unit code")));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));
  settle (shown.page);
  g_clear_object (&added);
  added = dn_store_find_unit (fixture->store, "SNV", NULL);
  g_assert_nonnull (added);
  g_assert_cmpint (added->parent_id, ==, 0);
  g_assert_cmpint (added->kind, ==, DN_UNIT_KIND_EXTERNAL);

  close_all_windows ();
}

static void
test_rename_unit (DnTestStore   *fixture,
                  gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autoptr(DnUnit) unit = NULL;
  DnUnitDialog *dialog;

  dn_units_page_select_unit (shown.page, u.office);
  settle (shown.page);
  dialog = open_unit_dialog (shown.page, "units.rename");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (GTK_WIDGET (dialog), "Unit name"))), ==,
                   "Văn phòng Sở");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (GTK_WIDGET (dialog), "Unit code"))), ==, "VP");

  /* the code of another unit: the error shows, nothing changes */
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit name", "Văn phòng");
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit code", "TCCB");
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_mapped (find_label_with_prefix (GTK_WIDGET (dialog), dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)))));
  unit = dn_store_get_unit (fixture->store, u.office, NULL);
  g_assert_cmpstr (unit->code, ==, "VP");
  g_assert_cmpstr (unit->name, ==, "Văn phòng Sở");
  g_assert_nonnull (tree_row_widget (shown.page, "Văn phòng Sở"));

  /* a free code: saved, the tree shows the new name, still selected */
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit code", "VPS");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));
  settle (shown.page);
  g_clear_object (&unit);
  unit = dn_store_get_unit (fixture->store, u.office, NULL);
  g_assert_cmpstr (unit->code, ==, "VPS");
  g_assert_cmpstr (unit->name, ==, "Văn phòng");
  g_assert_true (tree_has_code (shown.page, "VPS"));
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.office);
  dn_ui_spin (50);
  g_assert_nonnull (tree_row_widget (shown.page, "Văn phòng"));

  close_all_windows ();
}

/* What typing @text in the chooser's search field leaves: the rows shown. */
static guint
search (DnUnitChooser *chooser,
        const char    *text)
{
  dn_chooser_set_search (DN_CHOOSER (chooser), text);
  return dn_chooser_get_n_shown (DN_CHOOSER (chooser));
}

static void
test_move_unit (DnTestStore   *fixture,
                gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autoptr(DnUnit) unit = NULL;
  g_autoptr(DnUnit) school = NULL;
  g_autoptr(GError) error = NULL;
  DnUnitDialog *dialog;
  DnUnitChooser *picker;
  GListModel *offered;

  /* the department cannot go below itself nor its divisions: not offered */
  dn_units_page_select_unit (shown.page, u.department);
  settle (shown.page);
  dialog = open_unit_dialog (shown.page, "units.move");
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "Parent unit"));
  offered = dn_chooser_get_model (DN_CHOOSER (picker));
  for (guint i = 0; i < g_list_model_get_n_items (offered); i++)
    {
      g_autoptr(DnUnit) candidate = g_list_model_get_item (offered, i);
      g_assert_cmpint (candidate->id, !=, u.department);
      g_assert_cmpint (candidate->id, !=, u.office);
      g_assert_cmpint (candidate->id, !=, u.personnel);
    }
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 4);  /* none, district, two schools */
  /* the search matches without accents */
  g_assert_cmpuint (search (picker, "le loi"), ==, 1);
  g_assert_cmpuint (search (picker, ""), ==, 4);

  /* meanwhile the school was put below the office: moving the department
   * below it would make a loop. The store refuses, the dialog says so. */
  g_assert_true (dn_unit_chooser_pick (picker, u.school_a));
  school = dn_store_get_unit (fixture->store, u.school_a, NULL);
  school->parent_id = u.office;
  g_assert_true (dn_store_update_unit (fixture->store, school, &error));
  settle (shown.page);
  g_assert_no_error (error);
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (find_window (DN_TYPE_UNIT_DIALOG));
  unit = dn_store_get_unit (fixture->store, u.department, NULL);
  g_assert_cmpint (unit->parent_id, ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));
  settle (shown.page);

  /* a real move: the personnel division goes to the district office */
  dn_units_page_select_unit (shown.page, u.personnel);
  settle (shown.page);
  dialog = open_unit_dialog (shown.page, "units.move");
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "Parent unit"));
  g_assert_cmpint (dn_unit_chooser_get_unit (picker), ==, u.department);
  g_assert_true (dn_unit_chooser_pick (picker, u.district));
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));
  settle (shown.page);
  g_clear_object (&unit);
  unit = dn_store_get_unit (fixture->store, u.personnel, NULL);
  g_assert_cmpint (unit->parent_id, ==, u.district);
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.personnel);

  close_all_windows ();
}

static gboolean
message_dialog_open_cb (gpointer data)
{
  return find_window (GTK_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
answer_question (int response)
{
  GtkWindow *question;

  g_assert_true (dn_ui_wait_until (message_dialog_open_cb, NULL, 30000));
  question = find_window (GTK_TYPE_MESSAGE_DIALOG);
  gtk_dialog_response (GTK_DIALOG (question), response);
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (GTK_TYPE_MESSAGE_DIALOG), 30000));
}

static gboolean
picker_lists (DnUnitChooser *picker,
              gint64         unit_id)
{
  GListModel *model = dn_chooser_get_model (DN_CHOOSER (picker));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DnUnit) unit = g_list_model_get_item (model, i);
      if (unit->id == unit_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_archive_unit (DnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.doingoai.DoiNgoai");
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autoptr(DnUnit) unit = NULL;
  DnPreferencesDialog *preferences;
  DnUnitChooser *picker;
  GtkWidget *row;

  preferences = dn_preferences_dialog_new (settings, fixture->store);
  gtk_window_present (GTK_WINDOW (preferences));
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (preferences), "My unit"));
  g_assert_true (picker_lists (picker, u.school_b));

  /* asked first; cancelling changes nothing */
  dn_units_page_select_unit (shown.page, u.school_b);
  settle (shown.page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "units.archive", NULL));
  answer_question (GTK_RESPONSE_CANCEL);
  unit = dn_store_get_unit (fixture->store, u.school_b, NULL);
  g_assert_false (unit->archived);

  /* archived: gone from the tree and from the preferences' drop-down */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "units.archive", NULL));
  answer_question (GTK_RESPONSE_ACCEPT);
  settle (shown.page);
  g_clear_object (&unit);
  unit = dn_store_get_unit (fixture->store, u.school_b, NULL);
  g_assert_true (unit->archived);
  g_assert_false (tree_has_code (shown.page, "TH-KD"));
  g_assert_true (tree_has_code (shown.page, "THCS-LL"));
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.district);
  g_assert_false (picker_lists (picker, u.school_b));
  g_assert_true (picker_lists (picker, u.school_a));

  /* "Show archived units" shows it again, marked */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (GTK_WIDGET (shown.page), "Show archived units")), TRUE);
  g_assert_true (tree_has_code (shown.page, "TH-KD"));
  dn_ui_spin (50);
  row = tree_row_widget (shown.page, "Trường Tiểu học Kim Đồng");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (gtk_widget_get_parent (row)), "dn-archived"));

  /* restored without a question */
  dn_units_page_select_unit (shown.page, u.school_b);
  settle (shown.page);
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.school_b);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "units.archive", NULL));
  settle (shown.page);
  g_clear_object (&unit);
  unit = dn_store_get_unit (fixture->store, u.school_b, NULL);
  g_assert_false (unit->archived);
  g_assert_true (picker_lists (picker, u.school_b));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (GTK_WIDGET (shown.page), "Show archived units")), FALSE);
  g_assert_true (tree_has_code (shown.page, "TH-KD"));

  /* selecting an archived unit (from the search) shows the archived units */
  g_assert_true (dn_store_set_unit_archived (fixture->store, u.school_a, TRUE, NULL));
  settle (shown.page);
  g_assert_false (tree_has_code (shown.page, "THCS-LL"));
  dn_units_page_select_unit (shown.page, u.school_a);
  settle (shown.page);
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.school_a);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (GTK_WIDGET (shown.page),
                                                                             "Show archived units"))));

  close_all_windows ();
}

/*
 * People
 */

static void
test_people (DnTestStore   *fixture,
             gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(DnPerson) person = NULL;
  GtkSingleSelection *selection;
  DnPersonEditor *editor;
  GtkWidget *message;
  GDate expected;
  gint64 id;

  dn_units_page_select_unit (shown.page, u.school_a);
  settle (shown.page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "people.add", NULL));
  dn_ui_spin (30);
  editor = DN_PERSON_EDITOR (find_window (DN_TYPE_PERSON_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpint (dn_unit_chooser_get_unit (DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (editor), "Unit"))), ==,
                   u.school_a);
  dn_ui_set_text (GTK_WIDGET (editor), "Family name", "Nguyễn");
  dn_ui_set_text (GTK_WIDGET (editor), "Middle name", "Thị");
  dn_ui_set_text (GTK_WIDGET (editor), "Given name", "Ánh");
  dn_ui_set_text (GTK_WIDGET (editor), "Position", "Hiệu trưởng");
  dn_ui_set_text (GTK_WIDGET (editor), "E-mail", "anh@example.edu.vn");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (GTK_WIDGET (editor), "Gender")), DN_GENDER_FEMALE);

  /* a date that does not exist: said, nothing saved */
  before = dn_test_row_counts (fixture->store);
  dn_ui_set_text (GTK_WIDGET (editor), "Birth date", "31/02/1985");
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  g_assert_nonnull (dn_form_dialog_get_error (DN_FORM_DIALOG (editor)));
  after = dn_test_row_counts (fixture->store);
  g_assert_cmpstr (before, ==, after);

  dn_ui_set_text (GTK_WIDGET (editor), "Birth date", "5/3/1985");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_PERSON_EDITOR), 30000));
  settle (shown.page);
  people = dn_store_list_people (fixture->store, u.school_a, NULL, 10, NULL);
  g_assert_cmpuint (people->len, ==, 1);
  person = g_object_ref (people->pdata[0]);
  g_assert_cmpstr (person->family_name, ==, "Nguyễn");
  g_assert_cmpstr (person->middle_name, ==, "Thị");
  g_assert_cmpstr (person->given_name, ==, "Ánh");
  g_assert_cmpint (person->gender, ==, DN_GENDER_FEMALE);
  expected = dn_test_date (1985, 3, 5);
  g_assert_cmpint (g_date_compare (&person->birth_date, &expected), ==, 0);
  id = person->id;

  /* the new person is listed and selected: edit moves them to another unit */
  selection = GTK_SINGLE_SELECTION (staff_model (shown.page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "people.edit", NULL));
  dn_ui_spin (30);
  editor = DN_PERSON_EDITOR (find_window (DN_TYPE_PERSON_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (GTK_WIDGET (editor), "Birth date"))), ==,
                   "05/03/1985");
  g_assert_true (dn_unit_chooser_pick (DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (editor), "Unit")),
                                       u.school_b));
  dn_ui_set_text (GTK_WIDGET (editor), "Birth date", "");
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_PERSON_EDITOR), 30000));
  settle (shown.page);
  g_clear_object (&person);
  person = dn_store_get_person (fixture->store, id, NULL);
  g_assert_cmpint (person->unit_id, ==, u.school_b);
  g_assert_false (g_date_valid (&person->birth_date));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  /* someone holding a passport cannot be removed: the store's message shows */
  dn_units_page_select_unit (shown.page, u.school_b);
  settle (shown.page);
  dn_test_exec (fixture->store,
                "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) "
                "VALUES (%" G_GINT64_FORMAT ", 'official', 'C1234567', '2020-01-01', '2030-01-01')", id);
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "people.remove", NULL));
  answer_question (GTK_RESPONSE_ACCEPT);
  settle (shown.page);
  g_clear_object (&person);
  person = dn_store_get_person (fixture->store, id, NULL);
  g_assert_nonnull (person);
  message = find_label_with_prefix (GTK_WIDGET (shown.page), "“Nguyễn Thị Ánh” was not removed: ");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (gtk_widget_get_parent (message))));
  /* its close button hides it */
  {
    GtkWidget *close = dn_ui_get_by_label (GTK_WIDGET (shown.page), "Hide this message");
    GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (message, GTK_TYPE_REVEALER));

    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (close)), ==, "units.hide-message");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "units.hide-message", NULL));
    g_assert_false (gtk_revealer_get_reveal_child (revealer));
  }

  /* without the passport: removed */
  dn_test_exec (fixture->store, "DELETE FROM passport");
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "people.remove", NULL));
  answer_question (GTK_RESPONSE_ACCEPT);
  settle (shown.page);
  g_clear_object (&person);
  person = dn_store_get_person (fixture->store, id, NULL);
  g_assert_null (person);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  close_all_windows ();
}

/* Each access key of the person editor and of the unit dialogs is used
 * once, in English and in Vietnamese (“_Họ” and “_Hủy” both took Alt+H;
 * “_Middle name” and “E-_mail” Alt+M; “_Code” and “_Cancel” Alt+C). */
static void
check_form_mnemonics (DnStore    *store,
                      const char *language)
{
  Units u = add_units (store);
  DnUnitDialogMode modes[] = { DN_UNIT_DIALOG_ADD, DN_UNIT_DIALOG_RENAME, DN_UNIT_DIALOG_MOVE };
  g_autoptr(GError) error = NULL;
  DnPersonEditor *editor;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *twice = NULL;

      editor = dn_person_editor_new (store, 0, u.school_a, &error);
      g_assert_no_error (error);
      if (i == 1)
        {
          gint64 id = dn_test_add_person (store, "Nguyễn", "Văn", "An", u.school_a);

          gtk_window_destroy (GTK_WINDOW (editor));
          editor = dn_person_editor_new (store, id, 0, &error);
          g_assert_no_error (error);
        }
      gtk_window_present (GTK_WINDOW (editor));
      dn_ui_spin (20);
      twice = dn_ui_mnemonics_used_twice (GTK_WINDOW (editor));
      g_test_message ("%s, %s: %s", language, gtk_window_get_title (GTK_WINDOW (editor)), twice);
      g_assert_cmpstr (twice, ==, "");
      gtk_window_destroy (GTK_WINDOW (editor));
    }
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      DnUnitDialog *dialog = dn_unit_dialog_new (store, modes[i], u.school_a, &error);
      g_autofree char *twice = NULL;

      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (dialog));
      dn_ui_spin (20);
      twice = dn_ui_mnemonics_used_twice (GTK_WINDOW (dialog));
      g_test_message ("%s, %s: %s", language, gtk_window_get_title (GTK_WINDOW (dialog)), twice);
      g_assert_cmpstr (twice, ==, "");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  close_all_windows ();
}

/* Someone changed the person while the editor was open (a database
 * shared by two computers): the save is refused with nothing written and
 * says so; saved again, the officer's version goes over theirs */
static void
test_person_conflict (DnTestStore   *fixture,
                      gconstpointer  data)
{
  Units u = add_units (fixture->store);
  gint64 id = dn_test_add_person (fixture->store, "Nguyễn", "Văn", "An", u.school_a);
  g_autoptr(GError) error = NULL;
  DnPersonEditor *editor = dn_person_editor_new (fixture->store, id, 0, &error);
  gpointer watched = editor;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (editor));
  dn_ui_spin (0);
  dn_test_exec (fixture->store, "UPDATE person SET position = 'Hiệu trưởng' WHERE id = %" G_GINT64_FORMAT, id);
  dn_ui_set_text (editor, "Position", "Giáo viên");
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (editor)), "Someone else"));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM person WHERE position = 'Hiệu trưởng'"),
                   ==, 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dn_form_dialog_get_save_button (DN_FORM_DIALOG (editor)))), ==,
                   "Save _Anyway");
  g_object_add_weak_pointer (G_OBJECT (editor), &watched);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (editor)));
  dn_ui_spin (0);
  g_assert_null (watched);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM person WHERE position = 'Giáo viên'"),
                   ==, 1);
}

static void
test_form_mnemonics (DnTestStore   *fixture,
                     gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      check_form_mnemonics (fixture->store, "en");
      /* the other language in a process of its own */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  if (!dn_ui_use_vietnamese ())
    {
      g_test_skip ("the Vietnamese translation is not built");
      return;
    }
  g_assert_cmpstr (_("_Family name"), ==, "_Họ");
  check_form_mnemonics (fixture->store, "vi");
}

/*
 * Preferences
 */

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new ("io.github.doingoai.DoiNgoai");

  g_settings_reset (settings, "language");
  g_settings_reset (settings, "database-path");
  g_settings_reset (settings, "my-unit");
  return settings;
}

static void
test_preferences_language (DnTestStore   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  DnPreferencesDialog *dialog = dn_preferences_dialog_new (settings, fixture->store);
  GtkDropDown *language;
  GListModel *names;
  g_autofree char *value = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  language = GTK_DROP_DOWN (dn_ui_get_by_label (GTK_WIDGET (dialog), "Interface language"));
  names = gtk_drop_down_get_model (language);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  /* each language named in its own language */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Tiếng Việt");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "English");
  g_assert_cmpuint (gtk_drop_down_get_selected (language), ==, 0);

  gtk_drop_down_set_selected (language, 1);
  value = g_settings_get_string (settings, "language");
  g_assert_cmpstr (value, ==, "vi");
  gtk_drop_down_set_selected (language, 2);
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "language");
  g_assert_cmpstr (value, ==, "en");
  g_settings_set_string (settings, "language", "system");
  g_assert_cmpuint (gtk_drop_down_get_selected (language), ==, 0);

  /* the database: tests/ui/test-preferences.c */
  close_all_windows ();
}

static void
test_preferences_my_unit (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  Units u = add_units (fixture->store);
  DnPreferencesDialog *dialog = dn_preferences_dialog_new (settings, fixture->store);
  DnUnitChooser *picker;
  GListModel *model;
  g_autofree char *code = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "My unit"));
  model = dn_chooser_get_model (DN_CHOOSER (picker));
  /* "None" first, then the tree in order */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  {
    g_autoptr(DnUnit) none = g_list_model_get_item (model, 0);
    g_autoptr(DnUnit) first = g_list_model_get_item (model, 1);
    g_autoptr(DnUnit) school = g_list_model_get_item (model, 2);
    g_assert_cmpint (none->id, ==, 0);
    g_assert_cmpint (first->id, ==, u.district);
    g_assert_cmpint (school->id, ==, u.school_a);
    g_assert_cmpuint (school->depth, ==, 1);
  }
  g_assert_cmpint (dn_unit_chooser_get_unit (picker), ==, 0);

  g_assert_true (dn_unit_chooser_pick (picker, u.office));
  code = g_settings_get_string (settings, "my-unit");
  g_assert_cmpstr (code, ==, "VP");
  g_assert_true (dn_unit_chooser_pick (picker, 0));
  g_clear_pointer (&code, g_free);
  code = g_settings_get_string (settings, "my-unit");
  g_assert_cmpstr (code, ==, "");

  /* set elsewhere: shown */
  g_settings_set_string (settings, "my-unit", "PGD-BT");
  g_assert_cmpint (dn_unit_chooser_get_unit (picker), ==, u.district);
  close_all_windows ();

  /* without a database: no units, the setting is left alone */
  dialog = dn_preferences_dialog_new (settings, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (30);
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "My unit"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (picker)));
  g_clear_pointer (&code, g_free);
  code = g_settings_get_string (settings, "my-unit");
  g_assert_cmpstr (code, ==, "PGD-BT");

  close_all_windows ();
}

static void
test_preferences_no_settings (DnTestStore   *fixture,
                              gconstpointer  data)
{
  DnPreferencesDialog *dialog = dn_preferences_dialog_new (NULL, fixture->store);
  GtkWidget *message;

  gtk_window_present (GTK_WINDOW (dialog));
  dn_ui_spin (50);
  message = find_label_with_prefix (GTK_WIDGET (dialog), "Preferences cannot be changed");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_mapped (message));
  g_assert_false (gtk_widget_get_mapped (dn_ui_get_by_label (GTK_WIDGET (dialog), "Interface language")));

  close_all_windows ();
}

/*
 * The reorganisation of units: merge, rename from a date, unusual moves,
 * archiving with Undo
 */

/* The page in a window with a context, as in the application: the toast's
 * Undo step is the context's. */
static DnWindowContext *
attach_context (Shown   *shown,
                DnStore *store)
{
  DnWindowContext *context = dn_window_context_new (store, NULL);

  dn_window_context_attach (GTK_WIDGET (shown->window), context);
  return context;
}

static gboolean
unit_archived (DnStore *store,
               gint64   unit_id)
{
  g_autoptr(DnUnit) unit = dn_store_get_unit (store, unit_id, NULL);

  g_assert_nonnull (unit);
  return unit != NULL && unit->archived;
}

static void
test_merge_unit (DnTestStore   *fixture,
                 gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autoptr(DnWindowContext) context = attach_context (&shown, fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DnFormDialog *dialog;
  DnUnitChooser *picker;
  gint64 person;

  person = dn_test_add_person (fixture->store, "Nguyễn", "Văn", "An", u.school_a);
  settle (shown.page);
  dn_units_page_select_unit (shown.page, u.school_a);
  settle (shown.page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "units.merge", NULL));
  dn_ui_spin (30);
  dialog = DN_FORM_DIALOG (find_window (DN_TYPE_FORM_DIALOG));
  g_assert_nonnull (dialog);
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "Unit that takes over"));
  /* not into itself */
  g_assert_false (picker_lists (picker, u.school_a));
  g_assert_true (picker_lists (picker, u.school_b));

  /* nothing chosen: said, nothing changes */
  before = dn_test_row_counts (fixture->store);
  g_assert_false (dn_form_dialog_save (dialog));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (dialog), "Choose the unit"));
  after = dn_test_row_counts (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (unit_archived (fixture->store, u.school_a));
  g_assert_false (dn_window_context_can_undo (context));

  /* merged: the staff moves, the school is archived, the toast offers Undo */
  g_assert_true (dn_unit_chooser_pick (picker, u.school_b));
  g_assert_true (dn_form_dialog_save (dialog));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_FORM_DIALOG), 30000));
  settle (shown.page);
  g_assert_true (unit_archived (fixture->store, u.school_a));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT unit_id FROM person WHERE id = %" G_GINT64_FORMAT, person),
                   ==, u.school_b);
  g_assert_false (tree_has_code (shown.page, "THCS-LL"));
  g_assert_cmpint (dn_units_page_get_selected (shown.page), ==, u.school_b);
  g_assert_true (dn_window_context_can_undo (context));
  g_assert_cmpstr (dn_window_context_get_undo_label (context), ==,
                   "“Trường THCS Lê Lợi” merged into “Trường Tiểu học Kim Đồng”.");

  /* Undo puts everything back */
  g_assert_true (dn_window_context_undo (context, &error));
  g_assert_no_error (error);
  settle (shown.page);
  g_assert_false (unit_archived (fixture->store, u.school_a));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT unit_id FROM person WHERE id = %" G_GINT64_FORMAT, person),
                   ==, u.school_a);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM unit_merge"), ==, 0);
  g_assert_true (tree_has_code (shown.page, "THCS-LL"));

  close_all_windows ();
}

static void
test_rename_from_date (DnTestStore   *fixture,
                       gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  DnUnitDialog *dialog;
  DnDateEntry *effective;
  GDate today, shown_date, july = dn_test_date (2025, 7, 1);

  dn_units_page_select_unit (shown.page, u.district);
  settle (shown.page);
  dialog = open_unit_dialog (shown.page, "units.rename");
  effective = DN_DATE_ENTRY (dn_ui_get_by_label (GTK_WIDGET (dialog), "New name effective from"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (effective)));
  /* today by default */
  dn_date_today (&today);
  g_assert_true (dn_date_entry_get_date (effective, &shown_date));
  g_assert_cmpint (g_date_compare (&today, &shown_date), ==, 0);

  /* a new name without a date: said, nothing changes */
  before = dn_test_row_counts (fixture->store);
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit name", "Phòng Văn hoá – Xã hội xã Bảo Thắng");
  dn_date_entry_set_date (effective, NULL);
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)), "takes effect"));
  after = dn_test_row_counts (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* from 01/07/2025: reports before that day keep the old name */
  dn_date_entry_set_date (effective, &july);
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));
  settle (shown.page);
  {
    GDate june = dn_test_date (2025, 6, 30);
    old_name = dn_store_unit_name_at (fixture->store, u.district, &june, NULL);
    new_name = dn_store_unit_name_at (fixture->store, u.district, &july, NULL);
  }
  g_assert_cmpstr (old_name, ==, "Phòng GD&ĐT Bảo Thắng");
  g_assert_cmpstr (new_name, ==, "Phòng Văn hoá – Xã hội xã Bảo Thắng");
  dn_ui_spin (50);
  g_assert_nonnull (tree_row_widget (shown.page, "Phòng Văn hoá – Xã hội xã Bảo Thắng"));

  /* an earlier day than the current name's: refused in the dialog */
  dialog = open_unit_dialog (shown.page, "units.rename");
  effective = DN_DATE_ENTRY (dn_ui_get_by_label (GTK_WIDGET (dialog), "New name effective from"));
  dn_ui_set_text (GTK_WIDGET (dialog), "Unit name", "Phòng Văn hoá – Xã hội");
  {
    GDate may = dn_test_date (2025, 5, 1);
    dn_date_entry_set_date (effective, &may);
  }
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)), "01/07/2025"));
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM unit_name"), ==, 1);

  close_all_windows ();
}

static void
test_move_unusual_kind (DnTestStore   *fixture,
                        gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autoptr(DnUnit) unit = NULL;
  DnUnitDialog *dialog;
  DnUnitChooser *picker;

  /* a school below a school: warned first, nothing moves */
  dn_units_page_select_unit (shown.page, u.school_b);
  settle (shown.page);
  dialog = open_unit_dialog (shown.page, "units.move");
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "Parent unit"));
  g_assert_true (dn_unit_chooser_pick (picker, u.school_a));
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_nonnull (strstr (dn_form_dialog_get_error (DN_FORM_DIALOG (dialog)), "does not usually sit below"));
  unit = dn_store_get_unit (fixture->store, u.school_b, NULL);
  g_assert_cmpint (unit->parent_id, ==, u.district);

  /* another parent, then back: warned again */
  g_assert_true (dn_unit_chooser_pick (picker, u.department));
  g_assert_true (dn_unit_chooser_pick (picker, u.school_a));
  g_assert_false (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));

  /* Move again: moved */
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));
  g_clear_object (&unit);
  unit = dn_store_get_unit (fixture->store, u.school_b, NULL);
  g_assert_cmpint (unit->parent_id, ==, u.school_a);

  /* a usual parent: no question */
  settle (shown.page);
  dialog = open_unit_dialog (shown.page, "units.move");
  picker = DN_UNIT_CHOOSER (dn_ui_get_by_label (GTK_WIDGET (dialog), "Parent unit"));
  g_assert_true (dn_unit_chooser_pick (picker, u.district));
  g_assert_true (dn_form_dialog_save (DN_FORM_DIALOG (dialog)));
  g_assert_true (dn_ui_wait_until (no_window_cb, GSIZE_TO_POINTER (DN_TYPE_UNIT_DIALOG), 30000));

  close_all_windows ();
}

static void
test_archive_undo (DnTestStore   *fixture,
                   gconstpointer  data)
{
  Units u = add_units (fixture->store);
  Shown shown = show_page (fixture->store);
  g_autoptr(DnWindowContext) context = attach_context (&shown, fixture->store);
  g_autoptr(GError) error = NULL;

  dn_units_page_select_unit (shown.page, u.school_b);
  settle (shown.page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.page), "units.archive", NULL));
  answer_question (GTK_RESPONSE_ACCEPT);
  settle (shown.page);
  g_assert_true (unit_archived (fixture->store, u.school_b));
  g_assert_true (dn_window_context_can_undo (context));
  g_assert_cmpstr (dn_window_context_get_undo_label (context), ==, "“Trường Tiểu học Kim Đồng” archived.");

  g_assert_true (dn_window_context_undo (context, &error));
  g_assert_no_error (error);
  settle (shown.page);
  g_assert_false (unit_archived (fixture->store, u.school_b));
  g_assert_true (tree_has_code (shown.page, "TH-KD"));

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  g_test_add ("/units-page/tree", DnTestStore, NULL, dn_test_store_setup, test_tree, dn_test_store_teardown);
  g_test_add ("/units-page/staff-order", DnTestStore, NULL, dn_test_store_setup, test_staff_order,
              dn_test_store_teardown);
  g_test_add ("/units-page/many-staff", DnTestStore, NULL, dn_test_store_setup, test_many_staff,
              dn_test_store_teardown);
  g_test_add ("/units-page/add-unit", DnTestStore, NULL, dn_test_store_setup, test_add_unit, dn_test_store_teardown);
  g_test_add ("/units-page/rename-unit", DnTestStore, NULL, dn_test_store_setup, test_rename_unit,
              dn_test_store_teardown);
  g_test_add ("/units-page/move-unit", DnTestStore, NULL, dn_test_store_setup, test_move_unit, dn_test_store_teardown);
  g_test_add ("/units-page/archive-unit", DnTestStore, NULL, dn_test_store_setup, test_archive_unit,
              dn_test_store_teardown);
  g_test_add ("/units-page/people", DnTestStore, NULL, dn_test_store_setup, test_people, dn_test_store_teardown);
  g_test_add ("/units-page/person-conflict", DnTestStore, NULL, dn_test_store_setup, test_person_conflict,
              dn_test_store_teardown);
  g_test_add ("/units-page/merge-unit", DnTestStore, NULL, dn_test_store_setup, test_merge_unit,
              dn_test_store_teardown);
  g_test_add ("/units-page/rename-from-date", DnTestStore, NULL, dn_test_store_setup, test_rename_from_date,
              dn_test_store_teardown);
  g_test_add ("/units-page/move-unusual-kind", DnTestStore, NULL, dn_test_store_setup, test_move_unusual_kind,
              dn_test_store_teardown);
  g_test_add ("/units-page/archive-undo", DnTestStore, NULL, dn_test_store_setup, test_archive_undo,
              dn_test_store_teardown);
  g_test_add ("/preferences/language-and-database", DnTestStore, NULL, dn_test_store_setup,
              test_preferences_language, dn_test_store_teardown);
  g_test_add ("/preferences/my-unit", DnTestStore, NULL, dn_test_store_setup, test_preferences_my_unit,
              dn_test_store_teardown);
  g_test_add ("/preferences/no-settings", DnTestStore, NULL, dn_test_store_setup, test_preferences_no_settings,
              dn_test_store_teardown);
  /* last: it needs the Vietnamese translation of this version */
  g_test_add ("/form-dialogs/mnemonics", DnTestStore, NULL, dn_test_store_setup, test_form_mnemonics,
              dn_test_store_teardown);
  return g_test_run ();
}
