/* xf-question-text.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question.h"
#include "xf-question-private.h"

/* The words around questions: type names in files and in Chinese, the form
 * answers are compared in, and the spellings of 判断 answers. */

static const struct
{
  const char *name;
  const char *chinese;
  const char *label;
} types[] = {
  [XF_QUESTION_SINGLE] = { "single", "单选", N_("Single choice") },
  [XF_QUESTION_MULTIPLE] = { "multiple", "多选", N_("Multiple choice") },
  [XF_QUESTION_TRUE_FALSE] = { "truefalse", "判断", N_("True or false") },
  [XF_QUESTION_FILL] = { "fill", "填空", N_("Fill in the blank") },
  [XF_QUESTION_ESSAY] = { "essay", "简答", N_("Short essay") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (types) == XF_QUESTION_N_TYPES);

/**
 * xf_question_type_to_string:
 *
 * Returns: the type's name in files and on the command line: "single",
 *   "multiple", "truefalse", "fill" or "essay"
 */
const char *
xf_question_type_to_string (XfQuestionType type)
{
  g_return_val_if_fail (type < XF_QUESTION_N_TYPES, NULL);

  return types[type].name;
}

/**
 * xf_question_type_from_string:
 * @text: a type's name ("single"), its Chinese name (单选, also 单选题,
 *   单项选择题, 多项选择题, 判断题, 填空题, 简答题) or a common English one
 *   ("multichoice", "truefalse", "shortanswer", "essay")
 *
 * Returns: whether @text names a type
 */
gboolean
xf_question_type_from_string (const char     *text,
                              XfQuestionType *type)
{
  static const struct { const char *text; XfQuestionType type; } aliases[] = {
    { "单项选择题", XF_QUESTION_SINGLE }, { "单项选择", XF_QUESTION_SINGLE }, { "单选题", XF_QUESTION_SINGLE },
    { "多项选择题", XF_QUESTION_MULTIPLE }, { "多项选择", XF_QUESTION_MULTIPLE }, { "多选题", XF_QUESTION_MULTIPLE },
    { "不定项选择题", XF_QUESTION_MULTIPLE }, { "不定项选择", XF_QUESTION_MULTIPLE },
    { "判断题", XF_QUESTION_TRUE_FALSE }, { "是非题", XF_QUESTION_TRUE_FALSE },
    { "填空题", XF_QUESTION_FILL }, { "简答题", XF_QUESTION_ESSAY }, { "问答题", XF_QUESTION_ESSAY },
    { "论述题", XF_QUESTION_ESSAY },
    { "single-choice", XF_QUESTION_SINGLE }, { "multiple-choice", XF_QUESTION_MULTIPLE },
    { "true-false", XF_QUESTION_TRUE_FALSE }, { "true/false", XF_QUESTION_TRUE_FALSE },
    { "shortanswer", XF_QUESTION_FILL }, { "short-answer", XF_QUESTION_FILL },
  };
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (type != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_ascii_strdown (text, -1));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (stripped, types[i].name) || g_str_equal (stripped, types[i].chinese))
      {
        *type = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (stripped, aliases[i].text))
      {
        *type = aliases[i].type;
        return TRUE;
      }

  return FALSE;
}

/**
 * xf_question_type_to_label:
 *
 * Returns: the translated name (单选, 多选, 判断, 填空, 简答 in Chinese)
 */
const char *
xf_question_type_to_label (XfQuestionType type)
{
  g_return_val_if_fail (type < XF_QUESTION_N_TYPES, NULL);

  return _(types[type].label);
}

/* Decodes the character at @p when it is a well-formed three-byte sequence
 * (every CJK character and most CJK punctuation), without a call into
 * GLib; 0 otherwise. */
static inline gunichar
get_three_byte_char (const char *p)
{
  const guchar *u = (const guchar *)p;

  if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
    return 0;
  return ((gunichar)(u[0] & 0x0F) << 12) | ((gunichar)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
}

/* Appends @text normalised to @out (see xf_question_normalize_text()). */
void
xf_question_normalize_append (GString    *out,
                              const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  gsize start = out->len;
  const char *run = text;   /* bytes from here to p stay as they are */
  const char *p = text;

  /* Most text is ASCII, CJK ideographs and punctuation and full-width
   * forms, which normalise without the Unicode tables. What normalising
   * leaves alone is copied a run at a time: a stem is mostly such runs. */
  while (*p != '\0')
    {
      guchar b = (guchar)*p;
      const char *next;
      gunichar c;

      if (b < 0x80)
        {
          if (!g_ascii_isspace (b) && !g_ascii_isupper (b))
            {
              p++;
              continue;
            }
          g_string_append_len (out, run, p - run);
          if (!g_ascii_isspace (b))
            g_string_append_c (out, g_ascii_tolower (b));
          run = ++p;
          continue;
        }
      c = get_three_byte_char (p);
      if (c != 0)
        next = p + 3;
      else
        {
          c = g_utf8_get_char (p);
          next = g_utf8_next_char (p);
        }
      if (xf_question_char_is_stable (c))
        {
          p = next;
          continue;
        }
      g_string_append_len (out, run, p - run);
      if (c >= 0xFF01 && c <= 0xFF5E)
        {
          c -= 0xFEE0;  /* full-width ASCII */
          if (!g_ascii_isspace (c))
            g_string_append_c (out, g_ascii_tolower ((char)c));
        }
      else if (c != 0x3000 && c != 0x200B && c != 0xFEFF)
        goto slow;
      run = p = next;
    }
  g_string_append_len (out, run, p - run);
  return;

slow:
  g_string_truncate (out, start);
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    return;
  folded = g_utf8_casefold (nfkc, -1);
  for (const char *f = folded; *f != '\0'; f = g_utf8_next_char (f))
    {
      gunichar c = g_utf8_get_char (f);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (out, c);
    }
}

/**
 * xf_question_normalize_text:
 * @text: an answer or a stem
 *
 * Makes the form that answers are compared in: compatibility-decomposed and
 * recomposed (full-width letters, digits and punctuation become half-width),
 * case-folded, with every white space removed (U+3000 included).
 *
 * Returns: (transfer full): the normalised text
 */
char *
xf_question_normalize_text (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  xf_question_normalize_append (out, text);
  return g_string_free (out, FALSE);
}

/**
 * xf_question_char_is_stable:
 *
 * Returns: whether normalising leaves @c as it is: CJK ideographs and most
 *   CJK punctuation (a test checks each against the Unicode tables)
 */
gboolean
xf_question_char_is_stable (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x3001 && c <= 0x3035) || c == 0x3037 || (c >= 0x303B && c <= 0x303F) ||
         c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
         c == 0x00B7 || c == 0x00D7 || c == 0x2236 || c == 0x25CB;
}

/**
 * xf_question_parse_true_false:
 * @text: how a true/false answer is written: 对/错, 正确/错误, √/×, ✓/✗,
 *   T/F, TRUE/FALSE, 是/否, Y/N (any case, full or half width)
 *
 * Returns: whether @text is one of them
 */
gboolean
xf_question_parse_true_false (const char *text,
                              gboolean   *value)
{
  static const char * const yes[] = {
    "t", "true", "对", "正确", "√", "✓", "✔", "是", "y", "yes", "v", "○",
  };
  static const char * const no[] = {
    "f", "false", "错", "错误", "×", "✗", "✘", "否", "n", "no", "x", "╳",
  };
  g_autofree char *norm = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  norm = xf_question_normalize_text (text);
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (norm, yes[i]))
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (norm, no[i]))
      {
        *value = FALSE;
        return TRUE;
      }

  return FALSE;
}
