/* bench-server.c: how many desktops one department server carries
 *
 * bench-server [--tasks N] [--db PATH] [--clients 10,50,200] [--requests N]
 *              [--seconds S] [--pause MS] [--schools K]
 *              [--password-cost interactive|min] [--keep-connection]
 *
 * A server on loopback over a database made by dn_generate (N tasks,
 * default 100 000, with 20 000 delegations and 50 000 people; made once and
 * reused: PATH, by default bench-server-N.db in the build folder), with an
 * account for each client (a desktop each): a department officer and unit
 * officers of K schools in turn (the schools that lead most tasks). For
 * each number of clients, that many clients, each a
 * thread of its own with its own GMainContext and SoupSession (so one
 * connection each, kept alive), sign in at once and then send up to
 * --requests requests each (at most --seconds for the level):
 * 60 % polls of /changes since the revision they last had, 20 % pages of
 * /tasks (100 tasks, each page after the last), 10 % searches
 * (/tasks?q=…, 50 tasks) and 10 % progress entries (POST
 * /tasks/{id}/progress on a task the client's unit leads). Prints, per
 * level and kind of request, the requests per second and the median and
 * 99th percentile of the time each took, and checks that nothing was
 * lost: every answer the one expected, and as many progress entries more
 * in the store as were answered 201.
 *
 * By default the clients send back to back: the server's ceiling, where
 * each waits for the others (a request's time is about the number of
 * clients over the requests per second). With --pause MS each client
 * waits about MS between its requests, as desktops do (one poll a minute;
 * --pause 1000 is sixty times that).
 *
 * libsoup sends each POST (a progress entry) on a new connection, never on
 * the one kept open; --keep-connection sends them on it (the message
 * marked SOUP_MESSAGE_IDEMPOTENT), to tell the cost of that connection
 * from the write's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-server"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "dn-core-testing.h"
#include "dn-generator.h"
#include "dn-server.h"
#include "dn-store-accounts.h"
#include "dn-store-changes.h"
#include "dn-store-private.h"
#include "dn-store-tasks.h"

#include <sodium.h>

#define N_DELEGATIONS 20000
#define N_PEOPLE      50000
#define PASSWORD      "mật khẩu thử tải 2026"

typedef enum
{
  KIND_SIGN_IN,
  KIND_POLL,
  KIND_PAGE,
  KIND_SEARCH,
  KIND_PROGRESS,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = { "sign-in", "poll", "task page", "search", "progress" };

static const char * const searches[] = { "ho chieu", "bao cao", "hop tac", "ke hoach", "doan vao", "han quoc",
                                         "tap huan", "nhat ban", "giao luu", "hoi thao" };

/* One account the clients sign in as: its name, and the tasks (ids) whose
 * lead unit is its unit, with that unit */
typedef struct
{
  char   *name;
  gint64  unit_id;
  GArray *task_ids;
} Account;

typedef struct
{
  const char *base_uri;
  Account    *accounts;
  guint       n_accounts;
  gint64      revision;     /* the store's when the level starts */
  gint64      deadline;     /* monotonic */
  guint       requests;
  guint       pause_ms;     /* between a client's requests; 0: back to back */
  gboolean    keep_connection;  /* progress entries on the open connection too */
  GMutex      lock;
  GArray     *times[N_KINDS];  /* double, ms */
  guint       n_unexpected;
  guint       n_created;    /* progress entries answered 201 */
  char       *first_unexpected;
  guint       n_transport;      /* requests that got no answer (reset, timed out…) */
  char       *transport_error;  /* the first of them */
} Level;

typedef struct
{
  Level   *level;
  guint    index;
  GThread *thread;
} Client;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The clients ----------------------------------------------------------------- */

/* Sends one request and waits; its time in *@ms, its status returned, its
 * body's JSON in *@json when asked */
