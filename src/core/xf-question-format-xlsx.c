/* xf-question-format-xlsx.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "xf-question-format-private.h"

/* Question tables as Excel workbooks. Reading takes the archive apart in
 * memory with libzip and streams its XML through GMarkup: the package's
 * relationships name the workbook, the workbook its first sheet and the
 * shared strings, and the sheet's cells go to xf-question-format-table.c
 * row by row. A workbook is a ZIP archive from anywhere, so every part is
 * capped (a small archive can unpack to gigabytes) and so is the sheet's
 * size. */

/* No part of a question bank comes near this; a zip bomb passes it soon. */
#define MAX_PART_SIZE ((guint64)256 * 1024 * 1024)
#define MAX_ROWS      1048576u  /* Excel's own limits */
#define MAX_COLUMNS   16384u
#define READ_CHUNK    65536

typedef enum
{
  XLSX_ERROR_MISSING,    /* the archive has no such part */
  XLSX_ERROR_TOO_LARGE,
  XLSX_ERROR_DAMAGED,
  XLSX_ERROR_STOPPED,    /* the table stopped reading; it said why */
} XlsxError;

GQuark xf_question_xlsx_error_quark (void);
G_DEFINE_QUARK (xf-question-xlsx-error-quark, xf_question_xlsx_error)
#define XLSX_ERROR (xf_question_xlsx_error_quark ())

/* Element and attribute names without their namespace prefix: some
 * programs write <x:sheet> where Excel writes <sheet>. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (local_name (names[i]), wanted))
      return values[i];
  return NULL;
}

/* Text in OOXML escapes characters XML cannot hold as _xHHHH_ (Excel
 * writes a CR in a cell as _x000D_). */
