/* dn-official-document.c: an administrative document laid out as
 * Nghị định 30/2020/NĐ-CP, Phụ lục I, asks
 *
 * Page 1 starts with the heading (issuing body and national motto, number
 * and date) and the type and subject; the body runs on, a paragraph
 * broken between two lines where a page ends (never leaving one line
 * alone), a heading kept with what follows it, a table broken between
 * rows with its header row again on each page; the recipients and the
 * signature end it, together. Pages from 2 on carry their number at the
 * top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "dn-date.h"
#include "dn-official-document.h"
#include "dn-official-private.h"
#include "dn-print-table.h"
#include "dn-report-font.h"

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->font);
  g_free (block->name);
  dn_print_table_free (block->table);
  g_free (block);
}

/*
 * The document
 */

DnOfficialDocument *
dn_official_document_new (const char *type_name,
                          const char *subject)
{
  DnOfficialDocument *self;

  g_return_val_if_fail (type_name != NULL, NULL);

  self = g_new0 (DnOfficialDocument, 1);
  self->family = g_strdup (dn_report_font_get_family ());
  self->type_name = g_utf8_strup (type_name, -1);
  self->subject = g_strdup (subject);
  self->recipients = g_ptr_array_new_with_free_func (g_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->cells = g_string_new (NULL);
  g_date_clear (&self->date, 1);
  return self;
}

void
dn_official_document_free (DnOfficialDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->family);
  g_free (self->type_name);
  g_free (self->subject);
  g_free (self->parent_body);
  g_free (self->issuing_body);
  g_free (self->number);
  g_free (self->symbol);
  g_free (self->place);
  g_ptr_array_unref (self->recipients);
  g_free (self->archive);
  g_free (self->head_title);
  g_free (self->signer_title);
  g_free (self->signer_name);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->pieces);
  g_string_free (self->cells, TRUE);
  g_free (self);
}

static char *
upper_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_utf8_strup (text, -1) : NULL;
}

void
dn_official_document_set_bodies (DnOfficialDocument *self,
                                 const char         *parent_body,
                                 const char         *issuing_body)
{
  g_return_if_fail (self != NULL);

  g_free (self->parent_body);
  self->parent_body = upper_or_null (parent_body);
  g_free (self->issuing_body);
  self->issuing_body = upper_or_null (issuing_body);
}

void
dn_official_document_set_number (DnOfficialDocument *self,
                                 const char         *number,
                                 const char         *symbol)
{
  g_return_if_fail (self != NULL);

  g_free (self->number);
  self->number = g_strdup (number);
  g_free (self->symbol);
  self->symbol = g_strdup (symbol);
}

void
dn_official_document_set_place_date (DnOfficialDocument *self,
                                     const char         *place,
                                     const GDate        *date)
{
  g_return_if_fail (self != NULL);

  g_free (self->place);
  self->place = g_strdup (place);
  if (date != NULL && g_date_valid (date))
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
}

void
dn_official_document_add_recipient (DnOfficialDocument *self,
                                    const char         *recipient)
{
  g_return_if_fail (self != NULL && recipient != NULL);

  g_ptr_array_add (self->recipients, g_strdup (recipient));
}

void
dn_official_document_set_archive (DnOfficialDocument *self,
                                  const char         *archive)
{
  g_return_if_fail (self != NULL);

  g_free (self->archive);
  self->archive = g_strdup (archive);
}

void
dn_official_document_set_signer (DnOfficialDocument *self,
                                 DnSignKind          sign,
                                 const char         *head_title,
                                 const char         *signer_title,
                                 const char         *name)
{
  g_return_if_fail (self != NULL);

  self->sign = sign;
  g_free (self->head_title);
  self->head_title = upper_or_null (head_title);
  g_free (self->signer_title);
  self->signer_title = upper_or_null (signer_title);
  g_free (self->signer_name);
  self->signer_name = g_strdup (name);
}

static Block *
add_text (DnOfficialDocument *self,
          const char         *text,
          const char         *style,
          int                 size)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->text = g_strdup (text);
  block->font = _dn_official_font (self->family, style, size);
  block->alignment = PANGO_ALIGN_LEFT;
  block->justify = TRUE;
  block->indent = INDENT;
  block->space_before = PARAGRAPH_SPACE;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
dn_official_document_add_heading (DnOfficialDocument *self,
                                  guint               level,
                                  const char         *text)
{
  g_autofree char *upper = NULL;
  Block *block;

  g_return_if_fail (self != NULL && text != NULL);
  g_return_if_fail (level == 1 || level == 2);

  if (level == 1)
    upper = g_utf8_strup (text, -1);
  block = add_text (self, upper != NULL ? upper : text, "Bold", SIZE_BODY);
  block->keep_with_next = TRUE;
  block->level = level;
  self->last_heading = block->text;
}

void
dn_official_document_add_paragraph (DnOfficialDocument *self,
                                    const char         *text)
{
  g_return_if_fail (self != NULL && text != NULL);

  add_text (self, text, "", SIZE_BODY);
}

