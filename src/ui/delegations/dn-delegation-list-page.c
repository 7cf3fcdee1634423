/* dn-delegation-list-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-country.h"
#include "dn-date.h"
#include "dn-delegation-actions.h"
#include "dn-delegation-details.h"
#include "dn-delegation-editor.h"
#include "dn-delegation-filter.h"
#include "dn-delegation-list-page.h"
#include "dn-window-context.h"
#include "dn-writable.h"
#include "dn-list-models.h"
#include "dn-ui.h"
#include "dn-window-context.h"

typedef enum
{
  COLUMN_DATES,
  COLUMN_COUNTRIES,
  COLUMN_MEMBERS,
  COLUMN_STATUS,
  COLUMN_REPORT_DUE,
  COLUMN_TITLE,
  COLUMN_N
} Column;

struct _DnDelegationListPage
{
  DnListPage             parent_instance;

  DnDelegationDirection  direction;
  DnDelegationFilter    *filter;     /* the page's (not a reference) */
  GtkWindow             *last_form;  /* weak */

  /* Template widgets */
  GtkSearchEntry        *search_entry;
  GtkDropDown           *status_dropdown;
  GtkToggleButton       *overdue_toggle;
};

enum {
  PROP_0,
  PROP_DIRECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DnDelegationListPage, dn_delegation_list_page, DN_TYPE_LIST_PAGE)

/*
 * Cells
 */

static const DnListMark overdue_mark = { "dn-overdue", "dialog-warning-symbolic", NULL };

static gboolean
report_overdue (DnDelegation *d,
                const GDate  *today)
{
  return d->status == DN_DELEGATION_RETURNED && g_date_valid (&d->report_due_date) && today != NULL &&
         g_date_valid (today) && g_date_compare (&d->report_due_date, today) < 0;
}

static GtkWidget *
create_cell (DnListPage *page,
             int         column)
{
  switch ((Column) column)
    {
    case COLUMN_REPORT_DUE:
      return dn_list_cell_marked_new (NULL);
    case COLUMN_TITLE:
      return dn_list_cell_text_new (20, 60);
    case COLUMN_COUNTRIES:
      return dn_list_cell_text_new (6, 20);
    case COLUMN_DATES:
    case COLUMN_MEMBERS:
    case COLUMN_STATUS:
    case COLUMN_N:
    default:
      {
        GtkWidget *text = dn_list_cell_text_new (3, 12);

        if (column != COLUMN_STATUS)
          gtk_widget_add_css_class (text, "numeric");
        return text;
      }
    }
}

