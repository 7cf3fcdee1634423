/* dn-person.h: Person record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_PERSON (dn_person_get_type ())
G_DECLARE_FINAL_TYPE (DnPerson, dn_person, DN, PERSON, GObject)

/* A member of staff. Family, middle and given names are kept apart, as Vietnamese lists sort by given name.
 * Fields are public: a record is a plain value read from or written to the
 * store. Strings are owned (g_free), never NULL after dn_person_new(). */
struct _DnPerson
{
  GObject parent_instance;

  gint64 id;
  char *family_name; /* họ */
  char *middle_name; /* chữ đệm, may be empty */
  char *given_name; /* tên */
  DnGender gender;
  GDate birth_date; /* invalid when unknown */
  gint64 unit_id; /* 0 when none */
  char *position; /* chức vụ */
  char *email;
  char *phone;
  char *unit_code; /* filled on reads */
};

DnPerson *dn_person_new (void);

G_END_DECLS
