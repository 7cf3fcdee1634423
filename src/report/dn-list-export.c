/* dn-list-export.c: the window's lists to spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-list-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-country.h"
#include "dn-date.h"
#include "dn-list-export.h"
#include "dn-list-models.h"

/* records read at a time: the list models' page */
#define BATCH 64

typedef void (*WriteRow) (DnSheet *sheet, gpointer record);

typedef struct
{
  const char          *name;
  GType              (*model_type) (void);
  const DnSheetColumn *columns;
  guint                n_columns;
  WriteRow             write_row;
} ListKind;

/* The columns: the titles are the msgids of the sections' columns
 * (translated when written). */

static const DnSheetColumn task_columns[] = {
  { N_("Section"), DN_SHEET_TEXT, 10 },
  { N_("Task"), DN_SHEET_TEXT, 60 },
  { N_("Lead unit"), DN_SHEET_TEXT, 30 },
  { N_("Supporting units"), DN_SHEET_TEXT, 40 },
  { N_("Due"), DN_SHEET_DATE, 12 },
  { N_("Repeats"), DN_SHEET_TEXT, 14 },
  { N_("Status"), DN_SHEET_TEXT, 16 },
  { N_("Progress"), DN_SHEET_INTEGER, 10 },
};

static void
write_task (DnSheet  *sheet,
            gpointer  record)
{
  DnTask *task = record;

  dn_sheet_add_text (sheet, task->section);
  dn_sheet_add_text (sheet, task->title);
  dn_sheet_add_text (sheet, task->lead_unit_name[0] != '\0' ? task->lead_unit_name : task->lead_unit_code);
  dn_sheet_add_text (sheet, task->support_unit_names[0] != '\0' ? task->support_unit_names : task->support_unit_codes);
  dn_sheet_add_date (sheet, &task->due_date);
  dn_sheet_add_text (sheet, task->recurrence == DN_RECURRENCE_NONE ? "" : dn_recurrence_get_label (task->recurrence));
  dn_sheet_add_text (sheet, dn_status_get_label (task->status));
  dn_sheet_add_integer (sheet, task->progress);
}

/* outbound's headers; inbound's differ (delegation_columns_in) */
static const DnSheetColumn delegation_columns[] = {
  { N_("Start date"), DN_SHEET_DATE, 12 },
  { N_("End date"), DN_SHEET_DATE, 12 },
  { N_("Countries"), DN_SHEET_TEXT, 24 },
  { N_("Members"), DN_SHEET_INTEGER, 10 },
  { N_("Status"), DN_SHEET_TEXT, 16 },
  { N_("Report due"), DN_SHEET_DATE, 12 },
  { N_("Delegation"), DN_SHEET_TEXT, 60 },
};

static const DnSheetColumn delegation_columns_in[] = {
  { N_("Start date"), DN_SHEET_DATE, 12 },
  { N_("End date"), DN_SHEET_DATE, 12 },
  { N_("From"), DN_SHEET_TEXT, 24 },
  { N_("Guests"), DN_SHEET_INTEGER, 10 },
  { N_("Status"), DN_SHEET_TEXT, 16 },
  { N_("Report due"), DN_SHEET_DATE, 12 },
  { N_("Delegation"), DN_SHEET_TEXT, 60 },
};

static void
write_delegation (DnSheet  *sheet,
                  gpointer  record)
{
  DnDelegation *d = record;
  g_autofree char *countries = dn_country_dup_names (d->country_codes);

  /* a visit without a country stated: who comes, as the list shows it */
  if (countries[0] == '\0' && d->direction == DN_DELEGATION_INBOUND)
    {
      g_free (countries);
      countries = g_strdup (d->partner_name[0] != '\0' ? d->partner_name : d->inviting_party);
    }
  dn_sheet_add_date (sheet, &d->start_date);
  dn_sheet_add_date (sheet, &d->end_date);
  dn_sheet_add_text (sheet, countries);
  dn_sheet_add_integer (sheet, d->n_members);
  dn_sheet_add_text (sheet, d->direction == DN_DELEGATION_INBOUND && d->status == DN_DELEGATION_ABROAD
                            ? C_("delegation status", "Visiting") : dn_delegation_status_get_label (d->status));
  dn_sheet_add_date (sheet, d->status == DN_DELEGATION_RETURNED ? &d->report_due_date : NULL);
  dn_sheet_add_text (sheet, d->title);
}

