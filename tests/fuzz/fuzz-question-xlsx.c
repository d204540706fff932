/* fuzz-question-xlsx.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-question.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#include <zip.h>

#include "xf-question-format.h"

/* libFuzzer target for the XLSX question table reader. Whatever the bytes,
 * every question it returns passes validation, and writing the questions
 * as XLSX and reading that back gives the same questions.
 *
 * An input that starts like a ZIP archive is read as it is. Any other input
 * is the XML of a workbook's parts, separated by 0xFF bytes (which UTF-8
 * never holds): the sheet, then the shared strings, the workbook and its
 * relationships, each standing in for a plain default where given, and
 * left out where given empty. They are packed into an archive here, so
 * that mutations reach the XML readers instead of failing the archive's
 * checksums.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/question-xlsx /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-question-xlsx -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead (fuzz-question.c), it runs over the
 * files it is given: every build replays the seed corpus that way. */

#define RELS_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define DOC_NS  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

static const char * const part_names[] = {
  "xl/worksheets/sheet1.xml",
  "xl/sharedStrings.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
};

static const char * const default_parts[] = {
  "<worksheet xmlns=\"" MAIN_NS "\"><sheetData/></worksheet>",
  "<sst xmlns=\"" MAIN_NS "\"/>",
  "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" DOC_NS "\"><sheets>"
  "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
  "<Relationships xmlns=\"" RELS_NS "\">"
  "<Relationship Id=\"rId1\" Type=\"" DOC_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" DOC_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "</Relationships>",
};

static const char package_rels[] =
  "<Relationships xmlns=\"" RELS_NS "\">"
  "<Relationship Id=\"rId1\" Type=\"" DOC_NS "/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static GBytes *
pack (const uint8_t *data,
      size_t         size)
{
  const uint8_t *end = data + size;
  const uint8_t *p = data;
  zip_error_t error;
  zip_source_t *source;
  zip_t *zip;
  zip_int64_t length;
  char *out;

  zip_error_init (&error);
  source = zip_source_buffer_create (NULL, 0, 0, &error);
  g_assert_nonnull (source);
  zip_source_keep (source);
  zip = zip_open_from_source (source, ZIP_TRUNCATE, &error);
  g_assert_nonnull (zip);
  zip_file_add (zip, "_rels/.rels", zip_source_buffer (zip, package_rels, strlen (package_rels), 0),
                ZIP_FL_ENC_UTF_8);
  for (guint i = 0; i < G_N_ELEMENTS (part_names); i++)
    {
      const uint8_t *sep = p != NULL ? memchr (p, 0xFF, end - p) : NULL;
      const void *part = default_parts[i];
      gsize len = strlen (default_parts[i]);
      zip_int64_t index;

      if (p != NULL)
        {
          part = p;
          len = (sep != NULL ? sep : end) - p;
          p = sep != NULL ? sep + 1 : NULL;
        }
      if (len == 0)
        continue;
      index = zip_file_add (zip, part_names[i], zip_source_buffer (zip, part, len, 0), ZIP_FL_ENC_UTF_8);
      zip_set_file_compression (zip, index, ZIP_CM_STORE, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);

  g_assert_cmpint (zip_source_open (source), ==, 0);
  zip_source_seek (source, 0, SEEK_END);
  length = zip_source_tell (source);
  zip_source_seek (source, 0, SEEK_SET);
  out = g_malloc (length);
  g_assert_cmpint (zip_source_read (source, out, length), ==, length);
  zip_source_close (source);
  zip_source_free (source);
  zip_error_fini (&error);
  return g_bytes_new_take (out, length);
}

/* Excel keeps 15 digits of a number, libxlsxwriter writes 17 */
static gboolean
same_question (XfQuestion *a,
               XfQuestion *b)
{
  g_autoptr(XfQuestion) copy = NULL;
  double sa = xf_question_get_score (a);
  double sb = xf_question_get_score (b);

  if (xf_question_equal_content (a, b))
    return TRUE;
  if (fabs (sa - sb) > 1e-13 * fabs (sa))
    return FALSE;
  copy = xf_question_copy (b);
  xf_question_set_score (copy, sa);
  return xf_question_equal_content (a, copy);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    bytes = g_bytes_new (data, size);
  else
    bytes = pack (data, size);

  parse = xf_question_parse_bytes (bytes, "fuzz.xlsx", XF_QUESTION_FORMAT_XLSX);
  xf_fuzz_check_parse (parse, 0, FALSE);
  xf_fuzz_check_round_trip (parse, XF_QUESTION_FORMAT_XLSX, same_question);

  return 0;
}

