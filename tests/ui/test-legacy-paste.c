/* test-legacy-paste.c: text pasted in TCVN3 (ABC) or VNI is shown
 * converted before it is kept; other text pastes as usual
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-legacy-paste"

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "dn-application.h"
#include "dn-legacy-paste-dialog.h"
#include "dn-ui-test-utils.h"

/* "Xin chào các bạn" as a TCVN3 and as a VNI document pasted shows it */
#define TCVN3_HELLO "Xin ch\u00b5o c\u00b8c b\u00b9n"
#define VNI_HELLO   "Xin cha\u00f8o ca\u00f9c ba\u00efn"

typedef struct
{
  GtkWindow *window;
  GtkWidget *entry;
  GtkWidget *view;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->entry = gtk_entry_new ();
  f->view = gtk_text_view_new ();
  gtk_box_append (GTK_BOX (box), f->entry);
  gtk_box_append (GTK_BOX (box), f->view);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  dn_legacy_paste_watch (f->window);
  dn_ui_spin (0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_ui_destroy_all_windows ();
}

/* The GtkText inside an entry: what has the focus and pastes */
static GtkWidget *
text_of (GtkWidget *entry)
{
  GtkWidget *text = dn_ui_find_type (entry, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  return text;
}

/* Puts @text on the clipboard and pastes into @field as Ctrl+V does (the
 * focus given to it first, unless it has it) */
static void
paste (GtkWidget  *field,
       const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (field), text);
  if (!gtk_widget_has_focus (field))
    gtk_widget_grab_focus (field);
  dn_ui_spin (0);
  g_signal_emit_by_name (field, "paste-clipboard");
}

static gboolean
dialog_shown (gpointer data)
{
  return dn_ui_find_window (DN_TYPE_LEGACY_PASTE_DIALOG) != NULL;
}

static GtkWindow *
wait_for_dialog (void)
{
  g_assert_true (dn_ui_wait_until (dialog_shown, NULL, 5000));
  return dn_ui_the_visible_window (DN_TYPE_LEGACY_PASTE_DIALOG);
}

typedef struct
{
  GtkEditable *editable;
  const char  *text;
} Expect;

static gboolean
entry_is (gpointer data)
{
  Expect *e = data;

  return g_strcmp0 (gtk_editable_get_text (e->editable), e->text) == 0;
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text the dialog shows in its view named @label */
static char *
shown_text (GtkWindow  *dialog,
            const char *label)
{
  return view_text (dn_ui_get_by_label (dialog, label));
}

/* TCVN3 into an entry: the dialog shows both, and the converted text goes
 * where the cursor was */
static void
test_entry_converted (Fixture       *f,
                      gconstpointer  data)
{
  Expect e = { GTK_EDITABLE (f->entry), "Kính gửi: Xin chào các bạn" };
  g_autofree char *converted = NULL, *pasted = NULL;
  GtkWindow *dialog;

  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Kính gửi: ");
  /* focused, the cursor put after the words (the focus selects all) */
  gtk_widget_grab_focus (text_of (f->entry));
  gtk_editable_set_position (GTK_EDITABLE (f->entry), -1);
  paste (text_of (f->entry), TCVN3_HELLO);
  dialog = wait_for_dialog ();
  g_assert_true (gtk_window_get_transient_for (dialog) == f->window);
  converted = shown_text (dialog, "Converted text");
  pasted = shown_text (dialog, "Text as pasted");
  g_assert_cmpstr (converted, ==, "Xin chào các bạn");
  g_assert_cmpstr (pasted, ==, TCVN3_HELLO);
  /* the default is to paste it converted */
  g_assert_nonnull (gtk_window_get_default_widget (dialog));
  g_assert_true (gtk_window_get_focus (dialog) == gtk_window_get_default_widget (dialog));
  /* nothing is pasted before the officer chooses */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "Kính gửi: ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "legacy-paste.convert", NULL));
  g_assert_true (dn_ui_wait_until (entry_is, &e, 5000));
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_LEGACY_PASTE_DIALOG), ==, 0);
}

