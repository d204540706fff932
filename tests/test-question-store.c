/* test-question-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-utils.h"
#include "xf-database.h"
#include "xf-question-format.h"
#include "xf-question-index.h"
#include "xf-question-store.h"

static const char *sample_json =
  "{\"format\": \"xuefa-questions\", \"version\": 1,\n"
  " \"bank\": {\"title\": \"行政处罚练习\", \"description\": \"练习\", \"licence\": \"CC0\"},\n"
  " \"questions\": [\n"
  "  {\"uuid\": \"1b0e2c56-4a1b-4c1e-9a55-0d1f6b1e2a01\", \"type\": \"single\",\n"
  "   \"stem\": \"行政处罚的种类不包括（  ）。\", \"options\": [\"警告\", \"罚款\", \"记过\", \"行政拘留\"],\n"
  "   \"answer\": \"C\", \"explanation\": \"见第九条。\", \"difficulty\": 2,\n"
  "   \"category\": \"行政法/行政处罚\", \"tags\": [\"处罚种类\", \"基础\"], \"score\": 1.5,\n"
  "   \"source\": \"测试\", \"title\": \"种类\",\n"
  "   \"links\": [{\"law\": \"中华人民共和国行政处罚法\", \"article\": 9, \"sub\": 0}]},\n"
  "  {\"type\": \"multiple\", \"stem\": \"下列属于行政处罚的有（  ）。\",\n"
  "   \"options\": [\"警告\", \"通报批评\", \"记大过\", \"没收违法所得\"], \"answer\": \"ABD\",\n"
  "   \"category\": \"行政法/行政处罚\", \"tags\": [\"处罚种类\"],\n"
  "   \"links\": [{\"law\": \"行政处罚法\", \"article\": 9}]},\n"
  "  {\"type\": \"truefalse\", \"stem\": \"地方性法规可以设定限制人身自由的行政处罚。\", \"answer\": \"F\",\n"
  "   \"category\": \"行政法/行政处罚/设定\", \"difficulty\": 4},\n"
  "  {\"type\": \"fill\", \"stem\": \"违法行为在（  ）年内未被发现的，不再给予行政处罚。\",\n"
  "   \"accepted\": [\"二\", \"2\"], \"category\": \"行政法/行政处罚\", \"tags\": [\"时效\"]},\n"
  "  {\"type\": \"essay\", \"stem\": \"简述行政许可的设定原则。\", \"answer\": \"遵循经济和社会发展规律……\",\n"
  "   \"category\": \"行政法/行政许可\",\n"
  "   \"links\": [{\"law\": \"中华人民共和国行政许可法\", \"article\": 11}]}\n"
  " ]}\n";

static XfQuestionParse *
parse_sample (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (sample_json, strlen (sample_json));
  XfQuestionParse *parse = xf_question_parse_bytes (bytes, "sample.json", XF_QUESTION_FORMAT_AUTO);

  g_assert_cmpint (parse->format, ==, XF_QUESTION_FORMAT_JSON);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->questions->len, ==, 5);
  return parse;
}

static void
import_sample (XfDatabase *db)
{
  g_autoptr(XfQuestionParse) parse = parse_sample ();
  g_autoptr(GError) error = NULL;
  XfQuestionImportReport report;

  g_assert_true (xf_question_store_import (db, parse, NULL, XF_QUESTION_IMPORT_NONE, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 5);
  xf_question_import_report_clear (&report);
}

static void
test_model_rules (void)
{
  g_autoptr(XfQuestion) q = xf_question_new (XF_QUESTION_SINGLE);
  g_autoptr(GError) error = NULL;
  gboolean value;
  const char *options[] = { "甲", "乙", "丙", NULL };

  g_assert_false (xf_question_validate (q, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  xf_question_set_stem (q, "问");
  xf_question_set_options (q, options);
  xf_question_set_answer (q, "ab");
  g_assert_cmpstr (xf_question_get_answer (q), ==, "AB");
  g_assert_false (xf_question_validate (q, &error));  /* 单选 with two answers */
  g_clear_error (&error);
  xf_question_set_answer (q, "D");
  g_assert_false (xf_question_validate (q, &error));  /* no option D */
  g_clear_error (&error);
  xf_question_set_answer (q, "c");
  g_assert_true (xf_question_validate (q, &error));
  g_assert_true (xf_question_option_is_correct (q, 2));
  g_assert_false (xf_question_option_is_correct (q, 0));

  xf_question_set_question_type (q, XF_QUESTION_MULTIPLE);
  g_assert_false (xf_question_validate (q, &error));  /* 多选 needs two */
  g_clear_error (&error);
  xf_question_set_answer (q, "C,A");
  g_assert_cmpstr (xf_question_get_answer (q), ==, "AC");
  g_assert_true (xf_question_validate (q, NULL));

  /* Answers compare across full and half width, case and spaces */
  xf_question_set_question_type (q, XF_QUESTION_FILL);
  g_assert_false (xf_question_validate (q, NULL));
  xf_question_add_accepted (q, "ＧＤＰ 总量");
  g_assert_true (xf_question_accepts (q, "gdp总量"));
  g_assert_true (xf_question_accepts (q, " Ｇ Ｄ Ｐ　总量 "));
  g_assert_false (xf_question_accepts (q, "GDP"));
  g_assert_false (xf_question_accepts (q, ""));

  g_assert_true (xf_question_parse_true_false ("√", &value) && value);
  g_assert_true (xf_question_parse_true_false ("错误", &value) && !value);
  g_assert_true (xf_question_parse_true_false ("ｔｒｕｅ", &value) && value);
  g_assert_true (xf_question_parse_true_false ("×", &value) && !value);
  g_assert_false (xf_question_parse_true_false ("也许", &value));
}

