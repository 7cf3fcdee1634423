/* dn-official-private.h: what the parts of an official document share to
 * set their text (dn-official-heading.c, dn-official-document.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "dn-official-document.h"
#include "dn-print-table.h"

G_BEGIN_DECLS

/* between a line of text and the rule under it */
#define RULE_GAP 4.0

#define TOP    DN_OFFICIAL_MARGIN_TOP
#define BOTTOM DN_OFFICIAL_MARGIN_BOTTOM
#define LEFT   DN_OFFICIAL_MARGIN_LEFT
#define RIGHT  DN_OFFICIAL_MARGIN_RIGHT

/* the sizes of Phụ lục I (points) */
#define SIZE_BODY        14
#define SIZE_TITLE       14
#define SIZE_CELL        12
#define SIZE_PAGE_NUMBER 13
#define SIZE_RECIPIENTS_LABEL 12
#define SIZE_RECIPIENTS  11
#define SIZE_SIGNATURE   14

/* a paragraph's first line: 1.27 cm */
#define INDENT (1.27 / 2.54 * 72)
/* between paragraphs: at least 6 pt */
#define PARAGRAPH_SPACE 6.0
/* room for the signature and the seal */
#define SIGNATURE_ROOM 72.0
/* the page number's top, in the top margin */
#define PAGE_NUMBER_Y (10 / 25.4 * 72)
/* the share of the width of the recipients, on the left of the signature */
#define RECIPIENTS_SHARE 0.45

typedef enum
{
  BLOCK_TEXT,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind       kind;
  char           *text;
  char           *font;
  PangoAlignment  alignment;
  gboolean        justify;
  double          indent;
  double          space_before;
  gboolean        keep_with_next;
  guint           level;     /* a heading's level (1, 2); 0 for any other */
  gboolean        caption;   /* a table's caption */
  DnPrintTable   *table;
  guint           n_columns;
  char           *name;      /* a table's name: its caption, else the heading above it */
} Block;

typedef enum
{
  PIECE_HEADING,
  PIECE_LINES,
  PIECE_TABLE,
  PIECE_CLOSING,
} PieceKind;

/* what a page holds, at which height */
typedef struct
{
  guint     page;
  PieceKind kind;
  guint     block;
  guint     first;   /* first line, or the table's page */
  guint     n;       /* lines */
  double    y;
} Piece;

struct _DnOfficialDocument
{
  char          *family;
  char          *type_name;
  char          *subject;
  char          *parent_body;
  char          *issuing_body;
  char          *number;
  char          *symbol;
  char          *place;
  GDate          date;
  GPtrArray     *recipients;
  char          *archive;
  DnSignKind sign;
  char          *head_title;
  char          *signer_title;
  char          *signer_name;
  GPtrArray     *blocks;
  Block         *last_table;
  const char    *last_heading;   /* the text of the last heading added */
  GString       *cells;     /* the tables' text, for the font check */
  GArray        *pieces;
  guint          n_pages;
};

/* The texts of the closing and the date line, as drawn (also checked
 * against the font: dn_official_document_check_font()) */
char        *_dn_official_date_line       (DnOfficialDocument *self);
char        *_dn_official_signature_text  (DnOfficialDocument *self);
char        *_dn_official_recipients_text (DnOfficialDocument *self);

/* "Liberation Serif, Bold 14": the family alone (a trailing comma ends
 * the list, so no other face stands behind it) */
char        *_dn_official_font          (const char  *family,
                                         const char  *style,
                                         int          size);
PangoLayout *_dn_official_layout_new    (cairo_t     *cr,
                                         const char  *family,
                                         const char  *style,
                                         int          size);
/* A line @length long centred in @x … @x + @width at @y */
void         _dn_official_draw_rule     (cairo_t     *cr,
                                         double       x,
                                         double       width,
                                         double       length,
                                         double       y);
/* Writes @text centred at @x, *@y, @width wide (or measures it only, when
 * @draw is FALSE), moving *@y down; the width of its widest line */
double       _dn_official_write_centred (cairo_t     *cr,
                                         PangoLayout *layout,
                                         const char  *text,
                                         double       x,
                                         double      *y,
                                         double       width,
                                         gboolean     draw);

G_END_DECLS
