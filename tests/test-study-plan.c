/* test-study-plan.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-utils.h"
#include "xf-study-plan.h"
#include "xf-study-store.h"

#define MINUTE ((gint64)60 * G_USEC_PER_SEC)
#define DAY    (24 * 60 * MINUTE)

/* June @day of 2026 at @hour:00, China Standard Time (main() sets it) */
static gint64
at (int day,
    int hour)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 6, day, hour, 0, 0);

  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

/* List "other" (3 items, added first) and list "exam" with @n items
 * e1…en in that order */
static XfDatabase *
open_with_lists (guint n)
{
  XfDatabase *db = xf_test_open_memory ();

  xf_test_exec (db, "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) VALUES "
            "(1, 'other', '其他清单', 2026, 'all', 0, 0), (2, 'exam', '考试清单', 2026, 'all', 0, 0);"
            "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number) VALUES "
            "('o1', 1, 0, 'must', '中华人民共和国宪法', 1), ('o2', 1, 1, 'must', '中华人民共和国宪法', 2),"
            "('o3', 1, 2, 'must', '中华人民共和国宪法', 3)");
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO list_items (uuid, list_id, position, level, law_title, "
                                              "article_number) VALUES ('e%u', 2, %u, 'must', "
                                              "'中华人民共和国行政处罚法', %u)", i, i, i);
      xf_test_exec (db, sql);
    }
  return db;
}

static XfStudyPlan *
get_plan (XfDatabase *db,
          gint64      now_us)
{
  g_autoptr(GError) error = NULL;
  XfStudyPlan *plan = NULL;

  g_assert_true (xf_study_plan_get (db, now_us, &plan, &error));
  g_assert_no_error (error);
  return plan;
}

static void
set_plan (XfDatabase *db,
          const char *day,
          guint       minutes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_study_plan_set (db, day, "exam", minutes, &error));
  g_assert_no_error (error);
}

static void
set_settings (XfDatabase *db,
              double      retention,
              guint       new_per_day)
{
  g_autoptr(GError) error = NULL;
  XfStudySettings settings = { retention, new_per_day, 200 };

  g_assert_true (xf_study_store_set_settings (db, &settings, &error));
  g_assert_no_error (error);
}

static XfStudyQueue *
queue (XfDatabase *db,
       gint64      now_us,
       const char *list)
{
  g_autoptr(GError) error = NULL;
  XfStudyQueue *q = xf_study_store_queue (db, now_us, list, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (q);
  return q;
}

static void
rate (XfDatabase   *db,
      const char   *key,
      XfFsrsRating  rating,
      gint64        time_us)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, key, rating, time_us, 12000,
                                                     XF_STUDY_SOURCE_STUDY, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
}

