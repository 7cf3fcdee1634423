/* dn-task-proposal.c: the tasks a directive gives, proposed from its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-proposal"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-tasks.h"
#include "dn-task-proposal.h"
#include "dn-text.h"
#include "dn-unit.h"

/* The longest title proposed, in characters (a title is the item's first
 * sentence or clause). */
#define MAX_TITLE_CHARS 200

/* The record ---------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (DnTaskProposal, dn_task_proposal, G_TYPE_OBJECT)

static void
dn_task_proposal_finalize (GObject *object)
{
  DnTaskProposal *self = DN_TASK_PROPOSAL (object);

  g_free (self->section);
  g_free (self->title);
  g_free (self->source);
  g_array_unref (self->support_unit_ids);
  G_OBJECT_CLASS (dn_task_proposal_parent_class)->finalize (object);
}

static void
dn_task_proposal_class_init (DnTaskProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_task_proposal_finalize;
}

static void
dn_task_proposal_init (DnTaskProposal *self)
{
  self->section = g_strdup ("");
  self->title = g_strdup ("");
  self->source = g_strdup ("");
  self->support_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->recurrence = DN_RECURRENCE_NONE;
  g_date_clear (&self->due_date, 1);
  self->include = TRUE;
}

DnTaskProposal *
dn_task_proposal_new (void)
{
  return g_object_new (DN_TYPE_TASK_PROPOSAL, NULL);
}

/* Key form ------------------------------------------------------------------
 *
 * Names are compared in a key form: folded (accents, đ, case), every run of
 * characters that are not letters or digits one space, and the usual
 * shortenings written one way, each word between spaces (" gd dt "), so
 * that a phrase is found with strstr() on whole words. */

static const struct
{
  const char *from;
  const char *to;
} shortenings[] = {
  { " uy ban nhan dan ", " ubnd " },
  { " giao duc va dao tao ", " gd dt " },
  { " giao duc dao tao ", " gd dt " },
  { " gddt ", " gd dt " },
  { " sgddt ", " so gd dt " },
  { " sgd dt ", " so gd dt " },
  { " giao duc nghe nghiep va giao duc thuong xuyen ", " gdnn gdtx " },
  { " giao duc nghe nghiep giao duc thuong xuyen ", " gdnn gdtx " },
};

/* " word word " (a space at each end), or " " for nothing */
static char *
text_key (const char *text)
{
  g_autofree char *folded = dn_text_fold (text ? text : "", -1);
  GString *key = g_string_new (" ");
  gboolean changed;

  if (folded == NULL)
    return g_string_free (key, FALSE);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
      else if (key->str[key->len - 1] != ' ')
        g_string_append_c (key, ' ');
    }
  if (key->str[key->len - 1] != ' ')
    g_string_append_c (key, ' ');
  do
    {
      changed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (shortenings); i++)
        if (g_string_replace (key, shortenings[i].from, shortenings[i].to, 0) > 0)
          changed = TRUE;
    }
  while (changed);
  return g_string_free (key, FALSE);
}

/* Whether @key (a key form) holds @phrase (" words "). */
static gboolean
key_has (const char *key,
         const char *phrase)
{
  return strstr (key, phrase) != NULL;
}

/* Number of the words of a key form. */
static guint
key_words (const char *key)
{
  guint n = 0;

  for (const char *p = key; *p; p++)
    if (*p == ' ' && p[1] != '\0')
      n++;
  return n;
}

/* The unit matcher ------------------------------------------------------------ */

typedef struct
{
  char *key;      /* " words " */
  guint unit;     /* index in units */
} Alias;

typedef struct
{
  DnUnit *unit;
  char *stem;     /* " phong gd dt " for "Phòng GD&ĐT huyện Bát Xát", or NULL */
  char *place;    /* " bat xat ", or NULL */
  guint place_count;
} UnitInfo;

struct _DnUnitMatcher
{
  GArray *units;      /* UnitInfo */
  GArray *aliases;    /* Alias, longest first */
  gint64 home_id;
};

static const char *const place_markers[] = { " huyen ", " thanh pho ", " thi xa ", " quan ", " tinh " };

static void
unit_info_clear (UnitInfo *info)
{
  g_object_unref (info->unit);
  g_free (info->stem);
  g_free (info->place);
}

static void
alias_clear (Alias *alias)
{
  g_free (alias->key);
}

