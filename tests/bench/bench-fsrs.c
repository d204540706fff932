/* bench-fsrs.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <time.h>

#include "xf-fsrs.h"

/* The scheduling arithmetic at the size of a large profile: a year of
 * study of 150 000 article cards and 100 000 question cards, then the
 * queue of what is due today. Pure computation, no database: what the
 * scheduler adds to the 100 ms the issue allows for opening the study
 * queue.
 *
 * A year of reviews is first simulated (cards introduced through the
 * first ten months, reviewed at a morning or evening session in Beijing
 * time on the day they fall due or some days late, learning steps a few
 * minutes after they fall due; an article is recalled with the
 * probability FSRS gives, and rated Good, Hard or Easy, or Again when
 * forgotten; a question is answered right with that probability, in a
 * random time, and rated by xf_fsrs_rating_for_answer()). The resulting
 * log, in time order, is then replayed through xf_fsrs_review() from
 * new cards, timed, and must end in the same states. Last, the queue of
 * cards due by the end of the day is built and ordered by
 * retrievability, timed. Prints JSON.
 *
 *   build/tests/bench/bench-fsrs [--articles N] [--questions N] [--repeat N] [--seed N] */

static int opt_articles = 150000;
static int opt_questions = 100000;
static int opt_repeat = 3;
static int opt_seed = 11;

#define DAY        G_GINT64_CONSTANT (86400)
#define BEIJING    (8 * 3600)
#define YEAR_START G_GINT64_CONSTANT (1767225600)  /* 2026-01-01T00:00:00Z */
#define YEAR_END   (YEAR_START + 365 * DAY)

typedef struct
{
  gint64  time;
  guint32 card;
  guint8  rating;
} Review;

typedef struct
{
  double retrievability;
  guint  card;
} QueueEntry;

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* A study session on the Beijing date of @day_start: 08:30 or 20:00 local. */
static gint64
session_time (gint64  day_start,
              GRand  *rand)
{
  gint64 local = g_rand_boolean (rand) ? 8 * 3600 + 30 * 60 : 20 * 3600;

  return day_start + local - BEIJING + g_rand_int_range (rand, 0, 40 * 60);
}

static gint64
beijing_day_start (gint64 t)
{
  gint64 local = t + BEIJING;

  return local - local % DAY;
}

static XfFsrsRating
rate (gboolean      question,
      double        recall,
      GRand        *rand)
{
  gboolean recalled = g_rand_double (rand) < recall;

  if (question)
    {
      /* A 单选 takes about 30 s; answers spread from a few seconds to
       * a few minutes. */
      double seconds = 30 * exp (g_rand_double_range (rand, -1.6, 1.4));

      return xf_fsrs_rating_for_answer (recalled, seconds, 30);
    }
  if (!recalled)
    return XF_FSRS_RATING_AGAIN;
  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0: case 1: case 2:
      return XF_FSRS_RATING_HARD;
    case 3: case 4:
      return XF_FSRS_RATING_EASY;
    default:
      return XF_FSRS_RATING_GOOD;
    }
}

/* One card's year: appends its reviews to @log and returns its state. */
static XfFsrsCard
simulate_card (const XfFsrsParams *params,
               guint               index,
               gboolean            question,
               GRand              *rand,
               GArray             *log)
{
  XfFsrsCard card;
  gint64 t = session_time (YEAR_START + g_rand_int_range (rand, 0, 300) * DAY, rand);

  xf_fsrs_card_init (&card, t);
  while (t < YEAR_END)
    {
      double recall = card.state == XF_FSRS_STATE_NEW ? 0.6 : xf_fsrs_retrievability (params, &card, t);
      XfFsrsRating rating;
      Review review = { t, index, 0 };

      /* Within minutes of the last view, recall is easier than the
       * day-based curve says. */
      if (card.state == XF_FSRS_STATE_LEARNING || card.state == XF_FSRS_STATE_RELEARNING)
        recall = MAX (recall, 0.85);
      rating = rate (question, recall, rand);
      review.rating = (guint8) rating;
      g_array_append_val (log, review);
      card = xf_fsrs_review (params, &card, rating, t);

      if (card.state == XF_FSRS_STATE_LEARNING || card.state == XF_FSRS_STATE_RELEARNING)
        {
          t = card.due + g_rand_int_range (rand, 0, 300);
        }
      else
        {
          gint64 day = beijing_day_start (card.due);
          guint late = g_rand_int_range (rand, 0, 100);

          if (late >= 95)
            day += g_rand_int_range (rand, 4, 31) * DAY;
          else if (late >= 80)
            day += g_rand_int_range (rand, 1, 4) * DAY;
          t = MAX (session_time (day, rand), card.last_review + 60);
        }
    }
  return card;
}

