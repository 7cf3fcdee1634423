/* dn-delegation-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-country-chooser.h"
#include "dn-country.h"
#include "dn-date-entry.h"
#include "dn-date.h"
#include "dn-delegation-editor.h"
#include "dn-document-chooser.h"
#include "dn-guest-list.h"
#include "dn-person-chooser.h"
#include "dn-ui.h"

struct _DnDelegationEditor
{
  DnPageEditor           parent_instance;

  DnDelegationDirection  direction;
  gint64                 id;          /* 0 when adding */
  DnDelegation          *original;    /* as read, for the fields not shown */
  gboolean               confirmed;   /* the officer saw the warning */
  GPtrArray             *countries;   /* DnDelegationCountry */
  GPtrArray             *members;     /* DnDelegationMember, id 0 when new */
  GArray                *removed_members;
  GPtrArray             *programme;   /* DnProgrammeItem, id 0 when new */
  GArray                *removed_items;
  GPtrArray             *passports;   /* of the person chosen */

  /* Template widgets */
  GtkBox                *form_box;
  GtkGrid               *main_grid;
  GtkBox                *country_row;
  GtkListBox            *countries_list;
  GtkLabel              *members_heading;
  GtkGrid               *member_grid;
  GtkListBox            *members_list;
  GtkBox                *inbound_box;

  /* made here */
  GtkEntry              *title_entry;
  GtkEntry              *purpose_entry;
  GtkEntry              *inviting_entry;
  DnDateEntry           *start_entry;
  DnDateEntry           *end_entry;
  GtkDropDown           *funding_dropdown;
  GtkEntry              *budget_entry;
  GtkCheckButton        *in_plan_check;
  DnChooser             *proposal_chooser;
  DnChooser             *decision_chooser;
  DnChooser             *country_chooser;
  GtkSpinButton         *days_spin;
  DnChooser             *person_chooser;
  GtkDropDown           *role_dropdown;
  GtkDropDown           *passport_dropdown;
  GtkEntry              *position_entry;
  GtkEntry              *grade_entry;
  GtkEntry              *guest_name_entry;
  GtkEntry              *guest_nationality_entry;
  GtkEntry              *guest_passport_entry;
  GtkEntry              *guest_organisation_entry;
  GtkTextView           *paste_view;
  DnDateEntry           *police_entry;
  DnDateEntry           *foreign_affairs_entry;
  DnDateEntry           *item_day_entry;
  GtkEntry              *item_time_entry;
  GtkEntry              *item_place_entry;
  GtkEntry              *item_description_entry;
  GtkListBox            *programme_list;
};

G_DEFINE_FINAL_TYPE (DnDelegationEditor, dn_delegation_editor, DN_TYPE_PAGE_EDITOR)

/*
 * Building the form
 */

static GtkWidget *
labelled (GtkGrid    *grid,
          int         row,
          int         column,
          const char *label,
          const char *accessible,
          GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_grid_attach (grid, title, column, row, 1, 1);
  gtk_grid_attach (grid, widget, column + 1, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  return widget;
}

static GtkEntry *
new_entry (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return GTK_ENTRY (entry);
}

static GtkWidget *
add_button (const char *label,
            const char *accessible,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

/* A row of a list: its text and a button removing it. */
static GtkWidget *
list_row (const char *text,
          const char *remove_label,
          GCallback   remove,
          gpointer    data,
          gpointer    item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "dn-item", item);
  g_signal_connect (button, "clicked", remove, data);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Countries */

static void show_countries (DnDelegationEditor *self);

static void
on_remove_country_cb (GtkButton          *button,
                      DnDelegationEditor *self)
{
  g_ptr_array_remove (self->countries, g_object_get_data (G_OBJECT (button), "dn-item"));
  show_countries (self);
}

static void
show_countries (DnDelegationEditor *self)
{
  clear_list (self->countries_list);
  for (guint i = 0; i < self->countries->len; i++)
    {
      DnDelegationCountry *country = self->countries->pdata[i];
      const char *name = dn_country_name (country->country_code);
      g_autofree char *text = country->days > 0
                              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u day", "%s, %u days",
                                                              country->days),
                                                 name != NULL ? name : country->country_code, country->days)
                              : g_strdup (name != NULL ? name : country->country_code);

      gtk_list_box_append (self->countries_list,
                           list_row (text, _("Remove the country"), G_CALLBACK (on_remove_country_cb), self, country));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->countries_list), self->countries->len > 0);
}

