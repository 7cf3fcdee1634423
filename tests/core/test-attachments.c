/* test-attachments.c: files attached to documents, tasks and delegations;
 * a file kept while anything refers to it; the text of PDF pages in the
 * search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dn-store.h"
#include "dn-test-utils.h"

static GFile *
write_source (DnTestStore *f,
              const char  *name,
              const char  *content)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  dn_test_write_file (path, content, -1);
  return g_file_new_for_path (path);
}

static gint64
add_delegation (DnStore *store)
{
  dn_test_exec (store, "INSERT INTO delegation (direction, title, start_date, end_date) "
                       "VALUES ('outbound', 'Đoàn công tác Hàn Quốc', '2025-03-01', '2025-03-07')");
  return dn_test_query_int (store, "SELECT max(id) FROM delegation");
}

typedef struct
{
  gint64 document;
  gint64 task;
  gint64 delegation;
} Records;

static Records
add_records (DnStore *store)
{
  Records r;
  gint64 unit = dn_test_add_unit (store, "SGD", "Sở Giáo dục và Đào tạo", DN_UNIT_KIND_DEPARTMENT, 0);

  r.document = dn_test_add_document (store, "14", "KH-SGDĐT", "Kế hoạch đối ngoại", NULL);
  r.task = dn_test_add_task (store, "Báo cáo đoàn ra", unit, NULL, NULL);
  r.delegation = add_delegation (store);
  return r;
}

static gboolean
stored_file_exists (DnStore      *store,
                    DnAttachment *attachment)
{
  g_autoptr(GFile) file = dn_store_get_attachment_file (store, attachment);

  return g_file_query_exists (file, NULL);
}

/* One file attached to a task, a delegation and a document: stored once,
 * listed by each under the name it was given; removing it from two keeps
 * it for the third; removing it from the last deletes the row and the
 * file. */
