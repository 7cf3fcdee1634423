/* dn-record.c: the record types
 *
 * Every record (DnUnit, DnPerson, DnTask…) is a final GObject with public
 * fields and nothing else: its type is described here by the fields it owns,
 * and one class and one instance init serve them all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-record"

#include "config.h"

#include <string.h>

#include "dn-account.h"
#include "dn-assignment.h"
#include "dn-delegation.h"
#include "dn-delegation-member.h"
#include "dn-delegation-country.h"
#include "dn-programme-item.h"
#include "dn-passport.h"
#include "dn-passport-loan.h"
#include "dn-passport-event.h"
#include "dn-partner.h"
#include "dn-project.h"
#include "dn-attachment.h"
#include "dn-document.h"
#include "dn-extension.h"
#include "dn-owed-report.h"
#include "dn-person.h"
#include "dn-progress.h"
#include "dn-reminder.h"
#include "dn-report.h"
#include "dn-search-hit.h"
#include "dn-task.h"
#include "dn-unit.h"
#include "dn-unit-stat.h"

/* Fields by their offsets in the instance; a list ends at the first 0
 * (offset 0 is the parent instance, never a field). */
typedef struct
{
  const char *name;
  gsize       size;
  guint16     strings[16]; /* owned, "" when new */
  guint16     dates[6];    /* GDate, invalid when new */
  guint16     ids;        /* a GArray of gint64, empty when new; 0 for none */
} RecordKind;

#define FIELD(Type, field) ((guint16) G_STRUCT_OFFSET (Type, field))

typedef enum
{
  RECORD_ASSIGNMENT,
  RECORD_ATTACHMENT,
  RECORD_DOCUMENT,
  RECORD_EXTENSION,
  RECORD_PERSON,
  RECORD_PROGRESS,
  RECORD_REMINDER,
  RECORD_SEARCH_HIT,
  RECORD_TASK,
  RECORD_UNIT,
  RECORD_UNIT_STAT,
  RECORD_DELEGATION,
  RECORD_DELEGATION_MEMBER,
  RECORD_DELEGATION_COUNTRY,
  RECORD_PROGRAMME_ITEM,
  RECORD_PASSPORT,
  RECORD_PASSPORT_LOAN,
  RECORD_PASSPORT_EVENT,
  RECORD_PARTNER,
  RECORD_PROJECT,
  RECORD_REPORT,
  RECORD_OWED_REPORT,
  RECORD_ACCOUNT,
  N_RECORDS
} RecordId;

