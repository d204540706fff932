/* xf-question-format-table.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "xf-question-format-private.h"

/* The rows of a question table, as DESIGN.md §4 lays them out: a header row
 * naming the columns in any order, then one question a row. The CSV and
 * XLSX readers both hand their cells here, so that a table means the same
 * whichever program saved it. */

/* How many unknown column names a notice lists before it stops */
#define MAX_LISTED_COLUMNS 6

/* Far more than a question cites or is tagged with; adding a link or a tag
 * compares it with all before it, so a crafted cell of a hundred thousand
 * would take minutes. */
#define MAX_CITATIONS 1000
#define MAX_TAGS      100

typedef struct
{
  guint             column;
  XfQuestionColumn  field;
  char             *text;
} HeaderCell;

struct _XfQuestionTable
{
  XfQuestionParse *parse;
  gboolean         have_header;
  gboolean         failed;
  guint            first_line;    /* the first row that is not blank */
  GArray          *pending;       /* HeaderCell: the row, while no header is known */
  GHashTable      *header;        /* file column → XfQuestionColumn + 1 */
  char            *cells[XF_QUESTION_N_COLUMNS];
};

static void
header_cell_clear (gpointer data)
{
  HeaderCell *cell = data;

  g_free (cell->text);
}

XfQuestionTable *
xf_question_table_new (XfQuestionParse *parse)
{
  XfQuestionTable *table;

  g_return_val_if_fail (parse != NULL, NULL);

  table = g_new0 (XfQuestionTable, 1);
  table->parse = parse;
  table->pending = g_array_new (FALSE, TRUE, sizeof (HeaderCell));
  g_array_set_clear_func (table->pending, header_cell_clear);
  table->header = g_hash_table_new (NULL, NULL);
  return table;
}

static void
clear_cells (XfQuestionTable *table)
{
  for (guint i = 0; i < XF_QUESTION_N_COLUMNS; i++)
    g_clear_pointer (&table->cells[i], g_free);
  g_array_set_size (table->pending, 0);
}

void
xf_question_table_free (XfQuestionTable *table)
{
  if (table == NULL)
    return;
  clear_cells (table);
  g_array_unref (table->pending);
  g_hash_table_unref (table->header);
  g_free (table);
}

static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Cells lose the spaces around them, and their line breaks become \n
 * whatever the program that saved them used. */
static char *
clean_cell (const char *text,
            gsize       len)
{
  const char *start = text;
  const char *end = text + len;
  char *copy;
  char *out;

  while (start < end && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (start == end)
    return NULL;

  /* Most cells have no carriage return: copy them whole (a line break
   * never gets longer, so the copy has room) */
  out = copy = g_malloc (end - start + 1);
  for (const char *p = start; p < end; )
    {
      const char *cr = memchr (p, '\r', end - p);
      const char *run_end = cr != NULL ? cr : end;

      memcpy (out, p, run_end - p);
      out += run_end - p;
      if (cr == NULL)
        break;
      *out++ = '\n';
      p = cr + 1;
      if (p < end && *p == '\n')
        p++;
    }
  *out = '\0';
  return copy;
}

/**
 * xf_question_table_set_cell:
 * @column: the cell's column in the file, from 0
 * @text: the cell's text, valid UTF-8 (not NUL-terminated)
 *
 * Gives the table a cell of the row being read.
 */
void
xf_question_table_set_cell (XfQuestionTable *table,
                            guint            column,
                            const char      *text,
                            gsize            len)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (text != NULL || len == 0);

  if (table->failed)
    return;

  if (table->have_header)
    {
      gpointer mapped = g_hash_table_lookup (table->header, GUINT_TO_POINTER (column));
      guint index;

      if (mapped == NULL)
        return;
      index = GPOINTER_TO_UINT (mapped) - 1;
      g_free (table->cells[index]);
      table->cells[index] = clean_cell (text, len);
    }
  else
    {
      HeaderCell cell;

      cell.text = clean_cell (text, len);
      if (cell.text == NULL)
        return;
      cell.column = column;
      cell.field = XF_QUESTION_COLUMN_NONE;
      g_array_append_val (table->pending, cell);
    }
}

