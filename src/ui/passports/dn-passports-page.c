/* dn-passports-page.c: the Hộ chiếu section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-list-models.h"
#include "dn-passport-details.h"
#include "dn-passport-forms.h"
#include "dn-passport-ledger.h"
#include "dn-passports-page.h"
#include "dn-writable.h"
#include "dn-ui.h"
#include "dn-window-context.h"

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_HOLDER,
  COLUMN_KIND,
  COLUMN_EXPIRY,
  COLUMN_STATE,
  COLUMN_DUE,
  N_COLUMNS
} Column;

struct _DnPassportsPage
{
  DnListPage         parent_instance;

  DnPassportFilter  *filter;        /* the page's (not a reference) */
  GDate              expiry_limit;  /* today + the validity months: "expiring soon" before it */
  guint              updating;      /* > 0 while widgets are set from code */

  GtkSearchEntry    *search_entry;
  GtkDropDown       *state_dropdown;
  GtkToggleButton   *out_toggle;
  GtkToggleButton   *overdue_toggle;
  GtkToggleButton   *expiring_toggle;
};

G_DEFINE_FINAL_TYPE (DnPassportsPage, dn_passports_page, DN_TYPE_LIST_PAGE)

/* How a passport stands on @today. */
static gboolean
is_overdue (DnPassport  *passport,
            const GDate *today)
{
  return passport->state == DN_PASSPORT_OUT && g_date_valid (&passport->due_back_on) &&
         g_date_compare (&passport->due_back_on, today) < 0;
}

static gboolean
is_expiring (DnPassportsPage *self,
             DnPassport      *passport)
{
  return (passport->state == DN_PASSPORT_IN_OFFICE || passport->state == DN_PASSPORT_OUT) &&
         g_date_valid (&passport->expiry_date) && g_date_valid (&self->expiry_limit) &&
         g_date_compare (&passport->expiry_date, &self->expiry_limit) < 0;
}

static void
update_expiry_limit (DnPassportsPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));

  g_date_clear (&self->expiry_limit, 1);
  if (store != NULL)
    dn_alert_get_limit (store, DN_ALERT_PASSPORTS_EXPIRING, dn_list_page_get_today (DN_LIST_PAGE (self)),
                        &self->expiry_limit);
}

/*
 * The filters
 */

static void
on_filter_expiring_cb (DnPassportsPage *self)
{
  GDate day;
  gboolean on;

  dn_passport_filter_get_expiring_before (self->filter, &day);
  on = g_date_valid (&day);
  if (gtk_toggle_button_get_active (self->expiring_toggle) == on)
    return;
  self->updating++;
  gtk_toggle_button_set_active (self->expiring_toggle, on);
  self->updating--;
}

static void
on_expiring_toggled_cb (DnPassportsPage *self)
{
  if (self->updating > 0)
    return;
  update_expiry_limit (self);
  dn_passport_filter_set_expiring_before (self->filter, gtk_toggle_button_get_active (self->expiring_toggle)
                                                        ? &self->expiry_limit : NULL);
}

/*
 * DnListPage
 */

/* the day judged on and "expiring soon" follow the page's today */
static void
get_query (DnListPage *page,
           gpointer    query)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);

  dn_passport_filter_set_today (self->filter, dn_list_page_get_today (page));
  update_expiry_limit (self);
  if (gtk_toggle_button_get_active (self->expiring_toggle))
    dn_passport_filter_set_expiring_before (self->filter, &self->expiry_limit);
  dn_passport_filter_to_query (self->filter, query);
}

/* The links of the overview's cards and the notification
 * ("passports:overdue"…): every filter cleared first. */
static gboolean
apply_preset (DnListPage *page,
              const char *preset)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);
  gboolean known = TRUE;

  g_object_freeze_notify (G_OBJECT (self->filter));
  if (g_str_equal (preset, "all") || g_str_equal (preset, ""))
    dn_passport_filter_reset (self->filter);
  else if (g_str_equal (preset, "overdue"))
    {
      dn_passport_filter_reset (self->filter);
      dn_passport_filter_set_only_overdue (self->filter, TRUE);
    }
  else if (g_str_equal (preset, "out"))
    {
      dn_passport_filter_reset (self->filter);
      dn_passport_filter_set_only_out (self->filter, TRUE);
    }
  else if (g_str_equal (preset, "expiring"))
    {
      dn_passport_filter_reset (self->filter);
      update_expiry_limit (self);
      if (g_date_valid (&self->expiry_limit))
        dn_passport_filter_set_expiring_before (self->filter, &self->expiry_limit);
      else
        {
          GDate today = *dn_list_page_get_today (page);

          /* no store yet: any valid day marks the filter; the query sets the limit */
          dn_passport_filter_set_expiring_before (self->filter, &today);
        }
    }
  else
    known = FALSE;
  g_object_thaw_notify (G_OBJECT (self->filter));
  return known;
}

