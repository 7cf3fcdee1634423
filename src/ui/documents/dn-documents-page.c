/* dn-documents-page.c: the Văn bản section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-document-details.h"
#include "dn-document-register-form.h"
#include "dn-documents-page.h"
#include "dn-window-context.h"
#include "dn-writable.h"
#include "dn-list-models.h"
#include "dn-print-pages.h"
#include "dn-register-book.h"
#include "dn-settings.h"
#include "dn-ui.h"

struct _DnDocumentsPage
{
  DnListPage         parent_instance;

  DnDocumentFilter  *filter;  /* the page's (not a reference) */
  GSettings         *settings;
  char              *print_file;

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkDropDown       *direction_dropdown;
  GtkDropDown       *type_dropdown;
  GtkDropDown       *urgency_dropdown;
  GtkSpinButton     *year_spin;
  int                year_before;  /* the year filter's last value */
  GtkEntry          *issuer_entry;
};

G_DEFINE_FINAL_TYPE (DnDocumentsPage, dn_documents_page, DN_TYPE_LIST_PAGE)

/*
 * The filters
 */

static void
on_issuer_changed_cb (DnDocumentsPage *self)
{
  dn_document_filter_set_issuer (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->issuer_entry)));
}

static void
on_filter_issuer_cb (DnDocumentsPage *self)
{
  const char *issuer = dn_document_filter_get_issuer (self->filter);

  if (g_strcmp0 (issuer != NULL ? issuer : "", gtk_editable_get_text (GTK_EDITABLE (self->issuer_entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->issuer_entry), issuer != NULL ? issuer : "");
}

/* the arrival is a column of the incoming register */
static void
on_filter_direction_cb (DnDocumentsPage *self)
{
  dn_list_page_set_column_chosen (DN_LIST_PAGE (self), DN_DOCUMENT_COLUMN_ARRIVAL,
                                  dn_document_filter_get_direction (self->filter) != DN_DIRECTION_OUTGOING);
}

/*
 * DnListPage
 */

static void
get_query (DnListPage *page,
           gpointer    query)
{
  dn_document_filter_to_query (DN_DOCUMENTS_PAGE (page)->filter, query);
}

static char *
format_count (DnListPage *page,
              guint       n)
{
  return g_strdup_printf (ngettext ("%u document", "%u documents", n), n);
}

static GtkWidget *
create_cell (DnListPage *page,
             int         column)
{
  switch ((DnDocumentColumn) column)
    {
    case DN_DOCUMENT_COLUMN_SUBJECT:
      return dn_list_cell_text_new (20, 60);
    case DN_DOCUMENT_COLUMN_ISSUER:
      return dn_list_cell_text_new (10, 30);
    case DN_DOCUMENT_COLUMN_REFERENCE:
    case DN_DOCUMENT_COLUMN_DATE:
    case DN_DOCUMENT_COLUMN_ARRIVAL:
    case DN_DOCUMENT_COLUMN_TYPE:
    case DN_DOCUMENT_COLUMN_MARKS:
    case DN_DOCUMENT_COLUMN_N:
    default:
      return dn_list_cell_text_new (3, 16);
    }
}

static char *
marks_text (DnDocument *doc)
{
  GString *text = g_string_new (NULL);

  if (doc->urgency != DN_URGENCY_NORMAL)
    g_string_append (text, dn_urgency_get_label (doc->urgency));
  if (doc->classification != DN_CLASSIFICATION_NORMAL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", dn_classification_get_label (doc->classification));
  return g_string_free (text, FALSE);
}

static void
show_item (DnListPage *page,
           int         column,
           GtkWidget  *cell,
           gpointer    item)
{
  DnDocument *doc = DN_DOCUMENT (item);
  g_autofree char *text = NULL;

  if (doc->id <= 0)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), "");
      return;
    }
  switch ((DnDocumentColumn) column)
    {
    case DN_DOCUMENT_COLUMN_REFERENCE:
      text = dn_document_dup_reference (doc);
      break;
    case DN_DOCUMENT_COLUMN_DATE:
      text = g_date_valid (&doc->issue_date) ? dn_date_format_short (&doc->issue_date) : NULL;
      break;
    case DN_DOCUMENT_COLUMN_ARRIVAL:
      if (doc->direction == DN_DIRECTION_INCOMING && doc->arrival_number > 0)
        {
          g_autofree char *day = g_date_valid (&doc->arrival_date) ? dn_date_format_short (&doc->arrival_date)
                                                                   : g_strdup ("");
          /* TRANSLATORS: an incoming document's arrival number and day: "12 · 05/03/2025" */
          text = g_strdup_printf (_("%d · %s"), doc->arrival_number, day);
        }
      break;
    case DN_DOCUMENT_COLUMN_ISSUER:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), doc->issuer);
      return;
    case DN_DOCUMENT_COLUMN_TYPE:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), dn_document_type_get_label (doc->type));
      return;
    case DN_DOCUMENT_COLUMN_SUBJECT:
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), doc->subject);
      return;
    case DN_DOCUMENT_COLUMN_MARKS:
      text = marks_text (doc);
      break;
    case DN_DOCUMENT_COLUMN_N:
    default:
      break;
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text != NULL ? text : "");
}