void
dn_delegation_editor_add_country (DnDelegationEditor *self,
                                  const char         *code,
                                  guint               days)
{
  DnDelegationCountry *country;

  g_return_if_fail (DN_IS_DELEGATION_EDITOR (self));
  if (code == NULL || code[0] == '\0')
    return;
  for (guint i = 0; i < self->countries->len; i++)
    if (g_str_equal (DN_DELEGATION_COUNTRY (self->countries->pdata[i])->country_code, code))
      {
        DN_DELEGATION_COUNTRY (self->countries->pdata[i])->days = days;
        show_countries (self);
        return;
      }
  country = dn_delegation_country_new ();
  g_free (country->country_code);
  country->country_code = g_strdup (code);
  country->days = days;
  g_ptr_array_add (self->countries, country);
  show_countries (self);
}

static void
on_add_country_cb (DnDelegationEditor *self)
{
  g_autofree char *code = g_strdup (dn_country_chooser_get_code (DN_COUNTRY_CHOOSER (self->country_chooser)));

  if (code == NULL || code[0] == '\0')
    {
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Choose a country first."),
                                 GTK_WIDGET (self->country_chooser));
      return;
    }
  dn_delegation_editor_add_country (self, code, (guint) gtk_spin_button_get_value_as_int (self->days_spin));
  dn_country_chooser_set_code (DN_COUNTRY_CHOOSER (self->country_chooser), NULL);
}

/* Members */

static void show_members (DnDelegationEditor *self);

static void
on_remove_member_cb (GtkButton          *button,
                     DnDelegationEditor *self)
{
  DnDelegationMember *member = g_object_get_data (G_OBJECT (button), "dn-item");

  if (member->id > 0)
    g_array_append_val (self->removed_members, member->id);
  g_ptr_array_remove (self->members, member);
  show_members (self);
}

static char *
describe_member (DnDelegationMember *m)
{
  GString *text = g_string_new (m->name);

  if (m->person_id > 0)
    {
      g_string_append_printf (text, " — %s", dn_member_role_get_label (m->role));
      if (m->position[0] != '\0')
        g_string_append_printf (text, ", %s", m->position);
      if (m->passport_number[0] != '\0')
        /* Translators: a member's passport, after the name and role */
        g_string_append_printf (text, _(", passport %s"), m->passport_number);
    }
  else
    {
      const char *country = m->guest_nationality[0] != '\0' ? dn_country_name (m->guest_nationality) : NULL;

      if (country != NULL)
        g_string_append_printf (text, " (%s)", country);
      if (m->position[0] != '\0')
        g_string_append_printf (text, " — %s", m->position);
      if (m->guest_organisation[0] != '\0')
        g_string_append_printf (text, ", %s", m->guest_organisation);
      if (m->guest_passport[0] != '\0')
        g_string_append_printf (text, _(", passport %s"), m->guest_passport);
    }
  return g_string_free (text, FALSE);
}

static void
show_members (DnDelegationEditor *self)
{
  clear_list (self->members_list);
  for (guint i = 0; i < self->members->len; i++)
    {
      g_autofree char *text = describe_member (self->members->pdata[i]);

      gtk_list_box_append (self->members_list,
                           list_row (text, _("Remove the member"), G_CALLBACK (on_remove_member_cb), self,
                                     self->members->pdata[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), self->members->len > 0);
}

guint
dn_delegation_editor_get_n_members (DnDelegationEditor *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_EDITOR (self), 0);
  return self->members->len;
}

gboolean
dn_delegation_editor_add_member (DnDelegationEditor *self,
                                 gint64              person_id,
                                 DnMemberRole        role,
                                 gint64              passport_id)
{
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  g_autoptr(DnPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  DnDelegationMember *member;

  g_return_val_if_fail (DN_IS_DELEGATION_EDITOR (self), FALSE);
  for (guint i = 0; i < self->members->len; i++)
    if (DN_DELEGATION_MEMBER (self->members->pdata[i])->person_id == person_id)
      {
        dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("This person is already a member of the delegation."),
                                   GTK_WIDGET (self->person_chooser));
        return FALSE;
      }
  person = dn_store_get_person (store, person_id, &error);
  if (person == NULL)
    {
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), error->message, GTK_WIDGET (self->person_chooser));
      return FALSE;
    }
  member = dn_delegation_member_new ();
  member->person_id = person_id;
  member->role = role;
  member->passport_id = passport_id;
  g_free (member->name);
  member->name = dn_person_dup_full_name (person);
  g_free (member->position);
  member->position = g_strdup (person->position);
  if (self->position_entry != NULL && gtk_entry_get_text_length (self->position_entry) > 0)
    dn_page_editor_read_entry (&member->position, self->position_entry);
  if (self->grade_entry != NULL)
    dn_page_editor_read_entry (&member->grade, self->grade_entry);
  if (passport_id > 0)
    {
      g_autoptr(GPtrArray) passports = dn_store_list_member_passports (store, person_id, NULL);

      for (guint i = 0; passports != NULL && i < passports->len; i++)
        if (DN_PASSPORT (passports->pdata[i])->id == passport_id)
          {
            g_free (member->passport_number);
            member->passport_number = g_strdup (DN_PASSPORT (passports->pdata[i])->number);
          }
    }
  g_ptr_array_add (self->members, member);
  show_members (self);
  dn_form_dialog_clear_error (DN_FORM_DIALOG (self));
  return TRUE;
}

