/* test-exam-grade.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "xf-exam.h"

/* Every expected figure here is worked out by hand from the scores and
 * answers written next to it. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfExamItem, xf_exam_item_free)

static const char * const penalties[] = { "警告", "罚款", "记过", "行政拘留", NULL };

static void
assert_valid (XfQuestion *question)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_question_validate (question, &error));
  g_assert_no_error (error);
}

static XfQuestion *
choice_question (XfQuestionType      type,
                 const char         *stem,
                 const char * const *options,
                 const char         *answer)
{
  XfQuestion *question = xf_question_new (type);

  xf_question_set_stem (question, stem);
  xf_question_set_options (question, options);
  xf_question_set_answer (question, answer);
  assert_valid (question);
  return question;
}

static XfQuestion *
true_false_question (const char *stem,
                     const char *answer)
{
  XfQuestion *question = xf_question_new (XF_QUESTION_TRUE_FALSE);

  xf_question_set_stem (question, stem);
  xf_question_set_answer (question, answer);
  assert_valid (question);
  return question;
}

static XfQuestion *
fill_question (const char         *stem,
               const char * const *accepted)
{
  XfQuestion *question = xf_question_new (XF_QUESTION_FILL);

  xf_question_set_stem (question, stem);
  xf_question_set_accepted (question, accepted);
  assert_valid (question);
  return question;
}

static XfQuestion *
essay_question (void)
{
  XfQuestion *question = xf_question_new (XF_QUESTION_ESSAY);

  xf_question_set_stem (question, "简述行政许可的设定原则。");
  xf_question_set_answer (question, "遵循经济和社会发展规律，有利于发挥公民、法人或者其他组织的积极性、主动性。");
  assert_valid (question);
  return question;
}

/* @order: the question's letter shown at each place ("CDAB": shown A is
 * the question's C, shown B its D); NULL: the paper records no order */
static XfExamItem *
make_item (XfQuestionType  type,
           double          score,
           const char     *order)
{
  XfExamItem *item = g_new0 (XfExamItem, 1);

  item->question = g_uuid_string_random ();
  item->version = 1;
  item->type = type;
  item->score = score;
  if (order != NULL)
    {
      item->n_options = (guint)strlen (order);
      for (guint i = 0; i < item->n_options; i++)
        item->order[i] = (guint8)(order[i] - 'A');
    }
  return item;
}

static XfExam *
make_exam (XfExamMultiple multiple,
           double         partial_credit)
{
  XfExam *exam = xf_exam_new ();

  exam->multiple = multiple;
  exam->partial_credit = partial_credit;
  return exam;
}

