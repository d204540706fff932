/* test-cli-mistakes.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "cli-test-utils.h"
#include "test-utils.h"

#include <string.h>
#include <json-glib/json-glib.h>

/* xf-cli-mistakes.c's commands: an exam taken with xuefactl puts its wrong
 * and unanswered questions in the 错题本, which is listed, and emptied by
 * hand one question and then all at once. */

typedef XfCliFixture Fixture;

#define run(fixture, ...) xf_cli_fixture_run (fixture, TRUE, NULL, __VA_ARGS__, NULL)
#define parse(text) xf_test_parse_json (text)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  xf_cli_fixture_init (fixture, "cli-mistakes");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  xf_cli_fixture_clear (fixture);
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* 单选第N题 has the answer "ABCD"[N % 4]; 判断第N题 is true for odd N */
static const char *bank_json =
  "{\"format\": \"xuefa-questions\", \"bank\": {\"title\": \"错题题库\"}, \"questions\": [\n"
  "{\"type\": \"single\", \"stem\": \"单选第1题\", \"options\": [\"甲\", \"乙\", \"丙\", \"丁\"], \"answer\": \"B\"},\n"
  "{\"type\": \"single\", \"stem\": \"单选第2题\", \"options\": [\"甲\", \"乙\", \"丙\", \"丁\"], \"answer\": \"C\"},\n"
  "{\"type\": \"single\", \"stem\": \"单选第3题\", \"options\": [\"甲\", \"乙\", \"丙\", \"丁\"], \"answer\": \"D\"},\n"
  "{\"type\": \"single\", \"stem\": \"单选第4题\", \"options\": [\"甲\", \"乙\", \"丙\", \"丁\"], \"answer\": \"A\"},\n"
  "{\"type\": \"truefalse\", \"stem\": \"判断第1题\", \"answer\": \"T\"},\n"
  "{\"type\": \"truefalse\", \"stem\": \"判断第2题\", \"answer\": \"F\"}\n"
  "]}\n";

static const char *spec_json =
  "{\"format\": \"xuefa-exam\", \"version\": 1, \"title\": \"错题考试\", \"pass_mark\": 3, \"attempts\": 0,\n"
  " \"shuffle_questions\": true, \"shuffle_options\": false,\n"
  " \"rules\": [{\"type\": \"single\", \"count\": 4, \"score\": 1},\n"
  "           {\"type\": \"truefalse\", \"count\": 2, \"score\": 1}]}\n";

static JsonObject *
find (JsonArray  *array,
      const char *uuid)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "question"), uuid) == 0)
        return object;
    }
  return NULL;
}

static JsonNode *
list (Fixture  *fixture,
      gboolean  all)
{
  g_auto(XfCliRun) r = all ? run (fixture, "--json", "mistakes", "list", "--all")
                      : run (fixture, "--json", "mistakes", "list");

  g_assert_cmpint (r.status, ==, 0);
  return parse (r.out);
}