/* The passports of the person chosen, to choose the one used. */
static void
on_person_changed_cb (DnDelegationEditor *self)
{
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  gint64 person_id = dn_chooser_get_id (self->person_chooser);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->passports, g_ptr_array_unref);
  gtk_string_list_append (labels, _("No passport chosen"));
  if (store != NULL && person_id > 0)
    self->passports = dn_store_list_member_passports (store, person_id, NULL);
  for (guint i = 0; self->passports != NULL && i < self->passports->len; i++)
    {
      DnPassport *passport = self->passports->pdata[i];
      g_autofree char *expiry = dn_date_format_short (&passport->expiry_date);
      g_autofree char *label = g_strdup_printf (_("%s — %s, valid until %s"), passport->number,
                                                dn_passport_kind_get_label (passport->kind), expiry);

      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (self->passport_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->passport_dropdown, self->passports != NULL && self->passports->len > 0 ? 1 : 0);
}

static void
on_add_member_cb (DnDelegationEditor *self)
{
  gint64 person_id = dn_chooser_get_id (self->person_chooser);
  guint passport = gtk_drop_down_get_selected (self->passport_dropdown);
  gint64 passport_id = 0;

  if (person_id <= 0)
    {
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Choose one of the staff first."),
                                 GTK_WIDGET (self->person_chooser));
      return;
    }
  if (passport > 0 && passport != GTK_INVALID_LIST_POSITION && self->passports != NULL &&
      passport <= self->passports->len)
    passport_id = DN_PASSPORT (self->passports->pdata[passport - 1])->id;
  if (dn_delegation_editor_add_member (self, person_id,
                                       (DnMemberRole) MIN (gtk_drop_down_get_selected (self->role_dropdown),
                                                           DN_MEMBER_ROLE_N - 1),
                                       passport_id))
    {
      dn_chooser_set_id (self->person_chooser, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->position_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->grade_entry), "");
    }
}

/* Guests */

static void
on_add_guest_cb (DnDelegationEditor *self)
{
  DnDelegationMember *guest = dn_delegation_member_new ();

  dn_page_editor_read_entry (&guest->name, self->guest_name_entry);
  if (guest->name[0] == '\0')
    {
      g_object_unref (guest);
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Type the guest's name."),
                                 GTK_WIDGET (self->guest_name_entry));
      return;
    }
  dn_page_editor_read_entry (&guest->guest_nationality, self->guest_nationality_entry);
  dn_page_editor_read_entry (&guest->guest_passport, self->guest_passport_entry);
  dn_page_editor_read_entry (&guest->guest_organisation, self->guest_organisation_entry);
  dn_page_editor_read_entry (&guest->position, self->position_entry);
  g_ptr_array_add (self->members, guest);
  show_members (self);
  gtk_editable_set_text (GTK_EDITABLE (self->guest_name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->guest_passport_entry), "");
  dn_form_dialog_clear_error (DN_FORM_DIALOG (self));
}

gboolean
dn_delegation_editor_paste_guests (DnDelegationEditor *self,
                                   const char         *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) guests = NULL;

  g_return_val_if_fail (DN_IS_DELEGATION_EDITOR (self), FALSE);
  guests = dn_guest_list_parse (text, &error);
  if (guests == NULL)
    {
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), error->message, GTK_WIDGET (self->paste_view));
      return FALSE;
    }
  for (guint i = 0; i < guests->len; i++)
    g_ptr_array_add (self->members, g_object_ref (guests->pdata[i]));
  show_members (self);
  dn_form_dialog_clear_error (DN_FORM_DIALOG (self));
  return TRUE;
}

static void
on_paste_guests_cb (DnDelegationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paste_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (dn_delegation_editor_paste_guests (self, text))
    gtk_text_buffer_set_text (buffer, "", -1);
}

/* Programme */

static void show_programme (DnDelegationEditor *self);

