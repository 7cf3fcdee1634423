/* dn-server-people.c: the staff
 *
 *   GET    /people         ?after=ID&limit=N: the people the caller sees
 *                          (a unit officer and a reader: those of their
 *                          unit and its sub-units), by id →
 *                          {"people": […], "next": ID or null}
 *   GET    /people/{id}    one of them
 *   POST   /people         {"family_name", "given_name", "middle_name"?,
 *                          "gender"?, "birth_date"?, "unit_id"?, "position"?,
 *                          "email"?, "phone"?}: a new person → 201 (a unit
 *                          officer: in one of its units)
 *   PATCH  /people/{id}    {"revision", and any of those} → 200; 409 with
 *                          "current" when it changed since
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-server-private.h"
#include "dn-store-accounts.h"

#define PERSON_FIELDS(required) \
  { "family_name", DN_FIELD_STRING, required, FALSE }, \
  { "given_name", DN_FIELD_STRING, required, FALSE }, \
  { "middle_name", DN_FIELD_STRING, FALSE, FALSE }, \
  { "gender", DN_FIELD_STRING, FALSE, FALSE }, \
  { "birth_date", DN_FIELD_DATE, FALSE, TRUE }, \
  { "unit_id", DN_FIELD_INT, FALSE, TRUE }, \
  { "position", DN_FIELD_STRING, FALSE, FALSE }, \
  { "email", DN_FIELD_STRING, FALSE, FALSE }, \
  { "phone", DN_FIELD_STRING, FALSE, FALSE }

static const DnField new_person_fields[] = {
  PERSON_FIELDS (TRUE),
  { NULL }
};

static const DnField person_change_fields[] = {
  { "revision", DN_FIELD_INT, TRUE, FALSE },
  PERSON_FIELDS (FALSE),
  { NULL }
};

/* @person with what the body gives; FALSE and answered when a value is
 * not one it can take, or puts it in a unit the caller may not change */
static gboolean
read_person (DnRequest *request,
             DnPerson  *person)
{
  JsonNode *body = request->body;
  g_autoptr(GArray) scope = NULL;
  const char *gender = _dn_server_body_string (body, "gender", NULL);
  static const char * const texts[] = { "family_name", "given_name", "middle_name", "position", "email", "phone" };
  char **fields[] = { &person->family_name, &person->given_name, &person->middle_name, &person->position,
                      &person->email, &person->phone };

  if (gender != NULL && !dn_gender_from_string (gender, &person->gender))
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "invalid",
                             _("“gender” must be one of unknown, male, female."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    _dn_server_set_text (fields[i], _dn_server_body_string (body, texts[i], *fields[i]));
  if (_dn_server_body_has (body, "birth_date"))
    {
      const char *date = _dn_server_body_string (body, "birth_date", NULL);

      g_date_clear (&person->birth_date, 1);
      if (date != NULL)
        dn_date_parse_iso (date, &person->birth_date);
    }
  if (_dn_server_body_has (body, "unit_id"))
    person->unit_id = _dn_server_body_int (body, "unit_id", 0);
  scope = dn_account_dup_scope (dn_server_get_store (request->server), request->account);
  /* a unit officer's people stay in its units; a person of no unit is the
   * department's */
  if (scope != NULL && !_dn_server_has_id (scope, person->unit_id))
    {
      dn_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                             _("This account may not change the records of that unit."));
      return FALSE;
    }
  return TRUE;
}

static void
list_people (DnRequest *request)
{
  _dn_server_list_served (request, &dn_served_person, NULL, 0);
}

static void
get_person (DnRequest *request)
{
  _dn_server_get_served (request, &dn_served_person);
}

static void
add_person (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnPerson) person = dn_person_new ();
  g_autoptr(GError) error = NULL;

  if (!_dn_server_check_fields (request->msg, request->body, new_person_fields) ||
      !_dn_server_check_may_write (request, FALSE) ||
      !read_person (request, person))
    return;
  if (!dn_store_add_person (store, person, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "person", person->id, SOUP_STATUS_CREATED);
}

static void
change_person (DnRequest *request)
{
  DnStore *store = dn_server_get_store (request->server);
  g_autoptr(DnPerson) person = NULL;
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(GError) error = NULL;

  if (!_dn_server_check_fields (request->msg, request->body, person_change_fields))
    return;
  if ((seen = _dn_server_read_served (store, request->account, &dn_served_person, request->id, &error)) == NULL ||
      (person = dn_store_get_person (store, request->id, &error)) == NULL)
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_may_write (request, FALSE) ||
      !read_person (request, person))
    return;
  if (!dn_store_begin (store, &error))
    {
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  if (!_dn_server_check_revision (request, "person", request->id))
    {
      dn_store_rollback (store);
      return;
    }
  if (!dn_store_update_person (store, person, &error) || !dn_store_commit (store, &error))
    {
      dn_store_rollback (store);
      _dn_server_reply_store_error (request->msg, error);
      return;
    }
  _dn_server_reply_record (request->msg, store, "person", person->id, SOUP_STATUS_OK);
}

static const DnRoute routes[] = {
  { "GET", "/people", TRUE, DN_ROUTE_NO_BODY, 0, list_people },
  { "GET", "/people/{id}", TRUE, DN_ROUTE_NO_BODY, 0, get_person },
  { "POST", "/people", TRUE, DN_ROUTE_JSON, 0, add_person },
  { "PATCH", "/people/{id}", TRUE, DN_ROUTE_JSON, 0, change_person },
};
const DnRouteTable dn_server_people_routes = DN_ROUTE_TABLE (routes);
