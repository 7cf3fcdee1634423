/* dn-types.h: domain enumerations shared by the store, the CLI and the UI
 *
 * Each enumeration is stored in the database as a short English keyword
 * (dn_*_to_string / dn_*_from_string) and shown to users through a
 * translated label (dn_*_get_label).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DN_UNIT_KIND_DEPARTMENT,       /* Sở GD&ĐT */
  DN_UNIT_KIND_DIVISION,         /* phòng, ban thuộc Sở */
  DN_UNIT_KIND_DISTRICT_OFFICE,  /* Phòng GD&ĐT huyện */
  DN_UNIT_KIND_SCHOOL,
  DN_UNIT_KIND_CENTRE,           /* trung tâm */
  DN_UNIT_KIND_EXTERNAL,         /* cơ quan ngoài ngành */
  DN_UNIT_KIND_N
} DnUnitKind;

typedef enum
{
  DN_GENDER_UNKNOWN,
  DN_GENDER_MALE,
  DN_GENDER_FEMALE,
  DN_GENDER_N
} DnGender;

typedef enum
{
  DN_DIRECTION_INCOMING,
  DN_DIRECTION_OUTGOING,
  DN_DIRECTION_INTERNAL,
  DN_DIRECTION_N
} DnDocumentDirection;

typedef enum
{
  DN_DOCUMENT_TYPE_OFFICIAL_LETTER, /* công văn */
  DN_DOCUMENT_TYPE_PLAN,            /* kế hoạch */
  DN_DOCUMENT_TYPE_GUIDANCE,        /* hướng dẫn */
  DN_DOCUMENT_TYPE_DECISION,        /* quyết định */
  DN_DOCUMENT_TYPE_DIRECTIVE,       /* chỉ thị */
  DN_DOCUMENT_TYPE_REPORT,          /* báo cáo */
  DN_DOCUMENT_TYPE_NOTICE,          /* thông báo */
  DN_DOCUMENT_TYPE_SUBMISSION,      /* tờ trình */
  DN_DOCUMENT_TYPE_INVITATION,      /* giấy mời */
  DN_DOCUMENT_TYPE_PROGRAMME,       /* chương trình */
  DN_DOCUMENT_TYPE_MINUTES,         /* biên bản */
  DN_DOCUMENT_TYPE_MEMORANDUM,      /* bản ghi nhớ */
  DN_DOCUMENT_TYPE_OTHER,
  DN_DOCUMENT_TYPE_N
} DnDocumentType;

/* Secrecy (độ mật) of Nghị định 30/2020: secret documents have their own
 * number sequence and are shown only where the officer allows it. */
typedef enum
{
  DN_CLASSIFICATION_NORMAL,
  DN_CLASSIFICATION_CONFIDENTIAL,   /* mật */
  DN_CLASSIFICATION_SECRET,         /* tối mật */
  DN_CLASSIFICATION_TOP_SECRET,     /* tuyệt mật */
  DN_CLASSIFICATION_N
} DnClassification;

/* Urgency (mức độ khẩn) */
typedef enum
{
  DN_URGENCY_NORMAL,
  DN_URGENCY_URGENT,        /* khẩn */
  DN_URGENCY_VERY_URGENT,   /* thượng khẩn */
  DN_URGENCY_FLASH,         /* hỏa tốc */
  DN_URGENCY_N
} DnUrgency;

typedef enum
{
  DN_RECURRENCE_NONE,
  DN_RECURRENCE_MONTHLY,
  DN_RECURRENCE_QUARTERLY,
  DN_RECURRENCE_TWICE_YEARLY,
  DN_RECURRENCE_SEMESTER,
  DN_RECURRENCE_ANNUAL,
  DN_RECURRENCE_N
} DnRecurrence;

typedef enum
{
  DN_STATUS_OPEN,
  DN_STATUS_IN_PROGRESS,
  DN_STATUS_DONE,
  DN_STATUS_CANCELLED,
  DN_STATUS_N
} DnStatus;

