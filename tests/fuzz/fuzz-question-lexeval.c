/* fuzz-question-lexeval.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "xf-question-format.h"
#include "xf-text-decode.h"

/* libFuzzer target for the LexEval JSON-lines question reader. Files
 * come from anywhere: whatever the bytes, reading must end, in time
 * linear in the input, with choice questions that keep every rule and
 * problems that name a line of the file.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/question-lexeval /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-question-lexeval -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead, it runs over the files it is given:
 * every build replays the seed corpus that way. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The lines of the text the reader saw (after decoding), so that every
 * line named can be checked. */
static guint
count_lines (const uint8_t *data,
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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(XfQuestionParse) parse = NULL;
  guint n_lines = count_lines (data, size);
  guint last_line = 0;

  parse = xf_question_parse_bytes (bytes, "fuzz.jsonl", XF_QUESTION_FORMAT_LEXEVAL);
  g_assert (parse != NULL);

  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);
      guint line = xf_question_get_line (question);

      g_assert (xf_question_validate (question, NULL));
      g_assert (xf_question_get_n_options (question) >= 2);
      g_assert (g_str_equal (xf_question_get_category (question), "民法典"));
      g_assert (xf_question_has_tag (question, "LexEval"));
      g_assert (xf_question_get_n_links (question) == 0);
      /* Questions come in file order, each on a line of the file */
      g_assert (line >= 1 && line <= n_lines);
      g_assert (line >= last_line);
      last_line = line;
      g_assert (g_utf8_validate (xf_question_get_stem (question), -1, NULL));
      g_assert (g_utf8_validate (xf_question_get_explanation (question), -1, NULL));
      for (guint j = 0; j < xf_question_get_n_options (question); j++)
        g_assert (g_utf8_validate (xf_question_get_option (question, j), -1, NULL));
    }
  for (guint i = 0; i < parse->problems->len; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (parse->problems, i);

      g_assert (problem->line <= n_lines);
      g_assert (problem->reason != NULL && *problem->reason != '\0');
      g_assert (g_utf8_validate (problem->question, -1, NULL));
    }
  /* A file says something: questions, or why there are none */
  g_assert (parse->questions->len > 0 || parse->problems->len > 0);

  return 0;
}

#ifdef XF_FUZZ_REPLAY
/* Without libFuzzer: run the target over the files given, so that every
 * build checks the seed corpus. */
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