static guint
send_request (SoupSession  *session,
              Level        *level,
              const char   *method,
              const char   *path,
              const char   *token,
              const char   *body,
              JsonNode    **json,
              double       *ms)
{
  g_autofree char *uri = g_strconcat (level->base_uri, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) content = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", content);
      /* libsoup sends a POST on a new connection of its own, as the
       * desktops' writes go (dn-client.c), unless told it may be sent again */
      if (level->keep_connection)
        soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
    }
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  *ms = ms_since (start);
  if (answer == NULL)
    {
      g_mutex_lock (&level->lock);
      level->n_transport++;
      if (level->transport_error == NULL)
        level->transport_error = g_strdup (error->message);
      g_mutex_unlock (&level->lock);
      return 0;
    }
  if (json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      *json = NULL;
      if (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer),
                                      NULL) &&
          json_parser_get_root (parser) != NULL)
        *json = json_node_ref (json_parser_get_root (parser));
    }
  return soup_message_get_status (msg);
}

static void
record (Level      *level,
        Kind        kind,
        double      ms,
        guint       status,
        guint       expected,
        const char *path)
{
  g_mutex_lock (&level->lock);
  g_array_append_val (level->times[kind], ms);
  if (status != expected)
    {
      level->n_unexpected++;
      if (level->first_unexpected == NULL)
        level->first_unexpected = g_strdup_printf ("%s %s: %u", kind_names[kind], path, status);
    }
  else if (kind == KIND_PROGRESS)
    level->n_created++;
  g_mutex_unlock (&level->lock);
}

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  Level *level = client->level;
  Account *account = &level->accounts[client->index % level->n_accounts];
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (client->index * 7919 + 1);
  g_autoptr(JsonNode) signed_in = NULL;
  g_autofree char *token = NULL;
  g_autofree char *login = NULL;
  gint64 since = level->revision, after = 0;
  double ms;
  guint status;

  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("timeout", 60, NULL);
  login = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\"}", account->name, PASSWORD);
  status = send_request (session, level, "POST", "/session", NULL, login, &signed_in, &ms);
  record (level, KIND_SIGN_IN, ms, status, 201, "/session");
  if (status == 201 && signed_in != NULL)
    token = g_strdup (json_object_get_string_member (json_node_get_object (signed_in), "token"));
  for (guint r = 0; token != NULL && r < level->requests && g_get_monotonic_time () < level->deadline; r++)
    {
      guint roll = (guint) g_rand_int_range (rand, 0, 100);
      g_autofree char *path = NULL;
      g_autofree char *body = NULL;
      g_autoptr(JsonNode) json = NULL;

      if (roll < 60)
        {
          path = g_strdup_printf ("/changes?since=%" G_GINT64_FORMAT, since);
          status = send_request (session, level, "GET", path, token, NULL, &json, &ms);
          if (status == 200 && json != NULL)
            since = json_object_get_int_member (json_node_get_object (json), "revision");
          record (level, KIND_POLL, ms, status, 200, path);
        }
      else if (roll < 80)
        {
          JsonNode *next;

          path = g_strdup_printf ("/tasks?limit=100&after=%" G_GINT64_FORMAT, after);
          status = send_request (session, level, "GET", path, token, NULL, &json, &ms);
          next = status == 200 && json != NULL ? json_object_get_member (json_node_get_object (json), "next") : NULL;
          after = next != NULL && !JSON_NODE_HOLDS_NULL (next) ? json_node_get_int (next) : 0;
          record (level, KIND_PAGE, ms, status, 200, path);
        }
      else if (roll < 90)
        {
          g_autofree char *escaped = g_uri_escape_string (searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))],
                                                          NULL, FALSE);

          path = g_strdup_printf ("/tasks?limit=50&q=%s", escaped);
          status = send_request (session, level, "GET", path, token, NULL, NULL, &ms);
          record (level, KIND_SEARCH, ms, status, 200, path);
        }
      else if (account->task_ids->len > 0)
        {
          gint64 task = g_array_index (account->task_ids, gint64,
                                       g_rand_int_range (rand, 0, (gint32) account->task_ids->len));

          path = g_strdup_printf ("/tasks/%" G_GINT64_FORMAT "/progress", task);
          body = g_strdup_printf ("{\"unit_id\": %" G_GINT64_FORMAT ", \"entry_date\": \"2026-%02d-%02d\", "
                                  "\"percent\": %d, \"note\": \"Báo cáo tiến độ (thử tải)\"}",
                                  account->unit_id, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                                  g_rand_int_range (rand, 0, 101));
          status = send_request (session, level, "POST", path, token, body, NULL, &ms);
          record (level, KIND_PROGRESS, ms, status, 201, path);
        }
      /* a desktop's pace: the next request a while after (±50 %) */
      if (level->pause_ms > 0)
        g_usleep ((gulong) g_rand_int_range (rand, (gint32) level->pause_ms / 2, (gint32) level->pause_ms * 3 / 2 + 1) *
                  1000);
    }
  g_main_context_pop_thread_default (context);
  return NULL;
}

