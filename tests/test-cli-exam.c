/* test-cli-exam.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "cli-test-utils.h"
#include "test-utils.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef XfCliFixture Fixture;

#define run(fixture, ...) xf_cli_fixture_run (fixture, TRUE, NULL, __VA_ARGS__, NULL)
#define parse(text) xf_test_parse_json (text)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  xf_cli_fixture_init (fixture, "cli-exam");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  xf_cli_fixture_clear (fixture);
}

/* xf-cli-exam.c's commands, run as a script would: a bank is imported, an
 * exam created from a spec, then taken to the end with the right answers
 * looked up through `questions show`. */

static char *
make_bank (void)
{
  GString *json = g_string_new ("{\"format\": \"xuefa-questions\", \"bank\": {\"title\": \"考试题库\"}, \"questions\": [\n");

  for (guint i = 1; i <= 12; i++)
    g_string_append_printf (json, "{\"type\": \"single\", \"stem\": \"单选第%u题\", \"options\": [\"甲%u\", \"乙%u\", \"丙%u\", \"丁%u\"], "
                                  "\"answer\": \"%c\"},\n", i, i, i, i, i, "ABCD"[i % 4]);
  for (guint i = 1; i <= 6; i++)
    g_string_append_printf (json, "{\"type\": \"truefalse\", \"stem\": \"判断第%u题\", \"answer\": \"%s\"},\n",
                            i, i % 2 ? "T" : "F");
  for (guint i = 1; i <= 3; i++)
    g_string_append_printf (json, "{\"type\": \"fill\", \"stem\": \"填空第%u题（ ）\", \"accepted\": [\"%u日\"]}%s\n",
                            i, i * 10, i < 3 ? "," : "");
  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

static const char *spec_json =
  "{\"format\": \"xuefa-exam\", \"version\": 1, \"title\": \"命令行考试\", \"time_limit_minutes\": 10,\n"
  " \"pass_mark\": 30, \"attempts\": 1, \"shuffle_questions\": true, \"shuffle_options\": true,\n"
  " \"rules\": [{\"type\": \"single\", \"count\": 10, \"score\": 2},\n"
  "           {\"type\": \"truefalse\", \"count\": 5, \"score\": 2},\n"
  "           {\"type\": \"fill\", \"count\": 2, \"score\": 5}]}\n";

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* The shown letter of the right answer (or the text, for 填空) */
static char *
right_answer (Fixture    *fixture,
              JsonObject *question)
{
  const char *id = json_object_get_string_member (question, "id");
  const char *type = json_object_get_string_member (question, "type");
  JsonArray *shown = json_object_get_array_member (question, "options");
  g_auto(XfCliRun) r = run (fixture, "--json", "questions", "show", id);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *stored;
  JsonArray *options;
  const char *answer;
  const char *right;

  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  stored = json_node_get_object (root);
  answer = json_object_get_string_member (stored, "answer");
  if (g_str_equal (type, "truefalse"))
    return g_strdup (answer);
  if (g_str_equal (type, "fill"))
    return g_strdup (json_array_get_string_element (json_object_get_array_member (stored, "accepted"), 0));
  options = json_object_get_array_member (stored, "options");
  right = json_array_get_string_element (options, answer[0] - 'A');
  for (guint i = 0; i < json_array_get_length (shown); i++)
    if (g_str_equal (json_array_get_string_element (shown, i), right))
      return g_strdup_printf ("%c", 'A' + i);
  g_assert_not_reached ();
}

static void
test_take (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *bank = make_bank ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *exam_id = NULL;
  g_autofree char *attempt = NULL;
  JsonObject *object;
  JsonArray *questions;
  guint wrong_single = 0;
  gboolean skipped = FALSE;

  write_file (fixture, "bank.json", bank);
  write_file (fixture, "spec.json", spec_json);
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json");

    g_assert_cmpint (r.status, ==, 0);
  }

  /* A spec the banks cannot meet is refused, naming the rule */
  {
    g_autofree char *greedy = g_strdup (spec_json);
    g_auto(XfCliRun) r = { 0 };

    memcpy (strstr (greedy, "\"count\": 10"), "\"count\": 20", strlen ("\"count\": 20"));
    write_file (fixture, "greedy.json", greedy);
    r = run (fixture, "--json", "exam", "create", "--spec", "greedy.json");
    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, "greedy.json"));
    g_assert_nonnull (strstr (r.err, "12"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "create", "--spec", "spec.json");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    object = json_node_get_object (root);
    exam_id = g_strdup (json_object_get_string_member (object, "id"));
    g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 40);
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "list");
    JsonObject *listed;

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    listed = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpstr (json_object_get_string_member (listed, "id"), ==, exam_id);
    g_assert_cmpstr (json_object_get_string_member (listed, "title"), ==, "命令行考试");
    g_clear_pointer (&root, json_node_unref);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "start", "命令行考试");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
  }
  object = json_node_get_object (root);
  attempt = g_strdup (json_object_get_string_member (object, "attempt"));
  g_assert_cmpint (json_object_get_int_member (object, "time_limit_s"), ==, 600);
  questions = json_object_get_array_member (object, "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 17);

  /* Right answers, but for two 单选 answered wrong and one 判断 left out */
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      const char *type = json_object_get_string_member (question, "type");
      g_autofree char *answer = right_answer (fixture, question);
      g_autofree char *n = g_strdup_printf ("%u", (guint)json_object_get_int_member (question, "n"));
      g_auto(XfCliRun) r = { 0 };

      g_assert_cmpint (json_object_get_int_member (question, "n"), ==, i + 1);
      if (g_str_equal (type, "truefalse") && !skipped)
        {
          skipped = TRUE;
          continue;
        }
      if (g_str_equal (type, "single") && wrong_single < 2)
        {
          answer[0] = answer[0] == 'A' ? 'B' : 'A';
          wrong_single++;
        }
      r = run (fixture, "--json", "exam", "answer", attempt, n, answer);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (g_strstrip (r.out), ==, "{\"saved\":true}");
      g_hash_table_insert (given, g_steal_pointer (&n), g_steal_pointer (&answer));
    }

  /* Bad answers are refused as invalid input */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "answer", attempt, "1", "Z");

    g_assert_cmpint (r.status, ==, 3);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "answer", attempt, "99", "A");

    g_assert_cmpint (r.status, ==, 3);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "show", attempt);
    g_autoptr(JsonNode) shown = NULL;
    JsonObject *answers;
    GHashTableIter iter;
    gpointer key, value;

    g_assert_cmpint (r.status, ==, 0);
    shown = parse (r.out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "state"), ==, "in-progress");
    answers = json_object_get_object_member (json_node_get_object (shown), "answers");
    g_assert_cmpuint (json_object_get_size (answers), ==, 16);
    g_hash_table_iter_init (&iter, given);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_assert_cmpstr (json_object_get_string_member (answers, key), ==, value);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (shown), "elapsed_s"), >=, 0);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "submit", attempt);
    g_autoptr(JsonNode) result = NULL;
    JsonObject *by_type;

    g_assert_cmpint (r.status, ==, 0);
    result = parse (r.out);
    object = json_node_get_object (result);
    g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 40);
    g_assert_cmpfloat (json_object_get_double_member (object, "score"), ==, 40 - 2 * 2 - 2);
    g_assert_true (json_object_get_boolean_member (object, "passed"));
    g_assert_cmpint (json_object_get_int_member (object, "unanswered"), ==, 1);
    by_type = json_object_get_object_member (object, "by_type");
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (by_type, "single"), "score"), ==, 16);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (by_type, "fill"), "score"), ==, 10);
  }

  /* Submitted: it cannot change, and one attempt was allowed */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "answer", attempt, "1", "A");

    g_assert_cmpint (r.status, ==, 3);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "start", exam_id);

    g_assert_cmpint (r.status, ==, 3);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "show", attempt);
    g_autoptr(JsonNode) shown = NULL;

    g_assert_cmpint (r.status, ==, 0);
    shown = parse (r.out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (shown), "state"), ==, "submitted");
    g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (shown), "score"), ==, 34);
  }
}