static void
on_remove_item_cb (GtkButton          *button,
                   DnDelegationEditor *self)
{
  DnProgrammeItem *item = g_object_get_data (G_OBJECT (button), "dn-item");

  if (item->id > 0)
    g_array_append_val (self->removed_items, item->id);
  g_ptr_array_remove (self->programme, item);
  show_programme (self);
}

static void
show_programme (DnDelegationEditor *self)
{
  clear_list (self->programme_list);
  for (guint i = 0; i < self->programme->len; i++)
    {
      DnProgrammeItem *item = self->programme->pdata[i];
      g_autofree char *day = dn_date_format_short (&item->day);
      GString *text = g_string_new (day);
      g_autofree char *line = NULL;

      if (item->time[0] != '\0')
        g_string_append_printf (text, " %s", item->time);
      g_string_append_printf (text, " — %s", item->description);
      if (item->place[0] != '\0')
        g_string_append_printf (text, " (%s)", item->place);
      line = g_string_free (text, FALSE);
      gtk_list_box_append (self->programme_list,
                           list_row (line, _("Remove the programme item"), G_CALLBACK (on_remove_item_cb), self,
                                     item));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->programme_list), self->programme->len > 0);
}

static void
on_add_item_cb (DnDelegationEditor *self)
{
  DnProgrammeItem *item = dn_programme_item_new ();

  if (!dn_date_entry_get_date (self->item_day_entry, &item->day))
    {
      g_object_unref (item);
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Type the day of the programme item."),
                                 GTK_WIDGET (self->item_day_entry));
      return;
    }
  dn_page_editor_read_entry (&item->description, self->item_description_entry);
  if (item->description[0] == '\0')
    {
      g_object_unref (item);
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Say what the programme item is."),
                                 GTK_WIDGET (self->item_description_entry));
      return;
    }
  dn_page_editor_read_entry (&item->time, self->item_time_entry);
  dn_page_editor_read_entry (&item->place, self->item_place_entry);
  g_ptr_array_add (self->programme, item);
  show_programme (self);
  gtk_editable_set_text (GTK_EDITABLE (self->item_description_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->item_time_entry), "");
  dn_form_dialog_clear_error (DN_FORM_DIALOG (self));
}