/* The fast path of normalising agrees with the Unicode tables. */
static void
test_normalize_fast (void)
{
  for (gunichar c = 1; c < 0x10000; c++)
    {
      char utf8[8] = { 0, };
      g_autofree char *fast = NULL;
      g_autofree char *nfkc = NULL;
      g_autofree char *slow = NULL;

      if (!(c < 0x80 || (c >= 0xFF01 && c <= 0xFF5E) || xf_question_char_is_stable (c)) ||
          g_ascii_isspace (c) || (c >= 0xD800 && c <= 0xDFFF))
        continue;
      g_unichar_to_utf8 (c, utf8);
      fast = xf_question_normalize_text (utf8);
      nfkc = g_utf8_normalize (utf8, -1, G_NORMALIZE_ALL_COMPOSE);
      slow = g_utf8_casefold (nfkc, -1);
      if (g_unichar_isspace (g_utf8_get_char (slow)))
        {
          g_free (slow);
          slow = g_strdup ("");
        }
      if (g_strcmp0 (fast, slow) != 0)
        g_error ("U+%04X: fast “%s”, tables “%s”", c, fast, slow);
    }
}

/* Normalising a whole text, run by run, gives what the definition does:
 * NFKC, case folding, no white space. */
static void
test_normalize_runs (void)
{
  static const char * const pieces[] = {
    "行政", "处罚", "。", "，", "（", "）", "“", "”", "—", "·", "a", "Z", "Q", "7", " ", "\t",
    "\n", "-", "ＡＢ", "ｃ", "１", "　", "\xe2\x80\x8b", "\xef\xbb\xbf", "é", "e\xcc\x81",
    "Ⅻ", "①", "ﬁ", "㍿", "Ä", "ß",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *actual = NULL;
      g_autofree char *nfkc = NULL;
      g_autofree char *folded = NULL;
      /* Some texts keep to what the fast path knows, some do not */
      guint n_pieces = i % 2 == 0 ? 24 : G_N_ELEMENTS (pieces);
      guint length = (guint)g_rand_int_range (rand, 0, 12);

      for (guint j = 0; j < length; j++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, (gint32)n_pieces)]);
      nfkc = g_utf8_normalize (text->str, -1, G_NORMALIZE_ALL_COMPOSE);
      folded = g_utf8_casefold (nfkc, -1);
      for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
            g_string_append_unichar (expected, c);
        }
      actual = xf_question_normalize_text (text->str);
      if (!g_str_equal (actual, expected->str))
        g_error ("“%s”: normalised “%s”, tables “%s”", text->str, actual, expected->str);
    }
}

static void
test_fingerprint (void)
{
  g_autoptr(XfQuestion) a = xf_question_new (XF_QUESTION_SINGLE);
  g_autoptr(XfQuestion) b = xf_question_new (XF_QUESTION_SINGLE);
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  g_autofree char *fc = NULL;
  const char *oa[] = { "警告", "罚款 ", NULL };
  const char *ob[] = { "警 告", "罚款", NULL };

  xf_question_set_stem (a, "行政处罚（ ）");
  xf_question_set_options (a, oa);
  xf_question_set_stem (b, "行政处罚( )");
  xf_question_set_options (b, ob);
  fa = xf_question_dup_fingerprint (a);
  fb = xf_question_dup_fingerprint (b);
  g_assert_cmpstr (fa, ==, fb);

  xf_question_add_option (b, "记过");
  fc = xf_question_dup_fingerprint (b);
  g_assert_cmpstr (fa, !=, fc);
}

static void
test_links_text (void)
{
  g_autoptr(XfQuestion) q = xf_question_new (XF_QUESTION_ESSAY);
  guint number;
  guint sub;

  g_assert_true (xf_question_add_links_from_text (q, "《行政处罚法》第三十二条、第三十三条第二款；《民法典》第1084条；《立法法》第七十二条之一"));
  g_assert_cmpuint (xf_question_get_n_links (q), ==, 4);
  g_assert_cmpstr (xf_question_get_link (q, 0, &number, &sub), ==, "行政处罚法");
  g_assert_cmpuint (number, ==, 32);
  g_assert_cmpstr (xf_question_get_link (q, 1, &number, &sub), ==, "行政处罚法");
  g_assert_cmpuint (number, ==, 33);
  g_assert_cmpstr (xf_question_get_link (q, 2, &number, &sub), ==, "民法典");
  g_assert_cmpuint (number, ==, 1084);
  g_assert_cmpstr (xf_question_get_link (q, 3, &number, &sub), ==, "立法法");
  g_assert_cmpuint (number, ==, 72);
  g_assert_cmpuint (sub, ==, 1);
  /* Full-width digits are read as the digits they are */
  g_assert_true (xf_question_add_links_from_text (q, "《民法典》第１０８４条之２"));
  g_assert_cmpstr (xf_question_get_link (q, 4, &number, &sub), ==, "民法典");
  g_assert_cmpuint (number, ==, 1084);
  g_assert_cmpuint (sub, ==, 2);
  g_assert_false (xf_question_add_links_from_text (q, "第九条"));  /* no law named */
  g_assert_false (xf_question_add_links_from_text (q, "《宪法》第一百条 还有别的"));
}

