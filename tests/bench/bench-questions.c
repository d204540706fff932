/* bench-questions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "test-utils.h"
#include "xf-question-format.h"
#include "xf-question-index.h"
#include "xf-question-store.h"

/* Question banks at scale: writes 100 000 questions made of sentences from
 * the shipped statutes as a native JSON file and as a CSV table, imports
 * each into a new profile database (parse + one transaction, what
 * `xuefactl questions import` does: xf_question_store_import_file()),
 * builds the bank page's index and times filters of the kinds a person
 * uses. Prints JSON.
 *
 *   build/tests/bench/bench-questions [--questions N] [--filters N] */

static int opt_questions = 100000;
static int opt_filters = 400;
static int opt_seed = 7;

static const char *categories[] = {
  "宪法", "行政法/行政处罚", "行政法/行政许可", "行政法/行政复议", "行政法/行政诉讼",
  "行政法/政府信息公开", "行政法/行政强制", "民法/总则", "民法/物权", "民法/合同",
  "监察法", "公务员法", "国家赔偿法", "立法法",
};
static const char *tags[] = {
  "基础", "重点", "易错", "时效", "程序", "听证", "管辖", "证据", "期限", "主体",
  "权利", "义务", "责任", "救济", "公开", "申请", "决定", "送达", "执行", "复议",
};
static const char *laws[] = {
  "中华人民共和国宪法", "中华人民共和国行政处罚法", "中华人民共和国行政许可法",
  "中华人民共和国行政复议法", "中华人民共和国行政诉讼法", "中华人民共和国政府信息公开条例",
};

/* Sentences of the statutes, to make stems and options of. */
static GPtrArray *
load_sentences (void)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (XF_LAWS_DIR, 0, NULL);
  const char *name;

  g_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (XF_LAWS_DIR, name, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) parts = NULL;

      if (!g_str_has_suffix (name, ".md") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      /* Sentences end at 。 or ；, multi-byte: split on the strings */
      for (char *p = strstr (text, "；"); p != NULL; p = strstr (p, "；"))
        memcpy (p, "\n\n\n", 3);
      for (char *p = strstr (text, "。"); p != NULL; p = strstr (p, "。"))
        memcpy (p, "\n\n\n", 3);
      parts = g_strsplit (text, "\n", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *s = g_strstrip (parts[i]);
          glong n = g_utf8_strlen (s, -1);

          if (n >= 8 && n <= 80 && strchr (s, '#') == NULL && strchr (s, '"') == NULL &&
              strchr (s, '\\') == NULL && strchr (s, '<') == NULL)
            g_ptr_array_add (sentences, g_strdup (s));
        }
    }
  g_assert (sentences->len > 1000);
  return sentences;
}

static GPtrArray *
make_questions (GPtrArray *sentences,
                GRand     *rand)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < opt_questions; i++)
    {
      int roll = g_rand_int_range (rand, 0, 100);
      XfQuestionType type = roll < 40 ? XF_QUESTION_SINGLE : roll < 60 ? XF_QUESTION_MULTIPLE :
                            roll < 80 ? XF_QUESTION_TRUE_FALSE : roll < 95 ? XF_QUESTION_FILL :
                            XF_QUESTION_ESSAY;
      XfQuestion *q = xf_question_new (type);
      const char *stem = g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len));
      g_autofree char *numbered = g_strdup_printf ("%s（第%d题）", stem, i + 1);

      xf_question_set_stem (q, numbered);
      if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
        {
          for (int o = 0; o < 4; o++)
            xf_question_add_option (q, g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len)));
          xf_question_set_answer (q, type == XF_QUESTION_SINGLE ? "B" : "ACD");
        }
      else if (type == XF_QUESTION_TRUE_FALSE)
        xf_question_set_answer (q, g_rand_boolean (rand) ? "T" : "F");
      else if (type == XF_QUESTION_FILL)
        xf_question_add_accepted (q, "十五日");
      else
        xf_question_set_answer (q, g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len)));
      xf_question_set_explanation (q, g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len)));
      xf_question_set_difficulty (q, (guint)g_rand_int_range (rand, 1, 6));
      xf_question_set_category (q, categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
      xf_question_add_tag (q, tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))]);
      xf_question_add_tag (q, tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))]);
      xf_question_add_link (q, laws[g_rand_int_range (rand, 0, G_N_ELEMENTS (laws))],
                            (guint)g_rand_int_range (rand, 1, 80), 0);
      g_ptr_array_add (questions, q);
    }
  return questions;
}

