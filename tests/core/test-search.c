/* test-search.c: tests for the accent-insensitive search (dn_store_search)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <string.h>

#include "dn-date.h"
#include "dn-generator.h"
#include "dn-store-private.h"
#include "dn-test-utils.h"
#include "dn-text.h"

/* ---------------------------------------------------------------- fixture */

typedef struct
{
  DnTestStore base;

  gint64 unit_qt;     /* Phòng Hợp tác quốc tế */
  gint64 unit_lao;    /* Trường Hữu nghị Việt Lào */
  gint64 person_duc;  /* Nguyễn Văn Đức */
  gint64 person_hoa;  /* Trần Thị Hoa, "Hộ chiếu" in her position only */
  gint64 person_lao;  /* Phạm Văn Minh, interpreter of Lao */
  gint64 doc_doan;    /* Đoàn công tác sang Hàn Quốc */
  gint64 doc_lao;     /* Kế hoạch đón đoàn Lào */
  gint64 task_hc;     /* Hộ chiếu công vụ … (in the title) */
  gint64 task_body;   /* hộ chiếu in the description only */
  gint64 task_lao;    /* Chuẩn bị đón đoàn Lào */
} Fixture;

static gint64
add_person (DnStore    *store,
            const char *family,
            const char *middle,
            const char *given,
            const char *position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPerson) person = dn_person_new ();

  g_free (person->family_name);
  person->family_name = g_strdup (family);
  g_free (person->middle_name);
  person->middle_name = g_strdup (middle);
  g_free (person->given_name);
  person->given_name = g_strdup (given);
  g_free (person->position);
  person->position = g_strdup (position);
  g_assert_true (dn_store_add_person (store, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static gint64
add_task (DnStore    *store,
          const char *title,
          const char *description,
          gint64      lead)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = dn_task_new ();

  g_free (task->title);
  task->title = g_strdup (title);
  g_free (task->description);
  task->description = g_strdup (description);
  task->lead_unit_id = lead;
  g_assert_true (dn_store_add_task (store, task, &error));
  g_assert_no_error (error);
  return task->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  DnStore *store;
  GDate date = dn_test_date (2024, 4, 2);

  dn_test_store_setup (&f->base, data);
  store = f->base.store;

  f->unit_qt = dn_test_add_unit (store, "HTQT", "Phòng Hợp tác quốc tế", DN_UNIT_KIND_DIVISION, 0);
  f->unit_lao = dn_test_add_unit (store, "THN", "Trường Hữu nghị Việt Lào", DN_UNIT_KIND_SCHOOL, 0);
  f->person_duc = add_person (store, "Nguyễn", "Văn", "Đức", "Trưởng phòng");
  f->person_hoa = add_person (store, "Trần", "Thị", "Hoa", "Hộ chiếu");
  f->person_lao = add_person (store, "Phạm", "Văn", "Minh", "Phiên dịch tiếng Lào");
  f->doc_doan = dn_test_add_document (store, "12", "QĐ-SGDĐT", "Đoàn công tác sang Hàn Quốc", &date);
  f->doc_lao = dn_test_add_document (store, "13", "KH-SGDĐT", "Kế hoạch đón đoàn Lào", &date);
  f->task_hc = add_task (store, "Hộ chiếu công vụ: gia hạn cho cán bộ đi Nhật Bản theo kế hoạch hợp tác năm 2024",
                         "", f->unit_qt);
  f->task_body = add_task (store, "Kế hoạch năm", "Rà soát hộ chiếu", f->unit_qt);
  f->task_lao = add_task (store, "Chuẩn bị đón đoàn Lào", "Phối hợp với trường", f->unit_lao);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dn_test_store_teardown (&f->base, data);
}

/* ---------------------------------------------------------------- helpers */

static GPtrArray *
search (Fixture    *f,
        const char *text,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = dn_store_search (f->base.store, text, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  /* best first */
  for (guint i = 1; i < hits->len; i++)
    g_assert_cmpfloat (((DnSearchHit *) hits->pdata[i - 1])->rank, <=, ((DnSearchHit *) hits->pdata[i])->rank);
  return hits;
}

/* "task:3 person:2 …" */
static char *
hits_string (Fixture    *f,
             const char *text)
{
  g_autoptr(GPtrArray) hits = search (f, text, 100);
  GString *s = g_string_new ("");

  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];
      g_string_append_printf (s, "%s%s:%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              dn_record_kind_to_string (hit->kind), hit->id);
    }
  return g_string_free (s, FALSE);
}

static gboolean
has_hit (Fixture      *f,
         const char   *text,
         DnRecordKind  kind,
         gint64        id)
{
  g_autoptr(GPtrArray) hits = search (f, text, 1000);

  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];
      if (hit->kind == kind && hit->id == id)
        return TRUE;
    }
  return FALSE;
}

