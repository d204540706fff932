/* xf-search-index-corpus.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "xf-search-index-private.h"

/* Reads what the index holds out of the database: laws, headings, and every
 * article's text decoded into provisional character codes. */

#define CANCEL_STRIDE  4096
#define N_CODE_POINTS  0x110000

void
xf_search_corpus_init (XfSearchCorpus *corpus)
{
  corpus->doc_articles = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->doc_laws = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->doc_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->doc_numbers = g_array_new (FALSE, FALSE, sizeof (gint32));
  corpus->doc_subs = g_array_new (FALSE, FALSE, sizeof (gint32));
  corpus->doc_labels = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->doc_headings = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->laws = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->law_titles = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->heading_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->heading_parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->heading_texts = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->strings = g_string_new_len ("", 1);
  corpus->string_offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  corpus->chars = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->code_of = g_new0 (guint16, N_CODE_POINTS);
}

void
xf_search_corpus_clear (XfSearchCorpus *corpus)
{
  g_clear_pointer (&corpus->text, g_free);
  g_clear_pointer (&corpus->doc_articles, g_array_unref);
  g_clear_pointer (&corpus->doc_laws, g_array_unref);
  g_clear_pointer (&corpus->doc_starts, g_array_unref);
  g_clear_pointer (&corpus->doc_numbers, g_array_unref);
  g_clear_pointer (&corpus->doc_subs, g_array_unref);
  g_clear_pointer (&corpus->doc_labels, g_array_unref);
  g_clear_pointer (&corpus->doc_headings, g_array_unref);
  g_clear_pointer (&corpus->laws, g_array_unref);
  g_clear_pointer (&corpus->law_titles, g_array_unref);
  g_clear_pointer (&corpus->heading_ids, g_array_unref);
  g_clear_pointer (&corpus->heading_parents, g_array_unref);
  g_clear_pointer (&corpus->heading_texts, g_array_unref);
  if (corpus->strings != NULL)
    g_string_free (g_steal_pointer (&corpus->strings), TRUE);
  g_clear_pointer (&corpus->string_offsets, g_hash_table_unref);
  g_clear_pointer (&corpus->code_of, g_free);
  g_clear_pointer (&corpus->chars, g_array_unref);
}


gboolean
xf_search_set_too_large (GError     **error,
                         const char  *what)
{
  g_set_error (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_TOO_LARGE,
               _("The statutes are too large for the search index (%s)"), what);
  return FALSE;
}

