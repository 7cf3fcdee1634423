/* dn-person-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-person-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-chooser-record.h"
#include "dn-person-chooser.h"

#define NAME_KEY "dn-person-name"
#define DETAIL_KEY "dn-person-detail"

struct _DnPersonChooser
{
  DnChooser parent_instance;
};

G_DEFINE_FINAL_TYPE (DnPersonChooser, dn_person_chooser, DN_TYPE_CHOOSER)

/* The full name (the none row keeps its label in given_name). */
static char *
make_name (gpointer record)
{
  DnPerson *person = record;

  return person->id > 0 ? dn_person_dup_full_name (person) : g_strdup (person->given_name);
}

static const char *
name_of (DnPerson *person)
{
  return dn_chooser_record_text (person, NAME_KEY, make_name);
}

/* "Chuyên viên, VP" */
static char *
make_detail (gpointer record)
{
  DnPerson *person = record;

  if (person->id <= 0)
    return NULL;
  if (person->position[0] != '\0' && person->unit_code[0] != '\0')
    return g_strdup_printf ("%s, %s", person->position, person->unit_code);
  return g_strdup (person->position[0] != '\0' ? person->position : person->unit_code);
}

static const char *
detail_of (DnPerson *person)
{
  const char *detail = dn_chooser_record_text (person, DETAIL_KEY, make_detail);

  return detail != NULL && detail[0] != '\0' ? detail : NULL;
}

static gboolean
load (DnChooser  *chooser,
      DnStore    *store,
      GPtrArray  *rows,
      GError    **error)
{
  g_autoptr(GPtrArray) people = dn_store_list_people (store, 0, NULL, G_MAXINT, error);

  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    g_ptr_array_add (rows, g_object_ref (people->pdata[i]));
  return TRUE;
}

static const char *
get_name (DnChooser *chooser,
          gpointer   row)
{
  return name_of (DN_PERSON (row));
}

static const char *
get_detail (DnChooser *chooser,
            gpointer   row)
{
  return detail_of (DN_PERSON (row));
}

static char *
dup_search_text (DnChooser *chooser,
                 gpointer   row)
{
  const char *detail = detail_of (DN_PERSON (row));

  return g_strconcat (name_of (DN_PERSON (row)), " ", detail != NULL ? detail : "", NULL);
}

static char *
lookup_name (DnChooser *chooser,
             gint64     id)
{
  g_autoptr(DnPerson) person = dn_store_get_person (dn_chooser_get_store (chooser), id, NULL);

  return person != NULL ? dn_person_dup_full_name (person) : NULL;
}

static void
dn_person_chooser_class_init (DnPersonChooserClass *klass)
{
  DnChooserClass *chooser_class = DN_CHOOSER_CLASS (klass);

  dn_chooser_class_set_record (chooser_class, DN_TYPE_PERSON, G_STRUCT_OFFSET (DnPerson, given_name));
  chooser_class->load = load;
  chooser_class->get_name = get_name;
  chooser_class->get_detail = get_detail;
  chooser_class->dup_search_text = dup_search_text;
  chooser_class->lookup_name = lookup_name;
}

static void
dn_person_chooser_init (DnPersonChooser *self)
{
  const DnChooserTexts texts = {
    .placeholder = _("Choose a person…"),
    .search_placeholder = _("Search by name, position or unit"),
    .search_label = _("Search people"),
    .list_label = _("People"),
    .no_rows = _("There is no one on the staff yet."),
    .no_match = _("No one matches what you typed."),
  };

  dn_chooser_set_texts (DN_CHOOSER (self), &texts);
}

GtkWidget *
dn_person_chooser_new (DnStore *store)
{
  DnPersonChooser *self = g_object_new (DN_TYPE_PERSON_CHOOSER, NULL);

  dn_chooser_set_store (DN_CHOOSER (self), store);
  return GTK_WIDGET (self);
}
