/* test-cli-study.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include "cli-test-utils.h"
#include "test-utils.h"
#include "xf-database.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* `xuefactl study schedule` over logs built from the ts-fsrs vectors
 * (tests/data/fsrs/vectors.json): the states it prints must be those
 * ts-fsrs reached after each card's last review. */

typedef struct
{
  XfCliFixture  cli;
  JsonNode     *vectors;
} Fixture;

#define run(fixture, ...) xf_cli_fixture_run (&(fixture)->cli, FALSE, NULL, __VA_ARGS__, NULL)
#define parse(text) xf_test_parse_json (text)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *vectors = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "vectors.json", NULL);

  xf_cli_fixture_init (&fixture->cli, "cli-study");
  json_parser_load_from_file (parser, vectors, &error);
  g_assert_no_error (error);
  fixture->vectors = json_node_copy (json_parser_get_root (parser));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  xf_cli_fixture_clear (&fixture->cli);
  json_node_unref (fixture->vectors);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (fixture->cli.dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

typedef struct
{
  const char *time;
  guint       card;   /* index into the vectors' cards */
  guint       order;  /* of the review within the log, for a stable sort */
  gint64      id;
  gint64      rating;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  /* The vectors' times are all "YYYY-MM-DDTHH:MM:SSZ", so they sort as
   * text. */
  int c = strcmp (x->time, y->time);

  if (c != 0)
    return c;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Up to @max cards of the vectors made with @retention and short-term
 * scheduling (the CLI's), every review of each merged into one log in
 * time order. Cards whose index is odd are named by strings. */
static GArray *
select_cards (Fixture *fixture,
              double   retention,
              guint    max)
{
  JsonArray *cards = json_object_get_array_member (json_node_get_object (fixture->vectors), "cards");
  GArray *selected = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < json_array_get_length (cards) && selected->len < max; i++)
    {
      JsonObject *card = json_array_get_object_element (cards, i);

      if (json_object_get_double_member (card, "retention") == retention &&
          json_object_get_boolean_member_with_default (card, "short_term", TRUE))
        g_array_append_val (selected, i);
    }
  return selected;
}

static char *
card_key (gint64 id,
          guint  index)
{
  return index % 2 ? g_strdup_printf ("卡片-%" G_GINT64_FORMAT, id) : g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
build_log (Fixture *fixture,
           GArray  *selected)
{
  JsonArray *cards = json_object_get_array_member (json_node_get_object (fixture->vectors), "cards");
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  GString *log = g_string_new ("[\n");

  for (guint s = 0; s < selected->len; s++)
    {
      guint index = g_array_index (selected, guint, s);
      JsonObject *card = json_array_get_object_element (cards, index);
      JsonArray *reviews = json_object_get_array_member (card, "reviews");

      for (guint r = 0; r < json_array_get_length (reviews); r++)
        {
          JsonObject *review = json_array_get_object_element (reviews, r);
          Entry entry = {
            .time = json_object_get_string_member (review, "time"),
            .card = index,
            .order = entries->len,
            .id = json_object_get_int_member (card, "id"),
            .rating = json_object_get_int_member (review, "rating"),
          };

          g_array_append_val (entries, entry);
        }
    }
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *key = card_key (entry->id, entry->card);

      if (entry->card % 2)
        g_string_append_printf (log, "{\"card\": \"%s\", ", key);
      else
        g_string_append_printf (log, "{\"card\": %s, ", key);
      g_string_append_printf (log, "\"rating\": %" G_GINT64_FORMAT ", \"time\": \"%s\"}%s\n",
                              entry->rating, entry->time, i + 1 < entries->len ? "," : "");
    }
  g_string_append (log, "]\n");
  return g_string_free (log, FALSE);
}

static void
assert_close (double ours,
              double theirs)
{
  g_assert_cmpfloat (fabs (ours - theirs), <=, 1e-4 * MAX (fabs (ours), fabs (theirs)));
}

static void
check_schedule (Fixture    *fixture,
                double      retention,
                const char *retention_arg)
{
  JsonArray *cards = json_object_get_array_member (json_node_get_object (fixture->vectors), "cards");
  g_autoptr(GArray) selected = select_cards (fixture, retention, 120);
  g_autofree char *text = build_log (fixture, selected);
  g_autofree char *path = write_file (fixture, "log.json", text);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *out;
  g_auto(XfCliRun) r = { 0 };

  g_assert_cmpuint (selected->len, >=, 50);
  if (retention_arg != NULL)
    r = run (fixture, "study", "schedule", "--log", path, "--retention", retention_arg, "--json");
  else
    r = run (fixture, "study", "schedule", "--log", path, "--json");
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  root = parse (r.out);
  out = json_object_get_object_member (json_node_get_object (root), "cards");
  g_assert_nonnull (out);
  g_assert_cmpuint (json_object_get_size (out), ==, selected->len);

  for (guint s = 0; s < selected->len; s++)
    {
      guint index = g_array_index (selected, guint, s);
      JsonObject *vector = json_array_get_object_element (cards, index);
      JsonArray *reviews = json_object_get_array_member (vector, "reviews");
      JsonObject *last = json_array_get_object_element (reviews, json_array_get_length (reviews) - 1);
      g_autofree char *key = card_key (json_object_get_int_member (vector, "id"), index);
      JsonObject *card = json_object_get_object_member (out, key);

      g_assert_nonnull (card);
      g_assert_cmpstr (json_object_get_string_member (card, "state"), ==,
                       json_object_get_string_member (last, "state"));
      assert_close (json_object_get_double_member (card, "stability"),
                    json_object_get_double_member (last, "stability"));
      assert_close (json_object_get_double_member (card, "difficulty"),
                    json_object_get_double_member (last, "difficulty"));
      g_assert_cmpstr (json_object_get_string_member (card, "due"), ==,
                       json_object_get_string_member (last, "due"));
      g_assert_cmpint (json_object_get_int_member (card, "reps"), ==, json_object_get_int_member (last, "reps"));
      g_assert_cmpint (json_object_get_int_member (card, "lapses"), ==, json_object_get_int_member (last, "lapses"));
      g_assert_cmpuint (json_object_get_size (card), ==, 6);
    }
}

static void
test_default (Fixture       *fixture,
              gconstpointer  data)
{
  check_schedule (fixture, 0.9, NULL);
}

static void
test_retentions (Fixture       *fixture,
                 gconstpointer  data)
{
  check_schedule (fixture, 0.7, "0.70");
  check_schedule (fixture, 0.8, "0.8");
  check_schedule (fixture, 0.95, "0.95");
  check_schedule (fixture, 0.97, "0.97");
}

/* Without --json: one line a card, in order of first review. */
static void
test_human (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "log.json",
                                      "[{\"card\": 7, \"rating\": 3, \"time\": \"2026-03-01T08:00:00Z\"},\n"
                                      " {\"card\": \"甲\", \"rating\": 4, \"time\": \"2026-03-01T16:05:00+08:00\"},\n"
                                      " {\"card\": 7, \"rating\": 3, \"time\": \"2026-03-01T08:10:00Z\"}]\n");
  g_auto(XfCliRun) r = run (fixture, "study", "schedule", "--log", path);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  /* Good, Good: out of the steps, 2 days after 16:10 Beijing time */
  g_assert_true (g_str_has_prefix (lines[0], "7\treview\tstability 2.31 days\t"));
  g_assert_nonnull (strstr (lines[0], "due 2026-03-03 16:10\treviews: 2\tlapses: 0"));
  g_assert_true (g_str_has_prefix (lines[1], "甲\treview\tstability 8.30 days\t"));
  g_assert_nonnull (strstr (lines[1], "due 2026-03-09 16:05\treviews: 1"));
}

static void
expect_failure (Fixture    *fixture,
                const char *log,
                int         status,
                const char *message)
{
  g_autofree char *path = write_file (fixture, "bad.json", log);
  g_auto(XfCliRun) r = run (fixture, "study", "schedule", "--log", path, "--json");

  g_assert_cmpint (r.status, ==, status);
  g_assert_cmpstr (r.out, ==, "");
  if (strstr (r.err, message) == NULL)
    g_error ("“%s” does not say “%s”", r.err, message);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "empty.json", "[]");

  {
    g_auto(XfCliRun) r = run (fixture, "study", "schedule", "--log", path, "--json");

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "{\"cards\":{}}\n");
  }
  for (guint i = 0; i < 4; i++)
    {
      static const char * const bad[] = { "0.69", "0.98", "1.5", "nan" };
      g_auto(XfCliRun) r = run (fixture, "study", "schedule", "--log", path, "--retention", bad[i], "--json");

      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "retention"));
    }
  {
    g_auto(XfCliRun) r = run (fixture, "study", "schedule", "--json");

    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run (fixture, "study", "plan", "--log", path);

    g_assert_cmpint (r.status, ==, 2);
  }

