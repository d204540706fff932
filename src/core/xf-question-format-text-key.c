/* xf-question-format-text-key.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question-format-text-private.h"

/* The answer key at the end of a paper (参考答案及解析 1.B【解析】… 2、C
 * 3.ABD 4-8 BCADA): which question each entry answers, and where the key
 * ends and questions start again. */

static void
queue_push (GHashTable    *table,
            char          *key,
            XfTextPending *pending)
{
  XfTextQueue *queue = g_hash_table_lookup (table, key);

  if (queue == NULL)
    {
      queue = g_new0 (XfTextQueue, 1);
      queue->items = g_ptr_array_new ();
      g_hash_table_insert (table, key, queue);
    }
  else
    g_free (key);
  g_ptr_array_add (queue->items, pending);
}

void
xf_text_queue_free (gpointer data)
{
  XfTextQueue *queue = data;

  g_ptr_array_unref (queue->items);
  g_free (queue);
}

static XfTextPending *
queue_first_unkeyed (XfTextQueue *queue)
{
  if (queue == NULL)
    return NULL;
  while (queue->head < queue->items->len &&
         ((XfTextPending *)g_ptr_array_index (queue->items, queue->head))->keyed)
    queue->head++;
  return queue->head < queue->items->len ? g_ptr_array_index (queue->items, queue->head) : NULL;
}

/* Whether the question gives its answer: after 答案： or in a bracket. */
static gboolean
answers_itself (XfTextPending *pending)
{
  const char *end = pending->stem->str + pending->stem->len;

  if (pending->has_answer)
    return TRUE;
  for (const char *p = pending->stem->str; p < end; p++)
    if ((*p == '(' || g_str_has_prefix (p, "（")) && xf_text_answer_bracket_at (p, end))
      return TRUE;
  return FALSE;
}

/**
 * xf_text_scanner_queue:
 *
 * Lets a question that has been read wait for its entry in an answer key.
 */
void
xf_text_scanner_queue (XfTextScanner *s,
                       XfTextPending *pending)
{
  const char *kind;

  /* Until an answer key shows up nobody waits */
  if (s->queues == NULL)
    return;
  pending->answered = answers_itself (pending);
  kind = pending->answered ? "answered" : "open";
  queue_push (s->queues, g_strdup_printf ("%s %u", kind, pending->number), pending);
  if (pending->section >= 0)
    queue_push (s->queues, g_strdup_printf ("%s %d:%u", kind, pending->section, pending->number), pending);
}

/* The queues are made when an answer key may start, of every question
 * read so far but the one being read (queued when it ends). */
static void
ensure_queues (XfTextScanner *s)
{
  if (s->queues != NULL)
    return;
  s->queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, xf_text_queue_free);
  for (guint i = 0; i < s->questions->len; i++)
    if (g_ptr_array_index (s->questions, i) != s->q)
      xf_text_scanner_queue (s, g_ptr_array_index (s->questions, i));
}

/* The question an answer key's entry is for: the first with its number
 * not yet keyed, under the key's header if it has one, preferring those
 * that give no answer of their own. */
static XfTextPending *
find_unkeyed (XfTextScanner *s,
              guint          number)
{
  static const char * const kinds[] = { "open", "answered" };
  char key[48];

  ensure_queues (s);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      XfTextPending *pending;

      if (s->block_section >= 0)
        {
          g_snprintf (key, sizeof key, "%s %d:%u", kinds[i], s->block_section, number);
          if ((pending = queue_first_unkeyed (g_hash_table_lookup (s->queues, key))) != NULL)
            return pending;
        }
      g_snprintf (key, sizeof key, "%s %u", kinds[i], number);
      if ((pending = queue_first_unkeyed (g_hash_table_lookup (s->queues, key))) != NULL)
        return pending;
    }
  return NULL;
}

/* The title of an answer key: 参考答案及解析 (strong), 参考答案, 答案 … */
static gboolean
match_block_title (XfTextScanner *s,
                   gboolean      *strong,
                   const char   **after)
{
  static const char * const strong_titles[] = {
    "参考答案及解析", "参考答案与解析", "参考答案和解析", "试题答案及解析",
    "答案及解析", "答案与解析", "答案和解析", NULL
  };
  static const char * const weak_titles[] = {
    "参考答案", "标准答案", "试题答案", "答案解析", "正确答案", "答案", NULL
  };
  const char *p = s->p;
  gboolean bracketed = FALSE;
  gsize n;

  if (g_str_has_prefix (p, "【"))
    {
      p += strlen ("【");
      bracketed = TRUE;
    }
  if (g_str_has_prefix (p, "附"))
    {
      p += strlen ("附");
      p += xf_text_match_colon (p, s->end);
      p += xf_text_blanks_at (p, s->end);
    }
  *strong = (n = xf_text_match_any (p, s->end, strong_titles)) > 0;
  if (!*strong && (n = xf_text_match_any (p, s->end, weak_titles)) == 0)
    return FALSE;
  p += n;
  if (bracketed)
    {
      if (!g_str_has_prefix (p, "】"))
        return FALSE;
      p += strlen ("】");
    }
  p += xf_text_blanks_at (p, s->end);
  p += xf_text_match_colon (p, s->end);
  *after = p + xf_text_blanks_at (p, s->end);
  return TRUE;
}

