/* test-cli-study.c
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

  return g_test_run ();
}