static void
show_item (DnListPage *page,
           int         column,
           GtkWidget  *cell,
           gpointer    item)
{
  DnDelegation *d = DN_DELEGATION (item);
  g_autofree char *text = NULL;

  switch ((Column) column)
    {
    case COLUMN_DATES:
      if (g_date_valid (&d->start_date) && g_date_valid (&d->end_date))
        {
          g_autofree char *start = dn_date_format_short (&d->start_date);
          g_autofree char *end = dn_date_format_short (&d->end_date);

          text = g_strdup_printf ("%s – %s", start, end);
        }
      break;
    case COLUMN_COUNTRIES:
      text = dn_country_dup_names (d->country_codes);
      /* a visit without a country stated: who comes */
      if (text[0] == '\0' && d->direction == DN_DELEGATION_INBOUND)
        {
          g_free (text);
          text = g_strdup (d->partner_name[0] != '\0' ? d->partner_name : d->inviting_party);
        }
      break;
    case COLUMN_MEMBERS:
      text = d->id > 0 ? g_strdup_printf ("%u", d->n_members) : NULL;
      break;
    case COLUMN_STATUS:
      text = d->id > 0 ? g_strdup (dn_delegation_status_label (d->direction, d->status)) : NULL;
      break;
    case COLUMN_REPORT_DUE:
      {
        gboolean overdue = report_overdue (d, dn_list_page_get_today (page));

        if (g_date_valid (&d->report_due_date) && d->status == DN_DELEGATION_RETURNED)
          text = dn_date_format_short (&d->report_due_date);
        dn_list_cell_marked_show (cell, overdue ? &overdue_mark : NULL, text);
        return;
      }
    case COLUMN_TITLE:
      text = g_strdup (d->title);
      break;
    case COLUMN_N:
    default:
      break;
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static char *
get_tooltip (DnListPage *page,
             int         column,
             gpointer    item)
{
  DnDelegation *d = DN_DELEGATION (item);

  if (column == COLUMN_REPORT_DUE && report_overdue (d, dn_list_page_get_today (page)))
    return g_strdup (_("The results report of this trip is overdue."));
  if (column == COLUMN_TITLE && d->purpose[0] != '\0')
    return g_strdup (d->purpose);
  return NULL;
}

/*
 * DnListPage
 */

static void
get_query (DnListPage *page,
           gpointer    query)
{
  DnDelegationListPage *self = DN_DELEGATION_LIST_PAGE (page);

  dn_delegation_filter_set_today (self->filter, dn_list_page_get_today (page));
  dn_delegation_filter_to_query (self->filter, query);
}

/* (the search entry and the toggle follow the filter) */
static void
clear_filters (DnListPage *page)
{
  DnDelegationFilter *filter = DN_DELEGATION_LIST_PAGE (page)->filter;

  dn_delegation_filter_set_text (filter, NULL);
  dn_delegation_filter_set_status (filter, -1);
  dn_delegation_filter_set_report_overdue (filter, FALSE);
  dn_delegation_filter_set_abroad_on (filter, NULL);
}

/* The overview's links: "abroad" (approved or abroad today),
 * "report-overdue", "all" (or ""). */
static gboolean
apply_preset (DnListPage *page,
              const char *preset)
{
  DnDelegationListPage *self = DN_DELEGATION_LIST_PAGE (page);

  if (g_strcmp0 (preset, "abroad") != 0 && g_strcmp0 (preset, "report-overdue") != 0 &&
      g_strcmp0 (preset, "all") != 0 && g_strcmp0 (preset, "") != 0)
    return FALSE;
  clear_filters (page);
  if (g_str_equal (preset, "abroad"))
    dn_delegation_filter_set_abroad_on (self->filter, dn_list_page_get_today (page));
  else
    dn_delegation_filter_set_abroad_on (self->filter, NULL);
  if (g_str_equal (preset, "report-overdue"))
    dn_delegation_filter_set_report_overdue (self->filter, TRUE);
  return TRUE;
}

static char *
format_count (DnListPage *page,
              guint       n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u delegation", "%u delegations", n), n);
}

void
dn_delegation_list_page_open_delegation (DnDelegationListPage *self,
                                         gint64                id)
{
  g_return_if_fail (DN_IS_DELEGATION_LIST_PAGE (self));
  dn_list_page_open_record (DN_LIST_PAGE (self), id);
}

static GtkWindow *
new_details (DnListPage *page,
             DnStore    *store,
             gint64      id)
{
  GtkWindow *details = dn_delegation_details_new (store, id);
  DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (page));

  /* its forms show their messages in the page's window */
  if (context != NULL)
    dn_window_context_attach (GTK_WIDGET (details), context);
  return details;
}

/* The status changes on the selected delegation, by action. */
static const struct
{
  const char         *name;
  DnDelegationStatus  to;
} status_actions[] = {
  { "delegation.approve", DN_DELEGATION_APPROVED },
  { "delegation.depart", DN_DELEGATION_ABROAD },
  { "delegation.return", DN_DELEGATION_RETURNED },
  { "delegation.record-report", DN_DELEGATION_REPORTED },
  { "delegation.cancel", DN_DELEGATION_CANCELLED },
};

static void
update_actions (DnListPage *page)
{
  g_autoptr(DnDelegation) d = dn_list_page_dup_selected_item (page);

  for (guint i = 0; i < G_N_ELEMENTS (status_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (page), status_actions[i].name,
                                   d != NULL && d->id > 0 && dn_delegation_status_can_change (d->status,
                                                                                              status_actions[i].to));
}

/*
 * Actions
 */

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DnDelegationListPage *self = DN_DELEGATION_LIST_PAGE (widget);
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));

  if (store == NULL || id <= 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (status_actions); i++)
    if (g_str_equal (status_actions[i].name, action_name))
      {
        DnFormDialog *form = dn_delegation_change_status (widget, store, id, status_actions[i].to);

        g_set_weak_pointer (&self->last_form, form != NULL ? GTK_WINDOW (form) : NULL);
      }
}

