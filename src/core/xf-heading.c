/* xf-heading.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-heading.h"

/* A 编, 分编, 章 or 节 of a statute, with its sub-headings, so a reader can
 * show the tree. */
struct _XfHeading
{
  GObject     parent_instance;

  gint64      id;
  gint64      law_id;
  char       *kind;
  char       *label;
  char       *title;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (XfHeading, xf_heading, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_LABEL,
  PROP_TITLE,
  PROP_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xf_heading_finalize (GObject *object)
{
  XfHeading *self = (XfHeading *)object;

  g_free (self->kind);
  g_free (self->label);
  g_free (self->title);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (xf_heading_parent_class)->finalize (object);
}

static void
xf_heading_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XfHeading *self = XF_HEADING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DISPLAY:
      g_value_take_string (value, xf_heading_dup_display (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_heading_class_init (XfHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_heading_finalize;
  object_class->get_property = xf_heading_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "", flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DISPLAY] = g_param_spec_string ("display", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_heading_init (XfHeading *self)
{
  self->children = g_list_store_new (XF_TYPE_HEADING);
}

XfHeading *
xf_heading_new (gint64      id,
                gint64      law_id,
                const char *kind,
                const char *label,
                const char *title)
{
  XfHeading *self = g_object_new (XF_TYPE_HEADING, NULL);

  self->id = id;
  self->law_id = law_id;
  self->kind = g_strdup (kind ? kind : "");
  self->label = g_strdup (label ? label : "");
  self->title = g_strdup (title ? title : "");

  return self;
}

gint64
xf_heading_get_id (XfHeading *self)
{
  g_return_val_if_fail (XF_IS_HEADING (self), 0);
  return self->id;
}

gint64
xf_heading_get_law_id (XfHeading *self)
{
  g_return_val_if_fail (XF_IS_HEADING (self), 0);
  return self->law_id;
}

const char *
xf_heading_get_kind (XfHeading *self)
{
  g_return_val_if_fail (XF_IS_HEADING (self), NULL);
  return self->kind;
}

const char *
xf_heading_get_label (XfHeading *self)
{
  g_return_val_if_fail (XF_IS_HEADING (self), NULL);
  return self->label;
}

const char *
xf_heading_get_title (XfHeading *self)
{
  g_return_val_if_fail (XF_IS_HEADING (self), NULL);
  return self->title;
}

/**
 * xf_heading_dup_display:
 *
 * Returns: (transfer full): label and title as printed, "第五章 行政处罚的决定"
 */
char *
xf_heading_dup_display (XfHeading *self)
{
  g_return_val_if_fail (XF_IS_HEADING (self), NULL);

  if (self->label[0] == '\0')
    return g_strdup (self->title);
  if (self->title[0] == '\0')
    return g_strdup (self->label);
  return g_strconcat (self->label, " ", self->title, NULL);
}

/**
 * xf_heading_get_children:
 *
 * Returns: (transfer none): the sub-headings, a #GListModel of #XfHeading
 */
GListModel *
xf_heading_get_children (XfHeading *self)
{
  g_return_val_if_fail (XF_IS_HEADING (self), NULL);
  return G_LIST_MODEL (self->children);
}

void
xf_heading_add_child (XfHeading *self,
                      XfHeading *child)
{
  g_return_if_fail (XF_IS_HEADING (self));
  g_return_if_fail (XF_IS_HEADING (child));

  g_list_store_append (self->children, child);
}
