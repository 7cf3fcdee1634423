/* dn-delegation-members.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-members"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-country.h"
#include "dn-date.h"
#include "dn-delegation-form.h"
#include "dn-delegation-members.h"
#include "dn-guest-list.h"
#include "dn-page-editor.h"
#include "dn-person-chooser.h"
#include "dn-ui.h"

struct _DnDelegationMembers
{
  DnDelegationPart parent_instance;

  DnStore     *store;
  GPtrArray   *passports;        /* of the person chosen */

  /* Template widgets */
  GtkLabel    *members_heading;
  GtkGrid     *member_grid;
  GtkListBox  *members_list;
  GtkBox      *paste_box;
  GtkTextView *paste_view;

  /* made here */
  DnChooser   *person_chooser;
  GtkDropDown *role_dropdown;
  GtkDropDown *passport_dropdown;
  GtkEntry    *position_entry;
  GtkEntry    *grade_entry;
  GtkEntry    *guest_name_entry;
  GtkEntry    *guest_nationality_entry;
  GtkEntry    *guest_passport_entry;
  GtkEntry    *guest_organisation_entry;
};

G_DEFINE_FINAL_TYPE (DnDelegationMembers, dn_delegation_members, DN_TYPE_DELEGATION_PART)

static void
show_error (DnDelegationMembers *self,
            const char          *message,
            gpointer             field)
{
  dn_form_dialog_show_error (dn_delegation_part_get_dialog (DN_DELEGATION_PART (self)), message, field);
}