static int
alias_compare (gconstpointer a,
               gconstpointer b)
{
  gsize la = strlen (((const Alias *) a)->key);
  gsize lb = strlen (((const Alias *) b)->key);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

static void
add_alias (DnUnitMatcher *self,
           guint          unit,
           char          *key)
{
  Alias alias = { key, unit };

  if (key_words (key) == 0)
    {
      g_free (key);
      return;
    }
  for (guint i = 0; i < self->aliases->len; i++)
    {
      Alias *other = &g_array_index (self->aliases, Alias, i);

      if (other->unit == unit && strcmp (other->key, key) == 0)
        {
          g_free (key);
          return;
        }
    }
  g_array_append_val (self->aliases, alias);
}

/* "phong gdcn gdtx" for " phong giao duc chuyen nghiep va giao duc thuong
 * xuyen ": the initials of each part joined by "và" after the first word. */
static char *
initials_key (const char *key)
{
  g_autofree char *copy = g_strstrip (g_strdup (key));
  g_auto(GStrv) words = g_strsplit (copy, " ", -1);
  GString *out;
  gboolean part_open = FALSE;

  if (words[0] == NULL || words[1] == NULL)
    return NULL;
  out = g_string_new (" ");
  g_string_append_printf (out, "%s ", words[0]);
  for (guint i = 1; words[i]; i++)
    {
      if (strcmp (words[i], "va") == 0)
        {
          if (part_open)
            g_string_append_c (out, ' ');
          part_open = FALSE;
          continue;
        }
      g_string_append_c (out, words[i][0]);
      part_open = TRUE;
    }
  if (part_open)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

DnUnitMatcher *
dn_unit_matcher_new (GPtrArray *units)
{
  DnUnitMatcher *self = g_new0 (DnUnitMatcher, 1);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);

  self->units = g_array_new (FALSE, TRUE, sizeof (UnitInfo));
  g_array_set_clear_func (self->units, (GDestroyNotify) unit_info_clear);
  self->aliases = g_array_new (FALSE, TRUE, sizeof (Alias));
  g_array_set_clear_func (self->aliases, (GDestroyNotify) alias_clear);

  for (guint i = 0; units && i < units->len; i++)
    {
      DnUnit *unit = g_ptr_array_index (units, i);
      UnitInfo info = { g_object_ref (unit), NULL, NULL, 0 };
      g_autofree char *key = text_key (unit->name);

      /* the place a name ends with, after a marker ("huyện Bát Xát") or,
       * for a department, after "Sở GD&ĐT" */
      for (guint m = 0; m < G_N_ELEMENTS (place_markers) && info.stem == NULL; m++)
        {
          const char *at = strstr (key, place_markers[m]);

          if (at != NULL && at != key && at[strlen (place_markers[m])] != '\0')
            {
              info.stem = g_strndup (key, at - key + 1);
              info.place = g_strdup (at + strlen (place_markers[m]) - 1);
            }
        }
      if (info.stem == NULL && g_str_has_prefix (key, " so gd dt ") && strlen (key) > strlen (" so gd dt "))
        {
          info.stem = g_strdup (" so gd dt ");
          info.place = g_strdup (key + strlen (" so gd dt") );
        }
      if (unit->kind == DN_UNIT_KIND_DEPARTMENT && info.place)
        g_ptr_array_add (places, g_strdup (info.place));
      g_array_append_val (self->units, info);
    }

  for (guint i = 0; i < self->units->len; i++)
    {
      UnitInfo *info = &g_array_index (self->units, UnitInfo, i);
      g_autofree char *key = text_key (info->unit->name);
      g_autofree char *code = text_key (info->unit->code);

      add_alias (self, i, g_strdup (key));
      if (strlen (info->unit->code) >= 3)
        add_alias (self, i, g_strdup (code));
      if (info->unit->kind == DN_UNIT_KIND_DIVISION)
        {
          char *initials = g_str_has_prefix (key, " phong ") ? initials_key (key) : NULL;

          add_alias (self, i, g_strconcat (" phong", code, NULL));
          if (initials)
            add_alias (self, i, initials);
        }
      /* without the province the department is in: "Sở Ngoại vụ tỉnh Lào
       * Cai" is also "Sở Ngoại vụ tỉnh" and "Sở Ngoại vụ" */
      for (guint p = 0; p < places->len; p++)
        {
          const char *place = g_ptr_array_index (places, p);
          gsize lk = strlen (key), lp = strlen (place);

          if (info->unit->kind != DN_UNIT_KIND_EXTERNAL || lk <= lp || strcmp (key + lk - lp, place) != 0)
            continue;
          {
            g_autofree char *shorter = g_strndup (key, lk - lp + 1);

            if (key_words (shorter) >= 2)
              add_alias (self, i, g_strdup (shorter));
            if (g_str_has_suffix (shorter, " tinh ") && key_words (shorter) >= 3)
              add_alias (self, i, g_strndup (shorter, strlen (shorter) - strlen ("tinh ")));
          }
        }
    }
  g_array_sort (self->aliases, alias_compare);
  return self;
}

void
dn_unit_matcher_free (DnUnitMatcher *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->units);
  g_array_unref (self->aliases);
  g_free (self);
}

static guint
count_phrase (const char *key,
              const char *phrase)
{
  guint n = 0;
  gsize len = strlen (phrase);

  for (const char *p = strstr (key, phrase); p; p = strstr (p + len - 1, phrase))
    n++;
  return n;
}

void
dn_unit_matcher_set_document (DnUnitMatcher *self,
                              const char    *text)
{
  g_autofree char *key = text_key (text);

  for (guint i = 0; i < self->units->len; i++)
    {
      UnitInfo *info = &g_array_index (self->units, UnitInfo, i);

      info->place_count = info->place ? count_phrase (key, info->place) : 0;
    }
}

void
dn_unit_matcher_set_home (DnUnitMatcher *self,
                          gint64         unit_id)
{
  self->home_id = unit_id;
}

static UnitInfo *
unit_info (DnUnitMatcher *self,
           gint64         id)
{
  for (guint i = 0; i < self->units->len; i++)
    {
      UnitInfo *info = &g_array_index (self->units, UnitInfo, i);

      if (info->unit->id == id)
        return info;
    }
  return NULL;
}

/* Whether @info's unit is @ancestor_id or below it. */
static gboolean
unit_below (DnUnitMatcher *self,
            UnitInfo      *info,
            gint64         ancestor_id)
{
  for (guint depth = 0; info != NULL && depth < 64; depth++)
    {
      if (info->unit->id == ancestor_id)
        return TRUE;
      info = info->unit->parent_id ? unit_info (self, info->unit->parent_id) : NULL;
    }
  return FALSE;
}

