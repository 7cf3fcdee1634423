/* dn-store-attachments.c: files attached to documents, tasks and
 * delegations, and the text of attached PDF files in the search
 *
 * A file is stored once, by its SHA-256 (dn_store_add_attachment() in
 * dn-store-documents.c); each record that shows it has a row in its link
 * table (schema/007-attachments.sql). A file goes from the data folder only
 * when nothing refers to it any more: no link and no progress entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-store-private.h"
#include "dn-text.h"

/* search_attachment's rowid: attachment id * PAGE_SPAN + page */
#define PAGE_SPAN G_GINT64_CONSTANT (1048576)

/* What differs between the record kinds that take files; every statement a
 * literal, as the statement cache wants. */
typedef struct
{
  DnRecordKind kind;
  const char *exists;
  const char *link;
  const char *unlink;
  const char *list;
} Owner;

static const Owner owners[] = {
  { DN_RECORD_DOCUMENT,
    "SELECT count(*) FROM document WHERE id = ?",
    "INSERT INTO document_attachment (document_id, attachment_id, file_name) VALUES (?, ?, ?) "
    "ON CONFLICT DO UPDATE SET file_name = excluded.file_name",
    "DELETE FROM document_attachment WHERE document_id = ? AND attachment_id = ?",
    "SELECT " _DN_ATTACHMENT_COLUMNS ("l.file_name") " FROM document_attachment l "
    "JOIN attachment a ON a.id = l.attachment_id WHERE l.document_id = ? ORDER BY l.rowid" },
  { DN_RECORD_TASK,
    "SELECT count(*) FROM task WHERE id = ? AND deleted = 0",
    "INSERT INTO task_attachment (task_id, attachment_id, file_name) VALUES (?, ?, ?) "
    "ON CONFLICT DO UPDATE SET file_name = excluded.file_name",
    "DELETE FROM task_attachment WHERE task_id = ? AND attachment_id = ?",
    "SELECT " _DN_ATTACHMENT_COLUMNS ("l.file_name") " FROM task_attachment l "
    "JOIN attachment a ON a.id = l.attachment_id WHERE l.task_id = ? ORDER BY l.rowid" },
  { DN_RECORD_DELEGATION,
    "SELECT count(*) FROM delegation WHERE id = ?",
    "INSERT INTO delegation_attachment (delegation_id, attachment_id, file_name) VALUES (?, ?, ?) "
    "ON CONFLICT DO UPDATE SET file_name = excluded.file_name",
    "DELETE FROM delegation_attachment WHERE delegation_id = ? AND attachment_id = ?",
    "SELECT " _DN_ATTACHMENT_COLUMNS ("l.file_name") " FROM delegation_attachment l "
    "JOIN attachment a ON a.id = l.attachment_id WHERE l.delegation_id = ? ORDER BY l.rowid" },
};

gboolean
dn_record_kind_takes_attachments (DnRecordKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    if (owners[i].kind == kind)
      return TRUE;
  return FALSE;
}

static const Owner *
owner_for (DnRecordKind   kind,
           GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    if (owners[i].kind == kind)
      return &owners[i];
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
               _("Files are attached to documents, tasks and delegations only."));
  return NULL;
}

/* The record exists; else FALSE with DN_STORE_ERROR_NOT_FOUND. */
static gboolean
check_owner (DnStore      *self,
             const Owner  *owner,
             gint64        record_id,
             GError      **error)
{
  gint64 n = 0;

  if (!_dn_store_read_int (self, owner->exists, &n, error, DN_INT (record_id), DN_END))
    return FALSE;
  if (n > 0)
    return TRUE;
  switch (owner->kind)
    {
    case DN_RECORD_DOCUMENT:
      return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no document #%lld."), (long long) record_id);
    case DN_RECORD_TASK:
      return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no task #%lld."), (long long) record_id);
    case DN_RECORD_DELEGATION:
    default:
      return _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("There is no delegation #%lld."),
                         (long long) record_id);
    }
}

