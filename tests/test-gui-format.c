/* test-gui-format.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <gdk/gdk.h>
#include <pango/pango.h>

#include "xf-article.h"
#include "xf-exam-format.h"
#include "xf-gui-format.h"

/* Returns the plain text of @markup and, in @bold, the character ranges
 * drawn bold, as "start+length" joined by commas. */
static char *
parse_bold (const char  *markup,
            char       **bold)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(GString) ranges = g_string_new (NULL);
  PangoAttrIterator *iter;
  char *text = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error));
  g_assert_no_error (error);

  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      PangoAttrInt *weight = (PangoAttrInt *)pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
      int start, end;

      pango_attr_iterator_range (iter, &start, &end);
      if (weight != NULL && weight->value == PANGO_WEIGHT_BOLD && end > start)
        {
          end = MIN (end, (int)strlen (text));
          g_string_append_printf (ranges, "%s%ld+%ld", ranges->len ? "," : "",
                                  g_utf8_pointer_to_offset (text, text + start),
                                  g_utf8_pointer_to_offset (text + start, text + end));
        }
    }
  while (pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);

  *bold = g_string_free (g_steal_pointer (&ranges), FALSE);
  return text;
}

static void
test_highlight_basic (void)
{
  const XfSearchRange ranges[] = { { 2, 6 } };
  g_autofree char *markup = xf_format_highlight_markup ("违反行政处罚法的规定", ranges, 1);
  g_autofree char *bold = NULL;
  g_autofree char *text = parse_bold (markup, &bold);

  g_assert_cmpstr (text, ==, "违反行政处罚法的规定");
  g_assert_cmpstr (bold, ==, "2+4");
}

static void
test_highlight_escapes (void)
{
  const XfSearchRange ranges[] = { { 0, 3 }, { 6, 8 } };
  g_autofree char *markup = xf_format_highlight_markup ("a<b & c>\"d'", ranges, 2);
  g_autofree char *bold = NULL;
  g_autofree char *text = parse_bold (markup, &bold);
  g_autofree char *plain = xf_format_highlight_markup ("<span>&amp;</span>", NULL, 0);
  g_autofree char *plain_bold = NULL;
  g_autofree char *plain_text = parse_bold (plain, &plain_bold);

  g_assert_cmpstr (text, ==, "a<b & c>\"d'");
  g_assert_cmpstr (bold, ==, "0+3,6+2");
  g_assert_cmpstr (plain_text, ==, "<span>&amp;</span>");
  g_assert_cmpstr (plain_bold, ==, "");
}

static void
test_highlight_overlaps (void)
{
  /* Unsorted, overlapping, touching, empty, reversed and out-of-range
   * ranges. */
  const XfSearchRange ranges[] = { { 6, 8 }, { 0, 2 }, { 1, 3 }, { 3, 4 }, { 5, 5 }, { 9, 59 }, { 40, 43 }, { 8, 7 } };
  g_autofree char *markup = xf_format_highlight_markup ("一二三四五六七八九十", ranges, G_N_ELEMENTS (ranges));
  g_autofree char *bold = NULL;
  g_autofree char *text = parse_bold (markup, &bold);

  g_assert_cmpstr (text, ==, "一二三四五六七八九十");
  g_assert_cmpstr (bold, ==, "0+4,6+2,9+1");
}

static void
test_highlight_invalid_utf8 (void)
{
  const XfSearchRange ranges[] = { { 0, 1 } };
  g_autofree char *markup = xf_format_highlight_markup ("ab\xff\xfe" "c", ranges, 1);
  g_autofree char *bold = NULL;
  g_autofree char *text = parse_bold (markup, &bold);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "ab"));
  g_assert_true (g_str_has_suffix (text, "c"));
  g_assert_cmpstr (bold, ==, "0+1");
}

