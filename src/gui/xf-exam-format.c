/* xf-exam-format.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <gdk/gdk.h>
#include <glib/gi18n.h>

#include "xf-exam-format.h"

/* What the exam screens show and what a key does to an answer, computed
 * from plain values: the widgets only display it, and tests check it
 * without a display. Answers are in the letters shown ("B", "ACD", "T"),
 * as the exam store keeps them. */

/* The option a key names: A–H (either case) or 1–8, on the main keys or
 * the keypad; -1 for any other key. */
static int
key_to_option (guint keyval)
{
  if (keyval >= GDK_KEY_a && keyval <= GDK_KEY_h)
    return (int)(keyval - GDK_KEY_a);
  if (keyval >= GDK_KEY_A && keyval <= GDK_KEY_H)
    return (int)(keyval - GDK_KEY_A);
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_8)
    return (int)(keyval - GDK_KEY_1);
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_8)
    return (int)(keyval - GDK_KEY_KP_1);
  return -1;
}

/* T or F for a 判断 key (T, F, 1 or 2), '\0' for any other */
static char
key_to_true_false (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_t:
    case GDK_KEY_T:
    case GDK_KEY_1:
    case GDK_KEY_KP_1:
      return 'T';
    case GDK_KEY_f:
    case GDK_KEY_F:
    case GDK_KEY_2:
    case GDK_KEY_KP_2:
      return 'F';
    default:
      return '\0';
    }
}

/**
 * xf_exam_answer_has_option:
 * @answer: (nullable): letters shown
 *
 * Returns: whether @answer chooses the @option-th option shown
 */
gboolean
xf_exam_answer_has_option (const char *answer,
                           guint       option)
{
  return answer != NULL && option < XF_QUESTION_MAX_OPTIONS && strchr (answer, 'A' + (int)option) != NULL;
}

/**
 * xf_exam_choose_option:
 * @answer: (nullable): the answer so far
 * @option: an option shown, from 0
 *
 * What choosing an option makes of the answer: a 单选 takes it alone, a
 * 多选 takes it or lets it go.
 *
 * Returns: (transfer full) (nullable): the answer, letters in order;
 *   %NULL when no option is left chosen
 */
char *
xf_exam_choose_option (XfExamItem *item,
                       const char *answer,
                       guint       option)
{
  char letters[XF_QUESTION_MAX_OPTIONS + 1];
  guint len = 0;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (option < XF_QUESTION_MAX_OPTIONS, NULL);

  if (item->type != XF_QUESTION_MULTIPLE)
    {
      letters[0] = (char)('A' + option);
      letters[1] = '\0';
      return g_strdup (letters);
    }
  for (guint i = 0; i < XF_QUESTION_MAX_OPTIONS; i++)
    {
      gboolean chosen = xf_exam_answer_has_option (answer, i);

      if (i == option)
        chosen = !chosen;
      if (chosen)
        letters[len++] = (char)('A' + i);
    }
  letters[len] = '\0';
  return len > 0 ? g_strdup (letters) : NULL;
}

/**
 * xf_exam_answer_for_key:
 * @item: the question shown
 * @answer: (nullable): its answer so far
 * @keyval: the key pressed
 * @new_answer: (out) (transfer full) (nullable): the answer after the key
 *
 * The keyboard of an exam: A–H or 1–8 choose an option (and take it back
 * in a 多选), T/F or 1/2 answer a 判断. 填空 and 简答 are typed, so no
 * key answers them here.
 *
 * Returns: whether the key answers @item; @new_answer is set only then
 */
gboolean
xf_exam_answer_for_key (XfExamItem  *item,
                        const char  *answer,
                        guint        keyval,
                        char       **new_answer)
{
  int option;
  char value;

  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (new_answer != NULL, FALSE);

  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      option = key_to_option (keyval);
      if (option < 0 || (guint)option >= item->n_options)
        return FALSE;
      *new_answer = xf_exam_choose_option (item, answer, (guint)option);
      return TRUE;

    case XF_QUESTION_TRUE_FALSE:
      value = key_to_true_false (keyval);
      if (value == '\0')
        return FALSE;
      *new_answer = g_strndup (&value, 1);
      return TRUE;

    case XF_QUESTION_FILL:
    case XF_QUESTION_ESSAY:
    default:
      return FALSE;
    }
}

