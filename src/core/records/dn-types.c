/* dn-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-types.h"

typedef struct
{
  const char *keyword;
  const char *label;   /* N_() msgid */
} EnumString;

static const EnumString unit_kinds[] = {
  { "department", N_("Department") },
  { "division", N_("Division") },
  { "district_office", N_("District office") },
  { "school", N_("School") },
  { "centre", N_("Centre") },
  { "external", N_("External body") },
};

static const EnumString genders[] = {
  { "unknown", N_("Not stated") },
  { "male", N_("Male") },
  { "female", N_("Female") },
};

static const EnumString directions[] = {
  { "incoming", N_("Incoming") },
  { "outgoing", N_("Outgoing") },
  { "internal", N_("Internal") },
};

static const EnumString document_types[] = {
  { "official_letter", N_("Official letter") },
  { "plan", N_("Plan") },
  { "guidance", N_("Guidance") },
  { "decision", N_("Decision") },
  { "directive", N_("Directive") },
  { "report", N_("Report") },
  { "notice", N_("Notice") },
  { "submission", N_("Submission") },
  { "invitation", N_("Invitation") },
  { "programme", N_("Programme") },
  { "minutes", N_("Minutes") },
  { "memorandum", N_("Memorandum of understanding") },
  { "other", N_("Other") },
};

static const char *document_abbreviations[] = {
  "", "KH", "HD", "QĐ", "CT", "BC", "TB", "TTr", "GM", "CTr", "BB", "BGN", "",
};

static const EnumString classifications[] = {
  { "normal", N_("Normal") },
  { "mat", N_("Confidential") },
  { "toi_mat", N_("Secret") },
  { "tuyet_mat", N_("Top secret") },
};

static const EnumString urgencies[] = {
  { "normal", N_("Normal") },
  { "khan", N_("Urgent") },
  { "thuong_khan", N_("Very urgent") },
  { "hoa_toc", N_("Flash") },
};

static const EnumString recurrences[] = {
  { "none", N_("Once") },
  { "monthly", N_("Monthly") },
  { "quarterly", N_("Quarterly") },
  { "twice_yearly", N_("Twice a year") },
  { "semester", N_("Each semester") },
  { "annual", N_("Yearly") },
};

static const EnumString statuses[] = {
  { "open", N_("Not started") },
  { "in_progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
};

static const EnumString roles[] = {
  { "lead", N_("Lead") },
  { "support", N_("Supporting") },
};

static const EnumString reminder_kinds[] = {
  { "notice", N_("Reminder") },
  { "criticism", N_("Criticism") },
  { "review", N_("Self-criticism review") },
};

static const EnumString record_kinds[] = {
  { "unit", N_("Unit") },
  { "person", N_("Person") },
  { "document", N_("Document") },
  { "task", N_("Task") },
  { "delegation", N_("Delegation") },
  { "passport", N_("Passport") },
  { "partner", N_("Partner") },
  { "project", N_("Project") },
  { "attachment", N_("Attached file") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (unit_kinds) == DN_UNIT_KIND_N);
G_STATIC_ASSERT (G_N_ELEMENTS (genders) == DN_GENDER_N);
G_STATIC_ASSERT (G_N_ELEMENTS (directions) == DN_DIRECTION_N);
G_STATIC_ASSERT (G_N_ELEMENTS (document_types) == DN_DOCUMENT_TYPE_N);
G_STATIC_ASSERT (G_N_ELEMENTS (document_abbreviations) == DN_DOCUMENT_TYPE_N);
G_STATIC_ASSERT (G_N_ELEMENTS (classifications) == DN_CLASSIFICATION_N);
G_STATIC_ASSERT (G_N_ELEMENTS (urgencies) == DN_URGENCY_N);
G_STATIC_ASSERT (G_N_ELEMENTS (recurrences) == DN_RECURRENCE_N);
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == DN_STATUS_N);
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == DN_ROLE_N);
G_STATIC_ASSERT (G_N_ELEMENTS (reminder_kinds) == DN_REMINDER_N);
G_STATIC_ASSERT (G_N_ELEMENTS (record_kinds) == DN_RECORD_N);

static gboolean
lookup (const EnumString *table,
        guint             n,
        const char       *text,
        int              *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].keyword, text))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

/* the keywords of the command line; the store keeps version 1's words for
 * the first four (dn-store-delegations.c) */
static const EnumString delegation_directions[] = {
  { "out", N_("Outbound delegation") },
  { "in", N_("Inbound delegation") },
};

static const EnumString delegation_statuses[] = {
  { "proposed", N_("Proposed") },
  { "approved", N_("Approved") },
  { "abroad", N_("Abroad") },
  { "returned", N_("Returned") },
  { "reported", N_("Reported") },
  { "cancelled", N_("Cancelled") },
};

static const EnumString funding_sources[] = {
  { "state_budget", N_("State budget") },
  { "partner", N_("Inviting party") },
  { "project", N_("Project") },
  { "self", N_("Own funds") },
  { "other", N_("Other") },
};

static const EnumString member_roles[] = {
  { "head", N_("Head of delegation") },
  { "deputy", N_("Deputy head") },
  { "member", N_("Member") },
};

