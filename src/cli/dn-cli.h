/* dn-cli.h: what the files of doingoai-cli share
 *
 * A command is a function and an entry of a table of Command: the options
 * it reads, how many words may follow them, an optional check of what was
 * given (usage errors, before the database is opened), how the database is
 * opened, and what it does. run_command() runs one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "dn-store.h"

G_BEGIN_DECLS

#define EXIT_USAGE 2

/* Output is UTF-8 whatever the locale: it is read by programs and pipes.
 * out(): to stdout; err(): a line to stderr. */
void say (FILE       *stream,
          gboolean    line,
          const char *format,
          ...) G_GNUC_PRINTF (3, 4);
#define out(...) say (stdout, FALSE, __VA_ARGS__)
#define err(...) say (stderr, TRUE, __VA_ARGS__)

#define CLI_ERROR (cli_error_quark ())
GQuark cli_error_quark (void);

/* Usage errors found after the options were read: shown with the command's
 * help, or alone; and a command's own refusals (exit 1). */
enum
{
  CLI_ERROR_USAGE,
  CLI_ERROR_USAGE_BRIEF,
  CLI_ERROR_REFUSED,
};

/* What every command reads its words and options with (dn-cli-options.c).
 * Text from the command line, as UTF-8 in NFC. */
char *text_argument (char **words, GError **error);
gboolean text_option (const char *raw, char **text, GError **error);
/* @raw (an option as typed) as checked text in place of *@field; NULL
 * leaves *@field as it is (an edit's untouched field). */
gboolean take_text (const char *raw, char **field, GError **error);
/* Sets @error (CLI_ERROR, @code) to @format, whose one %s is @value as a
 * message shows it (dn_text_escape_for_display(), 40 characters at most).
 * Returns FALSE. */
gboolean refuse_value (GError    **error,
                       int         code,
                       const char *value,
                       const char *format) G_GNUC_PRINTF (4, 0);
/* The same for the value @value of the option @option: @format has two %s,
 * the option's name, then the value. Returns FALSE. */
gboolean refuse_option (GError    **error,
                        int         code,
                        const char *option,
                        const char *value,
                        const char *format) G_GNUC_PRINTF (5, 0);
/* Sets @error (CLI_ERROR, @code) to the message @format makes of the
 * values after it. Returns FALSE. */
gboolean cli_refuse (GError    **error,
                     int         code,
                     const char *format,
                     ...) G_GNUC_PRINTF (3, 4);
/* Each option of @fields given (char *, as typed) becomes checked text
 * (text_option()). */
gboolean text_options (char  **const fields[],
                       guint        n_fields,
                       GError     **error);
/* Frees each text of @fields, leaving NULL. */
void clear_texts (char  **const fields[],
                  guint        n_fields);
/* @raw (an option as typed; NULL leaves @date as it is) as a date as
 * officers write it ("30/6/2024", "2024-06-30"); else FALSE with @error
 * (CLI_ERROR, @code) naming @option. */
gboolean date_option (const char  *raw,
                      const char  *option,
                      int          code,
                      GDate       *date,
                      GError     **error);
/* TRUE with *@id when @raw is a record number (1 or more). */
gboolean parse_id (const char *raw,
                   gint64     *id);
/* @text with tabs and line breaks turned into spaces (NULL: ""). */
char *tsv_field (const char *text);
/* Writes a list read by pages of @page_size records, by key: @read_page
 * (@run, @query, the last record of the page before or NULL, @page_size,
 * @error) reads the next page, @print writes each record. No record is
 * read twice, whatever the length of the list. */
typedef struct _Run Run;
typedef GPtrArray *(*ReadPageFunc) (Run           *run,
                                    gconstpointer  query,
                                    gpointer       after,
                                    guint          limit,
                                    GError       **error);
gboolean print_pages (Run           *run,
                      ReadPageFunc   read_page,
                      gconstpointer  query,
                      guint          page_size,
                      void         (*print) (gpointer record),
                      GError       **error);
/* The id of the unit of @code (NULL: 0). */
gboolean resolve_unit (DnStore *store, const char *code, gint64 *id, GError **error);

/* What one run was given. */
struct _Run
{
  char  **words;    /* after the command and its options */
  int     n_words;
  DnStore *store;
};

/* How many words may follow a command's options, and what is said when
 * another number is given. */
typedef struct
{
  int         min, max;  /* max -1: any number */
  const char *message;
} Words;

typedef struct
{
  const char         *name;
  const char         *summary;     /* in the list of commands */
  const char         *help;        /* the command's own --help */
  const char         *parameter;   /* what follows the options in its --help, or NULL */
  const GOptionEntry *options;     /* or NULL */
  const Words        *words;
  gboolean          (*check) (Run *run, GError **error);  /* usage errors (CLI_ERROR), or NULL */
  DnStoreOpenFlags    open_flags;
  gboolean          (*run) (Run *run, GError **error);    /* FALSE without @error: it said why */
  gboolean            no_database;  /* runs without one (run->store NULL; open_flags unused) */
  /* reads its words and options itself (argv[0]: the command), or NULL */
  int               (*main) (int argc, char **argv);
} Command;

/* No word after the options (the words of most commands). */
extern const Words no_words;

/* Reads the command's options and words, checks them, opens the database
 * and runs the command: the exit status. The options a command read are
 * freed after it by its table's clear function (see dn-cli.c), not by the
 * command. */
int run_command (const Command *command, int argc, char **argv);
/* The command called @name and the function that frees the options its
 * group read (may be NULL), or NULL. */
const Command *dn_cli_find_command (const char  *name,
                                    void       (**clear) (void));
