/* dn-partners-page.c: the Đối tác & dự án section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-country-chooser.h"
#include "dn-country.h"
#include "dn-date.h"
#include "dn-list-models.h"
#include "dn-partner-details.h"
#include "dn-partner-editor.h"
#include "dn-partners-page.h"
#include "dn-project-editor.h"
#include "dn-ui.h"
#include "dn-window-context.h"

typedef enum
{
  EXPIRY_NONE,
  EXPIRY_LATER,
  EXPIRY_SOON,     /* within the warning days */
  EXPIRY_EXPIRED,  /* before today */
} ExpiryState;

struct _DnPartnersPage
{
  DnListPage         parent_instance;

  DnPartnerFilter   *filter;
  guint              updating;

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkDropDown       *kind_dropdown;
  DnCountryChooser  *country_chooser;
  GtkToggleButton   *expiring_toggle;
};

G_DEFINE_FINAL_TYPE (DnPartnersPage, dn_partners_page, DN_TYPE_LIST_PAGE)

static void
show_message (DnPartnersPage *self,
              const char     *text)
{
  DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (self));

  if (context != NULL)
    dn_window_context_show_message (context, text);
  else
    g_warning ("%s", text);
}

/* The warning days, as the department set them. */
static guint
warning_days (DnPartnersPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));

  return store != NULL ? (guint) dn_store_get_setting (store, DN_SETTING_REGISTRATION_WARNING_DAYS) : 90;
}

static ExpiryState
expiry_state (DnPartner   *partner,
              const GDate *today,
              guint        days)
{
  if (!g_date_valid (&partner->registration_expiry))
    return EXPIRY_NONE;
  if (g_date_compare (&partner->registration_expiry, today) < 0)
    return EXPIRY_EXPIRED;
  if (dn_partner_registration_is_expiring (partner, today, days))
    return EXPIRY_SOON;
  return EXPIRY_LATER;
}

/*
 * The filters
 */

static void
on_filter_changed_cb (DnPartnersPage *self)
{
  if (self->updating == 0)
    dn_list_page_reload_async (DN_LIST_PAGE (self));
}

static void
on_search_changed_cb (DnPartnersPage *self)
{
  dn_partner_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_stop_cb (DnPartnersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_country_changed_cb (DnPartnersPage *self)
{
  dn_partner_filter_set_country_code (self->filter, dn_country_chooser_get_code (self->country_chooser));
}

static void
on_filter_country_cb (DnPartnersPage *self)
{
  const char *code = dn_partner_filter_get_country_code (self->filter);

  if (g_strcmp0 (code, dn_country_chooser_get_code (self->country_chooser)) != 0)
    dn_country_chooser_set_code (self->country_chooser, code);
}

static void
on_filter_text_cb (DnPartnersPage *self)
{
  const char *text = dn_partner_filter_get_text (self->filter);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

/*
 * DnListPage
 */

static DnQueryModel *
create_model (DnListPage *page,
              DnStore    *store)
{
  return DN_QUERY_MODEL (dn_partner_list_model_new (store));
}

static gboolean
run_query (DnListPage    *page,
           DnQueryModel  *model,
           gboolean       async,
           GError       **error)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (page);
  DnPartnerQuery query;

  self->updating++;
  dn_partner_filter_set_today (self->filter, dn_list_page_get_today (page));
  dn_partner_filter_set_warning_days (self->filter, warning_days (self));
  self->updating--;
  dn_partner_filter_to_query (self->filter, &query);
  if (!async)
    return dn_partner_list_model_set_query (DN_PARTNER_LIST_MODEL (model), &query, error);
  dn_partner_list_model_set_query_async (DN_PARTNER_LIST_MODEL (model), &query);
  return TRUE;
}

static gboolean
is_filtered (DnListPage *page)
{
  DnPartnerFilter *filter = DN_PARTNERS_PAGE (page)->filter;

  return filter != NULL && dn_partner_filter_is_active (filter);
}

static void
clear_filters (DnListPage *page)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (page);

  self->updating++;
  dn_partner_filter_reset (self->filter);
  self->updating--;
}

static gboolean
apply_preset (DnListPage *page,
              const char *preset)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (page);
  gboolean ok;

  /* the list page reloads once after */
  self->updating++;
  ok = dn_partner_filter_apply_preset (self->filter, preset);
  self->updating--;
  return ok;
}

static char *
format_count (DnListPage *page,
              guint       n)
{
  return g_strdup_printf (ngettext ("%u partner", "%u partners", n), n);
}

