/* test-cli-list.c
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

typedef XfCliFixture Fixture;

#define run(fixture, ...) xf_cli_fixture_run (fixture, TRUE, NULL, __VA_ARGS__, NULL)
#define parse(text) xf_test_parse_json (text)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  xf_cli_fixture_init (fixture, "cli-list");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  xf_cli_fixture_clear (fixture);
}

static char *
shipped_list (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "lists", name, NULL);
}

static void
test_import_show_learn (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *all_staff = shipped_list ("2026-all-staff.json");
  g_autofree char *item = NULL;
  g_autofree char *list = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *array;

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "import", all_staff);

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    object = json_node_get_object (root);
    array = json_object_get_array_member (object, "lists");
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    object = json_array_get_object_element (array, 0);
    g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                     "2026年度机关工作人员法律法规应知应会清单");
    g_assert_cmpint (json_object_get_int_member (object, "items"), ==, 85);
    list = g_strdup (json_object_get_string_member (object, "uuid"));
    /* An empty database holds no statutes: one warning for each law. */
    array = json_object_get_array_member (json_node_get_object (root), "warnings");
    g_assert_cmpuint (json_array_get_length (array), ==, 12);
    g_assert_nonnull (strstr (json_array_get_string_element (array, 0), "中华人民共和国宪法"));
    g_assert_nonnull (strstr (r.err, "Imported"));
    g_clear_pointer (&root, json_node_unref);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "ls");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    array = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    object = json_array_get_object_element (array, 0);
    g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==, list);
    g_assert_cmpstr (json_object_get_string_member (object, "audience"), ==, "all");
    g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 2026);
    g_assert_cmpint (json_object_get_int_member (object, "items"), ==, 85);
    g_assert_cmpint (json_object_get_int_member (object, "learned"), ==, 0);
    g_clear_pointer (&root, json_node_unref);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "show", list);

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    array = json_object_get_array_member (json_node_get_object (root), "items");
    g_assert_cmpuint (json_array_get_length (array), ==, 85);
    object = json_array_get_object_element (array, 3);
    g_assert_cmpstr (json_object_get_string_member (object, "law"), ==, "中华人民共和国宪法");
    g_assert_cmpstr (json_object_get_string_member (object, "article_label"), ==, "第一条");
    g_assert_cmpint (json_object_get_int_member (object, "article_id"), ==, 0);
    g_assert_false (json_object_get_boolean_member (object, "learned"));
    item = g_strdup (json_object_get_string_member (object, "uuid"));
    g_clear_pointer (&root, json_node_unref);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "learn", item);

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "item"), ==, item);
    g_assert_true (json_object_get_boolean_member (object, "learned"));
    object = json_object_get_object_member (object, "list");
    g_assert_cmpint (json_object_get_int_member (object, "learned"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (object, "items"), ==, 85);
    g_clear_pointer (&root, json_node_unref);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "list", "show", "2026年度机关工作人员法律法规应知应会清单");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "1 of 85 learned"));
    g_assert_nonnull (strstr (r.out, "[x] Must know\t中华人民共和国宪法 第一条\t国家性质与中国共产党的领导"));
  }

  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "learn", item, "--undo");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "learned"));
    g_clear_pointer (&root, json_node_unref);
  }

  {
    g_auto(XfCliRun) r = run (fixture, "list", "ls");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "0/85\t2026年度机关工作人员法律法规应知应会清单"));
  }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *leaders = shipped_list ("2026-leaders.json");
  g_autofree char *exported = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *shipped_text = NULL;
  g_autofree char *exported_text = NULL;

  {
    g_auto(XfCliRun) r = run (fixture, "-q", "list", "import", leaders);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
  }

  g_assert_true (g_file_get_contents (leaders, &shipped_text, NULL, NULL));

  /* To standard output and to a file, byte for byte what was imported */
  {
    g_auto(XfCliRun) r = run (fixture, "list", "export", "2026年度领导干部法律法规应知应会清单");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, shipped_text);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "export", "--all", "-o", exported);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (exported, &exported_text, NULL, NULL));
    g_assert_cmpstr (exported_text, ==, shipped_text);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "export", "没有这个清单");
    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, "没有这个清单"));
  }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  const char *text =
    "{\"lists\": [{\"title\": \"清单\", \"year\": 2026, \"audience\": \"all\", \"items\": [\n"
    "  {\"level\": \"must\", \"text\": \"有效的条目\"},\n"
    "  {\"level\": \"important\", \"text\": \"级别不对\"}\n"
    "]}]}\n";

  g_assert_true (g_file_set_contents (bad, text, -1, NULL));
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "import", bad);

    g_assert_cmpint (r.status, ==, 3);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "bad.json:3: lists[0].items[1].level: unknown level “important”"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "ls");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "[]\n");
  }

  g_assert_true (g_file_set_contents (bad, "{\"lists\": [{\"title\": \"清单\", \"year\": 20", -1, NULL));
  {
    g_auto(XfCliRun) r = run (fixture, "list", "import", bad);

    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, "bad.json:1:"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "import", missing);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "missing.json"));
  }
}

