/* dn-calendar.c: non-working days and working-day arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-calendar"

#include "config.h"

#include "dn-calendar.h"

#include "dn-lunar.h"

#define NAME_NEW_YEAR      "Tết Dương lịch"
#define NAME_TET           "Tết Âm lịch"
#define NAME_HUNG_KINGS    "Giỗ Tổ Hùng Vương"
#define NAME_VICTORY       "Ngày Chiến thắng"
#define NAME_LABOUR        "Ngày Quốc tế lao động"
#define NAME_NATIONAL      "Quốc khánh"
#define NAME_COMPENSATORY  "Nghỉ bù"

/* Years for which holidays are computed; GDate ends with 65535, and a lunar
 * year needs the solar year after it. */
#define HOLIDAY_MIN_YEAR 2
#define HOLIDAY_MAX_YEAR 65534

/* Statutory holidays of one solar year, as the calendar caches them. */
typedef struct
{
  GPtrArray *holidays;      /* DnHoliday, sorted by date */
  guint8     is_holiday[366];  /* by day of the year − 1 */
} YearHolidays;

typedef struct
{
  gboolean  off;
  char     *name;
} Override;

struct _DnCalendar
{
  GObject     parent_instance;

  GHashTable *overrides;    /* julian day → Override */
  GHashTable *years;        /* year → YearHolidays */
};

G_DEFINE_FINAL_TYPE (DnCalendar, dn_calendar, G_TYPE_OBJECT)

void
dn_holiday_free (DnHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->name);
  g_free (holiday);
}

static void
override_free (gpointer data)
{
  Override *override = data;

  g_free (override->name);
  g_free (override);
}

static void
year_holidays_free (gpointer data)
{
  YearHolidays *yh = data;

  g_ptr_array_unref (yh->holidays);
  g_free (yh);
}

