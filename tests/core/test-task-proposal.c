/* test-task-proposal.c: tasks proposed from a directive's text, rule by
 * rule, and created in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-proposal"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-store.h"
#include "dn-task-proposal.h"
#include "dn-test-utils.h"

/* A small unit tree of the shape of the demo's */
typedef struct
{
  gint64 so, vp, gdcn, khtc, gdtrh, pgd_bx, pgd_bt, tt_bx, th_bx, sngv, ca, ubnd, sgd_qn, pgd_dh;
} Tree;

static GPtrArray *
make_tree (DnStore *store,
           Tree    *t)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *units;

  t->so = dn_test_add_unit (store, "SGDLC", "Sở Giáo dục và Đào tạo Lào Cai", DN_UNIT_KIND_DEPARTMENT, 0);
  t->vp = dn_test_add_unit (store, "VP", "Văn phòng Sở", DN_UNIT_KIND_DIVISION, t->so);
  t->gdcn = dn_test_add_unit (store, "GDCN", "Phòng Giáo dục chuyên nghiệp và Giáo dục thường xuyên",
                              DN_UNIT_KIND_DIVISION, t->so);
  t->khtc = dn_test_add_unit (store, "KHTC", "Phòng Kế hoạch - Tài chính", DN_UNIT_KIND_DIVISION, t->so);
  t->gdtrh = dn_test_add_unit (store, "GDTrH", "Phòng Giáo dục Trung học", DN_UNIT_KIND_DIVISION, t->so);
  t->pgd_bx = dn_test_add_unit (store, "PGD-BX", "Phòng GD&ĐT huyện Bát Xát", DN_UNIT_KIND_DISTRICT_OFFICE, t->so);
  t->pgd_bt = dn_test_add_unit (store, "PGD-BT", "Phòng GD&ĐT huyện Bảo Thắng", DN_UNIT_KIND_DISTRICT_OFFICE, t->so);
  t->tt_bx = dn_test_add_unit (store, "TT-BX", "Trung tâm GDNN-GDTX huyện Bát Xát", DN_UNIT_KIND_CENTRE, t->so);
  t->th_bx = dn_test_add_unit (store, "TH-BX", "Trường Tiểu học Bát Xát", DN_UNIT_KIND_SCHOOL, t->pgd_bx);
  t->sngv = dn_test_add_unit (store, "SNGV-LC", "Sở Ngoại vụ tỉnh Lào Cai", DN_UNIT_KIND_EXTERNAL, 0);
  t->ca = dn_test_add_unit (store, "CA-LC", "Công an tỉnh Lào Cai", DN_UNIT_KIND_EXTERNAL, 0);
  t->ubnd = dn_test_add_unit (store, "UBND-LC", "UBND tỉnh Lào Cai", DN_UNIT_KIND_EXTERNAL, 0);
  t->sgd_qn = dn_test_add_unit (store, "SGD-QN", "Sở Giáo dục và Đào tạo Quảng Ninh", DN_UNIT_KIND_EXTERNAL, 0);
  t->pgd_dh = dn_test_add_unit (store, "PGDDH", "Phòng GD&ĐT huyện Đầm Hà", DN_UNIT_KIND_DISTRICT_OFFICE, 0);
  units = dn_store_list_unit_tree (store, TRUE, &error);
  g_assert_no_error (error);
  return units;
}

static char *
found (DnUnitMatcher *matcher,
       const char    *text,
       gboolean       groups)
{
  g_autoptr(GArray) ids = dn_unit_matcher_find (matcher, text, groups);

  return dn_test_ids_of_array (ids);
}

/* Both strings owned and freed: the ids found, those expected */
#define assert_ids(got, expected) \
  G_STMT_START { \
    g_autofree char *got_ = (got); \
    g_autofree char *expected_ = (expected); \
    g_assert_cmpstr (got_, ==, expected_); \
  } G_STMT_END