static void
test_set_and_clear (void)
{
  g_autoptr(XfDatabase) db = open_with_lists (5);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyPlan) none = get_plan (db, at (1, 10));
  g_autoptr(XfStudyPlan) plan = NULL;
  g_autoptr(XfStudyPlan) cleared = NULL;
  g_autoptr(XfStudyQueue) q = NULL;

  g_assert_null (none);

  /* Every part is checked, and nothing is stored when one is wrong */
  g_assert_false (xf_study_plan_set (db, "2026-02-30", "exam", 30, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (xf_study_plan_set (db, "2026/06/21", "exam", 30, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_study_plan_set (db, "2026-06-21", "exam", 0, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_study_plan_set (db, "2026-06-21", "exam", XF_STUDY_PLAN_MAX_MINUTES + 1, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_study_plan_set (db, "2026-06-21", "nowhere", 30, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null ((none = get_plan (db, at (1, 10))));

  set_plan (db, "2026-06-21", 30);
  plan = get_plan (db, at (1, 10));
  g_assert_nonnull (plan);
  g_assert_cmpstr (plan->exam_day, ==, "2026-06-21");
  g_assert_cmpstr (plan->list_uuid, ==, "exam");
  g_assert_cmpstr (plan->list_title, ==, "考试清单");
  g_assert_cmpuint (plan->budget_minutes, ==, 30);
  g_assert_cmpint (plan->exam_start, ==, at (21, 0));
  /* June 1 to June 20 */
  g_assert_cmpuint (plan->days_left, ==, 20);
  g_assert_cmpuint (plan->n_items, ==, 5);
  g_assert_cmpuint (plan->n_new, ==, 5);

  /* The exam day itself and after: nothing left to plan, the queue as
   * without a plan */
  g_clear_pointer (&plan, xf_study_plan_free);
  plan = get_plan (db, at (21, 7));
  g_assert_cmpuint (plan->days_left, ==, 0);
  g_assert_cmpuint (plan->new_per_day, ==, 0);
  g_assert_cmpuint (plan->n_unreached, ==, 5);
  g_assert_false (plan->feasible);

  g_assert_true (xf_study_plan_clear (db, &error));
  g_assert_no_error (error);
  g_assert_null ((cleared = get_plan (db, at (1, 10))));

  /* A plan whose list is gone is no plan */
  set_plan (db, "2026-06-21", 30);
  xf_test_exec (db, "DELETE FROM list_items WHERE list_id = 2; DELETE FROM lists WHERE uuid = 'exam'");
  g_assert_null ((cleared = get_plan (db, at (1, 10))));
  q = queue (db, at (1, 10), NULL);
  g_assert_cmpuint (q->n_planned, ==, 0);
}

/* 30 new items, 20 days: 2 a day, 2 × 3 showings × 20 s = 2 minutes */
static void
test_new_cards (void)
{
  g_autoptr(XfDatabase) db = open_with_lists (30);
  g_autoptr(XfStudyPlan) plan = NULL;
  g_autoptr(XfStudyQueue) before = NULL;
  g_autoptr(XfStudyQueue) q = NULL;
  g_autoptr(XfStudyQueue) other = NULL;

  set_settings (db, 0.9, 1);
  before = queue (db, at (1, 10), NULL);
  g_assert_cmpuint (before->n_new, ==, 1);
  /* Without a plan new cards come in the order they were added */
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (before->cards, 0))->key, ==, "o1");

  set_plan (db, "2026-06-21", 30);
  plan = get_plan (db, at (1, 10));
  g_assert_cmpuint (plan->new_per_day, ==, 2);
  g_assert_cmpfloat_with_epsilon (plan->seconds_per_card, XF_STUDY_PLAN_DEFAULT_SECONDS, 1e-9);
  g_assert_cmpfloat_with_epsilon (plan->minutes_per_day, 2.0, 1e-9);
  g_assert_true (plan->feasible);
  g_assert_cmpuint (plan->n_unreached, ==, 0);

  /* The plan's figure beats the smaller limit, and its list comes first */
  q = queue (db, at (1, 10), NULL);
  g_assert_cmpuint (q->n_new, ==, 2);
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (q->cards, 0))->key, ==, "e1");
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (q->cards, 1))->key, ==, "e2");

  /* A larger limit still fills from the other lists after the plan's,
   * without taking a card twice */
  set_settings (db, 0.9, 33);
  g_clear_pointer (&q, xf_study_queue_free);
  q = queue (db, at (1, 10), NULL);
  g_assert_cmpuint (q->n_new, ==, 33);
  for (guint i = 0; i < 30; i++)
    g_assert_cmpint (((XfStudyCard *)g_ptr_array_index (q->cards, i))->key[0], ==, 'e');
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (q->cards, 30))->key, ==, "o1");
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (q->cards, 32))->key, ==, "o3");

  /* Another list studied on its own: no plan */
  set_settings (db, 0.9, 1);
  other = queue (db, at (1, 10), "other");
  g_assert_cmpuint (other->n_new, ==, 1);
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (other->cards, 0))->key, ==, "o1");

  /* Two introduced today: the plan's share is done */
  rate (db, "e1", XF_FSRS_RATING_GOOD, at (1, 10));
  rate (db, "e2", XF_FSRS_RATING_GOOD, at (1, 10));
  g_clear_pointer (&q, xf_study_queue_free);
  q = queue (db, at (1, 11), NULL);
  g_assert_cmpuint (q->n_new, ==, 0);
}

/* 60 items in 3 days on a minute a day: 3 cards fit, a new card takes 3 */
static void
test_over_budget (void)
{
  g_autoptr(XfDatabase) db = open_with_lists (60);
  g_autoptr(XfStudyPlan) plan = NULL;
  g_autoptr(XfStudyPlan) roomy = NULL;

  set_plan (db, "2026-06-04", 1);
  plan = get_plan (db, at (1, 10));
  g_assert_cmpuint (plan->days_left, ==, 3);
  g_assert_false (plan->feasible);
  g_assert_cmpuint (plan->new_per_day, ==, 1);
  g_assert_cmpuint (plan->n_unreached, ==, 57);
  g_assert_cmpfloat_with_epsilon (plan->minutes_per_day, 1.0, 1e-9);
  /* 20 a day × 3 × 20 s */
  g_assert_cmpfloat_with_epsilon (plan->minutes_needed, 20.0, 1e-9);

  /* An hour a day is enough: 20 a day × 3 × 20 s = 20 minutes */
  set_plan (db, "2026-06-04", 60);
  roomy = get_plan (db, at (1, 10));
  g_assert_true (roomy->feasible);
  g_assert_cmpuint (roomy->new_per_day, ==, 20);
  g_assert_cmpfloat_with_epsilon (roomy->minutes_per_day, 20.0, 1e-9);
}

