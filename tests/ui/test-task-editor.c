/* test-task-editor.c: the task editor (inline validation, saving, undo), the
 * date field, the unit chooser and the task details window (pass down,
 * progress and roll-up, deadline extensions, reminders, done)
 *
 * The widgets are driven as an officer would: text typed into the fields
 * they show, buttons activated, the dialogs they open found among the
 * windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dn-chooser.h"
#include "dn-date.h"
#include "dn-pdf-test-utils.h"
#include "dn-pdf-window.h"
#include "dn-date-entry.h"
#include "dn-form-dialog.h"
#include "dn-i18n.h"
#include "dn-task-details.h"
#include "dn-task-editor.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"
#include "dn-unit-chooser.h"
#include "dn-window.h"
#include "dn-window-context.h"

/*
 * Helpers
 */

/* Whether a label with exactly @text, or containing it, is below @root. */
static gboolean
has_text (GtkWidget  *root,
          const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL &&
      strstr (gtk_button_get_label (GTK_BUTTON (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_text (child, text))
      return TRUE;
  return FALSE;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

/* Whether anything below @root can be clicked or typed into. */
static gboolean
has_controls (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) || GTK_IS_EDITABLE (root) || GTK_IS_DROP_DOWN (root) || GTK_IS_CHECK_BUTTON (root) ||
      (GTK_IS_LIST_BOX_ROW (root) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (root))))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_controls (child))
      return TRUE;
  return FALSE;
}

/* The error line @name: shown, and saying @text. */
static void
assert_error_shown (gpointer    root,
                    const char *name,
                    const char *text)
{
  GtkWidget *label = dn_ui_get_named (root, name);

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), text));
}

static void
assert_error_hidden (gpointer    root,
                     const char *name)
{
  g_assert_false (gtk_widget_get_visible (dn_ui_get_named (root, name)));
}

static gint64
count_all_tasks (DnStore *store)
{
  DnTaskQuery query;

  dn_task_query_init (&query);
  return dn_store_count_tasks (store, &query, NULL);
}

static gint64
count_children (DnStore *store,
                gint64   parent_id)
{
  DnTaskQuery query;

  dn_task_query_init (&query);
  query.parent_id = parent_id;
  return dn_store_count_tasks (store, &query, NULL);
}

/* The sub-dialog (extend, reminder, progress, pass down) open over @parent. */
static GtkWindow *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && DN_IS_FORM_DIALOG (window))
        return window;
    }
  return NULL;
}

static DnTaskDetails *
find_details (gint64 task_id)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DN_IS_TASK_DETAILS (window) && dn_task_details_get_task (DN_TASK_DETAILS (window)) == task_id)
        return DN_TASK_DETAILS (window);
    }
  return NULL;
}

/* Runs @action of @widget as a button, menu item or shortcut would: the
 * action must be enabled (its button is then sensitive too). */
static void
activate (gpointer    widget,
          GtkWidget  *button,
          const char *action,
          GVariant   *param)
{
  if (button != NULL)
    {
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
      g_assert_true (gtk_widget_get_sensitive (button));
    }
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, param));
  dn_ui_spin (0);
}

/* The action is there but cannot be run now (its button is greyed). */
static void
assert_disabled (GtkWidget  *button,
                 const char *action)
{
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
  g_assert_false (gtk_widget_get_sensitive (button));
}

static void
type (GtkWidget  *editable,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  dn_ui_spin (0);
}

/* A district office with two schools, and a plan issued on 15/03/2024. */
typedef struct
{
  gint64 office;
  gint64 school_a;
  gint64 school_b;
  gint64 division;
  gint64 document;
} Units;

static void
make_units (DnStore *store,
            Units   *u)
{
  GDate issued = dn_test_date (2024, 3, 15);

  u->office = dn_test_add_unit (store, "PGDBT", "Phòng GD&ĐT Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  u->school_a = dn_test_add_unit (store, "THCSPL", "Trường THCS Phố Lu", DN_UNIT_KIND_SCHOOL, u->office);
  u->school_b = dn_test_add_unit (store, "THCSXQ", "Trường THCS Xuân Quang", DN_UNIT_KIND_SCHOOL, u->office);
  u->division = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  u->document = dn_test_add_document (store, "14", "KH-SGDĐT", "Kế hoạch hội nhập quốc tế năm 2024", &issued);
}

static void
on_saved_cb (DnTaskEditor *editor,
             gint64        id,
             gint64       *out)
{
  *out = id;
}

/* A new-task editor with the title, lead unit and due date filled in. */
static DnTaskEditor *
open_editor (DnStore     *store,
             const char  *title,
             gint64       lead,
             const char  *due,
             gint64      *saved_id)
{
  DnTaskEditor *editor = dn_task_editor_new (store, NULL);

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), saved_id);
  gtk_window_present (GTK_WINDOW (editor));
  dn_ui_spin (0);
  if (title != NULL)
    type (dn_ui_get_by_label (editor, "Title"), title);
  if (lead > 0)
    dn_chooser_set_id (DN_CHOOSER (dn_ui_get_by_label (editor, "Lead unit")), lead);
  if (due != NULL)
    type (dn_ui_get_by_label (editor, "Due date"), due);
  return editor;
}

/*
 * The editor: what is refused
 */

static void
test_editor_no_title (DnTestStore   *fixture,
                      gconstpointer  data)
{
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, NULL, u.office, "30/6/2024", &saved);
  g_object_ref (editor);

  /* nothing is pointed out before the officer has done anything */
  assert_error_hidden (editor, "title_error");
  /* live: typed, then erased */
  type (dn_ui_get_named (editor, "title_entry"), "Báo");
  assert_error_hidden (editor, "title_error");
  type (dn_ui_get_named (editor, "title_entry"), "");
  assert_error_shown (editor, "title_error", "Give the task a title");

  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "title_error", "Give the task a title");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);
  g_assert_cmpint (saved, ==, 0);

  /* only spaces is no title either */
  type (dn_ui_get_named (editor, "title_entry"), "   ");
  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "title_error", "Give the task a title");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);

  /* fixed as it is typed */
  type (dn_ui_get_named (editor, "title_entry"), "Báo cáo công tác đối ngoại");
  assert_error_hidden (editor, "title_error");

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

static void
test_editor_no_lead (DnTestStore   *fixture,
                     gconstpointer  data)
{
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;
  GtkWidget *lead;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, "Báo cáo công tác đối ngoại", 0, NULL, &saved);
  g_object_ref (editor);

  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "lead_error", "Choose the lead unit");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);

  lead = dn_ui_get_by_label (editor, "Lead unit");
  dn_chooser_set_id (DN_CHOOSER (lead), u.office);
  dn_ui_spin (0);
  assert_error_hidden (editor, "lead_error");

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

/* editor.new-document: a directive entered without leaving the editor
 * is recorded and chosen; a form without its subject records nothing */
