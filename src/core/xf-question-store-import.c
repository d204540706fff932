/* xf-question-store-import.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-chinese-numeral.h"
#include "xf-knowledge-store.h"
#include "xf-law-store.h"
#include "xf-question-format-private.h"
#include "xf-question-store-private.h"

/* Importing a file's questions into a bank: one transaction, duplicates
 * found by stem and options, a question whose UUID is stored already
 * updated as a new version, and a dry run that writes nothing. */

static void
add_notice (GPtrArray  *notices,
            XfQuestion *question,
            char       *reason)
{
  XfQuestionProblem *notice = g_new0 (XfQuestionProblem, 1);
  g_autofree char *summary = xf_question_dup_summary (question);

  notice->line = xf_question_get_line (question);
  if (g_utf8_strlen (summary, -1) > 40)
    {
      char *end = g_utf8_offset_to_pointer (summary, 40);

      *end = '\0';
      notice->question = g_strconcat (summary, "…", NULL);
    }
  else
    notice->question = g_steal_pointer (&summary);
  notice->reason = reason;
  g_ptr_array_add (notices, notice);
}

static gint64
stored_id_of_uuid (XfDatabase  *db,
                   const char  *uuid,
                   GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT id FROM questions WHERE uuid = ?", error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rc < 0 ? -1 : id;
}

/* The fingerprints of the questions in the store (not deleted). */
static GHashTable *
load_fingerprints (XfDatabase  *db,
                   GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db, "SELECT fingerprint FROM questions WHERE deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&set);
}

static char *
default_bank_title (XfQuestionParse *parse)
{
  char *dot;
  char *title;

  if (parse->bank_title != NULL && *parse->bank_title != '\0')
    return g_strdup (parse->bank_title);
  if (parse->name == NULL || *parse->name == '\0')
    return g_strdup (_("Imported questions"));
  title = g_path_get_basename (parse->name);
  dot = strrchr (title, '.');
  if (dot != NULL && dot != title)
    *dot = '\0';
  return title;
}

