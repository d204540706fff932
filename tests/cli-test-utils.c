/* cli-test-utils.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "cli-test-utils.h"
#include "test-utils.h"

/**
 * xf_cli_fixture_init:
 * @name: names the temporary folder
 */
void
xf_cli_fixture_init (XfCliFixture *fixture,
                     const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("xf-%s-XXXXXX", name);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "xuefa.db", NULL);
  path = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "xuefactl", NULL);
  fixture->xuefactl = g_canonicalize_filename (path, NULL);
  g_assert_true (g_file_test (fixture->xuefactl, G_FILE_TEST_IS_EXECUTABLE));
}

void
xf_cli_fixture_clear (XfCliFixture *fixture)
{
  xf_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->xuefactl, g_free);
}

/**
 * xf_cli_fixture_run:
 * @with_db: whether to pass `--db` with the fixture's database; else
 *   xuefactl opens a profile of the fixture's data folder
 * @input: (nullable): the standard input
 * @...: the arguments, then %NULL
 *
 * Runs xuefactl in the fixture's folder, in English.
 */
XfCliRun
xf_cli_fixture_run (XfCliFixture *fixture,
                    gboolean      with_db,
                    const char   *input,
                    ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data_dir = g_build_filename (fixture->dir, "data", NULL);
  XfCliRun run = { 0 };
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, g_strdup (fixture->xuefactl));
  if (with_db)
    {
      g_ptr_array_add (args, g_strdup ("--db"));
      g_ptr_array_add (args, g_strdup (fixture->db));
    }
  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XUEFA_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  run.status = g_subprocess_get_exit_status (process);
  return run;
}

void
xf_cli_run_clear (XfCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * xf_test_parse_json:
 *
 * Returns: (transfer full): the root of @text, which must be JSON
 */
JsonNode *
xf_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}