/* `exam report`: a PDF of a submitted attempt, refused before it is */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *bank = make_bank ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *attempt = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "成绩单.pdf", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "report.pdf", NULL);
  g_autofree char *count = NULL;
  g_autofree char *human = NULL;
  gint64 pages;
  gsize len = 0;

  write_file (fixture, "bank.json", bank);
  write_file (fixture, "spec.json", spec_json);
  {
    g_auto(XfCliRun) imported = run (fixture, "--json", "questions", "import", "bank.json");
    g_auto(XfCliRun) created = run (fixture, "--json", "exam", "create", "--spec", "spec.json");
    g_auto(XfCliRun) started = run (fixture, "--json", "exam", "start", "命令行考试");

    g_assert_cmpint (imported.status, ==, 0);
    g_assert_cmpint (created.status, ==, 0);
    g_assert_cmpint (started.status, ==, 0);
    root = parse (started.out);
    attempt = g_strdup (json_object_get_string_member (json_node_get_object (root), "attempt"));
  }

  /* Not before it is submitted */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "report", attempt, "--output", pdf);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "not submitted"));
    g_assert_nonnull (strstr (r.err, attempt));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(XfCliRun) answered = run (fixture, "--json", "exam", "answer", attempt, "1", "A");
    g_auto(XfCliRun) submitted = run (fixture, "--json", "exam", "submit", attempt);

    g_assert_cmpint (answered.status, ==, 0);
    g_assert_cmpint (submitted.status, ==, 0);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "report", attempt, "--output", pdf);
    g_autoptr(JsonNode) written = NULL;
    JsonObject *object;

    g_assert_cmpint (r.status, ==, 0);
    written = parse (r.out);
    object = json_node_get_object (written);
    g_assert_cmpstr (json_object_get_string_member (object, "written"), ==, pdf);
    pages = json_object_get_int_member (object, "pages");
    g_assert_cmpint (pages, >=, 1);
  }
  /* The page tree counts as many pages */
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  count = g_strdup_printf ("/Count %" G_GINT64_FORMAT, pages);
  {
    gsize n = strlen (count);
    gboolean found = FALSE;

    /* The file holds compressed streams: NUL bytes are no end */
    for (gsize i = 0; i + n < len && !found; i++)
      found = memcmp (bytes + i, count, n) == 0 && !g_ascii_isdigit (bytes[i + n]);
    g_assert_true (found);
  }

  /* The human form says where it went */
  {
    g_auto(XfCliRun) r = run (fixture, "exam", "report", attempt, "-o", "again.pdf");

    g_assert_cmpint (r.status, ==, 0);
    human = g_strdup_printf ("again.pdf (%" G_GINT64_FORMAT " page%s)", pages, pages > 1 ? "s" : "");
    g_assert_nonnull (strstr (r.err, human));
  }

  /* A file that cannot be written: named, with the reason */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "report", attempt, "--output", missing);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, missing));
    g_assert_nonnull (strstr (r.err, "No such file"));
    g_assert_cmpstr (r.out, ==, "");
  }
  /* Usage and lookups */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "report", attempt);

    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "report", "no-such-attempt", "--output", pdf);

    g_assert_cmpint (r.status, ==, 3);
  }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  write_file (fixture, "broken.json", "{\"format\": \"xuefa-exam\", \"title\": ");
  {
    g_auto(XfCliRun) r = run (fixture, "exam", "create", "--spec", "broken.json");

    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, "broken.json"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "exam", "start", "没有的考试");

    g_assert_cmpint (r.status, ==, 3);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "exam", "show", "no-such-attempt");

    g_assert_cmpint (r.status, ==, 3);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "exam", "answer", "x", "zero", "A");

    g_assert_cmpint (r.status, ==, 2);
  }
}

