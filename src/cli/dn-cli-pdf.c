/* dn-cli-pdf.c: the PDF commands of doingoai-cli (pdf-info, pdf-text,
 * pdf-find): what the PDF window shows, without a database
 *
 * The file is read by the same renderer as the window's (one worker owns
 * every poppler call); a file that cannot be read, is not a PDF, is
 * damaged or protected by a password (without --password) exits 1 with
 * the renderer's message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dn-cli.h"
#include "dn-pdf-renderer.h"
#include "dn-text.h"

#define ALL_PAGES G_MININT

static struct
{
  char *password;
  int   page;      /* from 1; ALL_PAGES when not given */
} popt = { NULL, ALL_PAGES };

static const GOptionEntry info_options[] = {
  { "password", 0, 0, G_OPTION_ARG_STRING, &popt.password, N_("The password of a protected file"), N_("PASSWORD") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry page_text_options[] = {
  { "page", 0, 0, G_OPTION_ARG_INT, &popt.page, N_("Only this page (from 1)"), N_("N") },
  { "password", 0, 0, G_OPTION_ARG_STRING, &popt.password, N_("The password of a protected file"), N_("PASSWORD") },
  G_OPTION_ENTRY_NULL
};

static void
popt_clear (void)
{
  g_clear_pointer (&popt.password, g_free);
  popt.page = ALL_PAGES;
}

/* Each command has a renderer of its own, declared before its document:
 * the document goes first (its poppler document closed on the worker),
 * then the renderer, whose thread ends after that, before the process
 * exits (poppler freeing a document while the process tears down its
 * globals crashes). */
static DnPdfDocument *
open_document (Run            *run,
               DnPdfRenderer  *renderer,
               GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (run->words[0]);

  return dn_pdf_renderer_open (renderer, file, popt.password, NULL, error);
}

static gboolean
check_text (Run     *run,
            GError **error)
{
  if (popt.page != ALL_PAGES && popt.page < 1)
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE_BRIEF, _("A page number starts at 1."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_info (Run     *run,
          GError **error)
{
  g_autoptr(DnPdfRenderer) renderer = dn_pdf_renderer_new ();
  g_autoptr(DnPdfDocument) document = open_document (run, renderer, error);
  g_autofree char *title = NULL;
  double width, height;
  int n, with_text;

  popt_clear ();
  if (document == NULL)
    return FALSE;
  n = dn_pdf_document_get_n_pages (document);
  with_text = dn_pdf_renderer_count_text_pages (renderer, document, NULL, error);
  if (with_text < 0)
    return FALSE;
  title = tsv_field (dn_pdf_document_get_title (document));
  dn_pdf_document_get_page_size (document, 0, &width, &height);
  out ("pages\t%d\n", n);
  out ("title\t%s\n", title);
  out ("page-size\t%.0f\t%.0f\n", width, height);
  out ("text-pages\t%d\n", with_text);
  out ("text-layer\t%s\n", with_text == n ? "yes" : with_text == 0 ? "no" : "partial");
  return TRUE;
}

static gboolean
run_text (Run     *run,
          GError **error)
{
  g_autoptr(DnPdfRenderer) renderer = dn_pdf_renderer_new ();
  g_autoptr(DnPdfDocument) document = open_document (run, renderer, error);
  int page = popt.page == ALL_PAGES ? 0 : popt.page, n;

  popt_clear ();
  if (document == NULL)
    return FALSE;
  n = dn_pdf_document_get_n_pages (document);
  for (int i = page > 0 ? page - 1 : 0; i < (page > 0 ? page : n); i++)
    {
      g_autofree char *text = dn_pdf_renderer_get_text (renderer, document, i, NULL, error);

      if (text == NULL)
        return FALSE;
      /* pages apart as pdftotext writes them: a form feed after each */
      out ("%s%s\f", text, text[0] != '\0' && !g_str_has_suffix (text, "\n") ? "\n" : "");
    }
  return TRUE;
}

static gboolean
run_find (Run     *run,
          GError **error)
{
  g_autofree char *words = NULL;
  g_autoptr(DnPdfRenderer) renderer = dn_pdf_renderer_new ();
  g_autoptr(DnPdfDocument) document = NULL;
  int n;

  words = text_argument (run->words + 1, error);
  if (words == NULL)
    return FALSE;
  document = open_document (run, renderer, error);
  popt_clear ();
  if (document == NULL)
    return FALSE;
  n = dn_pdf_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(GArray) rects = dn_pdf_renderer_find (renderer, document, i, words, NULL,
                                                      error);
      guint hits;

      if (rects == NULL)
        return FALSE;
      hits = dn_pdf_rects_count_hits (rects);
      if (hits > 0)
        out ("%d\t%u\n", i + 1, hits);
    }
  return TRUE;
}

static gboolean
check_find (Run     *run,
            GError **error)
{
  g_autofree char *words = text_argument (run->words + 1, error);

  if (words == NULL)
    return FALSE;
  g_strstrip (words);
  if (words[0] == '\0')
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_USAGE_BRIEF, _("Say what to find."));
      return FALSE;
    }
  return TRUE;
}

static const Words one_file = { 1, 1, N_("Give one PDF file.") };
static const Words file_and_words = { 2, -1, N_("Give a PDF file and the words to find.") };

const Command dn_cli_pdf_commands[] = {
  { "pdf-info", N_("Pages, title and text layer of a PDF file"),
    N_("Tell about a PDF file, one KEY<TAB>VALUE a line: pages, title, page-size (of the first page, in points), "
       "text-pages (pages with text), text-layer (yes, no or partial: a scan has none)."),
    N_("FILE"), info_options, &one_file, NULL, 0, run_info, TRUE },
  { "pdf-text", N_("The text of a PDF file, or of one page"),
    N_("Write the text of a PDF file, page after page, each followed by a form feed; --page N only that page."),
    N_("FILE"), page_text_options, &one_file, check_text, 0, run_text, TRUE },
  { "pdf-find", N_("Find words in a PDF file, ignoring accents"),
    N_("Find words in a PDF file as the window does (accents, đ and case ignored; “ho chieu” finds “hộ chiếu”, "
       "also over a line break). One line per page with matches: PAGE, COUNT."),
    N_("FILE WORDS…"), info_options, &file_and_words, check_find, 0, run_find, TRUE },
};
const guint dn_cli_n_pdf_commands = G_N_ELEMENTS (dn_cli_pdf_commands);
