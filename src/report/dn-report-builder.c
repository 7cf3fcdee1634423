/* dn-report-builder.c: a report on external affairs as an official document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-report"

#include "config.h"

#include "dn-amount.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-delegation.h"
#include "dn-project.h"
#include "dn-report-builder.h"
#include "dn-store-documents.h"
#include "dn-task.h"
#include "dn-unit-stat.h"

/* what the officer has not written yet: a line to write on */
#define TO_BE_WRITTEN "…………………………………………………………………………"

char *
dn_report_dup_subject (const DnReportPeriod *period)
{
  g_autofree char *when = dn_report_period_describe (period);

  return g_strdup_printf ("Kết quả công tác đối ngoại, hội nhập và hợp tác quốc tế %s", when);
}

static char *
number (gint64 n)
{
  return dn_format_amount_digits (n);
}

static char *
short_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup ("");
}

/* "10/01/2024 - 15/01/2024" */
static char *
date_range (const GDate *start,
            const GDate *end)
{
  g_autofree char *a = short_date (start);
  g_autofree char *b = short_date (end);

  if (g_date_valid (start) && g_date_valid (end) && g_date_compare (start, end) == 0)
    return g_steal_pointer (&a);
  if (!g_date_valid (end))
    return g_strconcat (a, a[0] != '\0' ? " - " : "", NULL);
  return g_strconcat (a, " - ", b, NULL);
}

static const char *
funding_words (DnFundingSource funding)
{
  static const char * const words[] = {
    [DN_FUNDING_STATE_BUDGET] = "ngân sách nhà nước", [DN_FUNDING_PARTNER] = "đối tác tài trợ",
    [DN_FUNDING_PROJECT] = "kinh phí dự án", [DN_FUNDING_SELF] = "tự túc", [DN_FUNDING_OTHER] = "nguồn khác",
  };

  return (guint) funding < G_N_ELEMENTS (words) && words[funding] != NULL ? words[funding] : "";
}

/* "2.000.000.000 đồng", "50.000 USD" */
static char *
money (gint64      amount,
       const char *currency)
{
  g_autofree char *digits = number (amount);

  return g_strconcat (digits, " ", currency == NULL || g_str_equal (currency, "VND") ? "đồng" : currency, NULL);
}

/* Each paragraph of what the officer wrote (a blank line or a line break
 * starts the next), or a line to write on. */
static void
add_written (DnOfficialDocument *doc,
             const char         *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      dn_official_document_add_paragraph (doc, lines[i]);
      any = TRUE;
    }
  if (!any)
    dn_official_document_add_paragraph (doc, TO_BE_WRITTEN);
}

/* A table of the report: its first column, STT, numbers the rows
 * (centred); column @numeric (-1: none) holds numbers */
static void
add_numbered_table (DnOfficialDocument *doc,
                    const char         *caption,
                    guint               n_columns,
                    const double       *shares,
                    const char * const *titles,
                    int                 numeric)
{
  dn_official_document_add_table (doc, caption, n_columns, shares, titles);
  dn_official_document_set_centred (doc, 0);
  if (numeric >= 0)
    dn_official_document_set_numeric (doc, (guint) numeric);
}

static const char *
task_state (const DnTask *task,
            const GDate  *day)
{
  if (task->status == DN_STATUS_DONE)
    return "Hoàn thành";
  if (g_date_valid (&task->due_date) && g_date_compare (&task->due_date, day) < 0)
    return "Quá hạn";
  return task->status == DN_STATUS_IN_PROGRESS ? "Đang thực hiện" : "Chưa thực hiện";
}

