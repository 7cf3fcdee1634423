/* dn-unit-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-unit-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-page-editor.h"
#include "dn-ui.h"
#include "dn-unit-chooser.h"
#include "dn-unit-dialog.h"

struct _DnUnitDialog
{
  DnPageEditor      parent_instance;

  DnUnitDialogMode  mode;
  gint64            unit_id;       /* the unit edited (0 when adding) */
  gboolean          kind_touched;  /* the user chose a kind: stop proposing one */
  gboolean          setting_kind;
  gboolean          kind_warned;   /* the unusual parent was said once: the next Move goes ahead */

  /* Template widgets */
  GtkWidget        *name_title;
  GtkEntry         *name_entry;
  GtkWidget        *code_title;
  GtkEntry         *code_entry;
  GtkWidget        *code_hint;
  GtkWidget        *kind_title;
  GtkDropDown      *kind_dropdown;
  GtkWidget        *parent_title;
  DnUnitChooser    *parent_chooser;
  GtkWidget        *effective_title;
  DnDateEntry      *effective_entry;
  GtkWidget        *effective_hint;
};

G_DEFINE_FINAL_TYPE (DnUnitDialog, dn_unit_dialog, DN_TYPE_PAGE_EDITOR)

/* The kind a new unit most likely has, below @parent_kind (-1: top level). */
static DnUnitKind
proposed_kind (int parent_kind)
{
  switch (parent_kind)
    {
    case -1: return DN_UNIT_KIND_DEPARTMENT;
    case DN_UNIT_KIND_DEPARTMENT: return DN_UNIT_KIND_DIVISION;
    case DN_UNIT_KIND_DISTRICT_OFFICE: return DN_UNIT_KIND_SCHOOL;
    case DN_UNIT_KIND_DIVISION:
    case DN_UNIT_KIND_SCHOOL:
    case DN_UNIT_KIND_CENTRE:
    case DN_UNIT_KIND_EXTERNAL:
    default: return (DnUnitKind) parent_kind;
    }
}

static void
propose_kind (DnUnitDialog *self)
{
  gint64 parent_id = dn_unit_chooser_get_unit (self->parent_chooser);
  int parent_kind = -1;

  if (self->mode != DN_UNIT_DIALOG_ADD || self->kind_touched)
    return;
  if (parent_id > 0)
    {
      g_autoptr(DnUnit) parent = dn_store_get_unit (dn_page_editor_get_store (DN_PAGE_EDITOR (self)), parent_id, NULL);
      if (parent != NULL)
        parent_kind = parent->kind;
    }
  self->setting_kind = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, proposed_kind (parent_kind));
  self->setting_kind = FALSE;
}

static void
on_parent_changed_cb (DnUnitDialog *self)
{
  self->kind_warned = FALSE;
}

/* A move below a parent of an unexpected kind (a school below a school…)
 * is said once, in the dialog; saving again moves it. TRUE to go ahead. */
static gboolean
confirm_parent_kind (DnUnitDialog *self,
                     DnStore      *store,
                     DnUnit       *unit)
{
  g_autoptr(DnUnit) parent = NULL;
  g_autofree char *message = NULL;

  if (self->kind_warned || unit->parent_id <= 0 ||
      (parent = dn_store_get_unit (store, unit->parent_id, NULL)) == NULL ||
      dn_unit_kind_usual_below (unit->kind, parent->kind))
    return TRUE;
  self->kind_warned = TRUE;
  message = g_strdup_printf (_("“%s” (%s) does not usually sit below “%s” (%s). "
                               "Press “Move” again to move it anyway."),
                             unit->name, dn_unit_kind_get_label (unit->kind),
                             parent->name, dn_unit_kind_get_label (parent->kind));
  dn_form_dialog_show_error (DN_FORM_DIALOG (self), message, GTK_WIDGET (self->parent_chooser));
  return FALSE;
}

static void
on_kind_changed_cb (DnUnitDialog *self)
{
  if (!self->setting_kind)
    self->kind_touched = TRUE;
}

/* The field a refusal of @unit is about (@error: the store's, when
 * known) */
static GtkWidget *
unit_field (DnUnitDialog *self,
            DnUnit       *unit,
            const GError *error)
{
  if (self->mode == DN_UNIT_DIALOG_MOVE)
    return GTK_WIDGET (self->parent_chooser);
  if (unit->name[0] == '\0')
    return GTK_WIDGET (self->name_entry);
  if (error == NULL || unit->code[0] == '\0' || strpbrk (unit->code, " \t") != NULL ||
      g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_DUPLICATE))
    return GTK_WIDGET (self->code_entry);
  return NULL;
}

