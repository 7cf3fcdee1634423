/* dn-lunar.c: Vietnamese lunar calendar (âm lịch), computed for UTC+7
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of the Vietnamese lunisolar calendar:
 *
 *  - a month begins on the (UTC+7) civil day of an astronomical new moon;
 *  - month 11 is the month that contains the December solstice;
 *  - when 13 months lie between two months 11, the first of them (counted
 *    from the month after month 11) that contains no major solar term
 *    (trung khí: the Sun's apparent longitude reaching a multiple of 30°) is
 *    the leap month and takes the number of the month before it.
 *
 * Astronomy, from J. Meeus, "Astronomical Algorithms" (2nd ed.):
 *  - true new moons: chapter 49 (periodic terms and the 14 planetary
 *    arguments), a few seconds of accuracy;
 *  - the Sun's apparent longitude: chapter 25 with the abridged VSOP87 of
 *    appendix III, the main nutation terms and aberration: about 1″, i.e.
 *    half a minute of time;
 *  - ΔT = TT − UT: the Espenak–Meeus polynomials (NASA eclipse pages).
 *
 * This is the approach of Hồ Ngọc Đức's widely used program, with the full
 * new-moon series, a more accurate Sun and ΔT. The first day of every month
 * of 1900–2199 was checked against an independent ephemeris (ELP 2000 /
 * VSOP87, with its own ΔT). Hồ Ngọc Đức's shorter series puts a few new
 * moons that lie within two minutes of midnight on the other side of it, so
 * his tables begin those months a day later: month 5 of 1944, 11 of 2072,
 * 10 of 2077, 4 of 2130, 5 of 2150, 4 of 2159 and 1 of 2175. Past about
 * 2050, ΔT is a forecast, and such close calls are uncertain by nature.
 *
 * The months of each segment between two months 11 are cached, so a
 * conversion is a table look-up after the first.
 */
#define G_LOG_DOMAIN "dn-lunar"

#include "config.h"

#include "dn-lunar.h"

#include <math.h>

#define TIME_ZONE_HOURS 7.0

/* g_date_get_julian() counts 0001-01-01 as day 1; its Julian Day Number is
 * 1721426. */
#define GDATE_JULIAN_TO_JDN 1721425

/* Segments cached for solar years CACHE_FIRST..CACHE_LAST; others are
 * computed each time they are needed. */
#define CACHE_FIRST 1600
#define CACHE_LAST  2600

/* The lunar months from the month 11 that contains the December solstice of
 * solar year Y − 1 to the one before the month 11 that contains that of Y. */
typedef struct
{
  int     year;          /* Y */
  int     n_months;      /* 12 or 13 */
  int     leap_index;    /* index of the leap month, or -1 */
  gint64  start[14];     /* JDN of the first day of month i; start[n_months] is
                          * the first day of the next month 11 */
} Segment;

static Segment *cache[CACHE_LAST - CACHE_FIRST + 1];

static inline double
deg_sin (double degrees)
{
  return sin (degrees * (G_PI / 180.0));
}

/* ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus, 2006). */
static double
delta_t_seconds (double y)
{
  double t, u;

  if (y < 1800.0 || y >= 2150.0)
    {
      u = (y - 1820.0) / 100.0;
      return -20.0 + 32.0 * u * u;
    }
  if (y < 1860.0)
    {
      t = y - 1800.0;
      return 13.72 + t * (-0.332447 + t * (0.0068612 + t * (0.0041116
             + t * (-0.00037436 + t * (0.0000121272 + t * (-0.0000001699
             + t * 0.000000000875))))));
    }
  if (y < 1900.0)
    {
      t = y - 1860.0;
      return 7.62 + t * (0.5737 + t * (-0.251754 + t * (0.01680668
             + t * (-0.0004473624 + t / 233174.0))));
    }
  if (y < 1920.0)
    {
      t = y - 1900.0;
      return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966
             + t * -0.000197)));
    }
  if (y < 1941.0)
    {
      t = y - 1920.0;
      return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
    }
  if (y < 1961.0)
    {
      t = y - 1950.0;
      return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
    }
  if (y < 1986.0)
    {
      t = y - 1975.0;
      return 45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0;
    }
  if (y < 2005.0)
    {
      t = y - 2000.0;
      return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275
             + t * (0.000651814 + t * 0.00002373599))));
    }
  if (y < 2050.0)
    {
      t = y - 2000.0;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
  u = (y - 1820.0) / 100.0;
  return -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - y);
}

