/* test-gui-study.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-mistake-store.h"
#include "xf-knowledge-store.h"
#include "xf-stats-page.h"
#include "xf-study-plan.h"
#include "xf-study-page.h"
#include "xf-study-store.h"

/* The study page in a real window over the shipped content: ten cards
 * studied by keyboard alone, then the log and every card's schedule
 * checked against the scheduler run independently here; Ctrl+Z taking a
 * rating back; the settings saved from the page. */

#define N_CARDS 10

typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  XfWindow         *window;
  XfStudyPage      *page;
  XfStudyCardView  *view;
  gboolean          real_keys;
} Fixture;

/* What the test did with a card */
typedef struct
{
  XfStudyKind   kind;
  char         *key;
  XfFsrsRating  rating;     /* pressed; 0 for a question, rated from its answer */
  gboolean      answered;   /* a question */
  gboolean      correct;
  XfQuestionType type;
  gboolean      article;    /* an item card that showed its article's text */
} Done;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  exam_test_profile_set_up ("xf-study-gui-XXXXXX", TRUE, &f->dir, &f->manager, &f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  exam_test_profile_tear_down (&f->dir, &f->manager, &f->db);
}

static gboolean
page_read (gpointer data)
{
  return !xf_study_page_get_loading (data) && g_strcmp0 (xf_study_page_get_state (data), "loading") != 0;
}

static gboolean
overview_read (gpointer data)
{
  return !xf_study_page_get_loading (data) && g_strcmp0 (xf_study_page_get_state (data), "overview") == 0;
}

static gboolean
writes_done (gpointer data)
{
  return xf_study_page_get_n_pending (data) == 0;
}

typedef struct
{
  Fixture    *f;
  const char *state;
  guint       n_studied;
} StateQuery;

static gboolean
view_in (gpointer data)
{
  StateQuery *query = data;
  XfStudySession *session = xf_study_card_view_get_session (query->f->view);

  return session != NULL && g_str_equal (xf_study_card_view_get_state (query->f->view), query->state) &&
         xf_study_session_get_n_studied (session) == query->n_studied;
}

static void
wait_view (Fixture    *f,
           const char *state,
           guint       n_studied)
{
  StateQuery query = { f, state, n_studied };

  if (!xf_test_wait_for (view_in, &query, 10000))
    g_error ("The card view is “%s”, not “%s” after %u cards", xf_study_card_view_get_state (f->view), state,
             n_studied);
}

static gboolean
view_next (gpointer data)
{
  StateQuery *query = data;
  XfStudySession *session = xf_study_card_view_get_session (query->f->view);
  const char *state = xf_study_card_view_get_state (query->f->view);

  return session != NULL && xf_study_session_get_n_studied (session) == query->n_studied &&
         (g_str_equal (state, "front") || g_str_equal (state, "answering"));
}

/* The next card shows, of either kind */
static void
wait_next (Fixture *f,
           guint    n_studied)
{
  StateQuery query = { f, NULL, n_studied };

  if (!xf_test_wait_for (view_next, &query, 10000))
    g_error ("The card view is “%s” after %u cards", xf_study_card_view_get_state (f->view), n_studied);
}

static void
press (Fixture *f,
       guint    keyval,
       GdkModifierType modifiers)
{
  xf_test_iterate (30);
  xf_test_send_key (GTK_WIDGET (f->view), f->real_keys, keyval, modifiers);
}

static void
open_window (Fixture *f)
{
  exam_test_present_window (f->manager, NULL, "study", (gpointer *)&f->window);
  f->page = XF_STUDY_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_STUDY_PAGE, FALSE));
  g_assert_nonnull (f->page);
  f->view = xf_study_page_get_card_view (f->page);
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->page, 5000));
  g_assert_true (xf_test_wait_for (page_read, f->page, 20000));
  g_assert_cmpstr (xf_study_page_get_state (f->page), ==, "overview");
  f->real_keys = xf_test_can_send_keys (GTK_WINDOW (f->window));
  g_test_message ("Keys go %s", f->real_keys ? "through the X server" : "to the page's key handling");
}