static void
on_deleted (GtkWidget    *widget,
            DnWrite      *write,
            const GError *error,
            gpointer      data)
{
  if (error != NULL)
    dn_list_page_show_message (DN_LIST_PAGE (widget), error->message);
}

static void
delete_cb (DnDelegationListPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));

  if (store != NULL && id > 0)
    dn_window_context_delete_for (GTK_WIDGET (self), store, &dn_writable_delegation, id, on_deleted, NULL, NULL);
}

static GtkWindow *
present_editor (DnDelegationListPage *self,
                gint64                id)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;
  DnWindowContext *context;
  GtkWindow *editor;
  GtkRoot *root;

  if (store == NULL)
    return NULL;
  editor = dn_delegation_editor_new (store, self->direction, id, &error);
  if (editor == NULL)
    {
      dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
      return NULL;
    }
  context = dn_window_context_from_widget (GTK_WIDGET (self));
  if (id == 0 && context != NULL)
    dn_delegation_editor_set_unit (DN_DELEGATION_EDITOR (editor), dn_window_context_get_my_unit (context));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (editor, GTK_WINDOW (root));
      gtk_window_set_modal (editor, TRUE);
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (dn_list_page_select_id), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
  return editor;
}

GtkWindow *
dn_delegation_list_page_new_delegation (DnDelegationListPage *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_LIST_PAGE (self), NULL);
  return present_editor (self, 0);
}

GtkWindow *
dn_delegation_list_page_edit_selected (DnDelegationListPage *self)
{
  gint64 id;

  g_return_val_if_fail (DN_IS_DELEGATION_LIST_PAGE (self), NULL);
  id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));
  return id > 0 ? present_editor (self, id) : NULL;
}

static void
new_cb (DnDelegationListPage *self)
{
  dn_delegation_list_page_new_delegation (self);
}

static void
edit_cb (DnDelegationListPage *self)
{
  dn_delegation_list_page_edit_selected (self);
}

/*
 * GObject
 */

