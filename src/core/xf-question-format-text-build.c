/* xf-question-format-text-build.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question-format-text-private.h"

/* The second half of the plain-text reader: turning the parts collected
 * of a question into an XfQuestion once the answer key (which may come at
 * the end of the file) is known. */

#define MAX_BRACKET 48  /* bytes inside a bracket that may hold an answer or a score */

/* Text as people typed it: each line without surrounding spaces, blank
 * lines dropped, lines joined by @join. */
static char *
clean_text (const char *text,
            const char *join)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      const char *start = p;
      const char *end = eol != NULL ? eol : p + strlen (p);

      while (start < end && xf_text_is_blank_char (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && xf_text_is_blank_char (g_utf8_get_char (g_utf8_find_prev_char (start, end))))
        end = g_utf8_find_prev_char (start, end);
      if (end > start)
        {
          if (out->len > 0)
            g_string_append (out, join);
          g_string_append_len (out, start, end - start);
        }
      p = eol != NULL ? eol + 1 : end;
      if (eol == NULL)
        break;
    }
  return g_string_free (out, FALSE);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

XfTextPending *
xf_text_pending_new (guint line,
                     guint number,
                     int   section)
{
  XfTextPending *pending = g_new0 (XfTextPending, 1);

  pending->line = line;
  pending->number = number;
  pending->section = section;
  pending->stem = g_string_new (NULL);
  pending->options = g_ptr_array_new_with_free_func (string_free);
  return pending;
}

void
xf_text_pending_free (XfTextPending *pending)
{
  if (pending == NULL)
    return;
  g_string_free (pending->stem, TRUE);
  g_ptr_array_unref (pending->options);
  if (pending->answer != NULL)
    g_string_free (pending->answer, TRUE);
  if (pending->explanation != NULL)
    g_string_free (pending->explanation, TRUE);
  if (pending->keypoint != NULL)
    g_string_free (pending->keypoint, TRUE);
  if (pending->basis != NULL)
    g_string_free (pending->basis, TRUE);
  if (pending->difficulty != NULL)
    g_string_free (pending->difficulty, TRUE);
  if (pending->key != NULL)
    g_string_free (pending->key, TRUE);
  if (pending->key_explanation != NULL)
    g_string_free (pending->key_explanation, TRUE);
  g_free (pending->error);
  g_free (pending);
}

/**
 * xf_text_pending_set_error:
 *
 * Notes what is wrong with the question; the first thing found is what
 * the problem will say.
 */
