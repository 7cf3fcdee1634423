/* dn-search-hit.h: SearchHit record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_SEARCH_HIT (dn_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (DnSearchHit, dn_search_hit, DN, SEARCH_HIT, GObject)

/* One result of a search over all records.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_search_hit_new(). */
struct _DnSearchHit
{
  GObject parent_instance;

  DnRecordKind kind;
  gint64 id;
  char *title;
  char *detail; /* second line (code, number, unit…) */
  double rank; /* lower is better */
  GDate due_date; /* a task's deadline; invalid when none or not a task */
  DnStatus status; /* a task's status; DN_STATUS_OPEN for other kinds */
  gboolean secret; /* a document marked mật or above: shown where the officer allows it */
  /* DN_RECORD_ATTACHMENT: a page of an attached PDF (@id the attachment,
   * @title its file name, @detail the words around the match) */
  char *sha256;
  int page; /* from 1; 0 for a record */
};

DnSearchHit *dn_search_hit_new (void);
/* TRUE for a task done or cancelled: it ranks below unfinished work. */
gboolean dn_search_hit_is_finished (const DnSearchHit *hit);

G_END_DECLS
