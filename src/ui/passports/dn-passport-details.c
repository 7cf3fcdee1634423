/* dn-passport-details.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-details-window.h"
#include "dn-passport-details.h"
#include "dn-ui.h"

struct _DnPassportDetails
{
  DnDetailsWindow parent_instance;

  GtkLabel   *title_label;
  GtkLabel   *facts_label;
  GtkListBox *ledger_list;
  GtkListBox *events_list;
};

G_DEFINE_FINAL_TYPE (DnPassportDetails, dn_passport_details, DN_TYPE_DETAILS_WINDOW)

static char *
short_date (const GDate *date)
{
  return g_date_valid (date) ? dn_date_format_short (date) : g_strdup ("");
}

static void
add_line (GtkListBox *list,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_append (list, label);
}

static char *
describe_loan (DnPassportLoan *line)
{
  g_autofree char *out = short_date (&line->handed_out_on);
  g_autofree char *due = short_date (&line->due_back_on);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Handed out on %s for “%s”, by %s to %s; due back on %s."), out,
                          line->delegation_title, line->handed_by, line->handed_to, due);
  if (g_date_valid (&line->returned_on))
    {
      g_autofree char *back = short_date (&line->returned_on);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Returned on %s by %s, taken in by %s."), back, line->returned_by,
                              line->received_by);
      if (g_date_compare (&line->returned_on, &line->due_back_on) > 0)
        {
          g_string_append_c (text, ' ');
          if (line->exemption_reason[0] != '\0')
            g_string_append_printf (text, _("Late, excused by %s: %s"), line->excused_by, line->exemption_reason);
          else
            g_string_append (text, _("Late, without a reason recorded."));
        }
    }
  else
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Not returned yet."));
    }
  return g_string_free (text, FALSE);
}

void
dn_passport_details_refresh (DnPassportDetails *self)
{
  g_autoptr(DnPassport) passport = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *expiry = NULL;
  GString *facts;
  DnStore *store;
  gint64 passport_id;

  g_return_if_fail (DN_IS_PASSPORT_DETAILS (self));
  store = dn_details_window_get_store (self);
  passport_id = dn_details_window_get_id (self);
  dn_ui_list_box_clear (self->ledger_list);
  dn_ui_list_box_clear (self->events_list);
  passport = dn_store_get_passport (store, passport_id, &error);
  if (passport == NULL)
    {
      gtk_label_set_text (self->title_label, error->message);
      gtk_label_set_text (self->facts_label, "");
      return;
    }
  title = g_strdup_printf ("%s — %s", passport->number, passport->holder_name);
  gtk_label_set_text (self->title_label, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  issued = short_date (&passport->issue_date);
  expiry = short_date (&passport->expiry_date);
  facts = g_string_new (NULL);
  g_string_append_printf (facts, "%s\n", dn_passport_kind_get_label (passport->kind));
  g_string_append_printf (facts, _("Issued on %s by %s; expires on %s."), issued,
                          passport->issuing_authority[0] != '\0' ? passport->issuing_authority : "—", expiry);
  if (passport->extension_count > 0)
    {
      g_autofree char *before = short_date (&passport->expiry_before_extension);
      g_autofree char *on = short_date (&passport->extended_on);

      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Extended on %s (it expired on %s before)."), on, before);
    }
  g_string_append_c (facts, '\n');
  g_string_append (facts, dn_passport_state_get_label (passport->state));
  if (passport->state == DN_PASSPORT_OUT)
    {
      g_autofree char *due = short_date (&passport->due_back_on);

      g_string_append_printf (facts, _(" — for “%s”, due back on %s"), passport->delegation_title, due);
    }
  gtk_label_set_text (self->facts_label, facts->str);
  g_string_free (facts, TRUE);

  lines = dn_store_list_passport_loans (store, passport_id, 0, NULL);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      g_autofree char *text = describe_loan (lines->pdata[i]);
      add_line (self->ledger_list, text);
    }
  if (lines == NULL || lines->len == 0)
    add_line (self->ledger_list, _("Never handed out."));
  events = dn_store_list_passport_events (store, passport_id, NULL);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      DnPassportEvent *event = events->pdata[i];
      g_autofree char *on = short_date (&event->on_date);
      g_autofree char *text = event->letter[0] != '\0'
                              ? g_strdup_printf ("%s — %s (%s)", on, dn_passport_event_kind_get_label (event->kind),
                                                 event->letter)
                              : g_strdup_printf ("%s — %s", on, dn_passport_event_kind_get_label (event->kind));
      add_line (self->events_list, text);
    }
  if (events == NULL || events->len == 0)
    add_line (self->events_list, _("Nothing recorded."));
}

static void
dn_passport_details_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DN_TYPE_PASSPORT_DETAILS);
  G_OBJECT_CLASS (dn_passport_details_parent_class)->dispose (object);
}

static void
dn_passport_details_class_init (DnPassportDetailsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dn_passport_details_dispose;
  DN_DETAILS_WINDOW_CLASS (klass)->reload = (void (*) (DnDetailsWindow *)) dn_passport_details_refresh;
  dn_ui_class_set_template (widget_class, "dn-passport-details.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnPassportDetails, title_label, facts_label, ledger_list, events_list);
}

static void
dn_passport_details_init (DnPassportDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DnPassportDetails *
dn_passport_details_new (DnStore *store,
                         gint64   passport_id)
{
  DnPassportDetails *self;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);
  self = g_object_new (DN_TYPE_PASSPORT_DETAILS, NULL);
  dn_details_window_set_record (DN_DETAILS_WINDOW (self), store, passport_id);
  return self;
}

gint64
dn_passport_details_get_passport (DnPassportDetails *self)
{
  g_return_val_if_fail (DN_IS_PASSPORT_DETAILS (self), 0);
  return dn_details_window_get_id (self);
}
