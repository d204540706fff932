/* xf-list-item.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-chinese-numeral.h"
#include "xf-list-item.h"

/* One item of a knowledge list. An item points at an article by law title
 * and article number, so the link survives a re-import of the law; the
 * store resolves it to the article of the newest version of that law. */
struct _XfListItem
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    list_id;
  guint     position;
  char     *level;
  char     *law_title;
  guint     article_number;
  guint     article_sub;
  gint64    article_id;
  char     *article_label;
  char     *title;
  char     *text;
  char     *body;
  char     *note;
  gboolean  learned;
};

G_DEFINE_FINAL_TYPE (XfListItem, xf_list_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_LIST_ID,
  PROP_POSITION,
  PROP_LEVEL,
  PROP_LEVEL_LABEL,
  PROP_LAW_TITLE,
  PROP_ARTICLE_NUMBER,
  PROP_ARTICLE_SUB,
  PROP_ARTICLE_ID,
  PROP_ARTICLE_LABEL,
  PROP_TITLE,
  PROP_TEXT,
  PROP_BODY,
  PROP_NOTE,
  PROP_LEARNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *level;
  const char *chinese;
  const char *label;
} levels[] = {
  { "must", "必知", N_("Must know") },
  { "should", "应知", N_("Should know") },
  { "apply", "应会", N_("Can apply") },
};

/**
 * xf_list_level_from_string:
 * @text: a level as written in a list file: "must", "should", "apply" or
 *   their Chinese names 必知, 应知, 应会
 *
 * Returns: (nullable): the level's canonical name, or %NULL when @text names
 *   no level
 */
const char *
xf_list_level_from_string (const char *text)
{
  if (text == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_str_equal (text, levels[i].level) || g_str_equal (text, levels[i].chinese))
      return levels[i].level;

  return NULL;
}

/**
 * xf_list_level_to_label:
 * @level: a canonical level
 *
 * Returns: the translated label (必知, 应知, 应会 in Chinese), or @level
 *   itself when it is not a level
 */
const char *
xf_list_level_to_label (const char *level)
{
  g_return_val_if_fail (level != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_str_equal (level, levels[i].level))
      return _(levels[i].label);

  return level;
}

/**
 * xf_article_format_label:
 * @number: an article number, 1 to 9999
 * @sub: 0, or the number of an inserted article (之一 is 1)
 *
 * Formats an article label the way statutes write it: 第三十二条,
 * 第一百零一条, 第一千二百六十条, 第二十条之一.
 *
 * Returns: (transfer full): the label, or an empty string for an invalid
 *   number
 */
char *
xf_article_format_label (guint number,
                         guint sub)
{
  g_autofree char *number_text = NULL;
  g_autofree char *sub_text = NULL;

  if (number == 0 || number >= 10000 || sub >= 10000)
    return g_strdup ("");

  number_text = xf_chinese_numeral_format (number);
  if (sub == 0)
    return g_strconcat ("第", number_text, "条", NULL);

  sub_text = xf_chinese_numeral_format (sub);
  return g_strconcat ("第", number_text, "条之", sub_text, NULL);
}

static void
xf_list_item_constructed (GObject *object)
{
  XfListItem *self = (XfListItem *)object;

  G_OBJECT_CLASS (xf_list_item_parent_class)->constructed (object);

  if ((self->article_label == NULL || self->article_label[0] == '\0') && self->article_number > 0)
    {
      g_free (self->article_label);
      self->article_label = xf_article_format_label (self->article_number, self->article_sub);
    }

  /* Without a resolved article the item's own text is what there is to read. */
  if (self->body == NULL || self->body[0] == '\0')
    {
      g_free (self->body);
      self->body = g_strdup (self->text);
    }
}