static void
add_unit (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

typedef struct
{
  gsize pos;
  gint64 id;
} Found;

static int
found_compare (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = a, *fb = b;

  return fa->pos < fb->pos ? -1 : fa->pos > fb->pos ? 1 : 0;
}

/* Blanks (with '#') what was matched, so that a shorter name is not found
 * inside a longer one. */
static void
mask (char  *key,
      gsize  pos,
      gsize  len)
{
  for (gsize i = pos + 1; i + 1 < pos + len; i++)
    if (key[i] != ' ')
      key[i] = '#';
}

/* Units of a group: @kinds (a bit per DnUnitKind) below the home unit,
 * @stem (or any when NULL); active ones, else archived ones. */
static void
add_group (DnUnitMatcher *self,
           GArray        *found,
           gsize          pos,
           guint          kinds,
           const char    *stem)
{
  for (int archived = 0; archived < 2; archived++)
    {
      guint before = found->len;

      for (guint i = 0; i < self->units->len; i++)
        {
          UnitInfo *info = &g_array_index (self->units, UnitInfo, i);
          Found f = { pos, info->unit->id };

          if (!(kinds & (1u << info->unit->kind)) || info->unit->archived != (archived != 0))
            continue;
          if (stem && g_strcmp0 (info->stem, stem) != 0)
            continue;
          if (self->home_id && (info->unit->id == self->home_id || !unit_below (self, info, self->home_id)))
            continue;
          g_array_append_val (found, f);
        }
      if (found->len > before)
        return;
    }
}

static const char *const group_suffixes[] = {
  " huyen thi xa thanh pho ", " cac huyen thanh pho ", " huyen thanh pho ", " cac huyen ",
  " cap huyen ", " huyen ", " thanh pho ",
};

#define KIND_BIT(k) (1u << (k))
#define PLACE_KINDS (KIND_BIT (DN_UNIT_KIND_DISTRICT_OFFICE) | KIND_BIT (DN_UNIT_KIND_CENTRE) | KIND_BIT (DN_UNIT_KIND_SCHOOL))

static const struct
{
  const char *phrase;
  guint kinds;
} named_groups[] = {
  { " cac phong ban so ", KIND_BIT (DN_UNIT_KIND_DIVISION) },
  { " cac phong ban thuoc so ", KIND_BIT (DN_UNIT_KIND_DIVISION) },
  { " cac phong ban chuc nang ", KIND_BIT (DN_UNIT_KIND_DIVISION) },
  { " cac phong chuyen mon ", KIND_BIT (DN_UNIT_KIND_DIVISION) },
  { " phong ban so ", KIND_BIT (DN_UNIT_KIND_DIVISION) },
  { " cac truong hoc ", KIND_BIT (DN_UNIT_KIND_SCHOOL) },
  { " cac truong ", KIND_BIT (DN_UNIT_KIND_SCHOOL) },
  { " cac trung tam ", KIND_BIT (DN_UNIT_KIND_CENTRE) },
};

GArray *
dn_unit_matcher_find (DnUnitMatcher *self,
                      const char    *text,
                      gboolean       groups)
{
  g_autofree char *key = text_key (text);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* names, codes and their shortenings, longest first; of units sharing
   * one, the active one, else the one whose place the document names most */
  for (guint a = 0; a < self->aliases->len; a++)
    {
      Alias *alias = &g_array_index (self->aliases, Alias, a);
      gsize len = strlen (alias->key);
      char *at;

      while ((at = strstr (key, alias->key)) != NULL)
        {
          UnitInfo *best = &g_array_index (self->units, UnitInfo, alias->unit);
          Found f;

          for (guint b = a + 1; b < self->aliases->len; b++)
            {
              Alias *other = &g_array_index (self->aliases, Alias, b);
              UnitInfo *info = &g_array_index (self->units, UnitInfo, other->unit);

              if (strcmp (other->key, alias->key) != 0)
                continue;
              if ((best->unit->archived && !info->unit->archived)
                  || (best->unit->archived == info->unit->archived && info->place_count > best->place_count))
                best = info;
            }
          f.pos = at - key;
          f.id = best->unit->id;
          g_array_append_val (found, f);
          mask (key, at - key, len);
        }
    }

  /* groups by name: "các phòng, ban Sở", "các trường" */
  for (guint g = 0; groups && g < G_N_ELEMENTS (named_groups); g++)
    {
      char *at;

      while ((at = strstr (key, named_groups[g].phrase)) != NULL)
        {
          add_group (self, found, at - key, named_groups[g].kinds, NULL);
          mask (key, at - key, strlen (named_groups[g].phrase));
        }
    }

  /* a name shared by units of several places: "Phòng GD&ĐT huyện, thành
   * phố" is all of them (a group), "Phòng GD&ĐT" alone the one of the
   * place the document names most (or the only one) */
  for (guint i = 0; i < self->units->len; i++)
    {
      UnitInfo *info = &g_array_index (self->units, UnitInfo, i);
      char *at;

      if (info->stem == NULL)
        continue;
      while ((at = strstr (key, info->stem)) != NULL)
        {
          const char *after = at + strlen (info->stem) - 1;
          gsize pos = at - key, len = strlen (info->stem);
          gboolean group = FALSE;

          for (guint s = 0; s < G_N_ELEMENTS (group_suffixes) && !group; s++)
            if (g_str_has_prefix (after, group_suffixes[s]))
              {
                group = TRUE;
                len += strlen (group_suffixes[s]) - 1;
              }
          if (!group && pos >= 4 && strncmp (at - 4, " cac", 4) == 0)
            group = TRUE;
          if (group && groups && (PLACE_KINDS & KIND_BIT (info->unit->kind)))
            add_group (self, found, pos, KIND_BIT (info->unit->kind), info->stem);
          else if (!group)
            {
              UnitInfo *best = NULL;
              guint n = 0;

              for (guint j = 0; j < self->units->len; j++)
                {
                  UnitInfo *other = &g_array_index (self->units, UnitInfo, j);

                  if (g_strcmp0 (other->stem, info->stem) != 0)
                    continue;
                  n++;
                  if (best == NULL || other->place_count > best->place_count)
                    best = other;
                }
              if (n == 1 || (best && best->place_count > 0))
                {
                  Found f = { pos, best->unit->id };

                  /* a tie between places settles nothing */
                  for (guint j = 0; j < self->units->len && n > 1; j++)
                    {
                      UnitInfo *other = &g_array_index (self->units, UnitInfo, j);

                      if (other != best && g_strcmp0 (other->stem, info->stem) == 0
                          && other->place_count == best->place_count)
                        f.id = 0;
                    }
                  if (f.id)
                    g_array_append_val (found, f);
                }
            }
          mask (key, pos, len);
        }
    }

  g_array_sort (found, found_compare);
  for (guint i = 0; i < found->len; i++)
    add_unit (ids, g_array_index (found, Found, i).id);
  return ids;
}

/* Recurrence and due date ------------------------------------------------------ */

static const struct
{
  DnRecurrence recurrence;
  const char *phrase;
} recurrence_phrases[] = {
  { DN_RECURRENCE_MONTHLY, " hang thang " },
  { DN_RECURRENCE_MONTHLY, " moi thang " },
  { DN_RECURRENCE_MONTHLY, " theo thang " },
  { DN_RECURRENCE_MONTHLY, " tung thang " },
  { DN_RECURRENCE_MONTHLY, " bao cao thang " },
  { DN_RECURRENCE_MONTHLY, " dinh ky thang " },
  { DN_RECURRENCE_QUARTERLY, " hang quy " },
  { DN_RECURRENCE_QUARTERLY, " moi quy " },
  { DN_RECURRENCE_QUARTERLY, " theo quy " },
  { DN_RECURRENCE_QUARTERLY, " tung quy " },
  { DN_RECURRENCE_QUARTERLY, " bao cao quy " },
  { DN_RECURRENCE_QUARTERLY, " dinh ky quy " },
  { DN_RECURRENCE_TWICE_YEARLY, " 02 lan nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 2 lan nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " hai lan nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 02 lan trong nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 2 lan trong nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " hai lan mot nam " },
  { DN_RECURRENCE_TWICE_YEARLY, " 6 thang mot lan " },
  { DN_RECURRENCE_TWICE_YEARLY, " 06 thang mot lan " },
  { DN_RECURRENCE_TWICE_YEARLY, " sau thang mot lan " },
  { DN_RECURRENCE_TWICE_YEARLY, " so ket 6 thang " },
  { DN_RECURRENCE_TWICE_YEARLY, " so ket 06 thang " },
  { DN_RECURRENCE_TWICE_YEARLY, " dinh ky 6 thang " },
  { DN_RECURRENCE_TWICE_YEARLY, " dinh ky 06 thang " },
  { DN_RECURRENCE_SEMESTER, " hoc ky " },
  { DN_RECURRENCE_ANNUAL, " hang nam " },
  { DN_RECURRENCE_ANNUAL, " moi nam " },
  { DN_RECURRENCE_ANNUAL, " theo nam " },
  { DN_RECURRENCE_ANNUAL, " tung nam " },
  { DN_RECURRENCE_ANNUAL, " tong ket nam hoc " },
  { DN_RECURRENCE_ANNUAL, " bao cao nam " },
  { DN_RECURRENCE_ANNUAL, " dinh ky nam " },
  { DN_RECURRENCE_ANNUAL, " 01 lan nam " },
  { DN_RECURRENCE_ANNUAL, " 1 lan nam " },
  { DN_RECURRENCE_ANNUAL, " mot lan nam " },
};

/* Words that begin with "quy" as "quý" (a quarter) does, once folded:
 * "theo quy định" is "as the rules say", not "each quarter". */
static const char *const quy_words[] = {
  " quy dinh ", " quy che ", " quy trinh ", " quy mo ", " quy hoach ", " quy tac ", " quy chuan ",
  " quy pham ", " quy luat ", " quy uoc ", " quy doi ", " quy tu ",
};

DnRecurrence
dn_task_proposal_find_recurrence (const char *text)
{
  g_autofree char *folded_key = text_key (text);
  g_autoptr(GString) key = g_string_new (folded_key);

  for (guint i = 0; i < G_N_ELEMENTS (quy_words); i++)
    g_string_replace (key, quy_words[i] + 1, "# ", 0);

  /* the table is in order of frequency: the most frequent named wins */
  for (guint i = 0; i < G_N_ELEMENTS (recurrence_phrases); i++)
    if (key_has (key->str, recurrence_phrases[i].phrase))
      return recurrence_phrases[i].recurrence;
  return DN_RECURRENCE_NONE;
}

static gboolean
set_date (GDate *out,
          int    year,
          int    month,
          int    day)
{
  if (year < DN_DATE_MIN_YEAR || year > DN_DATE_MAX_YEAR || month < 1 || month > 12)
    return FALSE;
  if (day == 0)
    day = g_date_get_days_in_month (month, year);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static int
quarter_number (const char *word)
{
  static const char *const roman[] = { "i", "ii", "iii", "iv" };

  for (int q = 0; q < 4; q++)
    if (strcmp (word, roman[q]) == 0)
      return q + 1;
  if (word[0] >= '1' && word[0] <= '4' && word[1] == '\0')
    return word[0] - '0';
  return 0;
}

gboolean
dn_task_proposal_find_due_date (const char *text,
                                int         default_year,
                                GDate      *out)
{
  g_autofree char *folded = dn_text_fold (text ? text : "", -1);
  g_autoptr(GRegex) day_re = NULL;
  g_autoptr(GRegex) month_re = NULL;
  g_autoptr(GRegex) quarter_re = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  if (folded == NULL)
    return FALSE;

  /* a day, after words that make it a deadline */
  day_re = g_regex_new ("(truoc|cham nhat|han chot|thoi han|han|hoan thanh|xong|den)"
                        "[^.;\\d]{0,40}?ngay\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*|"
                        "\\s+thang\\s+(\\d{1,2})\\s+nam\\s+)(\\d{4})",
                        G_REGEX_OPTIMIZE, 0, NULL);
  if (g_regex_match (day_re, folded, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 2);
      g_autofree char *m1 = g_match_info_fetch (match, 3);
      g_autofree char *m2 = g_match_info_fetch (match, 4);
      g_autofree char *y = g_match_info_fetch (match, 5);

      if (set_date (out, atoi (y), atoi (*m1 ? m1 : m2), atoi (d)))
        return TRUE;
    }
  g_clear_pointer (&match, g_match_info_unref);

  /* a month: its last day; not the month of a cited document's date
   * ("ngày 17 tháng 9 năm 2018") */
  month_re = g_regex_new ("\\bthang\\s+(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})", G_REGEX_OPTIMIZE, 0, NULL);
  for (g_regex_match (month_re, folded, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *m = g_match_info_fetch (match, 1);
      g_autofree char *y = g_match_info_fetch (match, 2);
      int start = 0;
      gboolean cited = FALSE;

      /* "ngày 17 tháng 9 năm 2018": the word before "tháng" is a number after "ngày" */
      g_match_info_fetch_pos (match, 0, &start, NULL);
      if (start >= 0)
        {
          g_autofree char *before = g_strndup (folded, start);
          g_autoptr(GRegex) cited_re = g_regex_new ("ngay\\s*\\d{1,2}\\s*$", 0, 0, NULL);

          cited = g_regex_match (cited_re, before, 0, NULL);
        }
      if (!cited && set_date (out, atoi (y), atoi (m), 0))
        return TRUE;
    }
  g_clear_pointer (&match, g_match_info_unref);

  /* a quarter: its last day */
  quarter_re = g_regex_new ("\\bquy\\s+(iv|iii|ii|i|[1-4])\\b(?:\\s*(?:/|nam)\\s*(\\d{4}))?", G_REGEX_OPTIMIZE, 0, NULL);
  if (g_regex_match (quarter_re, folded, 0, &match))
    {
      g_autofree char *q = g_match_info_fetch (match, 1);
      g_autofree char *y = g_match_info_fetch (match, 2);
      int year = (y && *y) ? atoi (y) : default_year;
      int quarter = quarter_number (q);

      if (year > 0 && quarter > 0 && set_date (out, year, quarter * 3, 0))
        return TRUE;
    }
  return FALSE;
}

/* The text's structure ------------------------------------------------------------ */

typedef enum
{
  PART_NONE,      /* before the first part, or after the end */
  PART_PURPOSE,   /* "Mục đích, yêu cầu": no work */
  PART_CONTENT,   /* "Nội dung", "Nhiệm vụ, giải pháp" */
  PART_IMPLEMENTATION, /* "Tổ chức thực hiện" */
} Part;

typedef enum
{
  MARK_NONE,      /* a paragraph */
  MARK_ROMAN,     /* "II." */
  MARK_NUMBER,    /* "1." */
  MARK_SUB,       /* "1.1." */
  MARK_DASH,      /* "-" */
} Mark;

typedef struct
{
  Mark mark;
  char *number;   /* "II", "1", "1.1" */
  GString *text;  /* without its mark */
  guint line;
} Para;

static void
para_free (Para *para)
{
  g_free (para->number);
  g_string_free (para->text, TRUE);
  g_free (para);
}

/* A line without markdown: headings' '#', emphasis '*', superscripts
 * ("<sup>1</sup>": footnote marks). */
static char *
clean_line (const char *line)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  while (*p == '#' || *p == ' ' || *p == '\t')
    p++;
  while (*p)
    {
      if (g_str_has_prefix (p, "<sup>"))
        {
          const char *end = strstr (p, "</sup>");

          p = end ? end + strlen ("</sup>") : p + strlen (p);
          continue;
        }
      if (*p != '*')
        g_string_append_c (out, *p);
      p++;
    }
  {
    char *normal = dn_text_normalize (out->str, -1, TRUE);

    g_string_free (out, TRUE);
    return normal ? normal : g_strdup ("");
  }
}

static gboolean
is_roman (const char *word,
          gsize       len)
{
  if (len == 0 || len > 5)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!strchr ("IVX", word[i]))
      return FALSE;
  return TRUE;
}

/* The mark a line starts with; *@rest after it. */
static Mark
line_mark (const char  *line,
           char       **number,
           const char **rest)
{
  const char *p = line;
  gsize len;

  *number = NULL;
  *rest = line;
  if (g_str_has_prefix (p, "- ") || g_str_has_prefix (p, "+ ") || g_str_has_prefix (p, "• ")
      || g_str_has_prefix (p, "– ") || g_str_has_prefix (p, "— "))
    {
      *rest = g_utf8_next_char (p);
      while (**rest == ' ')
        (*rest)++;
      return MARK_DASH;
    }
  len = strspn (p, "IVX");
  if (len > 0 && is_roman (p, len) && p[len] == '.' && p[len + 1] == ' ')
    {
      *number = g_strndup (p, len);
      *rest = p + len + 2;
      return MARK_ROMAN;
    }
  len = strspn (p, "0123456789");
  if (len > 0 && len <= 2 && p[len] == '.')
    {
      gsize len2 = strspn (p + len + 1, "0123456789");

      if (len2 > 0 && len2 <= 2 && (p[len + 1 + len2] == '.' || p[len + 1 + len2] == ' ')
          && (p[len + 1 + len2] == ' ' || p[len + 2 + len2] == ' '))
        {
          *number = g_strndup (p, len + 1 + len2);
          *rest = p + len + 1 + len2 + (p[len + 1 + len2] == '.' ? 1 : 0);
          while (**rest == ' ')
            (*rest)++;
          return MARK_SUB;
        }
      if (p[len + 1] == ' ')
        {
          *number = g_strndup (p, len);
          *rest = p + len + 2;
          while (**rest == ' ')
            (*rest)++;
          return MARK_NUMBER;
        }
    }
  return MARK_NONE;
}

static gboolean
ends_sentence (const GString *text)
{
  const char *end = text->len ? text->str + text->len - 1 : NULL;

  return end && strchr (".;:!?", *end) != NULL;
}

static gboolean
starts_lower (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_islower (c);
}

/* Whether @line (as it is in the text) starts an item: a mark after the
 * markdown, and a capital after the mark ("- xã hội" is the end of "kinh
 * tế - xã hội" carried over to the next line of a PDF). */
static gboolean
starts_item (const char *line)
{
  g_autofree char *clean = clean_line (line);
  g_autofree char *number = NULL;
  const char *rest;

  return line_mark (clean, &number, &rest) != MARK_NONE && !starts_lower (rest);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The width of a full line of @lines (in characters): a line at least
 * nearly as long was broken by the layout, not by the writer. */
static guint
full_width (char **lines)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; lines[i]; i++)
    {
      guint n = g_utf8_strlen (lines[i], -1);

      if (n > 0)
        g_array_append_val (widths, n);
    }
  if (widths->len == 0)
    return G_MAXUINT;
  g_array_sort (widths, compare_uint);
  return g_array_index (widths, guint, widths->len * 9 / 10);
}