static char *
nfd (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

/* ---------------------------------------------------------------- tests */

static void
test_search_accents (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *nfd_lower = nfd ("hộ chiếu");
  g_autofree char *nfd_upper = nfd ("HỘ CHIẾU");
  const char *queries[] = { "ho chieu", "hộ chiếu", "HO CHIEU", "HỘ CHIẾU", "Hộ Chiếu", nfd_lower, nfd_upper, "  hộ   chiếu  " };
  g_autofree char *reference = hits_string (f, "ho chieu");
  g_autofree char *expected_first = g_strdup_printf ("task:%" G_GINT64_FORMAT " ", f->task_hc);

  g_assert_cmpstr (nfd_lower, !=, "hộ chiếu");
  /* the title match first, then the two matches of the body only */
  g_assert_true (g_str_has_prefix (reference, expected_first));
  g_assert_true (has_hit (f, "ho chieu", DN_RECORD_PERSON, f->person_hoa));
  g_assert_true (has_hit (f, "ho chieu", DN_RECORD_TASK, f->task_body));
  {
    g_auto(GStrv) parts = g_strsplit (reference, " ", -1);
    g_assert_cmpuint (g_strv_length (parts), ==, 3);
  }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *got = hits_string (f, queries[i]);

      g_test_message ("query “%s”", queries[i]);
      g_assert_cmpstr (got, ==, reference);
    }

  /* an accented query finds unaccented text too */
  {
    gint64 plain = dn_test_add_unit (f->base.store, "HC", "Ho chieu khong dau", DN_UNIT_KIND_EXTERNAL, 0);
    g_assert_true (has_hit (f, "HỘ CHIẾU", DN_RECORD_UNIT, plain));
  }
}

static void
test_search_prefix (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const typed = "ho chieu";
  static const char * const accented[] = { "h", "hộ", "hộ ", "hộ c", "hộ ch", "hộ chi", "hộ chiế", "hộ chiếu", "Hộ chiếu c" };

  /* every prefix, as the officer types */
  for (gsize len = 1; len <= strlen (typed); len++)
    {
      g_autofree char *prefix = g_strndup (typed, len);

      g_test_message ("prefix “%s”", prefix);
      g_assert_true (has_hit (f, prefix, DN_RECORD_TASK, f->task_hc));
    }
  for (guint i = 0; i < G_N_ELEMENTS (accented); i++)
    {
      g_test_message ("prefix “%s”", accented[i]);
      g_assert_true (has_hit (f, accented[i], DN_RECORD_TASK, f->task_hc));
    }

  /* only the last word is a prefix… of a word, not inside one */
  g_assert_false (has_hit (f, "hieu", DN_RECORD_TASK, f->task_hc));
  g_assert_false (has_hit (f, "ho chieux", DN_RECORD_TASK, f->task_hc));
  g_assert_false (has_hit (f, "ho nhat", DN_RECORD_PERSON, f->person_hoa));
}

static void
test_search_d_stroke (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const queries[] = { "d", "đ", "Đ", "D", "do", "đo", "doan", "đoàn", "ĐOÀN", "Doan cong tac" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_test_message ("query “%s”", queries[i]);
      g_assert_true (has_hit (f, queries[i], DN_RECORD_DOCUMENT, f->doc_doan));
    }
  {
    g_autofree char *with_d = hits_string (f, "doan");
    g_autofree char *with_stroke = hits_string (f, "đoàn");

    g_assert_cmpstr (with_d, ==, with_stroke);
  }
}