static char *
format_count (DnListPage *page,
              guint       n)
{
  return g_strdup_printf (ngettext ("%u passport", "%u passports", n), n);
}

static GtkWidget *
create_cell (DnListPage *page,
             int         column)
{
  switch ((Column) column)
    {
    case COLUMN_EXPIRY:
      return dn_list_cell_marked_new ("passport-expiry-cell");
    case COLUMN_DUE:
      return dn_list_cell_marked_new ("passport-due-cell");
    case COLUMN_HOLDER:
      return dn_list_cell_text_new (12, 28);
    case COLUMN_NUMBER:
    case COLUMN_KIND:
    case COLUMN_STATE:
    case N_COLUMNS:
    default:
      return dn_list_cell_text_new (3, 12);
    }
}

static const DnListMark expiring_mark = { "dn-expiring", "alarm-symbolic", N_("Expiring soon") };
static const DnListMark overdue_mark = { "dn-overdue", "dialog-warning-symbolic", N_("Overdue return") };

static void
show_marked (GtkWidget        *box,
             const GDate      *date,
             const DnListMark *mark)
{
  g_autofree char *shown = date != NULL && g_date_valid (date) ? dn_date_format_short (date) : NULL;

  dn_list_cell_marked_show (box, mark, shown);
}

static void
show_item (DnListPage *page,
           int         column,
           GtkWidget  *cell,
           gpointer    item)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);
  DnPassport *passport = DN_PASSPORT (item);
  gboolean real = passport->number[0] != '\0';

  switch ((Column) column)
    {
    case COLUMN_NUMBER:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), passport->number);
      break;
    case COLUMN_HOLDER:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), passport->holder_name);
      break;
    case COLUMN_KIND:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), real ? dn_passport_kind_get_label (passport->kind) : "");
      break;
    case COLUMN_EXPIRY:
      show_marked (cell, &passport->expiry_date, real && is_expiring (self, passport) ? &expiring_mark : NULL);
      break;
    case COLUMN_STATE:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), real ? dn_passport_state_get_label (passport->state) : "");
      dn_ui_set_css_class (cell, "dim-label", passport->state == DN_PASSPORT_LOST ||
                                               passport->state == DN_PASSPORT_TRANSFERRED ||
                                               passport->state == DN_PASSPORT_CANCELLED);
      break;
    case COLUMN_DUE:
      show_marked (cell, passport->state == DN_PASSPORT_OUT ? &passport->due_back_on : NULL,
                   real && is_overdue (passport, dn_list_page_get_today (page)) ? &overdue_mark : NULL);
      break;
    case N_COLUMNS:
    default:
      break;
    }
}

static char *
get_tooltip (DnListPage *page,
             int         column,
             gpointer    item)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);
  DnPassport *passport = DN_PASSPORT (item);
  const GDate *today = dn_list_page_get_today (page);

  if (passport->number[0] == '\0')
    return NULL;
  switch ((Column) column)
    {
    case COLUMN_HOLDER:
      return passport->holder_unit_name[0] != '\0'
             ? g_strdup_printf ("%s (%s)", passport->holder_name, passport->holder_unit_name) : NULL;
    case COLUMN_EXPIRY:
      {
        int days = g_date_days_between (today, &passport->expiry_date);

        if (!is_expiring (self, passport))
          return NULL;
        if (days < 0)
          return g_strdup_printf (ngettext ("Expired %d day ago", "Expired %d days ago", -days), -days);
        return g_strdup_printf (ngettext ("Expires in %d day: renew or extend it before the next trip",
                                          "Expires in %d days: renew or extend it before the next trip", days), days);
      }
    case COLUMN_STATE:
      return passport->state == DN_PASSPORT_OUT
             ? g_strdup_printf (_("Handed out for “%s”"), passport->delegation_title) : NULL;
    case COLUMN_DUE:
      {
        int days;

        if (passport->state != DN_PASSPORT_OUT)
          return NULL;
        days = g_date_days_between (&passport->due_back_on, today);
        if (days > 0)
          return g_strdup_printf (ngettext ("Overdue: not returned %d day after its due date",
                                            "Overdue: not returned %d days after its due date", days), days);
        {
          DnStore *store = dn_list_page_get_store (page);
          int n = store != NULL ? dn_store_get_setting (store, passport->kind == DN_PASSPORT_ORDINARY
                                                               ? DN_SETTING_ORDINARY_RETURN_DAYS
                                                               : DN_SETTING_PASSPORT_RETURN_DAYS) : 5;

          return g_strdup_printf (ngettext ("Due back %02d working day after the end of the trip",
                                            "Due back %02d working days after the end of the trip", n), n);
        }
      }
    case COLUMN_NUMBER:
    case COLUMN_KIND:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static GtkWindow *
new_details (DnListPage *page,
             DnStore    *store,
             gint64      id)
{
  return GTK_WINDOW (dn_passport_details_new (store, id));
}

static void
update_actions (DnListPage *page)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);
  g_autoptr(DnPassport) passport = dn_list_page_dup_selected_item (page);
  gboolean with_store = dn_list_page_get_store (page) != NULL;
  gboolean selected = passport != NULL && passport->id > 0 && passport->number[0] != '\0';
  gboolean kept = selected && passport->state == DN_PASSPORT_IN_OFFICE;
  gboolean out = selected && passport->state == DN_PASSPORT_OUT;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "passport.print-ledger", with_store);
  gtk_widget_action_set_enabled (widget, "passport.edit", selected);
  gtk_widget_action_set_enabled (widget, "passport.open", selected);
  gtk_widget_action_set_enabled (widget, "passport.delete", selected);
  gtk_widget_action_set_enabled (widget, "passport.hand-out", kept);
  gtk_widget_action_set_enabled (widget, "passport.take-back", out);
  gtk_widget_action_set_enabled (widget, "passport.extend",
                                 (kept || out) && passport->kind != DN_PASSPORT_ORDINARY &&
                                 passport->extension_count == 0);
  gtk_widget_action_set_enabled (widget, "passport.record-loss", kept || out);
  gtk_widget_action_set_enabled (widget, "passport.record-transfer", kept);
  gtk_widget_action_set_enabled (widget, "passport.record-cancellation", kept);
}

