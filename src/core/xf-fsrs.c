/* xf-fsrs.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xf-fsrs.h"

/* FSRS-6 as ts-fsrs 5 (the reference implementation) computes it, down
 * to its rounding, so that a schedule made here is the one every other
 * FSRS-6 client makes from the same review log: tests/test-fsrs.c
 * replays thousands of reviews that ts-fsrs 5.4.2 scheduled
 * (tests/data/fsrs/vectors.json) and requires the same states, memory
 * and due times.
 *
 * Things ts-fsrs does that the published formulas alone do not say:
 * - every intermediate stability, difficulty and retrievability is
 *   rounded to 8 decimals (its roundTo), and intervals are rounded with
 *   JavaScript's Math.round (halves go up, also for negative numbers);
 * - days are UTC calendar days: a review at 23:59 and one at 00:01 are a
 *   day apart, two on the same UTC date are 0 days apart and then FSRS-6
 *   uses its short-term ("same-day") stability;
 * - due times are the review time plus whole minutes (a step) or whole
 *   days of 86 400 s, not the start of a day;
 * - the difficulty's mean reversion pulls towards the unclamped initial
 *   difficulty of Easy, which is below 1 with the default weights;
 * - after a review, hard ≤ good < easy in days, and easy may pass the
 *   maximum interval by that rule.
 */