static GtkWidget *
cell_text (int min_chars,
           int nat_chars)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), nat_chars);
  return text;
}

static GtkWidget *
create_cell (DnListPage *page,
             int         column)
{
  switch ((DnPartnerColumn) column)
    {
    case DN_PARTNER_COLUMN_NAME:
      return cell_text (20, 50);
    case DN_PARTNER_COLUMN_EXPIRY:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *image = gtk_image_new ();
        GtkWidget *text = cell_text (3, 10);

        gtk_widget_set_name (box, "expiry-cell");
        gtk_widget_add_css_class (text, "numeric");
        gtk_widget_set_hexpand (text, TRUE);
        gtk_widget_set_visible (image, FALSE);
        gtk_box_append (GTK_BOX (box), image);
        gtk_box_append (GTK_BOX (box), text);
        return box;
      }
    case DN_PARTNER_COLUMN_PROJECTS:
      {
        GtkWidget *text = cell_text (2, 4);

        gtk_widget_add_css_class (text, "numeric");
        return text;
      }
    case DN_PARTNER_COLUMN_KIND:
    case DN_PARTNER_COLUMN_COUNTRY:
    case DN_PARTNER_COLUMN_N:
    default:
      return cell_text (3, 14);
    }
}

static void
show_expiry (DnPartnersPage *self,
             GtkWidget      *box,
             DnPartner      *partner)
{
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (image);
  ExpiryState state = expiry_state (partner, dn_list_page_get_today (DN_LIST_PAGE (self)),
                                    dn_partner_filter_get_warning_days (self->filter));
  g_autofree char *date = g_date_valid (&partner->registration_expiry)
                          ? dn_date_format_short (&partner->registration_expiry) : NULL;

  dn_ui_set_css_class (box, "dn-registration-expired", state == EXPIRY_EXPIRED);
  dn_ui_set_css_class (box, "dn-registration-expiring", state == EXPIRY_SOON);
  if (state == EXPIRY_EXPIRED || state == EXPIRY_SOON)
    {
      const char *icon = state == EXPIRY_EXPIRED ? "dialog-warning-symbolic" : "alarm-symbolic";

      if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon) != 0)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
          gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          state == EXPIRY_EXPIRED ? _("Registration expired")
                                                                  : _("Registration expires soon"), -1);
        }
    }
  gtk_widget_set_visible (image, state == EXPIRY_EXPIRED || state == EXPIRY_SOON);
  gtk_inscription_set_text (GTK_INSCRIPTION (text), date != NULL ? date : "");
}

static void
show_item (DnListPage *page,
           int         column,
           GtkWidget  *cell,
           gpointer    item)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (page);
  DnPartner *partner = DN_PARTNER (item);

  switch ((DnPartnerColumn) column)
    {
    case DN_PARTNER_COLUMN_NAME:
      if (partner->short_name[0] != '\0')
        {
          g_autofree char *text = g_strdup_printf ("%s (%s)", partner->name, partner->short_name);

          gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
        }
      else
        gtk_inscription_set_text (GTK_INSCRIPTION (cell), partner->name);
      break;
    case DN_PARTNER_COLUMN_KIND:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                                partner->id > 0 && partner->name[0] != '\0' ? dn_partner_kind_get_label (partner->kind)
                                                                             : "");
      break;
    case DN_PARTNER_COLUMN_COUNTRY:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), partner->country_code[0] != '\0'
                                                        ? dn_country_name (partner->country_code) : "");
      break;
    case DN_PARTNER_COLUMN_EXPIRY:
      show_expiry (self, cell, partner);
      break;
    case DN_PARTNER_COLUMN_PROJECTS:
      {
        char buffer[16] = "";

        if (partner->n_projects > 0)
          g_snprintf (buffer, sizeof buffer, "%u", partner->n_projects);
        gtk_inscription_set_text (GTK_INSCRIPTION (cell), buffer);
      }
      break;
    case DN_PARTNER_COLUMN_N:
    default:
      break;
    }
}