static void
add_tasks (DnOfficialDocument    *doc,
           const DnReportFigures *f,
           const char            *when)
{
  g_autofree char *day = short_date (&f->day);

  dn_official_document_add_heading (doc, 2, "1. Thực hiện các nhiệm vụ được giao");
  if (f->n_tasks == 0)
    {
      g_autofree char *text = g_strdup_printf ("Trong %s, không có nhiệm vụ nào có thời hạn hoàn thành trong kỳ.",
                                               when);

      dn_official_document_add_paragraph (doc, text);
      return;
    }
  {
    g_autofree char *n = number (f->n_tasks);
    g_autofree char *text =
      g_strdup_printf ("Trong %s, có %s nhiệm vụ có thời hạn hoàn thành trong kỳ: đã hoàn thành %u nhiệm vụ "
                       "(%u%%), đang thực hiện %u, chưa thực hiện %u; %u nhiệm vụ quá hạn chưa hoàn thành "
                       "(tính đến ngày %s).",
                       when, n, f->n_done, (guint) (100.0 * f->n_done / f->n_tasks + 0.5), f->n_in_progress,
                       f->n_not_started, f->n_overdue, day);

    dn_official_document_add_paragraph (doc, text);
  }

  {
    static const double shares[] = { 0.08, 0.50, 0.14, 0.14, 0.14 };
    static const char * const titles[] = { "STT", "Đơn vị chủ trì", "Số nhiệm vụ", "Hoàn thành", "Quá hạn" };

    add_numbered_table (doc, "Kết quả theo đơn vị chủ trì", G_N_ELEMENTS (titles), shares, titles, -1);
    for (guint c = 2; c < G_N_ELEMENTS (titles); c++)
      dn_official_document_set_numeric (doc, c);
    for (guint i = 0; i < f->lead_units->len; i++)
      {
        DnUnitStat *stat = f->lead_units->pdata[i];
        g_autofree char *stt = g_strdup_printf ("%u", i + 1);
        g_autofree char *n = number (stat->n_tasks);
        g_autofree char *done = number (stat->n_done);
        g_autofree char *late = number (stat->n_overdue);
        const char *cells[] = { stt, stat->unit_name, n, done, late };

        dn_official_document_add_row (doc, cells);
      }
  }

  if (f->tasks->len < f->n_tasks)
    {
      g_autofree char *text = g_strdup_printf ("Danh mục dưới đây nêu %u nhiệm vụ đầu tiên trong số %u nhiệm vụ.",
                                               f->tasks->len, f->n_tasks);

      dn_official_document_add_paragraph (doc, text);
    }
  {
    static const double shares[] = { 0.07, 0.08, 0.32, 0.21, 0.15, 0.17 };
    static const char * const titles[] = { "STT", "Mục", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng" };

    add_numbered_table (doc, "Danh mục nhiệm vụ", G_N_ELEMENTS (titles), shares, titles, -1);
    dn_official_document_set_centred (doc, 4);
    for (guint i = 0; i < f->tasks->len; i++)
      {
        DnTask *task = f->tasks->pdata[i];
        g_autofree char *stt = g_strdup_printf ("%u", i + 1);
        g_autofree char *due = short_date (&task->due_date);
        const char *cells[] = { stt, task->section, task->title, task->lead_unit_name, due, task_state (task, &f->day) };

        dn_official_document_add_row (doc, cells);
      }
  }
}

static void
add_delegations (DnOfficialDocument    *doc,
                 const DnReportFigures *f)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *countries = g_string_new (NULL);

  dn_official_document_add_heading (doc, 2, "2. Đoàn ra");
  for (guint i = 0; i < f->outbound->len; i++)
    {
      DnDelegation *d = f->outbound->pdata[i];
      g_auto(GStrv) codes = g_strsplit (d->country_codes, ",", -1);

      for (guint c = 0; codes[c] != NULL; c++)
        {
          const char *name = dn_country_vietnamese_name (codes[c]);

          if (codes[c][0] == '\0' || name == NULL || !g_hash_table_add (seen, (gpointer) name))
            continue;
          g_string_append_printf (countries, "%s%s", countries->len > 0 ? ", " : "", name);
        }
    }
  if (f->outbound->len == 0)
    dn_official_document_add_paragraph (doc, "Trong kỳ không có đoàn cán bộ đi công tác nước ngoài.");
  else
    {
      g_autofree char *budget = f->outbound_budget > 0 ? money (f->outbound_budget, NULL) : NULL;
      g_autofree char *text =
        g_strdup_printf ("Trong kỳ có %u đoàn với %u lượt cán bộ đi công tác nước ngoài%s%s%s%s.", f->outbound->len,
                         f->n_outbound_members, countries->len > 0 ? ", đến " : "", countries->str,
                         budget != NULL ? "; tổng kinh phí theo kế hoạch " : "", budget != NULL ? budget : "");
      static const double shares[] = { 0.07, 0.28, 0.23, 0.16, 0.09, 0.17 };
      static const char * const titles[] = { "STT", "Đoàn", "Thời gian", "Nước đến", "Số người", "Nguồn kinh phí" };

      dn_official_document_add_paragraph (doc, text);
      add_numbered_table (doc, NULL, G_N_ELEMENTS (titles), shares, titles, 4);
      for (guint i = 0; i < f->outbound->len; i++)
        {
          DnDelegation *d = f->outbound->pdata[i];
          g_autofree char *stt = g_strdup_printf ("%u", i + 1);
          g_autofree char *when = date_range (&d->start_date, &d->end_date);
          g_autofree char *where = dn_country_dup_vietnamese_names (d->country_codes);
          g_autofree char *people = number (d->n_members);
          const char *cells[] = { stt, d->title, when, where, people, funding_words (d->funding) };

          dn_official_document_add_row (doc, cells);
        }
    }
  g_string_free (countries, TRUE);

  dn_official_document_add_heading (doc, 2, "3. Đoàn vào");
  if (f->inbound->len == 0)
    dn_official_document_add_paragraph (doc, "Trong kỳ không có đoàn nước ngoài đến làm việc.");
  else
    {
      g_autofree char *text = g_strdup_printf ("Trong kỳ đã đón %u đoàn với %u lượt khách nước ngoài đến làm việc.",
                                               f->inbound->len, f->n_inbound_members);
      static const double shares[] = { 0.07, 0.36, 0.23, 0.24, 0.10 };
      static const char * const titles[] = { "STT", "Đoàn", "Thời gian", "Cơ quan, tổ chức", "Số người" };

      dn_official_document_add_paragraph (doc, text);
      add_numbered_table (doc, NULL, G_N_ELEMENTS (titles), shares, titles, 4);
      for (guint i = 0; i < f->inbound->len; i++)
        {
          DnDelegation *d = f->inbound->pdata[i];
          g_autofree char *stt = g_strdup_printf ("%u", i + 1);
          g_autofree char *when = date_range (&d->start_date, &d->end_date);
          g_autofree char *people = number (d->n_members);
          const char *from = d->partner_name[0] != '\0' ? d->partner_name : d->inviting_party;
          const char *cells[] = { stt, d->title, when, from, people };

          dn_official_document_add_row (doc, cells);
        }
    }
}

