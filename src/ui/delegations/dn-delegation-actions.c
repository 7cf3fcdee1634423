/* dn-delegation-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-delegation-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-date-entry.h"
#include "dn-date.h"
#include "dn-delegation-actions.h"
#include "dn-document-chooser.h"
#include "dn-passport-loan.h"
#include "dn-store-changes.h"
#include "dn-store-writer.h"
#include "dn-window-context.h"

typedef struct
{
  DnStore            *store;
  gint64              id;
  gint64              revision;  /* the delegation's, as the form read it */
  DnDelegationStatus  to;
  GtkWidget          *parent;
  DnDocumentChooser  *document;
  DnDateEntry        *day;
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->store);
  g_clear_weak_pointer (&change->parent);
  g_free (change);
}

const char *
dn_delegation_status_label (DnDelegationDirection direction,
                            DnDelegationStatus    status)
{
  if (direction == DN_DELEGATION_INBOUND && status == DN_DELEGATION_ABROAD)
    return C_("delegation status", "Visiting");
  return dn_delegation_status_get_label (status);
}

static void
show_message (GtkWidget  *parent,
              const char *text)
{
  DnWindowContext *context = parent != NULL ? dn_window_context_from_widget (parent) : NULL;

  if (context != NULL)
    dn_window_context_show_message (context, text);
  else
    g_warning ("%s", text);
}

/* The day typed in @entry; else says what is wrong and marks it. */
static gboolean
read_day (DnFormDialog *dialog,
          DnDateEntry  *entry,
          GDate        *day)
{
  if (dn_date_entry_get_date (entry, day))
    return TRUE;
  dn_form_dialog_show_error (dialog, _("Type the day as day/month/year, for example 30/06/2025."), GTK_WIDGET (entry));
  return FALSE;
}

/* A step refused because someone changed the delegation meanwhile: the
 * form now stands on the delegation as it is (the message says why it
 * was not saved; saving again goes ahead). Shown as the form shows any
 * refusal (FALSE). */
static gboolean
on_change_refused_cb (Change       *change,
                      const GError *error)
{
  if (g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_CONFLICT))
    change->revision = dn_store_get_row_revision (change->store, "delegation", change->id, NULL);
  return FALSE;
}

static gboolean
apply_change (DnFormDialog  *dialog,
              gpointer       user_data,
              GError       **error)
{
  Change *change = user_data;
  g_autoptr(DnWrite) write = dn_write_new_delegation_step (change->id, change->to, change->revision);
  g_autoptr(DnWriter) writer = dn_window_context_dup_writer_for (GTK_WIDGET (dialog), change->store);
  DnDelegation *step = DN_DELEGATION (write->record);
  g_autoptr(GError) refused = NULL;
  GDate day;

  g_date_clear (&day, 1);
  if (change->day != NULL && !read_day (dialog, change->day, &day))
    return FALSE;
  switch (change->to)
    {
    case DN_DELEGATION_APPROVED:
      step->decision_document_id = dn_chooser_get_id (DN_CHOOSER (change->document));
      break;
    case DN_DELEGATION_RETURNED:
      step->end_date = day;
      break;
    case DN_DELEGATION_REPORTED:
      step->report_document_id = dn_chooser_get_id (DN_CHOOSER (change->document));
      step->report_submitted_on = day;
      break;
    case DN_DELEGATION_PROPOSED:
    case DN_DELEGATION_ABROAD:
    case DN_DELEGATION_CANCELLED:
    case DN_DELEGATION_STATUS_N:
    default:
      g_return_val_if_reached (FALSE);
    }
  /* at once in the local database; else the form waits for the server */
  if (dn_form_dialog_write (dialog, writer, write, NULL, NULL, &refused))
    return TRUE;
  if (refused != NULL)
    {
      on_change_refused_cb (change, refused);
      g_propagate_error (error, g_steal_pointer (&refused));
    }
  return FALSE;
}