/* A level: @n_clients at once ---------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  guint i;

  if (times->len == 0)
    return 0;
  i = (guint) (p * (times->len - 1) + 0.5);
  return g_array_index (times, double, MIN (i, times->len - 1));
}

typedef struct
{
  DnStore    *store;
  const char *base_uri;
  Account    *accounts;
  guint       n_accounts;
  guint      *levels;
  guint       n_levels;
  guint       requests;
  guint       seconds;
  guint       pause_ms;
  gboolean    keep_connection;
  GMainLoop  *loop;
  gboolean    failed;
  guint       n_created;  /* progress entries answered 201, every level */
  /* the store's revision, read on the main thread for the driver */
  GMutex      lock;
  GCond       cond;
  gint64      revision;
  gboolean    read;
} Driver;

/* The store is the main thread's: its revision read there */
static gboolean
read_revision_cb (gpointer data)
{
  Driver *driver = data;

  g_mutex_lock (&driver->lock);
  driver->revision = dn_store_get_revision (driver->store);
  driver->read = TRUE;
  g_cond_signal (&driver->cond);
  g_mutex_unlock (&driver->lock);
  return G_SOURCE_REMOVE;
}

static gint64
current_revision (Driver *driver)
{
  gint64 revision;

  g_mutex_lock (&driver->lock);
  driver->read = FALSE;
  g_idle_add (read_revision_cb, driver);
  while (!driver->read)
    g_cond_wait (&driver->cond, &driver->lock);
  revision = driver->revision;
  g_mutex_unlock (&driver->lock);
  return revision;
}

static gint64
count_rows (DnStore    *store,
            const char *sql)
{
  gint64 n = 0;

  if (!_dn_store_read_int (store, sql, &n, NULL, DN_END))
    g_error ("cannot read %s", sql);
  return n;
}

#define count_progress(store) count_rows (store, "SELECT count(*) FROM progress")