#define OK(card, rating, time) "{\"card\": " card ", \"rating\": " rating ", \"time\": \"" time "\"}"
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01T08:00:00Z") ", " OK ("2", "3", "2026-03-01T07:59:59Z") "]",
                  3, "entry 2: earlier than the entry before it");
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01T08:00:00Z") ", " OK ("1", "3", "2026-03-01T15:00:00+08:00") "]",
                  3, "entry 2: earlier");
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01T08:00:00Z") ", " OK ("1", "5", "2026-03-02T08:00:00Z") "]",
                  3, "entry 2: the rating must be");
  expect_failure (fixture, "[" OK ("1", "0", "2026-03-01T08:00:00Z") "]", 3, "entry 1: the rating must be");
  expect_failure (fixture, "[" OK ("1", "\"3\"", "2026-03-01T08:00:00Z") "]", 3, "entry 1: the rating must be");
  expect_failure (fixture, "[" OK ("1", "2.5", "2026-03-01T08:00:00Z") "]", 3, "entry 1: the rating must be");
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01T08:00:00Z") ", " OK ("1", "3", "2026-03-32T08:00:00Z") "]",
                  3, "entry 2: the time is not");
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01 08:00:00") "]", 3, "entry 1: the time is not");
  expect_failure (fixture, "[" OK ("1", "3", "yesterday") "]", 3, "entry 1: the time is not");
  expect_failure (fixture, "[{\"card\": 1, \"rating\": 3, \"time\": 1772352000}]", 3, "entry 1: the time is not");
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01T08:00:00Z") ", {\"card\": 1, \"time\": \"2026-03-02T08:00:00Z\"}]",
                  3, "entry 2: no “rating” member");
  expect_failure (fixture, "[{\"rating\": 3, \"time\": \"2026-03-02T08:00:00Z\"}]", 3, "entry 1: no “card” member");
  expect_failure (fixture, "[{\"card\": 1, \"rating\": 3}]", 3, "entry 1: no “time” member");
  expect_failure (fixture, "[" OK ("null", "3", "2026-03-01T08:00:00Z") "]", 3, "entry 1: the card must be");
  expect_failure (fixture, "[" OK ("\"\"", "3", "2026-03-01T08:00:00Z") "]", 3, "entry 1: the card must be");
  expect_failure (fixture, "[" OK ("1.5", "3", "2026-03-01T08:00:00Z") "]", 3, "entry 1: the card must be");
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01T08:00:00Z") ", 42]", 3, "entry 2: not an object");
  expect_failure (fixture, "{\"card\": 1}", 3, "not a JSON array");
  expect_failure (fixture, "[" OK ("1", "3", "2026-03-01T08:00:00Z"), 3, "bad.json");
