/* dn-store-people.h: staff
 *
 * Part of the store's API: include "dn-store.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-person.h"
#include "dn-store.h"

G_BEGIN_DECLS

gboolean dn_store_add_person (DnStore *self, DnPerson *person, GError **error);
gboolean dn_store_update_person (DnStore *self, DnPerson *person, GError **error);
gboolean dn_store_delete_person (DnStore *self, gint64 id, GError **error);
DnPerson *dn_store_get_person (DnStore *self, gint64 id, GError **error);
/* People of @unit_id (0: everyone), in Vietnamese order (given name, middle
 * name, family name): the @limit after the person @after (NULL: the first
 * @limit). Pages by key: give the last person of a page to get the next. */
GPtrArray *dn_store_list_people (DnStore *self, gint64 unit_id, DnPerson *after, guint limit, GError **error);
char *dn_person_dup_full_name (DnPerson *person);

G_END_DECLS
