/* fuzz-changes.c: the input as the server's answer to GET /changes, read as
 * the client reads an answer and applied to an empty replica
 *
 * A fresh empty database is made once (the template); every input is
 * applied to a copy of it, kept open as long as inputs are refused and
 * replaced by a new copy after an accepted one.
 *
 * Invariants:
 *   refused:  an error is set (UTF-8); every table holds exactly the rows it
 *             held before and the replica's revision has not moved;
 *   accepted: the answer passed the strict check (dn_fuzz_json_is_strict);
 *             the replica's revision is the answer's; dn_store_check()
 *             reports the database sound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-fuzz"

#include <string.h>

#include "dn-client.h"
#include "dn-exchange-apply.h"
#include "dn-fuzz.h"
#include "dn-store-settings.h"
#include "dn-test-utils.h"

static GBytes *template_bytes;
static char *work_path;
static DnStore *work;

static void
init (void)
{
  g_autofree char *template_path = NULL;

  if (template_bytes != NULL)
    return;
  dn_fuzz_init ();
  template_path = g_build_filename (dn_fuzz_tmp_dir (), "template.db", NULL);
  work_path = g_build_filename (dn_fuzz_tmp_dir (), "replica.db", NULL);
  template_bytes = dn_fuzz_make_template (template_path);
  work = dn_fuzz_open_copy (template_bytes, work_path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = NULL;
  gint64 revision;

  init ();
  before = dn_test_row_counts (work);
  revision = dn_store_get_replica_revision (work);
  answer = dn_client_parse_answer ((const char *) data, size, &error);
  if (answer != NULL && dn_exchange_apply_changes (work, answer, &error))
    {
      g_autoptr(GString) report = g_string_new (NULL);

      dn_fuzz_outcome = DN_FUZZ_ACCEPTED;
      dn_fuzz_assert (dn_fuzz_json_is_strict ((const char *) data, size, &why),
                      "an answer that is not strict JSON was applied: %s", why);
      dn_fuzz_assert (dn_store_get_replica_revision (work) ==
                      json_object_get_int_member (json_node_get_object (answer), "revision"),
                      "the replica's revision is not the answer's");
      dn_fuzz_assert (dn_store_check (work, report, &error), "dn_store_check() reports a problem: %s%s",
                      report->str, error != NULL ? error->message : "");
      dn_fuzz_note ("accepted");
      dn_fuzz_close_store (&work);
      work = dn_fuzz_open_copy (template_bytes, work_path);
      return 0;
    }
  dn_fuzz_outcome = DN_FUZZ_REFUSED;
  dn_fuzz_assert (error != NULL, "refused without an error");
  dn_fuzz_assert (g_utf8_validate (error->message, -1, NULL), "the error is not UTF-8");
  dn_fuzz_note ("refused: %s", error->message);
  after = dn_test_row_counts (work);
  dn_fuzz_assert (g_str_equal (before, after), "a refused answer changed the replica: %s → %s", before, after);
  dn_fuzz_assert (dn_store_get_replica_revision (work) == revision, "a refused answer moved the revision");
  return 0;
}