static void
dn_delegation_list_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DIRECTION:
      g_value_set_int (value, DN_DELEGATION_LIST_PAGE (object)->direction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_delegation_list_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DIRECTION:
      DN_DELEGATION_LIST_PAGE (object)->direction = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dn_delegation_list_page_constructed (GObject *object)
{
  DnDelegationListPage *self = DN_DELEGATION_LIST_PAGE (object);
  gboolean out = self->direction == DN_DELEGATION_OUTBOUND;

  G_OBJECT_CLASS (dn_delegation_list_page_parent_class)->constructed (object);

  dn_delegation_filter_set_direction (self->filter, self->direction);
  /* the texts of one direction (the others are in the template) */
  g_object_set (self,
                "name-prefix", out ? "outbound" : "inbound",
                "table-label", out ? _("Outbound delegations") : _("Inbound delegations"),
                "empty-title", out ? _("No outbound delegations yet") : _("No inbound delegations yet"),
                "empty-description",
                out ? _("Add a trip abroad with New Delegation: its countries, members and decision.")
                    : _("Add a visit with New Delegation: its guests, programme and approval."),
                "empty-icon", out ? "airplane-mode-symbolic" : "system-users-symbolic",
                NULL);
  dn_list_page_add_column (DN_LIST_PAGE (self), COLUMN_DATES, _("Dates"), 190, 0);
  dn_list_page_add_column (DN_LIST_PAGE (self), COLUMN_COUNTRIES, out ? _("Countries") : _("From"), 160, 0);
  dn_list_page_add_column (DN_LIST_PAGE (self), COLUMN_MEMBERS, out ? _("Members") : _("Guests"), 100, 0);
  dn_list_page_add_column (DN_LIST_PAGE (self), COLUMN_STATUS, _("Status"), 150, 0);
  dn_list_page_add_column (DN_LIST_PAGE (self), COLUMN_REPORT_DUE, _("Report due"), 120, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (DN_LIST_PAGE (self), COLUMN_TITLE, _("Delegation"), 0, DN_LIST_COLUMN_TOOLTIP);
  update_actions (DN_LIST_PAGE (self));
}

static void
dn_delegation_list_page_dispose (GObject *object)
{
  DnDelegationListPage *self = DN_DELEGATION_LIST_PAGE (object);

  g_clear_weak_pointer (&self->last_form);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_DELEGATION_LIST_PAGE);
  G_OBJECT_CLASS (dn_delegation_list_page_parent_class)->dispose (object);
}

static void
dn_delegation_list_page_class_init (DnDelegationListPageClass *klass)
{
  static const DnAction actions[] = {
    { "delegation.new", G_CALLBACK (new_cb) },
  };
  static const DnAction record_actions[] = {
    { "delegation.edit", G_CALLBACK (edit_cb) },
    { "delegation.open", G_CALLBACK (dn_list_page_open_selected) },
    { "delegation.delete", G_CALLBACK (delete_cb) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DnListPageClass *page_class = DN_LIST_PAGE_CLASS (klass);

  object_class->get_property = dn_delegation_list_page_get_property;
  object_class->set_property = dn_delegation_list_page_set_property;
  object_class->constructed = dn_delegation_list_page_constructed;
  object_class->dispose = dn_delegation_list_page_dispose;
  page_class->model_type = DN_TYPE_DELEGATION_LIST_MODEL;
  page_class->get_query = get_query;
  page_class->clear_filters = clear_filters;
  page_class->format_count = format_count;
  page_class->create_cell = create_cell;
  page_class->show_item = show_item;
  page_class->get_tooltip = get_tooltip;
  page_class->update_actions = update_actions;
  page_class->apply_preset = apply_preset;
  dn_list_page_class_set_details (page_class, DN_TYPE_DELEGATION_DETAILS, new_details);

  properties[PROP_DIRECTION] =
    g_param_spec_int ("direction", NULL, NULL, 0, DN_DELEGATION_DIRECTION_N - 1, DN_DELEGATION_OUTBOUND,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  dn_ui_class_set_template (widget_class, "dn-delegation-list-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDelegationListPage, search_entry, status_dropdown, overdue_toggle);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  dn_list_page_class_install_record_actions (page_class, record_actions, G_N_ELEMENTS (record_actions));
  for (guint i = 0; i < G_N_ELEMENTS (status_actions); i++)
    gtk_widget_class_install_action (widget_class, status_actions[i].name, NULL, change_status_action);
  dn_list_page_class_add_clear_action (page_class, "delegation.clear-filters");
}

static void
dn_delegation_list_page_init (DnDelegationListPage *self)
{
  static const DnListFilterFuncs filter_funcs = { G_CALLBACK (dn_delegation_filter_is_active), NULL, NULL, NULL };

  self->filter = dn_delegation_filter_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  dn_ui_bind_enum_filter (self->filter, "status", self->status_dropdown, _("All statuses"), DN_DELEGATION_STATUS_N,
                          G_CALLBACK (dn_delegation_status_get_label));
  g_object_bind_property (self->filter, "report-overdue", self->overdue_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  dn_list_page_set_filter (DN_LIST_PAGE (self), self->filter, &filter_funcs, self->search_entry);
}

GtkWidget *
dn_delegation_list_page_new (DnDelegationDirection direction)
{
  return g_object_new (DN_TYPE_DELEGATION_LIST_PAGE, "direction", direction, NULL);
}

DnDelegationDirection
dn_delegation_list_page_get_direction (DnDelegationListPage *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_LIST_PAGE (self), DN_DELEGATION_OUTBOUND);
  return self->direction;
}

void
dn_delegation_list_page_set_store (DnDelegationListPage *self,
                                   DnStore              *store)
{
  g_return_if_fail (DN_IS_DELEGATION_LIST_PAGE (self));
  dn_list_page_set_store (DN_LIST_PAGE (self), store);
}

void
dn_delegation_list_page_show_overdue (DnDelegationListPage *self,
                                      gboolean              overdue)
{
  g_return_if_fail (DN_IS_DELEGATION_LIST_PAGE (self));
  gtk_toggle_button_set_active (self->overdue_toggle, overdue);
}

GtkWindow *
dn_delegation_list_page_get_last_form (DnDelegationListPage *self)
{
  g_return_val_if_fail (DN_IS_DELEGATION_LIST_PAGE (self), NULL);
  return self->last_form;
}
