/* dn-passport-forms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-passport-forms"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date.h"
#include "dn-date-entry.h"
#include "dn-form-dialog.h"
#include "dn-passport-forms.h"
#include "dn-store-changes.h"
#include "dn-passport-loan.h"
#include "dn-store-writer.h"
#include "dn-person-chooser.h"
#include "dn-ui.h"
#include "dn-window-context.h"

typedef struct _Form Form;
typedef gboolean (*FormApply) (Form *f, GError **error);

struct _Form
{
  FormApply     apply;
  DnStore      *store;
  DnPassport   *passport;     /* NULL: a new one */
  DnFormDialog *dialog;       /* owns this */
  GtkWidget    *over;         /* weak: whose window gets the messages */
  char         *save_label;
  gboolean      confirmed;    /* the warning shown was accepted */
  gint64        revision;     /* of the passport edited, as read; -1: none */
  DnPassportEventKind kind;

  GtkWidget    *number, *kind_choice, *holder, *issued, *expires, *authority;
  GtkWidget    *delegation, *date, *handed_to, *receipt, *due_label;
  GtkWidget    *returned_by, *received_by, *reason, *excused_by;
  GtkWidget    *new_expiry, *letter, *notes;
  GPtrArray    *delegations;  /* DnDelegation, by position of the choice */
};

static void
form_free (gpointer data)
{
  Form *f = data;

  if (f->over != NULL)
    g_object_remove_weak_pointer (G_OBJECT (f->over), (gpointer *) &f->over);
  g_clear_object (&f->store);
  g_clear_object (&f->passport);
  g_clear_pointer (&f->delegations, g_ptr_array_unref);
  g_free (f->save_label);
  g_free (f);
}

static gboolean
form_apply (DnFormDialog  *dialog,
            gpointer       data,
            GError       **error)
{
  Form *f = data;

  return f->apply (f, error);
}

static void
on_input_changed_cb (Form *f)
{
  if (!f->confirmed)
    return;
  f->confirmed = FALSE;
  dn_form_dialog_set_save_label (f->dialog, f->save_label);
}

static gboolean ask_confirmation (Form *f, GError **error);

/* A write the server refused: a warning asks for confirmation */
static gboolean
on_refused_cb (Form         *f,
               const GError *error)
{
  g_autoptr(GError) copy = g_error_copy (error);

  return ask_confirmation (f, &copy);
}

/* Makes @write with the window's writer (the local database, or the
 * department server), as dn_form_dialog_write() does */
static gboolean
form_write (Form               *f,
            DnWrite            *write,
            DnFormWrittenFunc   done,
            GError            **error)
{
  g_autoptr(DnWriter) writer = dn_window_context_dup_writer_for (GTK_WIDGET (f->dialog), f->store);

  write->confirmed = f->confirmed;
  return dn_form_dialog_write (f->dialog, writer, write, done, f, error);
}

static Form *
form_new (GtkWidget   *over,
          DnStore     *store,
          DnPassport  *passport,
          const char  *title,
          const char  *save_label,
          FormApply    apply)
{
  Form *f = g_new0 (Form, 1);
  GtkRoot *root = over != NULL ? gtk_widget_get_root (over) : NULL;

  f->apply = apply;
  f->store = g_object_ref (store);
  f->passport = passport != NULL ? g_object_ref (passport) : NULL;
  f->save_label = g_strdup (save_label);
  f->over = over;
  if (over != NULL)
    g_object_add_weak_pointer (G_OBJECT (over), (gpointer *) &f->over);
  f->dialog = dn_form_dialog_new (title, save_label);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (f->dialog), GTK_WINDOW (root));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (f->dialog), TRUE);
    }
  else if (over != NULL)
    dn_window_context_attach (GTK_WIDGET (f->dialog), dn_window_context_from_widget (over));
  dn_form_dialog_set_apply_func (f->dialog, form_apply, f, form_free);
  g_signal_connect_swapped (f->dialog, "refused", G_CALLBACK (on_refused_cb), f);
  return f;
}

static void
say (Form       *f,
     const char *message)
{
  DnWindowContext *context = f->over != NULL ? dn_window_context_from_widget (f->over) : NULL;

  if (context != NULL)
    dn_window_context_show_message (context, message);
}

