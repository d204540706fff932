/* xf-exam-grade.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "xf-exam.h"

/* Grading an attempt: the answers as the person gave them, in the letters
 * shown after any shuffling, against the keys of the questions the paper
 * names. Everything here is a pure function of its arguments (no database,
 * no clock), so a result can be recomputed at any time (a review, a regrade
 * after a key is corrected) and always comes out the same. */

/* Scores are sums of decimal fractions (0.5, 0.4 × 3, 0.1 + 0.2) that a
 * double cannot hold exactly: rounding to a millionth of a point makes
 * 0.1 + 0.2 read 0.3 and keeps a pass mark comparison honest. */
static double
round_points (double points)
{
  return round (points * 1e6) / 1e6;
}

/* How many letters the item shows. A paper that does not record its
 * options (n_options 0) shows the question's own, at most A to H. */
static guint
item_n_letters (XfExamItem *item)
{
  if (item->n_options == 0 || item->n_options > XF_QUESTION_MAX_OPTIONS)
    return XF_QUESTION_MAX_OPTIONS;
  return item->n_options;
}

/* The option a letter names (A, a, Ａ and ａ are 0), or -1 when the
 * character is not a Latin letter. */
static int
letter_index (gunichar c)
{
  if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    c -= 0xFEE0;  /* full-width, as an input method types them */
  if (c < 0x80 && g_ascii_isalpha ((char)c))
    return g_ascii_toupper ((char)c) - 'A';
  return -1;
}

/* What people put between letters: "A C", "A,C", "A，C", "A、C" */
static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == ',' || c == 0xFF0C || c == 0x3001;
}

static guint
count_bits (guint set)
{
  guint n = 0;

  for (; set != 0; set &= set - 1)
    n++;
  return n;
}

static char *
normalize_choice (XfExamItem  *item,
                  const char  *answer,
                  GError     **error)
{
  guint n_letters = item_n_letters (item);
  guint chosen = 0;
  char canonical[XF_QUESTION_MAX_OPTIONS + 1];
  guint len = 0;

  for (const char *p = answer; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int index;

      if (is_separator (c))
        continue;
      index = letter_index (c);
      if (index < 0)
        {
          char text[8] = { 0 };

          g_unichar_to_utf8 (c, text);
          g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                       _("“%s” is not the letter of an option"), text);
          return NULL;
        }
      if ((guint)index >= n_letters)
        {
          char letter[2] = { (char)('A' + index), '\0' };

          /* TRANSLATORS: %s is an option's letter, like "E" */
          g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                       _("%s is not an option of this question"), letter);
          return NULL;
        }
      chosen |= 1u << index;
    }

  if (chosen == 0)
    {
      g_set_error_literal (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID, _("No option is chosen"));
      return NULL;
    }
  if (item->type == XF_QUESTION_SINGLE && count_bits (chosen) != 1)
    {
      g_set_error_literal (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                           _("A single-choice question takes exactly one option"));
      return NULL;
    }

  for (guint i = 0; i < n_letters; i++)
    if (chosen & (1u << i))
      canonical[len++] = (char)('A' + i);
  canonical[len] = '\0';
  return g_strdup (canonical);
}

/* @text without white space (U+3000 included) at either end */
static char *
strip_text (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/**
 * xf_exam_normalize_answer:
 * @item: the question as shown
 * @answer: what the person gave
 * @error: return location for a #GError
 *
 * Makes the form answers are kept and graded in. Choices are letters of
 * the options shown, in any case, full or half width, with spaces, commas
 * or 、 between them: "c a" gives "AC". 判断 accepts every spelling of
 * xf_question_parse_true_false() and gives "T" or "F"; 填空 and 简答 give
 * the text without white space at its ends.
 *
 * Returns: (transfer full) (nullable): the canonical answer, or %NULL
 *   with %XF_EXAM_ERROR_INVALID and a message a person can act on (an
 *   empty answer, a letter the question does not show, two letters for a
 *   单选, a word that is neither true nor false)
 */
char *
xf_exam_normalize_answer (XfExamItem  *item,
                          const char  *answer,
                          GError     **error)
{
  g_autofree char *text = NULL;
  gboolean value;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (answer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (answer, -1, NULL))
    {
      g_set_error_literal (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                           _("The answer is not valid UTF-8 text"));
      return NULL;
    }

  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      return normalize_choice (item, answer, error);

    case XF_QUESTION_TRUE_FALSE:
    case XF_QUESTION_FILL:
    case XF_QUESTION_ESSAY:
      text = strip_text (answer);
      if (*text == '\0')
        {
          g_set_error_literal (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID, _("The answer is empty"));
          return NULL;
        }
      if (item->type != XF_QUESTION_TRUE_FALSE)
        return g_steal_pointer (&text);
      if (!xf_question_parse_true_false (text, &value))
        {
          g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                       _("“%s” is neither true nor false (对/错, √/×, T/F)"), text);
          return NULL;
        }
      return g_strdup (value ? "T" : "F");

    default:
      g_set_error_literal (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                           _("The question is of an unknown type"));
      return NULL;
    }
}

