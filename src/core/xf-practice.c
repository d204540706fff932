/* xf-practice.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-article.h"
#include "xf-exam.h"
#include "xf-mistake-store.h"
#include "xf-practice.h"
#include "xf-question-store.h"
#include "xf-study-store.h"
#include "xf-study-store-private.h"

/* Practice: questions drawn from a knowledge list, a law, a category or
 * the 错题本, answered one at a time with the answer, the 解析 and the
 * cited articles shown at once.
 *
 * Questions cite articles by law title and number (the links column), not
 * by row id, so the sources are found by matching those citations against
 * the list items' and the library's titles, in C: a bank holds thousands
 * of questions, not hundreds of thousands. A short title (行政处罚法)
 * names the same law as the full one (中华人民共和国行政处罚法), as
 * xf_question_store_resolve_link() reads it.
 *
 * An answer is graded by the exam's code (xf_exam_normalize_answer and
 * xf_exam_mark: full-width letters, 对/错, a 填空's accepted answers) and
 * recorded in the 错题本 and the study log in one transaction committed
 * with synchronous=FULL, so an answer reported saved survives a crash and
 * never lands in one of them only. 简答 is left out: only a person can
 * grade it, and practice gives feedback at once. */

#define FULL_TITLE_PREFIX "中华人民共和国"

G_DEFINE_QUARK (xf-practice-error-quark, xf_practice_error)

G_DEFINE_BOXED_TYPE (XfPracticeSource, xf_practice_source, xf_practice_source_copy, xf_practice_source_free)
G_DEFINE_BOXED_TYPE (XfPracticeResult, xf_practice_result, xf_practice_result_copy, xf_practice_result_free)

XfPracticeSource *
xf_practice_source_copy (const XfPracticeSource *source)
{
  XfPracticeSource *copy;

  g_return_val_if_fail (source != NULL, NULL);

  copy = g_memdup2 (source, sizeof *source);
  copy->key = g_strdup (source->key);
  copy->title = g_strdup (source->title);
  return copy;
}

void
xf_practice_source_free (XfPracticeSource *source)
{
  if (source == NULL)
    return;
  g_free (source->key);
  g_free (source->title);
  g_free (source);
}

/**
 * xf_practice_source_kind_to_string:
 *
 * Returns: "list", "law", "category" or "mistakes"
 */
const char *
xf_practice_source_kind_to_string (XfPracticeSourceKind kind)
{
  static const char * const names[] = { "list", "law", "category", "mistakes" };

  g_return_val_if_fail (kind <= XF_PRACTICE_SOURCE_MISTAKES, NULL);
  return names[kind];
}

XfPracticeResult *
xf_practice_result_copy (const XfPracticeResult *result)
{
  XfPracticeResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->question_uuid = g_strdup (result->question_uuid);
  copy->answer = g_strdup (result->answer);
  copy->right_answer = g_strdup (result->right_answer);
  copy->explanation = g_strdup (result->explanation);
  copy->articles = result->articles != NULL ? g_ptr_array_ref (result->articles) : NULL;
  return copy;
}

void
xf_practice_result_free (XfPracticeResult *result)
{
  if (result == NULL)
    return;
  g_free (result->question_uuid);
  g_free (result->answer);
  g_free (result->right_answer);
  g_free (result->explanation);
  g_clear_pointer (&result->articles, g_ptr_array_unref);
  g_free (result);
}

/* Citations */

static gboolean
same_law (const char *a,
          const char *b)
{
  if (g_str_equal (a, b))
    return TRUE;
  if (g_str_has_prefix (a, FULL_TITLE_PREFIX))
    return g_str_equal (a + strlen (FULL_TITLE_PREFIX), b);
  if (g_str_has_prefix (b, FULL_TITLE_PREFIX))
    return g_str_equal (b + strlen (FULL_TITLE_PREFIX), a);
  return FALSE;
}

typedef struct
{
  char  *law;
  guint  number;
  guint  sub;
} Citation;

static void
citation_clear (gpointer data)
{
  g_free (((Citation *)data)->law);
}

static gboolean
cites_law (XfQuestion *question,
           const char *law)
{
  for (guint i = 0; i < xf_question_get_n_links (question); i++)
    if (same_law (xf_question_get_link (question, i, NULL, NULL), law))
      return TRUE;
  return FALSE;
}

static gboolean
cites_any (XfQuestion *question,
           GArray     *citations)
{
  for (guint i = 0; i < xf_question_get_n_links (question); i++)
    {
      guint number, sub;
      const char *law = xf_question_get_link (question, i, &number, &sub);

      for (guint j = 0; j < citations->len; j++)
        {
          Citation *citation = &g_array_index (citations, Citation, j);

          if (citation->number == number && citation->sub == sub && same_law (citation->law, law))
            return TRUE;
        }
    }
  return FALSE;
}