/* The same as sets */
static char *
sorted (char *ids)
{
  char *result = dn_test_ids_sorted (ids);

  g_free (ids);
  return result;
}

/* Names, codes and shortenings, accents and punctuation ignored */
static void
test_match_names (DnTestStore   *f,
                  gconstpointer  data)
{
  Tree t;
  g_autoptr(GPtrArray) units = make_tree (f->store, &t);
  g_autoptr(DnUnitMatcher) matcher = dn_unit_matcher_new (units);

  dn_unit_matcher_set_document (matcher, "Sở GD&ĐT Lào Cai hướng dẫn … tỉnh Lào Cai");
  assert_ids (found (matcher, "Văn phòng Sở GD&ĐT", FALSE), DN_TEST_IDS (t.vp));
  assert_ids (found (matcher, "*Phòng GDCN&GDTX*: Chủ trì", FALSE), DN_TEST_IDS (t.gdcn));
  assert_ids (found (matcher, "Phòng Kế hoạch Tài chính", FALSE), DN_TEST_IDS (t.khtc));
  assert_ids (found (matcher, "phong ke hoach - tai chinh", FALSE), DN_TEST_IDS (t.khtc));
  assert_ids (found (matcher, "Phòng GDTrH và Phòng KHTC", FALSE), DN_TEST_IDS (t.gdtrh, t.khtc));
  /* decomposed input */
  assert_ids (found (matcher, "Va\xcc\x86n pho\xcc\x80ng So\xcc\x9b\xcc\x89", FALSE), DN_TEST_IDS (t.vp));
  /* an external body without its province; in the order of the text */
  assert_ids (found (matcher, "các cơ quan chức năng (Công an tỉnh, Sở Ngoại vụ)", FALSE), DN_TEST_IDS (t.ca, t.sngv));
  /* "Sở GD&ĐT" alone: the one of the place the document names */
  assert_ids (found (matcher, "Sở Giáo dục và Đào tạo", FALSE), DN_TEST_IDS (t.so));
  assert_ids (found (matcher, "Sở Giáo dục và Đào tạo Quảng Ninh", FALSE), DN_TEST_IDS (t.sgd_qn));
  assert_ids (found (matcher, "Phòng GD&ĐT huyện Bảo Thắng", FALSE), DN_TEST_IDS (t.pgd_bt));
  /* nothing: a word inside another, a unit not in the tree */
  dn_test_assert_owned_cmpstr (found (matcher, "các cơ quan thông tấn, báo đài", TRUE), ==, "");
  dn_test_assert_owned_cmpstr (found (matcher, "Sở Lao động - Thương binh và Xã hội", TRUE), ==, "");
  /* "Phòng GD&ĐT" alone, the document naming no place of one: none */
  dn_test_assert_owned_cmpstr (found (matcher, "Phòng GD&ĐT", FALSE), ==, "");
  dn_unit_matcher_set_document (matcher, "Phòng GD&ĐT huyện Đầm Hà, huyện Đầm Hà");
  assert_ids (found (matcher, "Phòng Giáo dục và Đào tạo", FALSE), DN_TEST_IDS (t.pgd_dh));
}

