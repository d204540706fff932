/* xf-question-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-knowledge-store.h"
#include "xf-question-format-private.h"
#include "xf-question-store-private.h"

/* Question banks in the profile's database. A question row holds the
 * current version; an edit copies the version it replaces into
 * question_versions first, so that answers given to it keep the text they
 * answered. Deleting marks a row (deleted_at) so that an undo can bring it
 * back; purging removes marked rows for good. */

#define SEP "\x1f"      /* between strings of a list column */
#define LINK_SEP "\x1e" /* between the parts of one link */

#define QUESTION_COLUMNS \
  "q.id, q.uuid, q.bank_id, q.version, q.type, q.title, q.stem, q.options, q.answer, " \
  "q.accepted, q.explanation, q.difficulty, q.category, q.tags, q.score, q.source, " \
  "q.links, q.updated_at"

static char *
join_strv (const char * const *strv)
{
  return g_strjoinv (SEP, (char **)strv);
}

static char **
split_column (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, SEP, -1);
}

static void
append_number (GString *out,
               guint    number)
{
  char digits[16];
  guint start = sizeof digits;

  do
    {
      digits[--start] = '0' + number % 10;
      number /= 10;
    }
  while (number > 0);
  g_string_append_len (out, digits + start, sizeof digits - start);
}

/* Without printf: an import joins the links of every question */
static char *
join_links (XfQuestion *question)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < xf_question_get_n_links (question); i++)
    {
      guint number;
      guint sub;
      const char *law = xf_question_get_link (question, i, &number, &sub);

      if (i > 0)
        g_string_append (out, SEP);
      g_string_append (out, law);
      g_string_append (out, LINK_SEP);
      append_number (out, number);
      g_string_append (out, LINK_SEP);
      append_number (out, sub);
    }
  return g_string_free (out, FALSE);
}