/**
 * xf_exam_count_questions:
 *
 * Returns: how many questions a paper of @exam holds
 */
guint
xf_exam_count_questions (XfExam *exam)
{
  guint n;

  g_return_val_if_fail (exam != NULL, 0);

  n = exam->fixed->len;
  for (guint i = 0; i < exam->rules->len; i++)
    n += ((XfExamRule *)g_ptr_array_index (exam->rules, i))->count;
  return n;
}

/**
 * xf_format_countdown:
 *
 * Returns: (transfer full): the time left as mm:ss (90:00, 04:59), or
 *   h:mm:ss from 100 minutes; a part of a second counts as a second, so
 *   00:00 shows only when the time is up
 */
char *
xf_format_countdown (gint64 remaining_us)
{
  gint64 seconds = remaining_us <= 0 ? 0 : (remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (seconds >= 100 * 60)
    return g_strdup_printf ("%d:%02d:%02d", (int)(seconds / 3600), (int)(seconds / 60 % 60), (int)(seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int)(seconds / 60), (int)(seconds % 60));
}

/**
 * xf_format_time_used:
 *
 * Returns: (transfer full): 35 分 12 秒, or 1 小时 5 分 from an hour
 */
char *
xf_format_time_used (gint64 elapsed_us)
{
  gint64 seconds = MAX (elapsed_us, 0) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    /* TRANSLATORS: time spent on an exam: hours and minutes */
    return g_strdup_printf (_("%u h %u min"), (guint)(seconds / 3600), (guint)(seconds / 60 % 60));
  /* TRANSLATORS: time spent on an exam: minutes and seconds */
  return g_strdup_printf (_("%u min %u s"), (guint)(seconds / 60), (guint)(seconds % 60));
}

/**
 * xf_format_score:
 *
 * Returns: (transfer full): points with the decimals they have, at most
 *   two: 90, 90.5, 0.25
 */
char *
xf_format_score (double score)
{
  if (!isfinite (score))
    score = 0;
  if (fabs (score - round (score)) < 1e-6)
    return g_strdup_printf ("%.0f", score);
  if (fabs (score * 10 - round (score * 10)) < 1e-5)
    return g_strdup_printf ("%.1f", score);
  return g_strdup_printf ("%.2f", score);
}

/**
 * xf_format_score_of:
 *
 * Returns: (transfer full): 90.5 / 100
 */
char *
xf_format_score_of (double score,
                    double total)
{
  g_autofree char *points = xf_format_score (score);
  g_autofree char *out_of = xf_format_score (total);

  /* TRANSLATORS: a score out of the total, as in "90.5 / 100" */
  return g_strdup_printf (_("%s / %s"), points, out_of);
}

/**
 * xf_format_question_numbers:
 * @numbers: (array length=n_numbers): question numbers, from 1
 * @max_shown: how many to name at most; 0 for all
 *
 * Returns: (transfer full): the numbers as a Chinese list writes them:
 *   3、17、45, and … after the last one named when there are more
 */
char *
xf_format_question_numbers (const guint *numbers,
                            guint        n_numbers,
                            guint        max_shown)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = max_shown > 0 ? MIN (n_numbers, max_shown) : n_numbers;

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the numbers of a list of questions: 3、17、45 */
        g_string_append (text, C_("question numbers", ", "));
      g_string_append_printf (text, "%u", numbers[i]);
    }
  if (shown < n_numbers)
    g_string_append (text, "…");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * xf_format_exam_facts:
 *
 * Returns: (transfer full): what a person wants to know before starting:
 *   70 题 · 限时 90 分钟 · 满分 100 分，60 分及格
 */
char *
xf_format_exam_facts (XfExam *exam)
{
  guint n = xf_exam_count_questions (exam);
  g_autofree char *questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n), n);
  g_autofree char *time = NULL;
  g_autofree char *total = xf_format_score (xf_exam_rules_total (exam));
  g_autofree char *pass = xf_format_score (exam->pass_mark);
  g_autofree char *marks = NULL;
  guint minutes = (exam->time_limit_s + 59) / 60;

  if (exam->time_limit_s > 0)
    time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "time limit %u minute", "time limit %u minutes", minutes), minutes);
  else
    time = g_strdup (_("No time limit"));
  /* TRANSLATORS: the total of an exam's points and the points it takes to pass */
  marks = g_strdup_printf (_("%s points, pass at %s"), total, pass);
  return g_strjoin (" · ", questions, time, marks, NULL);
}