int usage_error (GOptionContext *context, const char *message);

/* The commands on the database as a whole and its first lists
 * (dn-cli-database.c): init, check, demo, search, tasks, people, export,
 * import, generate, backup, restore, with the units, settings and
 * delegation commands in the order of the help; dn_cli_database_clear()
 * frees the options they read. */
extern const Command dn_cli_database_commands[];
extern const guint dn_cli_n_database_commands;
void dn_cli_database_clear (void);

/* The units command (dn-cli-units.c): its options, its check and what it
 * does. */
extern const GOptionEntry dn_cli_units_options[];
gboolean dn_cli_check_units (Run *run, GError **error);
gboolean dn_cli_run_units (Run *run, GError **error);
void dn_cli_units_clear (void);

/* The settings command (dn-cli-settings.c). */
gboolean dn_cli_check_settings (Run *run, GError **error);
gboolean dn_cli_run_settings (Run *run, GError **error);
/* The delegation commands (dn-cli-delegations.c): delegations,
 * delegation-add, delegation-member, delegation-status. */
extern const GOptionEntry dn_cli_delegations_options[];
extern const GOptionEntry dn_cli_delegation_add_options[];
extern const GOptionEntry dn_cli_delegation_member_options[];
extern const GOptionEntry dn_cli_delegation_status_options[];
gboolean dn_cli_check_delegations (Run *run, GError **error);
gboolean dn_cli_run_delegations (Run *run, GError **error);
gboolean dn_cli_check_delegation_add (Run *run, GError **error);
gboolean dn_cli_run_delegation_add (Run *run, GError **error);
gboolean dn_cli_check_delegation_member (Run *run, GError **error);
gboolean dn_cli_run_delegation_member (Run *run, GError **error);
gboolean dn_cli_check_delegation_status (Run *run, GError **error);
gboolean dn_cli_run_delegation_status (Run *run, GError **error);
void dn_cli_delegations_clear (void);

/* The partner and project commands (dn-cli-partners.c): partners,
 * partner-add, -edit, -delete, projects, project-add, -edit, -delete. */
extern const Command dn_cli_partner_commands[];
extern const guint dn_cli_n_partner_commands;
void dn_cli_partners_clear (void);
/* The passport, custody ledger and calendar commands
 * (dn-cli-passports.c). */
extern const Command dn_cli_passport_commands[];
extern const guint dn_cli_n_passport_commands;
void dn_cli_passports_clear (void);

/* The document registers (dn-cli-documents.c): documents, document-add,
 * document-register. */
extern const Command dn_cli_document_commands[];
extern const guint dn_cli_n_document_commands;
void dn_cli_documents_clear (void);

/* Text in legacy encodings (dn-cli-text.c): convert-legacy. */
extern const Command dn_cli_text_commands[];
extern const guint dn_cli_n_text_commands;

/* The PDF commands (dn-cli-pdf.c): pdf-info, pdf-text, pdf-find. */
extern const Command dn_cli_pdf_commands[];
extern const guint dn_cli_n_pdf_commands;

/* Tasks proposed from a directive (dn-cli-proposals.c): propose-tasks. */
extern const Command dn_cli_proposal_commands[];
extern const guint dn_cli_n_proposal_commands;
/* Files attached to records (dn-cli-attach.c): attach, detach. */
extern const Command dn_cli_attach_commands[];
extern const guint dn_cli_n_attach_commands;

/* The period's report (dn-cli-report.c): report. */
extern const Command dn_cli_report_commands[];
extern const guint dn_cli_n_report_commands;
void dn_cli_report_clear (void);
/* The reports kept (dn-cli-reports.c): reports, report-save,
 * report-delete, report-issue. */
extern const Command dn_cli_reports_commands[];
extern const guint dn_cli_n_reports_commands;
void dn_cli_reports_clear (void);
/* The department server (dn-cli-serve.c): serve. */
extern const Command dn_cli_serve_commands[];
extern const guint dn_cli_n_serve_commands;
void dn_cli_serve_clear (void);

/* The periodic reports the units owe (dn-cli-owed.c): reports-owed,
 * report-received, remind-owed. */
extern const Command dn_cli_owed_commands[];
extern const guint dn_cli_n_owed_commands;
void dn_cli_owed_clear (void);

/* The query each list command makes of its options (after its check):
 * a DnTaskQuery, DnDelegationQuery, DnPassportQuery, DnDocumentQuery,
 * DnPartnerQuery filled in at @query, its text borrowed from the options
 * (valid until they are freed). */
gboolean dn_cli_tasks_query       (Run *run, gpointer query, GError **error);
gboolean dn_cli_delegations_query (Run *run, gpointer query, GError **error);
gboolean dn_cli_passports_query   (Run *run, gpointer query, GError **error);
gboolean dn_cli_documents_query   (Run *run, gpointer query, GError **error);
gboolean dn_cli_partners_query    (Run *run, gpointer query, GError **error);

/* A list to a spreadsheet (dn-cli-export.c): export-list LIST [the list
 * command's options] --out FILE.xlsx|FILE.csv. */
extern const Command dn_cli_export_commands[];
extern const guint dn_cli_n_export_commands;

/* The accounts of the department server (dn-cli-users.c): "user"
 * followed by add, passwd, disable, enable or list. */
extern const Command dn_cli_user_commands[];
extern const guint dn_cli_n_user_commands;

/* The task commands (dn-cli-task.c): "task" followed by one of them.
 * @argc and @argv start at "task". */
int dn_cli_task_main (int argc, char **argv);

G_END_DECLS