typedef enum
{
  DN_ROLE_LEAD,     /* chủ trì */
  DN_ROLE_SUPPORT,  /* phối hợp */
  DN_ROLE_N
} DnRole;

typedef enum
{
  DN_REMINDER_NOTICE,     /* nhắc nhở */
  DN_REMINDER_CRITICISM,  /* phê bình */
  DN_REMINDER_REVIEW,     /* kiểm điểm */
  DN_REMINDER_N
} DnReminderKind;

typedef enum
{
  DN_DELEGATION_OUTBOUND,  /* đoàn ra */
  DN_DELEGATION_INBOUND,   /* đoàn vào */
  DN_DELEGATION_DIRECTION_N
} DnDelegationDirection;

/* proposed → approved (needs the sending decision) → abroad → returned →
 * reported (the results report recorded), or cancelled. For an inbound
 * delegation "abroad" reads "visiting". */
typedef enum
{
  DN_DELEGATION_PROPOSED,
  DN_DELEGATION_APPROVED,
  DN_DELEGATION_ABROAD,
  DN_DELEGATION_RETURNED,
  DN_DELEGATION_REPORTED,
  DN_DELEGATION_CANCELLED,
  DN_DELEGATION_STATUS_N
} DnDelegationStatus;

typedef enum
{
  DN_FUNDING_STATE_BUDGET,  /* ngân sách nhà nước */
  DN_FUNDING_PARTNER,       /* the inviting party pays */
  DN_FUNDING_PROJECT,
  DN_FUNDING_SELF,          /* own money */
  DN_FUNDING_OTHER,
  DN_FUNDING_N
} DnFundingSource;

typedef enum
{
  DN_MEMBER_HEAD,    /* trưởng đoàn */
  DN_MEMBER_DEPUTY,  /* phó trưởng đoàn */
  DN_MEMBER_MEMBER,
  DN_MEMBER_ROLE_N
} DnMemberRole;

typedef enum
{
  DN_PASSPORT_DIPLOMATIC,  /* hộ chiếu ngoại giao */
  DN_PASSPORT_OFFICIAL,    /* hộ chiếu công vụ */
  DN_PASSPORT_ORDINARY,    /* hộ chiếu phổ thông */
  DN_PASSPORT_KIND_N
} DnPassportKind;

/* Where a passport is: kept by the office, handed out for a trip, or gone
 * (lost, transferred to another agency, sent for cancellation). */
typedef enum
{
  DN_PASSPORT_IN_OFFICE,
  DN_PASSPORT_OUT,
  DN_PASSPORT_LOST,
  DN_PASSPORT_TRANSFERRED,
  DN_PASSPORT_CANCELLED,
  DN_PASSPORT_STATE_N
} DnPassportState;

typedef enum
{
  DN_PASSPORT_EVENT_LOST,
  DN_PASSPORT_EVENT_TRANSFERRED,
  DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION,
  DN_PASSPORT_EVENT_EXTENDED,
  DN_PASSPORT_EVENT_N
} DnPassportEventKind;

typedef enum
{
  DN_PARTNER_NGO,
  DN_PARTNER_UN_AGENCY,
  DN_PARTNER_GOVERNMENT_AGENCY,
  DN_PARTNER_UNIVERSITY,
  DN_PARTNER_COMPANY,
  DN_PARTNER_OTHER,
  DN_PARTNER_KIND_N
} DnPartnerKind;

/* A foreign NGO's paper (Nghị định 58/2022): a Giấy đăng ký hoạt động lasts
 * at most 3 years, that of a representative office 5. */
typedef enum
{
  DN_REGISTRATION_NONE,
  DN_REGISTRATION_OPERATION,
  DN_REGISTRATION_REPRESENTATIVE_OFFICE,
  DN_REGISTRATION_PROJECT,
  DN_REGISTRATION_OTHER,
  DN_REGISTRATION_KIND_N
} DnRegistrationKind;