/* `exam stats`: two attempts at a paper of all 12 单选 and all 6 判断 of
 * the bank, one with every answer right (18 of 18 points), one with
 * only the 判断 right (6), and a third left in progress. Mean and median
 * 12, sample standard deviation √((6² + 6²)/1) = √72, one pass in two;
 * each 单选 has facility 50 and discrimination 100 (its mark goes with
 * the rest of the score), each 判断 facility 100 and no discrimination. */
static const char *stats_spec_json =
  "{\"format\": \"xuefa-exam\", \"version\": 1, \"title\": \"统计考试\", \"pass_mark\": 12, \"attempts\": 3,\n"
  " \"shuffle_questions\": true, \"shuffle_options\": true,\n"
  " \"rules\": [{\"type\": \"single\", \"count\": 12, \"score\": 1},\n"
  "           {\"type\": \"truefalse\", \"count\": 6, \"score\": 1}]}\n";

static void
take_for_stats (Fixture  *fixture,
                gboolean  singles,
                gboolean  submit)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *attempt = NULL;
  JsonArray *questions;

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "start", "统计考试");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
  }
  attempt = g_strdup (json_object_get_string_member (json_node_get_object (root), "attempt"));
  questions = json_object_get_array_member (json_node_get_object (root), "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 18);
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      g_autofree char *answer = NULL;
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_auto(XfCliRun) r = { 0 };

      if (g_str_equal (json_object_get_string_member (question, "type"), "single") && !singles)
        continue;
      answer = right_answer (fixture, question);
      r = run (fixture, "--json", "exam", "answer", attempt, n, answer);
      g_assert_cmpint (r.status, ==, 0);
    }
  if (submit)
    {
      g_auto(XfCliRun) r = run (fixture, "--json", "exam", "submit", attempt);

      g_assert_cmpint (r.status, ==, 0);
    }
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *bank = make_bank ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *histogram;
  JsonArray *items;
  guint singles = 0, tfs = 0;

  write_file (fixture, "bank.json", bank);
  write_file (fixture, "stats.json", stats_spec_json);
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json");

    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "create", "--spec", "stats.json");

    g_assert_cmpint (r.status, ==, 0);
  }
  take_for_stats (fixture, TRUE, TRUE);
  take_for_stats (fixture, FALSE, TRUE);
  take_for_stats (fixture, TRUE, FALSE);

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "stats", "统计考试");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
  }
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "attempts"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 18);
  g_assert_cmpfloat (json_object_get_double_member (object, "mean"), ==, 12);
  g_assert_cmpfloat (json_object_get_double_member (object, "median"), ==, 12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "stddev"), sqrt (72), 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (object, "pass_rate"), ==, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (object, "highest"), ==, 18);
  g_assert_cmpfloat (json_object_get_double_member (object, "lowest"), ==, 6);
  histogram = json_object_get_array_member (object, "histogram");
  g_assert_cmpuint (json_array_get_length (histogram), ==, 10);
  for (guint b = 0; b < 10; b++)
    g_assert_cmpint (json_array_get_int_element (histogram, b), ==, b == 3 || b == 9 ? 1 : 0);

  items = json_object_get_array_member (object, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 18);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *type = json_object_get_string_member (item, "type");
      JsonArray *chosen = json_object_get_array_member (item, "chosen");
      JsonArray *right = json_object_get_array_member (item, "right");
      JsonNode *discrimination = json_object_get_member (item, "discrimination");
      gint64 sum = 0;

      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (item, "question")));
      g_assert_cmpint (json_object_get_int_member (item, "attempts"), ==, 2);
      for (guint o = 0; o < json_array_get_length (chosen); o++)
        sum += json_array_get_int_element (chosen, o);
      if (g_str_equal (type, "single"))
        {
          singles++;
          g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "stem"), "单选第"));
          g_assert_cmpint (json_object_get_int_member (item, "answered"), ==, 1);
          g_assert_cmpint (json_object_get_int_member (item, "unanswered"), ==, 1);
          g_assert_cmpfloat (json_object_get_double_member (item, "facility"), ==, 50);
          g_assert_cmpfloat_with_epsilon (json_node_get_double (discrimination), 100, 1e-9);
          g_assert_false (json_object_get_boolean_member (item, "negative"));
          g_assert_cmpuint (json_array_get_length (chosen), ==, 4);
          g_assert_cmpint (sum, ==, 1);
          /* The one answer given was right: its option is the key */
          g_assert_cmpuint (json_array_get_length (right), ==, 1);
          g_assert_cmpint (json_array_get_int_element (chosen, json_array_get_int_element (right, 0)), ==, 1);
        }
      else
        {
          tfs++;
          g_assert_cmpstr (type, ==, "truefalse");
          g_assert_cmpint (json_object_get_int_member (item, "answered"), ==, 2);
          g_assert_cmpfloat (json_object_get_double_member (item, "facility"), ==, 100);
          g_assert_true (JSON_NODE_HOLDS_NULL (discrimination));
          g_assert_cmpuint (json_array_get_length (chosen), ==, 2);
          g_assert_cmpint (sum, ==, 2);
          g_assert_cmpuint (json_array_get_length (right), ==, 1);
          g_assert_cmpint (json_array_get_int_element (chosen, json_array_get_int_element (right, 0)), ==, 2);
        }
    }
  g_assert_cmpuint (singles, ==, 12);
  g_assert_cmpuint (tfs, ==, 6);

  /* The table for a person */
  {
    g_auto(XfCliRun) r = run (fixture, "exam", "stats", "统计考试");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Submitted attempts: 2"));
    g_assert_nonnull (strstr (r.out, "Pass rate: 50.0%"));
    g_assert_nonnull (strstr (r.out, "单选第"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "stats", "没有的考试");

    g_assert_cmpint (r.status, ==, 3);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "exam", "stats");

    g_assert_cmpint (r.status, ==, 2);
  }
}

