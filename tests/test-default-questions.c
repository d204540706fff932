/* test-default-questions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "xf-chinese-numeral.h"
#include "xf-database.h"
#include "xf-law-importer.h"
#include "xf-law-store.h"

/* The shipped bank of original questions, read as plain JSON so that the
 * check does not depend on the question reader, against the shipped
 * statutes imported the way profiles get them. Every question must be
 * answered by the articles it links to. */

#define BLANK_PARENS "（  ）"
#define BLANK_LINE   "____"
#define QUOTE_MARK   "规定："

typedef struct
{
  XfDatabase *db;
  JsonParser *parser;
  JsonArray  *questions;
} Fixture;

/* The six statutes the bank must cover well, with their article counts. */
static const struct
{
  const char *title;
  guint       articles;
} core_laws[] = {
  { "中华人民共和国宪法", 143 },
  { "中华人民共和国行政处罚法", 86 },
  { "中华人民共和国行政许可法", 83 },
  { "中华人民共和国行政复议法", 90 },
  { "中华人民共和国行政诉讼法", 103 },
  { "中华人民共和国政府信息公开条例", 56 },
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *laws = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);
  g_autofree char *bank = g_test_build_filename (G_TEST_DIST, "..", "data", "questions",
                                                 "xuefa-original.json", NULL);
  g_autoptr(XfLawImporter) importer = NULL;
  JsonObject *root;

  fixture->db = xf_database_open (":memory:", &error);
  g_assert_no_error (error);

  importer = xf_law_importer_new (fixture->db);
  xf_law_importer_add_path (importer, laws);
  g_assert_true (xf_law_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xf_law_importer_get_problems (importer)->len, ==, 0);

  fixture->parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (fixture->parser, bank, &error));
  g_assert_no_error (error);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (fixture->parser)));
  root = json_node_get_object (json_parser_get_root (fixture->parser));
  g_assert_cmpstr (json_object_get_string_member_with_default (root, "format", ""), ==, "xuefa-questions");
  g_assert_cmpint (json_object_get_int_member_with_default (root, "version", 0), ==, 1);
  g_assert_true (json_object_has_member (root, "bank"));
  g_assert_cmpstr (json_object_get_string_member_with_default (json_object_get_object_member (root, "bank"),
                                                               "title", ""), ==, "学法用法原创题库");
  fixture->questions = json_object_get_array_member (root, "questions");
  g_assert_nonnull (fixture->questions);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->parser);
  g_clear_object (&fixture->db);
}

static JsonObject *
get_question (Fixture *fixture,
              guint    index)
{
  JsonNode *node = json_array_get_element (fixture->questions, index);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

/* Text as compared: no white space, so that line breaks between 款 and
 * the spacing of a quotation do not matter. */
static char *
strip_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Statutes write numbers either way (十五日, 20个工作日); an accepted answer
 * may too, so both sides are compared with Arabic numbers written out. */
static char *
digits_to_chinese (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          guint value = 0;
          g_autofree char *numeral = NULL;

          for (; g_ascii_isdigit (*p); p++)
            value = value * 10 + (guint)(*p - '0');
          numeral = xf_chinese_numeral_format (value);
          g_string_append (out, numeral);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* The body of a linked article; asserts the link resolves. */
static char *
dup_linked_body (Fixture    *fixture,
                 JsonObject *link)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfArticle) article = NULL;
  const char *law = get_string (link, "law");
  gint64 number = json_object_get_int_member_with_default (link, "article", 0);
  gint64 sub = json_object_get_int_member_with_default (link, "sub", 0);

  g_assert_cmpint (number, >=, 1);
  g_assert_cmpint (sub, >=, 0);
  article = xf_law_store_find_article (fixture->db, law, (guint)number, (guint)sub, &error);
  if (article == NULL)
    g_error ("%s 第%" G_GINT64_FORMAT "条 is not among the shipped statutes: %s",
             law, number, error != NULL ? error->message : "not found");
  g_assert_cmpuint (strlen (xf_article_get_body (article)), >, 0);
  return g_strdup (xf_article_get_body (article));
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  guint n = json_array_get_length (fixture->questions);
  guint single = 0, multiple = 0, truefalse = 0, fill = 0, essay = 0, n_true = 0;
  guint per_law[G_N_ELEMENTS (core_laws)] = { 0 };
  /* Articles linked, as law index × 1000 + article number. */
  g_autoptr(GHashTable) articles = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n_articles[G_N_ELEMENTS (core_laws)] = { 0 };
  guint last_article[G_N_ELEMENTS (core_laws)] = { 0 };

  g_assert_cmpuint (n, >=, 220);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *question = get_question (fixture, i);
      const char *type = get_string (question, "type");
      JsonArray *links = get_array (question, "links");
      gboolean counted[G_N_ELEMENTS (core_laws)] = { FALSE };

      if (g_str_equal (type, "single"))
        single++;
      else if (g_str_equal (type, "multiple"))
        multiple++;
      else if (g_str_equal (type, "truefalse"))
        {
          truefalse++;
          if (g_str_equal (get_string (question, "answer"), "T"))
            n_true++;
        }
      else if (g_str_equal (type, "fill"))
        fill++;
      else if (g_str_equal (type, "essay"))
        essay++;
      else
        g_error ("question %u has an unknown type “%s”", i, type);

      for (guint k = 0; k < json_array_get_length (links); k++)
        {
          JsonObject *link = json_array_get_object_element (links, k);
          const char *law = get_string (link, "law");
          guint number = (guint)json_object_get_int_member_with_default (link, "article", 0);

          for (guint l = 0; l < G_N_ELEMENTS (core_laws); l++)
            if (g_str_equal (law, core_laws[l].title))
              {
                if (!counted[l])
                  per_law[l]++;
                counted[l] = TRUE;
                if (g_hash_table_add (articles, GUINT_TO_POINTER (l * 1000 + number)))
                  n_articles[l]++;
                last_article[l] = MAX (last_article[l], number);
              }
        }
    }

  g_test_message ("%u questions: %u single, %u multiple, %u true/false (%u true), %u fill, %u essay",
                  n, single, multiple, truefalse, n_true, fill, essay);
  g_assert_cmpuint (multiple, >=, 45);
  g_assert_cmpuint (truefalse, >=, 45);
  g_assert_cmpuint (fill, >=, 45);
  g_assert_cmpuint (single, >=, 45);
  g_assert_cmpuint (essay, <=, 10);
  /* About as many true statements as false ones. */
  g_assert_cmpuint (n_true * 10, >=, truefalse * 4);
  g_assert_cmpuint (n_true * 10, <=, truefalse * 6);

  for (guint l = 0; l < G_N_ELEMENTS (core_laws); l++)
    {
      g_test_message ("%s: %u questions on %u articles", core_laws[l].title, per_law[l], n_articles[l]);
      g_assert_cmpuint (per_law[l], >=, 25);
      /* Spread over the law, not only its first chapter. */
      g_assert_cmpuint (n_articles[l], >=, 20);
      g_assert_cmpuint (last_article[l] * 3, >=, core_laws[l].articles * 2);
    }
}