gboolean
xf_question_table_has_header (XfQuestionTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);
  return table->have_header;
}

static void
list_column (GString    *list,
             guint      *n_listed,
             const char *name)
{
  if (*n_listed == MAX_LISTED_COLUMNS)
    g_string_append (list, "，…");
  if (*n_listed >= MAX_LISTED_COLUMNS)
    {
      (*n_listed)++;
      return;
    }
  if (list->len > 0)
    g_string_append (list, "，");
  g_string_append (list, name);
  (*n_listed)++;
}

/* The first row that is not blank names the columns. Rows of a single cell
 * before it are a title above the table, as spreadsheets often have. */
static gboolean
read_header (XfQuestionTable *table,
             guint            line)
{
  g_autoptr(GString) unknown = g_string_new (NULL);
  g_autoptr(GString) twice = g_string_new (NULL);
  guint n_unknown = 0;
  guint n_twice = 0;
  gboolean seen[XF_QUESTION_N_COLUMNS] = { FALSE, };
  gboolean has_stem = FALSE;

  if (table->pending->len == 0)
    return TRUE;
  if (table->first_line == 0)
    table->first_line = line;

  for (guint i = 0; i < table->pending->len; i++)
    {
      HeaderCell *cell = &g_array_index (table->pending, HeaderCell, i);

      cell->field = xf_question_column_from_header (cell->text);
      if (cell->field == XF_QUESTION_COLUMN_STEM)
        has_stem = TRUE;
    }

  if (!has_stem)
    {
      if (table->pending->len == 1)
        {
          HeaderCell *cell = &g_array_index (table->pending, HeaderCell, 0);

          if (table->parse->bank_title == NULL)
            table->parse->bank_title = g_strdup (cell->text);
          g_array_set_size (table->pending, 0);
          return TRUE;
        }
      xf_question_parse_add_problem (table->parse, line, NULL,
                                     _("The header row has no 题干 (stem) column, so no question can be read"));
      table->failed = TRUE;
      g_array_set_size (table->pending, 0);
      return FALSE;
    }

  for (guint i = 0; i < table->pending->len; i++)
    {
      HeaderCell *cell = &g_array_index (table->pending, HeaderCell, i);
      XfQuestionColumn column = cell->field;

      if (column == XF_QUESTION_COLUMN_NONE)
        list_column (unknown, &n_unknown, cell->text);
      else if (seen[column] || g_hash_table_contains (table->header, GUINT_TO_POINTER (cell->column)))
        list_column (twice, &n_twice, cell->text);
      else
        {
          seen[column] = TRUE;
          g_hash_table_insert (table->header, GUINT_TO_POINTER (cell->column),
                               GUINT_TO_POINTER ((guint)column + 1));
        }
    }

  if (n_unknown > 0)
    xf_question_parse_add_notice (table->parse, line, NULL,
                                  _("Columns that are not question fields are not read: %s"),
                                  unknown->str);
  if (n_twice > 0)
    xf_question_parse_add_notice (table->parse, line, NULL,
                                  _("Columns named twice are read only the first time: %s"),
                                  twice->str);
  table->have_header = TRUE;
  g_array_set_size (table->pending, 0);
  return TRUE;
}

static const char *
cell (XfQuestionTable  *table,
      XfQuestionColumn  column)
{
  return table->cells[column] != NULL ? table->cells[column] : "";
}

static gboolean
parse_type (const char     *text,
            XfQuestionType *type)
{
  g_autofree char *norm = NULL;

  if (xf_question_type_from_string (text, type))
    return TRUE;
  norm = xf_question_normalize_text (text);
  return xf_question_type_from_string (norm, type);
}

