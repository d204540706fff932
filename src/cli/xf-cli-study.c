/* xf-cli-study.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "xf-cli.h"
#include "xf-fsrs.h"
#include "xf-knowledge-store.h"
#include "xf-study-store.h"

/* The scheduler from the command line: `study schedule` replays a review
 * log through FSRS-6 and prints where every card stands, so that a
 * schedule can be checked against another FSRS implementation with
 * nothing but a JSON file; it opens no database.
 *
 * Times are kept to the second (a fraction is dropped), as the
 * scheduler keeps them; a card named 1 and one named "1" are the same
 * card, since both are the member "1" of the output.
 *
 * The other commands study in the profile (xf-study-store.h): today's
 * queue, rating a card (printed only once it is on the disk), undo,
 * rebuilding the card cache from the log, and the settings. */

static const char *usage = "study schedule --log FILE.json [--retention R]\n"
                           "       study queue [--list LIST]\n"
                           "       study rate item|question KEY 1-4 [--duration MS] [--session UUID]\n"
                           "       study undo [--session UUID]\n"
                           "       study rebuild\n"
                           "       study settings [--retention R] [--new-per-day N] [--reviews-per-day N]\n"
                           "       study plan [--exam-date DATE --list LIST --minutes N | --clear]\n"
                           "       study time [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by day|week|month|year]\n"
                           "       study stats [--now TIME]\n"
                           "       study session --activity A --start TIME --end TIME --active-ms N [--uuid UUID]";

typedef struct
{
  char       *id;
  XfFsrsCard  card;
} StudyCard;

static void
study_card_free (gpointer data)
{
  StudyCard *card = data;

  g_free (card->id);
  g_free (card);
}

/* The log names a card by a JSON integer or string; both end up as the
 * member name of the output object. */
static char *
dup_card_id (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node) != '\0')
    return g_strdup (json_node_get_string (node));
  return NULL;
}

static gboolean
invalid_entry (GError     **error,
               const char  *file,
               guint        entry,
               const char  *reason)
{
  /* Entries are counted from 1, as lines are. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s: entry %u: %s"), file, entry, reason);
  return FALSE;
}

/* Replays the log in @root into @cards (StudyCard, in order of first
 * review). Everything is checked before a card is touched: an entry out
 * of order, unknown or malformed stops the replay with its number. */
static gboolean
replay_log (const XfFsrsParams  *params,
            JsonNode            *root,
            const char          *file,
            GPtrArray           *cards,
            GError             **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *entries;
  gint64 previous = G_MININT64;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a JSON array of reviews"), file);
      return FALSE;
    }

  entries = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry;
      JsonNode *member;
      g_autofree char *id = NULL;
      g_autofree char *reason = NULL;
      g_autoptr(GDateTime) dt = NULL;
      StudyCard *card;
      gint64 rating, time;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid_entry (error, file, i + 1, _("not an object"));
      entry = json_node_get_object (node);

      for (guint m = 0; m < 3; m++)
        {
          static const char * const required[] = { "card", "rating", "time" };

          if (!json_object_has_member (entry, required[m]))
            {
              reason = g_strdup_printf (_("no “%s” member"), required[m]);
              return invalid_entry (error, file, i + 1, reason);
            }
        }

      if (!(id = dup_card_id (json_object_get_member (entry, "card"))))
        return invalid_entry (error, file, i + 1, _("the card must be an integer or a non-empty string"));

      member = json_object_get_member (entry, "rating");
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
          (rating = json_node_get_int (member)) < XF_FSRS_RATING_AGAIN || rating > XF_FSRS_RATING_EASY)
        return invalid_entry (error, file, i + 1, _("the rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)"));

      member = json_object_get_member (entry, "time");
      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        dt = g_date_time_new_from_iso8601 (json_node_get_string (member), NULL);
      if (dt == NULL)
        return invalid_entry (error, file, i + 1,
                              _("the time is not an ISO 8601 time with a time zone, such as 2026-03-01T08:00:00Z"));
      time = g_date_time_to_unix (dt);

      if (time < previous)
        return invalid_entry (error, file, i + 1, _("earlier than the entry before it: the log must be in time order"));
      previous = time;

      card = g_hash_table_lookup (by_id, id);
      if (card == NULL)
        {
          card = g_new0 (StudyCard, 1);
          card->id = g_steal_pointer (&id);
          xf_fsrs_card_init (&card->card, time);
          g_ptr_array_add (cards, card);
          g_hash_table_insert (by_id, card->id, card);
        }
      card->card = xf_fsrs_review (params, &card->card, (XfFsrsRating) rating, time);
    }

  return TRUE;
}

