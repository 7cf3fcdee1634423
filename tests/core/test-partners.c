/* test-partners.c: partners, their registration papers and aid projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-partners"

#include "config.h"

#include <string.h>

#include "dn-list-models.h"
#include "dn-partner-filter.h"
#include "dn-store.h"
#include "dn-test-utils.h"

/* Everything a refused write could have touched: every table's row count
 * and the content of the partner and project tables. */
static char *
snapshot (DnStore *store)
{
  g_autofree char *counts = dn_test_row_counts (store);
  g_autofree char *partners = dn_test_query_text (store,
    "SELECT coalesce (json_group_array (json_array (id, name, short_name, kind, country_code, registration_kind, "
    "registration_number, registration_expiry, contact, notes)), '') FROM (SELECT * FROM partner ORDER BY id)");
  g_autofree char *projects = dn_test_query_text (store,
    "SELECT coalesce (json_group_array (json_array (id, partner_id, name, code, unit_id, start_date, end_date, "
    "budget, currency, status, description)), '') FROM (SELECT * FROM project ORDER BY id)");

  return g_strdup_printf ("%s\n%s\n%s", counts, partners, projects);
}

static DnPartner *
new_partner (const char         *name,
             DnPartnerKind       kind,
             const char         *country,
             DnRegistrationKind  registration,
             const GDate        *expiry)
{
  DnPartner *partner = dn_partner_new ();

  g_free (partner->name);
  partner->name = g_strdup (name);
  partner->kind = kind;
  g_free (partner->country_code);
  partner->country_code = g_strdup (country != NULL ? country : "");
  partner->registration_kind = registration;
  if (expiry != NULL)
    partner->registration_expiry = *expiry;
  return partner;
}