static void
test_editor_new_document (DnTestStore   *fixture,
                          gconstpointer  data)
{
  g_autoptr(DnDocument) added = NULL;
  Units u;
  gint64 saved = 0, id;
  DnTaskEditor *editor;
  GtkWindow *form;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, "Triển khai Chỉ thị về hội nhập quốc tế", u.office, "30/9/2026", &saved);
  g_object_ref (editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new-document", NULL));
  dn_ui_spin (0);
  form = find_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (form);
  type (dn_ui_get_named (form, "document_reference"), "45/CT-UBND");
  type (dn_ui_get_named (form, "document_date"), "2/9/2026");
  /* no subject: refused in the form, nothing recorded */
  dn_ui_click (dn_ui_get_named (form, "dialog_ok"));
  assert_error_shown (form, "dialog_error", "subject");
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM document"), ==, 1);
  type (dn_ui_get_named (form, "document_issuer"), "UBND tỉnh Lào Cai");
  type (dn_ui_get_named (form, "document_subject"), "Về tăng cường công tác đối ngoại và hội nhập quốc tế trong giáo dục");
  dn_ui_click (dn_ui_get_named (form, "dialog_ok"));
  g_assert_null (find_dialog (GTK_WINDOW (editor)));

  id = dn_chooser_get_id (DN_CHOOSER (dn_ui_get_by_label (editor, "Source document")));
  g_assert_cmpint (id, >, u.document);
  added = dn_store_get_document (fixture->store, id, NULL);
  g_assert_cmpstr (added->number, ==, "45");
  g_assert_cmpstr (added->symbol, ==, "CT-UBND");
  g_assert_cmpstr (added->issuer, ==, "UBND tỉnh Lào Cai");
  g_assert_cmpint (g_date_get_day (&added->issue_date), ==, 2);
  /* the whole reference and subject on the chooser's button, not cut */
  g_assert_true (has_text (dn_ui_get_by_label (editor, "Source document"),
                           "45/CT-UBND (02/09/2026) — Về tăng cường công tác đối ngoại và hội nhập quốc tế trong giáo dục"));

  g_assert_true (dn_task_editor_save (editor));
  {
    g_autoptr(DnTask) task = dn_store_get_task (fixture->store, saved, NULL);
    g_assert_cmpint (task->document_id, ==, id);
  }
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

static void
test_editor_due_before_document (DnTestStore   *fixture,
                                 gconstpointer  data)
{
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;
  GtkWidget *document;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, "Báo cáo sơ kết", u.office, "1/3/2024", &saved);
  g_object_ref (editor);

  /* the plan, picked in the chooser's list */
  document = dn_ui_get_by_label (editor, "Source document");
  g_assert_true (dn_chooser_pick (DN_CHOOSER (document), u.document));
  dn_ui_spin (0);
  /* a contradiction shows at once, before Save */
  assert_error_shown (editor, "due_error", "before the date of the source document (15/03/2024)");

  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "due_error", "before the date of the source document (15/03/2024)");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);

  /* without the document the date is fine */
  g_assert_true (dn_chooser_pick (DN_CHOOSER (document), 0));
  dn_ui_spin (0);
  assert_error_hidden (editor, "due_error");

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

static void
test_editor_invalid_date (DnTestStore   *fixture,
                          gconstpointer  data)
{
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, "Báo cáo sơ kết", u.office, "31/4/2024", &saved);
  g_object_ref (editor);

  g_assert_false (dn_date_entry_is_valid (DN_DATE_ENTRY (dn_ui_get_named (editor, "due_entry"))));
  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "due_error", "“31/4/2024” is not a date");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);

  type (dn_ui_get_named (editor, "due_entry"), "hôm qua");
  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "due_error", "is not a date");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

static void
test_editor_same_unit (DnTestStore   *fixture,
                       gconstpointer  data)
{
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;
  DnUnitChooser *supports;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, "Báo cáo sơ kết", u.office, "30/6/2024", &saved);
  g_object_ref (editor);

  supports = DN_UNIT_CHOOSER (dn_ui_get_by_label (editor, "Supporting units"));
  g_assert_true (dn_chooser_get_multiple (DN_CHOOSER (supports)));
  dn_chooser_toggle_id (DN_CHOOSER (supports), u.school_a);
  dn_chooser_toggle_id (DN_CHOOSER (supports), u.office);
  dn_ui_spin (0);
  assert_error_shown (editor, "support_error", "“Phòng GD&ĐT Bảo Thắng” cannot both lead the task and support it");

  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "support_error", "cannot both lead the task and support it");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);

  dn_chooser_toggle_id (DN_CHOOSER (supports), u.office);
  dn_ui_spin (0);
  assert_error_hidden (editor, "support_error");

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

/* Errors the editor does not foresee are the store's: shown above the form */
static void
test_editor_store_error (DnTestStore   *fixture,
                         gconstpointer  data)
{
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, "Báo cáo sơ kết", u.office, "30/6/2024", &saved);
  g_object_ref (editor);

  /* archived while the dialog was open */
  g_assert_true (dn_store_set_unit_archived (fixture->store, u.office, TRUE, NULL));
  g_assert_false (dn_task_editor_save (editor));
  assert_error_shown (editor, "store_error", "archived");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

/*
 * The editor: saving and undo
 */

static void
test_editor_valid (DnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(DnTask) task = NULL;
  g_autofree char *due = NULL;
  g_autofree char *supports_text = NULL;
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;
  DnUnitChooser *supports;

  make_units (fixture->store, &u);
  editor = open_editor (fixture->store, "Xây dựng kế hoạch hợp tác quốc tế", u.office, "30/6/2024", &saved);
  g_object_ref (editor);

  type (dn_ui_get_by_label (editor, "Section"), "II.1");
  g_assert_true (dn_chooser_pick (DN_CHOOSER (dn_ui_get_by_label (editor, "Source document")), u.document));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dn_ui_get_by_label (editor, "Description"))),
                            "Gửi về Sở trước ngày 30/6.", -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (editor, "Recurrence")), DN_RECURRENCE_QUARTERLY);
  supports = DN_UNIT_CHOOSER (dn_ui_get_by_label (editor, "Supporting units"));
  dn_chooser_toggle_id (DN_CHOOSER (supports), u.school_b);
  dn_chooser_toggle_id (DN_CHOOSER (supports), u.school_a);
  dn_ui_spin (0);

  g_assert_true (dn_task_editor_save (editor));
  dn_ui_spin (0);
  g_assert_cmpint (saved, >, 0);
  /* the editor closed itself */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  task = dn_store_get_task (fixture->store, saved, NULL);
  g_assert_nonnull (task);
  g_assert_cmpstr (task->title, ==, "Xây dựng kế hoạch hợp tác quốc tế");
  g_assert_cmpstr (task->section, ==, "II.1");
  g_assert_cmpstr (task->description, ==, "Gửi về Sở trước ngày 30/6.");
  g_assert_cmpint (task->document_id, ==, u.document);
  g_assert_cmpint (task->recurrence, ==, DN_RECURRENCE_QUARTERLY);
  g_assert_cmpint (task->status, ==, DN_STATUS_OPEN);
  due = dn_date_format_iso (&task->due_date);
  g_assert_cmpstr (due, ==, "2024-06-30");
  g_assert_cmpint (task->lead_unit_id, ==, u.office);
  {
    g_autofree char *ids = dn_test_ids_of_array (task->support_unit_ids);
    g_autofree char *wanted = DN_TEST_IDS (u.school_a, u.school_b);
    g_autofree char *expected = dn_test_ids_sorted (wanted);

    supports_text = dn_test_ids_sorted (ids);
    g_assert_cmpstr (supports_text, ==, expected);
  }
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 1);
  dn_ui_destroy_all_windows ();
}

static void
test_editor_edit_undo (DnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTask) after = NULL;
  g_autoptr(DnTask) undone = NULL;
  GDate due = dn_test_date (2024, 6, 30);
  Units u;
  gint64 id, saved = 0;
  DnWindow *window;
  DnTaskEditor *editor;

  make_units (fixture->store, &u);
  id = dn_test_add_task (fixture->store, "Báo cáo quý II", u.office, &due, DN_TEST_UNITS (u.division));
  task = dn_store_get_task (fixture->store, id, NULL);

  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  editor = dn_task_editor_new (fixture->store, task);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &saved);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  dn_ui_spin (0);

  /* the form shows the task */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (editor, "Title"))), ==, "Báo cáo quý II");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (editor, "Due date"))), ==, "30/06/2024");
  g_assert_cmpint (dn_unit_chooser_get_unit (DN_UNIT_CHOOSER (dn_ui_get_by_label (editor, "Lead unit"))), ==, u.office);

  type (dn_ui_get_by_label (editor, "Title"), "Báo cáo quý II năm 2024");
  type (dn_ui_get_by_label (editor, "Due date"), "15/7/2024");
  dn_chooser_set_id (DN_CHOOSER (dn_ui_get_by_label (editor, "Lead unit")), u.school_a);
  g_assert_true (dn_task_editor_save (editor));
  dn_ui_spin (0);
  g_assert_cmpint (saved, ==, id);

  after = dn_store_get_task (fixture->store, id, NULL);
  g_assert_cmpstr (after->title, ==, "Báo cáo quý II năm 2024");
  g_assert_cmpint (after->lead_unit_id, ==, u.school_a);

  /* Undo on the main window puts the old values back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  dn_ui_spin (0);
  undone = dn_store_get_task (fixture->store, id, NULL);
  g_assert_cmpstr (undone->title, ==, "Báo cáo quý II");
  g_assert_cmpint (undone->lead_unit_id, ==, u.office);
  g_assert_cmpint (g_date_get_day (&undone->due_date), ==, 30);
  g_assert_cmpint (undone->support_unit_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (undone->support_unit_ids, gint64, 0), ==, u.division);

  dn_ui_destroy_all_windows ();
}

static GtkWindow *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

/* Done in the editor, on a repeating task: its next occurrence, as with
 * "Mark as done" */
