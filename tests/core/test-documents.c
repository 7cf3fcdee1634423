/* test-documents.c: the registers of incoming and outgoing documents
 * (Nghị định 30/2020): symbols, numbers per year, secret sequences, the
 * duplicate warning, the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-documents"

#include "config.h"

#include <string.h>

#include "dn-test-utils.h"

static DnDocument *
new_document (DnDocumentDirection  direction,
              DnDocumentType       type,
              const char          *subject,
              int                  year,
              int                  month,
              int                  day)
{
  DnDocument *doc = dn_document_new ();

  doc->direction = direction;
  doc->type = type;
  g_free (doc->subject);
  doc->subject = g_strdup (subject);
  if (direction == DN_DIRECTION_INCOMING)
    doc->arrival_date = dn_test_date (year, month, day);
  else
    doc->issue_date = dn_test_date (year, month, day);
  return doc;
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* register one and return its number (outgoing) or arrival number */
static char *
register_one (DnStore    *store,
              DnDocument *doc)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = dn_store_register_document (store, doc, FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (doc->id, >, 0);
  return doc->direction == DN_DIRECTION_OUTGOING ? g_strdup (doc->number) : g_strdup_printf ("%d", doc->arrival_number);
}

static void
test_symbol (void)
{
  g_autofree char *decision = dn_document_build_symbol (DN_DOCUMENT_TYPE_DECISION, "SGDĐT", NULL);
  g_autofree char *plan = dn_document_build_symbol (DN_DOCUMENT_TYPE_PLAN, "SGDĐT", "HTQT");
  g_autofree char *letter = dn_document_build_symbol (DN_DOCUMENT_TYPE_OFFICIAL_LETTER, "SGDĐT", "VP");
  g_autofree char *letter_alone = dn_document_build_symbol (DN_DOCUMENT_TYPE_OFFICIAL_LETTER, " UBND ", "");
  g_autofree char *five = dn_document_format_number (5);
  g_autofree char *twelve = dn_document_format_number (12);

  g_assert_cmpstr (decision, ==, "QĐ-SGDĐT");
  g_assert_cmpstr (plan, ==, "KH-SGDĐT-HTQT");
  /* công văn has no type abbreviation (Phụ lục III) */
  g_assert_cmpstr (letter, ==, "SGDĐT-VP");
  g_assert_cmpstr (letter_alone, ==, "UBND");
  g_assert_cmpstr (five, ==, "05");
  g_assert_cmpstr (twelve, ==, "12");
}

/* Outgoing documents are numbered per year from 01, secret ones in their
 * own sequence; incoming ones get their arrival number per year. */
