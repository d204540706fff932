/* xf-test-laws.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-test-laws.h"

static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

static int
digit_value (gunichar c)
{
  for (int d = 0; d < 10; d++)
    if (c == g_utf8_get_char (digits[d]))
      return d;
  if (c == 0x3007) /* 〇 */
    return 0;
  if (c == 0x4E24) /* 两 */
    return 2;

  return -1;
}

/* Chinese numerals as statutes write them: 十一, 二十, 一百零五, 一千二百六十. */
int
xf_test_parse_numeral (const char  *text,
                       const char **end)
{
  const char *p = text;
  int section = 0, digit = -1;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int unit = c == 0x5341 ? 10 : c == 0x767E ? 100 : c == 0x5343 ? 1000 : 0; /* 十百千 */
      int d = digit_value (c);

      if (d >= 0)
        digit = d;
      else if (unit > 0)
        {
          section += (digit < 0 ? 1 : digit) * unit;
          digit = -1;
        }
      else
        break;
    }
  if (digit > 0)
    section += digit;
  if (end != NULL)
    *end = p;

  return p == text ? -1 : section;
}

char *
xf_test_format_numeral (int n)
{
  GString *s = g_string_new (NULL);
  const int units[] = { 1000, 100, 10 };
  const char * const names[] = { "千", "百", "十" };
  gboolean zero = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      int d = n / units[i];

      n %= units[i];
      if (d > 0)
        {
          if (zero)
            g_string_append (s, "零");
          zero = FALSE;
          if (!(units[i] == 10 && d == 1 && s->len == 0))
            g_string_append (s, digits[d]);
          g_string_append (s, names[i]);
        }
      else if (s->len > 0)
        zero = TRUE;
    }
  if (n > 0)
    {
      if (zero)
        g_string_append (s, "零");
      g_string_append (s, digits[n]);
    }
  if (s->len == 0)
    g_string_append (s, digits[0]);

  return g_string_free (s, FALSE);
}

static void
entry_free (gpointer data)
{
  XfTestEntry *entry = data;

  g_free (entry->label);
  g_free (entry->title);
  g_free (entry->body);
  g_free (entry);
}

void
xf_test_law_free (XfTestLaw *law)
{
  g_free (law->title);
  g_free (law->version_date);
  g_ptr_array_unref (law->entries);
  g_free (law);
}

/* U+2002 and U+3000 become spaces, U+200B goes; ends are trimmed. */
static char *
clean_line (const char *line)
{
  GString *s = g_string_new (NULL);

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200B || c == 0xFEFF || c == '\r')
        continue;
      if (c == 0x2002 || c == 0x3000 || c == '\t')
        c = ' ';
      g_string_append_unichar (s, c);
    }

  return g_strstrip (g_string_free (s, FALSE));
}

/* "第三十二条之一 …": the label's length in bytes, or 0. */
static gsize
article_label (const char *line,
               int        *number,
               int        *sub)
{
  const char *p = line, *end;

  if (!g_str_has_prefix (p, "第"))
    return 0;
  p += strlen ("第");
  if ((*number = xf_test_parse_numeral (p, &end)) <= 0 || !g_str_has_prefix (end, "条"))
    return 0;
  p = end + strlen ("条");
  *sub = 0;
  if (g_str_has_prefix (p, "之") && (*sub = xf_test_parse_numeral (p + strlen ("之"), &end)) > 0)
    p = end;
  else
    *sub = 0;
  if (*p != ' ' && *p != '\0')
    return 0;

  return p - line;
}

XfTestLaw *
xf_test_law_parse (const char *text,
                   const char *file_name)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  XfTestLaw *law = g_new0 (XfTestLaw, 1);
  XfTestEntry *article = NULL;
  gboolean in_info = strstr (text, "<!-- INFO END -->") != NULL;
  const char *date;

  law->entries = g_ptr_array_new_with_free_func (entry_free);
  law->version_date = g_strdup ("");
  if (file_name != NULL && (date = strrchr (file_name, '(')) != NULL && strlen (date) >= 11)
    {
      g_free (law->version_date);
      law->version_date = g_strndup (date + 1, 10);
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = clean_line (lines[i]);
      int number, sub, level = 0;
      gsize label_len;

      if (line[0] == '\0')
        continue;
      while (line[level] == '#')
        level++;

      if (in_info)
        {
          if (strstr (line, "<!-- INFO END -->") != NULL)
            in_info = FALSE;
          else if (level > 0 && law->title == NULL)
            law->title = g_strdup (g_strstrip (line + level));
          else if (level > 0)
            {
              /* 民法典's parts: "# 物权编" after the code's title. */
              char *title = g_strconcat (law->title, "·", g_strstrip (line + level), NULL);
              g_free (law->title);
              law->title = title;
            }
          continue;
        }

      if (level > 0)
        {
          XfTestEntry *heading = g_new0 (XfTestEntry, 1);
          const char *rest = g_strstrip (line + level);
          const char *space = strchr (rest, ' ');

          if (law->title == NULL)
            {
              law->title = g_strdup (rest);
              g_free (heading);
              continue;
            }
          heading->level = level;
          heading->label = space ? g_strndup (rest, space - rest) : g_strdup (rest);
          heading->title = g_strdup (space ? g_strchug ((char *)space) : "");
          g_ptr_array_add (law->entries, heading);
          article = NULL;
          continue;
        }

      if ((label_len = article_label (line, &number, &sub)) > 0)
        {
          article = g_new0 (XfTestEntry, 1);
          article->label = g_strndup (line, label_len);
          article->body = g_strdup (g_strchug (line + label_len));
          article->number = number;
          article->sub = sub;
          g_ptr_array_add (law->entries, article);
          law->n_articles++;
          continue;
        }

      if (article != NULL)
        {
          char *body = g_strconcat (article->body, "\n", line, NULL);
          g_free (article->body);
          article->body = body;
        }
    }

  if (law->title == NULL)
    law->title = g_strdup (file_name ? file_name : "");

  return law;
}

