/* xf-question-format-text.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question-format-text-private.h"

/* Chinese plain-text question papers (DESIGN.md §8), as people paste them
 * from PDF or Word: numbered questions (1、 2. 3． （4） 第5题), options
 * A–H one to a line or run together (A.警告B.罚款, or A警告B罚款 without
 * marks), answers in the stem's bracket, on an 答案： line, in 【答案】, or
 * in an answer key at the end (参考答案及解析 1.B 2.C 3.ABD), under section
 * headers that give the type and the score (一、单选题（每题1分）).
 *
 * One pass over the text finds where each part begins and collects the
 * raw text of each question; xf_text_pending_finish() then makes sense of
 * it. A mark in the middle of a line only counts where the reading so far
 * expects it (the next option's letter, the next question's number), so
 * that letters and numbers inside the text stay text. Looking ahead for
 * what confirms a mark goes through memos that only ever move forward, so
 * that even one very long line is read in linear time. */

static const char * const opens[] = { "（", "(", NULL };
static const char * const closes[] = { "）", ")", NULL };
static const char * const option_marks[] = { "．", "、", "：", ".", ":", NULL };
static const char * const option_marks_line_start[] = { "．", "、", "：", "）", ".", ":", ")", NULL };

void
xf_text_scanner_flush (XfTextScanner *s,
                       const char    *upto)
{
  if (s->target != NULL && upto > s->run)
    g_string_append_len (s->target, s->run, upto - s->run);
  if (upto > s->run)
    s->run = upto;
}

/* Ends the text before @mark and sends what follows @after to @target. */
void
xf_text_scanner_switch_field (XfTextScanner *s,
                              const char    *mark,
                              const char    *after,
                              XfTextField    field,
                              GString       *target)
{
  xf_text_scanner_flush (s, mark);
  s->field = field;
  s->target = target;
  s->run = after;
  s->p = after;
}

void
xf_text_scanner_start_question (XfTextScanner      *s,
                                const XfTextMarker *m)
{
  XfTextPending *pending = xf_text_pending_new (s->line, m->number, s->section);

  g_ptr_array_add (s->questions, pending);
  xf_text_scanner_flush (s, s->p);
  s->q = pending;
  s->last_number = m->number;
  s->style = m->style;
  s->enum_last = 0;
  xf_text_scanner_switch_field (s, s->p, m->after, XF_TEXT_FIELD_STEM, pending->stem);
}

/* Done with the question being read: it can now wait for its key. */
void
xf_text_scanner_end_question (XfTextScanner *s,
                              const char    *at)
{
  XfTextPending *pending = s->q;

  xf_text_scanner_flush (s, at);
  s->q = NULL;
  s->field = XF_TEXT_FIELD_NONE;
  s->target = NULL;
  if (pending != NULL)
    xf_text_scanner_queue (s, pending);
}

void
xf_text_scanner_add_section (XfTextScanner *s,
                             XfTextSection *section)
{
  g_array_append_val (s->sections, *section);
  s->section = s->sections->len - 1;
}

/* Headers: 一、单选题（每题1分）. In an answer key a header says whose
 * answers follow, unless questions follow it: see key_or_question(). */
static gboolean
try_section (XfTextScanner *s,
             gboolean       line_start)
{
  XfTextSection section = { 0, };
  gsize n = xf_text_match_section (s->p, s->end, line_start, &section);

  if (n == 0)
    return FALSE;
  section.line = s->line;
  if (s->in_block)
    {
      xf_text_scanner_flush (s, s->p);
      s->field = XF_TEXT_FIELD_NONE;
      s->target = NULL;
      s->keyed = NULL;
      xf_text_section_clear (&s->block_header);
      s->block_header = section;
      s->has_block_header = TRUE;
      s->run = s->p = s->p + n;
      return TRUE;
    }
  xf_text_scanner_end_question (s, s->p);
  xf_text_scanner_add_section (s, &section);
  s->run = s->p = s->p + n;
  return TRUE;
}

