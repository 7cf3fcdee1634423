/* dn-legacy-paste-dialog.c: text pasted in TCVN3 (ABC) or VNI, shown
 * converted before it is kept
 *
 * A watched field stops its own "paste-clipboard" and reads the clipboard
 * itself: text detection finds in no legacy encoding (dn_legacy_text_detect,
 * the rule in core) is inserted as GTK would (the selection replaced, a
 * single-line entry's truncation kept); otherwise the dialog shows the
 * text converted and as it came, and the officer chooses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-legacy-paste"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dn-legacy-paste-dialog.h"
#include "dn-text.h"
#include "dn-ui.h"

/* what the dialog shows of a long paste (it scrolls) */
#define SHOWN_CHARS 4000

struct _DnLegacyPasteDialog
{
  GtkWindow  parent_instance;

  char      *before;
  char      *after;

  GtkLabel  *intro_label;
  GtkTextView *after_view;
  GtkTextView *before_view;
  GtkWidget *convert_button;
  GtkWidget *as_is_button;
};

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DnLegacyPasteDialog, dn_legacy_paste_dialog, GTK_TYPE_WINDOW)

static void
choose (DnLegacyPasteDialog *self,
        const char          *text)
{
  /* said before the window goes (its handlers go with it) */
  g_signal_emit (self, signals[CHOSEN], 0, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
convert (DnLegacyPasteDialog *self)
{
  choose (self, self->after);
}

static void
as_is (DnLegacyPasteDialog *self)
{
  choose (self, self->before);
}

static void
dn_legacy_paste_dialog_finalize (GObject *object)
{
  DnLegacyPasteDialog *self = DN_LEGACY_PASTE_DIALOG (object);

  g_free (self->before);
  g_free (self->after);

  G_OBJECT_CLASS (dn_legacy_paste_dialog_parent_class)->finalize (object);
}

static void
dn_legacy_paste_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DN_TYPE_LEGACY_PASTE_DIALOG);

  G_OBJECT_CLASS (dn_legacy_paste_dialog_parent_class)->dispose (object);
}

static void
dn_legacy_paste_dialog_class_init (DnLegacyPasteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const DnAction actions[] = {
    { "legacy-paste.convert", G_CALLBACK (convert) },
    { "legacy-paste.as-is", G_CALLBACK (as_is) },
  };

  object_class->dispose = dn_legacy_paste_dialog_dispose;
  object_class->finalize = dn_legacy_paste_dialog_finalize;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  dn_ui_class_set_template (widget_class, "dn-legacy-paste-dialog.ui");
  DN_UI_CLASS_BIND_CHILDREN (widget_class, DnLegacyPasteDialog, intro_label, after_view, before_view,
                             convert_button, as_is_button);
  dn_ui_class_install_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dn_legacy_paste_dialog_init (DnLegacyPasteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @text cut to what the dialog shows */
static char *
shown (const char *text)
{
  if (g_utf8_strlen (text, SHOWN_CHARS + 1) <= SHOWN_CHARS)
    return g_strdup (text);
  return g_strconcat (g_utf8_substring (text, 0, SHOWN_CHARS), "…", NULL);
}

DnLegacyPasteDialog *
dn_legacy_paste_dialog_new (GtkWindow             *parent,
                            const DnLegacyPreview *preview)
{
  DnLegacyPasteDialog *self;
  g_autofree char *intro = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before = NULL;

  g_return_val_if_fail (preview != NULL, NULL);

  self = g_object_new (DN_TYPE_LEGACY_PASTE_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->before = g_strdup (preview->before);
  self->after = g_strdup (preview->after);
  /* TRANSLATORS: %s is the name of an encoding: "TCVN3 (ABC)" or "VNI" */
  intro = g_strdup_printf (_("The text you pasted looks typed in %s, an old Vietnamese encoding. "
                             "Converted to Unicode, it reads:"),
                           dn_legacy_encoding_get_label (preview->encoding));
  gtk_label_set_text (self->intro_label, intro);
  after = shown (preview->after);
  before = shown (preview->before);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->after_view), after, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->before_view), before, -1);
  return self;
}

/*
 * The watch
 */

/* Where the paste goes in a GtkText: the selection (or the cursor) when
 * it was asked for, before a dialog took the focus (a text view keeps it
 * in two marks) */
typedef struct
{
  int start, end;
} Place;