/* A warning from the store: shown, and the action button becomes Confirm.
 * TRUE when @error was one (then consumed). */
static gboolean
ask_confirmation (Form    *f,
                  GError **error)
{
  g_autofree char *text = NULL;

  if (error == NULL || *error == NULL || !g_error_matches (*error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    return FALSE;
  text = g_strdup_printf (_("%s\nChoose Confirm to go ahead anyway."), (*error)->message);
  g_clear_error (error);
  f->confirmed = TRUE;
  dn_form_dialog_set_save_label (f->dialog, _("_Confirm"));
  dn_form_dialog_show_error (f->dialog, text, NULL);
  return TRUE;
}

static void
present (Form      *f,
         GtkWidget *focus)
{
  GtkWidget *fields[] = { f->number, f->issued, f->expires, f->authority, f->date, f->handed_to, f->returned_by,
                          f->received_by, f->reason, f->excused_by, f->new_expiry, f->letter, f->notes };

  /* a changed field withdraws a confirmation given for the old input */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      g_signal_connect_swapped (fields[i], "changed", G_CALLBACK (on_input_changed_cb), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* Add or edit --------------------------------------------------------------- */

static void
passport_saved_cb (DnFormDialog *dialog,
                   DnWrite      *write,
                   gpointer      data)
{
  Form *f = data;
  DnPassport *passport = DN_PASSPORT (write->record);
  g_autoptr(DnPassport) now = dn_store_get_passport (f->store, passport->id, NULL);
  g_autofree char *message = g_strdup_printf (f->passport == NULL ? _("Passport %s of %s was added.")
                                                                   : _("Passport %s of %s was saved."),
                                              passport->number, now != NULL ? now->holder_name : "");

  say (f, message);
}

static gboolean
apply_edit (Form    *f,
            GError **error)
{
  g_autoptr(DnPassport) passport = f->passport != NULL ? g_object_ref (f->passport) : dn_passport_new ();
  g_autoptr(DnWrite) write = NULL;
  gboolean is_new = f->passport == NULL;

  if (!dn_form_dialog_read_date (f->dialog, f->issued, _("Type the issue date, for example 15/3/2022."),
                                 &passport->issue_date) ||
      !dn_form_dialog_read_date (f->dialog, f->expires, _("Type the expiry date, for example 15/3/2027."),
                                 &passport->expiry_date))
    return FALSE;
  passport->person_id = dn_chooser_get_id (DN_CHOOSER (f->holder));
  if (passport->person_id <= 0)
    {
      dn_form_dialog_show_error (f->dialog, _("Choose the holder of the passport."), f->holder);
      return FALSE;
    }
  g_free (passport->number);
  passport->number = dn_ui_editable_dup_text (f->number);
  g_free (passport->issuing_authority);
  passport->issuing_authority = dn_ui_editable_dup_text (f->authority);
  passport->kind = (DnPassportKind) gtk_drop_down_get_selected (GTK_DROP_DOWN (f->kind_choice));
  write = dn_write_new_save (passport, is_new ? -1 : f->revision);
  return form_write (f, write, passport_saved_cb, error);
}

DnFormDialog *
dn_passport_forms_edit (GtkWidget  *over,
                        DnStore    *store,
                        DnPassport *passport)
{
  Form *f = form_new (over, store, passport, passport == NULL ? _("New Passport") : _("Edit Passport"),
                      passport == NULL ? _("_Add") : _("_Save"), apply_edit);

  /* as read: a change someone made meanwhile is a conflict */
  f->revision = passport != NULL ? dn_store_get_row_revision (store, "passport", passport->id, NULL) : -1;

  f->number = dn_form_dialog_add_entry (f->dialog, _("_Number"), _("Passport number"), "passport-number",
                                        passport != NULL ? passport->number : NULL, _("As printed, e.g. C1234567"));
  f->kind_choice = dn_form_dialog_add_named (f->dialog, _("_Kind"), _("Kind of passport"), "passport-kind",
                                             gtk_drop_down_new (NULL, NULL));
  dn_ui_drop_down_set_enum (GTK_DROP_DOWN (f->kind_choice), DN_PASSPORT_KIND_N,
                            G_CALLBACK (dn_passport_kind_get_label));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (f->kind_choice),
                              passport != NULL ? (guint) passport->kind : DN_PASSPORT_OFFICIAL);
  f->holder = dn_form_dialog_add_named (f->dialog, _("_Holder"), _("Holder"), "passport-holder",
                                        dn_person_chooser_new (store));
  if (passport != NULL)
    dn_chooser_set_id (DN_CHOOSER (f->holder), passport->person_id);
  f->issued = dn_form_dialog_add_date (f->dialog, _("_Issued on"), _("Issue date"), "passport-issued",
                                       passport != NULL ? &passport->issue_date : NULL);
  f->expires = dn_form_dialog_add_date (f->dialog, _("_Expires on"), _("Expiry date"), "passport-expires",
                                        passport != NULL ? &passport->expiry_date : NULL);
  f->authority = dn_form_dialog_add_entry (f->dialog, _("Iss_uing authority"), _("Issuing authority"),
                                           "passport-authority", passport != NULL ? passport->issuing_authority : NULL,
                                           _("e.g. Cục Lãnh sự"));
  if (passport != NULL && passport->extension_count > 0)
    dn_form_dialog_add_hint (f->dialog, _("This passport was extended once: its expiry date is the extended one."));
  present (f, f->number);
  return f->dialog;
}

/* Hand out ---------------------------------------------------------------------- */

static DnDelegation *
chosen_delegation (Form *f)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (f->delegation));

  if (f->delegations == NULL || position >= f->delegations->len)
    return NULL;
  return f->delegations->pdata[position];
}

static void
show_due_back (Form *f)
{
  DnDelegation *trip = chosen_delegation (f);
  g_autofree char *text = NULL;
  GDate due;

  on_input_changed_cb (f);
  if (trip == NULL || !dn_store_passport_due_back (f->store, f->passport->kind, &trip->end_date, &due, NULL))
    {
      gtk_label_set_text (GTK_LABEL (f->due_label), "");
      return;
    }
  {
    g_autofree char *end = dn_date_format_short (&trip->end_date);
    g_autofree char *back = dn_date_format_short (&due);
    int days = dn_store_get_setting (f->store, f->passport->kind == DN_PASSPORT_ORDINARY
                                               ? DN_SETTING_ORDINARY_RETURN_DAYS : DN_SETTING_PASSPORT_RETURN_DAYS);

    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The trip ends on %s: the passport is due back on %s (%02d working day "
                                         "later, Luật 49/2019 Điều 23.3).",
                                         "The trip ends on %s: the passport is due back on %s (%02d working days "
                                         "later, Luật 49/2019 Điều 23.3).", (gulong) days),
                            end, back, days);
  }
  gtk_label_set_text (GTK_LABEL (f->due_label), text);
}

