/* test-cli-practice.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "cli-test-utils.h"
#include "xf-database.h"

#include <string.h>
#include <json-glib/json-glib.h>

/* xf-cli-practice.c's commands on a database with two laws, a knowledge
 * list citing one article, and a bank of four questions imported with
 * xuefactl: the sources and their counts, draws from each, and answers
 * that land in the 错题本 and the study log. */

typedef XfCliFixture Fixture;

#define run(fixture, ...) xf_cli_fixture_run (fixture, TRUE, NULL, __VA_ARGS__, NULL)
#define parse(text) xf_test_parse_json (text)

static const char *bank_json =
  "{\"format\": \"xuefa-questions\", \"bank\": {\"title\": \"练习题库\"}, \"questions\": [\n"
  "{\"type\": \"single\", \"stem\": \"从轻处罚的情形？\", \"options\": [\"甲\", \"乙\", \"丙\", \"丁\"], \"answer\": \"B\",\n"
  " \"explanation\": \"依照第三十二条。\", \"category\": \"行政法/行政处罚\",\n"
  " \"links\": [{\"law\": \"中华人民共和国行政处罚法\", \"article\": 32, \"sub\": 0}]},\n"
  "{\"type\": \"truefalse\", \"stem\": \"轻微违法及时改正可不予处罚。\", \"answer\": \"T\", \"category\": \"行政法\",\n"
  " \"links\": [{\"law\": \"行政处罚法\", \"article\": 33, \"sub\": 0}]},\n"
  "{\"type\": \"single\", \"stem\": \"宪法的地位？\", \"options\": [\"根本法\", \"普通法\"], \"answer\": \"A\",\n"
  " \"category\": \"宪法\", \"links\": [{\"law\": \"中华人民共和国宪法\", \"article\": 5, \"sub\": 0}]},\n"
  "{\"type\": \"essay\", \"stem\": \"简述从轻处罚。\", \"answer\": \"参考答案\", \"category\": \"行政法\"}\n"
  "]}\n";

static void
sql (XfDatabase *db,
     const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_database_exec (db, text, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = NULL;
  g_autofree char *bank = NULL;

  xf_cli_fixture_init (fixture, "cli-practice");
  db = xf_database_open (fixture->db, &error);
  g_assert_no_error (error);
  sql (db, "INSERT INTO laws (id, uuid, title, version_date, imported_at) VALUES "
           "(1, 'law-1', '中华人民共和国行政处罚法', '2021-01-22', 0), (2, 'law-2', '中华人民共和国宪法', '2018-03-11', 0);"
           "INSERT INTO articles (law_id, number, label, body, position) VALUES "
           "(1, 32, '第三十二条', '当事人有下列情形之一，应当从轻或者减轻行政处罚。', 1),"
           "(1, 33, '第三十三条', '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。', 2),"
           "(2, 5, '第五条', '一切法律、行政法规和地方性法规都不得同宪法相抵触。', 1);"
           "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) VALUES "
           "(1, 'list-1', '行政执法清单', 2026, 'all', 0, 0);"
           "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number) VALUES "
           "('item-1', 1, 0, 'must', '中华人民共和国宪法', 5);");
  g_clear_object (&db);

  bank = g_build_filename (fixture->dir, "bank.json", NULL);
  g_assert_true (g_file_set_contents (bank, bank_json, -1, NULL));
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json");

    g_assert_cmpint (r.status, ==, 0);
  }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  xf_cli_fixture_clear (fixture);
}

static gint64
member_count (JsonArray  *array,
              const char *name_member,
              const char *name)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, name_member), name) == 0)
        return json_object_get_int_member (object, "questions");
    }
  return -1;
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(XfCliRun) r = run (fixture, "--json", "practice", "list-sources");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *lists;

  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  object = json_node_get_object (root);
  lists = json_object_get_array_member (object, "lists");
  g_assert_cmpuint (json_array_get_length (lists), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lists, 0), "uuid"), ==, "list-1");
  g_assert_cmpint (member_count (lists, "title", "行政执法清单"), ==, 1);
  g_assert_cmpint (member_count (json_object_get_array_member (object, "laws"), "title", "中华人民共和国行政处罚法"), ==, 2);
  g_assert_cmpint (member_count (json_object_get_array_member (object, "laws"), "title", "中华人民共和国宪法"), ==, 1);
  /* The 简答 is not counted: practice leaves it out */
  g_assert_cmpint (member_count (json_object_get_array_member (object, "categories"), "path", "行政法"), ==, 2);
  g_assert_cmpint (member_count (json_object_get_array_member (object, "categories"), "path", "行政法/行政处罚"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "mistakes"), ==, 0);
}

static JsonArray *
draw (Fixture    *fixture,
      JsonNode  **root,
      const char *option,
      const char *value)
{
  g_auto(XfCliRun) r = value != NULL ? run (fixture, "--json", "practice", "draw", option, value, "--seed", "9")
                                     : run (fixture, "--json", "practice", "draw", option, "--seed", "9");

  g_assert_cmpint (r.status, ==, 0);
  *root = parse (r.out);
  return json_node_get_array (*root);
}