/* The field a refusal of @unit's new name is about: the name, the code
 * (missing, or another unit's), else the day it takes effect */
static GtkWidget *
renamed_field (DnUnitDialog *self,
               DnStore      *store,
               DnUnit       *unit)
{
  g_autoptr(DnUnit) same_code = NULL;

  if (unit->name[0] == '\0')
    return GTK_WIDGET (self->name_entry);
  if (unit->code[0] == '\0' || strpbrk (unit->code, " \t") != NULL ||
      ((same_code = dn_store_find_unit (store, unit->code, NULL)) != NULL && same_code->id != unit->id))
    return GTK_WIDGET (self->code_entry);
  return GTK_WIDGET (self->effective_entry);
}

/* Checks and writes the form; the dialog closes when it returns TRUE. */
static gboolean
dn_unit_dialog_apply (DnFormDialog  *dialog,
                      GError       **apply_error)
{
  DnUnitDialog *self = DN_UNIT_DIALOG (dialog);
  DnStore *store = dn_page_editor_get_store (DN_PAGE_EDITOR (self));
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *old_name = NULL;

  if (self->mode == DN_UNIT_DIALOG_ADD)
    unit = dn_unit_new ();
  else if ((unit = dn_store_get_unit (store, self->unit_id, apply_error)) == NULL)
    return FALSE;

  old_name = g_strdup (unit->name);
  if (self->mode != DN_UNIT_DIALOG_MOVE)
    {
      dn_page_editor_read_entry (&unit->name, self->name_entry);
      dn_page_editor_read_entry (&unit->code, self->code_entry);
      unit->kind = (DnUnitKind) MIN (gtk_drop_down_get_selected (self->kind_dropdown), DN_UNIT_KIND_N - 1);
    }
  if (self->mode != DN_UNIT_DIALOG_RENAME)
    unit->parent_id = dn_unit_chooser_get_unit (self->parent_chooser);

  if (self->mode == DN_UNIT_DIALOG_MOVE && !confirm_parent_kind (self, store, unit))
    return FALSE;

  if (self->mode == DN_UNIT_DIALOG_RENAME && g_strcmp0 (g_strstrip (unit->name), old_name) != 0)
    {
      /* the new name from its day, code and kind: one write */
      g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_RENAME_UNIT);

      if (!dn_date_entry_get_date (self->effective_entry, &write->date))
        {
          dn_form_dialog_show_error (DN_FORM_DIALOG (self), _("Give the day the new name takes effect (dd/mm/yyyy)."),
                                     GTK_WIDGET (self->effective_entry));
          return FALSE;
        }
      write->record = g_object_ref (G_OBJECT (unit));
      return dn_page_editor_write_save (DN_PAGE_EDITOR (self), write, renamed_field (self, store, unit));
    }
  /* added, changed or moved with the window's writer */
  return dn_page_editor_write (DN_PAGE_EDITOR (self), unit, unit_field (self, unit, NULL), NULL);
}

DnUnitDialogMode
dn_unit_dialog_get_mode (DnUnitDialog *self)
{
  g_return_val_if_fail (DN_IS_UNIT_DIALOG (self), DN_UNIT_DIALOG_ADD);
  return self->mode;
}

static void
dn_unit_dialog_class_init (DnUnitDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DN_TYPE_DATE_ENTRY);
  dn_page_editor_class_set_template (DN_PAGE_EDITOR_CLASS (klass), "dn-unit-dialog.ui", dn_unit_dialog_apply);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnUnitDialog, name_title, name_entry, code_title, code_entry,
                             code_hint, kind_title, kind_dropdown, parent_title, parent_chooser,
                             effective_title, effective_entry, effective_hint);
}

static void
dn_unit_dialog_init (DnUnitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  dn_ui_drop_down_set_enum (self->kind_dropdown, DN_UNIT_KIND_N, G_CALLBACK (dn_unit_kind_get_label));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed_cb), self);
  g_signal_connect_swapped (self->parent_chooser, "notify::selected-id", G_CALLBACK (propose_kind), self);
  g_signal_connect_swapped (self->parent_chooser, "notify::selected-id", G_CALLBACK (on_parent_changed_cb), self);
}