static void
assert_normal (XfExamItem *item,
               const char *answer,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = xf_exam_normalize_answer (item, answer, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (normal, ==, expected);
}

static void
assert_refused (XfExamItem *item,
                const char *answer,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = xf_exam_normalize_answer (item, answer, &error);

  g_assert_null (normal);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_mark (XfExamMark mark,
             double     score,
             double     max,
             gboolean   answered,
             gboolean   right,
             gboolean   pending)
{
  g_assert_cmpfloat (mark.score, ==, score);
  g_assert_cmpfloat (mark.max, ==, max);
  g_assert_cmpint (mark.answered, ==, answered);
  g_assert_cmpint (mark.right, ==, right);
  g_assert_cmpint (mark.pending, ==, pending);
}

/* Marks @answer as the person typed it, normalised first as an attempt
 * stores it; %NULL: not answered */
static XfExamMark
mark_typed (XfExam     *exam,
            XfExamItem *item,
            XfQuestion *question,
            const char *typed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;

  if (typed != NULL)
    {
      answer = xf_exam_normalize_answer (item, typed, &error);
      g_assert_no_error (error);
    }
  return xf_exam_mark (exam, item, question, answer);
}

static void
test_normalize_choice (void)
{
  g_autoptr(XfExamItem) multiple = make_item (XF_QUESTION_MULTIPLE, 4, "ABCD");
  g_autoptr(XfExamItem) single = make_item (XF_QUESTION_SINGLE, 2, "DCBA");
  g_autoptr(XfExamItem) unordered = make_item (XF_QUESTION_MULTIPLE, 4, NULL);

  assert_normal (multiple, "AC", "AC");
  assert_normal (multiple, "ca", "AC");
  assert_normal (multiple, "A C", "AC");
  assert_normal (multiple, "A,C", "AC");
  assert_normal (multiple, "A，C", "AC");
  assert_normal (multiple, "A、C", "AC");
  assert_normal (multiple, "A　C", "AC");
  assert_normal (multiple, "ＡＣ", "AC");
  assert_normal (multiple, "ｃａ", "AC");
  assert_normal (multiple, " \tD、b, Ａ\n", "ABD");
  assert_normal (multiple, "DCBA", "ABCD");
  assert_normal (multiple, "aAＡｂ", "AB");
  assert_normal (multiple, "d", "D");

  assert_normal (single, "b", "B");
  assert_normal (single, "Ｄ", "D");
  assert_normal (single, " c ", "C");
  assert_normal (single, "B b", "B");
  assert_refused (single, "AB", "A single-choice question takes exactly one option");
  assert_refused (single, "a、c", "A single-choice question takes exactly one option");

  assert_refused (multiple, "E", "E is not an option of this question");
  assert_refused (multiple, "ｅ", "E is not an option of this question");
  assert_refused (multiple, "A,F", "F is not an option of this question");
  assert_refused (single, "z", "Z is not an option of this question");
  assert_refused (multiple, "", "No option is chosen");
  assert_refused (multiple, " ，、 ", "No option is chosen");
  assert_refused (multiple, "1", "“1” is not the letter of an option");
  assert_refused (multiple, "A;B", "“;” is not the letter of an option");
  assert_refused (single, "甲", "“甲” is not the letter of an option");
  assert_refused (multiple, "A\xff", "The answer is not valid UTF-8 text");

  /* A paper that does not record its options allows A to H */
  assert_normal (unordered, "hb", "BH");
  assert_refused (unordered, "I", "I is not an option of this question");
}

static void
test_normalize_true_false (void)
{
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_TRUE_FALSE, 1, NULL);
  const char *yes[] = { "T", "t", "true", "TRUE", "对", "正确", "√", "Ｔ", " 对 ", "是" };
  const char *no[] = { "F", "f", "false", "FALSE", "错", "错误", "×", "Ｆ", "\t错误\n", "否" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    assert_normal (item, yes[i], "T");
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    assert_normal (item, no[i], "F");
  assert_refused (item, "也许", "“也许” is neither true nor false (对/错, √/×, T/F)");
  assert_refused (item, " 对错 ", "“对错” is neither true nor false (对/错, √/×, T/F)");
  assert_refused (item, "", "The answer is empty");
  assert_refused (item, "　", "The answer is empty");
}

static void
test_normalize_text (void)
{
  g_autoptr(XfExamItem) fill = make_item (XF_QUESTION_FILL, 2, NULL);
  g_autoptr(XfExamItem) essay = make_item (XF_QUESTION_ESSAY, 5, NULL);

  assert_normal (fill, "十五日", "十五日");
  assert_normal (fill, "  十五日\n", "十五日");
  assert_normal (fill, "　十五日　", "十五日");
  assert_normal (fill, " 行政 复议 ", "行政 复议");
  assert_refused (fill, "", "The answer is empty");
  assert_refused (fill, " \t\n　", "The answer is empty");
  assert_normal (essay, "\n第一，法定原则。\n第二，公开原则。\n\n", "第一，法定原则。\n第二，公开原则。");
  assert_refused (essay, "   ", "The answer is empty");
}

static void
test_single (void)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfQuestion) question = choice_question (XF_QUESTION_SINGLE, "下列不属于行政处罚种类的是（  ）。",
                                                    penalties, "C");
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_SINGLE, 2, "ABCD");
  g_autoptr(XfExamItem) unordered = make_item (XF_QUESTION_SINGLE, 1.5, NULL);

  assert_mark (mark_typed (exam, item, question, "C"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "ｃ"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "A"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "D"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, NULL), 0, 2, FALSE, FALSE, FALSE);
  assert_mark (xf_exam_mark (exam, item, question, ""), 0, 2, FALSE, FALSE, FALSE);

  /* No recorded order: the letters are the question's own */
  assert_mark (mark_typed (exam, unordered, question, "C"), 1.5, 1.5, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, unordered, question, "B"), 0, 1.5, TRUE, FALSE, FALSE);
}