/* The stem read so far ends with a bracket holding an answer, maybe
 * followed by a full stop: "…（√）" (run-on true/false questions). */
static gboolean
stem_ends_with_answer (XfTextScanner *s)
{
  const char *close = s->p;

  for (guint i = 0; i < 8 && close > s->text; i++)
    {
      const char *r = g_utf8_find_prev_char (s->text, close);
      gunichar c = g_utf8_get_char (r);

      if (!(xf_text_is_blank_char (c) || c == '.' || c == ';' ||
            c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */))
        break;
      close = r;
    }
  close = close > s->text ? g_utf8_find_prev_char (s->text, close) : NULL;
  if (close == NULL || xf_text_match_any (close, s->end, closes) == 0)
    return FALSE;
  for (const char *r = close; r > s->text && close - r < 48; )
    {
      gsize n;

      r = g_utf8_find_prev_char (s->text, r);
      if (*r == '\n')
        break;
      if ((n = xf_text_match_any (r, s->end, opens)) > 0)
        return xf_text_bracket_holds_answer (r + n, close - r - n);
    }
  return FALSE;
}

/* What follows a number in the middle of a line, up to the end of the
 * line, has what a question has: an option A, an answer. */
static gboolean
reads_as_question (XfTextScanner *s,
                   const char    *from)
{
  const char *eol = xf_text_memo_find (s, XF_TEXT_MEMO_NEWLINE, from);

  return xf_text_memo_find (s, XF_TEXT_MEMO_DELIMITED, from) < eol ||
         xf_text_memo_find (s, XF_TEXT_MEMO_UNDELIMITED, from) < eol ||
         xf_text_memo_find (s, XF_TEXT_MEMO_ANSWER_MARK, from) < eol ||
         xf_text_memo_find (s, XF_TEXT_MEMO_ANSWER_BRACKET, from) < eol;
}

/* What follows a numbered line, up to the next numbered line, has an
 * option A or an answer: a question, not a point of a list. */
static gboolean
reads_as_question_lines (XfTextScanner *s,
                         const char    *from)
{
  const char *next = xf_text_memo_find (s, XF_TEXT_MEMO_NUMBERED_LINE, from);

  return xf_text_memo_find (s, XF_TEXT_MEMO_ANSWER_MARK, from) < next ||
         xf_text_memo_find (s, XF_TEXT_MEMO_DELIMITED, from) < next;
}

/* The answer read so far is a letter or a true/false mark, nothing more. */
static gboolean
short_answer (XfTextScanner *s)
{
  const char *p;
  const char *end;
  gsize n;

  xf_text_scanner_flush (s, s->p);
  if (s->target == NULL || s->target->len > 64)
    return FALSE;
  p = s->target->str;
  end = p + s->target->len;
  while (p < end && (xf_text_is_blank_char (g_utf8_get_char (p)) || *p == '\n' || *p == ':' ||
                     g_str_has_prefix (p, "：") || g_str_has_prefix (p, "答案") ||
                     g_str_has_prefix (p, "】")))
    p = g_utf8_next_char (p);
  n = xf_text_match_answer_token (p, end, TRUE, TRUE);
  if (n == 0)
    return FALSE;
  for (p += n; p < end; p = g_utf8_next_char (p))
    if (!(xf_text_is_blank_char (g_utf8_get_char (p)) || *p == '\n' || g_str_has_prefix (p, "。")))
      return FALSE;
  return TRUE;
}

/* A number in the middle of a line starts the next question only in
 * text pasted run-on: after the options, the answer or the explanation of
 * the question before, and when what follows reads as a question. */
