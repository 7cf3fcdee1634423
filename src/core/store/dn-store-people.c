/* dn-store-people.c: staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-private.h"

#define PERSON_COLUMNS \
  "p.id, p.family_name, p.middle_name, p.given_name, p.gender, p.birth_date, p.unit_id, p.position, " \
  "p.email, p.phone, coalesce(u.code, '')"
#define PERSON_FROM " FROM person p LEFT JOIN unit u ON u.id = p.unit_id "

static const DnRow person_row = {
  dn_person_get_type,
  { DN_COLUMN (INT64, DnPerson, id), DN_COLUMN (TEXT, DnPerson, family_name),
    DN_COLUMN (TEXT, DnPerson, middle_name), DN_COLUMN (TEXT, DnPerson, given_name),
    DN_ENUM_COLUMN (DnPerson, gender, dn_gender_from_string), DN_COLUMN (DATE, DnPerson, birth_date),
    DN_COLUMN (INT64, DnPerson, unit_id), DN_COLUMN (TEXT, DnPerson, position), DN_COLUMN (TEXT, DnPerson, email),
    DN_COLUMN (TEXT, DnPerson, phone), DN_COLUMN (TEXT, DnPerson, unit_code) },
};

char *
dn_person_dup_full_name (DnPerson *person)
{
  g_return_val_if_fail (DN_IS_PERSON (person), NULL);
  if (person->middle_name[0] == '\0')
    return g_strdup_printf ("%s %s", person->family_name, person->given_name);
  return g_strdup_printf ("%s %s %s", person->family_name, person->middle_name, person->given_name);
}

static gboolean
validate_person (DnPerson  *person,
                 GError   **error)
{
  if (!_dn_normalize_field (&person->family_name, "person", "family_name", _("family name"), TRUE, error) ||
      !_dn_normalize_field (&person->middle_name, "person", "middle_name", _("middle name"), FALSE, error) ||
      !_dn_normalize_field (&person->given_name, "person", "given_name", _("given name"), TRUE, error) ||
      !_dn_normalize_field (&person->position, "person", "position", _("position"), FALSE, error) ||
      !_dn_normalize_field (&person->email, "person", "email", _("e-mail address"), FALSE, error) ||
      !_dn_normalize_field (&person->phone, "person", "phone", _("phone number"), FALSE, error))
    return FALSE;
  if ((guint) person->gender >= DN_GENDER_N)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("Unknown gender."));
      return FALSE;
    }
  return _dn_check_date (&person->birth_date, FALSE, error, _("The birth date must be between %d and %d."),
                         DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR);
}

static gboolean
save_person (DnStore   *self,
             DnPerson  *person,
             gboolean   is_new,
             GError   **error)
{
  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PERSON (person), FALSE);

  return validate_person (person, error) &&
         _dn_store_save_committed (self,
                                   is_new
                                   ? "INSERT INTO person (id, family_name, middle_name, given_name, gender, "
                                     "birth_date, unit_id, position, email, phone) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                   : "UPDATE person SET family_name = ?2, middle_name = ?3, given_name = ?4, "
                                     "gender = ?5, birth_date = ?6, unit_id = ?7, position = ?8, email = ?9, "
                                     "phone = ?10 WHERE id = ?1",
                                   &person->id, is_new, _("The person no longer exists."), error,
                                   DN_TEXT (person->family_name), DN_TEXT (person->middle_name),
                                   DN_TEXT (person->given_name), DN_TEXT (dn_gender_to_string (person->gender)),
                                   DN_DATE (&person->birth_date), DN_ID (person->unit_id),
                                   DN_TEXT (person->position), DN_TEXT (person->email),
                                   DN_TEXT (person->phone), DN_END);
}

_DN_STORE_DEFINE_ADD_UPDATE (DnPerson, person)
_DN_STORE_DEFINE_DELETE (person, "person")
_DN_STORE_DEFINE_GET (DnPerson, person, "SELECT " PERSON_COLUMNS PERSON_FROM "WHERE p.id = ?", &person_row,
                      _("There is no person #%lld."))

/* The people after @after (NULL: from the first) by key: (sort_key, id)
 * comes from @after's own names, so a page costs its rows whatever comes
 * before it, and a person deleted meanwhile does not lose the place. */
GPtrArray *
dn_store_list_people (DnStore   *self,
                      gint64     unit_id,
                      DnPerson  *after,
                      guint      limit,
                      GError   **error)
{
  const char *family = after != NULL ? after->family_name : "";
  const char *middle = after != NULL ? after->middle_name : "";
  const char *given = after != NULL ? after->given_name : "";
  gint64 after_id = after != NULL ? after->id : 0;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  g_return_val_if_fail (after == NULL || DN_IS_PERSON (after), NULL);
  if (after == NULL && unit_id > 0)
    return _dn_store_read_all (self,
                               "SELECT " PERSON_COLUMNS PERSON_FROM
                               "WHERE p.unit_id = ?2 ORDER BY p.sort_key, p.id LIMIT ?1",
                               &person_row, error, DN_INT (limit), DN_INT (unit_id), DN_END);
  if (after == NULL)
    return _dn_store_read_all (self, "SELECT " PERSON_COLUMNS PERSON_FROM "ORDER BY p.sort_key, p.id LIMIT ?1",
                               &person_row, error, DN_INT (limit), DN_END);
  if (unit_id > 0)
    return _dn_store_read_all (self,
                               "SELECT " PERSON_COLUMNS PERSON_FROM
                               "WHERE p.unit_id = ?6 AND (p.sort_key, p.id) > (dn_person_key (?2, ?3, ?4), ?5) "
                               "ORDER BY p.sort_key, p.id LIMIT ?1",
                               &person_row, error, DN_INT (limit), DN_TEXT (family),
                               DN_TEXT (middle), DN_TEXT (given), DN_INT (after_id), DN_INT (unit_id), DN_END);
  return _dn_store_read_all (self,
                             "SELECT " PERSON_COLUMNS PERSON_FROM
                             "WHERE (p.sort_key, p.id) > (dn_person_key (?2, ?3, ?4), ?5) "
                             "ORDER BY p.sort_key, p.id LIMIT ?1",
                             &person_row, error, DN_INT (limit), DN_TEXT (family),
                             DN_TEXT (middle), DN_TEXT (given), DN_INT (after_id), DN_END);
}