static void
run_level (Driver *driver,
           guint   n_clients,
           gint64  revision)
{
  Level level = { 0 };
  g_autofree Client *clients = g_new0 (Client, n_clients);
  gint64 start;
  double seconds;
  guint total = 0;

  level.base_uri = driver->base_uri;
  level.accounts = driver->accounts;
  level.n_accounts = driver->n_accounts;
  level.revision = revision;
  level.requests = driver->requests;
  level.pause_ms = driver->pause_ms;
  level.keep_connection = driver->keep_connection;
  g_mutex_init (&level.lock);
  for (guint k = 0; k < N_KINDS; k++)
    level.times[k] = g_array_new (FALSE, FALSE, sizeof (double));
  start = g_get_monotonic_time ();
  level.deadline = start + (gint64) driver->seconds * G_USEC_PER_SEC;
  for (guint i = 0; i < n_clients; i++)
    {
      clients[i].level = &level;
      clients[i].index = i;
      clients[i].thread = g_thread_new ("client", client_thread, &clients[i]);
    }
  for (guint i = 0; i < n_clients; i++)
    g_thread_join (clients[i].thread);
  seconds = ms_since (start) / 1000.0;

  for (guint k = KIND_POLL; k < N_KINDS; k++)
    total += level.times[k]->len;
  printf ("\n%u clients: %u requests after the sign-ins in %.1f s, %.0f requests/s\n", n_clients, total, seconds,
          total / seconds);
  printf ("  %-10s %7s %9s %9s %9s\n", "", "count", "per s", "p50 ms", "p99 ms");
  for (guint k = 0; k < N_KINDS; k++)
    {
      GArray *times = level.times[k];
      GArray *all = k == KIND_SIGN_IN ? NULL : times;

      g_array_sort (times, compare_doubles);
      printf ("  %-10s %7u %9.1f %9.1f %9.1f\n", kind_names[k], times->len, all != NULL ? times->len / seconds : 0.0,
              percentile (times, 0.50), percentile (times, 0.99));
    }
  {
    g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint k = KIND_POLL; k < N_KINDS; k++)
      g_array_append_vals (all, level.times[k]->data, level.times[k]->len);
    g_array_sort (all, compare_doubles);
    printf ("  %-10s %7u %9.1f %9.1f %9.1f\n", "all", all->len, all->len / seconds, percentile (all, 0.50),
            percentile (all, 0.99));
  }
  /* the requests without an answer, counted apart: a reset connection
   * is the server's listening or its connections, not a wrong answer */
  printf ("  %-10s %7u%s%s%s\n", "no answer", level.n_transport, level.transport_error != NULL ? " (the first: " : "",
          level.transport_error != NULL ? level.transport_error : "", level.transport_error != NULL ? ")" : "");
  if (level.n_unexpected > 0)
    {
      printf ("  UNEXPECTED ANSWERS: %u (the first: %s%s%s)\n", level.n_unexpected, level.first_unexpected,
              level.transport_error != NULL ? "; no answer: " : "",
              level.transport_error != NULL ? level.transport_error : "");
      driver->failed = TRUE;
    }
  /* the main thread counts them in the store at the end */
  driver->n_created += level.n_created;
  for (guint k = 0; k < N_KINDS; k++)
    g_array_unref (level.times[k]);
  g_free (level.first_unexpected);
  g_free (level.transport_error);
  g_mutex_clear (&level.lock);
}

static gpointer
driver_thread (gpointer data)
{
  Driver *driver = data;

  for (guint i = 0; i < driver->n_levels; i++)
    run_level (driver, driver->levels[i], current_revision (driver));
  g_main_loop_quit (driver->loop);
  return NULL;
}

/* The data ---------------------------------------------------------------------- */

static void
make_database (const char *path,
               guint       n_tasks)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  gint64 start = g_get_monotonic_time ();

  printf ("Generating %s (%u tasks, %d delegations, %d people)… ", path, n_tasks, N_DELEGATIONS, N_PEOPLE);
  fflush (stdout);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *side = g_strconcat (tmp, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_remove (side);
    }
  {
    g_autoptr(DnStore) store = dn_store_open (tmp, DN_STORE_OPEN_DEFAULT, &error);

    if (store == NULL || !dn_generate (store, n_tasks, N_DELEGATIONS, N_PEOPLE, 1, &error))
      g_error ("%s", error->message);
  }
  if (g_rename (tmp, path) != 0)
    g_error ("cannot rename %s to %s", tmp, path);
  printf ("%.1f s\n", ms_since (start) / 1000.0);
}

/* The account @name of @unit_id with @role, added unless it is there */
static void
ensure_account (DnStore       *store,
                const char    *name,
                gint64         unit_id,
                DnAccountRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DnAccount) found = dn_store_find_account (store, name, NULL);
  g_autoptr(DnAccount) account = NULL;

  if (found != NULL)
    return;
  account = dn_account_new ();
  g_free (account->name);
  account->name = g_strdup (name);
  account->unit_id = unit_id;
  account->role = role;
  if (!dn_store_add_account (store, account, PASSWORD, &error))
    g_error ("cannot add the account %s: %s", name, error->message);
}