static gint64
bank_id_for (XfDatabase             *db,
             const char             *title,
             XfQuestionParse        *parse,
             XfQuestionImportFlags   flags,
             GError                **error)
{
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  bank = xf_question_store_get_bank (db, title, &local_error);
  if (bank != NULL)
    return xf_question_bank_get_id (bank);
  if (!g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  if (flags & XF_QUESTION_IMPORT_DRY_RUN)
    return 0;

  uuid = g_uuid_string_random ();
  stmt = xf_database_prepare (db, "INSERT INTO question_banks (uuid, title, description, source, "
                                  "licence, builtin, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, parse->bank_description ? parse->bank_description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, parse->bank_source ? parse->bank_source : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, parse->bank_licence ? parse->bank_licence : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, (flags & XF_QUESTION_IMPORT_BUILTIN) != 0);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!xf_database_step_done (db, stmt, error))
    return -1;
  return xf_database_last_insert_rowid (db);
}

/* One import, question by question */
typedef struct
{
  XfDatabase             *db;
  XfQuestionImportFlags   flags;
  XfQuestionImportReport *report;
  gint64                  bank_id;
  GHashTable             *stored;        /* fingerprints in the store */
  GHashTable             *fingerprints;  /* fingerprint → line, of the file */
  GHashTable             *uuids;         /* the file's UUIDs so far */
  GPtrArray              *notices;       /* XfQuestionProblem, for the parse */
  guint                   n_read;
  gboolean                begun;         /* the transaction is ours */
} Import;

/* Starts the transaction and makes the bank (what the file names, which
 * readers know before their first question). */
static gboolean
import_begin (Import           *import,
              XfQuestionParse  *parse,
              const char       *bank_title,
              GError          **error)
{
  g_autofree char *title = NULL;
  gboolean dry_run = (import->flags & XF_QUESTION_IMPORT_DRY_RUN) != 0;

  title = bank_title != NULL && *bank_title != '\0' ? g_strdup (bank_title) : default_bank_title (parse);
  import->notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  if (!dry_run)
    {
      if (!xf_database_begin (import->db, error))
        return FALSE;
      import->begun = TRUE;
    }
  import->bank_id = bank_id_for (import->db, title, parse, import->flags, error);
  if (import->bank_id < 0)
    return FALSE;
  import->report->bank_id = import->bank_id;

  /* One pass over the store beats a query a question */
  import->stored = load_fingerprints (import->db, error);
  if (import->stored == NULL)
    return FALSE;
  import->fingerprints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->uuids = g_hash_table_new (g_str_hash, g_str_equal);
  return TRUE;
}

/* Imports one question; @fingerprint is its fingerprint when it was made
 * already. */
static gboolean
import_question (Import        *import,
                 XfQuestion    *question,
                 char          *fingerprint,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *owned_fingerprint = fingerprint;
  XfQuestionImportReport *report = import->report;
  gboolean dry_run = (import->flags & XF_QUESTION_IMPORT_DRY_RUN) != 0;
  const char *uuid = xf_question_get_uuid (question);
  gint64 duplicate;

  if (import->n_read++ % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (*uuid != '\0' && g_hash_table_contains (import->uuids, uuid))
    {
      g_autofree char *fresh = g_uuid_string_random ();

      add_notice (import->notices, question,
                  g_strdup (_("Its UUID is used by an earlier question of the file; it gets a new one")));
      xf_question_set_uuid (question, fresh);
      uuid = xf_question_get_uuid (question);
    }

  if (*uuid != '\0')
    {
      gint64 stored = stored_id_of_uuid (import->db, uuid, error);

      g_hash_table_add (import->uuids, (gpointer)uuid);
      if (stored < 0)
        return FALSE;
      if (stored > 0)
        {
          gboolean changed = FALSE;

          if (dry_run)
            {
              gboolean same;

              if (!xf_question_store_same_as_stored (import->db, question, &same, error))
                return FALSE;
              changed = !same;
            }
          else if (!xf_question_store_write_version (import->db, question, &changed, error))
            return FALSE;
          if (changed)
            report->updated++;
          else
            report->skipped++;
          return TRUE;
        }
    }

  if (owned_fingerprint == NULL)
    owned_fingerprint = xf_question_dup_fingerprint (question);
  duplicate = g_hash_table_contains (import->fingerprints, owned_fingerprint)
                ? GPOINTER_TO_UINT (g_hash_table_lookup (import->fingerprints, owned_fingerprint))
                : 0;
  if (duplicate == 0)
    {
      duplicate = g_hash_table_contains (import->stored, owned_fingerprint) ? 1 : 0;
      if (duplicate > 0)
        add_notice (report->duplicate_notices, question,
                    g_strdup (_("The same question (stem and options) is in the store already")));
    }
  else
    add_notice (report->duplicate_notices, question,
                g_strdup_printf (_("The same question (stem and options) is on line %u already"),
                                 (guint)duplicate));

  if (duplicate > 0)
    {
      report->duplicates++;
      if (!(import->flags & XF_QUESTION_IMPORT_KEEP_DUPLICATES))
        {
          report->skipped++;
          return TRUE;
        }
    }

  if (!dry_run && !xf_question_store_write_new (import->db, import->bank_id, question, owned_fingerprint, error))
    return FALSE;
  if (duplicate == 0)
    g_hash_table_insert (import->fingerprints, g_steal_pointer (&owned_fingerprint),
                         GUINT_TO_POINTER (MAX (xf_question_get_line (question), 1)));
  report->imported++;
  return TRUE;
}

/* Ends the import once the whole file was read into @parse: commits it
 * when @ok, else rolls it back. */
static gboolean
import_end (Import           *import,
            XfQuestionParse  *parse,
            gboolean          ok,
            GError          **error)
{
  /* What the import noticed comes after what the reader did */
  if (import->notices != NULL)
    g_ptr_array_extend_and_steal (parse->notices, g_steal_pointer (&import->notices));
  if (ok)
    {
      import->report->skipped += parse->problems->len;
      ok = !import->begun || xf_database_commit (import->db, error);
    }
  if (!ok && import->begun)
    xf_database_rollback (import->db);

  g_clear_pointer (&import->stored, g_hash_table_unref);
  g_clear_pointer (&import->fingerprints, g_hash_table_unref);
  g_clear_pointer (&import->uuids, g_hash_table_unref);
  return ok;
}

static void
report_init (XfQuestionImportReport *report)
{
  memset (report, 0, sizeof *report);
  report->duplicate_notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
}

/**
 * xf_question_store_import:
 * @parse: what a file held (xf_question_parse_bytes()); its questions get
 *   their ids and UUIDs when written
 * @bank_title: (nullable): the bank to import into, made when missing;
 *   %NULL for the bank the file names, or else the file's name
 * @report: (out caller-allocates): what was done; clear it with
 *   xf_question_import_report_clear()
 *
 * Imports the questions of @parse in one transaction: all or nothing. A
 * question whose UUID is stored already is updated (a new version) when its
 * content differs; a question with the same stem and options as a stored
 * one (or an earlier one in the file) is a duplicate, skipped unless
 * %XF_QUESTION_IMPORT_KEEP_DUPLICATES. LexEval files are linked to the
 * 民法典 articles their right options quote. With
 * %XF_QUESTION_IMPORT_DRY_RUN nothing is written and @report says what
 * would be.
 */
gboolean
xf_question_store_import (XfDatabase              *db,
                          XfQuestionParse         *parse,
                          const char              *bank_title,
                          XfQuestionImportFlags    flags,
                          XfQuestionImportReport  *report,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  Import import = { db, flags, report, 0, };
  gboolean ok;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (parse != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  report_init (report);

  if (parse->format == XF_QUESTION_FORMAT_LEXEVAL &&
      xf_question_store_link_by_answer (db, parse, "中华人民共和国民法典", error) == G_MAXUINT)
    return FALSE;

  ok = import_begin (&import, parse, bank_title, error);
  for (guint i = 0; ok && i < parse->questions->len; i++)
    ok = import_question (&import, g_ptr_array_index (parse->questions, i), NULL, cancellable, error);
  return import_end (&import, parse, ok, error);
}

/* A question the reading thread hands over, with its fingerprint */
typedef struct
{
  XfQuestion *question;
  char       *fingerprint;
} Read;

typedef struct
{
  XfQuestionParse *parse;
  GBytes          *bytes;
  XfQuestionFormat format;
  GAsyncQueue     *queue;    /* Read, then &end_of_file */
} Reading;

static Read end_of_file;

/* In the reading thread: fingerprinting there too leaves the importing
 * thread only the store's work. */
static void
on_question_read (XfQuestion *question,
                  gpointer    user_data)
{
  Reading *reading = user_data;
  Read *read = g_new (Read, 1);

  read->question = g_object_ref (question);
  read->fingerprint = xf_question_dup_fingerprint (question);
  g_async_queue_push (reading->queue, read);
}

static gpointer
read_file_thread (gpointer data)
{
  Reading *reading = data;

  xf_question_parse_read_bytes (reading->parse, reading->bytes, reading->format);
  g_async_queue_push (reading->queue, &end_of_file);
  return NULL;
}

/**
 * xf_question_store_import_file:
 * @path: a question file
 * @format: its format, or %XF_QUESTION_FORMAT_AUTO to detect it
 * @report: (out caller-allocates): what was done; clear it with
 *   xf_question_import_report_clear()
 *
 * Reads a question file (xf_question_parse_file()) and imports its
 * questions (xf_question_store_import()), storing each while the rest of
 * the file is read in another thread.
 *
 * Returns: (transfer full) (nullable): what the file held, or %NULL when
 *   the file cannot be read or the import failed
 */
XfQuestionParse *
xf_question_store_import_file (XfDatabase              *db,
                               const char              *path,
                               XfQuestionFormat         format,
                               const char              *bank_title,
                               XfQuestionImportFlags    flags,
                               XfQuestionImportReport  *report,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GAsyncQueue) queue = NULL;
  g_autofree char *name = NULL;
  Import import = { db, flags, report, 0, };
  Reading reading;
  GThread *thread;
  Read *read;
  gboolean ok;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (format < XF_QUESTION_N_FORMATS, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  report_init (report);
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  name = g_path_get_basename (path);
  if (format == XF_QUESTION_FORMAT_AUTO)
    {
      const char *data = g_bytes_get_data (bytes, NULL);

      format = xf_question_format_detect (name, data != NULL ? data : "", g_bytes_get_size (bytes));
    }

  /* LexEval files are linked to articles before the import, all at once */
  if (format == XF_QUESTION_FORMAT_LEXEVAL)
    {
      parse = xf_question_parse_bytes (bytes, name, format);
      xf_question_import_report_clear (report);
      return xf_question_store_import (db, parse, bank_title, flags, report, cancellable, error)
               ? g_steal_pointer (&parse) : NULL;
    }

  parse = xf_question_parse_new (name);
  queue = g_async_queue_new ();
  reading = (Reading) { parse, bytes, format, queue };
  xf_question_parse_set_sink (parse, on_question_read, &reading);
  thread = g_thread_new ("xf-question-read", read_file_thread, &reading);

  /* The first question (or the end) comes once the reader knows the bank */
  read = g_async_queue_pop (queue);
  ok = import_begin (&import, parse, bank_title, error);
  for (; read != &end_of_file; read = g_async_queue_pop (queue))
    {
      /* After a failure the rest of the file is read, and dropped */
      if (ok)
        ok = import_question (&import, read->question, g_steal_pointer (&read->fingerprint),
                              cancellable, error);
      g_object_unref (read->question);
      g_free (read->fingerprint);
      g_free (read);
    }
  g_thread_join (thread);

  /* The reader found the file unreadable after it had handed questions
   * over: what it holds now is imported as a whole, as if read first */
  if (xf_question_parse_was_discarded (parse))
    {
      g_clear_pointer (&import.notices, g_ptr_array_unref);
      import_end (&import, parse, FALSE, NULL);
      xf_question_parse_set_sink (parse, NULL, NULL);
      xf_question_import_report_clear (report);
      return ok && xf_question_store_import (db, parse, bank_title, flags, report, cancellable, error)
               ? g_steal_pointer (&parse) : NULL;
    }
  xf_question_parse_set_sink (parse, NULL, NULL);

  return import_end (&import, parse, ok, error) ? g_steal_pointer (&parse) : NULL;
}

/* The article number a stem names (第一千零八十四条), or 0. */
static guint
stem_article_number (const char *stem)
{
  const char *start = strstr (stem, "第");
  const char *end;
  guint number = 0;

  if (start == NULL)
    return 0;
  start += strlen ("第");
  end = strstr (start, "条");
  if (end == NULL || !xf_chinese_numeral_parse (start, end - start, &number))
    return 0;
  return number;
}

static char *
strip_quote (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);

  /* Trailing punctuation differs between a quote and the article's 款 */
  while (len > 0)
    {
      const char *last = g_utf8_find_prev_char (copy, copy + len);
      gunichar c = g_utf8_get_char (last);

      if (!(g_unichar_ispunct (c) || g_unichar_isspace (c)))
        break;
      len = last - copy;
      copy[len] = '\0';
    }
  return copy;
}

/**
 * xf_question_store_link_by_answer:
 * @law_title: the law whose articles the questions quote
 *
 * Links each choice question of @parse that has no link to the article of
 * the newest version of @law_title whose text holds its right option's
 * text: when exactly one does, or, when several do, the one the stem names
 * (第X条).
 *
 * Returns: how many questions were linked, or %G_MAXUINT on error
 */
guint
xf_question_store_link_by_answer (XfDatabase       *db,
                                  XfQuestionParse  *parse,
                                  const char       *law_title,
                                  GError          **error)
{
  sqlite3_stmt *stmt;
  guint linked = 0;

  g_return_val_if_fail (XF_IS_DATABASE (db), G_MAXUINT);
  g_return_val_if_fail (parse != NULL, G_MAXUINT);
  g_return_val_if_fail (law_title != NULL, G_MAXUINT);

  stmt = xf_database_prepare (db,
                              "SELECT a.number, a.sub FROM articles a WHERE a.law_id = "
                              "(SELECT id FROM laws WHERE title = ?1 "
                              " ORDER BY version_date DESC, id DESC LIMIT 1) "
                              "AND instr(a.body, ?2) > 0 ORDER BY a.position LIMIT 16",
                              error);
  if (stmt == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);
      XfQuestionType type = xf_question_get_question_type (question);
      const char *answer = xf_question_get_answer (question);
      g_autofree char *quote = NULL;
      guint number = 0;
      guint sub = 0;
      guint matches = 0;
      guint named;
      int rc;

      if (xf_question_get_n_links (question) > 0 ||
          (type != XF_QUESTION_SINGLE && type != XF_QUESTION_MULTIPLE) ||
          strlen (answer) != 1 || (guint)(answer[0] - 'A') >= xf_question_get_n_options (question))
        continue;

      quote = strip_quote (xf_question_get_option (question, answer[0] - 'A'));
      if (g_utf8_strlen (quote, -1) < 4)
        continue;
      named = stem_article_number (xf_question_get_stem (question));
      sqlite3_bind_text (stmt, 1, law_title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, quote, -1, SQLITE_TRANSIENT);
      while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
        {
          guint n = (guint)sqlite3_column_int (stmt, 0);

          /* A sentence some articles share: the one the stem names */
          if (matches == 0 || n == named)
            {
              number = n;
              sub = (guint)sqlite3_column_int (stmt, 1);
            }
          matches++;
        }
      sqlite3_reset (stmt);
      if (rc < 0)
        return G_MAXUINT;
      if (matches == 1 || (matches > 1 && number == named))
        {
          xf_question_add_link (question, law_title, number, sub);
          linked++;
        }
    }

  return linked;
}

/**
 * xf_question_store_resolve_link:
 *
 * Finds the article a question's link points at, in the newest version of
 * the law. A short title (行政处罚法) finds the law titled
 * 中华人民共和国行政处罚法 too.
 *
 * Returns: the article's row id; 0 when there is none (@error is set only
 *   on failure)
 */
gint64
xf_question_store_resolve_link (XfDatabase  *db,
                                XfQuestion  *question,
                                guint        index,
                                GError     **error)
{
  gboolean law_found = FALSE;
  const char *law;
  guint number;
  guint sub;
  gint64 id;

  g_return_val_if_fail (XF_IS_DATABASE (db), 0);
  g_return_val_if_fail (XF_IS_QUESTION (question), 0);
  g_return_val_if_fail (index < xf_question_get_n_links (question), 0);

  law = xf_question_get_link (question, index, &number, &sub);
  id = xf_knowledge_store_resolve_article (db, law, number, sub, &law_found, error);
  if (id == 0 && !law_found && !g_str_has_prefix (law, "中华人民共和国"))
    {
      g_autofree char *full = g_strconcat ("中华人民共和国", law, NULL);

      id = xf_knowledge_store_resolve_article (db, full, number, sub, NULL, error);
    }
  return id;
}

static void
clear_article (gpointer article)
{
  if (article != NULL)
    g_object_unref (article);
}

/**
 * xf_question_store_load_articles:
 *
 * The articles a question's links point at, as xf_question_store_resolve_link()
 * finds them: one entry a link, %NULL where the statute library does not
 * hold the article.
 *
 * Returns: (transfer full) (element-type XfArticle): the articles, or %NULL
 *   with an error
 */
GPtrArray *
xf_question_store_load_articles (XfDatabase  *db,
                                 XfQuestion  *question,
                                 GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  guint n;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);

  n = xf_question_get_n_links (question);
  articles = g_ptr_array_new_full (n, clear_article);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 id = xf_question_store_resolve_link (db, question, i, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (id == 0)
        {
          g_ptr_array_add (articles, NULL);
          continue;
        }
      g_ptr_array_add (articles, xf_law_store_get_article (db, id, error));
      if (g_ptr_array_index (articles, i) == NULL)
        return NULL;
    }
  return g_steal_pointer (&articles);
}