static gint64
add_partner (DnStore            *store,
             const char         *name,
             DnPartnerKind       kind,
             const char         *country,
             DnRegistrationKind  registration,
             const GDate        *expiry,
             const GDate        *today)
{
  g_autoptr(DnPartner) partner = new_partner (name, kind, country, registration, expiry);
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_store_add_partner (store, partner, today, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (partner->id, >, 0);
  return partner->id;
}

static DnProject *
new_project (gint64       partner_id,
             const char  *name,
             gint64       unit_id,
             gint64       budget,
             const char  *currency)
{
  DnProject *project = dn_project_new ();

  project->partner_id = partner_id;
  g_free (project->name);
  project->name = g_strdup (name);
  project->unit_id = unit_id;
  project->budget = budget;
  g_free (project->currency);
  project->currency = g_strdup (currency);
  return project;
}

/* Added, read back with its fields; updated; its projects counted. */
static void
test_add_update (DnTestStore   *fixture,
                 gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  GDate expiry = dn_test_date (2027, 6, 30);
  g_autoptr(DnPartner) partner = new_partner ("Tổ chức Cứu trợ Trẻ em", DN_PARTNER_NGO, "gb",
                                              DN_REGISTRATION_OPERATION, &expiry);
  g_autoptr(DnPartner) read = NULL;
  g_autoptr(GError) error = NULL;

  g_free (partner->short_name);
  partner->short_name = g_strdup ("Save the Children");
  g_free (partner->registration_number);
  partner->registration_number = g_strdup ("123/BNG-GĐK");
  g_free (partner->contact);
  partner->contact = g_strdup ("Văn phòng Hà Nội");
  g_assert_true (dn_store_add_partner (fixture->store, partner, &today, FALSE, &error));
  g_assert_no_error (error);

  read = dn_store_get_partner (fixture->store, partner->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Tổ chức Cứu trợ Trẻ em");
  g_assert_cmpstr (read->short_name, ==, "Save the Children");
  g_assert_cmpint (read->kind, ==, DN_PARTNER_NGO);
  /* the code is kept in capitals */
  g_assert_cmpstr (read->country_code, ==, "GB");
  g_assert_cmpint (read->registration_kind, ==, DN_REGISTRATION_OPERATION);
  g_assert_cmpstr (read->registration_number, ==, "123/BNG-GĐK");
  dn_test_assert_date (&read->registration_expiry, 2027, 6, 30);
  g_assert_cmpstr (read->contact, ==, "Văn phòng Hà Nội");
  g_assert_cmpuint (read->n_projects, ==, 0);
  g_assert_cmpuint (read->n_delegations, ==, 0);

  /* a partner without a country or paper */
  g_free (read->country_code);
  read->country_code = g_strdup ("");
  read->registration_kind = DN_REGISTRATION_NONE;
  g_free (read->registration_number);
  read->registration_number = g_strdup ("");
  g_date_clear (&read->registration_expiry, 1);
  g_assert_true (dn_store_update_partner (fixture->store, read, &today, FALSE, &error));
  g_assert_no_error (error);
  g_assert_null (dn_test_query_text (fixture->store, "SELECT country_code FROM partner"));
  dn_test_assert_owned_cmpstr (dn_test_query_text (fixture->store, "SELECT registration_kind FROM partner"), ==, "none");
}

/* Every refusal of a partner leaves the database as it was. */
static void
test_partner_refused (DnTestStore   *fixture,
                      gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  GDate expiry = dn_test_date (2026, 1, 1);
  gint64 id = add_partner (fixture->store, "UNICEF", DN_PARTNER_UN_AGENCY, "US", DN_REGISTRATION_NONE, NULL, &today);
  g_autofree char *before = snapshot (fixture->store);
  struct
  {
    const char         *name;
    int                 kind;
    const char         *country;
    DnRegistrationKind  registration;
    const char         *number;
    gboolean            with_expiry;
    const char         *message;
  } cases[] = {
    { "", DN_PARTNER_NGO, "", DN_REGISTRATION_NONE, "", FALSE, "name" },
    { "   ", DN_PARTNER_NGO, "", DN_REGISTRATION_NONE, "", FALSE, "name" },
    { "KOICA", DN_PARTNER_KIND_N, "KR", DN_REGISTRATION_NONE, "", FALSE, "kind" },
    { "KOICA", DN_PARTNER_GOVERNMENT_AGENCY, "XX", DN_REGISTRATION_NONE, "", FALSE, "XX" },
    { "KOICA", DN_PARTNER_GOVERNMENT_AGENCY, "Korea", DN_REGISTRATION_NONE, "", FALSE, "country code" },
    { "GVI", DN_PARTNER_NGO, "GB", DN_REGISTRATION_NONE, "12/GĐK", FALSE, "kind of registration paper" },
    { "GVI", DN_PARTNER_NGO, "GB", DN_REGISTRATION_NONE, "", TRUE, "kind of registration paper" },
    { "GVI", DN_PARTNER_NGO, "GB", DN_REGISTRATION_KIND_N, "", FALSE, "registration paper" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (int update = 0; update < 2; update++)
        {
          g_autoptr(DnPartner) partner = new_partner (cases[i].name, (DnPartnerKind) cases[i].kind,
                                                      cases[i].country, cases[i].registration,
                                                      cases[i].with_expiry ? &expiry : NULL);
          g_autoptr(GError) error = NULL;
          g_autofree char *after = NULL;
          gboolean ok;

          g_free (partner->registration_number);
          partner->registration_number = g_strdup (cases[i].number);
          if (update)
            {
              partner->id = id;
              ok = dn_store_update_partner (fixture->store, partner, &today, TRUE, &error);
            }
          else
            ok = dn_store_add_partner (fixture->store, partner, &today, TRUE, &error);
          g_assert_false (ok);
          g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
          if (strstr (error->message, cases[i].message) == NULL)
            g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
          after = snapshot (fixture->store);
          g_assert_cmpstr (after, ==, before);
        }
    }

  /* an update of a partner that is gone */
  {
    g_autoptr(DnPartner) gone = new_partner ("GVI", DN_PARTNER_NGO, "GB", DN_REGISTRATION_NONE, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;

    gone->id = id + 100;
    g_assert_false (dn_store_update_partner (fixture->store, gone, &today, FALSE, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
    after = snapshot (fixture->store);
    g_assert_cmpstr (after, ==, before);
  }
}

/* Nghị định 58/2022: an operation paper lasts at most 3 years, a
 * representative office's 5; a later expiry warns (nothing written) until
 * confirmed. Other papers have no such rule. */
static void
test_registration_years (DnTestStore   *fixture,
                         gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  GDate three = dn_test_date (2028, 3, 1);
  GDate three_and_a_day = dn_test_date (2028, 3, 2);
  GDate five = dn_test_date (2030, 3, 1);
  GDate five_and_a_day = dn_test_date (2030, 3, 2);
  g_autofree char *before = snapshot (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpuint (dn_registration_kind_get_max_years (DN_REGISTRATION_OPERATION), ==, 3);
  g_assert_cmpuint (dn_registration_kind_get_max_years (DN_REGISTRATION_REPRESENTATIVE_OFFICE), ==, 5);
  g_assert_cmpuint (dn_registration_kind_get_max_years (DN_REGISTRATION_PROJECT), ==, 0);

  {
    g_autoptr(DnPartner) op = new_partner ("Global Care", DN_PARTNER_NGO, "US", DN_REGISTRATION_OPERATION,
                                           &three_and_a_day);

    g_assert_false (dn_store_add_partner (fixture->store, op, &today, FALSE, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
    g_assert_nonnull (strstr (error->message, "3 years"));
    g_assert_nonnull (strstr (error->message, "02/03/2028"));
    g_clear_error (&error);
    after = snapshot (fixture->store);
    g_assert_cmpstr (after, ==, before);
    g_clear_pointer (&after, g_free);
    /* confirmed by the officer */
    g_assert_true (dn_store_add_partner (fixture->store, op, &today, TRUE, &error));
    g_assert_no_error (error);
    /* exactly 3 years: no warning */
    op->registration_expiry = three;
    g_assert_true (dn_store_update_partner (fixture->store, op, &today, FALSE, &error));
    g_assert_no_error (error);
    /* the same date under a representative office: fine; a day after 5 years warns */
    op->registration_kind = DN_REGISTRATION_REPRESENTATIVE_OFFICE;
    op->registration_expiry = five;
    g_assert_true (dn_store_update_partner (fixture->store, op, &today, FALSE, &error));
    g_assert_no_error (error);
    g_free (before);
    before = snapshot (fixture->store);
    op->registration_expiry = five_and_a_day;
    g_assert_false (dn_store_update_partner (fixture->store, op, &today, FALSE, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
    g_assert_nonnull (strstr (error->message, "5 years"));
    g_clear_error (&error);
    after = snapshot (fixture->store);
    g_assert_cmpstr (after, ==, before);
    /* judged from the day given, not the clock */
    {
      GDate later = dn_test_date (2026, 1, 1);

      g_assert_true (dn_store_update_partner (fixture->store, op, &later, FALSE, &error));
      g_assert_no_error (error);
    }
    /* a project registration has no such limit */
    op->registration_kind = DN_REGISTRATION_PROJECT;
    op->registration_expiry = dn_test_date (2040, 1, 1);
    g_assert_true (dn_store_update_partner (fixture->store, op, &today, FALSE, &error));
    g_assert_no_error (error);
  }
}

/* Papers expiring within the warning days, or expired, counted and
 * listed relative to the day given. */
static void
test_expiring (DnTestStore   *fixture,
               gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  GDate expired = dn_test_date (2025, 2, 28);
  GDate on_today = dn_test_date (2025, 3, 1);
  GDate in_89 = dn_test_date (2025, 5, 29);  /* 1 March + 89 days: the last one expiring */
  GDate in_90 = dn_test_date (2025, 5, 30);  /* 1 March + 90 days: no longer */
  gint64 a = add_partner (fixture->store, "A expired", DN_PARTNER_NGO, "", DN_REGISTRATION_OPERATION, &expired, &today);
  gint64 b = add_partner (fixture->store, "B today", DN_PARTNER_NGO, "", DN_REGISTRATION_OPERATION, &on_today, &today);
  gint64 c = add_partner (fixture->store, "C in 89", DN_PARTNER_NGO, "", DN_REGISTRATION_OPERATION, &in_89, &today);
  gint64 d = add_partner (fixture->store, "D in 90", DN_PARTNER_NGO, "", DN_REGISTRATION_OPERATION, &in_90, &today);
  gint64 e = add_partner (fixture->store, "E none", DN_PARTNER_UN_AGENCY, "", DN_REGISTRATION_NONE, NULL, &today);
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPartner) pa = NULL, pd = NULL, pe = NULL;
  guint expiring = 99, n_expired = 99;

  g_assert_cmpint (dn_store_get_setting (fixture->store, DN_SETTING_REGISTRATION_WARNING_DAYS), ==, 90);
  g_assert_true (dn_store_count_partner_registrations (fixture->store, &today, -1, &expiring, &n_expired, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (expiring, ==, 2);  /* b, c */
  g_assert_cmpuint (n_expired, ==, 1); /* a */

  /* the setting is read (d expires on the 91st day) */
  g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_REGISTRATION_WARNING_DAYS, 91, &error));
  g_assert_true (dn_store_count_partner_registrations (fixture->store, &today, -1, &expiring, &n_expired, &error));
  g_assert_cmpuint (expiring, ==, 3);
  /* another day */
  {
    GDate later = dn_test_date (2025, 5, 29);

    g_assert_true (dn_store_count_partner_registrations (fixture->store, &later, 1, &expiring, &n_expired, &error));
    g_assert_cmpuint (expiring, ==, 1);  /* c, on that very day */
    g_assert_cmpuint (n_expired, ==, 2); /* a, b */
    g_assert_true (dn_store_count_partner_registrations (fixture->store, &later, 0, &expiring, &n_expired, &error));
    g_assert_cmpuint (expiring, ==, 0);
  }
  /* the overview's alert counts the same papers */
  {
    gint64 counts[DN_ALERT_N];

    g_assert_true (dn_store_set_setting (fixture->store, DN_SETTING_REGISTRATION_WARNING_DAYS, 90, &error));
    g_assert_true (dn_store_count_alerts (fixture->store, &today, counts, &error));
    g_assert_no_error (error);
    g_assert_true (dn_store_count_partner_registrations (fixture->store, &today, -1, &expiring, &n_expired, &error));
    g_assert_cmpint (counts[DN_ALERT_REGISTRATIONS_EXPIRING], ==, expiring + n_expired);
    g_assert_cmpuint (expiring, ==, 2);  /* b, c */
  }

  pa = dn_store_get_partner (fixture->store, a, &error);
  pd = dn_store_get_partner (fixture->store, d, &error);
  pe = dn_store_get_partner (fixture->store, e, &error);
  g_assert_true (dn_partner_registration_is_expiring (pa, &today, 90));
  g_assert_false (dn_partner_registration_is_expiring (pd, &today, 90));
  g_assert_true (dn_partner_registration_is_expiring (pd, &today, 91));
  (void) b;
  (void) c;
  g_assert_false (dn_partner_registration_is_expiring (pe, &today, 1000));

  /* the filter's "expiring soon" lists the same ones */
  {
    g_autoptr(DnPartnerFilter) filter = dn_partner_filter_new ();
    g_autoptr(GArray) ids = NULL;
    g_autofree char *got = NULL;
    DnPartnerQuery query;

    dn_partner_filter_set_today (filter, &today);
    dn_partner_filter_set_warning_days (filter, 90);
    dn_partner_filter_set_expiring_soon (filter, TRUE);
    dn_partner_filter_to_query (filter, &query);
    ids = dn_store_list_partner_ids (fixture->store, &query, &error);
    g_assert_no_error (error);
    got = dn_test_ids_of_array (ids);
    dn_test_assert_owned_cmpstr (DN_TEST_IDS (a, b, c), ==, got);
    (void) d;
  }
}

/* The list: Vietnamese order, pages by key, each filter. */
static void
test_list (DnTestStore   *fixture,
           gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  GDate soon = dn_test_date (2025, 4, 1);
  gint64 stc = add_partner (fixture->store, "Tổ chức Cứu trợ Trẻ em", DN_PARTNER_NGO, "GB", DN_REGISTRATION_OPERATION,
                            &soon, &today);
  gint64 koica = add_partner (fixture->store, "Cơ quan Hợp tác Quốc tế Hàn Quốc", DN_PARTNER_GOVERNMENT_AGENCY, "KR",
                              DN_REGISTRATION_NONE, NULL, &today);
  gint64 unicef = add_partner (fixture->store, "Quỹ Nhi đồng Liên hợp quốc", DN_PARTNER_UN_AGENCY, "US",
                               DN_REGISTRATION_NONE, NULL, &today);
  gint64 dai = add_partner (fixture->store, "Đại học Quốc gia Singapore", DN_PARTNER_UNIVERSITY, "SG",
                            DN_REGISTRATION_NONE, NULL, &today);
  gint64 gc = add_partner (fixture->store, "Global Care", DN_PARTNER_NGO, "US", DN_REGISTRATION_OPERATION, &soon,
                           &today);
  g_autoptr(GError) error = NULL;
  DnPartnerQuery query;

  /* C, D, Đ (a letter of its own, after D), G, Q, T */
  dn_partner_query_init (&query);
  {
    g_autoptr(GArray) ids = dn_store_list_partner_ids (fixture->store, &query, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (koica, dai, gc, unicef, stc), ==, got);
  }
  /* two at a time, by key */
  {
    g_autoptr(GPtrArray) first = dn_store_list_partners (fixture->store, &query, NULL, 2, &error);
    g_autoptr(GPtrArray) second = dn_store_list_partners (fixture->store, &query, first->pdata[1], 2, &error);
    g_autoptr(GPtrArray) third = dn_store_list_partners (fixture->store, &query, second->pdata[1], 2, &error);
    g_autofree char *a = dn_test_ids_of_records (first);
    g_autofree char *b = dn_test_ids_of_records (second);
    g_autofree char *c = dn_test_ids_of_records (third);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (koica, dai), ==, a);
    dn_test_assert_owned_cmpstr (DN_TEST_IDS (gc, unicef), ==, b);
    dn_test_assert_owned_cmpstr (DN_TEST_IDS (stc), ==, c);
  }
  /* words without accents, any case, any order */
  query.text = "tre em cuu";
  {
    g_autoptr(GArray) ids = dn_store_list_partner_ids (fixture->store, &query, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (stc), ==, got);
  }
  query.text = "dai hoc";
  {
    g_autoptr(GArray) ids = dn_store_list_partner_ids (fixture->store, &query, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (dai), ==, got);
  }
  dn_partner_query_init (&query);
  query.kind = DN_PARTNER_NGO;
  {
    g_autoptr(GArray) ids = dn_store_list_partner_ids (fixture->store, &query, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (gc, stc), ==, got);
  }
  query.country_code = "US";
  {
    g_autoptr(GArray) ids = dn_store_list_partner_ids (fixture->store, &query, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (gc), ==, got);
  }
  dn_partner_query_init (&query);
  query.expiring_before = dn_test_date (2025, 4, 1);
  {
    g_autoptr(GArray) ids = dn_store_list_partner_ids (fixture->store, &query, &error);

    g_assert_cmpuint (ids->len, ==, 0);
  }
  query.expiring_before = dn_test_date (2025, 4, 2);
  {
    g_autoptr(GArray) ids = dn_store_list_partner_ids (fixture->store, &query, &error);
    g_autofree char *got = dn_test_ids_of_array (ids);

    dn_test_assert_owned_cmpstr (DN_TEST_IDS (gc, stc), ==, got);
  }
  /* the same through the model */
  {
    g_autoptr(DnPartnerListModel) model = dn_partner_list_model_new (fixture->store);
    g_autoptr(DnPartner) first = NULL;

    g_assert_true (dn_partner_list_model_set_query (model, &query, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
    first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpint (first->id, ==, gc);
  }
}

/* Projects: rules, refusals, the partner's counts; a partner in use is not
 * deleted. */
static void
test_projects (DnTestStore   *fixture,
               gconstpointer  data)
{
  GDate today = dn_test_date (2025, 3, 1);
  gint64 unit = dn_test_add_unit (fixture->store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);
  gint64 partner = add_partner (fixture->store, "KOICA", DN_PARTNER_GOVERNMENT_AGENCY, "KR", DN_REGISTRATION_NONE,
                                NULL, &today);
  gint64 other = add_partner (fixture->store, "GVI", DN_PARTNER_NGO, "GB", DN_REGISTRATION_NONE, NULL, &today);
  g_autoptr(DnProject) project = new_project (partner, "Nâng cao chất lượng giáo dục mầm non", unit, 1500000, "usd");
  g_autoptr(DnProject) read = NULL;
  g_autoptr(DnPartner) with = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  project->start_date = dn_test_date (2019, 1, 1);
  project->end_date = dn_test_date (2021, 12, 31);
  project->status = DN_PROJECT_ACTIVE;
  g_assert_true (dn_store_add_project (fixture->store, project, &error));
  g_assert_no_error (error);
  read = dn_store_get_project (fixture->store, project->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Nâng cao chất lượng giáo dục mầm non");
  g_assert_cmpstr (read->partner_name, ==, "KOICA");
  g_assert_cmpstr (read->unit_name, ==, "Sở Giáo dục và Đào tạo");
  g_assert_cmpint (read->budget, ==, 1500000);
  g_assert_cmpstr (read->currency, ==, "USD");
  g_assert_cmpint (read->status, ==, DN_PROJECT_ACTIVE);
  dn_test_assert_date (&read->start_date, 2019, 1, 1);

  /* no budget stated */
  read->budget = -1;
  g_clear_pointer (&read->currency, g_free);
  g_assert_true (dn_store_update_project (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT budget IS NULL FROM project"), ==, 1);
  dn_test_assert_owned_cmpstr (dn_test_query_text (fixture->store, "SELECT currency FROM project"), ==, "VND");

  with = dn_store_get_partner (fixture->store, partner, &error);
  g_assert_cmpuint (with->n_projects, ==, 1);

  /* refusals: nothing written */
  before = snapshot (fixture->store);
  for (int i = 0; i < 9; i++)
    for (int update = 0; update < 2; update++)
      {
        g_autoptr(DnProject) bad = new_project (partner, "Dự án", unit, 100, "VND");
        g_autofree char *after = NULL;
        gboolean ok;

        switch (i)
          {
          case 0: g_free (bad->name); bad->name = g_strdup (" "); break;
          case 1: bad->partner_id = 0; break;
          case 2: bad->partner_id = other + 100; break;
          case 3: bad->unit_id = unit + 100; break;
          case 4: bad->start_date = dn_test_date (2025, 2, 1); bad->end_date = dn_test_date (2025, 1, 31); break;
          case 5: bad->budget = -2; break;
          case 6: g_free (bad->currency); bad->currency = g_strdup ("đồng"); break;
          case 7: bad->status = DN_PROJECT_STATUS_N; break;
          case 8: bad->start_date = dn_test_date (1800, 1, 1); break;
          default: g_assert_not_reached ();
          }
        if (update)
          {
            bad->id = project->id;
            ok = dn_store_update_project (fixture->store, bad, &error);
          }
        else
          ok = dn_store_add_project (fixture->store, bad, &error);
        g_assert_false (ok);
        g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
        g_clear_error (&error);
        after = snapshot (fixture->store);
        g_assert_cmpstr (after, ==, before);
      }

  /* a partner with a project, or named by a delegation, stays */
  g_assert_false (dn_store_delete_partner (fixture->store, partner, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 project"));
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (fixture->store);

    g_assert_cmpstr (after, ==, before);
  }
  dn_test_exec (fixture->store,
                "INSERT INTO delegation (id, direction, title, partner_id, start_date, end_date) "
                "VALUES (7, 'inbound', 'Đoàn GVI thăm trường', %" G_GINT64_FORMAT ", '2018-10-01', '2018-10-05')",
                other);
  g_free (before);
  before = snapshot (fixture->store);
  g_assert_false (dn_store_delete_partner (fixture->store, other, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 delegation"));
  g_clear_error (&error);
  {
    g_autofree char *after = snapshot (fixture->store);

    g_assert_cmpstr (after, ==, before);
  }
  /* its delegations */
  {
    g_autoptr(GPtrArray) delegations = dn_store_list_partner_delegations (fixture->store, other, &error);
    DnDelegation *delegation;

    g_assert_no_error (error);
    g_assert_cmpuint (delegations->len, ==, 1);
    delegation = delegations->pdata[0];
    g_assert_cmpint (delegation->id, ==, 7);
    g_assert_cmpint (delegation->direction, ==, DN_DELEGATION_INBOUND);
    g_assert_cmpstr (delegation->title, ==, "Đoàn GVI thăm trường");
    dn_test_assert_date (&delegation->end_date, 2018, 10, 5);
  }

  /* projects of a partner, of all */
  {
    g_autoptr(DnProject) second = new_project (other, "Tình nguyện viên tiếng Anh", 0, -1, "");
    g_autoptr(GPtrArray) of_partner = NULL;
    g_autoptr(GPtrArray) all = NULL;

    g_assert_true (dn_store_add_project (fixture->store, second, &error));
    g_assert_no_error (error);
    of_partner = dn_store_list_projects (fixture->store, partner, &error);
    g_assert_cmpuint (of_partner->len, ==, 1);
    all = dn_store_list_projects (fixture->store, 0, &error);
    g_assert_cmpuint (all->len, ==, 2);
    /* dated first */
    g_assert_cmpint (DN_PROJECT (all->pdata[0])->id, ==, project->id);
    g_assert_true (dn_store_delete_project (fixture->store, second->id, &error));
  }

  /* the project gone, the partner goes */
  g_assert_true (dn_store_delete_project (fixture->store, project->id, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_delete_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 1);
  /* deleting it again: not found */
  g_assert_false (dn_store_delete_partner (fixture->store, partner, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The filter object: "changed" once per change, "active", the query. */
static void
test_filter (void)
{
  g_autoptr(DnPartnerFilter) filter = dn_partner_filter_new ();
  GDate today = dn_test_date (2025, 3, 1);
  DnPartnerQuery query;
  guint n_changed = 0;

  g_signal_connect_swapped (filter, "changed", G_CALLBACK (count_cb), &n_changed);

  g_assert_false (dn_partner_filter_is_active (filter));
  dn_partner_filter_set_text (filter, "");
  g_assert_cmpuint (n_changed, ==, 0);
  dn_partner_filter_set_text (filter, "cuu tro");
  dn_partner_filter_set_kind (filter, DN_PARTNER_NGO);
  dn_partner_filter_set_country_code (filter, "GB");
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_true (dn_partner_filter_is_active (filter));
  dn_partner_filter_to_query (filter, &query);
  g_assert_cmpstr (query.text, ==, "cuu tro");
  g_assert_cmpint (query.kind, ==, DN_PARTNER_NGO);
  g_assert_cmpstr (query.country_code, ==, "GB");
  g_assert_false (g_date_valid (&query.expiring_before));

  dn_partner_filter_set_today (filter, &today);
  dn_partner_filter_set_expiring_soon (filter, TRUE);
  dn_partner_filter_to_query (filter, &query);
  /* within 90 days: before 1 March + 90 days */
  dn_test_assert_date (&query.expiring_before, 2025, 5, 30);

  /* the overview's link */
  n_changed = 0;
  g_assert_true (dn_partner_filter_apply_preset (filter, "expiring"));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (dn_partner_filter_get_expiring_soon (filter));
  g_assert_null (dn_partner_filter_get_text (filter));
  g_assert_cmpint (dn_partner_filter_get_kind (filter), ==, -1);
  g_assert_false (dn_partner_filter_apply_preset (filter, "overdue"));
  g_assert_true (dn_partner_filter_get_expiring_soon (filter));
  g_assert_true (dn_partner_filter_apply_preset (filter, "all"));
  g_assert_false (dn_partner_filter_get_expiring_soon (filter));
  dn_partner_filter_set_text (filter, "cuu tro");
  dn_partner_filter_set_expiring_soon (filter, TRUE);

  n_changed = 0;
  dn_partner_filter_reset (filter);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (dn_partner_filter_is_active (filter));
  g_assert_nonnull (dn_partner_filter_get_today (filter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  DN_TEST_ADD ("/partners/add-update", test_add_update);
  DN_TEST_ADD ("/partners/refused", test_partner_refused);
  DN_TEST_ADD ("/partners/registration-years", test_registration_years);
  DN_TEST_ADD ("/partners/expiring", test_expiring);
  DN_TEST_ADD ("/partners/list", test_list);
  DN_TEST_ADD ("/partners/projects", test_projects);
  g_test_add_func ("/partners/filter", test_filter);
  return g_test_run ();
}