DnUnitDialog *
dn_unit_dialog_new (DnStore           *store,
                    DnUnitDialogMode   mode,
                    gint64             unit_id,
                    GError           **error)
{
  DnUnitDialog *self;
  g_autoptr(DnUnit) unit = NULL;
  g_autofree char *intro = NULL;
  gboolean details = mode != DN_UNIT_DIALOG_MOVE;
  gboolean parent = mode != DN_UNIT_DIALOG_RENAME;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  if ((mode != DN_UNIT_DIALOG_ADD || unit_id > 0) &&
      (unit = dn_store_get_unit (store, unit_id, error)) == NULL)
    return NULL;

  /* like gtk_window_new(): GTK holds the window until it is destroyed */
  self = g_object_new (DN_TYPE_UNIT_DIALOG, NULL);
  dn_page_editor_set_store (DN_PAGE_EDITOR (self), store);
  self->mode = mode;
  self->unit_id = mode == DN_UNIT_DIALOG_ADD ? 0 : unit_id;
  dn_page_editor_set_record (DN_PAGE_EDITOR (self), "unit", self->unit_id);

  gtk_widget_set_visible (self->name_title, details);
  gtk_widget_set_visible (GTK_WIDGET (self->name_entry), details);
  gtk_widget_set_visible (self->code_title, details);
  gtk_widget_set_visible (GTK_WIDGET (self->code_entry), details);
  gtk_widget_set_visible (self->code_hint, details);
  gtk_widget_set_visible (self->kind_title, details);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), details);
  gtk_widget_set_visible (self->parent_title, parent);
  gtk_widget_set_visible (GTK_WIDGET (self->parent_chooser), parent);
  gtk_widget_set_visible (self->effective_title, mode == DN_UNIT_DIALOG_RENAME);
  gtk_widget_set_visible (GTK_WIDGET (self->effective_entry), mode == DN_UNIT_DIALOG_RENAME);
  gtk_widget_set_visible (self->effective_hint, mode == DN_UNIT_DIALOG_RENAME);

  switch (mode)
    {
    case DN_UNIT_DIALOG_ADD:
      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Add Unit"), _("_Add"));
      intro = g_strdup (_("A division, a district office, a school or a centre: choose where it belongs in “Part of”."));
      if (!dn_page_editor_load_chooser (DN_PAGE_EDITOR (self), DN_CHOOSER (self->parent_chooser), unit_id, error))
        return NULL;
      propose_kind (self);
      break;

    case DN_UNIT_DIALOG_RENAME:
      dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Rename Unit"), _("_Save"));
      intro = g_strdup (_("The new code and kind are shown everywhere; a new name takes effect on the day given."));
      {
        GDate today;

        dn_date_today (&today);
        dn_date_entry_set_date (self->effective_entry, &today);
      }
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), unit->name);
      gtk_editable_set_text (GTK_EDITABLE (self->code_entry), unit->code);
      self->setting_kind = TRUE;
      gtk_drop_down_set_selected (self->kind_dropdown, unit->kind);
      self->setting_kind = FALSE;
      break;

    case DN_UNIT_DIALOG_MOVE:
    default:
      {
        g_autoptr(GArray) subtree = dn_store_get_unit_subtree (store, unit_id, NULL);
        guint n_below = subtree != NULL && subtree->len > 0 ? subtree->len - 1 : 0;

        dn_form_dialog_set_titles (DN_FORM_DIALOG (self), _("Move Unit"), _("_Move"));
        gtk_label_set_text_with_mnemonic (GTK_LABEL (self->parent_title), _("_New parent"));
        if (n_below > 0)
          intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Move “%s” and its %u sub-unit below another unit.",
                                                "Move “%s” and its %u sub-units below another unit.",
                                                n_below),
                                   unit->name, n_below);
        else
          intro = g_strdup_printf (_("Move “%s” below another unit."), unit->name);
        /* the unit itself and its sub-units are not offered */
        dn_unit_chooser_set_exclude_id (self->parent_chooser, unit_id);
        if (!dn_page_editor_load_chooser (DN_PAGE_EDITOR (self), DN_CHOOSER (self->parent_chooser), unit->parent_id,
                                          error))
          return NULL;
      }
      break;
    }
  dn_form_dialog_set_intro (DN_FORM_DIALOG (self), intro);
  return self;
}