/* Types other programs have that a question bank here cannot hold */
static gboolean
is_unsupported_type (const char *text)
{
  static const char * const unsupported[] = {
    "匹配", "匹配题", "配伍题", "连线题", "排序题", "计算题", "完形填空", "完形填空题",
    "matching", "numerical", "cloze", "calculated", "ordering", "description",
    "ddwtos", "gapselect", "multianswer", "randomsamatch",
  };
  g_autofree char *norm = xf_question_normalize_text (text);

  for (guint i = 0; i < G_N_ELEMENTS (unsupported); i++)
    if (g_str_equal (norm, unsupported[i]))
      return TRUE;
  return FALSE;
}

/* Option letters however they are written: "ACD", "A,C,D", "A、C、D",
 * "ａｃ". Returns them upper-case and in order, or NULL when @text holds
 * anything else. */
static char *
parse_letters (const char *text)
{
  g_autofree char *normalized = NULL;
  const char *nfkc = text;
  GString *letters;
  guint seen = 0;

  /* ASCII is its own NFKC form, and most answers are ASCII letters */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p >= 0x80)
      {
        nfkc = normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
        break;
      }
  if (nfkc == NULL)
    return NULL;
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isalpha (c))
        {
          char letter = g_ascii_toupper (c);

          if (letter > 'H')
            return NULL;
          seen |= 1u << (letter - 'A');
        }
      else if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        return NULL;
    }
  if (seen == 0)
    return NULL;

  letters = g_string_new (NULL);
  for (guint i = 0; i < XF_QUESTION_MAX_OPTIONS; i++)
    if (seen & (1u << i))
      g_string_append_c (letters, 'A' + i);
  return g_string_free (letters, FALSE);
}

/* Some banks give the right option's text instead of its letter. */
static char *
letter_of_option (const char * const *options,
                  guint               n_options,
                  const char         *answer)
{
  g_autofree char *norm = xf_question_normalize_text (answer);
  int found = -1;

  if (*norm == '\0')
    return NULL;
  for (guint i = 0; i < n_options; i++)
    {
      g_autofree char *option = xf_question_normalize_text (options[i]);

      if (!g_str_equal (norm, option))
        continue;
      if (found >= 0)
        return NULL;
      found = i;
    }
  return found >= 0 ? g_strdup_printf ("%c", 'A' + found) : NULL;
}

/* 判断 as 对/错 in the answer, or as a letter naming an option that says
 * 正确 or 错误. */
static gboolean
parse_true_false_answer (const char         *answer,
                         const char * const *options,
                         guint               n_options,
                         gboolean           *value)
{
  g_autofree char *letters = NULL;

  if (xf_question_parse_true_false (answer, value))
    return TRUE;
  letters = parse_letters (answer);
  if (letters == NULL || letters[1] != '\0' || (guint)(letters[0] - 'A') >= n_options)
    return FALSE;
  return xf_question_parse_true_false (options[letters[0] - 'A'], value);
}

/* Two options that are 正确 and 错误 make a 判断 question in disguise. */
static gboolean
options_are_true_false (const char * const *options,
                        guint               n_options)
{
  gboolean first;
  gboolean second;

  return n_options == 2 &&
         xf_question_parse_true_false (options[0], &first) &&
         xf_question_parse_true_false (options[1], &second) &&
         first != second;
}

static gboolean
parse_difficulty (const char *text,
                  guint      *difficulty)
{
  static const struct { const char *word; guint value; } words[] = {
    { "易", 1 }, { "容易", 1 }, { "简单", 1 }, { "较易", 2 }, { "较容易", 2 }, { "较简单", 2 },
    { "中", 3 }, { "中等", 3 }, { "一般", 3 }, { "适中", 3 }, { "较难", 4 }, { "难", 5 },
    { "困难", 5 },
  };
  g_autofree char *norm = xf_question_normalize_text (text);
  char *end = NULL;
  double value;
  guint stars = 0;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (norm, words[i].word))
      {
        *difficulty = words[i].value;
        return TRUE;
      }

  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) != 0x2605)  /* ★ */
        {
          stars = 0;
          break;
        }
      stars++;
    }
  if (stars >= 1 && stars <= 5)
    {
      *difficulty = stars;
      return TRUE;
    }

  value = g_ascii_strtod (norm, &end);
  if (end == norm || *end != '\0' || value != floor (value) || value < 1 || value > 5)
    return FALSE;
  *difficulty = (guint)value;
  return TRUE;
}

