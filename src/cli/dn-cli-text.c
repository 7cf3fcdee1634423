/* dn-cli-text.c: doingoai-cli convert-legacy [--from auto|tcvn3|vni] [FILE]:
 * text in the legacy encodings TCVN3 (ABC) or VNI, pasted as mojibake or
 * read from an old file, converted to Unicode (NFC) on stdout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <stdio.h>

#include "dn-cli.h"
#include "dn-legacy-text.h"
#include "dn-text.h"

#ifdef G_OS_WIN32
#include <fcntl.h>
#include <io.h>
#endif

/* standard input is read up to one byte more than the conversion takes:
 * it refuses what is longer */
#define CONVERT_MAX_INPUT (DN_LEGACY_TEXT_MAX_SIZE + 1)

static struct
{
  char             *from;      /* as typed */
  DnLegacyEncoding  encoding;  /* NONE: auto */
} text_opt;

static const GOptionEntry convert_text_options[] = {
  { "from", 'f', 0, G_OPTION_ARG_FILENAME, &text_opt.from,
    N_("The encoding of the text: auto (found from the text, the default), tcvn3 or vni"), N_("ENCODING") },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_convert_text (Run     *run,
                    GError **error)
{
  text_opt.encoding = DN_LEGACY_ENCODING_NONE;
  if (text_opt.from == NULL || g_ascii_strcasecmp (text_opt.from, "auto") == 0)
    return TRUE;
  if (!dn_legacy_encoding_from_string (text_opt.from, &text_opt.encoding) ||
      text_opt.encoding == DN_LEGACY_ENCODING_NONE)
    return refuse_value (error, CLI_ERROR_USAGE, text_opt.from,
                         _("Unknown encoding “%s”: use auto, tcvn3 or vni."));
  return TRUE;
}

/* All of standard input, as bytes. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

#ifdef G_OS_WIN32
  _setmode (_fileno (stdin), _O_BINARY);
#endif
  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_byte_array_append (data, buffer, (guint) n);
      if (data->len >= CONVERT_MAX_INPUT)
        break;
    }
  if (ferror (stdin))
    {
      g_set_error_literal (error, CLI_ERROR, CLI_ERROR_REFUSED, _("Cannot read the standard input."));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GBytes *
read_file (const char  *name,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *shown = dn_text_escape_for_display (name, -1);
  char *contents = NULL;
  gsize size = 0;

  /* refused as the conversion would, without reading it all */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > DN_LEGACY_TEXT_MAX_SIZE)
    {
      g_set_error (error, DN_LEGACY_TEXT_ERROR, DN_LEGACY_TEXT_ERROR_TOO_LONG,
                   _("The text is too long: at most %d MB is converted."), DN_LEGACY_TEXT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &size, NULL, &local))
    {
      g_set_error (error, CLI_ERROR, CLI_ERROR_REFUSED, _("Cannot read “%s”: %s"), shown, local->message);
      return NULL;
    }
  return g_bytes_new_take (contents, size);
}

static gboolean
run_convert_text (Run     *run,
                  GError **error)
{
  g_autoptr(GBytes) input = NULL;
  g_autoptr(DnLegacyPreview) preview = NULL;
  gsize size = 0;
  const guint8 *data;

  input = run->n_words > 0 ? read_file (run->words[0], error) : read_stdin (error);
  if (input == NULL)
    return FALSE;
  data = g_bytes_get_data (input, &size);
  preview = dn_legacy_bytes_preview (data, size, text_opt.encoding, error);
  if (preview == NULL)
    return FALSE;
  if (text_opt.encoding == DN_LEGACY_ENCODING_NONE)
    err (_("Found %s (%d%% sure)."), dn_legacy_encoding_get_label (preview->encoding),
         (int) (preview->confidence * 100 + 0.5));
  out ("%s", preview->after);
  return TRUE;
}

static const Words maybe_file = { 0, 1, N_("Give at most one file name.") };

const Command dn_cli_text_commands[] = {
  { "convert-legacy", N_("Convert text in TCVN3 (ABC) or VNI to Unicode"),
    N_("Convert text typed in the legacy encodings TCVN3 (ABC, “.VnTime” fonts) or VNI (“VNI-Times”) to Unicode, "
       "from FILE or the standard input, and print it. The text may be pasted (“Xin chµo”, “Xin chaøo”) or the "
       "bytes of an old file. With --from auto the encoding found, and how sure, is said on stderr; when none is "
       "found, the exit status is 1 and nothing is printed."),
    N_("[FILE]"), convert_text_options, &maybe_file, check_convert_text, DN_STORE_OPEN_DEFAULT, run_convert_text,
    TRUE },
};
const guint dn_cli_n_text_commands = G_N_ELEMENTS (dn_cli_text_commands);
