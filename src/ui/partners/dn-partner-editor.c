/* dn-partner-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partner-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-country-chooser.h"
#include "dn-date-entry.h"
#include "dn-date.h"
#include "dn-partner-editor.h"
#include "dn-ui.h"

struct _DnPartnerEditor
{
  DnPageEditor      parent_instance;

  gint64            partner_id;  /* 0 when adding */
  GDate             today;

  /* Template widgets */
  GtkEntry         *name_entry;
  GtkEntry         *short_name_entry;
  GtkDropDown      *kind_dropdown;
  DnCountryChooser *country_chooser;
  GtkDropDown      *registration_dropdown;
  GtkEntry         *number_entry;
  DnDateEntry      *expiry_entry;
  GtkLabel         *expiry_hint;
  GtkEntry         *contact_entry;
  GtkEntry         *notes_entry;
};

G_DEFINE_FINAL_TYPE (DnPartnerEditor, dn_partner_editor, DN_TYPE_PAGE_EDITOR)

/* What the paper chosen allows, under the expiry field; the number and the
 * expiry only with a paper. */
static void
update_registration (DnPartnerEditor *self)
{
  DnRegistrationKind kind = (DnRegistrationKind) gtk_drop_down_get_selected (self->registration_dropdown);
  guint years = dn_registration_kind_get_max_years (kind);
  g_autofree char *hint = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->number_entry), kind != DN_REGISTRATION_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->expiry_entry), kind != DN_REGISTRATION_NONE);
  if (years > 0)
    hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This paper lasts at most %u year (Decree 58/2022/NĐ-CP).",
                                         "This paper lasts at most %u years (Decree 58/2022/NĐ-CP).", years),
                            years);
  gtk_label_set_text (self->expiry_hint, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->expiry_hint), hint != NULL);
}

/* Any change after a warning asks again. */
static void
on_changed_cb (DnPartnerEditor *self)
{
  dn_page_editor_forget_warning (DN_PAGE_EDITOR (self), self->partner_id == 0 ? _("_Add") : _("_Save"));
}

static gboolean
dn_partner_editor_apply (DnFormDialog  *dialog,
                         GError       **apply_error)
{
  DnPartnerEditor *self = DN_PARTNER_EDITOR (dialog);
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  g_autoptr(DnPartner) partner = NULL;
  const char *code;

  if (self->partner_id == 0)
    partner = dn_partner_new ();
  else if ((partner = dn_store_get_partner (store, self->partner_id, apply_error)) == NULL)
    return FALSE;

  if (!dn_date_entry_is_valid (self->expiry_entry))
    {
      dn_form_dialog_show_error (dialog, _("Type the expiry date as day/month/year, for example 30/06/2026."),
                                 GTK_WIDGET (self->expiry_entry));
      return FALSE;
    }
  dn_page_editor_read_entry (&partner->name, self->name_entry);
  dn_page_editor_read_entry (&partner->short_name, self->short_name_entry);
  partner->kind = (DnPartnerKind) MIN (gtk_drop_down_get_selected (self->kind_dropdown), DN_PARTNER_KIND_N - 1);
  code = dn_country_chooser_get_code (self->country_chooser);
  g_free (partner->country_code);
  partner->country_code = g_strdup (code != NULL ? code : "");
  partner->registration_kind = (DnRegistrationKind) MIN (gtk_drop_down_get_selected (self->registration_dropdown),
                                                         DN_REGISTRATION_KIND_N - 1);
  if (partner->registration_kind == DN_REGISTRATION_NONE)
    {
      g_free (partner->registration_number);
      partner->registration_number = g_strdup ("");
      g_date_clear (&partner->registration_expiry, 1);
    }
  else
    {
      dn_page_editor_read_entry (&partner->registration_number, self->number_entry);
      dn_date_entry_get_date (self->expiry_entry, &partner->registration_expiry);
    }
  dn_page_editor_read_entry (&partner->contact, self->contact_entry);
  dn_page_editor_read_entry (&partner->notes, self->notes_entry);

  return dn_page_editor_write (DN_PAGE_EDITOR (self), partner,
                               partner->name[0] == '\0' ? GTK_WIDGET (self->name_entry)
                                                        : GTK_WIDGET (self->expiry_entry),
                               &self->today);
}

static void
dn_partner_editor_class_init (DnPartnerEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DN_TYPE_COUNTRY_CHOOSER);
  g_type_ensure (DN_TYPE_DATE_ENTRY);
  dn_page_editor_class_set_template (DN_PAGE_EDITOR_CLASS (klass), "dn-partner-editor.ui", dn_partner_editor_apply);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPartnerEditor, name_entry, short_name_entry, kind_dropdown,
                             country_chooser, registration_dropdown, number_entry, expiry_entry, expiry_hint,
                             contact_entry, notes_entry);
}

static void
dn_partner_editor_init (DnPartnerEditor *self)
{
  GtkWidget *changing[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  dn_ui_drop_down_set_enum (self->kind_dropdown, DN_PARTNER_KIND_N, G_CALLBACK (dn_partner_kind_get_label));
  dn_ui_drop_down_set_enum (self->registration_dropdown, DN_REGISTRATION_KIND_N,
                            G_CALLBACK (dn_registration_kind_get_label));
  g_signal_connect_swapped (self->registration_dropdown, "notify::selected", G_CALLBACK (update_registration), self);
  g_signal_connect_swapped (self->registration_dropdown, "notify::selected", G_CALLBACK (on_changed_cb), self);
  changing[0] = GTK_WIDGET (self->name_entry);
  changing[1] = GTK_WIDGET (self->number_entry);
  changing[2] = GTK_WIDGET (self->expiry_entry);
  for (guint i = 0; i < G_N_ELEMENTS (changing); i++)
    g_signal_connect_swapped (changing[i], "changed", G_CALLBACK (on_changed_cb), self);
  update_registration (self);
}

DnPartnerEditor *
dn_partner_editor_new (DnStore      *store,
                       gint64        partner_id,
                       const GDate  *today,
                       GError      **error)
{
  DnPartnerEditor *self;
  g_autoptr(DnPartner) partner = NULL;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (partner_id > 0 && (partner = dn_store_get_partner (store, partner_id, error)) == NULL)
    return NULL;

  self = g_object_new (DN_TYPE_PARTNER_EDITOR, NULL);
  dn_page_editor_set_store (DN_PAGE_EDITOR (self), store);
  self->partner_id = partner != NULL ? partner_id : 0;
  dn_page_editor_set_record (DN_PAGE_EDITOR (self), "partner", self->partner_id);
  self->today = *today;
  if (partner != NULL)
    {
      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Edit Partner"), _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), partner->name);
      gtk_editable_set_text (GTK_EDITABLE (self->short_name_entry), partner->short_name);
      gtk_drop_down_set_selected (self->kind_dropdown, partner->kind);
      if (partner->country_code[0] != '\0')
        dn_country_chooser_set_code (self->country_chooser, partner->country_code);
      gtk_drop_down_set_selected (self->registration_dropdown, partner->registration_kind);
      gtk_editable_set_text (GTK_EDITABLE (self->number_entry), partner->registration_number);
      dn_date_entry_set_date (self->expiry_entry, &partner->registration_expiry);
      gtk_editable_set_text (GTK_EDITABLE (self->contact_entry), partner->contact);
      gtk_editable_set_text (GTK_EDITABLE (self->notes_entry), partner->notes);
    }
  else
    {
      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Add Partner"), _("_Add"));
      gtk_drop_down_set_selected (self->kind_dropdown, DN_PARTNER_NGO);
    }
  return self;
}