static void
test_link_unlink_shared (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Records r = add_records (f->store);
  g_autoptr(GFile) source = write_source (f, "ke-hoach.pdf", "%PDF-1.4\nnot really\n%%EOF\n");
  g_autoptr(GFile) renamed = write_source (f, "Bản sao kế hoạch.pdf", "%PDF-1.4\nnot really\n%%EOF\n");
  g_autoptr(DnAttachment) att = NULL;
  g_autoptr(DnAttachment) again = NULL;
  g_autoptr(DnAttachment) third = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *folder = g_build_filename (dn_store_get_data_dir (f->store), "attachments", NULL);

  att = dn_store_attach_file (f->store, DN_RECORD_TASK, r.task, source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (att->text_state, ==, DN_ATTACHMENT_TEXT_PENDING);
  again = dn_store_attach_file (f->store, DN_RECORD_DELEGATION, r.delegation, renamed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, att->id);
  g_assert_cmpstr (again->file_name, ==, "Bản sao kế hoạch.pdf");
  g_assert_true (dn_store_attach (f->store, DN_RECORD_DOCUMENT, r.document, att->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 1);

  list = dn_store_list_attachments (f->store, DN_RECORD_DELEGATION, r.delegation, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((DnAttachment *) list->pdata[0])->file_name, ==, "Bản sao kế hoạch.pdf");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dn_store_list_attachments (f->store, DN_RECORD_TASK, r.task, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((DnAttachment *) list->pdata[0])->file_name, ==, "ke-hoach.pdf");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* attaching again renames, adds nothing */
  g_assert_true (dn_store_attach (f->store, DN_RECORD_TASK, r.task, att->id, "Kế hoạch.pdf", &error));
  list = dn_store_list_attachments (f->store, DN_RECORD_TASK, r.task, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((DnAttachment *) list->pdata[0])->file_name, ==, "Kế hoạch.pdf");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (dn_store_detach (f->store, DN_RECORD_TASK, r.task, att->id, &error));
  g_assert_no_error (error);
  g_assert_true (dn_store_detach (f->store, DN_RECORD_DELEGATION, r.delegation, att->id, &error));
  g_assert_no_error (error);
  /* the document still shows it */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_true (stored_file_exists (f->store, att));
  list = dn_store_list_attachments (f->store, DN_RECORD_TASK, r.task, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* not attached there any more: refused, nothing changes */
  {
    g_autofree char *before = dn_test_row_counts (f->store);

    g_assert_false (dn_store_detach (f->store, DN_RECORD_TASK, r.task, att->id, &error));
    g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    dn_test_assert_owned_cmpstr (dn_test_row_counts (f->store), ==, before);
    g_assert_true (stored_file_exists (f->store, att));
  }

  g_assert_true (dn_store_detach (f->store, DN_RECORD_DOCUMENT, r.document, att->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 0);
  g_assert_false (stored_file_exists (f->store, att));
  g_assert_cmpuint (dn_test_count_files (folder), ==, 0);

  /* and it can come back */
  third = dn_store_attach_file (f->store, DN_RECORD_TASK, r.task, source, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (stored_file_exists (f->store, third));
}

/* A progress entry that refers to a file keeps it when its last link goes. */
static void
test_progress_keeps_file (DnTestStore   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Records r = add_records (f->store);
  g_autoptr(GFile) source = write_source (f, "bao-cao.docx", "báo cáo tiến độ");
  g_autoptr(DnAttachment) att = NULL;

  att = dn_store_attach_file (f->store, DN_RECORD_TASK, r.task, source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (att->text_state, ==, DN_ATTACHMENT_TEXT_NOT_PDF);
  dn_test_exec (f->store,
                "INSERT INTO progress (task_id, unit_id, entry_date, percent, attachment_id) "
                "SELECT %" G_GINT64_FORMAT ", unit_id, '2025-01-02', 50, %" G_GINT64_FORMAT
                " FROM assignment WHERE task_id = %" G_GINT64_FORMAT,
                r.task, att->id, r.task);
  g_assert_true (dn_store_detach (f->store, DN_RECORD_TASK, r.task, att->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_true (stored_file_exists (f->store, att));
}

/* A record deleted takes its links with it; a file no record shows any
 * more leaves the store with its text, one still shown stays. */
static void
test_record_deleted (DnTestStore   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Records r = add_records (f->store);
  g_autoptr(GFile) shared = write_source (f, "chung.pdf", "%PDF-1.4 shared\n");
  g_autoptr(GFile) alone = write_source (f, "rieng.pdf", "%PDF-1.4 alone\n");
  g_autoptr(DnAttachment) a = NULL;
  g_autoptr(DnAttachment) b = NULL;
  const char *pages[] = { "Kế hoạch đón đoàn" };

  a = dn_store_attach_file (f->store, DN_RECORD_DELEGATION, r.delegation, shared, NULL, &error);
  g_assert_no_error (error);
  b = dn_store_attach_file (f->store, DN_RECORD_DELEGATION, r.delegation, alone, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dn_store_attach (f->store, DN_RECORD_DOCUMENT, r.document, a->id, NULL, &error));
  g_assert_true (dn_store_set_attachment_pages (f->store, b->id, pages, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search_attachment"), ==, 1);

  g_assert_true (dn_store_delete_delegation (f->store, r.delegation, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM delegation_attachment"), ==, 0);
  /* the one the document shows stays; the other goes, its text too */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT id FROM attachment"), ==, a->id);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search_attachment"), ==, 0);
}

/* Attaching to a record that does not exist (or of a kind that takes no
 * files) is refused before anything is copied or written. */
static void
test_refusals (DnTestStore   *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Records r = add_records (f->store);
  g_autoptr(GFile) source = write_source (f, "a.pdf", "%PDF-1.4\n%%EOF\n");
  g_autofree char *folder = g_build_filename (dn_store_get_data_dir (f->store), "attachments", NULL);
  g_autofree char *before = dn_test_row_counts (f->store);
  const struct { DnRecordKind kind; gint64 id; int code; } cases[] = {
    { DN_RECORD_TASK, r.task + 100, DN_STORE_ERROR_NOT_FOUND },
    { DN_RECORD_DELEGATION, r.delegation + 100, DN_STORE_ERROR_NOT_FOUND },
    { DN_RECORD_DOCUMENT, r.document + 100, DN_STORE_ERROR_NOT_FOUND },
    { DN_RECORD_UNIT, 1, DN_STORE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DnAttachment) att = dn_store_attach_file (f->store, cases[i].kind, cases[i].id, source, NULL, &error);

      g_assert_null (att);
      g_assert_error (error, DN_STORE_ERROR, cases[i].code);
      g_clear_error (&error);
    }
  /* a deleted task takes no files either */
  dn_test_exec (f->store, "UPDATE task SET deleted = 1 WHERE id = %" G_GINT64_FORMAT, r.task);
  g_free (before);
  before = dn_test_row_counts (f->store);
  g_assert_null (dn_store_attach_file (f->store, DN_RECORD_TASK, r.task, source, NULL, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  dn_test_assert_owned_cmpstr (dn_test_row_counts (f->store), ==, before);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 0);
  g_assert_false (dn_record_kind_takes_attachments (DN_RECORD_PERSON));
  g_assert_true (dn_record_kind_takes_attachments (DN_RECORD_DELEGATION));
}

static DnAttachment *
add_pdf (DnTestStore *f,
         Records     *r,
         const char  *name,
         const char  *content)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = write_source (f, name, content);
  DnAttachment *att = dn_store_attach_file (f->store, DN_RECORD_DOCUMENT, r->document, source, NULL, &error);

  g_assert_no_error (error);
  return att;
}

/* The pages' text goes into the index; the search finds a page by words
 * typed without accents, with its file's hash, its page and the words
 * around; records come first. */
static void
test_index_and_search (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Records r = add_records (f->store);
  g_autoptr(DnAttachment) att = add_pdf (f, &r, "huong-dan.pdf", "%PDF-1.4 a\n");
  g_autoptr(DnAttachment) reread = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const char *pages[] = {
    "Sở Giáo dục và Đào tạo tỉnh Lào Cai\nHướng dẫn công tác đối ngoại\n",
    "",
    "Trả hộ chiếu cho Đoàn công tác\nsau chuyến đi.\n",
  };
  DnAttachmentTextState state = DN_ATTACHMENT_TEXT_N;
  DnSearchHit *hit = NULL;

  g_assert_cmpint (dn_store_count_pending_attachments (f->store, NULL), ==, 1);
  pending = dn_store_list_pending_attachments (f->store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (((DnAttachment *) pending->pdata[0])->id, ==, att->id);

  g_assert_true (dn_store_set_attachment_pages (f->store, att->id, pages, G_N_ELEMENTS (pages), &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, DN_ATTACHMENT_TEXT_INDEXED);
  g_assert_cmpint (dn_store_count_pending_attachments (f->store, NULL), ==, 0);
  reread = dn_store_get_attachment (f->store, att->id, &error);
  g_assert_cmpint (reread->text_state, ==, DN_ATTACHMENT_TEXT_INDEXED);
  /* the empty page is not kept */
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search_attachment"), ==, 2);

  hits = dn_store_search (f->store, "ho chieu", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpint (hit->kind, ==, DN_RECORD_ATTACHMENT);
  g_assert_cmpint (hit->id, ==, att->id);
  g_assert_cmpint (hit->page, ==, 3);
  g_assert_cmpstr (hit->sha256, ==, att->sha256);
  g_assert_cmpstr (hit->title, ==, "huong-dan.pdf");
  g_assert_nonnull (strstr (hit->detail, "hộ chiếu"));
  g_assert_null (strchr (hit->detail, '\n'));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* đ folded: "doi ngoai" finds page 1; the document's own title, a
   * record, comes before */
  hits = dn_store_search (f->store, "doi ngoai", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->kind, ==, DN_RECORD_DOCUMENT);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[1])->kind, ==, DN_RECORD_ATTACHMENT);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[1])->page, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* a limit of one: the record, the page only when no record matches */
  hits = dn_store_search (f->store, "doi ngoai", 1, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->kind, ==, DN_RECORD_DOCUMENT);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = dn_store_search (f->store, "chuyen di", 1, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DnSearchHit *) hits->pdata[0])->kind, ==, DN_RECORD_ATTACHMENT);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* a full check finds the page index sound */
  {
    g_autoptr(GString) report = g_string_new (NULL);

    g_assert_true (dn_store_check (f->store, report, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (report->str, ==, "");
  }

  /* the file's text goes with the file */
  g_assert_true (dn_store_detach (f->store, DN_RECORD_DOCUMENT, r.document, att->id, &error));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search_attachment"), ==, 0);
  hits = dn_store_search (f->store, "ho chieu", 50, &error);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* Pages without a letter (a scan) mark the file no_text; the state of a
 * damaged file is kept, and reading again (pending) drops the old text. */
static void
test_text_states (DnTestStore   *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Records r = add_records (f->store);
  g_autoptr(DnAttachment) scan = add_pdf (f, &r, "scan.pdf", "%PDF-1.4 scan\n");
  g_autoptr(DnAttachment) broken = add_pdf (f, &r, "broken.pdf", "%PDF-1.4 broken\n");
  g_autoptr(DnAttachment) got = NULL;
  const char *blank[] = { "", " \n\f", NULL };
  const char *text[] = { "Kế hoạch" };
  DnAttachmentTextState state = DN_ATTACHMENT_TEXT_N;

  g_assert_true (dn_store_set_attachment_pages (f->store, scan->id, blank, 3, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, DN_ATTACHMENT_TEXT_NO_TEXT);
  got = dn_store_get_attachment (f->store, scan->id, &error);
  g_assert_cmpint (got->text_state, ==, DN_ATTACHMENT_TEXT_NO_TEXT);
  g_clear_object (&got);

  g_assert_true (dn_store_set_attachment_text_state (f->store, broken->id, DN_ATTACHMENT_TEXT_DAMAGED, &error));
  g_assert_no_error (error);
  got = dn_store_get_attachment (f->store, broken->id, &error);
  g_assert_cmpint (got->text_state, ==, DN_ATTACHMENT_TEXT_DAMAGED);
  g_clear_object (&got);
  g_assert_cmpint (dn_store_count_pending_attachments (f->store, NULL), ==, 0);

  /* indexed, then to be read again: its text leaves the index */
  g_assert_true (dn_store_set_attachment_pages (f->store, broken->id, text, 1, &state, &error));
  g_assert_cmpint (state, ==, DN_ATTACHMENT_TEXT_INDEXED);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search_attachment"), ==, 1);
  g_assert_true (dn_store_set_attachment_text_state (f->store, broken->id, DN_ATTACHMENT_TEXT_PENDING, &error));
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search_attachment"), ==, 0);
  g_assert_cmpint (dn_store_count_pending_attachments (f->store, NULL), ==, 1);

  /* "indexed" comes only with pages; an unknown file is refused */
  g_assert_false (dn_store_set_attachment_text_state (f->store, broken->id, DN_ATTACHMENT_TEXT_INDEXED, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dn_store_set_attachment_pages (f->store, broken->id + 100, text, 1, &state, &error));
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM search_attachment"), ==, 0);
}

/* By hash, any case; a database of version 6 gets the new tables and its
 * files' states (a PDF pending, another file not_pdf). */
static void
test_find_and_migrate (DnTestStore   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Records r = add_records (f->store);
  g_autoptr(DnAttachment) att = add_pdf (f, &r, "a.pdf", "%PDF-1.4 find\n");
  g_autoptr(DnAttachment) found = NULL;
  g_autofree char *upper = g_ascii_strup (att->sha256, -1);

  found = dn_store_find_attachment (f->store, upper, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, att->id);
  g_clear_object (&found);
  found = dn_store_find_attachment (f->store, "00", &error);
  g_assert_null (found);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* back to version 6's layout, then opened again */
  dn_test_exec (f->store,
                "DROP TABLE account_attempt; DROP TABLE account_session; DROP TABLE account; "
                "DROP TABLE report_receipt; DROP TABLE report; DROP TABLE report_header; "
                "DROP TRIGGER attachment_unlinked_document; DROP TRIGGER attachment_unlinked_task; "
                "DROP TRIGGER attachment_unlinked_delegation; "
                "DROP TABLE task_attachment; DROP TABLE delegation_attachment; "
                "DROP TRIGGER search_attachment_del; DROP TABLE search_attachment; "
                "DROP TRIGGER audit_attachment_insert; DROP TRIGGER audit_attachment_update; "
                "DROP TRIGGER audit_attachment_delete; DROP INDEX attachment_pending; "
                "ALTER TABLE attachment DROP COLUMN text_state");
  dn_test_undo_change_log (f->store);
  dn_test_store_close (&f->store);
  dn_test_exec_file (f->path,
                     "INSERT INTO attachment (sha256, file_name, mime_type, size) VALUES "
                     "('" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "', 'x.docx', "
                     "'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 3); "
                     "PRAGMA user_version = 6;");
  dn_test_store_reopen (f);
  g_assert_cmpint (dn_store_get_schema_version (f->store), ==, DN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment WHERE text_state = 'pending'"), ==, 1);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment WHERE text_state = 'not_pdf'"), ==, 1);
  g_assert_true (dn_store_attach (f->store, DN_RECORD_TASK, r.task, att->id, NULL, &error));
  g_assert_no_error (error);
}


/* An upload's bytes: kept once per content under the name given, the type
 * found from that name and the bytes; more than the limit kept nowhere */
static void
test_add_bytes (DnTestStore   *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(DnAttachment) att = NULL;
  g_autoptr(DnAttachment) again = NULL;
  g_autoptr(DnAttachment) refused = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *folder = g_build_filename (dn_store_get_data_dir (f->store), "attachments", NULL);
  gchar *huge;

  att = dn_store_add_attachment_bytes (f->store, pdf, "Kế hoạch.pdf", &error);
  g_assert_no_error (error);
  g_assert_nonnull (att);
  g_assert_cmpstr (att->file_name, ==, "Kế hoạch.pdf");
  g_assert_cmpstr (att->mime_type, ==, "application/pdf");
  g_assert_cmpint (att->size, ==, 15);
  g_assert_cmpint (att->text_state, ==, DN_ATTACHMENT_TEXT_PENDING);
  g_assert_cmpstr (att->sha256, ==, sha256);
  g_assert_true (stored_file_exists (f->store, att));

  again = dn_store_add_attachment_bytes (f->store, pdf, "bản sao.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, att->id);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);

  huge = g_malloc0 (DN_STORE_ATTACHMENT_MAX_SIZE + 1);
  big = g_bytes_new_take (huge, DN_STORE_ATTACHMENT_MAX_SIZE + 1);
  refused = dn_store_add_attachment_bytes (f->store, big, "lớn.bin", &error);
  g_assert_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID);
  g_assert_null (refused);
  g_assert_cmpint (dn_test_query_int (f->store, "SELECT count(*) FROM attachment"), ==, 1);
  g_assert_cmpuint (dn_test_count_files (folder), ==, 1);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int rc;

  g_test_init (&argc, &argv, NULL);
  DN_TEST_ADD ("/attachments/link-unlink-shared", test_link_unlink_shared);
  DN_TEST_ADD ("/attachments/progress-keeps-file", test_progress_keeps_file);
  DN_TEST_ADD ("/attachments/refusals", test_refusals);
  DN_TEST_ADD ("/attachments/record-deleted", test_record_deleted);
  DN_TEST_ADD ("/attachments/index-and-search", test_index_and_search);
  DN_TEST_ADD ("/attachments/text-states", test_text_states);
  DN_TEST_ADD ("/attachments/find-and-migrate", test_find_and_migrate);
  DN_TEST_ADD ("/attachments/add-bytes", test_add_bytes);
  rc = g_test_run ();
  dn_test_remove_tree (home);
  return rc;
}