static gboolean
parse_score (const char *text,
             double     *score)
{
  g_autofree char *norm = xf_question_normalize_text (text);
  char *end = NULL;
  gsize len = strlen (norm);

  if (g_str_has_suffix (norm, "分"))
    norm[len - strlen ("分")] = '\0';
  if (*norm == '\0')
    return FALSE;
  *score = g_ascii_strtod (norm, &end);
  return end != norm && *end == '\0' && isfinite (*score);
}

/* Whether the character at @p is one of @separators (UTF-8 characters):
 * their bytes are compared, which is what g_utf8_strchr() finds in valid
 * UTF-8 without encoding the character again for each one. */
static gboolean
is_separator (const char *p,
              const char *separators)
{
  gsize len = g_utf8_next_char (p) - p;

  for (const char *s = separators; *s != '\0'; s = g_utf8_next_char (s))
    if ((gsize)(g_utf8_next_char (s) - s) == len && memcmp (s, p, len) == 0)
      return TRUE;
  return FALSE;
}

/* Splits @text at any of @separators (UTF-8 characters), keeping the
 * pieces that are not blank. */
static GPtrArray *
split_cell (const char *text,
            const char *separators)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || is_separator (p, separators))
        {
          char *piece = clean_cell (start, p - start);

          if (piece != NULL)
            g_ptr_array_add (pieces, piece);
          if (*p == '\0')
            break;
          start = g_utf8_next_char (p);
        }
    }
  return pieces;
}

static char *
normalize_category (const char *text)
{
  g_autoptr(GPtrArray) levels = split_cell (text, "/／>＞");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < levels->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (levels, i));
    }
  return g_string_free (out, FALSE);
}

/* How many citations @text can hold at most: every one starts with 第,
 * outside the 《》 of a law's title. */
static guint
count_citations (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; )
    {
      if (g_str_has_prefix (p, "《"))
        {
          const char *close = strstr (p, "》");

          if (close == NULL)
            break;
          p = close + strlen ("》");
          continue;
        }
      if (g_str_has_prefix (p, "第"))
        n++;
      p = g_utf8_next_char (p);
    }
  return n;
}

/* Reads the fields every type has. */
static void
read_common (XfQuestionTable *table,
             XfQuestion      *question,
             guint            line)
{
  const char *stem = xf_question_get_stem (question);
  const char *text;
  guint difficulty;
  double score;

  xf_question_set_explanation (question, cell (table, XF_QUESTION_COLUMN_EXPLANATION));
  xf_question_set_source (question, cell (table, XF_QUESTION_COLUMN_SOURCE));
  text = cell (table, XF_QUESTION_COLUMN_CATEGORY);
  if (*text != '\0')
    {
      g_autofree char *category = normalize_category (text);

      xf_question_set_category (question, category);
    }

  text = cell (table, XF_QUESTION_COLUMN_DIFFICULTY);
  if (*text == '\0')
    xf_question_set_difficulty (question, 3);
  else if (parse_difficulty (text, &difficulty))
    xf_question_set_difficulty (question, difficulty);
  else
    xf_question_parse_add_notice (table->parse, line, stem,
                                  _("The 难度 “%s” is neither 1 to 5 nor 易 to 难; 3 is used"), text);

  text = cell (table, XF_QUESTION_COLUMN_SCORE);
  if (*text != '\0')
    {
      if (parse_score (text, &score))
        xf_question_set_score (question, score);
      else
        xf_question_parse_add_notice (table->parse, line, stem,
                                      _("The 分值 “%s” is not a number; 1 is used"), text);
    }

  text = cell (table, XF_QUESTION_COLUMN_LINKS);
  if (count_citations (text) > MAX_CITATIONS)
    xf_question_parse_add_notice (table->parse, line, stem,
                                  _("The 法条 cell cites more than %u articles and is not read"),
                                  MAX_CITATIONS);
  else if (!xf_question_add_links_from_text (question, text))
    xf_question_parse_add_notice (table->parse, line, stem,
                                  _("Not every citation in the 法条 cell was understood: %s"), text);

  text = cell (table, XF_QUESTION_COLUMN_TAGS);
  if (*text != '\0')
    {
      g_autoptr(GPtrArray) tags = split_cell (text, ",，;；、");

      for (guint i = 0; i < tags->len && i < MAX_TAGS; i++)
        xf_question_add_tag (question, g_ptr_array_index (tags, i));
      if (tags->len > MAX_TAGS)
        xf_question_parse_add_notice (table->parse, line, stem,
                                      _("Only the first %u tags of the 标签 cell are read"), MAX_TAGS);
    }
}

