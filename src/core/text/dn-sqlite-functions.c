/* dn-sqlite-functions.c: Vietnamese text functions, collation and FTS5 tokenizer for SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-sqlite"

#include "config.h"

#include "dn-sqlite-functions.h"

#include "dn-fts-match.h"

#include <string.h>

#include "dn-text.h"

#define FUNCTION_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/* Text of @value as valid UTF-8 (invalid bytes replaced by U+FFFD), or NULL
 * for SQL NULL.  Free with g_free(). */
static char *
value_dup_text (sqlite3_value *value)
{
  const char *text;
  int len;

  if (sqlite3_value_type (value) == SQLITE_NULL)
    return NULL;

  text = (const char *) sqlite3_value_text (value);
  len = sqlite3_value_bytes (value);
  if (text == NULL)
    return g_strdup ("");

  return g_utf8_make_valid (text, len);
}

/* Gives @data (freed with g_free) as the function's result: TEXT when
 * @text, else a BLOB. */
static void
result_take (sqlite3_context *context,
             gpointer         data,
             gsize            len,
             gboolean         text)
{
  if (len > G_MAXINT)
    {
      g_free (data);
      sqlite3_result_error_toobig (context);
      return;
    }

  if (text)
    sqlite3_result_text (context, data, (int) len, g_free);
  else
    sqlite3_result_blob (context, data, (int) len, g_free);
}

/* The SQL functions of one text argument that give text (NULL for NULL):
 * the function's user data is this, @text the C function. */
typedef struct
{
  const char  *invalid;  /* the error when @text gives NULL */
  char      *(*text) (const char *text);
} TextFunction;

static void
sql_text_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const TextFunction *function = sqlite3_user_data (context);
  g_autofree char *text = value_dup_text (argv[0]);
  char *result;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  result = function->text (text);
  if (result == NULL)
    {
      sqlite3_result_error (context, function->invalid, -1);
      return;
    }

  result_take (context, result, strlen (result), TRUE);
}

static char *
fold (const char *text)
{
  return dn_text_fold (text, -1);
}

/* dn_fold(text) → TEXT */
static const TextFunction sql_fold = { "dn_fold: invalid UTF-8", fold };

/* dn_collate_key(text) → BLOB */
static void
sql_collate_key (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *text;
  guint8 *key;
  gsize len;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  text = (const char *) sqlite3_value_text (argv[0]);
  if (text == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }

  key = dn_text_collate_key (text, sqlite3_value_bytes (argv[0]), &len);
  result_take (context, key, len, FALSE);
}

/* dn_section_key(text) → TEXT (NULL for NULL) */
static const TextFunction sql_section_key = { "dn_section_key: invalid UTF-8", dn_text_section_key };

/* dn_person_key(family, middle, given) → BLOB; NULL parts count as empty. */
static void
sql_person_key (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  g_autofree char *family = value_dup_text (argv[0]);
  g_autofree char *middle = value_dup_text (argv[1]);
  g_autofree char *given = value_dup_text (argv[2]);
  guint8 *key;
  gsize len;

  key = dn_text_person_key (family, middle, given, &len);
  result_take (context, key, len, FALSE);
}

/* COLLATE vi: the strings are not NUL-terminated. */
static int
collate_vi (void       *user_data,
            int         len_a,
            const void *a,
            int         len_b,
            const void *b)
{
  g_autofree guint8 *key_a = NULL;
  g_autofree guint8 *key_b = NULL;
  gsize key_len_a, key_len_b;
  int cmp;

  if (len_a == len_b && (len_a == 0 || memcmp (a, b, (size_t) len_a) == 0))
    return 0;

  key_a = dn_text_collate_key (a, len_a, &key_len_a);
  key_b = dn_text_collate_key (b, len_b, &key_len_b);

  /* Keys are never empty and never proper prefixes of one another. */
  cmp = memcmp (key_a, key_b, MIN (key_len_a, key_len_b));
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  return (key_len_a < key_len_b) ? -1 : (key_len_a > key_len_b) ? 1 : 0;
}

/* FTS5 tokenizer "dn": unicode61 (remove_diacritics 2) whose tokens have
 * đ turned into d. */

typedef struct
{
  fts5_tokenizer  inner_methods;
  Fts5Tokenizer  *inner;
} DnTokenizer;

typedef struct
{
  void *caller_ctx;
  int (*caller_token) (void       *ctx,
                       int         tflags,
                       const char *token,
                       int         n_token,
                       int         start,
                       int         end);
  char  *buf;
  gsize  buf_size;
} DnTokenizeContext;

static void
dn_tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  DnTokenizer *self = (DnTokenizer *) tokenizer;

  if (self == NULL)
    return;

  if (self->inner != NULL)
    self->inner_methods.xDelete (self->inner);
  g_free (self);
}

