/* xf-knowledge-list.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XF_TYPE_KNOWLEDGE_LIST (xf_knowledge_list_get_type ())

G_DECLARE_FINAL_TYPE (XfKnowledgeList, xf_knowledge_list, XF, KNOWLEDGE_LIST, GObject)

const char *xf_audience_from_string              (const char      *text);
const char *xf_audience_to_label                 (const char      *audience);

gint64      xf_knowledge_list_get_id             (XfKnowledgeList *self);
const char *xf_knowledge_list_get_uuid           (XfKnowledgeList *self);
const char *xf_knowledge_list_get_title          (XfKnowledgeList *self);
int         xf_knowledge_list_get_year           (XfKnowledgeList *self);
const char *xf_knowledge_list_get_audience       (XfKnowledgeList *self);
const char *xf_knowledge_list_get_audience_label (XfKnowledgeList *self);
const char *xf_knowledge_list_get_department     (XfKnowledgeList *self);
int         xf_knowledge_list_get_version        (XfKnowledgeList *self);
const char *xf_knowledge_list_get_description    (XfKnowledgeList *self);
const char *xf_knowledge_list_get_source         (XfKnowledgeList *self);
guint       xf_knowledge_list_get_n_items        (XfKnowledgeList *self);
void        xf_knowledge_list_set_n_items        (XfKnowledgeList *self,
                                                  guint            n_items);
guint       xf_knowledge_list_get_n_learned      (XfKnowledgeList *self);
void        xf_knowledge_list_set_n_learned      (XfKnowledgeList *self,
                                                  guint            n_learned);
double      xf_knowledge_list_get_fraction       (XfKnowledgeList *self);

G_END_DECLS
