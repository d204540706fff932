/* xf-law.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-law.h"

/* A statute as stored: read-only, made by XfLawStore. */
struct _XfLaw
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *short_title;
  char    *version_date;
  char    *status;
  char    *level;
  char    *source;
  char    *history;
  char    *preamble;
  guint    article_count;
};

G_DEFINE_FINAL_TYPE (XfLaw, xf_law, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_VERSION_DATE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_LEVEL,
  PROP_SOURCE,
  PROP_HISTORY,
  PROP_PREAMBLE,
  PROP_ARTICLE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xf_law_finalize (GObject *object)
{
  XfLaw *self = (XfLaw *)object;

  g_free (self->title);
  g_free (self->short_title);
  g_free (self->version_date);
  g_free (self->status);
  g_free (self->level);
  g_free (self->source);
  g_free (self->history);
  g_free (self->preamble);

  G_OBJECT_CLASS (xf_law_parent_class)->finalize (object);
}

static void
xf_law_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  XfLaw *self = XF_LAW (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SHORT_TITLE: g_value_set_string (value, self->short_title); break;
    case PROP_VERSION_DATE: g_value_set_string (value, self->version_date); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, xf_law_get_status_label (self)); break;
    case PROP_LEVEL: g_value_set_string (value, self->level); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_HISTORY: g_value_set_string (value, self->history); break;
    case PROP_PREAMBLE: g_value_set_string (value, self->preamble); break;
    case PROP_ARTICLE_COUNT: g_value_set_uint (value, self->article_count); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_law_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  XfLaw *self = XF_LAW (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      self->short_title = xf_law_dup_short_title (self->title);
      break;
    case PROP_VERSION_DATE: self->version_date = g_value_dup_string (value); break;
    case PROP_STATUS: self->status = g_value_dup_string (value); break;
    case PROP_LEVEL: self->level = g_value_dup_string (value); break;
    case PROP_SOURCE: self->source = g_value_dup_string (value); break;
    case PROP_HISTORY: self->history = g_value_dup_string (value); break;
    case PROP_PREAMBLE: self->preamble = g_value_dup_string (value); break;
    case PROP_ARTICLE_COUNT: self->article_count = g_value_get_uint (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_law_class_init (XfLawClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_law_finalize;
  object_class->get_property = xf_law_get_property;
  object_class->set_property = xf_law_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", construct);
  properties[PROP_SHORT_TITLE] =
    g_param_spec_string ("short-title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION_DATE] = g_param_spec_string ("version-date", NULL, NULL, "", construct);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, "current", construct);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] = g_param_spec_string ("level", NULL, NULL, "", construct);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, "", construct);
  properties[PROP_HISTORY] = g_param_spec_string ("history", NULL, NULL, "", construct);
  properties[PROP_PREAMBLE] = g_param_spec_string ("preamble", NULL, NULL, "", construct);
  properties[PROP_ARTICLE_COUNT] =
    g_param_spec_uint ("article-count", NULL, NULL, 0, G_MAXUINT, 0, construct);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_law_init (XfLaw *self)
{
}

/**
 * xf_law_dup_short_title:
 * @title: a statute's full title
 *
 * The title as citations write it: 《中华人民共和国行政处罚法》 is cited as
 * 《行政处罚法》.
 *
 * Returns: (transfer full): the short title
 */
char *
xf_law_dup_short_title (const char *title)
{
  static const char prefix[] = "中华人民共和国";

  if (title == NULL)
    return g_strdup ("");
  if (g_str_has_prefix (title, prefix) && title[strlen (prefix)] != '\0')
    return g_strdup (title + strlen (prefix));
  return g_strdup (title);
}

gint64 xf_law_get_id (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), 0); return self->id; }
const char *xf_law_get_title (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->title; }
const char *xf_law_get_short_title (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->short_title; }
const char *xf_law_get_version_date (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->version_date; }
const char *xf_law_get_status (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->status; }
const char *xf_law_get_level (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->level; }
const char *xf_law_get_source (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->source; }
const char *xf_law_get_history (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->history; }
const char *xf_law_get_preamble (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), NULL); return self->preamble; }
guint xf_law_get_article_count (XfLaw *self) { g_return_val_if_fail (XF_IS_LAW (self), 0); return self->article_count; }

/**
 * xf_law_get_status_label:
 *
 * Returns: the status as a person reads it: 现行有效, 已修改 or 已废止
 */
const char *
xf_law_get_status_label (XfLaw *self)
{
  g_return_val_if_fail (XF_IS_LAW (self), NULL);

  if (g_strcmp0 (self->status, "amended") == 0)
    return _("Amended");
  if (g_strcmp0 (self->status, "repealed") == 0)
    return _("Repealed");
  return _("In force");
}
