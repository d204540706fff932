/* xf-question-preview.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-question-preview.h"

/* One question of a file about to be imported, as the import dialog's list
 * shows it: its type, number, stem and answer, and whether the store has it
 * already. The texts are made once: the list rebinds rows while scrolling. */
struct _XfQuestionPreview
{
  GObject                  parent_instance;

  XfQuestion              *question;
  guint                    number;
  XfQuestionPreviewStatus  status;
  char                    *summary;
  char                    *answer;
};

G_DEFINE_FINAL_TYPE (XfQuestionPreview, xf_question_preview, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_NUMBER,
  PROP_STATUS,
  PROP_BADGE,
  PROP_SUMMARY,
  PROP_ANSWER,
  PROP_MARK,
  PROP_MARKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Answers of essays are whole paragraphs: a row shows their start. */
#define ANSWER_CHARS 40

/**
 * xf_format_question_badge:
 *
 * Returns: the short name of a question type that the import list shows
 *   before each question (单选, 多选, 判断, 填空, 简答)
 */
const char *
xf_format_question_badge (XfQuestionType type)
{
  switch (type)
    {
    case XF_QUESTION_SINGLE:
      return C_("question type", "Single");
    case XF_QUESTION_MULTIPLE:
      return C_("question type", "Multiple");
    case XF_QUESTION_TRUE_FALSE:
      return C_("question type", "True/false");
    case XF_QUESTION_FILL:
      return C_("question type", "Fill-in");
    case XF_QUESTION_ESSAY:
      return C_("question type", "Essay");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * xf_format_question_problem:
 *
 * Returns: (transfer full): a problem or notice of a question file as one
 *   line: where (第 12 行), which question, and why
 */
char *
xf_format_question_problem (const XfQuestionProblem *problem)
{
  gboolean named;

  g_return_val_if_fail (problem != NULL, NULL);

  named = problem->question != NULL && *problem->question != '\0';
  if (problem->line > 0 && named)
    return g_strdup_printf (_("Line %u, “%s”: %s"), problem->line, problem->question, problem->reason);
  if (problem->line > 0)
    return g_strdup_printf (_("Line %u: %s"), problem->line, problem->reason);
  if (named)
    return g_strdup_printf (_("“%s”: %s"), problem->question, problem->reason);
  return g_strdup (problem->reason);
}

/**
 * xf_format_question_preview_summary:
 *
 * Returns: (transfer full): what a file holds: 可导入 4 题，问题 1 处，重复 1 题
 */
char *
xf_format_question_preview_summary (guint n_readable,
                                    guint n_problems,
                                    guint n_duplicates)
{
  g_autofree char *readable = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *duplicates = NULL;

  /* Three plural forms in one sentence: three translated parts. */
  readable = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question to import",
                                           "%u questions to import", n_readable), n_readable);
  problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n_problems),
                              n_problems);
  duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u duplicate", "%u duplicates",
                                             n_duplicates), n_duplicates);
  return g_strdup_printf (C_("question import summary", "%s, %s, %s"), readable, problems, duplicates);
}

/**
 * xf_format_question_import_report:
 *
 * Returns: (transfer full): what an import did: 导入 3 题，更新 0 题，跳过 2 题
 */
char *
xf_format_question_import_report (const XfQuestionImportReport *report)
{
  g_autofree char *imported = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *skipped = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question imported",
                                           "%u questions imported", report->imported), report->imported);
  updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", report->updated),
                             report->updated);
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", report->skipped),
                             report->skipped);
  return g_strdup_printf (C_("question import summary", "%s, %s, %s"), imported, updated, skipped);
}

/**
 * xf_format_question_export_result:
 * @n_left_out: questions the format cannot hold
 *
 * Returns: (transfer full): 已导出 12 题到 行政法.gift, with 2 题因格式不支持而未导出
 *   when some were left out
 */
char *
xf_format_question_export_result (guint       n_exported,
                                  const char *file_name,
                                  guint       n_left_out)
{
  g_autofree char *exported = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);

  exported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u question to %s",
                                           "Exported %u questions to %s", n_exported),
                              n_exported, file_name);
  if (n_left_out == 0)
    return g_steal_pointer (&exported);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s; %u question was left out: the format cannot hold its type",
                                       "%s; %u questions were left out: the format cannot hold their type",
                                       n_left_out),
                          exported, n_left_out);
}

