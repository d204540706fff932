/* xf-exam-validate.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "xf-exam-json-private.h"

/* The rules every exam spec keeps, whether it was read from a file or
 * set in the editor. Errors name the member as the JSON spec
 * (docs/exam-format.md) names it. */

#define MAX_TIME_LIMIT_S (24 * 60 * 60)
#define MAX_RULE_COUNT   500
#define MAX_RULE_SCORE   100

/* Sets XF_EXAM_ERROR_INVALID; returns FALSE */
gboolean
xf_exam_set_invalid (GError     **error,
                     const char  *format,
                     ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
audience_is_valid (const char *entry)
{
  const char *name = NULL;

  if (entry == NULL)
    return FALSE;
  if (g_str_equal (entry, "leaders"))
    return TRUE;
  if (g_str_has_prefix (entry, "profile:"))
    name = entry + strlen ("profile:");
  else if (g_str_has_prefix (entry, "department:"))
    name = entry + strlen ("department:");
  return name != NULL && !is_blank (name);
}

static gboolean
validate_rule (XfExamRule  *rule,
               guint        index,
               GError     **error)
{
  if (rule->type >= XF_QUESTION_N_TYPES)
    return xf_exam_set_invalid (error, _("“rules[%u].type” must be single, multiple, truefalse, fill or essay (or 单选, 多选, 判断, 填空, 简答)"),
                    index + 1);
  if (rule->count < 1 || rule->count > MAX_RULE_COUNT)
    return xf_exam_set_invalid (error, _("“rules[%u].count”: a rule draws from 1 to %d questions"),
                    index + 1, MAX_RULE_COUNT);
  /* Written so that NaN fails too */
  if (!(rule->score > 0 && rule->score <= MAX_RULE_SCORE))
    return xf_exam_set_invalid (error, _("“rules[%u].score”: each question scores more than 0 and at most %d points"),
                    index + 1, MAX_RULE_SCORE);
  if (rule->difficulty_min < 1 || rule->difficulty_min > rule->difficulty_max || rule->difficulty_max > 5)
    return xf_exam_set_invalid (error, _("“rules[%u].difficulty” must lie within 1 to 5, the lower bound first"),
                    index + 1);
  return TRUE;
}

/**
 * xf_exam_validate:
 * @exam: an exam spec
 * @error: XF_EXAM_ERROR_INVALID, naming the member (as the JSON spec names
 *   it) and the reason
 *
 * Checks the rules every stored exam keeps.
 *
 * Returns: whether @exam keeps them
 */
gboolean
xf_exam_validate (XfExam  *exam,
                  GError **error)
{
  gboolean own_scores = FALSE;

  g_return_val_if_fail (exam != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (exam->uuid == NULL || !g_uuid_string_is_valid (exam->uuid))
    return xf_exam_set_invalid (error, _("“uuid”: “%s” is not a UUID"), exam->uuid != NULL ? exam->uuid : "");
  if (is_blank (exam->title))
    return xf_exam_set_invalid (error, _("“title” is empty: an exam needs a title"));
  if (exam->time_limit_s > MAX_TIME_LIMIT_S)
    return xf_exam_set_invalid (error, _("“time_limit_minutes”: the time limit is more than 24 hours"));
  if (exam->counts != XF_EXAM_COUNT_HIGHEST && exam->counts != XF_EXAM_COUNT_LAST)
    return xf_exam_set_invalid (error, _("“counts” must be “highest” or “last”"));
  if (exam->opens_at != 0 && exam->closes_at != 0 && exam->closes_at <= exam->opens_at)
    return xf_exam_set_invalid (error, _("“closes” must be later than “opens”"));
  if (exam->multiple != XF_EXAM_MULTIPLE_ALL_OR_NOTHING && exam->multiple != XF_EXAM_MULTIPLE_PARTIAL)
    return xf_exam_set_invalid (error, _("“multiple_scoring” must be “all-or-nothing” or “partial”"));
  if (!(exam->partial_credit >= 0 && exam->partial_credit <= 1))
    return xf_exam_set_invalid (error, _("“partial_credit” must be from 0 to 1"));
  if (exam->rules->len == 0 && exam->fixed->len == 0)
    return xf_exam_set_invalid (error, _("“rules”: an exam needs at least one rule or fixed question"));

  for (guint i = 0; i < exam->rules->len; i++)
    if (!validate_rule (g_ptr_array_index (exam->rules, i), i, error))
      return FALSE;

  for (guint i = 0; i < exam->fixed->len; i++)
    {
      XfExamFixed *fixed = g_ptr_array_index (exam->fixed, i);

      if (fixed->question == NULL || !g_uuid_string_is_valid (fixed->question))
        return xf_exam_set_invalid (error, _("“fixed[%u].question”: “%s” is not a question’s UUID"),
                        i + 1, fixed->question != NULL ? fixed->question : "");
      if (!(fixed->score >= 0 && isfinite (fixed->score)))
        return xf_exam_set_invalid (error, _("“fixed[%u].score” must be 0 (the question’s own score) or more"), i + 1);
      own_scores = own_scores || fixed->score == 0;
    }

  if (!(exam->pass_mark >= 0 && isfinite (exam->pass_mark)))
    return xf_exam_set_invalid (error, _("“pass_mark” must be 0 or more"));
  /* A fixed question with its own score adds points known only once it
   * is drawn; the paper's total is checked then */
  if (!own_scores && exam->pass_mark > xf_exam_rules_total (exam) + 1e-9)
    return xf_exam_set_invalid (error, _("“pass_mark”: %g is more than the paper’s total of %g points"),
                    exam->pass_mark, xf_exam_rules_total (exam));

  for (guint i = 0; i < exam->audience->len; i++)
    {
      const char *entry = g_ptr_array_index (exam->audience, i);

      if (!audience_is_valid (entry))
        return xf_exam_set_invalid (error, _("“audience[%u]”: “%s” is not an audience: use “leaders”, “profile:NAME” or “department:NAME”"),
                        i + 1, entry != NULL ? entry : "");
    }

  return TRUE;
}

