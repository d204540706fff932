/* test-cli-law.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "test-utils.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int         status;
  char       *out;
  char       *err;
  JsonParser *parser;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_clear_object (&result->parser);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xf-cli-law-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xf_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs xuefactl with @args under a private data dir and the given locale. */
static void
run (Fixture     *fixture,
     const char  *locale,
     Result      *result,
     const char  *first,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data_dir = g_build_filename (fixture->dir, "data", NULL);
  va_list args;

  g_ptr_array_add (argv, g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "xuefactl", NULL));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "XUEFA_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
  g_test_message ("stderr: %s", result->err);
}

static JsonObject *
parse_object (Result *result)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  result->parser = json_parser_new ();
  json_parser_load_from_data (result->parser, result->out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (result->parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static JsonArray *
parse_array (Result *result)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  result->parser = json_parser_new ();
  json_parser_load_from_data (result->parser, result->out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (result->parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static char *
laws_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);
}

static gint64
law_articles (JsonArray  *laws,
              const char *title)
{
  for (guint i = 0; i < json_array_get_length (laws); i++)
    {
      JsonObject *law = json_array_get_object_element (laws, i);

      if (g_str_equal (json_object_get_string_member (law, "title"), title))
        return json_object_get_int_member (law, "articles");
    }
  return -1;
}

static void
test_import_shipped (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = laws_dir ();
  g_auto(Result) imported = { 0 };
  g_auto(Result) listed = { 0 };
  JsonObject *root;
  JsonArray *files, *laws;
  gint64 sum = 0;

  run (fixture, "C.UTF-8", &imported, "--db", fixture->db, "--json", "law", "import", dir, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  root = parse_object (&imported);
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 22);
  g_assert_cmpint (json_object_get_int_member (root, "articles"), ==, 2429);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "problems")), ==, 0);
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);

      g_assert_true (g_str_has_prefix (json_object_get_string_member (file, "path"), dir));
      g_assert_cmpstr (json_object_get_string_member (file, "law"), !=, "");
      sum += json_object_get_int_member (file, "articles");
      if (g_str_has_suffix (json_object_get_string_member (file, "path"), "宪法.md"))
        {
          g_assert_cmpstr (json_object_get_string_member (file, "law"), ==, "中华人民共和国宪法");
          g_assert_cmpint (json_object_get_int_member (file, "articles"), ==, 143);
        }
    }
  g_assert_cmpint (sum, ==, 2429);
  /* --json keeps stderr free of progress and summary */
  g_assert_cmpstr (imported.err, ==, "");

  run (fixture, "C.UTF-8", &listed, "--db", fixture->db, "--json", "law", "list", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  laws = parse_array (&listed);
  g_assert_cmpuint (json_array_get_length (laws), ==, 15);
  g_assert_cmpint (law_articles (laws, "中华人民共和国民法典"), ==, 1260);
  g_assert_cmpint (law_articles (laws, "中华人民共和国立法法"), ==, 120);
  g_assert_cmpint (law_articles (laws, "重大行政决策程序暂行条例"), ==, 44);
}