static void
check_choice (JsonObject *question,
              guint       index,
              gboolean    multiple)
{
  JsonArray *options = get_array (question, "options");
  const char *answer = get_string (question, "answer");
  guint n_options = json_array_get_length (options);
  guint seen = 0;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (multiple)
    {
      g_assert_cmpuint (n_options, >=, 4);
      g_assert_cmpuint (n_options, <=, 5);
      g_assert_cmpuint (strlen (answer), >=, 2);
      /* At least one option must be wrong, or the question asks nothing. */
      g_assert_cmpuint (strlen (answer), <, n_options);
    }
  else
    {
      g_assert_cmpuint (n_options, ==, 4);
      g_assert_cmpuint (strlen (answer), ==, 1);
    }

  for (guint k = 0; k < n_options; k++)
    {
      const char *option = json_array_get_string_element (options, k);

      g_assert_nonnull (option);
      if (!g_hash_table_add (texts, strip_space (option)))
        g_error ("question %u repeats the option “%s”", index, option);
      g_assert_cmpuint (strlen (option), >, 0);
    }

  for (const char *p = answer; *p != '\0'; p++)
    {
      guint letter = (guint)(*p - 'A');

      g_assert_true (*p >= 'A' && letter < n_options);
      /* Letters once each, in order. */
      g_assert_cmpuint (seen >> letter, ==, 0);
      seen |= 1u << letter;
    }
}

static void
test_shape (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (fixture->questions); i++)
    {
      JsonObject *question = get_question (fixture, i);
      const char *uuid = get_string (question, "uuid");
      const char *type = get_string (question, "type");
      const char *stem = get_string (question, "stem");
      const char *answer = get_string (question, "answer");
      gint64 difficulty = json_object_get_int_member_with_default (question, "difficulty", 0);
      JsonArray *tags = get_array (question, "tags");

      if (!g_uuid_string_is_valid (uuid))
        g_error ("question %u has an invalid uuid “%s”", i, uuid);
      if (!g_hash_table_add (uuids, (gpointer)uuid))
        g_error ("question %u repeats the uuid %s", i, uuid);
      if (!g_hash_table_add (stems, strip_space (stem)))
        g_error ("question %u repeats the stem “%s”", i, stem);

      g_assert_cmpuint (g_utf8_strlen (stem, -1), >=, 8);
      g_assert_cmpint (difficulty, >=, 1);
      g_assert_cmpint (difficulty, <=, 5);
      g_assert_cmpfloat (json_object_get_double_member_with_default (question, "score", 0), >, 0);
      g_assert_cmpstr (get_string (question, "source"), ==, "Xuefa original");
      g_assert_cmpuint (strlen (get_string (question, "category")), >, 0);
      g_assert_cmpuint (json_array_get_length (tags), >=, 1);
      g_assert_cmpuint (g_utf8_strlen (get_string (question, "explanation"), -1), >=, 10);

      if (g_str_equal (type, "single") || g_str_equal (type, "multiple"))
        check_choice (question, i, g_str_equal (type, "multiple"));
      else if (g_str_equal (type, "truefalse"))
        g_assert_true (g_str_equal (answer, "T") || g_str_equal (answer, "F"));
      else if (g_str_equal (type, "fill"))
        {
          JsonArray *accepted = get_array (question, "accepted");

          if (strstr (stem, BLANK_PARENS) == NULL && strstr (stem, BLANK_LINE) == NULL)
            g_error ("fill-in question %u has no blank: %s", i, stem);
          g_assert_cmpuint (json_array_get_length (accepted), >=, 1);
          g_assert_cmpstr (answer, ==, json_array_get_string_element (accepted, 0));
        }
      else if (g_str_equal (type, "essay"))
        g_assert_cmpuint (g_utf8_strlen (answer, -1), >=, 20);
      else
        g_error ("question %u has an unknown type “%s”", i, type);
    }
}

