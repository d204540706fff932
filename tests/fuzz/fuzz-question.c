/* fuzz-question.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-question.h"
#include "xf-text-decode.h"

/**
 * xf_fuzz_count_lines:
 *
 * Returns: how many lines the text of @data has once decoded, so that the
 *   line a question or problem names can be checked
 */
guint
xf_fuzz_count_lines (const uint8_t *data,
                     size_t         size)
{
  g_autofree char *text = NULL;
  const char *notice;
  XfTextDecodeResult result;
  gsize len = 0;
  guint line = 0;
  guint n = 1;

  text = xf_text_decode ((const char *)data, size, &len, &notice, &line, &result);
  if (text == NULL)
    return MAX (line, 1);
  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n')
      n++;
  return n;
}

/**
 * xf_fuzz_check_parse:
 * @n_lines: the file's lines, or 0 when lines are not checked (XLSX)
 * @in_order: whether questions must come in file order
 *
 * Every question read is valid UTF-8 and complete, on a line of the file;
 * every problem says why; a file yields questions or says why it has none.
 */
void
xf_fuzz_check_parse (XfQuestionParse *parse,
                     guint            n_lines,
                     gboolean         in_order)
{
  guint last_line = 0;

  g_assert (parse != NULL);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);
      guint line = xf_question_get_line (question);

      g_assert (xf_question_validate (question, NULL));
      g_assert (g_utf8_validate (xf_question_get_stem (question), -1, NULL));
      g_assert (g_utf8_validate (xf_question_get_explanation (question), -1, NULL));
      for (guint j = 0; j < xf_question_get_n_options (question); j++)
        g_assert (g_utf8_validate (xf_question_get_option (question, j), -1, NULL));
      if (n_lines > 0)
        g_assert (line >= 1 && line <= n_lines);
      if (in_order)
        {
          g_assert (line >= last_line);
          last_line = line;
        }
    }
  for (guint i = 0; i < parse->problems->len; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (parse->problems, i);

      if (n_lines > 0)
        g_assert (problem->line <= n_lines);
      g_assert (problem->reason != NULL && *problem->reason != '\0');
      g_assert (g_utf8_validate (problem->question, -1, NULL));
    }
  g_assert (parse->questions->len > 0 || parse->problems->len > 0);
}

/**
 * xf_fuzz_check_round_trip:
 * @same: (nullable): how to compare two questions; %NULL for
 *   xf_question_equal_content() and equal UUIDs
 *
 * Writing what was read and reading it back gives the same questions.
 */
void
xf_fuzz_check_round_trip (XfQuestionParse  *parse,
                          XfQuestionFormat  format,
                          XfFuzzSameFunc    same)
{
  g_autoptr(XfQuestionParse) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat ("again.", xf_question_format_extension (format), NULL);

  if (parse->questions->len == 0)
    return;
  written = xf_question_format_export (format, parse->questions,
                                       parse->bank_title != NULL ? parse->bank_title : "fuzz",
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert (written != NULL);
  again = xf_question_parse_bytes (written, name, format);
  /* Tables write every question whole; Aiken cannot guard a stem whose
   * first line reads as an option, and reports it (the count still holds) */
  if (format == XF_QUESTION_FORMAT_CSV || format == XF_QUESTION_FORMAT_XLSX)
    g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->questions->len, ==, parse->questions->len);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *first = g_ptr_array_index (parse->questions, i);
      XfQuestion *second = g_ptr_array_index (again->questions, i);

      if (same != NULL)
        g_assert (same (first, second));
      else
        {
          g_assert (xf_question_equal_content (first, second));
          g_assert_cmpstr (xf_question_get_uuid (first), ==, xf_question_get_uuid (second));
        }
    }
}

#ifdef XF_FUZZ_REPLAY
/* Without libFuzzer: run the target over the files given. */
int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        return 1;
      LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
    }

  return 0;
}
#endif