static void
add_passports (DnOfficialDocument    *doc,
               const DnReportFigures *f)
{
  g_autofree char *day = short_date (&f->day);
  g_autofree char *text = NULL;

  dn_official_document_add_heading (doc, 2, "4. Quản lý hộ chiếu");
  if (f->n_handed_out == 0 && f->n_returned == 0)
    text = g_strdup ("Trong kỳ không giao, nhận lại hộ chiếu nào.");
  else
    text = g_strdup_printf ("Trong kỳ đã giao %u lượt hộ chiếu cho cán bộ đi công tác; nhận lại %u lượt, trong đó "
                            "%u lượt nộp lại chậm so với thời hạn.",
                            f->n_handed_out, f->n_returned, f->n_returned_late);
  dn_official_document_add_paragraph (doc, text);
  g_free (text);
  text = f->n_passports_overdue == 0
         ? g_strdup_printf ("Đến ngày %s, không có hộ chiếu nào quá hạn chưa nộp lại.", day)
         : g_strdup_printf ("Đến ngày %s, còn %u hộ chiếu quá hạn chưa nộp lại.", day, f->n_passports_overdue);
  dn_official_document_add_paragraph (doc, text);
}

static void
add_projects (DnOfficialDocument    *doc,
              const DnReportFigures *f)
{
  static const double shares[] = { 0.07, 0.31, 0.20, 0.23, 0.19 };
  static const char * const titles[] = { "STT", "Dự án", "Đối tác", "Thời gian", "Kinh phí" };
  g_autofree char *text = NULL;

  dn_official_document_add_heading (doc, 2, "5. Quan hệ đối tác, dự án hợp tác");
  if (f->projects->len == 0)
    {
      dn_official_document_add_paragraph (doc, "Trong kỳ không có dự án hợp tác nào đang thực hiện.");
      return;
    }
  if (f->projects_budget > 0)
    {
      g_autofree char *budget = money (f->projects_budget, NULL);

      text = g_strdup_printf ("Trong kỳ có %u dự án hợp tác đang thực hiện, trong đó %u dự án mới; tổng kinh phí "
                              "các dự án tính bằng đồng Việt Nam là %s.",
                              f->projects->len, f->n_new_projects, budget);
    }
  else
    text = g_strdup_printf ("Trong kỳ có %u dự án hợp tác đang thực hiện, trong đó %u dự án mới.", f->projects->len,
                            f->n_new_projects);
  dn_official_document_add_paragraph (doc, text);
  add_numbered_table (doc, NULL, G_N_ELEMENTS (titles), shares, titles, 4);
  for (guint i = 0; i < f->projects->len; i++)
    {
      DnProject *p = f->projects->pdata[i];
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *when = date_range (&p->start_date, &p->end_date);
      g_autofree char *amount = p->budget >= 0 ? money (p->budget, p->currency) : g_strdup ("");
      const char *cells[] = { stt, p->name, p->partner_name, when, amount };

      dn_official_document_add_row (doc, cells);
    }
}

