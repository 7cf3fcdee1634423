/* dn-document.c: the type is defined with the other records' in dn-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-document"

#include "config.h"

#include "dn-document.h"

DnDocument *
dn_document_new (void)
{
  return g_object_new (DN_TYPE_DOCUMENT, NULL);
}

gboolean
dn_document_is_secret (DnDocument *document)
{
  g_return_val_if_fail (DN_IS_DOCUMENT (document), FALSE);
  return document->classification != DN_CLASSIFICATION_NORMAL;
}

char *
dn_document_build_symbol (DnDocumentType  type,
                          const char     *agency,
                          const char     *unit)
{
  const char *parts[3] = { dn_document_type_get_abbreviation (type), agency, unit };
  GString *symbol = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i] != NULL ? parts[i] : ""));

      if (*part == '\0')
        continue;
      if (symbol->len > 0)
        g_string_append_c (symbol, '-');
      g_string_append (symbol, part);
    }
  return g_string_free (symbol, FALSE);
}

char *
dn_document_format_number (int number)
{
  return g_strdup_printf ("%02d", number);
}