static void
test_single_shuffled (void)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfQuestion) question = choice_question (XF_QUESTION_SINGLE, "限制人身自由的行政处罚是（  ）。",
                                                    penalties, "D");
  /* Shown A is the question's C (记过), B its D (行政拘留), C its A, D its B */
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_SINGLE, 2, "CDAB");

  assert_mark (mark_typed (exam, item, question, "B"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "D"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "A"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "C"), 0, 2, TRUE, FALSE, FALSE);
}

static const char * const multiple_options[] = {
  "警告、通报批评", "记大过", "罚款、没收违法所得", "暂扣许可证件", NULL
};

static void
test_multiple_all_or_nothing (void)
{
  g_autoptr(XfExam) exam = make_exam (XF_EXAM_MULTIPLE_ALL_OR_NOTHING, 0.5);
  g_autoptr(XfQuestion) question = choice_question (XF_QUESTION_MULTIPLE, "下列属于行政处罚种类的有（  ）。",
                                                    multiple_options, "ACD");
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_MULTIPLE, 4, "ABCD");

  assert_mark (mark_typed (exam, item, question, "ACD"), 4, 4, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "d c a"), 4, 4, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "AC"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "D"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "ABCD"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "B"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, NULL), 0, 4, FALSE, FALSE, FALSE);
}

static void
test_multiple_partial (void)
{
  g_autoptr(XfExam) half = make_exam (XF_EXAM_MULTIPLE_PARTIAL, 0.5);
  g_autoptr(XfExam) forty = make_exam (XF_EXAM_MULTIPLE_PARTIAL, 0.4);
  g_autoptr(XfQuestion) question = choice_question (XF_QUESTION_MULTIPLE, "下列属于行政处罚种类的有（  ）。",
                                                    multiple_options, "ACD");
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_MULTIPLE, 4, "ABCD");
  g_autoptr(XfExamItem) three = make_item (XF_QUESTION_MULTIPLE, 3, "ABCD");

  assert_mark (mark_typed (half, item, question, "ACD"), 4, 4, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (half, item, question, "AC"), 2, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (half, item, question, "D"), 2, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (half, item, question, "ABC"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (half, item, question, "ABCD"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (half, item, question, "B"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (xf_exam_mark (half, item, question, ""), 0, 4, FALSE, FALSE, FALSE);
  assert_mark (mark_typed (half, item, question, NULL), 0, 4, FALSE, FALSE, FALSE);

  /* 0.4 × 4 = 1.6 and 0.4 × 3 = 1.2, not 1.2000000000000002 */
  assert_mark (mark_typed (forty, item, question, "AD"), 1.6, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (forty, three, question, "CD"), 1.2, 3, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (forty, three, question, "ACD"), 3, 3, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (forty, three, question, "BD"), 0, 3, TRUE, FALSE, FALSE);
}

static void
test_multiple_partial_shuffled (void)
{
  g_autoptr(XfExam) exam = make_exam (XF_EXAM_MULTIPLE_PARTIAL, 0.5);
  g_autoptr(XfQuestion) question = choice_question (XF_QUESTION_MULTIPLE, "下列属于行政处罚种类的有（  ）。",
                                                    multiple_options, "ACD");
  /* Shown A is the question's D, B its A, C its C, D its B: the right
   * options show as A, B and C */
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_MULTIPLE, 4, "DACB");

  assert_mark (mark_typed (exam, item, question, "ABC"), 4, 4, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "ACD"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "AB"), 2, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "C"), 2, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "D"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "AD"), 0, 4, TRUE, FALSE, FALSE);
}

