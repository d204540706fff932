/* xf-cli-practice.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-article.h"
#include "xf-cli.h"
#include "xf-exam.h"
#include "xf-practice.h"
#include "xf-question-store.h"

/* Practice headlessly: where questions can come from, drawing some, and
 * answering one, which lands in the 错题本 and the study log. */

static const char *usage =
  "practice list-sources | practice draw --list UUID|--law TITLE|--category PATH|--mistakes "
  "[--count N] [--seed S] [--order random|due] | practice answer QUESTION ANSWER [--session S]";

static int
practice_list_sources (XfCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "practice list-sources");
  if (!(db = xf_cli_open_database (cli, &error)) || !(sources = xf_practice_list_sources (db, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  json_builder_begin_object (builder);
  for (XfPracticeSourceKind kind = XF_PRACTICE_SOURCE_LIST; kind <= XF_PRACTICE_SOURCE_CATEGORY; kind++)
    {
      static const char * const members[] = { "lists", "laws", "categories" };

      json_builder_set_member_name (builder, members[kind]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < sources->len; i++)
        {
          XfPracticeSource *source = g_ptr_array_index (sources, i);

          if (source->kind != kind)
            continue;
          if (!cli->json)
            g_print ("%s\t%s\t%u\t%s\n", xf_practice_source_kind_to_string (kind), source->key,
                     source->n_questions, source->title);
          json_builder_begin_object (builder);
          if (kind == XF_PRACTICE_SOURCE_LIST)
            xf_cli_json_add_string (builder, "uuid", source->key);
          xf_cli_json_add_string (builder, kind == XF_PRACTICE_SOURCE_CATEGORY ? "path" : "title", source->title);
          xf_cli_json_add_int (builder, "questions", source->n_questions);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      XfPracticeSource *source = g_ptr_array_index (sources, i);

      if (source->kind != XF_PRACTICE_SOURCE_MISTAKES)
        continue;
      if (!cli->json)
        g_print ("mistakes\t-\t%u\t%s\n", source->n_questions, _("Mistake book"));
      xf_cli_json_add_int (builder, "mistakes", source->n_questions);
    }
  json_builder_end_object (builder);
  if (cli->json)
    xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static void
add_question (JsonBuilder *builder,
              XfQuestion  *question)
{
  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "uuid", xf_question_get_uuid (question));
  xf_cli_json_add_int (builder, "version", xf_question_get_version (question));
  xf_cli_json_add_string (builder, "type", xf_question_type_to_string (xf_question_get_question_type (question)));
  xf_cli_json_add_string (builder, "stem", xf_question_get_stem (question));
  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xf_question_get_n_options (question); i++)
    json_builder_add_string_value (builder, xf_question_get_option (question, i));
  json_builder_end_array (builder);
  xf_cli_json_add_string (builder, "category", xf_question_get_category (question));
  json_builder_end_object (builder);
}

static int
practice_draw (XfCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *list = NULL;
  g_autofree char *law = NULL;
  g_autofree char *category = NULL;
  gboolean mistakes = FALSE;
  int count = XF_PRACTICE_DEFAULT_COUNT;
  gint64 seed = 0;
  g_autofree char *order = NULL;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_STRING, &list, N_("Questions citing the articles of a knowledge list"), "UUID" },
    { "law", 0, 0, G_OPTION_ARG_STRING, &law, N_("Questions citing a law"), "TITLE" },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("Questions of a category and its sub-categories"), "PATH" },
    { "mistakes", 0, 0, G_OPTION_ARG_NONE, &mistakes, N_("Questions of the mistake book"), NULL },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, N_("How many questions (default 20)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The order's seed, to draw the same again"), "S" },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order,
      N_("random (the default), or due: due for review first, then unseen, then the weakest"), "ORDER" },
    { NULL }
  };
  XfPracticeOptions options = { 0, };
  guint n_sources;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  n_sources = (list != NULL) + (law != NULL) + (category != NULL) + (mistakes != FALSE);
  if (argc != 1 || n_sources != 1 || count < 1 || seed < 0 || seed > G_MAXUINT32 ||
      (order != NULL && !g_str_equal (order, "random") && !g_str_equal (order, "due")))
    return xf_cli_usage (cli, "practice draw --list UUID|--law TITLE|--category PATH|--mistakes "
                              "[--count N] [--seed S] [--order random|due]");

  options.kind = list != NULL ? XF_PRACTICE_SOURCE_LIST
                 : law != NULL ? XF_PRACTICE_SOURCE_LAW
                 : category != NULL ? XF_PRACTICE_SOURCE_CATEGORY : XF_PRACTICE_SOURCE_MISTAKES;
  options.key = list != NULL ? list : law != NULL ? law : category;
  options.count = (guint)count;
  options.seed = (guint32)seed;
  options.order = g_strcmp0 (order, "due") == 0 ? XF_PRACTICE_ORDER_DUE : XF_PRACTICE_ORDER_RANDOM;
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(questions = xf_practice_draw (db, &options, &error)))
    return xf_cli_fail (cli, g_error_matches (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_NOT_FOUND)
                               ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_FAILURE, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);

      if (!cli->json)
        g_print ("%s\t%s\t%s\n", xf_question_get_uuid (question),
                 xf_question_type_to_string (xf_question_get_question_type (question)),
                 xf_question_get_stem (question));
      add_question (builder, question);
    }
  json_builder_end_array (builder);
  if (cli->json)
    xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static void
