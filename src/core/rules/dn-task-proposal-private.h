/* dn-task-proposal-private.h: what the files of the task proposals share
 * (dn-task-proposal.c, dn-unit-matcher.c, dn-task-proposal-dates.c,
 * dn-task-proposal-text.c, dn-task-proposal-parse.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-task-proposal.h"

G_BEGIN_DECLS

/* The key form names are compared in: " word word " (a space at each end;
 * " " for nothing), folded, the usual shortenings written one way. */
char     *_dn_proposal_key            (const char *text);
/* Whether @key holds @phrase (" words "). */
gboolean  _dn_proposal_key_has        (const char *key,
                                       const char *phrase);
/* The number of words of @key. */
guint     _dn_proposal_key_words      (const char *key);

/* Adds @id to the unit ids @ids (gint64) unless it is there. */
void      _dn_proposal_add_unit       (GArray     *ids,
                                       gint64      id);

/* A paragraph of a directive's text (dn-task-proposal-text.c) and the mark
 * it starts with. */
typedef enum
{
  MARK_NONE,      /* a paragraph */
  MARK_ROMAN,     /* "II." */
  MARK_NUMBER,    /* "1." */
  MARK_SUB,       /* "1.1." */
  MARK_DASH,      /* "-" */
} Mark;

typedef struct
{
  Mark mark;
  char *number;   /* "II", "1", "1.1" */
  GString *text;  /* without its mark */
  guint line;
} Para;

void       _dn_proposal_para_free        (Para       *para);
/* The paragraphs of @text (Para, owned): a mark followed by a capital or
 * an empty line starts one; a line that goes on a sentence is joined to
 * the one before. */
GPtrArray *_dn_proposal_split_paragraphs (const char *text);

G_END_DECLS
