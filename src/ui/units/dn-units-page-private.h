/* dn-units-page-private.h: what the files of DnUnitsPage share
 *
 * dn-units-page.c (the reads, the GObject, the public API),
 * dn-units-page-tree.c (the unit tree), dn-units-page-staff.c (the staff
 * list) and dn-units-page-actions.c (the actions) make one widget; this
 * header is theirs alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-query-worker.h"
#include "dn-stale-reader.h"
#include "dn-store.h"
#include "dn-units-page.h"

G_BEGIN_DECLS

struct _DnUnitsPage
{
  GtkWidget           parent_instance;

  DnStore            *store;
  gboolean            refreshing;     /* selection changes come from a refresh */

  /* What the worker read */
  DnStaleReader      *reader;         /* the units, with the staff of the selected one; "loading" */
  DnQuerySlot        *staff_slot;     /* the staff of another unit */
  GPtrArray          *units;          /* DnUnit: the whole tree, archived units too; NULL before the first read */
  GHashTable         *unit_by_id;     /* gint64* → DnUnit (of units) */
  GHashTable         *unit_children;  /* gint64* parent id (0: roots) → GPtrArray of DnUnit, in order */
  gboolean            opened;         /* the first read has opened the department */
  gint64              pending_select; /* to select once the units are read */
  GPtrArray          *fresh_staff;    /* the staff read with the tree, for fresh_staff_unit */
  gint64              fresh_staff_unit;

  /* The tree */
  GtkTreeListModel   *tree;
  GtkSingleSelection *unit_selection;
  GHashTable         *levels;         /* GListStore* (weak) → gint64* parent id */
  GHashTable         *n_children;     /* gint64* unit id → number of listed children */
  GHashTable         *visible;        /* while filtering: gint64* ids shown, else NULL */
  char               *filter;         /* folded search text, or NULL */
  gint64              unit_id;        /* the unit whose staff is shown */

  /* The staff */
  GListStore         *staff;
  GtkSingleSelection *staff_selection;
  gint64              staff_unit_id;  /* whose staff is listed */
  gint64              keep_person_id; /* to select once it is read */

  /* Template widgets */
  GtkWidget          *content;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkSearchEntry     *unit_search;
  GtkCheckButton     *archived_check;
  GtkStack           *tree_stack;
  GtkListView        *unit_list;
  GtkLabel           *tree_empty_label;
  GtkButton          *archive_button;
  GtkStack           *detail_stack;
  GtkLabel           *detail_empty_label;
  GtkLabel           *unit_title;
  GtkLabel           *unit_subtitle;
  GtkLabel           *staff_count;
  GtkStack           *staff_stack;
  GtkColumnView      *staff_view;
};

/* Two records show the same thing (same row, same texts). */
typedef gboolean (*SameFunc) (gpointer a, gpointer b);

/* What one read is asked for: the staff of unit_id (0: none), with the
 * whole tree unless staff_only. */
typedef struct
{
  gint64   unit_id;
  gboolean staff_only;
} ReadRequest;

/* What one read gives. */
typedef struct
{
  GPtrArray *units;          /* the whole tree, archived units too */
  gint64     staff_unit_id;
  GPtrArray *staff;          /* of staff_unit_id, or NULL */
} TreeRead;

/* main */
gint64 *_dn_units_page_id_dup (gint64 id);
gboolean _dn_units_page_show_archived (DnUnitsPage *self);
DnUnit *_dn_units_page_lookup_unit (DnUnitsPage *self,
                                   gint64       id);
void _dn_units_page_show_message (DnUnitsPage *self,
                                 const char  *message);
void _dn_units_page_hide_message (DnUnitsPage *self);
GtkWindow *_dn_units_page_parent_window (DnUnitsPage *self);
void _dn_units_page_splice_changes (GListStore *store,
                                   GPtrArray  *items,
                                   SameFunc    same);

/* tree */
void _dn_units_page_tree_read_free (TreeRead *read);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TreeRead, _dn_units_page_tree_read_free)
guint _dn_units_page_find_row (DnUnitsPage *self,
                              gint64       unit_id);
void _dn_units_page_select_position (DnUnitsPage *self,
                                    guint        position);
void _dn_units_page_rebuild_tree (DnUnitsPage *self,
                                 GHashTable  *expand);
void _dn_units_page_refresh (DnUnitsPage *self);
void _dn_units_page_open_first_unit (DnUnitsPage *self);
gpointer _dn_units_page_read_tree (DnStore         *store,
                                  gpointer         data,
                                  GCancellable    *cancellable,
                                  GDestroyNotify  *result_destroy,
                                  GError         **error);
void _dn_units_page_set_units (DnUnitsPage *self,
                              GPtrArray   *units);
void _dn_units_page_apply_filter (DnUnitsPage *self,
                                 const char  *text);
/* the tree's rows and selection */
void _dn_units_page_init_tree (DnUnitsPage *self);
void _dn_units_page_forget_level_cb (gpointer key,
                                    gpointer value,
                                    gpointer user_data);

/* staff */
GPtrArray *_dn_units_page_read_staff (DnStore       *store,
                                     gint64         unit_id,
                                     GCancellable  *cancellable,
                                     GError       **error);
void _dn_units_page_load_staff (DnUnitsPage *self,
                               gboolean     same_unit);
gint64 _dn_units_page_selected_person_id (DnUnitsPage *self);
void _dn_units_page_select_person (DnUnitsPage *self,
                                  gint64       person_id);
/* the staff list, its selection and columns */
void _dn_units_page_init_staff (DnUnitsPage *self);

/* actions */
/* units.add, .rename, .move, .archive, .hide-message; people.add, .edit,
 * .remove */
void _dn_units_page_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
