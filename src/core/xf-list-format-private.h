/* xf-list-format-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xf-list-format.h"

G_BEGIN_DECLS

/* One item as the file gives it, checked. Strings point into the parsed
 * document or the import's string chunk. */
typedef struct
{
  guint        index;
  JsonObject  *object;
  const char  *uuid;        /* NULL when the file gives none */
  const char  *level;       /* canonical, static */
  const char  *law;
  gint64       article;
  gint64       sub;
  const char  *title;
  const char  *text;
  const char  *note;
} XfItemSpec;

typedef struct
{
  guint        index;
  JsonObject  *object;
  const char  *uuid;
  const char  *title;
  gint64       year;
  const char  *audience;    /* canonical, static */
  const char  *department;
  gint64       version;
  const char  *description;
  const char  *source;
  GArray      *items;       /* XfItemSpec */
} XfListSpec;

/* The state of one import: the parsed document, where its parts stand in
 * the file, and what the import has to report. */
typedef struct
{
  XfDatabase   *db;
  const char   *name;
  JsonParser   *parser;
  GStringChunk *strings;
  GArray       *starts;      /* line of each '{' the parser is inside */
  GHashTable   *objects;     /* JsonObject * → line of its '{' */
  GHashTable   *members;     /* "object/member" → line of the member's value */
  GHashTable   *elements;    /* "array[index]" → line where the element ends */
  GHashTable   *duplicates;  /* "object/member" keys given more than once */
  GHashTable   *item_uuids;  /* item UUIDs the file gives → the item's path */
  GPtrArray    *missing;     /* laws not in the database, in the order met */
  GPtrArray    *warnings;
} XfListImport;

void      xf_list_import_init    (XfListImport  *self,
                                  XfDatabase    *db,
                                  const char    *name);
void      xf_list_import_clear   (XfListImport  *self);
GArray   *xf_list_import_parse   (XfListImport  *self,
                                  GBytes        *bytes,
                                  GError       **error);
gboolean  xf_list_import_invalid (XfListImport  *self,
                                  GError       **error,
                                  int            code,
                                  JsonObject    *object,
                                  const char    *path,
                                  const char    *member,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (7, 8);
void      xf_list_import_warn    (XfListImport  *self,
                                  JsonObject    *object,
                                  const char    *path,
                                  const char    *member,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