static gboolean
starts_question_mid_line (XfTextScanner      *s,
                          const XfTextMarker *m)
{
  gunichar before = xf_text_char_before (s->text, s->p);

  if (m->style != XF_TEXT_STYLE_DIGITS || xf_text_is_ascii_alnum (before) || xf_text_is_wide_alnum (before) ||
      before == '.' || before == 0xFF0E || g_unichar_isdigit (before) || before == 0x7B2C /* 第 */)
    return FALSE;
  if (!(m->number == s->last_number + 1 || (s->q == NULL && m->number == 1)))
    return FALSE;
  switch (s->field)
    {
    case XF_TEXT_FIELD_STEM:
      return stem_ends_with_answer (s);
    case XF_TEXT_FIELD_OPTION:
      return s->q->options->len >= 2 && reads_as_question (s, m->after);
    default:
      return reads_as_question (s, m->after);
    }
}

/* A number at the start of a line starts a question, unless it is a point
 * in the text of the question being read: （1） under a case, 1. 2. in a
 * reference answer or an explanation. */
static gboolean
starts_question_at_line_start (XfTextScanner      *s,
                               const XfTextMarker *m)
{
  gboolean same = m->style == s->style;

  if (s->q == NULL)
    return TRUE;
  switch (s->field)
    {
    case XF_TEXT_FIELD_STEM:
      return same && m->number > s->last_number;
    case XF_TEXT_FIELD_OPTION:
      return same || m->number == s->last_number + 1;
    case XF_TEXT_FIELD_EXPLANATION:
    case XF_TEXT_FIELD_ANSWER:
      if (s->field == XF_TEXT_FIELD_EXPLANATION || !short_answer (s))
        {
          if (!same)
            return FALSE;
          if ((m->number != s->last_number + 1 || m->number == s->enum_last + 1) &&
              !reads_as_question_lines (s, m->after))
            {
              s->enum_last = m->number;
              return FALSE;
            }
          return TRUE;
        }
      /* After a short answer the question is over */
      return same || m->number == s->last_number + 1;
    default:
      return same || m->number == s->last_number + 1;
    }
}

/* A question starts where its number is, if the reading so far allows
 * one there. */
static gboolean
try_question (XfTextScanner *s,
              gboolean       line_start)
{
  XfTextMarker m;

  if (!xf_text_match_number (s->p, s->end, line_start, FALSE, &m))
    return FALSE;
  if (line_start ? !starts_question_at_line_start (s, &m) : !starts_question_mid_line (s, &m))
    return FALSE;
  xf_text_scanner_end_question (s, s->p);
  xf_text_scanner_start_question (s, &m);
  return TRUE;
}

static gboolean
ends_stem (gunichar c)
{
  return c == '\n' || xf_text_is_blank_char (c) || g_unichar_ispunct (c) || c == 0x201D || c == '"';
}

/* Options: "A." "B、" "C：" anywhere the next letter is expected, and at
 * the start of a line also "D)" "（E）" "F 文字" and letters without a
 * mark ("A警告B罚款", L4), which count only in sequence. */
