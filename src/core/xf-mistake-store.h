/* xf-mistake-store.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-database.h"

G_BEGIN_DECLS

/* A question leaves the 错题本 once it is answered right on this many
 * separate local days since it was last answered wrong. */
#define XF_MISTAKE_DAYS_TO_LEARN 3

/* Where a wrong answer was given */
#define XF_MISTAKE_SOURCE_EXAM     "exam"
#define XF_MISTAKE_SOURCE_PRACTICE "practice"
#define XF_MISTAKE_SOURCE_STUDY    "study"

/* Why a question left the book */
#define XF_MISTAKE_REMOVED_LEARNED "learned"
#define XF_MISTAKE_REMOVED_PERSON  "person"

#define XF_TYPE_MISTAKE (xf_mistake_get_type ())

/* One question of the 错题本: a row of the mistakes table, and the title of
 * the exam it was last answered wrong in. */
typedef struct
{
  gint64  id;
  char   *question_uuid;
  guint   version;          /* the version last answered wrong */
  char   *answer;           /* what was given then, in the question's own letters; NULL: nothing */
  char   *source;           /* XF_MISTAKE_SOURCE_… */
  char   *source_uuid;      /* the attempt or session; nullable */
  char   *source_title;     /* the exam's title, when it still exists; nullable (not a column) */
  guint   times_wrong;
  guint   right_days;       /* separate local days answered right since the last wrong answer */
  char   *last_right_day;   /* YYYY-MM-DD, local; nullable */
  gint64  first_wrong_at;   /* UTC microseconds */
  gint64  last_wrong_at;
  gint64  removed_at;       /* 0: in the book */
  char   *removed_by;       /* XF_MISTAKE_REMOVED_…; NULL while in the book */
  gint64  updated_at;
  char   *device_id;
} XfMistake;

GType      xf_mistake_get_type            (void) G_GNUC_CONST;
XfMistake *xf_mistake_copy                (const XfMistake     *mistake);
void       xf_mistake_free                (XfMistake           *mistake);
gboolean   xf_mistake_is_live             (const XfMistake     *mistake);

char      *xf_mistake_local_day           (gint64               time_us);

gboolean   xf_mistake_store_record        (XfDatabase          *db,
                                           const char          *question_uuid,
                                           guint                version,
                                           gboolean             correct,
                                           const char          *answer,
                                           const char          *source,
                                           const char          *source_uuid,
                                           gint64               time_us,
                                           GError             **error);
XfMistake *xf_mistake_store_get           (XfDatabase          *db,
                                           const char          *question_uuid,
                                           GError             **error);
GPtrArray *xf_mistake_store_list          (XfDatabase          *db,
                                           gboolean             include_removed,
                                           GError             **error);
gint       xf_mistake_store_count_live    (XfDatabase          *db,
                                           GError             **error);
gboolean   xf_mistake_store_remove        (XfDatabase          *db,
                                           const char * const  *question_uuids,
                                           gint64               time_us,
                                           guint               *n_removed,
                                           GError             **error);
gboolean   xf_mistake_store_restore       (XfDatabase          *db,
                                           const char * const  *question_uuids,
                                           gint64               time_us,
                                           guint               *n_restored,
                                           GError             **error);
gboolean   xf_mistake_store_clear_all     (XfDatabase          *db,
                                           gint64               time_us,
                                           guint               *n_removed,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfMistake, xf_mistake_free)

G_END_DECLS
