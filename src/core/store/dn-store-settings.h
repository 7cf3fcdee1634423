/* dn-store-settings.h: the department's rules an officer may change
 *
 * Numbers of days, thresholds and local limits that the delegation and
 * passport rules read. They live in the database (table "setting"), so the
 * window, the command line and every desktop sharing the data read the same
 * values; a rule never set takes its default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* the results report of a trip is due this many days after the return
   * (MOET 2013, Thông tư 03/2023: 15) */
  DN_SETTING_REPORT_DAYS,
  /* 1: those days are working days; 0: calendar days */
  DN_SETTING_REPORT_WORKING_DAYS,
  /* a diplomatic or official passport comes back within this many working
   * days of the end of the trip (Luật 49/2019 Điều 23.3: 05) */
  DN_SETTING_PASSPORT_RETURN_DAYS,
  /* the same for an ordinary passport the office keeps */
  DN_SETTING_ORDINARY_RETURN_DAYS,
  /* warn when a passport has fewer months of validity than this at the
   * planned return (and list it as expiring) */
  DN_SETTING_PASSPORT_VALIDITY_MONTHS,
  /* warn this many days before a partner's registration paper expires */
  DN_SETTING_REGISTRATION_WARNING_DAYS,
  /* local limits that warn; 0 is off (regulations.md §3.5 gives Hà Nội's
   * 10 members, 10 days, 3 countries, and Đà Nẵng's 2 trips a year) */
  DN_SETTING_LIMIT_MEMBERS,
  DN_SETTING_LIMIT_DAYS_PER_COUNTRY,
  DN_SETTING_LIMIT_COUNTRIES,
  DN_SETTING_LIMIT_TRIPS_PER_YEAR,
  DN_SETTING_N
} DnSetting;

/* The key in the database and on the command line: "report-days"… */
const char *dn_setting_get_key      (DnSetting    setting);
gboolean    dn_setting_from_key     (const char  *key,
                                     DnSetting   *out);
/* What it is, translated, for the preferences and `settings`. */
const char *dn_setting_get_label    (DnSetting    setting);
int         dn_setting_get_default  (DnSetting    setting);
void        dn_setting_get_range    (DnSetting    setting,
                                     int         *min,
                                     int         *max);

/* The value in the database, else the default (also when the stored text
 * is not a number in range: a damaged row never breaks a rule). */
int         dn_store_get_setting    (DnStore     *self,
                                     DnSetting    setting);
/* Refused (DN_STORE_ERROR_INVALID, message with the range) outside the
 * range. Setting the default removes the row. */
gboolean    dn_store_set_setting    (DnStore     *self,
                                     DnSetting    setting,
                                     int          value,
                                     GError     **error);

/* The agency's abbreviation in the symbols of its documents ("SGDĐT",
 * Nghị định 30/2020 Phụ lục III: set by the head of the agency), under the
 * key "agency-abbreviation"; "" when never set. */
#define DN_SETTING_AGENCY_ABBREVIATION_KEY "agency-abbreviation"
char       *dn_store_get_agency_abbreviation (DnStore     *self);
/* Refused (DN_STORE_ERROR_INVALID) with spaces or "/" in it, or longer
 * than 40 characters; "" removes it. */
gboolean    dn_store_set_agency_abbreviation (DnStore     *self,
                                              const char  *abbreviation,
                                              GError     **error);

/* A replica of the department server's data (src/sync/dn-replica.c): the
 * server's revision its rows were last brought to, under the key
 * "replica-revision"; 0 when never synchronised. Set in the transaction
 * that applies the changes up to it. */
#define DN_SETTING_REPLICA_REVISION_KEY "replica-revision"
gint64      dn_store_get_replica_revision (DnStore  *self);
/* Refused (DN_STORE_ERROR_INVALID) below 0. */
gboolean    dn_store_set_replica_revision (DnStore  *self,
                                           gint64    revision,
                                           GError  **error);

G_END_DECLS
