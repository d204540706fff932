/* xf-study-store-frontier.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-study-store.h"
#include "xf-study-store-private.h"

/* Where the content of cards is, and the frontier of new cards: cards
 * have study_cards rows only once rated, so the queue finds new cards
 * in the content, from the frontier on (see study_frontier in the
 * migrations). */

/* Returns: the row id of the item or question @key, 0 with
 * %XF_STORE_ERROR_NOT_FOUND when it does not exist, -1 on another error */
gint64
xf_study_content_id (XfDatabase  *db,
                     XfStudyKind  kind,
                     const char  *key,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = xf_database_prepare (db, kind == XF_STUDY_KIND_ITEM
                                    ? "SELECT id FROM list_items WHERE uuid = ?"
                                    : "SELECT id FROM questions WHERE uuid = ? AND deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc < 0)
    return -1;
  if (id == 0)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 kind == XF_STUDY_KIND_ITEM ? _("There is no list item “%s”") : _("There is no question “%s”"),
                 key);
  return id;
}

/* The frontier of new cards (see study_frontier in the migrations).
 * After the card of content @id is introduced at or past the frontier,
 * the frontier moves on to the first live content without a card row,
 * past those introduced out of order (an exam's questions) and content
 * gone meanwhile, or past the end. A row is passed once, so this stays
 * cheap however much is introduced. */
gboolean
xf_study_advance_frontier (XfDatabase  *db,
                           XfStudyKind  kind,
                           gint64       id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db, kind == XF_STUDY_KIND_ITEM
    ? "UPDATE study_frontier SET next_id = coalesce ("
      "(SELECT i.id FROM list_items i WHERE i.id >= study_frontier.next_id AND NOT EXISTS "
      "(SELECT 1 FROM study_cards c WHERE c.kind = 'item' AND c.card_key = i.uuid) ORDER BY i.id LIMIT 1), "
      "(SELECT coalesce (max (id), 0) + 1 FROM list_items)) WHERE kind = 'item' AND next_id <= ?1"
    : "UPDATE study_frontier SET next_id = coalesce ("
      "(SELECT q.id FROM questions q WHERE q.id >= study_frontier.next_id AND q.deleted_at IS NULL AND NOT EXISTS "
      "(SELECT 1 FROM study_cards c WHERE c.kind = 'question' AND c.card_key = q.uuid) ORDER BY q.id LIMIT 1), "
      "(SELECT coalesce (max (id), 0) + 1 FROM questions)) WHERE kind = 'question' AND next_id <= ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return xf_database_step_done (db, stmt, error);
}

/* A card of content @id is new again: the frontier moves back to it. */
gboolean
xf_study_lower_frontier (XfDatabase  *db,
                         XfStudyKind  kind,
                         gint64       id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db, "UPDATE study_frontier SET next_id = min (next_id, ?1) WHERE kind = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, xf_study_kind_to_string (kind), -1, SQLITE_STATIC);
  return xf_database_step_done (db, stmt, error);
}
