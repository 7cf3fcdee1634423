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
#include "dn-delegation-form.h"
#include "dn-delegation-members.h"
#include "dn-delegation-programme.h"
#include "dn-document-chooser.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"

struct _DnDelegationEditor
{
  DnPageEditor           parent_instance;

  DnDelegationDirection  direction;
  gint64                 id;          /* 0 when adding */
  DnDelegation          *original;    /* as read, for the fields not shown */
  GPtrArray             *countries;   /* DnDelegationCountry */

  /* Template widgets */
  GtkBox                *form_box;
  GtkGrid               *main_grid;
  GtkBox                *country_row;
  GtkListBox            *countries_list;
  GtkBox                *inbound_box;

  /* made here */
  GtkEntry              *title_entry;
  GtkEntry              *purpose_entry;
  GtkEntry              *inviting_entry;
  DnUnitChooser         *unit_chooser;
  DnDateEntry           *start_entry;
  DnDateEntry           *end_entry;
  GtkDropDown           *funding_dropdown;
  GtkEntry              *budget_entry;
  GtkCheckButton        *in_plan_check;
  DnChooser             *proposal_chooser;
  DnChooser             *decision_chooser;
  DnChooser             *country_chooser;
  GtkSpinButton         *days_spin;
  DnDelegationMembers   *members;
  DnDateEntry           *police_entry;
  DnDateEntry           *foreign_affairs_entry;
  DnDelegationProgramme *programme;     /* a visit's; NULL for a trip abroad */
};

G_DEFINE_FINAL_TYPE (DnDelegationEditor, dn_delegation_editor, DN_TYPE_PAGE_EDITOR)

/*
 * Building the form
 */

/* Countries */

static void show_countries (DnDelegationEditor *self);

static void
on_remove_country_cb (GtkButton          *button,
                      DnDelegationEditor *self)
{
  g_ptr_array_remove (self->countries, g_object_get_data (G_OBJECT (button), "dn-item"));
  show_countries (self);
}

static char *
describe_country (gpointer data)
{
  DnDelegationCountry *country = data;
  const char *name = dn_country_name (country->country_code);

  if (name == NULL)
    name = country->country_code;
  return country->days > 0
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u day", "%s, %u days", country->days), name,
                            country->days)
         : g_strdup (name);
}

static void
show_countries (DnDelegationEditor *self)
{
  dn_delegation_form_show_rows (self->countries_list, self->countries, describe_country, _("Remove the country"),
                                G_CALLBACK (on_remove_country_cb), self);
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

/* Members and programme: their own widgets */

guint
dn_delegation_editor_get_n_members (DnDelegationEditor *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_EDITOR (self), 0);
  return dn_delegation_part_get_records (DN_DELEGATION_PART (self->members))->len;
}

gboolean
dn_delegation_editor_add_member (DnDelegationEditor *self,
                                 gint64              person_id,
                                 DnMemberRole        role,
                                 gint64              passport_id)
{
  g_return_val_if_fail (DN_IS_DELEGATION_EDITOR (self), FALSE);
  return dn_delegation_members_add_member (self->members, person_id, role, passport_id);
}

void
dn_delegation_editor_set_unit (DnDelegationEditor *self,
                               gint64              unit_id)
{
  g_return_if_fail (DN_IS_DELEGATION_EDITOR (self));
  dn_unit_chooser_pick (self->unit_chooser, unit_id);
}

gboolean
dn_delegation_editor_paste_guests (DnDelegationEditor *self,
                                   const char         *text)
{
  g_return_val_if_fail (DN_IS_DELEGATION_EDITOR (self), FALSE);
  return dn_delegation_members_paste_guests (self->members, text);
}

