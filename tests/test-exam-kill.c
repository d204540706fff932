/* test-exam-kill.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-utils.h"
#include "xf-exam-store.h"
#include "xf-question-store.h"
#include "xf-study-store.h"

/* An attempt's process is killed (SIGKILL) at random moments while it
 * answers; after each kill the attempt is opened again and must hold every
 * answer the process had reported saved, in order, and nothing else but
 * the one answer it may have been writing when it died. Then two processes
 * answer the same attempt at once. Last, the same for a process rating
 * study cards: the review log holds every rating reported saved, and the
 * cards' states are those a replay of the log gives. */

#define N_QUESTIONS 30

typedef struct
{
  guint n;
  char  answer[4];
} Given;

static char *
make_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "kill.db", NULL);
  g_autoptr(XfDatabase) db = xf_database_open (path, NULL);
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (db);
  bank = xf_question_store_ensure_bank (db, "题库", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      g_autoptr(XfQuestion) question = xf_question_new (XF_QUESTION_SINGLE);
      g_autofree char *stem = g_strdup_printf ("第%u题", i + 1);
      const char *options[] = { "甲", "乙", "丙", "丁", NULL };

      xf_question_set_stem (question, stem);
      xf_question_set_options (question, options);
      xf_question_set_answer (question, "A");
      g_assert_true (xf_question_store_add (db, xf_question_bank_get_id (bank), question, &error));
    }
  g_free (exam->title);
  exam->title = g_strdup ("断电测试");
  exam->attempts = 0;
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_SINGLE, N_QUESTIONS, 1));
  g_assert_true (xf_exam_store_save (db, exam, &error));
  g_assert_no_error (error);
  attempt = xf_exam_store_start (db, exam, NULL, rand, g_get_real_time (), &error);
  g_assert_no_error (error);
  return g_strdup (attempt->uuid);
}

/* The child: answers for ever, telling the parent before each answer
 * ("T n X") and once it is saved ("S n X"). Never returns. */
static void G_GNUC_NORETURN
answer_for_ever (const char *path,
                 const char *uuid,
                 int         fd,
                 guint       seed,
                 guint       limit)
{
  g_autoptr(XfDatabase) db = xf_database_open (path, NULL);
  GRand *rand = g_rand_new_with_seed (seed);
  GError *error = NULL;

  /* A forked child starts with its parent's random state: without a seed
   * of its own it would make the UUIDs a sibling made before */
  g_random_set_seed (seed * 7919 + (guint)getpid ());
  if (db == NULL)
    _exit (2);
  for (guint i = 0; limit == 0 || i < limit; i++)
    {
      guint n = (guint)g_rand_int_range (rand, 1, N_QUESTIONS + 1);
      char answer = "ABCD"[g_rand_int_range (rand, 0, 4)];
      char line[32];
      int len;

      len = g_snprintf (line, sizeof line, "T %u %c\n", n, answer);
      if (write (fd, line, len) != len)
        _exit (3);
      if (!xf_exam_store_answer (db, uuid, n, (char[]){ answer, 0 }, g_get_real_time (), &error))
        {
          g_printerr ("%s\n", error->message);
          _exit (4);
        }
      line[0] = 'S';
      if (write (fd, line, len) != len)
        _exit (3);
    }
  _exit (0);
}

/* Reads the child's lines; @tried is the answer it was writing when it
 * died, if it had not reported it saved */
/* Reads from the child until it reported @saves answers saved (or ended);
 * returns FALSE at the end of its output */
static gboolean
read_until (int      fd,
            GString *text,
            guint    saves)
{
  char buffer[256];
  ssize_t n;

  for (;;)
    {
      guint seen = 0;

      for (const char *p = text->str; (p = strstr (p, "S ")) != NULL; p++)
        seen += p == text->str || p[-1] == '\n';
      if (seen >= saves)
        return TRUE;
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (text, buffer, n);
    }
}