static void
test_import_civil_code_twice (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *dir = laws_dir ();
  g_autofree char *civil = g_build_filename (dir, "民法典", NULL);
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_auto(Result) listed = { 0 };
  JsonArray *laws;

  run (fixture, "C.UTF-8", &first, "--db", fixture->db, "--quiet", "law", "import", civil, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run (fixture, "C.UTF-8", &second, "--db", fixture->db, "--json", "law", "import", civil, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpint (json_object_get_int_member (parse_object (&second), "articles"), ==, 1260);

  run (fixture, "C.UTF-8", &listed, "--db", fixture->db, "--json", "law", "list", NULL);
  laws = parse_array (&listed);
  g_assert_cmpuint (json_array_get_length (laws), ==, 1);
  g_assert_cmpint (law_articles (laws, "中华人民共和国民法典"), ==, 1260);
}

static void
write_inputs (Fixture *fixture,
              char   **in_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;

  *in_dir = g_build_filename (fixture->dir, "in", NULL);
  g_mkdir_with_parents (*in_dir, 0700);
  good = g_build_filename (*in_dir, "好.md", NULL);
  bad = g_build_filename (*in_dir, "坏.md", NULL);
  g_file_set_contents (good, "# 甲法\n\n第一条 一。\n\n第二条 二。\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "# 乙法\n\n第一条 \xff 一。\n", -1, &error);
  g_assert_no_error (error);
}

static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *in_dir = NULL;
  g_autofree char *line = NULL;
  g_auto(Result) imported = { 0 };
  g_auto(Result) listed = { 0 };
  JsonObject *root, *problem, *file;
  JsonArray *problems;

  write_inputs (fixture, &in_dir);
  run (fixture, "C.UTF-8", &imported, "--db", fixture->db, "--json", "law", "import", in_dir, NULL);
  g_assert_cmpint (imported.status, ==, 3);
  root = parse_object (&imported);
  problems = json_object_get_array_member (root, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 1);
  problem = json_array_get_object_element (problems, 0);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (problem, "path"), "坏.md"));
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (problem, "reason"), !=, "");
  /* The good file imported all the same */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "files")), ==, 1);
  file = json_array_get_object_element (json_object_get_array_member (root, "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "law"), ==, "甲法");
  g_assert_cmpint (json_object_get_int_member (root, "articles"), ==, 2);
  /* and the message on stderr names the file and the line */
  g_assert_nonnull (strstr (imported.err, "坏.md"));
  line = g_strdup_printf ("line %d", 3);
  g_assert_nonnull (strstr (imported.err, line));

  run (fixture, "C.UTF-8", &listed, "--db", fixture->db, "--json", "law", "list", NULL);
  g_assert_cmpuint (json_array_get_length (parse_array (&listed)), ==, 1);
}

static void
test_human_output (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *in_dir = NULL;
  g_auto(Result) english = { 0 };
  g_auto(Result) chinese = { 0 };
  g_auto(Result) chinese_json = { 0 };
  JsonObject *problem;

  write_inputs (fixture, &in_dir);
  run (fixture, "C.UTF-8", &english, "--db", fixture->db, "law", "import", in_dir, NULL);
  g_assert_cmpint (english.status, ==, 3);
  g_assert_cmpstr (english.out, ==, "");
  g_assert_nonnull (strstr (english.err, "Imported: 2 article(s) from 1 file(s)"));

  /* zh_CN speaks Chinese, summary and reasons alike */
  run (fixture, "zh_CN.UTF-8", &chinese, "--db", fixture->db, "law", "import", in_dir, NULL);
  g_assert_cmpint (chinese.status, ==, 3);
  if (strstr (chinese.err, "Imported") != NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  g_assert_nonnull (strstr (chinese.err, "导入"));
  g_assert_nonnull (strstr (chinese.err, "第 3 行"));
  run (fixture, "zh_CN.UTF-8", &chinese_json, "--db", fixture->db, "--json", "law", "import", in_dir, NULL);
  problem = json_array_get_object_element (json_object_get_array_member (parse_object (&chinese_json), "problems"), 0);
  g_assert_nonnull (strstr (json_object_get_string_member (problem, "reason"), "UTF-8"));
  g_assert_nonnull (strstr (json_object_get_string_member (problem, "reason"), "编码"));
}

static void
test_usage_and_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dir = laws_dir ();
  g_auto(Result) no_args = { 0 };
  g_auto(Result) bad_option = { 0 };
  g_auto(Result) bad_db = { 0 };

  run (fixture, "C.UTF-8", &no_args, "--db", fixture->db, "law", "import", NULL);
  g_assert_cmpint (no_args.status, ==, 2);
  run (fixture, "C.UTF-8", &bad_option, "--db", fixture->db, "law", "import", "--no-such-option", dir, NULL);
  g_assert_cmpint (bad_option.status, ==, 2);
  /* A database that cannot be opened is a failure at run time. */
  run (fixture, "C.UTF-8", &bad_db, "--db", fixture->dir, "law", "import", dir, NULL);
  g_assert_cmpint (bad_db.status, ==, 1);
}

/* Without --db the CLI uses a profile; the first one is made on first use,
 * holding the shipped statutes and lists, as the app does. A --db file
 * starts empty. */
static void
test_default_profile (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Result) laws = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) profiles = { 0 };
  g_auto(Result) empty = { 0 };
  JsonArray *array;

  run (fixture, "C.UTF-8", &laws, "--json", "law", "list", NULL);
  g_assert_cmpint (laws.status, ==, 0);
  array = parse_array (&laws);
  g_assert_cmpuint (json_array_get_length (array), ==, 15);

  run (fixture, "C.UTF-8", &again, "--json", "law", "list", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, laws.out);

  run (fixture, "C.UTF-8", &profiles, "--json", "profile", "list", NULL);
  g_assert_cmpint (profiles.status, ==, 0);
  array = parse_array (&profiles);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 0), "last"));

  run (fixture, "C.UTF-8", &empty, "--db", fixture->db, "--json", "law", "list", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (&empty)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-law/default-profile", test_default_profile);
  ADD ("/cli-law/import-shipped", test_import_shipped);
  ADD ("/cli-law/import-civil-code-twice", test_import_civil_code_twice);
  ADD ("/cli-law/import-bad-file", test_import_bad_file);
  ADD ("/cli-law/human-output", test_human_output);
  ADD ("/cli-law/usage-and-failure", test_usage_and_failure);
#undef ADD

  return g_test_run ();
}
