/* xf-exam.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-exam.h"

/* An exam (学法用法考试) as its maintainer sets it: time, marks, attempts,
 * window, audience and the paper's rules. The spec's JSON form is in
 * xf-exam-json.c, grading in xf-exam-grade.c, drawing papers and attempts
 * in xf-exam-store.c. */

G_DEFINE_QUARK (xf-exam-error-quark, xf_exam_error)

XfExamRule *
xf_exam_rule_new (XfQuestionType type,
                  guint          count,
                  double         score)
{
  XfExamRule *rule = g_new0 (XfExamRule, 1);

  rule->type = type;
  rule->count = count;
  rule->score = score;
  rule->difficulty_min = 1;
  rule->difficulty_max = 5;
  return rule;
}

static XfExamRule *
rule_copy (const XfExamRule *rule,
           gpointer          user_data)
{
  XfExamRule *copy = g_memdup2 (rule, sizeof *rule);

  copy->bank = g_strdup (rule->bank);
  copy->category = g_strdup (rule->category);
  copy->tag = g_strdup (rule->tag);
  copy->law = g_strdup (rule->law);
  return copy;
}

void
xf_exam_rule_free (XfExamRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->bank);
  g_free (rule->category);
  g_free (rule->tag);
  g_free (rule->law);
  g_free (rule);
}

/**
 * xf_exam_rule_describe:
 *
 * Returns: what the rule draws, for messages: "40 道单选题（行政法，难度 2–4）"
 */
char *
xf_exam_rule_describe (XfExamRule *rule)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *filters = NULL;

  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->bank != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("bank %s"), rule->bank));
  if (rule->category != NULL)
    g_ptr_array_add (parts, g_strdup (rule->category));
  if (rule->tag != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("tag %s"), rule->tag));
  if (rule->law != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("《%s》", rule->law));
  if (rule->difficulty_min > 1 || rule->difficulty_max < 5)
    g_ptr_array_add (parts, g_strdup_printf (_("difficulty %u–%u"), rule->difficulty_min, rule->difficulty_max));
  if (parts->len == 0)
    /* TRANSLATORS: "40 single-choice questions" */
    return g_strdup_printf (_("%u %s questions"), rule->count, xf_question_type_to_label (rule->type));
  g_ptr_array_add (parts, NULL);
  filters = g_strjoinv (_(", "), (char **)parts->pdata);
  /* TRANSLATORS: "40 single-choice questions (行政法, difficulty 2–4)" */
  return g_strdup_printf (_("%u %s questions (%s)"), rule->count, xf_question_type_to_label (rule->type), filters);
}

static char *
string_copy (const char *string,
             gpointer    user_data)
{
  return g_strdup (string);
}

static XfExamFixed *
fixed_copy (const XfExamFixed *fixed,
            gpointer           user_data)
{
  XfExamFixed *copy = g_new0 (XfExamFixed, 1);

  copy->question = g_strdup (fixed->question);
  copy->score = fixed->score;
  return copy;
}

static void
fixed_free (XfExamFixed *fixed)
{
  g_free (fixed->question);
  g_free (fixed);
}

XfExam *
xf_exam_new (void)
{
  XfExam *exam = g_new0 (XfExam, 1);

  exam->uuid = g_uuid_string_random ();
  exam->title = g_strdup ("");
  exam->description = g_strdup ("");
  exam->attempts = 1;
  exam->counts = XF_EXAM_COUNT_HIGHEST;
  exam->multiple = XF_EXAM_MULTIPLE_ALL_OR_NOTHING;
  exam->partial_credit = 0.5;
  exam->audience = g_ptr_array_new_with_free_func (g_free);
  exam->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_exam_rule_free);
  exam->fixed = g_ptr_array_new_with_free_func ((GDestroyNotify)fixed_free);
  return exam;
}

XfExam *
xf_exam_copy (XfExam *exam)
{
  XfExam *copy;

  g_return_val_if_fail (exam != NULL, NULL);

  copy = g_memdup2 (exam, sizeof *exam);
  copy->uuid = g_strdup (exam->uuid);
  copy->title = g_strdup (exam->title);
  copy->description = g_strdup (exam->description);
  copy->audience = g_ptr_array_copy (exam->audience, (GCopyFunc)string_copy, NULL);
  g_ptr_array_set_free_func (copy->audience, g_free);
  copy->rules = g_ptr_array_copy (exam->rules, (GCopyFunc)rule_copy, NULL);
  g_ptr_array_set_free_func (copy->rules, (GDestroyNotify)xf_exam_rule_free);
  copy->fixed = g_ptr_array_copy (exam->fixed, (GCopyFunc)fixed_copy, NULL);
  g_ptr_array_set_free_func (copy->fixed, (GDestroyNotify)fixed_free);
  return copy;
}

