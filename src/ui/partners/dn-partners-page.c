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
#include "dn-window-context.h"
#include "dn-writable.h"
#include "dn-project-editor.h"
#include "dn-ui.h"

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

  DnPartnerFilter   *filter;  /* the page's (not a reference) */

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkDropDown       *kind_dropdown;
  DnCountryChooser  *country_chooser;
  GtkToggleButton   *expiring_toggle;
};

G_DEFINE_FINAL_TYPE (DnPartnersPage, dn_partners_page, DN_TYPE_LIST_PAGE)

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

/*
 * DnListPage
 */

static void
get_query (DnListPage *page,
           gpointer    query)
{
  DnPartnersPage *self = DN_PARTNERS_PAGE (page);

  dn_partner_filter_set_today (self->filter, dn_list_page_get_today (page));
  dn_partner_filter_set_warning_days (self->filter, warning_days (self));
  dn_partner_filter_to_query (self->filter, query);
}

static char *
format_count (DnListPage *page,
              guint       n)
{
  return g_strdup_printf (ngettext ("%u partner", "%u partners", n), n);
}

static GtkWidget *
create_cell (DnListPage *page,
             int         column)
{
  switch ((DnPartnerColumn) column)
    {
    case DN_PARTNER_COLUMN_NAME:
      return dn_list_cell_text_new (20, 50);
    case DN_PARTNER_COLUMN_EXPIRY:
      return dn_list_cell_marked_new ("expiry-cell");
    case DN_PARTNER_COLUMN_PROJECTS:
      {
        GtkWidget *text = dn_list_cell_text_new (2, 4);

        gtk_widget_add_css_class (text, "numeric");
        return text;
      }
    case DN_PARTNER_COLUMN_KIND:
    case DN_PARTNER_COLUMN_COUNTRY:
    case DN_PARTNER_COLUMN_N:
    default:
      return dn_list_cell_text_new (3, 14);
    }
}

static void
show_expiry (DnPartnersPage *self,
             GtkWidget      *box,
             DnPartner      *partner)
{
  static const DnListMark marks[] = {
    [EXPIRY_EXPIRED] = { "dn-registration-expired", "dialog-warning-symbolic", N_("Registration expired") },
    [EXPIRY_SOON] = { "dn-registration-expiring", "alarm-symbolic", N_("Registration expires soon") },
  };
  ExpiryState state = expiry_state (partner, dn_list_page_get_today (DN_LIST_PAGE (self)),
                                    dn_partner_filter_get_warning_days (self->filter));
  g_autofree char *date = g_date_valid (&partner->registration_expiry)
                          ? dn_date_format_short (&partner->registration_expiry) : NULL;

  dn_list_cell_marked_show (box, &marks[state], date != NULL ? date : "");
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

static GtkWindow *
new_details (DnListPage *page,
             DnStore    *store,
             gint64      id)
{
  return GTK_WINDOW (dn_partner_details_new (store, id, dn_list_page_get_today (page)));
}

/*
 * Actions
 */

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
      dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
      return;
    }
  dn_list_page_present_editor (DN_LIST_PAGE (self), GTK_WINDOW (editor),
                               _("The partner was saved. The filters hide it: clear them to see it."));
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
on_deleted (GtkWidget    *widget,
            DnWrite      *write,
            const GError *error,
            gpointer      data)
{
  g_autofree char *message = error == NULL ? g_strdup_printf (_("Partner “%s” deleted."), (const char *) data) : NULL;

  dn_list_page_show_message (DN_LIST_PAGE (widget), error != NULL ? error->message : message);
}

static void
delete_action (DnPartnersPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  g_autoptr(DnPartner) partner = dn_list_page_dup_selected_item (DN_LIST_PAGE (self));

  if (store == NULL || partner == NULL || partner->id <= 0)
    return;
  dn_window_context_delete_for (GTK_WIDGET (self), store, &dn_writable_partner, partner->id, on_deleted,
                                g_strdup (partner->name), g_free);
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
      dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
      return;
    }
  dn_list_page_present (DN_LIST_PAGE (self), GTK_WINDOW (editor));
}

/*
 * GObject
 */

static void
dn_partners_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DN_TYPE_PARTNERS_PAGE);
  G_OBJECT_CLASS (dn_partners_page_parent_class)->dispose (object);
}

static void
dn_partners_page_class_init (DnPartnersPageClass *klass)
{
  static const DnAction actions[] = {
    { "partner.new", G_CALLBACK (new_action) },
  };
  static const DnAction record_actions[] = {
    { "partner.edit", G_CALLBACK (edit_action) },
    { "partner.open", G_CALLBACK (dn_list_page_open_selected) },
    { "partner.delete", G_CALLBACK (delete_action) },
    { "project.new", G_CALLBACK (new_project_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DnListPageClass *page_class = DN_LIST_PAGE_CLASS (klass);

  object_class->dispose = dn_partners_page_dispose;
  page_class->model_type = DN_TYPE_PARTNER_LIST_MODEL;
  page_class->get_query = get_query;
  page_class->format_count = format_count;
  page_class->create_cell = create_cell;
  page_class->show_item = show_item;
  page_class->get_tooltip = get_tooltip;
  dn_list_page_class_set_details (page_class, DN_TYPE_PARTNER_DETAILS, new_details);

  g_type_ensure (DN_TYPE_COUNTRY_CHOOSER);
  dn_ui_class_set_template (widget_class, "dn-partners-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPartnersPage, search_entry, kind_dropdown, country_chooser, expiring_toggle);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  dn_list_page_class_install_record_actions (page_class, record_actions, G_N_ELEMENTS (record_actions));
  dn_list_page_class_add_clear_action (page_class, "partner.clear-filters");

  dn_list_page_class_bind_delete (page_class, "partner.delete");
}

static void
dn_partners_page_init (DnPartnersPage *self)
{
  static const DnListFilterFuncs filter_funcs = {
    G_CALLBACK (dn_partner_filter_is_active),
    G_CALLBACK (dn_partner_filter_reset),
    G_CALLBACK (dn_partner_filter_apply_preset),
    NULL,
  };
  DnListPage *page = DN_LIST_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = dn_partner_filter_new ();
  dn_ui_bind_enum_filter (self->filter, "kind", self->kind_dropdown, _("All kinds"), DN_PARTNER_KIND_N,
                          G_CALLBACK (dn_partner_kind_get_label));
  g_object_bind_property (self->filter, "expiring-soon", self->expiring_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  dn_list_page_set_filter (page, self->filter, &filter_funcs, self->search_entry);
  g_signal_connect_swapped (self->filter, "notify::country-code", G_CALLBACK (on_filter_country_cb), self);
  g_signal_connect_swapped (self->country_chooser, "changed", G_CALLBACK (on_country_changed_cb), self);

  dn_list_page_add_column (page, DN_PARTNER_COLUMN_NAME, _("Partner"), 0, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_KIND, _("Kind"), 260, 0);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_COUNTRY, _("Country"), 140, 0);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_EXPIRY, _("Registration expires"), 170, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (page, DN_PARTNER_COLUMN_PROJECTS, _("Projects"), 90, 0);
}

void
dn_partners_page_set_store (DnPartnersPage *self,
                            DnStore        *store)
{
  g_return_if_fail (DN_IS_PARTNERS_PAGE (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));
  dn_list_page_set_store (DN_LIST_PAGE (self), store);
}

void
dn_partners_page_open_partner (DnPartnersPage *self,
                               gint64          partner_id)
{
  g_return_if_fail (DN_IS_PARTNERS_PAGE (self));
  dn_list_page_open_record (DN_LIST_PAGE (self), partner_id);
}
