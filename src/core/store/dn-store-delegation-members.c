/* dn-store-delegation-members.c: the members of a delegation, staff going
 * abroad or guests visiting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-store-private.h"

#define MEMBER_COLUMNS \
  "m.id, m.delegation_id, m.person_id, " \
  "CASE WHEN m.person_id IS NULL THEN m.guest_name " \
  "WHEN p.middle_name = '' THEN p.family_name || ' ' || p.given_name " \
  "ELSE p.family_name || ' ' || p.middle_name || ' ' || p.given_name END, " \
  "m.unit_id, coalesce(u.name, ''), m.position, m.grade, m.role, m.passport_id, coalesce(pp.number, ''), " \
  "coalesce(m.guest_nationality, ''), m.guest_passport, m.guest_organisation"
#define MEMBER_FROM \
  " FROM delegation_member m LEFT JOIN person p ON p.id = m.person_id LEFT JOIN unit u ON u.id = m.unit_id " \
  "LEFT JOIN passport pp ON pp.id = m.passport_id "

static const DnRow member_row = {
  dn_delegation_member_get_type,
  { DN_COLUMN (INT64, DnDelegationMember, id), DN_COLUMN (INT64, DnDelegationMember, delegation_id),
    DN_COLUMN (INT64, DnDelegationMember, person_id), DN_COLUMN (TEXT, DnDelegationMember, name),
    DN_COLUMN (INT64, DnDelegationMember, unit_id), DN_COLUMN (TEXT, DnDelegationMember, unit_name),
    DN_COLUMN (TEXT, DnDelegationMember, position), DN_COLUMN (TEXT, DnDelegationMember, grade),
    DN_ENUM_COLUMN (DnDelegationMember, role, dn_member_role_from_string),
    DN_COLUMN (INT64, DnDelegationMember, passport_id), DN_COLUMN (TEXT, DnDelegationMember, passport_number),
    DN_COLUMN (TEXT, DnDelegationMember, guest_nationality), DN_COLUMN (TEXT, DnDelegationMember, guest_passport),
    DN_COLUMN (TEXT, DnDelegationMember, guest_organisation) },
};

_DN_STORE_DEFINE_LIST_BY (delegation_members, delegation_id,
                          "SELECT " MEMBER_COLUMNS MEMBER_FROM "WHERE m.delegation_id = ? "
                          "ORDER BY CASE m.role WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, m.id",
                          &member_row)

static gboolean
validate_member (DnDelegationMember  *m,
                 GError             **error)
{
  if (!_dn_normalize_field (&m->position, "delegation_member", "position", _("position"), FALSE, error) ||
      !_dn_normalize_field (&m->grade, "delegation_member", "grade", _("civil-service grade"), FALSE, error) ||
      !_dn_normalize_field (&m->guest_passport, "delegation_member", "guest_passport", _("passport number"), FALSE,
                            error) ||
      !_dn_normalize_field (&m->guest_organisation, "delegation_member", "guest_organisation", _("organisation"),
                            FALSE, error))
    return FALSE;
  if ((guint) m->role >= DN_MEMBER_ROLE_N)
    return _dn_invalid (error, _("Unknown role in a delegation."));
  if (m->person_id > 0)
    return TRUE;
  g_strstrip (m->name);
  if (!_dn_normalize_field (&m->name, "delegation_member", "guest_name", _("guest's name"), TRUE, error))
    return FALSE;
  return m->guest_nationality[0] == '\0' || _dn_normalize_country (&m->guest_nationality, error);
}

/* The rules of a member in its delegation (in the caller's transaction). */
static gboolean
check_member (DnStore             *self,
              DnDelegationMember  *m,
              gboolean             is_new,
              gboolean             confirmed,
              GError             **error)
{
  g_autoptr(DnDelegation) d = dn_store_get_delegation (self, m->delegation_id, error);

  if (d == NULL)
    return FALSE;
  if (d->direction == DN_DELEGATION_OUTBOUND && m->person_id <= 0)
    return _dn_invalid (error, _("The members of a delegation going abroad are chosen among the staff."));
  if (d->direction == DN_DELEGATION_INBOUND && m->person_id > 0)
    return _dn_invalid (error, _("The members of a visiting delegation are its guests."));
  if (m->person_id <= 0)
    return TRUE;

  if (m->passport_id > 0)
    {
      gint64 holder = 0;

      if (!_dn_store_read_int (self, "SELECT person_id FROM passport WHERE id = ?", &holder, error,
                               DN_INT (m->passport_id), DN_END))
        return FALSE;
      if (holder != m->person_id)
        return _dn_invalid (error, _("This passport is not the member's own."));
    }
  if (d->status != DN_DELEGATION_CANCELLED &&
      !_dn_store_check_delegation_overlap (self, d->id, m->person_id, &d->start_date, &d->end_date, error))
    return FALSE;
  /* the same person in the same delegation */
  {
    gint64 twice = 0;

    if (!_dn_store_read_int (self,
                             "SELECT count(*) FROM delegation_member WHERE delegation_id = ? AND person_id = ? "
                             "AND id <> ?",
                             &twice, error, DN_INT (m->delegation_id), DN_INT (m->person_id), DN_INT (m->id), DN_END))
      return FALSE;
    if (twice > 0)
      return _dn_invalid (error, _("This person is already a member of the delegation."));
  }
  if (!confirmed)
    {
      int most_members = dn_store_get_setting (self, DN_SETTING_LIMIT_MEMBERS);
      int most_trips = dn_store_get_setting (self, DN_SETTING_LIMIT_TRIPS_PER_YEAR);

      if (is_new && most_members > 0 && d->n_members + 1 > (guint) most_members)
        return _dn_refuse (error, DN_STORE_ERROR_WARNING,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The delegation would have %u members; the local limit is %d member.",
                                        "The delegation would have %u members; the local limit is %d members.",
                                        most_members),
                           d->n_members + 1, most_members);
      if (most_trips > 0)
        {
          gint64 trips = 0;
          char year[8];

          g_snprintf (year, sizeof year, "%04d", g_date_get_year (&d->start_date));
          if (!_dn_store_read_int (self,
                                   "SELECT count(DISTINCT o.id) FROM delegation_member om "
                                   "JOIN delegation o ON o.id = om.delegation_id "
                                   "WHERE om.person_id = ? AND o.id <> ? AND o.direction = 'outbound' "
                                   "AND o.status <> 'cancelled' AND substr(o.start_date, 1, 4) = ?",
                                   &trips, error, DN_INT (m->person_id), DN_INT (d->id), DN_TEXT (year), DN_END))
            return FALSE;
          if (trips + 1 > most_trips)
            return _dn_refuse (error, DN_STORE_ERROR_WARNING,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "This would be trip %d abroad in %s for this person; the local limit is %d trip a year.",
                                            "This would be trip %d abroad in %s for this person; the local limit is %d trips a year.",
                                            most_trips),
                               (int) trips + 1, year, most_trips);
        }
    }
  return TRUE;
}

