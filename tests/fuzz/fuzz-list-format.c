/* fuzz-list-format.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "xf-database.h"
#include "xf-list-format.h"

/* libFuzzer target for the knowledge list importer. List files come from
 * anywhere: whatever the bytes, the import must fail cleanly or succeed,
 * and never leave a transaction open.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/list-format /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-list-format -max_total_time=60 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead, it runs over the files it is given:
 * every build replays the seed corpus that way. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static XfDatabase *db;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  if (db == NULL)
    db = xf_database_open (":memory:", NULL);
  g_assert (db != NULL);

  lists = xf_list_format_import_bytes (db, bytes, "fuzz.json", XF_LIST_IMPORT_DRY_RUN,
                                       &warnings, &error);
  g_assert ((lists == NULL) != (error == NULL));
  g_assert (sqlite3_get_autocommit (xf_database_get_handle (db)));

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