static void
test_hit_location (void)
{
  g_autofree char *full = xf_format_hit_location ("行政处罚法", "第五章 行政处罚的决定 › 第一节 一般规定", "第三十二条");
  g_autofree char *no_heading = xf_format_hit_location ("宪法", "", "第一条");
  g_autofree char *title_only = xf_format_hit_location ("宪法", NULL, NULL);

  g_assert_cmpstr (full, ==, "行政处罚法 › 第五章 行政处罚的决定 › 第一节 一般规定 › 第三十二条");
  g_assert_cmpstr (no_heading, ==, "宪法 › 第一条");
  g_assert_cmpstr (title_only, ==, "宪法");
}

static void
test_counts (void)
{
  g_autofree char *one = xf_format_search_total (1);
  g_autofree char *many = xf_format_search_total (1260);
  g_autofree char *progress = xf_format_progress_label (12, 80);
  g_autofree char *overfull = xf_format_progress_label (90, 80);
  g_autofree char *summary = xf_format_import_summary (2, 173);

  g_assert_cmpstr (one, ==, "1 result");
  g_assert_cmpstr (many, ==, "1260 results");
  g_assert_cmpstr (progress, ==, "Learned 12 of 80");
  g_assert_cmpstr (overfull, ==, "Learned 80 of 80");
  g_assert_cmpstr (summary, ==, "Imported 2 statutes, 173 articles");
}

static void
test_copied_toast (void)
{
  g_autoptr(XfArticle) article = xf_article_new (1, 1, 0, 32, 0, "第三十二条", "当事人有下列情形之一……",
                                                 "中华人民共和国行政处罚法", NULL);
  g_autofree char *citation = xf_article_dup_citation (article);
  g_autofree char *toast = xf_format_copied_toast (citation);
  g_autofree char *empty = xf_format_copied_toast ("");

  g_assert_cmpstr (toast, ==, "Copied 《行政处罚法》第三十二条");
  g_assert_cmpstr (empty, ==, "Copied");
}

static void
test_law_subtitle (void)
{
  g_autofree char *both = xf_format_law_subtitle ("2021-01-22", "In force");
  g_autofree char *no_date = xf_format_law_subtitle ("", "Repealed");
  g_autofree char *no_status = xf_format_law_subtitle ("2018-03-11", NULL);

  g_assert_cmpstr (both, ==, "2021-01-22 · In force");
  g_assert_cmpstr (no_date, ==, "Repealed");
  g_assert_cmpstr (no_status, ==, "2018-03-11");
}

static void
test_citation (void)
{
  g_autofree char *article = xf_format_citation ("中华人民共和国行政处罚法", "第三十二条");
  g_autofree char *regulation = xf_format_citation ("优化营商环境条例", "第一条");
  g_autofree char *law_only = xf_format_citation ("中华人民共和国宪法", NULL);
  g_autofree char *none = xf_format_citation ("", "第一条");

  g_assert_cmpstr (article, ==, "《行政处罚法》第三十二条");
  g_assert_cmpstr (regulation, ==, "《优化营商环境条例》第一条");
  g_assert_cmpstr (law_only, ==, "《宪法》");
  g_assert_cmpstr (none, ==, "");
}

static void
test_list_subtitle (void)
{
  g_autofree char *all = xf_format_list_subtitle (2026, "All staff", "");
  g_autofree char *department = xf_format_list_subtitle (2026, "Department", "市场监督管理局");
  g_autofree char *no_year = xf_format_list_subtitle (0, "Leaders", NULL);

  g_assert_cmpstr (all, ==, "2026 · All staff");
  g_assert_cmpstr (department, ==, "2026 · Department · 市场监督管理局");
  g_assert_cmpstr (no_year, ==, "Leaders");
}