static char *
get_tooltip (DnListPage *page,
             int         column,
             gpointer    item)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (page);
  DnPartner *partner = DN_PARTNER (item);
  const GDate *today = dn_list_page_get_today (page);
  g_autofree char *date = NULL;
  int days;

  if (column == DN_PARTNER_COLUMN_NAME)
    return partner->contact[0] != '\0' ? g_strdup_printf (_("Contact: %s"), partner->contact) : NULL;
  if (column != DN_PARTNER_COLUMN_EXPIRY || !g_date_valid (&partner->registration_expiry))
    return NULL;
  date = dn_date_format_short (&partner->registration_expiry);
  days = g_date_days_between (today, &partner->registration_expiry);
  switch (expiry_state (partner, today, dn_partner_filter_get_warning_days (self->filter)))
    {
    case EXPIRY_EXPIRED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: the registration expired on %s, %d day ago",
                                           "%s: the registration expired on %s, %d days ago", -days),
                              dn_registration_kind_get_label (partner->registration_kind), date, -days);
    case EXPIRY_SOON:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: the registration expires on %s, in %d day",
                                           "%s: the registration expires on %s, in %d days", days),
                              dn_registration_kind_get_label (partner->registration_kind), date, days);
    case EXPIRY_LATER:
    case EXPIRY_NONE:
    default:
      return g_strdup_printf (_("%s: valid until %s"), dn_registration_kind_get_label (partner->registration_kind),
                              date);
    }
}

static void
activate_item (DnListPage *page,
               gpointer    item)
{
  if (DN_PARTNER (item)->id > 0)
    dn_partners_page_open_partner (DN_PARTNERS_PAGE (page), DN_PARTNER (item)->id);
}

static void
update_actions (DnListPage *page)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (page);
  gboolean with_store = dn_list_page_get_store (page) != NULL;
  gboolean selected = dn_list_page_get_selected_id (page) > 0;

  if (self->filter == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.new", with_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.open", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.new", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partner.clear-filters",
                                 with_store && dn_partner_filter_is_active (self->filter));
}

/*
 * Actions
 */

static void
present_over (DnPartnersPage *self,
              GtkWindow      *window)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && gtk_window_get_transient_for (window) != GTK_WINDOW (root))
    {
      gtk_window_set_transient_for (window, GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (window, TRUE);
    }
  gtk_window_present (window);
}

static void
on_partner_saved_cb (DnPartnersPage *self,
                     gint64          partner_id)
{
  DnQueryModel *model = dn_list_page_get_model (DN_LIST_PAGE (self));

  if (model == NULL)
    return;
  if (dn_query_model_find (model, partner_id) == G_MAXUINT)
    dn_list_page_reload (DN_LIST_PAGE (self));
  if (!dn_list_page_select_id (DN_LIST_PAGE (self), partner_id))
    show_message (self, _("The partner was saved. The filters hide it: clear them to see it."));
}

static void
open_partner_editor (DnPartnersPage *self,
                     gint64          partner_id)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;
  DnPartnerEditor *editor;

  if (store == NULL)
    return;
  editor = dn_partner_editor_new (store, partner_id, dn_list_page_get_today (DN_LIST_PAGE (self)), &error);
  if (editor == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_partner_saved_cb), self, G_CONNECT_SWAPPED);
  present_over (self, GTK_WINDOW (editor));
}

static void
new_action (DnPartnersPage *self)
{
  open_partner_editor (self, 0);
}

static void
edit_action (DnPartnersPage *self)
{
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));

  if (id > 0)
    open_partner_editor (self, id);
}

static void
open_action (DnPartnersPage *self)
{
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));

  if (id > 0)
    dn_partners_page_open_partner (self, id);
}