static void
test_editor_done_recurring (DnTestStore   *fixture,
                            gconstpointer  data)
{
  g_autoptr(DnTask) task = NULL;
  Units u;
  gint64 id, saved = 0;
  GDate due = dn_test_date (2024, 3, 31);
  DnTaskEditor *editor;

  make_units (fixture->store, &u);
  id = dn_test_add_task (fixture->store, "Báo cáo quý", u.division, &due, NULL);
  task = dn_store_get_task (fixture->store, id, NULL);
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  g_assert_true (dn_store_update_task (fixture->store, task, NULL));

  editor = dn_task_editor_new (fixture->store, task);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  dn_ui_spin (0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (editor, "Status")), DN_STATUS_DONE);
  g_assert_true (dn_task_editor_save (editor));
  dn_ui_spin (0);
  g_assert_cmpint (saved, ==, id);
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 2);
  {
    DnTaskQuery query;
    g_autoptr(GPtrArray) open = NULL;
    g_autofree char *next_due = NULL;

    dn_task_query_init (&query);
    query.unfinished = TRUE;
    open = dn_store_list_tasks (fixture->store, &query, 10, NULL);
    g_assert_cmpuint (open->len, ==, 1);
    next_due = dn_date_format_iso (&((DnTask *) open->pdata[0])->due_date);
    g_assert_cmpstr (next_due, ==, "2024-06-30");
  }
  dn_ui_destroy_all_windows ();
}

/* Undoing an edit that marked a repeating task done takes back its next
 * occurrence too */
static void
test_editor_done_recurring_undo (DnTestStore   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTask) undone = NULL;
  GDate due = dn_test_date (2024, 3, 31);
  Units u;
  gint64 id;
  DnWindow *window;
  DnTaskEditor *editor;

  make_units (fixture->store, &u);
  id = dn_test_add_task (fixture->store, "Báo cáo quý", u.division, &due, NULL);
  task = dn_store_get_task (fixture->store, id, NULL);
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  g_assert_true (dn_store_update_task (fixture->store, task, NULL));

  window = dn_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  editor = dn_task_editor_new (fixture->store, task);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  dn_ui_spin (0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (editor, "Status")), DN_STATUS_DONE);
  g_assert_true (dn_task_editor_save (editor));
  dn_ui_spin (0);
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  dn_ui_spin (0);
  undone = dn_store_get_task (fixture->store, id, NULL);
  g_assert_cmpint (undone->status, ==, DN_STATUS_OPEN);
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 1);
  dn_ui_destroy_all_windows ();
}

/* Closing with unsaved typing asks first; an untouched form just closes */
static void
test_editor_discard (DnTestStore   *fixture,
                     gconstpointer  data)
{
  Units u;
  gint64 saved = 0;
  DnTaskEditor *editor;
  GtkWindow *question;

  make_units (fixture->store, &u);

  editor = open_editor (fixture->store, NULL, 0, NULL, &saved);
  g_object_ref (editor);
  gtk_window_close (GTK_WINDOW (editor));
  dn_ui_spin (0);
  g_assert_null (find_message_dialog (GTK_WINDOW (editor)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  editor = open_editor (fixture->store, "Báo cáo sơ kết", u.office, NULL, &saved);
  g_object_ref (editor);
  gtk_window_close (GTK_WINDOW (editor));
  dn_ui_spin (0);
  question = find_message_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* keep editing: nothing lost */
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  dn_ui_spin (0);
  g_assert_null (find_message_dialog (GTK_WINDOW (editor)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (editor, "Title"))), ==, "Báo cáo sơ kết");

  /* discard */
  gtk_window_close (GTK_WINDOW (editor));
  dn_ui_spin (0);
  question = find_message_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_REJECT);
  dn_ui_spin (0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);
  g_assert_cmpint (saved, ==, 0);
  g_object_unref (editor);
  dn_ui_destroy_all_windows ();
}

/*
 * The date field and the unit chooser
 */

static void
test_date_entry (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *entry = dn_date_entry_new ();
  GDate date;

  gtk_window_set_child (GTK_WINDOW (window), entry);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (0);

  g_assert_true (dn_date_entry_is_empty (DN_DATE_ENTRY (entry)));
  g_assert_true (dn_date_entry_is_valid (DN_DATE_ENTRY (entry)));
  g_assert_false (dn_date_entry_get_date (DN_DATE_ENTRY (entry), &date));
  g_assert_false (g_date_valid (&date));

  type (entry, "30/6/2024");
  g_assert_true (dn_date_entry_get_date (DN_DATE_ENTRY (entry), &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 30);
  g_assert_cmpint (g_date_get_month (&date), ==, 6);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);

  type (entry, "29/2/2023");
  g_assert_false (dn_date_entry_is_valid (DN_DATE_ENTRY (entry)));
  g_assert_false (dn_date_entry_get_date (DN_DATE_ENTRY (entry), &date));

  date = dn_test_date (2024, 1, 5);
  dn_date_entry_set_date (DN_DATE_ENTRY (entry), &date);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "05/01/2024");
  dn_date_entry_set_date (DN_DATE_ENTRY (entry), NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

static void
test_unit_chooser (DnTestStore   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chooser;
  gint64 archived;
  Units u;

  make_units (fixture->store, &u);
  archived = dn_test_add_unit (fixture->store, "THCSCU", "Trường THCS Cũ", DN_UNIT_KIND_SCHOOL, u.office);
  g_assert_true (dn_store_set_unit_archived (fixture->store, archived, TRUE, NULL));

  chooser = dn_unit_chooser_new (fixture->store, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), chooser);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (0);

  /* archived units are not offered */
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 4);
  /* accent-insensitive, on names and codes */
  dn_chooser_set_search (DN_CHOOSER (chooser), "truong thcs");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 2);
  dn_chooser_set_search (DN_CHOOSER (chooser), "PHỐ LU");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (chooser), "bao thang");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (chooser), "thcsxq");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (chooser), "đồng văn");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 0);
  dn_chooser_set_search (DN_CHOOSER (chooser), "");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 4);

  /* several ticked, returned in tree order */
  dn_chooser_toggle_id (DN_CHOOSER (chooser), u.school_b);
  dn_chooser_toggle_id (DN_CHOOSER (chooser), u.office);
  ids = dn_chooser_get_ids (DN_CHOOSER (chooser));
  {
    g_autofree char *text = dn_test_ids_of_array (ids);
    g_autofree char *expected = DN_TEST_IDS (u.office, u.school_b);
    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_true (has_text (chooser, "Phòng GD&ĐT Bảo Thắng, Trường THCS Xuân Quang"));

  /* single mode keeps one */
  dn_chooser_set_multiple (DN_CHOOSER (chooser), FALSE);
  dn_chooser_set_id (DN_CHOOSER (chooser), u.school_a);
  g_assert_cmpint (dn_unit_chooser_get_unit (DN_UNIT_CHOOSER (chooser)), ==, u.school_a);
  g_assert_true (has_text (chooser, "Trường THCS Phố Lu"));

  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

/* Whether the chooser's list offers @unit_id; its row in *@row. */
static gboolean
offers (DnUnitChooser *chooser,
        gint64         unit_id,
        DnUnit       **row)
{
  GListModel *model = dn_chooser_get_model (DN_CHOOSER (chooser));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DnUnit) unit = g_list_model_get_item (model, i);

      if (unit->id == unit_id)
        {
          if (row != NULL)
            *row = g_steal_pointer (&unit);
          return TRUE;
        }
    }
  return FALSE;
}

static void
count_cb (gint64 *count)
{
  (*count)++;
}

static gboolean
is_popover (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_POPOVER (widget);
}

/* Asserts the popover of @chooser lies inside @window's surface and opens
 * to @side; returns its height. */
static int
assert_popover_inside (GtkWidget       *chooser,
                       GtkWidget       *window,
                       GtkPositionType  side)
{
  GtkWidget *popover = dn_ui_find (chooser, is_popover, NULL);
  GdkSurface *surface;
  GdkSurface *parent;
  int y, height;

  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  g_assert_cmpint (gtk_popover_get_position (GTK_POPOVER (popover)), ==, side);
  surface = gtk_native_get_surface (GTK_NATIVE (popover));
  parent = gtk_native_get_surface (GTK_NATIVE (window));
  y = gdk_popup_get_position_y (GDK_POPUP (surface));
  height = gdk_surface_get_height (surface);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y + height, <=, gdk_surface_get_height (parent));
  g_assert_cmpint (gdk_popup_get_position_x (GDK_POPUP (surface)), >=, 0);
  return gtk_widget_get_height (popover);
}