void
dn_official_document_add_table (DnOfficialDocument *self,
                                const char         *caption,
                                guint               n_columns,
                                const double       *shares,
                                const char * const *titles)
{
  g_autofree char *body = NULL, *head = NULL;
  Block *block;

  g_return_if_fail (self != NULL && n_columns > 0 && shares != NULL && titles != NULL);

  if (caption != NULL && *caption != '\0')
    {
      block = add_text (self, caption, "Bold", SIZE_BODY);
      block->alignment = PANGO_ALIGN_CENTER;
      block->justify = FALSE;
      block->indent = 0;
      block->keep_with_next = TRUE;
      block->caption = TRUE;
    }
  body = _dn_official_font (self->family, "", SIZE_CELL);
  head = _dn_official_font (self->family, "Bold", SIZE_CELL);
  block = g_new0 (Block, 1);
  block->kind = BLOCK_TABLE;
  block->space_before = PARAGRAPH_SPACE;
  block->table = dn_print_table_new (n_columns, shares, titles, body, head);
  block->n_columns = n_columns;
  if (caption != NULL && *caption != '\0')
    block->name = g_strdup (caption);
  else if (self->last_heading != NULL)
    block->name = g_strdup (self->last_heading);
  else
    {
      guint n = 1;

      for (guint i = 0; i < self->blocks->len; i++)
        n += ((Block *) self->blocks->pdata[i])->kind == BLOCK_TABLE;
      block->name = g_strdup_printf ("Bảng %u", n);
    }
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (self->cells, "%s\n", titles[c] != NULL ? titles[c] : "");
  g_ptr_array_add (self->blocks, block);
  self->last_table = block;
}

void
dn_official_document_set_numeric (DnOfficialDocument *self,
                                  guint               column)
{
  g_return_if_fail (self != NULL && self->last_table != NULL);

  dn_print_table_set_alignment (self->last_table->table, column, PANGO_ALIGN_RIGHT);
}

void
dn_official_document_set_centred (DnOfficialDocument *self,
                                  guint               column)
{
  g_return_if_fail (self != NULL && self->last_table != NULL);

  dn_print_table_set_alignment (self->last_table->table, column, PANGO_ALIGN_CENTER);
}

void
dn_official_document_add_row (DnOfficialDocument *self,
                              const char * const *cells)
{
  g_return_if_fail (self != NULL && self->last_table != NULL && cells != NULL);

  dn_print_table_add_row (self->last_table->table, cells);
  for (guint c = 0; c < self->last_table->n_columns; c++)
    g_string_append_printf (self->cells, "%s\n", cells[c] != NULL ? cells[c] : "");
}

const char *
dn_official_document_get_family (DnOfficialDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->family;
}

/* Each character of @text once, in order, with the marks that follow it
 * (a letter written with combining accents stays whole) */
static char *
distinct_clusters (const char *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      char *cluster;

      p = g_utf8_next_char (p);
      while (*p != '\0' && g_unichar_ismark (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (g_unichar_isspace (g_utf8_get_char (start)))
        continue;
      cluster = g_strndup (start, p - start);
      if (g_hash_table_add (seen, cluster))
        g_string_append (out, cluster);
    }
  return g_string_free (out, FALSE);
}

gboolean
dn_official_document_check_font (DnOfficialDocument  *self,
                                 char               **note,
                                 GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *number = NULL, *date = NULL, *signature = NULL, *recipients = NULL, *distinct = NULL;
  const char * const parts[] = { self->type_name, self->subject, self->parent_body, self->issuing_body,
                                 self->signer_name, DN_OFFICIAL_NATIONAL_NAME, DN_OFFICIAL_MOTTO, "Nơi nhận:" };

  g_return_val_if_fail (self != NULL, FALSE);

  number = dn_official_number_line (self->number, self->symbol);
  date = _dn_official_date_line (self);
  signature = _dn_official_signature_text (self);
  recipients = _dn_official_recipients_text (self);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (text, "%s\n", parts[i]);
  g_string_append_printf (text, "%s\n%s\n%s\n%s\n", number, date, signature, recipients);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];

      if (block->kind == BLOCK_TEXT)
        g_string_append_printf (text, "%s\n", block->text);
    }
  g_string_append (text, self->cells->str);
  if (note != NULL)
    *note = dn_report_font_describe ();
  /* which face sets a letter does not depend on the text around it: each
   * letter (with its marks) once is enough, and a report of thousands of
   * rows is checked as fast as a page */
  distinct = distinct_clusters (text->str);
  return dn_report_font_check_text (self->family, distinct, error);
}

static guint
paginate_cb (gpointer  data,
             cairo_t  *cr,
             double    width,
             double    height)
{
  return dn_official_document_paginate (data, cr, width, height);
}

static void
draw_page_cb (gpointer  data,
              cairo_t  *cr,
              double    width,
              double    height,
              guint     page)
{
  dn_official_document_draw_page (data, cr, width, height, page);
}

char *
dn_official_document_dup_title (DnOfficialDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->subject != NULL ? g_strdup_printf ("%s %s", self->type_name, self->subject)
                               : g_strdup (self->type_name);
}

gboolean
dn_official_document_write_pdf (DnOfficialDocument *self,
                                const char         *path,
                                const char         *title,
                                guint              *n_pages,
                                GError            **error)
{
  return dn_official_document_write_pdf_full (self, path, title, NULL, NULL, NULL, n_pages, error);
}

gboolean
dn_official_document_write_pdf_full (DnOfficialDocument *self,
                                     const char         *path,
                                     const char         *title,
                                     void              (*progress) (gpointer data,
                                                                    guint    done,
                                                                    guint    n_pages),
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     guint              *n_pages,
                                     GError            **error)
{
  g_autofree char *default_title = NULL;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (title == NULL)
    title = default_title = dn_official_document_dup_title (self);
  return dn_print_write_pdf_full (path, DN_PRINT_A4_SHORT, DN_PRINT_A4_LONG, title, paginate_cb, draw_page_cb, self,
                                  progress, progress_data, cancellable, n_pages, error);
}
