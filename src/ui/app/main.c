/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DnApplication) app = NULL;

  /* the interface language must be chosen before gettext and GTK start */
  dn_application_apply_language ();

  app = dn_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
