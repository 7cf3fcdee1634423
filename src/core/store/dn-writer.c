/* dn-writer.c: what makes the window's writes (dn-writer.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dn-writer.h"

#include <glib/gi18n-lib.h>

G_DEFINE_INTERFACE (DnWriter, dn_writer, G_TYPE_OBJECT)

static gboolean
dn_writer_real_can_undo (DnWriter *self)
{
  return TRUE;
}

static void
dn_writer_default_init (DnWriterInterface *iface)
{
  iface->can_undo = dn_writer_real_can_undo;
}

void
dn_writer_write_async (DnWriter            *self,
                       DnWrite             *write,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (DN_IS_WRITER (self));
  g_return_if_fail (write != NULL);
  DN_WRITER_GET_IFACE (self)->write_async (self, write, cancellable, callback, user_data);
}

gboolean
dn_writer_write_finish (DnWriter      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (DN_IS_WRITER (self), FALSE);
  return DN_WRITER_GET_IFACE (self)->write_finish (self, result, error);
}

gboolean
dn_writer_can_undo (DnWriter *self)
{
  g_return_val_if_fail (DN_IS_WRITER (self), FALSE);
  return DN_WRITER_GET_IFACE (self)->can_undo (self);
}

gboolean
dn_writer_write_now (DnWriter  *self,
                     DnWrite   *write,
                     GError   **error)
{
  DnWriterInterface *iface;

  g_return_val_if_fail (DN_IS_WRITER (self), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  iface = DN_WRITER_GET_IFACE (self);
  if (iface->write_now == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, _("The change is being sent."));
      return FALSE;
    }
  return iface->write_now (self, write, error);
}
