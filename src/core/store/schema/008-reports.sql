-- Schema version 8: the reports an officer writes from the data of a
-- period, kept to be reopened, edited and issued again; and the header
-- each unit's reports reuse (issuing body, place, recipients, signer), so
-- that the next period's report needs no retyping.
--
-- A report names its period by kind and text (dn-report-period.h:
-- "quarter" / "2024-Q1"); its figures are read from the data when it is
-- built, not kept. Issued, it enters the outgoing register (document_id)
-- with its PDF attached there.

CREATE TABLE report (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('quarter','semester','school-year','year','tt19-half','tt19-year','custom')),
  period            TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 22),
  unit_id           INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
  with_sub_units    INTEGER NOT NULL DEFAULT 1 CHECK (with_sub_units IN (0, 1)),
  assessment        TEXT NOT NULL DEFAULT '',
  difficulties      TEXT NOT NULL DEFAULT '',
  directions        TEXT NOT NULL DEFAULT '',
  proposals         TEXT NOT NULL DEFAULT '',
  parent_body       TEXT NOT NULL DEFAULT '',
  issuing_body      TEXT NOT NULL DEFAULT '',
  symbol            TEXT NOT NULL DEFAULT '',
  place             TEXT NOT NULL DEFAULT '',
  report_date       TEXT CHECK (report_date IS NULL OR (date(report_date, '+0 days') IS report_date AND report_date BETWEEN '1900-01-01' AND '2200-12-31')),
  recipients        TEXT NOT NULL DEFAULT '',
  sign              TEXT NOT NULL DEFAULT 'head' CHECK (sign IN ('head','deputy','collective','acting','by-order','authorised')),
  head_title        TEXT NOT NULL DEFAULT '',
  signer_title      TEXT NOT NULL DEFAULT '',
  signer_name       TEXT NOT NULL DEFAULT '',
  document_id       INTEGER REFERENCES document(id) ON DELETE SET NULL,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX report_unit ON report(unit_id, kind, period);
CREATE INDEX report_document ON report(document_id) WHERE document_id IS NOT NULL;

CREATE TABLE report_header (
  unit_id           INTEGER PRIMARY KEY REFERENCES unit(id) ON DELETE CASCADE,
  parent_body       TEXT NOT NULL DEFAULT '',
  issuing_body      TEXT NOT NULL DEFAULT '',
  symbol            TEXT NOT NULL DEFAULT '',
  place             TEXT NOT NULL DEFAULT '',
  recipients        TEXT NOT NULL DEFAULT '',
  sign              TEXT NOT NULL DEFAULT 'head' CHECK (sign IN ('head','deputy','collective','acting','by-order','authorised')),
  head_title        TEXT NOT NULL DEFAULT '',
  signer_title      TEXT NOT NULL DEFAULT '',
  signer_name       TEXT NOT NULL DEFAULT ''
);