static void
test_json_round_trip (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfDatabase) other = xf_test_open_memory ();
  g_autoptr(XfQuestionParse) original = parse_sample ();
  g_autoptr(XfQuestionParse) again = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) exported_again = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionImportReport report;

  import_sample (db);
  stored = xf_question_store_load (db, 0, &error);
  g_assert_no_error (error);
  exported = xf_question_format_export (XF_QUESTION_FORMAT_JSON, stored, "行政处罚练习", NULL, &error);
  g_assert_no_error (error);

  again = xf_question_parse_bytes (exported, "export.json", XF_QUESTION_FORMAT_AUTO);
  g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->questions->len, ==, 5);
  g_assert_cmpstr (again->bank_title, ==, "行政处罚练习");
  g_assert_true (xf_question_store_import (other, again, NULL, XF_QUESTION_IMPORT_NONE, &report, NULL, &error));
  xf_question_import_report_clear (&report);

  copied = xf_question_store_load (other, 0, &error);
  g_assert_cmpuint (copied->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      XfQuestion *a = g_ptr_array_index (stored, i);
      XfQuestion *b = g_ptr_array_index (copied, i);

      g_assert_true (xf_question_equal_content (a, b));
      g_assert_true (xf_question_equal_content (a, g_ptr_array_index (original->questions, i)));
      g_assert_cmpstr (xf_question_get_uuid (a), ==, xf_question_get_uuid (b));
    }
  g_assert_cmpstr (xf_question_get_uuid (g_ptr_array_index (stored, 0)), ==,
                   "1b0e2c56-4a1b-4c1e-9a55-0d1f6b1e2a01");
  g_assert_cmpfloat (xf_question_get_score (g_ptr_array_index (copied, 0)), ==, 1.5);

  /* Byte for byte the same file again */
  exported_again = xf_question_format_export (XF_QUESTION_FORMAT_JSON, copied, "行政处罚练习", NULL, &error);
  g_assert_true (g_bytes_equal (exported, exported_again));
}