/* A member's unit and position default to the person's. */
static gboolean
fill_from_person (DnStore             *self,
                  DnDelegationMember  *m,
                  GError             **error)
{
  g_autoptr(DnPerson) person = NULL;

  if (m->person_id <= 0)
    return TRUE;
  person = dn_store_get_person (self, m->person_id, error);
  if (person == NULL)
    return FALSE;
  if (m->unit_id <= 0)
    m->unit_id = person->unit_id;
  if (m->position[0] == '\0')
    _dn_set_text (&m->position, person->position);
  return TRUE;
}

static gboolean
write_member (DnStore             *self,
              DnDelegationMember  *m,
              gboolean             is_new,
              GError             **error)
{
  gboolean guest = m->person_id <= 0;

  return _dn_store_save (self,
                         is_new
                         ? "INSERT INTO delegation_member (id, delegation_id, person_id, guest_name, "
                           "guest_nationality, guest_passport, position, role, passport_id, grade, unit_id, "
                           "guest_organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                         : "UPDATE delegation_member SET delegation_id = ?2, person_id = ?3, guest_name = ?4, "
                           "guest_nationality = ?5, guest_passport = ?6, position = ?7, role = ?8, "
                           "passport_id = ?9, grade = ?10, unit_id = ?11, guest_organisation = ?12 WHERE id = ?1",
                         &m->id, is_new, _("The member no longer exists."), error,
                         DN_INT (m->delegation_id), DN_ID (m->person_id), DN_TEXT (guest ? m->name : NULL),
                         DN_TEXT (guest && m->guest_nationality[0] != '\0' ? m->guest_nationality : NULL),
                         DN_TEXT (m->guest_passport), DN_TEXT (m->position),
                         DN_TEXT (dn_member_role_to_string (m->role)), DN_ID (guest ? 0 : m->passport_id),
                         DN_TEXT (m->grade), DN_ID (m->unit_id), DN_TEXT (m->guest_organisation), DN_END);
}

