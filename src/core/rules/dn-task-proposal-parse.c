/* dn-task-proposal-parse.c: the tasks proposed from a directive's
 * paragraphs (dn-task-proposal-text.c): its parts and items, their
 * titles, leads, supporting units and topics
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

/* The longest title proposed, in characters (a title is the item's first
 * sentence or clause). */
#define MAX_TITLE_CHARS 200

/* Proposals ------------------------------------------------------------------ */

typedef enum
{
  PART_NONE,      /* before the first part, or after the end */
  PART_PURPOSE,   /* "Mục đích, yêu cầu": no work */
  PART_CONTENT,   /* "Nội dung", "Nhiệm vụ, giải pháp" */
  PART_IMPLEMENTATION, /* "Tổ chức thực hiện" */
} Part;

typedef struct
{
  Para *para;
  Part part;
  char *section;
  char *label;        /* "Văn phòng Sở" of "Văn phòng Sở: Làm đầu mối …", or NULL */
  const char *body;   /* the text after the label */
  GArray *context;    /* units of the heading or label it is under (not owned), or NULL */
} Item;

static Part
part_of (const char *heading)
{
  g_autofree char *key = _dn_proposal_key (heading);

  if (_dn_proposal_key_has (key, " to chuc thuc hien "))
    return PART_IMPLEMENTATION;
  if ((_dn_proposal_key_has (key, " muc dich ") || _dn_proposal_key_has (key, " yeu cau ")) && _dn_proposal_key_words (key) <= 5)
    return PART_PURPOSE;
  return PART_CONTENT;
}

/* "Văn phòng Sở: Làm đầu mối …": the label (a short name before a colon). */
static char *
split_label (const char  *text,
             const char **body)
{
  const char *colon = strchr (text, ':');
  g_autofree char *label = NULL;

  *body = text;
  if (colon == NULL || g_utf8_strlen (text, colon - text) > 80)
    return NULL;
  label = g_strndup (text, colon - text);
  g_strstrip (label);
  if (*label == '\0')
    return NULL;
  *body = colon + 1;
  while (**body == ' ')
    (*body)++;
  return g_steal_pointer (&label);
}

/* The title: the first sentence or clause of @body, without the verbs
 * that say who leads ("Chủ trì", "Làm đầu mối"), its first letter in
 * capitals, at most MAX_TITLE_CHARS characters. */
static char *
make_title (const char *body)
{
  static const char *const leads[] = { "Chủ trì ", "chủ trì ", "Làm đầu mối ", "làm đầu mối ", "Là đầu mối " };
  GString *title;
  const char *end;
  const char *p = body;
  gboolean declared = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    if (g_str_has_prefix (p, leads[i]))
      {
        p += strlen (leads[i]);
        declared = TRUE;
      }
  title = g_string_new (p);
  /* the first sentence; the first clause, unless it lists what a unit
   * leads ("Chủ trì công tác đào tạo, bồi dưỡng; du học; …") */
  for (end = title->str; *end; end++)
    if ((*end == '.' || (*end == ';' && !declared)) && (end[1] == ' ' || end[1] == '\0'))
      break;
  g_string_truncate (title, end - title->str);
  while (title->len && strchr (" .;:,", title->str[title->len - 1]))
    g_string_truncate (title, title->len - 1);
  if (g_utf8_strlen (title->str, -1) > MAX_TITLE_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (title->str, MAX_TITLE_CHARS - 1);
      const char *space = g_utf8_strrchr (title->str, cut - title->str, ' ');

      g_string_truncate (title, (space ? space : cut) - title->str);
      g_string_append (title, "…");
    }
  if (title->len)
    {
      gunichar c = g_unichar_toupper (g_utf8_get_char (title->str));
      const char *next = g_utf8_next_char (title->str);
      char buf[8];
      int n = g_unichar_to_utf8 (c, buf);

      g_string_erase (title, 0, next - title->str);
      g_string_prepend_len (title, buf, n);
    }
  return g_string_free (title, FALSE);
}

/* The clauses where units are said to support: from "phối hợp (với)" to
 * the verb of the work ("thực hiện", "triển khai"…) or the end of the
 * sentence. Units found there are appended to @ids. */