/* The paragraphs of @text: a mark (followed by a capital) or an empty line
 * starts one; a line that goes on a sentence is joined to the one before:
 * one that starts with a small letter, and in a PDF's text (no empty
 * lines) one after a line that does not end a sentence or that is full
 * (the layout broke it). */
static GPtrArray *
split_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\n\f", -1);
  GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  Para *last = NULL;
  gboolean blank = TRUE;
  guint last_width = 0, full;

  for (guint i = 0; lines[i]; i++)
    g_strstrip (lines[i]);
  full = full_width (lines);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = NULL;
      g_autofree char *number = NULL;
      const char *rest;
      Mark mark;

      if (g_str_has_prefix (lines[i], "<sup>") || g_str_has_prefix (lines[i], "---"))
        {
          /* a footnote (its text goes to the end of its paragraph, or to
           * the next item) or a rule; what follows may go on the
           * paragraph before it */
          blank = TRUE;
          while (lines[i + 1] && *lines[i + 1] != '\0' && !starts_item (lines[i + 1]))
            i++;
          continue;
        }
      line = clean_line (lines[i]);
      if (*line == '\0' || strspn (line, "0123456789") == strlen (line))
        {
          /* an empty line, or a page's number */
          blank = TRUE;
          continue;
        }
      mark = line_mark (line, &number, &rest);
      if (mark != MARK_NONE && starts_lower (rest))
        {
          mark = MARK_NONE;
          g_clear_pointer (&number, g_free);
        }
      if (mark == MARK_NONE && last != NULL
          && (starts_lower (line)
              || (!blank && (!ends_sentence (last->text) || last_width * 20 >= full * 19))))
        {
          g_string_append_c (last->text, ' ');
          g_string_append (last->text, line);
          blank = FALSE;
          last_width = g_utf8_strlen (lines[i], -1);
          continue;
        }
      last = g_new0 (Para, 1);
      last->mark = mark;
      last->number = g_steal_pointer (&number);
      last->text = g_string_new (mark == MARK_NONE ? line : rest);
      last->line = i + 1;
      g_ptr_array_add (paras, last);
      blank = FALSE;
      last_width = g_utf8_strlen (lines[i], -1);
    }
  return paras;
}