/* An answer key starts at 参考答案及解析, and at 参考答案 or 答案 when the
 * numbers after it name questions still without answers (else it is the
 * answer of the question above). */
gboolean
xf_text_scanner_try_block_title (XfTextScanner *s)
{
  const char *after;
  gboolean strong;

  if (!match_block_title (s, &strong, &after))
    return FALSE;
  if (!strong)
    {
      const char *next = after;
      XfTextPending *named;
      XfTextMarker m;

      /* Alone on its line: look at the next line with text, past a header
       * or two (参考答案 / 一、单选题 / 1.B) */
      for (guint i = 0; i < 3 && (next >= s->end || *next == '\n'); i++)
        {
          XfTextSection header = { 0, };
          gsize n;

          while (next < s->end && (*next == '\n' || xf_text_is_blank_char (g_utf8_get_char (next))))
            next = g_utf8_next_char (next);
          if ((n = xf_text_match_section (next, s->end, TRUE, &header)) == 0)
            break;
          xf_text_section_clear (&header);
          next += n;
          next += xf_text_blanks_at (next, s->end);
        }
      if (!xf_text_match_number (next, s->end, TRUE, TRUE, &m))
        return FALSE;
      named = find_unkeyed (s, m.number);
      if (named == NULL || named->answered)
        return FALSE;
    }

  xf_text_scanner_end_question (s, s->p);
  s->in_block = TRUE;
  s->keyed = NULL;
  s->block_section = -1;
  s->last_key = 0;
  s->run = s->p = after;
  return TRUE;
}

/* In an answer key, another title (参考答案 under 一、单选题) changes nothing. */
gboolean
xf_text_scanner_skip_block_title (XfTextScanner *s)
{
  const char *after;
  gboolean strong;

  if (!match_block_title (s, &strong, &after) || !(strong || after >= s->end || *after == '\n'))
    return FALSE;
  xf_text_scanner_flush (s, s->p);
  s->keyed = NULL;
  xf_text_scanner_switch_field (s, s->p, after, XF_TEXT_FIELD_NONE, NULL);
  return TRUE;
}

static void
add_unknown_key (XfTextScanner *s,
                 guint          number)
{
  xf_question_parse_add_problem (s->parse, s->line, NULL,
                                 _("The answer key names question %u, which the file does not have "
                                   "or has answered already"), number);
}

/* The answer at the start of a key entry: letters or a true/false mark,
 * maybe glued to the next entry's number ("1.B2.C3.A"). */
static gsize
key_token (const char *p,
           const char *end)
{
  const char *q = p;
  gsize n = xf_text_match_answer_token (p, end, TRUE, TRUE);
  gsize len;

  if (n > 0)
    return n;
  while (xf_text_letter_at (q, end, &len) >= 0)
    q += len;
  return q > p && q < end && g_ascii_isdigit (*q) ? (gsize)(q - p) : 0;
}

/* In an answer key: a number starts an entry for the question it names,
 * unless no question waits for it and what follows is not an answer: then
 * the key is over and a question starts. */
