/* dn-report.h: Report record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-report-period.h"

G_BEGIN_DECLS

/* How the signer of an official document signs (Nghị định 30/2020, Điều
 * 13 and Phụ lục I, ô 7a): the head, for the head ("KT."), for a
 * collective ("TM."), acting ("Q."), by order ("TL."), by authorisation
 * ("TUQ."). */
typedef enum
{
  DN_SIGN_HEAD,
  DN_SIGN_DEPUTY,
  DN_SIGN_COLLECTIVE,
  DN_SIGN_ACTING,
  DN_SIGN_BY_ORDER,
  DN_SIGN_AUTHORISED,
  DN_SIGN_N
} DnSignKind;

/* "head", "deputy", "collective", "acting", "by-order", "authorised" */
const char *dn_sign_kind_to_string   (DnSignKind  kind);
gboolean    dn_sign_kind_from_string (const char *text,
                                      DnSignKind *out);
/* The prefix of the signer's authority: "", "KT.", "TM.", "Q.", "TL.", "TUQ." */
const char *dn_sign_kind_get_prefix  (DnSignKind  kind);
/* In the interface language ("For the head (KT.)"…) */
const char *dn_sign_kind_get_label   (DnSignKind  kind);

#define DN_TYPE_REPORT (dn_report_get_type ())
G_DECLARE_FINAL_TYPE (DnReport, dn_report, DN, REPORT, GObject)

/* A report on external affairs for one period and one unit: what its
 * figures cover, what the officer writes, and its header.
 * Fields are public; strings are owned, never NULL after dn_report_new(). */
struct _DnReport
{
  GObject parent_instance;

  gint64 id;
  DnReportKind kind;
  char *period; /* as dn_report_period_to_string() writes it: "2024-Q1" */
  gint64 unit_id;
  char *unit_name; /* joined */
  gboolean with_sub_units;

  /* what the officer writes */
  char *assessment; /* general assessment */
  char *difficulties;
  char *directions; /* next period's */
  char *proposals;

  /* the header, kept for the unit's next report too */
  char *parent_body; /* cơ quan chủ quản: "UBND TỈNH LÀO CAI" */
  char *issuing_body; /* "SỞ GIÁO DỤC VÀ ĐÀO TẠO" */
  char *symbol; /* "BC-SGDĐT" */
  char *place; /* "Lào Cai" */
  GDate report_date; /* invalid: to be dated when issued */
  char *recipients; /* one a line */
  DnSignKind sign;
  char *head_title; /* "GIÁM ĐỐC" */
  char *signer_title; /* "PHÓ GIÁM ĐỐC" */
  char *signer_name;

  gint64 document_id; /* issued: its entry in the outgoing register; 0 before */
};

DnReport *dn_report_new (void);
/* A report holding copies of @report's fields (e.g. for another thread) */
DnReport *dn_report_copy (DnReport *report);
/* @report's period, read from its kind and text; FALSE with @error when
 * they do not name one. */
gboolean  dn_report_get_period (DnReport        *report,
                                DnReportPeriod  *period,
                                GError         **error);

G_END_DECLS