/* Proposals ------------------------------------------------------------------ */

typedef struct
{
  Para *para;
  Part part;
  char *section;
  char *label;        /* "Văn phòng Sở" of "Văn phòng Sở: Làm đầu mối …", or NULL */
  const char *body;   /* the text after the label */
  GArray *context;    /* units of the heading or label it is under (not owned), or NULL */
} Item;

static Part
part_of (const char *heading)
{
  g_autofree char *key = text_key (heading);

  if (key_has (key, " to chuc thuc hien "))
    return PART_IMPLEMENTATION;
  if ((key_has (key, " muc dich ") || key_has (key, " yeu cau ")) && key_words (key) <= 5)
    return PART_PURPOSE;
  return PART_CONTENT;
}

/* "Văn phòng Sở: Làm đầu mối …": the label (a short name before a colon). */
static char *
split_label (const char  *text,
             const char **body)
{
  const char *colon = strchr (text, ':');
  g_autofree char *label = NULL;

  *body = text;
  if (colon == NULL || g_utf8_strlen (text, colon - text) > 80)
    return NULL;
  label = g_strndup (text, colon - text);
  g_strstrip (label);
  if (*label == '\0')
    return NULL;
  *body = colon + 1;
  while (**body == ' ')
    (*body)++;
  return g_steal_pointer (&label);
}