/* In a small window the unit list stays inside it: at the bottom it opens
 * upwards, at the top downwards, shorter than in a big window, scrolling. */
static void
test_unit_chooser_small_window (DnTestStore   *fixture,
                                gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spacer = gtk_label_new ("");
  GtkWidget *top;
  GtkWidget *bottom;
  gint64 parent;

  parent = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("TH%02d", i);
      g_autofree char *name = g_strdup_printf ("Trường Tiểu học số %d", i);

      dn_test_add_unit (fixture->store, code, name, DN_UNIT_KIND_SCHOOL, parent);
    }
  top = dn_unit_chooser_new (fixture->store, FALSE);
  bottom = dn_unit_chooser_new (fixture->store, FALSE);
  gtk_widget_set_vexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_wait_for_frame (window, 2000);

  dn_chooser_popup (DN_CHOOSER (bottom));
  dn_ui_wait_for_frame (window, 2000);
  dn_ui_spin (50);
  assert_popover_inside (bottom, window, GTK_POS_TOP);
  gtk_popover_popdown (GTK_POPOVER (dn_ui_find (bottom, is_popover, NULL)));
  dn_ui_spin (10);

  dn_chooser_popup (DN_CHOOSER (top));
  dn_ui_wait_for_frame (window, 2000);
  dn_ui_spin (50);
  g_assert_cmpint (assert_popover_inside (top, window, GTK_POS_BOTTOM), <, 420);
  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (10);
}

/* The options the person editor, the unit dialog and the preferences use:
 * a "none" row, a subtree left out, an archived current unit kept */
static void
test_unit_chooser_options (DnTestStore   *fixture,
                           gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  DnUnitChooser *chooser;
  GListModel *model;
  GtkWidget *search;
  GtkWidget *focus;
  gint64 archived;
  gint64 notified = -1;
  Units u;

  make_units (fixture->store, &u);
  archived = dn_test_add_unit (fixture->store, "THCSCU", "Trường THCS Cũ", DN_UNIT_KIND_SCHOOL, u.office);
  g_assert_true (dn_store_set_unit_archived (fixture->store, archived, TRUE, NULL));

  chooser = DN_UNIT_CHOOSER (dn_unit_chooser_new (fixture->store, FALSE));
  dn_chooser_set_none_label (DN_CHOOSER (chooser), "No unit");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chooser));
  gtk_window_present (GTK_WINDOW (window));
  dn_ui_spin (0);

  /* the none row first, then the tree; shown on the button while nothing is chosen */
  model = dn_chooser_get_model (DN_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  {
    g_autoptr(DnUnit) none = g_list_model_get_item (model, 0);
    g_autoptr(DnUnit) first = g_list_model_get_item (model, 1);
    g_autoptr(DnUnit) school = g_list_model_get_item (model, 2);

    g_assert_cmpint (none->id, ==, 0);
    g_assert_cmpstr (none->name, ==, "No unit");
    g_assert_cmpint (first->id, ==, u.office);
    g_assert_cmpint (school->id, ==, u.school_a);
    g_assert_cmpuint (school->depth, ==, 1);
  }
  g_assert_false (offers (chooser, archived, NULL));
  g_assert_true (has_text (GTK_WIDGET (chooser), "No unit"));
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 5);
  /* a search lists units only */
  dn_chooser_set_search (DN_CHOOSER (chooser), "phong");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 2);
  dn_chooser_set_search (DN_CHOOSER (chooser), "no unit");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 0);
  dn_chooser_set_search (DN_CHOOSER (chooser), "");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 5);

  /* picking: what is offered, the none row included; nothing else */
  g_signal_connect_swapped (chooser, "notify::selected-id", G_CALLBACK (count_cb), &notified);
  notified = 0;
  g_assert_true (dn_unit_chooser_pick (chooser, u.school_b));
  g_assert_cmpint (dn_unit_chooser_get_unit (chooser), ==, u.school_b);
  g_assert_cmpint (notified, ==, 1);
  g_assert_true (has_text (GTK_WIDGET (chooser), "Trường THCS Xuân Quang"));
  g_assert_false (dn_unit_chooser_pick (chooser, archived));
  g_assert_cmpint (dn_unit_chooser_get_unit (chooser), ==, u.school_b);
  g_assert_cmpint (notified, ==, 1);
  g_assert_true (dn_unit_chooser_pick (chooser, 0));
  g_assert_cmpint (dn_unit_chooser_get_unit (chooser), ==, 0);
  g_assert_cmpint (notified, ==, 2);
  g_assert_true (has_text (GTK_WIDGET (chooser), "No unit"));

  /* the list opens on the choice, with the search field focused */
  g_assert_true (dn_unit_chooser_pick (chooser, u.school_b));
  dn_chooser_popup (DN_CHOOSER (chooser));
  dn_ui_spin (0);
  search = dn_ui_get_by_label (chooser, "Search units");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));
  g_assert_true (has_text (GTK_WIDGET (chooser), "Văn phòng Sở"));

  /* a unit cannot go below itself: its subtree is left out */
  dn_unit_chooser_set_exclude_id (chooser, u.office);
  g_assert_false (offers (chooser, u.office, NULL));
  g_assert_false (offers (chooser, u.school_a, NULL));
  g_assert_false (offers (chooser, u.school_b, NULL));
  g_assert_true (offers (chooser, u.division, NULL));
  g_assert_true (offers (chooser, 0, NULL));
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 2);
  g_assert_false (dn_unit_chooser_pick (chooser, u.school_a));
  /* (the choice made before stays until changed) */
  g_assert_cmpint (dn_unit_chooser_get_unit (chooser), ==, u.school_b);
  /* an archived unit inside it is not kept either */
  dn_unit_chooser_set_keep_id (chooser, archived);
  g_assert_false (offers (chooser, archived, NULL));
  dn_unit_chooser_set_exclude_id (chooser, 0);
  g_assert_true (offers (chooser, u.school_a, NULL));

  /* the record's archived unit stays offered, last and marked */
  {
    g_autoptr(DnUnit) kept = NULL;
    g_autoptr(DnUnit) last = NULL;

    g_assert_true (offers (chooser, archived, &kept));
    g_assert_cmpstr (kept->name, ==, "Trường THCS Cũ (archived)");
    g_assert_cmpuint (kept->depth, ==, 0);
    last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
    g_assert_cmpint (last->id, ==, archived);
  }
  g_assert_true (dn_unit_chooser_pick (chooser, archived));
  g_assert_cmpint (dn_unit_chooser_get_unit (chooser), ==, archived);
  g_assert_true (has_text (GTK_WIDGET (chooser), "Trường THCS Cũ (archived)"));
  /* found by the search too */
  dn_chooser_set_search (DN_CHOOSER (chooser), "thcs cu");
  g_assert_cmpuint (dn_chooser_get_n_shown (DN_CHOOSER (chooser)), ==, 1);
  dn_chooser_set_search (DN_CHOOSER (chooser), "");

  /* the list follows the store: a unit archived meanwhile leaves it */
  g_assert_true (dn_store_set_unit_archived (fixture->store, u.school_a, TRUE, NULL));
  dn_ui_spin (0);
  g_assert_false (offers (chooser, u.school_a, NULL));
  g_assert_true (offers (chooser, u.school_b, NULL));

  /* without the none row */
  dn_chooser_set_none_label (DN_CHOOSER (chooser), NULL);
  g_assert_false (offers (chooser, 0, NULL));
  g_assert_false (dn_unit_chooser_pick (chooser, 0));
  g_assert_cmpint (dn_unit_chooser_get_unit (chooser), ==, archived);

  /* multiple mode: the none row clears the ticks */
  dn_chooser_set_none_label (DN_CHOOSER (chooser), "No unit");
  dn_chooser_set_multiple (DN_CHOOSER (chooser), TRUE);
  g_assert_true (dn_unit_chooser_pick (chooser, u.division));
  {
    g_autoptr(GArray) ids = dn_chooser_get_ids (DN_CHOOSER (chooser));
    g_autofree char *text = dn_test_ids_of_array (ids);
    g_autofree char *expected = DN_TEST_IDS (u.division, archived);

    g_assert_cmpstr (text, ==, expected);
  }
  g_assert_true (dn_unit_chooser_pick (chooser, 0));
  g_assert_cmpint (dn_unit_chooser_get_unit (chooser), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  dn_ui_spin (0);
}

