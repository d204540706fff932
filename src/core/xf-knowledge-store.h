/* xf-knowledge-store.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"
#include "xf-knowledge-list.h"
#include "xf-list-item.h"

G_BEGIN_DECLS

GListModel      *xf_knowledge_store_list_lists      (XfDatabase  *db,
                                                     GError     **error);
XfKnowledgeList *xf_knowledge_store_get_list        (XfDatabase  *db,
                                                     const char  *uuid_or_title,
                                                     GError     **error);
GListModel      *xf_knowledge_store_list_items      (XfDatabase  *db,
                                                     gint64       list_id,
                                                     GError     **error);
XfListItem      *xf_knowledge_store_get_item        (XfDatabase  *db,
                                                     const char  *item_uuid,
                                                     GError     **error);
gboolean         xf_knowledge_store_set_learned     (XfDatabase  *db,
                                                     const char  *item_uuid,
                                                     gboolean     learned,
                                                     GError     **error);
gboolean         xf_knowledge_store_delete_list     (XfDatabase  *db,
                                                     const char  *uuid,
                                                     GError     **error);
gint64           xf_knowledge_store_resolve_article (XfDatabase  *db,
                                                     const char  *law_title,
                                                     guint        number,
                                                     guint        sub,
                                                     gboolean    *law_found,
                                                     GError     **error);

G_END_DECLS