static char *
format_utc (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

static const char *
state_label (XfFsrsState state)
{
  switch (state)
    {
    case XF_FSRS_STATE_NEW:
      return C_("study card state", "new");
    case XF_FSRS_STATE_LEARNING:
      return C_("study card state", "learning");
    case XF_FSRS_STATE_REVIEW:
      return C_("study card state", "review");
    case XF_FSRS_STATE_RELEARNING:
    default:
      return C_("study card state", "relearning");
    }
}

static void
print_cards (XfCli     *cli,
             GPtrArray *cards)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!cli->json)
    {
      for (guint i = 0; i < cards->len; i++)
        {
          StudyCard *card = g_ptr_array_index (cards, i);
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (card->card.due);
          g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
          g_autofree char *due = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");

          /* TRANSLATORS: one card of a study schedule: its id, state,
           * stability in days, difficulty (1–10), when it is due
           * (local time), and how often it was reviewed and forgotten */
          g_print (_("%s\t%s\tstability %.2f days\tdifficulty %.2f\tdue %s\treviews: %u\tlapses: %u\n"),
                   card->id, state_label (card->card.state), card->card.stability,
                   card->card.difficulty, due, card->card.reps, card->card.lapses);
        }
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cards");
  json_builder_begin_object (builder);
  for (guint i = 0; i < cards->len; i++)
    {
      StudyCard *card = g_ptr_array_index (cards, i);
      g_autofree char *due = format_utc (card->card.due);

      json_builder_set_member_name (builder, card->id);
      json_builder_begin_object (builder);
      xf_cli_json_add_string (builder, "state", xf_fsrs_state_to_string (card->card.state));
      xf_cli_json_add_double (builder, "stability", card->card.stability);
      xf_cli_json_add_double (builder, "difficulty", card->card.difficulty);
      xf_cli_json_add_string (builder, "due", due);
      xf_cli_json_add_int (builder, "reps", card->card.reps);
      xf_cli_json_add_int (builder, "lapses", card->card.lapses);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
}

static int
study_schedule (XfCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (study_card_free);
  g_autofree char *log = NULL;
  g_autofree char *text = NULL;
  double retention = 0.9;
  gsize len;
  GOptionEntry entries[] = {
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &log,
      N_("The review log: a JSON array of {\"card\", \"rating\", \"time\"} in time order"), N_("FILE") },
    { "retention", 0, 0, G_OPTION_ARG_DOUBLE, &retention,
      N_("Desired retention, 0.70 to 0.97 (default 0.90)"), N_("R") },
    { NULL }
  };
  XfFsrsParams params;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1 || log == NULL)
    return xf_cli_usage (cli, usage);
  if (!xf_fsrs_retention_is_valid (retention))
    {
      g_printerr ("xuefactl: ");
      g_printerr (_("The desired retention must be between %.2f and %.2f"),
                  XF_FSRS_MIN_RETENTION, XF_FSRS_MAX_RETENTION);
      g_printerr ("\n");
      return XF_CLI_EXIT_USAGE;
    }

  if (!g_file_get_contents (log, &text, &len, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!json_parser_load_from_data (parser, text, (gssize) len, &error))
    {
      g_prefix_error (&error, "%s: ", log);
      return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);
    }

  xf_fsrs_params_init_default (&params);
  params.desired_retention = retention;
  if (!replay_log (&params, json_parser_get_root (parser), log, cards, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);

  print_cards (cli, cards);
  return XF_CLI_EXIT_OK;
}

/* The database commands */

static void
add_card_members (JsonBuilder       *builder,
                  const XfStudyCard *card)
{
  xf_cli_json_add_string (builder, "kind", xf_study_kind_to_string (card->kind));
  xf_cli_json_add_string (builder, "key", card->key);
  xf_cli_json_add_string (builder, "state", xf_fsrs_state_to_string (card->fsrs.state));
  if (card->fsrs.state != XF_FSRS_STATE_NEW)
    {
      g_autofree char *due = format_utc (card->fsrs.due);
      g_autofree char *last = format_utc (card->fsrs.last_review);

      xf_cli_json_add_string (builder, "due", due);
      xf_cli_json_add_string (builder, "last_review", last);
      xf_cli_json_add_double (builder, "stability", card->fsrs.stability);
      xf_cli_json_add_double (builder, "difficulty", card->fsrs.difficulty);
      xf_cli_json_add_int (builder, "step", card->fsrs.step);
      xf_cli_json_add_int (builder, "scheduled_days", card->fsrs.scheduled_days);
    }
  xf_cli_json_add_int (builder, "reps", card->fsrs.reps);
  xf_cli_json_add_int (builder, "lapses", card->fsrs.lapses);
  if (card->kind == XF_STUDY_KIND_ITEM && card->title != NULL)
    {
      xf_cli_json_add_string (builder, "title", card->title);
      xf_cli_json_add_string (builder, "law", card->law_title ? card->law_title : "");
      xf_cli_json_add_int (builder, "article", card->article_number);
    }
  else if (card->kind == XF_STUDY_KIND_QUESTION && card->title != NULL)
    {
      xf_cli_json_add_string (builder, "stem", card->title);
      xf_cli_json_add_string (builder, "type", card->question_type ? card->question_type : "");
    }
}