static void
find_supports (DnUnitMatcher *matcher,
               const char    *text,
               GArray        *ids,
               gboolean      *starts_with)
{
  static const char *const ends[] = {
    " thuc hien ", " trien khai ", " nham ", " de ", " trong viec ", " to chuc ", " tham muu ",
    " xay dung ", " bao cao ", " quan ly ",
  };
  g_autofree char *folded = dn_text_fold (text, -1);
  const char *p;

  if (starts_with)
    *starts_with = FALSE;
  if (folded == NULL)
    return;
  for (p = strstr (folded, "phoi hop"); p; p = strstr (p + 1, "phoi hop"))
    {
      const char *stop = p + strlen (p);
      const char *from = p + strlen ("phoi hop");
      g_autofree char *span = NULL;
      g_autofree char *span_key = NULL;
      g_autoptr(GArray) found = NULL;

      if (g_str_has_prefix (from, " voi"))
        from += strlen (" voi");
      for (const char *q = from; *q; q++)
        if ((*q == '.' && (q[1] == ' ' || q[1] == '\0')) || *q == ';')
          {
            stop = q;
            break;
          }
      span = g_strndup (from, stop - from);
      span_key = _dn_proposal_key (span);
      for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
        {
          char *cut = strstr (span_key, ends[e]);

          if (cut)
            cut[1] = '\0';
        }
      found = dn_unit_matcher_find (matcher, span_key, TRUE);
      if (starts_with && p == folded && found->len > 0)
        *starts_with = TRUE;
      for (guint i = 0; i < found->len; i++)
        _dn_proposal_add_unit (ids, g_array_index (found, gint64, i));
    }
}

/* The unit named before "chủ trì" or "làm đầu mối" in @text, or 0. */
static gint64
find_lead (DnUnitMatcher *matcher,
           const char    *text)
{
  g_autofree char *folded = dn_text_fold (text, -1);
  const char *at;
  g_autofree char *before = NULL;
  g_autoptr(GArray) found = NULL;
  const char *start;

  if (folded == NULL)
    return 0;
  at = strstr (folded, "chu tri");
  if (at == NULL)
    at = strstr (folded, "dau moi");
  if (at == NULL)
    return 0;
  /* within the sentence */
  for (start = at; start > folded && start[-1] != '.' && start[-1] != ';'; start--)
    ;
  before = g_strndup (start, at - start);
  found = dn_unit_matcher_find (matcher, before, FALSE);
  return found->len ? g_array_index (found, gint64, found->len - 1) : 0;
}

static gboolean
is_lead_label (const char *body)
{
  g_autofree char *key = _dn_proposal_key (body);

  return g_str_has_prefix (key, " lam dau moi ") || g_str_has_prefix (key, " la dau moi ")
         || g_str_has_prefix (key, " dau moi ");
}

static void
item_free (Item *item)
{
  g_free (item->section);
  g_free (item->label);
  g_free (item);
}

/* Whether @text is only a name of units (a heading such as "1. Sở Giáo
 * dục và Đào tạo"): no verb of work, units found, short. */
static gboolean
is_unit_heading (DnUnitMatcher *matcher,
                 const char    *text,
                 GArray       **units)
{
  g_autoptr(GArray) found = NULL;
  g_autofree char *key = _dn_proposal_key (text);

  if (_dn_proposal_key_words (key) > 16 || strchr (text, ':') != NULL)
    return FALSE;
  found = dn_unit_matcher_find (matcher, text, TRUE);
  if (found->len == 0)
    return FALSE;
  *units = g_steal_pointer (&found);
  return TRUE;
}

/* What a unit is said to lead in the implementation part ("Phòng GDCN&GDTX:
 * Chủ trì công tác đào tạo, bồi dưỡng; du học; định hướng nghề nghiệp và
 * xuất khẩu lao động"): each thing named, in key form, without the words
 * every duty starts with; things of fewer than two words, or as general
 * as "đào tạo", are left out. */
typedef struct
{
  char *key;
  gint64 unit_id;
} Topic;

static void
topic_clear (Topic *topic)
{
  g_free (topic->key);
}

static const char *const duty_words[] = {
  " cong tac ", " tham muu ", " trien khai cac noi dung ", " trien khai ", " quan ly ", " theo doi ",
  " bao cao ", " tong hop ", " thuc hien ", " to chuc ", " chi dao ", " huong dan ",
};

static const char *const general_topics[] = {
  " dao tao ", " boi duong ", " hop tac ", " gd dt ", " giao duc ", " keu goi ",
};

