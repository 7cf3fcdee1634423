/* dn-partner-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partner-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-amount.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-details-window.h"
#include "dn-partner-details.h"
#include "dn-window-context.h"
#include "dn-writable.h"
#include "dn-partner-editor.h"
#include "dn-project-editor.h"
#include "dn-stale-reader.h"
#include "dn-ui.h"

struct _DnPartnerDetails
{
  DnDetailsWindow parent_instance;

  GDate          today;
  char          *error;
  guint          warning_days;
  gint64         select_project;  /* to select once read (a project just saved) */
  DnStaleReader *reader;          /* the partner, its projects and delegations, on the query worker */

  /* Template widgets */
  GtkLabel    *name_label;
  GtkLabel    *facts_label;
  GtkWidget   *registration_box;
  GtkImage    *registration_icon;
  GtkLabel    *registration_label;
  GtkListBox  *projects_list;
  GtkListBox  *delegations_list;
};

G_DEFINE_FINAL_TYPE (DnPartnerDetails, dn_partner_details, DN_TYPE_DETAILS_WINDOW)

static char *
format_period (const GDate *start,
               const GDate *end)
{
  g_autofree char *from = g_date_valid (start) ? dn_date_format_short (start) : NULL;
  g_autofree char *to = g_date_valid (end) ? dn_date_format_short (end) : NULL;

  if (from != NULL && to != NULL)
    return g_strdup_printf ("%s – %s", from, to);
  if (from != NULL)
    return g_strdup_printf (_("from %s"), from);
  if (to != NULL)
    return g_strdup_printf (_("until %s"), to);
  return NULL;
}

/* A row of two lines: @title, then @detail dimmed. */
static GtkWidget *
new_row (const char *title,
         const char *detail,
         gint64      id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *first = gtk_label_new (title);
  GtkWidget *second = gtk_label_new (detail);
  g_autofree char *accessible = g_strdup_printf ("%s. %s", title, detail);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (first), 0);
  gtk_label_set_wrap (GTK_LABEL (first), TRUE);
  gtk_label_set_xalign (GTK_LABEL (second), 0);
  gtk_label_set_wrap (GTK_LABEL (second), TRUE);
  gtk_widget_add_css_class (second, "dim-label");
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "dn-record-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static gint64
row_id (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "dn-record-id") : NULL;

  return id != NULL ? *id : 0;
}

static void
show_placeholder (GtkListBox *list,
                  const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static void
show_partner (DnPartnerDetails *self,
              DnPartner        *partner)
{
  g_autoptr(GString) facts = g_string_new (dn_partner_kind_get_label (partner->kind));
  g_autofree char *registration = NULL;
  const char *icon = NULL;

  if (partner->short_name[0] != '\0')
    {
      g_autofree char *title = g_strdup_printf ("%s (%s)", partner->name, partner->short_name);

      gtk_label_set_text (self->name_label, title);
    }
  else
    gtk_label_set_text (self->name_label, partner->name);
  gtk_window_set_title (GTK_WINDOW (self), partner->name);
  if (partner->country_code[0] != '\0')
    g_string_append_printf (facts, " · %s", dn_country_name (partner->country_code));
  if (partner->contact[0] != '\0')
    g_string_append_printf (facts, "\n%s %s", _("Contact:"), partner->contact);
  if (partner->notes[0] != '\0')
    g_string_append_printf (facts, "\n%s", partner->notes);
  gtk_label_set_text (self->facts_label, facts->str);

  if (partner->registration_kind == DN_REGISTRATION_NONE)
    registration = g_strdup (dn_registration_kind_get_label (partner->registration_kind));
  else
    {
      g_autofree char *date = g_date_valid (&partner->registration_expiry)
                              ? dn_date_format_short (&partner->registration_expiry) : NULL;
      const char *number = partner->registration_number[0] != '\0' ? partner->registration_number : "—";
      guint days = self->warning_days;

      if (date == NULL)
        registration = g_strdup_printf (_("%s, number %s"), dn_registration_kind_get_label (partner->registration_kind),
                                        number);
      else if (g_date_compare (&partner->registration_expiry, &self->today) < 0)
        {
          registration = g_strdup_printf (_("%s, number %s: expired on %s"),
                                          dn_registration_kind_get_label (partner->registration_kind), number, date);
          icon = "dialog-warning-symbolic";
        }
      else
        {
          registration = g_strdup_printf (_("%s, number %s: valid until %s"),
                                          dn_registration_kind_get_label (partner->registration_kind), number, date);
          if (dn_partner_registration_is_expiring (partner, &self->today, days))
            icon = "alarm-symbolic";
        }
    }
  gtk_label_set_text (self->registration_label, registration);
  dn_ui_set_css_class (self->registration_box, "dn-registration-expired",
                       icon != NULL && g_str_equal (icon, "dialog-warning-symbolic"));
  dn_ui_set_css_class (self->registration_box, "dn-registration-expiring",
                       icon != NULL && g_str_equal (icon, "alarm-symbolic"));
  if (icon != NULL)
    gtk_image_set_from_icon_name (self->registration_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->registration_icon), icon != NULL);
}