/*
 * The details window
 */

static gint64
add_district_task (DnStore     *store,
                   const Units *u)
{
  GDate due = dn_test_date (2024, 6, 30);

  return dn_test_add_task (store, "Báo cáo công tác hội nhập quốc tế", u->office, &due,
                           DN_TEST_UNITS (u->division));
}

static void
pass_down (DnTaskDetails *details,
           const char    *first,
           const char    *second)
{
  GtkWindow *dialog;

  activate (details, dn_ui_get_named (details, "pass_down_button"), "task.pass-down", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  if (first != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (dialog, first)), TRUE);
  if (second != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (dialog, second)), TRUE);
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
}

static void
test_details_pass_down (DnTestStore   *fixture,
                        gconstpointer  data)
{
  Units u;
  gint64 id, school_task;
  DnTaskDetails *details, *school_details;
  GtkWindow *dialog;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);

  g_assert_cmpint (dn_task_details_get_task (details), ==, id);
  g_assert_true (has_text (GTK_WIDGET (details), "Báo cáo công tác hội nhập quốc tế"));
  g_assert_true (has_text (GTK_WIDGET (details), "30/06/2024"));
  g_assert_false (gtk_widget_is_visible (dn_ui_get_named (details, "children_list")));

  /* nothing ticked: refused, said in the dialog, which stays */
  activate (details, dn_ui_get_named (details, "pass_down_button"), "task.pass-down", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_true (find_dialog (GTK_WINDOW (details)) == dialog);
  assert_error_shown (dialog, "dialog_error", "Tick at least one sub-unit");
  g_assert_cmpint (count_children (fixture->store, id), ==, 0);
  gtk_window_destroy (dialog);
  dn_ui_spin (0);

  /* both schools in one action */
  pass_down (details, "Trường THCS Phố Lu", "Trường THCS Xuân Quang");
  g_assert_null (find_dialog (GTK_WINDOW (details)));
  g_assert_cmpint (count_children (fixture->store, id), ==, 2);
  g_assert_cmpuint (count_rows (dn_ui_get_named (details, "children_list")), ==, 2);
  g_assert_true (gtk_widget_is_visible (dn_ui_get_named (details, "children_list")));
  g_assert_true (has_text (dn_ui_get_named (details, "children_list"), "Trường THCS Phố Lu"));
  g_assert_true (has_text (dn_ui_get_named (details, "children_list"), "Trường THCS Xuân Quang"));
  g_assert_true (has_text (dn_ui_get_named (details, "message_label"), "passed down to 2 units"));

  /* a second time: they are shown as already passed down, and cannot be ticked again */
  activate (details, dn_ui_get_named (details, "pass_down_button"), "task.pass-down", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_false (gtk_widget_get_sensitive (dn_ui_get_by_label (dialog, "Trường THCS Phố Lu")));
  gtk_window_destroy (dialog);
  dn_ui_spin (0);

  /* a school has no sub-units: nothing to pass down; its parent is a link */
  {
    DnTaskQuery query;
    g_autoptr(GArray) ids = NULL;

    dn_task_query_init (&query);
    query.parent_id = id;
    query.unit_id = u.school_a;
    ids = dn_store_list_task_ids (fixture->store, &query, NULL);
    g_assert_cmpuint (ids->len, ==, 1);
    school_task = g_array_index (ids, gint64, 0);
  }
  school_details = dn_task_details_new (fixture->store, school_task);
  gtk_window_present (GTK_WINDOW (school_details));
  dn_ui_spin (0);
  assert_disabled (dn_ui_get_named (school_details, "pass_down_button"), "task.pass-down");
  g_assert_true (gtk_widget_get_visible (dn_ui_get_named (school_details, "parent_button")));
  g_assert_true (has_text (dn_ui_get_named (school_details, "parent_button"), "Part of: the task led by Phòng GD&ĐT Bảo Thắng"));
  gtk_window_destroy (GTK_WINDOW (details));
  dn_ui_spin (0);
  g_assert_null (find_details (id));
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (dn_ui_get_named (school_details, "parent_button"), "activate-link", &handled);
    g_assert_true (handled);
  }
  dn_ui_spin (0);
  g_assert_nonnull (find_details (id));

  dn_ui_destroy_all_windows ();
}

/* What the progress dialog does, through its fields and its button */
static void
add_progress (DnTaskDetails *details,
              double         percent,
              const char    *note)
{
  GtkWindow *dialog;

  activate (details, dn_ui_get_named (details, "add_progress_button"), "task.add-progress", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dn_ui_get_by_label (dialog, "Percent done")), percent);
  type (dn_ui_get_by_label (dialog, "Note"), note);
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_null (find_dialog (GTK_WINDOW (details)));
}

/* A file dropped on the progress form is attached to the entry */
static void
test_progress_drop (DnTestStore   *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bao-cao-quy.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;
  DnTaskDetails *details;
  GtkWindow *dialog;
  DnProgress *entry;
  Units u;
  gint64 id;

  dn_test_write_file (path, "%PDF-1.4 bao cao", -1);
  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  activate (details, dn_ui_get_named (details, "add_progress_button"), "task.add-progress", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  g_assert_true (dn_ui_drop_file (GTK_WIDGET (dialog), file));
  g_assert_nonnull (dn_ui_find_text (GTK_WIDGET (dialog), "bao-cao-quy.pdf"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dn_ui_get_by_label (dialog, "Percent done")), 40);
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_null (find_dialog (GTK_WINDOW (details)));
  entries = dn_store_list_progress (fixture->store, id, NULL);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpint (entry->attachment_id, >, 0);
  gtk_window_destroy (GTK_WINDOW (details));
  dn_ui_spin (0);
}

static void
test_details_progress (DnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) children = NULL;
  DnTaskQuery query;
  Units u;
  gint64 id;
  DnTaskDetails *details, *child_details;
  GtkWindow *dialog;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  pass_down (details, "Trường THCS Phố Lu", "Trường THCS Xuân Quang");

  dn_task_query_init (&query);
  query.parent_id = id;
  query.sort = DN_TASK_SORT_LEAD_UNIT;
  children = dn_store_list_task_ids (fixture->store, &query, NULL);
  g_assert_cmpuint (children->len, ==, 2);

  child_details = dn_task_details_new (fixture->store, g_array_index (children, gint64, 0));
  gtk_window_present (GTK_WINDOW (child_details));
  dn_ui_spin (0);
  g_assert_true (gtk_widget_get_visible (dn_ui_get_named (child_details, "progress_empty")));

  /* a wrong date is refused in the dialog */
  activate (child_details, dn_ui_get_named (child_details, "add_progress_button"), "task.add-progress", NULL);
  dialog = find_dialog (GTK_WINDOW (child_details));
  type (dn_ui_get_named (dialog, "dialog_date"), "32/1/2024");
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  assert_error_shown (dialog, "dialog_error", "is not a date");
  gtk_window_destroy (dialog);
  dn_ui_spin (0);

  add_progress (child_details, 40, "Đã xây dựng dự thảo");
  entries = dn_store_list_progress (fixture->store, g_array_index (children, gint64, 0), NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((DnProgress *) entries->pdata[0])->percent, ==, 40);
  g_assert_cmpstr (((DnProgress *) entries->pdata[0])->note, ==, "Đã xây dựng dự thảo");
  g_assert_cmpuint (count_rows (dn_ui_get_named (child_details, "progress_list")), ==, 1);
  g_assert_true (has_text (dn_ui_get_named (child_details, "progress_list"), "40%"));
  g_assert_true (has_text (dn_ui_get_named (child_details, "progress_list"), "Đã xây dựng dự thảo"));
  /* the unit by its name, as everywhere in the details */
  g_assert_true (has_text (dn_ui_get_named (child_details, "progress_list"), "Trường THCS Phố Lu"));
  g_assert_false (gtk_widget_get_visible (dn_ui_get_named (child_details, "progress_empty")));

  /* the parent keeps its own 0 %, and shows beside it the average of its
   * two children: (40 + 0) / 2 */
  g_assert_true (has_text (dn_ui_get_named (details, "rollup_label"), "20%"));
  g_assert_true (has_text (dn_ui_get_named (details, "progress_label"), "0% reported"));
  g_assert_true (has_text (dn_ui_get_named (details, "progress_label"), "20%"));
  g_assert_true (has_text (dn_ui_get_named (details, "children_list"), "40%"));

  dn_ui_destroy_all_windows ();
}