static void
build_form (DnDelegationEditor *self)
{
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  gboolean out = self->direction == DN_DELEGATION_OUTBOUND;
  GtkGrid *grid = self->main_grid;
  int row = 0;

  self->title_entry = dn_delegation_form_entry (TRUE);
  dn_delegation_form_labelled (grid, row++, 0, _("_Name"), _("Name of the delegation"), GTK_WIDGET (self->title_entry));
  gtk_widget_set_name (GTK_WIDGET (self->title_entry), "delegation-title");
  self->purpose_entry = dn_delegation_form_entry (TRUE);
  dn_delegation_form_labelled (grid, row++, 0, _("_Purpose"), _("Purpose"), GTK_WIDGET (self->purpose_entry));
  self->inviting_entry = dn_delegation_form_entry (TRUE);
  dn_delegation_form_labelled (grid, row++, 0, out ? _("_Inviting party") : _("_Foreign organisation"),
            out ? _("Inviting party") : _("Foreign organisation"), GTK_WIDGET (self->inviting_entry));
  /* the unit that sends it or hosts the visit: whose delegation it is */
  self->unit_chooser = DN_UNIT_CHOOSER (dn_unit_chooser_new (store, FALSE));
  dn_chooser_set_none_label (DN_CHOOSER (self->unit_chooser), _("No unit"));
  dn_delegation_form_labelled (grid, row++, 0, out ? _("Sending _unit") : _("Host _unit"),
                               out ? _("Sending unit") : _("Host unit"), GTK_WIDGET (self->unit_chooser));
  self->start_entry = DN_DATE_ENTRY (dn_date_entry_new ());
  dn_delegation_form_labelled (grid, row++, 0, out ? _("_Leaves on") : _("_Arrives on"), _("Start date"), GTK_WIDGET (self->start_entry));
  self->end_entry = DN_DATE_ENTRY (dn_date_entry_new ());
  dn_delegation_form_labelled (grid, row++, 0, out ? _("_Back on") : _("Lea_ves on"), _("End date"), GTK_WIDGET (self->end_entry));
  self->funding_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  dn_ui_drop_down_set_enum (self->funding_dropdown, DN_FUNDING_N, G_CALLBACK (dn_funding_source_get_label));
  dn_delegation_form_labelled (grid, row++, 0, _("_Funding"), _("Funding source"), GTK_WIDGET (self->funding_dropdown));
  self->budget_entry = dn_delegation_form_entry (TRUE);
  gtk_entry_set_input_purpose (self->budget_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_placeholder_text (self->budget_entry, _("in đồng; may be empty"));
  dn_delegation_form_labelled (grid, row++, 0, _("_Budget"), _("Budget"), GTK_WIDGET (self->budget_entry));
  self->in_plan_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("In the year's external-affairs _plan")));
  gtk_check_button_set_active (self->in_plan_check, TRUE);
  gtk_grid_attach (grid, GTK_WIDGET (self->in_plan_check), 1, row++, 1, 1);
  self->proposal_chooser = DN_CHOOSER (dn_document_chooser_new (store));
  dn_chooser_set_none_label (self->proposal_chooser, _("None"));
  dn_delegation_form_labelled (grid, row++, 0, out ? _("Đề á_n") : _("_Programme document"), _("Proposal document"),
            GTK_WIDGET (self->proposal_chooser));
  self->decision_chooser = DN_CHOOSER (dn_document_chooser_new (store));
  dn_chooser_set_none_label (self->decision_chooser, _("None"));
  dn_delegation_form_labelled (grid, row++, 0, out ? _("_Sending decision") : _("Appro_val"), _("Decision"),
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
  gtk_box_append (self->country_row, dn_delegation_form_button (_("Add _Country"), _("Add the country"),
                                                 G_CALLBACK (on_add_country_cb), self));

  self->members = DN_DELEGATION_MEMBERS (dn_delegation_members_new (store, self->direction));
  gtk_box_insert_child_after (self->form_box, GTK_WIDGET (self->members), GTK_WIDGET (self->countries_list));
  if (out)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->inbound_box), FALSE);
      return;
    }

  /* informed */
  {
    GtkGrid *informed = GTK_GRID (gtk_grid_new ());

    gtk_grid_set_column_spacing (informed, 12);
    gtk_grid_set_row_spacing (informed, 8);
    self->police_entry = DN_DATE_ENTRY (dn_date_entry_new ());
    dn_delegation_form_labelled (informed, 0, 0, _("Provincial _police informed on"),
                                 _("Day the provincial police were informed"), GTK_WIDGET (self->police_entry));
    self->foreign_affairs_entry = DN_DATE_ENTRY (dn_date_entry_new ());
    dn_delegation_form_labelled (informed, 1, 0, _("Department of Foreign _Affairs informed on"),
                                 _("Day the Department of Foreign Affairs was informed"),
                                 GTK_WIDGET (self->foreign_affairs_entry));
    gtk_box_append (self->inbound_box, GTK_WIDGET (informed));
  }

  self->programme = DN_DELEGATION_PROGRAMME (dn_delegation_programme_new ());
  gtk_box_append (self->inbound_box, GTK_WIDGET (self->programme));
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
  d->unit_id = dn_unit_chooser_get_unit (self->unit_chooser);
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