static void
xf_question_preview_finalize (GObject *object)
{
  XfQuestionPreview *self = (XfQuestionPreview *)object;

  g_clear_object (&self->question);
  g_free (self->summary);
  g_free (self->answer);

  G_OBJECT_CLASS (xf_question_preview_parent_class)->finalize (object);
}

static void
xf_question_preview_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XfQuestionPreview *self = XF_QUESTION_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_BADGE:
      g_value_set_string (value, xf_question_preview_get_badge (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;
    case PROP_MARK:
      g_value_set_string (value, xf_question_preview_get_mark (self));
      break;
    case PROP_MARKED:
      g_value_set_boolean (value, self->status != XF_QUESTION_PREVIEW_NEW);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_question_preview_class_init (XfQuestionPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xf_question_preview_finalize;
  object_class->get_property = xf_question_preview_get_property;

  properties[PROP_QUESTION] = g_param_spec_object ("question", NULL, NULL, XF_TYPE_QUESTION, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, XF_QUESTION_PREVIEW_UNCHANGED, 0, flags);
  properties[PROP_BADGE] = g_param_spec_string ("badge", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_ANSWER] = g_param_spec_string ("answer", NULL, NULL, NULL, flags);
  /**
   * XfQuestionPreview:mark:
   *
   * What the row says beside a question the store has already: 重复, 更新
   * or 无变化; empty for a new question.
   */
  properties[PROP_MARK] = g_param_spec_string ("mark", NULL, NULL, NULL, flags);
  properties[PROP_MARKED] = g_param_spec_boolean ("marked", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_question_preview_init (XfQuestionPreview *self)
{
}

/**
 * xf_question_preview_new:
 * @number: the question's place in the file, from 1
 *
 * Returns: (transfer full): a row of the import preview
 */
XfQuestionPreview *
xf_question_preview_new (XfQuestion              *question,
                         guint                    number,
                         XfQuestionPreviewStatus  status)
{
  XfQuestionPreview *self;
  g_autofree char *answer = NULL;

  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);

  self = g_object_new (XF_TYPE_QUESTION_PREVIEW, NULL);
  self->question = g_object_ref (question);
  self->number = number;
  self->status = status;
  self->summary = xf_question_dup_summary (question);

  answer = xf_question_dup_answer_text (question);
  g_strdelimit (answer, "\r\n\t", ' ');
  if (g_utf8_strlen (answer, -1) > ANSWER_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (answer, ANSWER_CHARS);

      *end = '\0';
      self->answer = g_strdup_printf (_("Answer: %s…"), answer);
    }
  else
    self->answer = g_strdup_printf (_("Answer: %s"), answer);
  return self;
}

/**
 * xf_question_preview_get_question:
 *
 * Returns: (transfer none): the question read
 */
XfQuestion *
xf_question_preview_get_question (XfQuestionPreview *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_PREVIEW (self), NULL);
  return self->question;
}

guint
xf_question_preview_get_number (XfQuestionPreview *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_PREVIEW (self), 0);
  return self->number;
}

XfQuestionPreviewStatus
xf_question_preview_get_status (XfQuestionPreview *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_PREVIEW (self), XF_QUESTION_PREVIEW_NEW);
  return self->status;
}

const char *
xf_question_preview_get_badge (XfQuestionPreview *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_PREVIEW (self), NULL);
  return xf_format_question_badge (xf_question_get_question_type (self->question));
}

const char *
xf_question_preview_get_summary (XfQuestionPreview *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_PREVIEW (self), NULL);
  return self->summary;
}

const char *
xf_question_preview_get_answer (XfQuestionPreview *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_PREVIEW (self), NULL);
  return self->answer;
}

const char *
xf_question_preview_get_mark (XfQuestionPreview *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_PREVIEW (self), NULL);

  switch (self->status)
    {
    case XF_QUESTION_PREVIEW_DUPLICATE:
      return C_("question import", "Duplicate");
    case XF_QUESTION_PREVIEW_UPDATE:
      return C_("question import", "Update");
    case XF_QUESTION_PREVIEW_UNCHANGED:
      return C_("question import", "Unchanged");
    case XF_QUESTION_PREVIEW_NEW:
    default:
      return "";
    }
}