static void
test_details_extend (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  Units u;
  gint64 id, lead_assignment;
  DnTaskDetails *details;
  GtkWindow *dialog;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  assignments = dn_store_list_assignments (fixture->store, id, NULL);
  g_assert_cmpuint (assignments->len, ==, 2);
  /* lead first */
  g_assert_cmpint (((DnAssignment *) assignments->pdata[0])->role, ==, DN_ROLE_LEAD);
  lead_assignment = ((DnAssignment *) assignments->pdata[0])->id;

  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  g_assert_cmpuint (count_rows (dn_ui_get_named (details, "assignments_list")), ==, 2);

  /* without a reason: refused, inline; the row's button runs the action
   * for its own assignment */
  {
    GtkWidget *button = dn_ui_get_by_label (details, "Extend the deadline of Phòng GD&ĐT Bảo Thắng");
    GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

    g_assert_cmpint (g_variant_get_int64 (target), ==, lead_assignment);
    activate (details, button, "task.extend-deadline", g_variant_new_int64 (lead_assignment));
  }
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  type (dn_ui_get_named (dialog, "dialog_date"), "31/7/2024");
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_true (find_dialog (GTK_WINDOW (details)) == dialog);
  assert_error_shown (dialog, "dialog_error", "Give the reason for the extension");
  /* the field to fix is marked, until it is changed */
  g_assert_true (gtk_widget_has_css_class (dn_ui_get_by_label (dialog, "Reason"), "error"));
  extensions = dn_store_list_extensions (fixture->store, lead_assignment, NULL);
  g_assert_cmpuint (extensions->len, ==, 0);
  g_clear_pointer (&extensions, g_ptr_array_unref);

  /* a deadline before the current one: the store's word, inline */
  type (dn_ui_get_by_label (dialog, "Reason"), "Đơn vị đề nghị tại công văn số 12");
  type (dn_ui_get_named (dialog, "dialog_date"), "1/6/2024");
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  assert_error_shown (dialog, "dialog_error", "must be after the current one (30/06/2024)");

  /* with a reason and a later date */
  type (dn_ui_get_named (dialog, "dialog_date"), "31/7/2024");
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_null (find_dialog (GTK_WINDOW (details)));
  extensions = dn_store_list_extensions (fixture->store, lead_assignment, NULL);
  g_assert_cmpuint (extensions->len, ==, 1);
  g_assert_cmpstr (((DnExtension *) extensions->pdata[0])->reason, ==, "Đơn vị đề nghị tại công văn số 12");

  /* the history: old → new, reason; the count */
  g_assert_true (has_text (dn_ui_get_named (details, "assignments_list"), "Deadline: 31/07/2024"));
  g_assert_true (has_text (dn_ui_get_named (details, "assignments_list"), "extended 1 time"));
  g_assert_true (has_text (dn_ui_get_named (details, "assignments_list"),
                           "Extended from 30/06/2024 to 31/07/2024: Đơn vị đề nghị tại công văn số 12"));

  /* the status of one unit's part */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (details, "Status of Văn phòng Sở")), DN_STATUS_DONE);
  dn_ui_spin (0);
  {
    g_autoptr(GPtrArray) now = dn_store_list_assignments (fixture->store, id, NULL);
    g_assert_cmpint (((DnAssignment *) now->pdata[1])->unit_id, ==, u.division);
    g_assert_cmpint (((DnAssignment *) now->pdata[1])->status, ==, DN_STATUS_DONE);
  }

  dn_ui_destroy_all_windows ();
}

static void
test_details_reminder (DnTestStore   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) reminders = NULL;
  Units u;
  gint64 id;
  DnTaskDetails *details;
  GtkWindow *dialog;
  GtkWidget *list;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  g_assert_true (gtk_widget_get_visible (dn_ui_get_named (details, "reminders_list")) == FALSE);

  {
    g_autoptr(GPtrArray) assignments = dn_store_list_assignments (fixture->store, id, NULL);
    gint64 division_assignment = ((DnAssignment *) assignments->pdata[1])->id;

    g_assert_cmpint (((DnAssignment *) assignments->pdata[1])->unit_id, ==, u.division);
    activate (details, dn_ui_get_by_label (details, "Record a reminder to Văn phòng Sở"), "task.remind",
              g_variant_new_int64 (division_assignment));
  }
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dn_ui_get_by_label (dialog, "Kind of reminder")), DN_REMINDER_CRITICISM);
  type (dn_ui_get_by_label (dialog, "Date sent"), "5/7/2024");
  type (dn_ui_get_by_label (dialog, "Note"), "Chậm gửi báo cáo");
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_null (find_dialog (GTK_WINDOW (details)));

  reminders = dn_store_list_reminders (fixture->store, id, NULL);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((DnReminder *) reminders->pdata[0])->kind, ==, DN_REMINDER_CRITICISM);
  g_assert_cmpint (((DnReminder *) reminders->pdata[0])->unit_id, ==, u.division);

  list = dn_ui_get_named (details, "reminders_list");
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_true (has_text (list, "05/07/2024"));
  g_assert_true (has_text (list, "Criticism"));
  g_assert_true (has_text (list, "Văn phòng Sở"));
  g_assert_true (has_text (list, "Chậm gửi báo cáo"));
  /* a record: nothing in it to change or delete it with */
  g_assert_false (has_controls (list));

  dn_ui_destroy_all_windows ();
}

static void
test_details_done_recurring (DnTestStore   *fixture,
                             gconstpointer  data)
{
  g_autoptr(DnTask) task = NULL;
  g_autoptr(DnTask) done = NULL;
  g_autoptr(GError) error = NULL;
  Units u;
  DnTaskDetails *details;

  make_units (fixture->store, &u);
  task = dn_task_new ();
  g_free (task->title);
  task->title = g_strdup ("Báo cáo tháng");
  task->lead_unit_id = u.division;
  task->due_date = dn_test_date (2024, 3, 31);
  task->recurrence = DN_RECURRENCE_MONTHLY;
  g_assert_true (dn_store_add_task (fixture->store, task, &error));
  g_assert_no_error (error);

  details = dn_task_details_new (fixture->store, task->id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  g_assert_true (has_text (dn_ui_get_named (details, "recurrence_label"), "Monthly"));
  /* the division has no sub-units */
  assert_disabled (dn_ui_get_named (details, "pass_down_button"), "task.pass-down");

  activate (details, dn_ui_get_named (details, "done_button"), "task.mark-done", NULL);
  /* asked first; nothing changes until confirmed */
  {
    GtkWindow *dialog = find_dialog (GTK_WINDOW (details));
    g_autoptr(DnTask) open = dn_store_get_task (fixture->store, task->id, NULL);

    g_assert_nonnull (dialog);
    g_assert_cmpint (open->status, ==, DN_STATUS_OPEN);
    dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
    g_assert_null (find_dialog (GTK_WINDOW (details)));
  }
  done = dn_store_get_task (fixture->store, task->id, NULL);
  g_assert_cmpint (done->status, ==, DN_STATUS_DONE);
  /* the officer is told about the next occurrence and its due date */
  g_assert_true (has_text (dn_ui_get_named (details, "message_label"), "next occurrence was created, due on 30/04/2024"));
  g_assert_true (has_text (dn_ui_get_named (details, "status_label"), "Done"));
  assert_disabled (dn_ui_get_named (details, "done_button"), "task.mark-done");
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 2);

  dn_ui_destroy_all_windows ();
}

/* Deleted while shown: the window says so instead of showing stale data */
static void
test_details_deleted (DnTestStore   *fixture,
                      gconstpointer  data)
{
  Units u;
  gint64 id;
  DnTaskDetails *details;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  g_assert_true (dn_store_delete_task (fixture->store, id, NULL));
  dn_ui_spin (0);
  assert_disabled (dn_ui_get_named (details, "edit_button"), "task.edit");
  assert_disabled (dn_ui_get_named (details, "done_button"), "task.mark-done");
  assert_disabled (dn_ui_get_named (details, "delete_button"), "task.delete");
  assert_disabled (dn_ui_get_named (details, "add_progress_button"), "task.add-progress");
  assert_disabled (dn_ui_get_named (details, "pass_down_button"), "task.pass-down");

  dn_ui_destroy_all_windows ();
}