static void
test_scale_step (void)
{
  double scale = 1.0;

  for (guint i = 0; i < 10; i++)
    scale = xf_reader_scale_step (scale, 1);
  g_assert_cmpfloat (scale, ==, 2.0);

  for (guint i = 0; i < 40; i++)
    scale = xf_reader_scale_step (scale, 1);
  g_assert_cmpfloat (scale, ==, XF_READER_SCALE_MAX);

  for (guint i = 0; i < 40; i++)
    scale = xf_reader_scale_step (scale, -1);
  g_assert_cmpfloat (scale, ==, XF_READER_SCALE_MIN);

  g_assert_cmpfloat (xf_reader_scale_step (1.37, 1), ==, 1.5);
  g_assert_cmpfloat (xf_reader_scale_step (2.4, 0), ==, 1.0);
  g_assert_cmpfloat (xf_reader_scale_step (NAN, 1), ==, 1.0);
}

static void
test_reader_css (void)
{
  g_autofree char *normal = NULL;
  g_autofree char *large = NULL;
  g_autofree char *clamped = NULL;

  /* A locale that writes 1,5: the style sheet must still say 1.5. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    setlocale (LC_NUMERIC, "C");

  normal = xf_format_reader_css (1.0);
  large = xf_format_reader_css (2.0);
  clamped = xf_format_reader_css (9.0);
  setlocale (LC_NUMERIC, "C");

  g_assert_nonnull (strstr (normal, ".xf-reader-text { font-size: 1.100em; }"));
  g_assert_nonnull (strstr (large, ".xf-reader-text { font-size: 2.200em; }"));
  g_assert_nonnull (strstr (clamped, ".xf-reader-text { font-size: 3.300em; }"));
  /* The study card follows the same setting */
  g_assert_nonnull (strstr (normal, ".xf-study-text { font-size: 1.350em; }"));
  g_assert_nonnull (strstr (large, ".xf-study-text { font-size: 2.700em; }"));
  g_assert_null (strchr (large, ','));
}

/* What the keys of an exam do to an answer */
static void
test_exam_keys (void)
{
  XfExamItem single = { NULL, 1, XF_QUESTION_SINGLE, 1.5, 4, { 2, 0, 3, 1 } };
  XfExamItem multiple = { NULL, 1, XF_QUESTION_MULTIPLE, 2, 5, { 0, 1, 2, 3, 4 } };
  XfExamItem judge = { NULL, 1, XF_QUESTION_TRUE_FALSE, 1, 0, { 0 } };
  XfExamItem fill = { NULL, 1, XF_QUESTION_FILL, 1, 0, { 0 } };
  char *answer = NULL;

#define KEY(item, before, keyval, after)                                         \
  G_STMT_START {                                                                 \
    g_assert_true (xf_exam_answer_for_key (&(item), before, keyval, &answer));   \
    g_assert_cmpstr (answer, ==, after);                                         \
    g_clear_pointer (&answer, g_free);                                           \
  } G_STMT_END

  KEY (single, NULL, GDK_KEY_b, "B");
  KEY (single, "B", GDK_KEY_C, "C");
  KEY (single, "C", GDK_KEY_4, "D");
  KEY (single, "D", GDK_KEY_KP_1, "A");
  KEY (single, "A", GDK_KEY_a, "A");
  g_assert_false (xf_exam_answer_for_key (&single, NULL, GDK_KEY_e, &answer));
  g_assert_false (xf_exam_answer_for_key (&single, NULL, GDK_KEY_5, &answer));
  g_assert_false (xf_exam_answer_for_key (&single, NULL, GDK_KEY_t, &answer));
  KEY (multiple, NULL, GDK_KEY_c, "C");
  KEY (multiple, "C", GDK_KEY_a, "AC");
  KEY (multiple, "AC", GDK_KEY_5, "ACE");
  KEY (multiple, "ACE", GDK_KEY_C, "AE");
  KEY (multiple, "A", GDK_KEY_1, NULL);
  KEY (judge, NULL, GDK_KEY_t, "T");
  KEY (judge, "T", GDK_KEY_F, "F");
  KEY (judge, NULL, GDK_KEY_1, "T");
  KEY (judge, NULL, GDK_KEY_2, "F");
  g_assert_false (xf_exam_answer_for_key (&judge, NULL, GDK_KEY_a, &answer));
  g_assert_false (xf_exam_answer_for_key (&fill, NULL, GDK_KEY_a, &answer));
  g_assert_null (answer);
#undef KEY
}

