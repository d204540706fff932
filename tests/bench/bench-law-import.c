/* bench-law-import.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Builds a large statute corpus out of the shipped texts and times its
 * import. Each copy of each file gets its own title (a region and a number
 * before the original title), and keeps the leading share --fraction of its
 * articles, so that the defaults come near the target corpus: about 3,500
 * files, 150,000 articles and 15–18 million characters.
 *
 *   bench-law-import [--copies N] [--fraction F] [--out DIR] [--generate-only] LAWS_DIR
 *
 * Prints one JSON object. With --generate-only it only writes the corpus
 * (to time `xuefactl --db DB law import DIR` by hand). */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "xf-database.h"
#include "xf-law-importer.h"
#include "xf-law-parser.h"

static const char * const regions[] = {
  "北京市", "天津市", "河北省", "山西省", "辽宁省", "吉林省", "上海市", "江苏省",
  "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
};

typedef struct
{
  char        *relative;   /* path under LAWS_DIR */
  char       **lines;
  XfParsedLaw *law;
} Source;

static void
collect (const char *root,
         const char *relative,
         GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      g_autofree char *child_rel = relative[0] ? g_build_filename (relative, child, NULL) : g_strdup (child);
      g_autofree char *child_path = g_build_filename (root, child_rel, NULL);
      g_autofree char *contents = NULL;
      gsize len;
      Source *source;

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        {
          collect (root, child_rel, out);
          continue;
        }
      if (!g_str_has_suffix (child, ".md") || g_str_has_prefix (child, "README"))
        continue;
      if (!g_file_get_contents (child_path, &contents, &len, NULL))
        continue;
      source = g_new0 (Source, 1);
      source->relative = g_steal_pointer (&child_rel);
      source->law = xf_law_parser_parse (child_path, contents, len);
      source->lines = g_strsplit (contents, "\n", -1);
      g_ptr_array_add (out, source);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("LAWS_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autofree char *out_dir = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *db_path = NULL;
  int copies = 160;
  double fraction = 0.386;
  gboolean generate_only = FALSE;
  guint64 n_files = 0, n_articles = 0, n_chars = 0, n_bytes = 0;
  gint64 start;
  double generate_s, import_s;
  GOptionEntry entries[] = {
    { "copies", 0, 0, G_OPTION_ARG_INT, &copies, "Copies of each file", "N" },
    { "fraction", 0, 0, G_OPTION_ARG_DOUBLE, &fraction, "Share of each file's articles kept", "F" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, "Where to write the corpus", "DIR" },
    { "generate-only", 0, 0, G_OPTION_ARG_NONE, &generate_only, "Only write the corpus", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-law-import [OPTION…] LAWS_DIR");
      return 2;
    }

  collect (argv[1], "", sources);
  if (sources->len == 0)
    {
      g_printerr ("No statute files under %s\n", argv[1]);
      return 1;
    }
  if (out_dir == NULL && (out_dir = g_dir_make_tmp ("xf-bench-laws-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  for (int k = 0; k < copies; k++)
    {
      const char *region = regions[k % G_N_ELEMENTS (regions)];
      g_autofree char *prefix = g_strdup_printf ("%s%d", region, k / (int)G_N_ELEMENTS (regions) + 1);
      g_autofree char *copy_dir = g_strdup_printf ("%s/%04d", out_dir, k);

      for (guint i = 0; i < sources->len; i++)
        {
          Source *source = g_ptr_array_index (sources, i);
          GArray *articles = source->law->articles;
          guint keep = MAX (1, (guint)ceil (articles->len * fraction));
          guint n_lines = g_strv_length (source->lines);
          guint cut = keep < articles->len ? g_array_index (articles, XfParsedArticle, keep).line - 1 : n_lines;
          g_autofree char *path = g_build_filename (copy_dir, source->relative, NULL);
          g_autofree char *dir = g_path_get_dirname (path);
          GString *text = g_string_new (NULL);

          for (guint l = 0; l < cut && l < n_lines; l++)
            {
              const char *line = source->lines[l];

              if (l == 0 && g_str_has_prefix (line, "# "))
                g_string_append_printf (text, "# %s%s\n", prefix, line + 2);
              else
                g_string_append_printf (text, "%s\n", line);
            }
          g_mkdir_with_parents (dir, 0755);
          if (!g_file_set_contents (path, text->str, text->len, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          n_files++;
          n_articles += MIN (keep, articles->len);
          n_bytes += text->len;
          n_chars += g_utf8_strlen (text->str, text->len);
          g_string_free (text, TRUE);
        }
    }
  generate_s = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  if (generate_only)
    {
      g_print ("{\"corpus\": \"%s\", \"files\": %" G_GUINT64_FORMAT ", \"articles\": %" G_GUINT64_FORMAT
               ", \"characters\": %" G_GUINT64_FORMAT ", \"bytes\": %" G_GUINT64_FORMAT
               ", \"generate_s\": %.3f}\n",
               out_dir, n_files, n_articles, n_chars, n_bytes, generate_s);
      return 0;
    }

  db_dir = g_dir_make_tmp ("xf-bench-db-XXXXXX", NULL);
  db_path = g_build_filename (db_dir, "bench.db", NULL);
  {
    g_autoptr(XfDatabase) db = xf_database_open (db_path, &error);
    g_autoptr(XfLawImporter) importer = NULL;

    if (db == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    importer = xf_law_importer_new (db);
    xf_law_importer_add_path (importer, out_dir);
    start = g_get_monotonic_time ();
    if (!xf_law_importer_run (importer, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    import_s = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

    g_print ("{\"files\": %" G_GUINT64_FORMAT ", \"articles\": %" G_GUINT64_FORMAT
             ", \"characters\": %" G_GUINT64_FORMAT ", \"bytes\": %" G_GUINT64_FORMAT
             ", \"imported_files\": %u, \"imported_articles\": %u, \"problems\": %u"
             ", \"generate_s\": %.3f, \"import_s\": %.3f}\n",
             n_files, n_articles, n_chars, n_bytes,
             xf_law_importer_get_files (importer)->len,
             xf_law_importer_get_article_total (importer),
             xf_law_importer_get_problems (importer)->len,
             generate_s, import_s);
  }

  return 0;
}
