/* xf-knowledge-list.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-knowledge-list.h"

/* A knowledge list (应知应会清单) as the store returns it, with the number
 * of its items and how many of them the profile has learned. */
struct _XfKnowledgeList
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *title;
  int      year;
  char    *audience;
  char    *department;
  int      version;
  char    *description;
  char    *source;
  guint    n_items;
  guint    n_learned;
};

G_DEFINE_FINAL_TYPE (XfKnowledgeList, xf_knowledge_list, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_YEAR,
  PROP_AUDIENCE,
  PROP_AUDIENCE_LABEL,
  PROP_DEPARTMENT,
  PROP_VERSION,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  PROP_N_ITEMS,
  PROP_N_LEARNED,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *audience;
  const char *chinese;
  const char *label;
} audiences[] = {
  { "all", "全体工作人员", N_("All staff") },
  { "leaders", "领导干部", N_("Leaders") },
  { "enforcement", "行政执法人员", N_("Law-enforcement staff") },
  { "department", "部门", N_("Department staff") },
};

/**
 * xf_audience_from_string:
 * @text: an audience as written in a list file: "all", "leaders",
 *   "enforcement", "department", or their Chinese names
 *
 * Returns: (nullable): the audience's canonical name, or %NULL
 */
const char *
xf_audience_from_string (const char *text)
{
  if (text == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    if (g_str_equal (text, audiences[i].audience) || g_str_equal (text, audiences[i].chinese))
      return audiences[i].audience;

  return NULL;
}

/**
 * xf_audience_to_label:
 * @audience: a canonical audience
 *
 * Returns: the translated label: 全体工作人员, 领导干部, 行政执法人员, or
 *   部门工作人员 (a list for a department shows the department's name, see
 *   xf_knowledge_list_get_audience_label()); @audience itself when unknown
 */
const char *
xf_audience_to_label (const char *audience)
{
  g_return_val_if_fail (audience != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    if (g_str_equal (audience, audiences[i].audience))
      return _(audiences[i].label);

  return audience;
}

static void
xf_knowledge_list_finalize (GObject *object)
{
  XfKnowledgeList *self = (XfKnowledgeList *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->audience, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (xf_knowledge_list_parent_class)->finalize (object);
}

static void
xf_knowledge_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfKnowledgeList *self = XF_KNOWLEDGE_LIST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_AUDIENCE:
      g_value_set_string (value, self->audience);
      break;
    case PROP_AUDIENCE_LABEL:
      g_value_set_string (value, xf_knowledge_list_get_audience_label (self));
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_N_LEARNED:
      g_value_set_uint (value, self->n_learned);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, xf_knowledge_list_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
dup_or_empty (const GValue *value)
{
  const char *text = g_value_get_string (value);

  return g_strdup (text != NULL ? text : "");
}

static void
xf_knowledge_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XfKnowledgeList *self = XF_KNOWLEDGE_LIST (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_UUID:
      self->uuid = dup_or_empty (value);
      break;
    case PROP_TITLE:
      self->title = dup_or_empty (value);
      break;
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case PROP_AUDIENCE:
      self->audience = dup_or_empty (value);
      break;
    case PROP_DEPARTMENT:
      self->department = dup_or_empty (value);
      break;
    case PROP_VERSION:
      self->version = g_value_get_int (value);
      break;
    case PROP_DESCRIPTION:
      self->description = dup_or_empty (value);
      break;
    case PROP_SOURCE:
      self->source = dup_or_empty (value);
      break;
    case PROP_N_ITEMS:
      xf_knowledge_list_set_n_items (self, g_value_get_uint (value));
      break;
    case PROP_N_LEARNED:
      xf_knowledge_list_set_n_learned (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_knowledge_list_class_init (XfKnowledgeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags counter = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_knowledge_list_finalize;
  object_class->get_property = xf_knowledge_list_get_property;
  object_class->set_property = xf_knowledge_list_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, construct);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, construct);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, construct);
  /**
   * XfKnowledgeList:audience:
   *
   * "all", "leaders", "enforcement" or "department".
   */
  properties[PROP_AUDIENCE] =
    g_param_spec_string ("audience", NULL, NULL, NULL, construct);
  properties[PROP_AUDIENCE_LABEL] =
    g_param_spec_string ("audience-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, NULL, construct);
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1, construct);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, construct);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, construct);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, counter);
  properties[PROP_N_LEARNED] =
    g_param_spec_uint ("n-learned", NULL, NULL, 0, G_MAXUINT, 0, counter);
  /**
   * XfKnowledgeList:fraction:
   *
   * The share of items learned, 0.0 to 1.0, for a progress bar.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_knowledge_list_init (XfKnowledgeList *self)
{
}

gint64
xf_knowledge_list_get_id (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), 0);

  return self->id;
}

const char *
xf_knowledge_list_get_uuid (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), NULL);

  return self->uuid;
}

const char *
xf_knowledge_list_get_title (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), NULL);

  return self->title;
}

int
xf_knowledge_list_get_year (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), 0);

  return self->year;
}

const char *
xf_knowledge_list_get_audience (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), NULL);

  return self->audience;
}

/**
 * xf_knowledge_list_get_audience_label:
 *
 * Returns: the translated audience; for a department's list, the
 *   department's name
 */
const char *
xf_knowledge_list_get_audience_label (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), NULL);

  if (g_str_equal (self->audience, "department") && self->department[0] != '\0')
    return self->department;

  return xf_audience_to_label (self->audience);
}

const char *
xf_knowledge_list_get_department (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), NULL);

  return self->department;
}

int
xf_knowledge_list_get_version (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), 0);

  return self->version;
}

const char *
xf_knowledge_list_get_description (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), NULL);

  return self->description;
}

const char *
xf_knowledge_list_get_source (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), NULL);

  return self->source;
}

guint
xf_knowledge_list_get_n_items (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), 0);

  return self->n_items;
}

void
xf_knowledge_list_set_n_items (XfKnowledgeList *self,
                               guint            n_items)
{
  g_return_if_fail (XF_IS_KNOWLEDGE_LIST (self));

  if (self->n_items == n_items)
    return;

  self->n_items = n_items;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

guint
xf_knowledge_list_get_n_learned (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), 0);

  return self->n_learned;
}

/**
 * xf_knowledge_list_set_n_learned:
 *
 * Updates the count the object shows, for a view that marked an item and
 * does not want to query the store again.
 */
void
xf_knowledge_list_set_n_learned (XfKnowledgeList *self,
                                 guint            n_learned)
{
  g_return_if_fail (XF_IS_KNOWLEDGE_LIST (self));

  if (self->n_learned == n_learned)
    return;

  self->n_learned = n_learned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LEARNED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/**
 * xf_knowledge_list_get_fraction:
 *
 * Returns: the share of items learned, from 0.0 to 1.0; 0.0 for an empty
 *   list
 */
double
xf_knowledge_list_get_fraction (XfKnowledgeList *self)
{
  g_return_val_if_fail (XF_IS_KNOWLEDGE_LIST (self), 0.0);

  if (self->n_items == 0)
    return 0.0;

  return MIN (1.0, (double)self->n_learned / (double)self->n_items);
}