static const RecordKind kinds[N_RECORDS] = {
  [RECORD_ASSIGNMENT] = {
    "DnAssignment", sizeof (DnAssignment),
    { FIELD (DnAssignment, reply_reference), FIELD (DnAssignment, unit_code), FIELD (DnAssignment, unit_name) },
    { FIELD (DnAssignment, due_date) },
  },
  [RECORD_ATTACHMENT] = {
    "DnAttachment", sizeof (DnAttachment),
    { FIELD (DnAttachment, sha256), FIELD (DnAttachment, file_name), FIELD (DnAttachment, mime_type) },
  },
  [RECORD_DOCUMENT] = {
    "DnDocument", sizeof (DnDocument),
    { FIELD (DnDocument, number), FIELD (DnDocument, symbol), FIELD (DnDocument, issuer),
      FIELD (DnDocument, subject), FIELD (DnDocument, signer), FIELD (DnDocument, recipients),
      FIELD (DnDocument, receiver), FIELD (DnDocument, file_copy_holder), FIELD (DnDocument, notes) },
    { FIELD (DnDocument, issue_date), FIELD (DnDocument, arrival_date), FIELD (DnDocument, passed_on) },
  },
  [RECORD_EXTENSION] = {
    "DnExtension", sizeof (DnExtension),
    { FIELD (DnExtension, reason), FIELD (DnExtension, extended_at), FIELD (DnExtension, extended_by) },
    { FIELD (DnExtension, old_due_date), FIELD (DnExtension, new_due_date) },
  },
  [RECORD_PERSON] = {
    "DnPerson", sizeof (DnPerson),
    { FIELD (DnPerson, family_name), FIELD (DnPerson, middle_name), FIELD (DnPerson, given_name),
      FIELD (DnPerson, position), FIELD (DnPerson, email), FIELD (DnPerson, phone), FIELD (DnPerson, unit_code) },
    { FIELD (DnPerson, birth_date) },
  },
  [RECORD_PROGRESS] = {
    "DnProgress", sizeof (DnProgress),
    { FIELD (DnProgress, note), FIELD (DnProgress, unit_code), FIELD (DnProgress, unit_name) },
    { FIELD (DnProgress, entry_date) },
  },
  [RECORD_REMINDER] = {
    "DnReminder", sizeof (DnReminder),
    { FIELD (DnReminder, note), FIELD (DnReminder, sent_by), FIELD (DnReminder, unit_code),
      FIELD (DnReminder, unit_name) },
    { FIELD (DnReminder, sent_on) },
  },
  [RECORD_SEARCH_HIT] = {
    "DnSearchHit", sizeof (DnSearchHit),
    { FIELD (DnSearchHit, title), FIELD (DnSearchHit, detail), FIELD (DnSearchHit, sha256) },
    { FIELD (DnSearchHit, due_date) },
  },
  [RECORD_TASK] = {
    "DnTask", sizeof (DnTask),
    { FIELD (DnTask, section), FIELD (DnTask, title), FIELD (DnTask, description),
      FIELD (DnTask, lead_unit_code), FIELD (DnTask, lead_unit_name), FIELD (DnTask, support_unit_codes),
      FIELD (DnTask, support_unit_names), FIELD (DnTask, document_label) },
    { FIELD (DnTask, due_date) },
    FIELD (DnTask, support_unit_ids),
  },
  [RECORD_UNIT] = {
    "DnUnit", sizeof (DnUnit),
    { FIELD (DnUnit, code), FIELD (DnUnit, name), FIELD (DnUnit, parent_code) },
  },
  [RECORD_UNIT_STAT] = {
    "DnUnitStat", sizeof (DnUnitStat),
    { FIELD (DnUnitStat, unit_code), FIELD (DnUnitStat, unit_name) },
  },
  [RECORD_DELEGATION] = {
    "DnDelegation", sizeof (DnDelegation),
    { FIELD (DnDelegation, title), FIELD (DnDelegation, purpose), FIELD (DnDelegation, inviting_party), FIELD (DnDelegation, partner_name), FIELD (DnDelegation, unit_name), FIELD (DnDelegation, decision_label), FIELD (DnDelegation, notes), FIELD (DnDelegation, country_codes) },
    { FIELD (DnDelegation, start_date), FIELD (DnDelegation, end_date), FIELD (DnDelegation, report_due_date), FIELD (DnDelegation, report_submitted_on), FIELD (DnDelegation, police_informed_on), FIELD (DnDelegation, foreign_affairs_informed_on) },
  },
  [RECORD_DELEGATION_MEMBER] = {
    "DnDelegationMember", sizeof (DnDelegationMember),
    { FIELD (DnDelegationMember, name), FIELD (DnDelegationMember, unit_name), FIELD (DnDelegationMember, position), FIELD (DnDelegationMember, grade), FIELD (DnDelegationMember, passport_number), FIELD (DnDelegationMember, guest_nationality), FIELD (DnDelegationMember, guest_passport), FIELD (DnDelegationMember, guest_organisation) },
  },
  [RECORD_DELEGATION_COUNTRY] = {
    "DnDelegationCountry", sizeof (DnDelegationCountry),
    { FIELD (DnDelegationCountry, country_code) },
  },
  [RECORD_PROGRAMME_ITEM] = {
    "DnProgrammeItem", sizeof (DnProgrammeItem),
    { FIELD (DnProgrammeItem, time), FIELD (DnProgrammeItem, place), FIELD (DnProgrammeItem, host_unit_name), FIELD (DnProgrammeItem, description) },
    { FIELD (DnProgrammeItem, day) },
  },
  [RECORD_PASSPORT] = {
    "DnPassport", sizeof (DnPassport),
    { FIELD (DnPassport, holder_name), FIELD (DnPassport, holder_unit_name), FIELD (DnPassport, number), FIELD (DnPassport, issuing_authority), FIELD (DnPassport, delegation_title) },
    { FIELD (DnPassport, issue_date), FIELD (DnPassport, expiry_date), FIELD (DnPassport, expiry_before_extension), FIELD (DnPassport, extended_on), FIELD (DnPassport, handed_out_on), FIELD (DnPassport, due_back_on) },
  },
  [RECORD_PASSPORT_LOAN] = {
    "DnPassportLoan", sizeof (DnPassportLoan),
    { FIELD (DnPassportLoan, passport_number), FIELD (DnPassportLoan, holder_name), FIELD (DnPassportLoan, delegation_title), FIELD (DnPassportLoan, handed_by), FIELD (DnPassportLoan, handed_to), FIELD (DnPassportLoan, returned_by), FIELD (DnPassportLoan, received_by), FIELD (DnPassportLoan, exemption_reason), FIELD (DnPassportLoan, excused_by), FIELD (DnPassportLoan, notes) },
    { FIELD (DnPassportLoan, handed_out_on), FIELD (DnPassportLoan, due_back_on), FIELD (DnPassportLoan, returned_on) },
  },
  [RECORD_PASSPORT_EVENT] = {
    "DnPassportEvent", sizeof (DnPassportEvent),
    { FIELD (DnPassportEvent, letter), FIELD (DnPassportEvent, notes), FIELD (DnPassportEvent, recorded_by) },
    { FIELD (DnPassportEvent, on_date) },
  },
  [RECORD_PARTNER] = {
    "DnPartner", sizeof (DnPartner),
    { FIELD (DnPartner, name), FIELD (DnPartner, short_name), FIELD (DnPartner, country_code), FIELD (DnPartner, registration_number), FIELD (DnPartner, contact), FIELD (DnPartner, notes) },
    { FIELD (DnPartner, registration_expiry) },
  },
  [RECORD_PROJECT] = {
    "DnProject", sizeof (DnProject),
    { FIELD (DnProject, partner_name), FIELD (DnProject, name), FIELD (DnProject, code), FIELD (DnProject, unit_name), FIELD (DnProject, currency), FIELD (DnProject, description) },
    { FIELD (DnProject, start_date), FIELD (DnProject, end_date) },
  },
  [RECORD_REPORT] = {
    "DnReport", sizeof (DnReport),
    { FIELD (DnReport, period), FIELD (DnReport, unit_name), FIELD (DnReport, assessment),
      FIELD (DnReport, difficulties), FIELD (DnReport, directions), FIELD (DnReport, proposals),
      FIELD (DnReport, parent_body), FIELD (DnReport, issuing_body), FIELD (DnReport, symbol), FIELD (DnReport, place),
      FIELD (DnReport, recipients), FIELD (DnReport, head_title), FIELD (DnReport, signer_title),
      FIELD (DnReport, signer_name) },
    { FIELD (DnReport, report_date) },
  },
  [RECORD_OWED_REPORT] = {
    "DnOwedReport", sizeof (DnOwedReport),
    { FIELD (DnOwedReport, period), FIELD (DnOwedReport, note), FIELD (DnOwedReport, task_title),
      FIELD (DnOwedReport, unit_code), FIELD (DnOwedReport, unit_name), FIELD (DnOwedReport, period_label) },
    { FIELD (DnOwedReport, due_date), FIELD (DnOwedReport, received_on) },
  },
  [RECORD_ACCOUNT] = {
    "DnAccount", sizeof (DnAccount),
    { FIELD (DnAccount, name), FIELD (DnAccount, unit_code), FIELD (DnAccount, unit_name),
      FIELD (DnAccount, created_at), FIELD (DnAccount, updated_at) },
  },
};