static void
start (Fixture *f)
{
  xf_test_iterate (50);
  if (f->real_keys)
    xf_test_send_key (GTK_WIDGET (f->page), TRUE, GDK_KEY_Return, 0);
  else
    g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->page), GDK_KEY_Return, 0));
  g_assert_true (xf_test_wait_for ((XfTestCondition)xf_test_is_mapped, f->view, 5000));
}

static guint
option_key (const char *letters,
            gboolean    right)
{
  /* A wrong answer: an option the key does not hold */
  if (!right)
    for (char c = 'A'; c <= 'D'; c++)
      if (strchr (letters, c) == NULL)
        return GDK_KEY_a + (c - 'A');
  return GDK_KEY_a + (letters[0] - 'A');
}

/* Studies the current card by keyboard; returns what was done */
static void
study_card (Fixture      *f,
            guint         n,
            XfFsrsRating  rating,
            gboolean      right,
            Done         *done)
{
  XfStudyEntry *entry = xf_study_session_get_current (xf_study_card_view_get_session (f->view));
  const char *state = xf_study_card_view_get_state (f->view);

  g_assert_nonnull (entry);
  done->kind = entry->card->kind;
  done->key = g_strdup (entry->card->key);
  if (g_str_equal (state, "front"))
    {
      /* Space reveals the text; the buttons say when the card comes back */
      press (f, GDK_KEY_space, 0);
      wait_view (f, "back", n);
      /* The article's text, or the item's own when it cites none */
      if (entry->item != NULL)
        {
          g_assert_cmpstr (xf_study_card_view_get_text (f->view), ==, xf_list_item_get_body (entry->item));
          g_assert_cmpuint (strlen (xf_study_card_view_get_text (f->view)), >, 0);
          done->article = xf_list_item_has_article (entry->item);
        }
      if (entry->card->fsrs.state == XF_FSRS_STATE_NEW)
        {
          g_assert_cmpstr (xf_study_card_view_get_interval (f->view, XF_FSRS_RATING_AGAIN), ==, "1 分钟");
          g_assert_nonnull (strstr (xf_study_card_view_get_interval (f->view, XF_FSRS_RATING_EASY), "天"));
        }
      done->rating = rating;
      press (f, GDK_KEY_1 + rating - 1, 0);
      return;
    }

  g_assert_cmpstr (state, ==, "answering");
  g_assert_nonnull (entry->question);
  done->answered = TRUE;
  done->type = xf_question_get_question_type (entry->question);
  done->correct = right;
  switch (done->type)
    {
    case XF_QUESTION_SINGLE:
      press (f, option_key (xf_question_get_answer (entry->question), right), 0);
      break;
    case XF_QUESTION_MULTIPLE:
      if (right)
        for (const char *c = xf_question_get_answer (entry->question); *c != '\0'; c++)
          press (f, GDK_KEY_a + (*c - 'A'), 0);
      else
        press (f, option_key (xf_question_get_answer (entry->question), FALSE), 0);
      break;
    case XF_QUESTION_TRUE_FALSE:
      press (f, (g_str_equal (xf_question_get_answer (entry->question), "T") == right) ? GDK_KEY_t : GDK_KEY_f, 0);
      break;
    case XF_QUESTION_FILL:
    case XF_QUESTION_ESSAY:
    default:
      /* Nothing typed: not answered, which counts as wrong */
      done->correct = FALSE;
      break;
    }
  press (f, GDK_KEY_Return, 0);
  wait_view (f, "answered", n);
  if (!done->correct)
    g_assert_cmpint (xf_study_card_view_get_answer_rating (f->view), ==, XF_FSRS_RATING_AGAIN);
  else
    g_assert_cmpint (xf_study_card_view_get_answer_rating (f->view), !=, XF_FSRS_RATING_AGAIN);
  press (f, GDK_KEY_space, 0);
}

typedef struct
{
  char         *uuid;
  char         *kind;
  char         *key;
  XfFsrsRating  rating;
  gint64        reviewed_at;
  gint64        duration_ms;
  char         *source;
  char         *session;
  double        retention;
} LogRow;

static void
log_row_free (LogRow *row)
{
  g_free (row->uuid);
  g_free (row->kind);
  g_free (row->key);
  g_free (row->source);
  g_free (row->session);
  g_free (row);
}