static GArray *
read_ids (DnStore    *store,
          const char *sql,
          gint64      value)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _dn_store_prepare_with (store, sql, &error, DN_INT (value), DN_END);

  if (stmt == NULL || !_dn_store_collect_ids (store, stmt, ids, &error))
    g_error ("%s", error->message);
  return ids;
}

/* @n_accounts accounts, one a client as desktops have: the department
 * officer (first), then officers of the @n_schools schools that lead most
 * tasks, in turn */
static Account *
make_accounts (DnStore *store,
               guint    n_schools,
               guint    n_accounts)
{
  g_autoptr(GArray) schools = read_ids (store,
                                        "SELECT a.unit_id FROM assignment a JOIN unit u ON u.id = a.unit_id "
                                        "WHERE a.role = 'lead' AND u.kind = 'school' GROUP BY a.unit_id "
                                        "ORDER BY count(*) DESC, a.unit_id LIMIT ?",
                                        n_schools);
  g_autoptr(GArray) top = read_ids (store, "SELECT id FROM unit WHERE parent_id IS NULL AND ?1 = ?1 "
                                           "ORDER BY kind <> 'department', id LIMIT 1", 0);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  Account *accounts = g_new0 (Account, MAX (n_accounts, 2));

  if (top->len == 0 || schools->len == 0)
    g_error ("the database has no department or no school leading a task");
  for (guint i = 0; i < schools->len; i++)
    g_ptr_array_add (tasks, read_ids (store,
                                      "SELECT a.task_id FROM assignment a JOIN task t ON t.id = a.task_id "
                                      "WHERE a.unit_id = ? AND a.role = 'lead' AND t.deleted = 0 ORDER BY a.task_id",
                                      g_array_index (schools, gint64, i)));
  accounts[0].name = g_strdup ("so-bench");
  ensure_account (store, accounts[0].name, g_array_index (top, gint64, 0), DN_ACCOUNT_ROLE_DEPARTMENT);
  /* the department reports for the first school (a unit assigned to them) */
  accounts[0].unit_id = g_array_index (schools, gint64, 0);
  accounts[0].task_ids = g_array_ref (tasks->pdata[0]);
  for (guint i = 1; i < MAX (n_accounts, 2); i++)
    {
      Account *account = &accounts[i];
      guint school = (i - 1) % schools->len;

      account->name = g_strdup_printf ("truong-bench-%u", i);
      account->unit_id = g_array_index (schools, gint64, school);
      ensure_account (store, account->name, account->unit_id, DN_ACCOUNT_ROLE_UNIT);
      account->task_ids = g_array_ref (tasks->pdata[school]);
    }
  return accounts;
}

static guint *
parse_levels (const char *text,
              guint      *n)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint *levels = g_new0 (guint, g_strv_length (parts) + 1);

  *n = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 2000, &value, NULL))
        g_error ("--clients: “%s” is not a number of clients from 1 to 2000", parts[i]);
      levels[(*n)++] = (guint) value;
    }
  return levels;
}

