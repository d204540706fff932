/* xf-article.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-article.h"
#include "xf-law.h"

/* One 条 of a statute. Its body keeps the 款 and 项 one to a line, as the
 * importer stored them. */
struct _XfArticle
{
  GObject  parent_instance;

  gint64   id;
  gint64   law_id;
  gint64   heading_id;
  guint    number;
  guint    sub;
  char    *label;
  char    *body;
  char    *law_title;
  char    *heading_path;
};

G_DEFINE_FINAL_TYPE (XfArticle, xf_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_LABEL,
  PROP_BODY,
  PROP_LAW_TITLE,
  PROP_HEADING_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xf_article_finalize (GObject *object)
{
  XfArticle *self = (XfArticle *)object;

  g_free (self->label);
  g_free (self->body);
  g_free (self->law_title);
  g_free (self->heading_path);

  G_OBJECT_CLASS (xf_article_parent_class)->finalize (object);
}

static void
xf_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XfArticle *self = XF_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_LAW_TITLE:
      g_value_set_string (value, self->law_title);
      break;
    case PROP_HEADING_PATH:
      g_value_set_string (value, self->heading_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_article_class_init (XfArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_article_finalize;
  object_class->get_property = xf_article_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", flags);
  properties[PROP_LAW_TITLE] = g_param_spec_string ("law-title", NULL, NULL, "", flags);
  properties[PROP_HEADING_PATH] = g_param_spec_string ("heading-path", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_article_init (XfArticle *self)
{
}

/**
 * xf_article_new:
 * @heading_path: (nullable): where the article sits, "第五章 … › 第一节 …"
 *
 * Returns: (transfer full): a new #XfArticle
 */
XfArticle *
xf_article_new (gint64      id,
                gint64      law_id,
                gint64      heading_id,
                guint       number,
                guint       sub,
                const char *label,
                const char *body,
                const char *law_title,
                const char *heading_path)
{
  XfArticle *self = g_object_new (XF_TYPE_ARTICLE, NULL);

  self->id = id;
  self->law_id = law_id;
  self->heading_id = heading_id;
  self->number = number;
  self->sub = sub;
  self->label = g_strdup (label ? label : "");
  self->body = g_strdup (body ? body : "");
  self->law_title = g_strdup (law_title ? law_title : "");
  self->heading_path = g_strdup (heading_path ? heading_path : "");

  return self;
}

gint64
xf_article_get_id (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), 0);
  return self->id;
}

gint64
xf_article_get_law_id (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), 0);
  return self->law_id;
}

gint64
xf_article_get_heading_id (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), 0);
  return self->heading_id;
}

guint
xf_article_get_number (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), 0);
  return self->number;
}

guint
xf_article_get_sub (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), 0);
  return self->sub;
}

const char *
xf_article_get_label (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), NULL);
  return self->label;
}

const char *
xf_article_get_body (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), NULL);
  return self->body;
}

const char *
xf_article_get_law_title (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), NULL);
  return self->law_title;
}

const char *
xf_article_get_heading_path (XfArticle *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE (self), NULL);
  return self->heading_path;
}

/**
 * xf_article_dup_citation:
 *
 * Returns: (transfer full): the citation as documents write it,
 *   《行政处罚法》第三十二条
 */
char *
xf_article_dup_citation (XfArticle *self)
{
  g_autofree char *short_title = NULL;

  g_return_val_if_fail (XF_IS_ARTICLE (self), NULL);

  short_title = xf_law_dup_short_title (self->law_title);
  return g_strdup_printf ("《%s》%s", short_title, self->label);
}

/**
 * xf_article_dup_citation_text:
 *
 * The text copied to the clipboard: the citation, then the article's 款 and
 * 项 one to a line.
 *
 * Returns: (transfer full): the citation and the text
 */
char *
xf_article_dup_citation_text (XfArticle *self)
{
  g_autofree char *citation = NULL;

  g_return_val_if_fail (XF_IS_ARTICLE (self), NULL);

  citation = xf_article_dup_citation (self);
  return g_strdup_printf ("%s\n%s", citation, self->body);
}

/**
 * xf_clause_line_is_item:
 * @line: one line of an article's body
 *
 * Returns: whether @line is a 项, opening with （一） or (一)
 */
gboolean
xf_clause_line_is_item (const char *line)
{
  static const char numerals[] = "一二三四五六七八九十百";
  const char *p;
  const char *close;
  gboolean digits = FALSE;

  g_return_val_if_fail (line != NULL, FALSE);

  if (g_str_has_prefix (line, "（"))
    {
      p = line + strlen ("（");
      close = "）";
    }
  else if (line[0] == '(')
    {
      p = line + 1;
      close = ")";
    }
  else
    return FALSE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      if (strstr (numerals, buf) == NULL)
        break;
      digits = TRUE;
      p = g_utf8_next_char (p);
    }

  return digits && g_str_has_prefix (p, close);
}

static void
clear_clause (gpointer data)
{
  XfClause *clause = data;

  g_free (clause->text);
}

/**
 * xf_article_dup_clauses:
 *
 * Splits the body into its 款 and 项, for a reader to lay out.
 *
 * Returns: (transfer full) (element-type XfClause): the clauses
 */
GArray *
xf_article_dup_clauses (XfArticle *self)
{
  g_auto(GStrv) lines = NULL;
  GArray *clauses;

  g_return_val_if_fail (XF_IS_ARTICLE (self), NULL);

  clauses = g_array_new (FALSE, TRUE, sizeof (XfClause));
  g_array_set_clear_func (clauses, clear_clause);

  lines = g_strsplit (self->body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      XfClause clause;

      if (lines[i][0] == '\0')
        continue;
      clause.kind = xf_clause_line_is_item (lines[i]) ? XF_CLAUSE_ITEM : XF_CLAUSE_PARAGRAPH;
      clause.text = g_strdup (lines[i]);
      g_array_append_val (clauses, clause);
    }

  return clauses;
}