static void
xf_list_item_finalize (GObject *object)
{
  XfListItem *self = (XfListItem *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->law_title, g_free);
  g_clear_pointer (&self->article_label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (xf_list_item_parent_class)->finalize (object);
}

static void
xf_list_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XfListItem *self = XF_LIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_LIST_ID:
      g_value_set_int64 (value, self->list_id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;
    case PROP_LEVEL_LABEL:
      g_value_set_string (value, xf_list_item_get_level_label (self));
      break;
    case PROP_LAW_TITLE:
      g_value_set_string (value, self->law_title);
      break;
    case PROP_ARTICLE_NUMBER:
      g_value_set_uint (value, self->article_number);
      break;
    case PROP_ARTICLE_SUB:
      g_value_set_uint (value, self->article_sub);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;
    case PROP_ARTICLE_LABEL:
      g_value_set_string (value, self->article_label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_LEARNED:
      g_value_set_boolean (value, self->learned);
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
xf_list_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XfListItem *self = XF_LIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_UUID:
      self->uuid = dup_or_empty (value);
      break;
    case PROP_LIST_ID:
      self->list_id = g_value_get_int64 (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;
    case PROP_LEVEL:
      self->level = dup_or_empty (value);
      break;
    case PROP_LAW_TITLE:
      self->law_title = dup_or_empty (value);
      break;
    case PROP_ARTICLE_NUMBER:
      self->article_number = g_value_get_uint (value);
      break;
    case PROP_ARTICLE_SUB:
      self->article_sub = g_value_get_uint (value);
      break;
    case PROP_ARTICLE_ID:
      self->article_id = g_value_get_int64 (value);
      break;
    case PROP_ARTICLE_LABEL:
      self->article_label = dup_or_empty (value);
      break;
    case PROP_TITLE:
      self->title = dup_or_empty (value);
      break;
    case PROP_TEXT:
      self->text = dup_or_empty (value);
      break;
    case PROP_BODY:
      self->body = dup_or_empty (value);
      break;
    case PROP_NOTE:
      self->note = dup_or_empty (value);
      break;
    case PROP_LEARNED:
      xf_list_item_set_learned (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_list_item_class_init (XfListItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = xf_list_item_constructed;
  object_class->finalize = xf_list_item_finalize;
  object_class->get_property = xf_list_item_get_property;
  object_class->set_property = xf_list_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, construct);
  properties[PROP_LIST_ID] =
    g_param_spec_int64 ("list-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, construct);
  /**
   * XfListItem:level:
   *
   * "must", "should" or "apply": 必知, 应知, 应会.
   */
  properties[PROP_LEVEL] =
    g_param_spec_string ("level", NULL, NULL, NULL, construct);
  properties[PROP_LEVEL_LABEL] =
    g_param_spec_string ("level-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAW_TITLE] =
    g_param_spec_string ("law-title", NULL, NULL, NULL, construct);
  properties[PROP_ARTICLE_NUMBER] =
    g_param_spec_uint ("article-number", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_ARTICLE_SUB] =
    g_param_spec_uint ("article-sub", NULL, NULL, 0, G_MAXUINT, 0, construct);
  /**
   * XfListItem:article-id:
   *
   * The article the item points at in the newest version of its law, or 0
   * when that law is not in the database.
   */
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_ARTICLE_LABEL] =
    g_param_spec_string ("article-label", NULL, NULL, NULL, construct);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, construct);
  /**
   * XfListItem:text:
   *
   * The item's own text, as the list gives it.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, construct);
  /**
   * XfListItem:body:
   *
   * What to read: the article's text when the item points at an article in
   * the database, otherwise the item's own text.
   */
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, construct);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, construct);
  properties[PROP_LEARNED] =
    g_param_spec_boolean ("learned", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_list_item_init (XfListItem *self)
{
}

gint64
xf_list_item_get_id (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), 0);

  return self->id;
}

const char *
xf_list_item_get_uuid (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->uuid;
}

gint64
xf_list_item_get_list_id (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), 0);

  return self->list_id;
}

guint
xf_list_item_get_position (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), 0);

  return self->position;
}

const char *
xf_list_item_get_level (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->level;
}

const char *
xf_list_item_get_level_label (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return xf_list_level_to_label (self->level);
}

const char *
xf_list_item_get_law_title (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->law_title;
}

guint
xf_list_item_get_article_number (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), 0);

  return self->article_number;
}

guint
xf_list_item_get_article_sub (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), 0);

  return self->article_sub;
}

/**
 * xf_list_item_has_article:
 *
 * Returns: whether the item points at an article, whether or not that
 *   article is in the database
 */
gboolean
xf_list_item_has_article (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), FALSE);

  return self->law_title[0] != '\0' && self->article_number > 0;
}

gint64
xf_list_item_get_article_id (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), 0);

  return self->article_id;
}

/**
 * xf_list_item_get_article_label:
 *
 * Returns: the label of the article the item points at (第三十二条), or an
 *   empty string for an item with its own text only
 */
const char *
xf_list_item_get_article_label (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->article_label;
}

const char *
xf_list_item_get_title (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->title;
}

const char *
xf_list_item_get_text (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->text;
}

const char *
xf_list_item_get_body (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->body;
}

const char *
xf_list_item_get_note (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), NULL);

  return self->note;
}

gboolean
xf_list_item_get_learned (XfListItem *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM (self), FALSE);

  return self->learned;
}

/**
 * xf_list_item_set_learned:
 *
 * Sets the state the object shows. It does not store a mark: that is
 * xf_knowledge_store_set_learned().
 */
void
xf_list_item_set_learned (XfListItem *self,
                          gboolean    learned)
{
  g_return_if_fail (XF_IS_LIST_ITEM (self));

  learned = !!learned;
  if (self->learned == learned)
    return;

  self->learned = learned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEARNED]);
}