static double
delta_t_days (double jd)
{
  return delta_t_seconds (2000.0 + (jd - 2451545.0) / 365.25) / 86400.0;
}

/* Julian Ephemeris Day (TT) of the true new moon number @k (k = 0 is the
 * new moon of 6 January 2000). Meeus, chapter 49. */
static double
new_moon_jde (double k)
{
  double t = k / 1236.85;
  double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde, e, m, mp, f, om, c, a;

  jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2
        - 0.000000150 * t3 + 0.00000000073 * t4;
  e = 1.0 - 0.002516 * t - 0.0000074 * t2;
  m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3
       - 0.000000058 * t4;
  f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3
      + 0.000000011 * t4;
  om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  c = -0.40720 * deg_sin (mp)
      + 0.17241 * e * deg_sin (m)
      + 0.01608 * deg_sin (2 * mp)
      + 0.01039 * deg_sin (2 * f)
      + 0.00739 * e * deg_sin (mp - m)
      - 0.00514 * e * deg_sin (mp + m)
      + 0.00208 * e * e * deg_sin (2 * m)
      - 0.00111 * deg_sin (mp - 2 * f)
      - 0.00057 * deg_sin (mp + 2 * f)
      + 0.00056 * e * deg_sin (2 * mp + m)
      - 0.00042 * deg_sin (3 * mp)
      + 0.00042 * e * deg_sin (m + 2 * f)
      + 0.00038 * e * deg_sin (m - 2 * f)
      - 0.00024 * e * deg_sin (2 * mp - m)
      - 0.00017 * deg_sin (om)
      - 0.00007 * deg_sin (mp + 2 * m)
      + 0.00004 * deg_sin (2 * mp - 2 * f)
      + 0.00004 * deg_sin (3 * m)
      + 0.00003 * deg_sin (mp + m - 2 * f)
      + 0.00003 * deg_sin (2 * mp + 2 * f)
      - 0.00003 * deg_sin (mp + m + 2 * f)
      + 0.00003 * deg_sin (mp - m + 2 * f)
      - 0.00002 * deg_sin (mp - m - 2 * f)
      - 0.00002 * deg_sin (3 * mp + m)
      + 0.00002 * deg_sin (4 * mp);

  /* Planetary arguments */
  a = 0.000325 * deg_sin (299.77 + 0.107408 * k - 0.009173 * t2)
      + 0.000165 * deg_sin (251.88 + 0.016321 * k)
      + 0.000164 * deg_sin (251.83 + 26.651886 * k)
      + 0.000126 * deg_sin (349.42 + 36.412478 * k)
      + 0.000110 * deg_sin (84.66 + 18.206239 * k)
      + 0.000062 * deg_sin (141.74 + 53.303771 * k)
      + 0.000060 * deg_sin (207.14 + 2.453732 * k)
      + 0.000056 * deg_sin (154.84 + 7.306860 * k)
      + 0.000047 * deg_sin (34.52 + 27.261239 * k)
      + 0.000042 * deg_sin (207.19 + 0.121824 * k)
      + 0.000040 * deg_sin (291.34 + 1.844379 * k)
      + 0.000037 * deg_sin (161.72 + 24.198154 * k)
      + 0.000035 * deg_sin (239.56 + 25.513099 * k)
      + 0.000023 * deg_sin (331.55 + 3.592518 * k);

  return jde + c + a;
}

