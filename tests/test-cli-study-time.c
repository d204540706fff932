/* test-cli-study-time.c
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

/* `xuefactl study session|time|stats` on a database of the fixture, in
 * China Standard Time (main() sets TZ, which xuefactl inherits). */

typedef struct
{
  XfCliFixture cli;
} Fixture;

#define run(fixture, ...) xf_cli_fixture_run (&(fixture)->cli, TRUE, NULL, __VA_ARGS__, NULL)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  xf_cli_fixture_init (&fixture->cli, "cli-study-time");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  xf_cli_fixture_clear (&fixture->cli);
}

static void
record (Fixture    *fixture,
        const char *activity,
        const char *start,
        const char *end,
        const char *active_ms)
{
  g_auto(XfCliRun) result = run (fixture, "--json", "study", "session", "--activity", activity, "--start", start,
                                 "--end", end, "--active-ms", active_ms);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  root = xf_test_parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "uuid")));
  g_assert_cmpstr (json_object_get_string_member (object, "activity"), ==, activity);
  g_assert_cmpint (json_object_get_int_member (object, "active_ms"), ==, g_ascii_strtoll (active_ms, NULL, 10));
}

static JsonArray *
buckets (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "buckets");
}

static gint64
bucket_ms (JsonNode *root,
           guint     i)
{
  return json_object_get_int_member (json_array_get_object_element (buckets (root), i), "active_ms");
}