static void
test_draw (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;
  JsonArray *questions;

  questions = draw (fixture, &a, "--list", "list-1");
  g_assert_cmpuint (json_array_get_length (questions), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (questions, 0), "stem"), ==, "宪法的地位？");

  questions = draw (fixture, &b, "--law", "行政处罚法");
  g_assert_cmpuint (json_array_get_length (questions), ==, 2);

  questions = draw (fixture, &c, "--category", "行政法");
  g_assert_cmpuint (json_array_get_length (questions), ==, 2);
  /* The same seed draws the same order */
  {
    g_autoptr(JsonNode) again = NULL;
    JsonArray *second = draw (fixture, &again, "--category", "行政法");

    for (guint i = 0; i < 2; i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (questions, i), "uuid"), ==,
                       json_object_get_string_member (json_array_get_object_element (second, i), "uuid"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "draw", "--category", "行政法", "--count", "1");

    g_assert_cmpint (r.status, ==, 0);
    d = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (d)), ==, 1);
  }

  /* Nothing to practise: the reason and what to do */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "draw", "--mistakes");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "mistake book is empty"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "draw", "--law", "中华人民共和国民法典");

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "import a question bank"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "draw", "--list", "no-such-list");

    g_assert_cmpint (r.status, ==, 3);
  }
  /* One source exactly */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "draw", "--mistakes", "--law", "宪法");

    g_assert_cmpint (r.status, ==, 2);
  }
  /* Due first: a question answered wrong comes before the others */
  {
    JsonObject *last = json_array_get_object_element (questions, json_array_get_length (questions) - 1);
    const char *wrong = json_object_get_string_member (last, "uuid");
    g_auto(XfCliRun) answered = run (fixture, "--json", "practice", "answer", wrong,
                                     g_str_equal (json_object_get_string_member (last, "type"), "truefalse") ? "F" : "C");
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "draw", "--category", "行政法", "--order", "due",
                              "--seed", "5");
    g_auto(XfCliRun) bad = run (fixture, "--json", "practice", "draw", "--category", "行政法", "--order", "soon");
    g_autoptr(JsonNode) ordered = NULL;

    g_assert_cmpint (answered.status, ==, 0);
    g_assert_cmpint (r.status, ==, 0);
    ordered = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (ordered)), ==, json_array_get_length (questions));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (ordered), 0),
                                                    "uuid"), ==, wrong);
    g_assert_cmpint (bad.status, ==, 2);
  }
}

static void
test_answer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonNode) drawn = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) mistakes = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *object;
  JsonArray *articles;

  draw (fixture, &drawn, "--category", "行政法/行政处罚");
  uuid = g_strdup (json_object_get_string_member (json_array_get_object_element (json_node_get_array (drawn), 0), "uuid"));

  /* A letter the question does not have: refused, nothing written */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "answer", uuid, "Z");

    g_assert_cmpint (r.status, ==, 3);
    g_assert_cmpstr (r.out, ==, "");
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "mistakes", "list");

    g_assert_cmpint (r.status, ==, 0);
    mistakes = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (mistakes)), ==, 0);
    g_clear_pointer (&mistakes, json_node_unref);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "answer", uuid, "ｃ", "--session", "practice-1");

    g_assert_cmpint (r.status, ==, 0);
    result = parse (r.out);
  }
  object = json_node_get_object (result);
  g_assert_false (json_object_get_boolean_member (object, "correct"));
  g_assert_cmpstr (json_object_get_string_member (object, "answer"), ==, "C");
  g_assert_cmpstr (json_object_get_string_member (object, "right_answer"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (object, "explanation"), ==, "依照第三十二条。");
  g_assert_true (json_object_get_boolean_member (object, "in_mistakes"));
  g_assert_cmpint (json_object_get_int_member (object, "right_days_left"), ==, 3);
  g_assert_true (json_object_get_boolean_member (object, "saved"));
  articles = json_object_get_array_member (object, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (articles, 0), "body"),
                            "从轻或者减轻"));

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "mistakes", "list");

    mistakes = parse (r.out);
  }
  g_assert_cmpuint (json_array_get_length (json_node_get_array (mistakes)), ==, 1);
  object = json_array_get_object_element (json_node_get_array (mistakes), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "question"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "practice");
  g_assert_cmpstr (json_object_get_string_member (object, "source_id"), ==, "practice-1");

  /* Now the 错题本 is a source */
  draw (fixture, &again, "--mistakes", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (again)), ==, 1);

  /* A right answer stays in the book until two more days */
  g_clear_pointer (&result, json_node_unref);
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "answer", uuid, "B");

    g_assert_cmpint (r.status, ==, 0);
    result = parse (r.out);
  }
  object = json_node_get_object (result);
  g_assert_true (json_object_get_boolean_member (object, "correct"));
  g_assert_true (json_object_get_boolean_member (object, "in_mistakes"));
  g_assert_cmpint (json_object_get_int_member (object, "right_days_left"), ==, 2);

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "practice", "answer", "no-such-question", "B");

    g_assert_cmpint (r.status, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-practice/sources", Fixture, NULL, fixture_setup, test_sources, fixture_teardown);
  g_test_add ("/cli-practice/draw", Fixture, NULL, fixture_setup, test_draw, fixture_teardown);
  g_test_add ("/cli-practice/answer", Fixture, NULL, fixture_setup, test_answer, fixture_teardown);

  return g_test_run ();
}