/* "行政法" holds "行政法" and "行政法/行政处罚", not "行政法规" */
static gboolean
in_category (XfQuestion *question,
             const char *path)
{
  const char *category = xf_question_get_category (question);
  gsize len = strlen (path);

  if (category == NULL)
    return FALSE;
  return strncmp (category, path, len) == 0 && (category[len] == '\0' || category[len] == '/');
}

/* The articles a list's items cite; NULL with an error when there is no
 * such list */
static GArray *
load_list_citations (XfDatabase  *db,
                     const char  *list_uuid,
                     char       **title,
                     GError     **error)
{
  g_autoptr(GArray) citations = g_array_new (FALSE, TRUE, sizeof (Citation));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (citations, citation_clear);
  stmt = xf_database_prepare (db, "SELECT title FROM lists WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, list_uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW && title != NULL)
    *title = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_NOT_FOUND,
                   _("There is no knowledge list “%s”"), list_uuid);
      return NULL;
    }

  stmt = xf_database_prepare (db, "SELECT i.law_title, i.article_number, i.article_sub FROM list_items i "
                                  "JOIN lists l ON l.id = i.list_id "
                                  "WHERE l.uuid = ? AND i.law_title != '' AND i.article_number > 0 "
                                  "ORDER BY i.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, list_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      Citation citation = {
        g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
        (guint)sqlite3_column_int (stmt, 1),
        (guint)sqlite3_column_int (stmt, 2),
      };

      g_array_append_val (citations, citation);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&citations);
}

static GHashTable *
load_live_mistakes (XfDatabase  *db,
                    GError     **error)
{
  g_autoptr(GHashTable) live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db, "SELECT question_uuid FROM mistakes WHERE removed_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (live, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&live);
}

static gboolean
type_included (XfQuestion *question,
               guint       types)
{
  XfQuestionType type = xf_question_get_question_type (question);

  /* 简答 cannot be graded at once, whatever was asked for */
  return type != XF_QUESTION_ESSAY && (types & (1u << type)) != 0;
}

/* The questions a source holds, in the order they were added */
static GPtrArray *
select_questions (XfDatabase            *db,
                  XfPracticeSourceKind   kind,
                  const char            *key,
                  guint                  types,
                  char                 **title,
                  GError               **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) citations = NULL;
  g_autoptr(GHashTable) live = NULL;

  if (types == 0)
    types = XF_PRACTICE_DEFAULT_TYPES;
  if (kind != XF_PRACTICE_SOURCE_MISTAKES && (key == NULL || *key == '\0'))
    {
      g_set_error_literal (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_NOT_FOUND,
                           _("Name the list, law or category to practise"));
      return NULL;
    }
  if (kind == XF_PRACTICE_SOURCE_LIST && !(citations = load_list_citations (db, key, title, error)))
    return NULL;
  if (kind == XF_PRACTICE_SOURCE_MISTAKES && !(live = load_live_mistakes (db, error)))
    return NULL;
  if (!(all = xf_question_store_load (db, 0, error)))
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (all, i);
      gboolean in;

      if (!type_included (question, types))
        continue;
      switch (kind)
        {
        case XF_PRACTICE_SOURCE_LIST:
          in = cites_any (question, citations);
          break;
        case XF_PRACTICE_SOURCE_LAW:
          in = cites_law (question, key);
          break;
        case XF_PRACTICE_SOURCE_CATEGORY:
          in = in_category (question, key);
          break;
        case XF_PRACTICE_SOURCE_MISTAKES:
        default:
          in = g_hash_table_contains (live, xf_question_get_uuid (question));
          break;
        }
      if (in)
        g_ptr_array_add (chosen, g_object_ref (question));
    }
  return g_steal_pointer (&chosen);
}

/**
 * xf_practice_count:
 * @kind: the source
 * @key: (nullable): the list's UUID, the law's title or the category
 * @types: a mask of 1 << #XfQuestionType; 0 for XF_PRACTICE_DEFAULT_TYPES
 *
 * Returns: how many questions the source holds (0 with @error set on a
 *   failure or an unknown list)
 */
guint
xf_practice_count (XfDatabase           *db,
                   XfPracticeSourceKind  kind,
                   const char           *key,
                   guint                 types,
                   GError              **error)
{
  g_autoptr(GPtrArray) questions = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), 0);

  questions = select_questions (db, kind, key, types, NULL, error);
  return questions != NULL ? questions->len : 0;
}

