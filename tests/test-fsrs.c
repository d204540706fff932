/* test-fsrs.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "xf-fsrs.h"

/* The tolerance the scheduler promises against ts-fsrs, relative. */
#define TOLERANCE 1e-4

#define T0  G_GINT64_CONSTANT (1772352000)  /* 2026-03-01T08:00:00Z */
#define MINUTE (G_GINT64_CONSTANT (60))
#define DAY (G_GINT64_CONSTANT (86400))

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static double
relative_error (double ours,
                double theirs)
{
  double scale = MAX (fabs (ours), fabs (theirs));

  /* Retrievability of a new card is 0 on both sides. */
  return scale < 1e-12 ? 0 : fabs (ours - theirs) / scale;
}

static JsonNode *
load_vectors (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "vectors.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The vectors' parameters must be ours: a newer ts-fsrs with other
 * defaults would make every comparison below meaningless. */
static void
check_parameters (JsonObject *parameters)
{
  XfFsrsParams params;
  JsonArray *w = json_object_get_array_member (parameters, "w");
  JsonArray *steps;

  xf_fsrs_params_init_default (&params);
  g_assert_cmpuint (json_array_get_length (w), ==, XF_FSRS_N_WEIGHTS);
  for (guint i = 0; i < XF_FSRS_N_WEIGHTS; i++)
    g_assert_cmpfloat (json_array_get_double_element (w, i), ==, params.weights[i]);
  g_assert_cmpint (json_object_get_int_member (parameters, "maximum_interval"), ==, params.maximum_interval);
  g_assert_false (json_object_get_boolean_member (parameters, "enable_fuzz"));
  g_assert_true (json_object_get_boolean_member (parameters, "enable_short_term"));
  steps = json_object_get_array_member (parameters, "learning_steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (steps, 0), ==, "1m");
  g_assert_cmpstr (json_array_get_string_element (steps, 1), ==, "10m");
  steps = json_object_get_array_member (parameters, "relearning_steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (steps, 0), ==, "10m");
}

typedef struct
{
  guint  cards;
  guint  reviews;
  guint  failures;
  double worst_stability;
  double worst_difficulty;
  double worst_retrievability;
} Replay;

static void
fail_review (Replay     *replay,
             gint64      card_id,
             guint       index,
             const char *what,
             const char *ours,
             const char *theirs)
{
  /* Only the first few: one real difference tends to repeat in every
   * later review of the card. */
  if (replay->failures++ < 20)
    g_printerr ("card %" G_GINT64_FORMAT " review %u: %s is %s, ts-fsrs has %s\n",
                card_id, index, what, ours, theirs);
}

static void
replay_card (JsonObject *vector,
             Replay     *replay)
{
  gint64 id = json_object_get_int_member (vector, "id");
  JsonArray *reviews = json_object_get_array_member (vector, "reviews");
  XfFsrsParams params;
  XfFsrsCard card;

  xf_fsrs_params_init_default (&params);
  params.desired_retention = json_object_get_double_member (vector, "retention");
  params.short_term = json_object_get_boolean_member_with_default (vector, "short_term", TRUE);
  xf_fsrs_card_init (&card, 0);
  replay->cards++;

  for (guint i = 0; i < json_array_get_length (reviews); i++)
    {
      JsonObject *expected = json_array_get_object_element (reviews, i);
      gint64 time = parse_time (json_object_get_string_member (expected, "time"));
      gint64 due = parse_time (json_object_get_string_member (expected, "due"));
      double r = xf_fsrs_retrievability (&params, &card, time);
      double e_r = json_object_get_double_member (expected, "retrievability");
      double e_s = json_object_get_double_member (expected, "stability");
      double e_d = json_object_get_double_member (expected, "difficulty");
      const char *e_state = json_object_get_string_member (expected, "state");
      double err;
      char ours[64], theirs[64];

      card = xf_fsrs_review (&params, &card,
                             (XfFsrsRating) json_object_get_int_member (expected, "rating"), time);
      replay->reviews++;

#define CHECK_DOUBLE(name, value, reference, worst) \
      err = relative_error (value, reference); \
      worst = MAX (worst, err); \
      if (!(err <= TOLERANCE)) \
        { \
          g_snprintf (ours, sizeof ours, "%.10g", value); \
          g_snprintf (theirs, sizeof theirs, "%.10g", reference); \
          fail_review (replay, id, i, name, ours, theirs); \
        }
#define CHECK_INT(name, value, member) \
      if ((gint64) (value) != json_object_get_int_member (expected, member)) \
        { \
          g_snprintf (ours, sizeof ours, "%" G_GINT64_FORMAT, (gint64) (value)); \
          g_snprintf (theirs, sizeof theirs, "%" G_GINT64_FORMAT, json_object_get_int_member (expected, member)); \
          fail_review (replay, id, i, name, ours, theirs); \
        }

      CHECK_DOUBLE ("retrievability", r, e_r, replay->worst_retrievability);
      CHECK_DOUBLE ("stability", card.stability, e_s, replay->worst_stability);
      CHECK_DOUBLE ("difficulty", card.difficulty, e_d, replay->worst_difficulty);
      if (!g_str_equal (xf_fsrs_state_to_string (card.state), e_state))
        fail_review (replay, id, i, "state", xf_fsrs_state_to_string (card.state), e_state);
      if (card.due != due)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (card.due);
          g_autofree char *text = g_date_time_format (dt, "%FT%TZ");

          fail_review (replay, id, i, "due", text, json_object_get_string_member (expected, "due"));
        }
      CHECK_INT ("reps", card.reps, "reps");
      CHECK_INT ("lapses", card.lapses, "lapses");
      CHECK_INT ("scheduled days", card.scheduled_days, "scheduled_days");
      CHECK_INT ("elapsed days", card.elapsed_days, "elapsed_days");
      CHECK_INT ("learning step", card.step, "learning_steps");

#undef CHECK_DOUBLE
#undef CHECK_INT
    }
}

static void
test_vectors (void)
{
  g_autoptr(JsonNode) root = load_vectors ();
  JsonObject *object = json_node_get_object (root);
  JsonArray *cards = json_object_get_array_member (object, "cards");
  Replay replay = { 0 };
  guint retentions = 0;
  double seen[8];

  check_parameters (json_object_get_object_member (object, "parameters"));

  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonObject *vector = json_array_get_object_element (cards, i);
      double retention = json_object_get_double_member (vector, "retention");
      gboolean known = FALSE;

      for (guint k = 0; k < retentions; k++)
        known |= seen[k] == retention;
      if (!known && retentions < G_N_ELEMENTS (seen))
        seen[retentions++] = retention;
      replay_card (vector, &replay);
    }

  g_test_message ("%u cards, %u reviews; largest relative error: stability %.3g, "
                  "difficulty %.3g, retrievability %.3g",
                  replay.cards, replay.reviews, replay.worst_stability,
                  replay.worst_difficulty, replay.worst_retrievability);
  g_assert_cmpuint (replay.failures, ==, 0);
  /* The file must be what it claims: thousands of reviews at every
   * retention a person can choose. */
  g_assert_cmpuint (replay.cards, >=, 500);
  g_assert_cmpuint (replay.reviews, >=, 5000);
  g_assert_cmpuint (retentions, ==, 5);
}

/* Good on a new card with the default weights: S₀ = w2, D₀ = w4 −
 * e^(2·w5) + 1, and the card moves to the 10-minute step. */
static void
test_first_good (void)
{
  XfFsrsParams params;
  XfFsrsCard card, next;

  xf_fsrs_params_init_default (&params);
  xf_fsrs_card_init (&card, T0);
  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_GOOD, T0);

  g_assert_cmpint (next.state, ==, XF_FSRS_STATE_LEARNING);
  g_assert_cmpfloat_with_epsilon (next.stability, 2.3065, 1e-12);
  g_assert_cmpfloat_with_epsilon (next.difficulty, 6.4133 - exp (2 * 0.8334) + 1, 1e-8);
  g_assert_cmpfloat_with_epsilon (next.difficulty, 2.11810397, 1e-8);
  g_assert_cmpint (next.due, ==, T0 + 10 * MINUTE);
  g_assert_cmpuint (next.step, ==, 1);
  g_assert_cmpuint (next.reps, ==, 1);
  g_assert_cmpuint (next.lapses, ==, 0);
  g_assert_cmpuint (next.scheduled_days, ==, 0);
  g_assert_cmpint (next.last_review, ==, T0);

  /* Good again ten minutes later: the steps are done, and a same-day
   * review multiplies stability by S^−w19·e^(w17·(G − 3 + w18)), at
   * least 1 for Good: here 0.9945, so it stays; Easy's is 1.71. */
  card = next;
  g_assert_cmpfloat (pow (2.3065, -0.0658) * exp (0.5425 * 0.0912), <, 1);
  g_assert_cmpfloat_with_epsilon (xf_fsrs_review (&params, &card, XF_FSRS_RATING_EASY, T0 + 10 * MINUTE).stability,
                                  2.3065 * pow (2.3065, -0.0658) * exp (0.5425 * 1.0912), 1e-7);
  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_GOOD, T0 + 10 * MINUTE);
  g_assert_cmpint (next.state, ==, XF_FSRS_STATE_REVIEW);
  g_assert_cmpfloat (next.stability, ==, 2.3065);
  g_assert_cmpuint (next.scheduled_days, ==, 2);
  g_assert_cmpint (next.due, ==, T0 + 10 * MINUTE + 2 * DAY);
  g_assert_cmpuint (next.step, ==, 0);
}

