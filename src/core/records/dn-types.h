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

typedef enum
{
  DN_CLASSIFICATION_NORMAL,
  DN_CLASSIFICATION_CONFIDENTIAL,
  DN_CLASSIFICATION_N
} DnClassification;

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
  DN_RECORD_UNIT,
  DN_RECORD_PERSON,
  DN_RECORD_DOCUMENT,
  DN_RECORD_TASK,
  DN_RECORD_DELEGATION,
  DN_RECORD_PASSPORT,
  DN_RECORD_PARTNER,
  DN_RECORD_PROJECT,
  DN_RECORD_N
} DnRecordKind;

#define DN_DECLARE_ENUM_STRINGS(Type, name)                                  \
  const char *dn_##name##_to_string   (Type value);                          \
  gboolean    dn_##name##_from_string (const char *text, Type *out);         \
  const char *dn_##name##_get_label   (Type value);

DN_DECLARE_ENUM_STRINGS (DnUnitKind, unit_kind)
DN_DECLARE_ENUM_STRINGS (DnGender, gender)
DN_DECLARE_ENUM_STRINGS (DnDocumentDirection, direction)
DN_DECLARE_ENUM_STRINGS (DnDocumentType, document_type)
DN_DECLARE_ENUM_STRINGS (DnClassification, classification)
DN_DECLARE_ENUM_STRINGS (DnRecurrence, recurrence)
DN_DECLARE_ENUM_STRINGS (DnStatus, status)
DN_DECLARE_ENUM_STRINGS (DnRole, role)
DN_DECLARE_ENUM_STRINGS (DnReminderKind, reminder_kind)
DN_DECLARE_ENUM_STRINGS (DnRecordKind, record_kind)

/* Official abbreviation of a document type (Nghị định 30/2020, Phụ lục III):
 * "KH", "HD", "QĐ"…; "" for công văn, which has none. */
const char *dn_document_type_get_abbreviation (DnDocumentType type);

G_END_DECLS
