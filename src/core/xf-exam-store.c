/* xf-exam-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-exam-store.h"
#include "xf-exam-store-private.h"
#include "xf-question-store.h"

/* Exams and the papers drawn for them; attempts are in
 * xf-exam-store-attempt.c. */

/* Exams */

static XfExam *
exam_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  XfExam *exam = xf_exam_from_json (xf_exam_column_text (stmt, 0), -1, error);

  if (exam == NULL)
    return NULL;
  exam->builtin = sqlite3_column_int (stmt, 1) != 0;
  return exam;
}

/**
 * xf_exam_store_save:
 *
 * Adds @exam, or replaces the stored exam of the same UUID. Attempts
 * already made keep the papers they were given.
 */
gboolean
xf_exam_store_save (XfDatabase  *db,
                    XfExam      *exam,
                    GError     **error)
{
  g_autofree char *spec = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (exam != NULL, FALSE);

  if (!xf_exam_validate (exam, error))
    return FALSE;
  spec = xf_exam_to_json (exam);
  stmt = xf_database_prepare (db, "INSERT INTO exams (uuid, title, spec, builtin, created_at, updated_at, device_id) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6) "
                                  "ON CONFLICT (uuid) DO UPDATE SET title = ?2, spec = ?3, builtin = ?4, "
                                  "updated_at = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, exam->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, exam->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, spec, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, exam->builtin ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_text (stmt, 6, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  return xf_database_step_done (db, stmt, error);
}

/**
 * xf_exam_store_list:
 *
 * Returns: (transfer container) (element-type XfExam): the exams by title
 */
GPtrArray *
xf_exam_store_list (XfDatabase  *db,
                    GError     **error)
{
  g_autoptr(GPtrArray) exams = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_exam_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  stmt = xf_database_prepare (db, "SELECT spec, builtin FROM exams ORDER BY builtin DESC, title, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      XfExam *exam = exam_from_row (stmt, error);

      if (exam == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (exams, exam);
    }
  sqlite3_reset (stmt);
  return rc < 0 ? NULL : g_steal_pointer (&exams);
}

XfExam *
xf_exam_store_get (XfDatabase  *db,
                   const char  *uuid_or_title,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  XfExam *exam = NULL;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid_or_title != NULL, NULL);

  stmt = xf_database_prepare (db, "SELECT spec, builtin FROM exams WHERE uuid = ?1 OR title = ?1 "
                                  "ORDER BY uuid = ?1 DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid_or_title, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    exam = exam_from_row (stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_NOT_FOUND, _("No exam is called “%s”"), uuid_or_title);
  sqlite3_reset (stmt);
  return exam;
}

gboolean
xf_exam_store_delete (XfDatabase  *db,
                      const char  *uuid,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = xf_database_prepare (db, "DELETE FROM exams WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  return xf_database_step_done (db, stmt, error);
}

/* Papers */

/* The query for the live questions a rule may draw, or, to @probe, for
 * whether the question of id ?9 is one. Only the conditions the rule
 * sets are in it, so that one without filters reads nothing but the
 * questions_by_type index. */
static sqlite3_stmt *
prepare_rule (XfDatabase  *db,
              XfExamRule  *rule,
              gboolean     probe,
              GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT q.id FROM questions q WHERE q.type = ?1 AND q.deleted_at IS NULL "
                                         "AND q.difficulty BETWEEN ?2 AND ?3");
  g_autofree char *full_law = NULL;
  sqlite3_stmt *stmt;

  if (rule->bank != NULL)
    g_string_append (sql, " AND q.bank_id IN (SELECT id FROM question_banks WHERE uuid = ?4 OR title = ?4)");
  /* A category and its sub-categories: "X" and what sorts between "X/"
   * and "X0" ('0' follows '/') */
  if (rule->category != NULL)
    g_string_append (sql, " AND (q.category = ?5 OR (q.category > ?5 || '/' AND q.category < ?5 || '0'))");
  /* Tags are joined by U+001F; links are "title U+001E number U+001E sub"
   * joined by U+001F (see xf-migrations.c) */
  if (rule->tag != NULL)
    g_string_append (sql, " AND instr (char (31) || q.tags || char (31), char (31) || ?6 || char (31)) > 0");
  if (rule->law != NULL)
    g_string_append (sql, " AND (instr (char (31) || q.links, char (31) || ?7 || char (30)) > 0"
                          " OR instr (char (31) || q.links, char (31) || ?8 || char (30)) > 0)");
  g_string_append (sql, probe ? " AND q.id = ?9" : " ORDER BY q.id");

  stmt = xf_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (rule->law != NULL && !g_str_has_prefix (rule->law, "中华人民共和国"))
    full_law = g_strconcat ("中华人民共和国", rule->law, NULL);
  sqlite3_bind_text (stmt, 1, xf_question_type_to_string (rule->type), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int)rule->difficulty_min);
  sqlite3_bind_int (stmt, 3, (int)rule->difficulty_max);
  if (rule->bank != NULL)
    sqlite3_bind_text (stmt, 4, rule->bank, -1, SQLITE_TRANSIENT);
  if (rule->category != NULL)
    sqlite3_bind_text (stmt, 5, rule->category, -1, SQLITE_TRANSIENT);
  if (rule->tag != NULL)
    sqlite3_bind_text (stmt, 6, rule->tag, -1, SQLITE_TRANSIENT);
  if (rule->law != NULL)
    {
      sqlite3_bind_text (stmt, 7, rule->law, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, full_law != NULL ? full_law : rule->law, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

static GArray *
rule_candidates (XfDatabase  *db,
                 XfExamRule  *rule,
                 GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = prepare_rule (db, rule, FALSE, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc < 0 ? NULL : g_steal_pointer (&ids);
}

/**
 * xf_exam_store_check_rules:
 *
 * Checks that the banks hold enough questions for every rule, counting
 * each question once.
 *
 * Returns: (transfer container) (element-type utf8): a message a rule
 *   that cannot be met ("rules need 40 单选 from 行政法 but the banks have
 *   23"); empty when the paper can be drawn
 */
GPtrArray *
xf_exam_store_check_rules (XfDatabase  *db,
                           XfExam      *exam,
                           GError     **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (exam != NULL, NULL);

  for (guint i = 0; i < exam->rules->len; i++)
    {
      XfExamRule *rule = g_ptr_array_index (exam->rules, i);
      g_autoptr(GArray) ids = rule_candidates (db, rule, error);
      guint free_ids = 0;

      if (ids == NULL)
        return NULL;
      /* Earlier rules take theirs first */
      for (guint j = 0; j < ids->len; j++)
        if (!g_hash_table_contains (taken, &g_array_index (ids, gint64, j)))
          free_ids++;
      if (free_ids < rule->count)
        {
          g_autofree char *what = xf_exam_rule_describe (rule);

          g_ptr_array_add (messages,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Rule %u needs %s, but the banks have %u",
                                                         "Rule %u needs %s, but the banks have %u",
                                                         free_ids),
                                            i + 1, what, free_ids));
        }
      for (guint j = 0, n = 0; j < ids->len && n < rule->count; j++)
        if (g_hash_table_add (taken, g_memdup2 (&g_array_index (ids, gint64, j), sizeof (gint64))))
          n++;
    }
  return g_steal_pointer (&messages);
}

static void
shuffle_items (GPtrArray *items,
               guint      from,
               guint      to,
               GRand     *rand)
{
  for (guint i = to - 1; i > from; i--)
    {
      guint j = (guint)g_rand_int_range (rand, (gint32)from, (gint32)i + 1);
      gpointer swap = items->pdata[i];

      items->pdata[i] = items->pdata[j];
      items->pdata[j] = swap;
    }
}

static XfExamItem *
item_for (XfQuestion *question,
          double      score,
          gboolean    shuffle_options,
          GRand      *rand)
{
  XfExamItem *item = g_new0 (XfExamItem, 1);
  XfQuestionType type = xf_question_get_question_type (question);

  item->question = g_strdup (xf_question_get_uuid (question));
  item->version = xf_question_get_version (question);
  item->type = type;
  item->score = score > 0 ? score : xf_question_get_score (question);
  if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
    {
      item->n_options = xf_question_get_n_options (question);
      for (guint i = 0; i < item->n_options; i++)
        item->order[i] = (guint8)i;
      for (guint i = item->n_options; shuffle_options && i > 1; i--)
        {
          guint j = (guint)g_rand_int_range (rand, 0, (gint32)i);
          guint8 swap = item->order[i - 1];

          item->order[i - 1] = item->order[j];
          item->order[j] = swap;
        }
    }
  return item;
}

/* Adds @question to the paper as @rule draws it */
static void
take (XfExamPaper *paper,
      GHashTable  *taken,
      XfExam      *exam,
      XfExamRule  *rule,
      XfQuestion  *question,
      GRand       *rand)
{
  XfExamItem *item = item_for (question, rule->score, exam->shuffle_options, rand);

  g_ptr_array_add (paper->items, item);
  g_hash_table_add (taken, item->question);
}

/* Draws a rule's questions by picking ids at random and keeping those
 * that match (uniform over the matching questions, as every id is equally
 * likely): a few index lookups a question, where reading every candidate
 * of a large bank takes a hundred milliseconds. Returns 1 when the rule
 * is met, 0 (the paper as it was) when too few were found in a bounded
 * number of tries, -1 on an error. */
static int
draw_by_probing (XfDatabase   *db,
                 XfExam       *exam,
                 XfExamRule   *rule,
                 gint64        min_id,
                 gint64        max_id,
                 GHashTable   *taken,
                 GRand        *rand,
                 XfExamPaper  *paper,
                 GError      **error)
{
  g_autoptr(GHashTable) tried = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint first = paper->items->len;
  guint budget = 16 * rule->count + 64;
  sqlite3_stmt *stmt;

  if (max_id < min_id || max_id - min_id >= G_MAXINT32)
    return 0;
  stmt = prepare_rule (db, rule, TRUE, error);
  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < budget && paper->items->len - first < rule->count; i++)
    {
      gint64 id = min_id + g_rand_int_range (rand, 0, (gint32)(max_id - min_id + 1));
      g_autoptr(XfQuestion) question = NULL;
      int rc;

      if (!g_hash_table_add (tried, g_memdup2 (&id, sizeof id)))
        continue;
      sqlite3_bind_int64 (stmt, 9, id);
      rc = xf_database_step (db, stmt, error);
      sqlite3_reset (stmt);
      if (rc < 0)
        break;
      if (rc != SQLITE_ROW)
        continue;
      question = xf_question_store_get (db, id, error);
      if (question == NULL)
        break;
      if (!g_hash_table_contains (taken, xf_question_get_uuid (question)))
        take (paper, taken, exam, rule, question, rand);
    }
  sqlite3_clear_bindings (stmt);
  if (error != NULL && *error != NULL)
    return -1;
  if (paper->items->len - first == rule->count)
    return 1;
  /* Start again with every candidate */
  for (guint i = first; i < paper->items->len; i++)
    g_hash_table_remove (taken, ((XfExamItem *)g_ptr_array_index (paper->items, i))->question);
  g_ptr_array_set_size (paper->items, first);
  return 0;
}

/* Draws a rule's questions among all its candidates: a partial
 * Fisher–Yates shuffle, skipping questions taken already */
static gboolean
draw_from_candidates (XfDatabase   *db,
                      XfExam       *exam,
                      XfExamRule   *rule,
                      GHashTable   *taken,
                      GRand        *rand,
                      XfExamPaper  *paper,
                      GError      **error)
{
  g_autoptr(GArray) ids = rule_candidates (db, rule, error);
  guint first = paper->items->len;
  guint left;

  if (ids == NULL)
    return FALSE;
  left = ids->len;
  while (paper->items->len - first < rule->count && left > 0)
    {
      guint pick = (guint)g_rand_int_range (rand, 0, (gint32)left);
      gint64 id = g_array_index (ids, gint64, pick);
      g_autoptr(XfQuestion) question = NULL;

      g_array_index (ids, gint64, pick) = g_array_index (ids, gint64, left - 1);
      left--;
      question = xf_question_store_get (db, id, error);
      if (question == NULL)
        return FALSE;
      if (!g_hash_table_contains (taken, xf_question_get_uuid (question)))
        take (paper, taken, exam, rule, question, rand);
    }
  return TRUE;
}

static gboolean
id_range (XfDatabase  *db,
          gint64      *min_id,
          gint64      *max_id,
          GError     **error)
{
  /* Apart, each is one step down the table's tree */
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT (SELECT min (id) FROM questions), "
                                                "(SELECT max (id) FROM questions)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = xf_database_step (db, stmt, error);
  *min_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  *max_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : -1;
  sqlite3_reset (stmt);
  return rc >= 0;
}

static XfExamPaper *
draw_paper (XfDatabase  *db,
            XfExam      *exam,
            GRand       *rand,
            GError     **error)
{
  g_autoptr(XfExamPaper) paper = xf_exam_paper_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 min_id, max_id;

  if (!id_range (db, &min_id, &max_id, error))
    return NULL;

  for (guint i = 0; i < exam->fixed->len; i++)
    {
      XfExamFixed *fixed = g_ptr_array_index (exam->fixed, i);
      g_autoptr(XfQuestion) question = xf_question_store_get_by_uuid (db, fixed->question, NULL);

      if (question == NULL)
        {
          g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SHORT,
                       _("The paper holds question %s, which is not in the banks"), fixed->question);
          return NULL;
        }
      if (!g_hash_table_add (taken, (gpointer)fixed->question))
        continue;
      g_ptr_array_add (paper->items, item_for (question, fixed->score, exam->shuffle_options, rand));
    }
  if (exam->shuffle_questions && paper->items->len > 1)
    shuffle_items (paper->items, 0, paper->items->len, rand);

  for (guint i = 0; i < exam->rules->len; i++)
    {
      XfExamRule *rule = g_ptr_array_index (exam->rules, i);
      guint first = paper->items->len;
      int drawn = draw_by_probing (db, exam, rule, min_id, max_id, taken, rand, paper, error);

      if (drawn < 0)
        return NULL;
      /* Too few found at random: every candidate, then */
      if (drawn == 0 && !draw_from_candidates (db, exam, rule, taken, rand, paper, error))
        return NULL;
      if (paper->items->len - first < rule->count)
        {
          g_autofree char *what = xf_exam_rule_describe (rule);
          guint have = paper->items->len - first;

          g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SHORT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Rule %u needs %s, but the banks have %u",
                                    "Rule %u needs %s, but the banks have %u",
                                    have),
                       i + 1, what, have);
          return NULL;
        }
      if (exam->shuffle_questions)
        shuffle_items (paper->items, first, paper->items->len, rand);
    }
  return g_steal_pointer (&paper);
}

