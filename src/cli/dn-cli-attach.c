/* dn-cli-attach.c: attach and detach, files on documents, tasks and
 * delegations
 *
 * "attach FILE --to KIND ID" stores the file (once per content) and links
 * it; a PDF's text is read at once (the renderer, waiting) so that the
 * search finds its words. A file that is not a PDF, or a PDF that cannot be
 * read, is kept as a file with a warning (exit 0). "detach HASH|ATTACHMENT-ID
 * --from KIND ID" unlinks it; the store deletes the file when nothing else
 * refers to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dn-attachment-text.h"
#include "dn-cli.h"
#include "dn-text.h"

static struct
{
  char         *kind_text;
  DnRecordKind  kind;
  gint64        record_id;
  gint64        attachment_id;
  char         *sha256;
} aopt;

static const GOptionEntry attach_options[] = {
  { "to", 0, 0, G_OPTION_ARG_STRING, &aopt.kind_text, N_("document, task or delegation (its number follows the file)"),
    N_("KIND") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry detach_options[] = {
  { "from", 0, 0, G_OPTION_ARG_STRING, &aopt.kind_text,
    N_("document, task or delegation (its number follows the file)"), N_("KIND") },
  G_OPTION_ENTRY_NULL
};

/* --to/--from KIND and the record's number (the second word). */
static gboolean
check_record (Run         *run,
              const char  *option,
              GError     **error)
{
  if (aopt.kind_text == NULL)
    return cli_refuse (error, CLI_ERROR_USAGE, _("Say which record: %s document|task|delegation ID."), option);
  if (!dn_record_kind_from_string (aopt.kind_text, &aopt.kind) || !dn_record_kind_takes_attachments (aopt.kind))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, aopt.kind_text,
                         _("“%s”: files are attached to a document, a task or a delegation."));
  if (!parse_id (run->words[1], &aopt.record_id))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, run->words[1], _("“%s” is not a record number."));
  return TRUE;
}

static gboolean
check_attach (Run     *run,
              GError **error)
{
  return check_record (run, "--to", error);
}

static gboolean
check_detach (Run     *run,
              GError **error)
{
  const char *target = run->words[0];
  gboolean hex = strlen (target) == 64;

  for (const char *p = target; hex && *p != '\0'; p++)
    hex = g_ascii_isxdigit (*p);
  aopt.attachment_id = 0;
  g_clear_pointer (&aopt.sha256, g_free);
  if (hex)
    aopt.sha256 = g_ascii_strdown (target, -1);
  else if (!parse_id (target, &aopt.attachment_id))
    return refuse_value (error, CLI_ERROR_USAGE_BRIEF, target,
                         _("“%s” is neither a file's SHA-256 (64 hexadecimal digits) nor an attached file's number."));
  return check_record (run, "--from", error);
}

static gboolean
run_attach (Run     *run,
            GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (run->words[0]);
  g_autoptr(DnAttachment) attachment = NULL;
  g_autoptr(DnPdfRenderer) renderer = NULL;
  g_autoptr(GError) index_error = NULL;
  g_autofree char *shown = NULL;
  DnAttachmentTextState state = DN_ATTACHMENT_TEXT_NOT_PDF;

  attachment = dn_store_attach_file (run->store, aopt.kind, aopt.record_id, file, NULL, error);
  if (attachment == NULL)
    return FALSE;
  shown = dn_text_escape_for_display (attachment->file_name, 80);
  if (attachment->text_state == DN_ATTACHMENT_TEXT_PENDING)
    {
      /* read now: the search finds its words at once */
      renderer = dn_pdf_renderer_new ();
      if (!dn_attachment_index (run->store, renderer, attachment, NULL, &state, &index_error))
        err (_("“%s” was attached, but its text was not read: %s"), shown, index_error->message);
    }
  else
    state = attachment->text_state;
  switch (state)
    {
    case DN_ATTACHMENT_TEXT_NOT_PDF:
      err (_("“%s” is not a PDF file: it is kept as it is, its words are not searched."), shown);
      break;
    case DN_ATTACHMENT_TEXT_DAMAGED:
      err (_("“%s” could not be read as a PDF (damaged?): it is kept as it is, its words are not searched."), shown);
      break;
    case DN_ATTACHMENT_TEXT_NO_TEXT:
      err (_("“%s” has no text to search (a scan, or protected by a password)."), shown);
      break;
    case DN_ATTACHMENT_TEXT_PENDING:
    case DN_ATTACHMENT_TEXT_INDEXED:
    case DN_ATTACHMENT_TEXT_N:
    default:
      break;
    }
  out ("%s\n", attachment->sha256);
  return TRUE;
}

static gboolean
run_detach (Run     *run,
            GError **error)
{
  g_autoptr(DnAttachment) attachment = NULL;

  if (aopt.sha256 != NULL)
    attachment = dn_store_find_attachment (run->store, aopt.sha256, error);
  else
    attachment = dn_store_get_attachment (run->store, aopt.attachment_id, error);
  if (attachment == NULL)
    return FALSE;
  return dn_store_detach (run->store, aopt.kind, aopt.record_id, attachment->id, error);
}

static const Words file_and_record = { 2, 2, N_("Give the file and the record's number: FILE --to KIND ID.") };
static const Words target_and_record = { 2, 2,
                                         N_("Give the file's SHA-256 (or number) and the record's number: "
                                            "HASH --from KIND ID.") };

const Command dn_cli_attach_commands[] = {
  { "attach", N_("Attach a file to a document, a task or a delegation"),
    N_("Attach a file to a document, a task or a delegation: the file is kept in the data folder (once, whatever "
       "the records that show it) and its SHA-256 printed. The words of a PDF are searched with the records "
       "(“search”); a file that is not a PDF, or a damaged one, is kept as it is, with a warning."),
    N_("FILE --to document|task|delegation ID"), attach_options, &file_and_record, check_attach,
    DN_STORE_OPEN_NO_CREATE, run_attach },
  { "detach", N_("Remove a file from a document, a task or a delegation"),
    N_("Remove a file (by its SHA-256 or its number) from a record. The file itself is deleted when no other "
       "record and no progress entry shows it."),
    N_("HASH|ID --from document|task|delegation ID"), detach_options, &target_and_record, check_detach,
    DN_STORE_OPEN_NO_CREATE, run_detach },
};
const guint dn_cli_n_attach_commands = G_N_ELEMENTS (dn_cli_attach_commands);