/* What the editor changed besides the delegation's fields */
static DnDelegationParts *
collect_parts (DnDelegationEditor *self)
{
  DnDelegationParts *parts = dn_delegation_parts_new ();

  parts->countries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->countries->len; i++)
    g_ptr_array_add (parts->countries, g_object_ref (self->countries->pdata[i]));
  dn_delegation_part_collect (DN_DELEGATION_PART (self->members), parts->new_members, parts->removed_members);
  if (self->programme != NULL)
    dn_delegation_part_collect (DN_DELEGATION_PART (self->programme), parts->new_programme,
                                parts->removed_programme);
  return parts;
}

/* The delegation, its countries, members and programme, written together
 * by the window's writer (the local database or the department server) */
static gboolean
dn_delegation_editor_apply (DnFormDialog  *dialog,
                            GError       **apply_error)
{
  DnDelegationEditor *self = DN_DELEGATION_EDITOR (dialog);
  g_autoptr(DnDelegation) d = self->original != NULL ? g_object_ref (self->original) : dn_delegation_new ();
  g_autoptr(DnWrite) write = NULL;
  GtkWidget *field;

  if (!read_form (self, d))
    return FALSE;
  write = dn_write_new_save (d, -1);
  write->parts = collect_parts (self);
  field = g_date_compare (&d->end_date, &d->start_date) < 0 ? GTK_WIDGET (self->end_entry)
          : d->title[0] == '\0' ? GTK_WIDGET (self->title_entry) : NULL;
  return dn_page_editor_write_save (DN_PAGE_EDITOR (self), write, field);
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
                             inbound_box);
}

static void
dn_delegation_editor_init (DnDelegationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->countries = g_ptr_array_new_with_free_func (g_object_unref);
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
  dn_page_editor_set_record (DN_PAGE_EDITOR (self), "delegation", self->id);
  gtk_widget_set_name (GTK_WIDGET (self), "delegation-editor");
  dn_form_dialog_set_titles (DN_FORM_DIALOG (self),
                             id > 0 ? _("Edit Delegation")
                             : direction == DN_DELEGATION_OUTBOUND ? _("New Outbound Delegation")
                                                                   : _("New Inbound Delegation"),
                             id > 0 ? _("_Save") : _("_Add"));
  build_form (self);
  if (!dn_page_editor_load_chooser (DN_PAGE_EDITOR (self), DN_CHOOSER (self->unit_chooser),
                                    d != NULL ? d->unit_id : 0, error))
    return NULL;
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
      dn_delegation_part_add_read (DN_DELEGATION_PART (self->members), members);
      if (self->programme != NULL)
        dn_delegation_part_add_read (DN_DELEGATION_PART (self->programme), programme);
    }
  show_countries (self);
  return GTK_WINDOW (self);
}
