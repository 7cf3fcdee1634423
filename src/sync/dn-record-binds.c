/* dn-record-binds.c: a record of core as the API's JSON and back
 * (dn-record-binds.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-sync"

#include "config.h"

#include "dn-date.h"
#include "dn-record-binds.h"
#include "dn-store-delegation-members.h"
#include "dn-store-delegations.h"
#include "dn-store-documents.h"
#include "dn-store-partners.h"
#include "dn-store-passports.h"
#include "dn-store-people.h"
#include "dn-store-units.h"

#define ENUM_WORDS(name, Type)                         \
  static gboolean read_##name (const char *text,      \
                               int        *out)       \
  {                                                   \
    Type value;                                       \
    if (!dn_##name##_from_string (text, &value))      \
      return FALSE;                                   \
    *out = (int) value;                               \
    return TRUE;                                      \
  }                                                   \
  static const char *write_##name (int value)         \
  {                                                   \
    return dn_##name##_to_string ((Type) value);      \
  }

ENUM_WORDS (partner_kind, DnPartnerKind)
ENUM_WORDS (registration_kind, DnRegistrationKind)
ENUM_WORDS (project_status, DnProjectStatus)
ENUM_WORDS (direction, DnDocumentDirection)
ENUM_WORDS (document_type, DnDocumentType)
ENUM_WORDS (classification, DnClassification)
ENUM_WORDS (urgency, DnUrgency)
ENUM_WORDS (funding_source, DnFundingSource)
ENUM_WORDS (gender, DnGender)
ENUM_WORDS (unit_kind, DnUnitKind)
ENUM_WORDS (passport_kind, DnPassportKind)
ENUM_WORDS (member_role, DnMemberRole)

/* as the table and the exchange write it (the window's words are "out"
 * and "in") */
static gboolean
read_delegation_direction (const char *text,
                           int        *out)
{
  if (g_strcmp0 (text, "outbound") == 0)
    *out = DN_DELEGATION_OUTBOUND;
  else if (g_strcmp0 (text, "inbound") == 0)
    *out = DN_DELEGATION_INBOUND;
  else
    return FALSE;
  return TRUE;
}

static const char *
write_delegation_direction (int value)
{
  return value == DN_DELEGATION_INBOUND ? "inbound" : "outbound";
}

#define BIND(Type, field, name, type, required) \
  { name, type, G_STRUCT_OFFSET (Type, field), required, NULL, NULL }
