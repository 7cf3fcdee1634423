/* dn-task-proposal.h: the tasks a directive gives, proposed from its text
 *
 * A Vietnamese directive, plan or guidance numbers its parts and items
 * ("I.", "1.", "1.1.", dashes) and ends with its implementation part ("Tổ
 * chức thực hiện") naming units with what they lead ("Chủ trì …", "Làm đầu
 * mối …") and support ("Phối hợp với …"). dn_task_proposals_parse() reads
 * such a text (pasted, or a PDF's text: lines broken inside paragraphs are
 * joined) and proposes one task per item of the parts that give work (not
 * "Mục đích, yêu cầu"): its section ("II.1", "III.1.2"), a title, the lead
 * and supporting units found in the unit tree, the recurrence and the due
 * date the text states. The rules are described in ARCHITECTURE.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dn-store.h"
#include "dn-types.h"

G_BEGIN_DECLS

#define DN_TYPE_TASK_PROPOSAL (dn_task_proposal_get_type ())
G_DECLARE_FINAL_TYPE (DnTaskProposal, dn_task_proposal, DN, TASK_PROPOSAL, GObject)

/* One proposed task. Fields are public, as records' are; strings are owned,
 * never NULL. */
struct _DnTaskProposal
{
  GObject parent_instance;
  char *section;            /* "II.1", "" when none */
  char *title;
  gint64 lead_unit_id;      /* 0 when none was found */
  GArray *support_unit_ids; /* gint64, never the lead */
  DnRecurrence recurrence;
  GDate due_date;           /* invalid when the text states none */
  guint line;               /* first line of the item in the text (from 1), 0 when typed */
  char *source;             /* the item's text as read */
  gboolean include;         /* the officer keeps it (TRUE when made) */
};

DnTaskProposal *dn_task_proposal_new (void);

/* Finds the units a piece of text names, in a unit tree: their names and
 * codes, accents, đ, case and punctuation ignored ("Phòng Kế hoạch Tài
 * chính" is "Phòng Kế hoạch - Tài chính"), the common shortenings ("GD&ĐT",
 * "UBND", "GDNN&GDTX", "Phòng GDCN&GDTX" from the initials of a name, a
 * name without its province "Sở Ngoại vụ tỉnh Lào Cai" → "Sở Ngoại vụ"),
 * and, where @groups, the groups documents address ("Phòng GD&ĐT huyện,
 * thành phố", "các phòng, ban Sở", "các trường", "Trung tâm GDNN&GDTX
 * huyện, thành phố"). A name shared by several units ("Phòng Giáo dục và
 * Đào tạo") is the one whose place the document names most (see
 * dn_unit_matcher_set_document()); an active unit is preferred to an
 * archived one of the same name. */
typedef struct _DnUnitMatcher DnUnitMatcher;

/* @units: DnUnit records of the whole tree (archived ones too), e.g. from
 * dn_store_list_unit_tree(). */
DnUnitMatcher *dn_unit_matcher_new          (GPtrArray     *units);
void           dn_unit_matcher_free         (DnUnitMatcher *self);
/* The text the ambiguous names are settled by (the whole document). */
void           dn_unit_matcher_set_document (DnUnitMatcher *self,
                                             const char    *text);
/* The unit groups are taken relative to (its divisions, its schools):
 * set by the parser to the lead of the implementation part; 0: none. */
void           dn_unit_matcher_set_home     (DnUnitMatcher *self,
                                             gint64         unit_id);
/* The units @text names (gint64 ids), in the order they appear, each
 * once. */
GArray        *dn_unit_matcher_find         (DnUnitMatcher *self,
                                             const char    *text,
                                             gboolean       groups);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnUnitMatcher, dn_unit_matcher_free)

/* The recurrence a text states ("hằng tháng", "theo quý", "02 lần/năm",
 * "sơ kết học kỳ", "tổng kết năm học", "hằng năm"…); the most frequent
 * one when several are named; DN_RECURRENCE_NONE when none. */
DnRecurrence   dn_task_proposal_find_recurrence (const char *text);
/* The due date a text states: "trước ngày 15/12/2024", "chậm nhất ngày
 * 15/12/2024", "hạn … 15/12/2024", "(trong) tháng 10/2024" (its last day),
 * "Quý III/2024", "Quý III năm 2024" (the quarter's last day), "Quý III"
 * alone in @default_year (0: not taken). Dates of cited documents ("Quy
 * chế số 07-QC/TU ngày 30/8/2018") are not deadlines. FALSE when none. */
gboolean       dn_task_proposal_find_due_date   (const char *text,
                                                 int         default_year,
                                                 GDate      *out);

/* The proposals of @text (DnTaskProposal, in the order of the text); an
 * empty array when it holds none. @units as for dn_unit_matcher_new(). */
GPtrArray     *dn_task_proposals_parse      (const char *text,
                                             GPtrArray  *units);

/* A new task (DnTask) for each proposal kept (include): its section,
 * title, lead and supporting units, recurrence and due date (@default_due,
 * which may be NULL, when it states none), from the document @document_id
 * (0: none); NULL with @error when one has no lead unit ("Proposal 3
 * (II.1): …") or none is kept. The window writes them with
 * DN_WRITE_ADD_TASKS. */
GPtrArray     *dn_task_proposals_to_tasks   (GPtrArray    *proposals,
                                             gint64        document_id,
                                             const GDate  *default_due,
                                             GError      **error);
/* Creates a task for each proposal kept (include), all in one transaction:
 * its section, title, lead and supporting units, recurrence and due date
 * (@default_due, which may be NULL, when it states none), from the
 * document @document_id (0: none). All or none: a proposal without a lead
 * unit, or one the store refuses, rolls everything back, the message
 * naming it ("Proposal 3 (II.1): …"). @ids (may be NULL): the new tasks'
 * ids (gint64), in order. */
gboolean       dn_task_proposals_create     (DnStore     *store,
                                             GPtrArray   *proposals,
                                             gint64       document_id,
                                             const GDate *default_due,
                                             GArray     **ids,
                                             GError     **error);

G_END_DECLS
