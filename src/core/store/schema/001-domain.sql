-- Schema version 1: the whole domain.
-- Dates are ISO 'YYYY-MM-DD' text between 1900 and 2200; enumerations are
-- English keywords (see dn-types.h). Sort keys are generated from the text
-- with the Vietnamese collation (dn_collate_key, dn_person_key), so every
-- write path (C API, import) keeps them right.

CREATE TABLE unit (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('department','division','district_office','school','centre','external')),
  parent_id   INTEGER REFERENCES unit(id) ON DELETE RESTRICT CHECK (parent_id IS NOT id),
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  name_key    BLOB GENERATED ALWAYS AS (dn_collate_key(name)) STORED
);
CREATE INDEX unit_parent ON unit(parent_id, name_key);

CREATE TABLE person (
  id           INTEGER PRIMARY KEY,
  family_name  TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
  middle_name  TEXT NOT NULL DEFAULT '',
  given_name   TEXT NOT NULL CHECK (length(trim(given_name)) > 0),
  gender       TEXT NOT NULL DEFAULT 'unknown' CHECK (gender IN ('unknown','male','female')),
  birth_date   TEXT CHECK (birth_date IS NULL OR (date(birth_date, '+0 days') IS birth_date AND birth_date BETWEEN '1900-01-01' AND '2200-12-31')),
  unit_id      INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
  position     TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  sort_key     BLOB GENERATED ALWAYS AS (dn_person_key(family_name, middle_name, given_name)) STORED
);
CREATE INDEX person_sort ON person(sort_key, id);
CREATE INDEX person_unit ON person(unit_id, sort_key, id);

