-- Schema version 11: revisions and the change log (dn-store-changes.h),
-- what the department server's GET /api/v1/changes?since=N answers from.
--
-- Every table the server's API serves has a "revision": the revision of
-- the row's last change, 0 for a row no write has changed since this
-- upgrade (which gives each row there one "insert" entry). "change_log" holds one entry per change:
-- its revision (never reused: AUTOINCREMENT), the table and row, the kind
-- of change, when and who (the store's recorded name, dn_store_set_actor).
-- The triggers that fill it are made by the store from the tables that
-- have a "revision" column (dn-store-changes.c), after every upgrade, as
-- the audit triggers are. A link table without an id of its own
-- (document_attachment, task_attachment, delegation_attachment,
-- delegation_country) logs its changes as an "update" of its owner's
-- links: row_id is the document, task or delegation.

ALTER TABLE unit ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unit_name ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE document ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attachment ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE document_attachment ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE partner ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE project ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task_attachment ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assignment ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deadline_extension ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE progress ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reminder ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delegation ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delegation_country ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delegation_member ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delegation_programme ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delegation_attachment ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE passport ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE passport_event ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE passport_loan ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE report ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE report_receipt ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE change_log (
  revision    INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name  TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
  at          TEXT NOT NULL,
  actor       TEXT
);
-- the last change of a row: read_changes keeps an entry only when no later
-- one names the same row
CREATE INDEX change_log_row ON change_log(table_name, row_id, revision);

-- Reminders are still never edited (only a merge moves them); the
-- revision the change log sets is not an edit.
DROP TRIGGER reminder_no_update;
CREATE TRIGGER reminder_no_update BEFORE UPDATE ON reminder
WHEN NEW.id IS NOT OLD.id OR NEW.task_id IS NOT OLD.task_id OR NEW.kind IS NOT OLD.kind
  OR NEW.sent_on IS NOT OLD.sent_on OR NEW.note IS NOT OLD.note OR NEW.sent_by IS NOT OLD.sent_by
  OR NEW.created_at IS NOT OLD.created_at
  OR (NEW.unit_id IS NOT OLD.unit_id
      AND NOT EXISTS (SELECT 1 FROM unit_merge m
                      WHERE (m.from_id = OLD.unit_id AND m.into_id = NEW.unit_id)
                         OR (m.into_id = OLD.unit_id AND m.from_id = NEW.unit_id)))
BEGIN SELECT RAISE(ABORT, 'reminders cannot be changed'); END;
