/* test-pages.c: the records of a served table page by page
 * (dn-store-pages.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-pages"

#include "config.h"

#include "dn-core-testing.h"
#include "dn-test-utils.h"

/* Two strings the test owns, both freed after */
#define assert_same_owned(owned, other) \
  G_STMT_START { \
    g_autofree char *dn_one_ = (owned); \
    g_autofree char *dn_other_ = (other); \
    g_assert_cmpstr (dn_one_, ==, dn_other_); \
  } G_STMT_END

static char *
page (DnStore                 *store,
      const char              *table,
      const DnStorePageFilter *filter,
      gint64                   after,
      guint                    limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = dn_store_page_ids (store, table, filter, after, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return dn_test_ids_of_array (ids);
}

static GArray *
id_array (const gint64 *ids)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; ids[i] != 0; i++)
    g_array_append_val (array, ids[i]);
  return array;
}

/* Ids after a cursor, in order, at most the limit; a filter on the unit,
 * on a text, and through the record a row refers to */
static void
test_pages_filters (DnTestStore   *f,
                    gconstpointer  data)
{
  gint64 a = dn_test_add_unit (f->store, "A", "Phòng A", DN_UNIT_KIND_DIVISION, 0);
  gint64 b = dn_test_add_unit (f->store, "B", "Phòng B", DN_UNIT_KIND_DIVISION, 0);
  gint64 p1 = dn_test_add_person (f->store, "Nguyễn", "Văn", "An", a);
  gint64 p2 = dn_test_add_person (f->store, "Trần", "Thị", "Bình", b);
  gint64 p3 = dn_test_add_person (f->store, "Lê", "", "Cường", a);
  gint64 p4 = dn_test_add_person (f->store, "Phạm", "", "Dũng", 0);
  g_autoptr(GArray) only_a = id_array (DN_TEST_UNITS (a));
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));
  DnStorePageFilter by_unit = { "unit_id", NULL, NULL, only_a, NULL };
  DnStorePageFilter by_nothing = { "unit_id", NULL, NULL, none, NULL };
  g_autofree char *all = g_strdup_printf ("%lld,%lld,%lld,%lld", (long long) p1, (long long) p2,
                                          (long long) p3, (long long) p4);

  dn_test_assert_owned_cmpstr (page (f->store, "person", NULL, 0, 10), ==, all);
  assert_same_owned (page (f->store, "person", NULL, 0, 2), DN_TEST_IDS (p1, p2));
  assert_same_owned (page (f->store, "person", NULL, p2, 2), DN_TEST_IDS (p3, p4));
  dn_test_assert_owned_cmpstr (page (f->store, "person", NULL, p4, 2), ==, "");
  /* a person without a unit is in no unit's page */
  assert_same_owned (page (f->store, "person", &by_unit, 0, 10), DN_TEST_IDS (p1, p3));
  assert_same_owned (page (f->store, "person", &by_unit, p1, 10), DN_TEST_IDS (p3));
  {
    g_autoptr(GArray) second = id_array (DN_TEST_UNITS (p2));
    DnStorePageFilter or_second = { "id", NULL, NULL, second, NULL, NULL, NULL };
    DnStorePageFilter either = { "unit_id", NULL, NULL, only_a, NULL, NULL, &or_second };

    assert_same_owned (page (f->store, "person", &either, 0, 10), DN_TEST_IDS (p1, p2, p3));
    assert_same_owned (page (f->store, "person", &either, p1, 1), DN_TEST_IDS (p2));
  }
  dn_test_assert_owned_cmpstr (page (f->store, "person", &by_nothing, 0, 10), ==, "");
  {
    gint64 d1 = dn_test_add_document (f->store, "1", "QĐ", "Một", NULL);
    gint64 d2 = dn_test_add_document (f->store, "2", "QĐ", "Hai", NULL);
    DnStorePageFilter normal = { "classification", NULL, NULL, NULL, "normal" };

    dn_test_exec (f->store, "UPDATE document SET classification = 'mat' WHERE id = %lld", (long long) d1);
    assert_same_owned (page (f->store, "document", &normal, 0, 10), DN_TEST_IDS (d2));
    {
      g_autoptr(GArray) file = NULL;
      DnStorePageFilter linked = { "id", "document_attachment", "attachment_id", NULL, NULL, "document_id" };
      gint64 x;

      dn_test_exec (f->store, "INSERT INTO attachment (sha256, file_name, size) VALUES ('%064d', 'a.pdf', 1)", 0);
      x = dn_test_query_int (f->store, "SELECT id FROM attachment");
      dn_test_exec (f->store, "INSERT INTO document_attachment VALUES (%lld, %lld, 'a.pdf', 0)", (long long) d2,
                    (long long) x);
      file = id_array (DN_TEST_UNITS (x));
      linked.ids = file;
      assert_same_owned (page (f->store, "document", &linked, 0, 10), DN_TEST_IDS (d2));
    }
  }
  {
    DnStorePageFilter holder = { "person_id", "person", "unit_id", only_a, NULL };
    gint64 pp1, pp2;

    dn_test_exec (f->store, "INSERT INTO passport (person_id, kind, number, issue_date, expiry_date) "
                            "VALUES (%lld, 'official', 'C1000001', '2020-01-01', '2030-01-01'), "
                            "       (%lld, 'official', 'C1000002', '2020-01-01', '2030-01-01')",
                  (long long) p2, (long long) p3);
    pp1 = dn_test_query_int (f->store, "SELECT id FROM passport WHERE number = 'C1000001'");
    pp2 = dn_test_query_int (f->store, "SELECT id FROM passport WHERE number = 'C1000002'");
    g_assert_cmpint (pp1, <, pp2);
    assert_same_owned (page (f->store, "passport", &holder, 0, 10), DN_TEST_IDS (pp2));
  }
}

/* Only a served table with an id of its own, only names the program gives */
static void
test_pages_refused (DnTestStore   *f,
                    gconstpointer  data)
{
  const char *tables[] = { "account", "change_log", "document_attachment", "nothing", "person; DROP", "" };
  DnStorePageFilter bad = { "unit_id\"", NULL, NULL, NULL, "x" };
  DnStorePageFilter last = { "unit_id", NULL, NULL, NULL, "x" };
  DnStorePageFilter middle = { "unit_id", NULL, NULL, NULL, "x", NULL, &last };
  DnStorePageFilter nested = { "unit_id", NULL, NULL, NULL, "x", NULL, &middle };
  const DnStorePageFilter *bad_filters[] = { &bad, &nested };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = dn_store_page_ids (f->store, tables[i], NULL, 0, 10, &error);

      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_assert_null (ids);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_filters); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = dn_store_page_ids (f->store, "person", bad_filters[i], 0, 10, &error);

      g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
      g_assert_null (ids);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/pages/filters", test_pages_filters);
  DN_TEST_ADD ("/pages/refused", test_pages_refused);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
