/* dn-store-documents.c: official documents and their attached files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-date.h"
#include "dn-store-private.h"
#include "dn-text.h"

#define DOCUMENT_COLUMNS \
  "d.id, d.direction, d.type, d.number, d.symbol, d.issue_date, d.issuer, d.subject, d.signer, d.recipients, " \
  "d.classification, d.arrival_number, d.arrival_date, d.urgency, d.receiver, d.file_copy_holder, " \
  "coalesce (d.copies, 0), d.passed_on, d.notes"

static const DnRow document_row = {
  dn_document_get_type,
  { DN_COLUMN (INT64, DnDocument, id), DN_ENUM_COLUMN (DnDocument, direction, dn_direction_from_string),
    DN_ENUM_COLUMN (DnDocument, type, dn_document_type_from_string), DN_COLUMN (TEXT, DnDocument, number),
    DN_COLUMN (TEXT, DnDocument, symbol), DN_COLUMN (DATE, DnDocument, issue_date),
    DN_COLUMN (TEXT, DnDocument, issuer), DN_COLUMN (TEXT, DnDocument, subject), DN_COLUMN (TEXT, DnDocument, signer),
    DN_COLUMN (TEXT, DnDocument, recipients),
    DN_ENUM_COLUMN (DnDocument, classification, dn_classification_from_string),
    DN_COLUMN (INT, DnDocument, arrival_number), DN_COLUMN (DATE, DnDocument, arrival_date),
    DN_ENUM_COLUMN (DnDocument, urgency, dn_urgency_from_string), DN_COLUMN (TEXT, DnDocument, receiver),
    DN_COLUMN (TEXT, DnDocument, file_copy_holder), DN_COLUMN (INT, DnDocument, copies),
    DN_COLUMN (DATE, DnDocument, passed_on), DN_COLUMN (TEXT, DnDocument, notes) },
};

char *
dn_document_dup_reference (DnDocument *document)
{
  g_return_val_if_fail (DN_IS_DOCUMENT (document), NULL);
  if (document->number[0] == '\0')
    return g_strdup (document->symbol);
  if (document->symbol[0] == '\0')
    return g_strdup (document->number);
  return g_strdup_printf ("%s/%s", document->number, document->symbol);
}

static gboolean
validate_document (DnDocument  *doc,
                   GError     **error)
{
  if (!_dn_normalize_field (&doc->number, "document", "number", _("document number"), FALSE, error) ||
      !_dn_normalize_field (&doc->symbol, "document", "symbol", _("document symbol"), FALSE, error) ||
      !_dn_normalize_field (&doc->issuer, "document", "issuer", _("issuer"), FALSE, error) ||
      !_dn_normalize_field (&doc->subject, "document", "subject", _("subject"), TRUE, error) ||
      !_dn_normalize_field (&doc->signer, "document", "signer", _("signer"), FALSE, error) ||
      !_dn_normalize_field (&doc->recipients, "document", "recipients", _("recipients"), FALSE, error) ||
      !_dn_normalize_field (&doc->receiver, "document", "receiver", _("receiver"), FALSE, error) ||
      !_dn_normalize_field (&doc->file_copy_holder, "document", "file_copy_holder", _("file copy holder"), FALSE,
                            error) ||
      !_dn_normalize_field (&doc->notes, "document", "notes", _("notes"), FALSE, error))
    return FALSE;
  if ((guint) doc->direction >= DN_DIRECTION_N || (guint) doc->type >= DN_DOCUMENT_TYPE_N ||
      (guint) doc->classification >= DN_CLASSIFICATION_N || (guint) doc->urgency >= DN_URGENCY_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown kind of document."));
      return FALSE;
    }
  if (!_dn_check_date (&doc->issue_date, FALSE, error, _("The issue date must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR) ||
      !_dn_check_date (&doc->arrival_date, FALSE, error, _("The arrival date must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR) ||
      !_dn_check_date (&doc->passed_on, FALSE, error, _("The date passed on must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR))
    return FALSE;
  if (doc->arrival_number < 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The arrival number must be positive."));
      return FALSE;
    }
  if (doc->copies < 0 || doc->copies > 100000)
    return _dn_refuse (error, DN_STORE_ERROR_INVALID, _("The number of copies must be between %d and %d."), 1, 100000);
  return TRUE;
}

static gboolean
save_row (DnStore     *self,
          DnDocument  *doc,
          gboolean     is_new,
          GError     **error)
{
  return _dn_store_save (self,
                         is_new
                         ? "INSERT INTO document (id, direction, type, number, symbol, issue_date, "
                           "issuer, subject, signer, recipients, classification, arrival_number, "
                           "arrival_date, urgency, receiver, file_copy_holder, copies, passed_on, notes) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                         : "UPDATE document SET direction = ?2, type = ?3, number = ?4, symbol = ?5, "
                           "issue_date = ?6, issuer = ?7, subject = ?8, signer = ?9, "
                           "recipients = ?10, classification = ?11, arrival_number = ?12, "
                           "arrival_date = ?13, urgency = ?14, receiver = ?15, file_copy_holder = ?16, "
                           "copies = ?17, passed_on = ?18, notes = ?19 WHERE id = ?1",
                         &doc->id, is_new, _("The document no longer exists."), error,
                         DN_TEXT (dn_direction_to_string (doc->direction)),
                         DN_TEXT (dn_document_type_to_string (doc->type)),
                         DN_TEXT (doc->number), DN_TEXT (doc->symbol), DN_DATE (&doc->issue_date),
                         DN_TEXT (doc->issuer), DN_TEXT (doc->subject), DN_TEXT (doc->signer),
                         DN_TEXT (doc->recipients),
                         DN_TEXT (dn_classification_to_string (doc->classification)),
                         DN_ID (doc->arrival_number), DN_DATE (&doc->arrival_date),
                         DN_TEXT (dn_urgency_to_string (doc->urgency)), DN_TEXT (doc->receiver),
                         DN_TEXT (doc->file_copy_holder), DN_ID (doc->copies), DN_DATE (&doc->passed_on),
                         DN_TEXT (doc->notes), DN_END);
}

static gboolean
save_document (DnStore     *self,
               DnDocument  *doc,
               gboolean     is_new,
               GError     **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_DOCUMENT (doc), FALSE);

  if (!validate_document (doc, error) || !dn_store_begin (self, error))
    return FALSE;
  return _dn_store_finish (self, save_row (self, doc, is_new, error), error);
}

_DN_STORE_DEFINE_ADD_UPDATE (DnDocument, document)
_DN_STORE_DEFINE_DELETE (document, "document")
_DN_STORE_DEFINE_GET (DnDocument, document, "SELECT " DOCUMENT_COLUMNS " FROM document d WHERE d.id = ?", &document_row,
                      _("There is no document #%lld."))

/* Newest first, documents without a date last; pages by key (issue date,
 * id) like dn_store_list_people(). */
