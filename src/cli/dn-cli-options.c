/* dn-cli-options.c: what every command of doingoai-cli reads its words and
 * options with: text checked and normalized, dates, record numbers, unit
 * codes; refusals; fields of tab-separated output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-text.h"

/* Text from the command line, as UTF-8 in NFC: the one place where a
 * command's words are checked. NULL (with a brief usage error) when they
 * are not text in the locale's encoding. */
char *
text_argument (char    **words,
               GError  **error)
{
  g_autofree char *joined = g_strjoinv (" ", words);
  g_autofree char *utf8 = NULL;
  char *text;

  /* UTF-8 whatever the locale says (a terminal under LC_ALL=C still sends
   * it); otherwise text in the locale's own encoding */
  if (g_utf8_validate (joined, -1, NULL))
    utf8 = g_strdup (joined);
  else if (!g_get_charset (NULL))
    utf8 = g_locale_to_utf8 (joined, -1, NULL, NULL, NULL);
  text = utf8 != NULL ? dn_text_normalize (utf8, -1, FALSE) : NULL;
  if (text == NULL)
    {
      g_autofree char *shown = dn_text_escape_for_display (joined, 80);
      g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE_BRIEF, _("“%s” is not valid text (UTF-8)."), shown);
    }
  return text;
}

/* An option's value through text_argument(); NULL stays NULL. */
gboolean
text_option (const char  *raw,
             char       **text,
             GError     **error)
{
  char *words[] = { (char *) raw, NULL };

  *text = NULL;
  if (raw == NULL)
    return TRUE;
  *text = text_argument (words, error);
  return *text != NULL;
}

gboolean
take_text (const char  *raw,
           char       **field,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (raw == NULL)
    return TRUE;
  if (!text_option (raw, &text, error))
    return FALSE;
  g_free (*field);
  *field = g_steal_pointer (&text);
  return TRUE;
}

/* What refuse_value() and refuse_option() say: @format with @option (when
 * not NULL) and @value as a message shows it. */
static gboolean
refuse_shown (GError    **error,
              int         code,
              const char *format,
              const char *option,
              const char *value)
{
  g_autofree char *shown = dn_text_escape_for_display (value, 40);

  /* @format is checked where it is written (G_GNUC_PRINTF in dn-cli.h) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (option != NULL)
    g_set_error (error, CLI_ERROR, code, format, option, shown);
  else
    g_set_error (error, CLI_ERROR, code, format, shown);
#pragma GCC diagnostic pop
  return FALSE;
}

gboolean
refuse_value (GError    **error,
              int         code,
              const char *value,
              const char *format)
{
  return refuse_shown (error, code, format, NULL, value);
}

gboolean
refuse_option (GError    **error,
               int         code,
               const char *option,
               const char *value,
               const char *format)
{
  return refuse_shown (error, code, format, option, value);
}

gboolean
cli_refuse (GError    **error,
            int         code,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CLI_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

gboolean
text_options (char  **const fields[],
              guint        n_fields,
              GError     **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *raw = g_steal_pointer (fields[i]);

      if (!text_option (raw, fields[i], error))
        return FALSE;
    }
  return TRUE;
}

void
clear_texts (char  **const fields[],
             guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_clear_pointer (fields[i], g_free);
}

gboolean
date_option (const char  *raw,
             const char  *option,
             int          code,
             GDate       *date,
             GError     **error)
{
  if (raw == NULL || dn_date_parse_user (raw, date))
    return TRUE;
  return refuse_option (error, code, option, raw,
                        _("%s: “%s” is not a date. Write the day, month and year, for example 30/6/2024 or "
                          "2024-06-30."));
}

gboolean
parse_id (const char *raw,
          gint64     *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (raw, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

const Words no_words = { 0, 0, N_("Too many arguments.") };

char *
tsv_field (const char *text)
{
  /* a field never breaks the line or the columns */
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  return g_strdelimit (g_steal_pointer (&copy), "\t\r\n", ' ');
}

gboolean
print_pages (Run           *run,
             ReadPageFunc   read_page,
             gconstpointer  query,
             guint          page_size,
             void         (*print) (gpointer record),
             GError       **error)
{
  for (g_autoptr(GObject) last = NULL;;)
    {
      g_autoptr(GPtrArray) page = read_page (run, query, last, page_size, error);

      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        print (page->pdata[i]);
      if (page->len < page_size)
        return TRUE;
      g_set_object (&last, page->pdata[page->len - 1]);
    }
}

gboolean
resolve_unit (DnStore     *store,
              const char  *code,
              gint64      *id,
              GError     **error)
{
  g_autoptr(DnUnit) unit = NULL;

  *id = 0;
  if (code == NULL)
    return TRUE;
  unit = dn_store_find_unit (store, code, error);
  if (unit == NULL)
    return FALSE;
  *id = unit->id;
  return TRUE;
}
