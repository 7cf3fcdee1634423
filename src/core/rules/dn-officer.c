/* dn-officer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-officer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "dn-officer.h"
#include "dn-text.h"

/* @text normalised into *@out ("" for NULL); FALSE with @error when it
 * cannot be recorded. @what names the field in the message. */
static gboolean
clean_part (const char  *text,
            const char  *what,
            char       **out,
            GError     **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    text = "";
  clean = dn_text_normalize (text, -1, TRUE);
  if (clean == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %s is "Your name" or "Your position" */
                   _("%s is not valid text."), what);
      return FALSE;
    }
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CONTROL || g_unichar_type (c) == G_UNICODE_FORMAT)
        {
          g_autofree char *shown = dn_text_escape_for_display (text, 80);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* TRANSLATORS: %s is "Your name" or "Your position", then what was typed */
                       _("%s holds a control character: “%s”."), what, shown);
          return FALSE;
        }
    }
  if (g_utf8_strlen (clean, -1) > DN_OFFICER_MAX_CHARS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %s is "Your name" or "Your position" */
                   g_dngettext (GETTEXT_PACKAGE, "%s is longer than %d character.",
                                "%s is longer than %d characters.", DN_OFFICER_MAX_CHARS),
                   what, DN_OFFICER_MAX_CHARS);
      return FALSE;
    }
  *out = g_steal_pointer (&clean);
  return TRUE;
}

char *
dn_officer_format (const char  *name,
                   const char  *position,
                   GError     **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_position = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!clean_part (name, _("Your name"), &clean_name, error) ||
      !clean_part (position, _("Your position"), &clean_position, error))
    return NULL;
  if (*clean_name == '\0')
    return NULL;
  if (*clean_position == '\0')
    return g_steal_pointer (&clean_name);
  /* the records' rule, whatever the interface language */
  return g_strdup_printf ("%s (%s)", clean_name, clean_position);
}