static void
test_numbering (DnTestStore   *f,
                gconstpointer  data)
{
  g_autoptr(DnDocument) a = new_document (DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_DECISION, "Cử đoàn ra", 2025, 1, 5);
  g_autoptr(DnDocument) b = new_document (DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_PLAN, "Kế hoạch năm", 2025, 3, 1);
  g_autoptr(DnDocument) secret = new_document (DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_REPORT, "Báo cáo mật", 2025, 3, 2);
  g_autoptr(DnDocument) next_year = new_document (DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_NOTICE, "Thông báo", 2026, 1, 2);
  g_autoptr(DnDocument) given = new_document (DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_NOTICE, "Số tay", 2025, 4, 1);
  g_autoptr(DnDocument) after_given = new_document (DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_NOTICE, "Sau", 2025, 4, 2);
  g_autoptr(DnDocument) in1 = new_document (DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Đến một", 2025, 2, 1);
  g_autoptr(DnDocument) in2 = new_document (DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Đến hai", 2025, 2, 3);
  g_autoptr(DnDocument) in_secret = new_document (DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Đến mật", 2025, 2, 4);
  g_autoptr(DnDocument) undated = dn_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *n_a = NULL, *n_b = NULL, *n_secret = NULL, *n_next = NULL, *n_after = NULL;
  g_autofree char *n_in1 = NULL, *n_in2 = NULL, *n_in_secret = NULL;
  g_autofree char *counts = NULL;

  n_a = register_one (f->store, a);
  n_b = register_one (f->store, b);
  secret->classification = DN_CLASSIFICATION_SECRET;
  n_secret = register_one (f->store, secret);
  n_next = register_one (f->store, next_year);
  g_assert_cmpstr (n_a, ==, "01");
  g_assert_cmpstr (n_b, ==, "02");
  g_assert_cmpstr (n_secret, ==, "01");
  g_assert_cmpstr (n_next, ==, "01");

  /* a number given by hand is kept, and the sequence goes on after it */
  set_text (&given->number, "15");
  g_free (register_one (f->store, given));
  g_assert_cmpstr (given->number, ==, "15");
  n_after = register_one (f->store, after_given);
  g_assert_cmpstr (n_after, ==, "16");

  n_in1 = register_one (f->store, in1);
  n_in2 = register_one (f->store, in2);
  in_secret->classification = DN_CLASSIFICATION_CONFIDENTIAL;
  n_in_secret = register_one (f->store, in_secret);
  g_assert_cmpstr (n_in1, ==, "1");
  g_assert_cmpstr (n_in2, ==, "2");
  g_assert_cmpstr (n_in_secret, ==, "1");
  g_assert_cmpint (dn_store_next_document_number (f->store, DN_DIRECTION_INCOMING, 2025, FALSE, &error), ==, 3);
  g_assert_cmpint (dn_store_next_document_number (f->store, DN_DIRECTION_OUTGOING, 2025, TRUE, &error), ==, 2);
  g_assert_cmpint (dn_store_next_document_number (f->store, DN_DIRECTION_OUTGOING, 2024, FALSE, &error), ==, 1);
  g_assert_no_error (error);

  /* an outgoing document without a date cannot be numbered: refused,
   * nothing written */
  counts = dn_test_row_counts (f->store);
  undated->direction = DN_DIRECTION_OUTGOING;
  set_text (&undated->subject, "Không ngày");
  g_assert_false (dn_store_register_document (f->store, undated, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_cmpint (undated->id, ==, 0);
  g_assert_cmpstr (undated->number, ==, "");
  {
    g_autofree char *after = dn_test_row_counts (f->store);
    g_assert_cmpstr (after, ==, counts);
  }
}

/* The same number, symbol and issuer in one year is a warning: nothing is
 * written until it is confirmed; another year is no duplicate. */
static void
test_duplicate (DnTestStore   *f,
                gconstpointer  data)
{
  g_autoptr(DnDocument) first = new_document (DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Kế hoạch", 2025, 2, 1);
  g_autoptr(DnDocument) again = new_document (DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Kế hoạch (bản 2)", 2025, 2, 9);
  g_autoptr(DnDocument) other_year = new_document (DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Kế hoạch", 2026, 2, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *after = NULL;

  for (DnDocument **d = (DnDocument *[]) { first, again, other_year, NULL }; *d != NULL; d++)
    {
      set_text (&(*d)->number, "14");
      set_text (&(*d)->symbol, "KH-BGDĐT");
      set_text (&(*d)->issuer, "Bộ Giáo dục và Đào tạo");
    }
  first->issue_date = dn_test_date (2025, 1, 20);
  again->issue_date = dn_test_date (2025, 1, 20);
  other_year->issue_date = dn_test_date (2026, 1, 20);
  g_free (register_one (f->store, first));

  counts = dn_test_row_counts (f->store);
  g_assert_false (dn_store_register_document (f->store, again, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING);
  g_assert_nonnull (strstr (error->message, "14/KH-BGDĐT"));
  g_assert_nonnull (strstr (error->message, "Bộ Giáo dục và Đào tạo"));
  g_assert_cmpint (again->id, ==, 0);
  g_assert_cmpint (again->arrival_number, ==, 0);
  after = dn_test_row_counts (f->store);
  g_assert_cmpstr (after, ==, counts);
  g_clear_error (&error);

  g_assert_true (dn_store_register_document (f->store, again, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->arrival_number, ==, 2);

  g_free (register_one (f->store, other_year));
  g_assert_cmpint (other_year->arrival_number, ==, 1);

  /* saving the first again is no duplicate of itself */
  set_text (&first->notes, "Đã chuyển phòng HTQT");
  g_assert_false (dn_store_register_document (f->store, first, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING); /* `again` is its twin now */
  g_clear_error (&error);
  g_assert_true (dn_store_register_document (f->store, other_year, FALSE, &error));
  g_assert_no_error (error);
}

/* Every register column is kept. */
static void
test_fields (DnTestStore   *f,
             gconstpointer  data)
{
  g_autoptr(DnDocument) doc = new_document (DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_OFFICIAL_LETTER, "V/v cử cán bộ",
                                            2025, 6, 3);
  g_autoptr(DnDocument) got = NULL;
  g_autoptr(GError) error = NULL;

  doc->urgency = DN_URGENCY_FLASH;
  doc->classification = DN_CLASSIFICATION_TOP_SECRET;
  doc->copies = 12;
  doc->passed_on = dn_test_date (2025, 6, 4);
  set_text (&doc->file_copy_holder, "Phòng HTQT");
  set_text (&doc->receiver, "");
  set_text (&doc->notes, "Gửi qua bưu điện");
  set_text (&doc->symbol, "SGDĐT-HTQT");
  g_free (register_one (f->store, doc));
  got = dn_store_get_document (f->store, doc->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->urgency, ==, DN_URGENCY_FLASH);
  g_assert_cmpint (got->classification, ==, DN_CLASSIFICATION_TOP_SECRET);
  g_assert_true (dn_document_is_secret (got));
  g_assert_cmpint (got->copies, ==, 12);
  dn_test_assert_date (&got->passed_on, 2025, 6, 4);
  g_assert_cmpstr (got->file_copy_holder, ==, "Phòng HTQT");
  g_assert_cmpstr (got->notes, ==, "Gửi qua bưu điện");
  g_assert_cmpstr (got->number, ==, "01");
  {
    g_autofree char *stored = dn_test_query_text (f->store, "SELECT classification || ' ' || urgency FROM document");
    g_assert_cmpstr (stored, ==, "tuyet_mat hoa_toc");
  }

  doc->copies = -1;
  g_assert_false (dn_store_register_document (f->store, doc, FALSE, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
}

/* The list: filters, secret ones hidden unless asked, pages by key. */
static void
test_query (DnTestStore   *f,
            gconstpointer  data)
{
  struct { DnDocumentDirection direction; DnDocumentType type; const char *subject; const char *issuer; int year;
           DnUrgency urgency; DnClassification secrecy; } rows[] = {
    { DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_PLAN, "Kế hoạch hợp tác quốc tế", "Bộ Giáo dục và Đào tạo", 2025,
      DN_URGENCY_URGENT, DN_CLASSIFICATION_NORMAL },
    { DN_DIRECTION_INCOMING, DN_DOCUMENT_TYPE_OFFICIAL_LETTER, "Đoàn vào Đà Nẵng", "UBND tỉnh", 2025,
      DN_URGENCY_NORMAL, DN_CLASSIFICATION_NORMAL },
    { DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_DECISION, "Cử đoàn ra Nhật Bản", "", 2025,
      DN_URGENCY_NORMAL, DN_CLASSIFICATION_NORMAL },
    { DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_REPORT, "Báo cáo đoàn ra", "", 2024,
      DN_URGENCY_NORMAL, DN_CLASSIFICATION_NORMAL },
    { DN_DIRECTION_OUTGOING, DN_DOCUMENT_TYPE_REPORT, "Báo cáo mật đoàn ra", "", 2025,
      DN_URGENCY_NORMAL, DN_CLASSIFICATION_CONFIDENTIAL },
  };
  gint64 ids[G_N_ELEMENTS (rows)];
  DnDocumentQuery query;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(DnDocument) doc = new_document (rows[i].direction, rows[i].type, rows[i].subject, rows[i].year,
                                                3, (int) i + 1);
      if (rows[i].direction == DN_DIRECTION_INCOMING)
        doc->issue_date = dn_test_date (rows[i].year, 2, (int) i + 1);
      set_text (&doc->issuer, rows[i].issuer);
      doc->urgency = rows[i].urgency;
      doc->classification = rows[i].secrecy;
      g_free (register_one (f->store, doc));
      ids[i] = doc->id;
    }

#define ASSERT_IDS(expected)                                                   \
  G_STMT_START {                                                               \
    g_autoptr(GArray) got = dn_store_list_document_ids (f->store, &query, &error); \
    g_autofree char *got_ids = NULL;                                           \
    g_assert_no_error (error);                                                 \
    got_ids = dn_test_ids_of_array (got);                                      \
    g_assert_cmpstr (got_ids, ==, expected);                                   \
  } G_STMT_END

  dn_document_query_init (&query);
  /* newest first; the secret one hidden */
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%"
                                                 G_GINT64_FORMAT, ids[2], ids[1], ids[0], ids[3]);
    ASSERT_IDS (expected);
  }
  query.include_secret = TRUE;
  query.direction = DN_DIRECTION_OUTGOING;
  query.year = 2025;
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, ids[4], ids[2]);
    ASSERT_IDS (expected);
  }
  /* the search index: accents and đ ignored */
  dn_document_query_init (&query);
  query.text = "doan ra";
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, ids[2], ids[3]);
    ASSERT_IDS (expected);
  }
  dn_document_query_init (&query);
  query.issuer = "giao duc";
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, ids[0]);
    ASSERT_IDS (expected);
  }
  dn_document_query_init (&query);
  query.urgency = DN_URGENCY_URGENT;
  query.type = DN_DOCUMENT_TYPE_PLAN;
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, ids[0]);
    ASSERT_IDS (expected);
  }
  /* incoming by their arrival year */
  dn_document_query_init (&query);
  query.direction = DN_DIRECTION_INCOMING;
  query.year = 2025;
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, ids[1], ids[0]);
    ASSERT_IDS (expected);
  }

  /* the search over every record flags the secret one */
  {
    g_autoptr(GPtrArray) hits = dn_store_search (f->store, "bao cao mat", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_true (((DnSearchHit *) hits->pdata[0])->secret);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = dn_store_search (f->store, "nhat ban", 10, &error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_false (((DnSearchHit *) hits->pdata[0])->secret);
  }

  /* pages by key give every row once */
  dn_document_query_init (&query);
  query.include_secret = TRUE;
  {
    g_autoptr(GPtrArray) page1 = dn_store_query_documents (f->store, &query, NULL, 2, &error);
    g_autoptr(GPtrArray) page2 = NULL;
    g_autoptr(GPtrArray) page3 = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (page1->len, ==, 2);
    page2 = dn_store_query_documents (f->store, &query, page1->pdata[1], 2, &error);
    g_assert_cmpuint (page2->len, ==, 2);
    page3 = dn_store_query_documents (f->store, &query, page2->pdata[1], 2, &error);
    g_assert_cmpuint (page3->len, ==, 1);
    g_assert_cmpint (((DnDocument *) page3->pdata[0])->id, ==, ids[3]);
  }

  /* the register of 2025 outgoing: by number, secret ones after */
  {
    g_autoptr(GPtrArray) book = dn_store_list_register (f->store, DN_DIRECTION_OUTGOING, 2025, TRUE, &error);
    g_autoptr(GPtrArray) open_book = dn_store_list_register (f->store, DN_DIRECTION_OUTGOING, 2025, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (book->len, ==, 2);
    g_assert_cmpint (((DnDocument *) book->pdata[0])->id, ==, ids[2]);
    g_assert_cmpint (((DnDocument *) book->pdata[1])->id, ==, ids[4]);
    g_assert_cmpuint (open_book->len, ==, 1);
  }
#undef ASSERT_IDS
}

static void
test_agency_abbreviation (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = dn_store_get_agency_abbreviation (f->store);
  g_autofree char *set = NULL;
  g_autofree char *counts = NULL;

  g_assert_cmpstr (none, ==, "");
  g_assert_true (dn_store_set_agency_abbreviation (f->store, " SGDĐT ", &error));
  g_assert_no_error (error);
  set = dn_store_get_agency_abbreviation (f->store);
  g_assert_cmpstr (set, ==, "SGDĐT");

  counts = dn_test_query_text (f->store, "SELECT group_concat (key || '=' || value) FROM setting");
  g_assert_false (dn_store_set_agency_abbreviation (f->store, "SGD ĐT", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_set_agency_abbreviation (f->store, "SGD/ĐT", &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = dn_test_query_text (f->store, "SELECT group_concat (key || '=' || value) FROM setting");
    g_assert_cmpstr (after, ==, counts);
  }
  g_assert_true (dn_store_set_agency_abbreviation (f->store, "", &error));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM setting"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/symbol", test_symbol);
  DN_TEST_ADD ("/documents/numbering", test_numbering);
  DN_TEST_ADD ("/documents/duplicate", test_duplicate);
  DN_TEST_ADD ("/documents/fields", test_fields);
  DN_TEST_ADD ("/documents/query", test_query);
  DN_TEST_ADD ("/documents/agency-abbreviation", test_agency_abbreviation);

  status = g_test_run ();
  dn_test_remove_tree (user_dirs);
  return status;
}