static GArray *
read_reports (int      fd,
              GString *text,
              Given   *tried)
{
  GArray *saved = g_array_new (FALSE, FALSE, sizeof (Given));
  g_auto(GStrv) lines = NULL;

  read_until (fd, text, G_MAXUINT);
  lines = g_strsplit (text->str, "\n", -1);
  tried->n = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Given given = { 0, };

      /* A line cut by the kill is not a report */
      if (sscanf (lines[i], "%*c %u %1s", &given.n, given.answer) != 2 || lines[i + 1] == NULL)
        continue;
      if (lines[i][0] == 'T')
        *tried = given;
      else
        {
          g_array_append_val (saved, given);
          tried->n = 0;
        }
    }
  return saved;
}

/* The attempt's answer log, oldest first */
static GArray *
stored_log (XfDatabase *db,
            const char *uuid)
{
  GArray *log = g_array_new (FALSE, FALSE, sizeof (Given));
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT n, answer FROM exam_answers WHERE attempt_uuid = ? ORDER BY id", NULL);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Given given = { (guint)sqlite3_column_int (stmt, 0), { 0, } };

      g_strlcpy (given.answer, (const char *)sqlite3_column_text (stmt, 1), sizeof given.answer);
      g_array_append_val (log, given);
    }
  sqlite3_reset (stmt);
  return log;
}

static gboolean
same_given (const Given *a,
            const Given *b)
{
  return a->n == b->n && g_str_equal (a->answer, b->answer);
}

static void
check_integrity (XfDatabase *db)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "PRAGMA integrity_check", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);
}