static void
handed_out_cb (DnFormDialog *dialog,
               DnWrite      *write,
               gpointer      data)
{
  Form *f = data;
  DnPassportLoan *loan = DN_PASSPORT_LOAN (write->record);
  g_autoptr(DnPassport) now = dn_store_get_passport (f->store, f->passport->id, NULL);

  if (now != NULL)
    {
      g_autofree char *due = dn_date_format_short (&now->due_back_on);
      g_autofree char *message = g_strdup_printf (_("Passport %s was handed out to %s; it is due back on %s."),
                                                  now->number,
                                                  loan->handed_to[0] != '\0' ? loan->handed_to : now->holder_name,
                                                  due);

      say (f, message);
    }
}

static gboolean
apply_hand_out (Form    *f,
                GError **error)
{
  DnDelegation *trip = chosen_delegation (f);
  g_autofree char *to = dn_ui_editable_dup_text (f->handed_to);
  g_autoptr(DnPassportLoan) loan = NULL;
  g_autoptr(DnWrite) write = NULL;
  GDate day;

  if (trip == NULL)
    {
      dn_form_dialog_show_error (f->dialog, _("Choose the delegation the passport is handed out for."), f->delegation);
      return FALSE;
    }
  if (!dn_form_dialog_read_date (f->dialog, f->date,
                                 _("Type the day the passport is handed out, for example 30/6/2024."), &day))
    return FALSE;
  loan = dn_passport_loan_new ();
  loan->passport_id = f->passport->id;
  loan->delegation_id = trip->id;
  loan->handed_out_on = day;
  g_free (loan->handed_to);
  loan->handed_to = g_steal_pointer (&to);
  loan->receipt_signed = gtk_check_button_get_active (GTK_CHECK_BUTTON (f->receipt));
  write = dn_write_new (DN_WRITE_HAND_OUT_PASSPORT);
  write->record = G_OBJECT (g_steal_pointer (&loan));
  if (form_write (f, write, handed_out_cb, error))
    return TRUE;
  ask_confirmation (f, error);
  return FALSE;
}