GPtrArray *
dn_store_list_documents (DnStore     *self,
                         DnDocument  *after,
                         guint        limit,
                         GError     **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (after == NULL || DN_IS_DOCUMENT (after), NULL);
  if (after == NULL)
    return _dn_store_read_all (self, "SELECT " DOCUMENT_COLUMNS " FROM document d ORDER BY d.issue_date DESC, d.id DESC LIMIT ?",
                               &document_row, error, DN_INT (limit), DN_END);
  if (!g_date_valid (&after->issue_date))
    return _dn_store_read_all (self,
                               "SELECT " DOCUMENT_COLUMNS " FROM document d WHERE d.issue_date IS NULL AND d.id < ?2 "
                               "ORDER BY d.id DESC LIMIT ?1",
                               &document_row, error, DN_INT (limit), DN_INT (after->id), DN_END);
  /* the dated ones after the key, then every undated one (NULL sorts last
   * when descending) */
  return _dn_store_read_all (self,
                             "SELECT " DOCUMENT_COLUMNS " FROM document d WHERE (d.issue_date, d.id) < (?2, ?3) "
                             "OR d.issue_date IS NULL ORDER BY d.issue_date DESC, d.id DESC LIMIT ?1",
                             &document_row, error, DN_INT (limit), DN_DATE (&after->issue_date),
                             DN_INT (after->id), DN_END);
}

/*
 * The registers
 */

