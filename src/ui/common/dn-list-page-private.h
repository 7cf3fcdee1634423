/* dn-list-page-private.h: what the files of DnListPage share
 *
 * dn-list-page.c (the GObject, the table, the section's slots and texts,
 * the selection) and dn-list-page-query.c (the store, the queries and the
 * state they leave shown) make one widget; this header is theirs alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dn-filter.h"
#include "dn-list-page.h"
#include "dn-list-rows.h"
#include "dn-list-table.h"

G_BEGIN_DECLS

typedef struct
{
  DnStore             *store;
  DnQueryModel        *model;       /* the one shown */
  DnQueryModel        *spare;       /* runs the asynchronous queries; swapped in with their result */
  DnListRows          *rows;        /* the table's model: shows model */
  DnListTable         *table;       /* the column view's columns, cells, selection and order */
  DnFilter            *filter;      /* the section's */
  DnListFilterFuncs    filter_funcs;
  GtkSearchEntry      *search_entry; /* typed into the filter's "text" */
  guint                showing_text; /* > 0 while search_entry shows the filter's text */
  guint                applying;    /* > 0 while code sets the filter: no query on a worker */
  gboolean             sync_sort;   /* the next sort change reloads at once */
  char                *count_text;
  GError              *error;       /* of the last query, when it failed */
  GDate                today;
  guint                updating;    /* > 0 while the page itself changes the selection */
  gboolean             loading;     /* the spare model's result is awaited */
  gboolean             dirty;       /* the store changed while the page was hidden */
  gboolean             keep_scroll; /* the awaited result is a refresh after an edit */
  gboolean             has_rows;    /* a result has been shown once */
  gboolean             has_result;  /* a result was shown since the store was set */
  guint                spinner_id;  /* shows the spinners once a wait lasts */
  gboolean             spinning;    /* the wait has lasted: the spinners show it */

  guint                fit_id;      /* tick callback fitting the columns to the width */
  GdkFrameClock       *paint_clock; /* its after-paint asks for the rest of the list shown */
  gulong               after_paint_id;
  char                *texts[11];   /* the section's texts, by TEXT_* */
  GCancellable        *export_cancellable; /* while list.export writes */
  char                *export_test_path;   /* list.export writes here without asking (tests) */

  /* Template widgets */
  GtkWidget           *main_box;
  GtkBox              *toolbar;
  GtkBox              *filter_rows;
  GtkBox              *filter_box;
  GtkLabel            *count_label;
  GtkSpinner          *loading_spinner;
  GtkWidget           *clear_button;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkLabel            *empty_title_label;
  GtkLabel            *empty_description_label;
  GtkWidget           *empty_clear_button;
  GtkWidget           *empty_new_button;
  GtkSpinner          *loading_big_spinner;
  GtkLabel            *loading_label;
  GtkLabel            *error_label;
  GtkImage            *empty_image;
} DnListPagePrivate;

/* the section's texts (its properties), by position */
enum
{
  TEXT_NAME_PREFIX,
  TEXT_TABLE_LABEL,
  TEXT_EMPTY_TITLE,
  TEXT_EMPTY_DESCRIPTION,
  TEXT_FILTERED_TITLE,
  TEXT_FILTERED_DESCRIPTION,
  TEXT_NEW_LABEL,
  TEXT_NEW_ACTION_NAME,
  TEXT_LOADING,
  TEXT_CLEAR_TOOLTIP,
  TEXT_EMPTY_ICON,
  N_TEXTS
};

DnListPagePrivate *_dn_list_page_get_private (DnListPage *self);

/* main */
gint64 _dn_list_page_selected_id (DnListPage *self);

/* queries and the state shown */
void _dn_list_page_update_actions (DnListPage *self);
void _dn_list_page_update_own_actions (DnListPage *self);
const char *_dn_list_page_text_of (DnListPage *self,
                                   guint       which);
void _dn_list_page_update_count (DnListPage *self);
void _dn_list_page_reload_now (DnListPage *self,
                               gboolean    keep_scroll);
void _dn_list_page_forget_models (DnListPage *self);
void _dn_list_page_fetch_rest (DnListPage *self);
void _dn_list_page_forget_filter (DnListPage *self);
void _dn_list_page_reset_filter (DnListPage *self);
gboolean _dn_list_page_apply_filter_preset (DnListPage *self,
                                            const char *preset);

/* list.export (dn-list-page-export.c) */
void _dn_list_page_export (DnListPage *self);
void _dn_list_page_cancel_export (DnListPage *self);

G_END_DECLS
