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

static DnPerson *
person_from_row (sqlite3_stmt *stmt)
{
  DnPerson *person = dn_person_new ();

#define TAKE(field, col) g_free (person->field); person->field = _dn_column_text (stmt, col)
  person->id = sqlite3_column_int64 (stmt, 0);
  TAKE (family_name, 1);
  TAKE (middle_name, 2);
  TAKE (given_name, 3);
  dn_gender_from_string ((const char *) sqlite3_column_text (stmt, 4), &person->gender);
  _dn_column_date (stmt, 5, &person->birth_date);
  person->unit_id = sqlite3_column_int64 (stmt, 6);
  TAKE (position, 7);
  TAKE (email, 8);
  TAKE (phone, 9);
  TAKE (unit_code, 10);
#undef TAKE
  return person;
}

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
  if (g_date_valid (&person->birth_date) &&
      (g_date_get_year (&person->birth_date) < DN_DATE_MIN_YEAR ||
       g_date_get_year (&person->birth_date) > DN_DATE_MAX_YEAR))
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                   _("The birth date must be between %d and %d."), DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

static void
bind_person (sqlite3_stmt *stmt,
             DnPerson     *person)
{
  _dn_bind_text (stmt, 1, person->family_name);
  _dn_bind_text (stmt, 2, person->middle_name);
  _dn_bind_text (stmt, 3, person->given_name);
  _dn_bind_text (stmt, 4, dn_gender_to_string (person->gender));
  _dn_bind_date (stmt, 5, &person->birth_date);
  _dn_bind_id (stmt, 6, person->unit_id);
  _dn_bind_text (stmt, 7, person->position);
  _dn_bind_text (stmt, 8, person->email);
  _dn_bind_text (stmt, 9, person->phone);
}

gboolean
dn_store_add_person (DnStore   *self,
                     DnPerson  *person,
                     GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PERSON (person), FALSE);

  if (!validate_person (person, error) || !dn_store_begin (self, error))
    return FALSE;
  stmt = _dn_store_prepare (self,
                            "INSERT INTO person (family_name, middle_name, given_name, gender, birth_date, unit_id, "
                            "position, email, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  person->id = sqlite3_last_insert_rowid (_dn_store_get_db (self));
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

gboolean
dn_store_update_person (DnStore   *self,
                        DnPerson  *person,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  g_return_val_if_fail (DN_IS_PERSON (person), FALSE);

  if (!validate_person (person, error) || !dn_store_begin (self, error))
    return FALSE;
  stmt = _dn_store_prepare (self,
                            "UPDATE person SET family_name = ?, middle_name = ?, given_name = ?, gender = ?, "
                            "birth_date = ?, unit_id = ?, position = ?, email = ?, phone = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    goto fail;
  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 10, person->id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (_dn_store_get_db (self)) == 0)
    {
      g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND, _("The person no longer exists."));
      goto fail;
    }
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

gboolean
dn_store_delete_person (DnStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), FALSE);
  if (!dn_store_begin (self, error))
    return FALSE;
  stmt = _dn_store_prepare (self, "DELETE FROM person WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_dn_store_step_done (self, stmt, error))
    goto fail;
  return dn_store_commit (self, error);

fail:
  dn_store_rollback (self);
  return FALSE;
}

DnPerson *
dn_store_get_person (DnStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  DnPerson *person = NULL;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  stmt = _dn_store_prepare (self, "SELECT " PERSON_COLUMNS PERSON_FROM "WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person = person_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_NOT_FOUND,
                 _("There is no person #%lld."), (long long) id);
  else
    _dn_store_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return person;
}

GPtrArray *
dn_store_list_people (DnStore  *self,
                      gint64    unit_id,
                      guint     offset,
                      guint     limit,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DN_IS_STORE (self), NULL);
  if (unit_id > 0)
    stmt = _dn_store_prepare (self,
                              "SELECT " PERSON_COLUMNS PERSON_FROM
                              "WHERE p.unit_id = ?3 ORDER BY p.sort_key, p.id LIMIT ?1 OFFSET ?2",
                              error);
  else
    stmt = _dn_store_prepare (self,
                              "SELECT " PERSON_COLUMNS PERSON_FROM
                              "ORDER BY p.sort_key, p.id LIMIT ?1 OFFSET ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  if (unit_id > 0)
    sqlite3_bind_int64 (stmt, 3, unit_id);
  return _dn_store_collect (self, stmt, (DnRowFunc) person_from_row, error);
}
