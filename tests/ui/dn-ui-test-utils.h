/* dn-ui-test-utils.h: helpers shared by the widget tests (tests/ui): start
 * GTK or skip without a display, run the main loop, find widgets and
 * windows as a person would (by accessible label, text, name or type)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* gtk_init_check() then g_test_init(); without a display, reports the whole
 * program as skipped (TAP "1..0 # SKIP") and exits with status 0, or, when
 * DN_TEST_NO_SKIP is set (build-aux/dev test), fails. */
void       dn_ui_test_init             (int    *argc,
                                        char ***argv);
/* dn_ui_test_init() with GTK's test accessibility backend (GTK_A11Y=test),
 * so that accessible labels can be read back; the state changes it prints
 * are kept out of the TAP output. */
void       dn_ui_test_init_accessible  (int    *argc,
                                        char ***argv);

/* The main loop --------------------------------------------------------- */

/* Iterates the main loop for @ms milliseconds; with 0, runs what is
 * pending (idle work, signals) a bounded number of times. */
void       dn_ui_spin                  (guint ms);

typedef gboolean (*DnUiCondition) (gpointer data);
/* Iterates the main loop until @condition (@data) holds; FALSE when
 * @timeout_ms passed first. */
gboolean   dn_ui_wait_until            (DnUiCondition  condition,
                                        gpointer       data,
                                        guint          timeout_ms);
/* Iterates the main loop until @widget's window has painted a new frame
 * (asserted, within @timeout_ms); the microseconds it took. */
gint64     dn_ui_wait_for_frame        (GtkWidget *widget,
                                        guint      timeout_ms);

/* Widgets ---------------------------------------------------------------- */

/* The first widget below @root (included), depth first, for which @match
 * (widget, @data) is TRUE; NULL when none. */
typedef gboolean (*DnUiMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget *dn_ui_find                  (GtkWidget     *root,
                                        DnUiMatch      match,
                                        gconstpointer  data);
/* … named @name (gtk_widget_get_name) */
GtkWidget *dn_ui_find_named            (GtkWidget  *root,
                                        const char *name);
/* … of @type */
GtkWidget *dn_ui_find_type             (GtkWidget *root,
                                        GType      type);
/* … whose accessible label is @label (GTK_A11Y=test; labels, named by their
 * own text, are left out) */
GtkWidget *dn_ui_find_by_label         (GtkWidget  *root,
                                        const char *label);
/* … a GtkLabel showing exactly @text */
GtkWidget *dn_ui_find_text             (GtkWidget  *root,
                                        const char *text);
/* The same, failing the test when there is none. */
GtkWidget *dn_ui_get_named             (gpointer    root,
                                        const char *name);
GtkWidget *dn_ui_get_by_label          (gpointer    root,
                                        const char *label);
/* Sets the text of the field labelled @label below @root (as if typed). */
void       dn_ui_set_text              (gpointer    root,
                                        const char *label,
                                        const char *text);
/* Clicks @button (which must be sensitive) and runs what follows. */
void       dn_ui_click                 (GtkWidget *button);
/* Iterates the main loop until the list page @page (a DnListPage) has
 * read its rows and shows @n of them (asserted, within 5 s; the failure
 * says how many it shows). */
void       dn_ui_wait_for_list_rows    (gpointer   page,
                                        guint      n);
/* Whether the list page @page (a DnListPage) has read its rows. */
gboolean   dn_ui_list_page_loaded      (gpointer   page);
/* Drops @file on @widget as a file manager would (through its
 * GtkDropTarget, asserted); whether the drop was taken. */
gboolean   dn_ui_drop_file             (GtkWidget *widget,
                                        GFile     *file);
/* Access keys (Alt+letter) that two shown labels of @window use, "" when
 * each is used once. */
char      *dn_ui_mnemonics_used_twice  (GtkWindow *window);

/* Windows ---------------------------------------------------------------- */

/* The first open window of @type, or NULL. */
GtkWindow *dn_ui_find_window           (GType type);
guint      dn_ui_count_windows         (GType type);
/* The one visible window of @type (asserted: exactly one). */
GtkWindow *dn_ui_the_visible_window    (GType type);
/* Destroys every window and runs what follows. */
void       dn_ui_destroy_all_windows   (void);

/* Writes what @window shows to the PNG file @path (asserted). */
void       dn_ui_save_png              (GtkWindow  *window,
                                        const char *path);

/* Switches this process to the Vietnamese interface; FALSE when the
 * translation is not built. */
gboolean   dn_ui_use_vietnamese        (void);

G_END_DECLS