static GPtrArray *
read_log (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)log_row_free);
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT uuid, kind, card_key, rating, reviewed_at, duration_ms, "
                                                "source, session_uuid, retention FROM study_log ORDER BY id",
                                            &error);
  int rc;

  g_assert_no_error (error);
  while ((rc = xf_database_step (db, stmt, &error)) == SQLITE_ROW)
    {
      LogRow *row = g_new0 (LogRow, 1);

      row->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      row->kind = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      row->key = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      row->rating = sqlite3_column_int (stmt, 3);
      row->reviewed_at = sqlite3_column_int64 (stmt, 4);
      row->duration_ms = sqlite3_column_int64 (stmt, 5);
      row->source = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      row->session = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      row->retention = sqlite3_column_double (stmt, 8);
      g_ptr_array_add (rows, row);
    }
  g_assert_no_error (error);
  sqlite3_reset (stmt);
  return rows;
}

static gboolean
study_time_saved (gpointer data)
{
  Fixture *f = data;

  return xf_test_count (f->db, "SELECT count(*) FROM study_sessions WHERE activity = 'study' AND active_ms > 0 "
                            "AND active_ms <= ended_at / 1000 - started_at / 1000 + 1") > 0;
}

/* The card's state from its log rows, by the scheduler alone */
static XfFsrsCard
replay (GPtrArray  *log,
        const char *key)
{
  XfFsrsCard card;
  gboolean first = TRUE;

  xf_fsrs_card_init (&card, 0);
  for (guint i = 0; i < log->len; i++)
    {
      LogRow *row = g_ptr_array_index (log, i);
      XfFsrsParams params;
      gint64 time = row->reviewed_at / G_USEC_PER_SEC;

      if (!g_str_equal (row->key, key))
        continue;
      xf_fsrs_params_init_default (&params);
      params.desired_retention = row->retention;
      if (first)
        xf_fsrs_card_init (&card, time);
      first = FALSE;
      card = xf_fsrs_review (&params, &card, row->rating, time);
    }
  return card;
}

