/* dn-unit-matcher.c: the units a directive names, found in the unit tree
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
#include "dn-task-proposal-private.h"
#include "dn-text.h"
#include "dn-unit.h"

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

  if (_dn_proposal_key_words (key) == 0)
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
      g_autofree char *key = _dn_proposal_key (unit->name);

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
      g_autofree char *key = _dn_proposal_key (info->unit->name);
      g_autofree char *code = _dn_proposal_key (info->unit->code);

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

            if (_dn_proposal_key_words (shorter) >= 2)
              add_alias (self, i, g_strdup (shorter));
            if (g_str_has_suffix (shorter, " tinh ") && _dn_proposal_key_words (shorter) >= 3)
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
  g_autofree char *key = _dn_proposal_key (text);

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

void
_dn_proposal_add_unit (GArray *ids,
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
  g_autofree char *key = _dn_proposal_key (text);
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
    _dn_proposal_add_unit (ids, g_array_index (found, Found, i).id);
  return ids;
}