/* VNI into a text view, over a selection, kept as it came */
static void
test_view_as_is (Fixture       *f,
                 gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  GtkTextIter start, end;
  GtkWindow *dialog;
  g_autofree char *text = NULL, *shown = NULL;

  gtk_text_buffer_set_text (buffer, "Đầu XXX cuối", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 4);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 7);
  gtk_text_buffer_select_range (buffer, &start, &end);
  paste (f->view, VNI_HELLO);
  dialog = wait_for_dialog ();
  shown = shown_text (dialog, "Converted text");
  g_assert_cmpstr (shown, ==, "Xin chào các bạn");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "legacy-paste.as-is", NULL));
  dn_ui_spin (0);
  text = view_text (f->view);
  g_assert_cmpstr (text, ==, "Đầu " VNI_HELLO " cuối");
}

/* Closing the dialog pastes nothing */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  GtkWindow *dialog;

  paste (text_of (f->entry), TCVN3_HELLO);
  dialog = wait_for_dialog ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  dn_ui_spin (100);
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_LEGACY_PASTE_DIALOG), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "");
}

/* Unicode Vietnamese, English and French paste at once, without a
 * dialog; a single-line field keeps the first line */
static void
test_plain (Fixture       *f,
            gconstpointer  data)
{
  const char *texts[] = { "Hộ chiếu công vụ", "Passport handed back", "Ministère de l'Éducation" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      Expect e = { GTK_EDITABLE (f->entry), texts[i] };

      gtk_editable_set_text (GTK_EDITABLE (f->entry), "");
      paste (text_of (f->entry), texts[i]);
      g_assert_true (dn_ui_wait_until (entry_is, &e, 5000));
      g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_LEGACY_PASTE_DIALOG), ==, 0);
    }
  {
    Expect e = { GTK_EDITABLE (f->entry), "dòng một" };

    gtk_editable_set_text (GTK_EDITABLE (f->entry), "");
    gtk_text_set_truncate_multiline (GTK_TEXT (text_of (f->entry)), TRUE);
    paste (text_of (f->entry), "dòng một\ndòng hai");
    g_assert_true (dn_ui_wait_until (entry_is, &e, 5000));
  }
}

/* A password field is left to GTK */
static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *password = gtk_password_entry_new ();

  gtk_box_append (GTK_BOX (gtk_window_get_child (f->window)), password);
  paste (text_of (password), TCVN3_HELLO);
  dn_ui_spin (200);
  g_assert_cmpuint (dn_ui_count_windows (DN_TYPE_LEGACY_PASTE_DIALOG), ==, 0);
}

/* The application watches every window it has, those opened later too */
static void
test_application (void)
{
  g_autoptr(DnApplication) app = dn_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *entry = gtk_entry_new ();
  Expect e = { GTK_EDITABLE (entry), "Xin chào các bạn" };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, entry);
  gtk_window_present (window);
  paste (text_of (entry), TCVN3_HELLO);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wait_for_dialog ()), "legacy-paste.convert", NULL));
  g_assert_true (dn_ui_wait_until (entry_is, &e, 5000));
  dn_ui_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init_accessible (&argc, &argv);

  g_test_add ("/legacy-paste/entry-converted", Fixture, NULL, fixture_setup, test_entry_converted, fixture_teardown);
  g_test_add ("/legacy-paste/view-as-is", Fixture, NULL, fixture_setup, test_view_as_is, fixture_teardown);
  g_test_add ("/legacy-paste/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/legacy-paste/plain", Fixture, NULL, fixture_setup, test_plain, fixture_teardown);
  g_test_add ("/legacy-paste/password", Fixture, NULL, fixture_setup, test_password, fixture_teardown);
  g_test_add_func ("/legacy-paste/application", test_application);
  return g_test_run ();
}