/*
 * Actions
 */

/* A fresh copy of the selected passport (the list's row may be older). */
static DnPassport *
dup_selected (DnPassportsPage *self)
{
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;
  DnPassport *passport;

  if (id <= 0 || store == NULL)
    return NULL;
  passport = dn_store_get_passport (store, id, &error);
  if (passport == NULL)
    dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
  return passport;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (widget));

  if (store != NULL)
    dn_passport_forms_edit (widget, store, NULL);
}

/* The forms on the selected passport, by action: its own function, or
 * dn_passport_forms_event() with its kind of event. */
static const struct
{
  const char           *name;
  DnFormDialog       *(*open) (GtkWidget *over, DnStore *store, DnPassport *passport);
  DnPassportEventKind   event;
} passport_forms[] = {
  { "passport.edit", dn_passport_forms_edit, 0 },
  { "passport.hand-out", dn_passport_forms_hand_out, 0 },
  { "passport.take-back", dn_passport_forms_take_back, 0 },
  { "passport.extend", dn_passport_forms_extend, 0 },
  { "passport.record-loss", NULL, DN_PASSPORT_EVENT_LOST },
  { "passport.record-transfer", NULL, DN_PASSPORT_EVENT_TRANSFERRED },
  { "passport.record-cancellation", NULL, DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION },
};

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_autoptr(DnPassport) passport = dup_selected (DN_PASSPORTS_PAGE (widget));
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (widget));

  for (guint i = 0; passport != NULL && i < G_N_ELEMENTS (passport_forms); i++)
    if (g_str_equal (passport_forms[i].name, action_name))
      {
        if (passport_forms[i].open != NULL)
          passport_forms[i].open (widget, store, passport);
        else
          dn_passport_forms_event (widget, store, passport, passport_forms[i].event);
      }
}

/* Undo of a delete: the passport added again as it was. */
static gboolean
undo_delete (DnStore   *store,
             gpointer   data,
             GError   **error)
{
  DnPassport *passport = data;

  passport->id = 0;
  return dn_store_add_passport (store, passport, error);
}

/* Deleted (with the window's writer): said, with Undo where the writer
 * can undo */
static void
on_deleted (GtkWidget    *widget,
            DnWrite      *write,
            const GError *error,
            gpointer      data)
{
  DnPassport *passport = data;
  DnWindowContext *context = dn_window_context_from_widget (widget);
  g_autofree char *label = NULL;

  if (error != NULL)
    {
      dn_list_page_show_message (DN_LIST_PAGE (widget), error->message);
      return;
    }
  label = g_strdup_printf (_("Passport %s was deleted."), passport->number);
  if (context != NULL)
    dn_window_context_push_undo (context, label, undo_delete, g_object_ref (passport), g_object_unref);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DnPassport *passport = dup_selected (DN_PASSPORTS_PAGE (widget));

  if (passport != NULL)
    dn_window_context_delete_for (widget, dn_list_page_get_store (DN_LIST_PAGE (widget)), &dn_writable_passport,
                                  passport->id, on_deleted, passport, g_object_unref);
}