static void
test_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xuefa-exam-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kill.db", NULL);
  g_autofree char *uuid = make_store (dir);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Given));
  guint iterations = g_test_slow () ? 200 : 40;
  guint killed_writing = 0;
  guint total_saved = 0;

  for (guint k = 0; k < iterations; k++)
    {
      g_autoptr(XfDatabase) db = NULL;
      g_autoptr(XfAttempt) attempt = NULL;
      g_autoptr(GArray) saved = NULL;
      g_autoptr(GArray) log = NULL;
      g_autoptr(GError) error = NULL;
      GString *text;
      Given tried;
      int fds[2];
      int status;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          answer_for_ever (path, uuid, fds[1], k + 1, 0);
        }
      close (fds[1]);
      /* After a few answers (or none), somewhere in the writing of the
       * next: an answer takes a few milliseconds, whatever the machine's
       * speed this lands anywhere in it, or between two */
      text = g_string_new (NULL);
      read_until (fds[0], text, g_random_int_range (0, 8));
      g_usleep (g_random_int_range (0, 4000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("the answering process ended by itself, status %d", WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      saved = read_reports (fds[0], text, &tried);
      g_string_free (text, TRUE);
      close (fds[0]);

      /* What the log holds: all that was reported saved, in order, and at
       * most the answer being written when the process died */
      g_array_append_vals (expected, saved->data, saved->len);
      total_saved += saved->len;
      db = xf_database_open (path, &error);
      g_assert_no_error (error);
      check_integrity (db);
      log = stored_log (db, uuid);
      if (log->len == expected->len + 1 && tried.n != 0 &&
          same_given (&g_array_index (log, Given, log->len - 1), &tried))
        {
          g_array_append_val (expected, tried);
          killed_writing++;
        }
      g_assert_cmpuint (log->len, ==, expected->len);
      for (guint i = 0; i < log->len; i++)
        g_assert_true (same_given (&g_array_index (log, Given, i), &g_array_index (expected, Given, i)));

      /* And the attempt shows the latest answer of each question */
      attempt = xf_exam_store_get_attempt (db, uuid, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < N_QUESTIONS; i++)
        {
          const char *latest = NULL;

          for (guint j = 0; j < expected->len; j++)
            if (g_array_index (expected, Given, j).n == i + 1)
              latest = g_array_index (expected, Given, j).answer;
          g_assert_cmpstr (g_ptr_array_index (attempt->answers, i), ==, latest);
        }
    }
  g_test_message ("%u kills, %u answers reported saved, %u committed but not reported",
                  iterations, total_saved, killed_writing);
  g_assert_cmpuint (total_saved, >, 0);
  xf_test_remove_tree (dir);
}

/* Two processes answer the same attempt at the same time */
static void
test_concurrent (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xuefa-exam-concurrent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kill.db", NULL);
  g_autofree char *uuid = make_store (dir);
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GArray) log = NULL;
  GArray *saved[2];
  int fds[2][2];
  pid_t pids[2];

  for (guint c = 0; c < 2; c++)
    {
      g_assert_cmpint (pipe (fds[c]), ==, 0);
      pids[c] = fork ();
      g_assert_cmpint (pids[c], >=, 0);
      if (pids[c] == 0)
        {
          close (fds[c][0]);
          answer_for_ever (path, uuid, fds[c][1], 100 + c, 60);
        }
      close (fds[c][1]);
    }
  for (guint c = 0; c < 2; c++)
    {
      GString *text = g_string_new (NULL);
      Given tried;
      int status;

      saved[c] = read_reports (fds[c][0], text, &tried);
      g_string_free (text, TRUE);
      close (fds[c][0]);
      g_assert_cmpint (waitpid (pids[c], &status, 0), ==, pids[c]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_cmpuint (saved[c]->len, ==, 60);
    }

  /* Every answer of each, in each one's order */
  db = xf_database_open (path, NULL);
  check_integrity (db);
  log = stored_log (db, uuid);
  g_assert_cmpuint (log->len, ==, 120);
  for (guint c = 0; c < 2; c++)
    {
      guint next = 0;

      for (guint i = 0; i < log->len && next < saved[c]->len; i++)
        if (same_given (&g_array_index (log, Given, i), &g_array_index (saved[c], Given, next)))
          next++;
      g_assert_cmpuint (next, ==, saved[c]->len);
      g_array_unref (saved[c]);
    }
  g_clear_object (&db);
  xf_test_remove_tree (dir);
}

/* Studying: 30 list items i1…i30; a rating's "answer" is its digit */
static void
make_study_store (const char *path)
{
  g_autoptr(XfDatabase) db = xf_database_open (path, NULL);

  g_assert_nonnull (db);
  g_assert_true (xf_database_exec (db, "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) "
                                       "VALUES (1, 'L1', '清单', 2026, 'all', 0, 0)", NULL));
  for (guint i = 1; i <= N_QUESTIONS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO list_items (uuid, list_id, position, level, law_title, "
                                              "article_number) VALUES ('i%u', 1, %u, 'must', '中华人民共和国宪法', %u)",
                                              i, i, i);
      g_assert_true (xf_database_exec (db, sql, NULL));
    }
}

/* The child: rates for ever, as answer_for_ever answers */
static void G_GNUC_NORETURN
rate_for_ever (const char *path,
               int         fd,
               guint       seed)
{
  g_autoptr(XfDatabase) db = xf_database_open (path, NULL);
  GRand *rand = g_rand_new_with_seed (seed);
  GError *error = NULL;

  g_random_set_seed (seed * 7919 + (guint)getpid ());
  if (db == NULL)
    _exit (2);
  xf_database_set_defer_checkpoints (db, TRUE);
  for (;;)
    {
      guint n = (guint)g_rand_int_range (rand, 1, N_QUESTIONS + 1);
      int rating = g_rand_int_range (rand, XF_FSRS_RATING_AGAIN, XF_FSRS_RATING_EASY + 1);
      g_autofree char *key = g_strdup_printf ("i%u", n);
      g_autoptr(XfStudyCard) card = NULL;
      char line[32];
      int len;

      len = g_snprintf (line, sizeof line, "T %u %d\n", n, rating);
      if (write (fd, line, len) != len)
        _exit (3);
      card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, key, rating, g_get_real_time (), 1000,
                                  XF_STUDY_SOURCE_STUDY, NULL, &error);
      if (card == NULL)
        {
          g_printerr ("%s\n", error->message);
          _exit (4);
        }
      line[0] = 'S';
      if (write (fd, line, len) != len)
        _exit (3);
      /* As the app does once a rating is reported */
      xf_database_checkpoint_if_due (db);
    }
}