/* Decides the type: from 题型, or from the answer and options. */
static gboolean
read_type (XfQuestionTable    *table,
           guint               line,
           const char * const *options,
           guint               n_options,
           XfQuestionType     *type)
{
  const char *stem = cell (table, XF_QUESTION_COLUMN_STEM);
  const char *text = cell (table, XF_QUESTION_COLUMN_TYPE);
  const char *answer = cell (table, XF_QUESTION_COLUMN_ANSWER);
  gboolean value;

  if (*text != '\0')
    {
      if (parse_type (text, type))
        {
          /* 不定项 questions may have a single right option */
          if (*type == XF_QUESTION_MULTIPLE && strstr (text, "不定项") != NULL)
            {
              g_autofree char *letters = parse_letters (answer);

              if (letters != NULL && letters[1] == '\0')
                *type = XF_QUESTION_SINGLE;
            }
          return TRUE;
        }
      if (is_unsupported_type (text))
        xf_question_parse_add_problem (table->parse, line, stem,
                                       _("The 题型 “%s” is a kind of question Xuefa does not support"),
                                       text);
      else
        xf_question_parse_add_problem (table->parse, line, stem,
                                       _("The 题型 “%s” is not a question type"), text);
      return FALSE;
    }

  if (n_options > 0)
    {
      g_autofree char *letters = parse_letters (answer);

      if (letters == NULL)
        letters = letter_of_option (options, n_options, answer);
      if (letters != NULL && letters[1] == '\0' && options_are_true_false (options, n_options))
        *type = XF_QUESTION_TRUE_FALSE;
      else if (letters != NULL)
        *type = letters[1] == '\0' ? XF_QUESTION_SINGLE : XF_QUESTION_MULTIPLE;
      else if (xf_question_parse_true_false (answer, &value))
        *type = XF_QUESTION_TRUE_FALSE;
      else
        {
          xf_question_parse_add_problem (table->parse, line, stem,
                                         _("The row has no 题型, and its 答案 “%s” does not tell the type"),
                                         answer);
          return FALSE;
        }
      return TRUE;
    }

  if (*answer == '\0')
    {
      xf_question_parse_add_problem (table->parse, line, stem,
                                     _("The row has neither 题型 nor 答案"));
      return FALSE;
    }
  *type = xf_question_parse_true_false (answer, &value) ? XF_QUESTION_TRUE_FALSE : XF_QUESTION_FILL;
  return TRUE;
}

