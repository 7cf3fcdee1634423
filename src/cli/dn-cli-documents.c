/* dn-cli-documents.c: the registers of incoming and outgoing documents
 * (Nghị định 30/2020) from the command line
 *
 *   documents [--direction in|out] [--year Y] [--type T] [--search TEXT]
 *             [--secret]
 *   document-add --direction in|out --subject TEXT [--type T] [--issuer T]
 *                [--number N] [--symbol S | --unit U] [--date DATE]
 *                [--arrival-date DATE] [--arrival-number N] [--signer T]
 *                [--recipients T] [--receiver T] [--file-copy T]
 *                [--copies N] [--passed-on DATE] [--urgency U]
 *                [--secrecy S] [--notes T] [--confirm]
 *   document-register --direction in|out --year Y --pdf FILE [--secret]
 *   document-slip ID --pdf FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-date.h"
#include "dn-document-slip.h"
#include "dn-register-book.h"
#include "dn-text.h"

/* The options of every document command, as typed. */
static struct
{
  char     *direction, *year, *type, *search, *issuer, *subject, *number, *symbol, *unit, *date, *arrival_date;
  char     *arrival_number, *signer, *recipients, *receiver, *file_copy, *copies, *passed_on, *urgency, *secrecy;
  char     *notes, *pdf;
  gboolean  secret, confirm;
} dopt;

/* What the checks made of them. */
static struct
{
  DnDocumentQuery     query;
  char               *search;
  DnDocumentDirection direction;
  int                 year;
} dchecked;

void
dn_cli_documents_clear (void)
{
  char **const fields[] = {
    &dopt.direction, &dopt.year, &dopt.type, &dopt.search, &dopt.issuer, &dopt.subject, &dopt.number, &dopt.symbol,
    &dopt.unit, &dopt.date, &dopt.arrival_date, &dopt.arrival_number, &dopt.signer, &dopt.recipients,
    &dopt.receiver, &dopt.file_copy, &dopt.copies, &dopt.passed_on, &dopt.urgency, &dopt.secrecy, &dopt.notes,
    &dopt.pdf,
  };

  clear_texts (fields, G_N_ELEMENTS (fields));
  g_clear_pointer (&dchecked.search, g_free);
}


/* "in" or "out" (the words of the registers), or the stored keywords */
static gboolean
parse_direction (const char          *raw,
                 DnDocumentDirection *direction)
{
  if (g_strcmp0 (raw, "in") == 0 || g_strcmp0 (raw, "incoming") == 0)
    *direction = DN_DIRECTION_INCOMING;
  else if (g_strcmp0 (raw, "out") == 0 || g_strcmp0 (raw, "outgoing") == 0)
    *direction = DN_DIRECTION_OUTGOING;
  else
    return FALSE;
  return TRUE;
}

static gboolean
check_direction (gboolean   required,
                 GError   **error)
{
  if (dopt.direction == NULL)
    {
      if (required)
        g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("Say which register: --direction in or --direction out."));
      return !required;
    }
  if (!parse_direction (dopt.direction, &dchecked.direction))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, dopt.direction, _("Unknown direction “%s”: use in or out."));
  return TRUE;
}

static gboolean
check_year (gboolean   required,
            GError   **error)
{
  gint64 year;

  dchecked.year = 0;
  if (dopt.year == NULL)
    {
      if (required)
        g_set_error (error, CLI_ERROR, CLI_ERROR_USAGE, _("Say which year: --year YYYY."));
      return !required;
    }
  if (!g_ascii_string_to_signed (dopt.year, 10, DN_DATE_MIN_YEAR, DN_DATE_MAX_YEAR - 1, &year, NULL))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, dopt.year, _("“%s” is not a year: write --year YYYY."));
  dchecked.year = (int) year;
  return TRUE;
}

static gboolean
check_type (DnDocumentType  *type,
            GError         **error)
{
  if (dopt.type != NULL && !dn_document_type_from_string (dopt.type, type))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, dopt.type,
                         _("Unknown type of document “%s”: use official_letter, plan, guidance, decision, directive, "
                           "report, notice, submission, invitation, programme, minutes, memorandum or other."));
  return TRUE;
}

/*
 * documents
 */

