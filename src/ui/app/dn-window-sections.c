/* dn-window-sections.c: the page of each of the window's sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-window"

#include "config.h"

#include "dn-delegation-list-page.h"
#include "dn-documents-page.h"
#include "dn-overview-page.h"
#include "dn-partners-page.h"
#include "dn-passports-page.h"
#include "dn-reports-page.h"
#include "dn-task-list-view.h"
#include "dn-units-page.h"
#include "dn-window-sections.h"

GtkWidget *
dn_window_section_new (const char      *name,
                       DnStore         *store,
                       DnWindowContext *context)
{
  GtkWidget *page = NULL;

  if (g_str_equal (name, "overview"))
    {
      page = g_object_new (DN_TYPE_OVERVIEW_PAGE, NULL);
      dn_overview_page_set_store (DN_OVERVIEW_PAGE (page), store);
    }
  else if (g_str_equal (name, "tasks"))
    {
      page = g_object_new (DN_TYPE_TASK_LIST_VIEW, NULL);
      dn_task_list_view_set_my_unit (DN_TASK_LIST_VIEW (page), dn_window_context_get_my_unit (context));
      dn_task_list_view_set_store (DN_TASK_LIST_VIEW (page), store);
    }
  else if (g_str_has_prefix (name, "delegations-"))
    {
      page = dn_delegation_list_page_new (g_str_equal (name, "delegations-in") ? DN_DELEGATION_INBOUND
                                                                             : DN_DELEGATION_OUTBOUND);
      dn_delegation_list_page_set_store (DN_DELEGATION_LIST_PAGE (page), store);
    }
  else if (g_str_equal (name, "passports"))
    {
      page = g_object_new (DN_TYPE_PASSPORTS_PAGE, NULL);
      dn_passports_page_set_store (DN_PASSPORTS_PAGE (page), store);
    }
  else if (g_str_equal (name, "partners"))
    {
      page = g_object_new (DN_TYPE_PARTNERS_PAGE, NULL);
      dn_partners_page_set_store (DN_PARTNERS_PAGE (page), store);
    }
  else if (g_str_equal (name, "units"))
    {
      page = g_object_new (DN_TYPE_UNITS_PAGE, NULL);
      dn_units_page_set_store (DN_UNITS_PAGE (page), store);
    }
  else if (g_str_equal (name, "documents"))
    {
      page = g_object_new (DN_TYPE_DOCUMENTS_PAGE, NULL);
      dn_documents_page_set_store (DN_DOCUMENTS_PAGE (page), store);
    }
  else if (g_str_equal (name, "reports"))
    {
      page = g_object_new (DN_TYPE_REPORTS_PAGE, NULL);
      dn_reports_page_set_store (DN_REPORTS_PAGE (page), store);
    }
  g_return_val_if_fail (page != NULL, NULL);
  /* the whole of its place in the stack */
  gtk_widget_set_hexpand (page, TRUE);
  gtk_widget_set_vexpand (page, TRUE);
  return page;
}