/**
 * xf_format_attempt_time:
 * @utc_us: UTC microseconds
 *
 * Returns: (transfer full): the local date and time: 2026-05-01 14:30
 */
char *
xf_format_attempt_time (gint64 utc_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (utc_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * xf_format_true_false:
 *
 * Returns: 对 or 错
 */
const char *
xf_format_true_false (gboolean value)
{
  return value ? C_("answer", "True") : C_("answer", "False");
}

/**
 * xf_format_exam_type_hint:
 *
 * Returns: (transfer full): what the keys do on a question of @item's
 *   type, for its options
 */
char *
xf_format_exam_type_hint (XfExamItem *item)
{
  guint n = MAX (item->n_options, 1);

  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
      /* TRANSLATORS: %c is the last option's letter, %u its number: "选一项：按 A–D 或 1–4" */
      return g_strdup_printf (_("Choose one: press A–%c or 1–%u"), 'A' + (int)n - 1, n);
    case XF_QUESTION_MULTIPLE:
      return g_strdup_printf (_("Choose all that apply: A–%c or 1–%u choose and take back"), 'A' + (int)n - 1, n);
    case XF_QUESTION_TRUE_FALSE:
      return g_strdup (_("Press T or 1 for true, F or 2 for false"));
    case XF_QUESTION_FILL:
      return g_strdup (_("Type the answer"));
    case XF_QUESTION_ESSAY:
    default:
      return g_strdup (_("Write the answer"));
    }
}

/* The options @letters name, one a line: "B. 十六周岁" */
static char *
format_options (XfExamItem *item,
                XfQuestion *question,
                const char *letters)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = letters; *p != '\0'; p++)
    {
      guint shown = (guint)(*p - 'A');
      const char *option = NULL;

      if (*p < 'A' || shown >= XF_QUESTION_MAX_OPTIONS)
        continue;
      if (shown < item->n_options)
        option = xf_question_get_option (question, item->order[shown]);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%c. %s", *p, option != NULL ? option : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * xf_format_exam_answer:
 * @answer: (nullable): the answer given, as the store keeps it
 *
 * Returns: (transfer full): the answer as the person saw it: the options
 *   they chose with their texts, 对 or 错, or what they wrote
 */
char *
xf_format_exam_answer (XfExamItem *item,
                       XfQuestion *question,
                       const char *answer)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);

  if (answer == NULL || answer[0] == '\0')
    return g_strdup (_("Not answered"));
  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      return format_options (item, question, answer);
    case XF_QUESTION_TRUE_FALSE:
      return g_strdup (xf_format_true_false (answer[0] == 'T'));
    case XF_QUESTION_FILL:
    case XF_QUESTION_ESSAY:
    default:
      return g_strdup (answer);
    }
}

/**
 * xf_format_exam_key:
 *
 * Returns: (transfer full): the right answer in the letters shown, with
 *   the options' texts; for 填空 every accepted answer, for 简答 the
 *   reference answer
 */
char *
xf_format_exam_key (XfExamItem *item,
                    XfQuestion *question)
{
  char letters[XF_QUESTION_MAX_OPTIONS + 1];
  const char * const *accepted;
  guint len = 0;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);

  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      for (guint i = 0; i < item->n_options && i < XF_QUESTION_MAX_OPTIONS; i++)
        if (xf_question_option_is_correct (question, item->order[i]))
          letters[len++] = (char)('A' + i);
      letters[len] = '\0';
      return format_options (item, question, letters);
    case XF_QUESTION_TRUE_FALSE:
      return g_strdup (xf_format_true_false (g_strcmp0 (xf_question_get_answer (question), "T") == 0));
    case XF_QUESTION_FILL:
      accepted = xf_question_get_accepted (question);
      /* TRANSLATORS: between the answers a fill-in question accepts */
      return accepted != NULL ? g_strjoinv (_(" / "), (char **)accepted) : g_strdup ("");
    case XF_QUESTION_ESSAY:
    default:
      return g_strdup (xf_question_get_answer (question) != NULL ? xf_question_get_answer (question) : "");
    }
}