void
xf_text_pending_set_error (XfTextPending *pending,
                           const char    *format,
                           ...)
{
  va_list args;

  if (pending->error != NULL)
    return;
  va_start (args, format);
  pending->error = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Drops what people put before an answer: "：", "】:答案:", "正确答案：". */
static const char *
skip_answer_prefix (const char *p)
{
  static const char * const prefixes[] = {
    "正确答案", "参考答案", "标准答案", "答案", "】", "：", ":", NULL
  };
  const char *end = p + strlen (p);
  gsize n;

  for (;;)
    {
      p += xf_text_blanks_at (p, end);
      if ((n = xf_text_match_any (p, end, prefixes)) == 0)
        return p;
      p += n;
    }
}

/* The answer written at the start of a key entry ("B【解析】…", "对。因为…")
 * and the rest, which explains it. */
static char *
split_key (const char  *key,
           gboolean     letters,
           gboolean     true_false,
           const char **rest)
{
  static const char * const opens[] = { "（", "(", NULL };
  static const char * const closes[] = { "）", ")", NULL };
  static const char * const after[] = { "。", "；", ";", "，", ",", "．", ".", "、", NULL };
  const char *end = key + strlen (key);
  const char *p = skip_answer_prefix (key);
  gsize open = xf_text_match_any (p, end, opens);
  gsize n = xf_text_match_answer_token (p + open, end, letters, true_false);
  char *token;
  const char *q;

  if (n == 0)
    {
      *rest = NULL;
      return NULL;
    }
  token = g_strndup (p + open, n);
  q = p + open + n;
  if (open > 0)
    q += xf_text_match_any (q, end, closes);
  for (;;)
    {
      gsize m = xf_text_blanks_at (q, end);

      m += xf_text_match_any (q + m, end, after);
      if (m == 0)
        break;
      q += m;
    }
  *rest = q;
  return token;
}

/* A blank to fill in: ____ or an empty bracket. */
static gboolean
has_blank (const char *stem)
{
  static const char * const opens[] = { "（", "(", NULL };
  static const char * const closes[] = { "）", ")", NULL };
  const char *end = stem + strlen (stem);

  if (strstr (stem, "__") != NULL || strstr (stem, "＿") != NULL)
    return TRUE;
  for (const char *p = stem; p < end; p = g_utf8_next_char (p))
    {
      gsize n = xf_text_match_any (p, end, opens);

      if (n > 0 && xf_text_match_any (p + n + xf_text_blanks_at (p + n, end), end, closes) > 0)
        return TRUE;
    }
  return FALSE;
}

/* Takes a score written at the end of a stem, "（2分）", off it. */
static double
take_stem_score (GString *stem)
{
  static const char * const opens[] = { "（", "(", NULL };
  const char *end = stem->str + stem->len;
  const char *close;
  double value;

  if (g_str_has_suffix (stem->str, "）"))
    close = end - strlen ("）");
  else if (g_str_has_suffix (stem->str, ")"))
    close = end - 1;
  else
    return -1;
  for (const char *p = close; p > stem->str && close - p <= MAX_BRACKET; )
    {
      gsize n;
      const char *q;

      p = g_utf8_find_prev_char (stem->str, p);
      if (p == NULL)
        break;
      if ((n = xf_text_match_any (p, end, opens)) == 0)
        continue;
      q = p + n;
      q += xf_text_blanks_at (q, close);
      if (!xf_text_read_number (&q, close, &value) || value > 1000)
        return -1;
      q += xf_text_blanks_at (q, close);
      if (!g_str_has_prefix (q, "分"))
        return -1;
      q += strlen ("分");
      if (q + xf_text_blanks_at (q, close) != close)
        return -1;
      g_string_truncate (stem, p - stem->str);
      while (stem->len > 0)
        {
          const char *last = g_utf8_find_prev_char (stem->str, stem->str + stem->len);

          if (!xf_text_is_blank_char (g_utf8_get_char (last)))
            break;
          g_string_truncate (stem, last - stem->str);
        }
      return value;
    }
  return -1;
}

static gboolean
bracket_holds (const char *content,
               gsize       len,
               gboolean    letters)
{
  g_autofree char *copy = g_strndup (content, len);
  g_autofree char *parsed = NULL;
  gboolean value;

  if (letters)
    return (parsed = xf_text_parse_letters (copy)) != NULL;
  return xf_text_parse_true_false (copy, &value);
}

/* Finds the answer written in a bracket of the stem, "（B）" or "( √ )",
 * and leaves the bracket empty. A true/false answer counts only at the end
 * of the stem. */
static char *
take_stem_answer (GString *stem,
                  gboolean letters,
                  gboolean true_false)
{
  static const char * const opens[] = { "（", "(", NULL };
  static const char * const closes[] = { "）", ")", NULL };
  static const char * const tails[] = { "。", ".", "？", "?", "！", "!", "；", ";", NULL };
  const char *end = stem->str + stem->len;
  const char *found = NULL;
  const char *found_end = NULL;
  const char *content = NULL;
  gsize content_len = 0;
  char *answer;

  for (const char *p = stem->str; p < end; p = g_utf8_next_char (p))
    {
      gsize n = xf_text_match_any (p, end, opens);
      const char *q;

      if (n == 0)
        continue;
      for (q = p + n; q < end && q - p <= MAX_BRACKET; q = g_utf8_next_char (q))
        {
          gsize c = xf_text_match_any (q, end, closes);
          const char *tail;

          if (xf_text_match_any (q, end, opens) > 0)
            break;
          if (c == 0)
            continue;
          if (!xf_text_bracket_holds_answer (p + n, q - p - n))
            break;
          tail = q + c;
          while (tail < end)
            {
              gsize m = xf_text_blanks_at (tail, end);

              m += xf_text_match_any (tail + m, end, tails);

              if (m == 0)
                break;
              tail += m;
            }
          if ((letters && bracket_holds (p + n, q - p - n, TRUE)) ||
              (true_false && tail == end && bracket_holds (p + n, q - p - n, FALSE)))
            {
              found = p;
              found_end = q + c;
              content = p + n;
              content_len = q - p - n;
            }
          break;
        }
    }
  if (found == NULL)
    return NULL;
  answer = g_strndup (content, content_len);
  g_string_erase (stem, found - stem->str, found_end - found);
  g_string_insert (stem, found - stem->str, "（  ）");
  return answer;
}

/* Fill-in answers: several accepted ones separated by ；, | or 或 (not 或者). */
static void
add_accepted (XfQuestion *question,
              const char *text)
{
  static const char * const separators[] = { "；", ";", "｜", "|", "\n", NULL };
  const char *end = text + strlen (text);
  const char *start = text;

  for (const char *p = text; p <= end; )
    {
      gsize n = p < end ? xf_text_match_any (p, end, separators) : 1;

      if (n == 0 && g_str_has_prefix (p, "或") && !g_str_has_prefix (p, "或者"))
        n = strlen ("或");
      if (n == 0)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      {
        g_autofree char *raw = g_strndup (start, p - start);
        g_autofree char *one = clean_text (raw, "");

        if (*one != '\0')
          xf_question_add_accepted (question, one);
      }
      p += n;
      start = p;
    }
}

/* 【难度】3, 难度：较难, ★★★ */
static guint
parse_difficulty (const char *text)
{
  static const struct { const char *word; guint value; } words[] = {
    { "较易", 2 }, { "容易", 1 }, { "简单", 1 }, { "易", 1 }, { "中等", 3 }, { "一般", 3 },
    { "中", 3 }, { "较难", 4 }, { "困难", 5 }, { "难", 5 },
  };
  g_autofree char *clean = clean_text (skip_answer_prefix (text), "");
  guint stars = 0;

  if (clean[0] >= '1' && clean[0] <= '5' && !g_ascii_isdigit (clean[1]))
    return clean[0] - '0';
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (clean, words[i].word))
      return words[i].value;
  for (const char *p = clean; g_str_has_prefix (p, "★"); p += strlen ("★"))
    stars++;
  return stars >= 1 && stars <= 5 ? stars : 0;
}