static void
print_card (XfCli             *cli,
            const XfStudyCard *card)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *due = NULL;

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_card_members (builder, card);
      json_builder_end_object (builder);
      xf_cli_print_json (cli, builder);
      return;
    }
  if (cli->quiet)
    return;
  utc = g_date_time_new_from_unix_utc (card->fsrs.due);
  local = utc ? g_date_time_to_local (utc) : NULL;
  due = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
  /* TRANSLATORS: a card after a rating: kind, key, state, when it is
   * due (local time), reviews and lapses */
  g_print (_("%s %s: %s, due %s, reviews: %u, lapses: %u\n"),
           xf_study_kind_to_string (card->kind), card->key, state_label (card->fsrs.state),
           card->fsrs.state == XF_FSRS_STATE_NEW ? "-" : due, card->fsrs.reps, card->fsrs.lapses);
}

static int
study_queue (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyQueue) queue = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *list = NULL;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_STRING, &list, N_("Only the items of this knowledge list (UUID or title)"), N_("LIST") },
    { NULL }
  };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "study queue [--list LIST]");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (list != NULL)
    {
      /* A list may be named by its title too, as elsewhere */
      g_autoptr(XfKnowledgeList) found = xf_knowledge_store_get_list (db, list, &error);

      if (found == NULL)
        return xf_cli_store_fail (cli, error);
      g_free (list);
      list = g_strdup (xf_knowledge_list_get_uuid (found));
    }
  if (!(queue = xf_study_store_queue (db, g_get_real_time (), list, NULL, &error)))
    return xf_cli_store_fail (cli, error);

  if (!cli->json)
    {
      /* TRANSLATORS: the counts of today's study queue */
      g_print (_("Due: %u\tNew: %u\tLearning: %u\n"), queue->n_due, queue->n_new, queue->n_learning);
      for (guint i = 0; !cli->quiet && i < queue->cards->len; i++)
        {
          XfStudyCard *card = g_ptr_array_index (queue->cards, i);

          g_print ("%s\t%s\t%s\t%s\n", xf_study_kind_to_string (card->kind), card->key,
                   state_label (card->fsrs.state), card->title ? card->title : "");
        }
      return XF_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  xf_cli_json_add_int (builder, "due", queue->n_due);
  xf_cli_json_add_int (builder, "new", queue->n_new);
  xf_cli_json_add_int (builder, "learning", queue->n_learning);
  xf_cli_json_add_int (builder, "due_total", queue->n_due_total);
  xf_cli_json_add_int (builder, "new_today", queue->n_new_today);
  xf_cli_json_add_int (builder, "reviewed_today", queue->n_reviewed_today);
  xf_cli_json_add_int (builder, "planned", queue->n_planned);
  json_builder_set_member_name (builder, "cards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < queue->cards->len; i++)
    {
      json_builder_begin_object (builder);
      add_card_members (builder, g_ptr_array_index (queue->cards, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static int
study_rate (XfCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = NULL;
  g_autofree char *session = NULL;
  int duration = 0;
  GOptionEntry entries[] = {
    { "duration", 0, 0, G_OPTION_ARG_INT, &duration, N_("How long the card was shown, in milliseconds"), N_("MS") },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session, N_("The study session the rating belongs to"), N_("UUID") },
    { NULL }
  };
  XfStudyKind kind;
  guint64 rating;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 4)
    return xf_cli_usage (cli, "study rate item|question KEY 1-4 [--duration MS] [--session UUID]");
  if (!xf_study_kind_from_string (argv[1], &kind))
    return xf_cli_usage_error (cli, _("KIND must be “item” or “question”, not “%s”"), argv[1]);
  if (!g_ascii_string_to_unsigned (argv[3], 10, XF_FSRS_RATING_AGAIN, XF_FSRS_RATING_EASY, &rating, NULL))
    return xf_cli_usage_error (cli, _("RATING must be 1 (again), 2 (hard), 3 (good) or 4 (easy), not “%s”"),
                               argv[3]);
  if (duration < 0)
    return xf_cli_usage_error (cli, _("--duration must not be negative"));

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  /* Printed only after the rating is committed and synced */
  card = xf_study_store_rate (db, kind, argv[2], (XfFsrsRating)rating, g_get_real_time (), (guint)duration,
                              XF_STUDY_SOURCE_STUDY, session, &error);
  if (card == NULL)
    return xf_cli_store_fail (cli, error);
  print_card (cli, card);
  return XF_CLI_EXIT_OK;
}

static int
study_undo (XfCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = NULL;
  g_autofree char *session = NULL;
  GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &session, N_("Only a rating of this study session"), N_("UUID") },
    { NULL }
  };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "study undo [--session UUID]");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(card = xf_study_store_undo_last (db, session, g_get_real_time (), &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  print_card (cli, card);
  return XF_CLI_EXIT_OK;
}

static int
study_rebuild (XfCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "study rebuild");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!xf_study_store_rebuild (db, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  xf_cli_message (cli, _("The study cards were rebuilt from the review log"));
  return XF_CLI_EXIT_OK;
}

static int
study_settings (XfCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  double retention = -1;
  int new_per_day = -1, reviews_per_day = -1;
  GOptionEntry entries[] = {
    { "retention", 0, 0, G_OPTION_ARG_DOUBLE, &retention,
      N_("Desired retention, 0.70 to 0.97 (default 0.90)"), N_("R") },
    { "new-per-day", 0, 0, G_OPTION_ARG_INT, &new_per_day, N_("New cards a day (default 20)"), N_("N") },
    { "reviews-per-day", 0, 0, G_OPTION_ARG_INT, &reviews_per_day, N_("Reviews a day (default 200)"), N_("N") },
    { NULL }
  };
  XfStudySettings settings;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "study settings [--retention R] [--new-per-day N] [--reviews-per-day N]");
  if (retention != -1 && !xf_fsrs_retention_is_valid (retention))
    return xf_cli_usage_error (cli, _("--retention must be between %.2f and %.2f"),
                               XF_FSRS_MIN_RETENTION, XF_FSRS_MAX_RETENTION);
  if (new_per_day != -1 && (new_per_day < 0 || new_per_day > XF_STUDY_MAX_PER_DAY))
    return xf_cli_usage_error (cli, _("--new-per-day must be between 0 and %d"), XF_STUDY_MAX_PER_DAY);
  if (reviews_per_day != -1 && (reviews_per_day < 0 || reviews_per_day > XF_STUDY_MAX_PER_DAY))
    return xf_cli_usage_error (cli, _("--reviews-per-day must be between 0 and %d"), XF_STUDY_MAX_PER_DAY);

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  xf_study_store_get_settings (db, &settings, NULL);
  if (retention != -1 || new_per_day != -1 || reviews_per_day != -1)
    {
      if (retention != -1)
        settings.retention = retention;
      if (new_per_day != -1)
        settings.new_per_day = (guint)new_per_day;
      if (reviews_per_day != -1)
        settings.reviews_per_day = (guint)reviews_per_day;
      if (!xf_study_store_set_settings (db, &settings, &error))
        return xf_cli_store_fail (cli, error);
    }

  if (!cli->json)
    {
      /* TRANSLATORS: the study settings */
      g_print (_("Desired retention: %.2f\tNew cards a day: %u\tReviews a day: %u\n"),
               settings.retention, settings.new_per_day, settings.reviews_per_day);
      return XF_CLI_EXIT_OK;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  xf_cli_json_add_double (builder, "retention", settings.retention);
  xf_cli_json_add_int (builder, "new_per_day", settings.new_per_day);
  xf_cli_json_add_int (builder, "reviews_per_day", settings.reviews_per_day);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

int
xf_cli_study_command (XfCli  *cli,
                      int     argc,
                      char  **argv)
{
  static const struct
  {
    const char *name;
    XfCliCommandFunc func;
  } commands[] = {
    { "schedule", study_schedule },
    { "queue", study_queue },
    { "rate", study_rate },
    { "undo", study_undo },
    { "rebuild", study_rebuild },
    { "settings", study_settings },
    { "plan", xf_cli_study_plan_command },
    { "time", xf_cli_study_time_command },
    { "stats", xf_cli_study_stats_command },
    { "session", xf_cli_study_session_command },
  };

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (cli, argc - 1, argv + 1);
  return xf_cli_usage (cli, usage);
}