/* New moons that chapter 49 (mean error about 4 s) puts within seconds of
 * midnight UTC+7, on the other side of it than a fuller lunar theory
 * (ELP 2000) does. Checked for every new moon of 1900–2199.
 *  - k = −402: ELP 2000 gives 1967-07-07 17:00:03 UT, i.e. 00:00:03 on 8 July
 *    in UTC+7, where the series gives 23:59:58 on 7 July. Month 6 of Đinh Mùi
 *    began on 8 July (also in the UTC+8 calendar then in use in the North, and
 *    in Hồ Ngọc Đức's tables). */
static const struct
{
  gint64 k;
  gint64 jdn;
} new_moon_corrections[] = {
  { -402, 2439680 },
};

/* JDN of the UTC+7 civil day of new moon number @k. */
static gint64
new_moon_day (gint64 k)
{
  double jde;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (new_moon_corrections); i++)
    if (new_moon_corrections[i].k == k)
      return new_moon_corrections[i].jdn;

  jde = new_moon_jde ((double) k);
  return (gint64) floor (jde - delta_t_days (jde) + 0.5
                         + TIME_ZONE_HOURS / 24.0);
}

/* Periodic terms of the Earth's heliocentric longitude, VSOP87 (Bretagnon &
 * Francou 1988) as abridged in Meeus, appendix III: A cos (B + C τ), A in
 * 1e-8 rad, τ in Julian millennia from J2000.0. */
typedef struct
{
  double a, b, c;
} VsopTerm;

static const VsopTerm earth_l0[] = {
  { 175347046, 0, 0 },
  { 3341656, 4.6692568, 6283.0758500 },
  { 34894, 4.62610, 12566.15170 },
  { 3497, 2.7441, 5753.3849 },
  { 3418, 2.8289, 3.5231 },
  { 3136, 3.6277, 77713.7715 },
  { 2676, 4.4181, 7860.4194 },
  { 2343, 6.1352, 3930.2097 },
  { 1324, 0.7425, 11506.7698 },
  { 1273, 2.0371, 529.6910 },
  { 1199, 1.1096, 1577.3435 },
  { 990, 5.233, 5884.927 },
  { 902, 2.045, 26.298 },
  { 857, 3.508, 398.149 },
  { 780, 1.179, 5223.694 },
  { 753, 2.533, 5507.553 },
  { 505, 4.583, 18849.228 },
  { 492, 4.205, 775.523 },
  { 357, 2.920, 0.067 },
  { 317, 5.849, 11790.629 },
  { 284, 1.899, 796.298 },
  { 271, 0.315, 10977.079 },
  { 243, 0.345, 5486.778 },
  { 206, 4.806, 2544.314 },
  { 205, 1.869, 5573.143 },
  { 202, 2.458, 6069.777 },
  { 156, 0.833, 213.299 },
  { 132, 3.411, 2942.463 },
  { 126, 1.083, 20.775 },
  { 115, 0.645, 0.980 },
  { 103, 0.636, 4694.003 },
  { 102, 0.976, 15720.839 },
  { 102, 4.267, 7.114 },
  { 99, 6.21, 2146.17 },
  { 98, 0.68, 155.42 },
  { 86, 5.98, 161000.69 },
  { 85, 1.30, 6275.96 },
  { 85, 3.67, 71430.70 },
  { 80, 1.81, 17260.15 },
  { 79, 3.04, 12036.46 },
  { 75, 1.76, 5088.63 },
  { 74, 3.50, 3154.69 },
  { 74, 4.68, 801.82 },
  { 70, 0.83, 9437.76 },
  { 62, 3.98, 8827.39 },
  { 61, 1.82, 7084.90 },
  { 57, 2.78, 6286.60 },
  { 56, 4.39, 14143.50 },
  { 56, 3.47, 6279.55 },
  { 52, 0.19, 12139.55 },
  { 52, 1.33, 1748.02 },
  { 51, 0.28, 5856.48 },
  { 49, 0.49, 1194.45 },
  { 41, 5.37, 8429.24 },
  { 41, 2.40, 19651.05 },
  { 39, 6.17, 10447.39 },
  { 37, 6.04, 10213.29 },
  { 37, 2.57, 1059.38 },
  { 36, 1.71, 2352.87 },
  { 36, 1.78, 6812.77 },
  { 33, 0.59, 17789.85 },
  { 30, 0.44, 83996.85 },
  { 30, 2.74, 1349.87 },
  { 25, 3.16, 4690.48 },
};