static gboolean
is_escape (const char *p,
           const char *end)
{
  if (end - p < 7 || p[0] != '_' || p[1] != 'x' || p[6] != '_')
    return FALSE;
  for (guint i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return TRUE;
}

static char *
decode_escapes (const char *text,
                gsize       len)
{
  const char *end = text + len;
  GString *out = g_string_sized_new (len);

  for (const char *p = text; p < end; )
    {
      if (is_escape (p, end))
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8) |
                       (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              p += 7;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/**
 * xf_question_xlsx_escape_text:
 *
 * The writer's side: text that looks like an escape is escaped itself
 * (_x005F_ is the underscore), so that it reads back as it was.
 *
 * Returns: (transfer full): @text ready for a cell
 */
char *
xf_question_xlsx_escape_text (const char *text)
{
  const char *end = text + strlen (text);
  GString *out = g_string_new (NULL);

  for (const char *p = text; p < end; p++)
    {
      if (is_escape (p, end))
        g_string_append (out, "_x005F");
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  zip_t   *zip;
  guint64  max_part_size;
} Archive;

static gboolean
too_large_part (const char  *name,
                guint64      max_part_size,
                GError     **error)
{
  g_autofree char *size = g_format_size_full (max_part_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, XLSX_ERROR, XLSX_ERROR_TOO_LARGE,
               _("The workbook is too large to read: its part %s unpacks to more than %s"), name, size);
  return FALSE;
}

/* Streams one part of the archive through a GMarkup parser. */
static gboolean
read_part (Archive             *archive,
           const char          *name,
           const GMarkupParser *parser,
           gpointer             user_data,
           GError             **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  zip_int64_t index;
  zip_file_t *file;
  zip_stat_t st;
  guint64 total = 0;
  gboolean ok = TRUE;

  index = zip_name_locate (archive->zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    {
      g_set_error (error, XLSX_ERROR, XLSX_ERROR_MISSING, "%s", name);
      return FALSE;
    }
  zip_stat_init (&st);
  if (zip_stat_index (archive->zip, index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > archive->max_part_size)
    return too_large_part (name, archive->max_part_size, error);
  file = zip_fopen_index (archive->zip, index, 0);
  if (file == NULL)
    {
      g_set_error (error, XLSX_ERROR, XLSX_ERROR_DAMAGED, _("The workbook is damaged: %s (in %s)"),
                   zip_strerror (archive->zip), name);
      return FALSE;
    }

  context = g_markup_parse_context_new (parser, 0, user_data, NULL);
  buffer = g_malloc (READ_CHUNK);
  for (gboolean first = TRUE; ; first = FALSE)
    {
      zip_int64_t n = zip_fread (file, buffer, READ_CHUNK);
      const char *chunk = buffer;

      if (n < 0)
        {
          g_set_error (error, XLSX_ERROR, XLSX_ERROR_DAMAGED, _("The workbook is damaged: %s (in %s)"),
                       zip_file_strerror (file), name);
          ok = FALSE;
          break;
        }
      if (n == 0)
        break;
      /* The declared size may lie: count what comes out */
      total += n;
      if (total > archive->max_part_size)
        {
          ok = too_large_part (name, archive->max_part_size, error);
          break;
        }
      if (first && n >= 3 && memcmp (chunk, "\xEF\xBB\xBF", 3) == 0)
        {
          chunk += 3;
          n -= 3;
        }
      if (!g_markup_parse_context_parse (context, chunk, n, &local_error))
        {
          ok = FALSE;
          break;
        }
    }
  if (ok && !g_markup_parse_context_end_parse (context, &local_error))
    ok = FALSE;
  zip_fclose (file);

  if (local_error != NULL)
    {
      if (local_error->domain == XLSX_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, XLSX_ERROR, XLSX_ERROR_DAMAGED, _("The workbook is damaged: %s (in %s)"),
                     local_error->message, name);
    }
  return ok;
}

/* Relationships: which part is what (_rels/.rels, xl/_rels/workbook.xml.rels).
 * Only the targets asked for are kept: a part may hold millions. */
typedef struct
{
  const char *id;           /* the relation with this id is wanted … */
  const char *type_suffix;  /* … and the first whose type ends so (the types
                             * of transitional and strict OOXML differ,
                             * their last word does not) */
  char       *by_id;        /* their targets */
  char       *by_type;
} Relations;

static void
relations_clear (Relations *relations)
{
  g_clear_pointer (&relations->by_id, g_free);
  g_clear_pointer (&relations->by_type, g_free);
}

static void
relations_start (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              user_data,
                 GError              **error)
{
  Relations *relations = user_data;
  const char *mode = find_attribute (names, values, "TargetMode");
  const char *target = find_attribute (names, values, "Target");
  const char *type = find_attribute (names, values, "Type");

  if (!g_str_equal (local_name (element), "Relationship") || target == NULL ||
      (mode != NULL && g_ascii_strcasecmp (mode, "External") == 0))
    return;
  if (relations->id != NULL && relations->by_id == NULL &&
      g_strcmp0 (find_attribute (names, values, "Id"), relations->id) == 0)
    relations->by_id = g_strdup (target);
  if (relations->type_suffix != NULL && relations->by_type == NULL && type != NULL &&
      g_str_has_suffix (type, relations->type_suffix))
    relations->by_type = g_strdup (target);
}

static const GMarkupParser relations_parser = { relations_start, NULL, NULL, NULL, NULL };

/* A relation's target is relative to the folder of the part that names
 * it, or absolute from the archive's root. */
static char *
resolve_target (const char *folder,
                const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat (folder, "/", target, NULL);
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || g_str_equal (segments[i], "."))
        continue;
      if (g_str_equal (segments[i], ".."))
        {
          if (path->len > 0)
            g_ptr_array_set_size (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }
  for (guint i = 0; i < path->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (path, i));
    }
  return g_string_free (out, FALSE);
}

static char *
part_folder (const char *part)
{
  const char *slash = strrchr (part, '/');

  return slash != NULL ? g_strndup (part, slash - part) : g_strdup ("");
}

/* The workbook: its first sheet that is not hidden */
typedef struct
{
  char  *first;          /* relation ids */
  char  *visible;
  char  *visible_name;
  guint  n_visible;
} Sheets;

static void
sheets_clear (Sheets *sheets)
{
  g_clear_pointer (&sheets->first, g_free);
  g_clear_pointer (&sheets->visible, g_free);
  g_clear_pointer (&sheets->visible_name, g_free);
}

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Sheets *sheets = user_data;
  const char *id = NULL;
  const char *state;

  if (!g_str_equal (local_name (element), "sheet"))
    return;
  /* r:id, whatever the relationships namespace is called */
  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], ':') != NULL && g_str_equal (local_name (names[i]), "id"))
      id = values[i];
  if (id == NULL)
    return;
  state = find_attribute (names, values, "state");
  if (sheets->first == NULL)
    sheets->first = g_strdup (id);
  if (state != NULL && !g_str_equal (state, "visible"))
    return;
  if (sheets->visible == NULL)
    {
      const char *name = find_attribute (names, values, "name");

      sheets->visible = g_strdup (id);
      sheets->visible_name = g_strdup (name != NULL ? name : "");
    }
  sheets->n_visible++;
}

static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };

