/* dn-task-proposal.c: the tasks a directive gives, proposed from its text: the
 * record, the key form names are compared in, creating the tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-proposal"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dn-date.h"
#include "dn-store-tasks.h"
#include "dn-task-proposal-private.h"
#include "dn-text.h"
#include "dn-unit.h"

/* The record ---------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (DnTaskProposal, dn_task_proposal, G_TYPE_OBJECT)

static void
dn_task_proposal_finalize (GObject *object)
{
  DnTaskProposal *self = DN_TASK_PROPOSAL (object);

  g_free (self->section);
  g_free (self->title);
  g_free (self->source);
  g_array_unref (self->support_unit_ids);
  G_OBJECT_CLASS (dn_task_proposal_parent_class)->finalize (object);
}

static void
dn_task_proposal_class_init (DnTaskProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dn_task_proposal_finalize;
}

static void
dn_task_proposal_init (DnTaskProposal *self)
{
  self->section = g_strdup ("");
  self->title = g_strdup ("");
  self->source = g_strdup ("");
  self->support_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->recurrence = DN_RECURRENCE_NONE;
  g_date_clear (&self->due_date, 1);
  self->include = TRUE;
}

DnTaskProposal *
dn_task_proposal_new (void)
{
  return g_object_new (DN_TYPE_TASK_PROPOSAL, NULL);
}

/* Key form ------------------------------------------------------------------
 *
 * Names are compared in a key form: folded (accents, đ, case), every run of
 * characters that are not letters or digits one space, and the usual
 * shortenings written one way, each word between spaces (" gd dt "), so
 * that a phrase is found with strstr() on whole words. */

static const struct
{
  const char *from;
  const char *to;
} shortenings[] = {
  { " uy ban nhan dan ", " ubnd " },
  { " giao duc va dao tao ", " gd dt " },
  { " giao duc dao tao ", " gd dt " },
  { " gddt ", " gd dt " },
  { " sgddt ", " so gd dt " },
  { " sgd dt ", " so gd dt " },
  { " giao duc nghe nghiep va giao duc thuong xuyen ", " gdnn gdtx " },
  { " giao duc nghe nghiep giao duc thuong xuyen ", " gdnn gdtx " },
};

/* " word word " (a space at each end), or " " for nothing */
char *
_dn_proposal_key (const char *text)
{
  g_autofree char *folded = dn_text_fold (text ? text : "", -1);
  GString *key = g_string_new (" ");
  gboolean changed;

  if (folded == NULL)
    return g_string_free (key, FALSE);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
      else if (key->str[key->len - 1] != ' ')
        g_string_append_c (key, ' ');
    }
  if (key->str[key->len - 1] != ' ')
    g_string_append_c (key, ' ');
  do
    {
      changed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (shortenings); i++)
        if (g_string_replace (key, shortenings[i].from, shortenings[i].to, 0) > 0)
          changed = TRUE;
    }
  while (changed);
  return g_string_free (key, FALSE);
}

/* Whether @key (a key form) holds @phrase (" words "). */
gboolean
_dn_proposal_key_has (const char *key,
         const char *phrase)
{
  return strstr (key, phrase) != NULL;
}

/* Number of the words of a key form. */
guint
_dn_proposal_key_words (const char *key)
{
  guint n = 0;

  for (const char *p = key; *p; p++)
    if (*p == ' ' && p[1] != '\0')
      n++;
  return n;
}

/* Creating the tasks -------------------------------------------------------- */

GPtrArray *
dn_task_proposals_to_tasks (GPtrArray    *proposals,
                            gint64        document_id,
                            const GDate  *default_due,
                            GError      **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (proposals != NULL, NULL);

  for (guint i = 0; i < proposals->len; i++)
    {
      DnTaskProposal *proposal = g_ptr_array_index (proposals, i);
      DnTask *task;

      if (!proposal->include)
        continue;
      if (proposal->lead_unit_id <= 0)
        {
          /* Translators: a proposed task (its number in the list, and its
           * section in the directive) has no lead unit (đơn vị chủ trì) */
          g_set_error (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID,
                       _("Proposal %u (%s): choose the lead unit."), i + 1, proposal->section);
          return NULL;
        }
      task = dn_task_new ();
      task->document_id = document_id;
      g_free (task->section);
      task->section = g_strdup (proposal->section);
      g_free (task->title);
      task->title = g_strdup (proposal->title);
      task->recurrence = proposal->recurrence;
      if (g_date_valid (&proposal->due_date))
        task->due_date = proposal->due_date;
      else if (default_due && g_date_valid (default_due))
        task->due_date = *default_due;
      task->lead_unit_id = proposal->lead_unit_id;
      g_array_set_size (task->support_unit_ids, 0);
      for (guint s = 0; s < proposal->support_unit_ids->len; s++)
        g_array_append_val (task->support_unit_ids, g_array_index (proposal->support_unit_ids, gint64, s));
      g_ptr_array_add (tasks, task);
    }
  if (tasks->len == 0)
    {
      g_set_error_literal (error, DN_STORE_ERROR, DN_STORE_ERROR_INVALID, _("No proposal is kept: there is no task to create."));
      return NULL;
    }
  return g_steal_pointer (&tasks);
}

gboolean
dn_task_proposals_create (DnStore      *store,
                          GPtrArray    *proposals,
                          gint64        document_id,
                          const GDate  *default_due,
                          GArray      **ids,
                          GError      **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint next = 0;

  g_return_val_if_fail (DN_IS_STORE (store), FALSE);
  g_return_val_if_fail (proposals != NULL, FALSE);

  if ((tasks = dn_task_proposals_to_tasks (proposals, document_id, default_due, error)) == NULL ||
      !dn_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < proposals->len; i++)
    {
      DnTaskProposal *proposal = g_ptr_array_index (proposals, i);
      DnTask *task;
      g_autoptr(GError) local = NULL;

      if (!proposal->include)
        continue;
      task = tasks->pdata[next++];
      if (!dn_store_add_task (store, task, &local))
        {
          dn_store_rollback (store);
          g_set_error (error, local->domain, local->code,
                       _("Proposal %u (%s): %s"), i + 1, proposal->section, local->message);
          return FALSE;
        }
      g_array_append_val (made, task->id);
    }
  if (!dn_store_commit (store, error))
    return FALSE;
  if (ids)
    *ids = g_steal_pointer (&made);
  return TRUE;
}