static char *
link_name (const char   *file_name,
           DnAttachment *attachment)
{
  const char *name = file_name != NULL && *file_name != '\0' ? file_name : attachment->file_name;
  char *normalized = dn_text_normalize (name, -1, TRUE);
  guint limit = _dn_store_text_limit ("attachment", "file_name");

  if (normalized == NULL || *normalized == '\0')
    {
      g_free (normalized);
      return g_strdup (attachment->file_name);
    }
  if (g_utf8_strlen (normalized, -1) > (glong) limit)
    {
      /* keep the end, where the extension is */
      const char *end = normalized + strlen (normalized);
      char *kept = g_strdup (g_utf8_offset_to_pointer (end, -(glong) limit));

      g_free (normalized);
      return kept;
    }
  return normalized;
}

gboolean
dn_store_attach (DnStore       *self,
                 DnRecordKind   kind,
                 gint64         record_id,
                 gint64         attachment_id,
                 const char    *file_name,
                 GError       **error)
{
  const Owner *owner;
  g_autoptr(DnAttachment) attachment = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  owner = owner_for (kind, error);
  if (owner == NULL || !check_owner (self, owner, record_id, error))
    return FALSE;
  attachment = dn_store_get_attachment (self, attachment_id, error);
  if (attachment == NULL)
    return FALSE;
  name = link_name (file_name, attachment);
  return _dn_store_write_committed (self, owner->link, error, DN_INT (record_id), DN_INT (attachment_id),
                                    DN_TEXT (name), DN_END);
}

DnAttachment *
dn_store_attach_file (DnStore       *self,
                      DnRecordKind   kind,
                      gint64         record_id,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const Owner *owner;
  g_autoptr(DnAttachment) attachment = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  owner = owner_for (kind, error);
  if (owner == NULL || !check_owner (self, owner, record_id, error))
    return NULL;
  if (!dn_store_begin (self, error))
    return NULL;
  attachment = dn_store_add_attachment (self, file, cancellable, error);
  ok = attachment != NULL;
  if (ok)
    {
      /* the name of this file, not that of the same content added before */
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      name = link_name (info != NULL ? g_file_info_get_display_name (info) : NULL, attachment);
      ok = _dn_store_write (self, owner->link, error, DN_INT (record_id), DN_INT (attachment->id),
                            DN_TEXT (name), DN_END);
    }
  if (!_dn_store_finish (self, ok, error))
    return NULL;
  _dn_set_text (&attachment->file_name, name);
  return g_steal_pointer (&attachment);
}

gboolean
dn_store_detach (DnStore       *self,
                 DnRecordKind   kind,
                 gint64         record_id,
                 gint64         attachment_id,
                 GError       **error)
{
  const Owner *owner;
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean ok;
  gint64 left = 1;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  owner = owner_for (kind, error);
  if (owner == NULL)
    return FALSE;
  attachment = dn_store_get_attachment (self, attachment_id, error);
  if (attachment == NULL || !dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_write (self, owner->unlink, error, DN_INT (record_id), DN_INT (attachment_id), DN_END);
  if (ok && sqlite3_changes (_dn_store_get_db (self)) == 0)
    ok = _dn_refuse (error, DN_STORE_ERROR_NOT_FOUND, _("“%s” is not attached to this record."),
                     attachment->file_name);
  /* the row goes with the last reference; its text with it (trigger) */
  ok = ok && _dn_store_write (self,
                              "DELETE FROM attachment WHERE id = ?1 "
                              "AND NOT EXISTS (SELECT 1 FROM document_attachment WHERE attachment_id = ?1) "
                              "AND NOT EXISTS (SELECT 1 FROM task_attachment WHERE attachment_id = ?1) "
                              "AND NOT EXISTS (SELECT 1 FROM delegation_attachment WHERE attachment_id = ?1) "
                              "AND NOT EXISTS (SELECT 1 FROM progress WHERE attachment_id = ?1)",
                              error, DN_INT (attachment_id), DN_END);
  if (!_dn_store_finish (self, ok, error))
    return FALSE;
  /* the file only once the row is gone for good */
  if (sqlite3_get_autocommit (_dn_store_get_db (self)) &&
      _dn_store_read_int (self, "SELECT count(*) FROM attachment WHERE sha256 = ?", &left, NULL,
                          DN_TEXT (attachment->sha256), DN_END) &&
      left == 0)
    {
      g_autoptr(GError) local_error = NULL;

      file = dn_store_get_attachment_file (self, attachment);
      if (!g_file_delete (file, NULL, &local_error) && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Cannot remove the attached file %s: %s", attachment->sha256, local_error->message);
    }
  return TRUE;
}

GPtrArray *
dn_store_list_attachments (DnStore       *self,
                           DnRecordKind   kind,
                           gint64         record_id,
                           GError       **error)
{
  const Owner *owner;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  owner = owner_for (kind, error);
  if (owner == NULL)
    return NULL;
  return _dn_store_read_all (self, owner->list, &_dn_attachment_row, error, DN_INT (record_id), DN_END);
}

DnAttachment *
dn_store_find_attachment (DnStore     *self,
                          const char  *sha256,
                          GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);
  lower = g_ascii_strdown (sha256, -1);
  return _dn_store_read_one (self,
                             "SELECT " _DN_ATTACHMENT_COLUMNS ("a.file_name") " FROM attachment a WHERE a.sha256 = ?",
                             &_dn_attachment_row, _("There is no attached file with that SHA-256."), error,
                             DN_TEXT (lower), DN_END);
}

/*
 * The text of PDF files
 */

GPtrArray *
dn_store_list_pending_attachments (DnStore  *self,
                                   guint     limit,
                                   GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self,
                             "SELECT " _DN_ATTACHMENT_COLUMNS ("a.file_name") " FROM attachment a "
                             "WHERE a.text_state = 'pending' ORDER BY a.id LIMIT ?",
                             &_dn_attachment_row, error, DN_INT (limit), DN_END);
}