/* Shared strings: <si> holds <t>, or rich text runs <r><t>; phonetic
 * guides <rPh> are not part of the text. They are kept end to end in one
 * pool, as a part of millions of empty strings would otherwise take ten
 * times its size in memory. */
typedef struct
{
  GString *pool;     /* each string ends in NUL */
  GArray  *offsets;  /* guint32: where each starts in the pool */
} SharedStrings;

typedef struct
{
  SharedStrings *strings;
  GString       *text;
  gboolean       in_item;
  gboolean       in_text;
  guint          phonetic;
} Strings;

static void
strings_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Strings *strings = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      strings->in_item = TRUE;
      g_string_truncate (strings->text, 0);
    }
  else if (g_str_equal (name, "rPh"))
    strings->phonetic++;
  else if (g_str_equal (name, "t") && strings->in_item && strings->phonetic == 0)
    strings->in_text = TRUE;
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Strings *strings = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "si") && strings->in_item)
    {
      g_autofree char *decoded = decode_escapes (strings->text->str, strings->text->len);
      guint32 offset = strings->strings->pool->len;

      if (strings->strings->pool->len + strlen (decoded) + 1 > G_MAXUINT32)
        {
          g_set_error_literal (error, XLSX_ERROR, XLSX_ERROR_TOO_LARGE,
                               _("The worksheet has more rows or columns than Excel allows"));
          return;
        }
      g_array_append_val (strings->strings->offsets, offset);
      g_string_append_len (strings->strings->pool, decoded, strlen (decoded) + 1);
      strings->in_item = FALSE;
    }
  else if (g_str_equal (name, "rPh") && strings->phonetic > 0)
    strings->phonetic--;
  else if (g_str_equal (name, "t"))
    strings->in_text = FALSE;
}

static void
strings_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  Strings *strings = user_data;

  if (strings->in_text)
    g_string_append_len (strings->text, text, len);
}

static const GMarkupParser strings_parser = { strings_start, strings_end, strings_text, NULL, NULL };

/* The sheet: <sheetData><row r="2"><c r="B2" t="s"><v>0</v></c> … */
typedef struct
{
  XfQuestionTable *table;
  SharedStrings   *strings;
  GString         *value;        /* <v> */
  GString         *inline_text;  /* <is><t> */
  guint            row;          /* 1-based */
  guint            next_row;
  guint            column;       /* 0-based */
  guint            next_column;
  char            *type;         /* the cell's t attribute */
  const char      *row_problem;
  gboolean         in_data;
  gboolean         in_row;
  gboolean         in_cell;
  gboolean         in_value;
  gboolean         in_inline;
  gboolean         in_inline_text;
  gboolean         has_inline;
  guint            phonetic;
} Sheet;

static gboolean
too_large (GError **error)
{
  g_set_error_literal (error, XLSX_ERROR, XLSX_ERROR_TOO_LARGE,
                       _("The worksheet has more rows or columns than Excel allows"));
  return FALSE;
}