static void
test_study_ten (Fixture       *f,
                gconstpointer  data)
{
  /* Ratings of the recall cards in turn; every other question wrong */
  static const XfFsrsRating ratings[] = { XF_FSRS_RATING_AGAIN, XF_FSRS_RATING_EASY, XF_FSRS_RATING_GOOD,
                                          XF_FSRS_RATING_HARD, XF_FSRS_RATING_EASY, XF_FSRS_RATING_AGAIN,
                                          XF_FSRS_RATING_GOOD, XF_FSRS_RATING_EASY, XF_FSRS_RATING_GOOD,
                                          XF_FSRS_RATING_HARD };
  Done done[N_CARDS] = { { 0, } };
  g_autoptr(GPtrArray) log = NULL;
  const char *session_uuid;
  guint n_recall = 0, n_questions = 0, n_again = 0, n_easy = 0, n_review = 0, n_articles = 0;
  guint n_due, n_new, n_learning;

  open_window (f);
  g_assert_true (xf_study_page_get_counts (f->page, &n_due, &n_new, &n_learning));
  g_assert_cmpuint (n_due, ==, 0);
  g_assert_cmpuint (n_new, ==, XF_STUDY_DEFAULT_NEW_PER_DAY);
  g_assert_cmpuint (n_learning, ==, 0);
  xf_test_assert_label_shown (f->page, "开始学习");

  start (f);
  g_assert_cmpstr (xf_study_page_get_state (f->page), ==, "card");
  session_uuid = xf_study_session_get_uuid (xf_study_card_view_get_session (f->view));
  xf_test_assert_label_shown (f->view, "1 / 20");

  for (guint n = 0; n < N_CARDS; n++)
    {
      const char *state = xf_study_card_view_get_state (f->view);

      g_assert_true (g_str_equal (state, "front") || g_str_equal (state, "answering"));
      if (g_str_equal (state, "front"))
        study_card (f, n, ratings[n_recall++], TRUE, &done[n]);
      else
        study_card (f, n, 0, n_questions++ % 2 == 1, &done[n]);
      wait_next (f, n + 1);
    }
  g_assert_cmpuint (n_questions, >, 0);
  g_assert_cmpuint (n_recall, >=, 2);
  for (guint n = 0; n < N_CARDS; n++)
    n_articles += done[n].article;
  g_assert_cmpuint (n_articles, >=, 1);

  g_assert_true (xf_test_wait_for (writes_done, f->page, 10000));
  log = read_log (f->db);
  g_assert_cmpuint (log->len, ==, N_CARDS);
  g_assert_cmpint (xf_test_count (f->db, "SELECT count(*) FROM study_undos"), ==, 0);
  for (guint n = 0; n < N_CARDS; n++)
    {
      LogRow *row = g_ptr_array_index (log, n);
      g_autoptr(XfStudyCard) card = NULL;
      g_autoptr(GError) error = NULL;
      XfFsrsCard expected;
      gint64 ahead;

      g_assert_cmpstr (row->kind, ==, xf_study_kind_to_string (done[n].kind));
      g_assert_cmpstr (row->key, ==, done[n].key);
      g_assert_cmpstr (row->source, ==, XF_STUDY_SOURCE_STUDY);
      g_assert_cmpstr (row->session, ==, session_uuid);
      g_assert_cmpfloat_with_epsilon (row->retention, XF_STUDY_DEFAULT_RETENTION, 1e-9);
      if (done[n].answered)
        g_assert_cmpint (row->rating, ==,
                         xf_fsrs_rating_for_answer (done[n].correct, row->duration_ms / 1000.0,
                                                    xf_study_expected_seconds (done[n].type)));
      else
        g_assert_cmpint (row->rating, ==, done[n].rating);
      if (n > 0)
        g_assert_cmpint (row->reviewed_at, >=, ((LogRow *)g_ptr_array_index (log, n - 1))->reviewed_at);

      /* The schedule is the scheduler's for the ratings logged */
      card = xf_study_store_get_card (f->db, done[n].kind, done[n].key, &error);
      g_assert_no_error (error);
      expected = replay (log, done[n].key);
      g_assert_cmpint (card->fsrs.due, ==, expected.due);
      g_assert_cmpint (card->fsrs.state, ==, expected.state);
      g_assert_cmpuint (card->fsrs.reps, ==, expected.reps);
      g_assert_cmpfloat_with_epsilon (card->fsrs.stability, expected.stability, 1e-9);
      ahead = card->fsrs.due - row->reviewed_at / G_USEC_PER_SEC;
      n_review += card->fsrs.state == XF_FSRS_STATE_REVIEW;
      if (row->rating == XF_FSRS_RATING_AGAIN)
        {
          g_assert_cmpint (ahead, <=, 10 * 60);
          n_again++;
        }
      else if (row->rating == XF_FSRS_RATING_EASY)
        {
          g_assert_cmpint (ahead, >=, 24 * 3600);
          n_easy++;
        }
    }
  g_assert_cmpuint (n_again, >=, 1);
  g_assert_cmpuint (n_easy, >=, 1);

  /* Each question answered went to the 错题本 with its rating: a wrong
   * one is in the book from this session, a right one is not */
  for (guint n = 0; n < N_CARDS; n++)
    if (done[n].answered)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(XfMistake) mistake = xf_mistake_store_get (f->db, done[n].key, &error);

        if (done[n].correct)
          {
            g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
            g_assert_null (mistake);
          }
        else
          {
            g_assert_no_error (error);
            g_assert_nonnull (mistake);
            g_assert_true (xf_mistake_is_live (mistake));
            g_assert_cmpstr (mistake->source, ==, XF_MISTAKE_SOURCE_STUDY);
            g_assert_cmpstr (mistake->source_uuid, ==, session_uuid);
          }
      }

  /* Escape leaves; the overview counts what was studied */
  press (f, GDK_KEY_Escape, 0);
  g_assert_true (xf_test_wait_for (overview_read, f->page, 10000));
  g_assert_true (xf_study_page_get_counts (f->page, &n_due, &n_new, &n_learning));
  g_assert_cmpuint (n_new, ==, XF_STUDY_DEFAULT_NEW_PER_DAY - N_CARDS);
  /* Every card rated is in a learning step or due days ahead */
  g_assert_cmpuint (n_learning, ==, N_CARDS - n_review);
  /* The time the cards showed is study time, written when they went */
  g_assert_true (xf_test_wait_for (study_time_saved, f, 5000));

  for (guint n = 0; n < N_CARDS; n++)
    g_free (done[n].key);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(XfStudyCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  XfStudyEntry *entry;
  XfStudyKind kind;

  open_window (f);
  start (f);
  entry = xf_study_session_get_current (xf_study_card_view_get_session (f->view));
  kind = entry->card->kind;
  key = g_strdup (entry->card->key);
  g_assert_cmpstr (xf_study_card_view_get_state (f->view), ==, "front");
  press (f, GDK_KEY_space, 0);
  wait_view (f, "back", 0);
  press (f, GDK_KEY_3, 0);
  wait_next (f, 1);
  g_assert_true (xf_test_wait_for (writes_done, f->page, 10000));
  card = xf_study_store_get_card (f->db, kind, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (card->fsrs.state, ==, XF_FSRS_STATE_LEARNING);
  g_clear_pointer (&card, xf_study_card_free);

  /* Ctrl+Z: the card is shown again, new as before, and the log says so */
  press (f, GDK_KEY_z, GDK_CONTROL_MASK);
  wait_view (f, "front", 0);
  entry = xf_study_session_get_current (xf_study_card_view_get_session (f->view));
  g_assert_cmpstr (entry->card->key, ==, key);
  g_assert_cmpint (entry->card->fsrs.state, ==, XF_FSRS_STATE_NEW);
  g_assert_true (xf_test_wait_for (writes_done, f->page, 10000));
  card = xf_study_store_get_card (f->db, kind, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (card->fsrs.state, ==, XF_FSRS_STATE_NEW);
  g_assert_cmpuint (card->fsrs.reps, ==, 0);
  log = read_log (f->db);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (xf_test_count (f->db, "SELECT count(*) FROM study_undos u JOIN study_log l "
                                      "ON l.uuid = u.review_uuid"), ==, 1);

  /* Rated again after the undo: Easy this time, the only live rating */
  press (f, GDK_KEY_space, 0);
  wait_view (f, "back", 0);
  press (f, GDK_KEY_4, 0);
  wait_next (f, 1);
  g_assert_true (xf_test_wait_for (writes_done, f->page, 10000));
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_get_card (f->db, kind, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (card->fsrs.state, ==, XF_FSRS_STATE_REVIEW);
  g_assert_cmpuint (card->fsrs.reps, ==, 1);
}

static gboolean
popover_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XfStudySettings settings;
  GtkSpinButton *retention;
  GtkSpinButton *new_per_day;
  GtkMenuButton *menu_button;
  GtkWidget *popover;
  guint n_due, n_new, n_learning;

  open_window (f);
  /* The gear button's popover: retention, new cards a day, reviews a day */
  menu_button = GTK_MENU_BUTTON (xf_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON, TRUE));
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, popover, 5000));
  retention = GTK_SPIN_BUTTON (xf_test_find_widget (popover, GTK_TYPE_SPIN_BUTTON, TRUE));
  new_per_day = GTK_SPIN_BUTTON (xf_test_find_widget (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (retention))),
                                                      GTK_TYPE_SPIN_BUTTON, TRUE));
  g_assert_nonnull (retention);
  g_assert_nonnull (new_per_day);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (retention)), 0.97, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (new_per_day)), 9999, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (retention), XF_STUDY_DEFAULT_RETENTION, 1e-9);
  /* Out of range is held to 0.70–0.97 */
  gtk_spin_button_set_value (retention, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (retention), 0.70, 1e-9);
  gtk_spin_button_set_value (retention, 0.85);
  gtk_spin_button_set_value (new_per_day, 5);
  g_assert_true (gtk_widget_activate (xf_test_find_button (popover, "study.save-settings")));
  g_assert_true (xf_test_wait_for (popover_hidden, popover, 5000));
  g_assert_true (xf_study_store_get_settings (f->db, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (settings.retention, 0.85, 1e-9);
  g_assert_cmpuint (settings.new_per_day, ==, 5);
  g_assert_cmpuint (settings.reviews_per_day, ==, XF_STUDY_DEFAULT_REVIEWS_PER_DAY);

  /* The queue is read again with the new limit */
  xf_test_iterate (50);
  g_assert_true (xf_test_wait_for (page_read, f->page, 10000));
  g_assert_true (xf_study_page_get_counts (f->page, &n_due, &n_new, &n_learning));
  g_assert_cmpuint (n_new, ==, 5);

  /* A rating now is given with the new retention */
  start (f);
  press (f, GDK_KEY_space, 0);
  wait_view (f, "back", 0);
  press (f, GDK_KEY_3, 0);
  wait_next (f, 1);
  g_assert_true (xf_test_wait_for (writes_done, f->page, 10000));
  g_assert_cmpint (xf_test_count (f->db, "SELECT count(*) FROM study_log WHERE abs(retention - 0.85) < 1e-9"), ==, 1);
}

static void
test_format (void)
{
  g_autofree char *minute = xf_format_study_interval (60);
  g_autofree char *ten = xf_format_study_interval (600);
  g_autofree char *hours = xf_format_study_interval (5 * 3600);
  g_autofree char *days = xf_format_study_interval (3 * 86400 + 100);
  g_autofree char *months = xf_format_study_interval (75 * 86400);
  g_autofree char *summary = xf_format_study_summary (12, 3, 8 * 60000 + 10000);

  g_assert_cmpstr (minute, ==, "1 分钟");
  g_assert_cmpstr (ten, ==, "10 分钟");
  g_assert_cmpstr (hours, ==, "5 小时");
  g_assert_cmpstr (days, ==, "3 天");
  g_assert_cmpstr (months, ==, "2.5 个月");
  g_assert_cmpstr (summary, ==, "学习了 12 张卡片，重来 3 次，用时 8 分钟");
  g_assert_cmpfloat (xf_study_expected_seconds (XF_QUESTION_TRUE_FALSE), <,
                     xf_study_expected_seconds (XF_QUESTION_MULTIPLE));
}

static gboolean
stats_read (gpointer data)
{
  return !xf_stats_page_get_loading (data) && g_strcmp0 (xf_stats_page_get_state (data), "stats") == 0;
}

static GtkWindow *
find_stats_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) &&
          xf_test_find_widget (GTK_WIDGET (window), XF_TYPE_STATS_PAGE, FALSE) != NULL)
        {
          g_assert_null (found);
          found = window;
        }
    }
  return found;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
