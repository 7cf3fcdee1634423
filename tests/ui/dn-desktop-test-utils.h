/* dn-desktop-test-utils.h: desktops connected to a department server in
 * the test, for the connected-mode UI tests
 *
 * A server on a loopback port over the department (SGD) and one of its
 * schools (THBX), with the accounts "so" (the department) and "thbx" (the
 * school's unit officer), password DN_DESKTOP_PASSWORD; each desktop is a
 * main window on its own replica, signed in as one of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dn-connection.h"
#include "dn-server.h"
#include "dn-test-utils.h"
#include "dn-window.h"

G_BEGIN_DECLS

#define DN_DESKTOP_PASSWORD "mật khẩu tốt 123"

typedef struct
{
  DnTestStore  server_store;
  DnServer    *server;
  char        *base_uri;
  gint64       department, school;
  char        *dir;          /* the replicas */
} DnDesktopFixture;

typedef struct
{
  DnStore      *replica;
  DnConnection *connection;
  DnWindow     *window;
} DnDesktop;

void     dn_desktop_fixture_setup    (DnDesktopFixture *f,
                                      gconstpointer     data);
void     dn_desktop_fixture_teardown (DnDesktopFixture *f,
                                      gconstpointer     data);
/* Whether the DnConnection @data is neither signing in nor syncing */
gboolean dn_desktop_is_idle          (gpointer          data);
/* A desktop signed in as @user, its window open on its replica */
void     dn_desktop_open             (DnDesktopFixture *f,
                                      DnDesktop        *d,
                                      const char       *user);
/* Brought up to date with the server */
void     dn_desktop_sync             (DnDesktop        *d);
/* Its window closed, signed out, the replica gone */
void     dn_desktop_close            (DnDesktop        *d);
/* @window shown over the main window of @d */
void     dn_desktop_present_over     (GtkWindow        *window,
                                      DnDesktop        *d);
/* Saves @dialog, a form of a connected desktop, and waits for the server:
 * TRUE when it was saved (and closed), FALSE when its error is shown */
gboolean dn_desktop_save_and_wait    (gpointer          dialog);

G_END_DECLS