static void
test_search_person (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const queries[] = { "duc", "Đức", "ĐỨC", "nguyen van duc", "Nguyễn Văn Đức", "van duc", "nguyen d" };
  g_autoptr(GPtrArray) hits = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_test_message ("query “%s”", queries[i]);
      g_assert_true (has_hit (f, queries[i], DN_RECORD_PERSON, f->person_duc));
    }
  hits = search (f, "nguyen van duc", 10);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->kind, ==, DN_RECORD_PERSON);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->id, ==, f->person_duc);
  g_assert_cmpstr (((DnSearchHit *) hits->pdata[0])->title, ==, "Nguyễn Văn Đức");
  g_assert_cmpstr (((DnSearchHit *) hits->pdata[0])->detail, ==, "Trưởng phòng");
}

static void
test_search_kinds (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "lao", 100);
  gboolean seen[DN_RECORD_N] = { FALSE, };

  g_assert_cmpuint (hits->len, ==, 4);
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];

      g_assert_cmpint (hit->kind, <, DN_RECORD_N);
      g_assert_false (seen[hit->kind]);
      seen[hit->kind] = TRUE;
      switch (hit->kind)
        {
        case DN_RECORD_UNIT:
          g_assert_cmpint (hit->id, ==, f->unit_lao);
          g_assert_cmpstr (hit->title, ==, "Trường Hữu nghị Việt Lào");
          g_assert_cmpstr (hit->detail, ==, "THN");
          break;
        case DN_RECORD_PERSON:
          g_assert_cmpint (hit->id, ==, f->person_lao);
          g_assert_cmpstr (hit->title, ==, "Phạm Văn Minh");
          g_assert_cmpstr (hit->detail, ==, "Phiên dịch tiếng Lào");
          break;
        case DN_RECORD_DOCUMENT:
          g_assert_cmpint (hit->id, ==, f->doc_lao);
          g_assert_cmpstr (hit->title, ==, "Kế hoạch đón đoàn Lào");
          g_assert_nonnull (strstr (hit->detail, "13/KH-SGDĐT"));
          break;
        case DN_RECORD_TASK:
          g_assert_cmpint (hit->id, ==, f->task_lao);
          g_assert_cmpstr (hit->title, ==, "Chuẩn bị đón đoàn Lào");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_true (seen[DN_RECORD_UNIT] && seen[DN_RECORD_PERSON] && seen[DN_RECORD_DOCUMENT] && seen[DN_RECORD_TASK]);

  /* units are found by their code, documents by their number and symbol */
  g_assert_true (has_hit (f, "htqt", DN_RECORD_UNIT, f->unit_qt));
  g_assert_true (has_hit (f, "QĐ-SGDĐT", DN_RECORD_DOCUMENT, f->doc_doan));
  g_assert_true (has_hit (f, "12", DN_RECORD_DOCUMENT, f->doc_doan));
}

/* TRUE when the folded @title contains the folded @words */
static gboolean
title_matches (const char *title,
               const char *words)
{
  g_autofree char *t = dn_text_fold (title, -1);
  g_autofree char *w = dn_text_fold (words, -1);

  return strstr (t, w) != NULL;
}

static void
test_search_rank_title (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  GDate date = dn_test_date (2024, 5, 1);
  gboolean body_seen = FALSE;
  guint n_title = 0, n_body = 0;

  /* more of both: long titles, short bodies */
  dn_test_add_document (f->base.store, "30", "QĐ-UBND", "Quy định về quản lý hộ chiếu công vụ và hộ chiếu ngoại giao của cán bộ, "
                        "công chức, viên chức ngành giáo dục tỉnh", &date);
  add_person (f->base.store, "Lê", "", "Na", "hộ chiếu");
  add_task (f->base.store, "Nộp hộ chiếu về Phòng Hợp tác quốc tế sau chuyến công tác", "", f->unit_qt);

  hits = search (f, "hộ chiếu", 100);
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];

      if (title_matches (hit->title, "ho chieu"))
        {
          if (body_seen)
            g_error ("“%s” (title match) ranks after a match in the body only", hit->title);
          n_title++;
        }
      else
        {
          body_seen = TRUE;
          n_body++;
        }
    }
  g_assert_cmpuint (n_title, ==, 3);
  g_assert_cmpuint (n_body, ==, 3);
}

