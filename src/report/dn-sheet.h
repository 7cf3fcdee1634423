/* dn-sheet.h: a table written to a spreadsheet file, a row at a time
 *
 * DnSheet writes a list as offices open it: an Excel workbook (.xlsx,
 * libxlsxwriter in its constant-memory mode: each row goes to disk as it
 * is added, whatever the number of rows) or CSV (UTF-8 with a byte-order
 * mark, without which Excel shows Vietnamese as mojibake; RFC 4180
 * quoting, CRLF line ends, dates dd/mm/yyyy). The header row comes from
 * the columns; in a workbook it is bold and frozen, dates are real dates
 * (format dd/mm/yyyy), integers and amounts numbers, and each column has
 * its width. Text is always text: a cell starting with = + - @ is never a
 * formula (written as a string in a workbook, after an apostrophe in
 * CSV).
 *
 * The file is written atomically: to a temporary file in the same folder,
 * renamed over @path by dn_sheet_finish(); a sheet freed unfinished, or
 * any error, leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DN_SHEET_CSV,
  DN_SHEET_XLSX,
} DnSheetFormat;

typedef enum
{
  DN_SHEET_TEXT,
  DN_SHEET_DATE,     /* a day */
  DN_SHEET_INTEGER,  /* a count, a percentage */
  DN_SHEET_AMOUNT,   /* a sum of money in whole units: 1.234.567 */
} DnSheetKind;

typedef struct
{
  const char  *title;   /* the header, as shown (translated) */
  DnSheetKind  kind;
  guint        width;   /* in characters */
} DnSheetColumn;

typedef struct _DnSheet DnSheet;

/* The format @path's extension names (.xlsx or .csv, any case); FALSE
 * for any other. */
gboolean  dn_sheet_format_from_path (const char           *path,
                                     DnSheetFormat        *format);
/* @name as a worksheet's name: at most 31 characters, none of []:*?/\,
 * not empty. */
char     *dn_sheet_dup_safe_name    (const char           *name);

/* Starts writing @path (its temporary file) and its header row; NULL with
 * @error (G_IO_ERROR, translated) when the file cannot be made. @name
 * names the worksheet (made safe). The columns' titles are copied. */
DnSheet  *dn_sheet_new              (const char           *path,
                                     DnSheetFormat         format,
                                     const char           *name,
                                     const DnSheetColumn  *columns,
                                     guint                 n_columns,
                                     GError              **error);

/* A file of several tables (dn_official_document_write_tables()): starts
 * writing @path (its temporary file) with no table yet; each table then
 * begins with dn_sheet_add_sheet(). */
DnSheet  *dn_sheet_new_book         (const char           *path,
                                     DnSheetFormat         format,
                                     GError              **error);
/* Starts the next table, its header row from @columns: in a workbook a
 * worksheet of its own named @name (made safe, and unique: " (2)" added
 * to a name already taken); in CSV after a blank line when a table came
 * before, @name on a line of its own, then the header row. */
gboolean  dn_sheet_add_sheet        (DnSheet              *self,
                                     const char           *name,
                                     const DnSheetColumn  *columns,
                                     guint                 n_columns,
                                     GError              **error);

/* The cells of the current row, left to right; a cell not added is
 * empty. NULL or an invalid date: an empty cell. */
void      dn_sheet_add_text         (DnSheet              *self,
                                     const char           *text);
void      dn_sheet_add_date         (DnSheet              *self,
                                     const GDate          *date);
void      dn_sheet_add_integer      (DnSheet              *self,
                                     gint64                value);
void      dn_sheet_add_empty        (DnSheet              *self);
/* Ends the row: written out. */
gboolean  dn_sheet_end_row          (DnSheet              *self,
                                     GError              **error);
/* Rows written, the header not counted. */
guint     dn_sheet_get_n_rows       (DnSheet              *self);

/* Closes the file and puts it in place of @path. */
gboolean  dn_sheet_finish           (DnSheet              *self,
                                     GError              **error);
/* Frees @self; unfinished, its temporary file is removed. */
void      dn_sheet_free             (DnSheet              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnSheet, dn_sheet_free)

G_END_DECLS