stats_window_shown (gpointer data)
{
  return find_stats_window () != NULL;
}

/* The exam plan shows on the overview once set; the statistics open in a
 * window of their own, once however often they are asked for */
static void
test_plan_and_stats (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(XfKnowledgeList) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);
  g_autofree char *day = g_date_time_format (later, "%Y-%m-%d");
  GtkWidget *plan_label;
  GtkWindow *stats;
  GtkWidget *stats_button;
  XfStatsPage *stats_page;

  open_window (f);
  plan_label = xf_test_find_label (GTK_WIDGET (f->page), "快要考试了？设置考试日期，学法会为您安排每天的学习。");
  g_assert_nonnull (plan_label);

  lists = xf_knowledge_store_list_lists (f->db, &error);
  g_assert_no_error (error);
  list = g_list_model_get_item (lists, 0);
  g_assert_true (xf_study_plan_set (f->db, day, xf_knowledge_list_get_uuid (list), 30, &error));
  g_assert_no_error (error);
  xf_study_page_reload (f->page);
  g_assert_true (xf_test_wait_for (overview_read, f->page, 10000));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (plan_label)), day));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (plan_label)), xf_knowledge_list_get_title (list)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (plan_label)), "还有 10 天"));

  /* The overview's statistics button */
  g_assert_null (find_stats_window ());
  stats_button = find_action_button (GTK_WIDGET (f->page), "win.study-stats");
  g_assert_nonnull (stats_button);
  gtk_widget_activate (stats_button);
  g_assert_true (xf_test_wait_for (stats_window_shown, NULL, 5000));
  stats = find_stats_window ();
  g_assert_true (gtk_window_get_transient_for (stats) == GTK_WINDOW (f->window));
  stats_page = XF_STATS_PAGE (xf_test_find_widget (GTK_WIDGET (stats), XF_TYPE_STATS_PAGE, FALSE));
  g_assert_true (xf_test_wait_for (stats_read, stats_page, 10000));
  gtk_widget_activate (stats_button);
  xf_test_iterate (100);
  g_assert_true (find_stats_window () == stats);
  gtk_window_destroy (stats);
}

