/* xf-cli-exam.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "xf-cli.h"
#include "xf-exam-report.h"
#include "xf-exam-stats.h"
#include "xf-exam-store.h"
#include "xf-profile-manager.h"
#include "xf-question-store.h"

/* Exams headlessly: tests and automation take an exam end to end. Every
 * answer is on the disk before "saved" is printed. */

static const char *usage =
  "exam list | exam create --spec FILE.json | exam start EXAM | exam answer ATTEMPT N ANSWER | "
  "exam show ATTEMPT | exam submit ATTEMPT | exam attempts EXAM | exam stats EXAM | "
  "exam report ATTEMPT --output FILE.pdf";

/* Lookups of what the person named: a wrong name is invalid input */
static int
fail_exam (XfCli        *cli,
           const GError *error)
{
  if (error->domain == XF_EXAM_ERROR)
    return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);
  return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
}

/* A --db file has no person to ask about */
static gboolean
is_for_profile (XfCli  *cli,
                XfExam *exam)
{
  return cli->opened == NULL ||
         xf_exam_is_for (exam, xf_profile_get_name (cli->opened), xf_profile_get_department (cli->opened),
                         xf_profile_get_leader (cli->opened));
}

static guint
count_questions (XfExam *exam)
{
  guint n = exam->fixed->len;

  for (guint i = 0; i < exam->rules->len; i++)
    n += ((XfExamRule *)g_ptr_array_index (exam->rules, i))->count;
  return n;
}