static gboolean
try_option (XfTextScanner *s,
            gboolean       line_start)
{
  XfTextPending *q = s->q;
  guint expected = q->options->len;
  const char *p = s->p;
  const char *after;
  gboolean delimited = FALSE;
  gboolean spaced = FALSE;
  GString *option;
  gsize len;
  gsize n;
  int letter;

  letter = xf_text_letter_at (p, s->end, &len);
  if (letter < 0 && line_start && (n = xf_text_match_any (p, s->end, opens)) > 0)
    {
      /* （A） */
      gsize close;

      letter = xf_text_letter_at (p + n, s->end, &len);
      if (letter < 0 || (close = xf_text_match_any (p + n + len, s->end, closes)) == 0)
        return FALSE;
      after = p + n + len + close;
      delimited = TRUE;
    }
  else if (letter < 0)
    return FALSE;
  else if ((n = xf_text_match_any (p + len, s->end,
                                   line_start ? option_marks_line_start : option_marks)) > 0)
    {
      after = p + len + n;
      delimited = TRUE;
    }
  else
    {
      after = p + len;
      spaced = line_start && xf_text_blanks_at (after, s->end) > 0;
    }
  if (!delimited && !spaced && !xf_text_undelimited_at (s->text, s->end, p, letter))
    return FALSE;

  if (!line_start)
    {
      gunichar before = xf_text_char_before (s->text, p);

      if ((guint)letter != expected || xf_text_is_ascii_alnum (before) || xf_text_is_wide_alnum (before) ||
          before == '(' || before == 0xFF08)
        return FALSE;
      if (delimited && s->field == XF_TEXT_FIELD_STEM)
        {
          /* The first option in the middle of a line: "A." followed by "B."
           * before another "A." (so "A、B两公司" stays in the stem). */
          const char *b = xf_text_memo_find (s, XF_TEXT_MEMO_DELIMITED + 1, after);

          if (b == s->end || xf_text_memo_find (s, XF_TEXT_MEMO_DELIMITED, after) < b)
            return FALSE;
        }
      else if (!delimited && s->field == XF_TEXT_FIELD_STEM)
        {
          const char *eol = xf_text_memo_find (s, XF_TEXT_MEMO_NEWLINE, after);

          if (!ends_stem (before) || xf_text_memo_find (s, XF_TEXT_MEMO_UNDELIMITED + 1, after) >= eol ||
              xf_text_memo_find (s, XF_TEXT_MEMO_DELIMITED, after) < eol)
            return FALSE;
        }
      else if (!delimited && !q->undelimited)
        return FALSE;
    }
  else if (!delimited)
    {
      if ((guint)letter != expected)
        return FALSE;
      /* "A警告" at the start of a line is an option when "B…" follows */
      if (!spaced && expected == 0 &&
          xf_text_memo_find (s, XF_TEXT_MEMO_UNDELIMITED + 1, after) >=
            xf_text_memo_find (s, XF_TEXT_MEMO_NUMBERED_LINE, after))
        return FALSE;
    }
  else if ((guint)letter != expected)
    {
      if (expected >= XF_QUESTION_MAX_OPTIONS)
        xf_text_pending_set_error (q, _("The question has more than eight options (A to H)"));
      else
        xf_text_pending_set_error (q, _("Option %c comes where option %c was expected"),
                                   'A' + letter, 'A' + expected);
    }

  if (q->options->len >= 26)
    return FALSE;
  if (!delimited && !spaced)
    q->undelimited = TRUE;
  option = g_string_new (NULL);
  g_ptr_array_add (q->options, option);
  xf_text_scanner_switch_field (s, p, after, XF_TEXT_FIELD_OPTION, option);
  return TRUE;
}

/* 【答案】, 答案：, 【解析】, 解析：, 【考点】, 【依据】, 【难度】 … */
static const struct
{
  const char  *word;
  XfTextField  field;
} labels[] = {
  { "【答案解析】", XF_TEXT_FIELD_EXPLANATION }, { "【试题解析】", XF_TEXT_FIELD_EXPLANATION },
  { "【解析】", XF_TEXT_FIELD_EXPLANATION }, { "【分析】", XF_TEXT_FIELD_EXPLANATION },
  { "【详解】", XF_TEXT_FIELD_EXPLANATION }, { "【点评】", XF_TEXT_FIELD_EXPLANATION },
  { "【正确答案】", XF_TEXT_FIELD_ANSWER }, { "【参考答案】", XF_TEXT_FIELD_ANSWER },
  { "【标准答案】", XF_TEXT_FIELD_ANSWER }, { "【答案】", XF_TEXT_FIELD_ANSWER },
  { "【考点】", XF_TEXT_FIELD_KEYPOINT }, { "【知识点】", XF_TEXT_FIELD_KEYPOINT },
  { "【法律依据】", XF_TEXT_FIELD_BASIS }, { "【法条依据】", XF_TEXT_FIELD_BASIS },
  { "【依据】", XF_TEXT_FIELD_BASIS }, { "【法条】", XF_TEXT_FIELD_BASIS },
  { "【难度】", XF_TEXT_FIELD_DIFFICULTY },
  /* These need a colon after them */
  { "答案解析", XF_TEXT_FIELD_EXPLANATION }, { "试题解析", XF_TEXT_FIELD_EXPLANATION },
  { "解析", XF_TEXT_FIELD_EXPLANATION },
  { "正确答案", XF_TEXT_FIELD_ANSWER }, { "参考答案", XF_TEXT_FIELD_ANSWER },
  { "标准答案", XF_TEXT_FIELD_ANSWER },
  { "答案", XF_TEXT_FIELD_ANSWER }, { "答", XF_TEXT_FIELD_ANSWER },
  { "考点", XF_TEXT_FIELD_KEYPOINT }, { "知识点", XF_TEXT_FIELD_KEYPOINT },
  { "法律依据", XF_TEXT_FIELD_BASIS }, { "依据", XF_TEXT_FIELD_BASIS },
  { "难度", XF_TEXT_FIELD_DIFFICULTY },
};