static const DnSheetColumn passport_columns[] = {
  { N_("Number"), DN_SHEET_TEXT, 14 },
  { N_("Holder"), DN_SHEET_TEXT, 30 },
  { N_("Kind"), DN_SHEET_TEXT, 20 },
  { N_("Expires"), DN_SHEET_DATE, 12 },
  { N_("State"), DN_SHEET_TEXT, 20 },
  { N_("Due back"), DN_SHEET_DATE, 12 },
};

static void
write_passport (DnSheet  *sheet,
                gpointer  record)
{
  DnPassport *passport = record;

  dn_sheet_add_text (sheet, passport->number);
  dn_sheet_add_text (sheet, passport->holder_name);
  dn_sheet_add_text (sheet, dn_passport_kind_get_label (passport->kind));
  dn_sheet_add_date (sheet, &passport->expiry_date);
  dn_sheet_add_text (sheet, dn_passport_state_get_label (passport->state));
  dn_sheet_add_date (sheet, passport->state == DN_PASSPORT_OUT ? &passport->due_back_on : NULL);
}

static const DnSheetColumn document_columns[] = {
  { N_("Number and symbol"), DN_SHEET_TEXT, 20 },
  { N_("Date"), DN_SHEET_DATE, 12 },
  { N_("Arrival"), DN_SHEET_TEXT, 18 },
  { N_("Issued by"), DN_SHEET_TEXT, 30 },
  { N_("Type"), DN_SHEET_TEXT, 16 },
  { N_("Subject"), DN_SHEET_TEXT, 60 },
  { N_("Urgency, secrecy"), DN_SHEET_TEXT, 18 },
};

static void
write_document (DnSheet  *sheet,
                gpointer  record)
{
  DnDocument *doc = record;
  g_autofree char *reference = dn_document_dup_reference (doc);
  g_autofree char *arrival = NULL;
  g_autoptr(GString) marks = g_string_new (NULL);

  if (doc->direction == DN_DIRECTION_INCOMING && doc->arrival_number > 0)
    {
      g_autofree char *day = g_date_valid (&doc->arrival_date) ? dn_date_format_short (&doc->arrival_date)
                                                               : g_strdup ("");

      arrival = g_strdup_printf (_("%d · %s"), doc->arrival_number, day);
    }
  if (doc->urgency != DN_URGENCY_NORMAL)
    g_string_append (marks, dn_urgency_get_label (doc->urgency));
  if (doc->classification != DN_CLASSIFICATION_NORMAL)
    g_string_append_printf (marks, "%s%s", marks->len > 0 ? ", " : "", dn_classification_get_label (doc->classification));
  dn_sheet_add_text (sheet, reference);
  dn_sheet_add_date (sheet, &doc->issue_date);
  dn_sheet_add_text (sheet, arrival);
  dn_sheet_add_text (sheet, doc->issuer);
  dn_sheet_add_text (sheet, dn_document_type_get_label (doc->type));
  dn_sheet_add_text (sheet, doc->subject);
  dn_sheet_add_text (sheet, marks->str);
}

static const DnSheetColumn partner_columns[] = {
  { N_("Partner"), DN_SHEET_TEXT, 50 },
  { N_("Kind"), DN_SHEET_TEXT, 28 },
  { N_("Country"), DN_SHEET_TEXT, 20 },
  { N_("Registration expires"), DN_SHEET_DATE, 14 },
  { N_("Projects"), DN_SHEET_INTEGER, 10 },
};

static void
write_partner (DnSheet  *sheet,
               gpointer  record)
{
  DnPartner *partner = record;
  g_autofree char *name = partner->short_name[0] != '\0'
                          ? g_strdup_printf ("%s (%s)", partner->name, partner->short_name) : NULL;
  const char *country = partner->country_code[0] != '\0' ? dn_country_name (partner->country_code) : NULL;

  dn_sheet_add_text (sheet, name != NULL ? name : partner->name);
  dn_sheet_add_text (sheet, dn_partner_kind_get_label (partner->kind));
  dn_sheet_add_text (sheet, country != NULL ? country : partner->country_code);
  dn_sheet_add_date (sheet, &partner->registration_expiry);
  if (partner->n_projects > 0)
    dn_sheet_add_integer (sheet, partner->n_projects);
  else
    dn_sheet_add_empty (sheet);
}

