/* dn-generator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-generator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "dn-country.h"
#include "dn-generator.h"
#include "dn-store-private.h"

static const char *family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
  "Dương", "Lý", "Đinh", "Lương", "Tạ", "Giàng", "Lò", "Sùng", "Vàng", "Hà",
};
static const char *middle_names_m[] = { "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Xuân", "Mạnh", "Công", "" };
static const char *middle_names_f[] = { "Thị", "Thu", "Ngọc", "Bích", "Thanh", "Mai", "Hồng", "Kim", "Diệu", "" };
static const char *given_names_m[] = {
  "An", "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Minh",
  "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tráng", "Trung", "Tuấn", "Việt", "Vinh",
};
static const char *given_names_f[] = {
  "An", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Hà", "Hạnh", "Hằng", "Hoa", "Huyền", "Hương", "Lan", "Linh",
  "Loan", "Mai", "Nga", "Ngọc", "Nguyệt", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Yến",
};
static const char *positions[] = {
  "Chuyên viên", "Chuyên viên chính", "Trưởng phòng", "Phó Trưởng phòng", "Hiệu trưởng", "Phó Hiệu trưởng",
  "Giáo viên", "Kế toán", "Văn thư", "Giám đốc trung tâm",
};
static const char *task_verbs[] = {
  "Báo cáo", "Tổng hợp báo cáo", "Triển khai", "Tổ chức", "Xây dựng kế hoạch", "Hướng dẫn", "Kiểm tra",
  "Theo dõi", "Phối hợp thực hiện", "Tuyên truyền", "Rà soát", "Đôn đốc",
};
static const char *task_topics[] = {
  "công tác đối ngoại", "hội nhập quốc tế", "quản lý hộ chiếu sau chuyến đi", "đoàn ra, đoàn vào",
  "dự án KOICA", "dự án UNICEF", "chương trình Save the Children", "trợ giảng tiếng Anh GVI",
  "hợp tác với tỉnh Vân Nam (Trung Quốc)", "tư vấn du học", "dạy tiếng Việt cho người nước ngoài",
  "Đề án Ngoại ngữ", "hội nghị với cơ quan báo chí", "liên kết đào tạo với nước ngoài",
  "cơ sở dữ liệu hợp tác quốc tế", "giao lưu văn hóa, thể thao", "xuất khẩu lao động",
  "bồi dưỡng ngoại ngữ cho giáo viên", "hội thảo quốc tế về giáo dục", "vận động nguồn viện trợ NGO",
};
static const char *periods[] = { "quý I", "quý II", "quý III", "quý IV", "học kỳ I", "học kỳ II", "năm học", "6 tháng đầu năm" };
static const char *statuses[] = { "open", "open", "in_progress", "in_progress", "done", "cancelled" };
static const char *recurrences[] = { "none", "none", "none", "quarterly", "twice_yearly", "semester", "annual", "monthly" };
static const char *countries[] = { "KR", "JP", "CN", "LA", "KH", "TH", "SG", "AU", "US", "GB", "FR", "DE", "FI", "NZ" };
static const char *districts[] = {
  "Bát Xát", "Bảo Thắng", "Bảo Yên", "Bắc Hà", "Mường Khương", "Si Ma Cai", "Văn Bàn", "Sa Pa", "Lào Cai",
};
static const char *school_kinds[] = { "Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường TH&THCS", "Trường PTDTBT THCS" };
static const char *school_places[] = {
  "Bản Vược", "Cốc San", "Quang Kim", "Phong Niên", "Xuân Quang", "Thái Niên", "Phố Ràng", "Nghĩa Đô",
  "Lùng Phình", "Bản Phố", "Pha Long", "Tả Van", "Hầu Thào", "Võ Lao", "Khánh Yên", "Dương Quỳ",
};

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* Inserts a unit (@parent 0: none) and adds its id to @unit_ids; 0 when it
 * fails. */
static gint64
add_unit (DnStore     *store,
          const char  *code,
          const char  *name,
          const char  *kind,
          gint64       parent,
          GArray      *unit_ids,
          GError     **error)
{
  gint64 id = 0;

  if (!_dn_store_save (store, "INSERT INTO unit (id, code, name, kind, parent_id) VALUES (?, ?, ?, ?, ?)",
                       &id, TRUE, NULL, error, DN_TEXT (code), DN_TEXT (name), DN_TEXT (kind), DN_ID (parent),
                       DN_END))
    return 0;
  g_array_append_val (unit_ids, id);
  return id;
}