void
xf_exam_free (XfExam *exam)
{
  if (exam == NULL)
    return;
  g_free (exam->uuid);
  g_free (exam->title);
  g_free (exam->description);
  g_ptr_array_unref (exam->audience);
  g_ptr_array_unref (exam->rules);
  g_ptr_array_unref (exam->fixed);
  g_free (exam);
}

/* Points of the drawn questions; fixed questions count with the score
 * they are given (their own, when 0, is known once drawn: see
 * xf_exam_paper_get_total()). */
double
xf_exam_rules_total (XfExam *exam)
{
  double total = 0;

  g_return_val_if_fail (exam != NULL, 0);

  for (guint i = 0; i < exam->rules->len; i++)
    {
      XfExamRule *rule = g_ptr_array_index (exam->rules, i);

      total += rule->count * rule->score;
    }
  for (guint i = 0; i < exam->fixed->len; i++)
    total += ((XfExamFixed *)g_ptr_array_index (exam->fixed, i))->score;
  return total;
}

gboolean
xf_exam_is_open (XfExam *exam,
                 gint64  now)
{
  g_return_val_if_fail (exam != NULL, FALSE);

  return (exam->opens_at == 0 || now >= exam->opens_at) &&
         (exam->closes_at == 0 || now < exam->closes_at);
}

/**
 * xf_exam_is_for:
 * @name: (nullable): the person's profile name
 * @department: (nullable): the person's department
 * @leader: whether the person is a leading cadre (领导干部)
 *
 * Whether the exam's audience takes in the person: an exam without an
 * audience is for everyone; else any one entry that names the person,
 * their department, or leaders when they are one, is enough.
 */
gboolean
xf_exam_is_for (XfExam     *exam,
                const char *name,
                const char *department,
                gboolean    leader)
{
  g_return_val_if_fail (exam != NULL, FALSE);

  if (exam->audience->len == 0)
    return TRUE;
  for (guint i = 0; i < exam->audience->len; i++)
    {
      const char *entry = g_ptr_array_index (exam->audience, i);

      if (leader && g_str_equal (entry, "leaders"))
        return TRUE;
      if (name != NULL && name[0] != '\0' &&
          g_str_has_prefix (entry, "profile:") && g_str_equal (entry + strlen ("profile:"), name))
        return TRUE;
      if (department != NULL && department[0] != '\0' &&
          g_str_has_prefix (entry, "department:") && g_str_equal (entry + strlen ("department:"), department))
        return TRUE;
    }
  return FALSE;
}

/**
 * xf_exam_dup_audience_label:
 *
 * Returns: (transfer full): whom the exam is for, as a person reads it:
 *   “leading cadres, 市司法局, 张三”; %NULL when it is for everyone
 */
char *
xf_exam_dup_audience_label (XfExam *exam)
{
  g_autoptr(GString) label = NULL;

  g_return_val_if_fail (exam != NULL, NULL);

  if (exam->audience->len == 0)
    return NULL;
  label = g_string_new (NULL);
  for (guint i = 0; i < exam->audience->len; i++)
    {
      const char *entry = g_ptr_array_index (exam->audience, i);
      const char *colon = strchr (entry, ':');

      if (i > 0)
        /* TRANSLATORS: between the groups an exam is for */
        g_string_append (label, C_("exam audience", ", "));
      if (g_str_equal (entry, "leaders"))
        g_string_append (label, _("leading cadres"));
      else
        g_string_append (label, colon != NULL ? colon + 1 : entry);
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

XfExamPaper *
xf_exam_paper_new (void)
{
  XfExamPaper *paper = g_new0 (XfExamPaper, 1);

  paper->items = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_exam_item_free);
  return paper;
}

void
xf_exam_item_free (XfExamItem *item)
{
  if (item == NULL)
    return;
  g_free (item->question);
  g_free (item);
}

void
xf_exam_paper_free (XfExamPaper *paper)
{
  if (paper == NULL)
    return;
  g_ptr_array_unref (paper->items);
  g_free (paper);
}

double
xf_exam_paper_get_total (XfExamPaper *paper)
{
  double total = 0;

  g_return_val_if_fail (paper != NULL, 0);

  for (guint i = 0; i < paper->items->len; i++)
    total += ((XfExamItem *)g_ptr_array_index (paper->items, i))->score;
  return total;
}

void
xf_exam_result_free (XfExamResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->marks, g_array_unref);
  g_free (result);
}
