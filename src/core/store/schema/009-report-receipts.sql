-- Schema version 9: the periodic reports received from the units a
-- recurring task asks for one (dn-store-owed-reports.h).
--
-- Each occurrence of a recurring task whose title asks for a report owes
-- one report from each unit assigned to it, for the period the occurrence
-- covers (dn_report_period_for_occurrence(): kind and text as
-- dn-report-period.h writes them). A row here says it came: when, and the
-- incoming document it was registered as (its PDF attached there).

CREATE TABLE report_receipt (
  id           INTEGER PRIMARY KEY,
  task_id      INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  unit_id      INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
  kind         TEXT NOT NULL CHECK (kind IN ('quarter','semester','school-year','year','tt19-half','tt19-year','custom')),
  period       TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 22),
  received_on  TEXT NOT NULL CHECK (date(received_on, '+0 days') IS received_on AND received_on BETWEEN '1900-01-01' AND '2200-12-31'),
  document_id  INTEGER REFERENCES document(id) ON DELETE SET NULL,
  note         TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (task_id, unit_id)
);
CREATE INDEX report_receipt_unit ON report_receipt(unit_id, kind, period);
CREATE INDEX report_receipt_document ON report_receipt(document_id) WHERE document_id IS NOT NULL;