static void
test_search_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (has_hit (f, "ho chieu", DN_RECORD_TASK, f->task_hc));
  g_assert_true (dn_store_delete_task (f->base.store, f->task_hc, &error));
  g_assert_no_error (error);
  g_assert_false (has_hit (f, "ho chieu", DN_RECORD_TASK, f->task_hc));
  g_assert_false (has_hit (f, "nhat ban", DN_RECORD_TASK, f->task_hc));
  /* the others stay */
  g_assert_true (has_hit (f, "ho chieu", DN_RECORD_TASK, f->task_body));

  g_assert_true (dn_store_restore_task (f->base.store, f->task_hc, &error));
  g_assert_no_error (error);
  g_assert_true (has_hit (f, "ho chieu", DN_RECORD_TASK, f->task_hc));
  g_assert_true (has_hit (f, "nhat ban", DN_RECORD_TASK, f->task_hc));

  /* deleted records of other kinds leave the index too */
  g_assert_true (dn_store_delete_person (f->base.store, f->person_hoa, &error));
  g_assert_true (dn_store_delete_document (f->base.store, f->doc_doan, &error));
  g_assert_no_error (error);
  g_assert_false (has_hit (f, "ho chieu", DN_RECORD_PERSON, f->person_hoa));
  g_assert_false (has_hit (f, "han quoc", DN_RECORD_DOCUMENT, f->doc_doan));
}