/**
 * xf_exam_store_draw:
 * @rand: the randomness of the draw (a seeded GRand gives the same paper)
 *
 * Draws a paper: the fixed questions, then for each rule its count of
 * questions, each question at most once. Shuffling keeps the blocks (a
 * paper reads 单选, then 多选, …, as real papers do) and shuffles within
 * them.
 *
 * Returns: (transfer full): the paper, or %NULL with XF_EXAM_ERROR_SHORT
 *   naming the rule the banks cannot meet
 */
XfExamPaper *
xf_exam_store_draw (XfDatabase  *db,
                    XfExam      *exam,
                    GRand       *rand,
                    GError     **error)
{
  XfExamPaper *paper;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (rand != NULL, NULL);

  /* One read transaction for the many small reads (within the caller's
   * transaction, when there is one) */
  if (!xf_database_exec (db, "SAVEPOINT draw", error))
    return NULL;
  paper = draw_paper (db, exam, rand, error);
  xf_database_exec (db, "RELEASE draw", NULL);
  return paper;
}

/**
 * xf_exam_store_load_questions:
 *
 * Returns: (transfer container) (element-type XfQuestion): the questions
 *   of @paper in its order, each in the version the paper names
 */
GPtrArray *
xf_exam_store_load_questions (XfDatabase   *db,
                              XfExamPaper  *paper,
                              GError      **error)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (paper != NULL, NULL);

  for (guint i = 0; i < paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (paper->items, i);
      XfQuestion *question = xf_question_store_get_version (db, item->question, item->version, error);

      if (question == NULL)
        return NULL;
      g_ptr_array_add (questions, question);
    }
  return g_steal_pointer (&questions);
}
