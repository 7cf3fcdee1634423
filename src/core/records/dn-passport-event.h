/* dn-passport-event.h: PassportEvent record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PASSPORT_EVENT (dn_passport_event_get_type ())
G_DECLARE_FINAL_TYPE (DnPassportEvent, dn_passport_event, DN, PASSPORT_EVENT, GObject)

/* What happened to a passport besides its trips: lost, transferred, sent for
 * cancellation, extended.
 * Fields are public; strings are owned, never NULL after dn_passport_event_new(). */
struct _DnPassportEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 passport_id;
  DnPassportEventKind kind;
  GDate on_date;
  char *letter; /* the written notice: number and date */
  gint64 document_id; /* 0 when none */
  char *notes;
  char *recorded_by;
};

DnPassportEvent *dn_passport_event_new (void);

G_END_DECLS