static void
print_ledger_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (widget));
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(DnPrintBook) ledger = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (store == NULL)
    return;
  lines = dn_store_list_passport_loans (store, 0, 0, &error);
  if (lines != NULL)
    {
      ledger = dn_passport_ledger_new (lines, NULL);
      if (dn_passport_ledger_print (ledger, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error))
        return;
    }
  dn_list_page_show_message (DN_LIST_PAGE (widget), error->message);
}

/*
 * GObject
 */

static void
dn_passports_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DN_TYPE_PASSPORTS_PAGE);
  G_OBJECT_CLASS (dn_passports_page_parent_class)->dispose (object);
}

static void
dn_passports_page_class_init (DnPassportsPageClass *klass)
{
  static const DnAction actions[] = {
    { "passport.open", G_CALLBACK (dn_list_page_open_selected) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DnListPageClass *page_class = DN_LIST_PAGE_CLASS (klass);

  object_class->dispose = dn_passports_page_dispose;
  page_class->model_type = DN_TYPE_PASSPORT_LIST_MODEL;
  page_class->get_query = get_query;
  page_class->format_count = format_count;
  page_class->create_cell = create_cell;
  page_class->show_item = show_item;
  page_class->get_tooltip = get_tooltip;
  page_class->update_actions = update_actions;
  page_class->apply_preset = apply_preset;
  dn_list_page_class_set_details (page_class, DN_TYPE_PASSPORT_DETAILS, new_details);

  dn_ui_class_set_template (widget_class, "dn-passports-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPassportsPage, search_entry, state_dropdown, out_toggle, overdue_toggle,
                             expiring_toggle);

  gtk_widget_class_install_action (widget_class, "passport.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "passport.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "passport.print-ledger", NULL, print_ledger_action);
  for (guint i = 0; i < G_N_ELEMENTS (passport_forms); i++)
    gtk_widget_class_install_action (widget_class, passport_forms[i].name, NULL, form_action);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  dn_list_page_class_add_clear_action (page_class, "passport.clear-filters");
  dn_list_page_class_bind_delete (page_class, "passport.delete");
}

/* The state is never cut ("Cơ quan đang quả…"): its column fits the
 * longest, with a cell's padding. */
static int
state_width (GtkWidget *widget)
{
  const char *states[DN_PASSPORT_STATE_N];

  for (int s = 0; s < DN_PASSPORT_STATE_N; s++)
    states[s] = dn_passport_state_get_label ((DnPassportState) s);
  return dn_list_cell_widest (widget, states, G_N_ELEMENTS (states));
}

static void
dn_passports_page_init (DnPassportsPage *self)
{
  static const DnListFilterFuncs filter_funcs = {
    G_CALLBACK (dn_passport_filter_is_active),
    G_CALLBACK (dn_passport_filter_reset),
    NULL,
    NULL,
  };
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  DnListPage *page = DN_LIST_PAGE (self);

  g_date_clear (&self->expiry_limit, 1);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = dn_passport_filter_new ();
  dn_ui_bind_enum_filter (self->filter, "state", self->state_dropdown, _("All states"), DN_PASSPORT_STATE_N,
                          G_CALLBACK (dn_passport_state_get_label));
  g_object_bind_property (self->filter, "only-out", self->out_toggle, "active", flags);
  g_object_bind_property (self->filter, "only-overdue", self->overdue_toggle, "active", flags);
  g_signal_connect_swapped (self->expiring_toggle, "toggled", G_CALLBACK (on_expiring_toggled_cb), self);
  dn_list_page_set_filter (page, self->filter, &filter_funcs, self->search_entry);
  g_signal_connect_swapped (self->filter, "notify::expiring-before", G_CALLBACK (on_filter_expiring_cb), self);

  dn_list_page_add_column (page, COLUMN_NUMBER, _("Number"), 110, 0);
  dn_list_page_add_column (page, COLUMN_HOLDER, _("Holder"), 0, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (page, COLUMN_KIND, _("Kind"), 170, 0);
  dn_list_page_add_column (page, COLUMN_EXPIRY, _("Expires"), 120, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (page, COLUMN_STATE, _("State"), MAX (150, state_width (GTK_WIDGET (self))),
                           DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_add_column (page, COLUMN_DUE, _("Due back"), 120, DN_LIST_COLUMN_TOOLTIP);
  dn_list_page_set_column_priority (page, COLUMN_KIND, 1);
  update_actions (page);
}

/*
 * Public API
 */

void
dn_passports_page_set_store (DnPassportsPage *self,
                             DnStore         *store)
{
  g_return_if_fail (DN_IS_PASSPORTS_PAGE (self));
  dn_list_page_set_store (DN_LIST_PAGE (self), store);
}

void
dn_passports_page_open_passport (DnPassportsPage *self,
                                 gint64           passport_id)
{
  g_return_if_fail (DN_IS_PASSPORTS_PAGE (self));
  dn_list_page_open_record (DN_LIST_PAGE (self), passport_id);
}