static void
test_true_false (void)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfQuestion) no = true_false_question ("地方性法规可以设定限制人身自由的行政处罚。", "F");
  g_autoptr(XfQuestion) yes = true_false_question ("法律可以设定各种行政处罚。", "T");
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_TRUE_FALSE, 1, NULL);

  assert_mark (mark_typed (exam, item, no, "错"), 1, 1, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, no, "×"), 1, 1, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, no, "F"), 1, 1, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, no, "对"), 0, 1, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, yes, "正确"), 1, 1, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, yes, "t"), 1, 1, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, yes, "错误"), 0, 1, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, yes, NULL), 0, 1, FALSE, FALSE, FALSE);
}

static void
test_fill (void)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  const char * const days[] = { "十五日", "15日", NULL };
  const char * const wto[] = { "WTO", NULL };
  g_autoptr(XfQuestion) question = fill_question ("行政机关应当自作出行政许可决定之日起____内向申请人颁发、送达行政许可证件。",
                                                  days);
  g_autoptr(XfQuestion) letters = fill_question ("我国于2001年加入世界贸易组织，其英文缩写是____。", wto);
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_FILL, 2, NULL);

  assert_mark (mark_typed (exam, item, question, "十五日"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, " 十五 日 "), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "１５日"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "15 日"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, question, "十日"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, "十五个工作日"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, question, NULL), 0, 2, FALSE, FALSE, FALSE);
  assert_mark (mark_typed (exam, item, letters, "wto"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, letters, "ＷＴＯ"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, letters, "W T O"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (mark_typed (exam, item, letters, "WHO"), 0, 2, TRUE, FALSE, FALSE);
}

static void
test_essay (void)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfQuestion) question = essay_question ();
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_ESSAY, 5, NULL);

  assert_mark (mark_typed (exam, item, question, "应当遵循法定、公开、公平、公正的原则。"), 0, 5, TRUE, FALSE, TRUE);
  assert_mark (mark_typed (exam, item, question, NULL), 0, 5, FALSE, FALSE, FALSE);
}

/* Answers an attempt could not have stored (not canonical, letters not
 * shown, an order pointing past the options) earn nothing and crash
 * nothing. */