static gboolean
julian_is_weekend (guint32 julian)
{
  GDate date;
  GDateWeekday wd;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  wd = g_date_get_weekday (&date);
  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

static guint32
julian_of (int        day,
           GDateMonth month,
           int        year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static void
add_holiday (GPtrArray  *array,
             guint32     julian,
             const char *name)
{
  DnHoliday *holiday = g_new0 (DnHoliday, 1);

  g_date_clear (&holiday->date, 1);
  g_date_set_julian (&holiday->date, julian);
  holiday->name = g_strdup (name);
  g_ptr_array_add (array, holiday);
}

static gint
holiday_compare (gconstpointer a,
                 gconstpointer b)
{
  const DnHoliday *ha = *(DnHoliday * const *) a;
  const DnHoliday *hb = *(DnHoliday * const *) b;

  return g_date_compare (&ha->date, &hb->date);
}

static gboolean
array_has_julian (GPtrArray *array,
                  guint32    julian)
{
  guint i;

  for (i = 0; i < array->len; i++)
    {
      DnHoliday *holiday = g_ptr_array_index (array, i);

      if (g_date_get_julian (&holiday->date) == julian)
        return TRUE;
    }
  return FALSE;
}

/* Length of the run of consecutive days off around 2 September when the
 * days off are the weekends, 2/9 and @other. */
static int
national_day_break (guint32 national,
                    guint32 other)
{
  guint32 first = national, last = national;

#define IS_OFF(j) ((j) == national || (j) == other || julian_is_weekend (j))
  while (IS_OFF (first - 1))
    first--;
  while (IS_OFF (last + 1))
    last++;
#undef IS_OFF

  return (int) (last - first + 1);
}

/* The day next to Quốc khánh (Điều 112: "ngày 02 tháng 9 và 01 ngày liền
 * kề trước hoặc sau"). Only a weekday is worth choosing: a weekend day would
 * add nothing. Of 1/9 and 3/9, the one that gives the longer break together
 * with the weekend; 1/9 when they give the same. Weekday of 2/9 → choice:
 * Mon → 3/9 (Tue), Tue → 1/9 (Mon), Wed → 1/9, Thu → 3/9 (Fri),
 * Fri → 1/9 (Thu), Sat → 1/9 (Fri), Sun → 3/9 (Mon). */
static guint32
national_day_adjacent (int year)
{
  guint32 national = julian_of (2, G_DATE_SEPTEMBER, year);
  guint32 before = national - 1;
  guint32 after = national + 1;

  if (julian_is_weekend (before))
    return after;
  if (julian_is_weekend (after))
    return before;
  if (national_day_break (national, after) > national_day_break (national, before))
    return after;
  return before;
}

static gboolean
lunar_to_julian (int      year,
                 int      month,
                 int      day,
                 guint32 *julian)
{
  DnLunarDate lunar = { day, month, year, FALSE };
  GDate date;

  g_date_clear (&date, 1);
  if (!dn_lunar_to_solar (&lunar, &date))
    return FALSE;
  *julian = g_date_get_julian (&date);
  return TRUE;
}

/* The statutory holidays whose date is in @year, sorted, or an empty array
 * outside HOLIDAY_MIN_YEAR..HOLIDAY_MAX_YEAR. */
static GPtrArray *
compute_statutory_holidays (int year)
{
  g_autoptr(GPtrArray) base = g_ptr_array_new_with_free_func ((GDestroyNotify) dn_holiday_free);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) dn_holiday_free);
  guint32 julian, national;
  guint i;

  if (year < HOLIDAY_MIN_YEAR || year > HOLIDAY_MAX_YEAR)
    return result;

  add_holiday (base, julian_of (1, G_DATE_JANUARY, year), NAME_NEW_YEAR);

  /* Tết of lunar year @year begins between 21 January and 20 February of
   * solar year @year: its five days and their compensation are all in it. */
  if (lunar_to_julian (year, 1, 1, &julian))
    {
      guint32 d;

      /* The last day of the old year (29 or 30 Tết), then 1/1 to 4/1. */
      add_holiday (base, julian - 1, NAME_TET);
      for (d = 0; d < 4; d++)
        add_holiday (base, julian + d, NAME_TET);
    }

  if (lunar_to_julian (year, 3, 10, &julian))
    add_holiday (base, julian, NAME_HUNG_KINGS);

  add_holiday (base, julian_of (30, G_DATE_APRIL, year), NAME_VICTORY);
  add_holiday (base, julian_of (1, G_DATE_MAY, year), NAME_LABOUR);

  national = julian_of (2, G_DATE_SEPTEMBER, year);
  add_holiday (base, national, NAME_NATIONAL);
  add_holiday (base, national_day_adjacent (year), NAME_NATIONAL);

  g_ptr_array_sort (base, holiday_compare);

  /* Copy, adding a compensatory day after each holiday on a weekend (Điều
   * 112 khoản 3): the next day that is neither a weekend day, a holiday nor
   * an earlier compensatory day. Two holidays on one date (Giỗ Tổ on 30/4,
   * say) are one day off: the law gives no extra day for that. */
  for (i = 0; i < base->len; i++)
    {
      DnHoliday *holiday = g_ptr_array_index (base, i);
      guint32 j = g_date_get_julian (&holiday->date);

      add_holiday (result, j, holiday->name);

      if (i > 0 && g_date_compare (&holiday->date,
                                   &((DnHoliday *) g_ptr_array_index (base, i - 1))->date) == 0)
        continue;
      if (!julian_is_weekend (j))
        continue;

      do
        j++;
      while (julian_is_weekend (j) || array_has_julian (base, j) ||
             array_has_julian (result, j));

      add_holiday (result, j, NAME_COMPENSATORY);
    }

  g_ptr_array_sort (result, holiday_compare);

  /* Keep only those in @year (all of them, with today's rules). */
  for (i = result->len; i > 0; i--)
    {
      DnHoliday *holiday = g_ptr_array_index (result, i - 1);

      if ((int) g_date_get_year (&holiday->date) != year)
        g_ptr_array_remove_index (result, i - 1);
    }

  return result;
}

GPtrArray *
dn_calendar_statutory_holidays (int year)
{
  return compute_statutory_holidays (year);
}

static const YearHolidays *
get_year (DnCalendar *self,
          int         year)
{
  YearHolidays *yh = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
  guint i;

  if (yh != NULL)
    return yh;

  yh = g_new0 (YearHolidays, 1);
  yh->holidays = compute_statutory_holidays (year);
  for (i = 0; i < yh->holidays->len; i++)
    {
      DnHoliday *holiday = g_ptr_array_index (yh->holidays, i);

      yh->is_holiday[g_date_get_day_of_year (&holiday->date) - 1] = 1;
    }
  g_hash_table_insert (self->years, GINT_TO_POINTER (year), yh);
  return yh;
}

