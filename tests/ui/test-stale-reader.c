/* test-stale-reader.c: DnStaleReader, the reads of a page when the store
 * changes: none while hidden, one per burst of changes, changes that come
 * during a read read once after it, and the page's "loading" property
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-stale-reader"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "dn-stale-reader.h"
#include "dn-test-utils.h"
#include "dn-ui-test-utils.h"

#define TIMEOUT_MS 30000

/* A page that shows the number of units. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, GtkWidget)

struct _TestPage
{
  GtkWidget      parent_instance;

  DnStaleReader *reader;
  guint          n_started;  /* reads started */
  guint          n_shown;    /* results shown */
  gint64         n_units;    /* the last result */
  char          *error;      /* the last error, if any */
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, GTK_TYPE_WIDGET)

/* On the worker's thread. */
static gpointer
count_units (DnStore         *store,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *result_destroy,
             GError         **error)
{
  GError *local = NULL;
  gint64 n = dn_store_count (store, DN_RECORD_UNIT, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  *result_destroy = g_free;
  return g_memdup2 (&n, sizeof n);
}

static gpointer
read_data (GtkWidget *widget)
{
  TEST_PAGE (widget)->n_started++;
  return g_new0 (int, 1);
}

static void
show (GtkWidget    *widget,
      gpointer      result,
      const GError *error)
{
  TestPage *self = TEST_PAGE (widget);

  self->n_shown++;
  g_clear_pointer (&self->error, g_free);
  if (result != NULL)
    self->n_units = *(gint64 *) result;
  else
    self->error = g_strdup (error->message);
}

static const DnStaleReaderFuncs funcs = { count_units, read_data, show, NULL };

static void
test_page_dispose (GObject *object)
{
  TestPage *self = TEST_PAGE (object);

  g_clear_pointer (&self->reader, dn_stale_reader_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (test_page_parent_class)->dispose (object);
}

static void
test_page_class_init (TestPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = test_page_dispose;
  dn_stale_reader_install_property (G_OBJECT_CLASS (klass), G_STRUCT_OFFSET (TestPage, reader));
}

static void
test_page_init (TestPage *self)
{
  self->reader = dn_stale_reader_new (GTK_WIDGET (self), &funcs);
}

typedef struct
{
  GtkWindow *window;
  GtkStack  *stack;
  TestPage  *page;
  guint      n_notified;  /* notify::loading */
} Shown;

static void
on_loading_cb (TestPage   *page,
               GParamSpec *pspec,
               Shown      *shown)
{
  shown->n_notified++;
}

static gboolean
loading (TestPage *page)
{
  gboolean value;

  g_object_get (page, "loading", &value, NULL);
  return value;
}

static gboolean
settled_cb (gpointer page)
{
  return !loading (page);
}

static gboolean
busy_cb (gpointer page)
{
  return dn_stale_reader_is_busy (TEST_PAGE (page)->reader);
}

static gboolean
unmapped_cb (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* The page in a stack, behind another child (hidden). */
static void
show_window (Shown   *shown,
             DnStore *store)
{
  shown->window = GTK_WINDOW (gtk_window_new ());
  shown->stack = GTK_STACK (gtk_stack_new ());
  shown->page = g_object_new (TEST_TYPE_PAGE, NULL);
  shown->n_notified = 0;
  gtk_stack_add_named (shown->stack, gtk_label_new ("other"), "other");
  gtk_stack_add_named (shown->stack, GTK_WIDGET (shown->page), "page");
  gtk_stack_set_visible_child_name (shown->stack, "other");
  gtk_window_set_child (shown->window, GTK_WIDGET (shown->stack));
  g_signal_connect (shown->page, "notify::loading", G_CALLBACK (on_loading_cb), shown);
  dn_stale_reader_set_store (shown->page->reader, store);
  gtk_window_present (shown->window);
  dn_ui_wait_for_frame (GTK_WIDGET (shown->window), TIMEOUT_MS);
}

static void
test_when_shown (DnTestStore   *fixture,
                 gconstpointer  data)
{
  Shown shown;

  dn_test_add_unit (fixture->store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, 0);
  show_window (&shown, fixture->store);

  /* hidden: never read, whatever changes */
  dn_test_add_unit (fixture->store, "KHTC", "Phòng Kế hoạch - Tài chính", DN_UNIT_KIND_DIVISION, 0);
  dn_ui_spin (50);
  g_assert_cmpuint (shown.page->n_started, ==, 0);
  g_assert_true (dn_stale_reader_is_stale (shown.page->reader));
  g_assert_false (loading (shown.page));
  g_assert_cmpuint (shown.n_notified, ==, 0);

  /* shown: read at once, the property says so until the result is in */
  gtk_stack_set_visible_child_name (shown.stack, "page");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shown.page)));
  g_assert_cmpuint (shown.page->n_started, ==, 1);
  g_assert_true (loading (shown.page));
  g_assert_true (dn_ui_wait_until (settled_cb, shown.page, TIMEOUT_MS));
  g_assert_cmpuint (shown.page->n_shown, ==, 1);
  g_assert_cmpint (shown.page->n_units, ==, 2);
  g_assert_false (dn_stale_reader_is_stale (shown.page->reader));
  g_assert_cmpuint (shown.n_notified, ==, 2);

  /* a burst of changes (one turn of the main loop): one read */
  dn_test_add_unit (fixture->store, "TCCB", "Phòng Tổ chức cán bộ", DN_UNIT_KIND_DIVISION, 0);
  dn_test_add_unit (fixture->store, "GDTrH", "Phòng Giáo dục Trung học", DN_UNIT_KIND_DIVISION, 0);
  dn_test_add_unit (fixture->store, "TTRA", "Thanh tra Sở", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (loading (shown.page));
  g_assert_cmpuint (shown.page->n_started, ==, 1);
  g_assert_true (dn_ui_wait_until (settled_cb, shown.page, TIMEOUT_MS));
  g_assert_cmpuint (shown.page->n_started, ==, 2);
  g_assert_cmpuint (shown.page->n_shown, ==, 2);
  g_assert_cmpint (shown.page->n_units, ==, 5);

  /* a change during a read: read once more, after it */
  dn_test_add_unit (fixture->store, "GDCN", "Phòng Giáo dục chuyên nghiệp", DN_UNIT_KIND_DIVISION, 0);
  g_assert_true (dn_ui_wait_until (busy_cb, shown.page, TIMEOUT_MS));
  dn_test_add_unit (fixture->store, "PC", "Phòng Pháp chế", DN_UNIT_KIND_DIVISION, 0);
  g_assert_cmpuint (shown.page->n_started, ==, 3);
  g_assert_true (dn_ui_wait_until (settled_cb, shown.page, TIMEOUT_MS));
  g_assert_cmpuint (shown.page->n_started, ==, 4);
  g_assert_cmpuint (shown.page->n_shown, ==, 4);
  g_assert_cmpint (shown.page->n_units, ==, 7);

  /* hidden again: the change waits until the page is shown */
  gtk_stack_set_visible_child_name (shown.stack, "other");
  g_assert_true (dn_ui_wait_until (unmapped_cb, shown.page, TIMEOUT_MS));
  dn_test_add_unit (fixture->store, "VPDD", "Văn phòng đại diện", DN_UNIT_KIND_DIVISION, 0);
  dn_ui_spin (50);
  g_assert_cmpuint (shown.page->n_started, ==, 4);
  g_assert_false (loading (shown.page));
  gtk_stack_set_visible_child_name (shown.stack, "page");
  g_assert_true (dn_ui_wait_until (settled_cb, shown.page, TIMEOUT_MS));
  g_assert_cmpuint (shown.page->n_started, ==, 5);
  g_assert_cmpint (shown.page->n_units, ==, 8);

  gtk_window_destroy (shown.window);
  dn_ui_spin (0);
}

static void
test_error_and_no_store (DnTestStore   *fixture,
                         gconstpointer  data)
{
  Shown shown;

  show_window (&shown, fixture->store);
  gtk_stack_set_visible_child_name (shown.stack, "page");
  g_assert_true (dn_ui_wait_until (settled_cb, shown.page, TIMEOUT_MS));
  g_assert_null (shown.page->error);

  /* a read that fails gives the error */
  dn_test_exec (fixture->store, "ALTER TABLE unit RENAME TO unit_gone");
  dn_stale_reader_mark_stale (shown.page->reader);
  g_assert_true (dn_ui_wait_until (settled_cb, shown.page, TIMEOUT_MS));
  g_assert_nonnull (shown.page->error);
  g_assert_nonnull (strstr (shown.page->error, "unit"));
  dn_test_exec (fixture->store, "ALTER TABLE unit_gone RENAME TO unit");

  /* without a store: nothing to read, never loading */
  dn_stale_reader_set_store (shown.page->reader, NULL);
  dn_stale_reader_mark_stale (shown.page->reader);
  dn_ui_spin (50);
  g_assert_false (loading (shown.page));
  g_assert_false (dn_stale_reader_is_stale (shown.page->reader));
  g_assert_cmpuint (shown.page->n_started, ==, 2);

  gtk_window_destroy (shown.window);
  dn_ui_spin (0);
}

int
main (int   argc,
      char *argv[])
{
  dn_ui_test_init (&argc, &argv);

  DN_TEST_ADD ("/stale-reader/when-shown", test_when_shown);
  DN_TEST_ADD ("/stale-reader/error-and-no-store", test_error_and_no_store);
  return g_test_run ();
}
