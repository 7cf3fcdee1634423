/* dn-text-find.c: finding what is typed inside a running text
 *
 * The text is folded character by character into one buffer that keeps,
 * for each of its bytes, the index of the character it came from; what
 * was typed is folded the same way and looked for in that buffer, and the
 * places found are turned back into characters of the text. Folding one
 * character at a time gives the same result as dn_text_fold() on the whole
 * text (it lower-cases and drops marks character by character too), but
 * keeps the way back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-text"

#include "config.h"

#include <string.h>

#include "dn-text-find.h"
#include "dn-text-private.h"
#include "dn-text.h"

typedef struct
{
  GString *folded;
  GArray  *origin;   /* guint per byte of folded: the character it came from */
} Folded;

static void
append (Folded     *f,
        const char *bytes,
        gsize       len,
        guint       index)
{
  g_string_append_len (f->folded, bytes, len);
  for (gsize i = 0; i < len; i++)
    g_array_append_val (f->origin, index);
}

/* Folds @text into @f; white space runs become one space, leading and
 * trailing ones dropped. FALSE when @text is not valid UTF-8. */
static gboolean
fold_mapped (const char *text,
             Folded     *f)
{
  guint index = 0;
  gboolean space = FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = f->folded->len > 0;
          continue;
        }
      if (space)
        {
          append (f, " ", 1, index - 1);
          space = FALSE;
        }
      if (c < 0x80)
        {
          char lower = g_ascii_tolower ((char) c);
          append (f, &lower, 1, index);
        }
      else
        {
          g_autofree char *one = dn_text_fold (p, g_utf8_next_char (p) - p);

          if (one != NULL)
            append (f, one, strlen (one), index);
        }
    }
  return TRUE;
}

GArray *
dn_text_find_all (const char *text,
                  const char *typed)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (DnTextSpan));
  Folded page = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (guint)) };
  Folded query = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (guint)) };
  const char *from;

  if (text == NULL || typed == NULL || !fold_mapped (typed, &query) || query.folded->len == 0
      || !fold_mapped (text, &page))
    goto out;

  from = page.folded->str;
  for (;;)
    {
      const char *hit = strstr (from, query.folded->str);
      gsize first, last;
      DnTextSpan span;
      const char *p;

      if (hit == NULL)
        break;
      first = hit - page.folded->str;
      last = first + query.folded->len - 1;
      span.start = g_array_index (page.origin, guint, first);
      span.end = g_array_index (page.origin, guint, last) + 1;
      /* the marks written after the last letter (NFD) belong to it */
      p = g_utf8_offset_to_pointer (text, span.end);
      while (*p != '\0' && is_mark (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          span.end++;
        }
      g_array_append_val (spans, span);
      from = hit + query.folded->len;
    }

out:
  g_string_free (page.folded, TRUE);
  g_array_unref (page.origin);
  g_string_free (query.folded, TRUE);
  g_array_unref (query.origin);
  return spans;
}