static DnDocumentChooser *
add_document_field (DnFormDialog *dialog,
                    DnStore      *store,
                    const char   *label,
                    const char   *accessible,
                    gint64        id)
{
  GtkWidget *chooser = dn_document_chooser_new (store);

  dn_chooser_set_none_label (DN_CHOOSER (chooser), _("None"));
  if (id > 0)
    dn_chooser_set_id (DN_CHOOSER (chooser), id);
  dn_form_dialog_add_field (dialog, label, accessible, chooser);
  return DN_DOCUMENT_CHOOSER (chooser);
}

static void
present_over (DnFormDialog *dialog,
              GtkWidget    *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
    }
  else if (parent != NULL)
    dn_window_context_attach (GTK_WIDGET (dialog), dn_window_context_from_widget (parent));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The forms handing out, or taking back, every passport of a delegation */
typedef struct
{
  DnStore      *store;
  gint64        id;
  DnFormDialog *dialog;      /* owns this */
  DnDateEntry  *day;
  GtkEntry     *officer;     /* who hands them out, or takes them in */
  GtkEntry     *reason;      /* taking back: of a delay, and who excused it */
  GtkEntry     *excused_by;
  gboolean      confirmed;   /* handing out: the warning was accepted */
} Passports;

static void
passports_free (Passports *form)
{
  g_clear_object (&form->store);
  g_free (form);
}

/* What such a form says (untranslated) */
typedef struct
{
  const char *title;
  const char *save_label;
  const char *name;           /* the dialog's widget name */
  const char *intro;
  const char *day_label;
  const char *day_accessible;
  const char *officer_label;
  const char *officer_accessible;
  const char *officer_placeholder;
} PassportsTexts;

static const PassportsTexts hand_out_texts = {
  N_("Hand Out Passports"), N_("_Hand Out"), "delegation-hand-out-form",
  N_("The passport chosen for each member is handed to its holder and entered in the custody ledger."),
  N_("_Day"), N_("Day handed out"), N_("Handed _by"), N_("Handed by"), NULL,
};

static const PassportsTexts take_back_texts = {
  N_("Take Back Passports"), N_("_Take Back"), "delegation-take-back-form",
  N_("Every passport of the delegation still out comes back into the office's keeping, entered in the custody "
     "ledger. The reason for a delay goes to the late ones only."),
  N_("Returned _on"), N_("Return date"), N_("Taken _in by"), N_("Taken in by"), N_("You, when left empty"),
};

/* The form's dialog, its day (today) and its officer's field (the
 * officer's name, when known). */
static Passports *
passports_new (GtkWidget            *parent,
               DnStore              *store,
               gint64                id,
               const PassportsTexts *texts)
{
  DnWindowContext *context = parent != NULL ? dn_window_context_from_widget (parent) : NULL;
  Passports *form = g_new0 (Passports, 1);
  GDate today;

  form->store = g_object_ref (store);
  form->id = id;
  dn_date_today (&today);
  form->dialog = dn_form_dialog_new (_(texts->title), _(texts->save_label));
  gtk_widget_set_name (GTK_WIDGET (form->dialog), texts->name);
  dn_form_dialog_set_intro (form->dialog, _(texts->intro));
  form->day = DN_DATE_ENTRY (dn_form_dialog_add_date (form->dialog, _(texts->day_label), _(texts->day_accessible),
                                                      NULL, &today));
  form->officer = GTK_ENTRY (dn_form_dialog_add_entry (form->dialog, _(texts->officer_label),
                                                       _(texts->officer_accessible), NULL,
                                                       context != NULL ? dn_window_context_get_officer (context)
                                                       : NULL,
                                                       texts->officer_placeholder != NULL
                                                       ? _(texts->officer_placeholder) : NULL));
  return form;
}

