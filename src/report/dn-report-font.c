/* dn-report-font.c: the one serif family every printed document is set in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dn-report-font.h"

G_DEFINE_QUARK (dn-report-font-error-quark, dn_report_font_error)

const char dn_report_font_test_text[] =
  "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
  "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
  "AĂÂBCDĐEÊFGHIJKLMNOÔƠPQRSTUƯVWXYZ"
  "ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
  "0123456789.,;:!?()[]/-–…“”‘’%&";

/* in order of preference: Nghị định 30's face, then two of the same
 * widths (fonts-liberation2 ≥ 2.0 and Tinos hold Vietnamese; the older
 * fonts-liberation does not: the coverage decides, not the name) */
static const char * const candidates[] = { "Times New Roman", "Liberation Serif", "Tinos" };

#define FALLBACK_FAMILY "Serif"

typedef struct
{
  char     *family;
  gboolean  is_substitute;
  GError   *error;
} Outcome;

GStrv
dn_report_font_families_used (const char *family,
                              const char *text,
                              int         weight,
                              int         style,
                              char      **missing)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_new ();
  g_autoptr(GStrvBuilder) families = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) lacking = g_string_new (NULL);
  PangoLayoutIter *iter;

  g_object_unref (context);
  pango_font_description_set_family (desc, family);
  pango_font_description_set_weight (desc, (PangoWeight) weight);
  pango_font_description_set_style (desc, (PangoStyle) style);
  pango_font_description_set_absolute_size (desc, 12 * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoFontDescription *used;
      const char *name;

      if (run == NULL)
        continue;
      used = pango_font_describe (run->item->analysis.font);
      name = pango_font_description_get_family (used);
      if (name == NULL)
        name = "";
      if (!g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
        {
          g_ptr_array_add (seen, g_strdup (name));
          g_strv_builder_add (families, name);
        }
      if (g_ascii_strcasecmp (name, family) != 0)
        g_string_append_len (lacking, text + run->item->offset, run->item->length);
      else
        {
          /* a letter no face has stays in the family's run, drawn as a
           * box */
          const char *end = text + run->item->offset + run->item->length;

          for (const char *p = text + run->item->offset; p < end; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (!g_unichar_isspace (c) && !pango_font_has_char (run->item->analysis.font, c))
                g_string_append_unichar (lacking, c);
            }
        }
      pango_font_description_free (used);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  if (missing != NULL)
    *missing = g_string_free (g_steal_pointer (&lacking), FALSE);
  return g_strv_builder_end (families);
}

/* The letters of @text that @family does not set itself in any of the
 * four styles (empty: it sets them all); NULL when fontconfig has no
 * face of that name at all (another stands in for every letter). */
static char *
letters_lacking (const char *family,
                 const char *text)
{
  static const int styles[][2] = {
    { PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
    { PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
    { PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
    { PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC },
  };
  g_autoptr(GString) lacking = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *missing = NULL;
      g_auto(GStrv) used = dn_report_font_families_used (family, text, styles[i][0],
                                                          styles[i][1], &missing);

      gboolean found = FALSE;

      for (guint j = 0; used[j] != NULL; j++)
        found |= g_ascii_strcasecmp (used[j], family) == 0;
      if (!found)
        return NULL;
      /* each letter once */
      for (const char *p = missing; *p != '\0'; p = g_utf8_next_char (p))
        {
          char letter[8] = { 0 };
          gunichar c = g_utf8_get_char (p);

          g_unichar_to_utf8 (c, letter);
          if (!g_unichar_isspace (c) && strstr (lacking->str, letter) == NULL)
            g_string_append (lacking, letter);
        }
    }
  return g_string_free (g_steal_pointer (&lacking), FALSE);
}

static Outcome *
check (void)
{
  Outcome *outcome = g_new0 (Outcome, 1);
  g_autoptr(GString) report = g_string_new (NULL);
  const char *best = NULL;
  glong best_missing = G_MAXLONG;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *lacking = letters_lacking (candidates[i], dn_report_font_test_text);
      glong n;

      if (lacking == NULL)
        continue;
      if (*lacking == '\0')
        {
          outcome->family = g_strdup (candidates[i]);
          outcome->is_substitute = i > 0;
          if (outcome->is_substitute)
            g_debug ("Documents are set in %s (Times New Roman is not installed)", candidates[i]);
          return outcome;
        }
      n = g_utf8_strlen (lacking, -1);
      if (n < best_missing)
        {
          best = candidates[i];
          best_missing = n;
        }
      if (report->len > 0)
        g_string_append (report, "; ");
      /* TRANSLATORS: a font and the letters it lacks, in a list of them */
      g_string_append_printf (report, _("%s lacks %s"), candidates[i], lacking);
    }
  outcome->family = g_strdup (best != NULL ? best : FALLBACK_FAMILY);
  outcome->is_substitute = TRUE;
  if (report->len == 0)
    g_set_error (&outcome->error, DN_REPORT_FONT_ERROR, DN_REPORT_FONT_ERROR_NO_COVERAGE,
                 _("None of Times New Roman, Liberation Serif and Tinos is installed: documents are printed "
                   "in another face (install the package fonts-liberation2)"));
  else
    g_set_error (&outcome->error, DN_REPORT_FONT_ERROR, DN_REPORT_FONT_ERROR_NO_COVERAGE,
                 _("No installed font has every Vietnamese letter (%s): documents are printed in %s with "
                   "letters of another face (install the package fonts-liberation2)"),
                 report->str, outcome->family);
  return outcome;
}

static const Outcome *
get_outcome (void)
{
  static gsize done = 0;
  static Outcome *outcome = NULL;

  if (g_once_init_enter (&done))
    {
      outcome = check ();
      g_once_init_leave (&done, 1);
    }
  return outcome;
}

gboolean
dn_report_font_check (char     **family,
                      gboolean  *is_substitute,
                      GError   **error)
{
  const Outcome *outcome = get_outcome ();

  if (family != NULL)
    *family = g_strdup (outcome->family);
  if (is_substitute != NULL)
    *is_substitute = outcome->is_substitute;
  if (outcome->error != NULL)
    {
      g_propagate_error (error, g_error_copy (outcome->error));
      return FALSE;
    }
  return TRUE;
}

const char *
dn_report_font_get_family (void)
{
  return get_outcome ()->family;
}

char *
dn_report_font_describe (void)
{
  const Outcome *outcome = get_outcome ();

  if (outcome->error != NULL)
    return g_strdup (outcome->error->message);
  if (!outcome->is_substitute)
    return NULL;
  return g_strdup_printf (_("Times New Roman is not installed: documents are printed in %s, a face with the same "
                            "letter widths that has every Vietnamese letter"),
                          outcome->family);
}

gboolean
dn_report_font_check_text (const char  *family,
                           const char  *text,
                           GError     **error)
{
  g_autofree char *lacking = NULL;

  g_return_val_if_fail (family != NULL && text != NULL, FALSE);

  lacking = letters_lacking (family, text);
  if (lacking == NULL)
    {
      g_set_error (error, DN_REPORT_FONT_ERROR, DN_REPORT_FONT_ERROR_MISSING_CHARACTERS,
                   _("The font %s is not installed"), family);
      return FALSE;
    }
  if (*lacking != '\0')
    {
      g_set_error (error, DN_REPORT_FONT_ERROR, DN_REPORT_FONT_ERROR_MISSING_CHARACTERS,
                   _("The font %s has no “%s”: these characters would be printed in another face, or not at all"), family,
                   lacking);
      return FALSE;
    }
  return TRUE;
}
