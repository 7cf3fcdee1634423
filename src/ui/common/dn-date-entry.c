/* dn-date-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-ui.h"

struct _DnDateEntry
{
  GtkWidget                parent_instance;

  GtkEventControllerFocus *focus;
  gboolean                 external_error;
  gboolean                 syncing;

  /* Template widgets */
  GtkWidget               *entry;
  GtkWidget               *calendar_button;
  GtkPopover              *popover;
  GtkCalendar             *calendar;
};

static void dn_date_entry_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DnDateEntry, dn_date_entry, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, dn_date_entry_editable_init))

enum
{
  PROP_0,
  PROP_LAST
};

static gboolean
parse_text (DnDateEntry *self,
            GDate       *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_date_clear (out, 1);
  return dn_date_parse_user (text, out);
}

static void
update_error_style (DnDateEntry *self)
{
  gboolean focused = gtk_event_controller_focus_contains_focus (self->focus);
  gboolean invalid = !dn_date_entry_is_valid (self);

  /* no red while the officer is still typing; as soon as the field is left */
  if (self->external_error || (invalid && !focused))
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
  gtk_widget_set_tooltip_text (self->entry,
                               invalid ? _("Type a date as day/month/year, for example 30/6/2024.") : NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* A valid date is rewritten the way lists show it: 30/6/2024 → 30/06/2024. */
static void
reformat (DnDateEntry *self)
{
  GDate date;

  if (parse_text (self, &date))
    {
      g_autofree char *text = dn_date_format_short (&date);

      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
    }
}

static void
on_entry_changed_cb (DnDateEntry *self)
{
  update_error_style (self);
}

static void
on_entry_activate_cb (DnDateEntry *self)
{
  reformat (self);
  update_error_style (self);
}

static void
on_focus_leave_cb (DnDateEntry *self)
{
  reformat (self);
  update_error_style (self);
}

static void
on_focus_enter_cb (DnDateEntry *self)
{
  update_error_style (self);
}

static void
on_popover_show_cb (DnDateEntry *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (!parse_text (self, &date))
    dn_date_today (&date);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  if (when == NULL)
    return;
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->syncing = FALSE;
}

static void
pick (DnDateEntry *self,
      const GDate *date)
{
  dn_date_entry_set_date (self, date);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

static void
on_day_selected_cb (DnDateEntry *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (self->syncing)
    return;
  when = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (when),
                  (GDateMonth) g_date_time_get_month (when), (GDateYear) g_date_time_get_year (when));
  pick (self, &date);
}

static void
on_today_clicked_cb (DnDateEntry *self)
{
  GDate today;

  dn_date_today (&today);
  pick (self, &today);
}

/*
 * GtkEditable
 */

static GtkEditable *
dn_date_entry_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (DN_DATE_ENTRY (editable)->entry);
}

static void
dn_date_entry_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = dn_date_entry_get_delegate;
}

/*
 * GObject overrides
 */

static void
dn_date_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dn_date_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static gboolean
dn_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (DN_DATE_ENTRY (widget)->entry);
}

static void
dn_date_entry_dispose (GObject *object)
{
  DnDateEntry *self = DN_DATE_ENTRY (object);
  GtkWidget *child;

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), DN_TYPE_DATE_ENTRY);
  self->entry = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dn_date_entry_parent_class)->dispose (object);
}

static void
dn_date_entry_class_init (DnDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dn_date_entry_dispose;
  object_class->set_property = dn_date_entry_set_property;
  object_class->get_property = dn_date_entry_get_property;
  widget_class->grab_focus = dn_date_entry_grab_focus;
  gtk_editable_install_properties (object_class, PROP_LAST);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  dn_ui_class_set_bin_template (widget_class, "dn-date-entry.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDateEntry, entry, calendar_button, popover, calendar);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_entry_changed_cb, on_entry_activate_cb, on_popover_show_cb,
                              on_day_selected_cb, on_today_clicked_cb);
}

static void
dn_date_entry_init (DnDateEntry *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_init_delegate (GTK_EDITABLE (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  self->focus = GTK_EVENT_CONTROLLER_FOCUS (focus);
}

/*
 * Public API
 */

GtkWidget *
dn_date_entry_new (void)
{
  return g_object_new (DN_TYPE_DATE_ENTRY, NULL);
}

gboolean
dn_date_entry_get_date (DnDateEntry *self,
                        GDate       *out)
{
  GDate date;

  g_return_val_if_fail (DN_IS_DATE_ENTRY (self), FALSE);
  if (!parse_text (self, &date))
    {
      if (out != NULL)
        g_date_clear (out, 1);
      return FALSE;
    }
  if (out != NULL)
    *out = date;
  return TRUE;
}

void
dn_date_entry_set_date (DnDateEntry *self,
                        const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DN_IS_DATE_ENTRY (self));
  if (date != NULL && g_date_valid (date))
    text = dn_date_format_short (date);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

gboolean
dn_date_entry_is_empty (DnDateEntry *self)
{
  const char *text;

  g_return_val_if_fail (DN_IS_DATE_ENTRY (self), TRUE);
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
dn_date_entry_is_valid (DnDateEntry *self)
{
  g_return_val_if_fail (DN_IS_DATE_ENTRY (self), FALSE);
  return dn_date_entry_is_empty (self) || dn_date_entry_get_date (self, NULL);
}

void
dn_date_entry_set_error (DnDateEntry *self,
                         gboolean     error)
{
  g_return_if_fail (DN_IS_DATE_ENTRY (self));
  self->external_error = error;
  update_error_style (self);
}