/* "B12" → 1 (columns from 0); 0 when the reference has no letters */
static guint
reference_column (const char *reference)
{
  guint column = 0;

  for (const char *p = reference; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return MAX_COLUMNS + 1;
    }
  return column;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Sheet *sheet = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "sheetData"))
    sheet->in_data = TRUE;
  else if (g_str_equal (name, "row") && sheet->in_data && !sheet->in_row)
    {
      const char *r = find_attribute (names, values, "r");
      guint64 number = sheet->next_row;

      if (r != NULL && !g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &number, NULL))
        number = sheet->next_row;
      if (number > MAX_ROWS)
        {
          too_large (error);
          return;
        }
      sheet->row = number;
      sheet->next_column = 0;
      sheet->row_problem = NULL;
      sheet->in_row = TRUE;
    }
  else if (g_str_equal (name, "c") && sheet->in_row && !sheet->in_cell)
    {
      const char *r = find_attribute (names, values, "r");
      guint column = r != NULL ? reference_column (r) : 0;

      sheet->column = column > 0 ? column - 1 : sheet->next_column;
      if (sheet->column >= MAX_COLUMNS)
        {
          too_large (error);
          return;
        }
      g_free (sheet->type);
      sheet->type = g_strdup (find_attribute (names, values, "t"));
      g_string_truncate (sheet->value, 0);
      g_string_truncate (sheet->inline_text, 0);
      sheet->has_inline = FALSE;
      sheet->in_cell = TRUE;
    }
  else if (!sheet->in_cell)
    return;
  else if (g_str_equal (name, "v"))
    sheet->in_value = TRUE;
  else if (g_str_equal (name, "is"))
    {
      sheet->in_inline = TRUE;
      sheet->has_inline = TRUE;
    }
  else if (g_str_equal (name, "rPh"))
    sheet->phonetic++;
  else if (g_str_equal (name, "t") && sheet->in_inline && sheet->phonetic == 0)
    sheet->in_inline_text = TRUE;
}

/* What Excel shows for a number in the General format: 1, not 1.0 */
static char *
format_number (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end = NULL;
  double value;

  value = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (value))
    return g_steal_pointer (&stripped);
  if (value == 0)
    value = 0;  /* no "-0" */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

/* Gives the table the cell just read. */
static void
end_cell (Sheet *sheet)
{
  g_autofree char *text = NULL;
  const char *type = sheet->type != NULL ? sheet->type : "n";

  if (g_str_equal (type, "s"))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (sheet->value->str));
      guint64 index;

      if (sheet->strings->offsets->len == 0 ||
          !g_ascii_string_to_unsigned (stripped, 10, 0, sheet->strings->offsets->len - 1, &index, NULL))
        {
          sheet->row_problem = _("A cell of the row refers to a shared string the workbook does not have");
          return;
        }
      text = g_strdup (sheet->strings->pool->str + g_array_index (sheet->strings->offsets, guint32, index));
    }
  else if (sheet->has_inline)
    text = decode_escapes (sheet->inline_text->str, sheet->inline_text->len);
  else if (g_str_equal (type, "str"))
    text = decode_escapes (sheet->value->str, sheet->value->len);
  else if (g_str_equal (type, "b"))
    text = g_strdup (g_str_equal (sheet->value->str, "1") ? "TRUE"
                     : g_str_equal (sheet->value->str, "0") ? "FALSE" : sheet->value->str);
  else if (g_str_equal (type, "n"))
    text = format_number (sheet->value->str);
  else
    text = g_strdup (sheet->value->str);

  if (g_utf8_strlen (text, -1) > XF_QUESTION_TABLE_MAX_CELL_CHARS)
    {
      sheet->row_problem = _("A cell of the row holds more than the 32767 characters Excel allows");
      return;
    }
  xf_question_table_set_cell (sheet->table, sheet->column, text, strlen (text));
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Sheet *sheet = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "sheetData"))
    sheet->in_data = FALSE;
  else if (g_str_equal (name, "row") && sheet->in_row && !sheet->in_cell)
    {
      sheet->in_row = FALSE;
      sheet->next_row = sheet->row + 1;
      if (sheet->row_problem != NULL)
        xf_question_table_skip_row (sheet->table, sheet->row, sheet->row_problem);
      else if (!xf_question_table_end_row (sheet->table, sheet->row))
        g_set_error_literal (error, XLSX_ERROR, XLSX_ERROR_STOPPED, "");
    }
  else if (!sheet->in_cell)
    return;
  else if (g_str_equal (name, "c"))
    {
      sheet->in_cell = FALSE;
      sheet->next_column = sheet->column + 1;
      end_cell (sheet);
    }
  else if (g_str_equal (name, "v"))
    sheet->in_value = FALSE;
  else if (g_str_equal (name, "is"))
    sheet->in_inline = FALSE;
  else if (g_str_equal (name, "rPh") && sheet->phonetic > 0)
    sheet->phonetic--;
  else if (g_str_equal (name, "t"))
    sheet->in_inline_text = FALSE;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  Sheet *sheet = user_data;

  if (sheet->in_value)
    g_string_append_len (sheet->value, text, len);
  else if (sheet->in_inline_text)
    g_string_append_len (sheet->inline_text, text, len);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