/* Does @needle occur in the body of one of @bodies? */
static gboolean
in_any_body (GPtrArray  *bodies,
             const char *needle)
{
  for (guint k = 0; k < bodies->len; k++)
    if (strstr (g_ptr_array_index (bodies, k), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  guint quoted = 0;

  for (guint i = 0; i < json_array_get_length (fixture->questions); i++)
    {
      JsonObject *question = get_question (fixture, i);
      const char *stem = get_string (question, "stem");
      const char *explanation = get_string (question, "explanation");
      const char *quote = g_strrstr (explanation, QUOTE_MARK);
      g_autofree char *before_quote = NULL;
      JsonArray *links = get_array (question, "links");
      g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) plain = g_ptr_array_new_with_free_func (g_free);
      gboolean names_article = FALSE;
      int cited = -1;

      if (json_array_get_length (links) == 0)
        g_error ("question %u links to no article: %s", i, stem);
      if (quote != NULL)
        before_quote = g_strndup (explanation, quote - explanation);

      for (guint k = 0; k < json_array_get_length (links); k++)
        {
          JsonObject *link = json_array_get_object_element (links, k);
          g_autofree char *body = dup_linked_body (fixture, link);
          g_autofree char *numeral = xf_chinese_numeral_format ((guint)json_object_get_int_member (link, "article"));
          /* 第十条 cannot match inside 第一百一十条: the label starts at 第. */
          g_autofree char *label = g_strdup_printf ("第%s条", numeral);

          if (strstr (explanation, label) != NULL)
            names_article = TRUE;
          if (before_quote != NULL && g_str_has_suffix (before_quote, label))
            cited = (int)k;
          g_ptr_array_add (bodies, strip_space (body));
          g_ptr_array_add (plain, g_steal_pointer (&body));
        }

      if (!names_article)
        g_error ("the explanation of question %u names none of its articles: %s", i, explanation);

      if (g_str_equal (get_string (question, "type"), "fill"))
        {
          JsonArray *accepted = get_array (question, "accepted");
          g_autoptr(GPtrArray) numbered = g_ptr_array_new_with_free_func (g_free);

          for (guint k = 0; k < bodies->len; k++)
            g_ptr_array_add (numbered, digits_to_chinese (g_ptr_array_index (bodies, k)));

          /* The first accepted answer is the statute's own word. */
          if (!in_any_body (plain, json_array_get_string_element (accepted, 0)))
            g_error ("question %u: “%s” is not in its articles", i,
                     json_array_get_string_element (accepted, 0));
          /* The others are the same words, numbers written the other way. */
          for (guint k = 0; k < json_array_get_length (accepted); k++)
            {
              g_autofree char *stripped = strip_space (json_array_get_string_element (accepted, k));
              g_autofree char *answer = digits_to_chinese (stripped);

              if (!in_any_body (numbered, answer))
                g_error ("question %u: accepted answer “%s” is not in its articles", i,
                         json_array_get_string_element (accepted, k));
            }
        }

      /* What follows 规定： is quoted word for word from the linked
       * article named just before it. */
      if (quote != NULL)
        {
          g_autofree char *stripped = strip_space (quote + strlen (QUOTE_MARK));

          if (cited < 0)
            g_error ("question %u quotes an article it does not link to: %s", i, explanation);
          g_assert_cmpuint (strlen (stripped), >, 0);
          if (strstr (g_ptr_array_index (bodies, cited), stripped) == NULL)
            g_error ("question %u quotes text its article does not have: %s", i, stripped);
          quoted++;
        }
    }

  /* Nearly every explanation quotes its article. */
  g_assert_cmpuint (quoted * 10, >=, json_array_get_length (fixture->questions) * 9);
}

int
main (int   argc,
      char *argv[])
{
  /* Failures quote the Chinese text; print it as it is. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/default-questions/counts", test_counts);
  ADD ("/default-questions/shape", test_shape);
  ADD ("/default-questions/links", test_links);
#undef ADD

  return g_test_run ();
}