static void
test_bad_answers (void)
{
  g_autoptr(XfExam) exam = make_exam (XF_EXAM_MULTIPLE_PARTIAL, 0.5);
  g_autoptr(XfQuestion) single = choice_question (XF_QUESTION_SINGLE, "下列不属于行政处罚种类的是（  ）。",
                                                  penalties, "C");
  g_autoptr(XfQuestion) multiple = choice_question (XF_QUESTION_MULTIPLE, "下列属于行政处罚种类的有（  ）。",
                                                    multiple_options, "ACD");
  g_autoptr(XfExamItem) item = make_item (XF_QUESTION_SINGLE, 2, "ABCD");
  g_autoptr(XfExamItem) broken = make_item (XF_QUESTION_MULTIPLE, 4, "ABCD");
  g_autoptr(XfExamItem) three = make_item (XF_QUESTION_MULTIPLE, 4, "ABC");

  assert_mark (xf_exam_mark (exam, item, single, "c"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (xf_exam_mark (exam, item, single, "CC"), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (xf_exam_mark (exam, item, single, "AC"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (xf_exam_mark (exam, item, single, "E"), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (xf_exam_mark (exam, item, single, "C D"), 0, 2, TRUE, FALSE, FALSE);
  /* Only A to C were shown */
  assert_mark (xf_exam_mark (exam, three, multiple, "AD"), 0, 4, TRUE, FALSE, FALSE);
  broken->order[1] = 200;
  assert_mark (xf_exam_mark (exam, broken, multiple, "AB"), 0, 4, TRUE, FALSE, FALSE);
  assert_mark (xf_exam_mark (exam, broken, multiple, "A"), 2, 4, TRUE, FALSE, FALSE);

  /* A credit out of range counts as the nearest legal one */
  exam->partial_credit = 1.5;
  assert_mark (xf_exam_mark (exam, broken, multiple, "A"), 4, 4, TRUE, TRUE, FALSE);
  exam->partial_credit = -1;
  assert_mark (xf_exam_mark (exam, broken, multiple, "A"), 0, 4, TRUE, FALSE, FALSE);
  exam->partial_credit = NAN;
  assert_mark (xf_exam_mark (exam, broken, multiple, "A"), 0, 4, TRUE, FALSE, FALSE);
}

typedef struct
{
  XfExam      *exam;
  XfExamPaper *paper;
  GPtrArray   *questions;
} Paper;

static void
paper_add (Paper      *paper,
           XfExamItem *item,
           XfQuestion *question)
{
  g_ptr_array_add (paper->paper->items, item);
  g_ptr_array_add (paper->questions, question);
}

/* 3 单选 × 2, 2 多选 × 4 (partial, 0.5), 2 判断 × 1, 1 填空 × 2, 1 简答 × 5:
 * 23 points */
static void
paper_init (Paper *paper)
{
  const char * const two[] = { "二", "2", NULL };

  paper->exam = make_exam (XF_EXAM_MULTIPLE_PARTIAL, 0.5);
  paper->paper = xf_exam_paper_new ();
  paper->questions = g_ptr_array_new_with_free_func (g_object_unref);

  paper_add (paper, make_item (XF_QUESTION_SINGLE, 2, "ABCD"),
             choice_question (XF_QUESTION_SINGLE, "较大数额罚款的行政处罚决定作出前，当事人有权要求（  ）。",
                              (const char * const[]){ "复议", "听证", "诉讼", "调解", NULL }, "B"));
  paper_add (paper, make_item (XF_QUESTION_SINGLE, 2, "CDAB"),
             choice_question (XF_QUESTION_SINGLE, "下列不属于行政处罚种类的是（  ）。", penalties, "C"));
  paper_add (paper, make_item (XF_QUESTION_SINGLE, 2, "ABCD"),
             choice_question (XF_QUESTION_SINGLE, "限制人身自由的行政处罚是（  ）。", penalties, "D"));
  paper_add (paper, make_item (XF_QUESTION_MULTIPLE, 4, "DACB"),
             choice_question (XF_QUESTION_MULTIPLE, "下列属于行政处罚种类的有（  ）。", multiple_options, "ACD"));
  paper_add (paper, make_item (XF_QUESTION_MULTIPLE, 4, "ABCD"),
             choice_question (XF_QUESTION_MULTIPLE, "行政处罚的原则包括（  ）。",
                              (const char * const[]){ "公正", "公开", "从重", "处罚与教育相结合", NULL }, "ABD"));
  paper_add (paper, make_item (XF_QUESTION_TRUE_FALSE, 1, NULL),
             true_false_question ("地方性法规可以设定限制人身自由的行政处罚。", "F"));
  paper_add (paper, make_item (XF_QUESTION_TRUE_FALSE, 1, NULL),
             true_false_question ("法律可以设定各种行政处罚。", "T"));
  paper_add (paper, make_item (XF_QUESTION_FILL, 2, NULL),
             fill_question ("违法行为在____年内未被发现的，不再给予行政处罚。", two));
  paper_add (paper, make_item (XF_QUESTION_ESSAY, 5, NULL), essay_question ());
}

static void
paper_clear (Paper *paper)
{
  g_clear_pointer (&paper->exam, xf_exam_free);
  g_clear_pointer (&paper->paper, xf_exam_paper_free);
  g_clear_pointer (&paper->questions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Paper, paper_clear)

/* As typed, item by item:
 *   1 单选 "b": right, 2       2 单选 "Ｃ": shown C is the question's A, wrong, 0
 *   3 单选: none, 0            4 多选 "c、a、b": shown ABC is the question's DAC, exact, 4
 *   5 多选 "a d": a right subset, 0.5 × 4 = 2
 *   6 判断 "错": right, 1      7 判断 "×": wrong, 0
 *   8 填空 "２": right, 2      9 简答: pending, 0
 * Score 11 of 23; 单选 2/6, 多选 6/8, 判断 1/2, 填空 2/2, 简答 0/5;
 * right 1, 4, 6, 8; wrong 2, 5, 7; unanswered 3; pending 9. */
static const char *typed[] = {
  "b", "Ｃ", NULL, "c、a、b", "a d", "错", "×", "２", "违法行为应当受到处罚的，应当依法设定。"
};

static GPtrArray *
normalize_typed (Paper *paper)
{
  GPtrArray *answers = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (paper->paper->items->len, ==, G_N_ELEMENTS (typed));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GError) error = NULL;
      char *answer = NULL;

      if (typed[i] != NULL)
        {
          answer = xf_exam_normalize_answer (g_ptr_array_index (paper->paper->items, i), typed[i], &error);
          g_assert_no_error (error);
        }
      g_ptr_array_add (answers, answer);
    }
  return answers;
}

static void
test_paper (void)
{
  g_auto(Paper) paper = { 0, };
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(XfExamResult) result = NULL;
  const double pass_marks[] = { 10.5, 11, nextafter (11, 12), 11.000001, 11.5 };
  const gboolean passes[] = { TRUE, TRUE, TRUE, FALSE, FALSE };
  static const double type_score[] = { 2, 6, 1, 2, 0 };
  static const double type_total[] = { 6, 8, 2, 2, 5 };

  paper_init (&paper);
  answers = normalize_typed (&paper);
  g_assert_cmpstr (g_ptr_array_index (answers, 3), ==, "ABC");

  paper.exam->pass_mark = 11;
  result = xf_exam_grade (paper.exam, paper.paper, paper.questions, (const char * const *)answers->pdata);
  g_assert_cmpfloat (result->score, ==, 11);
  g_assert_cmpfloat (result->total, ==, 23);
  g_assert_cmpfloat (result->total, ==, xf_exam_paper_get_total (paper.paper));
  g_assert_true (result->passed);
  g_assert_cmpuint (result->right, ==, 4);
  g_assert_cmpuint (result->wrong, ==, 3);
  g_assert_cmpuint (result->unanswered, ==, 1);
  g_assert_cmpuint (result->pending, ==, 1);
  for (guint t = 0; t < XF_QUESTION_N_TYPES; t++)
    {
      g_assert_cmpfloat (result->type_score[t], ==, type_score[t]);
      g_assert_cmpfloat (result->type_total[t], ==, type_total[t]);
    }
  g_assert_cmpuint (result->marks->len, ==, 9);
  assert_mark (g_array_index (result->marks, XfExamMark, 0), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 1), 0, 2, TRUE, FALSE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 2), 0, 2, FALSE, FALSE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 3), 4, 4, TRUE, TRUE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 4), 2, 4, TRUE, FALSE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 5), 1, 1, TRUE, TRUE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 6), 0, 1, TRUE, FALSE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 7), 2, 2, TRUE, TRUE, FALSE);
  assert_mark (g_array_index (result->marks, XfExamMark, 8), 0, 5, TRUE, FALSE, TRUE);

  /* A pass mark computed elsewhere (a share of a total) may land a hair
   * above 11 in a double: reaching 11 still passes */
  for (guint i = 0; i < G_N_ELEMENTS (pass_marks); i++)
    {
      g_autoptr(XfExamResult) again = NULL;

      paper.exam->pass_mark = pass_marks[i];
      again = xf_exam_grade (paper.exam, paper.paper, paper.questions, (const char * const *)answers->pdata);
      g_assert_cmpfloat (again->score, ==, 11);
      g_assert_cmpint (again->passed, ==, passes[i]);
    }
}