static DnFormDialog *
passports_present (Passports       *form,
                   GtkWidget       *parent,
                   DnFormApplyFunc  apply)
{
  dn_form_dialog_set_apply_func (form->dialog, apply, form, (GDestroyNotify) passports_free);
  present_over (form->dialog, parent);
  return form->dialog;
}

/* Makes the form's @write (its record a DnPassportLoan of the delegation)
 * with the window's writer: TRUE when written at once; FALSE with
 * @refused set when refused at once, without when the form waits for the
 * server */
static gboolean
passports_write (Passports     *form,
                 DnWrite       *write,
                 GError       **refused)
{
  g_autoptr(DnWriter) writer = dn_window_context_dup_writer_for (GTK_WIDGET (form->dialog), form->store);

  return dn_form_dialog_write (form->dialog, writer, write, NULL, NULL, refused);
}

/* A warning (a passport expiring soon…): shown, and saving again hands
 * them out anyway. TRUE when @error was one. */
static gboolean
on_hand_out_refused_cb (Passports    *hand_out,
                        const GError *error)
{
  g_autofree char *message = NULL;

  if (!g_error_matches (error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    return FALSE;
  message = g_strdup_printf (_("%s Save again to go ahead."), error->message);
  hand_out->confirmed = TRUE;
  dn_form_dialog_set_save_label (hand_out->dialog, _("Hand Out _Anyway"));
  dn_form_dialog_show_error (hand_out->dialog, message, NULL);
  return TRUE;
}

static gboolean
apply_hand_out (DnFormDialog  *dialog,
                gpointer       user_data,
                GError       **error)
{
  Passports *hand_out = user_data;
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_HAND_OUT_DELEGATION_PASSPORTS);
  g_autoptr(GError) refused = NULL;
  DnPassportLoan *loan;
  GDate day;

  if (!read_day (dialog, hand_out->day, &day))
    return FALSE;
  loan = dn_passport_loan_new ();
  write->record = G_OBJECT (loan);
  loan->delegation_id = hand_out->id;
  loan->handed_out_on = day;
  g_free (loan->handed_by);
  loan->handed_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (hand_out->officer)));
  write->confirmed = hand_out->confirmed;
  if (passports_write (hand_out, write, &refused))
    return TRUE;
  if (refused != NULL && !on_hand_out_refused_cb (hand_out, refused))
    g_propagate_error (error, g_steal_pointer (&refused));
  return FALSE;
}

DnFormDialog *
dn_delegation_hand_out_passports (GtkWidget *parent,
                                  DnStore   *store,
                                  gint64     id)
{
  Passports *hand_out;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  hand_out = passports_new (parent, store, id, &hand_out_texts);
  g_signal_connect_swapped (hand_out->dialog, "refused", G_CALLBACK (on_hand_out_refused_cb), hand_out);
  return passports_present (hand_out, parent, apply_hand_out);
}

static gboolean
apply_take_back (DnFormDialog  *dialog,
                 gpointer       user_data,
                 GError       **error)
{
  Passports *take_back = user_data;
  g_autoptr(DnWrite) write = dn_write_new (DN_WRITE_TAKE_BACK_DELEGATION_PASSPORTS);
  DnPassportLoan *loan;
  GDate day;

  if (!read_day (dialog, take_back->day, &day))
    return FALSE;
  loan = dn_passport_loan_new ();
  write->record = G_OBJECT (loan);
  loan->delegation_id = take_back->id;
  loan->returned_on = day;
  g_free (loan->received_by);
  loan->received_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (take_back->officer)));
  g_free (loan->exemption_reason);
  loan->exemption_reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (take_back->reason)));
  g_free (loan->excused_by);
  loan->excused_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (take_back->excused_by)));
  return passports_write (take_back, write, error);
}