/* Nothing left today: the overview says when the next card falls due */
static void
test_nothing_due (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyQueue) queue = NULL;
  g_autoptr(XfStudyCard) card = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *when = NULL;
  XfStudySettings settings = { XF_STUDY_DEFAULT_RETENTION, 0, 200 };
  AdwStatusPage *status;
  XfStudyCard *first;

  g_assert_true (xf_study_store_set_settings (f->db, &settings, &error));
  g_assert_no_error (error);
  queue = xf_study_store_queue (f->db, g_get_real_time (), NULL, &(XfStudySettings){ 0.9, 1, 200 }, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (queue->cards, 0);
  card = xf_study_store_rate (f->db, first->kind, first->key, XF_FSRS_RATING_EASY, g_get_real_time (), 5000,
                              XF_STUDY_SOURCE_STUDY, NULL, &error);
  g_assert_no_error (error);

  open_window (f);
  g_assert_false (gtk_widget_get_visible (xf_test_find_button (GTK_WIDGET (f->page), "study.start")));
  status = ADW_STATUS_PAGE (xf_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_STATUS_PAGE, TRUE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "今日没有到期的卡片");
  next = g_date_time_new_from_unix_local (card->fsrs.due);
  when = g_date_time_format (next, "%-m月%-d日 %H:%M");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), when));
}