static void
set_links (XfQuestion *question,
           const char *text)
{
  g_auto(GStrv) links = split_column (text);

  xf_question_clear_links (question);
  for (guint i = 0; links[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (links[i], LINK_SEP, 3);

      if (g_strv_length (parts) == 3)
        xf_question_add_link (question, parts[0],
                              (guint)g_ascii_strtoull (parts[1], NULL, 10),
                              (guint)g_ascii_strtoull (parts[2], NULL, 10));
    }
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Makes a question of a row selected with QUESTION_COLUMNS. */
static XfQuestion *
question_from_row (sqlite3_stmt *stmt)
{
  XfQuestion *question;
  XfQuestionType type = XF_QUESTION_SINGLE;
  g_auto(GStrv) options = NULL;
  g_auto(GStrv) accepted = NULL;
  g_auto(GStrv) tags = NULL;

  xf_question_type_from_string (column_text (stmt, 4), &type);
  question = xf_question_new (type);
  xf_question_set_id (question, sqlite3_column_int64 (stmt, 0));
  xf_question_set_uuid (question, column_text (stmt, 1));
  xf_question_set_bank_id (question, sqlite3_column_int64 (stmt, 2));
  xf_question_set_version (question, (guint)sqlite3_column_int (stmt, 3));
  xf_question_set_title (question, column_text (stmt, 5));
  xf_question_set_stem (question, column_text (stmt, 6));
  options = split_column (column_text (stmt, 7));
  xf_question_set_options (question, (const char * const *)options);
  xf_question_set_answer (question, column_text (stmt, 8));
  accepted = split_column (column_text (stmt, 9));
  xf_question_set_accepted (question, (const char * const *)accepted);
  xf_question_set_explanation (question, column_text (stmt, 10));
  xf_question_set_difficulty (question, (guint)sqlite3_column_int (stmt, 11));
  xf_question_set_category (question, column_text (stmt, 12));
  tags = split_column (column_text (stmt, 13));
  xf_question_set_tags (question, (const char * const *)tags);
  xf_question_set_score (question, sqlite3_column_double (stmt, 14));
  xf_question_set_source (question, column_text (stmt, 15));
  set_links (question, column_text (stmt, 16));
  xf_question_set_updated_at (question, sqlite3_column_int64 (stmt, 17));
  return question;
}

/* Binds a question's content to parameters @first … @first + 14, in the
 * order type, title, stem, options, answer, accepted, explanation,
 * difficulty, category, tags, score, source, links, fingerprint. The
 * question's strings are bound without a copy: clear the bindings after
 * the step, while @question and @fingerprint are alive. */
static void
bind_content (sqlite3_stmt *stmt,
              int           first,
              XfQuestion   *question,
              const char   *fingerprint)
{
  int i = first;

  sqlite3_bind_text (stmt, i++, xf_question_type_to_string (xf_question_get_question_type (question)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, xf_question_get_title (question), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, xf_question_get_stem (question), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, join_strv (xf_question_get_options (question)), -1, g_free);
  sqlite3_bind_text (stmt, i++, xf_question_get_answer (question), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, join_strv (xf_question_get_accepted (question)), -1, g_free);
  sqlite3_bind_text (stmt, i++, xf_question_get_explanation (question), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, i++, (int)xf_question_get_difficulty (question));
  sqlite3_bind_text (stmt, i++, xf_question_get_category (question), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, join_strv (xf_question_get_tags (question)), -1, g_free);
  sqlite3_bind_double (stmt, i++, xf_question_get_score (question));
  sqlite3_bind_text (stmt, i++, xf_question_get_source (question), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, join_links (question), -1, g_free);
  if (fingerprint != NULL)
    sqlite3_bind_text (stmt, i++, fingerprint, -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, i++, xf_question_dup_fingerprint (question), -1, g_free);
}

void
xf_question_import_report_clear (XfQuestionImportReport *report)
{
  g_clear_pointer (&report->duplicate_notices, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

static XfQuestionBank *
bank_from_row (sqlite3_stmt *stmt)
{
  XfQuestionBank *bank = xf_question_bank_new (sqlite3_column_int64 (stmt, 0),
                                               column_text (stmt, 1), column_text (stmt, 2));

  xf_question_bank_set_description (bank, column_text (stmt, 3));
  xf_question_bank_set_source (bank, column_text (stmt, 4));
  xf_question_bank_set_licence (bank, column_text (stmt, 5));
  xf_question_bank_set_builtin (bank, sqlite3_column_int (stmt, 6));
  xf_question_bank_set_n_questions (bank, (guint)sqlite3_column_int (stmt, 7));
  return bank;
}

#define BANK_COLUMNS \
  "b.id, b.uuid, b.title, b.description, b.source, b.licence, b.builtin, " \
  "(SELECT count(*) FROM questions q WHERE q.bank_id = b.id AND q.deleted_at IS NULL)"

/**
 * xf_question_store_list_banks:
 *
 * Returns: (transfer full): the banks (#XfQuestionBank), shipped ones first
 */
GListModel *
xf_question_store_list_banks (XfDatabase  *db,
                              GError     **error)
{
  g_autoptr(GListStore) banks = g_list_store_new (XF_TYPE_QUESTION_BANK);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  stmt = xf_database_prepare (db, "SELECT " BANK_COLUMNS " FROM question_banks b "
                                  "ORDER BY b.builtin DESC, b.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(XfQuestionBank) bank = bank_from_row (stmt);

      g_list_store_append (banks, bank);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&banks));
}

/**
 * xf_question_store_get_bank:
 *
 * Returns: (transfer full) (nullable): the bank, or %NULL with
 *   %XF_STORE_ERROR_NOT_FOUND
 */
XfQuestionBank *
xf_question_store_get_bank (XfDatabase  *db,
                            const char  *uuid_or_title,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  XfQuestionBank *bank = NULL;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid_or_title != NULL, NULL);

  stmt = xf_database_prepare (db, "SELECT " BANK_COLUMNS " FROM question_banks b "
                                  "WHERE b.uuid = ?1 OR b.title = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid_or_title, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    bank = bank_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("There is no question bank “%s”"), uuid_or_title);
  return bank;
}

static gint64
insert_bank (XfDatabase      *db,
             const char      *title,
             XfQuestionParse *parse,
             gboolean         builtin,
             GError         **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db, "INSERT INTO question_banks (uuid, title, description, source, "
                                  "licence, builtin, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, parse && parse->bank_description ? parse->bank_description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, parse && parse->bank_source ? parse->bank_source : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, parse && parse->bank_licence ? parse->bank_licence : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, builtin);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!xf_database_step_done (db, stmt, error))
    return 0;
  return xf_database_last_insert_rowid (db);
}

/**
 * xf_question_store_ensure_bank:
 *
 * Returns: (transfer full): the bank titled @title, made if there is none
 */
XfQuestionBank *
xf_question_store_ensure_bank (XfDatabase  *db,
                               const char  *title,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XfQuestionBank *bank;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (title != NULL && *title != '\0', NULL);

  bank = xf_question_store_get_bank (db, title, &local_error);
  if (bank != NULL || !g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return bank;
    }
  if (insert_bank (db, title, NULL, FALSE, error) == 0)
    return NULL;
  return xf_question_store_get_bank (db, title, error);
}

/**
 * xf_question_store_delete_bank:
 *
 * Deletes a bank with its questions. Versions of its questions stay, for
 * the answers given to them.
 */
gboolean
xf_question_store_delete_bank (XfDatabase  *db,
                               gint64       bank_id,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  stmt = xf_database_prepare (db, "DELETE FROM question_banks WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bank_id);
  return xf_database_step_done (db, stmt, error);
}

static XfQuestion *
get_one (XfDatabase  *db,
         const char  *sql,
         gint64       id,
         const char  *uuid,
         GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, error);
  XfQuestion *question = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    question = question_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("There is no such question"));
  return question;
}

/**
 * xf_question_store_get:
 *
 * Returns: (transfer full) (nullable): the current version of a question
 *   (deleted ones too, for undo)
 */
XfQuestion *
xf_question_store_get (XfDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  return get_one (db, "SELECT " QUESTION_COLUMNS " FROM questions q WHERE q.id = ?", id, NULL, error);
}

XfQuestion *
xf_question_store_get_by_uuid (XfDatabase  *db,
                               const char  *uuid,
                               GError     **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return get_one (db, "SELECT " QUESTION_COLUMNS " FROM questions q WHERE q.uuid = ?", 0, uuid, error);
}

/**
 * xf_question_store_get_version:
 *
 * Returns: (transfer full) (nullable): the question as it was in @version
 */
XfQuestion *
xf_question_store_get_version (XfDatabase  *db,
                               const char  *uuid,
                               guint        version,
                               GError     **error)
{
  g_autoptr(XfQuestion) current = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autofree char *document = NULL;
  sqlite3_stmt *stmt;
  XfQuestion *question;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  current = xf_question_store_get_by_uuid (db, uuid, error);
  if (current == NULL)
    return NULL;
  if (xf_question_get_version (current) == version)
    return g_steal_pointer (&current);

  stmt = xf_database_prepare (db, "SELECT content FROM question_versions "
                                  "WHERE question_uuid = ? AND version = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)version);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    document = g_strdup_printf ("{\"format\": \"%s\", \"questions\": [%s]}",
                                XF_QUESTION_FORMAT_NAME, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  if (document == NULL)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                   _("The question has no version %u"), version);
      return NULL;
    }

  parse = xf_question_parse_new (NULL);
  xf_question_read_json (parse, document, strlen (document));
  if (parse->questions->len != 1)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_SQL,
                   _("Version %u of the question cannot be read"), version);
      return NULL;
    }
  question = g_object_ref (g_ptr_array_index (parse->questions, 0));
  xf_question_set_id (question, xf_question_get_id (current));
  xf_question_set_bank_id (question, xf_question_get_bank_id (current));
  xf_question_set_version (question, version);
  xf_question_set_line (question, 0);
  return question;
}

/**
 * xf_question_store_load:
 * @bank_id: a bank, or 0 for every bank
 *
 * Returns: (transfer full) (element-type XfQuestion): the questions, in the
 *   order they were added
 */
GPtrArray *
xf_question_store_load (XfDatabase  *db,
                        gint64       bank_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  stmt = xf_database_prepare (db, "SELECT " QUESTION_COLUMNS " FROM questions q "
                                  "WHERE q.deleted_at IS NULL AND (?1 = 0 OR q.bank_id = ?1) "
                                  "ORDER BY q.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bank_id);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (questions, question_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&questions);
}

guint
xf_question_store_count (XfDatabase  *db,
                         gint64       bank_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (XF_IS_DATABASE (db), 0);

  stmt = xf_database_prepare (db, "SELECT count(*) FROM questions "
                                  "WHERE deleted_at IS NULL AND (?1 = 0 OR bank_id = ?1)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bank_id);
  if (xf_database_step (db, stmt, error) == SQLITE_ROW)
    count = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* A random (version 4) UUID, as g_uuid_string_random() makes one but
 * without formatting it through printf, which took more time than the
 * rest of an imported question's row. */
static void
format_random_uuid (char uuid[37])
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  guint out = 0;

  for (guint i = 0; i < 4; i++)
    {
      guint32 r = g_random_int ();

      memcpy (bytes + 4 * i, &r, sizeof r);
    }
  bytes[6] = (bytes[6] & 0x0F) | 0x40;  /* version 4 */
  bytes[8] = (bytes[8] & 0x3F) | 0x80;  /* the RFC 4122 variant */
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        uuid[out++] = '-';
      uuid[out++] = hex[bytes[i] >> 4];
      uuid[out++] = hex[bytes[i] & 0x0F];
    }
  uuid[out] = '\0';
}

static gboolean
insert_question (XfDatabase  *db,
                 gint64       bank_id,
                 XfQuestion  *question,
                 const char  *fingerprint,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  gboolean ok;

  if (*xf_question_get_uuid (question) == '\0')
    {
      char uuid[37];

      format_random_uuid (uuid);
      xf_question_set_uuid (question, uuid);
    }

  stmt = xf_database_prepare (db,
                              "INSERT INTO questions (uuid, bank_id, version, type, title, stem, "
                              "options, answer, accepted, explanation, difficulty, category, tags, "
                              "score, source, links, fingerprint, created_at, updated_at, device_id) "
                              "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, xf_question_get_uuid (question), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, bank_id);
  bind_content (stmt, 3, question, fingerprint);
  sqlite3_bind_int64 (stmt, 17, now);
  sqlite3_bind_int64 (stmt, 18, now);
  sqlite3_bind_text (stmt, 19, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  ok = xf_database_step_done (db, stmt, error);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  xf_question_set_id (question, xf_database_last_insert_rowid (db));
  xf_question_set_bank_id (question, bank_id);
  xf_question_set_version (question, 1);
  xf_question_set_updated_at (question, now);
  return TRUE;
}

/**
 * xf_question_store_add:
 *
 * Adds a question to a bank, giving it a UUID when it has none. The
 * question must be valid (xf_question_validate()).
 */
gboolean
xf_question_store_add (XfDatabase  *db,
                       gint64       bank_id,
                       XfQuestion  *question,
                       GError     **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (XF_IS_QUESTION (question), FALSE);

  if (!xf_question_validate (question, error))
    return FALSE;
  return insert_question (db, bank_id, question, NULL, error);
}

/* Keeps the version @old in question_versions before it is replaced. */
static gboolean
keep_version (XfDatabase  *db,
              XfQuestion  *old,
              GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *content = NULL;
  sqlite3_stmt *stmt;

  xf_question_build_json (builder, old);
  root = json_builder_get_root (builder);
  content = json_to_string (root, FALSE);

  stmt = xf_database_prepare (db, "INSERT OR IGNORE INTO question_versions "
                                  "(question_uuid, version, content, created_at, device_id) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, xf_question_get_uuid (old), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)xf_question_get_version (old));
  sqlite3_bind_text (stmt, 3, content, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  sqlite3_bind_text (stmt, 5, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  return xf_database_step_done (db, stmt, error);
}

/* Writes @question's content over the row of its UUID as a new version,
 * unless nothing changed. Runs inside the caller's transaction. */
static gboolean
update_in_transaction (XfDatabase  *db,
                       XfQuestion  *question,
                       gboolean    *changed,
                       GError     **error)
{
  g_autoptr(XfQuestion) old = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();
  guint version;
  gboolean ok;

  *changed = FALSE;
  old = xf_question_store_get_by_uuid (db, xf_question_get_uuid (question), error);
  if (old == NULL)
    return FALSE;
  if (xf_question_equal_content (old, question))
    {
      xf_question_set_id (question, xf_question_get_id (old));
      xf_question_set_bank_id (question, xf_question_get_bank_id (old));
      xf_question_set_version (question, xf_question_get_version (old));
      return TRUE;
    }
  if (!keep_version (db, old, error))
    return FALSE;

  version = xf_question_get_version (old) + 1;
  stmt = xf_database_prepare (db,
                              "UPDATE questions SET version = ?1, type = ?2, title = ?3, stem = ?4, "
                              "options = ?5, answer = ?6, accepted = ?7, explanation = ?8, "
                              "difficulty = ?9, category = ?10, tags = ?11, score = ?12, source = ?13, "
                              "links = ?14, fingerprint = ?15, updated_at = ?16, device_id = ?17 "
                              "WHERE uuid = ?18",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int)version);
  bind_content (stmt, 2, question, NULL);
  sqlite3_bind_int64 (stmt, 16, now);
  sqlite3_bind_text (stmt, 17, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, xf_question_get_uuid (question), -1, SQLITE_STATIC);
  ok = xf_database_step_done (db, stmt, error);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  xf_question_set_id (question, xf_question_get_id (old));
  xf_question_set_bank_id (question, xf_question_get_bank_id (old));
  xf_question_set_version (question, version);
  xf_question_set_updated_at (question, now);
  *changed = TRUE;
  return TRUE;
}

/**
 * xf_question_store_update:
 * @question: an edited copy of a stored question (same UUID)
 *
 * Stores an edit as a new version; the version it replaces is kept, so
 * answers given to it keep their question. Nothing is written when the
 * content did not change. The question must be valid.
 */
gboolean
xf_question_store_update (XfDatabase  *db,
                          XfQuestion  *question,
                          GError     **error)
{
  gboolean changed;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (XF_IS_QUESTION (question), FALSE);

  if (!xf_question_validate (question, error))
    return FALSE;
  if (!xf_database_begin (db, error))
    return FALSE;
  if (!update_in_transaction (db, question, &changed, error) || !xf_database_commit (db, error))
    {
      xf_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_deleted (XfDatabase    *db,
             const gint64  *ids,
             guint          n_ids,
             gboolean       deleted,
             GError       **error)
{
  sqlite3_stmt *stmt;

  if (!xf_database_begin (db, error))
    return FALSE;
  stmt = xf_database_prepare (db, "UPDATE questions SET deleted_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n_ids; i++)
    {
      if (deleted)
        sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, ids[i]);
      if (!xf_database_step_done (db, stmt, error))
        goto fail;
    }
  if (xf_database_commit (db, error))
    return TRUE;

fail:
  xf_database_rollback (db);
  return FALSE;
}

/**
 * xf_question_store_delete:
 *
 * Deletes questions so that xf_question_store_undelete() can bring them
 * back until xf_question_store_purge_deleted() runs.
 */
gboolean
xf_question_store_delete (XfDatabase    *db,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  return set_deleted (db, ids, n_ids, TRUE, error);
}

gboolean
xf_question_store_undelete (XfDatabase    *db,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  return set_deleted (db, ids, n_ids, FALSE, error);
}

/**
 * xf_question_store_purge_deleted:
 *
 * Removes deleted questions for good (their past versions stay).
 */
gboolean
xf_question_store_purge_deleted (XfDatabase  *db,
                                 GError     **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  return xf_database_exec (db, "DELETE FROM questions WHERE deleted_at IS NOT NULL", error);
}

typedef gboolean (*EditFunc) (XfQuestion *question,
                              gpointer    data);

/* Edits many questions in one transaction, each a new version. */
static gboolean
edit_many (XfDatabase    *db,
           const gint64  *ids,
           guint          n_ids,
           EditFunc       edit,
           gpointer       data,
           GError       **error)
{
  if (!xf_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(XfQuestion) question = xf_question_store_get (db, ids[i], error);
      gboolean changed;

      if (question == NULL)
        goto fail;
      if (!edit (question, data))
        continue;
      if (!update_in_transaction (db, question, &changed, error))
        goto fail;
    }
  if (xf_database_commit (db, error))
    return TRUE;

fail:
  xf_database_rollback (db);
  return FALSE;
}

typedef struct
{
  const char * const *add;
  const char * const *remove;
} Retag;

static gboolean
retag (XfQuestion *question,
       gpointer    data)
{
  Retag *change = data;
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  const char * const *old = xf_question_get_tags (question);

  for (guint i = 0; old[i] != NULL; i++)
    if (change->remove == NULL || !g_strv_contains (change->remove, old[i]))
      g_ptr_array_add (tags, (gpointer)old[i]);
  g_ptr_array_add (tags, NULL);
  {
    g_auto(GStrv) kept = g_strdupv ((char **)tags->pdata);

    xf_question_set_tags (question, (const char * const *)kept);
  }
  for (guint i = 0; change->add != NULL && change->add[i] != NULL; i++)
    xf_question_add_tag (question, change->add[i]);
  return TRUE;
}

/**
 * xf_question_store_retag:
 * @add: (nullable): tags to give every question
 * @remove: (nullable): tags to take away
 *
 * Retags questions in one transaction; each changed question gets a new
 * version.
 */
gboolean
xf_question_store_retag (XfDatabase          *db,
                         const gint64        *ids,
                         guint                n_ids,
                         const char * const  *add,
                         const char * const  *remove,
                         GError             **error)
{
  Retag change = { add, remove };

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  return edit_many (db, ids, n_ids, retag, &change, error);
}

static gboolean
recategorize (XfQuestion *question,
              gpointer    data)
{
  xf_question_set_category (question, data);
  return TRUE;
}

/**
 * xf_question_store_recategorize:
 * @category: the new category path ("" for none)
 */
gboolean
xf_question_store_recategorize (XfDatabase    *db,
                                const gint64  *ids,
                                guint          n_ids,
                                const char    *category,
                                GError       **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);

  return edit_many (db, ids, n_ids, recategorize, (gpointer)category, error);
}

static gint64
find_fingerprint (XfDatabase  *db,
                  const char  *fingerprint,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = xf_database_prepare (db, "SELECT id FROM questions WHERE fingerprint = ? "
                                  "AND deleted_at IS NULL LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, fingerprint, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rc < 0 ? -1 : id;
}

/**
 * xf_question_store_find_duplicate:
 *
 * Returns: the id of a stored question with the same stem and options
 *   (xf_question_dup_fingerprint()), 0 when there is none, -1 on error
 */
gint64
xf_question_store_find_duplicate (XfDatabase  *db,
                                  XfQuestion  *question,
                                  GError     **error)
{
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), -1);
  g_return_val_if_fail (XF_IS_QUESTION (question), -1);

  fingerprint = xf_question_dup_fingerprint (question);
  return find_fingerprint (db, fingerprint, error);
}


gboolean
xf_question_store_write_new (XfDatabase  *db,
                             gint64       bank_id,
                             XfQuestion  *question,
                             const char  *fingerprint,
                             GError     **error)
{
  return insert_question (db, bank_id, question, fingerprint, error);
}

gboolean
xf_question_store_write_version (XfDatabase  *db,
                                 XfQuestion  *question,
                                 gboolean    *changed,
                                 GError     **error)
{
  return update_in_transaction (db, question, changed, error);
}

gboolean
xf_question_store_same_as_stored (XfDatabase  *db,
                                  XfQuestion  *question,
                                  gboolean    *same,
                                  GError     **error)
{
  g_autoptr(XfQuestion) old = xf_question_store_get_by_uuid (db, xf_question_get_uuid (question), error);

  if (old == NULL)
    return FALSE;
  *same = xf_question_equal_content (old, question);
  return TRUE;
}