/* The first day of @year and of the year after, for the index. */
static void
year_bounds (int    year,
             GDate *first,
             GDate *next)
{
  g_date_clear (first, 1);
  g_date_clear (next, 1);
  g_date_set_dmy (first, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (next, 1, G_DATE_JANUARY, (GDateYear) year + 1);
}

int
dn_store_next_document_number (DnStore              *self,
                               DnDocumentDirection   direction,
                               int                   year,
                               gboolean              secret,
                               GError              **error)
{
  GDate first, next;
  sqlite3_stmt *stmt;
  gint64 last = 0;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), 0);
  g_return_val_if_fail (direction == DN_DIRECTION_INCOMING || direction == DN_DIRECTION_OUTGOING, 0);
  if (year < DN_DATE_MIN_YEAR || year >= DN_DATE_MAX_YEAR)
    {
      _dn_refuse (error, DN_STORE_ERROR_INVALID, _("The year must be between %d and %d."),
                  DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR - 1);
      return 0;
    }
  year_bounds (year, &first, &next);
  stmt = _dn_store_prepare_with (self,
                                 direction == DN_DIRECTION_OUTGOING
                                 ? "SELECT max (CAST (number AS INTEGER)) FROM document "
                                   "WHERE direction = 'outgoing' AND issue_date >= ?1 AND issue_date < ?2 "
                                   "AND (classification <> 'normal') = ?3"
                                 : "SELECT max (arrival_number) FROM document "
                                   "WHERE direction = 'incoming' AND arrival_date >= ?1 AND arrival_date < ?2 "
                                   "AND (classification <> 'normal') = ?3",
                                 error, DN_DATE (&first), DN_DATE (&next), DN_INT (secret ? 1 : 0), DN_END);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      last = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (!_dn_store_check_step (self, rc, error))
    return 0;
  return (int) CLAMP (last, 0, G_MAXINT - 1) + 1;
}

/* Another document with the same number, symbol and issuer in the same
 * year and sequence (secret ones have theirs): its id, else 0 (-1 on
 * error). */
static gint64
find_duplicate (DnStore     *self,
                DnDocument  *doc,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  if (doc->number[0] == '\0' && doc->symbol[0] == '\0')
    return 0;
  stmt = _dn_store_prepare_with (self,
                                 "SELECT id FROM document INDEXED BY document_ref "
                                 "WHERE number = ?1 AND symbol = ?2 AND issuer = ?3 AND id IS NOT ?4 "
                                 "AND (?5 IS NULL OR issue_date IS NULL OR substr (issue_date, 1, 4) = substr (?5, 1, 4)) "
                                 "AND (classification <> 'normal') = ?6 ORDER BY id LIMIT 1",
                                 error, DN_TEXT (doc->number), DN_TEXT (doc->symbol), DN_TEXT (doc->issuer),
                                 DN_ID (doc->id), DN_DATE (&doc->issue_date),
                                 DN_INT (dn_document_is_secret (doc) ? 1 : 0), DN_END);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  return _dn_store_check_step (self, rc, error) ? found : -1;
}

/* Numbers what @doc lacks (in the caller's transaction). */
static gboolean
assign_numbers (DnStore     *self,
                DnDocument  *doc,
                GError     **error)
{
  gboolean secret = dn_document_is_secret (doc);
  int next;

  if (doc->direction == DN_DIRECTION_OUTGOING && doc->number[0] == '\0')
    {
      if (!g_date_valid (&doc->issue_date))
        return _dn_invalid (error, _("An outgoing document needs its date to be given a number."));
      next = dn_store_next_document_number (self, DN_DIRECTION_OUTGOING, g_date_get_year (&doc->issue_date), secret,
                                            error);
      if (next == 0)
        return FALSE;
      g_free (doc->number);
      doc->number = dn_document_format_number (next);
    }
  if (doc->direction == DN_DIRECTION_INCOMING && doc->arrival_number == 0 && g_date_valid (&doc->arrival_date))
    {
      next = dn_store_next_document_number (self, DN_DIRECTION_INCOMING, g_date_get_year (&doc->arrival_date), secret,
                                            error);
      if (next == 0)
        return FALSE;
      doc->arrival_number = next;
    }
  return TRUE;
}