static G_DEFINE_QUARK (dn-record-kind, record_kind);

static const RecordKind *
kind_of_class (gpointer klass)
{
  return g_type_get_qdata (G_TYPE_FROM_CLASS (klass), record_kind_quark ());
}

static void
record_finalize (GObject *object)
{
  const RecordKind *kind = kind_of_class (G_OBJECT_GET_CLASS (object));
  GObjectClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  for (guint i = 0; i < G_N_ELEMENTS (kind->strings) && kind->strings[i] != 0; i++)
    g_clear_pointer ((char **) G_STRUCT_MEMBER_P (object, kind->strings[i]), g_free);
  if (kind->ids != 0)
    g_clear_pointer ((GArray **) G_STRUCT_MEMBER_P (object, kind->ids), g_array_unref);

  parent_class->finalize (object);
}

static void
record_class_init (gpointer klass,
                   gpointer class_data)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), record_kind_quark (), class_data);
  G_OBJECT_CLASS (klass)->finalize = record_finalize;
}

static void
record_init (GTypeInstance *instance,
             gpointer       klass)
{
  const RecordKind *kind = kind_of_class (klass);

  for (guint i = 0; i < G_N_ELEMENTS (kind->strings) && kind->strings[i] != 0; i++)
    G_STRUCT_MEMBER (char *, instance, kind->strings[i]) = g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (kind->dates) && kind->dates[i] != 0; i++)
    g_date_clear (G_STRUCT_MEMBER_P (instance, kind->dates[i]), 1);
  if (kind->ids != 0)
    G_STRUCT_MEMBER (GArray *, instance, kind->ids) = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* A new record of @record's type holding copies of its fields */
