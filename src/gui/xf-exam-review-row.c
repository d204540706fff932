/* xf-exam-review-row.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-article.h"
#include "xf-exam-format.h"
#include "xf-exam-review-row.h"

/* One question of a submitted paper in the review: the stem and options as
 * they were shown, the person's answer, the right one and its 解析, the
 * text of the articles it tests, and whether it scored. */

struct _XfExamReviewRow
{
  GtkListBoxRow  parent_instance;

  char          *mark;

  GtkLabel      *number_label;
  GtkLabel      *mark_label;
  GtkLabel      *stem_label;
  GtkLabel      *options_label;
  GtkLabel      *answer_label;
  GtkLabel      *key_label;
  GtkLabel      *explanation_label;
  GtkBox        *articles_box;
};

G_DEFINE_FINAL_TYPE (XfExamReviewRow, xf_exam_review_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * xf_format_exam_mark:
 *
 * Returns: (transfer full): how a question scored: 正确 1.5 分, 错误 0 分,
 *   未作答, 待评分, or 部分得分 1 / 2 分
 */
char *
xf_format_exam_mark (XfExamMark *mark)
{
  g_autofree char *score = xf_format_score (mark->score);
  g_autofree char *max = xf_format_score (mark->max);

  if (mark->pending)
    return g_strdup (_("To be graded"));
  if (!mark->answered)
    return g_strdup (_("Not answered"));
  if (mark->right)
    /* TRANSLATORS: a question answered right, and its points */
    return g_strdup_printf (_("Right, %s points"), score);
  if (mark->score > 0)
    /* TRANSLATORS: a question partly right: the points earned of its points */
    return g_strdup_printf (_("Partly right, %s of %s points"), score, max);
  return g_strdup (_("Wrong, 0 points"));
}

static void
set_line (GtkLabel   *label,
          const char *title,
          const char *text)
{
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
  if (text == NULL || text[0] == '\0')
    return;
  /* TRANSLATORS: a titled line of the review, as in "正确答案：B. 十六周岁" */
  markup = g_markup_printf_escaped (_("<b>%s:</b> %s"), title, text);
  gtk_label_set_markup (label, markup);
}

/* Every option as shown, one a line */
static char *
format_all_options (XfExamItem *item,
                    XfQuestion *question)
{
  char letters[XF_QUESTION_MAX_OPTIONS + 1];
  guint n = MIN (item->n_options, XF_QUESTION_MAX_OPTIONS);

  for (guint i = 0; i < n; i++)
    letters[i] = (char)('A' + i);
  letters[n] = '\0';
  return xf_format_exam_answer (item, question, letters);
}

/**
 * xf_exam_review_article_new:
 * @index: which link of @question
 * @article: (nullable): the article it points at, %NULL where the library
 *   does not hold it
 *
 * Returns: (transfer floating): the article in full under its citation, or
 *   the citation alone with why its text is missing
 */
GtkWidget *
xf_exam_review_article_new (XfQuestion *question,
                            guint       index,
                            XfArticle  *article)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *markup = NULL;

  if (article != NULL)
    {
      g_autofree char *citation = xf_article_dup_citation (article);

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", citation, xf_article_get_body (article));
    }
  else
    {
      g_autofree char *citation = xf_question_dup_link_label (question, index);

      /* TRANSLATORS: a linked article whose text is not in the statute library */
      markup = g_markup_printf_escaped (_("<b>%s</b> (not in the statute library)"), citation);
    }
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "xf-review-article");
  return label;
}

static void
xf_exam_review_row_finalize (GObject *object)
{
  XfExamReviewRow *self = (XfExamReviewRow *)object;

  g_free (self->mark);

  G_OBJECT_CLASS (xf_exam_review_row_parent_class)->finalize (object);
}

static void
xf_exam_review_row_class_init (XfExamReviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xf_exam_review_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exam-review-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, mark_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, stem_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, options_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, answer_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, key_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamReviewRow, articles_box);
}

static void
xf_exam_review_row_init (XfExamReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xf_exam_review_row_new:
 * @number: the question's number in the paper, from 1
 * @answer: (nullable): the answer given, in the letters shown
 * @mark: how it scored
 * @articles: (nullable) (element-type XfArticle): the articles the question
 *   links to, one a link, %NULL where the library does not hold it
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
xf_exam_review_row_new (guint       number,
                        XfExamItem *item,
                        XfQuestion *question,
                        const char *answer,
                        XfExamMark *mark,
                        GPtrArray  *articles)
{
  XfExamReviewRow *self;
  g_autofree char *score = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *options = NULL;
  g_autofree char *given = NULL;
  g_autofree char *key = NULL;
  const char *style;
  const char *row_style;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);
  g_return_val_if_fail (mark != NULL, NULL);

  self = g_object_new (XF_TYPE_EXAM_REVIEW_ROW, NULL);
  score = xf_format_score (mark->max);
  /* TRANSLATORS: a question in the review: its number, type and points: "第 3 题 · 单选 · 1.5 分" */
  heading = g_strdup_printf (_("Question %u · %s · %s points"), number, xf_question_type_to_label (item->type), score);
  gtk_label_set_text (self->number_label, heading);

  self->mark = xf_format_exam_mark (mark);
  gtk_label_set_text (self->mark_label, self->mark);
  if (mark->pending || !mark->answered)
    {
      style = "warning";
      row_style = "xf-review-open";
    }
  else if (mark->right)
    {
      style = "success";
      row_style = "xf-review-right";
    }
  else
    {
      style = "error";
      row_style = "xf-review-wrong";
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->mark_label), style);
  gtk_widget_add_css_class (GTK_WIDGET (self), row_style);

  gtk_label_set_text (self->stem_label, xf_question_get_stem (question));
  if (item->type == XF_QUESTION_SINGLE || item->type == XF_QUESTION_MULTIPLE)
    options = format_all_options (item, question);
  gtk_label_set_text (self->options_label, options != NULL ? options : "");
  gtk_widget_set_visible (GTK_WIDGET (self->options_label), options != NULL);

  given = xf_format_exam_answer (item, question, answer);
  key = xf_format_exam_key (item, question);
  set_line (self->answer_label, _("Your answer"), given);
  set_line (self->key_label, item->type == XF_QUESTION_ESSAY ? _("Reference answer") : _("Right answer"), key);
  set_line (self->explanation_label, _("Explanation"), xf_question_get_explanation (question));

  for (guint i = 0; articles != NULL && i < articles->len; i++)
    gtk_box_append (self->articles_box, xf_exam_review_article_new (question, i, g_ptr_array_index (articles, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->articles_box), articles != NULL && articles->len > 0);
  return GTK_WIDGET (self);
}

/**
 * xf_exam_review_row_get_mark:
 *
 * Returns: how the question scored, as the row shows it
 */
const char *
xf_exam_review_row_get_mark (XfExamReviewRow *self)
{
  g_return_val_if_fail (XF_IS_EXAM_REVIEW_ROW (self), NULL);
  return self->mark;
}