static void
build_form (DnDelegationEditor *self)
{
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  gboolean out = self->direction == DN_DELEGATION_OUTBOUND;
  GtkGrid *grid = self->main_grid;
  GtkWidget *box;
  int row = 0;

  self->title_entry = new_entry ();
  labelled (grid, row++, 0, _("_Name"), _("Name of the delegation"), GTK_WIDGET (self->title_entry));
  gtk_widget_set_name (GTK_WIDGET (self->title_entry), "delegation-title");
  self->purpose_entry = new_entry ();
  labelled (grid, row++, 0, _("_Purpose"), _("Purpose"), GTK_WIDGET (self->purpose_entry));
  self->inviting_entry = new_entry ();
  labelled (grid, row++, 0, out ? _("_Inviting party") : _("_Foreign organisation"),
            out ? _("Inviting party") : _("Foreign organisation"), GTK_WIDGET (self->inviting_entry));
  self->start_entry = DN_DATE_ENTRY (dn_date_entry_new ());
  labelled (grid, row++, 0, out ? _("_Leaves on") : _("_Arrives on"), _("Start date"), GTK_WIDGET (self->start_entry));
  self->end_entry = DN_DATE_ENTRY (dn_date_entry_new ());
  labelled (grid, row++, 0, out ? _("_Back on") : _("Lea_ves on"), _("End date"), GTK_WIDGET (self->end_entry));
  self->funding_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  dn_ui_drop_down_set_enum (self->funding_dropdown, DN_FUNDING_N, G_CALLBACK (dn_funding_source_get_label));
  labelled (grid, row++, 0, _("_Funding"), _("Funding source"), GTK_WIDGET (self->funding_dropdown));
  self->budget_entry = new_entry ();
  gtk_entry_set_input_purpose (self->budget_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_placeholder_text (self->budget_entry, _("in đồng; may be empty"));
  labelled (grid, row++, 0, _("_Budget"), _("Budget"), GTK_WIDGET (self->budget_entry));
  self->in_plan_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("In the year's external-affairs _plan")));
  gtk_check_button_set_active (self->in_plan_check, TRUE);
  gtk_grid_attach (grid, GTK_WIDGET (self->in_plan_check), 1, row++, 1, 1);
  self->proposal_chooser = DN_CHOOSER (dn_document_chooser_new (store));
  dn_chooser_set_none_label (self->proposal_chooser, _("None"));
  labelled (grid, row++, 0, out ? _("Đề á_n") : _("_Programme document"), _("Proposal document"),
            GTK_WIDGET (self->proposal_chooser));
  self->decision_chooser = DN_CHOOSER (dn_document_chooser_new (store));
  dn_chooser_set_none_label (self->decision_chooser, _("None"));
  labelled (grid, row++, 0, out ? _("_Sending decision") : _("Appro_val"), _("Decision"),
            GTK_WIDGET (self->decision_chooser));

  /* countries */
  self->country_chooser = DN_CHOOSER (dn_country_chooser_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->country_chooser), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->country_chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Country"), -1);
  self->days_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 366, 1));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->days_spin), _("Days in the country (0: not stated)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->days_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Days in the country"), -1);
  gtk_box_append (self->country_row, GTK_WIDGET (self->country_chooser));
  gtk_box_append (self->country_row, GTK_WIDGET (self->days_spin));
  gtk_box_append (self->country_row, add_button (_("Add _Country"), _("Add the country"),
                                                 G_CALLBACK (on_add_country_cb), self));

  /* members or guests */
  gtk_label_set_text (self->members_heading, out ? _("Members") : _("Guests"));
  self->position_entry = new_entry ();
  gtk_entry_set_activates_default (self->position_entry, FALSE);
  if (out)
    {
      self->person_chooser = DN_CHOOSER (dn_person_chooser_new (store));
      g_signal_connect_swapped (self->person_chooser, "changed", G_CALLBACK (on_person_changed_cb), self);
      labelled (self->member_grid, 0, 0, _("_Staff member"), _("Staff member"), GTK_WIDGET (self->person_chooser));
      self->role_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      dn_ui_drop_down_set_enum (self->role_dropdown, DN_MEMBER_ROLE_N, G_CALLBACK (dn_member_role_get_label));
      gtk_drop_down_set_selected (self->role_dropdown, DN_MEMBER_MEMBER);
      labelled (self->member_grid, 0, 2, _("_Role"), _("Role in the delegation"), GTK_WIDGET (self->role_dropdown));
      self->passport_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      labelled (self->member_grid, 1, 0, _("Pa_ssport"), _("Passport used"), GTK_WIDGET (self->passport_dropdown));
      on_person_changed_cb (self);
      labelled (self->member_grid, 1, 2, _("P_osition"), _("Position of the member"),
                GTK_WIDGET (self->position_entry));
      gtk_entry_set_placeholder_text (self->position_entry, _("the person's own"));
      self->grade_entry = new_entry ();
      gtk_entry_set_activates_default (self->grade_entry, FALSE);
      gtk_entry_set_placeholder_text (self->grade_entry, _("e.g. 01.003"));
      labelled (self->member_grid, 2, 0, _("_Grade"), _("Civil-service grade"), GTK_WIDGET (self->grade_entry));
      gtk_grid_attach (self->member_grid, add_button (_("Add _Member"), _("Add the member"),
                                                      G_CALLBACK (on_add_member_cb), self), 3, 2, 1, 1);
      gtk_widget_set_visible (GTK_WIDGET (self->inbound_box), FALSE);
      return;
    }

  self->guest_name_entry = new_entry ();
  gtk_entry_set_activates_default (self->guest_name_entry, FALSE);
  labelled (self->member_grid, 0, 0, _("Guest's _name"), _("Guest's name"), GTK_WIDGET (self->guest_name_entry));
  self->guest_nationality_entry = new_entry ();
  gtk_entry_set_placeholder_text (self->guest_nationality_entry, _("e.g. KR"));
  labelled (self->member_grid, 0, 2, _("Na_tionality"), _("Guest's nationality"),
            GTK_WIDGET (self->guest_nationality_entry));
  self->guest_passport_entry = new_entry ();
  labelled (self->member_grid, 1, 0, _("Pa_ssport"), _("Guest's passport"), GTK_WIDGET (self->guest_passport_entry));
  self->guest_organisation_entry = new_entry ();
  labelled (self->member_grid, 1, 2, _("Or_ganisation"), _("Guest's organisation"),
            GTK_WIDGET (self->guest_organisation_entry));
  labelled (self->member_grid, 2, 0, _("P_osition"), _("Guest's position"), GTK_WIDGET (self->position_entry));
  gtk_grid_attach (self->member_grid, add_button (_("Add _Guest"), _("Add the guest"), G_CALLBACK (on_add_guest_cb),
                                                  self), 3, 2, 1, 1);

  /* a table pasted from a spreadsheet */
  self->paste_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_monospace (self->paste_view, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->paste_view), -1, 60);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paste_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Guest list to paste"), -1);
  box = gtk_label_new (_("Or paste the guest list from a spreadsheet: name, nationality, passport, organisation, "
                         "position (one guest a row)."));
  gtk_label_set_wrap (GTK_LABEL (box), TRUE);
  gtk_label_set_xalign (GTK_LABEL (box), 0);
  gtk_widget_add_css_class (box, "dim-label");
  gtk_box_append (self->inbound_box, box);
  box = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (box), GTK_WIDGET (self->paste_view));
  gtk_box_append (self->inbound_box, box);
  box = add_button (_("Add Guests From _Table"), _("Add the pasted guests"), G_CALLBACK (on_paste_guests_cb), self);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_box_append (self->inbound_box, box);

  /* informed */
  {
    GtkGrid *informed = GTK_GRID (gtk_grid_new ());

    gtk_grid_set_column_spacing (informed, 12);
    gtk_grid_set_row_spacing (informed, 8);
    self->police_entry = DN_DATE_ENTRY (dn_date_entry_new ());
    labelled (informed, 0, 0, _("Provincial _police informed on"), _("Day the provincial police were informed"),
              GTK_WIDGET (self->police_entry));
    self->foreign_affairs_entry = DN_DATE_ENTRY (dn_date_entry_new ());
    labelled (informed, 1, 0, _("Department of Foreign _Affairs informed on"),
              _("Day the Department of Foreign Affairs was informed"), GTK_WIDGET (self->foreign_affairs_entry));
    gtk_box_append (self->inbound_box, GTK_WIDGET (informed));
  }

  /* programme */
  {
    GtkWidget *heading = gtk_label_new (_("Programme"));
    GtkGrid *items = GTK_GRID (gtk_grid_new ());

    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "heading");
    gtk_box_append (self->inbound_box, heading);
    gtk_grid_set_column_spacing (items, 6);
    gtk_grid_set_row_spacing (items, 6);
    self->item_day_entry = DN_DATE_ENTRY (dn_date_entry_new ());
    labelled (items, 0, 0, _("_Day"), _("Day of the programme item"), GTK_WIDGET (self->item_day_entry));
    self->item_time_entry = new_entry ();
    gtk_entry_set_placeholder_text (self->item_time_entry, _("e.g. 08:00–11:00"));
    labelled (items, 0, 2, _("_Time"), _("Time of the programme item"), GTK_WIDGET (self->item_time_entry));
    self->item_description_entry = new_entry ();
    gtk_entry_set_activates_default (self->item_description_entry, FALSE);
    labelled (items, 1, 0, _("_What"), _("What the programme item is"), GTK_WIDGET (self->item_description_entry));
    self->item_place_entry = new_entry ();
    labelled (items, 1, 2, _("Pla_ce"), _("Place of the programme item"), GTK_WIDGET (self->item_place_entry));
    gtk_grid_attach (items, add_button (_("Add _Item"), _("Add the programme item"), G_CALLBACK (on_add_item_cb),
                                        self), 3, 2, 1, 1);
    gtk_box_append (self->inbound_box, GTK_WIDGET (items));
    self->programme_list = GTK_LIST_BOX (gtk_list_box_new ());
    gtk_list_box_set_selection_mode (self->programme_list, GTK_SELECTION_NONE);
    gtk_widget_add_css_class (GTK_WIDGET (self->programme_list), "boxed-list");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->programme_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Programme of the visit"), -1);
    gtk_box_append (self->inbound_box, GTK_WIDGET (self->programme_list));
  }
}