static const VsopTerm earth_l1[] = {
  { 628331966747.0, 0, 0 },
  { 206059, 2.678235, 6283.07585 },
  { 4303, 2.6351, 12566.1517 },
  { 425, 1.590, 3.523 },
  { 119, 5.796, 26.298 },
  { 109, 2.966, 1577.344 },
  { 93, 2.59, 18849.23 },
  { 72, 1.14, 529.69 },
  { 68, 1.87, 398.15 },
  { 67, 4.41, 5507.55 },
  { 59, 2.89, 5223.69 },
  { 56, 2.17, 155.42 },
  { 45, 0.40, 796.30 },
  { 36, 0.47, 775.52 },
  { 29, 2.65, 7.11 },
  { 21, 5.34, 0.98 },
  { 19, 1.85, 5486.78 },
  { 19, 4.97, 213.30 },
  { 17, 2.99, 6275.96 },
  { 16, 0.03, 2544.31 },
  { 16, 1.43, 2146.17 },
  { 15, 1.21, 10977.08 },
  { 12, 2.83, 1748.02 },
  { 12, 3.26, 5088.63 },
  { 12, 5.27, 1194.45 },
  { 12, 2.08, 4694.00 },
  { 11, 0.77, 553.57 },
  { 10, 1.30, 6286.60 },
  { 10, 4.24, 1349.87 },
  { 9, 2.70, 242.73 },
  { 9, 5.64, 951.72 },
  { 8, 5.30, 2352.87 },
  { 6, 2.65, 9437.76 },
  { 6, 4.67, 4690.48 },
};

static const VsopTerm earth_l2[] = {
  { 52919, 0, 0 },
  { 8720, 1.0721, 6283.0758 },
  { 309, 0.867, 12566.152 },
  { 27, 0.05, 3.52 },
  { 16, 5.19, 26.30 },
  { 16, 3.68, 155.42 },
  { 10, 0.76, 18849.23 },
  { 9, 2.06, 77713.77 },
  { 7, 0.83, 775.52 },
  { 5, 4.66, 1577.34 },
  { 4, 1.03, 7.11 },
  { 4, 3.44, 5573.14 },
  { 3, 5.14, 796.30 },
  { 3, 6.05, 5507.55 },
  { 3, 1.19, 242.73 },
  { 3, 6.12, 529.69 },
  { 3, 0.31, 398.15 },
  { 3, 2.28, 553.57 },
  { 2, 4.38, 5223.69 },
  { 2, 3.75, 0.98 },
};

static const VsopTerm earth_l3[] = {
  { 289, 5.844, 6283.076 },
  { 35, 0, 0 },
  { 17, 5.49, 12566.15 },
  { 3, 5.20, 155.42 },
  { 1, 4.72, 3.52 },
  { 1, 5.30, 18849.23 },
  { 1, 5.97, 242.73 },
};

static const VsopTerm earth_l4[] = {
  { 114, 3.142, 0 },
  { 8, 4.13, 6283.08 },
  { 1, 3.84, 12566.15 },
};

static const VsopTerm earth_l5[] = {
  { 1, 3.14, 0 },
};

static double
vsop_sum (const VsopTerm *terms,
          gsize           n_terms,
          double          tau)
{
  double sum = 0;
  gsize i;

  for (i = 0; i < n_terms; i++)
    sum += terms[i].a * cos (terms[i].b + terms[i].c * tau);
  return sum;
}

/* The Sun's apparent geocentric longitude in degrees, 0 ≤ λ < 360, at Julian
 * Day @jd_ut (UT): VSOP87 (abridged), the FK5 correction, the main terms of
 * nutation in longitude and the annual aberration. Meeus, chapters 22 and 25.
 * Good to about a second of arc, i.e. half a minute of time. */