/* The person's own pace, from 20 ratings on: the median */
static void
test_pace (void)
{
  g_autoptr(XfDatabase) db = open_with_lists (30);
  g_autoptr(XfStudyPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 21; i++)
    {
      g_autofree char *key = g_strdup_printf ("e%u", i);
      g_autoptr(XfStudyCard) card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, key, XF_FSRS_RATING_EASY,
                                                         at (1, 9) + i * MINUTE, i * 1000, XF_STUDY_SOURCE_STUDY,
                                                         NULL, &error);
      g_assert_no_error (error);
    }
  set_plan (db, "2026-06-21", 30);
  plan = get_plan (db, at (1, 10));
  g_assert_cmpfloat_with_epsilon (plan->seconds_per_card, 11.0, 1e-9);
  g_assert_cmpuint (plan->n_new, ==, 9);
}

/* Learned at retention 0.70, examined at 0.95: the items' intervals run
 * past the exam, and their retrievability on the day falls short */
static void
test_at_risk (void)
{
  g_autoptr(XfDatabase) db = open_with_lists (12);
  g_autoptr(XfStudyPlan) plan = NULL;
  g_autoptr(XfStudyPlan) eve = NULL;
  g_autoptr(XfStudyQueue) q = NULL;
  g_autoptr(XfStudyQueue) again = NULL;
  g_autoptr(XfStudyQueue) last = NULL;
  g_autoptr(XfStudyQueue) after = NULL;
  guint picked = 0;

  set_settings (db, 0.70, 20);
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *key = g_strdup_printf ("e%u", i);

      rate (db, key, XF_FSRS_RATING_EASY, at (1, 9));
    }
  set_settings (db, 0.95, 0);
  set_plan (db, "2026-06-21", 30);

  plan = get_plan (db, at (2, 10));
  g_assert_cmpuint (plan->days_left, ==, 19);
  g_assert_cmpuint (plan->n_at_risk, ==, 10);
  g_assert_cmpuint (plan->n_due_before + plan->n_safe, ==, 0);
  g_assert_cmpuint (plan->n_new, ==, 2);
  g_assert_cmpuint (plan->at_risk_per_day, ==, 1);
  g_assert_cmpfloat (xf_study_plan_exam_retrievability (plan, &(XfFsrsCard){ 0 }), ==, 0);

  /* Over the days before the exam each at-risk item has its turn: the
   * same ones all day, and every one left on the eve of the exam */
  for (int day = 2; day <= 19; day++)
    {
      g_autoptr(XfStudyQueue) a = queue (db, at (day, 8), NULL);
      g_autoptr(XfStudyQueue) b = queue (db, at (day, 20), NULL);

      g_assert_cmpuint (a->n_planned, ==, b->n_planned);
      for (guint i = 0; i < a->cards->len; i++)
        g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (a->cards, i))->key, ==,
                         ((XfStudyCard *)g_ptr_array_index (b->cards, i))->key);
      picked += a->n_planned;
    }
  g_assert_cmpuint (picked, >=, 1);
  g_assert_cmpuint (picked, <, 10 * 18);
  last = queue (db, at (20, 9), NULL);
  g_assert_cmpuint (last->n_planned, ==, 10);
  /* Brought forward after the due cards (none), before the new ones */
  g_assert_cmpuint (last->n_new, ==, 2);
  for (guint i = 0; i < last->cards->len; i++)
    g_assert_cmpint (((XfStudyCard *)g_ptr_array_index (last->cards, i))->fsrs.state, ==,
                     i < 10 ? XF_FSRS_STATE_REVIEW : XF_FSRS_STATE_NEW);

  /* Reviewed the day before: rescheduled from there, no longer brought
   * forward that day */
  rate (db, "e1", XF_FSRS_RATING_GOOD, at (20, 10));
  again = queue (db, at (20, 11), NULL);
  g_assert_cmpuint (again->n_planned, ==, 9);
  for (guint i = 0; i < again->cards->len; i++)
    g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (again->cards, i))->key, !=, "e1");

  eve = get_plan (db, at (20, 11));
  g_assert_cmpuint (eve->days_left, ==, 1);
  g_assert_cmpuint (eve->n_at_risk + eve->n_due_before + eve->n_safe, ==, 10);

  /* A queue for the exam list only carries the plan too; the exam day
   * has none */
  q = queue (db, at (20, 11), "exam");
  g_assert_cmpuint (q->n_planned, ==, 9);
  after = queue (db, at (21, 9), NULL);
  g_assert_cmpuint (after->n_planned, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "CST-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study-plan/set-and-clear", test_set_and_clear);
  g_test_add_func ("/study-plan/new-cards", test_new_cards);
  g_test_add_func ("/study-plan/over-budget", test_over_budget);
  g_test_add_func ("/study-plan/pace", test_pace);
  g_test_add_func ("/study-plan/at-risk", test_at_risk);

  return g_test_run ();
}
