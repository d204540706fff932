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
  g_autoptr(GHashTable) fingerprints = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) uuids = NULL;
  g_autofree char *title = NULL;
  gboolean dry_run = (flags & XF_QUESTION_IMPORT_DRY_RUN) != 0;
  gint64 bank_id;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (parse != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  report->duplicate_notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  title = bank_title != NULL && *bank_title != '\0' ? g_strdup (bank_title) : default_bank_title (parse);

  if (parse->format == XF_QUESTION_FORMAT_LEXEVAL &&
      xf_question_store_link_by_answer (db, parse, "中华人民共和国民法典", error) == G_MAXUINT)
    return FALSE;

  if (!dry_run && !xf_database_begin (db, error))
    return FALSE;

  bank_id = bank_id_for (db, title, parse, flags, error);
  if (bank_id < 0)
    goto fail;
  report->bank_id = bank_id;

  /* One pass over the store beats a query a question */
  stored = load_fingerprints (db, error);
  if (stored == NULL)
    goto fail;
  fingerprints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uuids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);
      const char *uuid = xf_question_get_uuid (question);
      g_autofree char *fingerprint = NULL;
      gint64 duplicate;

      if (i % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      if (*uuid != '\0' && g_hash_table_contains (uuids, uuid))
        {
          g_autofree char *fresh = g_uuid_string_random ();

          add_notice (parse->notices, question,
                      g_strdup (_("Its UUID is used by an earlier question of the file; it gets a new one")));
          xf_question_set_uuid (question, fresh);
          uuid = xf_question_get_uuid (question);
        }

      if (*uuid != '\0')
        {
          gint64 stored = stored_id_of_uuid (db, uuid, error);

          g_hash_table_add (uuids, (gpointer)uuid);
          if (stored < 0)
            goto fail;
          if (stored > 0)
            {
              gboolean changed = FALSE;

              if (dry_run)
                {
                  gboolean same;

                  if (!xf_question_store_same_as_stored (db, question, &same, error))
                    goto fail;
                  changed = !same;
                }
              else if (!xf_question_store_write_version (db, question, &changed, error))
                goto fail;
              if (changed)
                report->updated++;
              else
                report->skipped++;
              continue;
            }
        }

      fingerprint = xf_question_dup_fingerprint (question);
      duplicate = g_hash_table_contains (fingerprints, fingerprint)
                    ? GPOINTER_TO_UINT (g_hash_table_lookup (fingerprints, fingerprint))
                    : 0;
      if (duplicate == 0)
        {
          duplicate = g_hash_table_contains (stored, fingerprint) ? 1 : 0;
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
          if (!(flags & XF_QUESTION_IMPORT_KEEP_DUPLICATES))
            {
              report->skipped++;
              continue;
            }
        }

      if (!dry_run && !xf_question_store_write_new (db, bank_id, question, fingerprint, error))
        goto fail;
      if (duplicate == 0)
        g_hash_table_insert (fingerprints, g_steal_pointer (&fingerprint),
                             GUINT_TO_POINTER (MAX (xf_question_get_line (question), 1)));
      report->imported++;
    }
  report->skipped += parse->problems->len;

  if (!dry_run && !xf_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  if (!dry_run)
    xf_database_rollback (db);
  return FALSE;
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