#undef OK
}

/* The profile commands on a --db database holding two list items and
 * two questions */

#define run_db(fixture, ...) xf_cli_fixture_run (&(fixture)->cli, TRUE, NULL, __VA_ARGS__, NULL)

static void
add_content (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = xf_database_open (fixture->cli.db, &error);

  g_assert_no_error (error);
  g_assert_true (xf_database_exec (db,
    "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) VALUES "
    "(1, 'L1', '清单一', 2026, 'all', 0, 0);"
    "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number) VALUES "
    "('i1', 1, 0, 'must', '中华人民共和国行政处罚法', 32), ('i2', 1, 1, 'must', '中华人民共和国行政处罚法', 33);"
    "INSERT INTO question_banks (id, uuid, title, created_at, updated_at) VALUES (1, 'B1', '题库', 0, 0);"
    "INSERT INTO questions (uuid, bank_id, type, stem, answer, fingerprint, created_at, updated_at, device_id) "
    "VALUES ('q1', 1, 'truefalse', '题一', 'T', 'f1', 0, 0, 'd'), ('q2', 1, 'truefalse', '题二', 'F', 'f2', 0, 0, 'd');",
    &error));
  g_assert_no_error (error);
}

static JsonObject *
run_json (Fixture     *fixture,
          JsonNode   **root,
          const char  *a,
          const char  *b,
          const char  *c,
          const char  *d,
          const char  *e)
{
  g_auto(XfCliRun) r = run_db (fixture, "study", a, "--json", b, c, d, e);

  if (r.status != 0)
    g_error ("study %s: %d: %s", a, r.status, r.err);
  *root = parse (r.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

#define QUEUE(fixture, node) run_json (fixture, node, "queue", NULL, NULL, NULL, NULL)

static void
test_queue_rate_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) n1 = NULL, n2 = NULL, n3 = NULL, n4 = NULL, n5 = NULL, n6 = NULL, n7 = NULL;
  JsonObject *queue, *card;
  JsonArray *cards;

  add_content (fixture);
  queue = QUEUE (fixture, &n1);
  g_assert_cmpint (json_object_get_int_member (queue, "due"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (queue, "new"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (queue, "learning"), ==, 0);
  cards = json_object_get_array_member (queue, "cards");
  g_assert_cmpuint (json_array_get_length (cards), ==, 4);
  card = json_array_get_object_element (cards, 0);
  g_assert_cmpstr (json_object_get_string_member (card, "kind"), ==, "item");
  g_assert_cmpstr (json_object_get_string_member (card, "key"), ==, "i1");
  g_assert_cmpstr (json_object_get_string_member (card, "state"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (card, "title"), ==, "《行政处罚法》第三十二条");
  card = json_array_get_object_element (cards, 1);
  g_assert_cmpstr (json_object_get_string_member (card, "stem"), ==, "题一");

  card = run_json (fixture, &n2, "rate", "item", "i1", "1", "--duration=4000");
  g_assert_cmpstr (json_object_get_string_member (card, "state"), ==, "learning");
  g_assert_cmpint (json_object_get_int_member (card, "reps"), ==, 1);
  g_assert_true (json_object_has_member (card, "due"));

  queue = QUEUE (fixture, &n3);
  g_assert_cmpint (json_object_get_int_member (queue, "new"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (queue, "learning"), ==, 1);
  cards = json_object_get_array_member (queue, "cards");
  g_assert_cmpuint (json_array_get_length (cards), ==, 4);

  card = run_json (fixture, &n4, "undo", NULL, NULL, NULL, NULL);
  g_assert_cmpstr (json_object_get_string_member (card, "key"), ==, "i1");
  g_assert_cmpstr (json_object_get_string_member (card, "state"), ==, "new");
  queue = QUEUE (fixture, &n5);
  g_assert_cmpint (json_object_get_int_member (queue, "new"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (queue, "learning"), ==, 0);

  card = run_json (fixture, &n6, "settings", "--new-per-day", "2", "--retention", "0.85");
  g_assert_cmpint (json_object_get_int_member (card, "new_per_day"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (card, "retention"), ==, 0.85);
  g_assert_cmpint (json_object_get_int_member (card, "reviews_per_day"), ==, 200);
  queue = QUEUE (fixture, &n7);
  g_assert_cmpint (json_object_get_int_member (queue, "new"), ==, 2);

  {
    g_auto(XfCliRun) r = run_db (fixture, "study", "rebuild");

    g_assert_cmpint (r.status, ==, 0);
  }
  {
    g_auto(XfCliRun) r = run_db (fixture, "study", "queue", "--list", "清单一", "--json");
    g_autoptr(JsonNode) root = parse (r.out);

    g_assert_cmpint (r.status, ==, 0);
    cards = json_object_get_array_member (json_node_get_object (root), "cards");
    g_assert_cmpuint (json_array_get_length (cards), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cards, 1), "key"), ==, "i2");
  }
}

static void
expect_db_failure (Fixture    *fixture,
                   int         status,
                   const char *message,
                   ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, fixture->cli.xuefactl);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, fixture->cli.db);
  g_ptr_array_add (args, "study");
  va_start (ap, message);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char * const *)args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, status);
  g_assert_cmpstr (out, ==, "");
  if (strstr (err, message) == NULL)
    g_error ("“%s” does not say “%s”", err, message);
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonNode) n1 = NULL, n2 = NULL, n3 = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);
  g_autofree char *day = g_date_time_format (later, "%Y-%m-%d");
  JsonObject *root, *plan;

  add_content (fixture);
  root = run_json (fixture, &n1, "plan", NULL, NULL, NULL, NULL);
  g_assert_true (json_object_get_null_member (root, "plan"));

  root = run_json (fixture, &n2, "plan", "--exam-date", day, "--list=清单一", "--minutes=15");
  plan = json_object_get_object_member (root, "plan");
  g_assert_cmpstr (json_object_get_string_member (plan, "exam_day"), ==, day);
  g_assert_cmpstr (json_object_get_string_member (plan, "list"), ==, "L1");
  g_assert_cmpint (json_object_get_int_member (plan, "days_left"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (plan, "items"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (plan, "new"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (plan, "new_per_day"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (plan, "budget_minutes"), ==, 15);
  g_assert_true (json_object_get_boolean_member (plan, "feasible"));

  {
    g_auto(XfCliRun) r = run_db (fixture, "study", "plan", "--exam-date", "2026-02-30", "--list", "L1",
                                 "--minutes", "15");

    g_assert_cmpint (r.status, ==, 3);
    g_assert_nonnull (strstr (r.err, "2026-02-30"));
  }
  {
    g_auto(XfCliRun) r = run_db (fixture, "study", "plan", "--exam-date", day, "--list", "L1");

    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(XfCliRun) r = run_db (fixture, "study", "plan", "--exam-date", day, "--list", "清单九",
                                 "--minutes", "15");

    g_assert_cmpint (r.status, ==, 3);
  }

  root = run_json (fixture, &n3, "plan", "--clear", NULL, NULL, NULL);
  g_assert_true (json_object_get_null_member (root, "plan"));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  add_content (fixture);
  expect_db_failure (fixture, 2, "KIND", "rate", "article", "i1", "3", NULL);
  expect_db_failure (fixture, 2, "RATING", "rate", "item", "i1", "5", NULL);
  expect_db_failure (fixture, 2, "RATING", "rate", "item", "i1", "good", NULL);
  expect_db_failure (fixture, 2, "--duration", "rate", "item", "i1", "3", "--duration", "-1", NULL);
  expect_db_failure (fixture, 2, "Usage", "rate", "item", "i1", NULL);
  expect_db_failure (fixture, 3, "nosuch", "rate", "item", "nosuch", "3", "--json", NULL);
  expect_db_failure (fixture, 3, "i1", "rate", "question", "i1", "3", NULL);
  expect_db_failure (fixture, 3, "nosuch", "queue", "--list", "nosuch", NULL);
  expect_db_failure (fixture, 2, "--retention", "settings", "--retention", "0.5", NULL);
  expect_db_failure (fixture, 2, "--new-per-day", "settings", "--new-per-day", "-3", NULL);
  expect_db_failure (fixture, 2, "--reviews-per-day", "settings", "--reviews-per-day", "10000", NULL);
  expect_db_failure (fixture, 1, "no rating to undo", "undo", NULL);
  {
    /* Nothing was written by any of those */
    g_autoptr(GError) error = NULL;
    g_autoptr(XfDatabase) db = xf_database_open (fixture->cli.db, &error);
    sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT (SELECT count(*) FROM study_log) + "
                                                  "(SELECT count(*) FROM meta WHERE key LIKE 'study-%')", &error);

    g_assert_cmpint (xf_database_step (db, stmt, &error), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* xuefactl inherits it */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);

  g_test_add ("/cli-study/default", Fixture, NULL, fixture_setup, test_default, fixture_teardown);
  g_test_add ("/cli-study/retentions", Fixture, NULL, fixture_setup, test_retentions, fixture_teardown);
  g_test_add ("/cli-study/human", Fixture, NULL, fixture_setup, test_human, fixture_teardown);
  g_test_add ("/cli-study/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/cli-study/queue-rate-undo", Fixture, NULL, fixture_setup, test_queue_rate_undo, fixture_teardown);
  g_test_add ("/cli-study/plan", Fixture, NULL, fixture_setup, test_plan, fixture_teardown);
  g_test_add ("/cli-study/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);

  return g_test_run ();
}
