/* dn-pdf-renderer-private.h: what the renderer's worker (dn-pdf-renderer.c)
 * and the document operations it runs (dn-pdf-document.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "dn-pdf-renderer.h"

G_BEGIN_DECLS

#define PRIORITY_OPEN (-100)
#define PRIORITY_QUIT G_MAXINT

/* poppler-glib 22.12 declares no autoptr for its pages */
typedef PopplerPage DnPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnPopplerPage, g_object_unref)

/* What the worker thread shares with the renderer object, reference
 * counted (see dn-pdf-renderer.c) */
typedef struct
{
  gatomicrefcount  ref;
  GAsyncQueue     *queue;
  GThread         *thread;
  guint64          next_seq;    /* under the queue's lock */
  gint             n_rendered;  /* atomic */
  gint             n_skipped;   /* atomic */
} Worker;

typedef enum
{
  JOB_OPEN,
  JOB_RENDER,
  JOB_TEXT,
  JOB_FIND,
  JOB_COUNT_TEXT,
  JOB_SELECT,
  JOB_RECORD,
  JOB_CLOSE,
  JOB_BARRIER,
  JOB_QUIT,
} JobKind;

/* A job that tells when the worker has reached it */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean reached;
} Barrier;

typedef struct
{
  JobKind          kind;
  int              priority;
  guint64          seq;
  GTask           *task;        /* NULL for JOB_CLOSE and JOB_QUIT */
  DnPdfDocument   *document;    /* a reference, for page jobs */
  int              page;
  double           scale;
  char            *words;
  double           area[4];     /* JOB_SELECT: from x, y to x, y (points) */
  GFile           *file;        /* JOB_OPEN: a file … */
  GBytes          *bytes;       /* … or bytes */
  char            *name;
  char            *password;
  PopplerDocument *closing;     /* JOB_CLOSE */
  DnPdfRenderer   *renderer;    /* JOB_OPEN: the documents' renderer */
  Barrier         *barrier;     /* JOB_BARRIER */
  /* what the job gives back, once it is freed */
  gpointer         result;
  GDestroyNotify   result_free;
  GError          *error;
} Job;

struct _DnPdfDocument
{
  gatomicrefcount  ref;
  DnPdfRenderer   *renderer;    /* closes the poppler document */
  Worker          *worker;      /* the renderer's */
  PopplerDocument *poppler;     /* touched only on the worker */
  GFile           *file;
  char            *name;
  char            *title;
  int              n_pages;
  double          *sizes;       /* width, height of each page */
};

struct _DnPdfRenderer
{
  GObject  parent_instance;
  Worker  *worker;
};

/* The worker (dn-pdf-renderer.c) */
gboolean _dn_pdf_on_worker    (Worker *worker);
void     _dn_pdf_worker_push  (Worker *worker,
                               Job    *job);

/* Runs a job on a document, on the worker (dn-pdf-document.c): opening,
 * drawing, text, find or count; it sets the job's result or error. */
void     _dn_pdf_run_job      (Job    *job,
                               Worker *worker);

G_END_DECLS
