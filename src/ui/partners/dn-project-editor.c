/* dn-project-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-project-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-amount.h"
#include "dn-date-entry.h"
#include "dn-project-editor.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"

struct _DnProjectEditor
{
  DnPageEditor   parent_instance;

  gint64         project_id;  /* 0 when adding */
  gint64         partner_id;

  /* Template widgets */
  GtkEntry      *name_entry;
  GtkEntry      *code_entry;
  GtkLabel      *partner_label;
  DnUnitChooser *unit_chooser;
  DnDateEntry   *start_entry;
  DnDateEntry   *end_entry;
  GtkEntry      *budget_entry;
  GtkEntry      *currency_entry;
  GtkLabel      *budget_hint;
  GtkDropDown   *status_dropdown;
  GtkEntry      *description_entry;
};

G_DEFINE_FINAL_TYPE (DnProjectEditor, dn_project_editor, DN_TYPE_PAGE_EDITOR)

/* The budget as it will be written: "1.500.000 USD". */
static void
update_budget_hint (DnProjectEditor *self)
{
  g_autofree char *budget = dn_ui_editable_dup_text (GTK_WIDGET (self->budget_entry));
  g_autofree char *currency = dn_ui_editable_dup_text (GTK_WIDGET (self->currency_entry));
  g_autofree char *upper = g_ascii_strup (currency, -1);
  g_autofree char *amount = NULL;
  g_autofree char *hint = NULL;
  gint64 value;

  if (budget[0] != '\0' && dn_parse_amount (budget, &value))
    {
      amount = dn_format_amount (value, dn_currency_is_valid (upper) ? upper : "VND");
      hint = g_strdup_printf (_("Budget: %s"), amount);
    }
  gtk_label_set_text (self->budget_hint, hint != NULL ? hint : _("Whole units of the currency; empty when not stated."));
}

static gboolean
dn_project_editor_apply (DnFormDialog  *dialog,
                         GError       **apply_error)
{
  DnProjectEditor *self = DN_PROJECT_EDITOR (dialog);
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  g_autoptr(DnProject) project = NULL;
  g_autofree char *budget = NULL;
  GtkWidget *field = NULL;

  if (self->project_id == 0)
    {
      project = dn_project_new ();
      project->partner_id = self->partner_id;
    }
  else if ((project = dn_store_get_project (store, self->project_id, apply_error)) == NULL)
    return FALSE;

  if (!dn_date_entry_is_valid (self->start_entry) || !dn_date_entry_is_valid (self->end_entry))
    {
      field = GTK_WIDGET (dn_date_entry_is_valid (self->start_entry) ? self->end_entry : self->start_entry);
      dn_form_dialog_show_error (dialog, _("Type the dates as day/month/year, for example 01/09/2024."), field);
      return FALSE;
    }
  budget = dn_ui_editable_dup_text (GTK_WIDGET (self->budget_entry));
  if (budget[0] == '\0')
    project->budget = -1;
  else if (!dn_parse_amount (budget, &project->budget))
    {
      dn_form_dialog_show_error (dialog, _("Type the budget in whole units, for example 1.500.000 or 1500000."),
                                 GTK_WIDGET (self->budget_entry));
      return FALSE;
    }
  dn_page_editor_read_entry (&project->name, self->name_entry);
  dn_page_editor_read_entry (&project->code, self->code_entry);
  dn_page_editor_read_entry (&project->currency, self->currency_entry);
  dn_page_editor_read_entry (&project->description, self->description_entry);
  project->unit_id = dn_unit_chooser_get_unit (self->unit_chooser);
  dn_date_entry_get_date (self->start_entry, &project->start_date);
  dn_date_entry_get_date (self->end_entry, &project->end_date);
  project->status = (DnProjectStatus) MIN (gtk_drop_down_get_selected (self->status_dropdown),
                                           DN_PROJECT_STATUS_N - 1);

  if (project->name[0] == '\0')
    field = GTK_WIDGET (self->name_entry);
  else if (g_date_valid (&project->start_date) && g_date_valid (&project->end_date) &&
           g_date_compare (&project->end_date, &project->start_date) < 0)
    field = GTK_WIDGET (self->end_entry);
  return dn_page_editor_write (DN_PAGE_EDITOR (self), project, field, NULL);
}

static void
dn_project_editor_class_init (DnProjectEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DN_TYPE_DATE_ENTRY);
  dn_page_editor_class_set_template (DN_PAGE_EDITOR_CLASS (klass), "dn-project-editor.ui", dn_project_editor_apply);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnProjectEditor, name_entry, code_entry, partner_label, unit_chooser,
                             start_entry, end_entry, budget_entry, currency_entry, budget_hint, status_dropdown,
                             description_entry);
}

static void
dn_project_editor_init (DnProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dn_ui_drop_down_set_enum (self->status_dropdown, DN_PROJECT_STATUS_N, G_CALLBACK (dn_project_status_get_label));
  g_signal_connect_swapped (self->budget_entry, "changed", G_CALLBACK (update_budget_hint), self);
  g_signal_connect_swapped (self->currency_entry, "changed", G_CALLBACK (update_budget_hint), self);
  update_budget_hint (self);
}

DnProjectEditor *
dn_project_editor_new (DnStore  *store,
                       gint64    partner_id,
                       gint64    project_id,
                       GError  **error)
{
  DnProjectEditor *self;
  g_autoptr(DnProject) project = NULL;
  g_autoptr(DnPartner) partner = NULL;
  gint64 unit_id = 0;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  if (project_id > 0)
    {
      if ((project = dn_store_get_project (store, project_id, error)) == NULL)
        return NULL;
      partner_id = project->partner_id;
      unit_id = project->unit_id;
    }
  if ((partner = dn_store_get_partner (store, partner_id, error)) == NULL)
    return NULL;

  self = g_object_new (DN_TYPE_PROJECT_EDITOR, NULL);
  dn_page_editor_set_store (DN_PAGE_EDITOR (self), store);
  self->project_id = project != NULL ? project_id : 0;
  dn_page_editor_set_record (DN_PAGE_EDITOR (self), "project", self->project_id);
  self->partner_id = partner_id;
  gtk_label_set_text (self->partner_label, partner->name);
  dn_unit_chooser_set_keep_id (self->unit_chooser, unit_id);
  if (!dn_page_editor_load_chooser (DN_PAGE_EDITOR (self), DN_CHOOSER (self->unit_chooser), unit_id, error))
    return NULL;
  if (project != NULL)
    {
      g_autofree char *budget = project->budget >= 0 ? dn_format_amount_digits (project->budget) : NULL;

      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Edit Project"), _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), project->name);
      gtk_editable_set_text (GTK_EDITABLE (self->code_entry), project->code);
      dn_date_entry_set_date (self->start_entry, &project->start_date);
      dn_date_entry_set_date (self->end_entry, &project->end_date);
      gtk_editable_set_text (GTK_EDITABLE (self->budget_entry), budget != NULL ? budget : "");
      gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), project->currency);
      gtk_drop_down_set_selected (self->status_dropdown, project->status);
      gtk_editable_set_text (GTK_EDITABLE (self->description_entry), project->description);
    }
  else
    {
      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Add Project"), _("_Add"));
      gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), "VND");
      gtk_drop_down_set_selected (self->status_dropdown, DN_PROJECT_ACTIVE);
    }
  return self;
}