static XfPracticeSource *
source_new (XfPracticeSourceKind  kind,
            const char           *key,
            const char           *title,
            guint                 n_questions)
{
  XfPracticeSource *source = g_new0 (XfPracticeSource, 1);

  source->kind = kind;
  source->key = g_strdup (key);
  source->title = g_strdup (title);
  source->n_questions = n_questions;
  return source;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * xf_practice_list_sources:
 *
 * Everything there is to practise from: the 错题本 first, then every
 * knowledge list (with its number of questions, 0 too), the laws of the
 * library some question cites, and every category path and each of its
 * parents, sorted by path.
 *
 * Returns: (transfer full) (element-type XfPracticeSource): the sources,
 *   or %NULL with @error set
 */
GPtrArray *
xf_practice_list_sources (XfDatabase  *db,
                          GError     **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_practice_source_free);
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) laws = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree gpointer *paths = NULL;
  sqlite3_stmt *stmt;
  guint n_paths;
  guint n;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  n = xf_practice_count (db, XF_PRACTICE_SOURCE_MISTAKES, NULL, 0, error);
  if (error != NULL && *error != NULL)
    return NULL;
  g_ptr_array_add (sources, source_new (XF_PRACTICE_SOURCE_MISTAKES, NULL, NULL, n));

  /* Read the keys first: counting runs statements of its own */
  stmt = xf_database_prepare (db, "SELECT uuid FROM lists ORDER BY year DESC, title", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (lists, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  for (guint i = 0; i < lists->len; i++)
    {
      g_autoptr(GPtrArray) chosen = NULL;
      g_autofree char *title = NULL;

      chosen = select_questions (db, XF_PRACTICE_SOURCE_LIST, g_ptr_array_index (lists, i), 0, &title, error);
      if (chosen == NULL)
        return NULL;
      g_ptr_array_add (sources, source_new (XF_PRACTICE_SOURCE_LIST, g_ptr_array_index (lists, i),
                                            title, chosen->len));
    }

  stmt = xf_database_prepare (db, "SELECT DISTINCT title FROM laws ORDER BY title", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (laws, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  if (!(questions = xf_question_store_load (db, 0, error)))
    return NULL;
  for (guint i = 0; i < laws->len; i++)
    {
      const char *law = g_ptr_array_index (laws, i);

      n = 0;
      for (guint j = 0; j < questions->len; j++)
        if (type_included (g_ptr_array_index (questions, j), XF_PRACTICE_DEFAULT_TYPES) &&
            cites_law (g_ptr_array_index (questions, j), law))
          n++;
      if (n > 0)
        g_ptr_array_add (sources, source_new (XF_PRACTICE_SOURCE_LAW, law, law, n));
    }

  for (guint j = 0; j < questions->len; j++)
    {
      XfQuestion *question = g_ptr_array_index (questions, j);
      const char *category = xf_question_get_category (question);

      if (!type_included (question, XF_PRACTICE_DEFAULT_TYPES) || category == NULL || *category == '\0')
        continue;
      /* The category and each of its parents */
      for (const char *end = strchr (category, '/');; end = strchr (end + 1, '/'))
        {
          char *path = end != NULL ? g_strndup (category, (gsize)(end - category)) : g_strdup (category);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (categories, path));

          g_hash_table_insert (categories, path, GUINT_TO_POINTER (count + 1));
          if (end == NULL)
            break;
        }
    }
  paths = g_hash_table_get_keys_as_array (categories, &n_paths);
  qsort (paths, n_paths, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_paths; i++)
    g_ptr_array_add (sources, source_new (XF_PRACTICE_SOURCE_CATEGORY, paths[i], paths[i],
                                          GPOINTER_TO_UINT (g_hash_table_lookup (categories, paths[i]))));

  return g_steal_pointer (&sources);
}

static void
set_empty_error (GError              **error,
                 XfPracticeSourceKind  kind,
                 const char           *key,
                 const char           *title)
{
  switch (kind)
    {
    case XF_PRACTICE_SOURCE_LIST:
      g_set_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_EMPTY,
                   _("No question cites an article of the list “%s”: import a question bank "
                     "whose questions cite its articles, or link questions to them in the question bank"),
                   title != NULL ? title : key);
      break;
    case XF_PRACTICE_SOURCE_LAW:
      g_set_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_EMPTY,
                   _("No question cites “%s”: import a question bank, or link questions to its articles "
                     "in the question bank"), key);
      break;
    case XF_PRACTICE_SOURCE_CATEGORY:
      g_set_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_EMPTY,
                   _("No question is in the category “%s”: import a question bank or choose another category"),
                   key);
      break;
    case XF_PRACTICE_SOURCE_MISTAKES:
    default:
      g_set_error_literal (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_EMPTY,
                           _("The mistake book is empty: questions answered wrong in practice or an exam land there"));
      break;
    }
}