/*
 * Saving
 */

static gboolean
read_form (DnDelegationEditor  *self,
           DnDelegation        *d)
{
  g_autofree char *budget = NULL;

  d->direction = self->direction;
  dn_page_editor_read_entry (&d->title, self->title_entry);
  dn_page_editor_read_entry (&d->purpose, self->purpose_entry);
  dn_page_editor_read_entry (&d->inviting_party, self->inviting_entry);
  if (!dn_date_entry_get_date (self->start_entry, &d->start_date))
    {
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Type the first day, for example 10/03/2025."),
                                 GTK_WIDGET (self->start_entry));
      return FALSE;
    }
  if (!dn_date_entry_get_date (self->end_entry, &d->end_date))
    {
      dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Type the last day, for example 16/03/2025."),
                                 GTK_WIDGET (self->end_entry));
      return FALSE;
    }
  d->funding = (DnFundingSource) MIN (gtk_drop_down_get_selected (self->funding_dropdown), DN_FUNDING_N - 1);
  dn_page_editor_read_entry (&budget, self->budget_entry);
  d->budget = -1;
  if (budget[0] != '\0')
    {
      guint64 value = 0;
      g_autofree char *digits = g_strdup (budget);
      char *to = digits;

      /* "150.000.000" as offices write it */
      for (const char *from = budget; *from != '\0'; from++)
        if (*from != '.' && *from != ' ' && *from != ',')
          *to++ = *from;
      *to = '\0';
      if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT64, &value, NULL))
        {
          dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("The budget is a number of đồng, for example 150.000.000."),
                                     GTK_WIDGET (self->budget_entry));
          return FALSE;
        }
      d->budget = (gint64) value;
    }
  d->in_plan = gtk_check_button_get_active (self->in_plan_check);
  d->proposal_document_id = dn_chooser_get_id (self->proposal_chooser);
  d->decision_document_id = dn_chooser_get_id (self->decision_chooser);
  if (self->direction == DN_DELEGATION_INBOUND)
    {
      if (!dn_date_entry_get_date (self->police_entry, &d->police_informed_on))
        g_date_clear (&d->police_informed_on, 1);
      if (!dn_date_entry_get_date (self->foreign_affairs_entry, &d->foreign_affairs_informed_on))
        g_date_clear (&d->foreign_affairs_informed_on, 1);
    }
  return TRUE;
}