gboolean
xf_test_law_insert (XfDatabase  *db,
                    XfTestLaw   *law,
                    GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 parents[8] = { 0 };
  gint64 heading_id = 0, law_id;
  sqlite3_stmt *stmt;
  int position = 0;

  stmt = xf_database_prepare (db,
                              "INSERT INTO laws (uuid, title, version_date, article_count, imported_at) "
                              "VALUES (?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, law->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, law->version_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, law->n_articles);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  if (!xf_database_step_done (db, stmt, error))
    return FALSE;
  law_id = xf_database_last_insert_rowid (db);

  for (guint i = 0; i < law->entries->len; i++)
    {
      XfTestEntry *entry = law->entries->pdata[i];

      if (entry->level > 0)
        {
          int level = MIN (entry->level, (int)G_N_ELEMENTS (parents) - 1);
          gint64 parent = 0;
          const char *kind = g_str_has_suffix (entry->label, "分编") ? "subpart" :
                             g_str_has_suffix (entry->label, "编") ? "part" :
                             g_str_has_suffix (entry->label, "节") ? "section" : "chapter";

          for (int l = level - 1; l > 0 && parent == 0; l--)
            parent = parents[l];
          stmt = xf_database_prepare (db,
                                      "INSERT INTO headings (law_id, parent_id, kind, label, title, position) "
                                      "VALUES (?, ?, ?, ?, ?, ?)",
                                      error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, law_id);
          if (parent > 0)
            sqlite3_bind_int64 (stmt, 2, parent);
          sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, entry->label, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, entry->title, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 6, i);
          if (!xf_database_step_done (db, stmt, error))
            return FALSE;
          heading_id = parents[level] = xf_database_last_insert_rowid (db);
          for (int l = level + 1; l < (int)G_N_ELEMENTS (parents); l++)
            parents[l] = 0;
          continue;
        }

      stmt = xf_database_prepare (db,
                                  "INSERT INTO articles (law_id, heading_id, number, sub, label, body, position) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, law_id);
      if (heading_id > 0)
        sqlite3_bind_int64 (stmt, 2, heading_id);
      sqlite3_bind_int (stmt, 3, entry->number);
      sqlite3_bind_int (stmt, 4, entry->sub);
      sqlite3_bind_text (stmt, 5, entry->label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, entry->body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, position++);
      if (!xf_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
collect_files (const char *dir,
               GPtrArray  *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, files);
      else if (g_str_has_suffix (name, ".md") && !g_str_equal (name, "README.md"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The statute files under @dir, sorted, README.md left out. */
GPtrArray *
xf_test_law_files (const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  collect_files (dir, files);
  g_ptr_array_sort (files, compare_paths);

  return files;
}

/* Loads every statute under @dir in one transaction and bumps the content
 * generation, as an import does. */
gboolean
xf_test_load_laws (XfDatabase  *db,
                   const char  *dir,
                   guint       *n_articles,
                   GError     **error)
{
  g_autoptr(GPtrArray) files = xf_test_law_files (dir);
  guint total = 0;

  if (!xf_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *base = g_path_get_basename (files->pdata[i]);
      g_autoptr(XfTestLaw) law = NULL;

      if (!g_file_get_contents (files->pdata[i], &text, NULL, error))
        goto fail;
      law = xf_test_law_parse (text, base);
      if (!xf_test_law_insert (db, law, error))
        goto fail;
      total += law->n_articles;
    }
  if (!xf_database_bump_content_generation (db, error) || !xf_database_commit (db, error))
    goto fail;
  if (n_articles != NULL)
    *n_articles = total;

  return TRUE;

fail:
  xf_database_rollback (db);
  return FALSE;
}

const char *
xf_test_laws_dir (void)
{
  const char *dir = g_getenv ("XUEFA_LAWS_DIR");

  return dir != NULL ? dir : XF_TEST_LAWS_DIR;
}