/* The title: the first sentence or clause of @body, without the verbs
 * that say who leads ("Chủ trì", "Làm đầu mối"), its first letter in
 * capitals, at most MAX_TITLE_CHARS characters. */
static char *
make_title (const char *body)
{
  static const char *const leads[] = { "Chủ trì ", "chủ trì ", "Làm đầu mối ", "làm đầu mối ", "Là đầu mối " };
  GString *title;
  const char *end;
  const char *p = body;
  gboolean declared = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    if (g_str_has_prefix (p, leads[i]))
      {
        p += strlen (leads[i]);
        declared = TRUE;
      }
  title = g_string_new (p);
  /* the first sentence; the first clause, unless it lists what a unit
   * leads ("Chủ trì công tác đào tạo, bồi dưỡng; du học; …") */
  for (end = title->str; *end; end++)
    if ((*end == '.' || (*end == ';' && !declared)) && (end[1] == ' ' || end[1] == '\0'))
      break;
  g_string_truncate (title, end - title->str);
  while (title->len && strchr (" .;:,", title->str[title->len - 1]))
    g_string_truncate (title, title->len - 1);
  if (g_utf8_strlen (title->str, -1) > MAX_TITLE_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (title->str, MAX_TITLE_CHARS - 1);
      const char *space = g_utf8_strrchr (title->str, cut - title->str, ' ');

      g_string_truncate (title, (space ? space : cut) - title->str);
      g_string_append (title, "…");
    }
  if (title->len)
    {
      gunichar c = g_unichar_toupper (g_utf8_get_char (title->str));
      const char *next = g_utf8_next_char (title->str);
      char buf[8];
      int n = g_unichar_to_utf8 (c, buf);

      g_string_erase (title, 0, next - title->str);
      g_string_prepend_len (title, buf, n);
    }
  return g_string_free (title, FALSE);
}

/* The clauses where units are said to support: from "phối hợp (với)" to
 * the verb of the work ("thực hiện", "triển khai"…) or the end of the
 * sentence. Units found there are appended to @ids. */
static void
find_supports (DnUnitMatcher *matcher,
               const char    *text,
               GArray        *ids,
               gboolean      *starts_with)
{
  static const char *const ends[] = {
    " thuc hien ", " trien khai ", " nham ", " de ", " trong viec ", " to chuc ", " tham muu ",
    " xay dung ", " bao cao ", " quan ly ",
  };
  g_autofree char *folded = dn_text_fold (text, -1);
  const char *p;

  if (starts_with)
    *starts_with = FALSE;
  if (folded == NULL)
    return;
  for (p = strstr (folded, "phoi hop"); p; p = strstr (p + 1, "phoi hop"))
    {
      const char *stop = p + strlen (p);
      const char *from = p + strlen ("phoi hop");
      g_autofree char *span = NULL;
      g_autofree char *span_key = NULL;
      g_autoptr(GArray) found = NULL;

      if (g_str_has_prefix (from, " voi"))
        from += strlen (" voi");
      for (const char *q = from; *q; q++)
        if ((*q == '.' && (q[1] == ' ' || q[1] == '\0')) || *q == ';')
          {
            stop = q;
            break;
          }
      span = g_strndup (from, stop - from);
      span_key = text_key (span);
      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          char *cut = strstr (span_key, ends[e]);

          if (cut)
            cut[1] = '\0';
        }
      found = dn_unit_matcher_find (matcher, span_key, TRUE);
      if (starts_with && p == folded && found->len > 0)
        *starts_with = TRUE;
      for (guint i = 0; i < found->len; i++)
        add_unit (ids, g_array_index (found, gint64, i));
    }
}

/* The unit named before "chủ trì" or "làm đầu mối" in @text, or 0. */
static gint64
find_lead (DnUnitMatcher *matcher,
           const char    *text)
{
  g_autofree char *folded = dn_text_fold (text, -1);
  const char *at;
  g_autofree char *before = NULL;
  g_autoptr(GArray) found = NULL;
  const char *start;

  if (folded == NULL)
    return 0;
  at = strstr (folded, "chu tri");
  if (at == NULL)
    at = strstr (folded, "dau moi");
  if (at == NULL)
    return 0;
  /* within the sentence */
  for (start = at; start > folded && start[-1] != '.' && start[-1] != ';'; start--)
    ;
  before = g_strndup (start, at - start);
  found = dn_unit_matcher_find (matcher, before, FALSE);
  return found->len ? g_array_index (found, gint64, found->len - 1) : 0;
}

static gboolean
is_lead_label (const char *body)
{
  g_autofree char *key = text_key (body);

  return g_str_has_prefix (key, " lam dau moi ") || g_str_has_prefix (key, " la dau moi ")
         || g_str_has_prefix (key, " dau moi ");
}

static void
item_free (Item *item)
{
  g_free (item->section);
  g_free (item->label);
  g_free (item);
}

/* Whether @text is only a name of units (a heading such as "1. Sở Giáo
 * dục và Đào tạo"): no verb of work, units found, short. */