static void
test_time (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonNode) days = NULL;
  g_autoptr(JsonNode) weeks = NULL;
  g_autoptr(JsonNode) months = NULL;

  /* Across local midnight (16:00 UTC): 10 active minutes each day */
  record (fixture, "study", "2026-05-31T23:50:00+08:00", "2026-06-01T00:10:00+08:00", "1200000");
  /* Without a zone: local */
  record (fixture, "reading", "2026-06-02T09:00:00", "2026-06-02T09:30:00", "900000");
  record (fixture, "practice", "2026-06-01T08:00:00Z", "2026-06-01T08:05:00Z", "300000");

  {
    g_auto(XfCliRun) result = run (fixture, "--json", "study", "time", "--from", "2026-05-31", "--to", "2026-06-03");

    g_assert_cmpint (result.status, ==, 0);
    days = xf_test_parse_json (result.out);
  }
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (days), "by"), ==, "day");
  g_assert_cmpuint (json_array_get_length (buckets (days)), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (buckets (days), 0), "start"), ==,
                   "2026-05-31");
  g_assert_cmpint (bucket_ms (days, 0), ==, 600000);
  g_assert_cmpint (bucket_ms (days, 1), ==, 900000);
  g_assert_cmpint (bucket_ms (days, 2), ==, 900000);
  g_assert_cmpint (bucket_ms (days, 3), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (days), "total_ms"), ==, 2400000);

  /* Sunday 31 May ends a week; Monday 1 June starts one */
  {
    g_auto(XfCliRun) result = run (fixture, "--json", "study", "time", "--by", "week", "--from", "2026-05-31",
                                   "--to", "2026-06-07");

    g_assert_cmpint (result.status, ==, 0);
    weeks = xf_test_parse_json (result.out);
  }
  g_assert_cmpuint (json_array_get_length (buckets (weeks)), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (buckets (weeks), 0), "start"), ==,
                   "2026-05-25");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (buckets (weeks), 1), "end"), ==,
                   "2026-06-07");
  g_assert_cmpint (bucket_ms (weeks, 0), ==, 600000);
  g_assert_cmpint (bucket_ms (weeks, 1), ==, 1800000);

  /* By month, this year by default */
  {
    g_auto(XfCliRun) result = run (fixture, "--json", "study", "time", "--by", "month", "--to", "2026-06-30");

    g_assert_cmpint (result.status, ==, 0);
    months = xf_test_parse_json (result.out);
  }
  g_assert_cmpuint (json_array_get_length (buckets (months)), ==, 6);
  g_assert_cmpint (bucket_ms (months, 4), ==, 600000);
  g_assert_cmpint (bucket_ms (months, 5), ==, 1800000);
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) morning = NULL;
  JsonObject *object;
  JsonArray *lists;

  record (fixture, "study", "2026-06-01T09:00:00+08:00", "2026-06-01T09:30:00+08:00", "1500000");
  record (fixture, "exam", "2026-06-02T14:00:00+08:00", "2026-06-02T15:00:00+08:00", "3000000");
  record (fixture, "practice", "2026-06-03T20:00:00+08:00", "2026-06-03T20:10:00+08:00", "420000");

  {
    g_auto(XfCliRun) result = run (fixture, "--json", "study", "stats", "--now", "2026-06-03T21:00:00+08:00");

    g_assert_cmpint (result.status, ==, 0);
    root = xf_test_parse_json (result.out);
  }
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-06-03");
  g_assert_cmpint (json_object_get_int_member (object, "streak"), ==, 3);
  g_assert_true (json_object_get_boolean_member (object, "studied_today"));
  g_assert_cmpint (json_object_get_int_member (object, "today_ms"), ==, 420000);
  g_assert_cmpint (json_object_get_int_member (object, "week_ms"), ==, 4920000);
  g_assert_cmpint (json_object_get_int_member (object, "year_ms"), ==, 4920000);
  lists = json_object_get_array_member (object, "lists");
  g_assert_nonnull (lists);
  for (guint i = 0; i < json_array_get_length (lists); i++)
    {
      JsonObject *list = json_array_get_object_element (lists, i);

      /* Nothing rated: every item is new */
      g_assert_cmpint (json_object_get_int_member (list, "new"), ==, json_object_get_int_member (list, "total"));
      g_assert_cmpint (json_object_get_int_member (list, "learned"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (list, "due"), ==, 0);
    }

  /* The next morning, before studying: the streak runs to yesterday */
  {
    g_auto(XfCliRun) result = run (fixture, "--json", "study", "stats", "--now", "2026-06-04T07:00:00+08:00");

    g_assert_cmpint (result.status, ==, 0);
    morning = xf_test_parse_json (result.out);
  }
  object = json_node_get_object (morning);
  g_assert_cmpint (json_object_get_int_member (object, "streak"), ==, 3);
  g_assert_false (json_object_get_boolean_member (object, "studied_today"));
  g_assert_cmpint (json_object_get_int_member (object, "today_ms"), ==, 0);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  {
    g_auto(XfCliRun) result = run (fixture, "study", "session", "--activity", "sleep", "--start",
                                   "2026-06-01T09:00:00", "--end", "2026-06-01T09:10:00", "--active-ms", "1000");

    g_assert_cmpint (result.status, ==, 2);
  }
  {
    /* More active time than the session lasted */
    g_auto(XfCliRun) result = run (fixture, "study", "session", "--activity", "study", "--start",
                                   "2026-06-01T09:00:00", "--end", "2026-06-01T09:10:00", "--active-ms", "600001");

    g_assert_cmpint (result.status, ==, 3);
    g_assert_nonnull (strstr (result.err, "active time"));
  }
  {
    g_auto(XfCliRun) result = run (fixture, "study", "session", "--activity", "study", "--start", "yesterday",
                                   "--end", "2026-06-01T09:10:00", "--active-ms", "1");

    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(XfCliRun) result = run (fixture, "study", "time", "--by", "fortnight");

    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(XfCliRun) result = run (fixture, "study", "time", "--from", "2026-06-05", "--to", "2026-06-01");

    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(XfCliRun) result = run (fixture, "study", "time", "--from", "2026-02-30");

    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(XfCliRun) result = run (fixture, "--json", "study", "time", "--from", "2026-06-01", "--to", "2026-06-01");
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (result.status, ==, 0);
    root = xf_test_parse_json (result.out);
    /* Nothing was stored by the refused commands */
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "total_ms"), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_setenv ("TZ", "Asia/Shanghai", TRUE);

  g_test_add ("/cli-study-time/time", Fixture, NULL, fixture_setup, test_time, fixture_teardown);
  g_test_add ("/cli-study-time/stats", Fixture, NULL, fixture_setup, test_stats, fixture_teardown);
  g_test_add ("/cli-study-time/invalid", Fixture, NULL, fixture_setup, test_invalid, fixture_teardown);

  return g_test_run ();
}
