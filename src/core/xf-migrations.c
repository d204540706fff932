/* xf-migrations.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-migrations.h"

/* Each entry brings the schema from version N to N + 1. Never edit an entry
 * that has shipped: add a new one. Times are UTC microseconds. */
static const char * const migrations[] = {
  /* 0 → 1: statutes and knowledge lists */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE laws ("
  "  id            INTEGER PRIMARY KEY,"
  "  uuid          TEXT NOT NULL UNIQUE,"
  "  title         TEXT NOT NULL,"
  "  version_date  TEXT NOT NULL DEFAULT '',"    /* YYYY-MM-DD */
  "  status        TEXT NOT NULL DEFAULT 'current'," /* current, amended, repealed */
  "  level         TEXT NOT NULL DEFAULT '',"
  "  source        TEXT NOT NULL DEFAULT '',"
  "  history       TEXT NOT NULL DEFAULT '',"
  "  preamble      TEXT NOT NULL DEFAULT '',"
  "  article_count INTEGER NOT NULL DEFAULT 0,"
  "  imported_at   INTEGER NOT NULL,"
  "  UNIQUE (title, version_date)"
  ");"
  "CREATE TABLE headings ("
  "  id        INTEGER PRIMARY KEY,"
  "  law_id    INTEGER NOT NULL REFERENCES laws (id) ON DELETE CASCADE,"
  "  parent_id INTEGER REFERENCES headings (id) ON DELETE CASCADE,"
  "  kind      TEXT NOT NULL,"                  /* part, subpart, chapter, section */
  "  label     TEXT NOT NULL DEFAULT '',"       /* 第一章 */
  "  title     TEXT NOT NULL DEFAULT '',"       /* 总则 */
  "  position  INTEGER NOT NULL"
  ");"
  "CREATE INDEX headings_by_law ON headings (law_id, position);"
  "CREATE INDEX headings_by_parent ON headings (parent_id);"
  "CREATE TABLE articles ("
  "  id         INTEGER PRIMARY KEY,"
  "  law_id     INTEGER NOT NULL REFERENCES laws (id) ON DELETE CASCADE,"
  "  heading_id INTEGER REFERENCES headings (id) ON DELETE SET NULL,"
  "  number     INTEGER NOT NULL,"              /* 32 for 第三十二条 */
  "  sub        INTEGER NOT NULL DEFAULT 0,"    /* 1 for 第三十二条之一 */
  "  label      TEXT NOT NULL,"                 /* 第三十二条 */
  "  body       TEXT NOT NULL,"                 /* 款 separated by newlines */
  "  position   INTEGER NOT NULL"
  ");"
  "CREATE INDEX articles_by_law ON articles (law_id, position);"
  "CREATE INDEX articles_by_heading ON articles (heading_id, position);"
  "CREATE TABLE lists ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  title       TEXT NOT NULL,"
  "  year        INTEGER NOT NULL,"
  "  audience    TEXT NOT NULL,"                /* all, leaders, enforcement, department */
  "  department  TEXT NOT NULL DEFAULT '',"
  "  version     INTEGER NOT NULL DEFAULT 1,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  source      TEXT NOT NULL DEFAULT '',"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE list_items ("
  "  id             INTEGER PRIMARY KEY,"
  "  uuid           TEXT NOT NULL UNIQUE,"
  "  list_id        INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,"
  "  position       INTEGER NOT NULL,"
  "  level          TEXT NOT NULL,"             /* must, should, apply: 必知, 应知, 应会 */
  "  law_title      TEXT NOT NULL DEFAULT '',"  /* the article an item points at, if any */
  "  article_number INTEGER NOT NULL DEFAULT 0,"
  "  article_sub    INTEGER NOT NULL DEFAULT 0,"
  "  title          TEXT NOT NULL DEFAULT '',"
  "  body           TEXT NOT NULL DEFAULT '',"  /* an item's own text */
  "  note           TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX list_items_by_list ON list_items (list_id, position);"
  /* Append-only: the latest mark of an item is its state. */
  "CREATE TABLE item_marks ("
  "  uuid       TEXT PRIMARY KEY,"
  "  item_uuid  TEXT NOT NULL,"
  "  learned    INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  device_id  TEXT NOT NULL"
  ");"
  "CREATE INDEX item_marks_by_item ON item_marks (item_uuid, created_at);",

  /* 1 → 2: question banks. A question row holds its current version; an
   * edit first copies the version it replaces into question_versions (as
   * the native JSON object), so answers given to it keep their text.
   * options, accepted, tags: strings joined by U+001F; links: "title U+001E
   * number U+001E sub" joined by U+001F. */
  "CREATE TABLE question_banks ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  title       TEXT NOT NULL UNIQUE,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  source      TEXT NOT NULL DEFAULT '',"
  "  licence     TEXT NOT NULL DEFAULT '',"
  "  builtin     INTEGER NOT NULL DEFAULT 0,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE questions ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  bank_id     INTEGER NOT NULL REFERENCES question_banks (id) ON DELETE CASCADE,"
  "  version     INTEGER NOT NULL DEFAULT 1,"
  "  type        TEXT NOT NULL,"                 /* single, multiple, truefalse, fill, essay */
  "  title       TEXT NOT NULL DEFAULT '',"
  "  stem        TEXT NOT NULL,"
  "  options     TEXT NOT NULL DEFAULT '',"
  "  answer      TEXT NOT NULL DEFAULT '',"
  "  accepted    TEXT NOT NULL DEFAULT '',"
  "  explanation TEXT NOT NULL DEFAULT '',"
  "  difficulty  INTEGER NOT NULL DEFAULT 3,"
  "  category    TEXT NOT NULL DEFAULT '',"
  "  tags        TEXT NOT NULL DEFAULT '',"
  "  score       REAL NOT NULL DEFAULT 1,"
  "  source      TEXT NOT NULL DEFAULT '',"
  "  links       TEXT NOT NULL DEFAULT '',"
  "  fingerprint TEXT NOT NULL,"                 /* stem and options, normalised */
  "  deleted_at  INTEGER,"                       /* set while an undo can bring it back */
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  device_id   TEXT NOT NULL"
  ");"
  "CREATE INDEX questions_by_bank ON questions (bank_id, id);"
  "CREATE INDEX questions_by_fingerprint ON questions (fingerprint);"
  "CREATE TABLE question_versions ("
  "  question_uuid TEXT NOT NULL,"
  "  version       INTEGER NOT NULL,"
  "  content       TEXT NOT NULL,"
  "  created_at    INTEGER NOT NULL,"
  "  device_id     TEXT NOT NULL,"
  "  PRIMARY KEY (question_uuid, version)"
  ");",

  /* 2 → 3: exams. An exam's spec is its native JSON (xf_exam_to_json). An
   * attempt holds its paper (question UUIDs and versions, no key) and its
   * time; answers are an append-only log, the latest for a question
   * counts. A submitted attempt and its answers cannot change. */
  "CREATE TABLE exams ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  title       TEXT NOT NULL,"
  "  spec        TEXT NOT NULL,"
  "  builtin     INTEGER NOT NULL DEFAULT 0,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  device_id   TEXT NOT NULL"
  ");"
  "CREATE TABLE exam_attempts ("
  "  id           INTEGER PRIMARY KEY,"
  "  uuid         TEXT NOT NULL UNIQUE,"
  "  exam_uuid    TEXT NOT NULL,"
  "  profile      TEXT NOT NULL DEFAULT '',"
  "  paper        TEXT NOT NULL,"
  "  state        TEXT NOT NULL DEFAULT 'in-progress'," /* in-progress, submitted */
  "  elapsed_us   INTEGER NOT NULL DEFAULT 0,"
  "  seen_at      INTEGER NOT NULL,"
  "  started_at   INTEGER NOT NULL,"
  "  submitted_at INTEGER,"
  "  submitted_by TEXT,"                                /* person, time-up, closed */
  "  score        REAL,"                                /* NULL until graded */
  "  total        REAL,"
  "  passed       INTEGER,"
  "  created_at   INTEGER NOT NULL,"
  "  updated_at   INTEGER NOT NULL,"
  "  device_id    TEXT NOT NULL"
  ");"
  "CREATE INDEX exam_attempts_by_exam ON exam_attempts (exam_uuid, started_at);"
  "CREATE TABLE exam_answers ("
  "  id           INTEGER PRIMARY KEY,"
  "  uuid         TEXT NOT NULL UNIQUE,"
  "  attempt_uuid TEXT NOT NULL,"
  "  n            INTEGER NOT NULL,"                    /* 1-based place in the paper */
  "  answer       TEXT,"                                /* NULL: cleared */
  "  elapsed_us   INTEGER NOT NULL,"
  "  created_at   INTEGER NOT NULL,"
  "  device_id    TEXT NOT NULL"
  ");"
  "CREATE INDEX exam_answers_by_attempt ON exam_answers (attempt_uuid, n, id);"
  "CREATE TRIGGER exam_answers_frozen BEFORE INSERT ON exam_answers "
  "  WHEN (SELECT state FROM exam_attempts WHERE uuid = NEW.attempt_uuid) IS NOT 'in-progress' "
  "  BEGIN SELECT RAISE (ABORT, 'the attempt is submitted'); END;"
  "CREATE TRIGGER exam_attempts_frozen BEFORE UPDATE ON exam_attempts "
  "  WHEN OLD.state = 'submitted' "
  "  BEGIN SELECT RAISE (ABORT, 'a submitted attempt cannot change'); END;"
  /* Drawing a paper: which live questions of a type match, from the index
   * alone */
  "CREATE INDEX questions_by_type ON questions (type, deleted_at, category, difficulty);",

  /* 3 → 4: flags set during an attempt, and the 错题本 (questions answered
   * wrong). A mistake is one row a question: answering it wrong again
   * brings it back; it leaves after right answers on separate days, or
   * by hand (removed_by 'learned' or 'person'), and a removal can be
   * undone. */
  "CREATE TABLE exam_flags ("
  "  attempt_uuid TEXT NOT NULL,"
  "  n            INTEGER NOT NULL,"
  "  created_at   INTEGER NOT NULL,"
  "  PRIMARY KEY (attempt_uuid, n)"
  ");"
  "CREATE TRIGGER exam_flags_frozen_insert BEFORE INSERT ON exam_flags "
  "  WHEN (SELECT state FROM exam_attempts WHERE uuid = NEW.attempt_uuid) IS NOT 'in-progress' "
  "  BEGIN SELECT RAISE (ABORT, 'the attempt is submitted'); END;"
  "CREATE TRIGGER exam_flags_frozen_delete BEFORE DELETE ON exam_flags "
  "  WHEN (SELECT state FROM exam_attempts WHERE uuid = OLD.attempt_uuid) IS NOT 'in-progress' "
  "  BEGIN SELECT RAISE (ABORT, 'the attempt is submitted'); END;"
  "CREATE TABLE mistakes ("
  "  id             INTEGER PRIMARY KEY,"
  "  question_uuid  TEXT NOT NULL UNIQUE,"
  "  version        INTEGER NOT NULL,"           /* the version last answered wrong */
  "  answer         TEXT,"                       /* what was given then */
  "  source         TEXT NOT NULL,"              /* exam, practice */
  "  source_uuid    TEXT,"                       /* the attempt or session */
  "  times_wrong    INTEGER NOT NULL DEFAULT 1,"
  "  right_days     INTEGER NOT NULL DEFAULT 0," /* separate days right since the last wrong */
  "  last_right_day TEXT,"                       /* YYYY-MM-DD, local */
  "  first_wrong_at INTEGER NOT NULL,"
  "  last_wrong_at  INTEGER NOT NULL,"
  "  removed_at     INTEGER,"
  "  removed_by     TEXT,"                       /* learned, person */
  "  updated_at     INTEGER NOT NULL,"
  "  device_id      TEXT NOT NULL"
  ");"
  "CREATE INDEX mistakes_live ON mistakes (removed_at, last_wrong_at);",

  /* 4 → 5: studying with FSRS-6. study_log is the truth: one row a
   * rating, never changed or deleted (triggers refuse it). kind 'item'
   * is the article card of a list item (card_key: the item's UUID),
   * 'question' a question card (the question's UUID). retention is the
   * desired retention in force when the rating was given, so that a
   * replay schedules as the rating did. An undo appends the undone
   * rating's UUID to study_undos (append-only too): the rating then
   * counts as never given.
   * study_cards is a cache derived from the log: a row for every card
   * with a live rating, with the FSRS state its live ratings give,
   * replayed in log order (xf_study_store_rebuild rewrites it). A list
   * item or question without a row is a new card, so adding content
   * costs studying nothing; the queue finds new cards in content order
   * from study_frontier: per kind, a content id such that every live
   * row below it has a card row. Ratings move it on, an undo that makes
   * a card new again moves it back; the triggers move it back when
   * content below it comes back (a question restored) or when deleting
   * the highest rows lets SQLite hand out their ids again. state: 0 new,
   * 1 learning, 2 review, 3 relearning; due and last_review: UTC µs of
   * the scheduler's whole seconds. */
  "CREATE TABLE study_log ("
  "  id           INTEGER PRIMARY KEY,"
  "  uuid         TEXT NOT NULL UNIQUE,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('item', 'question')),"
  "  card_key     TEXT NOT NULL,"
  "  rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),"
  "  reviewed_at  INTEGER NOT NULL,"
  "  duration_ms  INTEGER NOT NULL DEFAULT 0,"
  "  source       TEXT NOT NULL CHECK (source IN ('study', 'practice', 'exam')),"
  "  session_uuid TEXT,"
  "  retention    REAL NOT NULL,"
  "  device_id    TEXT NOT NULL"
  ");"
  "CREATE INDEX study_log_by_card ON study_log (kind, card_key);"
  "CREATE INDEX study_log_by_time ON study_log (reviewed_at);"
  "CREATE TRIGGER study_log_no_update BEFORE UPDATE ON study_log "
  "  BEGIN SELECT RAISE (ABORT, 'the study log is append-only'); END;"
  "CREATE TRIGGER study_log_no_delete BEFORE DELETE ON study_log "
  "  BEGIN SELECT RAISE (ABORT, 'the study log is append-only'); END;"
  "CREATE TABLE study_undos ("
  "  id          INTEGER PRIMARY KEY,"
  "  review_uuid TEXT NOT NULL UNIQUE,"
  "  undone_at   INTEGER NOT NULL,"
  "  device_id   TEXT NOT NULL"
  ");"
  "CREATE TRIGGER study_undos_no_update BEFORE UPDATE ON study_undos "
  "  BEGIN SELECT RAISE (ABORT, 'the study log is append-only'); END;"
  "CREATE TRIGGER study_undos_no_delete BEFORE DELETE ON study_undos "
  "  BEGIN SELECT RAISE (ABORT, 'the study log is append-only'); END;"
  "CREATE TABLE study_cards ("
  "  id             INTEGER PRIMARY KEY,"
  "  kind           TEXT NOT NULL,"
  "  card_key       TEXT NOT NULL,"
  "  state          INTEGER NOT NULL DEFAULT 0,"
  "  stability      REAL NOT NULL DEFAULT 0,"
  "  difficulty     REAL NOT NULL DEFAULT 0,"
  "  due            INTEGER NOT NULL DEFAULT 0,"
  "  last_review    INTEGER NOT NULL DEFAULT 0,"
  "  step           INTEGER NOT NULL DEFAULT 0,"
  "  reps           INTEGER NOT NULL DEFAULT 0,"
  "  lapses         INTEGER NOT NULL DEFAULT 0,"
  "  scheduled_days INTEGER NOT NULL DEFAULT 0,"
  "  elapsed_days   INTEGER NOT NULL DEFAULT 0,"
  "  introduced_at  INTEGER,"                       /* the first live rating */
  "  introduced_by  TEXT,"                          /* its source */
  "  UNIQUE (kind, card_key)"
  ");"
  "CREATE INDEX study_cards_due ON study_cards (state, due);"
  "CREATE INDEX study_cards_introduced ON study_cards (introduced_at) WHERE introduced_at IS NOT NULL;"
  "CREATE TABLE study_frontier ("
  "  kind    TEXT PRIMARY KEY,"
  "  next_id INTEGER NOT NULL"
  ");"
  "INSERT INTO study_frontier (kind, next_id) VALUES ('item', 1), ('question', 1);"
  "CREATE TRIGGER study_frontier_item_removed AFTER DELETE ON list_items "
  "  WHEN OLD.id > (SELECT coalesce (max (id), 0) FROM list_items) "
  "  BEGIN UPDATE study_frontier SET next_id = min (next_id, (SELECT coalesce (max (id), 0) + 1 FROM list_items)) "
  "    WHERE kind = 'item'; END;"
  "CREATE TRIGGER study_frontier_question_removed AFTER DELETE ON questions "
  "  WHEN OLD.id > (SELECT coalesce (max (id), 0) FROM questions) "
  "  BEGIN UPDATE study_frontier SET next_id = min (next_id, (SELECT coalesce (max (id), 0) + 1 FROM questions)) "
  "    WHERE kind = 'question'; END;"
  "CREATE TRIGGER study_frontier_question_restored AFTER UPDATE OF deleted_at ON questions "
  "  WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL "
  "  BEGIN UPDATE study_frontier SET next_id = min (next_id, NEW.id) WHERE kind = 'question'; END;",

  /* 5 → 6: study time. One row a stretch of studying, practising, an
   * exam or reading: started_at and ended_at are wall-clock UTC µs,
   * active_ms the part of it with input (a pause of more than two
   * minutes counts two minutes, see xf-study-time.c). A running session
   * is upserted about once a minute under its UUID, so a crash loses at
   * most the last minute; an upsert only ever lengthens a row (a late
   * write of an older figure changes nothing), and no row is deleted. */
  "CREATE TABLE study_sessions ("
  "  id         INTEGER PRIMARY KEY,"
  "  uuid       TEXT NOT NULL UNIQUE,"
  "  activity   TEXT NOT NULL CHECK (activity IN ('study', 'practice', 'exam', 'reading')),"
  "  started_at INTEGER NOT NULL,"
  "  ended_at   INTEGER NOT NULL CHECK (ended_at >= started_at),"
  "  active_ms  INTEGER NOT NULL CHECK (active_ms >= 0 AND active_ms * 1000 <= ended_at - started_at),"
  "  device_id  TEXT NOT NULL"
  ");"
  "CREATE INDEX study_sessions_by_time ON study_sessions (started_at, ended_at);"
  "CREATE TRIGGER study_sessions_no_delete BEFORE DELETE ON study_sessions "
  "  BEGIN SELECT RAISE (ABORT, 'study sessions are kept'); END;",
};

int
xf_migrations_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
xf_migrations_run (XfDatabase  *db,
                   GError     **error)
{
  int version = xf_database_get_schema_version (db);

  if (version < 0)
    return xf_database_set_error (db, SQLITE_ERROR, error);

  if (version > (int)G_N_ELEMENTS (migrations))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_SCHEMA,
                   _("The database was written by a newer version of Xuefa (schema %d, this version knows %d)"),
                   version, (int)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (; version < (int)G_N_ELEMENTS (migrations); version++)
    {
      g_autofree char *bump = NULL;

      if (!xf_database_begin (db, error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!xf_database_exec (db, migrations[version], error) ||
          !xf_database_exec (db, bump, error) ||
          !xf_database_commit (db, error))
        {
          xf_database_rollback (db);
          g_prefix_error (error, "schema %d → %d: ", version, version + 1);
          return FALSE;
        }
    }

  return TRUE;
}