static gpointer
record_copy (gpointer record)
{
  const RecordKind *kind = kind_of_class (G_OBJECT_GET_CLASS (record));
  GObject *copy = g_object_new (G_OBJECT_TYPE (record), NULL);
  gsize offset = sizeof (GObject);

  for (guint i = 0; i < G_N_ELEMENTS (kind->strings) && kind->strings[i] != 0; i++)
    g_free (G_STRUCT_MEMBER (char *, copy, kind->strings[i]));
  if (kind->ids != 0)
    g_array_unref (G_STRUCT_MEMBER (GArray *, copy, kind->ids));
  memcpy ((char *) copy + offset, (char *) record + offset, kind->size - offset);
  for (guint i = 0; i < G_N_ELEMENTS (kind->strings) && kind->strings[i] != 0; i++)
    G_STRUCT_MEMBER (char *, copy, kind->strings[i]) = g_strdup (G_STRUCT_MEMBER (char *, record, kind->strings[i]));
  if (kind->ids != 0)
    {
      GArray *ids = G_STRUCT_MEMBER (GArray *, record, kind->ids);
      GArray *copied = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);

      g_array_append_vals (copied, ids->data, ids->len);
      G_STRUCT_MEMBER (GArray *, copy, kind->ids) = copied;
    }
  return copy;
}

DnReport *
dn_report_copy (DnReport *report)
{
  g_return_val_if_fail (DN_IS_REPORT (report), NULL);
  return record_copy (report);
}

static GType
record_type (RecordId id)
{
  static gsize types[N_RECORDS];

  if (g_once_init_enter (&types[id]))
    {
      const GTypeInfo info = {
        .class_size = sizeof (GObjectClass),
        .class_init = record_class_init,
        .class_data = &kinds[id],
        .instance_size = kinds[id].size,
        .instance_init = record_init,
      };
      GType type = g_type_register_static (G_TYPE_OBJECT, g_intern_static_string (kinds[id].name),
                                           &info, G_TYPE_FLAG_FINAL);

      g_once_init_leave (&types[id], type);
    }
  return types[id];
}

GType
dn_assignment_get_type (void)
{
  return record_type (RECORD_ASSIGNMENT);
}

GType
dn_attachment_get_type (void)
{
  return record_type (RECORD_ATTACHMENT);
}

GType
dn_document_get_type (void)
{
  return record_type (RECORD_DOCUMENT);
}

GType
dn_extension_get_type (void)
{
  return record_type (RECORD_EXTENSION);
}

GType
dn_person_get_type (void)
{
  return record_type (RECORD_PERSON);
}

GType
dn_progress_get_type (void)
{
  return record_type (RECORD_PROGRESS);
}

GType
dn_reminder_get_type (void)
{
  return record_type (RECORD_REMINDER);
}

GType
dn_search_hit_get_type (void)
{
  return record_type (RECORD_SEARCH_HIT);
}

GType
dn_task_get_type (void)
{
  return record_type (RECORD_TASK);
}

GType
dn_unit_get_type (void)
{
  return record_type (RECORD_UNIT);
}

GType
dn_unit_stat_get_type (void)
{
  return record_type (RECORD_UNIT_STAT);
}

GType
dn_delegation_get_type (void)
{
  return record_type (RECORD_DELEGATION);
}

GType
dn_delegation_member_get_type (void)
{
  return record_type (RECORD_DELEGATION_MEMBER);
}

GType
dn_delegation_country_get_type (void)
{
  return record_type (RECORD_DELEGATION_COUNTRY);
}

GType
dn_programme_item_get_type (void)
{
  return record_type (RECORD_PROGRAMME_ITEM);
}

GType
dn_passport_get_type (void)
{
  return record_type (RECORD_PASSPORT);
}

GType
dn_passport_loan_get_type (void)
{
  return record_type (RECORD_PASSPORT_LOAN);
}

GType
dn_passport_event_get_type (void)
{
  return record_type (RECORD_PASSPORT_EVENT);
}

GType
dn_partner_get_type (void)
{
  return record_type (RECORD_PARTNER);
}

GType
dn_project_get_type (void)
{
  return record_type (RECORD_PROJECT);
}

GType
dn_report_get_type (void)
{
  return record_type (RECORD_REPORT);
}

GType
dn_owed_report_get_type (void)
{
  return record_type (RECORD_OWED_REPORT);
}

GType
dn_account_get_type (void)
{
  return record_type (RECORD_ACCOUNT);
}