static gboolean
save_member (DnStore             *self,
             DnDelegationMember  *m,
             gboolean             confirmed,
             gboolean             is_new,
             GError             **error)
{
  gint64 old_id = m->id;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_DELEGATION_MEMBER (m), FALSE);

  if (!validate_member (m, error))
    return FALSE;
  if (!dn_store_begin (self, error))
    return FALSE;
  if (is_new)
    m->id = 0;
  ok = fill_from_person (self, m, error) &&
       check_member (self, m, is_new, confirmed, error) &&
       write_member (self, m, is_new, error);
  if (!_dn_store_finish (self, ok, error))
    {
      m->id = old_id;
      return FALSE;
    }
  return TRUE;
}

gboolean
dn_store_add_delegation_member (DnStore             *self,
                                DnDelegationMember  *member,
                                gboolean             confirmed,
                                GError             **error)
{
  return save_member (self, member, confirmed, TRUE, error);
}

gboolean
dn_store_update_delegation_member (DnStore             *self,
                                   DnDelegationMember  *member,
                                   gboolean             confirmed,
                                   GError             **error)
{
  return save_member (self, member, confirmed, FALSE, error);
}

gboolean
dn_store_remove_delegation_member (DnStore  *self,
                                   gint64    member_id,
                                   GError  **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  return _dn_store_save_committed (self, "DELETE FROM delegation_member WHERE id = ?1", &member_id, FALSE,
                                   _("The member no longer exists."), error, DN_END);
}

GPtrArray *
dn_store_list_member_passports (DnStore  *self,
                                gint64    person_id,
                                GError  **error)
{
  g_autoptr(GPtrArray) passports = NULL;
  GPtrArray *usable;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  passports = dn_store_list_person_passports (self, person_id, error);
  if (passports == NULL)
    return NULL;
  usable = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < passports->len; i++)
    {
      DnPassport *passport = passports->pdata[i];

      if (passport->state == DN_PASSPORT_IN_OFFICE || passport->state == DN_PASSPORT_OUT)
        g_ptr_array_add (usable, g_object_ref (passport));
    }
  return usable;
}

gboolean
dn_store_add_delegation_guests (DnStore    *self,
                                gint64      delegation_id,
                                GPtrArray  *guests,
                                GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (guests != NULL, FALSE);

  if (!dn_store_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < guests->len; i++)
    {
      DnDelegationMember *guest = guests->pdata[i];

      guest->delegation_id = delegation_id;
      guest->person_id = 0;
      guest->id = 0;
      ok = validate_member (guest, error) && check_member (self, guest, TRUE, TRUE, error) &&
           write_member (self, guest, TRUE, error);
    }
  if (!_dn_store_finish (self, ok, error))
    {
      for (guint i = 0; i < guests->len; i++)
        DN_DELEGATION_MEMBER (guests->pdata[i])->id = 0;
      return FALSE;
    }
  return TRUE;
}