DnOfficialDocument *
dn_report_build (DnReport              *report,
                 const DnReportFigures *f)
{
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *when = NULL;
  g_auto(GStrv) recipients = NULL;

  g_return_val_if_fail (DN_IS_REPORT (report), NULL);
  g_return_val_if_fail (f != NULL, NULL);

  subject = dn_report_dup_subject (&f->period);
  when = dn_report_period_describe (&f->period);
  doc = dn_official_document_new ("BÁO CÁO", subject);
  dn_official_document_set_bodies (doc, report->parent_body[0] != '\0' ? report->parent_body : NULL,
                                   report->issuing_body[0] != '\0' ? report->issuing_body : NULL);
  dn_official_document_set_number (doc, NULL, report->symbol[0] != '\0' ? report->symbol : NULL);
  dn_official_document_set_place_date (doc, report->place[0] != '\0' ? report->place : NULL, &report->report_date);
  recipients = g_strsplit (report->recipients, "\n", -1);
  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_strstrip (recipients[i]);
      if (recipients[i][0] != '\0')
        dn_official_document_add_recipient (doc, recipients[i]);
    }
  dn_official_document_set_signer (doc, report->sign, report->head_title[0] != '\0' ? report->head_title : NULL,
                                   report->signer_title[0] != '\0' ? report->signer_title : NULL,
                                   report->signer_name[0] != '\0' ? report->signer_name : NULL);

  {
    g_autofree char *scope = f->unit_name[0] == '\0'
                             ? g_strdup ("toàn ngành")
                             : g_strdup_printf ("%s%s", f->unit_name,
                                                f->with_sub_units ? " và các đơn vị trực thuộc" : "");
    g_autofree char *from = short_date (&f->period.start);
    g_autofree char *to = short_date (&f->period.end);
    g_autofree char *intro =
      g_strdup_printf ("Báo cáo tổng hợp kết quả công tác đối ngoại, hội nhập và hợp tác quốc tế của %s trong %s "
                       "(số liệu từ ngày %s đến ngày %s), như sau:",
                       scope, when, from, to);

    dn_official_document_add_paragraph (doc, intro);
  }

  dn_official_document_add_heading (doc, 1, "I. Kết quả thực hiện");
  add_tasks (doc, f, when);
  add_delegations (doc, f);
  add_passports (doc, f);
  add_projects (doc, f);
  {
    g_autofree char *text = g_strdup_printf ("Trong kỳ đã ban hành %u văn bản đi; tiếp nhận, xử lý %u văn bản đến.",
                                             f->n_documents_issued, f->n_documents_received);

    dn_official_document_add_heading (doc, 2, "6. Công tác văn bản");
    dn_official_document_add_paragraph (doc, text);
  }
  dn_official_document_add_heading (doc, 2, "7. Đánh giá chung");
  add_written (doc, report->assessment);
  dn_official_document_add_heading (doc, 1, "II. Khó khăn, vướng mắc");
  add_written (doc, report->difficulties);
  dn_official_document_add_heading (doc, 1, "III. Phương hướng, nhiệm vụ kỳ tới");
  add_written (doc, report->directions);
  dn_official_document_add_heading (doc, 1, "IV. Đề xuất, kiến nghị");
  add_written (doc, report->proposals);
  return g_steal_pointer (&doc);
}

DnOfficialDocument *
dn_report_build_from_store (DnStore           *store,
                            DnReport          *report,
                            int                number,
                            const GDate       *day,
                            DnReportFigures  **figures,
                            GError           **error)
{
  g_autoptr(DnReportFigures) read = NULL;
  g_autoptr(DnOfficialDocument) doc = NULL;
  g_autofree char *number_text = NULL;
  DnReportPeriod period;
  GDate today;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (DN_IS_REPORT (report), NULL);

  if (day == NULL)
    {
      dn_date_today (&today);
      day = &today;
    }
  if (!dn_report_get_period (report, &period, error))
    return NULL;
  read = dn_store_read_report_figures (store, &period, report->unit_id, report->with_sub_units, day, error);
  if (read == NULL)
    return NULL;
  if (number > 0)
    number_text = dn_document_format_number (number);
  else if (report->document_id != 0)
    {
      g_autoptr(DnDocument) issued = dn_store_get_document (store, report->document_id, error);

      if (issued == NULL)
        return NULL;
      number_text = g_strdup (issued->number);
    }
  doc = dn_report_build (report, read);
  if (number_text != NULL)
    dn_official_document_set_number (doc, number_text, report->symbol[0] != '\0' ? report->symbol : NULL);
  if (figures != NULL)
    *figures = g_steal_pointer (&read);
  return g_steal_pointer (&doc);
}