static void
test_paper_all_or_nothing (void)
{
  g_auto(Paper) paper = { 0, };
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(XfExamResult) result = NULL;

  paper_init (&paper);
  answers = normalize_typed (&paper);
  paper.exam->multiple = XF_EXAM_MULTIPLE_ALL_OR_NOTHING;
  paper.exam->pass_mark = 9.5;

  /* Item 5's right subset now earns nothing: 11 − 2 */
  result = xf_exam_grade (paper.exam, paper.paper, paper.questions, (const char * const *)answers->pdata);
  g_assert_cmpfloat (result->score, ==, 9);
  g_assert_cmpfloat (result->total, ==, 23);
  g_assert_false (result->passed);
  g_assert_cmpfloat (result->type_score[XF_QUESTION_MULTIPLE], ==, 4);
  g_assert_cmpuint (result->right, ==, 4);
  g_assert_cmpuint (result->wrong, ==, 3);
}

static void
test_paper_unanswered (void)
{
  g_auto(Paper) paper = { 0, };
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(XfExamResult) free_pass = NULL;
  const char *none[9] = { NULL, };

  paper_init (&paper);
  paper.exam->pass_mark = 11;
  result = xf_exam_grade (paper.exam, paper.paper, paper.questions, none);
  g_assert_cmpfloat (result->score, ==, 0);
  g_assert_cmpfloat (result->total, ==, 23);
  g_assert_false (result->passed);
  g_assert_cmpuint (result->unanswered, ==, 9);
  g_assert_cmpuint (result->right + result->wrong + result->pending, ==, 0);

  /* No answers at all; a pass mark of 0 is reached by anyone */
  paper.exam->pass_mark = 0;
  free_pass = xf_exam_grade (paper.exam, paper.paper, paper.questions, NULL);
  g_assert_cmpuint (free_pass->unanswered, ==, 9);
  g_assert_true (free_pass->passed);
}