#define S_MIN           0.001
#define S_MAX           36500.0
#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* FSRS-6's published default weights, those ts-fsrs 5 ships. */
static const double default_weights[XF_FSRS_N_WEIGHTS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
  1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
  1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

static const char * const state_names[] = {
  "new", "learning", "review", "relearning",
};

/* JavaScript's Math.round: the nearest integer, halves towards +∞.
 * C's round() sends halves away from zero, which differs for -x.5,
 * and floor (x + 0.5) is off for 0.49999999999999994. */
static double
js_round (double x)
{
  double r = floor (x);

  if (x - r >= 0.5)
    r += 1.0;
  return r;
}

static double
round8 (double x)
{
  return js_round (x * 1e8) / 1e8;
}

static double
clamp (double x,
       double lo,
       double hi)
{
  /* In this order, as ts-fsrs's clamp: when hi < lo, hi wins. */
  return MIN (MAX (x, lo), hi);
}

/* Days since the epoch of the UTC date of @t, rounding towards −∞ so
 * that times before 1970 fall on the right day too. */
static gint64
utc_day (gint64 t)
{
  return t >= 0 ? t / SECONDS_PER_DAY : -((-t + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
}

/* What a review needs of the parameters beyond the weights, worked out
 * once a call rather than once a formula: the transcendental functions
 * are most of a review's cost (tests/bench/bench-fsrs.c). */
typedef struct
{
  const XfFsrsParams *params;
  double              decay;
  double              factor;
  double              interval_modifier;
  double              easy_difficulty;  /* D₀(Easy), unclamped */
  double              exp_w8;
} Model;

static double init_difficulty (const XfFsrsParams *params,
                               XfFsrsRating        g);

static void
model_init (Model              *model,
            const XfFsrsParams *params)
{
  /* The derived numbers depend on these alone; a profile keeps its
   * parameters for thousands of reviews, so the last ones computed on
   * this thread are kept. */
  static _Thread_local struct
  {
    gboolean valid;
    double   key[5];
    Model    model;
  } memo;
  const double key[5] = {
    params->weights[4], params->weights[5], params->weights[8], params->weights[20],
    params->desired_retention,
  };

  if (!memo.valid || memcmp (memo.key, key, sizeof key) != 0)
    {
      Model *m = &memo.model;

      /* The forgetting curve is a power law R = (1 + f·t/S)^−decay whose
       * factor f makes R(S) = 0.9 whatever the decay (w20). */
      m->decay = -params->weights[20];
      m->factor = round8 (exp (pow (m->decay, -1) * log (0.9)) - 1);
      /* The number of stabilities after which R falls to the desired
       * retention: 1 at 0.9. */
      m->interval_modifier = round8 ((pow (params->desired_retention, 1 / m->decay) - 1) / m->factor);
      m->easy_difficulty = init_difficulty (params, XF_FSRS_RATING_EASY);
      m->exp_w8 = exp (params->weights[8]);
      memcpy (memo.key, key, sizeof key);
      memo.valid = TRUE;
    }

  *model = memo.model;
  model->params = params;
}

static double
model_forgetting_curve (const Model *model,
                        double       elapsed_days,
                        double       stability)
{
  return round8 (pow (1 + model->factor * elapsed_days / stability, model->decay));
}

static guint
model_next_interval (const Model *model,
                     double       stability)
{
  double days = js_round (stability * model->interval_modifier);

  return (guint) MIN (MAX (1.0, days), (double) model->params->maximum_interval);
}

void
xf_fsrs_params_init_default (XfFsrsParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  memcpy (params->weights, default_weights, sizeof default_weights);
  params->desired_retention = 0.9;
  params->maximum_interval = 36500;
  params->short_term = TRUE;
  params->n_learning_steps = 2;
  params->learning_steps[0] = 60;
  params->learning_steps[1] = 10 * 60;
  params->n_relearning_steps = 1;
  params->relearning_steps[0] = 10 * 60;
}

gboolean
xf_fsrs_retention_is_valid (double retention)
{
  return retention >= XF_FSRS_MIN_RETENTION && retention <= XF_FSRS_MAX_RETENTION;
}

void
xf_fsrs_card_init (XfFsrsCard *card,
                   gint64      now)
{
  g_return_if_fail (card != NULL);

  memset (card, 0, sizeof *card);
  card->state = XF_FSRS_STATE_NEW;
  card->due = now;
}

/**
 * xf_fsrs_forgetting_curve:
 * @params: the parameters
 * @elapsed_days: days since the last review
 * @stability: the memory's stability, in days
 *
 * Returns: the probability of recall after @elapsed_days, rounded to 8
 *   decimals as ts-fsrs does
 */
double
xf_fsrs_forgetting_curve (const XfFsrsParams *params,
                          double              elapsed_days,
                          double              stability)
{
  Model model;

  g_return_val_if_fail (params != NULL, 0);

  model_init (&model, params);
  return model_forgetting_curve (&model, elapsed_days, stability);
}

/**
 * xf_fsrs_retrievability:
 * @params: the parameters
 * @card: a card
 * @time: UTC seconds
 *
 * The card's probability of recall at @time, as ts-fsrs's
 * get_retrievability() gives it: whole periods of 24 hours since the
 * last review (not calendar days), 0 for a new card.
 *
 * Returns: the retrievability, 0–1
 */
double
xf_fsrs_retrievability (const XfFsrsParams *params,
                        const XfFsrsCard   *card,
                        gint64              time)
{
  gint64 elapsed;

  g_return_val_if_fail (params != NULL && card != NULL, 0);

  if (card->state == XF_FSRS_STATE_NEW || card->stability <= 0)
    return 0;

  elapsed = time - card->last_review;
  elapsed = elapsed > 0 ? elapsed / SECONDS_PER_DAY : 0;
  return xf_fsrs_forgetting_curve (params, (double) elapsed, round8 (card->stability));
}

/**
 * xf_fsrs_interval_modifier:
 * @params: the parameters
 *
 * Returns: the number of stabilities after which retrievability falls to
 *   the desired retention (1 at 0.9)
 */
double
xf_fsrs_interval_modifier (const XfFsrsParams *params)
{
  Model model;

  g_return_val_if_fail (params != NULL, 0);

  model_init (&model, params);
  return model.interval_modifier;
}

/**
 * xf_fsrs_next_interval:
 * @params: the parameters
 * @stability: stability in days
 *
 * Returns: the interval in whole days after which retrievability reaches
 *   the desired retention, at least 1 and at most the maximum interval
 */
guint
xf_fsrs_next_interval (const XfFsrsParams *params,
                       double              stability)
{
  Model model;

  g_return_val_if_fail (params != NULL, 1);

  model_init (&model, params);
  return model_next_interval (&model, stability);
}

/* Memory after the first rating: per-grade initial stability and a
 * difficulty that falls exponentially with the grade. */
static double
init_stability (const XfFsrsParams *params,
                XfFsrsRating        g)
{
  return MAX (params->weights[g - 1], 0.1);
}

static double
init_difficulty (const XfFsrsParams *params,
                 XfFsrsRating        g)
{
  const double *w = params->weights;

  return round8 (w[4] - exp ((g - 1) * w[5]) + 1);
}

/* FSRS-6 difficulty: a step up or down by grade, damped linearly as D
 * nears 10 so that it never overshoots, then a small pull (w7) back
 * towards the difficulty of a card first rated Easy. */
static double
next_difficulty (const Model  *model,
                 double        d,
                 XfFsrsRating  g)
{
  const double *w = model->params->weights;
  double delta = -w[6] * ((double) g - 3);
  double next = d + round8 (delta * (10 - d) / 9);
  double reverted = round8 (w[7] * model->easy_difficulty + (1 - w[7]) * next);

  return clamp (reverted, 1, 10);
}

static double
forget_stability (const XfFsrsParams *params,
                  double              d,
                  double              s,
                  double              r)
{
  const double *w = params->weights;
  double after = round8 (clamp (w[11] * pow (d, -w[12]) * (pow (s + 1, w[13]) - 1) * exp ((1 - r) * w[14]),
                                S_MIN, S_MAX));
  /* FSRS-6 never lets a lapse leave more stability than a same-day
   * Again would (s / e^(w17·w18)); without short-term that is s itself. */
  double w17 = params->short_term ? w[17] : 0;
  double w18 = params->short_term ? w[18] : 0;
  double ceiling = round8 (s / exp (w17 * w18));

  return clamp (ceiling, S_MIN, after);
}

#define GRADE(g) (1u << (g))

/* ts-fsrs's next_state(), stability part: the stability after each
 * grade in the bit set @grades, into @stability[g − 1], @t days after
 * the last review and @r the retrievability then. A review in days
 * needs it for three or four grades; what does not depend on the grade
 * is computed once, as the same products in the same order as ts-fsrs,
 * so the doubles are the same. */
static void
next_stabilities (const Model      *model,
                  const XfFsrsCard *card,
                  guint             t,
                  double            r,
                  guint             grades,
                  double            stability[4])
{
  const XfFsrsParams *params = model->params;
  const double *w = params->weights;
  double d = card->difficulty;
  double s = card->stability;

  /* ts-fsrs tells a first review by the empty memory, not by the state. */
  if (d == 0 && s == 0)
    {
      for (guint g = XF_FSRS_RATING_AGAIN; g <= XF_FSRS_RATING_EASY; g++)
        if (grades & GRADE (g))
          stability[g - 1] = init_stability (params, (XfFsrsRating) g);
      return;
    }

  if (t == 0 && params->short_term)
    {
      /* A review on the day of the previous one: the forgetting curve
       * has no time to act, so stability moves by grade alone, and
       * (FSRS-6) less the more stable the memory already is (s^−w19);
       * Hard and better never lower it. */
      double damping = pow (s, -w[19]);

      for (guint g = XF_FSRS_RATING_AGAIN; g <= XF_FSRS_RATING_EASY; g++)
        if (grades & GRADE (g))
          {
            double sinc = damping * exp (w[17] * ((double) g - 3 + w[18]));

            if (g >= XF_FSRS_RATING_HARD)
              sinc = MAX (sinc, 1);
            stability[g - 1] = round8 (clamp (s * sinc, S_MIN, S_MAX));
          }
      return;
    }

  if (grades & GRADE (XF_FSRS_RATING_AGAIN))
    stability[0] = forget_stability (params, d, s, r);
  if (grades & ~GRADE (XF_FSRS_RATING_AGAIN))
    {
      /* Recall: the less retrievable, the more stability grows; less for
       * a stable or difficult memory; Hard penalised, Easy rewarded. */
      double gain = model->exp_w8 * (11 - d) * pow (s, -w[9]) * (exp ((1 - r) * w[10]) - 1);

      for (guint g = XF_FSRS_RATING_HARD; g <= XF_FSRS_RATING_EASY; g++)
        if (grades & GRADE (g))
          {
            double hard_penalty = g == XF_FSRS_RATING_HARD ? w[15] : 1;
            double easy_bonus = g == XF_FSRS_RATING_EASY ? w[16] : 1;

            stability[g - 1] = round8 (clamp (s * (1 + gain * hard_penalty * easy_bonus), S_MIN, S_MAX));
          }
    }
}

/* ts-fsrs's next_state(), difficulty part. */
static double
difficulty_after (const Model      *model,
                  const XfFsrsCard *card,
                  XfFsrsRating      g)
{
  if (card->difficulty == 0 && card->stability == 0)
    return clamp (init_difficulty (model->params, g), 1, 10);
  return next_difficulty (model, card->difficulty, g);
}

static double
step_minutes (gint64 seconds)
{
  return (double) seconds / 60;
}

/* ts-fsrs's BasicLearningStepsStrategy: the minutes until the next
 * review and the step reached for rating @g, or 0 minutes when the card
 * leaves its steps (it graduates, or the steps are used up). */
static double
learning_step (const XfFsrsParams *params,
               const XfFsrsCard   *card,
               XfFsrsRating        g,
               guint              *next_step)
{
  gboolean relearning = card->state == XF_FSRS_STATE_REVIEW || card->state == XF_FSRS_STATE_RELEARNING;
  const gint64 *steps = relearning ? params->relearning_steps : params->learning_steps;
  guint n = MIN (relearning ? params->n_relearning_steps : params->n_learning_steps, XF_FSRS_MAX_STEPS);
  guint cur = card->step;

  *next_step = 0;
  if (n == 0 || cur >= n)
    return 0;

  /* A lapse goes back to the relearning step the card is at (the first). */
  if (card->state == XF_FSRS_STATE_REVIEW)
    return g == XF_FSRS_RATING_AGAIN ? step_minutes (steps[cur]) : 0;

  switch (g)
    {
    case XF_FSRS_RATING_AGAIN:
      return step_minutes (steps[0]);
    case XF_FSRS_RATING_HARD:
      /* Anki's rule: halfway between the first two steps, or half as
       * long again as a single one; the card stays on its step. */
      *next_step = cur;
      if (n == 1)
        return js_round (step_minutes (steps[0]) * 1.5);
      return js_round ((step_minutes (steps[0]) + step_minutes (steps[1])) / 2);
    case XF_FSRS_RATING_GOOD:
      if (cur + 1 >= n || steps[cur + 1] <= 0)
        return 0;
      *next_step = cur + 1;
      return js_round (step_minutes (steps[cur + 1]));
    case XF_FSRS_RATING_EASY:
    default:
      return 0;
    }
}

static void
set_review_days (XfFsrsCard *next,
                 guint       days,
                 gint64      time)
{
  next->state = XF_FSRS_STATE_REVIEW;
  next->step = 0;
  next->scheduled_days = days;
  next->due = time + (gint64) days * SECONDS_PER_DAY;
}

/* ts-fsrs's applyLearningSteps(): a step shorter than a day keeps the
 * card in @to_state for minutes; a step of a day or more, or none, puts
 * it in review. */
static void
apply_learning_steps (const Model        *model,
                      const XfFsrsCard   *card,
                      XfFsrsRating        g,
                      XfFsrsState         to_state,
                      gint64              time,
                      XfFsrsCard         *next)
{
  guint next_step;
  double minutes = MAX (0, learning_step (model->params, card, g, &next_step));

  if (minutes > 0 && minutes < 1440)
    {
      next->step = next_step;
      next->scheduled_days = 0;
      next->state = to_state;
      next->due = time + (gint64) js_round (minutes) * 60;
    }
  else if (minutes >= 1440)
    {
      next->state = XF_FSRS_STATE_REVIEW;
      next->step = next_step;
      next->due = time + (gint64) js_round (minutes) * 60;
      next->scheduled_days = (guint) floor (minutes / 1440);
    }
  else
    {
      set_review_days (next, model_next_interval (model, next->stability), time);
    }
}

/* Intervals of the graded ratings after a recall, kept strictly
 * ordered so that a better grade never comes back sooner; @raw holds
 * the raw intervals of Again…Easy (Again's only used without
 * short-term, when a lapse is scheduled in days too). */
static guint
ordered_interval (const XfFsrsParams *params,
                  const guint         raw[4],
                  XfFsrsRating        g)
{
  guint again = raw[0], hard = raw[1], good = raw[2], easy = raw[3];

  if (params->short_term)
    {
      hard = MIN (hard, good);
    }
  else
    {
      again = MIN (again, hard);
      hard = MAX (hard, again + 1);
    }
  good = MAX (good, hard + 1);
  easy = MAX (easy, good + 1);

  switch (g)
    {
    case XF_FSRS_RATING_AGAIN:
      return again;
    case XF_FSRS_RATING_HARD:
      return hard;
    case XF_FSRS_RATING_GOOD:
      return good;
    case XF_FSRS_RATING_EASY:
    default:
      return easy;
    }
}

/* A review of a card in review (or, without short-term, of any card):
 * every grade's interval is needed to order them; @stability holds the
 * stability after each grade that counts. */
static void
review_in_days (const Model  *model,
                const double  stability[4],
                XfFsrsRating  g,
                gint64        time,
                XfFsrsCard   *next)
{
  guint raw[4] = { 0, };

  for (guint i = model->params->short_term ? 1 : 0; i < 4; i++)
    raw[i] = model_next_interval (model, stability[i]);
  set_review_days (next, ordered_interval (model->params, raw, g), time);
}

/**
 * xf_fsrs_review:
 * @params: the parameters
 * @card: the card before the review
 * @rating: the rating given
 * @time: when it was given, UTC seconds
 *
 * Schedules a card after a review. A time before the card's last review
 * (a clock set wrong on the device that recorded it) counts as the same
 * day, where ts-fsrs would refuse it.
 *
 * Returns: the card after the review
 */
XfFsrsCard
xf_fsrs_review (const XfFsrsParams *params,
                const XfFsrsCard   *card,
                XfFsrsRating        rating,
                gint64              time)
{
  XfFsrsCard next;
  Model model;
  gint64 days = 0;
  guint t, grades;
  gboolean in_days;
  double r;
  double stability[4];

  g_return_val_if_fail (params != NULL && card != NULL, (XfFsrsCard) { 0 });
  g_return_val_if_fail (rating >= XF_FSRS_RATING_AGAIN && rating <= XF_FSRS_RATING_EASY, *card);

  if (card->state != XF_FSRS_STATE_NEW && card->last_review != 0)
    days = utc_day (time) - utc_day (card->last_review);
  t = (guint) CLAMP (days, 0, G_MAXUINT);

  model_init (&model, params);
  next = *card;
  next.last_review = time;
  next.elapsed_days = t;
  next.reps = card->reps + 1;

  /* ts-fsrs computes the retrievability before the rating on the
   * card's stability as stored, whatever the state. */
  r = card->stability > 0 ? model_forgetting_curve (&model, t, card->stability) : 0;

  /* Reviews scheduled in days order the intervals of all the grades,
   * so they need every grade's stability, not only the one given. */
  in_days = !params->short_term || (card->state == XF_FSRS_STATE_REVIEW && rating != XF_FSRS_RATING_AGAIN);
  grades = GRADE (rating);
  if (in_days)
    grades |= GRADE (XF_FSRS_RATING_HARD) | GRADE (XF_FSRS_RATING_GOOD) | GRADE (XF_FSRS_RATING_EASY) |
              (params->short_term ? 0 : GRADE (XF_FSRS_RATING_AGAIN));
  next_stabilities (&model, card, t, r, grades, stability);
  next.stability = stability[rating - 1];
  next.difficulty = difficulty_after (&model, card, rating);

  if (!params->short_term)
    {
      /* Without short-term, new and learning cards are reviewed like
       * review cards: every rating is scheduled in days. */
      if (card->state == XF_FSRS_STATE_NEW)
        {
          next.scheduled_days = 0;
          next.elapsed_days = 0;
        }
      review_in_days (&model, stability, rating, time, &next);
      if (rating == XF_FSRS_RATING_AGAIN && card->state != XF_FSRS_STATE_NEW)
        next.lapses++;
      return next;
    }

  switch (card->state)
    {
    case XF_FSRS_STATE_NEW:
      apply_learning_steps (&model, card, rating, XF_FSRS_STATE_LEARNING, time, &next);
      break;
    case XF_FSRS_STATE_LEARNING:
    case XF_FSRS_STATE_RELEARNING:
      apply_learning_steps (&model, card, rating, card->state, time, &next);
      break;
    case XF_FSRS_STATE_REVIEW:
    default:
      if (rating == XF_FSRS_RATING_AGAIN)
        {
          apply_learning_steps (&model, card, rating, XF_FSRS_STATE_RELEARNING, time, &next);
          next.lapses++;
        }
      else
        {
          review_in_days (&model, stability, rating, time, &next);
        }
      break;
    }

  return next;
}

/**
 * xf_fsrs_rating_for_answer:
 * @correct: whether the answer was right
 * @seconds: how long the answer took
 * @expected_seconds: how long a question of its kind should take, or 0
 *   when unknown
 *
 * The rating of a question from its answer: wrong is Again; right is
 * Good, Hard when it took more than twice the expected time (worked
 * out rather than recalled), Easy when it took at most a third of it.
 *
 * Returns: the rating
 */
XfFsrsRating
xf_fsrs_rating_for_answer (gboolean correct,
                           double   seconds,
                           double   expected_seconds)
{
  if (!correct)
    return XF_FSRS_RATING_AGAIN;
  if (!(expected_seconds > 0) || !(seconds >= 0))
    return XF_FSRS_RATING_GOOD;
  if (seconds > 2 * expected_seconds)
    return XF_FSRS_RATING_HARD;
  if (seconds <= expected_seconds / 3)
    return XF_FSRS_RATING_EASY;
  return XF_FSRS_RATING_GOOD;
}

const char *
xf_fsrs_state_to_string (XfFsrsState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
xf_fsrs_state_from_string (const char  *name,
                           XfFsrsState *state)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (name, state_names[i]))
      {
        if (state != NULL)
          *state = (XfFsrsState) i;
        return TRUE;
      }
  return FALSE;
}
