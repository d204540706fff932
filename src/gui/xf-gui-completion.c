/* xf-gui-completion.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-gui-completion.h"

/* Entries of words the bank already uses, as categories and tags, offered
 * as the person types; several tags go in one entry, separated by commas
 * of either width, 顿号 or semicolons. */

/**
 * xf_gui_split_tags:
 * @text: tags as typed: 行政处罚, 听证、2026
 *
 * Returns: (transfer full): the tags, trimmed, without empty ones and
 *   repeats
 */
GStrv
xf_gui_split_tags (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) normal = g_string_new (text ? text : "");

  /* Full-width commas, 顿号 and semicolons separate tags too. */
  g_string_replace (normal, "，", ",", 0);
  g_string_replace (normal, "、", ",", 0);
  g_string_replace (normal, "；", ",", 0);
  g_string_replace (normal, ";", ",", 0);
  g_string_replace (normal, "\n", ",", 0);
  parts = g_strsplit (normal->str, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag == '\0' || g_hash_table_contains (seen, tag))
        continue;
      g_hash_table_add (seen, g_strdup (tag));
      g_strv_builder_add (builder, tag);
    }
  return g_strv_builder_end (builder);
}

/* Completion of words, or of the last of several separated by commas. */

static gboolean
match_cb (GtkEntryCompletion *completion,
          const char         *key,
          GtkTreeIter        *iter,
          gpointer            user_data)
{
  gboolean several = GPOINTER_TO_INT (user_data);
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  GtkWidget *entry = gtk_entry_completion_get_entry (completion);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *word = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *last = NULL;

  gtk_tree_model_get (model, iter, 0, &word, -1);
  if (several)
    {
      parts = xf_gui_split_tags (text);
      if (parts[0] == NULL || g_str_has_suffix (text, ",") || g_str_has_suffix (text, "，"))
        return FALSE;
      last = g_strdup (parts[g_strv_length (parts) - 1]);
    }
  else
    last = g_strstrip (g_strdup (text));
  return last[0] != '\0' && word != NULL && strstr (word, last) != NULL && !g_str_equal (word, last);
}

static gboolean
on_match_selected_cb (GtkEntryCompletion *completion,
                      GtkTreeModel       *model,
                      GtkTreeIter        *iter,
                      gpointer            user_data)
{
  GtkWidget *entry = gtk_entry_completion_get_entry (completion);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *word = NULL;
  g_autofree char *kept = NULL;
  const char *cut = text;
  g_autofree char *replaced = NULL;

  gtk_tree_model_get (model, iter, 0, &word, -1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == ',' || g_str_has_prefix (p, "，") || g_str_has_prefix (p, "、") ||
        *p == ';' || g_str_has_prefix (p, "；"))
      cut = g_utf8_next_char (p);
  kept = g_strndup (text, cut - text);
  replaced = g_strconcat (kept, word, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), replaced);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  return TRUE;
}

/**
 * xf_gui_complete_entry:
 * @words: (nullable): the words to offer
 * @several: whether @entry holds several, separated by commas (tags)
 *
 * Offers @words as the person types in @entry: any word that holds what
 * was typed.
 */
void
xf_gui_complete_entry (GtkEntry           *entry,
                                   const char * const *words,
                                   gboolean            several)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr(GtkListStore) store = gtk_list_store_new (1, G_TYPE_STRING);

  g_return_if_fail (GTK_IS_ENTRY (entry));

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, words[i], -1);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_match_func (completion, match_cb, GINT_TO_POINTER (several), NULL);
  if (several)
    g_signal_connect (completion, "match-selected", G_CALLBACK (on_match_selected_cb), NULL);
  gtk_entry_set_completion (entry, completion);
}