static void
delete_action (DnPartnersPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  g_autoptr(DnPartner) partner = dn_list_page_dup_selected_item (DN_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (store == NULL || partner == NULL || partner->id <= 0)
    return;
  if (!dn_store_delete_partner (store, partner->id, &error))
    {
      show_message (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Partner “%s” deleted."), partner->name);
  show_message (self, message);
}

static void
new_project_action (DnPartnersPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;
  DnProjectEditor *editor;

  if (store == NULL || id <= 0)
    return;
  editor = dn_project_editor_new (store, id, 0, &error);
  if (editor == NULL)
    {
      show_message (self, error->message);
      return;
    }
  present_over (self, GTK_WINDOW (editor));
}

/*
 * GObject
 */

static void
dn_partners_page_dispose (GObject *object)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PARTNERS_PAGE);
  G_OBJECT_CLASS (dn_partners_page_parent_class)->dispose (object);
}

static void
dn_partners_page_finalize (GObject *object)
{
  g_clear_object (&DN_PARTNERS_PAGE (object)->filter);
  G_OBJECT_CLASS (dn_partners_page_parent_class)->finalize (object);
}

static void
dn_partners_page_class_init (DnPartnersPageClass *klass)
{
  static const DnAction actions[] = {
    { "partner.new", G_CALLBACK (new_action) },
    { "partner.edit", G_CALLBACK (edit_action) },
    { "partner.open", G_CALLBACK (open_action) },
    { "partner.delete", G_CALLBACK (delete_action) },
    { "project.new", G_CALLBACK (new_project_action) },
    { "partner.clear-filters", G_CALLBACK (dn_list_page_clear_filters) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DnListPageClass *page_class = DN_LIST_PAGE_CLASS (klass);

  object_class->dispose = dn_partners_page_dispose;
  object_class->finalize = dn_partners_page_finalize;
  page_class->create_model = create_model;
  page_class->run_query = run_query;
  page_class->is_filtered = is_filtered;
  page_class->clear_filters = clear_filters;
  page_class->format_count = format_count;
  page_class->create_cell = create_cell;
  page_class->show_item = show_item;
  page_class->get_tooltip = get_tooltip;
  page_class->activate_item = activate_item;
  page_class->update_actions = update_actions;
  page_class->apply_preset = apply_preset;

  g_type_ensure (DN_TYPE_COUNTRY_CHOOSER);
  dn_ui_class_set_template (widget_class, "dn-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DnPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DnPartnersPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DnPartnersPage, country_chooser);
  gtk_widget_class_bind_template_child (widget_class, DnPartnersPage, expiring_toggle);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "partner.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "partner.delete", NULL);
}

static void
dn_partners_page_init (DnPartnersPage *self)
{
  const DnListPageTexts texts = {
    .name_prefix = "partner",
    .table_label = _("Partners"),
    .empty_title = _("No partners yet"),
    .empty_description = _("Add the organisations the department works with, their registration papers and "
                           "their aid projects, with New Partner."),
    .filtered_title = _("No partners match"),
    .filtered_description = _("Change the search text or the filters."),
    .new_label = _("_New Partner"),
    .new_action_name = "partner.new",
    .loading = _("Looking for the partners…"),
    .clear_tooltip = _("Show every partner again"),
    .empty_icon = "system-users-symbolic",
  };
  DnListPage *page = DN_LIST_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  dn_list_page_set_texts (page, &texts);

  self->filter = dn_partner_filter_new ();
  dn_ui_bind_enum_filter (self->filter, "kind", self->kind_dropdown, _("All kinds"), DN_PARTNER_KIND_N,
                          G_CALLBACK (dn_partner_kind_get_label));
  g_object_bind_property (self->filter, "expiring-soon", self->expiring_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->filter, "notify::text", G_CALLBACK (on_filter_text_cb), self);
  g_signal_connect_swapped (self->filter, "notify::country-code", G_CALLBACK (on_filter_country_cb), self);
  g_signal_connect_swapped (self->country_chooser, "changed", G_CALLBACK (on_country_changed_cb), self);

  dn_list_page_add_column (page, DN_PARTNER_COLUMN_NAME, _("Partner"), 0, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_KIND, _("Kind"), 260, 0);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_COUNTRY, _("Country"), 140, 0);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_EXPIRY, _("Registration expires"), 170, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_PROJECTS, _("Projects"), 90, 0);
  update_actions (page);
}

void
dn_partners_page_set_store (DnPartnersPage *self,
                            DnStore        *store)
{
  g_return_if_fail (DN_IS_PARTNERS_PAGE (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));
  dn_list_page_set_store (DN_LIST_PAGE (self), store);
}

DnPartnerFilter *
dn_partners_page_get_filter (DnPartnersPage *self)
{
  g_return_val_if_fail (DN_IS_PARTNERS_PAGE (self), NULL);
  return self->filter;
}

void
dn_partners_page_open_partner (DnPartnersPage *self,
                               gint64          partner_id)
{
  DnStore *store;
  GtkRoot *root;
  DnPartnerDetails *details = NULL;
  g_autoptr(GListModel) toplevels = NULL;

  g_return_if_fail (DN_IS_PARTNERS_PAGE (self));
  store = dn_list_page_get_store (DN_LIST_PAGE (self));
  if (store == NULL || partner_id <= 0)
    return;
  dn_list_page_select_id (DN_LIST_PAGE (self), partner_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* a partner already open comes to the front */
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; details == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DN_IS_PARTNER_DETAILS (window) && dn_partner_details_get_partner (DN_PARTNER_DETAILS (window)) == partner_id &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == (GtkWindow *) root)
        details = DN_PARTNER_DETAILS (window);
    }
  if (details == NULL)
    details = dn_partner_details_new (store, partner_id, dn_list_page_get_today (DN_LIST_PAGE (self)));
  present_over (self, GTK_WINDOW (details));
}