static gboolean
key_or_question (XfTextScanner      *s,
                 const XfTextMarker *m,
                 gboolean            line_start)
{
  const char *value = m->after;
  XfTextPending *named;
  gsize token;

  while (g_str_has_prefix (value, "答案"))
    {
      value += strlen ("答案");
      value += xf_text_match_colon (value, s->end);
      value += xf_text_blanks_at (value, s->end);
    }

  if (m->last > m->number)
    {
      /* 1-5 BCADA: one letter or true/false mark per question */
      guint count = m->last - m->number + 1;
      const char *q = value;
      guint i;

      for (i = 0; i < count; i++)
        {
          gsize n = xf_text_match_answer_token (q, s->end, FALSE, TRUE);
          gsize len;

          if (n == 0 && xf_text_letter_at (q, s->end, &len) >= 0)
            n = len;
          if (n == 0)
            break;
          q += n;
          q += xf_text_blanks_at (q, s->end);
        }
      if (i < count)
        return FALSE;
      xf_text_scanner_flush (s, s->p);
      q = value;
      for (i = 0; i < count; i++)
        {
          gsize n = xf_text_match_answer_token (q, s->end, FALSE, TRUE);
          gsize len;

          if (n == 0 && xf_text_letter_at (q, s->end, &len) >= 0)
            n = len;
          named = find_unkeyed (s, m->number + i);
          if (named == NULL)
            add_unknown_key (s, m->number + i);
          else
            {
              named->keyed = TRUE;
              named->key_line = s->line;
              named->key = g_string_new_len (q, n);
            }
          q += n;
          q += xf_text_blanks_at (q, s->end);
        }
      s->last_key = m->last;
      s->keyed = NULL;
      s->field = XF_TEXT_FIELD_SKIP;
      s->target = NULL;
      s->run = s->p = q;
      return TRUE;
    }

  named = find_unkeyed (s, m->number);
  token = key_token (value, s->end);
  if (named != NULL && named->options->len >= 2 && token == 0)
    named = NULL;
  if (named == NULL && token == 0)
    {
      if (!line_start)
        return FALSE;
      /* The answer key is over: questions follow */
      xf_text_scanner_flush (s, s->p);
      s->in_block = FALSE;
      s->keyed = NULL;
      if (s->has_block_header)
        {
          xf_text_scanner_add_section (s, &s->block_header);
          s->has_block_header = FALSE;
          memset (&s->block_header, 0, sizeof s->block_header);
        }
      xf_text_scanner_start_question (s, m);
      return TRUE;
    }
  if (!line_start && m->number != s->last_key + 1 && named == NULL)
    return FALSE;

  if (s->has_block_header)
    {
      /* The answers under a header belong to the next section of its type */
      s->block_section = -1;
      for (guint i = s->block_mapped + 1; i < s->sections->len; i++)
        if (g_array_index (s->sections, XfTextSection, i).kind == s->block_header.kind)
          {
            s->block_section = s->block_mapped = i;
            break;
          }
      xf_text_section_clear (&s->block_header);
      s->has_block_header = FALSE;
      named = find_unkeyed (s, m->number);
    }

  xf_text_scanner_flush (s, s->p);
  s->last_key = m->number;
  if (named == NULL)
    {
      add_unknown_key (s, m->number);
      s->keyed = NULL;
      xf_text_scanner_switch_field (s, s->p, value, XF_TEXT_FIELD_SKIP, NULL);
      return TRUE;
    }
  named->keyed = TRUE;
  named->key_line = s->line;
  named->key = g_string_new (NULL);
  s->keyed = named;
  xf_text_scanner_switch_field (s, s->p, value, XF_TEXT_FIELD_KEY, named->key);
  return TRUE;
}

/* 【解析】 or 解析： after the answer of a key entry. */
gboolean
xf_text_scanner_try_key_explanation (XfTextScanner *s)
{
  static const char * const bracketed[] = {
    "【答案解析】", "【解析】", "【分析】", "【详解】", NULL
  };
  static const char * const bare[] = { "答案解析", "解析", NULL };
  gsize n = xf_text_match_any (s->p, s->end, bracketed);
  const char *after;

  if (s->keyed == NULL)
    return FALSE;
  if (n > 0)
    after = s->p + n;
  else if ((n = xf_text_match_any (s->p, s->end, bare)) > 0 &&
           xf_text_match_colon (s->p + n, s->end) > 0)
    after = s->p + n + xf_text_match_colon (s->p + n, s->end);
  else
    return FALSE;
  if (s->keyed->key_explanation == NULL)
    s->keyed->key_explanation = g_string_new (NULL);
  else
    g_string_append_c (s->keyed->key_explanation, '\n');
  xf_text_scanner_switch_field (s, s->p, after, XF_TEXT_FIELD_KEY_EXPLANATION, s->keyed->key_explanation);
  return TRUE;
}

gboolean
xf_text_scanner_try_key (XfTextScanner *s,
                         gboolean       line_start)
{
  XfTextMarker m;

  if (!line_start)
    {
      gunichar before = xf_text_char_before (s->text, s->p);

      /* "1.B 2.C", "1.B；2.C", and glued "1.B2.C3.A" after an answer */
      if (g_unichar_isdigit (before) || before == '.' || before == 0xFF0E || before == 0x7B2C /* 第 */)
        return FALSE;
      if (!(xf_text_is_blank_char (before) || g_unichar_ispunct (before)))
        {
          GString *key;

          if (s->field != XF_TEXT_FIELD_KEY || s->keyed == NULL)
            return FALSE;
          xf_text_scanner_flush (s, s->p);
          key = s->keyed->key;
          /* An answer is a few letters: a longer entry is text */
          if (key->len > 32 || xf_text_match_answer_token (key->str, key->str + key->len, TRUE, TRUE) != key->len)
            return FALSE;
        }
    }
  if (!xf_text_match_number (s->p, s->end, line_start, TRUE, &m))
    return FALSE;
  if (!line_start && m.style != XF_TEXT_STYLE_DIGITS)
    return FALSE;
  return key_or_question (s, &m, line_start);
}