static void
test_stdin_and_dry_run (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *text =
    "{\"lists\": [{\"title\": \"部门清单\", \"year\": 2026, \"audience\": \"department\","
    " \"department\": \"市司法局\", \"items\": [{\"level\": \"应会\", \"title\": \"文书\", \"text\": \"自有文本\"}]}]}";
  g_autoptr(JsonNode) root = NULL;

  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, TRUE, text, "--json", "list", "import", "--dry-run", "-", NULL);

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (root), "dry_run"));
    g_assert_nonnull (strstr (r.err, "nothing stored"));
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "ls");
    g_assert_cmpstr (r.out, ==, "[]\n");
  }
  {
    g_auto(XfCliRun) r = xf_cli_fixture_run (fixture, TRUE, text, "list", "import", "-", NULL);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "ls");
    JsonObject *object;

    root = parse (r.out);
    object = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpstr (json_object_get_string_member (object, "audience_label"), ==, "市司法局");
    g_assert_cmpint (json_object_get_int_member (object, "items"), ==, 1);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "delete", "部门清单");
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "ls");
    g_assert_cmpstr (r.out, ==, "[]\n");
  }
}

static void
test_with_laws (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *laws = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);
  g_autofree char *all_staff = shipped_list ("2026-all-staff.json");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  guint linked = 0;

  {
    g_auto(XfCliRun) r = run (fixture, "-q", "law", "import", laws);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "import", all_staff);

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    array = json_object_get_array_member (json_node_get_object (root), "warnings");
    g_assert_cmpuint (json_array_get_length (array), ==, 0);
    g_clear_pointer (&root, json_node_unref);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "--json", "list", "show", "2026年度机关工作人员法律法规应知应会清单");

    g_assert_cmpint (r.status, ==, 0);
    root = parse (r.out);
    array = json_object_get_array_member (json_node_get_object (root), "items");
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *item = json_array_get_object_element (array, i);

        if (json_object_get_int_member (item, "article") == 0)
          continue;
        g_assert_cmpint (json_object_get_int_member (item, "article_id"), >, 0);
        g_assert_cmpstr (json_object_get_string_member (item, "body"), !=, "");
        linked++;
      }
    g_assert_cmpuint (linked, ==, 82);
  }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  {
    g_auto(XfCliRun) r = run (fixture, "list", "frobnicate");
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "list ls"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "show");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "export", "x", "--all");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "ls", "--undo");
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "learn", "3e0c1a52-0000-4000-8000-000000000000");
    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, "3e0c1a52-0000-4000-8000-000000000000"));
  }
  {
    g_auto(XfCliRun) r = run (fixture, "list", "show", "没有这个清单");
    g_assert_cmpint (r.status, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli-list/import-show-learn", test_import_show_learn);
  ADD ("/cli-list/export", test_export);
  ADD ("/cli-list/bad-input", test_bad_input);
  ADD ("/cli-list/stdin-and-dry-run", test_stdin_and_dry_run);
  ADD ("/cli-list/with-laws", test_with_laws);
  ADD ("/cli-list/usage", test_usage);
#undef ADD

  return g_test_run ();
}