DnFormDialog *
dn_passport_forms_hand_out (GtkWidget  *over,
                            DnStore    *store,
                            DnPassport *passport)
{
  g_autofree char *title = g_strdup_printf (_("Hand Out Passport %s"), passport->number);
  g_autofree char *intro = g_strdup_printf (_("%s's passport is handed out only for an approved delegation with its "
                                              "sending decision, against a signed receipt."), passport->holder_name);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  Form *f = form_new (over, store, passport, title, _("_Hand Out"), apply_hand_out);
  GDate today;

  dn_form_dialog_set_intro (f->dialog, intro);
  f->delegations = dn_store_list_hand_out_delegations (store, passport->person_id, &error);
  if (f->delegations == NULL)
    f->delegations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < f->delegations->len; i++)
    {
      DnDelegation *trip = f->delegations->pdata[i];
      g_autofree char *start = dn_date_format_short (&trip->start_date);
      g_autofree char *end = dn_date_format_short (&trip->end_date);
      g_autofree char *label = g_strdup_printf ("%s (%s – %s)", trip->title, start, end);

      gtk_string_list_append (names, label);
    }
  f->delegation = dn_form_dialog_add_named (f->dialog, _("_Delegation"), _("Delegation"), "passport-delegation",
                                            gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  f->due_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (f->due_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (f->due_label), 0);
  gtk_widget_set_name (f->due_label, "passport-due-back");
  dn_form_dialog_add_widget (f->dialog, f->due_label);
  dn_date_today (&today);
  f->date = dn_form_dialog_add_date (f->dialog, _("Handed out _on"), _("Hand-out date"), "passport-date", &today);
  f->handed_to = dn_form_dialog_add_entry (f->dialog, _("_Received by"), _("Received by"), "passport-handed-to",
                                           passport->holder_name, NULL);
  f->receipt = gtk_check_button_new_with_mnemonic (_("The receipt is _signed"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (f->receipt), TRUE);
  gtk_widget_set_name (f->receipt, "passport-receipt");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->receipt), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Receipt signed"), -1);
  dn_form_dialog_add_widget (f->dialog, f->receipt);
  if (f->delegations->len == 0)
    dn_form_dialog_show_error (f->dialog,
                               error != NULL ? error->message
                               : _("No approved delegation with its sending decision has this person as a member."),
                               NULL);
  g_signal_connect_swapped (f->delegation, "notify::selected", G_CALLBACK (show_due_back), f);
  show_due_back (f);
  present (f, f->delegation);
  return f->dialog;
}

/* Take back ---------------------------------------------------------------------- */

static void
taken_back_cb (DnFormDialog *dialog,
               DnWrite      *write,
               gpointer      data)
{
  Form *f = data;
  g_autofree char *message = g_strdup_printf (_("Passport %s is back in the office's keeping."),
                                              f->passport->number);

  say (f, message);
}

static gboolean
apply_take_back (Form    *f,
                 GError **error)
{
  g_autoptr(DnPassportLoan) loan = dn_passport_loan_new ();
  g_autoptr(DnWrite) write = NULL;

  if (!dn_form_dialog_read_date (f->dialog, f->date, _("Type the day the passport came back, for example 30/6/2024."),
                                 &loan->returned_on))
    return FALSE;
  loan->passport_id = f->passport->id;
  g_free (loan->returned_by);
  loan->returned_by = dn_ui_editable_dup_text (f->returned_by);
  g_free (loan->received_by);
  loan->received_by = dn_ui_editable_dup_text (f->received_by);
  g_free (loan->exemption_reason);
  loan->exemption_reason = dn_ui_editable_dup_text (f->reason);
  g_free (loan->excused_by);
  loan->excused_by = dn_ui_editable_dup_text (f->excused_by);
  write = dn_write_new (DN_WRITE_TAKE_BACK_PASSPORT);
  write->record = G_OBJECT (g_steal_pointer (&loan));
  return form_write (f, write, taken_back_cb, error);
}