/* Easy on a new card skips the steps: w3 days, rounded. Again goes to
 * the first step, Hard halfway between the two steps. */
static void
test_first_ratings (void)
{
  XfFsrsParams params;
  XfFsrsCard card, next;

  xf_fsrs_params_init_default (&params);
  xf_fsrs_card_init (&card, T0);

  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_EASY, T0);
  g_assert_cmpint (next.state, ==, XF_FSRS_STATE_REVIEW);
  g_assert_cmpfloat (next.stability, ==, 8.2956);
  g_assert_cmpuint (next.scheduled_days, ==, 8);
  g_assert_cmpint (next.due, ==, T0 + 8 * DAY);

  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_AGAIN, T0);
  g_assert_cmpint (next.state, ==, XF_FSRS_STATE_LEARNING);
  g_assert_cmpint (next.due, ==, T0 + 1 * MINUTE);
  g_assert_cmpuint (next.step, ==, 0);

  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_HARD, T0);
  g_assert_cmpint (next.due, ==, T0 + 6 * MINUTE);  /* Math.round (5.5) */
  g_assert_cmpuint (next.step, ==, 0);
}

/* The forgetting curve is built so that R(S) = 0.9, and the interval
 * modifier so that R(modifier · S) is the desired retention. */
static void
test_retrievability (void)
{
  static const double retentions[] = { 0.70, 0.80, 0.85, 0.90, 0.95, 0.97 };
  XfFsrsParams params;
  XfFsrsCard card, next;

  xf_fsrs_params_init_default (&params);
  g_assert_cmpfloat_with_epsilon (xf_fsrs_forgetting_curve (&params, 10, 10), 0.9, 1e-7);
  g_assert_cmpfloat (xf_fsrs_interval_modifier (&params), ==, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
    {
      double modifier;

      params.desired_retention = retentions[i];
      modifier = xf_fsrs_interval_modifier (&params);
      g_assert_cmpfloat_with_epsilon (xf_fsrs_forgetting_curve (&params, modifier * 7.5, 7.5),
                                      retentions[i], 1e-6);
      /* Lower retention, longer intervals. */
      if (retentions[i] < 0.9)
        g_assert_cmpfloat (modifier, >, 1);
      else if (retentions[i] > 0.9)
        g_assert_cmpfloat (modifier, <, 1);
    }

  /* A card rated Easy on day 0 has S = w3: after S whole days it is at
   * 0.9, a new card at 0, and before 24 hours have passed at 1. */
  xf_fsrs_params_init_default (&params);
  xf_fsrs_card_init (&card, T0);
  g_assert_cmpfloat (xf_fsrs_retrievability (&params, &card, T0 + DAY), ==, 0);
  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_EASY, T0);
  g_assert_cmpfloat (xf_fsrs_retrievability (&params, &next, T0 + DAY - 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (xf_fsrs_retrievability (&params, &next, T0 + 8 * DAY),
                                  xf_fsrs_forgetting_curve (&params, 8, 8.2956), 1e-12);
  g_assert_cmpfloat (xf_fsrs_retrievability (&params, &next, T0 + 8 * DAY), >, 0.9);
  g_assert_cmpfloat (xf_fsrs_retrievability (&params, &next, T0 + 9 * DAY), <, 0.9);
}

/* Days are UTC dates: 23:59 and 00:01 are a day apart (the long-term
 * formula), 00:01 and 23:59 of one date are not (the short-term one). */
static void
test_day_boundary (void)
{
  XfFsrsParams params;
  XfFsrsCard card, across, within;
  gint64 midnight = T0 - 8 * 3600 + DAY;  /* 2026-03-02T00:00:00Z */

  xf_fsrs_params_init_default (&params);
  xf_fsrs_card_init (&card, 0);
  card = xf_fsrs_review (&params, &card, XF_FSRS_RATING_EASY, midnight - 60);
  across = xf_fsrs_review (&params, &card, XF_FSRS_RATING_GOOD, midnight + 60);
  g_assert_cmpuint (across.elapsed_days, ==, 1);

  xf_fsrs_card_init (&card, 0);
  card = xf_fsrs_review (&params, &card, XF_FSRS_RATING_EASY, midnight + 60);
  within = xf_fsrs_review (&params, &card, XF_FSRS_RATING_GOOD, midnight + DAY - 60);
  g_assert_cmpuint (within.elapsed_days, ==, 0);
  g_assert_cmpfloat (within.stability, ==,
                     xf_fsrs_review (&params, &card, XF_FSRS_RATING_GOOD, midnight + 120).stability);
  g_assert_cmpfloat (within.stability, !=, across.stability);
}

/* A lapse: relearning for 10 minutes, lapses counted once, and a time
 * earlier than the last review (a wrong clock) is taken as the same day
 * instead of producing a negative interval. */
static void
test_lapse (void)
{
  XfFsrsParams params;
  XfFsrsCard card, lapsed, skewed;

  xf_fsrs_params_init_default (&params);
  xf_fsrs_card_init (&card, 0);
  card = xf_fsrs_review (&params, &card, XF_FSRS_RATING_EASY, T0);
  lapsed = xf_fsrs_review (&params, &card, XF_FSRS_RATING_AGAIN, T0 + 20 * DAY);
  g_assert_cmpint (lapsed.state, ==, XF_FSRS_STATE_RELEARNING);
  g_assert_cmpuint (lapsed.lapses, ==, 1);
  g_assert_cmpint (lapsed.due, ==, T0 + 20 * DAY + 10 * MINUTE);
  g_assert_cmpfloat (lapsed.stability, <, card.stability);
  g_assert_cmpfloat (lapsed.difficulty, >, card.difficulty);

  lapsed = xf_fsrs_review (&params, &lapsed, XF_FSRS_RATING_GOOD, T0 + 20 * DAY + 11 * MINUTE);
  g_assert_cmpint (lapsed.state, ==, XF_FSRS_STATE_REVIEW);
  g_assert_cmpuint (lapsed.lapses, ==, 1);

  skewed = xf_fsrs_review (&params, &card, XF_FSRS_RATING_GOOD, T0 - 3 * DAY);
  g_assert_cmpuint (skewed.elapsed_days, ==, 0);
  g_assert_true (isfinite (skewed.stability) && skewed.stability > 0);
}

/* Steps of a day or more leave the steps for review at once, scheduled
 * to the minute; no steps at all graduate on the first rating. */
static void
test_long_and_no_steps (void)
{
  XfFsrsParams params;
  XfFsrsCard card, next;

  xf_fsrs_params_init_default (&params);
  params.learning_steps[1] = 2 * DAY;
  xf_fsrs_card_init (&card, T0);
  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_GOOD, T0);
  g_assert_cmpint (next.state, ==, XF_FSRS_STATE_REVIEW);
  g_assert_cmpuint (next.step, ==, 1);
  g_assert_cmpuint (next.scheduled_days, ==, 2);
  g_assert_cmpint (next.due, ==, T0 + 2 * DAY);

  params.n_learning_steps = 0;
  next = xf_fsrs_review (&params, &card, XF_FSRS_RATING_AGAIN, T0);
  g_assert_cmpint (next.state, ==, XF_FSRS_STATE_REVIEW);
  g_assert_cmpuint (next.scheduled_days, ==, 1);
}

static void
test_rating_for_answer (void)
{
  g_assert_cmpint (xf_fsrs_rating_for_answer (FALSE, 1, 30), ==, XF_FSRS_RATING_AGAIN);
  g_assert_cmpint (xf_fsrs_rating_for_answer (TRUE, 30, 30), ==, XF_FSRS_RATING_GOOD);
  g_assert_cmpint (xf_fsrs_rating_for_answer (TRUE, 61, 30), ==, XF_FSRS_RATING_HARD);
  g_assert_cmpint (xf_fsrs_rating_for_answer (TRUE, 60, 30), ==, XF_FSRS_RATING_GOOD);
  g_assert_cmpint (xf_fsrs_rating_for_answer (TRUE, 10, 30), ==, XF_FSRS_RATING_EASY);
  g_assert_cmpint (xf_fsrs_rating_for_answer (TRUE, 11, 30), ==, XF_FSRS_RATING_GOOD);
  g_assert_cmpint (xf_fsrs_rating_for_answer (TRUE, 500, 0), ==, XF_FSRS_RATING_GOOD);
  g_assert_cmpint (xf_fsrs_rating_for_answer (TRUE, NAN, 30), ==, XF_FSRS_RATING_GOOD);
}

static void
test_states (void)
{
  XfFsrsState state = XF_FSRS_STATE_NEW;

  g_assert_cmpstr (xf_fsrs_state_to_string (XF_FSRS_STATE_RELEARNING), ==, "relearning");
  g_assert_true (xf_fsrs_state_from_string ("review", &state));
  g_assert_cmpint (state, ==, XF_FSRS_STATE_REVIEW);
  g_assert_false (xf_fsrs_state_from_string ("Review", &state));
  g_assert_true (xf_fsrs_retention_is_valid (0.70));
  g_assert_true (xf_fsrs_retention_is_valid (0.97));
  g_assert_false (xf_fsrs_retention_is_valid (0.98));
  g_assert_false (xf_fsrs_retention_is_valid (0.69));
  g_assert_false (xf_fsrs_retention_is_valid (NAN));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/vectors", test_vectors);
  g_test_add_func ("/fsrs/first-good", test_first_good);
  g_test_add_func ("/fsrs/first-ratings", test_first_ratings);
  g_test_add_func ("/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/fsrs/day-boundary", test_day_boundary);
  g_test_add_func ("/fsrs/lapse", test_lapse);
  g_test_add_func ("/fsrs/long-and-no-steps", test_long_and_no_steps);
  g_test_add_func ("/fsrs/rating-for-answer", test_rating_for_answer);
  g_test_add_func ("/fsrs/states", test_states);

  return g_test_run ();
}