static gboolean
is_unit_heading (DnUnitMatcher *matcher,
                 const char    *text,
                 GArray       **units)
{
  g_autoptr(GArray) found = NULL;
  g_autofree char *key = text_key (text);

  if (key_words (key) > 16 || strchr (text, ':') != NULL)
    return FALSE;
  found = dn_unit_matcher_find (matcher, text, TRUE);
  if (found->len == 0)
    return FALSE;
  *units = g_steal_pointer (&found);
  return TRUE;
}

/* What a unit is said to lead in the implementation part ("Phòng GDCN&GDTX:
 * Chủ trì công tác đào tạo, bồi dưỡng; du học; định hướng nghề nghiệp và
 * xuất khẩu lao động"): each thing named, in key form, without the words
 * every duty starts with; things of fewer than two words, or as general
 * as "đào tạo", are left out. */
typedef struct
{
  char *key;
  gint64 unit_id;
} Topic;

static void
topic_clear (Topic *topic)
{
  g_free (topic->key);
}

static const char *const duty_words[] = {
  " cong tac ", " tham muu ", " trien khai cac noi dung ", " trien khai ", " quan ly ", " theo doi ",
  " bao cao ", " tong hop ", " thuc hien ", " to chuc ", " chi dao ", " huong dan ",
};

static const char *const general_topics[] = {
  " dao tao ", " boi duong ", " hop tac ", " gd dt ", " giao duc ", " keu goi ",
};

static void
add_topics (GArray     *topics,
            const char *body,
            gint64      unit_id)
{
  g_autofree char *sentence = NULL;
  g_auto(GStrv) pieces = NULL;
  const char *end = strstr (body, ". ");
  g_autofree char *key = text_key (body);

  if (!g_str_has_prefix (key, " chu tri "))
    return;
  sentence = end ? g_strndup (body, end - body) : g_strdup (body);
  pieces = g_regex_split_simple ("[;,]|\\s(?:và|hoặc)\\s", sentence, 0, 0);
  for (guint i = 0; pieces[i]; i++)
    {
      g_autofree char *piece = text_key (pieces[i]);
      gboolean stripped;
      Topic topic;

      if (g_str_has_prefix (piece, " chu tri "))
        memmove (piece, piece + strlen (" chu tri"), strlen (piece) - strlen (" chu tri") + 1);
      do
        {
          stripped = FALSE;
          for (guint w = 0; w < G_N_ELEMENTS (duty_words); w++)
            if (g_str_has_prefix (piece, duty_words[w]))
              {
                memmove (piece, piece + strlen (duty_words[w]) - 1, strlen (piece) - strlen (duty_words[w]) + 2);
                stripped = TRUE;
              }
        }
      while (stripped);
      if (key_words (piece) < 2)
        continue;
      for (guint g = 0; g < G_N_ELEMENTS (general_topics) && piece; g++)
        if (strcmp (piece, general_topics[g]) == 0)
          g_clear_pointer (&piece, g_free);
      if (piece == NULL)
        continue;
      topic.key = g_steal_pointer (&piece);
      topic.unit_id = unit_id;
      g_array_append_val (topics, topic);
    }
}

static int
document_year (const char *text)
{
  g_autofree char *key = text_key (text);
  g_autoptr(GRegex) re = g_regex_new (" nam (?:hoc )?(\\d{4}) ", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (re, key, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);

      return atoi (y);
    }
  return 0;
}

