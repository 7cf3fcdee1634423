/* dn-task-proposal-text.c: a directive's text as paragraphs: markdown and
 * page numbers dropped, the marks of parts and items read, the lines that
 * go on a sentence joined
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-proposal"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dn-task-proposal-private.h"
#include "dn-text.h"

void
_dn_proposal_para_free (Para *para)
{
  g_free (para->number);
  g_string_free (para->text, TRUE);
  g_free (para);
}

/* A line without markdown: headings' '#', emphasis '*', superscripts
 * ("<sup>1</sup>": footnote marks). */
static char *
clean_line (const char *line)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  while (*p == '#' || *p == ' ' || *p == '\t')
    p++;
  while (*p)
    {
      if (g_str_has_prefix (p, "<sup>"))
        {
          const char *end = strstr (p, "</sup>");

          p = end ? end + strlen ("</sup>") : p + strlen (p);
          continue;
        }
      if (*p != '*')
        g_string_append_c (out, *p);
      p++;
    }
  {
    char *normal = dn_text_normalize (out->str, -1, TRUE);

    g_string_free (out, TRUE);
    return normal ? normal : g_strdup ("");
  }
}

static gboolean
is_roman (const char *word,
          gsize       len)
{
  if (len == 0 || len > 5)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!strchr ("IVX", word[i]))
      return FALSE;
  return TRUE;
}

/* The mark a line starts with; *@rest after it. */
static Mark
line_mark (const char  *line,
           char       **number,
           const char **rest)
{
  const char *p = line;
  gsize len;

  *number = NULL;
  *rest = line;
  if (g_str_has_prefix (p, "- ") || g_str_has_prefix (p, "+ ") || g_str_has_prefix (p, "• ")
      || g_str_has_prefix (p, "– ") || g_str_has_prefix (p, "— "))
    {
      *rest = g_utf8_next_char (p);
      while (**rest == ' ')
        (*rest)++;
      return MARK_DASH;
    }
  len = strspn (p, "IVX");
  if (len > 0 && is_roman (p, len) && p[len] == '.' && p[len + 1] == ' ')
    {
      *number = g_strndup (p, len);
      *rest = p + len + 2;
      return MARK_ROMAN;
    }
  len = strspn (p, "0123456789");
  if (len > 0 && len <= 2 && p[len] == '.')
    {
      gsize len2 = strspn (p + len + 1, "0123456789");

      if (len2 > 0 && len2 <= 2 && (p[len + 1 + len2] == '.' || p[len + 1 + len2] == ' ')
          && (p[len + 1 + len2] == ' ' || p[len + 2 + len2] == ' '))
        {
          *number = g_strndup (p, len + 1 + len2);
          *rest = p + len + 1 + len2 + (p[len + 1 + len2] == '.' ? 1 : 0);
          while (**rest == ' ')
            (*rest)++;
          return MARK_SUB;
        }
      if (p[len + 1] == ' ')
        {
          *number = g_strndup (p, len);
          *rest = p + len + 2;
          while (**rest == ' ')
            (*rest)++;
          return MARK_NUMBER;
        }
    }
  return MARK_NONE;
}

static gboolean
ends_sentence (const GString *text)
{
  const char *end = text->len ? text->str + text->len - 1 : NULL;

  return end && strchr (".;:!?", *end) != NULL;
}

static gboolean
starts_lower (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_islower (c);
}

/* Whether @line (as it is in the text) starts an item: a mark after the
 * markdown, and a capital after the mark ("- xã hội" is the end of "kinh
 * tế - xã hội" carried over to the next line of a PDF). */
static gboolean
starts_item (const char *line)
{
  g_autofree char *clean = clean_line (line);
  g_autofree char *number = NULL;
  const char *rest;

  return line_mark (clean, &number, &rest) != MARK_NONE && !starts_lower (rest);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The width of a full line of @lines (in characters): a line at least
 * nearly as long was broken by the layout, not by the writer. */
static guint
full_width (char **lines)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; lines[i]; i++)
    {
      guint n = g_utf8_strlen (lines[i], -1);

      if (n > 0)
        g_array_append_val (widths, n);
    }
  if (widths->len == 0)
    return G_MAXUINT;
  g_array_sort (widths, compare_uint);
  return g_array_index (widths, guint, widths->len * 9 / 10);
}

/* The paragraphs of @text: a mark (followed by a capital) or an empty line
 * starts one; a line that goes on a sentence is joined to the one before:
 * one that starts with a small letter, and in a PDF's text (no empty
 * lines) one after a line that does not end a sentence or that is full
 * (the layout broke it). */
GPtrArray *
_dn_proposal_split_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\n\f", -1);
  GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) _dn_proposal_para_free);
  Para *last = NULL;
  gboolean blank = TRUE;
  guint last_width = 0, full;

  for (guint i = 0; lines[i]; i++)
    g_strstrip (lines[i]);
  full = full_width (lines);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = NULL;
      g_autofree char *number = NULL;
      const char *rest;
      Mark mark;

      if (g_str_has_prefix (lines[i], "<sup>") || g_str_has_prefix (lines[i], "---"))
        {
          /* a footnote (its text goes to the end of its paragraph, or to
           * the next item) or a rule; what follows may go on the
           * paragraph before it */
          blank = TRUE;
          while (lines[i + 1] && *lines[i + 1] != '\0' && !starts_item (lines[i + 1]))
            i++;
          continue;
        }
      line = clean_line (lines[i]);
      if (*line == '\0' || strspn (line, "0123456789") == strlen (line))
        {
          /* an empty line, or a page's number */
          blank = TRUE;
          continue;
        }
      mark = line_mark (line, &number, &rest);
      if (mark != MARK_NONE && starts_lower (rest))
        {
          mark = MARK_NONE;
          g_clear_pointer (&number, g_free);
        }
      if (mark == MARK_NONE && last != NULL
          && (starts_lower (line)
              || (!blank && (!ends_sentence (last->text) || last_width * 20 >= full * 19))))
        {
          g_string_append_c (last->text, ' ');
          g_string_append (last->text, line);
          blank = FALSE;
          last_width = g_utf8_strlen (lines[i], -1);
          continue;
        }
      last = g_new0 (Para, 1);
      last->mark = mark;
      last->number = g_steal_pointer (&number);
      last->text = g_string_new (mark == MARK_NONE ? line : rest);
      last->line = i + 1;
      g_ptr_array_add (paras, last);
      blank = FALSE;
      last_width = g_utf8_strlen (lines[i], -1);
    }
  return paras;
}