int
main (int   argc,
      char *argv[])
{
  int tasks = 100000, requests = 200, seconds = 60, schools = 20, pause = 0;
  gboolean keep_connection = FALSE;
  g_autofree char *db = NULL;
  g_autofree char *clients = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *pace = NULL;
  const GOptionEntry entries[] = {
    { "tasks", 0, 0, G_OPTION_ARG_INT, &tasks, "Tasks of the generated database (default 100000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database (made when missing)", "PATH" },
    { "clients", 0, 0, G_OPTION_ARG_STRING, &clients, "Numbers of clients, one level each (default 10,50,200)",
      "N,N" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &requests, "Requests per client after its sign-in (default 200)", "N" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "The longest a level runs (default 60)", "S" },
    { "pause", 0, 0, G_OPTION_ARG_INT, &pause,
      "Milliseconds between a client's requests, ±50 % (default 0: back to back)", "MS" },
    { "keep-connection", 0, 0, G_OPTION_ARG_NONE, &keep_connection,
      "Progress entries sent on the client's open connection, not on a new one as libsoup sends a POST", NULL },
    { "schools", 0, 0, G_OPTION_ARG_INT, &schools, "Schools with an officer signing in (default 20)", "K" },
    { "password-cost", 0, 0, G_OPTION_ARG_STRING, &cost,
      "interactive (libsodium's, as the server runs) or min (argon2id at its lowest)", "COST" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the department server under load");
  g_autoptr(GError) error = NULL;
  g_autoptr(DnStore) store = NULL;
  g_autoptr(DnServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autofree char *base_uri = NULL;
  Driver driver = { 0 };
  Account *accounts;
  guint n_accounts;
  gint64 progress_before, progress_after;
  GSList *uris;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (tasks < 100 || requests < 1 || seconds < 1 || schools < 1 || pause < 0)
    g_error ("--tasks from 100, --requests, --seconds and --schools from 1, --pause from 0");
  if (cost != NULL && g_str_equal (cost, "min"))
    _dn_accounts_set_hash_limits (crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN);
  else if (cost != NULL && !g_str_equal (cost, "interactive"))
    g_error ("--password-cost: interactive or min");
  if (db == NULL)
    db = g_strdup_printf ("%s/bench-server-%d.db", BENCH_BUILD_DIR, tasks);
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    make_database (db, (guint) tasks);
  store = dn_store_open (db, DN_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  driver.levels = parse_levels (clients != NULL ? clients : "10,50,200", &driver.n_levels);
  n_accounts = 2;
  for (guint i = 0; i < driver.n_levels; i++)
    n_accounts = MAX (n_accounts, driver.levels[i]);
  accounts = make_accounts (store, (guint) schools, n_accounts);
  pace = pause > 0 ? g_strdup_printf ("about %d ms apart", pause) : g_strdup ("back to back");
  printf ("%s: %" G_GINT64_FORMAT " tasks, %" G_GINT64_FORMAT " change-log entries; %u accounts (a department "
          "officer, %u officers of %d schools), password hash %s; %d requests per client, %s, at most %d s per level\n",
          db, count_rows (store, "SELECT count(*) FROM task WHERE deleted = 0"), dn_store_get_revision (store), n_accounts, n_accounts - 1, schools,
          cost != NULL ? cost : "interactive", requests, pace, seconds);

  server = dn_server_new (store);
  if (!dn_server_listen (server, "127.0.0.1:0", NULL, FALSE, &error))
    g_error ("%s", error->message);
  uris = dn_server_get_uris (server);
  {
    g_autofree char *uri = g_uri_to_string (uris->data);

    base_uri = g_strconcat (uri, "api/v1", NULL);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  loop = g_main_loop_new (NULL, FALSE);
  driver.store = store;
  driver.base_uri = base_uri;
  driver.accounts = accounts;
  driver.n_accounts = n_accounts;
  driver.requests = (guint) requests;
  driver.seconds = (guint) seconds;
  driver.pause_ms = (guint) pause;
  driver.keep_connection = keep_connection;
  driver.loop = loop;
  g_mutex_init (&driver.lock);
  g_cond_init (&driver.cond);
  progress_before = count_progress (store);
  thread = g_thread_new ("driver", driver_thread, &driver);
  g_main_loop_run (loop);
  g_thread_join (g_steal_pointer (&thread));

  /* nothing lost: each entry answered 201 is in the store, no other */
  progress_after = count_progress (store);
  printf ("\nProgress entries: %u answered 201, %" G_GINT64_FORMAT " more in the store: %s\n", driver.n_created,
          progress_after - progress_before,
          progress_after - progress_before == (gint64) driver.n_created ? "none lost" : "MISMATCH");
  if (progress_after - progress_before != (gint64) driver.n_created)
    driver.failed = TRUE;
  for (guint i = 0; i < n_accounts; i++)
    {
      g_free (accounts[i].name);
      g_clear_pointer (&accounts[i].task_ids, g_array_unref);
    }
  g_free (accounts);
  g_free (driver.levels);
  g_mutex_clear (&driver.lock);
  g_cond_clear (&driver.cond);
  return driver.failed ? 1 : 0;
}
