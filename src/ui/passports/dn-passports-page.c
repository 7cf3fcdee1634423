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

  DnPassportFilter  *filter;
  GDate              expiry_limit;  /* today + the validity months: "expiring soon" before it */
  guint              applying;      /* > 0 while code sets the filter */
  guint              updating;      /* > 0 while widgets are set from code */

  GtkSearchEntry    *search_entry;
  GtkDropDown       *state_dropdown;
  GtkToggleButton   *out_toggle;
  GtkToggleButton   *overdue_toggle;
  GtkToggleButton   *expiring_toggle;
};

G_DEFINE_FINAL_TYPE (DnPassportsPage, dn_passports_page, DN_TYPE_LIST_PAGE)

static void
show_message (DnPassportsPage *self,
              const char      *text)
{
  DnWindowContext *context = dn_window_context_from_widget (GTK_WIDGET (self));

  if (context != NULL)
    dn_window_context_show_message (context, text);
  else
    g_message ("%s", text);
}

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
on_filter_changed_cb (DnPassportsPage *self)
{
  if (self->applying == 0)
    dn_list_page_reload_async (DN_LIST_PAGE (self));
}

static void
on_filter_text_cb (DnPassportsPage *self)
{
  const char *text = dn_passport_filter_get_text (self->filter);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text != NULL ? text : "") == 0)
    return;
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->updating--;
}

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
on_search_changed_cb (DnPassportsPage *self)
{
  if (self->updating == 0)
    dn_passport_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_stop_cb (DnPassportsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
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

static DnQueryModel *
create_model (DnListPage *page,
              DnStore    *store)
{
  return DN_QUERY_MODEL (dn_passport_list_model_new (store));
}

static gboolean
run_query (DnListPage    *page,
           DnQueryModel  *model,
           gboolean       async,
           GError       **error)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);
  DnPassportQuery query;

  /* the day judged on and "expiring soon" follow the page's today */
  self->applying++;
  dn_passport_filter_set_today (self->filter, dn_list_page_get_today (page));
  update_expiry_limit (self);
  if (gtk_toggle_button_get_active (self->expiring_toggle))
    dn_passport_filter_set_expiring_before (self->filter, &self->expiry_limit);
  self->applying--;
  dn_passport_filter_to_query (self->filter, &query);
  if (!async)
    return dn_passport_list_model_set_query (DN_PASSPORT_LIST_MODEL (model), &query, error);
  dn_passport_list_model_set_query_async (DN_PASSPORT_LIST_MODEL (model), &query);
  return TRUE;
}

static gboolean
is_filtered (DnListPage *page)
{
  DnPassportFilter *filter = DN_PASSPORTS_PAGE (page)->filter;

  return filter != NULL && dn_passport_filter_is_active (filter);
}

static void
clear_filters (DnListPage *page)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);

  self->applying++;
  dn_passport_filter_reset (self->filter);
  self->applying--;
}

/* The links of the overview's cards and the notification
 * ("passports:overdue"…): every filter cleared first. */
static gboolean
apply_preset (DnListPage *page,
              const char *preset)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (page);
  gboolean known = TRUE;

  self->applying++;
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
  self->applying--;
  return known;
}