static gboolean
write_failed (gpointer data)
{
  return xf_study_session_get_write_error (data) != NULL;
}

/* A rating that cannot be written (another program holds the database)
 * stays queued and is written when asked again: nothing is lost */
static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *key = NULL;
  XfStudySession *session;
  XfStudyEntry *entry;

  open_window (f);
  start (f);
  session = xf_study_card_view_get_session (f->view);
  entry = xf_study_session_get_current (session);
  g_assert_nonnull (entry->item);
  key = g_strdup (entry->card->key);
  press (f, GDK_KEY_space, 0);
  wait_view (f, "back", 0);

  g_assert_true (xf_database_exec (f->db, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);
  press (f, GDK_KEY_3, 0);
  /* The next card shows at once; the write waits out the lock and fails */
  wait_next (f, 1);
  g_assert_true (xf_test_wait_for (write_failed, session, 30000));
  g_assert_nonnull (strstr (xf_study_session_get_write_error (session)->message, "locked"));
  g_assert_cmpuint (xf_study_page_get_n_pending (f->page), ==, 1);
  g_assert_true (xf_database_exec (f->db, "ROLLBACK", &error));
  g_assert_no_error (error);

  xf_study_session_retry (session);
  g_assert_true (xf_test_wait_for (writes_done, f->page, 10000));
  g_assert_null (xf_study_session_get_write_error (session));
  log = read_log (f->db);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((LogRow *)g_ptr_array_index (log, 0))->key, ==, key);
  g_assert_cmpint (((LogRow *)g_ptr_array_index (log, 0))->rating, ==, XF_FSRS_RATING_GOOD);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("XUEFA_LOCALEDIR");

  if (!exam_test_init (&argc, &argv, NULL))
    return g_test_run ();

  /* The page's texts are checked in Chinese, as people read them */
  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "en_US.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/gui-study/format", test_format);
  g_test_add ("/gui-study/study-ten", Fixture, NULL, fixture_set_up, test_study_ten, fixture_tear_down);
  g_test_add ("/gui-study/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/gui-study/settings", Fixture, NULL, fixture_set_up, test_settings, fixture_tear_down);
  g_test_add ("/gui-study/write-fails", Fixture, NULL, fixture_set_up, test_write_fails, fixture_tear_down);
  g_test_add ("/gui-study/nothing-due", Fixture, NULL, fixture_set_up, test_nothing_due, fixture_tear_down);
  g_test_add ("/gui-study/plan-and-stats", Fixture, NULL, fixture_set_up, test_plan_and_stats, fixture_tear_down);

  return g_test_run ();
}