/* The options a canonical answer chooses, as a set of the question's own
 * option indices. %FALSE when the answer is not in canonical form or names
 * a letter that was not shown: such an answer earns nothing. */
static gboolean
chosen_options (XfExamItem *item,
                const char *answer,
                guint      *chosen)
{
  guint n_letters = item_n_letters (item);

  *chosen = 0;
  for (const char *p = answer; *p != '\0'; p++)
    {
      guint shown, index;

      if (*p < 'A' || *p > 'Z')
        return FALSE;
      shown = (guint)(*p - 'A');
      if (shown >= n_letters)
        return FALSE;
      index = item->n_options == 0 ? shown : item->order[shown];
      if (index >= XF_QUESTION_MAX_OPTIONS)
        return FALSE;
      *chosen |= 1u << index;
    }
  return *chosen != 0;
}

/**
 * xf_exam_item_unshuffle_answer:
 * @item: the question as shown
 * @answer: (nullable): a canonical answer in the letters shown
 *
 * Turns an answer in the letters shown into the letters of the question's
 * own options (shown "A" may be the question's "C"), so that it reads the
 * same beside the question wherever the question is shown again, as in
 * the 错题本. Other answers come back as they are.
 *
 * Returns: (transfer full) (nullable): the answer in the question's
 *   letters, sorted; %NULL for %NULL or a choice that names no option
 */
char *
xf_exam_item_unshuffle_answer (XfExamItem *item,
                               const char *answer)
{
  char letters[XF_QUESTION_MAX_OPTIONS + 1];
  guint chosen, len = 0;

  g_return_val_if_fail (item != NULL, NULL);

  if (answer == NULL)
    return NULL;
  if (item->type != XF_QUESTION_SINGLE && item->type != XF_QUESTION_MULTIPLE)
    return g_strdup (answer);
  if (!chosen_options (item, answer, &chosen))
    return NULL;
  for (guint i = 0; i < XF_QUESTION_MAX_OPTIONS; i++)
    if (chosen & (1u << i))
      letters[len++] = (char)('A' + i);
  letters[len] = '\0';
  return g_strdup (letters);
}

static guint
right_options (XfQuestion *question)
{
  guint n = MIN (xf_question_get_n_options (question), XF_QUESTION_MAX_OPTIONS);
  guint right = 0;

  for (guint i = 0; i < n; i++)
    if (xf_question_option_is_correct (question, i))
      right |= 1u << i;
  return right;
}

/* The share of the score a choice earns, from 0 to 1 */
static double
choice_fraction (XfExam     *exam,
                 XfExamItem *item,
                 XfQuestion *question,
                 const char *answer)
{
  guint chosen, right;

  if (!chosen_options (item, answer, &chosen))
    return 0;
  right = right_options (question);

  if (item->type == XF_QUESTION_SINGLE)
    return count_bits (chosen) == 1 && (chosen & ~right) == 0 ? 1 : 0;

  if (chosen == right)
    return 1;
  if (exam->multiple == XF_EXAM_MULTIPLE_PARTIAL && (chosen & ~right) == 0)
    /* A proper subset of the right options; NaN or out of range earns
     * what the nearest legal credit would */
    return exam->partial_credit >= 0 ? MIN (exam->partial_credit, 1.0) : 0;
  return 0;
}