static void
show_projects (DnPartnerDetails *self,
               GPtrArray        *projects,
               gint64            selected)
{
  dn_ui_list_box_clear (self->projects_list);
  for (guint i = 0; i < projects->len; i++)
    {
      DnProject *project = projects->pdata[i];
      g_autoptr(GString) detail = g_string_new (dn_project_status_get_label (project->status));
      g_autofree char *period = format_period (&project->start_date, &project->end_date);
      GtkWidget *row;

      if (period != NULL)
        g_string_append_printf (detail, " · %s", period);
      if (project->unit_name[0] != '\0')
        g_string_append_printf (detail, " · %s", project->unit_name);
      if (project->budget >= 0)
        {
          g_autofree char *amount = dn_format_amount (project->budget, project->currency);

          g_string_append_printf (detail, " · %s", amount);
        }
      row = new_row (project->name, detail->str, project->id);
      gtk_list_box_append (self->projects_list, row);
      if (project->id == selected)
        gtk_list_box_select_row (self->projects_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
show_delegations (DnPartnerDetails *self,
                  GPtrArray        *delegations)
{
  dn_ui_list_box_clear (self->delegations_list);
  for (guint i = 0; i < delegations->len; i++)
    {
      DnDelegation *delegation = delegations->pdata[i];
      g_autofree char *period = format_period (&delegation->start_date, &delegation->end_date);
      g_autofree char *detail = g_strdup_printf ("%s · %s", dn_delegation_direction_get_label (delegation->direction),
                                                 period != NULL ? period : "");

      gtk_list_box_append (self->delegations_list, new_row (delegation->title, detail, delegation->id));
    }
}

/* What one read gives. */
typedef struct
{
  DnPartner *partner;
  GPtrArray *projects;
  GPtrArray *delegations;
  guint      warning_days;
} Read;

static void
read_free (Read *read)
{
  g_clear_object (&read->partner);
  g_clear_pointer (&read->projects, g_ptr_array_unref);
  g_clear_pointer (&read->delegations, g_ptr_array_unref);
  g_free (read);
}

/* On the query worker: the partner, its projects and delegations (a few
 * rows each). */
static gpointer
read_partner (DnStore         *store,
              gpointer         data,
              GCancellable    *cancellable,
              GDestroyNotify  *result_destroy,
              GError         **error)
{
  gint64 partner_id = *(gint64 *) data;
  Read *read = g_new0 (Read, 1);

  read->partner = dn_store_get_partner (store, partner_id, error);
  if (read->partner != NULL)
    read->projects = dn_store_list_projects (store, partner_id, error);
  if (read->projects != NULL)
    read->delegations = dn_store_list_partner_delegations (store, partner_id, error);
  if (read->delegations == NULL)
    {
      read_free (read);
      return NULL;
    }
  read->warning_days = (guint) dn_store_get_setting (store, DN_SETTING_REGISTRATION_WARNING_DAYS);
  *result_destroy = (GDestroyNotify) read_free;
  return read;
}

static gpointer
read_data (GtkWidget *widget)
{
  gint64 partner_id = dn_details_window_get_id (widget);

  return g_memdup2 (&partner_id, sizeof partner_id);
}

static void
show_read (GtkWidget    *widget,
           gpointer      result,
           const GError *error)
{
  DnPartnerDetails *self = DN_PARTNER_DETAILS (widget);
  Read *read = result;
  gint64 selected = self->select_project > 0 ? self->select_project : dn_partner_details_get_selected_project (self);

  g_clear_pointer (&self->error, g_free);
  self->select_project = 0;
  if (read == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->error = g_strdup (error->message);
      gtk_label_set_text (self->facts_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.edit", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.new", FALSE);
      return;
    }
  self->warning_days = read->warning_days;
  show_partner (self, read->partner);
  show_projects (self, read->projects, selected);
  show_delegations (self, read->delegations);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.edit", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.new", TRUE);
}

static void
update_actions (DnPartnerDetails *self)
{
  gboolean selected = dn_partner_details_get_selected_project (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.delete", selected);
}

static void
present_editor (DnPartnerDetails *self,
                GtkWindow        *editor)
{
  gtk_window_set_transient_for (editor, GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (editor, TRUE);
  gtk_window_present (editor);
}

static void
on_project_saved_cb (DnPartnerDetails *self,
                     gint64            project_id)
{
  /* selected once the store's change is read */
  if (!dn_partner_details_select_project (self, project_id))
    self->select_project = project_id;
}

static void
edit_partner_action (DnPartnerDetails *self)
{
  g_autoptr(GError) error = NULL;
  DnPartnerEditor *editor = dn_partner_editor_new (dn_details_window_get_store (self), dn_details_window_get_id (self),
                                                   &self->today, &error);

  if (editor == NULL)
    dn_ui_show_error (GTK_WINDOW (self), error->message, NULL);
  else
    present_editor (self, GTK_WINDOW (editor));
}

static void
open_project_editor (DnPartnerDetails *self,
                     gint64            project_id)
{
  g_autoptr(GError) error = NULL;
  DnProjectEditor *editor = dn_project_editor_new (dn_details_window_get_store (self), dn_details_window_get_id (self),
                                                   project_id, &error);

  if (editor == NULL)
    {
      dn_ui_show_error (GTK_WINDOW (self), error->message, NULL);
      return;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_project_saved_cb), self, G_CONNECT_SWAPPED);
  present_editor (self, GTK_WINDOW (editor));
}

static void
new_project_action (DnPartnerDetails *self)
{
  open_project_editor (self, 0);
}

static void
edit_project_action (DnPartnerDetails *self)
{
  gint64 id = dn_partner_details_get_selected_project (self);

  if (id > 0)
    open_project_editor (self, id);
}

static void
on_project_deleted (GtkWidget    *widget,
                    DnWrite      *write,
                    const GError *error,
                    gpointer      data)
{
  if (error != NULL)
    dn_ui_show_error (GTK_WINDOW (widget), error->message, NULL);
}

static void
delete_project_action (DnPartnerDetails *self)
{
  gint64 id = dn_partner_details_get_selected_project (self);

  if (id > 0)
    dn_window_context_delete_for (GTK_WIDGET (self), dn_details_window_get_store (self), &dn_writable_project, id,
                                  on_project_deleted, NULL, NULL);
}

static void
on_row_activated_cb (DnPartnerDetails *self,
                     GtkListBoxRow    *row)
{
  gint64 id = row_id (row);

  if (id > 0)
    open_project_editor (self, id);
}

static void
dn_partner_details_dispose (GObject *object)
{
  DnPartnerDetails *self = DN_PARTNER_DETAILS (object);

  g_clear_pointer (&self->reader, dn_stale_reader_free);
  if (self->projects_list != NULL)
    g_signal_handlers_disconnect_by_data (self->projects_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PARTNER_DETAILS);
  G_OBJECT_CLASS (dn_partner_details_parent_class)->dispose (object);
}

static void
dn_partner_details_finalize (GObject *object)
{
  g_free (DN_PARTNER_DETAILS (object)->error);
  G_OBJECT_CLASS (dn_partner_details_parent_class)->finalize (object);
}

static void
dn_partner_details_class_init (DnPartnerDetailsClass *klass)
{
  static const DnAction actions[] = {
    { "partner.edit", G_CALLBACK (edit_partner_action) },
    { "project.new", G_CALLBACK (new_project_action) },
    { "project.edit", G_CALLBACK (edit_project_action) },
    { "project.delete", G_CALLBACK (delete_project_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_partner_details_dispose;
  object_class->finalize = dn_partner_details_finalize;
  dn_stale_reader_install_property (object_class, G_STRUCT_OFFSET (DnPartnerDetails, reader));
  dn_ui_class_set_template (widget_class, "dn-partner-details.ui");
  gtk_widget_class_bind_template_child (widget_class, DnPartnerDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, DnPartnerDetails, facts_label);
  gtk_widget_class_bind_template_child (widget_class, DnPartnerDetails, registration_box);
  gtk_widget_class_bind_template_child (widget_class, DnPartnerDetails, registration_icon);
  gtk_widget_class_bind_template_child (widget_class, DnPartnerDetails, registration_label);
  gtk_widget_class_bind_template_child (widget_class, DnPartnerDetails, projects_list);
  gtk_widget_class_bind_template_child (widget_class, DnPartnerDetails, delegations_list);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
}

static void
dn_partner_details_init (DnPartnerDetails *self)
{
  static const DnStaleReaderFuncs funcs = { read_partner, read_data, show_read, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->warning_days = 90;
  self->reader = dn_stale_reader_new (GTK_WIDGET (self), &funcs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.new", FALSE);
  show_placeholder (self->projects_list, _("No aid projects recorded."));
  show_placeholder (self->delegations_list, _("No delegations name this partner."));
  g_signal_connect_swapped (self->projects_list, "selected-rows-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->projects_list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  update_actions (self);
}

DnPartnerDetails *
dn_partner_details_new (DnStore     *store,
                        gint64       partner_id,
                        const GDate *today)
{
  DnPartnerDetails *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (DN_TYPE_PARTNER_DETAILS, NULL);
  dn_details_window_set_record (DN_DETAILS_WINDOW (self), store, partner_id);
  self->today = *today;
  /* read on the query worker once shown, and again after each change */
  dn_stale_reader_set_store (self->reader, store);
  return self;
}

gint64
dn_partner_details_get_partner (DnPartnerDetails *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_DETAILS (self), 0);
  return dn_details_window_get_id (self);
}

gint64
dn_partner_details_get_selected_project (DnPartnerDetails *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_DETAILS (self), 0);
  /* none once the window is disposed of */
  return self->projects_list != NULL ? row_id (gtk_list_box_get_selected_row (self->projects_list)) : 0;
}

gboolean
dn_partner_details_select_project (DnPartnerDetails *self,
                                   gint64            project_id)
{
  g_return_val_if_fail (DN_IS_PARTNER_DETAILS (self), FALSE);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->projects_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && row_id (GTK_LIST_BOX_ROW (row)) == project_id)
      {
        gtk_list_box_select_row (self->projects_list, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

gboolean
dn_partner_details_is_loading (DnPartnerDetails *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_DETAILS (self), FALSE);
  return dn_stale_reader_is_loading (self->reader);
}

const char *
dn_partner_details_get_error (DnPartnerDetails *self)
{
  g_return_val_if_fail (DN_IS_PARTNER_DETAILS (self), NULL);
  return self->error;
}
