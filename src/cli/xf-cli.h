/* xf-cli.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xf-database.h"
#include "xf-profile.h"

G_BEGIN_DECLS

/* Exit codes of DESIGN.md §7 */
typedef enum
{
  XF_CLI_EXIT_OK = 0,
  XF_CLI_EXIT_FAILURE = 1,
  XF_CLI_EXIT_USAGE = 2,
  XF_CLI_EXIT_INVALID = 3,
} XfCliExit;

typedef struct _XfCli XfCli;

struct _XfCli
{
  char        *profile;
  char        *db_path;
  char        *profile_name;  /* of the database opened; "" for a --db file */
  XfProfile   *opened;        /* the profile opened; NULL for a --db file */
  gboolean     json;
  gboolean     quiet;
  XfDatabase  *db;
};

typedef int (*XfCliCommandFunc) (XfCli  *cli,
                                 int     argc,
                                 char  **argv);

int         xf_cli_run            (int          argc,
                                   char       **argv);
XfDatabase *xf_cli_open_database  (XfCli       *cli,
                                   GError     **error);
void        xf_cli_print_json     (XfCli       *cli,
                                   JsonBuilder *builder);
void        xf_cli_json_add_string  (JsonBuilder *builder,
                                     const char  *member,
                                     const char  *value);
void        xf_cli_json_add_int     (JsonBuilder *builder,
                                     const char  *member,
                                     gint64       value);
void        xf_cli_json_add_double  (JsonBuilder *builder,
                                     const char  *member,
                                     double       value);
void        xf_cli_json_add_boolean (JsonBuilder *builder,
                                     const char  *member,
                                     gboolean     value);
void        xf_cli_message        (XfCli       *cli,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);
int         xf_cli_fail           (XfCli       *cli,
                                   int          code,
                                   const GError *error);
int         xf_cli_usage          (XfCli       *cli,
                                   const char  *usage);
int         xf_cli_usage_error    (XfCli       *cli,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);
int         xf_cli_store_fail     (XfCli       *cli,
                                   const GError *error);
gboolean    xf_cli_parse_options  (XfCli       *cli,
                                   const char  *summary,
                                   GOptionEntry *entries,
                                   int         *argc,
                                   char      ***argv);

/* Commands, one file each */
int xf_cli_exam_command    (XfCli *cli, int argc, char **argv);
int xf_cli_law_command     (XfCli *cli, int argc, char **argv);
int xf_cli_list_command    (XfCli *cli, int argc, char **argv);
int xf_cli_mistakes_command (XfCli *cli, int argc, char **argv);
int xf_cli_practice_command (XfCli *cli, int argc, char **argv);
int xf_cli_questions_command (XfCli *cli, int argc, char **argv);
int xf_cli_search_command  (XfCli *cli, int argc, char **argv);
int xf_cli_study_command   (XfCli *cli, int argc, char **argv);
int xf_cli_study_plan_command (XfCli *cli, int argc, char **argv);

/* Subcommands of study, in xf-cli-study-time.c */
int xf_cli_study_time_command    (XfCli *cli, int argc, char **argv);
int xf_cli_study_stats_command   (XfCli *cli, int argc, char **argv);
int xf_cli_study_session_command (XfCli *cli, int argc, char **argv);

G_END_DECLS