/**
 * xf_exam_mark:
 * @exam: the scoring rules (how a 多选 scores)
 * @item: the question as shown: its score and option order
 * @question: the version of the question @item names
 * @answer: (nullable): the canonical answer (xf_exam_normalize_answer()),
 *   in the letters shown; %NULL when none was given
 *
 * Marks one question. Shown letters are mapped back to the question's own
 * options through @item's order before they are compared with the key.
 * An 简答 that was answered is pending: it scores 0 until graded by hand.
 *
 * Returns: the mark, out of @item's score
 */
XfExamMark
xf_exam_mark (XfExam     *exam,
              XfExamItem *item,
              XfQuestion *question,
              const char *answer)
{
  XfExamMark mark = { 0, };
  double fraction = 0;

  g_return_val_if_fail (exam != NULL, mark);
  g_return_val_if_fail (item != NULL, mark);
  mark.max = item->score;
  g_return_val_if_fail (XF_IS_QUESTION (question), mark);

  if (answer == NULL || *answer == '\0')
    return mark;
  mark.answered = TRUE;

  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      fraction = choice_fraction (exam, item, question, answer);
      break;

    case XF_QUESTION_TRUE_FALSE:
      fraction = g_str_equal (answer, xf_question_get_answer (question)) ? 1 : 0;
      break;

    case XF_QUESTION_FILL:
      fraction = xf_question_accepts (question, answer) ? 1 : 0;
      break;

    case XF_QUESTION_ESSAY:
      mark.pending = TRUE;
      return mark;

    default:
      break;
    }

  mark.right = fraction >= 1;
  mark.score = round_points (mark.max * fraction);
  return mark;
}

/**
 * xf_exam_grade:
 * @exam: the scoring rules and the pass mark
 * @paper: what the attempt asked
 * @questions: (element-type XfQuestion): the question of each item of
 *   @paper, in its order (the versions the paper names)
 * @answers: (array) (nullable): one canonical answer per item, %NULL where
 *   none was given; %NULL when nothing was answered
 *
 * Grades an attempt: marks every item, sums them overall and per question
 * type, counts right, wrong, unanswered and pending (简答 awaiting a hand
 * grade) questions and compares the score with the pass mark. Sums are
 * rounded to a millionth of a point.
 *
 * Returns: (transfer full): the result; free with xf_exam_result_free()
 */
XfExamResult *
xf_exam_grade (XfExam             *exam,
               XfExamPaper        *paper,
               GPtrArray          *questions,
               const char * const *answers)
{
  XfExamResult *result;
  double score = 0;
  double total = 0;

  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (paper != NULL, NULL);
  g_return_val_if_fail (questions != NULL, NULL);
  g_return_val_if_fail (questions->len == paper->items->len, NULL);

  result = g_new0 (XfExamResult, 1);
  result->marks = g_array_sized_new (FALSE, TRUE, sizeof (XfExamMark), paper->items->len);

  for (guint i = 0; i < paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (paper->items, i);
      XfQuestion *question = g_ptr_array_index (questions, i);
      XfExamMark mark = xf_exam_mark (exam, item, question, answers != NULL ? answers[i] : NULL);

      g_array_append_val (result->marks, mark);
      score += mark.score;
      total += mark.max;
      if (item->type < XF_QUESTION_N_TYPES)
        {
          result->type_score[item->type] += mark.score;
          result->type_total[item->type] += mark.max;
        }

      if (!mark.answered)
        result->unanswered++;
      else if (mark.pending)
        result->pending++;
      else if (mark.right)
        result->right++;
      else
        result->wrong++;
    }

  result->score = round_points (score);
  result->total = round_points (total);
  for (guint t = 0; t < XF_QUESTION_N_TYPES; t++)
    {
      result->type_score[t] = round_points (result->type_score[t]);
      result->type_total[t] = round_points (result->type_total[t]);
    }
  /* The score is rounded already; the tolerance keeps a pass mark such
   * as 0.1 × 60 from failing the one who reached it */
  result->passed = result->score >= exam->pass_mark - 1e-9;
  return result;
}
