/* dn-generator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-generator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

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

static gboolean
step (DnStore *store, sqlite3_stmt *stmt, GError **error)
{
  return _dn_store_step_done (store, stmt, error);
}

static gboolean
make_units (DnStore  *store,
            GRand    *rand,
            GArray   *unit_ids,
            GError  **error)
{
  sqlite3_stmt *stmt = _dn_store_prepare (store,
                                          "INSERT INTO unit (code, name, kind, parent_id) VALUES (?, ?, ?, ?)",
                                          error);
  static const char *divisions[][2] = {
    { "VP", "Văn phòng Sở" }, { "GDCN", "Phòng GDCN&GDTX" }, { "TCCB", "Phòng Tổ chức Cán bộ" },
    { "KHTC", "Phòng Kế hoạch Tài chính" }, { "GDTrH", "Phòng Giáo dục Trung học" },
    { "GDTH", "Phòng Giáo dục Tiểu học" }, { "GDMN", "Phòng Giáo dục Mầm non" }, { "TTr", "Thanh tra Sở" },
  };
  gint64 root, id;

  if (stmt == NULL)
    return FALSE;
  _dn_bind_text (stmt, 1, "G-SGD");
  _dn_bind_text (stmt, 2, "Sở Giáo dục và Đào tạo (dữ liệu sinh)");
  _dn_bind_text (stmt, 3, "department");
  sqlite3_bind_null (stmt, 4);
  if (!step (store, stmt, error))
    return FALSE;
  root = sqlite3_last_insert_rowid (_dn_store_get_db (store));
  g_array_append_val (unit_ids, root);

  for (guint i = 0; i < G_N_ELEMENTS (divisions); i++)
    {
      g_autofree char *code = g_strdup_printf ("G-%s", divisions[i][0]);
      _dn_bind_text (stmt, 1, code);
      _dn_bind_text (stmt, 2, divisions[i][1]);
      _dn_bind_text (stmt, 3, "division");
      sqlite3_bind_int64 (stmt, 4, root);
      if (!step (store, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_dn_store_get_db (store));
      g_array_append_val (unit_ids, id);
    }
  for (guint d = 0; d < G_N_ELEMENTS (districts); d++)
    {
      g_autofree char *code = g_strdup_printf ("G-PGD%u", d + 1);
      g_autofree char *name = g_strdup_printf ("Phòng GD&ĐT %s", districts[d]);
      gint64 district;

      _dn_bind_text (stmt, 1, code);
      _dn_bind_text (stmt, 2, name);
      _dn_bind_text (stmt, 3, "district_office");
      sqlite3_bind_int64 (stmt, 4, root);
      if (!step (store, stmt, error))
        return FALSE;
      district = sqlite3_last_insert_rowid (_dn_store_get_db (store));
      g_array_append_val (unit_ids, district);
      for (guint s = 0; s < 18; s++)
        {
          g_autofree char *scode = g_strdup_printf ("G-PGD%u-T%02u", d + 1, s + 1);
          g_autofree char *sname = g_strdup_printf ("%s %s %u", PICK (rand, school_kinds), PICK (rand, school_places), s + 1);

          _dn_bind_text (stmt, 1, scode);
          _dn_bind_text (stmt, 2, sname);
          _dn_bind_text (stmt, 3, "school");
          sqlite3_bind_int64 (stmt, 4, district);
          if (!step (store, stmt, error))
            return FALSE;
          id = sqlite3_last_insert_rowid (_dn_store_get_db (store));
          g_array_append_val (unit_ids, id);
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
  gint64 existing = 0;
  int rc;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);

  if (!dn_store_begin (store, error))
    return FALSE;
  _dn_store_set_audit (store, FALSE);

  stmt = _dn_store_prepare (store, "SELECT id FROM unit WHERE archived = 0", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      existing = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (unit_ids, existing);
    }
  sqlite3_reset (stmt);
  if (unit_ids->len < 2)
    {
      g_array_set_size (unit_ids, 0);
      if (!make_units (store, rand, unit_ids, error))
        goto fail;
    }

  stmt = _dn_store_prepare (store,
                            "INSERT INTO person (family_name, middle_name, given_name, gender, birth_date, unit_id, position) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_people; i++)
    {
      gboolean female = g_rand_boolean (rand);
      char birth[11];

      random_date (rand, 1960, 2000, birth);
      _dn_bind_text (stmt, 1, PICK (rand, family_names));
      _dn_bind_text (stmt, 2, female ? PICK (rand, middle_names_f) : PICK (rand, middle_names_m));
      _dn_bind_text (stmt, 3, female ? PICK (rand, given_names_f) : PICK (rand, given_names_m));
      _dn_bind_text (stmt, 4, female ? "female" : "male");
      _dn_bind_text (stmt, 5, birth);
      sqlite3_bind_int64 (stmt, 6, g_array_index (unit_ids, gint64, g_rand_int_range (rand, 0, (gint32) unit_ids->len)));
      _dn_bind_text (stmt, 7, PICK (rand, positions));
      if (!step (store, stmt, error))
        goto fail;
    }

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %s %s", PICK (rand, task_verbs), PICK (rand, task_topics),
                                                PICK (rand, periods));
      g_autofree char *section = g_strdup_printf ("%s.%d", (const char *[]) { "I", "II", "III", "IV" }[g_rand_int_range (rand, 0, 4)],
                                                  g_rand_int_range (rand, 1, 10));
      const char *status = PICK (rand, statuses);
      char due[11];
      gint64 task_id, lead;
      int n_support = g_rand_int_range (rand, 0, 3);

      random_date (rand, 2024, 2027, due);
      stmt = _dn_store_prepare (store,
                                "INSERT INTO task (section, title, description, due_date, recurrence, status) "
                                "VALUES (?, ?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        goto fail;
      _dn_bind_text (stmt, 1, section);
      _dn_bind_text (stmt, 2, title);
      _dn_bind_text (stmt, 3, "Thực hiện theo kế hoạch của đơn vị; báo cáo kết quả đúng thời hạn.");
      _dn_bind_text (stmt, 4, due);
      _dn_bind_text (stmt, 5, PICK (rand, recurrences));
      _dn_bind_text (stmt, 6, status);
      if (!step (store, stmt, error))
        goto fail;
      task_id = sqlite3_last_insert_rowid (_dn_store_get_db (store));

      stmt = _dn_store_prepare (store,
                                "INSERT OR IGNORE INTO assignment (task_id, unit_id, role, due_date, status) VALUES (?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        goto fail;
      lead = g_array_index (unit_ids, gint64, g_rand_int_range (rand, 0, (gint32) unit_ids->len));
      for (int k = 0; k <= n_support; k++)
        {
          gint64 unit = k == 0 ? lead : g_array_index (unit_ids, gint64, g_rand_int_range (rand, 0, (gint32) unit_ids->len));
          sqlite3_bind_int64 (stmt, 1, task_id);
          sqlite3_bind_int64 (stmt, 2, unit);
          _dn_bind_text (stmt, 3, k == 0 ? "lead" : "support");
          _dn_bind_text (stmt, 4, due);
          _dn_bind_text (stmt, 5, status);
          if (!step (store, stmt, error))
            goto fail;
        }

      if (g_str_equal (status, "in_progress"))
        {
          stmt = _dn_store_prepare (store,
                                    "INSERT INTO progress (task_id, unit_id, entry_date, percent, note) VALUES (?, ?, ?, ?, ?)",
                                    error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, task_id);
          sqlite3_bind_int64 (stmt, 2, lead);
          _dn_bind_text (stmt, 3, "2024-06-15");
          sqlite3_bind_int (stmt, 4, g_rand_int_range (rand, 1, 10) * 10);
          _dn_bind_text (stmt, 5, "Đã triển khai tới các đơn vị.");
          if (!step (store, stmt, error))
            goto fail;
        }
    }

  for (guint i = 0; i < n_delegations; i++)
    {
      gboolean outbound = g_rand_int_range (rand, 0, 3) != 0;
      const char *country = PICK (rand, countries);
      g_autofree char *title = outbound
        ? g_strdup_printf ("Đoàn công tác học tập kinh nghiệm tại %s, %s", country, PICK (rand, task_topics))
        : g_strdup_printf ("Đoàn %s đến làm việc về %s", country, PICK (rand, task_topics));
      char start[11], end[11];
      GDate d;
      gint64 delegation_id;

      random_date (rand, 2023, 2027, start);
      g_date_set_dmy (&d, (GDateDay) atoi (start + 8), (GDateMonth) atoi (start + 5), (GDateYear) atoi (start));
      g_date_add_days (&d, (guint) g_rand_int_range (rand, 2, 12));
      g_snprintf (end, sizeof end, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));

      stmt = _dn_store_prepare (store,
                                "INSERT INTO delegation (direction, title, purpose, start_date, end_date, status) "
                                "VALUES (?, ?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        goto fail;
      _dn_bind_text (stmt, 1, outbound ? "outbound" : "inbound");
      _dn_bind_text (stmt, 2, title);
      _dn_bind_text (stmt, 3, "Trao đổi kinh nghiệm quản lý trường học và hợp tác giáo dục.");
      _dn_bind_text (stmt, 4, start);
      _dn_bind_text (stmt, 5, end);
      _dn_bind_text (stmt, 6, (const char *[]) { "planned", "approved", "completed", "completed" }[g_rand_int_range (rand, 0, 4)]);
      if (!step (store, stmt, error))
        goto fail;
      delegation_id = sqlite3_last_insert_rowid (_dn_store_get_db (store));
      stmt = _dn_store_prepare (store, "INSERT INTO delegation_country (delegation_id, country_code) VALUES (?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, delegation_id);
      _dn_bind_text (stmt, 2, country);
      if (!step (store, stmt, error))
        goto fail;
    }

  _dn_store_set_audit (store, TRUE);
  return dn_store_commit (store, error);

fail:
  _dn_store_set_audit (store, TRUE);
  dn_store_rollback (store);
  return FALSE;
}