typedef enum
{
  DN_PROJECT_PROPOSED,
  DN_PROJECT_ACTIVE,
  DN_PROJECT_CLOSED,
  DN_PROJECT_STATUS_N
} DnProjectStatus;

typedef enum
{
  DN_RECORD_UNIT,
  DN_RECORD_PERSON,
  DN_RECORD_DOCUMENT,
  DN_RECORD_TASK,
  DN_RECORD_DELEGATION,
  DN_RECORD_PASSPORT,
  DN_RECORD_PARTNER,
  DN_RECORD_PROJECT,
  DN_RECORD_ATTACHMENT, /* a file attached to records; not in the search index's rowids */
  DN_RECORD_N
} DnRecordKind;

/* Where the text of an attached file stands (attachment.text_state). */
typedef enum
{
  DN_ATTACHMENT_TEXT_PENDING,  /* a PDF whose text has not been read yet */
  DN_ATTACHMENT_TEXT_INDEXED,  /* its pages' text is in the index */
  DN_ATTACHMENT_TEXT_NO_TEXT,  /* a PDF without a text layer (a scan) */
  DN_ATTACHMENT_TEXT_NOT_PDF,  /* kept as a file, not read */
  DN_ATTACHMENT_TEXT_DAMAGED,  /* a PDF that could not be read */
  DN_ATTACHMENT_TEXT_N
} DnAttachmentTextState;

#define DN_DECLARE_ENUM_STRINGS(Type, name)                                  \
  const char *dn_##name##_to_string   (Type value);                          \
  gboolean    dn_##name##_from_string (const char *text, Type *out);         \
  const char *dn_##name##_get_label   (Type value);

DN_DECLARE_ENUM_STRINGS (DnUnitKind, unit_kind)
DN_DECLARE_ENUM_STRINGS (DnGender, gender)
DN_DECLARE_ENUM_STRINGS (DnDocumentDirection, direction)
DN_DECLARE_ENUM_STRINGS (DnDocumentType, document_type)
DN_DECLARE_ENUM_STRINGS (DnClassification, classification)
DN_DECLARE_ENUM_STRINGS (DnUrgency, urgency)
DN_DECLARE_ENUM_STRINGS (DnRecurrence, recurrence)
DN_DECLARE_ENUM_STRINGS (DnStatus, status)
DN_DECLARE_ENUM_STRINGS (DnRole, role)
DN_DECLARE_ENUM_STRINGS (DnReminderKind, reminder_kind)
DN_DECLARE_ENUM_STRINGS (DnRecordKind, record_kind)
DN_DECLARE_ENUM_STRINGS (DnDelegationDirection, delegation_direction)
DN_DECLARE_ENUM_STRINGS (DnDelegationStatus, delegation_status)
DN_DECLARE_ENUM_STRINGS (DnFundingSource, funding_source)
DN_DECLARE_ENUM_STRINGS (DnMemberRole, member_role)
DN_DECLARE_ENUM_STRINGS (DnPassportKind, passport_kind)
DN_DECLARE_ENUM_STRINGS (DnPassportState, passport_state)
DN_DECLARE_ENUM_STRINGS (DnPassportEventKind, passport_event_kind)
DN_DECLARE_ENUM_STRINGS (DnPartnerKind, partner_kind)
DN_DECLARE_ENUM_STRINGS (DnRegistrationKind, registration_kind)
DN_DECLARE_ENUM_STRINGS (DnProjectStatus, project_status)
DN_DECLARE_ENUM_STRINGS (DnAttachmentTextState, attachment_text_state)

/* Official abbreviation of a document type (Nghị định 30/2020, Phụ lục III):
 * "KH", "HD", "QĐ"…; "" for công văn, which has none. */
const char *dn_document_type_get_abbreviation (DnDocumentType type);

G_END_DECLS