/* Groups: the units of a kind below the home unit */
static void
test_match_groups (DnTestStore   *f,
                   gconstpointer  data)
{
  Tree t;
  g_autoptr(GPtrArray) units = make_tree (f->store, &t);
  g_autoptr(DnUnitMatcher) matcher = dn_unit_matcher_new (units);
  g_autoptr(GError) error = NULL;

  dn_unit_matcher_set_home (matcher, t.so);
  assert_ids (sorted (found (matcher, "Phòng GD&ĐT huyện, thành phố", TRUE)), sorted (DN_TEST_IDS (t.pgd_bx, t.pgd_bt)));
  assert_ids (sorted (found (matcher, "Phòng GD&ĐT các huyện", TRUE)), sorted (DN_TEST_IDS (t.pgd_bx, t.pgd_bt)));
  dn_test_assert_owned_cmpstr (found (matcher, "Phòng GD&ĐT huyện, thành phố", FALSE), ==, "");
  assert_ids (found (matcher, "Trung tâm GDNN&GDTX huyện, thành phố", TRUE), DN_TEST_IDS (t.tt_bx));
  assert_ids (sorted (found (matcher, "Các phòng, ban Sở", TRUE)), sorted (DN_TEST_IDS (t.vp, t.gdcn, t.khtc, t.gdtrh)));
  /* "các trường": the schools below home */
  assert_ids (found (matcher, "các trường", TRUE), DN_TEST_IDS (t.th_bx));
  dn_unit_matcher_set_home (matcher, t.pgd_dh);
  dn_test_assert_owned_cmpstr (found (matcher, "các trường", TRUE), ==, "");
  /* an archived unit is taken only when no active one is in the group */
  dn_unit_matcher_set_home (matcher, t.so);
  g_assert_true (dn_store_set_unit_archived (f->store, t.pgd_bt, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = dn_store_list_unit_tree (f->store, TRUE, &error);
    g_autoptr(DnUnitMatcher) m2 = dn_unit_matcher_new (again);

    dn_unit_matcher_set_home (m2, t.so);
    assert_ids (found (m2, "Phòng GD&ĐT huyện, thành phố", TRUE), DN_TEST_IDS (t.pgd_bx));
  }
}

static void
test_recurrence (void)
{
  static const struct
  {
    const char *text;
    DnRecurrence expected;
  } cases[] = {
    { "Báo cáo hằng tháng về Sở", DN_RECURRENCE_MONTHLY },
    { "báo cáo hàng tháng", DN_RECURRENCE_MONTHLY },
    { "báo cáo công tác theo quý và theo năm", DN_RECURRENCE_QUARTERLY },
    { "Tổ chức hội nghị 02 lần/năm", DN_RECURRENCE_TWICE_YEARLY },
    { "định kỳ 6 tháng một lần", DN_RECURRENCE_TWICE_YEARLY },
    { "báo cáo sơ kết học kỳ và báo cáo tổng kết năm học", DN_RECURRENCE_SEMESTER },
    { "báo cáo tổng kết năm học", DN_RECURRENCE_ANNUAL },
    { "Báo cáo hằng năm", DN_RECURRENCE_ANNUAL },
    { "BAO CAO THEO QUY", DN_RECURRENCE_QUARTERLY },
    /* "theo quy định" is not "theo quý" */
    { "thực hiện báo cáo theo quy định", DN_RECURRENCE_NONE },
    { "Quy chế số 07-QC/TU; quy trình; quy mô", DN_RECURRENCE_NONE },
    /* "năm học 2018-2019" is not "each year" */
    { "hướng dẫn công tác năm học 2018-2019", DN_RECURRENCE_NONE },
    { "", DN_RECURRENCE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (dn_task_proposal_find_recurrence (cases[i].text), ==, cases[i].expected);
    }
}

static void
test_due_date (void)
{
  static const struct
  {
    const char *text;
    int year, month, day; /* 0: none */
  } cases[] = {
    { "Hoàn thành trước ngày 15/12/2024.", 2024, 12, 15 },
    { "gửi về Sở chậm nhất ngày 05 tháng 01 năm 2025", 2025, 1, 5 },
    { "thời hạn: ngày 30-6-2024", 2024, 6, 30 },
    { "Tổ chức trong tháng 10/2024", 2024, 10, 31 },
    { "tháng 2 năm 2024", 2024, 2, 29 },
    { "Hoàn thành trong Quý III/2024", 2024, 9, 30 },
    { "quý II năm 2025", 2025, 6, 30 },
    { "trong Quý IV", 2024, 12, 31 },  /* the document's year */
    /* the dates of cited documents are not deadlines */
    { "Quy chế số 07-QC/TU ngày 30/8/2018 của Tỉnh ủy", 0, 0, 0 },
    { "Kế hoạch số 155/KH-UBND ngày 02 tháng 5 năm 2023", 0, 0, 0 },
    { "theo quy định; quy chế", 0, 0, 0 },
    { "trước ngày 31/02/2024", 0, 0, 0 },
    { "", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_test_message ("%s", cases[i].text);
      g_date_clear (&date, 1);
      if (cases[i].year == 0)
        g_assert_false (dn_task_proposal_find_due_date (cases[i].text, 2024, &date));
      else
        {
          g_assert_true (dn_task_proposal_find_due_date (cases[i].text, 2024, &date));
          dn_test_assert_date (&date, cases[i].year, cases[i].month, cases[i].day);
        }
    }
  {
    GDate date;

    g_date_clear (&date, 1);
    g_assert_false (dn_task_proposal_find_due_date ("trong Quý IV", 0, &date));
  }
}

/* A directive as a PDF's text gives it: lines broken inside paragraphs,
 * a page number, a purpose part, headings over dashes, an implementation
 * part with labels. */
static const char directive[] =
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
  "Lào Cai, ngày 17 tháng 9 năm 2024\n"
  "I. Mục đích, yêu cầu\n"
  "- Nâng cao nhận thức về hội nhập quốc tế.\n"
  "II. Nội dung\n"
  "1. Công tác thông tin\n"
  "- Tổ chức hội nghị báo chí 02 lần/năm,\n"
  "hoàn thành đợt đầu trước ngày 15/12/2024.\n"
  "- Phối hợp với Sở Ngoại vụ, Công an tỉnh quản lý\n"
  "2\n"
  "đoàn vào.\n"
  "2. Tư vấn du học cho học sinh trong tháng 10/2024.\n"
  "III. Tổ chức thực hiện\n"
  "1. Sở Giáo dục và Đào tạo\n"
  "1.1. Văn phòng Sở: Làm đầu mối theo dõi, đôn đốc các đơn vị.\n"
  "1.2. Các phòng, ban Sở:\n"
  "- Phối hợp với Văn phòng Sở báo cáo theo quý.\n"
  "- Phòng GDCN&GDTX: Chủ trì công tác du học; định hướng nghề nghiệp.\n"
  "2. Phòng GD&ĐT huyện, thành phố\n"
  "- Báo cáo sơ kết học kỳ và tổng kết năm học.\n"
  "Trên đây là hướng dẫn, đề nghị các đơn vị thực hiện.\n"
  "Nơi nhận:\n"
  "- Như trên;\n";

static char *
codes (GPtrArray *units,
       GArray    *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    for (guint u = 0; u < units->len; u++)
      {
        DnUnit *unit = g_ptr_array_index (units, u);

        if (unit->id == g_array_index (ids, gint64, i))
          g_string_append_printf (out, "%s%s", out->len ? "," : "", unit->code);
      }
  return g_string_free (out, FALSE);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* "b,a" → "a,b": for comparing sets of codes */
static char *
sorted_codes (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);

  if (*list == '\0')
    return g_strdup ("");
  qsort (parts, g_strv_length (parts), sizeof (char *), compare_strings);
  return g_strjoinv (",", parts);
}

static void
test_parse (DnTestStore   *f,
            gconstpointer  data)
{
  static const struct
  {
    const char *section, *lead, *support;
    DnRecurrence recurrence;
    const char *due;
    const char *title;
    guint line;
  } expected[] = {
    { "II.1", "VP", "", DN_RECURRENCE_TWICE_YEARLY, "2024-12-15",
      "Tổ chức hội nghị báo chí 02 lần/năm, hoàn thành đợt đầu trước ngày 15/12/2024", 7 },
    { "II.1", "VP", "SNGV-LC,CA-LC", DN_RECURRENCE_NONE, NULL,
      "Phối hợp với Sở Ngoại vụ, Công an tỉnh quản lý đoàn vào", 9 },
    /* lead: the unit part III says leads "du học" */
    { "II.2", "GDCN", "", DN_RECURRENCE_NONE, "2024-10-31", "Tư vấn du học cho học sinh trong tháng 10/2024", 12 },
    { "III.1.1", "VP", "", DN_RECURRENCE_NONE, NULL, "Theo dõi, đôn đốc các đơn vị", 15 },
    /* under the divisions, "Phối hợp với Văn phòng Sở": the office leads */
    { "III.1.2", "VP", "GDCN,KHTC,GDTrH", DN_RECURRENCE_QUARTERLY, NULL,
      "Phối hợp với Văn phòng Sở báo cáo theo quý", 17 },
    { "III.1.2", "GDCN", "", DN_RECURRENCE_NONE, NULL, "Công tác du học; định hướng nghề nghiệp", 18 },
    { "III.2", "VP", "PGD-BX,PGD-BT", DN_RECURRENCE_SEMESTER, NULL, "Báo cáo sơ kết học kỳ và tổng kết năm học", 20 },
  };
  Tree t;
  g_autoptr(GPtrArray) units = make_tree (f->store, &t);
  g_autoptr(GPtrArray) proposals = dn_task_proposals_parse (directive, units);

  g_assert_cmpuint (proposals->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < proposals->len; i++)
    {
      DnTaskProposal *p = g_ptr_array_index (proposals, i);
      g_autofree char *support = codes (units, p->support_unit_ids);
      g_autofree char *sorted = sorted_codes (support);
      g_autofree char *expected_sorted = sorted_codes (expected[i].support);
      g_autoptr(GArray) lead = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *lead_code = NULL;

      g_test_message ("proposal %u: %s", i, p->title);
      g_array_append_val (lead, p->lead_unit_id);
      lead_code = codes (units, lead);
      g_assert_cmpstr (p->section, ==, expected[i].section);
      g_assert_cmpstr (lead_code, ==, expected[i].lead);
      g_assert_cmpstr (sorted, ==, expected_sorted);
      g_assert_cmpint (p->recurrence, ==, expected[i].recurrence);
      if (expected[i].due)
        {
          g_autofree char *due = dn_date_format_iso (&p->due_date);

          g_assert_cmpstr (due, ==, expected[i].due);
        }
      else
        g_assert_false (g_date_valid (&p->due_date));
      g_assert_cmpstr (p->title, ==, expected[i].title);
      g_assert_cmpuint (p->line, ==, expected[i].line);
      g_assert_true (p->include);
    }
}

static void
test_parse_nothing (DnTestStore   *f,
                    gconstpointer  data)
{
  Tree t;
  g_autoptr(GPtrArray) units = make_tree (f->store, &t);
  const char *texts[] = { "", "Kính gửi: các đơn vị.\nNơi nhận:\n- Như trên;\n", "I. Mục đích\n- Nâng cao.\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) proposals = dn_task_proposals_parse (texts[i], units);

      g_assert_cmpuint (proposals->len, ==, 0);
    }
}

static GPtrArray *
parse_sample (DnTestStore *f,
              Tree        *t,
              GPtrArray  **units)
{
  *units = make_tree (f->store, t);
  return dn_task_proposals_parse (directive, *units);
}

/* All in one transaction, from the document */
static void
test_create (DnTestStore   *f,
             gconstpointer  data)
{
  Tree t;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) proposals = parse_sample (f, &t, &units);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GDate due = dn_test_date (2025, 5, 31);
  gint64 document = dn_test_add_document (f->store, "14", "HD-SGDĐT", "Hướng dẫn công tác đối ngoại", NULL);
  DnTaskProposal *left_out = g_ptr_array_index (proposals, 3);

  left_out->include = FALSE;
  g_assert_true (dn_task_proposals_create (f->store, proposals, document, &due, &ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, proposals->len - 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM task WHERE document_id = %" G_GINT64_FORMAT, document), ==, 6);
  {
    g_autoptr(DnTask) first = dn_test_get_task (f->store, g_array_index (ids, gint64, 0));
    g_autoptr(DnTask) second = dn_test_get_task (f->store, g_array_index (ids, gint64, 1));
    g_autoptr(DnTask) fifth = dn_test_get_task (f->store, g_array_index (ids, gint64, 3));

    g_assert_cmpstr (first->section, ==, "II.1");
    g_assert_cmpint (first->recurrence, ==, DN_RECURRENCE_TWICE_YEARLY);
    dn_test_assert_date (&first->due_date, 2024, 12, 15);
    g_assert_cmpint (first->lead_unit_id, ==, t.vp);
    /* no deadline stated: the one given */
    dn_test_assert_date (&second->due_date, 2025, 5, 31);
    g_assert_cmpstr (second->support_unit_codes, ==, "CA-LC, SNGV-LC");
    g_assert_cmpstr (fifth->section, ==, "III.1.2");
    g_assert_cmpint (fifth->lead_unit_id, ==, t.vp);
    g_assert_cmpint (fifth->document_id, ==, document);
  }
}

/* A proposal without a lead, or one the store refuses: nothing written */
static void
test_create_refused (DnTestStore   *f,
                     gconstpointer  data)
{
  Tree t;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) proposals = parse_sample (f, &t, &units);
  g_autofree char *before = dn_test_row_counts (f->store);
  DnTaskProposal *last = g_ptr_array_index (proposals, proposals->len - 1);
  DnTaskProposal *quarterly = g_ptr_array_index (proposals, 4);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = NULL;
    gint64 lead = last->lead_unit_id;
    GDate due = dn_test_date (2025, 5, 31);

    last->lead_unit_id = 0;
    g_assert_false (dn_task_proposals_create (f->store, proposals, 0, &due, &ids, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "III.2"));
    g_assert_null (ids);
    dn_test_assert_owned_cmpstr (dn_test_row_counts (f->store), ==, before);
    last->lead_unit_id = lead;
  }
  {
    /* a recurring task needs a deadline: the earlier ones are undone */
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (quarterly->recurrence, ==, DN_RECURRENCE_QUARTERLY);
    g_assert_false (dn_task_proposals_create (f->store, proposals, 0, NULL, NULL, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Proposal 5"));
    dn_test_assert_owned_cmpstr (dn_test_row_counts (f->store), ==, before);
  }
  {
    /* an unknown document */
    g_autoptr(GError) error = NULL;
    GDate due = dn_test_date (2025, 5, 31);

    g_assert_false (dn_task_proposals_create (f->store, proposals, 999, &due, NULL, &error));
    g_assert_nonnull (error);
    dn_test_assert_owned_cmpstr (dn_test_row_counts (f->store), ==, before);
  }
  {
    /* nothing kept */
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < proposals->len; i++)
      ((DnTaskProposal *) g_ptr_array_index (proposals, i))->include = FALSE;
    g_assert_false (dn_task_proposals_create (f->store, proposals, 0, NULL, NULL, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
    dn_test_assert_owned_cmpstr (dn_test_row_counts (f->store), ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  DN_TEST_ADD ("/task-proposal/match/names", test_match_names);
  DN_TEST_ADD ("/task-proposal/match/groups", test_match_groups);
  g_test_add_func ("/task-proposal/recurrence", test_recurrence);
  g_test_add_func ("/task-proposal/due-date", test_due_date);
  DN_TEST_ADD ("/task-proposal/parse", test_parse);
  DN_TEST_ADD ("/task-proposal/parse/nothing", test_parse_nothing);
  DN_TEST_ADD ("/task-proposal/create", test_create);
  DN_TEST_ADD ("/task-proposal/create/refused", test_create_refused);
  status = g_test_run ();
  dn_test_remove_tree (home);
  return status;
}