static void
read_question (XfQuestionTable *table,
               guint            line)
{
  g_autoptr(XfQuestion) question = NULL;
  const char *options[XF_QUESTION_MAX_OPTIONS + 1] = { NULL, };
  const char *stem = cell (table, XF_QUESTION_COLUMN_STEM);
  const char *answer = cell (table, XF_QUESTION_COLUMN_ANSWER);
  XfQuestionType type;
  guint n_options = 0;

  for (guint i = 0; i < XF_QUESTION_MAX_OPTIONS; i++)
    if (table->cells[XF_QUESTION_COLUMN_OPTION_A + i] != NULL)
      n_options = i + 1;
  for (guint i = 0; i < n_options; i++)
    options[i] = cell (table, XF_QUESTION_COLUMN_OPTION_A + i);

  if (!read_type (table, line, options, n_options, &type))
    return;

  question = xf_question_new (type);
  xf_question_set_line (question, line);
  xf_question_set_stem (question, stem);

  switch (type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      {
        g_autofree char *letters = parse_letters (answer);

        if (letters == NULL)
          letters = letter_of_option (options, n_options, answer);
        if (letters == NULL)
          {
            xf_question_parse_add_problem (table->parse, line, stem,
                                           _("The 答案 “%s” does not name options A to H"), answer);
            return;
          }
        xf_question_set_options (question, options);
        xf_question_set_answer (question, letters);
      }
      break;

    case XF_QUESTION_TRUE_FALSE:
      {
        gboolean value;

        if (!parse_true_false_answer (answer, options, n_options, &value))
          {
            xf_question_parse_add_problem (table->parse, line, stem,
                                           _("The 答案 “%s” of a 判断 question is neither 对 nor 错"),
                                           answer);
            return;
          }
        xf_question_set_answer (question, value ? "T" : "F");
      }
      break;

    case XF_QUESTION_FILL:
      {
        g_autoptr(GPtrArray) accepted = split_cell (answer, "|｜;；");

        g_ptr_array_add (accepted, NULL);
        xf_question_set_accepted (question, (const char * const *)accepted->pdata);
      }
      break;

    case XF_QUESTION_ESSAY:
    default:
      xf_question_set_answer (question, answer);
      break;
    }

  if (n_options > 0 && type != XF_QUESTION_SINGLE && type != XF_QUESTION_MULTIPLE &&
      type != XF_QUESTION_TRUE_FALSE)
    xf_question_parse_add_notice (table->parse, line, stem,
                                  _("The options are left out: a question of the type “%s” has none"),
                                  xf_question_type_to_label (type));

  read_common (table, question, line);
  xf_question_parse_add (table->parse, g_steal_pointer (&question));
}

/**
 * xf_question_table_end_row:
 * @line: where the row starts in the file (1-based)
 *
 * Reads the row whose cells were given: as the header while none is known,
 * else as a question (blank rows are skipped).
 *
 * Returns: %FALSE when no more rows can be read (the header row names no
 *   题干 column); the reader stops then
 */
gboolean
xf_question_table_end_row (XfQuestionTable *table,
                           guint            line)
{
  gboolean blank = TRUE;

  g_return_val_if_fail (table != NULL, FALSE);

  if (table->failed)
    return FALSE;
  if (!table->have_header)
    return read_header (table, line);

  for (guint i = 0; i < XF_QUESTION_N_COLUMNS && blank; i++)
    blank = table->cells[i] == NULL;
  if (!blank)
    read_question (table, line);
  clear_cells (table);
  return TRUE;
}

/**
 * xf_question_table_skip_row:
 * @reason: why the row cannot be read, translated
 *
 * Drops the row whose cells were given, with a problem naming it.
 */
void
xf_question_table_skip_row (XfQuestionTable *table,
                            guint            line,
                            const char      *reason)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (reason != NULL);

  if (table->failed)
    return;
  xf_question_parse_add_problem (table->parse, line,
                                 table->have_header ? cell (table, XF_QUESTION_COLUMN_STEM) : NULL,
                                 "%s", reason);
  clear_cells (table);
}

/**
 * xf_question_table_finish:
 *
 * Ends the table: a table without a header row is a problem.
 */
void
xf_question_table_finish (XfQuestionTable *table)
{
  g_return_if_fail (table != NULL);

  if (!table->have_header && !table->failed)
    xf_question_parse_add_problem (table->parse, table->first_line, NULL,
                                   _("The table has no header row naming its columns (题型, 题干, 选项A …)"));
  table->failed = TRUE;
}
