/* test-task-proposal-samples.c: the tasks proposed from the two sample
 * directives, on the demo's unit tree, against the lists written by hand
 * from their texts (tests/data/directives/, one .expected.tsv each)
 *
 * A proposal is right when an expected task of its section starts with the
 * expected title's words (accents and case ignored) and has its lead,
 * supporting units (as a set) and recurrence; wrong when it differs or
 * matches no expected task; an expected task no proposal matches is
 * missed. The figures are printed (TAP comments) and kept in
 * ARCHITECTURE.md; the test asserts floors under them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-task-proposal-samples"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dn-exchange.h"
#include "dn-store.h"
#include "dn-task-proposal.h"
#include "dn-test-utils.h"
#include "dn-text.h"

typedef struct
{
  char *section, *lead, *support, *recurrence, *title;
  gboolean used;
} Expected;

static void
expected_free (Expected *e)
{
  g_free (e->section);
  g_free (e->lead);
  g_free (e->support);
  g_free (e->recurrence);
  g_free (e->title);
  g_free (e);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char *
sorted_codes (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);

  if (*list == '\0')
    return g_strdup ("");
  qsort (parts, g_strv_length (parts), sizeof (char *), compare_strings);
  return g_strjoinv (",", parts);
}

static GPtrArray *
read_expected (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) expected_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      Expected *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 5);
      e = g_new0 (Expected, 1);
      e->section = g_strdup (f[0]);
      e->lead = g_strdup (f[1]);
      e->support = sorted_codes (f[2]);
      e->recurrence = g_strdup (f[3]);
      e->title = dn_text_fold (f[4], -1);
      g_ptr_array_add (rows, e);
    }
  return rows;
}

static const char *
code_of (GPtrArray *units,
         gint64     id)
{
  for (guint i = 0; i < units->len; i++)
    {
      DnUnit *unit = g_ptr_array_index (units, i);

      if (unit->id == id)
        return unit->code;
    }
  return "";
}

typedef struct
{
  const char *name;
  guint min_right, max_wrong, max_missed;
} Sample;

/* Floors under the figures measured (ARCHITECTURE.md): a change that makes
 * the proposals worse fails here. */
static const Sample samples[] = {
  { "huong-dan-doi-ngoai-lao-cai-2018-2019", 28, 1, 0 },
  { "ke-hoach-hoi-nhap-quoc-te-dam-ha-2024", 29, 0, 0 },
};

