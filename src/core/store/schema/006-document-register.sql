-- Schema version 6: the registers of incoming and outgoing documents of
-- Nghị định 30/2020 (Phụ lục IV; facts: regulations.md §2.4, §2.6, §2.7).
--
-- Secrecy has the three levels of the law: mật, tối mật, tuyệt mật (the
-- 'confidential' of version 1 is mật). The column keeps its name; it is
-- rebuilt as a new column because SQLite cannot change a CHECK in place.
-- The audit triggers name the old column: they go first (every migration
-- rebuilds them at its end).
DROP TRIGGER IF EXISTS audit_document_insert;
DROP TRIGGER IF EXISTS audit_document_update;
DROP TRIGGER IF EXISTS audit_document_delete;
ALTER TABLE document ADD COLUMN secrecy TEXT NOT NULL DEFAULT 'normal'
  CHECK (secrecy IN ('normal','mat','toi_mat','tuyet_mat'));
UPDATE document SET secrecy = 'mat' WHERE classification = 'confidential';
ALTER TABLE document DROP COLUMN classification;
ALTER TABLE document RENAME COLUMN secrecy TO classification;

-- urgency: khẩn, thượng khẩn, hỏa tốc
ALTER TABLE document ADD COLUMN urgency TEXT NOT NULL DEFAULT 'normal'
  CHECK (urgency IN ('normal','khan','thuong_khan','hoa_toc'));
-- the unit or person an incoming document goes to (Đơn vị hoặc người nhận)
ALTER TABLE document ADD COLUMN receiver TEXT NOT NULL DEFAULT '';
-- the unit or person keeping the file copy of an outgoing one
ALTER TABLE document ADD COLUMN file_copy_holder TEXT NOT NULL DEFAULT '';
-- the number of copies issued (Số lượng bản)
ALTER TABLE document ADD COLUMN copies INTEGER CHECK (copies IS NULL OR copies BETWEEN 1 AND 100000);
-- the day it was passed on (incoming) or sent (outgoing): Ngày chuyển
ALTER TABLE document ADD COLUMN passed_on TEXT
  CHECK (passed_on IS NULL OR (date(passed_on, '+0 days') IS passed_on AND passed_on BETWEEN '1900-01-01' AND '2200-12-31'));
ALTER TABLE document ADD COLUMN notes TEXT NOT NULL DEFAULT '';

-- the registers: a year of one direction, by number; the next number of a
-- year is read on them
CREATE INDEX document_outgoing_year ON document(issue_date, id) WHERE direction = 'outgoing';
CREATE INDEX document_incoming_year ON document(arrival_date, arrival_number) WHERE direction = 'incoming';
CREATE INDEX document_direction ON document(direction, issue_date DESC, id DESC);