static GtkWindow *
new_details (DnListPage *page,
             DnStore    *store,
             gint64      id)
{
  return GTK_WINDOW (dn_document_details_new (store, id));
}

/*
 * Actions
 */

static void
on_document_saved_cb (gint64   document_id,
                      gpointer user_data)
{
  DnDocumentsPage *self = user_data;

  dn_list_page_select_saved (DN_LIST_PAGE (self), document_id,
                             _("The document was saved. The filters hide it: clear them to see it."));
}

static void
open_form (DnDocumentsPage *self,
           gint64           document_id)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;
  int direction = dn_document_filter_get_direction (self->filter);
  DnFormDialog *form;

  if (store == NULL)
    return;
  form = dn_document_register_form_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), store, document_id,
                                        direction == DN_DIRECTION_OUTGOING ? DN_DIRECTION_OUTGOING
                                                                           : DN_DIRECTION_INCOMING,
                                        dn_list_page_get_today (DN_LIST_PAGE (self)), on_document_saved_cb, self,
                                        &error);
  if (form == NULL)
    {
      dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
      return;
    }
  /* the page outlives its forms: they are closed with the window */
  dn_list_page_present (DN_LIST_PAGE (self), GTK_WINDOW (form));
}

static void
new_action (DnDocumentsPage *self)
{
  open_form (self, 0);
}

static void
edit_action (DnDocumentsPage *self)
{
  gint64 id = dn_list_page_get_selected_id (DN_LIST_PAGE (self));

  if (id > 0)
    open_form (self, id);
}

static void
on_deleted (GtkWidget    *widget,
            DnWrite      *write,
            const GError *error,
            gpointer      data)
{
  g_autofree char *message = error == NULL ? g_strdup_printf (_("Document “%s” deleted."), (const char *) data) : NULL;

  dn_list_page_show_message (DN_LIST_PAGE (widget), error != NULL ? error->message : message);
}

static void
delete_action (DnDocumentsPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  g_autoptr(DnDocument) doc = dn_list_page_dup_selected_item (DN_LIST_PAGE (self));
  g_autofree char *reference = NULL;

  if (store == NULL || doc == NULL || doc->id <= 0)
    return;
  reference = dn_document_dup_reference (doc);
  dn_window_context_delete_for (GTK_WIDGET (self), store, &dn_writable_document, doc->id, on_deleted,
                                g_strdup (reference[0] != '\0' ? reference : doc->subject), g_free);
}

static void
print_register_action (DnDocumentsPage *self)
{
  DnStore *store = dn_list_page_get_store (DN_LIST_PAGE (self));
  int direction = dn_document_filter_get_direction (self->filter);
  int year = dn_document_filter_get_year (self->filter);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(DnRegisterBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  if (direction != DN_DIRECTION_INCOMING)
    direction = DN_DIRECTION_OUTGOING;
  if (year <= 0)
    year = g_date_get_year (dn_list_page_get_today (DN_LIST_PAGE (self)));
  lines = dn_store_list_register (store, direction, year, dn_document_filter_get_include_secret (self->filter),
                                  &error);
  if (lines == NULL)
    {
      dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
      return;
    }
  book = dn_register_book_new (direction, year, lines, NULL);
  if (!dn_print_pages (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), dn_register_book_get_title (book),
                       GTK_PAGE_ORIENTATION_LANDSCAPE, (DnPrintPaginateFunc) dn_register_book_paginate,
                       (DnPrintDrawPageFunc) dn_register_book_draw_page, book, self->print_file, &error))
    dn_list_page_show_message (DN_LIST_PAGE (self), error->message);
}

/*
 * GObject
 */

static void
dn_documents_page_dispose (GObject *object)
{
  DnDocumentsPage *self = DN_DOCUMENTS_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->print_file, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), DN_TYPE_DOCUMENTS_PAGE);
  G_OBJECT_CLASS (dn_documents_page_parent_class)->dispose (object);
}

