/* dn-country-chooser.c
 *
 * The rows are GtkStringObjects holding a code, in the order of
 * dn_country_list(); the none row (when there is a none-label) holds the
 * label and is marked. A country's id in the chooser is its two letters
 * read as a number (('V' << 8) | 'N'), so no store is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-country-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-country.h"
#include "dn-country-chooser.h"
#include "dn-ui.h"

#define NONE_KEY "dn-country-none"

struct _DnCountryChooser
{
  DnChooser  parent_instance;

  char       code[3];  /* the chosen one, "" for none */
};

G_DEFINE_FINAL_TYPE (DnCountryChooser, dn_country_chooser, DN_TYPE_CHOOSER)

enum
{
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
id_of_code (const char *code)
{
  return ((gint64) (guchar) code[0] << 8) | (guchar) code[1];
}

static void
code_of_id (gint64  id,
            char    code[3])
{
  code[0] = (char) ((id >> 8) & 0xff);
  code[1] = (char) (id & 0xff);
  code[2] = '\0';
}

static const char *
row_code (gpointer row)
{
  return gtk_string_object_get_string (GTK_STRING_OBJECT (row));
}

static gboolean
is_none_row (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), NONE_KEY) != NULL;
}

/*
 * DnChooser
 */

static gboolean
load (DnChooser  *chooser,
      DnStore    *store,
      GPtrArray  *rows,
      GError    **error)
{
  g_autoptr(GPtrArray) codes = dn_country_list ();

  for (guint i = 0; i < codes->len; i++)
    g_ptr_array_add (rows, gtk_string_object_new (codes->pdata[i]));
  return TRUE;
}

static GObject *
new_none_row (DnChooser  *chooser,
              const char *label)
{
  GtkStringObject *none = gtk_string_object_new (label);

  g_object_set_data (G_OBJECT (none), NONE_KEY, GINT_TO_POINTER (TRUE));
  return G_OBJECT (none);
}

static gint64
get_id (DnChooser *chooser,
        gpointer   row)
{
  return is_none_row (row) ? 0 : id_of_code (row_code (row));
}

static const char *
get_name (DnChooser *chooser,
          gpointer   row)
{
  return is_none_row (row) ? row_code (row) : dn_country_name (row_code (row));
}

static const char *
get_detail (DnChooser *chooser,
            gpointer   row)
{
  return is_none_row (row) ? NULL : row_code (row);
}

static char *
dup_search_text (DnChooser *chooser,
                 gpointer   row)
{
  return is_none_row (row) ? g_strdup (row_code (row)) : dn_country_dup_search_text (row_code (row));
}

static char *
lookup_name (DnChooser *chooser,
             gint64     id)
{
  char code[3];

  code_of_id (id, code);
  return g_strdup (dn_country_name (code));
}

/*
 * GObject overrides
 */

static void
on_changed_cb (DnCountryChooser *self,
               gpointer          user_data)
{
  gint64 id = dn_chooser_get_id (DN_CHOOSER (self));
  char code[3] = "";

  if (id > 0)
    code_of_id (id, code);
  if (g_str_equal (code, self->code))
    return;
  memcpy (self->code, code, sizeof code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

static void
dn_country_chooser_class_init (DnCountryChooserClass *klass)
{
  const DnProperty props[N_PROPS] = {
    /**
     * DnCountryChooser:code:
     *
     * The chosen country's ISO 3166-1 alpha-2 code ("VN"), %NULL for none.
     */
    [PROP_CODE] = { "code", G_TYPE_STRING, G_PARAM_EXPLICIT_NOTIFY,
                    G_CALLBACK (dn_country_chooser_get_code), G_CALLBACK (dn_country_chooser_set_code) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DnChooserClass *chooser_class = DN_CHOOSER_CLASS (klass);

  chooser_class->without_store = TRUE;
  chooser_class->load = load;
  chooser_class->new_none_row = new_none_row;
  chooser_class->get_id = get_id;
  chooser_class->get_name = get_name;
  chooser_class->get_detail = get_detail;
  chooser_class->dup_search_text = dup_search_text;
  chooser_class->lookup_name = lookup_name;

  dn_ui_install_properties (object_class, N_PROPS, props, properties);
}

static void
dn_country_chooser_init (DnCountryChooser *self)
{
  const DnChooserTexts texts = {
    .placeholder = _("Choose a country…"),
    .search_placeholder = _("Search by name or code"),
    .search_label = _("Search countries"),
    .list_label = _("Countries"),
    .no_rows = _("The country list is missing."),
    .no_match = _("No country matches what you typed."),
  };

  dn_chooser_set_texts (DN_CHOOSER (self), &texts);
  /* a label of the form, when there is one, names it instead */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Country"), -1);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
}

/*
 * Public API
 */

GtkWidget *
dn_country_chooser_new (void)
{
  return g_object_new (DN_TYPE_COUNTRY_CHOOSER, NULL);
}

const char *
dn_country_chooser_get_code (DnCountryChooser *self)
{
  g_return_val_if_fail (DN_IS_COUNTRY_CHOOSER (self), NULL);
  return self->code[0] != '\0' ? self->code : NULL;
}

void
dn_country_chooser_set_code (DnCountryChooser *self,
                             const char       *code)
{
  g_return_if_fail (DN_IS_COUNTRY_CHOOSER (self));

  if (code == NULL || code[0] == '\0')
    {
      dn_chooser_set_id (DN_CHOOSER (self), 0);
      return;
    }
  g_return_if_fail (dn_country_is_valid (code));
  dn_chooser_set_id (DN_CHOOSER (self), id_of_code (code));
}