DnFormDialog *
dn_passport_forms_take_back (GtkWidget  *over,
                             DnStore    *store,
                             DnPassport *passport)
{
  g_autofree char *title = g_strdup_printf (_("Take Back Passport %s"), passport->number);
  g_autofree char *out = dn_date_format_short (&passport->handed_out_on);
  g_autofree char *due = dn_date_format_short (&passport->due_back_on);
  g_autofree char *intro = g_strdup_printf (_("Handed out on %s for “%s”; due back on %s."), out,
                                            passport->delegation_title, due);
  Form *f = form_new (over, store, passport, title, _("_Take Back"), apply_take_back);
  GDate today;

  dn_form_dialog_set_intro (f->dialog, intro);
  dn_date_today (&today);
  f->date = dn_form_dialog_add_date (f->dialog, _("Returned _on"), _("Return date"), "passport-date", &today);
  f->returned_by = dn_form_dialog_add_entry (f->dialog, _("_Brought back by"), _("Brought back by"),
                                             "passport-returned-by", passport->holder_name, NULL);
  f->received_by = dn_form_dialog_add_entry (f->dialog, _("Taken _in by"), _("Taken in by"), "passport-received-by",
                                             NULL, _("You, when left empty"));
  f->reason = dn_form_dialog_add_entry (f->dialog, _("_Reason for the delay"), _("Reason for the delay"),
                                        "passport-reason", NULL, _("Only for a late return"));
  f->excused_by = dn_form_dialog_add_entry (f->dialog, _("_Excused by"), _("Excused by"), "passport-excused-by", NULL,
                                            _("The head who accepted the reason"));
  dn_form_dialog_add_hint (f->dialog, _("A late return is kept in the ledger with the reason and who excused it."));
  present (f, f->date);
  return f->dialog;
}

/* Extend ------------------------------------------------------------------------- */

static void
extended_cb (DnFormDialog *dialog,
             DnWrite      *write,
             gpointer      data)
{
  Form *f = data;
  g_autofree char *when = dn_date_format_short (&write->date);
  g_autofree char *message = g_strdup_printf (_("Passport %s was extended to %s."), f->passport->number, when);

  say (f, message);
}

static gboolean
apply_extend (Form    *f,
              GError **error)
{
  g_autoptr(DnPassportEvent) event = dn_passport_event_new ();
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_EXTEND_PASSPORT);

  if (!dn_form_dialog_read_date (f->dialog, f->new_expiry, _("Type the new expiry date, for example 30/6/2030."),
                                 &write->date) ||
      !dn_form_dialog_read_date (f->dialog, f->date, _("Type the day of the extension, for example 30/6/2027."),
                                 &event->on_date))
    return FALSE;
  event->passport_id = f->passport->id;
  event->kind = DN_PASSPORT_EVENT_EXTENDED;
  g_free (event->letter);
  event->letter = dn_ui_editable_dup_text (f->letter);
  write->record = G_OBJECT (g_steal_pointer (&event));
  write->revision = f->revision;
  return form_write (f, write, extended_cb, error);
}

DnFormDialog *
dn_passport_forms_extend (GtkWidget  *over,
                          DnStore    *store,
                          DnPassport *passport)
{
  g_autofree char *title = g_strdup_printf (_("Extend Passport %s"), passport->number);
  g_autofree char *expiry = dn_date_format_short (&passport->expiry_date);
  g_autofree char *intro = g_strdup_printf (_("It expires on %s. A diplomatic or official passport is extended once, "
                                              "by at most 3 years (Luật 49/2019, Điều 7)."), expiry);
  Form *f = form_new (over, store, passport, title, _("E_xtend"), apply_extend);
  GDate today;

  /* as read: a change someone made meanwhile is a conflict */
  f->revision = dn_store_get_row_revision (store, "passport", passport->id, NULL);

  dn_form_dialog_set_intro (f->dialog, intro);
  dn_date_today (&today);
  f->new_expiry = dn_form_dialog_add_date (f->dialog, _("_New expiry date"), _("New expiry date"),
                                           "passport-new-expiry", NULL);
  f->date = dn_form_dialog_add_date (f->dialog, _("Extended _on"), _("Extension date"), "passport-date", &today);
  f->letter = dn_form_dialog_add_entry (f->dialog, _("_Decision or letter"), _("Decision or letter"),
                                        "passport-letter", NULL, _("Number and date"));
  present (f, f->new_expiry);
  return f->dialog;
}