static char *
format_count (DnListPage *page,
              guint       n)
{
  return g_strdup_printf (ngettext ("%u passport", "%u passports", n), n);
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

/* A date with a mark: an icon shown when marked, then the text. */
static GtkWidget *
marked_cell (const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *text = cell_text (3, 10);

  gtk_widget_set_name (box, name);
  gtk_widget_add_css_class (text, "numeric");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_visible (image, FALSE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static GtkWidget *
create_cell (DnListPage *page,
             int         column)
{
  switch ((Column) column)
    {
    case COLUMN_EXPIRY:
      return marked_cell ("passport-expiry-cell");
    case COLUMN_DUE:
      return marked_cell ("passport-due-cell");
    case COLUMN_HOLDER:
      return cell_text (12, 28);
    case COLUMN_NUMBER:
    case COLUMN_KIND:
    case COLUMN_STATE:
    case N_COLUMNS:
    default:
      return cell_text (3, 12);
    }
}

static void
show_marked (GtkWidget   *box,
             const GDate *date,
             gboolean     marked,
             const char  *css_class,
             const char  *icon,
             const char  *icon_label)
{
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (image);
  g_autofree char *shown = date != NULL && g_date_valid (date) ? dn_date_format_short (date) : NULL;

  dn_ui_set_css_class (box, css_class, marked);
  if (marked && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon) != 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, icon_label, -1);
    }
  gtk_widget_set_visible (image, marked);
  gtk_inscription_set_text (GTK_INSCRIPTION (text), shown);
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
      show_marked (cell, &passport->expiry_date, real && is_expiring (self, passport), "dn-expiring",
                   "alarm-symbolic", _("Expiring soon"));
      break;
    case COLUMN_STATE:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), real ? dn_passport_state_get_label (passport->state) : "");
      dn_ui_set_css_class (cell, "dim-label", passport->state == DN_PASSPORT_LOST ||
                                               passport->state == DN_PASSPORT_TRANSFERRED ||
                                               passport->state == DN_PASSPORT_CANCELLED);
      break;
    case COLUMN_DUE:
      show_marked (cell, passport->state == DN_PASSPORT_OUT ? &passport->due_back_on : NULL,
                   real && is_overdue (passport, dn_list_page_get_today (page)), "dn-overdue",
                   "dialog-warning-symbolic", _("Overdue return"));
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

static void
activate_item (DnListPage *page,
               gpointer    item)
{
  if (DN_PASSPORT (item)->id > 0)
    dn_passports_page_open_passport (DN_PASSPORTS_PAGE (page), DN_PASSPORT (item)->id);
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

  if (self->filter == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "passport.new", with_store);
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
  gtk_widget_action_set_enabled (widget, "passport.clear-filters",
                                 with_store && dn_passport_filter_is_active (self->filter));
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
    show_message (self, error->message);
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

#define WITH_SELECTED(body) \
  G_STMT_START { \
    DnPassportsPage *self = DN_PASSPORTS_PAGE (widget); \
    g_autoptr(DnPassport) passport = dup_selected (self); \
    DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self)); \
    if (passport == NULL) \
      return; \
    body; \
  } G_STMT_END

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passport_forms_edit (widget, store, passport));
}

static void
hand_out_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passport_forms_hand_out (widget, store, passport));
}

static void
take_back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passport_forms_take_back (widget, store, passport));
}

static void
extend_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passport_forms_extend (widget, store, passport));
}

static void
loss_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passport_forms_event (widget, store, passport, DN_PASSPORT_EVENT_LOST));
}

static void
transfer_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passport_forms_event (widget, store, passport, DN_PASSPORT_EVENT_TRANSFERRED));
}

static void
cancellation_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passport_forms_event (widget, store, passport, DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION));
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED (dn_passports_page_open_passport (self, passport->id); (void) store);
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

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  WITH_SELECTED ({
    g_autoptr(GError) error = NULL;
    g_autofree char *label = NULL;
    DnWindowContext *context = dn_window_context_from_widget (widget);

    if (!dn_store_delete_passport (store, passport->id, &error))
      {
        show_message (self, error->message);
        return;
      }
    label = g_strdup_printf (_("Passport %s was deleted."), passport->number);
    if (context != NULL)
      dn_window_context_push_undo (context, label, undo_delete, g_object_ref (passport), g_object_unref);
  });
}

static void
print_ledger_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (widget));
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(DnPassportLedger) ledger = NULL;
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
  show_message (DN_PASSPORTS_PAGE (widget), error->message);
}

/*
 * GObject
 */

static void
dn_passports_page_dispose (GObject *object)
{
  DnPassportsPage *self = DN_PASSPORTS_PAGE (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_PASSPORTS_PAGE);
  G_OBJECT_CLASS (dn_passports_page_parent_class)->dispose (object);
}

static void
dn_passports_page_finalize (GObject *object)
{
  g_clear_object (&DN_PASSPORTS_PAGE (object)->filter);
  G_OBJECT_CLASS (dn_passports_page_parent_class)->finalize (object);
}