typedef struct
{
  XfQuestion *question;
  int         group;   /* 0 due, 1 never studied, 2 studied and not due */
  double      value;   /* within the group: due time, or recall now */
  guint       rank;    /* the shuffled place: ties stay random */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->group != y->group)
    return x->group - y->group;
  if (x->value != y->value)
    return x->value < y->value ? -1 : 1;
  return (x->rank > y->rank) - (x->rank < y->rank);
}

/* Orders @questions by their study cards: those due today first (a
 * question answered wrong a minute ago is in a learning step due in
 * minutes), the most overdue first; then those never studied; then the
 * others, the least likely to be recalled now first. */
static gboolean
order_by_schedule (XfDatabase  *db,
                   GPtrArray   *questions,
                   gint64       now_us,
                   GError     **error)
{
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify)xf_study_card_free);
  g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), questions->len);
  XfStudySettings settings;
  XfFsrsParams params;
  sqlite3_stmt *stmt;
  gint64 day_start, day_end;
  int rc;

  xf_study_local_day (now_us, &day_start, &day_end);
  if (!xf_study_store_get_settings (db, &settings, error))
    return FALSE;
  xf_fsrs_params_init_default (&params);
  params.desired_retention = settings.retention;
  stmt = xf_database_prepare (db, "SELECT " XF_STUDY_CARD_COLUMNS ("c") " FROM study_cards c "
                                  "WHERE c.kind = 'question'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      XfStudyCard *card = xf_study_card_from_row (stmt, 0);

      g_hash_table_replace (cards, card->key, card);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < questions->len; i++)
    {
      Ranked entry = { g_ptr_array_index (questions, i), 1, 0, i };
      XfStudyCard *card = g_hash_table_lookup (cards, xf_question_get_uuid (entry.question));

      if (card != NULL && card->fsrs.state != XF_FSRS_STATE_NEW)
        {
          if (card->fsrs.due * G_USEC_PER_SEC < day_end)
            entry.group = 0, entry.value = (double)card->fsrs.due;
          else
            entry.group = 2, entry.value = xf_fsrs_retrievability (&params, &card->fsrs, now_us / G_USEC_PER_SEC);
        }
      g_array_append_val (ranked, entry);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    questions->pdata[i] = g_array_index (ranked, Ranked, i).question;
  return TRUE;
}

/**
 * xf_practice_draw:
 * @options: the source, how many, the seed, the types and the order
 *
 * Draws questions to practise, in a random order that @options' seed
 * repeats; with XF_PRACTICE_ORDER_DUE, what the study schedule says needs
 * practice most comes first (see order_by_schedule), the random order
 * breaking ties. A source holding fewer questions than asked gives them
 * all.
 *
 * Returns: (transfer full) (element-type XfQuestion): the current versions
 *   of the questions, or %NULL with %XF_PRACTICE_ERROR_EMPTY (saying what
 *   to do), %XF_PRACTICE_ERROR_NOT_FOUND or a store error
 */
GPtrArray *
xf_practice_draw (XfDatabase               *db,
                  const XfPracticeOptions  *options,
                  GError                  **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *title = NULL;
  guint count;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->kind <= XF_PRACTICE_SOURCE_MISTAKES, NULL);

  questions = select_questions (db, options->kind, options->key, options->types, &title, error);
  if (questions == NULL)
    return NULL;
  if (questions->len == 0)
    {
      set_empty_error (error, options->kind, options->key, title);
      return NULL;
    }

  rand = options->seed != 0 ? g_rand_new_with_seed (options->seed) : g_rand_new ();
  for (guint i = questions->len - 1; i > 0; i--)
    {
      guint j = (guint)g_rand_int_range (rand, 0, (gint32)i + 1);
      gpointer swap = questions->pdata[i];

      questions->pdata[i] = questions->pdata[j];
      questions->pdata[j] = swap;
    }
  if (options->order == XF_PRACTICE_ORDER_DUE &&
      !order_by_schedule (db, questions, options->now_us != 0 ? options->now_us : g_get_real_time (), error))
    return NULL;
  count = options->count != 0 ? options->count : XF_PRACTICE_DEFAULT_COUNT;
  if (questions->len > count)
    g_ptr_array_set_size (questions, count);
  return g_steal_pointer (&questions);
}