/* Offsets into the string pool; equal strings are stored once. */
static guint32
corpus_intern (XfSearchCorpus *corpus,
               const char     *text)
{
  gpointer found;
  guint32 offset;

  if (text == NULL || text[0] == '\0')
    return 0;
  if ((found = g_hash_table_lookup (corpus->string_offsets, text)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  offset = corpus->strings->len;
  g_string_append_len (corpus->strings, text, strlen (text) + 1);
  g_hash_table_insert (corpus->string_offsets, g_strdup (text), GUINT_TO_POINTER (offset + 1));

  return offset;
}

/* Index + 1 of @id in the ascending @ids, or 0. */
static guint32
find_id (GArray *ids,
         gint64  id)
{
  guint lo = 0, hi = ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (ids, gint64, mid) < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < ids->len && g_array_index (ids, gint64, lo) == id ? lo + 1 : 0;
}

typedef struct
{
  gint64        law_id;
  gint64        article_id;
  gint64        heading_id;
  const guchar *body;
  gsize         n_bytes;
  int           number;
  int           sub;
  const char   *label;
} Article;

static gboolean
corpus_add (XfSearchCorpus  *corpus,
            const Article   *article,
            GError         **error)
{
  const guchar *body = article->body;
  const guchar *end = body + article->n_bytes;
  guint32 start = corpus->n_text;
  guint32 law, heading, label;

  if (corpus->doc_articles->len >= XF_SEARCH_MAX_DOCS)
    return xf_search_set_too_large (error, "articles");
  if (corpus->n_text + article->n_bytes > G_MAXUINT32)
    return xf_search_set_too_large (error, "characters");

  /* Rows come in law order, so the last law is usually the one. */
  law = corpus->doc_laws->len > 0 ? g_array_index (corpus->doc_laws, guint32, corpus->doc_laws->len - 1) : 0;
  if (law >= corpus->laws->len || g_array_index (corpus->laws, gint64, law) != article->law_id)
    law = find_id (corpus->laws, article->law_id) - 1;
  heading = article->heading_id > 0 ? find_id (corpus->heading_ids, article->heading_id) : 0;
  label = corpus_intern (corpus, article->label);

  g_array_append_val (corpus->doc_articles, article->article_id);
  g_array_append_val (corpus->doc_laws, law);
  g_array_append_val (corpus->doc_starts, start);
  g_array_append_vals (corpus->doc_numbers, &(gint32) { article->number }, 1);
  g_array_append_vals (corpus->doc_subs, &(gint32) { article->sub }, 1);
  g_array_append_val (corpus->doc_labels, label);
  g_array_append_val (corpus->doc_headings, heading);

  /* A character never takes more than a byte. */
  if (corpus->n_text + article->n_bytes > corpus->text_capacity)
    {
      corpus->text_capacity = MAX (corpus->text_capacity * 2, corpus->n_text + article->n_bytes + 4096);
      corpus->text = g_renew (guint16, corpus->text, corpus->text_capacity);
    }

  while (body < end)
    {
      gunichar c = xf_search_decode_char (&body, end);
      guint16 code = corpus->code_of[c];

      if (G_UNLIKELY (code == 0))
        {
          if (corpus->chars->len >= XF_SEARCH_MAX_CHARS)
            return xf_search_set_too_large (error, "distinct characters");
          g_array_append_val (corpus->chars, c);
          code = corpus->chars->len;
          corpus->code_of[c] = code;
        }
      corpus->text[corpus->n_text++] = code - 1;
    }

  return TRUE;
}

static gboolean
corpus_read_laws (XfSearchCorpus  *corpus,
                  XfDatabase      *db,
                  GError         **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT id, title FROM laws ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint32 title = corpus_intern (corpus, (const char *)sqlite3_column_text (stmt, 1));

      g_array_append_val (corpus->laws, id);
      g_array_append_val (corpus->law_titles, title);
    }
  sqlite3_reset (stmt);
  if (corpus->laws->len > G_MAXUINT32 / 2)
    return xf_search_set_too_large (error, "laws");

  return rc >= 0;
}

/* Headings as "label title", with their parents as indexes. */
static gboolean
corpus_read_headings (XfSearchCorpus  *corpus,
                      XfDatabase      *db,
                      GError         **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT id, parent_id, label, title FROM headings ORDER BY id",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 1);
      const char *label = (const char *)sqlite3_column_text (stmt, 2);
      const char *title = (const char *)sqlite3_column_text (stmt, 3);
      g_autofree char *text = NULL;
      guint32 offset;

      if (label[0] != '\0' && title[0] != '\0')
        text = g_strconcat (label, " ", title, NULL);
      else
        text = g_strdup (label[0] != '\0' ? label : title);
      offset = corpus_intern (corpus, text);
      g_array_append_val (corpus->heading_ids, id);
      g_array_append_val (corpus->heading_parents, parent);
      g_array_append_val (corpus->heading_texts, offset);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;
  if (corpus->heading_ids->len > G_MAXUINT32 / 2)
    return xf_search_set_too_large (error, "headings");

  /* Rowids become indexes + 1, in place; the array's items are wide enough. */
  for (guint i = 0; i < corpus->heading_parents->len; i++)
    {
      gint64 *parent = &g_array_index (corpus->heading_parents, gint64, i);
      *parent = *parent > 0 ? find_id (corpus->heading_ids, *parent) : 0;
    }

  return TRUE;
}

/* Reads the generation and the statutes from one snapshot, so the index
 * matches the generation it records. */
gboolean
xf_search_corpus_read (XfSearchCorpus  *corpus,
                       XfDatabase      *db,
                       GCancellable    *cancellable,
                       GError         **error)
{
  gboolean own_transaction = sqlite3_get_autocommit (xf_database_get_handle (db));
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc = SQLITE_DONE;

  if (own_transaction && !xf_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;

  corpus->generation = xf_database_get_content_generation (db);
  ok = corpus_read_laws (corpus, db, error) && corpus_read_headings (corpus, db, error);
  if (ok)
    ok = (stmt = xf_database_prepare (db,
                                      "SELECT law_id, id, heading_id, body, number, sub, label FROM articles "
                                      "ORDER BY law_id, position, id",
                                      error)) != NULL;

  while (ok && (rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      Article article;

      article.law_id = sqlite3_column_int64 (stmt, 0);
      article.article_id = sqlite3_column_int64 (stmt, 1);
      article.heading_id = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 2);
      article.body = sqlite3_column_text (stmt, 3);
      article.n_bytes = article.body != NULL ? sqlite3_column_bytes (stmt, 3) : 0;
      article.number = sqlite3_column_int (stmt, 4);
      article.sub = sqlite3_column_int (stmt, 5);
      article.label = (const char *)sqlite3_column_text (stmt, 6);

      if (corpus->doc_articles->len % CANCEL_STRIDE == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = corpus_add (corpus, &article, error);
    }
  if (ok && rc < 0)
    ok = FALSE;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (own_transaction)
    {
      if (ok)
        ok = xf_database_exec (db, "COMMIT", error);
      else
        xf_database_rollback (db);
    }

  g_array_append_vals (corpus->doc_starts, &(guint32) { corpus->n_text }, 1);
  if (ok && corpus->strings->len > G_MAXUINT32)
    ok = xf_search_set_too_large (error, "strings");

  return ok;
}

static int
compare_code_points (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const guint32 *chars = user_data;
  guint32 ca = chars[*(const guint16 *)a];
  guint32 cb = chars[*(const guint16 *)b];

  return (ca > cb) - (ca < cb);
}

/* Renumbers the codes so they ascend with the code points: queries find a
 * character's code by binary search. Fills @sorted with the code points. */
void
xf_search_corpus_sort_codes (XfSearchCorpus *corpus,
                             guint32        *sorted)
{
  guint n = corpus->chars->len;
  g_autofree guint16 *order = g_new (guint16, MAX (n, 1));
  g_autofree guint16 *renumber = g_new (guint16, MAX (n, 1));
  const guint32 *chars = (const guint32 *)corpus->chars->data;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint16), compare_code_points, (gpointer)chars);
  for (guint i = 0; i < n; i++)
    {
      renumber[order[i]] = i;
      sorted[i] = chars[order[i]];
    }
  for (gsize i = 0; i < corpus->n_text; i++)
    corpus->text[i] = renumber[corpus->text[i]];
}