static gboolean
read_relations (Archive     *archive,
                const char  *name,
                Relations   *relations,
                GError     **error)
{
  return read_part (archive, name, &relations_parser, relations, error);
}

static gboolean
no_sheet (GError **error)
{
  g_set_error_literal (error, XLSX_ERROR, XLSX_ERROR_MISSING, _("The workbook has no worksheet"));
  return FALSE;
}

static gboolean
missing (GError *error)
{
  return g_error_matches (error, XLSX_ERROR, XLSX_ERROR_MISSING);
}

/* Finds the first sheet and its shared strings, and reads the sheet's
 * rows into @parse. */
static gboolean
read_workbook (Archive          *archive,
               XfQuestionParse  *parse,
               GError          **error)
{
  g_autoptr(XfQuestionTable) table = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) pool = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *workbook = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *rels = NULL;
  g_autofree char *sheet_part = NULL;
  Relations package = { NULL, "/officeDocument", NULL, NULL };
  Relations relations = { NULL, "/sharedStrings", NULL, NULL };
  SharedStrings strings = { pool, offsets };
  Sheets sheets = { NULL, NULL, NULL, 0 };
  Sheet sheet = { 0, };
  gboolean ok;

  /* Excel always puts the workbook in xl/workbook.xml; others may not */
  if (!read_relations (archive, "_rels/.rels", &package, &local_error) && !missing (local_error))
    {
      relations_clear (&package);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);
  workbook = package.by_type != NULL ? resolve_target ("", package.by_type) : g_strdup ("xl/workbook.xml");
  relations_clear (&package);

  ok = read_part (archive, workbook, &workbook_parser, &sheets, &local_error);
  relations.id = sheets.visible != NULL ? sheets.visible : sheets.first;
  if (!ok || relations.id == NULL)
    {
      sheets_clear (&sheets);
      if (ok || missing (local_error))
        return no_sheet (error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  folder = part_folder (workbook);
  base = g_path_get_basename (workbook);
  rels = *folder != '\0' ? g_strconcat (folder, "/_rels/", base, ".rels", NULL)
                         : g_strconcat ("_rels/", base, ".rels", NULL);
  ok = read_relations (archive, rels, &relations, &local_error);
  if (!ok && !missing (local_error))
    {
      sheets_clear (&sheets);
      relations_clear (&relations);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);
  if (relations.by_id == NULL)
    {
      sheets_clear (&sheets);
      relations_clear (&relations);
      return no_sheet (error);
    }
  sheet_part = resolve_target (folder, relations.by_id);

  if (relations.by_type != NULL)
    {
      g_autofree char *part = resolve_target (folder, relations.by_type);
      Strings reader = { &strings, g_string_new (NULL), FALSE, FALSE, 0 };

      ok = read_part (archive, part, &strings_parser, &reader, &local_error);
      g_string_free (reader.text, TRUE);
      if (!ok && !missing (local_error))
        {
          sheets_clear (&sheets);
          relations_clear (&relations);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
    }
  relations_clear (&relations);

  /* Banks are often kept a sheet per type: say that only one is read */
  if (sheets.n_visible > 1)
    xf_question_parse_add_notice (parse, 0, NULL,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Only the first worksheet, “%s”, is read: the workbook has %u more",
                                               "Only the first worksheet, “%s”, is read: the workbook has %u more",
                                               sheets.n_visible - 1),
                                  sheets.visible_name, sheets.n_visible - 1);
  sheets_clear (&sheets);

  table = xf_question_table_new (parse);
  sheet.table = table;
  sheet.strings = &strings;
  sheet.value = g_string_new (NULL);
  sheet.inline_text = g_string_new (NULL);
  sheet.next_row = 1;
  ok = read_part (archive, sheet_part, &sheet_parser, &sheet, &local_error);
  g_string_free (sheet.value, TRUE);
  g_string_free (sheet.inline_text, TRUE);
  g_free (sheet.type);
  if (!ok && !g_error_matches (local_error, XLSX_ERROR, XLSX_ERROR_STOPPED))
    {
      if (missing (local_error))
        return no_sheet (error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  xf_question_table_finish (table);
  if (parse->questions->len == 0 && parse->problems->len == 0)
    xf_question_parse_add_problem (parse, 0, NULL, _("The worksheet holds no questions"));
  return TRUE;
}

static void
move_all (GPtrArray *to,
          GPtrArray *from)
{
  gsize n = 0;
  gpointer *items = g_ptr_array_steal (from, &n);

  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (to, items[i]);
  g_free (items);
}

/**
 * xf_question_read_xlsx_capped:
 * @max_part_size: how many bytes a part of the archive may unpack to
 *
 * Reads the first visible sheet of an Excel workbook as a question table.
 * A file that is not a workbook, or a damaged or oversized one, is one
 * problem for the whole file, and none of its questions are read.
 */
void
xf_question_read_xlsx_capped (XfQuestionParse *parse,
                              const char      *data,
                              gsize            len,
                              guint64          max_part_size)
{
  g_autoptr(XfQuestionParse) sheet = xf_question_parse_new (parse->name);
  g_autoptr(GError) error = NULL;
  Archive archive = { NULL, max_part_size };
  zip_source_t *source;
  zip_error_t zip_error;

  if (len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      xf_question_parse_add_problem (parse, 0, NULL,
                                     _("This is an Excel 97–2003 workbook (.xls) or one with a password: "
                                       "save it in Excel as an .xlsx workbook without a password"));
      return;
    }

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, len, 0, &zip_error);
  if (source != NULL)
    {
      archive.zip = zip_open_from_source (source, ZIP_RDONLY, &zip_error);
      if (archive.zip == NULL)
        zip_source_free (source);
    }
  zip_error_fini (&zip_error);
  if (archive.zip == NULL)
    {
      xf_question_parse_add_problem (parse, 0, NULL,
                                     _("This is not an XLSX workbook: it is no ZIP archive, or a damaged one"));
      return;
    }

  if (read_workbook (&archive, sheet, &error))
    {
      move_all (parse->questions, sheet->questions);
      move_all (parse->problems, sheet->problems);
      move_all (parse->notices, sheet->notices);
      if (parse->bank_title == NULL)
        parse->bank_title = g_steal_pointer (&sheet->bank_title);
    }
  else
    xf_question_parse_add_problem (parse, 0, NULL, "%s", error->message);
  zip_discard (archive.zip);
}

void
xf_question_read_xlsx (XfQuestionParse *parse,
                       const char      *data,
                       gsize            len)
{
  xf_question_read_xlsx_capped (parse, data, len, MAX_PART_SIZE);
}