gboolean
dn_store_register_document (DnStore     *self,
                            DnDocument  *document,
                            gboolean     confirmed,
                            GError     **error)
{
  g_autoptr(DnDocument) copy = NULL;
  gboolean is_new;
  gint64 duplicate;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_DOCUMENT (document), FALSE);

  if (!validate_document (document, error) || !dn_store_begin (self, error))
    return FALSE;
  is_new = document->id == 0;
  /* numbered on a copy: a refusal leaves the caller's record as it was */
  copy = dn_document_new ();
  copy->id = document->id;
  copy->direction = document->direction;
  copy->classification = document->classification;
  copy->issue_date = document->issue_date;
  copy->arrival_date = document->arrival_date;
  copy->arrival_number = document->arrival_number;
  _dn_set_text (&copy->number, document->number);
  ok = assign_numbers (self, copy, error);
  if (ok)
    {
      _dn_set_text (&copy->symbol, document->symbol);
      _dn_set_text (&copy->issuer, document->issuer);
      duplicate = find_duplicate (self, copy, error);
      ok = duplicate >= 0;
      if (ok && duplicate > 0 && !confirmed)
        {
          g_autofree char *reference = dn_document_dup_reference (copy);

          ok = copy->issuer[0] != '\0'
               ? _dn_refuse (error, DN_STORE_ERROR_WARNING,
                             _("“%s” of %s is already in the register (document #%lld)."),
                             reference, copy->issuer, (long long) duplicate)
               : _dn_refuse (error, DN_STORE_ERROR_WARNING,
                             _("“%s” is already in the register (document #%lld)."),
                             reference, (long long) duplicate);
        }
    }
  if (ok)
    {
      g_autofree char *number = g_strdup (document->number);
      int arrival_number = document->arrival_number;

      _dn_set_text (&document->number, copy->number);
      document->arrival_number = copy->arrival_number;
      ok = save_row (self, document, is_new, error);
      if (!ok)
        {
          _dn_set_text (&document->number, number);
          document->arrival_number = arrival_number;
          if (is_new)
            document->id = 0;
        }
    }
  return _dn_store_finish (self, ok, error);
}