static gboolean
write_all (DnDelegationEditor  *self,
           DnStore             *store,
           DnDelegation        *d,
           GError             **error)
{
  if (!(self->id == 0 ? dn_store_add_delegation (store, d, self->countries, self->confirmed, error)
                      : dn_store_update_delegation (store, d, self->countries, self->confirmed, error)))
    return FALSE;
  for (guint i = 0; i < self->removed_members->len; i++)
    if (!dn_store_remove_delegation_member (store, g_array_index (self->removed_members, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < self->members->len; i++)
    {
      DnDelegationMember *m = self->members->pdata[i];

      if (m->id > 0)
        continue;
      m->delegation_id = d->id;
      if (!dn_store_add_delegation_member (store, m, self->confirmed, error))
        return FALSE;
    }
  for (guint i = 0; i < self->removed_items->len; i++)
    if (!dn_store_delete_programme_item (store, g_array_index (self->removed_items, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < self->programme->len; i++)
    {
      DnProgrammeItem *item = self->programme->pdata[i];

      if (item->id > 0)
        continue;
      item->delegation_id = d->id;
      if (!dn_store_add_programme_item (store, item, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
dn_delegation_editor_apply (DnFormDialog  *dialog,
                            GError       **apply_error)
{
  DnDelegationEditor *self = DN_DELEGATION_EDITOR (dialog);
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  g_autoptr(DnDelegation) d = self->original != NULL ? g_object_ref (self->original) : dn_delegation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  gboolean ok;

  if (!read_form (self, d))
    return FALSE;
  /* the records added on this try: on failure they are new again */
  for (guint i = 0; i < self->members->len; i++)
    if (DN_DELEGATION_MEMBER (self->members->pdata[i])->id == 0)
      g_ptr_array_add (added, self->members->pdata[i]);
  if (!dn_store_begin (store, &error))
    {
      dn_form_dialog_show_error (dialog, error->message, NULL);
      return FALSE;
    }
  ok = write_all (self, store, d, &error);
  if (ok)
    ok = dn_store_commit (store, &error);
  else
    dn_store_rollback (store);
  if (!ok)
    {
      for (guint i = 0; i < added->len; i++)
        DN_DELEGATION_MEMBER (added->pdata[i])->id = 0;
      for (guint i = 0; i < self->programme->len; i++)
        {
          DnProgrammeItem *item = self->programme->pdata[i];
          gboolean was_there = FALSE;

          /* items read from the store keep their ids; those added here do not */
          if (self->original != NULL)
            was_there = item->delegation_id == self->original->id && g_object_get_data (G_OBJECT (item), "dn-read");
          if (!was_there)
            item->id = 0;
        }
      if (self->id == 0)
        d->id = 0;
      if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
        {
          g_autofree char *message = g_strdup_printf (_("%s Save again to go ahead."), error->message);

          self->confirmed = TRUE;
          dn_form_dialog_set_save_label (dialog, _("Save _Anyway"));
          dn_form_dialog_show_error (dialog, message, NULL);
          return FALSE;
        }
      dn_form_dialog_show_error (dialog, error->message,
                                 g_date_compare (&d->end_date, &d->start_date) < 0 ? GTK_WIDGET (self->end_entry)
                                 : d->title[0] == '\0' ? GTK_WIDGET (self->title_entry) : NULL);
      return FALSE;
    }
  dn_page_editor_saved (DN_PAGE_EDITOR (self), d->id);
  return TRUE;
}

/*
 * GObject
 */

static void
dn_delegation_editor_dispose (GObject *object)
{
  DnDelegationEditor *self = DN_DELEGATION_EDITOR (object);

  g_clear_object (&self->original);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->removed_members, g_array_unref);
  g_clear_pointer (&self->programme, g_ptr_array_unref);
  g_clear_pointer (&self->removed_items, g_array_unref);
  g_clear_pointer (&self->passports, g_ptr_array_unref);
  G_OBJECT_CLASS (dn_delegation_editor_parent_class)->dispose (object);
}

static void
dn_delegation_editor_class_init (DnDelegationEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_delegation_editor_dispose;
  dn_page_editor_class_set_template (DN_PAGE_EDITOR_CLASS (klass), "dn-delegation-editor.ui",
                                     dn_delegation_editor_apply);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDelegationEditor, form_box, main_grid, country_row, countries_list,
                             members_heading, member_grid, members_list, inbound_box);
}

static void
dn_delegation_editor_init (DnDelegationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->countries = g_ptr_array_new_with_free_func (g_object_unref);
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_members = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->programme = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_items = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWindow *
dn_delegation_editor_new (DnStore                *store,
                          DnDelegationDirection   direction,
                          gint64                  id,
                          GError                **error)
{
  DnDelegationEditor *self;
  g_autoptr(DnDelegation) d = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) programme = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  if (id > 0)
    {
      if ((d = dn_store_get_delegation (store, id, error)) == NULL ||
          (countries = dn_store_list_delegation_countries (store, id, error)) == NULL ||
          (members = dn_store_list_delegation_members (store, id, error)) == NULL ||
          (programme = dn_store_list_programme (store, id, error)) == NULL)
        return NULL;
      direction = d->direction;
    }

  self = g_object_new (DN_TYPE_DELEGATION_EDITOR, NULL);
  dn_page_editor_set_store (DN_PAGE_EDITOR (self), store);
  self->direction = direction;
  self->id = id > 0 ? id : 0;
  gtk_widget_set_name (GTK_WIDGET (self), "delegation-editor");
  gtk_window_set_title (GTK_WINDOW (self),
                        id > 0 ? _("Edit Delegation")
                        : direction == DN_DELEGATION_OUTBOUND ? _("New Outbound Delegation")
                                                              : _("New Inbound Delegation"));
  dn_form_dialog_set_save_label (DN_FORM_DIALOG (self), id > 0 ? _("_Save") : _("_Add"));
  build_form (self);
  if (d != NULL)
    {
      g_autofree char *budget = d->budget >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, d->budget) : g_strdup ("");

      self->original = g_object_ref (d);
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), d->title);
      gtk_editable_set_text (GTK_EDITABLE (self->purpose_entry), d->purpose);
      gtk_editable_set_text (GTK_EDITABLE (self->inviting_entry), d->inviting_party);
      dn_date_entry_set_date (self->start_entry, &d->start_date);
      dn_date_entry_set_date (self->end_entry, &d->end_date);
      gtk_drop_down_set_selected (self->funding_dropdown, d->funding);
      gtk_editable_set_text (GTK_EDITABLE (self->budget_entry), budget);
      gtk_check_button_set_active (self->in_plan_check, d->in_plan);
      dn_chooser_set_id (self->proposal_chooser, d->proposal_document_id);
      dn_chooser_set_id (self->decision_chooser, d->decision_document_id);
      if (direction == DN_DELEGATION_INBOUND)
        {
          dn_date_entry_set_date (self->police_entry, &d->police_informed_on);
          dn_date_entry_set_date (self->foreign_affairs_entry, &d->foreign_affairs_informed_on);
        }
      for (guint i = 0; i < countries->len; i++)
        g_ptr_array_add (self->countries, g_object_ref (countries->pdata[i]));
      for (guint i = 0; i < members->len; i++)
        g_ptr_array_add (self->members, g_object_ref (members->pdata[i]));
      for (guint i = 0; i < programme->len; i++)
        {
          g_object_set_data (G_OBJECT (programme->pdata[i]), "dn-read", GINT_TO_POINTER (1));
          g_ptr_array_add (self->programme, g_object_ref (programme->pdata[i]));
        }
    }
  show_countries (self);
  show_members (self);
  if (self->programme_list != NULL)
    show_programme (self);
  return GTK_WINDOW (self);
}