/* task.edit: the task editor, over the details, filled with the task */
static void
test_details_edit (DnTestStore   *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not owned */
  DnTaskEditor *editor = NULL;
  DnTaskDetails *details;
  Units u;
  gint64 id;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);

  activate (details, dn_ui_get_named (details, "edit_button"), "task.edit", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DN_IS_TASK_EDITOR (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (details))
        editor = DN_TASK_EDITOR (window);
    }
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_by_label (editor, "Title"))), ==,
                   "Báo cáo công tác hội nhập quốc tế");

  /* saved: the details show the change */
  type (dn_ui_get_by_label (editor, "Title"), "Báo cáo công tác hội nhập quốc tế năm 2024");
  g_assert_true (dn_task_editor_save (editor));
  dn_ui_spin (0);
  g_assert_true (has_text (dn_ui_get_named (details, "title_label"), "Báo cáo công tác hội nhập quốc tế năm 2024"));

  dn_ui_destroy_all_windows ();
}

static void
on_message_cb (DnWindowContext *context,
               const char      *text,
               gboolean         with_undo,
               char           **last)
{
  g_free (*last);
  *last = g_strdup_printf ("%s%s", text, with_undo ? " [undo]" : "");
}

/* task.delete: the task goes (kept for undo), the details close, and the
 * main window's context offers Undo, which brings it back */
static void
test_details_delete (DnTestStore   *fixture,
                     gconstpointer  data)
{
  g_autoptr(DnWindowContext) context = dn_window_context_new (fixture->store, NULL);
  g_autofree char *message = NULL;
  GtkWindow *main_window;
  DnTaskDetails *details;
  Units u;
  gint64 id;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  g_signal_connect (context, "message", G_CALLBACK (on_message_cb), &message);
  /* a stand-in for the main window: it only brings the context */
  main_window = GTK_WINDOW (gtk_window_new ());
  dn_window_context_attach (GTK_WIDGET (main_window), context);
  details = dn_task_details_new (fixture->store, id);
  gtk_window_set_transient_for (GTK_WINDOW (details), main_window);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  g_assert_true (dn_window_context_from_widget (dn_ui_get_named (details, "title_label")) == context);

  activate (details, dn_ui_get_named (details, "delete_button"), "task.delete", NULL);
  g_assert_null (find_details (id));
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 0);
  g_assert_cmpstr (message, ==, "Task “Báo cáo công tác hội nhập quốc tế” deleted. [undo]");
  g_assert_true (dn_window_context_can_undo (context));

  g_assert_true (dn_window_context_undo (context, NULL));
  g_assert_cmpint (count_all_tasks (fixture->store), ==, 1);
  g_assert_cmpstr (message, ==, "Undone.");
  g_assert_false (dn_window_context_can_undo (context));

  dn_ui_destroy_all_windows ();
}

static DnStatus
unit_status (DnStore *store,
             gint64   task_id,
             gint64   unit_id)
{
  g_autoptr(GPtrArray) rows = dn_store_list_assignments (store, task_id, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (DN_ASSIGNMENT (rows->pdata[i])->unit_id == unit_id)
      return DN_ASSIGNMENT (rows->pdata[i])->status;
  g_assert_not_reached ();
  return DN_STATUS_N;
}

/* The details over a stand-in for the main window, which brings
 * @context (its Undo and messages, the last one in @message). */
static DnTaskDetails *
details_with_context (DnStore          *store,
                      gint64            id,
                      DnWindowContext  *context,
                      char            **message)
{
  GtkWindow *main_window = GTK_WINDOW (gtk_window_new ());
  DnTaskDetails *details;

  g_signal_connect (context, "message", G_CALLBACK (on_message_cb), message);
  dn_window_context_attach (GTK_WIDGET (main_window), context);
  details = dn_task_details_new (store, id);
  gtk_window_set_transient_for (GTK_WINDOW (details), main_window);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  return details;
}

/* task.mark-done asks first; the lead's row closes with the task, a
 * supporting unit left unticked stays open; Undo puts all back */
static void
test_details_mark_done (DnTestStore   *fixture,
                        gconstpointer  data)
{
  g_autoptr(DnWindowContext) context = dn_window_context_new (fixture->store, NULL);
  g_autofree char *message = NULL;
  DnTaskDetails *details;
  GtkWindow *dialog;
  Units u;
  gint64 id;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = details_with_context (fixture->store, id, context, &message);

  /* cancelled: nothing changes */
  activate (details, dn_ui_get_named (details, "done_button"), "task.mark-done", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_nonnull (dialog);
  g_assert_true (has_text (GTK_WIDGET (dialog), "Phòng GD&ĐT Bảo Thắng"));
  gtk_window_destroy (dialog);
  dn_ui_spin (0);
  g_assert_cmpint (unit_status (fixture->store, id, u.office), ==, DN_STATUS_OPEN);

  /* the supporting division has not finished: left open */
  activate (details, dn_ui_get_named (details, "done_button"), "task.mark-done", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (dialog, "Văn phòng Sở"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (dialog, "Văn phòng Sở")), FALSE);
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_null (find_dialog (GTK_WINDOW (details)));
  {
    g_autoptr(DnTask) task = dn_store_get_task (fixture->store, id, NULL);
    g_assert_cmpint (task->status, ==, DN_STATUS_DONE);
  }
  g_assert_cmpint (unit_status (fixture->store, id, u.office), ==, DN_STATUS_DONE);
  g_assert_cmpint (unit_status (fixture->store, id, u.division), ==, DN_STATUS_OPEN);
  g_assert_cmpstr (message, ==, "The task is done. [undo]");

  g_assert_true (dn_window_context_undo (context, NULL));
  {
    g_autoptr(DnTask) task = dn_store_get_task (fixture->store, id, NULL);
    g_assert_cmpint (task->status, ==, DN_STATUS_OPEN);
  }
  g_assert_cmpint (unit_status (fixture->store, id, u.office), ==, DN_STATUS_OPEN);
  dn_ui_spin (0);
  g_assert_true (has_text (dn_ui_get_named (details, "status_label"), "Not started"));

  dn_ui_destroy_all_windows ();
}

/* task.pass-down asks for the sub-units' deadline (the task's by
 * default); Undo removes what it made */
static void
test_details_pass_down_undo (DnTestStore   *fixture,
                             gconstpointer  data)
{
  g_autoptr(DnWindowContext) context = dn_window_context_new (fixture->store, NULL);
  g_autofree char *message = NULL;
  g_autoptr(GArray) children = NULL;
  DnTaskDetails *details;
  GtkWindow *dialog;
  DnTaskQuery query;
  Units u;
  gint64 id;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  details = details_with_context (fixture->store, id, context, &message);

  activate (details, dn_ui_get_named (details, "pass_down_button"), "task.pass-down", NULL);
  dialog = find_dialog (GTK_WINDOW (details));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dn_ui_get_named (dialog, "dialog_date"))), ==, "30/06/2024");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dn_ui_get_by_label (dialog, "Trường THCS Phố Lu")), TRUE);
  /* a wrong date is refused in the dialog */
  type (dn_ui_get_named (dialog, "dialog_date"), "31/6/2024");
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  assert_error_shown (dialog, "dialog_error", "is not a date");
  g_assert_cmpint (count_children (fixture->store, id), ==, 0);
  type (dn_ui_get_named (dialog, "dialog_date"), "15/6/2024");
  dn_ui_click (dn_ui_get_named (dialog, "dialog_ok"));
  g_assert_null (find_dialog (GTK_WINDOW (details)));

  dn_task_query_init (&query);
  query.parent_id = id;
  children = dn_store_list_task_ids (fixture->store, &query, NULL);
  g_assert_cmpuint (children->len, ==, 1);
  {
    g_autoptr(DnTask) child = dn_store_get_task (fixture->store, g_array_index (children, gint64, 0), NULL);

    g_assert_cmpint (g_date_get_day (&child->due_date), ==, 15);
    g_assert_cmpint (g_date_get_month (&child->due_date), ==, 6);
  }
  g_assert_cmpstr (message, ==, "The task was passed down to 1 unit. [undo]");

  g_assert_true (dn_window_context_undo (context, NULL));
  g_assert_cmpint (count_children (fixture->store, id), ==, 0);
  dn_ui_spin (0);
  g_assert_false (gtk_widget_is_visible (dn_ui_get_named (details, "children_list")));

  dn_ui_destroy_all_windows ();
}