static void
dn_documents_page_class_init (DnDocumentsPageClass *klass)
{
  static const DnAction actions[] = {
    { "document.new", G_CALLBACK (new_action) },
    { "document.print-register", G_CALLBACK (print_register_action) },
  };
  static const DnAction record_actions[] = {
    { "document.edit", G_CALLBACK (edit_action) },
    { "document.open", G_CALLBACK (dn_list_page_open_selected) },
    { "document.delete", G_CALLBACK (delete_action) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DnListPageClass *page_class = DN_LIST_PAGE_CLASS (klass);

  object_class->dispose = dn_documents_page_dispose;
  page_class->model_type = DN_TYPE_DOCUMENT_LIST_MODEL;
  page_class->get_query = get_query;
  page_class->format_count = format_count;
  page_class->create_cell = create_cell;
  page_class->show_item = show_item;
  dn_list_page_class_set_details (page_class, DN_TYPE_DOCUMENT_DETAILS, new_details);

  dn_ui_class_set_template (widget_class, "dn-documents-page.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnDocumentsPage, search_entry, direction_dropdown, type_dropdown,
                             urgency_dropdown, year_spin, issuer_entry);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  dn_list_page_class_install_record_actions (page_class, record_actions, G_N_ELEMENTS (record_actions));
  dn_list_page_class_add_clear_action (page_class, "document.clear-filters");

  dn_list_page_class_bind_delete (page_class, "document.delete");
}

/* The year filter: 0 reads "Any year"; one step up from it is this
 * year, one step down from the first year a register can hold is every
 * year again */
#define FIRST_YEAR 1900

static gboolean
on_year_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = NULL;
  int year = (int) gtk_spin_button_get_value (spin);

  text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup (_("Any year"));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_year_input_cb (GtkSpinButton *spin,
                  double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint64 year = 0;

  if (*text == '\0' || g_strcmp0 (text, _("Any year")) == 0)
    {
      *value = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, 2199, &year, NULL))
    return GTK_INPUT_ERROR;
  *value = (double) year;
  return TRUE;
}

static void
on_year_changed_cb (DnDocumentsPage *self)
{
  int year = (int) gtk_spin_button_get_value (self->year_spin);

  if (year > 0 && year < FIRST_YEAR)
    gtk_spin_button_set_value (self->year_spin, self->year_before == 0
                               ? g_date_get_year (dn_list_page_get_today (DN_LIST_PAGE (self))) : 0);
  else
    self->year_before = year;
}

static void
dn_documents_page_init (DnDocumentsPage *self)
{
  static const DnListFilterFuncs filter_funcs = {
    G_CALLBACK (dn_document_filter_is_active),
    G_CALLBACK (dn_document_filter_reset),
    G_CALLBACK (dn_document_filter_apply_preset),
    NULL,
  };
  DnListPage *page = DN_LIST_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = dn_document_filter_new ();
  /* secret documents: as this desktop's settings allow */
  self->settings = dn_settings_new ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "show-secret-documents", self->filter, "include-secret", G_SETTINGS_BIND_GET);
  dn_ui_bind_enum_filter (self->filter, "direction", self->direction_dropdown, _("Both registers"), DN_DIRECTION_N,
                          G_CALLBACK (dn_direction_get_label));
  dn_ui_bind_enum_filter (self->filter, "type", self->type_dropdown, _("All types"), DN_DOCUMENT_TYPE_N,
                          G_CALLBACK (dn_document_type_get_label));
  dn_ui_bind_enum_filter (self->filter, "urgency", self->urgency_dropdown, _("Any urgency"), DN_URGENCY_N,
                          G_CALLBACK (dn_urgency_get_label));
  g_signal_connect (self->year_spin, "output", G_CALLBACK (on_year_output_cb), NULL);
  g_signal_connect (self->year_spin, "input", G_CALLBACK (on_year_input_cb), NULL);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (on_year_changed_cb), self);
  g_object_bind_property (self->filter, "year", self->year_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  dn_list_page_set_filter (page, self->filter, &filter_funcs, self->search_entry);
  g_signal_connect_swapped (self->filter, "notify::issuer", G_CALLBACK (on_filter_issuer_cb), self);
  g_signal_connect_swapped (self->filter, "notify::direction", G_CALLBACK (on_filter_direction_cb), self);
  g_signal_connect_swapped (self->issuer_entry, "changed", G_CALLBACK (on_issuer_changed_cb), self);

  dn_list_page_add_column (page, DN_DOCUMENT_COLUMN_REFERENCE, _("Number and symbol"), 150, 0);
  dn_list_page_add_column (page, DN_DOCUMENT_COLUMN_DATE, _("Date"), 100, 0);
  dn_list_page_add_column (page, DN_DOCUMENT_COLUMN_ARRIVAL, _("Arrival"), 130, 0);
  dn_list_page_add_column (page, DN_DOCUMENT_COLUMN_ISSUER, _("Issued by"), 200, 0);
  dn_list_page_add_column (page, DN_DOCUMENT_COLUMN_TYPE, _("Type"), 120, 0);
  dn_list_page_add_column (page, DN_DOCUMENT_COLUMN_SUBJECT, _("Subject"), 0, 0);
  dn_list_page_add_column (page, DN_DOCUMENT_COLUMN_MARKS, _("Urgency, secrecy"), 140, 0);
}

void
dn_documents_page_set_store (DnDocumentsPage *self,
                             DnStore         *store)
{
  g_return_if_fail (DN_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (store == NULL || DN_IS_STORE (store));
  dn_list_page_set_store (DN_LIST_PAGE (self), store);
}

void
dn_documents_page_set_print_file (DnDocumentsPage *self,
                                  const char      *path)
{
  g_return_if_fail (DN_IS_DOCUMENTS_PAGE (self));
  g_free (self->print_file);
  self->print_file = g_strdup (path);
}
