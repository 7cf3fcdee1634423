/* dn-task-list-view.c: placeholder until the real widget lands (not committed) */
#include "config.h"
#include "dn-task-list-view.h"
struct _DnTaskListView { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (DnTaskListView, dn_task_list_view, GTK_TYPE_WIDGET)
static void dn_task_list_view_class_init (DnTaskListViewClass *klass) {}
static void dn_task_list_view_init (DnTaskListView *self) {}

void dn_task_list_view_set_store (DnTaskListView *self, DnStore *store) {}
void dn_task_list_view_apply_preset (DnTaskListView *self, const char *preset) {}
void dn_task_list_view_set_my_unit (DnTaskListView *self, gint64 unit_id) {}
void dn_task_list_view_open_task (DnTaskListView *self, gint64 task_id) {}
void dn_task_list_view_new_task (DnTaskListView *self) {}
void dn_task_list_view_set_search (DnTaskListView *self, const char *text) {}
DnTaskListModel *dn_task_list_view_get_model (DnTaskListView *self) { return NULL; }
const char *dn_task_list_view_get_count_text (DnTaskListView *self) { return ""; }