DnFormDialog *
dn_delegation_take_back_passports (GtkWidget *parent,
                                   DnStore   *store,
                                   gint64     id)
{
  Passports *take_back;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  take_back = passports_new (parent, store, id, &take_back_texts);
  take_back->reason = GTK_ENTRY (dn_form_dialog_add_entry (take_back->dialog, _("_Reason for the delay"),
                                                           _("Reason for the delay"), NULL, NULL,
                                                           _("Only for a late return")));
  take_back->excused_by = GTK_ENTRY (dn_form_dialog_add_entry (take_back->dialog, _("_Excused by"), _("Excused by"),
                                                               NULL, NULL, _("The head who accepted the reason")));
  return passports_present (take_back, parent, apply_take_back);
}

/* Departed or cancelled: a refusal is the window's message */
static void
on_moved (GtkWidget    *widget,
          DnWrite      *write,
          const GError *error,
          gpointer      user_data)
{
  if (error != NULL)
    show_message (widget, error->message);
}

DnFormDialog *
dn_delegation_change_status (GtkWidget           *parent,
                             DnStore             *store,
                             gint64               id,
                             DnDelegationStatus   to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnDelegation) d = NULL;
  DnFormDialog *dialog;
  Change *change;

  g_return_val_if_fail (DN_IS_STORE (store), NULL);

  if (to == DN_DELEGATION_ABROAD || to == DN_DELEGATION_CANCELLED)
    {
      /* as this desktop read it: a change someone made since is a conflict */
      g_autoptr(DnWrite) write = dn_write_new_delegation_step (id, to, dn_store_get_row_revision (store, "delegation",
                                                                                              id, NULL));

      if (parent != NULL)
        dn_window_context_write_for (parent, store, write, on_moved, NULL, NULL);
      else if (!dn_store_write (store, write, &error))
        show_message (NULL, error->message);
      return NULL;
    }
  d = dn_store_get_delegation (store, id, &error);
  if (d == NULL)
    {
      show_message (parent, error->message);
      return NULL;
    }

  change = g_new0 (Change, 1);
  change->store = g_object_ref (store);
  change->id = id;
  change->revision = dn_store_get_row_revision (store, "delegation", id, NULL);
  change->to = to;
  g_set_weak_pointer (&change->parent, parent);
  switch (to)
    {
    case DN_DELEGATION_APPROVED:
      dialog = dn_form_dialog_new (_("Approve Delegation"), _("_Approve"));
      dn_form_dialog_set_intro (dialog, d->direction == DN_DELEGATION_OUTBOUND
                                        ? _("A delegation goes abroad under its sending decision (quyết định cử).")
                                        : _("A visit is received under its approval decision."));
      change->document = add_document_field (dialog, store,
                                             d->direction == DN_DELEGATION_OUTBOUND ? _("_Sending decision")
                                                                                    : _("_Decision"),
                                             _("Decision"), d->decision_document_id);
      break;
    case DN_DELEGATION_RETURNED:
      dialog = dn_form_dialog_new (_("Delegation Returned"), _("_Record Return"));
      change->day = DN_DATE_ENTRY (dn_form_dialog_add_date (dialog, _("_Back on"), _("Day of return"), NULL,
                                                            &d->end_date));
      dn_form_dialog_add_hint (dialog, _("The results report falls due from this day."));
      break;
    case DN_DELEGATION_REPORTED:
    default:
      {
        GDate today;

        dn_date_today (&today);
        dialog = dn_form_dialog_new (_("Results Report"), _("_Record Report"));
        change->document = add_document_field (dialog, store, _("_Report"), _("Results report"),
                                               d->report_document_id);
        change->day = DN_DATE_ENTRY (dn_form_dialog_add_date (dialog, _("_Received on"), _("Day the report came"),
                                                              NULL, &today));
      }
      break;
    }
  gtk_widget_set_name (GTK_WIDGET (dialog), "delegation-status-form");
  dn_form_dialog_set_apply_func (dialog, apply_change, change, (GDestroyNotify) change_free);
  g_signal_connect_swapped (dialog, "refused", G_CALLBACK (on_change_refused_cb), change);
  present_over (dialog, parent);
  return dialog;
}