static double
sun_longitude (double jd_ut)
{
  double jde = jd_ut + delta_t_days (jd_ut);
  double t = (jde - 2451545.0) / 36525.0;
  double tau = t / 10.0;
  double l, lambda, om, ls, lm, m, r, dpsi;

  l = (vsop_sum (earth_l0, G_N_ELEMENTS (earth_l0), tau)
       + tau * (vsop_sum (earth_l1, G_N_ELEMENTS (earth_l1), tau)
       + tau * (vsop_sum (earth_l2, G_N_ELEMENTS (earth_l2), tau)
       + tau * (vsop_sum (earth_l3, G_N_ELEMENTS (earth_l3), tau)
       + tau * (vsop_sum (earth_l4, G_N_ELEMENTS (earth_l4), tau)
       + tau * vsop_sum (earth_l5, G_N_ELEMENTS (earth_l5), tau)))))) / 1e8;

  /* Geocentric, in degrees, FK5 frame (−0.09033″) */
  lambda = l * (180.0 / G_PI) + 180.0 - 0.09033 / 3600.0;

  /* Nutation in longitude (main terms, in arc seconds) */
  om = 125.04452 - 1934.136261 * t;
  ls = 280.4665 + 36000.7698 * t;
  lm = 218.3165 + 481267.8813 * t;
  dpsi = -17.20 * deg_sin (om) - 1.32 * deg_sin (2 * ls)
         - 0.23 * deg_sin (2 * lm) + 0.21 * deg_sin (2 * om);

  /* Aberration: −20.4898″ / R, R the Sun's distance in AU */
  m = 357.52911 + 35999.05029 * t;
  r = 1.000140 - 0.016708 * cos (m * (G_PI / 180.0))
      - 0.000139 * cos (2 * m * (G_PI / 180.0));

  lambda += (dpsi - 20.4898 / r) / 3600.0;

  lambda = fmod (lambda, 360.0);
  if (lambda < 0)
    lambda += 360.0;
  return lambda;
}

/* Which 30° sector (0..11) the Sun is in at the start (00:00 UTC+7) of the
 * civil day @jdn. Sector 9 begins with the December solstice. */
static int
sun_sector_at_day_start (gint64 jdn)
{
  double jd_ut = (double) jdn - 0.5 - TIME_ZONE_HOURS / 24.0;
  int sector = (int) floor (sun_longitude (jd_ut) / 30.0);

  return CLAMP (sector, 0, 11);
}

/* Julian Day Number of a proleptic Gregorian date; unlike GDate, works for
 * year 0 too (needed for the segment of solar year 1). */