static gboolean
make_units (DnStore  *store,
            GRand    *rand,
            GArray   *unit_ids,
            GError  **error)
{
  static const char *divisions[][2] = {
    { "VP", "Văn phòng Sở" }, { "GDCN", "Phòng GDCN&GDTX" }, { "TCCB", "Phòng Tổ chức Cán bộ" },
    { "KHTC", "Phòng Kế hoạch Tài chính" }, { "GDTrH", "Phòng Giáo dục Trung học" },
    { "GDTH", "Phòng Giáo dục Tiểu học" }, { "GDMN", "Phòng Giáo dục Mầm non" }, { "TTr", "Thanh tra Sở" },
  };
  gint64 root = add_unit (store, "G-SGD", "Sở Giáo dục và Đào tạo (dữ liệu sinh)", "department", 0, unit_ids, error);

  if (root == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (divisions); i++)
    {
      g_autofree char *code = g_strdup_printf ("G-%s", divisions[i][0]);

      if (add_unit (store, code, divisions[i][1], "division", root, unit_ids, error) == 0)
        return FALSE;
    }
  for (guint d = 0; d < G_N_ELEMENTS (districts); d++)
    {
      g_autofree char *code = g_strdup_printf ("G-PGD%u", d + 1);
      g_autofree char *name = g_strdup_printf ("Phòng GD&ĐT %s", districts[d]);
      gint64 district = add_unit (store, code, name, "district_office", root, unit_ids, error);

      if (district == 0)
        return FALSE;
      for (guint s = 0; s < 18; s++)
        {
          g_autofree char *scode = g_strdup_printf ("G-PGD%u-T%02u", d + 1, s + 1);
          g_autofree char *sname = g_strdup_printf ("%s %s %u", PICK (rand, school_kinds), PICK (rand, school_places), s + 1);

          if (add_unit (store, scode, sname, "school", district, unit_ids, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static void
random_date (GRand *rand, int year_from, int year_to, char out[11])
{
  int y = g_rand_int_range (rand, year_from, year_to + 1);
  int m = g_rand_int_range (rand, 1, 13);
  int d = g_rand_int_range (rand, 1, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y) + 1);
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
}

static gint64
pick_unit (GRand  *rand,
           GArray *unit_ids)
{
  return g_array_index (unit_ids, gint64, g_rand_int_range (rand, 0, (gint32) unit_ids->len));
}

static gboolean
make_people (DnStore  *store,
             GRand    *rand,
             guint     n_people,
             GArray   *unit_ids,
             GError  **error)
{
  for (guint i = 0; i < n_people; i++)
    {
      gboolean female = g_rand_boolean (rand);
      char birth[11];
      const char *family, *middle, *given;
      gint64 unit;

      /* drawn in this order, so that a seed keeps giving the same data */
      random_date (rand, 1960, 2000, birth);
      family = PICK (rand, family_names);
      middle = female ? PICK (rand, middle_names_f) : PICK (rand, middle_names_m);
      given = female ? PICK (rand, given_names_f) : PICK (rand, given_names_m);
      unit = pick_unit (rand, unit_ids);
      if (!_dn_store_write (store,
                            "INSERT INTO person (family_name, middle_name, given_name, gender, birth_date, unit_id, position) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error, DN_TEXT (family), DN_TEXT (middle), DN_TEXT (given),
                            DN_TEXT (female ? "female" : "male"), DN_TEXT (birth), DN_ID (unit),
                            DN_TEXT (PICK (rand, positions)), DN_END))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_tasks (DnStore  *store,
            GRand    *rand,
            guint     n_tasks,
            GArray   *unit_ids,
            GError  **error)
{
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %s %s", PICK (rand, task_verbs), PICK (rand, task_topics),
                                                PICK (rand, periods));
      g_autofree char *section = g_strdup_printf ("%s.%d", (const char *[]) { "I", "II", "III", "IV" }[g_rand_int_range (rand, 0, 4)],
                                                  g_rand_int_range (rand, 1, 10));
      const char *status = PICK (rand, statuses);
      char due[11];
      gint64 task_id = 0, lead;
      int n_support = g_rand_int_range (rand, 0, 3);

      random_date (rand, 2024, 2027, due);
      if (!_dn_store_save (store,
                           "INSERT INTO task (id, section, title, description, due_date, recurrence, status) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           &task_id, TRUE, NULL, error, DN_TEXT (section), DN_TEXT (title),
                           DN_TEXT ("Thực hiện theo kế hoạch của đơn vị; báo cáo kết quả đúng thời hạn."), DN_TEXT (due),
                           DN_TEXT (PICK (rand, recurrences)), DN_TEXT (status), DN_END))
        return FALSE;

      lead = pick_unit (rand, unit_ids);
      for (int k = 0; k <= n_support; k++)
        if (!_dn_store_write (store,
                              "INSERT OR IGNORE INTO assignment (task_id, unit_id, role, due_date, status) VALUES (?, ?, ?, ?, ?)",
                              error, DN_ID (task_id), DN_ID (k == 0 ? lead : pick_unit (rand, unit_ids)),
                              DN_TEXT (k == 0 ? "lead" : "support"), DN_TEXT (due), DN_TEXT (status), DN_END))
          return FALSE;

      if (g_str_equal (status, "in_progress") &&
          !_dn_store_write (store,
                            "INSERT INTO progress (task_id, unit_id, entry_date, percent, note) VALUES (?, ?, ?, ?, ?)",
                            error, DN_ID (task_id), DN_ID (lead), DN_TEXT ("2024-06-15"),
                            DN_INT (g_rand_int_range (rand, 1, 10) * 10), DN_TEXT ("Đã triển khai tới các đơn vị."), DN_END))
        return FALSE;
    }
  return TRUE;
}

static gboolean
make_delegations (DnStore  *store,
                  GRand    *rand,
                  guint     n_delegations,
                  GError  **error)
{
  for (guint i = 0; i < n_delegations; i++)
    {
      gboolean outbound = g_rand_int_range (rand, 0, 3) != 0;
      const char *country = PICK (rand, countries);
      const char *country_name = dn_country_vietnamese_name (country);
      g_autofree char *title = outbound
        ? g_strdup_printf ("Đoàn công tác học tập kinh nghiệm tại %s, %s", country_name, PICK (rand, task_topics))
        : g_strdup_printf ("Đoàn %s đến làm việc về %s", country_name, PICK (rand, task_topics));
      char start[11], end[11];
      const char *status;
      GDate d;
      gint64 delegation_id = 0;

      random_date (rand, 2023, 2027, start);
      g_date_set_dmy (&d, (GDateDay) atoi (start + 8), (GDateMonth) atoi (start + 5), (GDateYear) atoi (start));
      g_date_add_days (&d, (guint) g_rand_int_range (rand, 2, 12));
      g_snprintf (end, sizeof end, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
      status = (const char *[]) { "planned", "approved", "completed", "completed" }[g_rand_int_range (rand, 0, 4)];

      if (!_dn_store_save (store,
                           "INSERT INTO delegation (id, direction, title, purpose, start_date, end_date, status) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           &delegation_id, TRUE, NULL, error, DN_TEXT (outbound ? "outbound" : "inbound"), DN_TEXT (title),
                           DN_TEXT ("Trao đổi kinh nghiệm quản lý trường học và hợp tác giáo dục."), DN_TEXT (start),
                           DN_TEXT (end), DN_TEXT (status), DN_END) ||
          !_dn_store_write (store, "INSERT INTO delegation_country (delegation_id, country_code) VALUES (?, ?)", error,
                            DN_ID (delegation_id), DN_TEXT (country), DN_END))
        return FALSE;
    }
  return TRUE;
}

gboolean
dn_generate (DnStore  *store,
             guint     n_tasks,
             guint     n_delegations,
             guint     n_people,
             guint32   seed,
             GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);

  if (!dn_store_begin (store, error))
    return FALSE;
  _dn_store_set_audit (store, FALSE);

  stmt = _dn_store_prepare (store, "SELECT id FROM unit WHERE archived = 0", error);
  ok = stmt != NULL && _dn_store_collect_ids (store, stmt, unit_ids, error);
  if (ok && unit_ids->len < 2)
    {
      g_array_set_size (unit_ids, 0);
      ok = make_units (store, rand, unit_ids, error);
    }
  ok = ok &&
       make_people (store, rand, n_people, unit_ids, error) &&
       make_tasks (store, rand, n_tasks, unit_ids, error) &&
       make_delegations (store, rand, n_delegations, error);

  _dn_store_set_audit (store, TRUE);
  return _dn_store_finish (store, ok, error);
}

/* The passports of @n_passports staff drawn among the people, and for a
 * third of them a line of the custody ledger for an outbound delegation:
 * most returned, some still out, some late. */
gboolean
dn_generate_passports (DnStore  *store,
                       guint     n_passports,
                       guint32   seed,
                       GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5a5a5a5au);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) trips = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 first_number = 0;
  gboolean ok;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);

  if (!dn_store_begin (store, error))
    return FALSE;
  _dn_store_set_audit (store, FALSE);

  stmt = _dn_store_prepare (store, "SELECT id FROM person", error);
  ok = stmt != NULL && _dn_store_collect_ids (store, stmt, people, error);
  stmt = ok ? _dn_store_prepare (store, "SELECT id FROM delegation WHERE direction = 'outbound' "
                                        "AND status IN ('approved', 'ongoing', 'completed')", error) : NULL;
  ok = ok && stmt != NULL && _dn_store_collect_ids (store, stmt, trips, error);
  ok = ok && _dn_store_read_int (store, "SELECT count(*) FROM passport", &first_number, error, DN_END);
  if (ok && people->len == 0 && n_passports > 0)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, "passports need people: generate them first");
      ok = FALSE;
    }

  for (guint i = 0; ok && i < n_passports; i++)
    {
      gint64 person = g_array_index (people, gint64, g_rand_int_range (rand, 0, (gint32) people->len));
      int kind = g_rand_int_range (rand, 0, 10);  /* 1 in 10 diplomatic, 5 official, 4 ordinary */
      const char *kind_text = kind == 0 ? "diplomatic" : kind < 6 ? "official" : "ordinary";
      g_autofree char *number = g_strdup_printf ("%c%07" G_GINT64_FORMAT, kind == 0 ? 'A' : kind < 6 ? 'B' : 'C',
                                                 first_number + i + 1);
      char issue[11], expiry[11];
      gint64 passport_id = 0;

      random_date (rand, 2016, 2025, issue);
      g_snprintf (expiry, sizeof expiry, "%04d%s", atoi (issue) + (kind < 6 ? 5 : 10), issue + 4);
      if (g_str_equal (issue + 5, "02-29"))
        memcpy (expiry + 5, "02-28", 5);
      ok = _dn_store_save (store,
                           "INSERT INTO passport (id, person_id, kind, number, issue_date, expiry_date, issuing_authority, status) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           &passport_id, TRUE, NULL, error, DN_ID (person), DN_TEXT (kind_text), DN_TEXT (number),
                           DN_TEXT (issue), DN_TEXT (expiry),
                           DN_TEXT (kind < 6 ? "Cục Lãnh sự - Bộ Ngoại giao" : "Cục Quản lý xuất nhập cảnh - Bộ Công an"),
                           DN_TEXT (g_rand_int_range (rand, 0, 200) == 0 ? "lost" : "valid"), DN_END);

      if (ok && trips->len > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          gint64 trip = g_array_index (trips, gint64, g_rand_int_range (rand, 0, (gint32) trips->len));
          int fate = g_rand_int_range (rand, 0, 10);  /* 7 back in time, 1 late, 1 out, 1 out and late */

          ok = _dn_store_write (store,
                                "INSERT OR IGNORE INTO delegation_member (delegation_id, person_id, role, passport_id) "
                                "VALUES (?, ?, 'member', ?)", error, DN_ID (trip), DN_ID (person), DN_ID (passport_id), DN_END) &&
               _dn_store_write (store,
                                "INSERT INTO passport_loan (passport_id, delegation_id, handed_out_on, handed_to, due_back_on, "
                                "returned_on, handed_by, receipt_signed) "
                                "SELECT ?1, d.id, date(d.start_date, '-3 days'), '', date(d.end_date, '+7 days'), "
                                "CASE ?2 WHEN 7 THEN date(d.end_date, '+12 days') WHEN 8 THEN NULL WHEN 9 THEN NULL "
                                "ELSE date(d.end_date, '+2 days') END, 'Văn phòng Sở', 1 "
                                "FROM delegation d WHERE d.id = ?3 "
                                "AND NOT EXISTS (SELECT 1 FROM passport_loan l WHERE l.passport_id = ?1 AND l.returned_on IS NULL)",
                                error, DN_ID (passport_id), DN_INT (fate), DN_ID (trip), DN_END);
        }
    }

  _dn_store_set_audit (store, TRUE);
  return _dn_store_finish (store, ok, error);
}