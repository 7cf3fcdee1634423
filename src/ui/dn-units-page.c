/* dn-units-page.c: placeholder until the real widget lands (not committed) */
#include "config.h"
#include "dn-units-page.h"
struct _DnUnitsPage { GtkWidget parent_instance; };
G_DEFINE_FINAL_TYPE (DnUnitsPage, dn_units_page, GTK_TYPE_WIDGET)
static void dn_units_page_class_init (DnUnitsPageClass *klass) {}
static void dn_units_page_init (DnUnitsPage *self) {}

void dn_units_page_set_store (DnUnitsPage *self, DnStore *store) {}
void dn_units_page_select_unit (DnUnitsPage *self, gint64 unit_id) {}
gint64 dn_units_page_get_selected (DnUnitsPage *self) { return 0; }