static GString *
lazy_string (GString **string)
{
  if (*string == NULL)
    *string = g_string_new (NULL);
  return *string;
}

static gboolean
try_label (XfTextScanner *s,
           gboolean       line_start)
{
  XfTextPending *q = s->q;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *word = labels[i].word;
      gsize n = strlen (word);
      const char *after;
      GString *target;

      if ((gsize)(s->end - s->p) < n || memcmp (s->p, word, n) != 0)
        continue;
      after = s->p + n;
      if (!g_str_has_prefix (word, "【"))
        {
          gsize colon = xf_text_match_colon (after + xf_text_blanks_at (after, s->end), s->end);

          if (colon == 0)
            continue;
          /* In the middle of a line a bare word is a label only where it
           * can follow: the answer after the stem or the options, the
           * explanation after the options or the answer. 答： only starts a
           * line. */
          if (!line_start &&
              (g_str_equal (word, "答") || s->field == XF_TEXT_FIELD_EXPLANATION ||
               (s->field == XF_TEXT_FIELD_STEM && labels[i].field != XF_TEXT_FIELD_ANSWER) ||
               (s->field == XF_TEXT_FIELD_OPTION && labels[i].field != XF_TEXT_FIELD_ANSWER &&
                labels[i].field != XF_TEXT_FIELD_EXPLANATION)))
            return FALSE;
          after += xf_text_blanks_at (after, s->end) + colon;
        }
      switch (labels[i].field)
        {
        case XF_TEXT_FIELD_ANSWER:
          q->has_answer = TRUE;
          target = lazy_string (&q->answer);
          break;
        case XF_TEXT_FIELD_EXPLANATION:
          target = lazy_string (&q->explanation);
          break;
        case XF_TEXT_FIELD_KEYPOINT:
          target = lazy_string (&q->keypoint);
          g_string_append_c (target, '\n');
          break;
        case XF_TEXT_FIELD_BASIS:
          target = lazy_string (&q->basis);
          break;
        case XF_TEXT_FIELD_DIFFICULTY:
        default:
          target = lazy_string (&q->difficulty);
          break;
        }
      if (target->len > 0 && labels[i].field == XF_TEXT_FIELD_EXPLANATION)
        g_string_append_c (target, '\n');
      xf_text_scanner_switch_field (s, s->p, after, labels[i].field, target);
      return TRUE;
    }
  return FALSE;
}

static gboolean
at_line_start (XfTextScanner *s)
{
  if (s->in_block)
    {
      return try_section (s, TRUE) || xf_text_scanner_try_key (s, TRUE) ||
             xf_text_scanner_try_key_explanation (s) || xf_text_scanner_skip_block_title (s);
    }
  if (try_section (s, TRUE) || xf_text_scanner_try_block_title (s) || try_question (s, TRUE))
    return TRUE;
  if (s->q == NULL)
    return FALSE;
  if ((s->field == XF_TEXT_FIELD_STEM || s->field == XF_TEXT_FIELD_OPTION) && try_option (s, TRUE))
    return TRUE;
  return try_label (s, TRUE);
}

/* What a mark in the middle of a line can start with, to try only the
 * marks that can match here. */
