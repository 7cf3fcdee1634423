/* test-records.c: tests for the record types (dn-record.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-records"

#include "config.h"

#include "dn-attachment.h"
#include "dn-delegation.h"
#include "dn-delegation-country.h"
#include "dn-delegation-member.h"
#include "dn-partner.h"
#include "dn-passport.h"
#include "dn-passport-event.h"
#include "dn-passport-loan.h"
#include "dn-programme-item.h"
#include "dn-project.h"
#include "dn-store.h"

/* Every record type: a final GObject named as its struct. */
static void
test_types (void)
{
  struct { GType type; const char *name; } types[] = {
    { DN_TYPE_ASSIGNMENT, "DnAssignment" }, { DN_TYPE_ATTACHMENT, "DnAttachment" },
    { DN_TYPE_DOCUMENT, "DnDocument" }, { DN_TYPE_EXTENSION, "DnExtension" },
    { DN_TYPE_PERSON, "DnPerson" }, { DN_TYPE_PROGRESS, "DnProgress" },
    { DN_TYPE_REMINDER, "DnReminder" }, { DN_TYPE_SEARCH_HIT, "DnSearchHit" },
    { DN_TYPE_TASK, "DnTask" }, { DN_TYPE_UNIT, "DnUnit" }, { DN_TYPE_UNIT_STAT, "DnUnitStat" },
    { DN_TYPE_DELEGATION, "DnDelegation" }, { DN_TYPE_DELEGATION_MEMBER, "DnDelegationMember" },
    { DN_TYPE_DELEGATION_COUNTRY, "DnDelegationCountry" }, { DN_TYPE_PROGRAMME_ITEM, "DnProgrammeItem" },
    { DN_TYPE_PASSPORT, "DnPassport" }, { DN_TYPE_PASSPORT_LOAN, "DnPassportLoan" },
    { DN_TYPE_PASSPORT_EVENT, "DnPassportEvent" }, { DN_TYPE_PARTNER, "DnPartner" },
    { DN_TYPE_PROJECT, "DnProject" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GObject) record = g_object_new (types[i].type, NULL);

      g_assert_cmpstr (g_type_name (types[i].type), ==, types[i].name);
      g_assert_true (G_TYPE_IS_FINAL (types[i].type));
      g_assert_cmpuint (g_type_parent (types[i].type), ==, G_TYPE_OBJECT);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, types[i].type));
      for (guint j = 0; j < i; j++)
        g_assert_cmpuint (types[j].type, !=, types[i].type);
    }
}

/* A new record: every string "", every date invalid, no ids; what it owns
 * is freed with it (checked under valgrind and the sanitizers). */
static void
test_new (void)
{
  g_autoptr(DnTask) task = dn_task_new ();
  g_autoptr(DnPerson) person = dn_person_new ();
  g_autoptr(DnDocument) document = dn_document_new ();
  g_autoptr(DnExtension) extension = dn_extension_new ();
  g_autoptr(DnUnit) unit = dn_unit_new ();
  gint64 id = 7;

  g_assert_cmpstr (task->section, ==, "");
  g_assert_cmpstr (task->title, ==, "");
  g_assert_cmpstr (task->document_label, ==, "");
  g_assert_false (g_date_valid (&task->due_date));
  g_assert_nonnull (task->support_unit_ids);
  g_assert_cmpuint (task->support_unit_ids->len, ==, 0);
  g_assert_cmpuint (g_array_get_element_size (task->support_unit_ids), ==, sizeof (gint64));
  g_array_append_val (task->support_unit_ids, id);

  g_assert_cmpstr (person->family_name, ==, "");
  g_assert_cmpstr (person->unit_code, ==, "");
  g_assert_false (g_date_valid (&person->birth_date));
  g_assert_cmpint (person->id, ==, 0);

  g_assert_cmpstr (document->recipients, ==, "");
  g_assert_false (g_date_valid (&document->issue_date));
  g_assert_false (g_date_valid (&document->arrival_date));
  g_assert_false (g_date_valid (&extension->old_due_date));
  g_assert_false (g_date_valid (&extension->new_due_date));

  g_assert_cmpstr (unit->parent_code, ==, "");
  g_free (unit->name);
  unit->name = g_strdup ("Phòng Tổ chức");
  g_assert_cmpstr (unit->code, ==, "");

  /* the records with the most strings and dates: every one set up */
  {
    g_autoptr(DnDelegation) delegation = dn_delegation_new ();
    g_autoptr(DnPassportLoan) loan = dn_passport_loan_new ();
    g_autoptr(DnPassport) passport = dn_passport_new ();

    g_assert_cmpstr (delegation->title, ==, "");
    g_assert_cmpstr (delegation->country_codes, ==, "");
    g_assert_false (g_date_valid (&delegation->start_date));
    g_assert_false (g_date_valid (&delegation->foreign_affairs_informed_on));
    g_assert_cmpstr (loan->passport_number, ==, "");
    g_assert_cmpstr (loan->notes, ==, "");
    g_assert_false (g_date_valid (&loan->returned_on));
    g_assert_false (g_date_valid (&passport->due_back_on));
    g_assert_true (loan->excused_by != loan->exemption_reason);
  }

  /* each record has strings of its own */
  g_assert_true (task->title != task->section);
  g_assert_true (person->given_name != person->middle_name);
}

/* A PDF by the type found when it was added, else by its name's ending in
 * any case; another file is not one. */
static void
test_attachment_is_pdf (void)
{
  g_autoptr(DnAttachment) a = dn_attachment_new ();

  g_free (a->file_name);
  a->file_name = g_strdup ("Báo cáo quý IV.PDF");
  g_assert_true (dn_attachment_is_pdf (a));
  g_free (a->file_name);
  a->file_name = g_strdup ("ke-hoach.docx");
  g_assert_false (dn_attachment_is_pdf (a));
  g_free (a->mime_type);
  a->mime_type = g_strdup ("application/pdf");
  g_assert_true (dn_attachment_is_pdf (a));
  g_free (a->mime_type);
  a->mime_type = g_strdup ("image/jpeg");
  g_free (a->file_name);
  a->file_name = g_strdup ("scan.jpg");
  g_assert_false (dn_attachment_is_pdf (a));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/types", test_types);
  g_test_add_func ("/records/attachment-is-pdf", test_attachment_is_pdf);
  g_test_add_func ("/records/new", test_new);

  return g_test_run ();
}