#define BIND_ENUM(Type, field, name, required, words) \
  { name, DN_BIND_ENUM, G_STRUCT_OFFSET (Type, field), required, read_##words, write_##words }

static const DnBind unit_binds[] = {
  BIND (DnUnit, code, "code", DN_BIND_TEXT, TRUE),
  BIND (DnUnit, name, "name", DN_BIND_TEXT, TRUE),
  BIND_ENUM (DnUnit, kind, "kind", TRUE, unit_kind),
  BIND (DnUnit, parent_id, "parent_id", DN_BIND_ID, FALSE),
  BIND (DnUnit, archived, "archived", DN_BIND_FLAG, FALSE),
  { NULL }
};

static const DnBind partner_binds[] = {
  BIND (DnPartner, name, "name", DN_BIND_TEXT, TRUE),
  BIND (DnPartner, short_name, "short_name", DN_BIND_TEXT, FALSE),
  BIND_ENUM (DnPartner, kind, "kind", FALSE, partner_kind),
  BIND (DnPartner, country_code, "country_code", DN_BIND_TEXT, FALSE),
  BIND_ENUM (DnPartner, registration_kind, "registration_kind", FALSE, registration_kind),
  BIND (DnPartner, registration_number, "registration_number", DN_BIND_TEXT, FALSE),
  BIND (DnPartner, registration_expiry, "registration_expiry", DN_BIND_DATE, FALSE),
  BIND (DnPartner, contact, "contact", DN_BIND_TEXT, FALSE),
  BIND (DnPartner, notes, "notes", DN_BIND_TEXT, FALSE),
  { NULL }
};

static const DnBind project_binds[] = {
  BIND (DnProject, partner_id, "partner_id", DN_BIND_ID, TRUE),
  BIND (DnProject, name, "name", DN_BIND_TEXT, TRUE),
  BIND (DnProject, code, "code", DN_BIND_TEXT, FALSE),
  BIND (DnProject, unit_id, "unit_id", DN_BIND_ID, FALSE),
  BIND (DnProject, start_date, "start_date", DN_BIND_DATE, FALSE),
  BIND (DnProject, end_date, "end_date", DN_BIND_DATE, FALSE),
  BIND (DnProject, budget, "budget", DN_BIND_AMOUNT, FALSE),
  BIND (DnProject, currency, "currency", DN_BIND_TEXT, FALSE),
  BIND_ENUM (DnProject, status, "status", FALSE, project_status),
  BIND (DnProject, description, "description", DN_BIND_TEXT, FALSE),
  { NULL }
};

static const DnBind document_binds[] = {
  BIND_ENUM (DnDocument, direction, "direction", TRUE, direction),
  BIND_ENUM (DnDocument, type, "type", TRUE, document_type),
  BIND (DnDocument, subject, "subject", DN_BIND_TEXT, TRUE),
  BIND (DnDocument, number, "number", DN_BIND_TEXT, FALSE),
  BIND (DnDocument, symbol, "symbol", DN_BIND_TEXT, FALSE),
  BIND (DnDocument, issue_date, "issue_date", DN_BIND_DATE, FALSE),
  BIND (DnDocument, issuer, "issuer", DN_BIND_TEXT, FALSE),
  BIND (DnDocument, signer, "signer", DN_BIND_TEXT, FALSE),
  BIND (DnDocument, recipients, "recipients", DN_BIND_TEXT, FALSE),
  BIND_ENUM (DnDocument, classification, "classification", FALSE, classification),
  BIND (DnDocument, arrival_number, "arrival_number", DN_BIND_INT, FALSE),
  BIND (DnDocument, arrival_date, "arrival_date", DN_BIND_DATE, FALSE),
  BIND_ENUM (DnDocument, urgency, "urgency", FALSE, urgency),
  BIND (DnDocument, receiver, "receiver", DN_BIND_TEXT, FALSE),
  BIND (DnDocument, file_copy_holder, "file_copy_holder", DN_BIND_TEXT, FALSE),
  BIND (DnDocument, copies, "copies", DN_BIND_INT, FALSE),
  BIND (DnDocument, passed_on, "passed_on", DN_BIND_DATE, FALSE),
  BIND (DnDocument, notes, "notes", DN_BIND_TEXT, FALSE),
  { NULL }
};

static const DnBind delegation_binds[] = {
  BIND_ENUM (DnDelegation, direction, "direction", TRUE, delegation_direction),
  BIND (DnDelegation, title, "title", DN_BIND_TEXT, TRUE),
  BIND (DnDelegation, start_date, "start_date", DN_BIND_DATE, TRUE),
  BIND (DnDelegation, end_date, "end_date", DN_BIND_DATE, TRUE),
  BIND (DnDelegation, purpose, "purpose", DN_BIND_TEXT, FALSE),
  BIND (DnDelegation, inviting_party, "inviting_party", DN_BIND_TEXT, FALSE),
  BIND (DnDelegation, partner_id, "partner_id", DN_BIND_ID, FALSE),
  BIND (DnDelegation, unit_id, "unit_id", DN_BIND_ID, FALSE),
  BIND_ENUM (DnDelegation, funding, "funding_source", FALSE, funding_source),
  BIND (DnDelegation, budget, "budget", DN_BIND_AMOUNT, FALSE),
  BIND (DnDelegation, in_plan, "in_plan", DN_BIND_FLAG, FALSE),
  BIND (DnDelegation, proposal_document_id, "proposal_document_id", DN_BIND_ID, FALSE),
  BIND (DnDelegation, decision_document_id, "decision_document_id", DN_BIND_ID, FALSE),
  BIND (DnDelegation, notes, "notes", DN_BIND_TEXT, FALSE),
  { NULL }
};

/* one of the staff (person_id) or a guest (guest_name) */
const DnBind _dn_member_binds[] = {
  BIND (DnDelegationMember, person_id, "person_id", DN_BIND_ID, FALSE),
  BIND (DnDelegationMember, name, "guest_name", DN_BIND_TEXT, FALSE),
  BIND (DnDelegationMember, guest_nationality, "guest_nationality", DN_BIND_TEXT, FALSE),
  BIND (DnDelegationMember, guest_passport, "guest_passport", DN_BIND_TEXT, FALSE),
  BIND (DnDelegationMember, guest_organisation, "guest_organisation", DN_BIND_TEXT, FALSE),
  BIND (DnDelegationMember, position, "position", DN_BIND_TEXT, FALSE),
  BIND (DnDelegationMember, grade, "grade", DN_BIND_TEXT, FALSE),
  BIND_ENUM (DnDelegationMember, role, "role", FALSE, member_role),
  BIND (DnDelegationMember, passport_id, "passport_id", DN_BIND_ID, FALSE),
  BIND (DnDelegationMember, unit_id, "unit_id", DN_BIND_ID, FALSE),
  { NULL }
};

const DnBind _dn_country_binds[] = {
  BIND (DnDelegationCountry, country_code, "country_code", DN_BIND_TEXT, TRUE),
  BIND (DnDelegationCountry, days, "days", DN_BIND_INT, FALSE),
  { NULL }
};

const DnBind _dn_programme_binds[] = {
  BIND (DnProgrammeItem, day, "day", DN_BIND_DATE, TRUE),
  BIND (DnProgrammeItem, time, "time", DN_BIND_TEXT, FALSE),
  BIND (DnProgrammeItem, place, "place", DN_BIND_TEXT, FALSE),
  BIND (DnProgrammeItem, host_unit_id, "host_unit_id", DN_BIND_ID, FALSE),
  BIND (DnProgrammeItem, description, "description", DN_BIND_TEXT, TRUE),
  { NULL }
};

static const DnBind person_binds[] = {
  BIND (DnPerson, family_name, "family_name", DN_BIND_TEXT, TRUE),
  BIND (DnPerson, given_name, "given_name", DN_BIND_TEXT, TRUE),
  BIND (DnPerson, middle_name, "middle_name", DN_BIND_TEXT, FALSE),
  BIND_ENUM (DnPerson, gender, "gender", FALSE, gender),
  BIND (DnPerson, birth_date, "birth_date", DN_BIND_DATE, FALSE),
  BIND (DnPerson, unit_id, "unit_id", DN_BIND_ID, FALSE),
  BIND (DnPerson, position, "position", DN_BIND_TEXT, FALSE),
  BIND (DnPerson, email, "email", DN_BIND_TEXT, FALSE),
  BIND (DnPerson, phone, "phone", DN_BIND_TEXT, FALSE),
  { NULL }
};

static const DnBind passport_binds[] = {
  BIND (DnPassport, person_id, "person_id", DN_BIND_ID, TRUE),
  BIND_ENUM (DnPassport, kind, "kind", TRUE, passport_kind),
  BIND (DnPassport, number, "number", DN_BIND_TEXT, TRUE),
  BIND (DnPassport, issue_date, "issue_date", DN_BIND_DATE, TRUE),
  BIND (DnPassport, expiry_date, "expiry_date", DN_BIND_DATE, TRUE),
  BIND (DnPassport, issuing_authority, "issuing_authority", DN_BIND_TEXT, FALSE),
  { NULL }
};

const DnBind *
_dn_record_binds (const DnWritable *kind)
{
  if (kind == &dn_writable_unit)
    return unit_binds;
  if (kind == &dn_writable_partner)
    return partner_binds;
  if (kind == &dn_writable_project)
    return project_binds;
  if (kind == &dn_writable_document)
    return document_binds;
  if (kind == &dn_writable_delegation)
    return delegation_binds;
  if (kind == &dn_writable_person)
    return person_binds;
  if (kind == &dn_writable_passport)
    return passport_binds;
  return NULL;
}

JsonObject *
_dn_record_binds_write (const DnBind *binds,
                        gpointer      record)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; binds[i].name != NULL; i++)
    {
      gconstpointer field = G_STRUCT_MEMBER_P (record, binds[i].offset);
      const char *name = binds[i].name;

      switch (binds[i].type)
        {
        case DN_BIND_TEXT:
          json_object_set_string_member (object, name, *(char * const *) field != NULL ? *(char * const *) field : "");
          break;
        case DN_BIND_ENUM:
          json_object_set_string_member (object, name, binds[i].write_enum (*(const int *) field));
          break;
        case DN_BIND_DATE:
          if (g_date_valid (field))
            {
              g_autofree char *text = dn_date_format_iso (field);

              json_object_set_string_member (object, name, text);
            }
          else
            json_object_set_null_member (object, name);
          break;
        case DN_BIND_ID:
          if (*(const gint64 *) field > 0)
            json_object_set_int_member (object, name, *(const gint64 *) field);
          else
            json_object_set_null_member (object, name);
          break;
        case DN_BIND_AMOUNT:
          if (*(const gint64 *) field >= 0)
            json_object_set_int_member (object, name, *(const gint64 *) field);
          else
            json_object_set_null_member (object, name);
          break;
        case DN_BIND_INT:
          json_object_set_int_member (object, name, *(const int *) field);
          break;
        case DN_BIND_FLAG:
          json_object_set_int_member (object, name, *(const gboolean *) field ? 1 : 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return object;
}