/* task.open-attachment: a file missing from the data folder is said, in
 * the details */
static void
test_details_open_attachment (DnTestStore   *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnProgress) progress = dn_progress_new ();
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) stored = NULL;
  g_autofree char *path = NULL;
  DnTaskDetails *details;
  GtkWidget *button;
  Units u;
  gint64 id;

  make_units (fixture->store, &u);
  id = add_district_task (fixture->store, &u);
  path = g_build_filename (g_get_tmp_dir (), "dn-test-bao-cao.txt", NULL);
  g_assert_true (g_file_set_contents (path, "Báo cáo", -1, NULL));
  source = g_file_new_for_path (path);
  attachment = dn_store_add_attachment (fixture->store, source, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  progress->task_id = id;
  progress->percent = 50;
  progress->attachment_id = attachment->id;
  progress->entry_date = dn_test_date (2024, 5, 2);
  g_assert_true (dn_store_add_progress (fixture->store, progress, &error));
  g_assert_no_error (error);

  details = dn_task_details_new (fixture->store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  button = dn_ui_get_by_label (details, "Open the attached file dn-test-bao-cao.txt");
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button))), ==,
                   attachment->id);

  stored = dn_store_get_attachment_file (fixture->store, attachment);
  g_assert_true (g_file_delete (stored, NULL, NULL));
  activate (details, button, "task.open-attachment", g_variant_new_int64 (attachment->id));
  g_assert_true (has_text (dn_ui_get_named (details, "message_label"), "missing from the data folder"));
  dn_ui_destroy_all_windows ();

  /* a PDF opens in the application's own viewer, named as it was added */
  {
    g_autofree char *dir = dn_pdf_test_make_dir ();
    g_autofree char *pdf_path = g_build_filename (dir, "bao-cao-quy.pdf", NULL);
    g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
    g_autoptr(DnAttachment) pdf_attachment = NULL;
    g_autoptr(DnProgress) pdf_progress = dn_progress_new ();
    GtkWindow *viewer;

    dn_pdf_test_write (pdf_path, 3, "Báo cáo quý", FALSE);
    pdf_attachment = dn_store_add_attachment (fixture->store, pdf, NULL, &error);
    g_assert_no_error (error);
    pdf_progress->task_id = id;
    pdf_progress->percent = 60;
    pdf_progress->attachment_id = pdf_attachment->id;
    pdf_progress->entry_date = dn_test_date (2024, 5, 3);
    g_assert_true (dn_store_add_progress (fixture->store, pdf_progress, &error));
    g_assert_no_error (error);
    dn_pdf_test_remove_dir (dir);

    details = dn_task_details_new (fixture->store, id);
    gtk_window_present (GTK_WINDOW (details));
    dn_ui_spin (0);
    button = dn_ui_get_by_label (details, "Open the attached file bao-cao-quy.pdf");
    activate (details, button, "task.open-attachment", g_variant_new_int64 (pdf_attachment->id));
    viewer = dn_ui_find_window (DN_TYPE_PDF_WINDOW);
    g_assert_nonnull (viewer);
    g_assert_cmpstr (gtk_window_get_title (viewer), ==, "bao-cao-quy.pdf");
    g_assert_true (gtk_window_get_transient_for (viewer) == GTK_WINDOW (details));
    g_assert_false (has_text (dn_ui_get_named (details, "message_label"), "missing"));
  }
  dn_ui_destroy_all_windows ();
}

/* Each access key of the small dialogs (pass down, extend, remind,
 * progress) is used once, in English and in Vietnamese. */
static void
check_sub_dialog_mnemonics (DnStore    *store,
                            const char *language)
{
  struct { const char *action; gboolean on_assignment; } actions[] = {
    { "task.pass-down", FALSE },
    { "task.add-progress", FALSE },
    { "task.extend-deadline", TRUE },
    { "task.remind", TRUE },
    { "task.mark-done", FALSE },
  };
  g_autoptr(GPtrArray) assignments = NULL;
  DnTaskDetails *details;
  Units u;
  gint64 id;

  make_units (store, &u);
  id = add_district_task (store, &u);
  assignments = dn_store_list_assignments (store, id, NULL);
  details = dn_task_details_new (store, id);
  gtk_window_present (GTK_WINDOW (details));
  dn_ui_spin (0);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GVariant *param = actions[i].on_assignment
                        ? g_variant_new_int64 (((DnAssignment *) assignments->pdata[0])->id) : NULL;
      g_autofree char *twice = NULL;
      GtkWindow *dialog;

      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (details), actions[i].action, param));
      dn_ui_spin (0);
      dialog = find_dialog (GTK_WINDOW (details));
      g_assert_nonnull (dialog);
      twice = dn_ui_mnemonics_used_twice (dialog);
      g_test_message ("%s, %s: %s", language, gtk_window_get_title (dialog), twice);
      g_assert_cmpstr (twice, ==, "");
      gtk_window_destroy (dialog);
      dn_ui_spin (0);
    }
  /* and the task editor's new-document form */
  {
    DnTaskEditor *editor = dn_task_editor_new (store, NULL);
    g_autofree char *twice = NULL;
    GtkWindow *form;

    gtk_window_present (GTK_WINDOW (editor));
    dn_ui_spin (0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new-document", NULL));
    dn_ui_spin (0);
    form = find_dialog (GTK_WINDOW (editor));
    g_assert_nonnull (form);
    twice = dn_ui_mnemonics_used_twice (form);
    g_test_message ("%s, %s: %s", language, gtk_window_get_title (form), twice);
    g_assert_cmpstr (twice, ==, "");
  }
  dn_ui_destroy_all_windows ();
}

static void
test_details_mnemonics (DnTestStore   *fixture,
                        gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      check_sub_dialog_mnemonics (fixture->store, "en");
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
  g_assert_cmpstr (_("_Pass Down"), ==, "_Giao");
  check_sub_dialog_mnemonics (fixture->store, "vi");
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  DN_TEST_ADD ("/task-editor/no-title", test_editor_no_title);
  DN_TEST_ADD ("/task-editor/no-lead", test_editor_no_lead);
  DN_TEST_ADD ("/task-editor/due-before-document", test_editor_due_before_document);
  DN_TEST_ADD ("/task-editor/new-document", test_editor_new_document);
  DN_TEST_ADD ("/task-editor/invalid-date", test_editor_invalid_date);
  DN_TEST_ADD ("/task-editor/same-unit-lead-and-support", test_editor_same_unit);
  DN_TEST_ADD ("/task-editor/store-error", test_editor_store_error);
  DN_TEST_ADD ("/task-editor/valid", test_editor_valid);
  DN_TEST_ADD ("/task-editor/edit-undo", test_editor_edit_undo);
  DN_TEST_ADD ("/task-editor/done-recurring", test_editor_done_recurring);
  DN_TEST_ADD ("/task-editor/done-recurring-undo", test_editor_done_recurring_undo);
  DN_TEST_ADD ("/task-editor/discard-confirm", test_editor_discard);
  g_test_add_func ("/date-entry/parse", test_date_entry);
  DN_TEST_ADD ("/unit-chooser/search", test_unit_chooser);
  DN_TEST_ADD ("/unit-chooser/options", test_unit_chooser_options);
  DN_TEST_ADD ("/unit-chooser/small-window", test_unit_chooser_small_window);
  DN_TEST_ADD ("/task-details/pass-down", test_details_pass_down);
  DN_TEST_ADD ("/task-details/progress-roll-up", test_details_progress);
  DN_TEST_ADD ("/task-details/progress-drop", test_progress_drop);
  DN_TEST_ADD ("/task-details/extend-deadline", test_details_extend);
  DN_TEST_ADD ("/task-details/reminder", test_details_reminder);
  DN_TEST_ADD ("/task-details/done-recurring", test_details_done_recurring);
  DN_TEST_ADD ("/task-details/deleted", test_details_deleted);
  DN_TEST_ADD ("/task-details/edit", test_details_edit);
  DN_TEST_ADD ("/task-details/delete-undo", test_details_delete);
  DN_TEST_ADD ("/task-details/mark-done", test_details_mark_done);
  DN_TEST_ADD ("/task-details/pass-down-undo", test_details_pass_down_undo);
  DN_TEST_ADD ("/task-details/open-attachment", test_details_open_attachment);
  DN_TEST_ADD ("/task-details/mnemonics", test_details_mnemonics);

  return g_test_run ();
}