gint64
dn_store_count_pending_attachments (DnStore  *self,
                                    GError  **error)
{
  gint64 n = -1;

  g_return_val_if_fail (DN_IS_STORE (self), -1);
  if (!_dn_store_read_int (self, "SELECT count(*) FROM attachment WHERE text_state = 'pending'", &n, error, DN_END))
    return -1;
  return n;
}

/* A page says something when it holds a letter or a digit: a scan's pages
 * hold nothing, or only the white space poppler puts between images. */
static gboolean
has_words (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
dn_store_set_attachment_pages (DnStore                *self,
                               gint64                  attachment_id,
                               const char * const     *pages,
                               guint                   n_pages,
                               DnAttachmentTextState  *state,
                               GError                **error)
{
  DnAttachmentTextState found = DN_ATTACHMENT_TEXT_NO_TEXT;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pages != NULL || n_pages == 0, FALSE);

  if (n_pages >= PAGE_SPAN)
    return _dn_invalid (error, _("The file has too many pages to be searched."));
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_write (self, "DELETE FROM search_attachment WHERE rowid BETWEEN ?1 * 1048576 AND ?1 * 1048576 + 1048575",
                        error, DN_INT (attachment_id), DN_END);
  for (guint i = 0; ok && i < n_pages; i++)
    {
      g_autofree char *text = NULL;

      if (!has_words (pages[i]))
        continue;
      /* the index folds as the search does: one form of each letter */
      text = g_utf8_validate (pages[i], -1, NULL) ? dn_text_normalize (pages[i], -1, FALSE)
                                                  : g_utf8_make_valid (pages[i], -1);
      found = DN_ATTACHMENT_TEXT_INDEXED;
      ok = _dn_store_write (self, "INSERT INTO search_attachment (rowid, body) VALUES (?, ?)", error,
                            DN_INT (attachment_id * PAGE_SPAN + i + 1), DN_TEXT (text), DN_END);
    }
  ok = ok && _dn_store_save (self, "UPDATE attachment SET text_state = ?2 WHERE id = ?1", &attachment_id, FALSE,
                             _("The attached file no longer exists."), error,
                             DN_TEXT (dn_attachment_text_state_to_string (found)), DN_END);
  if (!_dn_store_finish (self, ok, error))
    return FALSE;
  if (state != NULL)
    *state = found;
  return TRUE;
}