static void
test_json_problems (void)
{
  static const char *bad =
    "{\"format\": \"xuefa-questions\", \"questions\": [\n"
    "  {\"type\": \"single\", \"stem\": \"一\", \"options\": [\"甲\", \"乙\"], \"answer\": \"A\"},\n"
    "  {\"type\": \"matching\", \"stem\": \"二\"},\n"
    "  {\"type\": \"single\", \"stem\": 3},\n"
    "  {\"type\": \"truefalse\", \"stem\": \"四\", \"answer\": \"maybe\"},\n"
    "  {\"type\": \"fill\", \"stem\": \"五\", \"links\": [{\"law\": \"宪法\", \"article\": 0}]},\n"
    "  {\"type\": \"single\", \"uuid\": \"nope\", \"stem\": \"六\"}\n"
    "]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad, strlen (bad));
  g_autoptr(XfQuestionParse) parse = xf_question_parse_bytes (bytes, "bad.json", XF_QUESTION_FORMAT_JSON);
  guint lines[] = { 3, 4, 5, 6, 7 };

  g_assert_cmpuint (parse->questions->len, ==, 1);
  g_assert_cmpuint (parse->problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (parse->problems, i);

      g_assert_cmpuint (problem->line, ==, lines[i]);
      g_assert_cmpstr (problem->reason, !=, "");
    }

  g_clear_pointer (&parse, xf_question_parse_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static ("{\"format\": \"xuefa-questions\", \"questions\": [", 44);
  parse = xf_question_parse_bytes (bytes, "cut.json", XF_QUESTION_FORMAT_JSON);
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);

  /* json-glib decodes a lone surrogate into bytes that are not UTF-8: the
   * text stays valid, with a replacement character */
  g_clear_pointer (&parse, xf_question_parse_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  {
    static const char *surrogate = "{\"format\": \"xuefa-questions\", \"questions\": ["
                                   "{\"type\": \"essay\", \"stem\": \"简述\\udc00z\"}]}";

    bytes = g_bytes_new_static (surrogate, strlen (surrogate));
  }
  parse = xf_question_parse_bytes (bytes, "surrogate.json", XF_QUESTION_FORMAT_JSON);
  g_assert_cmpuint (parse->questions->len, ==, 1);
  g_assert_true (g_utf8_validate (xf_question_get_stem (g_ptr_array_index (parse->questions, 0)), -1, NULL));
  g_assert_true (g_str_has_prefix (xf_question_get_stem (g_ptr_array_index (parse->questions, 0)), "简述"));

  /* Brackets nested a million deep would overflow json-glib's stack */
  g_clear_pointer (&parse, xf_question_parse_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  {
    GString *deep = g_string_new ("{\"format\": \"xuefa-questions\", \"questions\": ");

    for (guint i = 0; i < 1000000; i++)
      g_string_append_c (deep, '[');
    bytes = g_string_free_to_bytes (deep);
  }
  parse = xf_question_parse_bytes (bytes, "deep.json", XF_QUESTION_FORMAT_JSON);
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);

  /* Not UTF-8 and not GB18030: refused with the line */
  g_clear_pointer (&parse, xf_question_parse_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static ("{\n\"a\": \"\xff\xfe\xfd\xfc\"}", 16);
  parse = xf_question_parse_bytes (bytes, "latin.json", XF_QUESTION_FORMAT_JSON);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  g_assert_cmpuint (((XfQuestionProblem *)g_ptr_array_index (parse->problems, 0))->line, ==, 2);
}

static void
test_versions (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfQuestion) q = NULL;
  g_autoptr(XfQuestion) old = NULL;
  g_autoptr(XfQuestion) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  import_sample (db);
  q = xf_question_store_get_by_uuid (db, "1b0e2c56-4a1b-4c1e-9a55-0d1f6b1e2a01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_question_get_version (q), ==, 1);
  uuid = g_strdup (xf_question_get_uuid (q));

  /* No change, no version */
  g_assert_true (xf_question_store_update (db, q, &error));
  g_assert_cmpuint (xf_question_get_version (q), ==, 1);

  xf_question_set_stem (q, "下列不属于行政处罚种类的是（  ）。");
  g_assert_true (xf_question_store_update (db, q, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xf_question_get_version (q), ==, 2);

  /* An invalid edit is refused and changes nothing */
  xf_question_set_answer (q, "AB");
  g_assert_false (xf_question_store_update (db, q, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  now = xf_question_store_get_by_uuid (db, uuid, &error);
  g_assert_cmpuint (xf_question_get_version (now), ==, 2);
  g_assert_cmpstr (xf_question_get_stem (now), ==, "下列不属于行政处罚种类的是（  ）。");
  g_assert_cmpstr (xf_question_get_answer (now), ==, "C");

  old = xf_question_store_get_version (db, uuid, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_question_get_stem (old), ==, "行政处罚的种类不包括（  ）。");
  g_assert_cmpuint (xf_question_get_version (old), ==, 1);
  g_assert_cmpuint (xf_question_get_n_links (old), ==, 1);
  g_assert_null (xf_question_store_get_version (db, uuid, 7, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
}

static void
test_import_rules (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xuefa-questions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "profile.db", NULL);
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(XfQuestion) edited = NULL;
  XfQuestionImportReport report;
  GStatBuf before;
  GStatBuf after;

  db = xf_database_open (path, &error);
  g_assert_no_error (error);

  /* A dry run reports and writes nothing */
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  parse = parse_sample ();
  g_assert_true (xf_question_store_import (db, parse, NULL, XF_QUESTION_IMPORT_DRY_RUN, &report, NULL, &error));
  g_assert_cmpuint (report.imported, ==, 5);
  g_assert_cmpint (report.bank_id, ==, 0);
  xf_question_import_report_clear (&report);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (before.st_size, ==, after.st_size);
  g_assert_cmpuint (xf_question_store_count (db, 0, &error), ==, 0);
  g_assert_null (xf_question_store_get_bank (db, "行政处罚练习", NULL));

  /* A cancelled import leaves nothing behind, not even the bank */
  g_cancellable_cancel (cancellable);
  g_assert_false (xf_question_store_import (db, parse, NULL, XF_QUESTION_IMPORT_NONE, &report, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  xf_question_import_report_clear (&report);
  g_assert_null (xf_question_store_get_bank (db, "行政处罚练习", NULL));
  g_assert_cmpuint (xf_question_store_count (db, 0, &error), ==, 0);
  g_clear_pointer (&parse, xf_question_parse_free);

  import_sample (db);
  g_assert_cmpuint (xf_question_store_count (db, 0, &error), ==, 5);

  /* Questions that came without a UUID get a random (version 4) one each */
  {
    g_autoptr(GPtrArray) stored = xf_question_store_load (db, 0, &error);
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    g_assert_no_error (error);
    for (guint i = 0; i < stored->len; i++)
      {
        const char *uuid = xf_question_get_uuid (g_ptr_array_index (stored, i));

        g_assert_true (g_uuid_string_is_valid (uuid));
        g_assert_cmpint (uuid[14], ==, '4');
        g_assert_nonnull (strchr ("89ab", uuid[19]));
        g_assert_true (g_hash_table_add (seen, (gpointer)uuid));
      }
  }

  /* Again: the one with a UUID is unchanged, the others are duplicates */
  parse = parse_sample ();
  g_assert_true (xf_question_store_import (db, parse, "另一个题库", XF_QUESTION_IMPORT_NONE, &report, NULL, &error));
  g_assert_cmpuint (report.imported, ==, 0);
  g_assert_cmpuint (report.duplicates, ==, 4);
  g_assert_cmpuint (report.skipped, ==, 5);
  g_assert_cmpuint (report.duplicate_notices->len, ==, 4);
  g_assert_cmpuint (((XfQuestionProblem *)g_ptr_array_index (report.duplicate_notices, 0))->line, ==, 10);
  xf_question_import_report_clear (&report);
  g_clear_pointer (&parse, xf_question_parse_free);

  /* Keeping duplicates imports them; the UUID question is still not copied */
  parse = parse_sample ();
  g_assert_true (xf_question_store_import (db, parse, "另一个题库", XF_QUESTION_IMPORT_KEEP_DUPLICATES,
                                           &report, NULL, &error));
  g_assert_cmpuint (report.imported, ==, 4);
  g_assert_cmpuint (report.duplicates, ==, 4);
  xf_question_import_report_clear (&report);
  g_assert_cmpuint (xf_question_store_count (db, 0, &error), ==, 9);
  g_clear_pointer (&parse, xf_question_parse_free);

  /* A changed question with a known UUID becomes a new version */
  parse = parse_sample ();
  xf_question_set_explanation (g_ptr_array_index (parse->questions, 0), "《行政处罚法》第九条。");
  g_assert_true (xf_question_store_import (db, parse, NULL, XF_QUESTION_IMPORT_NONE, &report, NULL, &error));
  g_assert_cmpuint (report.updated, ==, 1);
  xf_question_import_report_clear (&report);
  edited = xf_question_store_get_by_uuid (db, "1b0e2c56-4a1b-4c1e-9a55-0d1f6b1e2a01", &error);
  g_assert_cmpuint (xf_question_get_version (edited), ==, 2);
  g_assert_cmpstr (xf_question_get_explanation (edited), ==, "《行政处罚法》第九条。");

  g_clear_object (&db);
  xf_test_remove_tree (dir);
}

static void
test_delete_undo_bulk (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestion) q = NULL;
  g_autoptr(GListModel) banks = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  const char *add[] = { "重点", NULL };
  const char *remove[] = { "处罚种类", NULL };
  gint64 ids[2];

  import_sample (db);
  all = xf_question_store_load (db, 0, &error);
  ids[0] = xf_question_get_id (g_ptr_array_index (all, 0));
  ids[1] = xf_question_get_id (g_ptr_array_index (all, 1));

  g_assert_true (xf_question_store_delete (db, ids, 2, &error));
  g_assert_cmpuint (xf_question_store_count (db, 0, &error), ==, 3);
  banks = xf_question_store_list_banks (db, &error);
  bank = g_list_model_get_item (banks, 0);
  g_assert_cmpuint (xf_question_bank_get_n_questions (bank), ==, 3);
  g_assert_true (xf_question_store_undelete (db, ids, 2, &error));
  g_assert_cmpuint (xf_question_store_count (db, 0, &error), ==, 5);

  g_assert_true (xf_question_store_retag (db, ids, 2, add, remove, &error));
  q = xf_question_store_get (db, ids[0], &error);
  g_assert_true (xf_question_has_tag (q, "重点"));
  g_assert_true (xf_question_has_tag (q, "基础"));
  g_assert_false (xf_question_has_tag (q, "处罚种类"));
  g_assert_cmpuint (xf_question_get_version (q), ==, 2);
  g_clear_object (&q);

  g_assert_true (xf_question_store_recategorize (db, ids, 2, "行政法/处罚", &error));
  q = xf_question_store_get (db, ids[1], &error);
  g_assert_cmpstr (xf_question_get_category (q), ==, "行政法/处罚");
  g_clear_object (&q);

  g_assert_true (xf_question_store_delete (db, ids, 1, &error));
  g_assert_true (xf_question_store_purge_deleted (db, &error));
  g_assert_null (xf_question_store_get (db, ids[0], &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
}

static guint
count_matches (XfQuestionIndex        *index,
               const XfQuestionFilter *filter)
{
  g_autoptr(GArray) ids = xf_question_index_filter (index, filter);

  return ids->len;
}

static void
test_index_filter (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfQuestionIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) laws = NULL;
  g_auto(GStrv) tags = NULL;
  XfQuestionFilter filter = XF_QUESTION_FILTER_INIT;

  import_sample (db);
  index = xf_question_index_new (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_question_index_get_n_questions (index), ==, 5);
  g_assert_cmpuint (count_matches (index, &filter), ==, 5);

  filter.type = XF_QUESTION_MULTIPLE;
  g_assert_cmpuint (count_matches (index, &filter), ==, 1);
  filter.type = -1;
  filter.category = "行政法/行政处罚";
  g_assert_cmpuint (count_matches (index, &filter), ==, 4);  /* sub-categories too */
  filter.category = "行政法/行政";  /* a prefix that is not a path */
  g_assert_cmpuint (count_matches (index, &filter), ==, 0);
  filter.category = NULL;
  filter.law = "行政处罚法";  /* full and short titles match */
  g_assert_cmpuint (count_matches (index, &filter), ==, 2);
  filter.law = "中华人民共和国行政许可法";
  g_assert_cmpuint (count_matches (index, &filter), ==, 1);
  filter.law = NULL;
  filter.tag = "处罚种类";
  g_assert_cmpuint (count_matches (index, &filter), ==, 2);
  filter.tag = NULL;
  filter.difficulty = 4;
  g_assert_cmpuint (count_matches (index, &filter), ==, 1);
  filter.difficulty = 0;
  filter.text = "罚";  /* one character: stems and options */
  g_assert_cmpuint (count_matches (index, &filter), ==, 4);
  filter.text = "通报 批评";  /* spaces do not matter */
  g_assert_cmpuint (count_matches (index, &filter), ==, 1);
  filter.text = "２";  /* nor width: the accepted answer "2" */
  g_assert_cmpuint (count_matches (index, &filter), ==, 1);

  categories = xf_question_index_dup_categories (index);
  g_assert_true (g_strv_contains ((const char * const *)categories, "行政法"));
  g_assert_true (g_strv_contains ((const char * const *)categories, "行政法/行政处罚/设定"));
  laws = xf_question_index_dup_laws (index);
  g_assert_cmpuint (g_strv_length (laws), ==, 3);
  tags = xf_question_index_dup_tags (index);
  g_assert_cmpuint (g_strv_length (tags), ==, 3);
}

static void
assert_same_problems (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      XfQuestionProblem *pa = g_ptr_array_index (a, i);
      XfQuestionProblem *pb = g_ptr_array_index (b, i);

      g_assert_cmpuint (pa->line, ==, pb->line);
      g_assert_cmpstr (pa->question, ==, pb->question);
      g_assert_cmpstr (pa->reason, ==, pb->reason);
    }
}

/* The UUIDs the file gave stay; new ones are random in either import */
static void
assert_same_store (XfDatabase *a,
                   XfDatabase *b,
                   GPtrArray  *file_uuids)
{
  g_autoptr(GPtrArray) qa = xf_question_store_load (a, 0, NULL);
  g_autoptr(GPtrArray) qb = xf_question_store_load (b, 0, NULL);

  g_assert_cmpuint (qa->len, ==, qb->len);
  for (guint i = 0; i < qa->len; i++)
    {
      XfQuestion *x = g_ptr_array_index (qa, i);
      XfQuestion *y = g_ptr_array_index (qb, i);

      g_assert_true (xf_question_equal_content (x, y));
      g_assert_cmpuint (xf_question_get_version (x), ==, xf_question_get_version (y));
      g_assert_cmpint (xf_question_get_bank_id (x), ==, xf_question_get_bank_id (y));
      if (g_ptr_array_find_with_equal_func (file_uuids, xf_question_get_uuid (x), g_str_equal, NULL))
        g_assert_cmpstr (xf_question_get_uuid (x), ==, xf_question_get_uuid (y));
    }
}

/* Importing a file while it is read does what reading it and importing
 * what it held does: the same report, problems, notices and store. */
static void
check_import_file (const char            *path,
                   XfQuestionImportFlags  flags)
{
  g_autoptr(XfDatabase) a = xf_test_open_memory ();
  g_autoptr(XfDatabase) b = xf_test_open_memory ();
  g_autoptr(GPtrArray) file_uuids = g_ptr_array_new_with_free_func (g_free);

  /* Twice: the second time finds the first's questions in the store */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(XfQuestionParse) parsed = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, NULL);
      g_autoptr(XfQuestionParse) streamed = NULL;
      g_autoptr(GError) error = NULL;
      XfQuestionImportReport ra;
      XfQuestionImportReport rb;

      g_assert_nonnull (parsed);
      for (guint i = 0; i < parsed->questions->len; i++)
        g_ptr_array_add (file_uuids, g_strdup (xf_question_get_uuid (g_ptr_array_index (parsed->questions, i))));
      g_assert_true (xf_question_store_import (a, parsed, NULL, flags, &ra, NULL, &error));
      g_assert_no_error (error);
      streamed = xf_question_store_import_file (b, path, XF_QUESTION_FORMAT_AUTO, NULL, flags, &rb, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (streamed);

      g_assert_cmpint (parsed->format, ==, streamed->format);
      g_assert_cmpstr (parsed->bank_title, ==, streamed->bank_title);
      g_assert_cmpuint (parsed->questions->len, ==, streamed->questions->len);
      assert_same_problems (parsed->problems, streamed->problems);
      assert_same_problems (parsed->notices, streamed->notices);
      assert_same_problems (ra.duplicate_notices, rb.duplicate_notices);
      g_assert_cmpint (ra.bank_id, ==, rb.bank_id);
      g_assert_cmpuint (ra.imported, ==, rb.imported);
      g_assert_cmpuint (ra.updated, ==, rb.updated);
      g_assert_cmpuint (ra.skipped, ==, rb.skipped);
      g_assert_cmpuint (ra.duplicates, ==, rb.duplicates);
      xf_question_import_report_clear (&ra);
      xf_question_import_report_clear (&rb);
      assert_same_store (a, b, file_uuids);
    }
}

static void
test_import_file (void)
{
  static const char *odd =
    "{\"format\": \"xuefa-questions\", \"bank\": {\"title\": \"行政处罚练习\", \"licence\": \"CC0\"},\n"
    " \"questions\": [\n"
    "  {\"uuid\": \"1b0e2c56-4a1b-4c1e-9a55-0d1f6b1e2a01\", \"type\": \"single\", \"stem\": \"一\",\n"
    "   \"options\": [\"甲\", \"乙\"], \"answer\": \"A\"},\n"
    "  {\"uuid\": \"1b0e2c56-4a1b-4c1e-9a55-0d1f6b1e2a01\", \"type\": \"single\", \"stem\": \"二\",\n"
    "   \"options\": [\"甲\", \"乙\"], \"answer\": \"B\"},\n"
    "  {\"type\": \"single\", \"stem\": \"一 \", \"options\": [\"甲\", \"乙\"], \"answer\": \"A\"},\n"
    "  {\"type\": \"truefalse\", \"stem\": \"三\", \"answer\": \"maybe\"},\n"
    "  {\"type\": \"matching\", \"stem\": \"四\"},\n"
    "  {\"type\": \"fill\", \"stem\": \"五\", \"accepted\": [\"二\"]}, {\"type\": \"fill\", \"stem\": \"五\", \"accepted\": [\"二\"]}\n"
    " ]}\n";
  static const char *none = "{\"format\": \"xuefa-questions\", \"questions\": [{\"type\": \"essay\", \"stem\": \"\"}]}";
  static const XfQuestionImportFlags flags[] = {
    XF_QUESTION_IMPORT_NONE, XF_QUESTION_IMPORT_KEEP_DUPLICATES, XF_QUESTION_IMPORT_DRY_RUN,
  };
  g_autofree char *dir = g_dir_make_tmp ("xuefa-import-file-XXXXXX", NULL);
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", "questions", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = g_dir_open (data, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_suffix (name, ".md"))
      g_ptr_array_add (paths, g_build_filename (data, name, NULL));
  g_ptr_array_add (paths, g_build_filename (dir, "odd.json", NULL));
  g_assert_true (g_file_set_contents (g_ptr_array_index (paths, paths->len - 1), odd, -1, NULL));
  g_ptr_array_add (paths, g_build_filename (dir, "none.json", NULL));
  g_assert_true (g_file_set_contents (g_ptr_array_index (paths, paths->len - 1), none, -1, NULL));
  g_ptr_array_add (paths, g_build_filename (dir, "empty.csv", NULL));
  g_assert_true (g_file_set_contents (g_ptr_array_index (paths, paths->len - 1), "", -1, NULL));

  for (guint i = 0; i < paths->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (flags); j++)
      check_import_file (g_ptr_array_index (paths, i), flags[j]);

  /* What the odd file holds, as the import reports it */
  {
    g_autoptr(XfDatabase) db = xf_test_open_memory ();
    g_autoptr(XfQuestionParse) parse = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (dir, "odd.json", NULL);
    XfQuestionImportReport report;
    XfQuestionProblem *notice;

    parse = xf_question_store_import_file (db, path, XF_QUESTION_FORMAT_AUTO, NULL, XF_QUESTION_IMPORT_NONE,
                                           &report, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (parse->bank_title, ==, "行政处罚练习");
    g_assert_cmpuint (report.imported, ==, 3);
    g_assert_cmpuint (report.duplicates, ==, 2);
    g_assert_cmpuint (report.skipped, ==, 4);
    g_assert_cmpuint (parse->problems->len, ==, 2);
    g_assert_cmpuint (((XfQuestionProblem *)g_ptr_array_index (parse->problems, 0))->line, ==, 8);
    g_assert_cmpuint (((XfQuestionProblem *)g_ptr_array_index (parse->problems, 1))->line, ==, 9);
    g_assert_cmpuint (parse->notices->len, ==, 1);
    notice = g_ptr_array_index (parse->notices, 0);
    g_assert_cmpuint (notice->line, ==, 5);
    g_assert_nonnull (strstr (notice->reason, "UUID"));
    g_assert_cmpuint (((XfQuestionProblem *)g_ptr_array_index (report.duplicate_notices, 0))->line, ==, 7);
    g_assert_cmpuint (((XfQuestionProblem *)g_ptr_array_index (report.duplicate_notices, 1))->line, ==, 10);
    g_assert_nonnull (strstr (((XfQuestionProblem *)g_ptr_array_index (report.duplicate_notices, 1))->reason, "10"));
    g_assert_cmpuint (xf_question_store_count (db, 0, NULL), ==, 3);
    xf_question_import_report_clear (&report);
  }

  xf_test_remove_tree (dir);
}

/* A cancelled import, or a file that cannot be read, leaves nothing. */
static void
test_import_file_fails (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", "table-chinese.csv", NULL);
  XfQuestionImportReport report;
  XfQuestionParse *parse;

  g_cancellable_cancel (cancellable);
  parse = xf_question_store_import_file (db, path, XF_QUESTION_FORMAT_AUTO, NULL, XF_QUESTION_IMPORT_NONE,
                                         &report, cancellable, &error);
  g_assert_null (parse);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  xf_question_import_report_clear (&report);
  g_clear_error (&error);
  g_assert_cmpuint (xf_question_store_count (db, 0, NULL), ==, 0);
  g_assert_null (xf_question_store_get_bank (db, "table-chinese", NULL));

  parse = xf_question_store_import_file (db, "/nonexistent/bank.json", XF_QUESTION_FORMAT_AUTO, NULL,
                                         XF_QUESTION_IMPORT_NONE, &report, NULL, &error);
  g_assert_null (parse);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  xf_question_import_report_clear (&report);
}

/* A file of @n questions, one a line from line 3; every 7th breaks a
 * rule; @broken (1-based, 0 for none) is not JSON. @escaped_bank spells
 * the "bank" key with an escape. */
static char *
many_questions (guint    n,
                guint    broken,
                gboolean escaped_bank)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "{\"format\": \"xuefa-questions\", \"%s\": {\"title\": \"分片\"},\n"
                                " \"questions\": [\n", escaped_bank ? "b\\u0061nk" : "bank");
  for (guint i = 1; i <= n; i++)
    {
      if (i == broken)
        g_string_append_printf (text, "  {\"type\": \"essay\" \"stem\": \"题%u\"}", i);
      else if (i % 7 == 0)
        g_string_append_printf (text, "  {\"type\": \"truefalse\", \"stem\": \"题%u\", \"answer\": \"maybe\"}", i);
      else
        g_string_append_printf (text, "  {\"type\": \"single\", \"stem\": \"题%u\", \"options\": [\"甲\", \"乙\\\"丙\\\\\"],"
                                      " \"answer\": \"B\", \"tags\": [\"[\", \"{\"]}", i);
      g_string_append (text, i < n ? ",\n" : "\n");
    }
  g_string_append (text, " ]}\n");
  return g_string_free (text, FALSE);
}

/* Large files are read a piece at a time on every core; what comes out is
 * what reading the file whole gives, and a piece that is not JSON makes
 * the whole file unreadable, as it is. */
static void
test_json_pieces (void)
{
  g_autofree char *plain = many_questions (1000, 0, FALSE);
  g_autofree char *escaped = many_questions (1000, 0, TRUE);
  g_autofree char *broken = many_questions (1000, 600, FALSE);
  g_autoptr(GBytes) plain_bytes = g_bytes_new_static (plain, strlen (plain));
  g_autoptr(GBytes) escaped_bytes = g_bytes_new_static (escaped, strlen (escaped));
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, strlen (broken));
  g_autoptr(XfQuestionParse) pieces = xf_question_parse_bytes (plain_bytes, "pieces.json", XF_QUESTION_FORMAT_AUTO);
  g_autoptr(XfQuestionParse) whole = xf_question_parse_bytes (escaped_bytes, "whole.json", XF_QUESTION_FORMAT_AUTO);
  g_autoptr(XfQuestionParse) bad = xf_question_parse_bytes (broken_bytes, "broken.json", XF_QUESTION_FORMAT_AUTO);
  g_autofree char *dir = g_dir_make_tmp ("xuefa-json-pieces-XXXXXX", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "pieces.json", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "broken.json", NULL);

  g_assert_cmpstr (pieces->bank_title, ==, "分片");
  g_assert_cmpstr (whole->bank_title, ==, "分片");
  g_assert_cmpuint (pieces->questions->len, ==, 1000 - 1000 / 7);
  g_assert_cmpuint (pieces->problems->len, ==, 1000 / 7);
  for (guint i = 0, n = 1; i < pieces->questions->len; i++, n++)
    {
      XfQuestion *question = g_ptr_array_index (pieces->questions, i);
      g_autofree char *stem = NULL;

      if (n % 7 == 0)
        n++;
      stem = g_strdup_printf ("题%u", n);
      g_assert_cmpstr (xf_question_get_stem (question), ==, stem);
      g_assert_cmpuint (xf_question_get_line (question), ==, n + 2);
      g_assert_cmpstr (xf_question_get_option (question, 1), ==, "乙\"丙\\");
      g_assert_true (xf_question_equal_content (question, g_ptr_array_index (whole->questions, i)));
      g_assert_cmpuint (xf_question_get_line (question), ==,
                        xf_question_get_line (g_ptr_array_index (whole->questions, i)));
    }
  for (guint i = 0; i < pieces->problems->len; i++)
    g_assert_cmpuint (((XfQuestionProblem *)g_ptr_array_index (pieces->problems, i))->line, ==, 7 * (i + 1) + 2);
  assert_same_problems (pieces->problems, whole->problems);

  /* Nothing of a file with a bad piece, and json-glib's word on where */
  g_assert_cmpuint (bad->questions->len, ==, 0);
  g_assert_cmpuint (bad->problems->len, ==, 1);
  g_assert_nonnull (strstr (((XfQuestionProblem *)g_ptr_array_index (bad->problems, 0))->reason, ":602:"));
  g_assert_null (bad->bank_title);

  /* Imported while read: the same as reading first, and a bad piece
   * leaves no question in the store */
  g_assert_true (g_file_set_contents (plain_path, plain, -1, NULL));
  g_assert_true (g_file_set_contents (broken_path, broken, -1, NULL));
  check_import_file (plain_path, XF_QUESTION_IMPORT_NONE);
  check_import_file (broken_path, XF_QUESTION_IMPORT_NONE);
  check_import_file (broken_path, XF_QUESTION_IMPORT_DRY_RUN);
  {
    g_autoptr(XfDatabase) db = xf_test_open_memory ();
    g_autoptr(XfQuestionParse) parse = NULL;
    g_autoptr(GError) error = NULL;
    XfQuestionImportReport report;

    parse = xf_question_store_import_file (db, broken_path, XF_QUESTION_FORMAT_AUTO, NULL,
                                           XF_QUESTION_IMPORT_NONE, &report, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report.imported, ==, 0);
    g_assert_cmpuint (parse->problems->len, ==, 1);
    g_assert_cmpuint (xf_question_store_count (db, 0, NULL), ==, 0);
    xf_question_import_report_clear (&report);
  }
  xf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-store/model-rules", test_model_rules);
  g_test_add_func ("/question-store/normalize-fast", test_normalize_fast);
  g_test_add_func ("/question-store/normalize-runs", test_normalize_runs);
  g_test_add_func ("/question-store/fingerprint", test_fingerprint);
  g_test_add_func ("/question-store/links-text", test_links_text);
  g_test_add_func ("/question-store/json-round-trip", test_json_round_trip);
  g_test_add_func ("/question-store/json-problems", test_json_problems);
  g_test_add_func ("/question-store/versions", test_versions);
  g_test_add_func ("/question-store/import-rules", test_import_rules);
  g_test_add_func ("/question-store/delete-undo-bulk", test_delete_undo_bulk);
  g_test_add_func ("/question-store/index-filter", test_index_filter);
  g_test_add_func ("/question-store/import-file", test_import_file);
  g_test_add_func ("/question-store/import-file-fails", test_import_file_fails);
  g_test_add_func ("/question-store/json-pieces", test_json_pieces);

  return g_test_run ();
}