static void
test_mistakes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) wrong = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *attempt = NULL;
  g_autofree char *removed = NULL;
  JsonArray *questions;
  JsonArray *mistakes;

  write_file (fixture, "bank.json", bank_json);
  write_file (fixture, "spec.json", spec_json);
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json");

    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "create", "--spec", "spec.json");

    g_assert_cmpint (r.status, ==, 0);
  }

  /* Empty to begin with */
  root = list (fixture, TRUE);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "start", "错题考试");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
  }
  attempt = g_strdup (json_object_get_string_member (json_node_get_object (root), "attempt"));
  questions = json_object_get_array_member (json_node_get_object (root), "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 6);

  /* 单选第1题 and 判断第2题 wrong, 单选第3题 left out, the rest right */
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      const char *stem = json_object_get_string_member (question, "stem");
      const char *id = json_object_get_string_member (question, "id");
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      const char *answer;
      g_auto(XfCliRun) r = { 0 };

      if (g_str_equal (stem, "单选第1题"))
        answer = "C";
      else if (g_str_equal (stem, "单选第2题"))
        answer = "C";
      else if (g_str_equal (stem, "单选第3题"))
        answer = NULL;
      else if (g_str_equal (stem, "单选第4题"))
        answer = "A";
      else if (g_str_equal (stem, "判断第1题"))
        answer = "对";
      else
        answer = "对";
      if (g_str_equal (stem, "单选第1题") || g_str_equal (stem, "判断第2题"))
        g_hash_table_insert (wrong, g_strdup (id), g_strdup (g_str_equal (stem, "单选第1题") ? "C" : "T"));
      if (g_str_equal (stem, "单选第3题"))
        g_hash_table_insert (wrong, g_strdup (id), NULL);
      if (answer == NULL)
        continue;
      r = run (fixture, "--json", "exam", "answer", attempt, n, answer);
      g_assert_cmpint (r.status, ==, 0);
    }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "exam", "submit", attempt);

    g_assert_cmpint (r.status, ==, 0);
  }
  g_clear_pointer (&root, json_node_unref);

  /* Exactly the wrong and unanswered questions, with what was given */
  root = list (fixture, FALSE);
  mistakes = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (mistakes), ==, 3);
  for (guint i = 0; i < json_array_get_length (mistakes); i++)
    {
      JsonObject *mistake = json_array_get_object_element (mistakes, i);
      const char *uuid = json_object_get_string_member (mistake, "question");
      const char *given;
      const char *last_wrong = json_object_get_string_member (mistake, "last_wrong");

      g_assert_true (g_hash_table_lookup_extended (wrong, uuid, NULL, (gpointer *)&given));
      if (given != NULL)
        g_assert_cmpstr (json_object_get_string_member (mistake, "answer"), ==, given);
      else
        g_assert_true (json_object_get_null_member (mistake, "answer"));
      g_assert_cmpint (json_object_get_int_member (mistake, "version"), ==, 1);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (mistake, "stem"), "单选第") ||
                     g_str_has_prefix (json_object_get_string_member (mistake, "stem"), "判断第"));
      g_assert_cmpstr (json_object_get_string_member (mistake, "type"), ==,
                       g_str_has_prefix (json_object_get_string_member (mistake, "stem"), "单选") ? "single" : "truefalse");
      g_assert_cmpint (json_object_get_int_member (mistake, "times_wrong"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (mistake, "right_days"), ==, 0);
      g_assert_true (g_str_has_suffix (last_wrong, "Z"));
      g_assert_cmpuint (strlen (last_wrong), ==, strlen ("2026-06-01T02:00:00Z"));
      g_assert_cmpstr (json_object_get_string_member (mistake, "source"), ==, "exam");
      g_assert_cmpstr (json_object_get_string_member (mistake, "source_id"), ==, attempt);
      g_assert_cmpstr (json_object_get_string_member (mistake, "source_title"), ==, "错题考试");
      g_assert_true (json_object_get_null_member (mistake, "removed"));
    }
  removed = g_strdup (json_object_get_string_member (json_array_get_object_element (mistakes, 0), "question"));
  g_clear_pointer (&root, json_node_unref);

  /* A UUID the book never held: invalid input, nothing removed */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "mistakes", "remove", removed, "00000000-0000-0000-0000-000000000000");

    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, "00000000-0000-0000-0000-000000000000"));
  }
  root = list (fixture, FALSE);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  g_clear_pointer (&root, json_node_unref);

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "mistakes", "remove", removed);
    g_autoptr(JsonNode) result = NULL;

    g_assert_cmpint (r.status, ==, 0);
    result = parse (r.out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "removed"), ==, 1);
  }
  root = list (fixture, FALSE);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  g_assert_null (find (json_node_get_array (root), removed));
  g_clear_pointer (&root, json_node_unref);
  root = list (fixture, TRUE);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (find (json_node_get_array (root), removed), "removed"), ==,
                   "person");
  g_clear_pointer (&root, json_node_unref);

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "mistakes", "clear");
    g_autoptr(JsonNode) result = NULL;

    g_assert_cmpint (r.status, ==, 0);
    result = parse (r.out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "removed"), ==, 2);
  }
  root = list (fixture, FALSE);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  /* Without --json: a line a question, and a message on stderr */
  {
    g_auto(XfCliRun) r = run (fixture, "mistakes", "list", "--all");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, removed));
    g_assert_nonnull (strstr (r.out, "person"));
  }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  {
    g_auto(XfCliRun) r = run (fixture, "mistakes");

    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "mistakes", "remove");

    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "mistakes", "list", "extra");

    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "mistakes", "practise");

    g_assert_cmpint (r.status, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-mistakes/list-remove-clear", Fixture, NULL, fixture_setup, test_mistakes, fixture_teardown);
  g_test_add ("/cli-mistakes/usage", Fixture, NULL, fixture_setup, test_usage, fixture_teardown);

  return g_test_run ();
}
