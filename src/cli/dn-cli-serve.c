/* dn-cli-serve.c: serve, the department server
 *
 *   serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]
 *         [--allow-plain-http]
 *
 * Runs the JSON API under /api/v1/ (DnServer) over the database until
 * interrupted (Ctrl+C, or SIGTERM from systemd). Without a certificate it
 * listens on this computer only, unless told --allow-plain-http (behind a
 * TLS proxy), and says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "doingoai-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#ifdef G_OS_UNIX
#include <glib-unix.h>
#endif

#include "dn-cli.h"
#include "dn-server.h"

static struct
{
  char     *listen;
  char     *cert;
  char     *key;
  gboolean  allow_plain;
} sopt;

void
dn_cli_serve_clear (void)
{
  char **const texts[] = { &sopt.listen, &sopt.cert, &sopt.key };

  clear_texts (texts, G_N_ELEMENTS (texts));
  sopt.allow_plain = FALSE;
}

static const GOptionEntry serve_options[] = {
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &sopt.listen,
    N_("Where to listen (default 127.0.0.1:8080; port 0: any free one)"), N_("HOST:PORT") },
  { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &sopt.cert, N_("The server's certificate (PEM), for HTTPS"),
    N_("FILE") },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &sopt.key, N_("Its private key (PEM)"), N_("FILE") },
  { "allow-plain-http", 0, 0, G_OPTION_ARG_NONE, &sopt.allow_plain,
    N_("Listen without TLS on an address other than this computer's (behind a TLS proxy only)"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
check_serve (Run     *run,
             GError **error)
{
  if ((sopt.cert == NULL) != (sopt.key == NULL))
    return cli_refuse (error, CLI_ERROR_USAGE_BRIEF, _("Give both --tls-cert and --tls-key, or neither."));
  return TRUE;
}

#ifdef G_OS_UNIX
static gboolean
stop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}
#endif

static gboolean
run_serve (Run     *run,
           GError **error)
{
  g_autoptr(DnServer) server = dn_server_new (run->store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GTlsCertificate) certificate = NULL;
  const char *address = sopt.listen != NULL ? sopt.listen : "127.0.0.1:8080";
  GSList *uris;
#ifdef G_OS_UNIX
  guint interrupt, terminate;
#endif

  if (sopt.cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (sopt.cert, sopt.key, error);
      if (certificate == NULL)
        return FALSE;
    }
  if (!dn_server_listen (server, address, certificate, sopt.allow_plain, error))
    return FALSE;
  uris = dn_server_get_uris (server);
  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_uri_to_string (l->data);

      /* the first line says where: scripts and tests read it */
      out (_("Listening on %sapi/v1/\n"), uri);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (certificate == NULL)
    err ("%s", sopt.allow_plain
                 ? _("Plain HTTP: passwords and data cross the network in clear unless a TLS proxy stands in front.")
                 : _("Plain HTTP on this computer only: give --tls-cert and --tls-key to serve the network."));
  fflush (stdout);
#ifdef G_OS_UNIX
  interrupt = g_unix_signal_add (SIGINT, stop_cb, loop);
  terminate = g_unix_signal_add (SIGTERM, stop_cb, loop);
#endif
  g_main_loop_run (loop);
#ifdef G_OS_UNIX
  g_source_remove (interrupt);
  g_source_remove (terminate);
#endif
  dn_server_disconnect (server);
  return TRUE;
}

const Command dn_cli_serve_commands[] = {
  { "serve", N_("Run the department server"),
    N_("Serve the database to the desktops of the department's offices and schools: the JSON API under /api/v1/, "
       "for the accounts made with “user add”. Without --tls-cert and --tls-key it listens on this computer only, "
       "unless --allow-plain-http (a TLS proxy in front). Stops on Ctrl+C or SIGTERM."),
    NULL, serve_options, &no_words, check_serve, DN_STORE_OPEN_NO_CREATE, run_serve },
};
const guint dn_cli_n_serve_commands = G_N_ELEMENTS (dn_cli_serve_commands);