static int
dn_tokenizer_create (void           *user_data,
                     const char    **args,
                     int             n_args,
                     Fts5Tokenizer **out_tokenizer)
{
  fts5_api *api = user_data;
  void *inner_user_data = NULL;
  g_autofree const char **inner_args = NULL;
  DnTokenizer *self;
  int rc;

  *out_tokenizer = NULL;

  if (n_args < 0)
    return SQLITE_ERROR;

  self = g_new0 (DnTokenizer, 1);
  rc = api->xFindTokenizer (api, "unicode61", &inner_user_data, &self->inner_methods);
  if (rc != SQLITE_OK)
    {
      g_free (self);
      return rc;
    }

  /* Our default first, so that arguments given by the user come later and
   * win. */
  inner_args = g_new0 (const char *, (gsize) n_args + 2);
  inner_args[0] = "remove_diacritics";
  inner_args[1] = "2";
  for (int i = 0; i < n_args; i++)
    inner_args[i + 2] = args[i];

  rc = self->inner_methods.xCreate (inner_user_data, inner_args, n_args + 2, &self->inner);
  if (rc != SQLITE_OK)
    {
      self->inner = NULL;
      dn_tokenizer_delete ((Fts5Tokenizer *) self);
      return rc;
    }

  *out_tokenizer = (Fts5Tokenizer *) self;

  return SQLITE_OK;
}

static gboolean
token_has_d_stroke (const char *token,
                    int         n_token)
{
  for (int i = 0; i + 1 < n_token; i++)
    {
      if ((guchar) token[i] == 0xc4
          && ((guchar) token[i + 1] == 0x91 || (guchar) token[i + 1] == 0x90))
        return TRUE;
    }

  return FALSE;
}

static int
dn_tokenizer_token (void       *ctx,
                    int         tflags,
                    const char *token,
                    int         n_token,
                    int         start,
                    int         end)
{
  DnTokenizeContext *tc = ctx;
  int out_len = 0;

  if (n_token <= 0 || !token_has_d_stroke (token, n_token))
    return tc->caller_token (tc->caller_ctx, tflags, token, n_token, start, end);

  if (tc->buf_size < (gsize) n_token)
    {
      tc->buf_size = MAX ((gsize) n_token, 64);
      tc->buf = g_realloc (tc->buf, tc->buf_size);
    }

  /* U+0111 đ is C4 91 and U+0110 Đ is C4 90; both become "d". */
  for (int i = 0; i < n_token; i++)
    {
      if (i + 1 < n_token && (guchar) token[i] == 0xc4
          && ((guchar) token[i + 1] == 0x91 || (guchar) token[i + 1] == 0x90))
        {
          tc->buf[out_len++] = 'd';
          i++;
        }
      else
        {
          tc->buf[out_len++] = token[i];
        }
    }

  return tc->caller_token (tc->caller_ctx, tflags, tc->buf, out_len, start, end);
}

static int
dn_tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                       void          *caller_ctx,
                       int            flags,
                       const char    *text,
                       int            n_text,
                       int (*caller_token) (void       *ctx,
                                            int         tflags,
                                            const char *token,
                                            int         n_token,
                                            int         start,
                                            int         end))
{
  DnTokenizer *self = (DnTokenizer *) tokenizer;
  DnTokenizeContext tc = { caller_ctx, caller_token, NULL, 0 };
  int rc;

  rc = self->inner_methods.xTokenize (self->inner, &tc, flags, text, n_text,
                                      dn_tokenizer_token);
  g_free (tc.buf);

  return rc;
}

/* The fts5_api of @db, or NULL (with *rc set) when FTS5 is not available. */
static fts5_api *
get_fts5_api (sqlite3 *db,
              int     *rc)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return NULL;

  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW || *rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  sqlite3_finalize (stmt);

  if (*rc == SQLITE_OK && api == NULL)
    *rc = SQLITE_ERROR;

  return api;
}

int
dn_sqlite_register_functions (sqlite3 *db)
{
  static fts5_tokenizer dn_tokenizer = {
    dn_tokenizer_create,
    dn_tokenizer_delete,
    dn_tokenizer_tokenize,
  };
  static const struct
  {
    const char  *name;
    int          n_args;
    void       (*func) (sqlite3_context *, int, sqlite3_value **);
    const void  *user_data;
  } functions[] = {
    { "dn_fold", 1, sql_text_function, &sql_fold },
    { "dn_collate_key", 1, sql_collate_key, NULL },
    { "dn_person_key", 3, sql_person_key, NULL },
    { "dn_section_key", 1, sql_text_function, &sql_section_key },
  };
  fts5_api *api;
  int rc;

  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      rc = sqlite3_create_function_v2 (db, functions[i].name, functions[i].n_args, FUNCTION_FLAGS,
                                       (void *) functions[i].user_data, functions[i].func, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return rc;
    }

  rc = sqlite3_create_collation_v2 (db, "vi", SQLITE_UTF8, NULL, collate_vi, NULL);
  if (rc != SQLITE_OK)
    return rc;

  api = get_fts5_api (db, &rc);
  if (api == NULL)
    return rc;
  if (api->iVersion < 2)
    return SQLITE_ERROR;

  rc = api->xCreateTokenizer (api, "dn", api, &dn_tokenizer, NULL);
  if (rc != SQLITE_OK)
    return rc;
  return _dn_fts_match_register (db, api);
}