char *
dn_delegation_members_describe (DnDelegationMember *m,
                                gboolean            in_full)
{
  GString *text = g_string_new (m->name);

  if (m->person_id > 0)
    {
      g_string_append_printf (text, " — %s", dn_member_role_get_label (m->role));
      if (m->position[0] != '\0')
        g_string_append_printf (text, ", %s", m->position);
      if (in_full && m->unit_name[0] != '\0')
        g_string_append_printf (text, ", %s", m->unit_name);
      if (in_full && m->grade[0] != '\0')
        g_string_append_printf (text, _(", grade %s"), m->grade);
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

static char *
describe_member (gpointer member)
{
  return dn_delegation_members_describe (member, FALSE);
}

/* Staff */

gboolean
dn_delegation_members_add_member (DnDelegationMembers *self,
                                  gint64               person_id,
                                  DnMemberRole         role,
                                  gint64               passport_id)
{
  g_autoptr(DnPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  DnDelegationMember *member;

  g_return_val_if_fail (DN_IS_DELEGATION_MEMBERS (self), FALSE);
  GPtrArray *members = dn_delegation_part_get_records (DN_DELEGATION_PART (self));

  for (guint i = 0; i < members->len; i++)
    if (DN_DELEGATION_MEMBER (members->pdata[i])->person_id == person_id)
      {
        show_error (self, _("This person is already a member of the delegation."), self->person_chooser);
        return FALSE;
      }
  person = dn_store_get_person (self->store, person_id, &error);
  if (person == NULL)
    {
      show_error (self, error->message, self->person_chooser);
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
      g_autoptr(GPtrArray) passports = dn_store_list_member_passports (self->store, person_id, NULL);

      for (guint i = 0; passports != NULL && i < passports->len; i++)
        if (DN_PASSPORT (passports->pdata[i])->id == passport_id)
          {
            g_free (member->passport_number);
            member->passport_number = g_strdup (DN_PASSPORT (passports->pdata[i])->number);
          }
    }
  dn_delegation_part_add (DN_DELEGATION_PART (self), member);
  dn_form_dialog_clear_error (dn_delegation_part_get_dialog (DN_DELEGATION_PART (self)));
  return TRUE;
}

/* The passports of the person chosen, to choose the one used. */
static void
on_person_changed_cb (DnDelegationMembers *self)
{
  gint64 person_id = dn_chooser_get_id (self->person_chooser);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->passports, g_ptr_array_unref);
  gtk_string_list_append (labels, _("No passport chosen"));
  if (self->store != NULL && person_id > 0)
    self->passports = dn_store_list_member_passports (self->store, person_id, NULL);
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
on_add_member_cb (DnDelegationMembers *self)
{
  gint64 person_id = dn_chooser_get_id (self->person_chooser);
  guint passport = gtk_drop_down_get_selected (self->passport_dropdown);
  gint64 passport_id = 0;

  if (person_id <= 0)
    {
      show_error (self, _("Choose one of the staff first."), self->person_chooser);
      return;
    }
  if (passport > 0 && passport != GTK_INVALID_LIST_POSITION && self->passports != NULL &&
      passport <= self->passports->len)
    passport_id = DN_PASSPORT (self->passports->pdata[passport - 1])->id;
  if (dn_delegation_members_add_member (self, person_id,
                                        (DnMemberRole) MIN (gtk_drop_down_get_selected (self->role_dropdown),
                                                            DN_MEMBER_ROLE_N - 1),
                                        passport_id))
    {
      dn_chooser_set_id (self->person_chooser, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->position_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->grade_entry), "");
    }
}

static void
build_staff_form (DnDelegationMembers *self)
{
  GtkGrid *grid = self->member_grid;

  self->person_chooser = DN_CHOOSER (dn_person_chooser_new (self->store));
  g_signal_connect_swapped (self->person_chooser, "changed", G_CALLBACK (on_person_changed_cb), self);
  dn_delegation_form_labelled (grid, 0, 0, _("_Staff member"), _("Staff member"), GTK_WIDGET (self->person_chooser));
  self->role_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  dn_ui_drop_down_set_enum (self->role_dropdown, DN_MEMBER_ROLE_N, G_CALLBACK (dn_member_role_get_label));
  gtk_drop_down_set_selected (self->role_dropdown, DN_MEMBER_MEMBER);
  dn_delegation_form_labelled (grid, 0, 2, _("_Role"), _("Role in the delegation"),
                               GTK_WIDGET (self->role_dropdown));
  self->passport_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  dn_delegation_form_labelled (grid, 1, 0, _("Pa_ssport"), _("Passport used"), GTK_WIDGET (self->passport_dropdown));
  on_person_changed_cb (self);
  dn_delegation_form_labelled (grid, 1, 2, _("P_osition"), _("Position of the member"),
                               GTK_WIDGET (self->position_entry));
  gtk_entry_set_placeholder_text (self->position_entry, _("the person's own"));
  self->grade_entry = dn_delegation_form_entry (FALSE);
  gtk_entry_set_placeholder_text (self->grade_entry, _("e.g. 01.003"));
  dn_delegation_form_labelled (grid, 2, 0, _("_Grade"), _("Civil-service grade"), GTK_WIDGET (self->grade_entry));
  gtk_grid_attach (grid, dn_delegation_form_button (_("Add _Member"), _("Add the member"),
                                                    G_CALLBACK (on_add_member_cb), self), 3, 2, 1, 1);
}

/* Guests */

static void
on_add_guest_cb (DnDelegationMembers *self)
{
  DnDelegationMember *guest = dn_delegation_member_new ();

  dn_page_editor_read_entry (&guest->name, self->guest_name_entry);
  if (guest->name[0] == '\0')
    {
      g_object_unref (guest);
      show_error (self, _("Type the guest's name."), self->guest_name_entry);
      return;
    }
  dn_page_editor_read_entry (&guest->guest_nationality, self->guest_nationality_entry);
  dn_page_editor_read_entry (&guest->guest_passport, self->guest_passport_entry);
  dn_page_editor_read_entry (&guest->guest_organisation, self->guest_organisation_entry);
  dn_page_editor_read_entry (&guest->position, self->position_entry);
  dn_delegation_part_add (DN_DELEGATION_PART (self), guest);
  gtk_editable_set_text (GTK_EDITABLE (self->guest_name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->guest_passport_entry), "");
  dn_form_dialog_clear_error (dn_delegation_part_get_dialog (DN_DELEGATION_PART (self)));
}

gboolean
dn_delegation_members_paste_guests (DnDelegationMembers *self,
                                    const char          *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) guests = NULL;

  g_return_val_if_fail (DN_IS_DELEGATION_MEMBERS (self), FALSE);
  guests = dn_guest_list_parse (text, &error);
  if (guests == NULL)
    {
      show_error (self, error->message, self->paste_view);
      return FALSE;
    }
  for (guint i = 0; i < guests->len; i++)
    dn_delegation_part_add (DN_DELEGATION_PART (self), g_object_ref (guests->pdata[i]));
  dn_form_dialog_clear_error (dn_delegation_part_get_dialog (DN_DELEGATION_PART (self)));
  return TRUE;
}

static void
on_paste_guests_cb (DnDelegationMembers *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paste_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (dn_delegation_members_paste_guests (self, text))
    gtk_text_buffer_set_text (buffer, "", -1);
}

static void
build_guest_form (DnDelegationMembers *self)
{
  GtkGrid *grid = self->member_grid;

  self->guest_name_entry = dn_delegation_form_entry (FALSE);
  dn_delegation_form_labelled (grid, 0, 0, _("Guest's _name"), _("Guest's name"),
                               GTK_WIDGET (self->guest_name_entry));
  self->guest_nationality_entry = dn_delegation_form_entry (TRUE);
  gtk_entry_set_placeholder_text (self->guest_nationality_entry, _("e.g. KR"));
  dn_delegation_form_labelled (grid, 0, 2, _("Na_tionality"), _("Guest's nationality"),
                               GTK_WIDGET (self->guest_nationality_entry));
  self->guest_passport_entry = dn_delegation_form_entry (TRUE);
  dn_delegation_form_labelled (grid, 1, 0, _("Pa_ssport"), _("Guest's passport"),
                               GTK_WIDGET (self->guest_passport_entry));
  self->guest_organisation_entry = dn_delegation_form_entry (TRUE);
  dn_delegation_form_labelled (grid, 1, 2, _("Or_ganisation"), _("Guest's organisation"),
                               GTK_WIDGET (self->guest_organisation_entry));
  dn_delegation_form_labelled (grid, 2, 0, _("P_osition"), _("Guest's position"), GTK_WIDGET (self->position_entry));
  gtk_grid_attach (grid, dn_delegation_form_button (_("Add _Guest"), _("Add the guest"), G_CALLBACK (on_add_guest_cb),
                                                    self), 3, 2, 1, 1);
  gtk_widget_set_visible (GTK_WIDGET (self->paste_box), TRUE);
}

/* GObject */

static void
dn_delegation_members_dispose (GObject *object)
{
  DnDelegationMembers *self = DN_DELEGATION_MEMBERS (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->passports, g_ptr_array_unref);
  G_OBJECT_CLASS (dn_delegation_members_parent_class)->dispose (object);
}

static void
dn_delegation_members_class_init (DnDelegationMembersClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_delegation_members_dispose;
  dn_delegation_part_class_set_template (DN_DELEGATION_PART_CLASS (klass), "dn-delegation-members.ui", describe_member);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDelegationMembers, members_heading, member_grid, members_list,
                             paste_box, paste_view);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_paste_guests_cb);
}

static void
dn_delegation_members_init (DnDelegationMembers *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dn_delegation_part_set_list (DN_DELEGATION_PART (self), self->members_list, _("Remove the member"));
}

GtkWidget *
dn_delegation_members_new (DnStore               *store,
                           DnDelegationDirection  direction)
{
  DnDelegationMembers *self = g_object_new (DN_TYPE_DELEGATION_MEMBERS, NULL);

  self->store = g_object_ref (store);
  gtk_label_set_text (self->members_heading, direction == DN_DELEGATION_OUTBOUND ? _("Members") : _("Guests"));
  self->position_entry = dn_delegation_form_entry (FALSE);
  if (direction == DN_DELEGATION_OUTBOUND)
    build_staff_form (self);
  else
    build_guest_form (self);
  return GTK_WIDGET (self);
}