void
dn_document_query_init (DnDocumentQuery *query)
{
  g_return_if_fail (query != NULL);
  memset (query, 0, sizeof *query);
  query->direction = -1;
  query->type = -1;
  query->urgency = -1;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The list's SQL with only the filters @query uses: ?1 direction, ?2 type,
 * ?3 first day of the year, ?4 the year after, ?5 issuer (folded words), ?6
 * urgency, ?7 FTS query; ?8, ?9 the key of the record before the page;
 * ?10 its length. A year is that of the register: the arrival of an
 * incoming document, the date of the others. */
static sqlite3_stmt *
prepare_query (DnStore                *self,
               const char             *select,
               const DnDocumentQuery  *query,
               DnDocument             *after,
               gint64                  limit,
               GError                **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autofree char *match = query->text != NULL ? dn_text_fts_query (query->text) : NULL;
  g_autofree char *sql_text = NULL;
  sqlite3_stmt *stmt;
  GDate first, next;

  g_string_append (sql, " FROM document d WHERE 1");
  if (query->direction >= 0 && query->direction < DN_DIRECTION_N)
    g_string_append (sql, " AND d.direction = ?1");
  if (query->type >= 0 && query->type < DN_DOCUMENT_TYPE_N)
    g_string_append (sql, " AND d.type = ?2");
  if (query->year > 0)
    g_string_append (sql, " AND CASE WHEN d.direction = 'incoming' AND d.arrival_date IS NOT NULL "
                          "THEN d.arrival_date ELSE d.issue_date END >= ?3 "
                          "AND CASE WHEN d.direction = 'incoming' AND d.arrival_date IS NOT NULL "
                          "THEN d.arrival_date ELSE d.issue_date END < ?4");
  if (nonempty (query->issuer) != NULL)
    g_string_append (sql, " AND dn_fts_match (?5, d.issuer, '')");
  if (query->urgency >= 0 && query->urgency < DN_URGENCY_N)
    g_string_append (sql, " AND d.urgency = ?6");
  if (match != NULL)
    g_string_append (sql, " AND d.id IN (SELECT rowid / 8 FROM search WHERE search MATCH ?7 AND rowid % 8 = 2)");
  if (!query->include_secret)
    g_string_append (sql, " AND d.classification = 'normal'");
  if (after != NULL)
    g_string_append (sql, g_date_valid (&after->issue_date)
                          ? " AND ((d.issue_date, d.id) < (?8, ?9) OR d.issue_date IS NULL)"
                          : " AND d.issue_date IS NULL AND d.id < ?9");
  g_string_append (sql, " ORDER BY d.issue_date DESC, d.id DESC");
  if (limit > 0)
    g_string_append (sql, " LIMIT ?10");

  sql_text = g_string_free (g_steal_pointer (&sql), FALSE);
  /* a few dozen shapes at most (one per set of filters): the store's cache
   * keeps their statements, keyed by a text that must outlive it */
  stmt = _dn_store_prepare (self, g_intern_string (sql_text), error);
  if (stmt == NULL)
    return NULL;
  if (query->direction >= 0 && query->direction < DN_DIRECTION_N)
    _dn_bind_text (stmt, 1, dn_direction_to_string (query->direction));
  if (query->type >= 0 && query->type < DN_DOCUMENT_TYPE_N)
    _dn_bind_text (stmt, 2, dn_document_type_to_string (query->type));
  if (query->year > 0)
    {
      year_bounds (CLAMP (query->year, DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR - 1), &first, &next);
      _dn_bind_date (stmt, 3, &first);
      _dn_bind_date (stmt, 4, &next);
    }
  if (nonempty (query->issuer) != NULL)
    _dn_bind_text (stmt, 5, query->issuer);
  if (query->urgency >= 0 && query->urgency < DN_URGENCY_N)
    _dn_bind_text (stmt, 6, dn_urgency_to_string (query->urgency));
  if (match != NULL)
    _dn_bind_text (stmt, 7, match);
  if (after != NULL)
    {
      if (g_date_valid (&after->issue_date))
        _dn_bind_date (stmt, 8, &after->issue_date);
      sqlite3_bind_int64 (stmt, 9, after->id);
    }
  if (limit > 0)
    sqlite3_bind_int64 (stmt, 10, limit);
  return stmt;
}

GPtrArray *
dn_store_query_documents (DnStore                *self,
                          const DnDocumentQuery  *query,
                          DnDocument             *after,
                          guint                   limit,
                          GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (after == NULL || DN_IS_DOCUMENT (after), NULL);

  stmt = prepare_query (self, "SELECT " DOCUMENT_COLUMNS, query, after, limit, error);
  return stmt != NULL ? _dn_store_collect (self, stmt, &document_row, error) : NULL;
}

GArray *
dn_store_list_document_ids (DnStore                *self,
                            const DnDocumentQuery  *query,
                            GError                **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = prepare_query (self, "SELECT d.id", query, NULL, -1, error);
  if (stmt == NULL || !_dn_store_collect_ids (self, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

_DN_STORE_DEFINE_GET_BY_IDS (DnDocument, documents, "SELECT " DOCUMENT_COLUMNS " FROM document d WHERE d.id",
                             &document_row)

GPtrArray *
dn_store_list_register (DnStore              *self,
                        DnDocumentDirection   direction,
                        int                   year,
                        gboolean              include_secret,
                        GError              **error)
{
  GDate first, next;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (direction == DN_DIRECTION_INCOMING || direction == DN_DIRECTION_OUTGOING, NULL);

  year_bounds (CLAMP (year, DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR - 1), &first, &next);
  if (direction == DN_DIRECTION_OUTGOING)
    return _dn_store_read_all (self,
                               "SELECT " DOCUMENT_COLUMNS " FROM document d "
                               "WHERE d.direction = 'outgoing' AND d.issue_date >= ?1 AND d.issue_date < ?2 "
                               "AND (?3 OR d.classification = 'normal') "
                               "ORDER BY d.classification <> 'normal', CAST (d.number AS INTEGER), d.issue_date, d.id",
                               &document_row, error, DN_DATE (&first), DN_DATE (&next),
                               DN_INT (include_secret ? 1 : 0), DN_END);
  return _dn_store_read_all (self,
                             "SELECT " DOCUMENT_COLUMNS " FROM document d "
                             "WHERE d.direction = 'incoming' AND d.arrival_date >= ?1 AND d.arrival_date < ?2 "
                             "AND (?3 OR d.classification = 'normal') "
                             "ORDER BY d.classification <> 'normal', d.arrival_number, d.arrival_date, d.id",
                             &document_row, error, DN_DATE (&first), DN_DATE (&next),
                             DN_INT (include_secret ? 1 : 0), DN_END);
}

/*
 * Attachments
 */

static char *
normalize_file_name (const char *name)
{
  char *normalized = name != NULL ? dn_text_normalize (name, -1, TRUE) : NULL;

  if (normalized == NULL || *normalized == '\0')
    {
      g_free (normalized);
      return g_strdup (_("file"));
    }
  if (g_utf8_strlen (normalized, -1) > (glong) _dn_store_text_limit ("attachment", "file_name"))
    {
      /* keep the end, where the extension is */
      const char *end = normalized + strlen (normalized);
      const char *start = g_utf8_offset_to_pointer (end, -(glong) _dn_store_text_limit ("attachment", "file_name"));
      char *kept = g_strdup (start);
      g_free (normalized);
      return kept;
    }
  return normalized;
}

/* the columns of _DN_ATTACHMENT_COLUMNS (dn-store-private.h) */
const DnRow _dn_attachment_row = {
  dn_attachment_get_type,
  { DN_COLUMN (INT64, DnAttachment, id), DN_COLUMN (TEXT, DnAttachment, sha256),
    DN_COLUMN (TEXT, DnAttachment, file_name), DN_COLUMN (TEXT, DnAttachment, mime_type),
    DN_COLUMN (INT64, DnAttachment, size),
    DN_ENUM_COLUMN (DnAttachment, text_state, dn_attachment_text_state_from_string) },
};

static GFile *
attachment_file_for (DnStore    *self,
                     const char *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };
  g_autofree char *path = g_build_filename (dn_store_get_data_dir (self), "attachments", prefix, sha256, NULL);
  return g_file_new_for_path (path);
}

GFile *
dn_store_get_attachment_file (DnStore      *self,
                              DnAttachment *attachment)
{
  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (DN_IS_ATTACHMENT (attachment), NULL);
  return attachment_file_for (self, attachment->sha256);
}

#define ATTACHMENT_SELECT "SELECT " _DN_ATTACHMENT_COLUMNS ("a.file_name") " FROM attachment a "

_DN_STORE_DEFINE_GET (DnAttachment, attachment, ATTACHMENT_SELECT "WHERE a.id = ?", &_dn_attachment_row,
                      _("There is no attached file #%lld."))

/* Keeps @contents under its SHA-256 (the file written once, atomically)
 * and records it as @file_name of type @mime_type, or returns the record
 * of the same content kept before */
static DnAttachment *
add_contents (DnStore       *self,
              const char    *contents,
              gsize          length,
              const char    *file_name,
              const char    *mime_type,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GFile) dest_dir = NULL;
  g_autoptr(DnAttachment) att = NULL;
  g_autofree char *sha256 = NULL;
  const char *mime;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  /* the same content is kept once */
  att = _dn_store_read_one (self, ATTACHMENT_SELECT "WHERE a.sha256 = ?", &_dn_attachment_row, NULL,
                            &local_error, DN_TEXT (sha256), DN_END);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  dest = attachment_file_for (self, sha256);
  dest_dir = g_file_get_parent (dest);
  if (!g_file_query_exists (dest, cancellable))
    {
      if (!g_file_make_directory_with_parents (dest_dir, cancellable, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                       _("Cannot create the attachments folder: %s"), local_error->message);
          return NULL;
        }
      g_clear_error (&local_error);
      /* written to a temporary file and renamed: never half a file */
      if (!g_file_replace_contents (dest, contents, length, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                    NULL, cancellable, &local_error))
        {
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                       _("Cannot copy the file into the data folder: %s"), local_error->message);
          return NULL;
        }
    }
  if (att != NULL)
    return g_steal_pointer (&att);

  mime = mime_type != NULL ? mime_type : "application/octet-stream";
  att = dn_attachment_new ();
  g_free (att->file_name);
  att->file_name = normalize_file_name (file_name);
  _dn_set_text (&att->mime_type, mime);
  /* only a PDF's text is read (dn-store-attachments.c) */
  att->text_state = dn_attachment_is_pdf (att) ? DN_ATTACHMENT_TEXT_PENDING : DN_ATTACHMENT_TEXT_NOT_PDF;
  if (!_dn_store_save_committed (self, "INSERT INTO attachment (id, sha256, file_name, mime_type, size, text_state) "
                                      "VALUES (?, ?, ?, ?, ?, ?)",
                                 &att->id, TRUE, NULL, error,
                                 DN_TEXT (sha256), DN_TEXT (att->file_name), DN_TEXT (mime), DN_INT (length),
                                 DN_TEXT (dn_attachment_text_state_to_string (att->text_state)), DN_END))
    return NULL;
  g_free (att->sha256);
  att->sha256 = g_steal_pointer (&sha256);
  att->size = (gint64) length;
  return g_steal_pointer (&att);
}

static gboolean
refuse_read_only (DnStore  *self,
                  GError  **error)
{
  /* the copy is made before the row is written: not on a read-only store */
  if (!dn_store_is_read_only (self))
    return FALSE;
  g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
               _("The database is open for reading only: nothing was saved."));
  return TRUE;
}