static const char *leaders_spec_json =
  "{\"format\": \"xuefa-exam\", \"version\": 1, \"uuid\": \"0b7cbb1e-54a4-4a5e-9a43-6f2f1b0c2d11\",\n"
  " \"title\": \"领导干部述法测试\", \"time_limit_minutes\": 10, \"pass_mark\": 1,\n"
  " \"audience\": [\"leaders\"], \"rules\": [{\"type\": \"truefalse\", \"count\": 2, \"score\": 1}]}\n";

/* Without --profile or --db, xuefactl opens the last profile and records
 * an attempt under its name, as the app does, so both count the same
 * attempts. */
static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *exam = NULL;
  g_autofree char *attempt = NULL;
  g_autofree char *leaders = NULL;
  g_autofree char *spec = g_build_filename (fixture->dir, "leaders.json", NULL);
  JsonArray *attempts;

  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "profile", "create", "李四", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--json", "exam", "list", NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    exam = g_strdup (json_object_get_string_member (json_array_get_object_element (json_node_get_array (root), 0), "id"));
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--json", "exam", "start", exam, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    attempt = g_strdup (json_object_get_string_member (json_node_get_object (root), "attempt"));
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--json", "exam", "attempts", exam, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    attempts = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (attempts), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attempts, 0), "attempt"), ==, attempt);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attempts, 0), "profile"), ==, "李四");
    g_clear_pointer (&root, json_node_unref);
  }

  /* An exam for leading cadres: 李四 is not one, 王五 is */
  g_assert_true (g_file_set_contents (spec, leaders_spec_json, -1, NULL));
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--json", "exam", "create", "--spec", spec, NULL);
    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    leaders = g_strdup (json_object_get_string_member (json_node_get_object (root), "id"));
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--json", "exam", "list", NULL);
    root = parse (r.out);
    for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
      {
        JsonObject *object = json_array_get_object_element (json_node_get_array (root), i);

        g_assert_cmpint (json_object_get_boolean_member (object, "for_profile"), ==,
                         g_strcmp0 (json_object_get_string_member (object, "id"), leaders) != 0);
      }
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--json", "exam", "start", leaders, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "is for leading cadres only; the profile “李四” is not among them"));
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "profile", "create", "王五", "--leader", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--profile", "王五", "--json", "exam", "create", "--spec", spec, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, FALSE, NULL, "--profile", "王五", "--json", "exam", "start", leaders, NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-exam/take", Fixture, NULL, fixture_setup, test_take, fixture_teardown);
  g_test_add ("/cli-exam/stats", Fixture, NULL, fixture_setup, test_stats, fixture_teardown);
  g_test_add ("/cli-exam/profile", Fixture, NULL, fixture_setup, test_profile, fixture_teardown);
  g_test_add ("/cli-exam/report", Fixture, NULL, fixture_setup, test_report, fixture_teardown);
  g_test_add ("/cli-exam/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);

  return g_test_run ();
}
