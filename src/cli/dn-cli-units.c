/* dn-cli-units.c: doingoai-cli units [merge FROM_CODE INTO_CODE |
 * rename CODE --name NAME --from DATE]: the unit tree, merging a unit into
 * another, renaming one from a day on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-text.h"

static struct
{
  char  *name;       /* as typed */
  char  *from;       /* as typed */
  char  *name_text;  /* checked */
  GDate     from_date;
  gboolean  archived;
} units_opt;

const GOptionEntry dn_cli_units_options[] = {
  { "archived", 'a', 0, G_OPTION_ARG_NONE, &units_opt.archived, N_("Include archived units"), NULL },
  { "name", 0, 0, G_OPTION_ARG_FILENAME, &units_opt.name, N_("With “rename”: the new name"), N_("NAME") },
  { "from", 0, 0, G_OPTION_ARG_FILENAME, &units_opt.from, N_("With “rename”: the day the new name takes effect"),
    N_("YYYY-MM-DD") },
  G_OPTION_ENTRY_NULL
};

void
dn_cli_units_clear (void)
{
  char **const texts[] = { &units_opt.name, &units_opt.from, &units_opt.name_text };

  clear_texts (texts, G_N_ELEMENTS (texts));
}

gboolean
dn_cli_check_units (Run     *run,
                    GError **error)
{
  const char *action = run->n_words > 0 ? run->words[0] : NULL;

  if (action == NULL || g_str_equal (action, "merge"))
    {
      if (units_opt.name != NULL || units_opt.from != NULL)
        return cli_refuse (error, CLI_ERROR_USAGE, _("--name and --from go with “units rename”."));
      if (action != NULL && run->n_words != 3)
        return cli_refuse (error, CLI_ERROR_USAGE,
                           _("Give the code of the unit merged, then the code of the unit that takes it over: "
                             "units merge FROM_CODE INTO_CODE."));
      return TRUE;
    }
  if (g_str_equal (action, "rename"))
    {
      if (run->n_words != 2 || units_opt.name == NULL || units_opt.from == NULL)
        return cli_refuse (error, CLI_ERROR_USAGE,
                           _("Give the unit's code, its new name and the day it takes effect: "
                             "units rename CODE --name NAME --from YYYY-MM-DD."));
      if (!dn_date_parse_iso (units_opt.from, &units_opt.from_date))
        return refuse_value (error, CLI_ERROR_USAGE_BRIEF, units_opt.from,
                             _("“%s” is not a date: write --from YYYY-MM-DD."));
      return text_option (units_opt.name, &units_opt.name_text, error);
    }
  return refuse_value (error, CLI_ERROR_USAGE, action,
                       _("Unknown units command “%s”: use merge or rename (or nothing, to list the units)."));
}

/* The unit whose code is the word @word of the command line. */
static DnUnit *
unit_argument (Run     *run,
               int      word,
               GError **error)
{
  char *words[] = { run->words[word], NULL };
  g_autofree char *code = text_argument (words, error);

  return code != NULL ? dn_store_find_unit (run->store, code, error) : NULL;
}

static gboolean
merge_units (Run *run, GError **error)
{
  g_autoptr(DnUnit) from = unit_argument (run, 1, error);
  g_autoptr(DnUnit) into = from != NULL ? unit_argument (run, 2, error) : NULL;

  if (into == NULL || !dn_store_merge_units (run->store, from->id, into->id, NULL, error))
    return FALSE;
  out (_("Merged %s into %s: its tasks, staff and history now belong to %s; %s is kept, archived.\n"),
       from->code, into->code, into->code, from->code);
  return TRUE;
}

static gboolean
rename_unit (Run *run, GError **error)
{
  g_autoptr(DnUnit) unit = unit_argument (run, 1, error);
  g_autofree char *day = NULL;

  if (unit == NULL || !dn_store_rename_unit (run->store, unit->id, units_opt.name_text, &units_opt.from_date, error))
    return FALSE;
  day = dn_date_format_short (&units_opt.from_date);
  out (_("%s is named “%s” from %s on (until then: “%s”).\n"), unit->code, units_opt.name_text, day, unit->name);
  return TRUE;
}

gboolean
dn_cli_run_units (Run     *run,
                  GError **error)
{
  g_autoptr(GPtrArray) units = NULL;

  if (run->n_words > 0)
    return g_str_equal (run->words[0], "merge") ? merge_units (run, error) : rename_unit (run, error);
  units = dn_store_list_unit_tree (run->store, units_opt.archived, error);
  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      DnUnit *unit = units->pdata[i];
      g_autofree char *code = tsv_field (unit->code);
      g_autofree char *parent_code = tsv_field (unit->parent_code);
      g_autofree char *name = tsv_field (unit->name);
      out ("%s\t%s\t%s\t%s\n", code, parent_code, dn_unit_kind_to_string (unit->kind), name);
    }
  return TRUE;
}