/* Loss, transfer, cancellation ------------------------------------------------------ */

static void
event_recorded_cb (DnFormDialog *dialog,
                   DnWrite      *write,
                   gpointer      data)
{
  Form *f = data;
  g_autofree char *message = NULL;

  switch (f->kind)
    {
    case DN_PASSPORT_EVENT_LOST:
      message = g_strdup_printf (_("Passport %s is recorded as lost."), f->passport->number);
      break;
    case DN_PASSPORT_EVENT_TRANSFERRED:
      message = g_strdup_printf (_("Passport %s is recorded as transferred."), f->passport->number);
      break;
    case DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION:
    case DN_PASSPORT_EVENT_EXTENDED:
    case DN_PASSPORT_EVENT_N:
    default:
      message = g_strdup_printf (_("Passport %s is recorded as sent for cancellation."), f->passport->number);
      break;
    }
  say (f, message);
}

static gboolean
apply_event (Form    *f,
             GError **error)
{
  g_autoptr(DnPassportEvent) event = dn_passport_event_new ();
  g_autoptr(DnWrite) write = NULL;

  if (!dn_form_dialog_read_date (f->dialog, f->date, _("Type the day, for example 30/6/2024."), &event->on_date))
    return FALSE;
  event->passport_id = f->passport->id;
  event->kind = f->kind;
  g_free (event->letter);
  event->letter = dn_ui_editable_dup_text (f->letter);
  g_free (event->notes);
  event->notes = dn_ui_editable_dup_text (f->notes);
  write = dn_write_new (DN_WRITE_ADD_PASSPORT_EVENT);
  write->record = G_OBJECT (g_steal_pointer (&event));
  write->revision = f->revision;
  return form_write (f, write, event_recorded_cb, error);
}

DnFormDialog *
dn_passport_forms_event (GtkWidget           *over,
                         DnStore             *store,
                         DnPassport          *passport,
                         DnPassportEventKind  kind)
{
  g_autofree char *title = NULL;
  const char *intro;
  const char *save;
  Form *f;
  GDate today;

  switch (kind)
    {
    case DN_PASSPORT_EVENT_LOST:
      title = g_strdup_printf (_("Record the Loss of Passport %s"), passport->number);
      intro = _("A lost diplomatic or official passport is reported at once, in writing, to the consular office of "
                "the Ministry of Foreign Affairs and to the immigration office (Luật 49/2019, Điều 24 and 28).");
      save = _("_Record Loss");
      break;
    case DN_PASSPORT_EVENT_TRANSFERRED:
      title = g_strdup_printf (_("Record the Transfer of Passport %s"), passport->number);
      intro = _("The passport goes to the agency that now manages its holder (Luật 49/2019, Điều 24).");
      save = _("_Record Transfer");
      break;
    case DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION:
    case DN_PASSPORT_EVENT_EXTENDED:
    case DN_PASSPORT_EVENT_N:
    default:
      kind = DN_PASSPORT_EVENT_SENT_FOR_CANCELLATION;
      title = g_strdup_printf (_("Record Passport %s Sent for Cancellation"), passport->number);
      intro = _("The passport of someone no longer entitled to it is sent to the Ministry of Foreign Affairs for "
                "cancellation, with a letter (Luật 49/2019, Điều 24).");
      save = _("_Record");
      break;
    }
  f = form_new (over, store, passport, title, save, apply_event);
  f->kind = kind;
  f->revision = dn_store_get_row_revision (store, "passport", passport->id, NULL);
  dn_form_dialog_set_intro (f->dialog, intro);
  dn_date_today (&today);
  f->date = dn_form_dialog_add_date (f->dialog, _("_Date"), _("Date"), "passport-date", &today);
  f->letter = dn_form_dialog_add_entry (f->dialog, _("_Letter"), _("Letter"), "passport-letter", NULL,
                                        _("Number and date of the written notice"));
  f->notes = dn_form_dialog_add_entry (f->dialog, _("N_otes"), _("Notes"), "passport-notes", NULL, NULL);
  present (f, f->letter);
  return f->dialog;
}