print_result (XfCli            *cli,
              XfPracticeResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!cli->json)
    {
      g_print ("%s\n", result->correct ? _("Right") : result->partly ? _("Partly right") : _("Wrong"));
      g_print (_("Right answer: %s\n"), result->right_answer);
      if (*result->explanation != '\0')
        g_print (_("Explanation: %s\n"), result->explanation);
      for (guint i = 0; i < result->articles->len; i++)
        {
          XfArticle *article = g_ptr_array_index (result->articles, i);

          g_print ("《%s》%s %s\n", xf_article_get_law_title (article), xf_article_get_label (article),
                   xf_article_get_body (article));
        }
      if (result->in_mistakes)
        g_print (g_dngettext (GETTEXT_PACKAGE, "In the mistake book: answer it right on %u more day to take it out\n",
                              "In the mistake book: answer it right on %u more days to take it out\n",
                              result->right_days_left),
                 result->right_days_left);
      return;
    }

  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "question", result->question_uuid);
  xf_cli_json_add_int (builder, "version", result->version);
  xf_cli_json_add_string (builder, "answer", result->answer);
  xf_cli_json_add_boolean (builder, "correct", result->correct);
  xf_cli_json_add_boolean (builder, "partly", result->partly);
  xf_cli_json_add_string (builder, "right_answer", result->right_answer);
  xf_cli_json_add_string (builder, "explanation", result->explanation);
  xf_cli_json_add_boolean (builder, "in_mistakes", result->in_mistakes);
  xf_cli_json_add_int (builder, "right_days_left", result->right_days_left);
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->articles->len; i++)
    {
      XfArticle *article = g_ptr_array_index (result->articles, i);

      json_builder_begin_object (builder);
      xf_cli_json_add_string (builder, "law", xf_article_get_law_title (article));
      xf_cli_json_add_int (builder, "number", xf_article_get_number (article));
      xf_cli_json_add_string (builder, "label", xf_article_get_label (article));
      xf_cli_json_add_string (builder, "body", xf_article_get_body (article));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* Printed only once the answer is committed */
  xf_cli_json_add_boolean (builder, "saved", TRUE);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
}

static int
practice_answer (XfCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestion) question = NULL;
  g_autoptr(XfPracticeResult) result = NULL;
  g_autofree char *session = NULL;
  GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &session, N_("The practice session the answer belongs to"), "S" },
    { NULL }
  };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 3)
    return xf_cli_usage (cli, "practice answer QUESTION ANSWER [--session S]");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  question = xf_question_store_get_by_uuid (db, argv[1], &error);
  if (question == NULL)
    return xf_cli_fail (cli, g_error_matches (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND)
                               ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_FAILURE, error);
  result = xf_practice_answer (db, question, argv[2], g_get_real_time (), 0, session, &error);
  if (result == NULL)
    return xf_cli_fail (cli, error->domain == XF_EXAM_ERROR || error->domain == XF_PRACTICE_ERROR
                               ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_FAILURE, error);
  print_result (cli, result);
  return XF_CLI_EXIT_OK;
}

int
xf_cli_practice_command (XfCli  *cli,
                         int     argc,
                         char  **argv)
{
  static const struct
  {
    const char *name;
    XfCliCommandFunc func;
  } subcommands[] = {
    { "list-sources", practice_list_sources },
    { "draw", practice_draw },
    { "answer", practice_answer },
  };

  if (argc < 2)
    return xf_cli_usage (cli, usage);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (cli, argc - 1, argv + 1);
  return xf_cli_usage (cli, usage);
}