static int
exam_list (XfCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "exam list");
  if (!(db = xf_cli_open_database (cli, &error)) || !(exams = xf_exam_store_list (db, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < exams->len; i++)
    {
      XfExam *exam = g_ptr_array_index (exams, i);

      if (!cli->json)
        {
          g_print ("%s\t%s\n", exam->uuid, exam->title);
          continue;
        }
      json_builder_begin_object (builder);
      xf_cli_json_add_string (builder, "id", exam->uuid);
      xf_cli_json_add_string (builder, "title", exam->title);
      xf_cli_json_add_int (builder, "time_limit_s", exam->time_limit_s);
      xf_cli_json_add_int (builder, "questions", count_questions (exam));
      xf_cli_json_add_double (builder, "total", xf_exam_rules_total (exam));
      xf_cli_json_add_double (builder, "pass_mark", exam->pass_mark);
      xf_cli_json_add_int (builder, "attempts", exam->attempts);
      xf_cli_json_add_boolean (builder, "builtin", exam->builtin);
      xf_cli_json_add_boolean (builder, "for_profile", is_for_profile (cli, exam));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (cli->json)
    xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static int
exam_create (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GPtrArray) shortfalls = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *spec = NULL;
  g_autofree char *text = NULL;
  gsize len;
  GOptionEntry entries[] = {
    { "spec", 0, 0, G_OPTION_ARG_FILENAME, &spec, N_("The exam, as docs/exam-format.md describes"), N_("FILE") },
    { NULL }
  };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1 || spec == NULL)
    return xf_cli_usage (cli, "exam create --spec FILE.json");
  if (!g_file_get_contents (spec, &text, &len, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  exam = xf_exam_from_json (text, (gssize)len, &error);
  if (exam == NULL)
    {
      g_prefix_error (&error, "%s: ", spec);
      return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);
    }
  if (!(db = xf_cli_open_database (cli, &error)) ||
      !(shortfalls = xf_exam_store_check_rules (db, exam, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (shortfalls->len > 0)
    {
      for (guint i = 0; i < shortfalls->len; i++)
        g_printerr ("%s: %s\n", spec, (const char *)g_ptr_array_index (shortfalls, i));
      return XF_CLI_EXIT_INVALID;
    }
  if (!xf_exam_store_save (db, exam, &error))
    return fail_exam (cli, error);

  if (!cli->json)
    {
      xf_cli_message (cli, _("Exam “%s” saved (%s)"), exam->title, exam->uuid);
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "id", exam->uuid);
  xf_cli_json_add_string (builder, "title", exam->title);
  xf_cli_json_add_int (builder, "questions", count_questions (exam));
  xf_cli_json_add_double (builder, "total", xf_exam_rules_total (exam));
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static void
add_question (JsonBuilder *builder,
              guint        n,
              XfExamItem  *item,
              XfQuestion  *question)
{
  json_builder_begin_object (builder);
  xf_cli_json_add_int (builder, "n", n);
  xf_cli_json_add_string (builder, "id", item->question);
  xf_cli_json_add_string (builder, "type", xf_question_type_to_string (item->type));
  xf_cli_json_add_string (builder, "stem", xf_question_get_stem (question));
  xf_cli_json_add_double (builder, "score", item->score);
  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; i < item->n_options; i++)
    json_builder_add_string_value (builder, xf_question_get_option (question, item->order[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static int
exam_start (XfCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "exam start EXAM");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(exam = xf_exam_store_get (db, argv[1], &error)))
    return fail_exam (cli, error);
  if (!is_for_profile (cli, exam))
    {
      g_autofree char *audience = xf_exam_dup_audience_label (exam);

      g_set_error (&error, XF_EXAM_ERROR, XF_EXAM_ERROR_NOT_FOR_PROFILE,
                   _("“%s” is for %s only; the profile “%s” is not among them"),
                   exam->title, audience, cli->profile_name);
      return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
    }
  if (!(attempt = xf_exam_store_start (db, exam, cli->profile_name, rand, g_get_real_time (), &error)))
    return fail_exam (cli, error);
  if (!(questions = xf_exam_store_load_questions (db, attempt->paper, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (!cli->json)
    {
      g_print ("%s\n", attempt->uuid);
      for (guint i = 0; i < questions->len; i++)
        {
          XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
          XfQuestion *question = g_ptr_array_index (questions, i);

          g_print ("%u. [%s] %s\n", i + 1, xf_question_type_to_label (item->type), xf_question_get_stem (question));
          for (guint o = 0; o < item->n_options; o++)
            g_print ("   %c. %s\n", 'A' + o, xf_question_get_option (question, item->order[o]));
        }
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "attempt", attempt->uuid);
  xf_cli_json_add_int (builder, "time_limit_s", exam->time_limit_s);
  xf_cli_json_add_double (builder, "total", xf_exam_paper_get_total (attempt->paper));
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    add_question (builder, i + 1, g_ptr_array_index (attempt->paper->items, i), g_ptr_array_index (questions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static int
exam_answer (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  guint64 n = 0;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 4 || !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &n, NULL))
    return xf_cli_usage (cli, "exam answer ATTEMPT N ANSWER");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!xf_exam_store_answer (db, argv[1], (guint)n, argv[3], g_get_real_time (), &error))
    return fail_exam (cli, error);

  /* Committed: only now is it said */
  if (!cli->json)
    {
      xf_cli_message (cli, _("Answer %u saved"), (guint)n);
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  xf_cli_json_add_boolean (builder, "saved", TRUE);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static void
add_attempt (JsonBuilder *builder,
             XfAttempt   *attempt)
{
  xf_cli_json_add_string (builder, "attempt", attempt->uuid);
  xf_cli_json_add_string (builder, "exam", attempt->exam);
  xf_cli_json_add_string (builder, "profile", attempt->profile);
  xf_cli_json_add_string (builder, "state", attempt->state == XF_ATTEMPT_SUBMITTED ? "submitted" : "in-progress");
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < attempt->answers->len; i++)
    {
      const char *answer = g_ptr_array_index (attempt->answers, i);
      char n[16];

      if (answer == NULL)
        continue;
      g_snprintf (n, sizeof n, "%u", i + 1);
      xf_cli_json_add_string (builder, n, answer);
    }
  json_builder_end_object (builder);
  xf_cli_json_add_int (builder, "questions", attempt->paper->items->len);
  xf_cli_json_add_int (builder, "elapsed_s", attempt->elapsed_us / G_USEC_PER_SEC);
  if (attempt->state == XF_ATTEMPT_SUBMITTED)
    {
      xf_cli_json_add_string (builder, "submitted_by", attempt->submitted_by);
      if (attempt->graded)
        {
          xf_cli_json_add_double (builder, "score", attempt->score);
          xf_cli_json_add_double (builder, "total", attempt->total);
          xf_cli_json_add_boolean (builder, "passed", attempt->passed);
        }
    }
}

static int
exam_show (XfCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "exam show ATTEMPT");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(attempt = xf_exam_store_get_attempt (db, argv[1], &error)))
    return fail_exam (cli, error);

  if (!cli->json)
    {
      g_print ("%s\t%s\t%u/%u\t%" G_GINT64_FORMAT " s\n", attempt->uuid,
               attempt->state == XF_ATTEMPT_SUBMITTED ? _("submitted") : _("in progress"),
               xf_attempt_get_n_answered (attempt), attempt->paper->items->len,
               attempt->elapsed_us / G_USEC_PER_SEC);
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  add_attempt (builder, attempt);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static int
exam_submit (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "exam submit ATTEMPT");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(result = xf_exam_store_submit (db, argv[1], XF_ATTEMPT_SUBMITTED_BY_PERSON, g_get_real_time (), &error)))
    return fail_exam (cli, error);

  if (!cli->json)
    {
      g_print ("%g / %g\t%s\n", result->score, result->total, result->passed ? _("passed") : _("not passed"));
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  xf_cli_json_add_double (builder, "score", result->score);
  xf_cli_json_add_double (builder, "total", result->total);
  xf_cli_json_add_boolean (builder, "passed", result->passed);
  xf_cli_json_add_int (builder, "right", result->right);
  xf_cli_json_add_int (builder, "wrong", result->wrong);
  xf_cli_json_add_int (builder, "unanswered", result->unanswered);
  xf_cli_json_add_int (builder, "pending", result->pending);
  json_builder_set_member_name (builder, "by_type");
  json_builder_begin_object (builder);
  for (guint t = 0; t < XF_QUESTION_N_TYPES; t++)
    {
      if (result->type_total[t] <= 0)
        continue;
      json_builder_set_member_name (builder, xf_question_type_to_string (t));
      json_builder_begin_object (builder);
      xf_cli_json_add_double (builder, "score", result->type_score[t]);
      xf_cli_json_add_double (builder, "total", result->type_total[t]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static int
exam_attempts (XfCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "exam attempts EXAM");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(exam = xf_exam_store_get (db, argv[1], &error)) ||
      !(attempts = xf_exam_store_list_attempts (db, exam->uuid, NULL, &error)))
    return fail_exam (cli, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < attempts->len; i++)
    {
      XfAttempt *attempt = g_ptr_array_index (attempts, i);

      if (!cli->json)
        {
          g_print ("%s\t%s\t%g\n", attempt->uuid,
                   attempt->state == XF_ATTEMPT_SUBMITTED ? _("submitted") : _("in progress"), attempt->score);
          continue;
        }
      json_builder_begin_object (builder);
      add_attempt (builder, attempt);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (cli->json)
    xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static void
add_item_stats (JsonBuilder     *builder,
                XfExamItemStats *item)
{
  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "question", item->question);
  xf_cli_json_add_string (builder, "type", xf_question_type_to_string (item->type));
  xf_cli_json_add_string (builder, "stem", item->stem);
  xf_cli_json_add_int (builder, "attempts", item->attempts);
  xf_cli_json_add_int (builder, "answered", item->answered);
  xf_cli_json_add_double (builder, "facility", item->facility);
  json_builder_set_member_name (builder, "discrimination");
  if (isnan (item->discrimination))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, item->discrimination);
  xf_cli_json_add_boolean (builder, "negative", item->negative);
  json_builder_set_member_name (builder, "chosen");
  json_builder_begin_array (builder);
  for (guint o = 0; o < item->n_options && o < XF_QUESTION_MAX_OPTIONS; o++)
    json_builder_add_int_value (builder, item->chosen[o]);
  json_builder_end_array (builder);
  /* The key, as indexes into "chosen" */
  json_builder_set_member_name (builder, "right");
  json_builder_begin_array (builder);
  for (guint o = 0; o < XF_QUESTION_MAX_OPTIONS; o++)
    if (item->right & (1u << o))
      json_builder_add_int_value (builder, o);
  json_builder_end_array (builder);
  xf_cli_json_add_int (builder, "unanswered", item->unanswered);
  json_builder_end_object (builder);
}

/* A stem on one line, cut to what a terminal row holds */
static char *
short_stem (const char *stem)
{
  g_autofree char *line = g_strdup (stem != NULL ? stem : "");
  g_autofree char *head = NULL;

  g_strdelimit (line, "\t\r\n", ' ');
  if (g_utf8_strlen (line, -1) <= 30)
    return g_steal_pointer (&line);
  head = g_utf8_substring (line, 0, 29);
  return g_strconcat (head, "…", NULL);
}

static void
print_stats (XfExamStats *stats)
{
  gboolean negative = FALSE;

  g_print (_("Submitted attempts: %u\n"), stats->attempts);
  g_print (_("Mean: %.2f of %g points\n"), stats->mean, stats->total);
  g_print (_("Median: %g\n"), stats->median);
  g_print (_("Standard deviation: %.2f\n"), stats->stddev);
  g_print (_("Pass rate: %.1f%%\n"), stats->pass_rate * 100);
  g_print ("%s\n", _("Scores, as a share of the total:"));
  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    g_print ("  [%u%%, %u%%%c\t%u\n", b * 10, b * 10 + 10, b == XF_EXAM_STATS_BINS - 1 ? ']' : ')',
             stats->histogram[b]);
  if (stats->items->len == 0)
    return;

  g_print ("\n%s\n", _("#\tType\tFacility\tDiscrimination\tAnswered\tQuestion"));
  for (guint i = 0; i < stats->items->len; i++)
    {
      XfExamItemStats *item = g_ptr_array_index (stats->items, i);
      g_autofree char *discrimination = NULL;
      g_autofree char *stem = short_stem (item->stem);

      if (isnan (item->discrimination))
        discrimination = g_strdup ("—");
      else
        discrimination = g_strdup_printf ("%.1f%s", item->discrimination, item->negative ? " *" : "");
      negative = negative || item->negative;
      g_print ("%u\t%s\t%.1f\t%s\t%u/%u\t%s\n", i + 1, xf_question_type_to_label (item->type), item->facility,
               discrimination, item->answered, item->attempts, stem);
    }
  if (negative)
    g_print ("\n%s\n", _("* Discriminates negatively: those who scored lower overall did better on it. "
                         "Check its key and wording."));
}

static int
exam_stats (XfCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExamStats) stats = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "exam stats EXAM");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(stats = xf_exam_store_stats (db, argv[1], &error)))
    return fail_exam (cli, error);

  if (!cli->json)
    {
      print_stats (stats);
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  xf_cli_json_add_int (builder, "attempts", stats->attempts);
  xf_cli_json_add_double (builder, "mean", stats->mean);
  xf_cli_json_add_double (builder, "median", stats->median);
  xf_cli_json_add_double (builder, "stddev", stats->stddev);
  xf_cli_json_add_double (builder, "total", stats->total);
  xf_cli_json_add_double (builder, "highest", stats->highest);
  xf_cli_json_add_double (builder, "lowest", stats->lowest);
  xf_cli_json_add_double (builder, "pass_rate", stats->pass_rate);
  json_builder_set_member_name (builder, "histogram");
  json_builder_begin_array (builder);
  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    json_builder_add_int_value (builder, stats->histogram[b]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->items->len; i++)
    add_item_stats (builder, g_ptr_array_index (stats->items, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

/* The profile that took @attempt, for its name and department: the one
 * the attempt names, or else the one whose database is open. A --db file
 * stands alone and has none. */
static XfProfile *
find_profile (XfCli     *cli,
              XfAttempt *attempt)
{
  g_autoptr(XfProfileManager) manager = NULL;
  XfProfile *profile;

  if (cli->db_path != NULL)
    return NULL;
  manager = xf_profile_manager_new (g_getenv ("XUEFA_DATA_DIR"));
  if (!xf_profile_manager_load (manager, NULL))
    return NULL;
  if (attempt->profile != NULL && attempt->profile[0] != '\0')
    profile = xf_profile_manager_find (manager, attempt->profile);
  else if (cli->profile != NULL)
    profile = xf_profile_manager_find (manager, cli->profile);
  else
    profile = xf_profile_manager_get_last (manager);
  return profile != NULL ? g_object_ref (profile) : NULL;
}

static int
exam_report (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(XfExamReport) report = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *output = NULL;
  g_autoptr(XfProfile) profile = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };
  XfDatabase *db;
  guint n_pages;

  if (!xf_cli_parse_options (cli, "ATTEMPT", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2 || output == NULL || output[0] == '\0')
    return xf_cli_usage (cli, "exam report ATTEMPT --output FILE.pdf");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(attempt = xf_exam_store_get_attempt (db, argv[1], &error)) ||
      !(exam = xf_exam_store_get (db, attempt->exam, &error)))
    return fail_exam (cli, error);
  if (attempt->state != XF_ATTEMPT_SUBMITTED)
    {
      g_set_error (&error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                   _("Attempt %s is not submitted yet: submit it first with “xuefactl exam submit %s”"),
                   attempt->uuid, attempt->uuid);
      return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
    }
  profile = find_profile (cli, attempt);
  if (!(questions = xf_exam_store_load_questions (db, attempt->paper, &error)) ||
      !(result = xf_exam_store_grade_attempt (db, attempt, &error)) ||
      !(report = xf_exam_report_new (exam, attempt, result, questions,
                                     profile != NULL ? xf_profile_get_name (profile) : NULL,
                                     profile != NULL ? xf_profile_get_department (profile) : NULL,
                                     g_get_real_time (), &error)) ||
      !xf_exam_report_write_pdf (report, output, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  n_pages = xf_exam_report_get_n_pages (report);

  if (!cli->json)
    {
      xf_cli_message (cli, g_dngettext (GETTEXT_PACKAGE, "Score report written to %s (%u page)",
                                        "Score report written to %s (%u pages)", n_pages),
                      output, n_pages);
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "written", output);
  xf_cli_json_add_int (builder, "pages", n_pages);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

int
xf_cli_exam_command (XfCli  *cli,
                     int     argc,
                     char  **argv)
{
  static const struct
  {
    const char *name;
    XfCliCommandFunc func;
  } subcommands[] = {
    { "list", exam_list },
    { "create", exam_create },
    { "start", exam_start },
    { "answer", exam_answer },
    { "show", exam_show },
    { "submit", exam_submit },
    { "attempts", exam_attempts },
    { "stats", exam_stats },
    { "report", exam_report },
  };

  if (argc < 2)
    return xf_cli_usage (cli, usage);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (cli, argc - 1, argv + 1);
  return xf_cli_usage (cli, usage);
}