GPtrArray *
dn_task_proposals_parse (const char *text,
                         GPtrArray  *units)
{
  g_autoptr(GPtrArray) paras = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GPtrArray) contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(DnUnitMatcher) matcher = NULL;
  GPtrArray *proposals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *roman = NULL;
  g_autofree char *number = NULL;
  g_autofree char *sub = NULL;
  Part part = PART_NONE;
  GArray *number_context = NULL, *sub_context = NULL;
  g_autoptr(GArray) topics = NULL;
  gint64 home = 0, focal = 0;
  int year;

  g_return_val_if_fail (text != NULL, proposals);
  paras = split_paragraphs (text);
  matcher = dn_unit_matcher_new (units);
  dn_unit_matcher_set_document (matcher, text);
  year = document_year (text);

  /* the home unit: the first unit heading of the implementation part */
  {
    Part p = PART_NONE;

    for (guint i = 0; i < paras->len && home == 0; i++)
      {
        Para *para = g_ptr_array_index (paras, i);
        g_autoptr(GArray) found = NULL;

        if (para->mark == MARK_ROMAN)
          p = part_of (para->text->str);
        else if (p == PART_IMPLEMENTATION && para->mark == MARK_NUMBER
                 && is_unit_heading (matcher, para->text->str, &found) && found->len == 1)
          home = g_array_index (found, gint64, 0);
      }
    dn_unit_matcher_set_home (matcher, home);
  }

  /* the items, each with its section and the units it is under */
  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = g_ptr_array_index (paras, i);
      g_autofree char *label = NULL;
      const char *body = para->text->str;
      GArray *units_found = NULL;
      Item *item;

      {
        g_autofree char *key = text_key (body);

        if (g_str_has_prefix (key, " tren day ") || g_str_has_prefix (key, " noi nhan "))
          part = PART_NONE;
      }
      switch (para->mark)
        {
        case MARK_ROMAN:
          g_free (roman);
          roman = g_strdup (para->number);
          g_clear_pointer (&number, g_free);
          g_clear_pointer (&sub, g_free);
          number_context = sub_context = NULL;
          part = part_of (body);
          continue;
        case MARK_NUMBER:
          g_free (number);
          number = g_strdup (para->number);
          g_clear_pointer (&sub, g_free);
          number_context = sub_context = NULL;
          break;
        case MARK_SUB:
          g_free (sub);
          sub = g_strdup (para->number);
          sub_context = NULL;
          break;
        case MARK_DASH:
        case MARK_NONE:
        default:
          break;
        }
      if (part != PART_CONTENT && part != PART_IMPLEMENTATION)
        continue;

      /* a heading naming units, or a label before a colon */
      if (part == PART_IMPLEMENTATION && (para->mark == MARK_NUMBER || para->mark == MARK_SUB)
          && is_unit_heading (matcher, body, &units_found))
        {
          g_ptr_array_add (contexts, units_found);
          if (para->mark == MARK_NUMBER)
            number_context = units_found;
          else
            sub_context = units_found;
          continue;
        }
      label = split_label (body, &body);
      if (label)
        {
          units_found = dn_unit_matcher_find (matcher, label, TRUE);
          if (units_found->len == 0)
            {
              g_array_unref (units_found);
              units_found = NULL;
              g_clear_pointer (&label, g_free);
              body = para->text->str;
            }
          else
            {
              g_ptr_array_add (contexts, units_found);
              if (para->mark == MARK_NUMBER)
                number_context = units_found;
              else if (para->mark == MARK_SUB)
                sub_context = units_found;
              if (units_found->len == 1 && is_lead_label (body) && focal == 0)
                focal = g_array_index (units_found, gint64, 0);
            }
        }

      item = g_new0 (Item, 1);
      item->para = para;
      item->part = part;
      /* "II", "II.1", "III.1.2" (a sub-item's number holds its item's) */
      item->section = g_strjoin (".", roman ? roman : "", sub ? sub : number, NULL);
      if (roman == NULL)
        {
          g_free (item->section);
          item->section = g_strdup (sub ? sub : number ? number : "");
        }
      item->label = g_steal_pointer (&label);
      item->body = body;
      item->context = units_found ? units_found : sub_context ? sub_context : number_context;
      g_ptr_array_add (items, item);
    }

  /* a numbered item with dashes under it is their heading, not a task */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      Item *next = i + 1 < items->len ? g_ptr_array_index (items, i + 1) : NULL;

      if ((item->para->mark == MARK_NUMBER || item->para->mark == MARK_SUB) && item->label == NULL
          && next && next->para->mark == MARK_DASH && strcmp (next->section, item->section) == 0)
        {
          g_ptr_array_remove_index (items, i);
          i--;
        }
    }

  if (focal == 0)
    focal = home;

  /* what each unit is said to lead */
  topics = g_array_new (FALSE, TRUE, sizeof (Topic));
  g_array_set_clear_func (topics, (GDestroyNotify) topic_clear);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->part == PART_IMPLEMENTATION && item->label && item->context && item->context->len == 1)
        add_topics (topics, item->body, g_array_index (item->context, gint64, 0));
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      DnTaskProposal *proposal = dn_task_proposal_new ();
      g_autoptr(GArray) supports = g_array_new (FALSE, FALSE, sizeof (gint64));
      gboolean support_first = FALSE;
      gint64 lead = 0;

      find_supports (matcher, item->body, supports, &support_first);
      if (item->context && support_first && supports->len > 0)
        {
          /* "Phối hợp với Văn phòng Sở thực hiện …" under the units that
           * support: the unit named leads, they support */
          lead = g_array_index (supports, gint64, 0);
          g_array_remove_index (supports, 0);
          for (guint c = 0; c < item->context->len; c++)
            add_unit (supports, g_array_index (item->context, gint64, c));
        }
      else if (item->context && item->context->len == 1)
        lead = g_array_index (item->context, gint64, 0);
      else
        {
          lead = find_lead (matcher, item->body);
          if (lead == 0 && item->part == PART_CONTENT)
            {
              g_autofree char *key = text_key (item->body);

              for (guint t = 0; t < topics->len && lead == 0; t++)
                if (key_has (key, g_array_index (topics, Topic, t).key))
                  lead = g_array_index (topics, Topic, t).unit_id;
            }
          if (lead == 0)
            lead = focal;
          if (item->context)
            for (guint c = 0; c < item->context->len; c++)
              add_unit (supports, g_array_index (item->context, gint64, c));
        }
      if (item->context && item->context->len == 1 && g_array_index (item->context, gint64, 0) == home
          && focal != home && !support_first)
        lead = focal;

      g_free (proposal->section);
      proposal->section = g_strdup (item->section);
      g_free (proposal->title);
      proposal->title = make_title (item->body);
      g_free (proposal->source);
      proposal->source = g_strdup (item->para->text->str);
      proposal->line = item->para->line;
      proposal->lead_unit_id = lead;
      for (guint s = 0; s < supports->len; s++)
        if (g_array_index (supports, gint64, s) != lead)
          g_array_append_val (proposal->support_unit_ids, g_array_index (supports, gint64, s));
      proposal->recurrence = dn_task_proposal_find_recurrence (item->body);
      dn_task_proposal_find_due_date (item->body, year, &proposal->due_date);
      if (*proposal->title)
        g_ptr_array_add (proposals, proposal);
      else
        g_object_unref (proposal);
    }
  return proposals;
}

/* Creating the tasks -------------------------------------------------------- */

gboolean
dn_task_proposals_create (DnStore      *store,
                          GPtrArray    *proposals,
                          gint64        document_id,
                          const GDate  *default_due,
                          GArray      **ids,
                          GError      **error)
{
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = 0;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (proposals != NULL, FALSE);

  if (!dn_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < proposals->len; i++)
    {
      DnTaskProposal *proposal = g_ptr_array_index (proposals, i);
      g_autoptr(DnTask) task = NULL;
      g_autoptr(GError) local = NULL;

      if (!proposal->include)
        continue;
      n++;
      if (proposal->lead_unit_id <= 0)
        {
          dn_store_rollback (store);
          /* Translators: a proposed task (its number in the list, and its
           * section in the directive) has no lead unit (đơn vị chủ trì) */
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("Proposal %u (%s): choose the lead unit."), i + 1, proposal->section);
          return FALSE;
        }
      task = dn_task_new ();
      task->document_id = document_id;
      g_free (task->section);
      task->section = g_strdup (proposal->section);
      g_free (task->title);
      task->title = g_strdup (proposal->title);
      task->recurrence = proposal->recurrence;
      if (g_date_valid (&proposal->due_date))
        task->due_date = proposal->due_date;
      else if (default_due && g_date_valid (default_due))
        task->due_date = *default_due;
      task->lead_unit_id = proposal->lead_unit_id;
      g_array_set_size (task->support_unit_ids, 0);
      for (guint s = 0; s < proposal->support_unit_ids->len; s++)
        g_array_append_val (task->support_unit_ids, g_array_index (proposal->support_unit_ids, gint64, s));
      if (!dn_store_add_task (store, task, &local))
        {
          dn_store_rollback (store);
          g_set_error (error, local->domain, local->code,
                       _("Proposal %u (%s): %s"), i + 1, proposal->section, local->message);
          return FALSE;
        }
      g_array_append_val (made, task->id);
    }
  if (n == 0)
    {
      dn_store_rollback (store);
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("No proposal is kept: there is no task to create."));
      return FALSE;
    }
  if (!dn_store_commit (store, error))
    return FALSE;
  if (ids)
    *ids = g_steal_pointer (&made);
  return TRUE;
}