typedef enum
{
  START_NONE,
  START_DIGIT,    /* a question's number */
  START_LETTER,   /* an option */
  START_LABEL,    /* 【答案】, 答案：, 解析： … */
  START_SECTION,  /* 二、多选题, 第二部分, （三） */
} Start;

static Start
start_at (const char *p,
          const char *end)
{
  gunichar c;

  if ((guchar)*p < 0x80)
    return g_ascii_isdigit (*p) ? START_DIGIT : *p >= 'A' && *p <= 'H' ? START_LETTER :
           *p == '(' ? START_SECTION : START_NONE;
  c = g_utf8_get_char (p);
  if (c >= 0xFF10 && c <= 0xFF19)
    return START_DIGIT;
  if (c >= 0xFF21 && c <= 0xFF28)
    return START_LETTER;
  switch (c)
    {
    case 0x3010: /* 【 */
    case 0x7B54: /* 答 */
    case 0x89E3: /* 解 */
    case 0x6B63: /* 正 */
    case 0x53C2: /* 参 */
    case 0x6807: /* 标 */
    case 0x8003: /* 考 */
    case 0x77E5: /* 知 */
    case 0x6CD5: /* 法 */
    case 0x4F9D: /* 依 */
    case 0x96BE: /* 难 */
    case 0x8BD5: /* 试 */
      return START_LABEL;
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: /* 一 二 三 四 五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: /* 六 七 八 九 十 */
    case 0x7B2C: /* 第 */
    case 0xFF08: /* （ */
      return START_SECTION;
    default:
      return START_NONE;
    }
}

static gboolean
mid_line (XfTextScanner *s)
{
  Start start = start_at (s->p, s->end);

  switch (start)
    {
    case START_DIGIT:
      return s->in_block ? xf_text_scanner_try_key (s, FALSE) : try_question (s, FALSE);
    case START_LETTER:
      return !s->in_block && s->q != NULL &&
             (s->field == XF_TEXT_FIELD_STEM || s->field == XF_TEXT_FIELD_OPTION) && try_option (s, FALSE);
    case START_LABEL:
      if (s->in_block)
        return xf_text_scanner_try_key_explanation (s);
      return s->q != NULL && try_label (s, FALSE);
    case START_SECTION:
      return try_section (s, FALSE);
    case START_NONE:
    default:
      return FALSE;
    }
}

static void
scan (XfTextScanner *s)
{
  gboolean line_start = TRUE;

  while (s->p < s->end)
    {
      if (*s->p == '\n')
        {
          s->p++;
          s->line++;
          line_start = TRUE;
          continue;
        }
      if (line_start)
        {
          s->p += xf_text_blanks_at (s->p, s->end);
          if (s->p >= s->end || *s->p == '\n')
            continue;
          line_start = FALSE;
          if (at_line_start (s))
            continue;
        }
      if (mid_line (s))
        continue;
      s->p = g_utf8_next_char (s->p);
    }
  xf_text_scanner_end_question (s, s->end);
}

void
xf_question_read_text (XfQuestionParse *parse,
                       const char      *text,
                       gsize            len)
{
  XfTextScanner s = { 0, };

  s.parse = parse;
  s.text = text;
  s.end = text + len;
  s.p = s.run = text;
  s.line = 1;
  s.sections = g_array_new (FALSE, TRUE, sizeof (XfTextSection));
  g_array_set_clear_func (s.sections, (GDestroyNotify)xf_text_section_clear);
  s.section = -1;
  s.questions = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_text_pending_free);
  s.block_section = -1;
  s.block_mapped = -1;

  scan (&s);

  for (guint i = 0; i < s.questions->len; i++)
    {
      xf_text_pending_finish (parse, g_ptr_array_index (s.questions, i), s.sections);
      g_clear_pointer (&s.questions->pdata[i], xf_text_pending_free);
    }

  xf_text_section_clear (&s.block_header);
  g_clear_pointer (&s.queues, g_hash_table_unref);
  g_ptr_array_unref (s.questions);
  g_array_unref (s.sections);
}
