/* dn-person-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-page-editor.h"
#include "dn-person-editor.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"

struct _DnPersonEditor
{
  DnPageEditor   parent_instance;

  gint64         person_id;   /* 0 when adding */

  /* Template widgets */
  GtkEntry      *family_entry;
  GtkEntry      *middle_entry;
  GtkEntry      *given_entry;
  GtkLabel      *full_name_label;
  GtkDropDown   *gender_dropdown;
  GtkEntry      *birth_entry;
  GtkEntry      *position_entry;
  GtkEntry      *email_entry;
  GtkEntry      *phone_entry;
  DnUnitChooser *unit_chooser;
};

G_DEFINE_FINAL_TYPE (DnPersonEditor, dn_person_editor, DN_TYPE_PAGE_EDITOR)

/* The three names typed, into @person. */
static void
read_names (DnPersonEditor *self,
            DnPerson       *person)
{
  dn_page_editor_read_entry (&person->family_name, self->family_entry);
  dn_page_editor_read_entry (&person->middle_name, self->middle_entry);
  dn_page_editor_read_entry (&person->given_name, self->given_entry);
}

static void
update_full_name (DnPersonEditor *self)
{
  g_autoptr(DnPerson) person = dn_person_new ();
  g_autofree char *full = NULL;
  g_autofree char *text = NULL;

  read_names (self, person);
  full = dn_person_dup_full_name (person);
  g_strstrip (full);
  if (*full != '\0')
    text = g_strdup_printf (_("Shown as “%s”; lists sort by given name."), full);
  gtk_label_set_text (self->full_name_label, text != NULL ? text : _("Lists sort by given name, then middle name, then family name."));
}

/* Checks and writes the form; the dialog closes when it returns TRUE. */
static gboolean
dn_person_editor_apply (DnFormDialog  *dialog,
                        GError       **apply_error)
{
  DnPersonEditor *self = DN_PERSON_EDITOR (dialog);
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  g_autoptr(DnPerson) person = NULL;
  g_autofree char *birth = NULL;
  GtkWidget *field = NULL;

  if (self->person_id == 0)
    person = dn_person_new ();
  else if ((person = dn_store_get_person (store, self->person_id, apply_error)) == NULL)
    return FALSE;

  dn_page_editor_read_entry (&birth, self->birth_entry);
  if (*birth == '\0')
    g_date_clear (&person->birth_date, 1);
  else if (!dn_date_parse_user (birth, &person->birth_date))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a date. Type the birth date as day/month/year, for example 30/06/1985."),
                         birth);
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), message, GTK_WIDGET (self->birth_entry));
      return FALSE;
    }

  read_names (self, person);
  person->gender = (DnGender) MIN (gtk_drop_down_get_selected (self->gender_dropdown), DN_GENDER_N - 1);
  dn_page_editor_read_entry (&person->position, self->position_entry);
  dn_page_editor_read_entry (&person->email, self->email_entry);
  dn_page_editor_read_entry (&person->phone, self->phone_entry);
  person->unit_id = dn_unit_chooser_get_unit (self->unit_chooser);

  if (person->family_name[0] == '\0')
    field = GTK_WIDGET (self->family_entry);
  else if (person->given_name[0] == '\0')
    field = GTK_WIDGET (self->given_entry);
  else if (g_date_valid (&person->birth_date))
    field = GTK_WIDGET (self->birth_entry);
  return dn_page_editor_write (DN_PAGE_EDITOR (self), person, field, NULL);
}

static void
dn_person_editor_class_init (DnPersonEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  dn_page_editor_class_set_template (DN_PAGE_EDITOR_CLASS (klass), "dn-person-editor.ui", dn_person_editor_apply);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPersonEditor, family_entry, middle_entry, given_entry,
                             full_name_label, gender_dropdown, birth_entry, position_entry, email_entry,
                             phone_entry, unit_chooser);
}

static void
dn_person_editor_init (DnPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  dn_ui_drop_down_set_enum (self->gender_dropdown, DN_GENDER_N, G_CALLBACK (dn_gender_get_label));
  g_signal_connect_swapped (self->family_entry, "changed", G_CALLBACK (update_full_name), self);
  g_signal_connect_swapped (self->middle_entry, "changed", G_CALLBACK (update_full_name), self);
  g_signal_connect_swapped (self->given_entry, "changed", G_CALLBACK (update_full_name), self);
  update_full_name (self);
}

DnPersonEditor *
dn_person_editor_new (DnStore  *store,
                      gint64    person_id,
                      gint64    unit_id,
                      GError  **error)
{
  DnPersonEditor *self;
  g_autoptr(DnPerson) person = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  if (person_id > 0)
    {
      person = dn_store_get_person (store, person_id, error);
      if (person == NULL)
        return NULL;
      unit_id = person->unit_id;
    }

  /* like gtk_window_new(): GTK holds the window until it is destroyed */
  self = g_object_new (DN_TYPE_PERSON_EDITOR, NULL);
  dn_page_editor_set_store (DN_PAGE_EDITOR (self), store);
  self->person_id = person_id > 0 ? person_id : 0;
  dn_page_editor_set_record (DN_PAGE_EDITOR (self), "person", self->person_id);
  /* the person's unit stays offered, archived or not */
  dn_unit_chooser_set_keep_id (self->unit_chooser, unit_id);
  if (!dn_page_editor_load_chooser (DN_PAGE_EDITOR (self), DN_CHOOSER (self->unit_chooser), unit_id, error))
    return NULL;

  if (person != NULL)
    {
      g_autofree char *birth = g_date_valid (&person->birth_date) ? dn_date_format_short (&person->birth_date) : NULL;

      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Edit Person"), _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->family_entry), person->family_name);
      gtk_editable_set_text (GTK_EDITABLE (self->middle_entry), person->middle_name);
      gtk_editable_set_text (GTK_EDITABLE (self->given_entry), person->given_name);
      gtk_drop_down_set_selected (self->gender_dropdown, person->gender);
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), birth != NULL ? birth : "");
      gtk_editable_set_text (GTK_EDITABLE (self->position_entry), person->position);
      gtk_editable_set_text (GTK_EDITABLE (self->email_entry), person->email);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), person->phone);
    }
  else
    {
      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Add Person"), _("_Add"));
    }
  return self;
}
