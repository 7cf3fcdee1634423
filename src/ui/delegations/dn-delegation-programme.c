/* dn-delegation-programme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-programme"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date-entry.h"
#include "dn-date.h"
#include "dn-delegation-programme.h"
#include "dn-page-editor.h"
#include "dn-ui.h"

struct _DnDelegationProgramme
{
  DnDelegationPart parent_instance;

  /* Template widgets */
  DnDateEntry *item_day_entry;
  GtkEntry    *item_time_entry;
  GtkEntry    *item_place_entry;
  GtkEntry    *item_description_entry;
  GtkListBox  *programme_list;
};

G_DEFINE_FINAL_TYPE (DnDelegationProgramme, dn_delegation_programme, DN_TYPE_DELEGATION_PART)

static char *
describe_item (gpointer data)
{
  DnProgrammeItem *item = data;
  g_autofree char *day = dn_date_format_short (&item->day);
  GString *text = g_string_new (day);

  if (item->time[0] != '\0')
    g_string_append_printf (text, " %s", item->time);
  g_string_append_printf (text, " — %s", item->description);
  if (item->place[0] != '\0')
    g_string_append_printf (text, " (%s)", item->place);
  return g_string_free (text, FALSE);
}

static void
on_add_item_cb (DnDelegationProgramme *self)
{
  DnFormDialog *dialog = dn_delegation_part_get_dialog (DN_DELEGATION_PART (self));
  DnProgrammeItem *item = dn_programme_item_new ();

  if (!dn_date_entry_get_date (self->item_day_entry, &item->day))
    {
      g_object_unref (item);
      dn_form_dialog_show_error (dialog, _("Type the day of the programme item."), GTK_WIDGET (self->item_day_entry));
      return;
    }
  dn_page_editor_read_entry (&item->description, self->item_description_entry);
  if (item->description[0] == '\0')
    {
      g_object_unref (item);
      dn_form_dialog_show_error (dialog, _("Say what the programme item is."),
                                 GTK_WIDGET (self->item_description_entry));
      return;
    }
  dn_page_editor_read_entry (&item->time, self->item_time_entry);
  dn_page_editor_read_entry (&item->place, self->item_place_entry);
  dn_delegation_part_add (DN_DELEGATION_PART (self), item);
  gtk_editable_set_text (GTK_EDITABLE (self->item_description_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->item_time_entry), "");
  dn_form_dialog_clear_error (dialog);
}

static void
dn_delegation_programme_class_init (DnDelegationProgrammeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DN_TYPE_DATE_ENTRY);
  dn_delegation_part_class_set_template (DN_DELEGATION_PART_CLASS (klass), "dn-delegation-programme.ui", describe_item);
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDelegationProgramme, item_day_entry, item_time_entry, item_place_entry,
                             item_description_entry, programme_list);
  DN_UI_CLASS_BIND_CALLBACKS (widget_class, on_add_item_cb);
}

static void
dn_delegation_programme_init (DnDelegationProgramme *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dn_delegation_part_set_list (DN_DELEGATION_PART (self), self->programme_list, _("Remove the programme item"));
}

GtkWidget *
dn_delegation_programme_new (void)
{
  return g_object_new (DN_TYPE_DELEGATION_PROGRAMME, NULL);
}
