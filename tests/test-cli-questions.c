/* test-cli-questions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "cli-test-utils.h"
#include "test-utils.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* xuefactl questions …, run as a script would, on a database in a
 * temporary folder. */
static const char *bank_json =
  "{\"format\": \"xuefa-questions\", \"version\": 1, \"bank\": {\"title\": \"测试题库\"}, \"questions\": [\n"
  "{\"type\": \"single\", \"stem\": \"行政处罚的种类不包括（  ）。\", \"options\": [\"警告\", \"罚款\", \"记过\", \"行政拘留\"],\n"
  " \"answer\": \"C\", \"category\": \"行政法/行政处罚\", \"tags\": [\"处罚种类\"],\n"
  " \"links\": [{\"law\": \"中华人民共和国行政处罚法\", \"article\": 9}]},\n"
  "{\"type\": \"truefalse\", \"stem\": \"地方性法规可以设定限制人身自由的行政处罚。\", \"answer\": \"F\"},\n"
  "{\"type\": \"fill\", \"stem\": \"违法行为在（  ）年内未被发现的，不再给予行政处罚。\", \"accepted\": [\"二\", \"2\"]},\n"
  "{\"type\": \"single\", \"stem\": \"只有一个选项\", \"options\": [\"甲\"], \"answer\": \"A\"},\n"
  "{\"type\": \"matching\", \"stem\": \"配对题\"}\n"
  "]}\n";

typedef XfCliFixture Fixture;

#define run(fixture, ...) xf_cli_fixture_run (fixture, TRUE, NULL, __VA_ARGS__, NULL)
#define parse(text) xf_test_parse_json (text)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  xf_cli_fixture_init (fixture, "cli-questions");
  path = g_build_filename (fixture->dir, "bank.json", NULL);
  g_assert_true (g_file_set_contents (path, bank_json, -1, NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  xf_cli_fixture_clear (fixture);
}

static guint
count_questions (Fixture *fixture)
{
  g_auto(XfCliRun) r = run (fixture, "--json", "questions", "ls");
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  return json_array_get_length (json_node_get_array (root));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *problems;

  /* A dry run reports what an import would do, and stores nothing */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json", "--dry-run");

    g_assert_cmpint (r.status, ==, 3);
    root = parse (r.out);
    object = json_node_get_object (root);
    g_assert_cmpint (json_object_get_int_member (object, "imported"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 2);
    problems = json_object_get_array_member (object, "problems");
    g_assert_cmpuint (json_array_get_length (problems), ==, 2);
    object = json_array_get_object_element (problems, 0);
    g_assert_cmpint (json_object_get_int_member (object, "line"), ==, 7);
    g_assert_cmpstr (json_object_get_string_member (object, "question"), ==, "只有一个选项");
    g_assert_nonnull (strstr (json_object_get_string_member (object, "reason"), "two options"));
    object = json_array_get_object_element (problems, 1);
    g_assert_cmpint (json_object_get_int_member (object, "line"), ==, 8);
    g_assert_nonnull (r.err != NULL ? strstr (r.err, "bank.json:7:") : NULL);
    g_clear_pointer (&root, json_node_unref);
  }
  g_assert_cmpuint (count_questions (fixture), ==, 0);

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json", "--bank", "练习");

    g_assert_cmpint (r.status, ==, 3);
    root = parse (r.out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "imported"), ==, 3);
    g_clear_pointer (&root, json_node_unref);
  }
  g_assert_cmpuint (count_questions (fixture), ==, 3);

  /* Again: all duplicates, unless asked to keep them */
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json", "--bank", "练习");

    root = parse (r.out);
    object = json_node_get_object (root);
    g_assert_cmpint (json_object_get_int_member (object, "imported"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (object, "duplicates"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 5);
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", "bank.json", "--keep-duplicates");

    root = parse (r.out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "imported"), ==, 3);
    g_clear_pointer (&root, json_node_unref);
  }
  g_assert_cmpuint (count_questions (fixture), ==, 6);

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "banks");

    root = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
    object = json_array_get_object_element (json_node_get_array (root), 1);
    g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "测试题库");
    g_clear_pointer (&root, json_node_unref);
  }

  /* Usage and missing files */
  {
    g_auto(XfCliRun) r = run (fixture, "questions", "import", "bank.json", "--format", "word");

    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "questions", "import", "missing.json");

    g_assert_cmpint (r.status, ==, 1);
  }
}

static void
test_ls_show_export (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *id = NULL;
  JsonObject *object;

  {
    g_auto(XfCliRun) r = run (fixture, "questions", "import", "bank.json");
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "ls", "--law", "行政处罚法", "--type", "single");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    object = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpstr (json_object_get_string_member (object, "answer"), ==, "C");
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "ls", "--search", "罚", "--category", "行政法");

    root = parse (r.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "show", id);

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    object = json_node_get_object (root);
    g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "links")), ==, 1);
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "questions", "show", "999");

    g_assert_cmpint (r.status, ==, 3);
  }

  /* Export and import elsewhere: the same questions */
  {
    g_auto(XfCliRun) r = run (fixture, "questions", "export", "--bank", "测试题库", "-o", out);

    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "questions", "import", out, "--dry-run");

    root = parse (r.out);
    object = json_node_get_object (root);
    /* UUIDs are kept: the store has them, unchanged */
    g_assert_cmpint (json_object_get_int_member (object, "imported"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 3);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "problems")), ==, 0);
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "questions", "export", "--format", "xlsx");

    g_assert_cmpint (r.status, ==, 2);  /* XLSX needs a file */
  }
  {
    g_auto(XfCliRun) r = run (fixture, "questions", "delete-bank", "测试题库");

    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_cmpuint (count_questions (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-questions/import", Fixture, NULL, fixture_setup, test_import, fixture_teardown);
  g_test_add ("/cli-questions/ls-show-export", Fixture, NULL, fixture_setup, test_ls_show_export, fixture_teardown);

  return g_test_run ();
}
