/* test-exam-report.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "test-utils.h"
#include "xf-content.h"
#include "xf-exam-report.h"
#include "xf-question-store.h"

#define SECOND ((gint64)G_USEC_PER_SEC)
#define T0     ((gint64)1780000000 * SECOND)

/* The report of an attempt at the shipped practice exam, read back from
 * the PDF with poppler's pdftotext and pdfinfo: what it says is what a
 * person reads on paper. */

typedef struct
{
  XfDatabase   *db;
  char         *dir;
  XfExam       *exam;
  XfAttempt    *attempt;
  XfExamResult *result;
  GPtrArray    *questions;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = xf_database_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (xf_content_install_defaults (f->db, NULL, &error));
  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("xf-exam-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->exam = xf_exam_store_get (f->db, "2026年度学法用法模拟考试", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->questions, g_ptr_array_unref);
  g_clear_pointer (&f->result, xf_exam_result_free);
  g_clear_pointer (&f->attempt, xf_attempt_free);
  g_clear_pointer (&f->exam, xf_exam_free);
  g_clear_object (&f->db);
  xf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
right_answer (XfExamItem *item,
              XfQuestion *question)
{
  GString *answer = g_string_new (NULL);

  if (item->type == XF_QUESTION_TRUE_FALSE)
    g_string_append (answer, xf_question_get_answer (question));
  for (guint o = 0; o < item->n_options; o++)
    if (xf_question_option_is_correct (question, item->order[o]))
      g_string_append_c (answer, (char)('A' + o));
  return g_string_free (answer, FALSE);
}

static char *
wrong_answer (XfExamItem *item,
              XfQuestion *question)
{
  if (item->type == XF_QUESTION_TRUE_FALSE)
    return g_strdup (g_str_equal (xf_question_get_answer (question), "T") ? "F" : "T");
  for (guint o = 0; o < item->n_options; o++)
    if (!xf_question_option_is_correct (question, item->order[o]))
      return g_strdup_printf ("%c", 'A' + o);
  g_assert_not_reached ();
}

/* Starts an attempt; answers the first @n_right questions and the last
 * one right, the next @n_wrong wrong, leaves the rest; submits. */
static void
take_exam (Fixture *f,
           guint    n_right,
           guint    n_wrong)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(XfExamResult) submitted = NULL;
  g_autoptr(XfAttempt) attempt = NULL;
  guint n;

  attempt = xf_exam_store_start (f->db, f->exam, "王晓明", rand, T0, &error);
  g_assert_no_error (error);
  f->questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);
  n = f->questions->len;
  g_assert_cmpuint (n, ==, 70);

  for (guint i = 0; i < n; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      XfQuestion *question = g_ptr_array_index (f->questions, i);
      g_autofree char *answer = NULL;

      if (i < n_right || i == n - 1)
        answer = right_answer (item, question);
      else if (i < n_right + n_wrong)
        answer = wrong_answer (item, question);
      else
        continue;
      g_assert_true (xf_exam_store_answer (f->db, attempt->uuid, i + 1, answer, T0 + (i + 1) * 20 * SECOND, &error));
      g_assert_no_error (error);
    }
  submitted = xf_exam_store_submit (f->db, attempt->uuid, XF_ATTEMPT_SUBMITTED_BY_PERSON, T0 + 1500 * SECOND, &error);
  g_assert_no_error (error);

  f->attempt = xf_exam_store_get_attempt (f->db, attempt->uuid, &error);
  g_assert_no_error (error);
  f->result = xf_exam_store_grade_attempt (f->db, f->attempt, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (f->result->score, ==, submitted->score);
}

static XfExamReport *
make_report (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  XfExamReport *report = xf_exam_report_new (f->exam, f->attempt, f->result, f->questions, "王晓明", "市司法局",
                                             T0 + 2000 * SECOND, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The output of a poppler tool run on @path */
static char *
run_poppler (const char *tool,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_fail_printf ("%s is not installed (Debian's poppler-utils; tools/install-deps.sh installs it)", tool);
      return NULL;
    }
  if (g_str_equal (tool, "pdftotext"))
    {
      const char *argv[] = { program, "-layout", "-enc", "UTF-8", path, "-", NULL };

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    }
  else
    {
      const char *argv[] = { program, path, NULL };

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s\n%s", tool, path, error->message, err);
  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_poppler ("pdfinfo", path);
  const char *line;

  if (info == NULL)
    return 0;
  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static gboolean
has_line (const char *text,
          const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static guint
count_words (const char *text,
             const char *word)
{
  g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", word);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;
  return n;
}

static char *
score_text (XfExamResult *result)
{
  return g_strdup_printf ("%g / %g", result->score, result->total);
}

/* Writes the report to @name in the fixture's directory; checks it is a
 * PDF of as many pages as pagination said, with nothing else left beside
 * it; returns its text, pages apart by form feeds */
static char *
write_and_read (Fixture      *f,
                XfExamReport *report,
                const char   *name,
                guint        *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize len = 0;

  g_assert_true (xf_exam_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, name);
  g_assert_null (g_dir_read_name (dir));

  *n_pages = xf_exam_report_get_n_pages (report);
  g_assert_cmpuint (pdf_pages (path), ==, *n_pages);
  return run_poppler ("pdftotext", path);
}

static void
test_english (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(XfExamReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *score = NULL;
  g_autofree char *row70 = NULL;
  g_auto(GStrv) pages = NULL;
  XfExamItem *last;
  guint n_pages = 0;

  take_exam (f, 30, 20);
  g_assert_cmpuint (f->result->right, ==, 31);
  g_assert_cmpuint (f->result->wrong, ==, 20);
  g_assert_cmpuint (f->result->unanswered, ==, 19);
  g_assert_false (f->result->passed);

  report = make_report (f);
  g_assert_cmpuint (xf_exam_report_get_n_pages (report), ==, 0);
  text = write_and_read (f, report, "report.pdf", &n_pages);
  if (text == NULL)
    return;
  g_test_message ("%u pages:\n%s", n_pages, text);

  /* 70 questions do not fit on one page */
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_true (strstr (text, "Law study exam score report") != NULL);
  g_assert_true (strstr (text, "2026年度学法用法模拟考试") != NULL);
  g_assert_true (strstr (text, "王晓明") != NULL);
  g_assert_true (strstr (text, "市司法局") != NULL);
  g_assert_true (strstr (text, "Submitted by the candidate") != NULL);
  score = score_text (f->result);
  g_assert_true (strstr (text, score) != NULL);
  g_assert_true (has_line (text, "Result\\s+Not passed"));
  g_assert_true (has_line (text, "31 right, 20 wrong, 19 not answered"));
  g_assert_true (has_line (text, "Time used\\s+[0-9]+ min [0-9]+ s \\(limit 90 min\\)"));

  /* The last question was answered right: its row gives the points of
   * its type and says so (the type's name wraps onto lines of its own) */
  last = g_ptr_array_index (f->attempt->paper->items, 69);
  row70 = g_strdup_printf ("^\\s*70\\s.*\\s%g\\s*/\\s*%g\\s+Right\\s*$", last->score, last->score);
  g_assert_true (has_line (text, row70));
  /* … the 31st was wrong, the 51st not answered */
  g_assert_true (has_line (text, "^\\s*31\\s.*\\s0\\s*/\\s*[0-9.]+\\s+Wrong\\s*$"));
  g_assert_true (has_line (text, "^\\s*51\\s.*\\s—\\s.*\\s0\\s*/\\s*[0-9.]+\\s*$"));

  /* A verdict a question */
  g_assert_cmpuint (count_words (text, "Wrong"), ==, 20);
  g_assert_cmpuint (count_words (text, "Right"), ==, 31 + n_pages);  /* "Right answer" heads each page */
  /* "Not answered" 19 times, once in the counts, once in the notes */
  g_assert_cmpuint (count_words (text, "answered"), ==, 19 + 2);

  /* Every page has its footer, and the table's header */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_true (strstr (pages[i], footer) != NULL);
      g_assert_true (strstr (pages[i], f->attempt->uuid) != NULL);
      if (i + 1 < n_pages)
        g_assert_true (has_line (pages[i], "^\\s*No\\.\\s+Type\\s+Question\\s.*\\sPoints\\s+Verdict\\s*$"));
    }
  /* Every question's row, in order */
  for (guint i = 1, at = 0; i <= 70; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("^\\s{0,4}%u\\s{2,}\\S", i);
      g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      int start;

      g_assert_true (g_regex_match_full (regex, text, -1, at, 0, &match, NULL));
      g_assert_true (g_match_info_fetch_pos (match, 0, &start, NULL));
      at = (guint)start + 1;
    }
}

/* In Chinese, as the app shows it */
static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  const char *localedir = g_getenv ("XUEFA_LOCALEDIR");
  g_autofree char *catalog = NULL;

  g_assert_nonnull (localedir);
  catalog = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalog, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The Chinese catalogue is not built");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(XfExamReport) report = NULL;
      g_autofree char *text = NULL;
      g_autofree char *score = NULL;
      g_autofree char *footer = NULL;
      g_autofree char *name = NULL;
      guint n_pages = 0;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      take_exam (f, 69, 0);
      g_assert_true (f->result->passed);
      report = make_report (f);
      name = xf_exam_report_dup_file_name (report);
      g_assert_true (g_str_has_prefix (name, "成绩单-2026年度学法用法模拟考试-"));
      g_assert_true (g_str_has_suffix (name, ".pdf"));
      text = write_and_read (f, report, name, &n_pages);
      if (text == NULL)
        return;

      g_assert_true (strstr (text, "学 法 用 法 考 试 成 绩 单") != NULL ||
                     strstr (text, "学法用法考试成绩单") != NULL);
      score = score_text (f->result);
      g_assert_cmpstr (score, ==, "100 / 100");
      g_assert_true (strstr (text, score) != NULL);
      g_assert_true (has_line (text, "考试结果\\s+合格"));
      g_assert_true (strstr (text, "不合格") == NULL);
      g_assert_true (strstr (text, "本人交卷") != NULL);
      g_assert_true (has_line (text, "^\\s*70\\s+(单选|多选|判断)\\s.*\\s正确\\s*$"));
      footer = g_strdup_printf ("第 %u 页，共 %u 页", n_pages, n_pages);
      g_assert_true (strstr (text, footer) != NULL);
      g_assert_true (has_line (text, "^\\s*题号\\s+题型\\s+题目\\s+考生作答\\s+正确答案\\s+得分\\s+判定\\s*$"));
      g_assert_true (has_line (text, "考试得分\\s+100 / 100\\s+及格分数\\s+60"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A report of an attempt still running is refused */
static void
test_not_submitted (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(XfAttempt) attempt = xf_exam_store_start (f->db, f->exam, "王晓明", rand, T0, &error);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(XfExamReport) report = NULL;

  g_assert_no_error (error);
  questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);
  result = xf_exam_grade (f->exam, attempt->paper, questions, (const char * const *)attempt->answers->pdata);
  report = xf_exam_report_new (f->exam, attempt, result, questions, NULL, NULL, T0, &error);
  g_assert_null (report);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_assert_true (strstr (error->message, attempt->uuid) != NULL);
}

/* A failed export names the file and leaves nothing behind */
static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(XfExamReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "report.pdf", NULL);
  g_autofree char *taken = g_build_filename (f->dir, "taken.pdf", NULL);
  g_autofree char *locked_dir = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *locked = g_build_filename (locked_dir, "report.pdf", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  take_exam (f, 10, 10);
  report = make_report (f);

  /* A directory that does not exist */
  g_assert_false (xf_exam_report_write_pdf (report, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (strstr (error->message, missing) != NULL);
  g_clear_error (&error);

  /* A directory where the file should go: the complete PDF cannot take
   * its name, and the temporary file goes */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  g_assert_false (xf_exam_report_write_pdf (report, taken, &error));
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, taken) != NULL);
  g_clear_error (&error);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));

  /* A directory without write permission (root may write anyway) */
  g_assert_cmpint (g_mkdir (locked_dir, 0555), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (xf_exam_report_write_pdf (report, locked, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_true (strstr (error->message, locked) != NULL);
      g_clear_error (&error);
    }
  g_assert_false (g_file_test (locked, G_FILE_TEST_EXISTS));

  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (entry, "taken.pdf") || g_str_equal (entry, "locked"));
  g_assert_cmpint (g_chmod (locked_dir, 0755), ==, 0);
}

/* A page of another size lays out again, and any cairo context draws it */
static void
test_paginate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(XfExamReport) report = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint a4, a5;

  take_exam (f, 40, 10);
  report = make_report (f);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);

  a4 = xf_exam_report_paginate (report, cr, XF_EXAM_REPORT_A4_WIDTH, XF_EXAM_REPORT_A4_HEIGHT);
  g_assert_cmpuint (a4, >, 1);
  g_assert_cmpuint (xf_exam_report_get_n_pages (report), ==, a4);
  /* A5 holds fewer rows a page */
  a5 = xf_exam_report_paginate (report, cr, 419.53, 595.28);
  g_assert_cmpuint (a5, >, a4);
  for (guint i = 0; i < a5; i++)
    xf_exam_report_draw_page (report, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* Pagination is a function of the page: the same size, the same pages */
  g_assert_cmpuint (xf_exam_report_paginate (report, cr, XF_EXAM_REPORT_A4_WIDTH, XF_EXAM_REPORT_A4_HEIGHT), ==, a4);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* 填空 and 简答: the accepted answers as the key, an essay awaiting its
 * grade marked as such, not as wrong */
static void
test_fill_essay (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = xf_question_store_ensure_bank (f->db, "主观题", &error);
  g_autoptr(XfQuestion) fill = xf_question_new (XF_QUESTION_FILL);
  g_autoptr(XfQuestion) essay = xf_question_new (XF_QUESTION_ESSAY);
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(XfExamReport) report = NULL;
  g_autofree char *path = g_build_filename (f->dir, "essay.pdf", NULL);
  g_autofree char *text = NULL;
  XfExamFixed *fixed;

  g_assert_no_error (error);
  xf_question_set_stem (fill, "行政处罚的种类包括警告、通报批评、罚款、没收违法所得和____等。");
  xf_question_add_accepted (fill, "没收非法财物");
  xf_question_add_accepted (fill, "暂扣许可证件");
  xf_question_set_score (fill, 2);
  xf_question_set_stem (essay, "简述行政处罚的设定原则。");
  xf_question_set_answer (essay, "处罚法定、公正公开、过罚相当、处罚与教育相结合。");
  xf_question_set_score (essay, 10);
  g_assert_true (xf_question_store_add (f->db, xf_question_bank_get_id (bank), fill, &error));
  g_assert_true (xf_question_store_add (f->db, xf_question_bank_get_id (bank), essay, &error));
  g_assert_no_error (error);

  g_free (exam->title);
  exam->title = g_strdup ("主观题测验");
  exam->pass_mark = 6;
  fixed = g_new0 (XfExamFixed, 1);
  fixed->question = g_strdup (xf_question_get_uuid (fill));
  g_ptr_array_add (exam->fixed, fixed);
  fixed = g_new0 (XfExamFixed, 1);
  fixed->question = g_strdup (xf_question_get_uuid (essay));
  g_ptr_array_add (exam->fixed, fixed);
  g_assert_true (xf_exam_store_save (f->db, exam, &error));
  g_assert_no_error (error);

  attempt = xf_exam_store_start (f->db, exam, "李四", rand, T0, &error);
  g_assert_no_error (error);
  g_assert_true (xf_exam_store_answer (f->db, attempt->uuid, 1, "扣押财物", T0 + SECOND, &error));
  g_assert_true (xf_exam_store_answer (f->db, attempt->uuid, 2, "应当遵循公正、公开的原则。", T0 + 2 * SECOND, &error));
  g_assert_no_error (error);
  result = xf_exam_store_submit (f->db, attempt->uuid, XF_ATTEMPT_SUBMITTED_TIME_UP, T0 + 60 * SECOND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->pending, ==, 1);
  submitted = xf_exam_store_get_attempt (f->db, attempt->uuid, &error);
  g_assert_no_error (error);
  questions = xf_exam_store_load_questions (f->db, submitted->paper, &error);
  g_assert_no_error (error);

  /* No name given: the attempt's profile is the name */
  report = xf_exam_report_new (exam, submitted, result, questions, NULL, "", T0, &error);
  g_assert_no_error (error);
  g_assert_true (xf_exam_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  text = run_poppler ("pdftotext", path);
  if (text == NULL)
    return;
  g_test_message ("%s", text);

  g_assert_true (strstr (text, "李四") != NULL);
  /* English wraps in the narrow cells */
  g_assert_true (strstr (text, "Submitted automatically when the") != NULL);
  g_assert_true (strstr (text, "time was up") != NULL);
  g_assert_true (has_line (text, "^\\s*1\\s.*扣押财物.*\\s0\\s*/\\s*2\\s+Wrong\\s*$"));
  g_assert_true (strstr (text, "没收非法财物 /") != NULL);
  g_assert_true (strstr (text, "暂扣许可证件") != NULL);
  g_assert_true (has_line (text, "^\\s*2\\s.*\\s–\\s*/\\s*10\\s*$"));
  g_assert_true (has_line (text, "To be\\s*$"));
  g_assert_true (strstr (text, "Essay questions are graded by hand") != NULL);
  g_assert_cmpuint (count_words (text, "Wrong"), ==, 1);
  g_assert_cmpuint (count_words (text, "Right"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exam-report/english", Fixture, NULL, fixture_set_up, test_english, fixture_tear_down);
  g_test_add ("/exam-report/chinese", Fixture, NULL, fixture_set_up, test_chinese, fixture_tear_down);
  g_test_add ("/exam-report/not-submitted", Fixture, NULL, fixture_set_up, test_not_submitted, fixture_tear_down);
  g_test_add ("/exam-report/write-fails", Fixture, NULL, fixture_set_up, test_write_fails, fixture_tear_down);
  g_test_add ("/exam-report/paginate", Fixture, NULL, fixture_set_up, test_paginate, fixture_tear_down);
  g_test_add ("/exam-report/fill-essay", Fixture, NULL, fixture_set_up, test_fill_essay, fixture_tear_down);
  return g_test_run ();
}