static gboolean
is_statutory_holiday (DnCalendar  *self,
                      const GDate *date)
{
  const YearHolidays *yh = get_year (self, (int) g_date_get_year (date));

  return yh->is_holiday[g_date_get_day_of_year (date) - 1] != 0;
}

static DnDayKind
day_kind (DnCalendar  *self,
          const GDate *date)
{
  Override *override;
  GDateWeekday wd;

  override = g_hash_table_lookup (self->overrides,
                                  GUINT_TO_POINTER (g_date_get_julian (date)));
  if (override != NULL)
    return override->off ? DN_DAY_HOLIDAY : DN_DAY_WORKING;

  if (is_statutory_holiday (self, date))
    return DN_DAY_HOLIDAY;

  wd = g_date_get_weekday (date);
  if (wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY)
    return DN_DAY_WEEKEND;

  return DN_DAY_WORKING;
}

static void
dn_calendar_finalize (GObject *object)
{
  DnCalendar *self = DN_CALENDAR (object);

  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (dn_calendar_parent_class)->finalize (object);
}

static void
dn_calendar_class_init (DnCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dn_calendar_finalize;
}

static void
dn_calendar_init (DnCalendar *self)
{
  self->overrides = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                           NULL, override_free);
  self->years = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                       NULL, year_holidays_free);
}

DnCalendar *
dn_calendar_new (void)
{
  return g_object_new (DN_TYPE_CALENDAR, NULL);
}

void
dn_calendar_set_override (DnCalendar  *self,
                          const GDate *date,
                          gboolean     off,
                          const char  *name)
{
  Override *override;

  g_return_if_fail (DN_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  override = g_new0 (Override, 1);
  override->off = !!off;
  override->name = g_strdup (name);
  g_hash_table_replace (self->overrides,
                        GUINT_TO_POINTER (g_date_get_julian (date)), override);
}

void
dn_calendar_clear_override (DnCalendar  *self,
                            const GDate *date)
{
  g_return_if_fail (DN_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_hash_table_remove (self->overrides,
                       GUINT_TO_POINTER (g_date_get_julian (date)));
}

DnDayKind
dn_calendar_get_day_kind (DnCalendar  *self,
                          const GDate *date)
{
  g_return_val_if_fail (DN_IS_CALENDAR (self), DN_DAY_WORKING);
  g_return_val_if_fail (date != NULL && g_date_valid (date), DN_DAY_WORKING);

  return day_kind (self, date);
}

gboolean
dn_calendar_is_working_day (DnCalendar  *self,
                            const GDate *date)
{
  g_return_val_if_fail (DN_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return day_kind (self, date) == DN_DAY_WORKING;
}

const char *
dn_calendar_get_day_name (DnCalendar  *self,
                          const GDate *date)
{
  Override *override;
  const YearHolidays *yh;
  guint i;

  g_return_val_if_fail (DN_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  override = g_hash_table_lookup (self->overrides,
                                  GUINT_TO_POINTER (g_date_get_julian (date)));
  if (override != NULL)
    return override->name;

  yh = get_year (self, (int) g_date_get_year (date));
  for (i = 0; i < yh->holidays->len; i++)
    {
      DnHoliday *holiday = g_ptr_array_index (yh->holidays, i);

      if (g_date_compare (&holiday->date, date) == 0)
        return holiday->name;
    }
  return NULL;
}

/* The last day GDate can step to from any day. */
static gboolean
is_last_day (const GDate *date)
{
  return g_date_get_year (date) == G_MAXUINT16 &&
         g_date_get_month (date) == G_DATE_DECEMBER &&
         g_date_get_day (date) == 31;
}

void
dn_calendar_add_working_days (DnCalendar  *self,
                              const GDate *start,
                              guint        n,
                              GDate       *out)
{
  GDate date;

  g_return_if_fail (DN_IS_CALENDAR (self));
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (out != NULL);

  date = *start;
  while (n > 0 && !is_last_day (&date))
    {
      g_date_add_days (&date, 1);
      if (day_kind (self, &date) == DN_DAY_WORKING)
        n--;
    }
  *out = date;
}

guint
dn_calendar_count_working_days (DnCalendar  *self,
                                const GDate *from,
                                const GDate *to)
{
  GDate date;
  guint count = 0;

  g_return_val_if_fail (DN_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  date = *from;
  while (g_date_compare (&date, to) < 0)
    {
      g_date_add_days (&date, 1);
      if (day_kind (self, &date) == DN_DAY_WORKING)
        count++;
    }
  return count;
}