static int
compare_reviews (gconstpointer a,
                 gconstpointer b)
{
  const Review *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return (x->card > y->card) - (x->card < y->card);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_reviews_by_card (gconstpointer a,
                         gconstpointer b)
{
  const Review *x = a, *y = b;

  if (x->card != y->card)
    return x->card < y->card ? -1 : 1;
  return (x->time > y->time) - (x->time < y->time);
}

/* Replays @log from new cards into @cards, timing each run into @times,
 * and checks that it ends where the simulation did. */
static void
replay (const XfFsrsParams *params,
        GArray             *log,
        XfFsrsCard         *cards,
        guint               n_cards,
        const XfFsrsCard   *expected,
        GArray             *times)
{
  for (int r = 0; r < opt_repeat; r++)
    {
      double start, ms;

      for (guint i = 0; i < n_cards; i++)
        xf_fsrs_card_init (&cards[i], 0);
      start = now_us ();
      for (guint i = 0; i < log->len; i++)
        {
          const Review *review = &g_array_index (log, Review, i);

          cards[review->card] = xf_fsrs_review (params, &cards[review->card],
                                                (XfFsrsRating) review->rating, review->time);
        }
      ms = (now_us () - start) / 1e3;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);

  for (guint i = 0; i < n_cards; i++)
    if (cards[i].due != expected[i].due || cards[i].stability != expected[i].stability ||
        cards[i].reps != expected[i].reps)
      g_error ("card %u: the replay does not end where the simulation did", i);
}

static int
compare_queue (gconstpointer a,
               gconstpointer b)
{
  const QueueEntry *x = a, *y = b;

  /* Most at risk first. */
  if (x->retrievability != y->retrievability)
    return x->retrievability < y->retrievability ? -1 : 1;
  return (x->card > y->card) - (x->card < y->card);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &opt_articles, "Article cards", "N" },
    { "questions", 0, 0, G_OPTION_ARG_INT, &opt_questions, "Question cards", "N" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &opt_repeat, "Timed runs of each phase", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (Review));
  g_autoptr(GArray) replay_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) replay_by_card_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) queue_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree XfFsrsCard *expected = NULL;
  g_autofree XfFsrsCard *cards = NULL;
  g_autofree QueueEntry *queue = NULL;
  XfFsrsParams params;
  guint n_cards, n_queue = 0, n_learning = 0, by_rating[5] = { 0 };
  gint64 now = YEAR_END + 30 * 60;  /* 08:30 in Beijing, 2027-01-01 */
  gint64 end_of_day = beijing_day_start (now) + DAY - BEIJING;
  double start, simulate_ms, sort_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  opt_repeat = MAX (opt_repeat, 1);

  rand = g_rand_new_with_seed ((guint32) opt_seed);
  xf_fsrs_params_init_default (&params);
  n_cards = (guint) (MAX (opt_articles, 0) + MAX (opt_questions, 0));
  expected = g_new (XfFsrsCard, n_cards);
  cards = g_new (XfFsrsCard, n_cards);
  queue = g_new (QueueEntry, n_cards);

  start = now_us ();
  for (guint i = 0; i < n_cards; i++)
    expected[i] = simulate_card (&params, i, i >= (guint) opt_articles, rand, log);
  simulate_ms = (now_us () - start) / 1e3;

  start = now_us ();
  g_array_sort (log, compare_reviews);
  sort_ms = (now_us () - start) / 1e3;
  for (guint i = 0; i < log->len; i++)
    by_rating[g_array_index (log, Review, i).rating]++;

  replay (&params, log, cards, n_cards, expected, replay_ms);

  /* The same reviews card by card, as a store that reads each card's
   * log in turn would replay them. */
  start = now_us ();
  g_array_sort (log, compare_reviews_by_card);
  sort_ms += (now_us () - start) / 1e3;
  replay (&params, log, cards, n_cards, expected, replay_by_card_ms);

  for (int r = 0; r < opt_repeat; r++)
    {
      double ms;

      start = now_us ();
      n_queue = 0;
      n_learning = 0;
      for (guint i = 0; i < n_cards; i++)
        {
          const XfFsrsCard *card = &cards[i];

          if (card->due > end_of_day)
            continue;
          /* Cards in their steps come first, whatever their memory. */
          if (card->state == XF_FSRS_STATE_LEARNING || card->state == XF_FSRS_STATE_RELEARNING)
            n_learning++;
          queue[n_queue].card = i;
          queue[n_queue].retrievability =
            card->state == XF_FSRS_STATE_REVIEW ? xf_fsrs_retrievability (&params, card, now) : -1;
          n_queue++;
        }
      qsort (queue, n_queue, sizeof *queue, compare_queue);
      ms = (now_us () - start) / 1e3;
      g_array_append_val (queue_ms, ms);
    }

  g_array_sort (queue_ms, compare_doubles);
  g_print ("{\"articles\": %d, \"questions\": %d, \"reviews\": %u, \"reviews_per_card\": %.1f, "
           "\"ratings\": {\"again\": %u, \"hard\": %u, \"good\": %u, \"easy\": %u}, "
           "\"simulate_ms\": %.1f, \"sort_log_ms\": %.1f, "
           "\"replay_ms\": {\"min\": %.1f, \"median\": %.1f}, \"ns_per_review\": %.1f, "
           "\"replay_by_card_ms\": {\"min\": %.1f, \"median\": %.1f}, \"ns_per_review_by_card\": %.1f, "
           "\"queue\": {\"due\": %u, \"learning\": %u, \"min_ms\": %.2f, \"median_ms\": %.2f}, "
           "\"card_bytes\": %u}\n",
           opt_articles, opt_questions, log->len, (double) log->len / MAX (n_cards, 1),
           by_rating[1], by_rating[2], by_rating[3], by_rating[4],
           simulate_ms, sort_ms,
           g_array_index (replay_ms, double, 0), g_array_index (replay_ms, double, replay_ms->len / 2),
           g_array_index (replay_ms, double, 0) * 1e6 / MAX (log->len, 1),
           g_array_index (replay_by_card_ms, double, 0),
           g_array_index (replay_by_card_ms, double, replay_by_card_ms->len / 2),
           g_array_index (replay_by_card_ms, double, 0) * 1e6 / MAX (log->len, 1),
           n_queue, n_learning,
           g_array_index (queue_ms, double, 0), g_array_index (queue_ms, double, queue_ms->len / 2),
           (guint) sizeof (XfFsrsCard));
  return 0;
}