static void
append_paragraph (GString    *out,
                  const char *text)
{
  g_autofree char *clean = clean_text (text, "\n");

  if (*clean == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, clean);
}

static void
add_no_answer (XfQuestionParse *parse,
               XfTextPending   *pending,
               const char      *stem)
{
  xf_question_parse_add_problem (parse, pending->line, stem,
                                 _("No answer was found: none in a bracket of the question, "
                                   "after 答案 or in an answer key"));
}

/* An answer the question gives: in the key, after 答案： or in a bracket
 * of its stem. */
typedef struct
{
  const char *text;   /* as written */
  char       *value;  /* as understood: letters, "T"/"F" */
} Answer;

/* The answers given must agree: @value is set to the answer, or a problem
 * is added and %FALSE returned. */
static gboolean
agree (XfQuestionParse *parse,
       XfTextPending   *pending,
       const char      *stem,
       Answer          *answers,
       guint            n,
       const char     **value)
{
  *value = NULL;
  for (guint i = 0; i < n; i++)
    {
      if (answers[i].value == NULL)
        continue;
      if (*value != NULL && !g_str_equal (*value, answers[i].value))
        {
          xf_question_parse_add_problem (parse, pending->line, stem,
                                         _("The question gives two different answers: %s and %s"),
                                         *value, answers[i].value);
          return FALSE;
        }
      *value = answers[i].value;
    }
  return TRUE;
}

static char *
sorted_letters (const char *letters)
{
  char *copy = g_strdup (letters);
  gsize n = strlen (copy);

  /* At most eight letters: a simple insertion sort */
  for (gsize i = 1; i < n; i++)
    for (gsize j = i; j > 0 && copy[j - 1] > copy[j]; j--)
      {
        char c = copy[j];

        copy[j] = copy[j - 1];
        copy[j - 1] = c;
      }
  return copy;
}

/**
 * xf_text_pending_finish:
 *
 * Makes the question of what was collected, or a problem saying why it
 * cannot be one, and frees nothing.
 */