static gint64
gregorian_to_jdn (gint64 year,
                  int    month,
                  int    day)
{
  gint64 a = (14 - month) / 12;
  gint64 y = year + 4800 - a;
  gint64 m = month + 12 * a - 3;

  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

/* Number of the last new moon whose civil day is on or before @jdn. */
static gint64
new_moon_on_or_before (gint64 jdn)
{
  gint64 k = (gint64) floor (((double) jdn - 2451550.1) / 29.530588861);

  while (new_moon_day (k) > jdn)
    k--;
  while (new_moon_day (k + 1) <= jdn)
    k++;
  return k;
}

/* Number of the new moon that begins month 11, the month containing the
 * December solstice of solar year @year. */
static gint64
month11_new_moon (int year)
{
  gint64 k = new_moon_on_or_before (gregorian_to_jdn (year, 12, 31));

  /* The month begun by this new moon contains the solstice unless the Sun
   * was already past 270° when it began. */
  if (sun_sector_at_day_start (new_moon_day (k)) >= 9)
    k--;
  return k;
}

static void
segment_compute (int      year,
                 Segment *seg)
{
  gint64 k0 = month11_new_moon (year - 1);
  gint64 k1 = month11_new_moon (year);
  int i;

  seg->year = year;
  seg->n_months = (int) (k1 - k0);
  g_assert (seg->n_months == 12 || seg->n_months == 13);

  for (i = 0; i <= seg->n_months; i++)
    seg->start[i] = new_moon_day (k0 + i);

  seg->leap_index = -1;
  if (seg->n_months == 13)
    {
      int sector = sun_sector_at_day_start (seg->start[1]);

      for (i = 1; i < 13; i++)
        {
          int next = sun_sector_at_day_start (seg->start[i + 1]);

          if (next == sector)
            {
              seg->leap_index = i;
              break;
            }
          sector = next;
        }
      /* 13 months hold only 12 major terms: one of them has none. */
      g_assert (seg->leap_index > 0);
    }
}

/* The segment of solar year @year: cached when in range, otherwise computed
 * into @scratch. Thread-safe. */
static const Segment *
segment_get (int      year,
             Segment *scratch)
{
  Segment *seg;
  gsize slot;

  if (year < CACHE_FIRST || year > CACHE_LAST)
    {
      segment_compute (year, scratch);
      return scratch;
    }

  slot = (gsize) (year - CACHE_FIRST);
  seg = g_atomic_pointer_get (&cache[slot]);
  if (seg != NULL)
    return seg;

  seg = g_new (Segment, 1);
  segment_compute (year, seg);
  if (!g_atomic_pointer_compare_and_exchange (&cache[slot], NULL, seg))
    {
      /* Another thread got there first; its copy is identical. */
      g_free (seg);
      seg = g_atomic_pointer_get (&cache[slot]);
    }
  return seg;
}

/* Month number (1..12), leap flag and lunar year of month @index of @seg. */
static void
segment_month (const Segment *seg,
               int            index,
               int           *month,
               gboolean      *leap,
               int           *year)
{
  int m = 11 + index;

  if (seg->leap_index >= 0 && index >= seg->leap_index)
    m--;
  if (m > 12)
    m -= 12;

  *month = m;
  *leap = (index == seg->leap_index);
  /* Months 11 and 12 of a segment come before its month 1. */
  *year = m >= 11 ? seg->year - 1 : seg->year;
}

void
dn_lunar_from_solar (const GDate *solar,
                     DnLunarDate *out)
{
  Segment scratch;
  const Segment *seg;
  gint64 jdn;
  int year, i;

  g_return_if_fail (solar != NULL && g_date_valid (solar));
  g_return_if_fail (out != NULL);

  jdn = (gint64) g_date_get_julian (solar) + GDATE_JULIAN_TO_JDN;
  year = (int) g_date_get_year (solar);

  seg = segment_get (year, &scratch);
  if (jdn >= seg->start[seg->n_months])
    seg = segment_get (year + 1, &scratch);

  for (i = seg->n_months - 1; i > 0 && seg->start[i] > jdn; i--)
    ;

  segment_month (seg, i, &out->month, &out->leap, &out->year);
  out->day = (int) (jdn - seg->start[i]) + 1;
}

gboolean
dn_lunar_to_solar (const DnLunarDate *lunar,
                   GDate             *out)
{
  Segment scratch;
  const Segment *seg;
  gint64 jdn;
  int i;

  g_return_val_if_fail (lunar != NULL, FALSE);

  if (lunar->year < 1 || lunar->year > G_MAXUINT16)
    return FALSE;
  if (lunar->month < 1 || lunar->month > 12 || lunar->day < 1 || lunar->day > 30)
    return FALSE;

  seg = segment_get (lunar->month >= 11 ? lunar->year + 1 : lunar->year,
                     &scratch);

  for (i = 0; i < seg->n_months; i++)
    {
      int month, year;
      gboolean leap;

      segment_month (seg, i, &month, &leap, &year);
      if (month == lunar->month && !leap == !lunar->leap && year == lunar->year)
        break;
    }
  if (i == seg->n_months)
    return FALSE;
  if (lunar->day > seg->start[i + 1] - seg->start[i])
    return FALSE;

  jdn = seg->start[i] + lunar->day - 1;
  /* GDate ends with 31 December 65535 */
  if (jdn > gregorian_to_jdn (G_MAXUINT16, 12, 31))
    return FALSE;
  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_julian (out, (guint32) (jdn - GDATE_JULIAN_TO_JDN));
    }
  return TRUE;
}
