/* dn-chooser.h: a button showing the chosen record(s); it opens their list
 * with a search field
 *
 * The one searchable chooser of the application: units (DnUnitChooser),
 * documents (DnDocumentChooser) and, later, people are chosen with it. A
 * subclass reads the records offered (load) and says how a row shows and
 * what the search matches (its text, dn_text_match: words in any order,
 * accents ignored, đ = d).
 *
 * Single mode picks one record; multiple mode (property "multiple") ticks
 * any number. "none-label" adds a first row choosing none (id 0), also shown
 * on the button while nothing is chosen. Emits "changed" (and notifies
 * "selected-id") when the choice changes. The list is read when it is first
 * needed, and again after the store changed (dn_chooser_invalidate).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define DN_TYPE_CHOOSER (dn_chooser_get_type ())
G_DECLARE_DERIVABLE_TYPE (DnChooser, dn_chooser, DN, CHOOSER, GtkWidget)

/* What the chooser says, for its kind of record (translated). */
typedef struct
{
  const char *placeholder;         /* on the button, nothing chosen: "Choose a unit…" */
  const char *search_placeholder;  /* "Search by name or code" */
  const char *search_label;        /* accessible label of the search: "Search units" */
  const char *list_label;          /* accessible label of the list: "Units" */
  const char *no_rows;             /* nothing to offer at all */
  const char *no_match;            /* nothing matches the search */
} DnChooserTexts;

struct _DnChooserClass
{
  GtkWidgetClass parent_class;

  /* Appends the records offered, in order, to @rows (a reference each). */
  gboolean    (*load)            (DnChooser  *self,
                                  DnStore    *store,
                                  GPtrArray  *rows,
                                  GError    **error);
  /* A record of the kind listed standing for none (id 0), named @label. */
  GObject    *(*new_none_row)    (DnChooser  *self,
                                  const char *label);
  gint64      (*get_id)          (DnChooser  *self,
                                  gpointer    row);
  /* What a row shows: its name, a dimmer detail after it (or NULL), how
   * far it is indented. */
  const char *(*get_name)        (DnChooser  *self,
                                  gpointer    row);
  const char *(*get_detail)      (DnChooser  *self,
                                  gpointer    row);
  guint       (*get_depth)       (DnChooser  *self,
                                  gpointer    row);
  /* The text the search is matched against (default: the name). */
  char       *(*dup_search_text) (DnChooser  *self,
                                  gpointer    row);
  /* The name of a chosen id that the list does not offer, or NULL. */
  char       *(*lookup_name)     (DnChooser  *self,
                                  gint64      id);
  /* Multiple mode: "3 units chosen" under the list (NULL: nothing). */
  char       *(*format_count)    (DnChooser  *self,
                                  guint       n);

  /* TRUE: the records do not come from a store (the countries); load and
   * lookup_name are called with or without one (load's @store may be
   * NULL). */
  gboolean    without_store;

  /* Set by dn_chooser_class_set_record() (dn-chooser-record.h). */
  GType       record_type;
  gsize       label_offset;

  gpointer padding[5];
};

/* For subclasses: their texts (copied), once in their init. */
void        dn_chooser_set_texts       (DnChooser            *self,
                                        const DnChooserTexts *texts);
/* The list must be read again: now if it shows, else when next needed. */
void        dn_chooser_invalidate      (DnChooser            *self);

void        dn_chooser_set_store       (DnChooser            *self,
                                        DnStore              *store);
DnStore    *dn_chooser_get_store       (DnChooser            *self);
/* Reads the list now (it is otherwise read when needed, with a warning
 * when that fails). */
gboolean    dn_chooser_reload          (DnChooser            *self,
                                        GError              **error);
/* The rows offered, in list order (the none row has id 0). */
GListModel *dn_chooser_get_model       (DnChooser            *self);

const char *dn_chooser_get_none_label  (DnChooser            *self);
void        dn_chooser_set_none_label  (DnChooser            *self,
                                        const char           *label);
gboolean    dn_chooser_get_multiple    (DnChooser            *self);
void        dn_chooser_set_multiple    (DnChooser            *self,
                                        gboolean              multiple);

/* Single mode: the chosen record, 0 for none; in multiple mode the first
 * ticked one. */
gint64      dn_chooser_get_id          (DnChooser            *self);
/* Chooses @id (0: none), offered or not (shown by lookup_name). */
void        dn_chooser_set_id          (DnChooser            *self,
                                        gint64                id);
/* What activating the row of @id does (0: the none row): single mode
 * chooses it, multiple mode ticks or unticks it. FALSE, and no change,
 * when the list does not offer it. */
gboolean    dn_chooser_pick            (DnChooser            *self,
                                        gint64                id);
/* The chosen ids (gint64) in list order, those not offered last; a new
 * array. */
GArray     *dn_chooser_get_ids         (DnChooser            *self);
void        dn_chooser_set_ids         (DnChooser            *self,
                                        const gint64         *ids,
                                        guint                 n_ids);
/* Ticks or unticks one (multiple mode), as clicking its row does. */
void        dn_chooser_toggle_id       (DnChooser            *self,
                                        gint64                id);
/* The name shown for an id ("" when unknown). */
const char *dn_chooser_get_name        (DnChooser            *self,
                                        gint64                id);

/* The search text, as typed in the popover's search field, and the number
 * of rows it leaves in the list (the none row is shown only without a
 * search). */
void        dn_chooser_set_search      (DnChooser            *self,
                                        const char           *text);
guint       dn_chooser_get_n_shown     (DnChooser            *self);
/* Opens the list (as clicking the button does). */
void        dn_chooser_popup           (DnChooser            *self);

G_END_DECLS