static void
insert_text (GtkWidget  *field,
             const char *text)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextView *view = GTK_TEXT_VIEW (field);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      gboolean editable = gtk_text_view_get_editable (view);
      GtkTextMark *from = gtk_text_buffer_get_mark (buffer, "dn-legacy-paste-from");
      GtkTextMark *to = gtk_text_buffer_get_mark (buffer, "dn-legacy-paste-to");
      GtkTextIter start, end;

      if (from == NULL || to == NULL)
        return;
      gtk_text_buffer_get_iter_at_mark (buffer, &start, from);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, to);
      gtk_text_buffer_begin_user_action (buffer);
      if (gtk_text_buffer_delete_interactive (buffer, &start, &end, editable))
        gtk_text_buffer_get_iter_at_mark (buffer, &start, from);
      gtk_text_buffer_insert_interactive (buffer, &start, text, -1, editable);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_buffer_end_user_action (buffer);
      gtk_text_buffer_delete_mark (buffer, from);
      gtk_text_buffer_delete_mark (buffer, to);
      gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
    }
  else if (GTK_IS_TEXT (field) && gtk_editable_get_editable (GTK_EDITABLE (field)))
    {
      GtkEditable *editable = GTK_EDITABLE (field);
      Place *place = g_object_get_data (G_OBJECT (field), "dn-legacy-paste-place");
      g_autofree char *line = NULL;
      int length = g_utf8_strlen (gtk_editable_get_text (editable), -1);
      int start = place != NULL ? MIN (place->start, length) : gtk_editable_get_position (editable);
      int end = place != NULL ? MIN (place->end, length) : start;

      /* a single-line field keeps the first line, as GTK's own paste */
      if (gtk_text_get_truncate_multiline (GTK_TEXT (field)))
        {
          line = g_strndup (text, strcspn (text, "\r\n"));
          text = line;
        }
      if (end > start)
        gtk_editable_delete_text (editable, start, end);
      gtk_editable_insert_text (editable, text, -1, &start);
      gtk_editable_set_position (editable, start);
    }
}

static void
on_chosen_cb (DnLegacyPasteDialog *dialog,
              const char          *text,
              GtkWidget           *field)
{
  insert_text (field, text);
  gtk_widget_grab_focus (field);
}

static void
on_clipboard_text_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GtkWidget) field = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_autoptr(DnLegacyPreview) preview = NULL;
  GtkRoot *root;
  DnLegacyPasteDialog *dialog;

  if (text == NULL || gtk_widget_get_root (field) == NULL)
    return;
  preview = dn_legacy_text_preview (text, DN_LEGACY_ENCODING_NONE, NULL);
  if (preview == NULL)
    {
      insert_text (field, text);
      return;
    }
  root = gtk_widget_get_root (field);
  dialog = dn_legacy_paste_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, preview);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_chosen_cb), field, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_paste_cb (GtkWidget *field)
{
  g_signal_stop_emission_by_name (field, "paste-clipboard");
  if (GTK_IS_TEXT (field))
    {
      Place *place = g_new0 (Place, 1);

      if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (field), &place->start, &place->end))
        place->start = place->end = gtk_editable_get_position (GTK_EDITABLE (field));
      g_object_set_data_full (G_OBJECT (field), "dn-legacy-paste-place", place, g_free);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      const char *names[] = { "dn-legacy-paste-from", "dn-legacy-paste-to" };
      GtkTextIter start, end;

      /* those of a paste the officer cancelled */
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (gtk_text_buffer_get_mark (buffer, names[i]) != NULL)
          gtk_text_buffer_delete_mark_by_name (buffer, names[i]);
      gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
      gtk_text_buffer_create_mark (buffer, "dn-legacy-paste-from", &start, TRUE);
      gtk_text_buffer_create_mark (buffer, "dn-legacy-paste-to", &end, FALSE);
    }
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (field), NULL, on_clipboard_text_cb,
                                 g_object_ref (field));
}

static void
watch_field (GtkWidget *field)
{
  if (field == NULL || g_object_get_data (G_OBJECT (field), "dn-legacy-paste") != NULL)
    return;
  if (!(GTK_IS_TEXT_VIEW (field) || (GTK_IS_TEXT (field) && gtk_text_get_visibility (GTK_TEXT (field)))))
    return;
  g_object_set_data (G_OBJECT (field), "dn-legacy-paste", GINT_TO_POINTER (TRUE));
  g_signal_connect (field, "paste-clipboard", G_CALLBACK (on_paste_cb), NULL);
}

static void
on_focus_cb (GtkWindow *window)
{
  watch_field (gtk_window_get_focus (window));
}

void
dn_legacy_paste_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "dn-legacy-paste") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "dn-legacy-paste", GINT_TO_POINTER (TRUE));
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (on_focus_cb), NULL);
  on_focus_cb (window);
}
