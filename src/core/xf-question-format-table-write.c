/* xf-question-format-table-write.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-question-format-private.h"

/* What the CSV and XLSX writers put in a table's cells: the form that
 * xf-question-format-table.c reads back. */

static const char * const type_names[] = {
  [XF_QUESTION_SINGLE] = "单选",
  [XF_QUESTION_MULTIPLE] = "多选",
  [XF_QUESTION_TRUE_FALSE] = "判断",
  [XF_QUESTION_FILL] = "填空",
  [XF_QUESTION_ESSAY] = "简答",
};

G_STATIC_ASSERT (G_N_ELEMENTS (type_names) == XF_QUESTION_N_TYPES);

/**
 * xf_question_table_columns:
 * @questions: (element-type XfQuestion): what is written
 *
 * Returns: (transfer full) (element-type XfQuestionColumn): the columns a
 *   table of @questions has, in order: all but the options no question
 *   uses past 选项D
 */
GArray *
xf_question_table_columns (GPtrArray *questions)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (XfQuestionColumn));
  guint n_options = 4;

  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);
      XfQuestionType type = xf_question_get_question_type (question);

      if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
        n_options = MAX (n_options, MIN (xf_question_get_n_options (question), XF_QUESTION_MAX_OPTIONS));
    }

  for (XfQuestionColumn c = 0; c < XF_QUESTION_N_COLUMNS; c++)
    if ((guint)c < XF_QUESTION_COLUMN_OPTION_A + n_options || c >= XF_QUESTION_COLUMN_ANSWER)
      g_array_append_val (columns, c);
  return columns;
}

/* The shortest text that reads back as the same number */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint precision = 1; precision < 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%ug", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return g_strdup (buffer);
    }
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static char *
join_strv (const char * const *strv,
           const char         *separator)
{
  return g_strjoinv (separator, (char **)strv);
}

/**
 * xf_question_table_dup_cell:
 *
 * Returns: (transfer full): what the question's cell in @column holds: the
 *   type as 单选 … 简答, the answer as letters, 正确 or 错误, accepted
 *   answers joined by "|", tags by "、"
 */
char *
xf_question_table_dup_cell (XfQuestion       *question,
                            XfQuestionColumn  column)
{
  XfQuestionType type;

  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);

  type = xf_question_get_question_type (question);
  if (column >= XF_QUESTION_COLUMN_OPTION_A && column < XF_QUESTION_COLUMN_ANSWER)
    {
      guint index = column - XF_QUESTION_COLUMN_OPTION_A;

      if ((type != XF_QUESTION_SINGLE && type != XF_QUESTION_MULTIPLE) ||
          index >= xf_question_get_n_options (question))
        return g_strdup ("");
      return g_strdup (xf_question_get_option (question, index));
    }

  switch (column)
    {
    case XF_QUESTION_COLUMN_TYPE:
      return g_strdup (type_names[type]);
    case XF_QUESTION_COLUMN_STEM:
      return g_strdup (xf_question_get_stem (question));
    case XF_QUESTION_COLUMN_ANSWER:
      if (type == XF_QUESTION_TRUE_FALSE)
        {
          const char *answer = xf_question_get_answer (question);

          if (g_str_equal (answer, "T"))
            return g_strdup ("正确");
          if (g_str_equal (answer, "F"))
            return g_strdup ("错误");
          return g_strdup ("");
        }
      if (type == XF_QUESTION_FILL)
        return join_strv (xf_question_get_accepted (question), "|");
      return g_strdup (xf_question_get_answer (question));
    case XF_QUESTION_COLUMN_EXPLANATION:
      return g_strdup (xf_question_get_explanation (question));
    case XF_QUESTION_COLUMN_CATEGORY:
      return g_strdup (xf_question_get_category (question));
    case XF_QUESTION_COLUMN_DIFFICULTY:
      return g_strdup_printf ("%u", xf_question_get_difficulty (question));
    case XF_QUESTION_COLUMN_LINKS:
      return xf_question_dup_links_text (question);
    case XF_QUESTION_COLUMN_TAGS:
      return join_strv (xf_question_get_tags (question), "、");
    case XF_QUESTION_COLUMN_SCORE:
      return format_number (xf_question_get_score (question));
    case XF_QUESTION_COLUMN_SOURCE:
      return g_strdup (xf_question_get_source (question));
    case XF_QUESTION_COLUMN_NONE:
    case XF_QUESTION_COLUMN_OPTION_A:
    case XF_QUESTION_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}