static void
test_search_update (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DnStore *store = f->base.store;

  {
    g_autoptr(DnTask) task = dn_store_get_task (store, f->task_hc, &error);

    g_assert_no_error (error);
    g_free (task->title);
    task->title = g_strdup ("Thị thực nhập cảnh Nhật Bản");
    g_assert_true (dn_store_update_task (store, task, &error));
    g_assert_no_error (error);
    g_assert_true (has_hit (f, "thi thuc", DN_RECORD_TASK, f->task_hc));
    g_assert_false (has_hit (f, "ho chieu", DN_RECORD_TASK, f->task_hc));

    /* the description is searched too */
    g_free (task->description);
    task->description = g_strdup ("Liên hệ Đại sứ quán");
    g_assert_true (dn_store_update_task (store, task, &error));
    g_assert_true (has_hit (f, "dai su quan", DN_RECORD_TASK, f->task_hc));
  }
  {
    g_autoptr(DnUnit) unit = dn_store_get_unit (store, f->unit_qt, &error);

    g_free (unit->name);
    unit->name = g_strdup ("Phòng Đối ngoại");
    g_free (unit->code);
    unit->code = g_strdup ("PĐN");
    g_assert_true (dn_store_update_unit (store, unit, &error));
    g_assert_no_error (error);
    g_assert_true (has_hit (f, "doi ngoai", DN_RECORD_UNIT, f->unit_qt));
    g_assert_true (has_hit (f, "pdn", DN_RECORD_UNIT, f->unit_qt));
    g_assert_false (has_hit (f, "hop tac", DN_RECORD_UNIT, f->unit_qt));
    g_assert_false (has_hit (f, "htqt", DN_RECORD_UNIT, f->unit_qt));
  }
  {
    g_autoptr(DnPerson) person = dn_store_get_person (store, f->person_duc, &error);

    g_free (person->given_name);
    person->given_name = g_strdup ("Dũng");
    g_assert_true (dn_store_update_person (store, person, &error));
    g_assert_no_error (error);
    g_assert_true (has_hit (f, "van dung", DN_RECORD_PERSON, f->person_duc));
    g_assert_false (has_hit (f, "duc", DN_RECORD_PERSON, f->person_duc));
  }
  {
    g_autoptr(DnDocument) doc = dn_store_get_document (store, f->doc_doan, &error);

    g_free (doc->subject);
    doc->subject = g_strdup ("Đoàn công tác sang Singapore");
    g_assert_true (dn_store_update_document (store, doc, &error));
    g_assert_no_error (error);
    g_assert_true (has_hit (f, "singapore", DN_RECORD_DOCUMENT, f->doc_doan));
    g_assert_false (has_hit (f, "han quoc", DN_RECORD_DOCUMENT, f->doc_doan));
  }
  {
    g_autoptr(GString) report = g_string_new ("");

    g_assert_true (dn_store_check (store, report, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (report->str, ==, "");
  }
}

static void
test_search_passport_holder (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnPerson) person = NULL;
  g_autoptr(GString) report = g_string_new ("");
  DnStore *store = f->base.store;

  /* passports have no calls of their own yet: plain SQL */
  dn_test_exec (store,
                "INSERT INTO passport (id, person_id, kind, number, issue_date, expiry_date) "
                "VALUES (7, %" G_GINT64_FORMAT ", 'official', 'C1234567', '2020-01-01', '2025-01-01')",
                f->person_duc);
  g_assert_true (has_hit (f, "c1234567", DN_RECORD_PASSPORT, 7));
  /* found by the holder's name too */
  g_assert_true (has_hit (f, "nguyen van duc", DN_RECORD_PASSPORT, 7));

  /* the holder's name changes: so does what finds the passport */
  person = dn_store_get_person (store, f->person_duc, &error);
  g_assert_no_error (error);
  g_free (person->given_name);
  person->given_name = g_strdup ("Dũng");
  g_assert_true (dn_store_update_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_true (has_hit (f, "nguyen van dung", DN_RECORD_PASSPORT, 7));
  g_assert_false (has_hit (f, "nguyen van duc", DN_RECORD_PASSPORT, 7));
  g_assert_true (has_hit (f, "c1234567", DN_RECORD_PASSPORT, 7));

  /* other changes of the person leave the passport as it is */
  g_free (person->position);
  person->position = g_strdup ("Phó Trưởng phòng");
  g_assert_true (dn_store_update_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_true (has_hit (f, "nguyen van dung", DN_RECORD_PASSPORT, 7));

  g_assert_true (dn_store_check (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->str, ==, "");
}

static void
test_search_empty (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const queries[] = { "", " ", "\t\n", "!!!", "...,;", "\"", "*", "-", "()", "\"\"*", "“ ”", "—" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("query “%s”", queries[i]);
      hits = search (f, queries[i], 100);
      g_assert_cmpuint (hits->len, ==, 0);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = dn_store_search (f->base.store, NULL, 100, &error);

    g_assert_no_error (error);
    g_assert_nonnull (hits);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

static void
test_search_operators (Fixture       *f,
                       gconstpointer  data)
{
  /* FTS5 syntax typed by the user is only text */
  static const char * const queries[] = {
    "ho AND chieu", "ho OR", "NOT ho", "NEAR(ho chieu)", "ho\"", "ho*", "(ho", "title:ho", "^ho", "ho + chieu",
    "ho \"chieu\"", "{title}: ho", "h'o", "hộ-chiếu",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("query “%s”", queries[i]);
      hits = search (f, queries[i], 100);
      (void) hits;
    }
  /* punctuation between the words does not matter */
  {
    g_autofree char *plain = hits_string (f, "ho chieu");
    g_autofree char *dashed = hits_string (f, "hộ-chiếu");
    g_autofree char *quoted = hits_string (f, "\"ho\" chieu*");

    g_assert_cmpstr (dashed, ==, plain);
    g_assert_cmpstr (quoted, ==, plain);
  }
  /* operators are words to look for: nothing has "and" in it */
  g_assert_false (has_hit (f, "ho AND chieu", DN_RECORD_TASK, f->task_hc));
}

static void
test_search_limit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(GPtrArray) one = NULL;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("Kiểm tra nội bộ đợt %d", i + 1);
      add_task (f->base.store, title, "", f->unit_qt);
    }
  all = search (f, "kiem tra", 100);
  g_assert_cmpuint (all->len, ==, 12);
  three = search (f, "kiem tra", 3);
  g_assert_cmpuint (three->len, ==, 3);
  one = search (f, "kiem tra", 1);
  g_assert_cmpuint (one->len, ==, 1);
  /* a page is the start of the full list */
  for (guint i = 0; i < three->len; i++)
    {
      g_assert_cmpint (((DnSearchHit *) three->pdata[i])->id, ==, ((DnSearchHit *) all->pdata[i])->id);
      g_assert_cmpint (((DnSearchHit *) three->pdata[i])->kind, ==, ((DnSearchHit *) all->pdata[i])->kind);
    }
}

/* dn_fts_match() tells for one row what the index tells: on every task,
 * for words common, rare and absent, with accents, đ and punctuation. */
static void
test_fts_match_like_index (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const typed[] = {
    "h", "ho", "hộ chiếu", "HO CHIEU", "chieu ho", "lào", "đoàn", "doan lao", "cong-vu", "nhi", "x", "2024", "a b",
  };
  DnStore *store = f->base.store;
  g_autoptr(GError) error = NULL;

  g_assert_true (dn_generate (store, 400, 0, 20, 11, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *match = dn_text_fts_query (typed[i]);
      g_autofree char *by_index = NULL;
      g_autofree char *by_row = NULL;
      g_autoptr(GArray) index_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      sqlite3_stmt *stmt;

      g_assert_nonnull (match);
      stmt = _dn_store_prepare_with (store, "SELECT rowid / 8 FROM search WHERE search MATCH ? AND rowid % 8 = 3 "
                                     "ORDER BY rowid", &error, DN_TEXT (match), DN_END);
      g_assert_no_error (error);
      g_assert_true (_dn_store_collect_ids (store, stmt, index_ids, &error));
      stmt = _dn_store_prepare_with (store, "SELECT id FROM task WHERE deleted = 0 AND "
                                     "dn_fts_match (?, title, section || ' ' || description) ORDER BY id",
                                     &error, DN_TEXT (typed[i]), DN_END);
      g_assert_no_error (error);
      g_assert_true (_dn_store_collect_ids (store, stmt, row_ids, &error));
      by_index = dn_test_ids_of_array (index_ids);
      by_row = dn_test_ids_of_array (row_ids);
      if (g_strcmp0 (by_index, by_row) != 0)
        g_error ("“%s”: the index finds %s, dn_fts_match %s", typed[i], by_index, by_row);
    }
}

/* Whichever way the words are looked up (few entries, many, tasks dense
 * among them), the first rows of a list are the first of its whole list. */
static void
test_first_rows_any_plan (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const typed[] = { "h", "ho chieu", "hộ", "bao cao", "koica", "nhi", "lao" };
  static const DnTaskSort sorts[] = { DN_TASK_SORT_DUE, DN_TASK_SORT_TITLE, DN_TASK_SORT_STATUS };
  DnStore *store = f->base.store;
  g_autoptr(GError) error = NULL;

  /* more than 20 000 index entries for common words: every plan is used */
  g_assert_true (dn_generate (store, 21000, 0, 20, 13, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
      for (int desc = 0; desc <= 1; desc++)
        {
          g_autoptr(GArray) ids = NULL;
          g_autoptr(GPtrArray) first = NULL;
          DnTaskQuery query;

          dn_task_query_init (&query);
          query.text = typed[i];
          query.sort = sorts[s];
          query.descending = desc;
          ids = dn_store_list_task_ids (store, &query, &error);
          g_assert_no_error (error);
          g_assert_cmpint (dn_store_count_tasks (store, &query, &error), ==, (gint64) ids->len);
          first = dn_store_list_tasks (store, &query, 256, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (first->len, ==, MIN (256, ids->len));
          for (guint k = 0; k < first->len; k++)
            if (((DnTask *) first->pdata[k])->id != g_array_index (ids, gint64, k))
              g_error ("“%s”, sort %d%s: row %u is #%" G_GINT64_FORMAT ", the whole list has #%" G_GINT64_FORMAT,
                       typed[i], sorts[s], desc ? " descending" : "", k, ((DnTask *) first->pdata[k])->id,
                       g_array_index (ids, gint64, k));
        }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* A list read by key, a page at a time (the server's pages), is the whole
 * list in the order of the ids, whichever way the words are looked up,
 * for every task or a unit's subtree, with a status or not. */
static void
test_pages_by_key (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const typed[] = { NULL, "h", "ho chieu", "chiếu hộ", "bao cao", "koica", "zzzz" };
  DnStore *store = f->base.store;
  g_autoptr(GError) error = NULL;
  gint64 units[3] = { 0 };

  /* a unit with sub-units, and a unit without, among those tasks go to */
  units[1] = f->unit_qt;
  units[2] = dn_test_add_unit (store, "PGD", "Phòng Giáo dục", DN_UNIT_KIND_DISTRICT_OFFICE, f->unit_qt);
  units[2] = dn_test_add_unit (store, "TH", "Trường Tiểu học", DN_UNIT_KIND_SCHOOL, units[2]);
  g_assert_true (dn_generate (store, 21000, 0, 20, 13, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    for (guint u = 0; u < G_N_ELEMENTS (units); u++)
      for (int status = -1; status <= DN_STATUS_IN_PROGRESS; status += 2)
        {
          g_autoptr(GArray) all = NULL;
          g_autoptr(GArray) paged = g_array_new (FALSE, FALSE, sizeof (gint64));
          DnTaskQuery query;
          gint64 after = 0;

          dn_task_query_init (&query);
          query.text = typed[i];
          query.unit_id = units[u];
          query.include_sub_units = TRUE;
          query.status = status;
          all = dn_store_list_task_ids (store, &query, &error);
          g_assert_no_error (error);
          g_array_sort (all, compare_ids);
          for (;;)
            {
              g_autoptr(GArray) page = dn_store_list_task_ids_after (store, &query, after, 997, &error);

              g_assert_no_error (error);
              g_assert_cmpuint (page->len, <=, 997);
              g_array_append_vals (paged, page->data, page->len);
              if (page->len < 997)
                break;
              after = g_array_index (page, gint64, page->len - 1);
            }
          {
            g_autofree char *expected = dn_test_ids_of_array (all);
            g_autofree char *got = dn_test_ids_of_array (paged);

            if (g_strcmp0 (expected, got) != 0)
              g_error ("“%s”, unit %" G_GINT64_FORMAT ", status %d: %u tasks by key, %u in the list", typed[i],
                       units[u], status, paged->len, all->len);
          }
          /* the words that match nothing, and only they, give nothing */
          if (typed[i] == NULL || u == 0)
            g_assert_cmpint (all->len == 0, ==, typed[i] != NULL && g_str_equal (typed[i], "zzzz"));
        }
}

/* A task's hit carries what its row shows: the deadline and the status;
 * other kinds have neither. */
static void
test_search_task_fields (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GDate due = dn_test_date (2025, 6, 30);
  gint64 task = dn_test_add_task (f->base.store, "Tổng kết hợp tác với tỉnh Hủa Phăn", f->unit_qt, &due, NULL);
  gboolean task_seen = FALSE, unit_seen = FALSE;

  g_assert_true (dn_store_set_task_status (f->base.store, task, DN_STATUS_IN_PROGRESS, NULL, &error));
  g_assert_no_error (error);
  dn_test_add_unit (f->base.store, "HP", "Sở Giáo dục tỉnh Hủa Phăn", DN_UNIT_KIND_EXTERNAL, 0);

  hits = search (f, "hua phan", 10);
  for (guint i = 0; i < hits->len; i++)
    {
      DnSearchHit *hit = hits->pdata[i];

      if (hit->kind == DN_RECORD_TASK)
        {
          g_autofree char *iso = dn_date_format_iso (&hit->due_date);

          g_assert_cmpint (hit->id, ==, task);
          g_assert_cmpstr (iso, ==, "2025-06-30");
          g_assert_cmpint (hit->status, ==, DN_STATUS_IN_PROGRESS);
          g_assert_false (dn_search_hit_is_finished (hit));
          task_seen = TRUE;
        }
      else
        {
          g_assert_cmpint (hit->kind, ==, DN_RECORD_UNIT);
          g_assert_false (g_date_valid (&hit->due_date));
          g_assert_cmpint (hit->status, ==, DN_STATUS_OPEN);
          g_assert_false (dn_search_hit_is_finished (hit));
          unit_seen = TRUE;
        }
    }
  g_assert_true (task_seen);
  g_assert_true (unit_seen);

  /* done and cancelled tasks are finished */
  g_assert_true (dn_store_set_task_status (f->base.store, task, DN_STATUS_CANCELLED, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "tong ket hua phan", 10);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->status, ==, DN_STATUS_CANCELLED);
  g_assert_true (dn_search_hit_is_finished (hits->pdata[0]));
}

static gint64
add_recurring (Fixture    *f,
               const char *title,
               const GDate *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnTask) task = dn_task_new ();

  g_free (task->title);
  task->title = g_strdup (title);
  task->due_date = *due;
  task->recurrence = DN_RECURRENCE_QUARTERLY;
  task->lead_unit_id = f->unit_qt;
  g_assert_true (dn_store_add_task (f->base.store, task, &error));
  g_assert_no_error (error);
  return task->id;
}

/* The occurrences of a recurring task share their title: the one still to
 * do comes first, then those done, the latest first; a cancelled task of
 * the same title ranks with the finished ones; unfinished work found only
 * through its description still ranks above finished title matches. */
static void
test_search_rank_unfinished (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate due = dn_test_date (2024, 3, 31);
  const char *title = "Báo cáo định kỳ công tác đối ngoại";
  gint64 q1 = add_recurring (f, title, &due), q2 = 0, q3 = 0, cancelled, body_only, undated, later;
  g_autofree char *order = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (dn_store_set_task_status (f->base.store, q1, DN_STATUS_DONE, &q2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q2, >, q1);
  g_assert_true (dn_store_set_task_status (f->base.store, q2, DN_STATUS_DONE, &q3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q3, >, q2);
  due = dn_test_date (2024, 2, 15);
  cancelled = dn_test_add_task (f->base.store, title, f->unit_qt, &due, NULL);
  g_assert_true (dn_store_set_task_status (f->base.store, cancelled, DN_STATUS_CANCELLED, NULL, &error));
  g_assert_no_error (error);
  body_only = add_task (f->base.store, "Tổng hợp số liệu quý", "Gửi kèm báo cáo định kỳ công tác đối ngoại", f->unit_qt);
  /* two more open ones of the same title: the nearest deadline first,
   * none after */
  undated = dn_test_add_task (f->base.store, title, f->unit_qt, NULL, NULL);
  due = dn_test_date (2025, 1, 15);
  later = dn_test_add_task (f->base.store, title, f->unit_qt, &due, NULL);

  order = hits_string (f, "bao cao dinh ky cong tac doi ngoai");
  /* q3 is due 2024-09-30; the finished: q2 (06-30), q1 (03-31), cancelled (02-15) */
  expected = g_strdup_printf ("task:%" G_GINT64_FORMAT " task:%" G_GINT64_FORMAT " task:%" G_GINT64_FORMAT
                              " task:%" G_GINT64_FORMAT " task:%" G_GINT64_FORMAT " task:%" G_GINT64_FORMAT
                              " task:%" G_GINT64_FORMAT,
                              q3, later, undated, body_only, q2, q1, cancelled);
  g_assert_cmpstr (order, ==, expected);

  /* the limit keeps the best: the unfinished */
  {
    g_autoptr(GPtrArray) hits = search (f, "bao cao dinh ky", 2);

    g_assert_cmpuint (hits->len, ==, 2);
    g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->id, ==, q3);
    g_assert_cmpint (((DnSearchHit *) hits->pdata[1])->id, ==, later);
  }
  /* marking the open occurrence done: its next one takes its place */
  {
    gint64 q4 = 0;
    g_autoptr(GPtrArray) hits = NULL;

    g_assert_true (dn_store_set_task_status (f->base.store, q3, DN_STATUS_DONE, &q4, &error));
    g_assert_no_error (error);
    hits = search (f, "bao cao dinh ky", 100);
    /* due 2024-12-31, before the other one (2025-01-15) */
    g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->id, ==, q4);
    g_assert_cmpint (((DnSearchHit *) hits->pdata[1])->id, ==, later);
    g_assert_cmpint (((DnSearchHit *) hits->pdata[3])->id, ==, body_only);
    g_assert_cmpint (((DnSearchHit *) hits->pdata[4])->id, ==, q3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/search/accents", test_search_accents);
  ADD ("/search/prefix", test_search_prefix);
  ADD ("/search/d-stroke", test_search_d_stroke);
  ADD ("/search/person", test_search_person);
  ADD ("/search/kinds", test_search_kinds);
  ADD ("/search/rank-title", test_search_rank_title);
  ADD ("/search/deleted", test_search_deleted);
  ADD ("/search/update", test_search_update);
  ADD ("/search/passport-holder", test_search_passport_holder);
  ADD ("/search/empty", test_search_empty);
  ADD ("/search/operators", test_search_operators);
  ADD ("/search/limit", test_search_limit);
  ADD ("/search/fts-match-like-index", test_fts_match_like_index);
  ADD ("/search/first-rows-any-plan", test_first_rows_any_plan);
  ADD ("/search/pages-by-key", test_pages_by_key);
  ADD ("/search/task-fields", test_search_task_fields);
  ADD ("/search/rank-unfinished", test_search_rank_unfinished);
#undef ADD

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