/* Imports @path into a new database; returns seconds, or a negative number. */
static double
import_file (const char *dir,
             const char *path,
             const char *db_name,
             guint      *imported,
             guint      *problems)
{
  g_autofree char *db_path = g_build_filename (dir, db_name, NULL);
  g_autoptr(XfDatabase) db = xf_database_open (db_path, NULL);
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionImportReport report;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_assert (db != NULL);
  parse = xf_question_store_import_file (db, path, XF_QUESTION_FORMAT_AUTO, "bench",
                                         XF_QUESTION_IMPORT_KEEP_DUPLICATES, &report, NULL, &error);
  if (parse == NULL)
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  *imported = report.imported;
  *problems = parse->problems->len;
  xf_question_import_report_clear (&report);
  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint)ceil (p * sorted->len);

  return sorted->len == 0 ? 0 : g_array_index (sorted, double, MIN (MAX (i, 1), sorted->len) - 1);
}

static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "questions", 0, 0, G_OPTION_ARG_INT, &opt_questions, "How many questions", "N" },
    { "filters", 0, 0, G_OPTION_ARG_INT, &opt_filters, "How many filters to time", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(XfQuestionIndex) index = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *db_path = NULL;
  double json_s, csv_s, index_s, write_json_s, write_csv_s;
  guint json_n, csv_n, json_problems, csv_problems;
  gint64 start;
  guint matched = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  rand = g_rand_new_with_seed ((guint32)opt_seed);
  dir = g_dir_make_tmp ("xuefa-bench-questions-XXXXXX", &error);
  g_assert_no_error (error);
  sentences = load_sentences ();
  questions = make_questions (sentences, rand);

  json_path = g_build_filename (dir, "bank.json", NULL);
  start = g_get_monotonic_time ();
  if (!xf_question_format_export_file (XF_QUESTION_FORMAT_JSON, questions, "bench", json_path, NULL, &error))
    g_error ("%s", error->message);
  write_json_s = (g_get_monotonic_time () - start) / 1e6;
  csv_path = g_build_filename (dir, "bank.csv", NULL);
  start = g_get_monotonic_time ();
  if (!xf_question_format_export_file (XF_QUESTION_FORMAT_CSV, questions, "bench", csv_path, NULL, &error))
    g_error ("%s", error->message);
  write_csv_s = (g_get_monotonic_time () - start) / 1e6;

  json_s = import_file (dir, json_path, "json.db", &json_n, &json_problems);
  csv_s = import_file (dir, csv_path, "csv.db", &csv_n, &csv_problems);

  db_path = g_build_filename (dir, "json.db", NULL);
  db = xf_database_open (db_path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  index = xf_question_index_new (db, &error);
  g_assert_no_error (error);
  index_s = (g_get_monotonic_time () - start) / 1e6;

  for (int i = 0; i < opt_filters; i++)
    {
      XfQuestionFilter filter = XF_QUESTION_FILTER_INIT;
      const char *sentence = g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len));
      glong length = g_utf8_strlen (sentence, -1);
      int chars = (int[]){ 1, 2, 3, 4, 6 }[i % 5];
      int from = g_rand_int_range (rand, 0, (int)MAX (1, length - chars));
      const char *a = g_utf8_offset_to_pointer (sentence, from);
      const char *b = g_utf8_offset_to_pointer (a, MIN (chars, length - from));
      g_autofree char *text = g_strndup (a, b - a);
      g_autoptr(GArray) ids = NULL;
      double ms;

      /* Typing in the search entry, sometimes with a type, category or tag chosen */
      filter.text = text;
      if (i % 3 == 1)
        filter.type = g_rand_int_range (rand, 0, XF_QUESTION_N_TYPES);
      if (i % 4 == 2)
        filter.category = categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))];
      if (i % 7 == 3)
        filter.tag = tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))];
      if (i % 11 == 5)
        filter.law = laws[g_rand_int_range (rand, 0, G_N_ELEMENTS (laws))];

      start = g_get_monotonic_time ();
      ids = xf_question_index_filter (index, &filter);
      ms = (g_get_monotonic_time () - start) / 1e3;
      matched += ids->len;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);

  g_print ("{\"questions\": %d, \"write_json_s\": %.2f, \"write_csv_s\": %.2f, "
           "\"import_json_s\": %.2f, \"import_json_questions\": %u, \"import_json_problems\": %u, "
           "\"import_csv_s\": %.2f, \"import_csv_questions\": %u, \"import_csv_problems\": %u, "
           "\"index_build_s\": %.2f, \"filters\": %d, \"filter_ms\": {\"p50\": %.2f, \"p95\": %.2f, "
           "\"max\": %.2f}, \"mean_matches\": %.0f, \"rss_mb\": %.1f}\n",
           opt_questions, write_json_s, write_csv_s, json_s, json_n, json_problems,
           csv_s, csv_n, csv_problems, index_s, opt_filters,
           percentile (times, 0.5), percentile (times, 0.95), percentile (times, 1.0),
           (double)matched / MAX (opt_filters, 1), status_mb ("VmRSS:"));

  g_clear_object (&db);
  if (g_getenv ("XF_BENCH_KEEP") == NULL)
    xf_test_remove_tree (dir);
  return 0;
}
