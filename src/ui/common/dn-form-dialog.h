/* dn-form-dialog.h: a small modal form with Cancel and one action button
 *
 * Every editor of the app is one: a title, an optional text above the
 * form, a grid of labelled fields (added by the caller with
 * dn_form_dialog_add_field(), or by a subclass template as
 * <child type="form">), an inline error line, and Cancel / the action
 * button in the header bar (the action button is the default widget:
 * Enter in a field saves; Escape closes). Saving runs the apply step
 * (the class's apply() or the function given with
 * dn_form_dialog_set_apply_func()); when it refuses, its message is shown
 * in the error line and the dialog stays open to fix the input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-writer.h"

G_BEGIN_DECLS

#define DN_TYPE_FORM_DIALOG (dn_form_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnFormDialog, dn_form_dialog, DN, FORM_DIALOG, GtkWindow)

struct _DnFormDialogClass
{
  GtkWindowClass parent_class;

  /* Checks the input and writes it. FALSE keeps the dialog open: with
   * @error set, its message is shown; without, the step has already
   * called dn_form_dialog_show_error(). The default calls the apply
   * function, if any. */
  gboolean (*apply) (DnFormDialog  *self,
                     GError       **error);
  /* A write under way (dn_form_dialog_write()) was refused with @error:
   * the default emits "refused" and, unless a handler returned TRUE,
   * shows its message; the input is kept. */
  void     (*refused) (DnFormDialog  *self,
                       const GError  *error);

  gpointer padding[3];
};

typedef gboolean (*DnFormApplyFunc) (DnFormDialog  *dialog,
                                     gpointer       user_data,
                                     GError       **error);

/* (transfer none), like gtk_window_new(). @save_label has a mnemonic. */
DnFormDialog *dn_form_dialog_new             (const char      *title,
                                              const char      *save_label);
void          dn_form_dialog_set_apply_func  (DnFormDialog    *self,
                                              DnFormApplyFunc  func,
                                              gpointer         user_data,
                                              GDestroyNotify   destroy);
void          dn_form_dialog_set_save_label  (DnFormDialog    *self,
                                              const char      *save_label);
GtkWidget    *dn_form_dialog_get_save_button (DnFormDialog    *self);
/* The window's title and the action button's label, at once. */
void          dn_form_dialog_set_titles      (DnFormDialog    *self,
                                              const char      *title,
                                              const char      *save_label);
/* Text above the form; NULL hides it. */
void          dn_form_dialog_set_intro       (DnFormDialog    *self,
                                              const char      *text);
/* A row of the form: @label (with a mnemonic) then @widget, which gets
 * @accessible_name as its accessible label. Returns the label. */
GtkWidget    *dn_form_dialog_add_field       (DnFormDialog    *self,
                                              const char      *label,
                                              const char      *accessible_name,
                                              GtkWidget       *widget);
/* The same for @widget named @name (gtk_widget_set_name(); NULL: not
 * named). Returns @widget. */
GtkWidget    *dn_form_dialog_add_named      (DnFormDialog    *self,
                                             const char      *label,
                                             const char      *accessible_name,
                                             const char      *name,
                                             GtkWidget       *widget);
/* A field: an entry showing @text with @placeholder (both may be NULL). */
GtkWidget    *dn_form_dialog_add_entry      (DnFormDialog    *self,
                                             const char      *label,
                                             const char      *accessible_name,
                                             const char      *name,
                                             const char      *text,
                                             const char      *placeholder);
/* A field: a DnDateEntry as wide as a date, showing @initial when it is
 * valid (NULL: empty). */
GtkWidget    *dn_form_dialog_add_date       (DnFormDialog    *self,
                                             const char      *label,
                                             const char      *accessible_name,
                                             const char      *name,
                                             const GDate     *initial);
/* The date typed in @field (a DnDateEntry of the form) in @out; else shows
 * what is wrong with it, marks it and returns FALSE. An empty field is
 * refused with @missing as the message; without @missing, it gives a
 * cleared date. */
gboolean      dn_form_dialog_read_date      (DnFormDialog    *self,
                                             GtkWidget       *field,
                                             const char      *missing,
                                             GDate           *out);
/* A row of its own, across the label and field columns. */
void          dn_form_dialog_add_widget      (DnFormDialog    *self,
                                              GtkWidget       *widget);
/* A dim line under the last field. Returns it. */
GtkWidget    *dn_form_dialog_add_hint        (DnFormDialog    *self,
                                              const char      *text);
/* Shows @message in the error line (and says it to screen readers);
 * @field, if any, is marked and focused until it is changed. */
void          dn_form_dialog_show_error      (DnFormDialog    *self,
                                              const char      *message,
                                              GtkWidget       *field);
void          dn_form_dialog_clear_error     (DnFormDialog    *self);
/* The message shown, or NULL. */
const char   *dn_form_dialog_get_error       (DnFormDialog    *self);
/* What the action button does: clears the error, applies, then closes.
 * FALSE when the apply step refused (the dialog stays open); TRUE when it
 * saved, or when its write is under way (dn_form_dialog_is_saving(): the
 * dialog closes itself when the write succeeds, or shows why not). */
gboolean      dn_form_dialog_save            (DnFormDialog    *self);

/* Called with the write it made, before the dialog closes */
typedef void (*DnFormWrittenFunc) (DnFormDialog *dialog,
                                   DnWrite      *write,
                                   gpointer      user_data);

/* For an apply step, once the input is checked: makes @write with
 * @writer (the window's: dn_window_context_get_writer()). A writer that
 * writes at once (the local database) does it now: TRUE after @done, or
 * FALSE with @error, as an apply step returns. One that has to wait (the
 * department server) makes the dialog say it is saving (the form
 * insensitive) and returns FALSE without @error: the apply step returns
 * that, and when the write succeeds @done is called and the dialog
 * closes; when it fails its message is shown and the input stays.
 * Closing the dialog meanwhile stops waiting. */
gboolean      dn_form_dialog_write           (DnFormDialog       *self,
                                              DnWriter           *writer,
                                              DnWrite            *write,
                                              DnFormWrittenFunc   done,
                                              gpointer            user_data,
                                              GError            **error);
/* For an apply step that waits for something else than a write (signing
 * in): the dialog says it is saving and returns the cancellable of the
 * wait (cancelled when the dialog closes); the apply step then returns
 * FALSE without an error. When it ends, end_pending() closes the dialog
 * (@error NULL) or shows @error's message, the input kept. */
GCancellable *dn_form_dialog_begin_pending   (DnFormDialog    *self);
void          dn_form_dialog_end_pending     (DnFormDialog    *self,
                                              const GError    *error);
/* Whether a wait (a write) is under way */
gboolean      dn_form_dialog_is_saving       (DnFormDialog    *self);

G_END_DECLS