DnAttachment *
dn_store_add_attachment (DnStore       *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *mime_type = NULL;
  gsize length = 0;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (refuse_read_only (self, error))
    return NULL;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL || !g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  mime_type = g_content_type_get_mime_type (g_file_info_get_content_type (info) ? g_file_info_get_content_type (info) : "");
  return add_contents (self, contents, length, g_file_info_get_display_name (info), mime_type, cancellable, error);
}

DnAttachment *
dn_store_add_attachment_bytes (DnStore     *self,
                               GBytes      *contents,
                               const char  *file_name,
                               GError     **error)
{
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *limit = NULL;
  gboolean uncertain = FALSE;
  const char *data;
  gsize length = 0;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  if (refuse_read_only (self, error))
    return NULL;
  data = g_bytes_get_data (contents, &length);
  if (length > DN_STORE_ATTACHMENT_MAX_SIZE)
    {
      limit = g_format_size (DN_STORE_ATTACHMENT_MAX_SIZE);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The file is larger than %s."), limit);
      return NULL;
    }
  /* the type is found as for a file on disk: by its name and its first
   * bytes, whatever the sender says */
  content_type = g_content_type_guess (file_name, (const guchar *) data, length, &uncertain);
  mime_type = g_content_type_get_mime_type (content_type);
  return add_contents (self, data != NULL ? data : "", length, file_name, mime_type, NULL, error);
}

