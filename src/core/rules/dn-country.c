/* dn-country.c
 *
 * The list is the resource countries.tsv (a bundle of its own,
 * dn-country.gresource.xml), one line per country
 * (CODE<TAB>Vietnamese name<TAB>English name<TAB>other names), made by
 * build-aux/make-countries.py. It is read once, under g_once, into a table
 * that is never changed afterwards, so any thread may read it.
 *
 * The interface's language is the language of the "doingoai" translation
 * in use: the "Language:" field of its header (what gettext returns for
 * ""), so that the country names follow the same choice as every other
 * string (the language preference, LANGUAGE, the locale).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-country"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "dn-country-resources.h"
#include "dn-country.h"
#include "dn-text.h"

#define COUNTRIES_RESOURCE "/io/github/doingoai/DoiNgoai/core/countries.tsv"

typedef struct
{
  const char *code;
  const char *vietnamese;
  const char *english;
  const char *others;     /* " | " between them; "" for none */
  char       *search;     /* "CODE vietnamese english others" */
  char       *folded;     /* search, folded (dn_text_fold) */
  char       *key[2];     /* collation keys of the English and Vietnamese names */
} Country;

enum { ENGLISH, VIETNAMESE };

typedef struct
{
  char       *data;       /* the file's text, cut into the fields above */
  Country    *countries;
  guint       n_countries;
  GHashTable *by_code;    /* code → Country * */
  GPtrArray  *order[2];   /* Country *, by English and by Vietnamese name */
} Table;

static int
compare_by_key (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Country *x = *(const Country * const *) a;
  const Country *y = *(const Country * const *) b;
  guint language = GPOINTER_TO_UINT (user_data);
  /* keys hold no 0x00 and end with one: strcmp compares bytes unsigned */
  int cmp = strcmp (x->key[language], y->key[language]);

  return cmp != 0 ? cmp : strcmp (x->code, y->code);
}

/* Cuts @line at its tabs into at most @n fields; returns how many. */
static guint
split_fields (char        *line,
              const char **fields,
              guint        n)
{
  guint i = 0;

  while (i < n)
    {
      char *tab = strchr (line, '\t');

      fields[i++] = line;
      if (tab == NULL)
        break;
      *tab = '\0';
      line = tab + 1;
    }
  return i;
}

static void
table_load (Table *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *lines;
  const char *text;
  gsize size = 0;

  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint l = 0; l < G_N_ELEMENTS (table->order); l++)
    table->order[l] = g_ptr_array_new ();

  /* its own bundle, registered here, once (under the g_once) */
  dn_country_data_register_resource ();
  bytes = g_resources_lookup_data (COUNTRIES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("The country list cannot be read: %s", error->message);
      return;
    }

  text = g_bytes_get_data (bytes, &size);
  table->data = g_strndup (text, size);
  lines = g_ptr_array_new ();
  for (char *line = table->data, *next; line != NULL && *line != '\0'; line = next)
    {
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      g_ptr_array_add (lines, line);
    }

  table->countries = g_new0 (Country, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *fields[4] = { NULL, NULL, NULL, "" };
      Country *country = &table->countries[table->n_countries];

      if (split_fields (lines->pdata[i], fields, G_N_ELEMENTS (fields)) < 3
          || strlen (fields[0]) != 2)
        {
          g_critical ("The country list has a bad line %u", i + 1);
          continue;
        }
      country->code = fields[0];
      country->vietnamese = fields[1];
      country->english = fields[2];
      country->others = fields[3];
      country->search = g_strjoin (" ", country->code, country->vietnamese,
                                   country->english, country->others, NULL);
      country->folded = dn_text_fold (country->search, -1);
      country->key[ENGLISH] = (char *) dn_text_collate_key (country->english, -1, NULL);
      country->key[VIETNAMESE] = (char *) dn_text_collate_key (country->vietnamese, -1, NULL);
      table->n_countries++;
    }
  g_ptr_array_unref (lines);

  for (guint i = 0; i < table->n_countries; i++)
    {
      Country *country = &table->countries[i];

      g_hash_table_insert (table->by_code, (gpointer) country->code, country);
      for (guint l = 0; l < G_N_ELEMENTS (table->order); l++)
        g_ptr_array_add (table->order[l], country);
    }
  for (guint l = 0; l < G_N_ELEMENTS (table->order); l++)
    g_ptr_array_sort_with_data (table->order[l], compare_by_key, GUINT_TO_POINTER (l));
}

static const Table *
table_get (void)
{
  static Table table;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      table_load (&table);
      g_once_init_leave (&loaded, 1);
    }
  return &table;
}

/* The interface speaks Vietnamese: the translation in use says so. */
static gboolean
interface_is_vietnamese (void)
{
  const char *header = dgettext (GETTEXT_PACKAGE, "");
  const char *language;

  if (header == NULL || header[0] == '\0')
    return FALSE;  /* no translation: English */
  if (g_str_has_prefix (header, "Language: "))
    language = header;
  else if ((language = strstr (header, "\nLanguage: ")) != NULL)
    language++;
  else
    return FALSE;
  language += strlen ("Language: ");
  return g_ascii_strncasecmp (language, "vi", 2) == 0 && strchr ("_-@.\n", language[2]) != NULL;
}

static const Country *
lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (table_get ()->by_code, code);
}

gboolean
dn_country_is_valid (const char *code)
{
  if (code == NULL || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]) || code[2] != '\0')
    return FALSE;
  return lookup (code) != NULL;
}

const char *
dn_country_name (const char *code)
{
  return interface_is_vietnamese () ? dn_country_vietnamese_name (code)
                                    : dn_country_english_name (code);
}

const char *
dn_country_vietnamese_name (const char *code)
{
  const Country *country = lookup (code);

  return country != NULL ? country->vietnamese : NULL;
}

static char *
dup_names (const char  *codes,
           const char *(*name_of) (const char *code))
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  GString *names = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      {
        const char *name = name_of (parts[i]);

        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name != NULL ? name : parts[i]);
      }
  return g_string_free (names, FALSE);
}

char *
dn_country_dup_names (const char *codes)
{
  return dup_names (codes, dn_country_name);
}

char *
dn_country_dup_vietnamese_names (const char *codes)
{
  return dup_names (codes, dn_country_vietnamese_name);
}

const char *
dn_country_english_name (const char *code)
{
  const Country *country = lookup (code);

  return country != NULL ? country->english : NULL;
}

guint
dn_country_count (void)
{
  return table_get ()->n_countries;
}

char *
dn_country_dup_search_text (const char *code)
{
  const Country *country = lookup (code);

  return country != NULL ? g_strdup (country->search) : NULL;
}

GPtrArray *
dn_country_search (const char *query)
{
  const Table *table = table_get ();
  GPtrArray *order = table->order[interface_is_vietnamese () ? VIETNAMESE : ENGLISH];
  g_autoptr(DnTextMatch) match = dn_text_match_new (query);
  GPtrArray *codes = g_ptr_array_sized_new (order->len);

  for (guint i = 0; i < order->len; i++)
    {
      const Country *country = order->pdata[i];

      if (match == NULL || dn_text_match_folded (match, country->folded))
        g_ptr_array_add (codes, (gpointer) country->code);
    }
  return codes;
}

GPtrArray *
dn_country_list (void)
{
  return dn_country_search (NULL);
}
