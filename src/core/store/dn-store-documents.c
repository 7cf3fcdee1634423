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
  "id, direction, type, number, symbol, issue_date, issuer, subject, signer, recipients, classification, " \
  "arrival_number, arrival_date"

static const DnRow document_row = {
  dn_document_get_type,
  { DN_COLUMN (INT64, DnDocument, id), DN_ENUM_COLUMN (DnDocument, direction, dn_direction_from_string),
    DN_ENUM_COLUMN (DnDocument, type, dn_document_type_from_string), DN_COLUMN (TEXT, DnDocument, number),
    DN_COLUMN (TEXT, DnDocument, symbol), DN_COLUMN (DATE, DnDocument, issue_date),
    DN_COLUMN (TEXT, DnDocument, issuer), DN_COLUMN (TEXT, DnDocument, subject), DN_COLUMN (TEXT, DnDocument, signer),
    DN_COLUMN (TEXT, DnDocument, recipients),
    DN_ENUM_COLUMN (DnDocument, classification, dn_classification_from_string),
    DN_COLUMN (INT, DnDocument, arrival_number), DN_COLUMN (DATE, DnDocument, arrival_date) },
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
      !_dn_normalize_field (&doc->recipients, "document", "recipients", _("recipients"), FALSE, error))
    return FALSE;
  if ((guint) doc->direction >= DN_DIRECTION_N || (guint) doc->type >= DN_DOCUMENT_TYPE_N ||
      (guint) doc->classification >= DN_CLASSIFICATION_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown kind of document."));
      return FALSE;
    }
  if (!_dn_check_date (&doc->issue_date, FALSE, error, _("The issue date must be between %d and %d."),
                       DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR))
    return FALSE;
  if (doc->arrival_number < 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("The arrival number must be positive."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_document (DnStore     *self,
               DnDocument  *doc,
               gboolean     is_new,
               GError     **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_DOCUMENT (doc), FALSE);

  return validate_document (doc, error) &&
         _dn_store_save_committed (self,
                                   is_new
                                   ? "INSERT INTO document (id, direction, type, number, symbol, issue_date, "
                                     "issuer, subject, signer, recipients, classification, arrival_number, "
                                     "arrival_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                   : "UPDATE document SET direction = ?2, type = ?3, number = ?4, symbol = ?5, "
                                     "issue_date = ?6, issuer = ?7, subject = ?8, signer = ?9, "
                                     "recipients = ?10, classification = ?11, arrival_number = ?12, "
                                     "arrival_date = ?13 WHERE id = ?1",
                                   &doc->id, is_new, _("The document no longer exists."), error,
                                   DN_TEXT (dn_direction_to_string (doc->direction)),
                                   DN_TEXT (dn_document_type_to_string (doc->type)),
                                   DN_TEXT (doc->number), DN_TEXT (doc->symbol), DN_DATE (&doc->issue_date),
                                   DN_TEXT (doc->issuer), DN_TEXT (doc->subject), DN_TEXT (doc->signer),
                                   DN_TEXT (doc->recipients),
                                   DN_TEXT (dn_classification_to_string (doc->classification)),
                                   DN_ID (doc->arrival_number), DN_DATE (&doc->arrival_date), DN_END);
}

_DN_STORE_DEFINE_ADD_UPDATE (DnDocument, document)
_DN_STORE_DEFINE_DELETE (document, "document")
_DN_STORE_DEFINE_GET (DnDocument, document, "SELECT " DOCUMENT_COLUMNS " FROM document WHERE id = ?", &document_row,
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
    return _dn_store_read_all (self, "SELECT " DOCUMENT_COLUMNS " FROM document ORDER BY issue_date DESC, id DESC LIMIT ?",
                               &document_row, error, DN_INT (limit), DN_END);
  if (!g_date_valid (&after->issue_date))
    return _dn_store_read_all (self,
                               "SELECT " DOCUMENT_COLUMNS " FROM document WHERE issue_date IS NULL AND id < ?2 "
                               "ORDER BY id DESC LIMIT ?1",
                               &document_row, error, DN_INT (limit), DN_INT (after->id), DN_END);
  /* the dated ones after the key, then every undated one (NULL sorts last
   * when descending) */
  return _dn_store_read_all (self,
                             "SELECT " DOCUMENT_COLUMNS " FROM document WHERE (issue_date, id) < (?2, ?3) "
                             "OR issue_date IS NULL ORDER BY issue_date DESC, id DESC LIMIT ?1",
                             &document_row, error, DN_INT (limit), DN_DATE (&after->issue_date),
                             DN_INT (after->id), DN_END);
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

DnAttachment *
dn_store_add_attachment (DnStore       *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GFile) dest_dir = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(DnAttachment) att = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *mime_type = NULL;
  const char *mime;
  gsize length = 0;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* the copy is made before the row is written: not on a read-only store */
  if (dn_store_is_read_only (self))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_READ_ONLY,
                   _("The database is open for reading only: nothing was saved."));
      return NULL;
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL || !g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  display_name = normalize_file_name (g_file_info_get_display_name (info));
  mime_type = g_content_type_get_mime_type (g_file_info_get_content_type (info) ? g_file_info_get_content_type (info) : "");
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
  att->file_name = g_steal_pointer (&display_name);
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