void
xf_text_pending_finish (XfQuestionParse *parse,
                        XfTextPending   *pending,
                        GArray          *sections)
{
  XfTextSection *section = NULL;
  XfTextSectionKind kind = XF_TEXT_SECTION_ANY;
  g_autofree char *stem_text = clean_text (pending->stem->str, "\n");
  g_autofree char *inline_answer = NULL;
  g_autofree char *key = NULL;
  g_autofree char *bracket = NULL;
  g_autoptr(GString) stem = g_string_new (stem_text);
  g_autoptr(GString) explanation = g_string_new (NULL);
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(XfQuestion) question = NULL;
  Answer answers[3] = { { NULL, NULL }, { NULL, NULL }, { NULL, NULL } };
  const char *value = NULL;
  XfQuestionType type;
  double score;
  guint n_options = pending->options->len;

  if (pending->section >= 0)
    {
      section = &g_array_index (sections, XfTextSection, pending->section);
      kind = section->kind;
    }
  if (pending->error != NULL)
    {
      xf_question_parse_add_problem (parse, pending->line, stem_text, "%s", pending->error);
      return;
    }
  if (kind == XF_TEXT_SECTION_UNSUPPORTED)
    {
      xf_question_parse_add_problem (parse, pending->line, stem_text,
                                     _("The section holds %s, which cannot be imported"), section->name);
      return;
    }
  if (*stem_text == '\0')
    {
      xf_question_parse_add_problem (parse, pending->line, NULL, _("Question %u has no text"), pending->number);
      return;
    }

  for (guint i = 0; i < n_options; i++)
    {
      GString *raw = g_ptr_array_index (pending->options, i);
      char *option = clean_text (raw->str, "");
      gsize len = strlen (option);

      while (len > 0 && (option[len - 1] == ';' || option[len - 1] == ','))
        option[--len] = '\0';
      while (g_str_has_suffix (option, "；") || g_str_has_suffix (option, "，"))
        option[strlen (option) - strlen ("；")] = '\0';
      g_ptr_array_add (options, option);
    }
  g_ptr_array_add (options, NULL);

  score = take_stem_score (stem);
  if (pending->answer != NULL)
    inline_answer = clean_text (skip_answer_prefix (pending->answer->str), "\n");
  if (pending->keyed)
    key = clean_text (skip_answer_prefix (pending->key->str), "\n");
  if (kind != XF_TEXT_SECTION_FILL && kind != XF_TEXT_SECTION_ESSAY)
    bracket = take_stem_answer (stem,
                                n_options >= 2 || kind == XF_TEXT_SECTION_SINGLE ||
                                  kind == XF_TEXT_SECTION_MULTIPLE || kind == XF_TEXT_SECTION_CHOICE,
                                n_options == 0 && (kind == XF_TEXT_SECTION_ANY ||
                                                   kind == XF_TEXT_SECTION_TRUE_FALSE));
  answers[0].text = key != NULL && *key != '\0' ? key : NULL;
  answers[1].text = inline_answer != NULL && *inline_answer != '\0' ? inline_answer : NULL;
  answers[2].text = bracket;

  switch (kind)
    {
    case XF_TEXT_SECTION_SINGLE:
    case XF_TEXT_SECTION_MULTIPLE:
    case XF_TEXT_SECTION_CHOICE:
      type = XF_QUESTION_SINGLE;
      break;
    case XF_TEXT_SECTION_TRUE_FALSE:
      type = XF_QUESTION_TRUE_FALSE;
      break;
    case XF_TEXT_SECTION_FILL:
      type = XF_QUESTION_FILL;
      break;
    case XF_TEXT_SECTION_ESSAY:
      type = XF_QUESTION_ESSAY;
      break;
    case XF_TEXT_SECTION_ANY:
    case XF_TEXT_SECTION_UNSUPPORTED:
    default:
      {
        const char *first = answers[0].text != NULL ? answers[0].text :
                            answers[1].text != NULL ? answers[1].text : answers[2].text;
        const char *rest;
        g_autofree char *tf = NULL;
        g_autofree char *letters = NULL;

        if (n_options > 0)
          type = XF_QUESTION_SINGLE;
        else if (first == NULL)
          {
            add_no_answer (parse, pending, stem_text);
            return;
          }
        else if ((tf = split_key (first, FALSE, TRUE, &rest)) != NULL)
          type = XF_QUESTION_TRUE_FALSE;
        else if (has_blank (stem->str))
          type = XF_QUESTION_FILL;
        else if ((letters = xf_text_parse_letters (first)) != NULL)
          type = XF_QUESTION_SINGLE;
        else
          type = XF_QUESTION_ESSAY;
      }
      break;
    }

  if (pending->explanation != NULL)
    append_paragraph (explanation, pending->explanation->str);
  if (pending->key_explanation != NULL)
    append_paragraph (explanation, pending->key_explanation->str);

  question = xf_question_new (type);
  switch (type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      if (n_options == 0)
        {
          xf_question_parse_add_problem (parse, pending->line, stem_text,
                                         _("The options of this choice question are missing"));
          goto out;
        }
      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        {
          const char *rest = NULL;
          g_autofree char *token = NULL;

          if (answers[i].text == NULL)
            continue;
          token = split_key (answers[i].text, TRUE, FALSE, &rest);
          if (token == NULL)
            {
              xf_question_parse_add_problem (parse, pending->line, stem_text,
                                             _("The answer “%s” does not name options by their letters"),
                                             answers[i].text);
              goto out;
            }
          {
            g_autofree char *letters = xf_text_parse_letters (token);

            answers[i].value = sorted_letters (letters != NULL ? letters : token);
          }
          if (rest != NULL && i < 2)
            append_paragraph (explanation, rest);
        }
      if (!agree (parse, pending, stem_text, answers, G_N_ELEMENTS (answers), &value))
        goto out;
      if (value == NULL)
        {
          add_no_answer (parse, pending, stem_text);
          goto out;
        }
      if (kind == XF_TEXT_SECTION_MULTIPLE || (kind != XF_TEXT_SECTION_SINGLE && strlen (value) > 1))
        xf_question_set_question_type (question, XF_QUESTION_MULTIPLE);
      xf_question_set_options (question, (const char * const *)options->pdata);
      xf_question_set_answer (question, value);
      break;

    case XF_QUESTION_TRUE_FALSE:
      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        {
          const char *rest = NULL;
          g_autofree char *token = NULL;
          gboolean truth;

          if (answers[i].text == NULL)
            continue;
          gboolean ok = FALSE;

          /* 判断题 written as a choice: A.正确 B.错误 */
          token = split_key (answers[i].text, n_options >= 2, TRUE, &rest);
          if (token != NULL && n_options >= 2)
            {
              g_autofree char *letters = xf_text_parse_letters (token);

              ok = letters != NULL && strlen (letters) == 1 && (guint)(letters[0] - 'A') < n_options &&
                   xf_text_parse_true_false (g_ptr_array_index (options, letters[0] - 'A'), &truth);
            }
          if (token != NULL && !ok)
            ok = xf_text_parse_true_false (token, &truth);
          if (!ok)
            g_clear_pointer (&token, g_free);
          if (token == NULL)
            {
              xf_question_parse_add_problem (parse, pending->line, stem_text,
                                             _("“%s” is neither true nor false (对/错, √/×, T/F)"),
                                             answers[i].text);
              goto out;
            }
          answers[i].value = g_strdup (truth ? "T" : "F");
          if (rest != NULL && i < 2)
            append_paragraph (explanation, rest);
        }
      if (!agree (parse, pending, stem_text, answers, G_N_ELEMENTS (answers), &value))
        goto out;
      if (value == NULL)
        {
          add_no_answer (parse, pending, stem_text);
          goto out;
        }
      xf_question_set_answer (question, value);
      break;

    case XF_QUESTION_FILL:
      if (answers[0].text == NULL && answers[1].text == NULL)
        {
          add_no_answer (parse, pending, stem_text);
          goto out;
        }
      add_accepted (question, answers[0].text != NULL ? answers[0].text : answers[1].text);
      break;

    case XF_QUESTION_ESSAY:
    default:
      if (answers[0].text != NULL || answers[1].text != NULL)
        xf_question_set_answer (question, answers[0].text != NULL ? answers[0].text : answers[1].text);
      else
        xf_question_parse_add_notice (parse, pending->line, stem_text,
                                      _("The essay question has no reference answer"));
      break;
    }

  if (pending->basis != NULL)
    {
      g_autofree char *basis = clean_text (pending->basis->str, "");

      xf_question_add_links_from_text (question, basis);
      if (xf_question_get_n_links (question) == 0)
        append_paragraph (explanation, basis);
    }
  if (pending->keypoint != NULL)
    {
      g_auto(GStrv) points = NULL;
      g_autofree char *keypoint = clean_text (pending->keypoint->str, "；");

      points = g_strsplit_set (keypoint, ";|", -1);
      for (guint i = 0; points[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (points[i], "；", -1);

          for (guint j = 0; parts[j] != NULL; j++)
            xf_question_add_tag (question, parts[j]);
        }
    }
  if (pending->difficulty != NULL)
    {
      guint difficulty = parse_difficulty (pending->difficulty->str);

      if (difficulty > 0)
        xf_question_set_difficulty (question, difficulty);
    }
  if (score < 0 && section != NULL)
    score = section->score;
  if (score >= 0)
    xf_question_set_score (question, score);
  xf_question_set_stem (question, stem->str);
  xf_question_set_explanation (question, explanation->str);
  xf_question_set_line (question, pending->line);
  xf_question_parse_add (parse, g_steal_pointer (&question));

out:
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_free (answers[i].value);
}