gboolean
dn_store_set_attachment_text_state (DnStore                *self,
                                    gint64                  attachment_id,
                                    DnAttachmentTextState   state,
                                    GError                **error)
{
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) state < DN_ATTACHMENT_TEXT_N, FALSE);

  if (state == DN_ATTACHMENT_TEXT_INDEXED)
    return _dn_invalid (error, _("A file's text is indexed with its pages."));
  if (!dn_store_begin (self, error))
    return FALSE;
  ok = _dn_store_write (self, "DELETE FROM search_attachment WHERE rowid BETWEEN ?1 * 1048576 AND ?1 * 1048576 + 1048575",
                        error, DN_INT (attachment_id), DN_END) &&
       _dn_store_save (self, "UPDATE attachment SET text_state = ?2 WHERE id = ?1", &attachment_id, FALSE,
                       _("The attached file no longer exists."), error,
                       DN_TEXT (dn_attachment_text_state_to_string (state)), DN_END);
  return _dn_store_finish (self, ok, error);
}

/* The words around the match, on one line. */
static char *
one_line (const char *snippet)
{
  g_autofree char *text = g_strdup (snippet != NULL ? snippet : "");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  const DnSearchHit *x = *(DnSearchHit * const *) a;
  const DnSearchHit *y = *(DnSearchHit * const *) b;

  if (x->id != y->id)
    return x->id < y->id ? 1 : -1;
  return x->page - y->page;
}

gboolean
_dn_store_search_attachments (DnStore     *self,
                              const char  *match,
                              guint        limit,
                              GPtrArray   *hits,
                              GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (limit == 0)
    return TRUE;
  /* newest file first (rowid order, bounded); pages put in order below */
  stmt = _dn_store_prepare (self,
                            "SELECT s.rowid, a.id, a.sha256, a.file_name, "
                            "snippet(search_attachment, 0, '', '', '…', 12) "
                            "FROM search_attachment s JOIN attachment a ON a.id = s.rowid / 1048576 "
                            "WHERE search_attachment MATCH ? ORDER BY s.rowid DESC LIMIT ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  _dn_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, (guint) G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DnSearchHit *hit = dn_search_hit_new ();

      hit->kind = DN_RECORD_ATTACHMENT;
      hit->id = sqlite3_column_int64 (stmt, 1);
      hit->page = (int) (sqlite3_column_int64 (stmt, 0) % PAGE_SPAN);
      _dn_column_take_text (stmt, 2, &hit->sha256);
      _dn_column_take_text (stmt, 3, &hit->title);
      g_free (hit->detail);
      hit->detail = one_line ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (found, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dn_store_set_error (self, rc, error);
      return FALSE;
    }
  g_ptr_array_sort (found, compare_pages);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (hits, g_object_ref (found->pdata[i]));
  return TRUE;
}

GPtrArray *
dn_store_list_attachment_pages (DnStore  *self,
                                gint64    attachment_id,
                                GError  **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare_with (self, "SELECT rowid - ?1 * 1048576, body FROM search_attachment "
                                       "WHERE rowid BETWEEN ?1 * 1048576 + 1 AND ?1 * 1048576 + 1048575 ORDER BY rowid",
                                 error, DN_INT (attachment_id), DN_END);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 page = sqlite3_column_int64 (stmt, 0);

      /* pages without text have no row: "" in their place */
      while ((gint64) pages->len < page - 1)
        g_ptr_array_add (pages, g_strdup (""));
      g_ptr_array_add (pages, _dn_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return NULL;
  return g_steal_pointer (&pages);
}

GPtrArray *
dn_store_list_unsearched_attachments (DnStore  *self,
                                      guint     limit,
                                      GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  return _dn_store_read_all (self, "SELECT " _DN_ATTACHMENT_COLUMNS ("a.file_name") " FROM attachment a "
                                   "WHERE a.text_state = 'indexed' "
                                   "AND NOT EXISTS (SELECT 1 FROM search_attachment s WHERE s.rowid BETWEEN "
                                   "a.id * 1048576 AND a.id * 1048576 + 1048575) ORDER BY a.id LIMIT ?",
                             &_dn_attachment_row, error, DN_INT (limit), DN_END);
}

gboolean
dn_store_keep_server_pages (DnStore             *self,
                            gint64               attachment_id,
                            const char * const  *pages,
                            guint                n_pages,
                            GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!_dn_store_allow_replica_writes (self, TRUE, error))
    return FALSE;
  /* the server's: not a change of this copy */
  _dn_store_set_audit (self, FALSE);
  ok = dn_store_set_attachment_pages (self, attachment_id, pages, n_pages, NULL, error);
  _dn_store_set_audit (self, TRUE);
  _dn_store_allow_replica_writes (self, FALSE, NULL);
  return ok;
}