static void
dn_passports_page_class_init (DnPassportsPageClass *klass)
{
  static const DnAction actions[] = {
    { "passport.clear-filters", G_CALLBACK (dn_list_page_clear_filters) },
  };
  static const struct { const char *name; GtkWidgetActionActivateFunc activate; } item_actions[] = {
    { "passport.new", new_action },
    { "passport.edit", edit_action },
    { "passport.open", open_action },
    { "passport.delete", delete_action },
    { "passport.hand-out", hand_out_action },
    { "passport.take-back", take_back_action },
    { "passport.extend", extend_action },
    { "passport.record-loss", loss_action },
    { "passport.record-transfer", transfer_action },
    { "passport.record-cancellation", cancellation_action },
    { "passport.print-ledger", print_ledger_action },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DnListPageClass *page_class = DN_LIST_PAGE_CLASS (klass);

  object_class->dispose = dn_passports_page_dispose;
  object_class->finalize = dn_passports_page_finalize;
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

  dn_ui_class_set_template (widget_class, "dn-passports-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPassportsPage, search_entry, state_dropdown, out_toggle, overdue_toggle,
                             expiring_toggle);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_search_changed_cb, on_search_stop_cb);

  for (guint i = 0; i < G_N_ELEMENTS (item_actions); i++)
    gtk_widget_class_install_action (widget_class, item_actions[i].name, NULL, item_actions[i].activate);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "passport.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "passport.delete", NULL);
}

/* The state is never cut ("Cơ quan đang quả…"): its column fits the
 * longest, with a cell's padding. */
static int
state_width (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  int width = 0;

  for (int s = 0; s < DN_PASSPORT_STATE_N; s++)
    {
      int w;

      pango_layout_set_text (layout, dn_passport_state_get_label ((DnPassportState) s), -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      width = MAX (width, w);
    }
  return width + 24;
}

static void
dn_passports_page_init (DnPassportsPage *self)
{
  const DnListPageTexts texts = {
    .name_prefix = "passport",
    .table_label = _("Passports"),
    .empty_title = _("No passports yet"),
    .empty_description = _("Add the diplomatic, official and ordinary passports the office keeps for its staff."),
    .filtered_title = _("No passports match"),
    .filtered_description = _("Change the search text or the filters."),
    .new_label = _("_New Passport"),
    .new_action_name = "passport.new",
    .loading = _("Looking for the passports…"),
    .clear_tooltip = _("Show every passport again"),
    .empty_icon = "contact-new-symbolic",
  };
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  DnListPage *page = DN_LIST_PAGE (self);

  g_date_clear (&self->expiry_limit, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  dn_list_page_set_texts (page, &texts);

  self->filter = dn_passport_filter_new ();
  dn_ui_bind_enum_filter (self->filter, "state", self->state_dropdown, _("All states"), DN_PASSPORT_STATE_N,
                          G_CALLBACK (dn_passport_state_get_label));
  g_object_bind_property (self->filter, "only-out", self->out_toggle, "active", flags);
  g_object_bind_property (self->filter, "only-overdue", self->overdue_toggle, "active", flags);
  g_signal_connect_swapped (self->expiring_toggle, "toggled", G_CALLBACK (on_expiring_toggled_cb), self);
  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->filter, "notify::text", G_CALLBACK (on_filter_text_cb), self);
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

DnPassportFilter *
dn_passports_page_get_filter (DnPassportsPage *self)
{
  g_return_val_if_fail (DN_IS_PASSPORTS_PAGE (self), NULL);
  return self->filter;
}

void
dn_passports_page_open_passport (DnPassportsPage *self,
                                 gint64           passport_id)
{
  DnStore *store;
  GtkRoot *root;
  DnPassportDetails *details;

  g_return_if_fail (DN_IS_PASSPORTS_PAGE (self));
  store = dn_list_page_get_store (DN_LIST_PAGE (self));
  if (store == NULL || passport_id <= 0)
    return;
  dn_list_page_select_id (DN_LIST_PAGE (self), passport_id);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  details = (DnPassportDetails *) dn_ui_find_record_window (DN_TYPE_PASSPORT_DETAILS,
                                                            G_CALLBACK (dn_passport_details_get_passport),
                                                            passport_id, NULL);
  if (details == NULL)
    details = dn_passport_details_new (store, passport_id);
  if (GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (details)) != GTK_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (details), TRUE);
    }
  gtk_window_present (GTK_WINDOW (details));
}