static GArray *
stored_ratings (XfDatabase *db)
{
  GArray *log = g_array_new (FALSE, FALSE, sizeof (Given));
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT card_key, rating FROM study_log ORDER BY id", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Given given = { (guint)g_ascii_strtoull ((const char *)sqlite3_column_text (stmt, 0) + 1, NULL, 10), { 0, } };

      g_snprintf (given.answer, sizeof given.answer, "%d", sqlite3_column_int (stmt, 1));
      g_array_append_val (log, given);
    }
  sqlite3_reset (stmt);
  return log;
}

static char *
dump_study_cards (XfDatabase *db)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT card_key, state, printf ('%.17g', stability), "
                                                "printf ('%.17g', difficulty), due, reps, lapses "
                                                "FROM study_cards ORDER BY card_key", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 7; c++)
      g_string_append_printf (text, "%s%c", (const char *)sqlite3_column_text (stmt, c), c == 6 ? '\n' : '|');
  sqlite3_reset (stmt);
  return g_string_free (text, FALSE);
}

static void
test_study_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xuefa-study-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "study.db", NULL);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Given));
  guint iterations = g_test_slow () ? 200 : 40;
  guint killed_writing = 0;

  make_study_store (path);
  for (guint k = 0; k < iterations; k++)
    {
      g_autoptr(XfDatabase) db = NULL;
      g_autoptr(GArray) saved = NULL;
      g_autoptr(GArray) log = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *cached = NULL;
      g_autofree char *replayed = NULL;
      GString *text;
      Given tried;
      int fds[2];
      int status;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          rate_for_ever (path, fds[1], k + 1);
        }
      close (fds[1]);
      text = g_string_new (NULL);
      read_until (fds[0], text, g_random_int_range (0, 8));
      g_usleep (g_random_int_range (0, 4000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      saved = read_reports (fds[0], text, &tried);
      g_string_free (text, TRUE);
      close (fds[0]);

      /* Every rating reported saved, in order, and at most the one being
       * written */
      g_array_append_vals (expected, saved->data, saved->len);
      db = xf_database_open (path, &error);
      g_assert_no_error (error);
      check_integrity (db);
      log = stored_ratings (db);
      if (log->len == expected->len + 1 && tried.n != 0 &&
          same_given (&g_array_index (log, Given, log->len - 1), &tried))
        {
          g_array_append_val (expected, tried);
          killed_writing++;
        }
      g_assert_cmpuint (log->len, ==, expected->len);
      for (guint i = 0; i < log->len; i++)
        g_assert_true (same_given (&g_array_index (log, Given, i), &g_array_index (expected, Given, i)));

      /* The cards are what the log gives, replayed from scratch */
      cached = dump_study_cards (db);
      g_assert_true (xf_study_store_rebuild (db, &error));
      g_assert_no_error (error);
      replayed = dump_study_cards (db);
      g_assert_cmpstr (cached, ==, replayed);
    }
  g_test_message ("%u kills, %u ratings reported saved, %u committed but not reported",
                  iterations, expected->len - killed_writing, killed_writing);
  g_assert_cmpuint (expected->len, >, 0);
  xf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exam-kill/kill", test_kill);
  g_test_add_func ("/exam-kill/concurrent", test_concurrent);
  g_test_add_func ("/exam-kill/study", test_study_kill);

  return g_test_run ();
}
