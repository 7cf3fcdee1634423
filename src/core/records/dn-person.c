/* dn-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-person"

#include "config.h"

#include "dn-person.h"

G_DEFINE_FINAL_TYPE (DnPerson, dn_person, G_TYPE_OBJECT)

static void
dn_person_finalize (GObject *object)
{
  DnPerson *self = DN_PERSON (object);

  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->middle_name, g_free);
  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->unit_code, g_free);

  G_OBJECT_CLASS (dn_person_parent_class)->finalize (object);
}

static void
dn_person_class_init (DnPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_person_finalize;
}

static void
dn_person_init (DnPerson *self)
{
  self->family_name = g_strdup ("");
  self->middle_name = g_strdup ("");
  self->given_name = g_strdup ("");
  self->position = g_strdup ("");
  self->email = g_strdup ("");
  self->phone = g_strdup ("");
  self->unit_code = g_strdup ("");
  g_date_clear (&self->birth_date, 1);
}

DnPerson *
dn_person_new (void)
{
  return g_object_new (DN_TYPE_PERSON, NULL);
}