static void
test_sample (DnTestStore   *f,
             gconstpointer  data)
{
  const Sample *sample = data;
  g_autofree char *text_path = NULL;
  g_autofree char *expected_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  guint right = 0, wrong = 0, missed = 0;

  g_assert_true (dn_exchange_load_demo (f->store, &error));
  g_assert_no_error (error);
  units = dn_store_list_unit_tree (f->store, TRUE, &error);
  g_assert_no_error (error);

  text_path = g_build_filename (TEST_DATA_DIR, "directives", sample->name, NULL);
  if (!g_file_test (text_path, G_FILE_TEST_EXISTS))
    {
      g_free (text_path);
      text_path = g_strconcat (TEST_DATA_DIR "/directives/", sample->name, ".txt", NULL);
      if (!g_file_test (text_path, G_FILE_TEST_EXISTS))
        {
          g_free (text_path);
          text_path = g_strconcat (TEST_DATA_DIR "/directives/", sample->name, ".md", NULL);
        }
    }
  expected_path = g_strconcat (TEST_DATA_DIR "/directives/", sample->name, ".expected.tsv", NULL);
  g_file_get_contents (text_path, &text, NULL, &error);
  g_assert_no_error (error);
  expected = read_expected (expected_path);
  proposals = dn_task_proposals_parse (text, units);

  for (guint i = 0; i < proposals->len; i++)
    {
      DnTaskProposal *p = g_ptr_array_index (proposals, i);
      g_autofree char *title = dn_text_fold (p->title, -1);
      g_autoptr(GString) support = g_string_new (NULL);
      g_autofree char *sorted = NULL;
      const char *recurrence = p->recurrence == DN_RECURRENCE_NONE ? "" : dn_recurrence_to_string (p->recurrence);
      Expected *match = NULL;

      for (guint s = 0; s < p->support_unit_ids->len; s++)
        g_string_append_printf (support, "%s%s", s ? "," : "",
                                code_of (units, g_array_index (p->support_unit_ids, gint64, s)));
      sorted = sorted_codes (support->str);
      for (guint e = 0; e < expected->len && match == NULL; e++)
        {
          Expected *row = g_ptr_array_index (expected, e);

          if (!row->used && strcmp (row->section, p->section) == 0 && g_str_has_prefix (title, row->title))
            match = row;
        }
      if (match)
        match->used = TRUE;
      if (match && strcmp (match->lead, code_of (units, p->lead_unit_id)) == 0
          && strcmp (match->support, sorted) == 0 && strcmp (match->recurrence, recurrence) == 0)
        right++;
      else
        {
          wrong++;
          g_test_message ("wrong: line %u %s\t%s\t%s\t%s\t%s (expected %s)", p->line, p->section,
                          code_of (units, p->lead_unit_id), sorted, recurrence, p->title,
                          match ? "other units or recurrence" : "no such task");
        }
    }
  for (guint e = 0; e < expected->len; e++)
    {
      Expected *row = g_ptr_array_index (expected, e);

      if (!row->used)
        {
          missed++;
          g_test_message ("missed: %s %s", row->section, row->title);
        }
    }
  /* the figures, for ARCHITECTURE.md */
  g_test_message ("%s: %u expected, %u proposed: %u right, %u wrong, %u missed",
                  sample->name, expected->len, proposals->len, right, wrong, missed);
  g_assert_cmpuint (right, >=, sample->min_right);
  g_assert_cmpuint (wrong, <=, sample->max_wrong);
  g_assert_cmpuint (missed, <=, sample->max_missed);
}

/* @text as a PDF's text layer gives it: no empty lines, every paragraph
 * broken into lines of at most @width characters at spaces. */
static char *
as_pdf_text (const char *text,
             guint       width)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (lines[i]), " ", -1);
      guint column = 0;

      if (*lines[i] == '\0')
        continue;
      for (guint w = 0; words[w]; w++)
        {
          guint n = g_utf8_strlen (words[w], -1);

          if (column > 0 && column + 1 + n > width)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, words[w]);
          column += n;
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
describe (GPtrArray *proposals)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < proposals->len; i++)
    {
      DnTaskProposal *p = g_ptr_array_index (proposals, i);

      g_string_append_printf (out, "%s|%" G_GINT64_FORMAT "|%u|%d|%s\n", p->section, p->lead_unit_id,
                              p->support_unit_ids->len, p->recurrence, p->title);
    }
  return g_string_free (out, FALSE);
}

/* The Lào Cai guidance as a PDF gives its text, at several widths: the
 * same proposals as from its text file */
static void
test_sample_as_pdf_text (DnTestStore   *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "directives", "huong-dan-doi-ngoai-lao-cai-2018-2019.txt",
                                            NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const guint widths[] = { 60, 85, 110 };

  g_assert_true (dn_exchange_load_demo (f->store, &error));
  units = dn_store_list_unit_tree (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  proposals = dn_task_proposals_parse (text, units);
  expected = describe (proposals);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *wrapped = as_pdf_text (text, widths[i]);
      g_autoptr(GPtrArray) again = dn_task_proposals_parse (wrapped, units);
      g_autofree char *got = describe (again);

      g_test_message ("width %u", widths[i]);
      g_assert_cmpstr (got, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dn_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strconcat ("/task-proposal/sample/", samples[i].name, NULL);

      g_test_add (path, DnTestStore, &samples[i], dn_test_store_setup, test_sample, dn_test_store_teardown);
    }
  g_test_add ("/task-proposal/sample/as-pdf-text", DnTestStore, NULL, dn_test_store_setup, test_sample_as_pdf_text,
              dn_test_store_teardown);
  status = g_test_run ();
  dn_test_remove_tree (home);
  return status;
}