static void
add_topics (GArray     *topics,
            const char *body,
            gint64      unit_id)
{
  g_autofree char *sentence = NULL;
  g_auto(GStrv) pieces = NULL;
  const char *end = strstr (body, ". ");
  g_autofree char *key = _dn_proposal_key (body);

  if (!g_str_has_prefix (key, " chu tri "))
    return;
  sentence = end ? g_strndup (body, end - body) : g_strdup (body);
  pieces = g_regex_split_simple ("[;,]|\\s(?:và|hoặc)\\s", sentence, 0, 0);
  for (guint i = 0; pieces[i]; i++)
    {
      g_autofree char *piece = _dn_proposal_key (pieces[i]);
      gboolean stripped;
      Topic topic;

      if (g_str_has_prefix (piece, " chu tri "))
        memmove (piece, piece + strlen (" chu tri"), strlen (piece) - strlen (" chu tri") + 1);
      do
        {
          stripped = FALSE;
          for (guint w = 0; w < G_N_ELEMENTS (duty_words); w++)
            if (g_str_has_prefix (piece, duty_words[w]))
              {
                memmove (piece, piece + strlen (duty_words[w]) - 1, strlen (piece) - strlen (duty_words[w]) + 2);
                stripped = TRUE;
              }
        }
      while (stripped);
      if (_dn_proposal_key_words (piece) < 2)
        continue;
      for (guint g = 0; g < G_N_ELEMENTS (general_topics) && piece; g++)
        if (strcmp (piece, general_topics[g]) == 0)
          g_clear_pointer (&piece, g_free);
      if (piece == NULL)
        continue;
      topic.key = g_steal_pointer (&piece);
      topic.unit_id = unit_id;
      g_array_append_val (topics, topic);
    }
}

static int
document_year (const char *text)
{
  g_autofree char *key = _dn_proposal_key (text);
  g_autoptr(GRegex) re = g_regex_new (" nam (?:hoc )?(\\d{4}) ", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (re, key, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);

      return atoi (y);
    }
  return 0;
}