static const ListKind kinds[DN_LIST_EXPORT_N] = {
  [DN_LIST_EXPORT_TASKS] = { "tasks", dn_task_list_model_get_type, task_columns,
                             G_N_ELEMENTS (task_columns), write_task },
  [DN_LIST_EXPORT_DELEGATIONS] = { "delegations", dn_delegation_list_model_get_type, delegation_columns,
                                   G_N_ELEMENTS (delegation_columns), write_delegation },
  [DN_LIST_EXPORT_PASSPORTS] = { "passports", dn_passport_list_model_get_type, passport_columns,
                                 G_N_ELEMENTS (passport_columns), write_passport },
  [DN_LIST_EXPORT_DOCUMENTS] = { "documents", dn_document_list_model_get_type, document_columns,
                                 G_N_ELEMENTS (document_columns), write_document },
  [DN_LIST_EXPORT_PARTNERS] = { "partners", dn_partner_list_model_get_type, partner_columns,
                                G_N_ELEMENTS (partner_columns), write_partner },
};

gboolean
dn_list_export_kind_from_name (const char       *name,
                               DnListExportKind *kind)
{
  for (guint i = 0; i < DN_LIST_EXPORT_N; i++)
    if (g_strcmp0 (name, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
dn_list_export_kind_for_model (GType             model_type,
                               DnListExportKind *kind)
{
  for (guint i = 0; i < DN_LIST_EXPORT_N; i++)
    if (g_type_is_a (model_type, kinds[i].model_type ()))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* the worksheet's name: the section's */
static const char *
sheet_name (DnListExportKind kind,
            gconstpointer    query)
{
  switch (kind)
    {
    case DN_LIST_EXPORT_TASKS: return _("Tasks");
    case DN_LIST_EXPORT_DELEGATIONS:
      {
        const DnDelegationQuery *q = query;

        return q->direction == DN_DELEGATION_OUTBOUND ? _("Outbound delegations")
               : q->direction == DN_DELEGATION_INBOUND ? _("Inbound delegations") : _("Delegations");
      }
    case DN_LIST_EXPORT_PASSPORTS: return _("Passports");
    case DN_LIST_EXPORT_DOCUMENTS: return _("Documents");
    case DN_LIST_EXPORT_PARTNERS: return _("Partners");
    case DN_LIST_EXPORT_N:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
dn_list_export (DnStore           *store,
                DnListExportKind   kind,
                gconstpointer      query,
                const char        *path,
                guint             *n_rows,
                GCancellable      *cancellable,
                GError           **error)
{
  const ListKind *list;
  const DnSheetColumn *columns;
  DnSheetColumn shown[16];
  DnQueryModelClass *klass;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(DnSheet) sheet = NULL;
  DnSheetFormat format;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < DN_LIST_EXPORT_N, FALSE);
  g_return_val_if_fail (query != NULL && path != NULL, FALSE);

  if (n_rows != NULL)
    *n_rows = 0;
  if (!dn_sheet_format_from_path (path, &format))
    {
      g_autofree char *shown_path = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is neither an .xlsx nor a .csv file."), shown_path);
      return FALSE;
    }
  list = &kinds[kind];
  columns = kind == DN_LIST_EXPORT_DELEGATIONS && ((const DnDelegationQuery *) query)->direction == DN_DELEGATION_INBOUND
            ? delegation_columns_in : list->columns;
  g_assert (list->n_columns <= G_N_ELEMENTS (shown));
  for (guint i = 0; i < list->n_columns; i++)
    {
      shown[i] = columns[i];
      shown[i].title = _(columns[i].title);
    }

  klass = g_type_class_ref (list->model_type ());
  ids = klass->query_ids (store, query, error);
  if (ids == NULL)
    {
      g_type_class_unref (klass);
      return FALSE;
    }
  sheet = dn_sheet_new (path, format, sheet_name (kind, query), shown, list->n_columns, error);
  if (sheet == NULL)
    {
      g_type_class_unref (klass);
      return FALSE;
    }
  for (guint start = 0; start < ids->len; start += BATCH)
    {
      g_autoptr(GPtrArray) records = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_type_class_unref (klass);
          return FALSE;
        }
      records = klass->read_items (store, &g_array_index (ids, gint64, start), MIN (BATCH, ids->len - start), error);
      if (records == NULL)
        {
          g_type_class_unref (klass);
          return FALSE;
        }
      for (guint i = 0; i < records->len; i++)
        {
          list->write_row (sheet, records->pdata[i]);
          if (!dn_sheet_end_row (sheet, error))
            {
              g_type_class_unref (klass);
              return FALSE;
            }
        }
    }
  g_type_class_unref (klass);
  if (!dn_sheet_finish (sheet, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = dn_sheet_get_n_rows (sheet);
  return TRUE;
}
