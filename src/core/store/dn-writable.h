/* dn-writable.h: the records a write saves whole, as one kind each
 *
 * A unit, a partner, a project, a document, a delegation, a person, a
 * passport (its own record: the ledger and the events have their steps)
 * and a report (its text and header: issuing it is a step of its own) are each
 * saved as one record: added (its id 0, filled in) or changed (all its
 * fields written). DnWritable says, for each kind, how it is made, read
 * and saved in the store and how the database and the API name it, so
 * that the window's writer (DN_WRITE_SAVE_RECORD), the server's routes
 * and the client's requests share one description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-store.h"

G_BEGIN_DECLS

typedef struct _DnWritable DnWritable;

struct _DnWritable
{
  const char *table;        /* the database's and the changes' name */
  const char *collection;   /* the API's: "/partners" */
  GType     (*get_type) (void);
  gsize       id_offset;    /* the record's gint64 id */
  gboolean    warns;        /* its save may answer DN_STORE_ERROR_WARNING,
                             * which a confirmed save accepts */
  gpointer  (*create)   (void);
  gpointer  (*read)     (DnStore *store, gint64 id, GError **error);
  /* adds (@is_new) or changes @record; @confirmed accepts what the store
   * only warns about (DN_STORE_ERROR_WARNING) as of @today */
  gboolean  (*save)     (DnStore *store, gpointer record, gboolean is_new, gboolean confirmed,
                         const GDate *today, GError **error);
  /* deletes the record @id; NULL: a kind never deleted (a unit is
   * archived or merged) */
  gboolean  (*remove)   (DnStore *store, gint64 id, GError **error);
};

extern const DnWritable dn_writable_unit;
extern const DnWritable dn_writable_partner;
extern const DnWritable dn_writable_project;
extern const DnWritable dn_writable_document;
extern const DnWritable dn_writable_delegation;
extern const DnWritable dn_writable_person;
extern const DnWritable dn_writable_passport;
extern const DnWritable dn_writable_report;

/* The kind of @record (an instance of one of the kinds above), or NULL */
const DnWritable *dn_writable_for_record (gpointer          record);
gint64            dn_writable_get_id     (const DnWritable *kind,
                                          gpointer          record);
void              dn_writable_set_id     (const DnWritable *kind,
                                          gpointer          record,
                                          gint64            id);

G_END_DECLS