GPtrArray *
dn_task_proposals_parse (const char *text,
                         GPtrArray  *units)
{
  g_autoptr(GPtrArray) paras = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GPtrArray) contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(DnUnitMatcher) matcher = NULL;
  GPtrArray *proposals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *roman = NULL;
  g_autofree char *number = NULL;
  g_autofree char *sub = NULL;
  Part part = PART_NONE;
  GArray *number_context = NULL, *sub_context = NULL;
  g_autoptr(GArray) topics = NULL;
  gint64 home = 0, focal = 0;
  int year;

  g_return_val_if_fail (text != NULL, proposals);
  paras = _dn_proposal_split_paragraphs (text);
  matcher = dn_unit_matcher_new (units);
  dn_unit_matcher_set_document (matcher, text);
  year = document_year (text);

  /* the home unit: the first unit heading of the implementation part */
  {
    Part p = PART_NONE;

    for (guint i = 0; i < paras->len && home == 0; i++)
      {
        Para *para = g_ptr_array_index (paras, i);
        g_autoptr(GArray) found = NULL;

        if (para->mark == MARK_ROMAN)
          p = part_of (para->text->str);
        else if (p == PART_IMPLEMENTATION && para->mark == MARK_NUMBER
                 && is_unit_heading (matcher, para->text->str, &found) && found->len == 1)
          home = g_array_index (found, gint64, 0);
      }
    dn_unit_matcher_set_home (matcher, home);
  }

  /* the items, each with its section and the units it is under */
  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = g_ptr_array_index (paras, i);
      g_autofree char *label = NULL;
      const char *body = para->text->str;
      GArray *units_found = NULL;
      Item *item;

      {
        g_autofree char *key = _dn_proposal_key (body);

        if (g_str_has_prefix (key, " tren day ") || g_str_has_prefix (key, " noi nhan "))
          part = PART_NONE;
      }
      switch (para->mark)
        {
        case MARK_ROMAN:
          g_free (roman);
          roman = g_strdup (para->number);
          g_clear_pointer (&number, g_free);
          g_clear_pointer (&sub, g_free);
          number_context = sub_context = NULL;
          part = part_of (body);
          continue;
        case MARK_NUMBER:
          g_free (number);
          number = g_strdup (para->number);
          g_clear_pointer (&sub, g_free);
          number_context = sub_context = NULL;
          break;
        case MARK_SUB:
          g_free (sub);
          sub = g_strdup (para->number);
          sub_context = NULL;
          break;
        case MARK_DASH:
        case MARK_NONE:
        default:
          break;
        }
      if (part != PART_CONTENT && part != PART_IMPLEMENTATION)
        continue;

      /* a heading naming units, or a label before a colon */
      if (part == PART_IMPLEMENTATION && (para->mark == MARK_NUMBER || para->mark == MARK_SUB)
          && is_unit_heading (matcher, body, &units_found))
        {
          g_ptr_array_add (contexts, units_found);
          if (para->mark == MARK_NUMBER)
            number_context = units_found;
          else
            sub_context = units_found;
          continue;
        }
      label = split_label (body, &body);
      if (label)
        {
          units_found = dn_unit_matcher_find (matcher, label, TRUE);
          if (units_found->len == 0)
            {
              g_array_unref (units_found);
              units_found = NULL;
              g_clear_pointer (&label, g_free);
              body = para->text->str;
            }
          else
            {
              g_ptr_array_add (contexts, units_found);
              if (para->mark == MARK_NUMBER)
                number_context = units_found;
              else if (para->mark == MARK_SUB)
                sub_context = units_found;
              if (units_found->len == 1 && is_lead_label (body) && focal == 0)
                focal = g_array_index (units_found, gint64, 0);
            }
        }

      item = g_new0 (Item, 1);
      item->para = para;
      item->part = part;
      /* "II", "II.1", "III.1.2" (a sub-item's number holds its item's) */
      item->section = g_strjoin (".", roman ? roman : "", sub ? sub : number, NULL);
      if (roman == NULL)
        {
          g_free (item->section);
          item->section = g_strdup (sub ? sub : number ? number : "");
        }
      item->label = g_steal_pointer (&label);
      item->body = body;
      item->context = units_found ? units_found : sub_context ? sub_context : number_context;
      g_ptr_array_add (items, item);
    }

  /* a numbered item with dashes under it is their heading, not a task */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      Item *next = i + 1 < items->len ? g_ptr_array_index (items, i + 1) : NULL;

      if ((item->para->mark == MARK_NUMBER || item->para->mark == MARK_SUB) && item->label == NULL
          && next && next->para->mark == MARK_DASH && strcmp (next->section, item->section) == 0)
        {
          g_ptr_array_remove_index (items, i);
          i--;
        }
    }

  if (focal == 0)
    focal = home;

  /* what each unit is said to lead */
  topics = g_array_new (FALSE, TRUE, sizeof (Topic));
  g_array_set_clear_func (topics, (GDestroyNotify) topic_clear);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->part == PART_IMPLEMENTATION && item->label && item->context && item->context->len == 1)
        add_topics (topics, item->body, g_array_index (item->context, gint64, 0));
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      DnTaskProposal *proposal = dn_task_proposal_new ();
      g_autoptr(GArray) supports = g_array_new (FALSE, FALSE, sizeof (gint64));
      gboolean support_first = FALSE;
      gint64 lead = 0;

      find_supports (matcher, item->body, supports, &support_first);
      if (item->context && support_first && supports->len > 0)
        {
          /* "Phối hợp với Văn phòng Sở thực hiện …" under the units that
           * support: the unit named leads, they support */
          lead = g_array_index (supports, gint64, 0);
          g_array_remove_index (supports, 0);
          for (guint c = 0; c < item->context->len; c++)
            _dn_proposal_add_unit (supports, g_array_index (item->context, gint64, c));
        }
      else if (item->context && item->context->len == 1)
        lead = g_array_index (item->context, gint64, 0);
      else
        {
          lead = find_lead (matcher, item->body);
          if (lead == 0 && item->part == PART_CONTENT)
            {
              g_autofree char *key = _dn_proposal_key (item->body);

              for (guint t = 0; t < topics->len && lead == 0; t++)
                if (_dn_proposal_key_has (key, g_array_index (topics, Topic, t).key))
                  lead = g_array_index (topics, Topic, t).unit_id;
            }
          if (lead == 0)
            lead = focal;
          if (item->context)
            for (guint c = 0; c < item->context->len; c++)
              _dn_proposal_add_unit (supports, g_array_index (item->context, gint64, c));
        }
      if (item->context && item->context->len == 1 && g_array_index (item->context, gint64, 0) == home
          && focal != home && !support_first)
        lead = focal;

      g_free (proposal->section);
      proposal->section = g_strdup (item->section);
      g_free (proposal->title);
      proposal->title = make_title (item->body);
      g_free (proposal->source);
      proposal->source = g_strdup (item->para->text->str);
      proposal->line = item->para->line;
      proposal->lead_unit_id = lead;
      for (guint s = 0; s < supports->len; s++)
        if (g_array_index (supports, gint64, s) != lead)
          g_array_append_val (proposal->support_unit_ids, g_array_index (supports, gint64, s));
      proposal->recurrence = dn_task_proposal_find_recurrence (item->body);
      dn_task_proposal_find_due_date (item->body, year, &proposal->due_date);
      if (*proposal->title)
        g_ptr_array_add (proposals, proposal);
      else
        g_object_unref (proposal);
    }
  return proposals;
}

