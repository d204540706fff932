/* fuzz-exam-spec.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "xf-exam.h"

/* libFuzzer target for the exam spec reader and writer, and the reader of
 * drawn papers. Specs come from anywhere: whatever the bytes, reading
 * fails with an error or gives a valid exam, and writing that exam and
 * reading it back gives the same text again. The same holds for papers.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/exam-spec /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-exam-spec -dict=tests/fuzz/exam-spec.dict -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead, it runs over the files it is given:
 * every build replays the seed corpus that way. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_exam (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = xf_exam_from_json ((const char *)data, size, &error);
  g_autoptr(XfExam) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  g_assert ((exam == NULL) != (error == NULL));
  if (exam == NULL)
    {
      g_assert (error->domain == XF_EXAM_ERROR && error->code == XF_EXAM_ERROR_INVALID);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert (xf_exam_validate (exam, NULL));

  json = xf_exam_to_json (exam);
  again = xf_exam_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert (again != NULL);
  g_assert (g_str_equal (exam->uuid, again->uuid));
  json_again = xf_exam_to_json (again);
  g_assert (g_str_equal (json, json_again));
}

static void
check_paper (const uint8_t *data,
             size_t         size)
{
  /* Papers are text kept in the database: up to the first NUL */
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExamPaper) paper = xf_exam_paper_from_json (text, &error);
  g_autoptr(XfExamPaper) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  g_assert ((paper == NULL) != (error == NULL));
  if (paper == NULL)
    return;
  for (guint i = 0; i < paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (paper->items, i);
      guint seen = 0;

      g_assert (item->n_options <= XF_QUESTION_MAX_OPTIONS);
      for (guint j = 0; j < item->n_options; j++)
        {
          g_assert (item->order[j] < item->n_options);
          seen |= 1u << item->order[j];
        }
      g_assert (seen == (1u << item->n_options) - 1);
    }

  json = xf_exam_paper_to_json (paper);
  again = xf_exam_paper_from_json (json, &error);
  g_assert_no_error (error);
  g_assert (again != NULL && again->items->len == paper->items->len);
  json_again = xf_exam_paper_to_json (again);
  g_assert (g_str_equal (json, json_again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  check_exam (data, size);
  check_paper (data, size);
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