CREATE TABLE document (
  id              INTEGER PRIMARY KEY,
  direction       TEXT NOT NULL CHECK (direction IN ('incoming','outgoing','internal')),
  type            TEXT NOT NULL CHECK (type IN ('official_letter','plan','guidance','decision','directive','report','notice','submission','invitation','programme','minutes','memorandum','other')),
  number          TEXT NOT NULL DEFAULT '',
  symbol          TEXT NOT NULL DEFAULT '',
  issue_date      TEXT CHECK (issue_date IS NULL OR (date(issue_date, '+0 days') IS issue_date AND issue_date BETWEEN '1900-01-01' AND '2200-12-31')),
  issuer          TEXT NOT NULL DEFAULT '',
  subject         TEXT NOT NULL CHECK (length(trim(subject)) > 0),
  signer          TEXT NOT NULL DEFAULT '',
  recipients      TEXT NOT NULL DEFAULT '',
  classification  TEXT NOT NULL DEFAULT 'normal' CHECK (classification IN ('normal','confidential')),
  arrival_number  INTEGER CHECK (arrival_number IS NULL OR arrival_number > 0),
  arrival_date    TEXT CHECK (arrival_date IS NULL OR (date(arrival_date, '+0 days') IS arrival_date AND arrival_date BETWEEN '1900-01-01' AND '2200-12-31')),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX document_date ON document(issue_date DESC, id DESC);
CREATE INDEX document_ref ON document(number, symbol, issuer);

CREATE TABLE attachment (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  file_name   TEXT NOT NULL CHECK (length(file_name) > 0),
  mime_type   TEXT NOT NULL DEFAULT 'application/octet-stream',
  size        INTEGER NOT NULL CHECK (size >= 0),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE document_attachment (
  document_id    INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  attachment_id  INTEGER NOT NULL REFERENCES attachment(id) ON DELETE RESTRICT,
  file_name      TEXT NOT NULL CHECK (length(file_name) > 0),
  PRIMARY KEY (document_id, attachment_id)
);
CREATE INDEX document_attachment_att ON document_attachment(attachment_id);

CREATE TABLE task (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER REFERENCES document(id) ON DELETE SET NULL,
  section      TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description  TEXT NOT NULL DEFAULT '',
  due_date     TEXT CHECK (due_date IS NULL OR (date(due_date, '+0 days') IS due_date AND due_date BETWEEN '1900-01-01' AND '2200-12-31')),
  recurrence   TEXT NOT NULL DEFAULT 'none' CHECK (recurrence IN ('none','monthly','quarterly','twice_yearly','semester','annual')),
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','cancelled')),
  parent_id    INTEGER REFERENCES task(id) ON DELETE CASCADE CHECK (parent_id IS NOT id),
  previous_id  INTEGER REFERENCES task(id) ON DELETE SET NULL,
  deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  title_key    BLOB GENERATED ALWAYS AS (dn_collate_key(title)) STORED
);
-- the task list's default order (deadline, tasks without one last) is read
-- straight from this index: a page costs no sort
CREATE INDEX task_due ON task(deleted, due_date IS NULL, due_date, id);
CREATE INDEX task_status_due ON task(deleted, status, due_date, id);
CREATE INDEX task_title ON task(deleted, title_key, id);
-- most tasks have no parent: a partial index stays useful to the planner
CREATE INDEX task_parent ON task(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX task_document ON task(document_id);
CREATE INDEX task_previous ON task(previous_id);

CREATE TABLE assignment (
  id                 INTEGER PRIMARY KEY,
  task_id            INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  unit_id            INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
  role               TEXT NOT NULL CHECK (role IN ('lead','support')),
  due_date           TEXT CHECK (due_date IS NULL OR (date(due_date, '+0 days') IS due_date AND due_date BETWEEN '1900-01-01' AND '2200-12-31')),
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','cancelled')),
  reply_document_id  INTEGER REFERENCES document(id) ON DELETE SET NULL,
  reply_reference    TEXT NOT NULL DEFAULT '',
  UNIQUE (task_id, unit_id)
);
-- exactly one lead per task: at most one here, at least one enforced by the store
CREATE UNIQUE INDEX assignment_one_lead ON assignment(task_id) WHERE role = 'lead';
CREATE INDEX assignment_unit ON assignment(unit_id, role, task_id);

CREATE TABLE deadline_extension (
  id             INTEGER PRIMARY KEY,
  assignment_id  INTEGER NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
  old_due_date   TEXT CHECK (old_due_date IS NULL OR date(old_due_date, '+0 days') IS old_due_date),
  new_due_date   TEXT NOT NULL CHECK (date(new_due_date, '+0 days') IS new_due_date AND new_due_date BETWEEN '1900-01-01' AND '2200-12-31'),
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  extended_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  extended_by    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX deadline_extension_assignment ON deadline_extension(assignment_id, id);

CREATE TABLE progress (
  id             INTEGER PRIMARY KEY,
  task_id        INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  unit_id        INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
  entry_date     TEXT NOT NULL CHECK (date(entry_date, '+0 days') IS entry_date AND entry_date BETWEEN '1900-01-01' AND '2200-12-31'),
  percent        INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  note           TEXT NOT NULL DEFAULT '',
  attachment_id  INTEGER REFERENCES attachment(id) ON DELETE RESTRICT,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX progress_task ON progress(task_id, entry_date, id);

-- Reminders (đôn đốc) are never edited nor deleted.
CREATE TABLE reminder (
  id          INTEGER PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES task(id) ON DELETE RESTRICT,
  unit_id     INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
  kind        TEXT NOT NULL CHECK (kind IN ('notice','criticism','review')),
  sent_on     TEXT NOT NULL CHECK (date(sent_on, '+0 days') IS sent_on),
  note        TEXT NOT NULL DEFAULT '',
  sent_by     TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX reminder_task ON reminder(task_id, id);
CREATE INDEX reminder_unit ON reminder(unit_id, kind);
CREATE TRIGGER reminder_no_update BEFORE UPDATE ON reminder
BEGIN SELECT RAISE(ABORT, 'reminders cannot be changed'); END;
CREATE TRIGGER reminder_no_delete BEFORE DELETE ON reminder
BEGIN SELECT RAISE(ABORT, 'reminders cannot be deleted'); END;

CREATE TABLE partner (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL CHECK (length(trim(name)) > 0),
  short_name           TEXT NOT NULL DEFAULT '',
  kind                 TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('ngo','un_agency','government_agency','university','company','other')),
  country_code         TEXT CHECK (country_code IS NULL OR (length(country_code) = 2 AND country_code GLOB '[A-Z][A-Z]')),
  registration_number  TEXT NOT NULL DEFAULT '',
  registration_expiry  TEXT CHECK (registration_expiry IS NULL OR date(registration_expiry, '+0 days') IS registration_expiry),
  contact              TEXT NOT NULL DEFAULT '',
  notes                TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  name_key             BLOB GENERATED ALWAYS AS (dn_collate_key(name)) STORED
);
CREATE INDEX partner_name ON partner(name_key);

CREATE TABLE project (
  id            INTEGER PRIMARY KEY,
  partner_id    INTEGER NOT NULL REFERENCES partner(id) ON DELETE RESTRICT,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  code          TEXT NOT NULL DEFAULT '',
  unit_id       INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
  start_date    TEXT CHECK (start_date IS NULL OR date(start_date, '+0 days') IS start_date),
  end_date      TEXT CHECK (end_date IS NULL OR date(end_date, '+0 days') IS end_date),
  budget        INTEGER CHECK (budget IS NULL OR budget >= 0),
  currency      TEXT NOT NULL DEFAULT 'VND' CHECK (length(currency) = 3),
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('proposed','active','closed')),
  description   TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX project_partner ON project(partner_id);

CREATE TABLE delegation (
  id                     INTEGER PRIMARY KEY,
  direction              TEXT NOT NULL CHECK (direction IN ('outbound','inbound')),
  title                  TEXT NOT NULL CHECK (length(trim(title)) > 0),
  purpose                TEXT NOT NULL DEFAULT '',
  inviting_party         TEXT NOT NULL DEFAULT '',
  partner_id             INTEGER REFERENCES partner(id) ON DELETE RESTRICT,
  unit_id                INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
  start_date             TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date AND start_date BETWEEN '1900-01-01' AND '2200-12-31'),
  end_date               TEXT NOT NULL CHECK (date(end_date, '+0 days') IS end_date AND end_date BETWEEN '1900-01-01' AND '2200-12-31'),
  funding_source         TEXT NOT NULL DEFAULT 'state_budget' CHECK (funding_source IN ('state_budget','partner','project','self','other')),
  budget                 INTEGER CHECK (budget IS NULL OR budget >= 0),
  decision_document_id   INTEGER REFERENCES document(id) ON DELETE SET NULL,
  status                 TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','approved','ongoing','completed','cancelled')),
  in_plan                INTEGER NOT NULL DEFAULT 1 CHECK (in_plan IN (0, 1)),
  report_due_date        TEXT CHECK (report_due_date IS NULL OR date(report_due_date, '+0 days') IS report_due_date),
  created_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (end_date >= start_date)
);
CREATE INDEX delegation_dates ON delegation(start_date DESC, id DESC);

CREATE TABLE delegation_country (
  delegation_id  INTEGER NOT NULL REFERENCES delegation(id) ON DELETE CASCADE,
  country_code   TEXT NOT NULL CHECK (length(country_code) = 2 AND country_code GLOB '[A-Z][A-Z]'),
  PRIMARY KEY (delegation_id, country_code)
);

CREATE TABLE passport (
  id                  INTEGER PRIMARY KEY,
  person_id           INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
  kind                TEXT NOT NULL CHECK (kind IN ('diplomatic','official','ordinary')),
  number              TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 5 AND 20),
  issue_date          TEXT NOT NULL CHECK (date(issue_date, '+0 days') IS issue_date),
  expiry_date         TEXT NOT NULL CHECK (date(expiry_date, '+0 days') IS expiry_date),
  issuing_authority   TEXT NOT NULL DEFAULT '',
  extension_count     INTEGER NOT NULL DEFAULT 0 CHECK (extension_count IN (0, 1)),
  status              TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid','lost','cancelled','transferred')),
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (expiry_date > issue_date)
);
CREATE INDEX passport_person ON passport(person_id);

CREATE TABLE delegation_member (
  id                INTEGER PRIMARY KEY,
  delegation_id     INTEGER NOT NULL REFERENCES delegation(id) ON DELETE CASCADE,
  person_id         INTEGER REFERENCES person(id) ON DELETE RESTRICT,
  guest_name        TEXT,
  guest_nationality TEXT CHECK (guest_nationality IS NULL OR (length(guest_nationality) = 2 AND guest_nationality GLOB '[A-Z][A-Z]')),
  guest_passport    TEXT NOT NULL DEFAULT '',
  position          TEXT NOT NULL DEFAULT '',
  role              TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('head','deputy','member')),
  passport_id       INTEGER REFERENCES passport(id) ON DELETE SET NULL,
  CHECK ((person_id IS NULL) <> (guest_name IS NULL)),
  UNIQUE (delegation_id, person_id)
);
CREATE INDEX delegation_member_person ON delegation_member(person_id);

-- Custody movements: a passport handed out for a trip, due back, returned.
CREATE TABLE passport_loan (
  id                INTEGER PRIMARY KEY,
  passport_id       INTEGER NOT NULL REFERENCES passport(id) ON DELETE RESTRICT,
  delegation_id     INTEGER REFERENCES delegation(id) ON DELETE SET NULL,
  handed_out_on     TEXT NOT NULL CHECK (date(handed_out_on, '+0 days') IS handed_out_on),
  handed_to         TEXT NOT NULL DEFAULT '',
  due_back_on       TEXT NOT NULL CHECK (date(due_back_on, '+0 days') IS due_back_on),
  returned_on       TEXT CHECK (returned_on IS NULL OR date(returned_on, '+0 days') IS returned_on),
  exemption_reason  TEXT NOT NULL DEFAULT '',
  notes             TEXT NOT NULL DEFAULT '',
  CHECK (due_back_on >= handed_out_on),
  CHECK (returned_on IS NULL OR returned_on >= handed_out_on)
);
CREATE UNIQUE INDEX passport_loan_open ON passport_loan(passport_id) WHERE returned_on IS NULL;
CREATE INDEX passport_loan_due ON passport_loan(returned_on, due_back_on);

-- The officer's rows of the holiday calendar: days off the Prime Minister
-- decrees or moves (off = 1) and make-up working days (off = 0). Statutory
-- holidays are computed (dn-calendar.c), not stored.
CREATE TABLE calendar_day (
  day   TEXT PRIMARY KEY CHECK (date(day, '+0 days') IS day AND day BETWEEN '1900-01-01' AND '2200-12-31'),
  off   INTEGER NOT NULL CHECK (off IN (0, 1)),
  name  TEXT NOT NULL DEFAULT ''
);

-- Every change: when, who, what, before/after (JSON). Filled by triggers
-- that the store generates for every table (dn-store.c).
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
  table_name  TEXT NOT NULL,
  row_id      INTEGER,
  before      TEXT,
  after       TEXT
);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