static GPtrArray *
load_articles (XfDatabase  *db,
               XfQuestion  *question,
               GError     **error)
{
  g_autoptr(GPtrArray) found = xf_question_store_load_articles (db, question, error);
  GPtrArray *articles;

  if (found == NULL)
    return NULL;
  articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    if (g_ptr_array_index (found, i) != NULL)
      g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (found, i)));
  return articles;
}

static gboolean
record (XfDatabase       *db,
        XfQuestion       *question,
        XfPracticeResult *result,
        gint64            time_us,
        guint             duration_ms,
        const char       *session_uuid,
        GError          **error)
{
  g_autoptr(XfMistake) mistake = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!xf_mistake_store_record (db, result->question_uuid, result->version, result->correct, result->answer,
                                XF_MISTAKE_SOURCE_PRACTICE, session_uuid, time_us, error) ||
      !xf_study_store_record_answer (db, result->question_uuid, result->correct, time_us, duration_ms,
                                     XF_STUDY_SOURCE_PRACTICE, session_uuid, error))
    return FALSE;

  mistake = xf_mistake_store_get (db, result->question_uuid, &local_error);
  if (mistake == NULL && !g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  result->in_mistakes = mistake != NULL && xf_mistake_is_live (mistake);
  if (result->in_mistakes)
    result->right_days_left = mistake->right_days < XF_MISTAKE_DAYS_TO_LEARN
                              ? XF_MISTAKE_DAYS_TO_LEARN - mistake->right_days : 0;
  return TRUE;
}

/**
 * xf_practice_answer:
 * @question: the question answered (the version shown)
 * @answer_text: what the person gave: "b", "ＡＣ", "对", a 填空's text
 * @time_us: when, UTC microseconds
 * @duration_ms: how long the person took
 * @session_uuid: (nullable): the practice session, kept as the source of
 *   the 错题本 entry and the session of the study log
 *
 * Grades one answer as an exam would and records it, in one transaction
 * committed with synchronous=FULL, in the 错题本 (a wrong answer puts the
 * question in; a right one counts a day towards taking it out) and in the
 * study log (Good or Again). Nothing is written when the answer cannot be
 * read (%XF_EXAM_ERROR_INVALID) or a write fails.
 *
 * Returns: (transfer full): the result, once committed, or %NULL with
 *   @error set
 */
XfPracticeResult *
xf_practice_answer (XfDatabase  *db,
                    XfQuestion  *question,
                    const char  *answer_text,
                    gint64       time_us,
                    guint        duration_ms,
                    const char  *session_uuid,
                    GError     **error)
{
  g_autoptr(XfPracticeResult) result = NULL;
  g_autoptr(XfExam) exam = NULL;
  XfExamItem item = { 0, };
  XfExamMark mark;
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);
  g_return_val_if_fail (answer_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (xf_question_get_question_type (question) == XF_QUESTION_ESSAY)
    {
      g_set_error_literal (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_ESSAY,
                           _("An essay question is graded by hand: practice leaves it out"));
      return NULL;
    }

  item.question = (char *)xf_question_get_uuid (question);
  item.version = xf_question_get_version (question);
  item.type = xf_question_get_question_type (question);
  item.score = xf_question_get_score (question);
  item.n_options = xf_question_get_n_options (question);
  for (guint i = 0; i < item.n_options; i++)
    item.order[i] = (guint8)i;

  result = g_new0 (XfPracticeResult, 1);
  result->question_uuid = g_strdup (item.question);
  result->version = item.version;
  result->answer = xf_exam_normalize_answer (&item, answer_text, error);
  if (result->answer == NULL)
    return NULL;

  /* Partial credit shows a 多选 half right as such; it is still wrong */
  exam = xf_exam_new ();
  exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  mark = xf_exam_mark (exam, &item, question, result->answer);
  result->correct = mark.right;
  result->partly = !mark.right && mark.score > 0;
  result->right_answer = xf_question_dup_answer_text (question);
  result->explanation = g_strdup (xf_question_get_explanation (question) != NULL
                                  ? xf_question_get_explanation (question) : "");

  /* Read before writing: once committed, only the result is left to give */
  if (!(result->articles = load_articles (db, question, error)))
    return NULL;

  if (!xf_database_exec (db, "PRAGMA synchronous=FULL", error))
    return NULL;
  began = xf_database_begin (db, error);
  ok = began && record (db, question, result, time_us, duration_ms, session_uuid, error) &&
       xf_database_commit (db, error);
  if (!ok && began && sqlite3_get_autocommit (xf_database_get_handle (db)) == 0)
    xf_database_rollback (db);
  xf_database_exec (db, "PRAGMA synchronous=NORMAL", NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&result);
}