gboolean
dn_store_attach_to_document (DnStore     *self,
                             gint64       document_id,
                             gint64       attachment_id,
                             const char  *file_name,
                             GError     **error)
{
  g_autoptr(DnAttachment) att = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  att = dn_store_get_attachment (self, attachment_id, error);
  if (att == NULL)
    return FALSE;
  name = normalize_file_name (file_name != NULL && *file_name != '\0' ? file_name : att->file_name);
  return _dn_store_write_committed (self,
                                    "INSERT INTO document_attachment (document_id, attachment_id, file_name) "
                                    "VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET file_name = excluded.file_name",
                                    error, DN_INT (document_id), DN_INT (attachment_id), DN_TEXT (name), DN_END);
}

_DN_STORE_DEFINE_LIST_BY (document_attachments, document_id,
                          "SELECT " _DN_ATTACHMENT_COLUMNS ("da.file_name") " FROM document_attachment da "
                          "JOIN attachment a ON a.id = da.attachment_id WHERE da.document_id = ? ORDER BY da.rowid",
                          &_dn_attachment_row)

DnAttachment *
dn_store_find_document_pdf (DnStore  *self,
                            gint64    document_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) files = dn_store_list_document_attachments (self, document_id, error);

  for (guint i = 0; files != NULL && i < files->len; i++)
    if (dn_attachment_is_pdf (files->pdata[i]))
      return g_object_ref (files->pdata[i]);
  return NULL;
}