/* What the exam screens say */
static void
test_exam_texts (void)
{
  XfExamItem single = { NULL, 1, XF_QUESTION_SINGLE, 1.5, 4, { 2, 0, 3, 1 } };
  XfExamItem judge = { NULL, 1, XF_QUESTION_TRUE_FALSE, 1, 0, { 0 } };
  g_autoptr(XfQuestion) question = xf_question_new (XF_QUESTION_SINGLE);
  const char * const options[] = { "从轻处罚", "减轻处罚", "不予行政处罚", "警告", NULL };
  const guint numbers[] = { 4, 17, 45 };
  char *answer = NULL;

  /* Shown option A is the question's third, B its first: the key is B */
  xf_question_set_options (question, options);
  xf_question_set_answer (question, "A");
  xf_question_set_explanation (question, "《行政处罚法》第三十二条");
  answer = xf_format_exam_key (&single, question);
  g_assert_cmpstr (answer, ==, "B. 从轻处罚");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_exam_answer (&single, question, "C");
  g_assert_cmpstr (answer, ==, "C. 警告");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_exam_answer (&single, question, NULL);
  g_assert_cmpstr (answer, ==, "Not answered");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_exam_answer (&judge, question, "F");
  g_assert_cmpstr (answer, ==, "False");
  g_clear_pointer (&answer, g_free);

  answer = xf_format_countdown ((gint64)90 * 60 * G_USEC_PER_SEC);
  g_assert_cmpstr (answer, ==, "90:00");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_countdown ((gint64)299 * G_USEC_PER_SEC + 1);
  g_assert_cmpstr (answer, ==, "05:00");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_countdown (-5);
  g_assert_cmpstr (answer, ==, "00:00");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_countdown ((gint64)150 * 60 * G_USEC_PER_SEC);
  g_assert_cmpstr (answer, ==, "2:30:00");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_time_used ((gint64)(35 * 60 + 12) * G_USEC_PER_SEC + 900000);
  g_assert_cmpstr (answer, ==, "35 min 12 s");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_score_of (90.5, 100);
  g_assert_cmpstr (answer, ==, "90.5 / 100");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_score (0.25);
  g_assert_cmpstr (answer, ==, "0.25");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_score (0.1 + 0.2);
  g_assert_cmpstr (answer, ==, "0.3");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_question_numbers (numbers, 3, 0);
  g_assert_cmpstr (answer, ==, "4, 17, 45");
  g_clear_pointer (&answer, g_free);
  answer = xf_format_question_numbers (numbers, 3, 2);
  g_assert_cmpstr (answer, ==, "4, 17…");
  g_clear_pointer (&answer, g_free);
}


int
main (int   argc,
      char *argv[])
{
  /* The source strings, untranslated. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui-format/highlight/basic", test_highlight_basic);
  g_test_add_func ("/gui-format/highlight/escapes", test_highlight_escapes);
  g_test_add_func ("/gui-format/highlight/overlaps", test_highlight_overlaps);
  g_test_add_func ("/gui-format/highlight/invalid-utf8", test_highlight_invalid_utf8);
  g_test_add_func ("/gui-format/hit-location", test_hit_location);
  g_test_add_func ("/gui-format/counts", test_counts);
  g_test_add_func ("/gui-format/copied-toast", test_copied_toast);
  g_test_add_func ("/gui-format/law-subtitle", test_law_subtitle);
  g_test_add_func ("/gui-format/citation", test_citation);
  g_test_add_func ("/gui-format/list-subtitle", test_list_subtitle);
  g_test_add_func ("/gui-format/scale-step", test_scale_step);
  g_test_add_func ("/gui-format/reader-css", test_reader_css);
  g_test_add_func ("/gui-format/exam-keys", test_exam_keys);
  g_test_add_func ("/gui-format/exam-texts", test_exam_texts);

  return g_test_run ();
}
