/* xf-search-hit.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-search-hit-private.h"

/* One search result: an article (with where it sits and a snippet), a law
 * whose title matches, or a knowledge-list item. Read-only properties make
 * hits usable straight from a GtkBuilderListItemFactory. */

G_DEFINE_ENUM_TYPE (XfSearchHitKind, xf_search_hit_kind,
                    G_DEFINE_ENUM_VALUE (XF_SEARCH_HIT_ARTICLE, "article"),
                    G_DEFINE_ENUM_VALUE (XF_SEARCH_HIT_LAW, "law"),
                    G_DEFINE_ENUM_VALUE (XF_SEARCH_HIT_ITEM, "item"))

G_DEFINE_FINAL_TYPE (XfSearchHit, xf_search_hit, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_ARTICLE_ID,
  PROP_LAW_ID,
  PROP_LAW_TITLE,
  PROP_HEADING_PATH,
  PROP_LABEL,
  PROP_NUMBER,
  PROP_SUB,
  PROP_ITEM_ID,
  PROP_LIST_ID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xf_search_hit_finalize (GObject *object)
{
  XfSearchHit *self = (XfSearchHit *)object;

  g_clear_pointer (&self->law_title, g_free);
  g_clear_pointer (&self->heading_path, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (xf_search_hit_parent_class)->finalize (object);
}

static void
xf_search_hit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XfSearchHit *self = XF_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;

    case PROP_LAW_ID:
      g_value_set_int64 (value, self->law_id);
      break;

    case PROP_LAW_TITLE:
      g_value_set_string (value, self->law_title);
      break;

    case PROP_HEADING_PATH:
      g_value_set_string (value, self->heading_path);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    case PROP_SUB:
      g_value_set_int (value, self->sub);
      break;

    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;

    case PROP_LIST_ID:
      g_value_set_int64 (value, self->list_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_search_hit_class_init (XfSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = xf_search_hit_finalize;
  object_class->get_property = xf_search_hit_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "What the hit is: an article, a law or a list item",
                       XF_TYPE_SEARCH_HIT_KIND, XF_SEARCH_HIT_ARTICLE, flags);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, "The article's rowid",
                        G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_LAW_ID] =
    g_param_spec_int64 ("law-id", NULL, "The law's rowid",
                        G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_LAW_TITLE] =
    g_param_spec_string ("law-title", NULL, "The law's title",
                         NULL, flags);
  properties[PROP_HEADING_PATH] =
    g_param_spec_string ("heading-path", NULL, "The headings above the article, joined by ›",
                         NULL, flags);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, "The article's label, such as 第三十二条",
                         NULL, flags);
  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, "The article's number",
                      G_MININT, G_MAXINT, 0, flags);
  properties[PROP_SUB] =
    g_param_spec_int ("sub", NULL, "The 之一 number of the article, 0 if none",
                      G_MININT, G_MAXINT, 0, flags);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, "The list item's rowid",
                        G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_LIST_ID] =
    g_param_spec_int64 ("list-id", NULL, "The list's rowid",
                        G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The law's or list item's title",
                         NULL, flags);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, "Text around the first match",
                         NULL, flags);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, "The rank score, higher first",
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_search_hit_init (XfSearchHit *self)
{
  self->highlights = g_array_new (FALSE, FALSE, sizeof (XfSearchRange));
}

XfSearchHit *
xf_search_hit_new (XfSearchHitKind kind)
{
  XfSearchHit *self = g_object_new (XF_TYPE_SEARCH_HIT, NULL);

  self->kind = kind;

  return self;
}

XfSearchHitKind
xf_search_hit_get_kind (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), XF_SEARCH_HIT_ARTICLE);

  return self->kind;
}

gint64
xf_search_hit_get_article_id (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), 0);

  return self->article_id;
}

gint64
xf_search_hit_get_law_id (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), 0);

  return self->law_id;
}

/**
 * xf_search_hit_get_law_title:
 *
 * Returns: (transfer none) (nullable): the law's title
 */
const char *
xf_search_hit_get_law_title (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), NULL);

  return self->law_title;
}

/**
 * xf_search_hit_get_heading_path:
 *
 * Returns: (transfer none) (nullable): the headings above the article, joined by ›
 */
const char *
xf_search_hit_get_heading_path (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), NULL);

  return self->heading_path;
}

/**
 * xf_search_hit_get_label:
 *
 * Returns: (transfer none) (nullable): the article's label, such as 第三十二条
 */
const char *
xf_search_hit_get_label (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), NULL);

  return self->label;
}

int
xf_search_hit_get_number (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), 0);

  return self->number;
}

int
xf_search_hit_get_sub (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), 0);

  return self->sub;
}

gint64
xf_search_hit_get_item_id (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), 0);

  return self->item_id;
}

gint64
xf_search_hit_get_list_id (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), 0);

  return self->list_id;
}

/**
 * xf_search_hit_get_title:
 *
 * Returns: (transfer none) (nullable): the law's or list item's title
 */
const char *
xf_search_hit_get_title (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

/**
 * xf_search_hit_get_snippet:
 *
 * Returns: (transfer none) (nullable): text around the first match
 */
const char *
xf_search_hit_get_snippet (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

double
xf_search_hit_get_score (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), 0);

  return self->score;
}

/**
 * xf_search_hit_get_highlights:
 *
 * Returns: (transfer none) (element-type XfSearchRange): the stretches of the
 *   snippet that match the query, in characters, ascending
 */
GArray *
xf_search_hit_get_highlights (XfSearchHit *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_HIT (self), NULL);

  return self->highlights;
}