static const GOptionEntry documents_options[] = {
  { "direction", 'd', 0, G_OPTION_ARG_FILENAME, &dopt.direction, N_("Only incoming (in) or outgoing (out) ones"),
    N_("in|out") },
  { "year", 'y', 0, G_OPTION_ARG_FILENAME, &dopt.year,
    N_("Only those of this year's register (an incoming one by its arrival)"), N_("YEAR") },
  { "type", 't', 0, G_OPTION_ARG_FILENAME, &dopt.type, N_("Only documents of this type (decision, plan…)"),
    N_("TYPE") },
  { "search", 's', 0, G_OPTION_ARG_FILENAME, &dopt.search,
    N_("Only documents whose subject, number, symbol, issuer or signer hold these words"), N_("TEXT") },
  { "secret", 0, 0, G_OPTION_ARG_NONE, &dopt.secret, N_("List secret documents (mật and above) too"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_documents (Run     *run,
                 GError **error)
{
  DnDocumentType type;

  dn_document_query_init (&dchecked.query);
  if (!check_direction (FALSE, error) || !check_year (FALSE, error) || !check_type (&type, error))
    return FALSE;
  if (dopt.direction != NULL)
    dchecked.query.direction = (int) dchecked.direction;
  if (dopt.type != NULL)
    dchecked.query.type = (int) type;
  dchecked.query.year = dchecked.year;
  dchecked.query.include_secret = dopt.secret;
  if (dopt.search != NULL && !text_option (dopt.search, &dchecked.search, error))
    return FALSE;
  dchecked.query.text = dchecked.search;
  return TRUE;
}

static const char *
short_direction (DnDocumentDirection direction)
{
  return direction == DN_DIRECTION_INCOMING ? "in" : direction == DN_DIRECTION_OUTGOING ? "out" : "internal";
}

static GPtrArray *
read_documents (Run           *run,
                gconstpointer  query,
                gpointer       after,
                guint          limit,
                GError       **error)
{
  return dn_store_query_documents (run->store, query, after, limit, error);
}

static void
print_document (gpointer record)
{
  DnDocument *doc = record;
  g_autofree char *reference = dn_document_dup_reference (doc);
  g_autofree char *date = g_date_valid (&doc->issue_date) ? dn_date_format_iso (&doc->issue_date) : g_strdup ("");
  g_autofree char *ref = tsv_field (reference);
  g_autofree char *issuer = tsv_field (doc->issuer);
  g_autofree char *subject = tsv_field (doc->subject);

  out ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", doc->id, short_direction (doc->direction), ref, date,
       issuer, dn_document_type_to_string (doc->type), subject);
}

gboolean
dn_cli_documents_query (Run      *run,
                        gpointer  query,
                        GError  **error)
{
  *(DnDocumentQuery *) query = dchecked.query;
  return TRUE;
}

static gboolean
run_documents (Run     *run,
               GError **error)
{
  return print_pages (run, read_documents, &dchecked.query, 500, print_document, error);
}

/*
 * document-add
 */

static const GOptionEntry document_add_options[] = {
  { "direction", 'd', 0, G_OPTION_ARG_FILENAME, &dopt.direction, N_("Incoming (in) or outgoing (out)"), N_("in|out") },
  { "subject", 0, 0, G_OPTION_ARG_FILENAME, &dopt.subject, N_("The subject (trích yếu)"), N_("TEXT") },
  { "type", 't', 0, G_OPTION_ARG_FILENAME, &dopt.type,
    N_("official_letter, plan, guidance, decision, directive, report, notice, submission, invitation, programme, "
       "minutes, memorandum or other"), N_("TYPE") },
  { "issuer", 0, 0, G_OPTION_ARG_FILENAME, &dopt.issuer, N_("The issuing body (the author of an incoming one)"),
    N_("TEXT") },
  { "number", 'n', 0, G_OPTION_ARG_FILENAME, &dopt.number,
    N_("The number (an outgoing one without it gets the next of its year)"), N_("NUMBER") },
  { "symbol", 0, 0, G_OPTION_ARG_FILENAME, &dopt.symbol, N_("The symbol (ký hiệu), as written: QĐ-SGDĐT"),
    N_("SYMBOL") },
  { "unit", 'u', 0, G_OPTION_ARG_FILENAME, &dopt.unit,
    N_("Build the symbol of an outgoing one from its type, the agency's abbreviation and this drafting unit's"),
    N_("ABBREVIATION") },
  { "date", 0, 0, G_OPTION_ARG_FILENAME, &dopt.date, N_("The document's date (an outgoing one: default today)"),
    N_("DATE") },
  { "arrival-date", 0, 0, G_OPTION_ARG_FILENAME, &dopt.arrival_date,
    N_("The day an incoming one arrived (default today)"), N_("DATE") },
  { "arrival-number", 0, 0, G_OPTION_ARG_FILENAME, &dopt.arrival_number,
    N_("The arrival number (default: the next of the year)"), N_("NUMBER") },
  { "signer", 0, 0, G_OPTION_ARG_FILENAME, &dopt.signer, N_("Who signed it"), N_("NAME") },
  { "recipients", 0, 0, G_OPTION_ARG_FILENAME, &dopt.recipients, N_("Where an outgoing one goes"), N_("TEXT") },
  { "receiver", 0, 0, G_OPTION_ARG_FILENAME, &dopt.receiver, N_("The unit or person an incoming one goes to"),
    N_("TEXT") },
  { "file-copy", 0, 0, G_OPTION_ARG_FILENAME, &dopt.file_copy,
    N_("The unit or person keeping the file copy of an outgoing one"), N_("TEXT") },
  { "copies", 0, 0, G_OPTION_ARG_FILENAME, &dopt.copies, N_("How many copies were issued"), N_("N") },
  { "passed-on", 0, 0, G_OPTION_ARG_FILENAME, &dopt.passed_on, N_("The day it was passed on or sent"), N_("DATE") },
  { "urgency", 0, 0, G_OPTION_ARG_FILENAME, &dopt.urgency, N_("normal, khan, thuong_khan or hoa_toc"), N_("URGENCY") },
  { "secrecy", 0, 0, G_OPTION_ARG_FILENAME, &dopt.secrecy, N_("normal, mat, toi_mat or tuyet_mat"), N_("SECRECY") },
  { "notes", 0, 0, G_OPTION_ARG_FILENAME, &dopt.notes, N_("Notes"), N_("TEXT") },
  { "confirm", 'y', 0, G_OPTION_ARG_NONE, &dopt.confirm,
    N_("Save even when a rule warns (the same number, symbol and issuer in the year)"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_document_add (Run     *run,
                    GError **error)
{
  DnDocumentType type;

  if (!check_direction (TRUE, error) || !check_type (&type, error))
    return FALSE;
  if (dopt.subject == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Give the document's subject: document-add --subject TEXT."));
  if (dopt.symbol != NULL && dopt.unit != NULL)
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, _("Give either --symbol or --unit, not both."));
  if (dopt.urgency != NULL && !dn_urgency_from_string (dopt.urgency, NULL))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, dopt.urgency,
                         _("Unknown urgency “%s”: use normal, khan, thuong_khan or hoa_toc."));
  if (dopt.secrecy != NULL && !dn_classification_from_string (dopt.secrecy, NULL))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, dopt.secrecy,
                         _("Unknown secrecy “%s”: use normal, mat, toi_mat or tuyet_mat."));
  return TRUE;
}

static gboolean
take_number (const char  *raw,
             const char  *option,
             int         *value,
             GError     **error)
{
  gint64 number;

  if (raw == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (raw, 10, 1, G_MAXINT, &number, NULL))
    return refuse_option (error, CLI_ERROR_REFUSED, option, raw, _("%s: “%s” is not a whole number of 1 or more."));
  *value = (int) number;
  return TRUE;
}

static gboolean
apply_document_options (Run         *run,
                        DnDocument  *doc,
                        GError     **error)
{
  GDate today;

  dn_date_today (&today);
  doc->direction = dchecked.direction;
  check_type (&doc->type, NULL);
  if (dopt.urgency != NULL)
    dn_urgency_from_string (dopt.urgency, &doc->urgency);
  if (dopt.secrecy != NULL)
    dn_classification_from_string (dopt.secrecy, &doc->classification);
  if (!take_text (dopt.subject, &doc->subject, error) || !take_text (dopt.issuer, &doc->issuer, error) ||
      !take_text (dopt.number, &doc->number, error) || !take_text (dopt.symbol, &doc->symbol, error) ||
      !take_text (dopt.signer, &doc->signer, error) || !take_text (dopt.recipients, &doc->recipients, error) ||
      !take_text (dopt.receiver, &doc->receiver, error) || !take_text (dopt.file_copy, &doc->file_copy_holder, error) ||
      !take_text (dopt.notes, &doc->notes, error) ||
      !date_option (dopt.date, "--date", CLI_ERROR_REFUSED, &doc->issue_date, error) ||
      !date_option (dopt.arrival_date, "--arrival-date", CLI_ERROR_REFUSED, &doc->arrival_date, error) ||
      !date_option (dopt.passed_on, "--passed-on", CLI_ERROR_REFUSED, &doc->passed_on, error) ||
      !take_number (dopt.arrival_number, "--arrival-number", &doc->arrival_number, error) ||
      !take_number (dopt.copies, "--copies", &doc->copies, error))
    return FALSE;
  if (doc->direction == DN_DIRECTION_OUTGOING && !g_date_valid (&doc->issue_date))
    doc->issue_date = today;
  if (doc->direction == DN_DIRECTION_INCOMING && !g_date_valid (&doc->arrival_date))
    doc->arrival_date = today;
  if (dopt.unit != NULL)
    {
      g_autofree char *unit = NULL;
      g_autofree char *agency = dn_store_get_agency_abbreviation (run->store);

      if (!text_option (dopt.unit, &unit, error))
        return FALSE;
      if (*agency == '\0')
        return cli_refuse (error, CLI_ERROR_REFUSED,
                           _("The agency's abbreviation is not set: run “settings %s ABBREVIATION” first."),
                           DN_SETTING_AGENCY_ABBREVIATION_KEY);
      g_free (doc->symbol);
      doc->symbol = dn_document_build_symbol (doc->type, agency, unit);
    }
  return TRUE;
}

static gboolean
run_document_add (Run     *run,
                  GError **error)
{
  g_autoptr(DnDocument) doc = dn_document_new ();
  gboolean ok;

  doc->type = DN_DOCUMENT_TYPE_OFFICIAL_LETTER;
  ok = apply_document_options (run, doc, error) &&
       dn_store_register_document (run->store, doc, dopt.confirm, error);
  if (!ok && error != NULL && *error != NULL && g_error_matches (*error, DN_STORE_ERROR, DN_STORE_ERROR_WARNING))
    g_prefix_error (error, "%s ", _("Nothing was saved (run again with --confirm to save it anyway):"));
  if (ok)
    {
      g_autofree char *reference = dn_document_dup_reference (doc);

      /* the record's id, then the number it was given in its register */
      if (doc->direction == DN_DIRECTION_INCOMING)
        out ("%" G_GINT64_FORMAT "\t%d\t%s\n", doc->id, doc->arrival_number, reference);
      else
        out ("%" G_GINT64_FORMAT "\t%s\n", doc->id, reference);
    }
  return ok;
}

/*
 * document-register
 */

static const GOptionEntry document_register_options[] = {
  { "direction", 'd', 0, G_OPTION_ARG_FILENAME, &dopt.direction, N_("The incoming (in) or outgoing (out) register"),
    N_("in|out") },
  { "year", 'y', 0, G_OPTION_ARG_FILENAME, &dopt.year, N_("The register's year"), N_("YEAR") },
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &dopt.pdf, N_("Write the book to this PDF file"), N_("FILE") },
  { "secret", 0, 0, G_OPTION_ARG_NONE, &dopt.secret, N_("Include secret documents (mật and above)"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_document_register (Run     *run,
                         GError **error)
{
  if (!check_direction (TRUE, error) || !check_year (TRUE, error))
    return FALSE;
  if (dopt.pdf == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say where to write the book: --pdf FILE."));
  return TRUE;
}

static gboolean
run_document_register (Run     *run,
                       GError **error)
{
  g_autoptr(GPtrArray) lines = dn_store_list_register (run->store, dchecked.direction, dchecked.year, dopt.secret,
                                                       error);
  g_autoptr(DnRegisterBook) book = NULL;
  guint n_pages = 0;
  gboolean ok;

  if (lines == NULL)
    return FALSE;
  book = dn_register_book_new (dchecked.direction, dchecked.year, lines, NULL);
  ok = dn_register_book_write_pdf (book, dopt.pdf, &n_pages, error);
  if (ok)
    {
      g_autofree char *shown = dn_text_escape_for_display (dopt.pdf, -1);
      g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                                                 lines->len), lines->len);
      g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages),
                                                n_pages);

      /* TRANSLATORS: "40 documents on 3 pages written to “register.pdf”." */
      out (_("%s on %s written to “%s”.\n"), documents, pages, shown);
    }
  return ok;
}

/*
 * document-slip
 */

static const GOptionEntry document_slip_options[] = {
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &dopt.pdf, N_("Write the slip to this PDF file"), N_("FILE") },
  G_OPTION_ENTRY_NULL
};

static gint64 slip_document_id;

static gboolean
check_document_slip (Run     *run,
                     GError **error)
{
  if (!parse_id (run->words[0], &slip_document_id))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, run->words[0], _("“%s” is not a document number."));
  if (dopt.pdf == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say where to write the slip: --pdf FILE."));
  return TRUE;
}

/* An incoming document's handling slip, with the tasks taken from it */
static gboolean
run_document_slip (Run     *run,
                   GError **error)
{
  g_autoptr(DnDocument) document = dn_store_get_document (run->store, slip_document_id, error);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(DnDocumentSlip) slip = NULL;
  g_autofree char *office = NULL;
  DnTaskQuery query;
  g_autofree char *shown = NULL;

  if (document == NULL)
    return FALSE;
  if (document->direction != DN_DIRECTION_INCOMING)
    return cli_refuse (error, CLI_ERROR_REFUSED,
                       _("Document %lld is not an incoming document: a handling slip is for one that arrived."),
                       (long long) slip_document_id);
  dn_task_query_init (&query);
  query.document_id = slip_document_id;
  tasks = dn_store_list_tasks (run->store, &query, G_MAXINT, error);
  if (tasks == NULL)
    return FALSE;
  office = dn_store_dup_agency_name (run->store, NULL);
  slip = dn_document_slip_new (document, tasks, office);
  if (!dn_document_slip_write_pdf (slip, dopt.pdf, error))
    return FALSE;
  shown = dn_text_escape_for_display (dopt.pdf, -1);
  out (g_dngettext (GETTEXT_PACKAGE, "Handling slip with %u task written to “%s”.\n",
                    "Handling slip with %u tasks written to “%s”.\n", tasks->len), tasks->len, shown);
  return TRUE;
}

/*
 * The commands
 */

static const Words one_document = { 1, 1, N_("Give the document's number (ID): document-slip ID --pdf FILE.") };

const Command dn_cli_document_commands[] = {
  { "documents", N_("List incoming and outgoing documents"),
    N_("List documents, newest first, one per line: ID, DIRECTION (in/out), NUMBER/SYMBOL, DATE, ISSUER, TYPE, "
       "SUBJECT. Secret ones only with --secret."),
    NULL, documents_options, &no_words, check_documents, DN_STORE_OPEN_NO_CREATE, run_documents },
  { "document-add", N_("Register an incoming or outgoing document; prints its number"),
    N_("Register a document and print ID and its number: an outgoing one gets the next number of its year "
       "(secret ones their own sequence), an incoming one the next arrival number. The same number, symbol and "
       "issuer in the year is saved only with --confirm."),
    NULL, document_add_options, &no_words, check_document_add, DN_STORE_OPEN_NO_CREATE, run_document_add },
  { "document-register", N_("Print the register of incoming or outgoing documents of a year to PDF"),
    N_("Write the register book (sổ đăng ký văn bản đến / đi, Nghị định 30/2020 Phụ lục IV) of a year to a PDF "
       "file: A4 landscape, one line per document in the order of its numbers."),
    NULL, document_register_options, &no_words, check_document_register, DN_STORE_OPEN_NO_CREATE,
    run_document_register },
  { "document-slip", N_("Print an incoming document's handling slip to PDF"),
    N_("Write the handling slip (phiếu giải quyết văn bản đến, Nghị định 30/2020 Phụ lục IV) of an incoming "
       "document to a PDF file: the document, then each task taken from it with its lead and supporting units "
       "and deadline, and room for the leaders' and the handler's notes."),
    N_("ID"), document_slip_options, &one_document, check_document_slip, DN_STORE_OPEN_NO_CREATE,
    run_document_slip },
};

const guint dn_cli_n_document_commands = G_N_ELEMENTS (dn_cli_document_commands);