static void
test_float_sums (void)
{
  g_autoptr(XfExam) exam = make_exam (XF_EXAM_MULTIPLE_PARTIAL, 0.4);
  g_autoptr(XfExamPaper) paper = xf_exam_paper_new ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XfExamResult) result = NULL;
  const char *answers[] = { "T", "T", "AC" };

  /* What the sums would be unrounded */
  g_assert_cmpfloat (0.1 + 0.2, !=, 0.3);
  g_assert_cmpfloat (0.1 + 0.2 + 0.4 * 3, !=, 1.5);

  g_ptr_array_add (paper->items, make_item (XF_QUESTION_TRUE_FALSE, 0.1, NULL));
  g_ptr_array_add (questions, true_false_question ("法律可以设定各种行政处罚。", "T"));
  g_ptr_array_add (paper->items, make_item (XF_QUESTION_TRUE_FALSE, 0.2, NULL));
  g_ptr_array_add (questions, true_false_question ("行政法规可以设定除限制人身自由以外的行政处罚。", "T"));
  g_ptr_array_add (paper->items, make_item (XF_QUESTION_MULTIPLE, 3, NULL));
  g_ptr_array_add (questions, choice_question (XF_QUESTION_MULTIPLE, "下列属于行政处罚种类的有（  ）。",
                                               multiple_options, "ACD"));

  exam->pass_mark = 1.5;
  result = xf_exam_grade (exam, paper, questions, answers);
  g_assert_cmpfloat (result->score, ==, 1.5);
  g_assert_cmpfloat (result->total, ==, 3.3);
  g_assert_cmpfloat (result->type_score[XF_QUESTION_TRUE_FALSE], ==, 0.3);
  g_assert_cmpfloat (result->type_total[XF_QUESTION_TRUE_FALSE], ==, 0.3);
  g_assert_cmpfloat (result->type_score[XF_QUESTION_MULTIPLE], ==, 1.2);
  g_assert_true (result->passed);
  g_assert_cmpuint (result->right, ==, 2);
  g_assert_cmpuint (result->wrong, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exam-grade/normalize-choice", test_normalize_choice);
  g_test_add_func ("/exam-grade/normalize-true-false", test_normalize_true_false);
  g_test_add_func ("/exam-grade/normalize-text", test_normalize_text);
  g_test_add_func ("/exam-grade/single", test_single);
  g_test_add_func ("/exam-grade/single-shuffled", test_single_shuffled);
  g_test_add_func ("/exam-grade/multiple-all-or-nothing", test_multiple_all_or_nothing);
  g_test_add_func ("/exam-grade/multiple-partial", test_multiple_partial);
  g_test_add_func ("/exam-grade/multiple-partial-shuffled", test_multiple_partial_shuffled);
  g_test_add_func ("/exam-grade/true-false", test_true_false);
  g_test_add_func ("/exam-grade/fill", test_fill);
  g_test_add_func ("/exam-grade/essay", test_essay);
  g_test_add_func ("/exam-grade/bad-answers", test_bad_answers);
  g_test_add_func ("/exam-grade/paper", test_paper);
  g_test_add_func ("/exam-grade/paper-all-or-nothing", test_paper_all_or_nothing);
  g_test_add_func ("/exam-grade/paper-unanswered", test_paper_unanswered);
  g_test_add_func ("/exam-grade/float-sums", test_float_sums);

  return g_test_run ();
}