static const EnumString passport_kinds[] = {
  { "diplomatic", N_("Diplomatic passport") },
  { "official", N_("Official passport") },
  { "ordinary", N_("Ordinary passport") },
};

static const EnumString passport_states[] = {
  { "in_office", N_("Kept by the office") },
  { "out", N_("Handed out") },
  { "lost", N_("Lost") },
  { "transferred", N_("Transferred") },
  { "cancelled", N_("Sent for cancellation") },
};

static const EnumString passport_event_kinds[] = {
  { "lost", N_("Lost") },
  { "transferred", N_("Transferred to another agency") },
  { "sent_for_cancellation", N_("Sent for cancellation") },
  { "extended", N_("Extended") },
};

static const EnumString partner_kinds[] = {
  { "ngo", N_("Non-governmental organisation") },
  { "un_agency", N_("United Nations agency") },
  { "government_agency", N_("Government agency") },
  { "university", N_("University") },
  { "company", N_("Company") },
  { "other", N_("Other") },
};

static const EnumString registration_kinds[] = {
  { "none", N_("No registration paper") },
  { "operation", N_("Operation registration (at most 3 years)") },
  { "representative_office", N_("Representative office registration (at most 5 years)") },
  { "project", N_("Project registration") },
  { "other", N_("Other paper") },
};

static const EnumString project_statuses[] = {
  { "proposed", N_("Proposed") },
  { "active", N_("Under way") },
  { "closed", N_("Closed") },
};

static const EnumString attachment_text_states[] = {
  { "pending", N_("Text not read yet") },
  { "indexed", N_("Text searchable") },
  { "no_text", N_("No text (a scan)") },
  { "not_pdf", N_("Not a PDF") },
  { "damaged", N_("Damaged PDF") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (attachment_text_states) == DN_ATTACHMENT_TEXT_N);

#define DN_DEFINE_ENUM_STRINGS(Type, name, table)                           \
  const char *                                                               \
  dn_##name##_to_string (Type value)                                         \
  {                                                                          \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);       \
    return table[value].keyword;                                             \
  }                                                                          \
  gboolean                                                                   \
  dn_##name##_from_string (const char *text, Type *out)                      \
  {                                                                          \
    int v;                                                                   \
    if (!lookup (table, G_N_ELEMENTS (table), text, &v))                     \
      return FALSE;                                                          \
    if (out != NULL)                                                         \
      *out = (Type) v;                                                       \
    return TRUE;                                                             \
  }                                                                          \
  const char *                                                               \
  dn_##name##_get_label (Type value)                                         \
  {                                                                          \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);       \
    return _(table[value].label);                                            \
  }

DN_DEFINE_ENUM_STRINGS (DnUnitKind, unit_kind, unit_kinds)
DN_DEFINE_ENUM_STRINGS (DnGender, gender, genders)
DN_DEFINE_ENUM_STRINGS (DnDocumentDirection, direction, directions)
DN_DEFINE_ENUM_STRINGS (DnDocumentType, document_type, document_types)
DN_DEFINE_ENUM_STRINGS (DnClassification, classification, classifications)
DN_DEFINE_ENUM_STRINGS (DnUrgency, urgency, urgencies)
DN_DEFINE_ENUM_STRINGS (DnRecurrence, recurrence, recurrences)
DN_DEFINE_ENUM_STRINGS (DnStatus, status, statuses)
DN_DEFINE_ENUM_STRINGS (DnRole, role, roles)
DN_DEFINE_ENUM_STRINGS (DnReminderKind, reminder_kind, reminder_kinds)
DN_DEFINE_ENUM_STRINGS (DnRecordKind, record_kind, record_kinds)
DN_DEFINE_ENUM_STRINGS (DnDelegationDirection, delegation_direction, delegation_directions)
DN_DEFINE_ENUM_STRINGS (DnDelegationStatus, delegation_status, delegation_statuses)
DN_DEFINE_ENUM_STRINGS (DnFundingSource, funding_source, funding_sources)
DN_DEFINE_ENUM_STRINGS (DnMemberRole, member_role, member_roles)
DN_DEFINE_ENUM_STRINGS (DnPassportKind, passport_kind, passport_kinds)
DN_DEFINE_ENUM_STRINGS (DnPassportState, passport_state, passport_states)
DN_DEFINE_ENUM_STRINGS (DnPassportEventKind, passport_event_kind, passport_event_kinds)
DN_DEFINE_ENUM_STRINGS (DnPartnerKind, partner_kind, partner_kinds)
DN_DEFINE_ENUM_STRINGS (DnRegistrationKind, registration_kind, registration_kinds)
DN_DEFINE_ENUM_STRINGS (DnProjectStatus, project_status, project_statuses)
DN_DEFINE_ENUM_STRINGS (DnAttachmentTextState, attachment_text_state, attachment_text_states)

const char *
dn_document_type_get_abbreviation (DnDocumentType type)
{
  g_return_val_if_fail ((guint) type < DN_DOCUMENT_TYPE_N, "");
  return document_abbreviations[type];
}
