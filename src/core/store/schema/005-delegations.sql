-- Schema version 5: delegations, passports and partners under the rules of
-- Luật 49/2019 and the department's own (facts: regulations.md §1, §3).
--
-- Status words of a delegation keep their version 1 spelling: 'planned' is
-- proposed, 'ongoing' abroad (visiting, for an inbound delegation),
-- 'completed' returned; a returned delegation whose results report is
-- recorded (report_submitted_on) is reported (dn-store-delegations.c).

-- The department's rules an officer may change (days, thresholds, local
-- limits). A key that is not here takes its default (dn-store-settings.c).
CREATE TABLE setting (
  key    TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
  value  TEXT NOT NULL CHECK (length(value) <= 1000)
);

-- the đề án, the results report and when it came; when the provincial
-- police and the Department of Foreign Affairs were told of a visit
ALTER TABLE delegation ADD COLUMN proposal_document_id INTEGER REFERENCES document(id) ON DELETE SET NULL;
ALTER TABLE delegation ADD COLUMN report_document_id INTEGER REFERENCES document(id) ON DELETE SET NULL;
ALTER TABLE delegation ADD COLUMN report_submitted_on TEXT
  CHECK (report_submitted_on IS NULL OR (date(report_submitted_on, '+0 days') IS report_submitted_on AND report_submitted_on BETWEEN '1900-01-01' AND '2200-12-31'));
ALTER TABLE delegation ADD COLUMN police_informed_on TEXT
  CHECK (police_informed_on IS NULL OR (date(police_informed_on, '+0 days') IS police_informed_on AND police_informed_on BETWEEN '1900-01-01' AND '2200-12-31'));
ALTER TABLE delegation ADD COLUMN foreign_affairs_informed_on TEXT
  CHECK (foreign_affairs_informed_on IS NULL OR (date(foreign_affairs_informed_on, '+0 days') IS foreign_affairs_informed_on AND foreign_affairs_informed_on BETWEEN '1900-01-01' AND '2200-12-31'));
ALTER TABLE delegation ADD COLUMN notes TEXT NOT NULL DEFAULT '';
CREATE INDEX delegation_direction ON delegation(direction, start_date DESC, id DESC);
CREATE INDEX delegation_period ON delegation(end_date, start_date);
CREATE INDEX delegation_report_due ON delegation(report_due_date) WHERE report_submitted_on IS NULL;
CREATE INDEX delegation_partner ON delegation(partner_id);

-- days spent in each country
ALTER TABLE delegation_country ADD COLUMN days INTEGER CHECK (days IS NULL OR days BETWEEN 1 AND 366);

-- a member's civil-service grade (mã ngạch) and unit at the time of the
-- trip; a guest's organisation
ALTER TABLE delegation_member ADD COLUMN grade TEXT NOT NULL DEFAULT '';
ALTER TABLE delegation_member ADD COLUMN unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL;
ALTER TABLE delegation_member ADD COLUMN guest_organisation TEXT NOT NULL DEFAULT '';
CREATE INDEX delegation_member_delegation ON delegation_member(delegation_id, id);

-- an inbound delegation's programme: dated items, place, host unit
CREATE TABLE delegation_programme (
  id             INTEGER PRIMARY KEY,
  delegation_id  INTEGER NOT NULL REFERENCES delegation(id) ON DELETE CASCADE,
  day            TEXT NOT NULL CHECK (date(day, '+0 days') IS day AND day BETWEEN '1900-01-01' AND '2200-12-31'),
  time           TEXT NOT NULL DEFAULT '',
  place          TEXT NOT NULL DEFAULT '',
  host_unit_id   INTEGER REFERENCES unit(id) ON DELETE SET NULL,
  description    TEXT NOT NULL CHECK (length(trim(description)) > 0)
);
CREATE INDEX delegation_programme_delegation ON delegation_programme(delegation_id, day, id);

-- the one extension of a diplomatic or official passport: the expiry it
-- had before, and when
ALTER TABLE passport ADD COLUMN expiry_before_extension TEXT
  CHECK (expiry_before_extension IS NULL OR date(expiry_before_extension, '+0 days') IS expiry_before_extension);
ALTER TABLE passport ADD COLUMN extended_on TEXT
  CHECK (extended_on IS NULL OR date(extended_on, '+0 days') IS extended_on);
CREATE INDEX passport_expiry ON passport(expiry_date);

-- what happened to a passport besides its trips: lost (the written notice
-- sent at once), transferred to another agency, sent for cancellation,
-- extended
CREATE TABLE passport_event (
  id           INTEGER PRIMARY KEY,
  passport_id  INTEGER NOT NULL REFERENCES passport(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('lost','transferred','sent_for_cancellation','extended')),
  on_date      TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date AND on_date BETWEEN '1900-01-01' AND '2200-12-31'),
  letter       TEXT NOT NULL DEFAULT '',
  document_id  INTEGER REFERENCES document(id) ON DELETE SET NULL,
  notes        TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX passport_event_passport ON passport_event(passport_id, on_date, id);

-- the custody ledger (sổ theo dõi giao, nhận hộ chiếu): who handed the
-- passport over and whether the receipt was signed; on its return, who
-- brought it and who took it in; the head who excused a late return
ALTER TABLE passport_loan ADD COLUMN handed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE passport_loan ADD COLUMN receipt_signed INTEGER NOT NULL DEFAULT 0 CHECK (receipt_signed IN (0, 1));
ALTER TABLE passport_loan ADD COLUMN returned_by TEXT NOT NULL DEFAULT '';
ALTER TABLE passport_loan ADD COLUMN received_by TEXT NOT NULL DEFAULT '';
ALTER TABLE passport_loan ADD COLUMN return_receipt_signed INTEGER NOT NULL DEFAULT 0 CHECK (return_receipt_signed IN (0, 1));
ALTER TABLE passport_loan ADD COLUMN excused_by TEXT NOT NULL DEFAULT '';
CREATE INDEX passport_loan_passport ON passport_loan(passport_id, handed_out_on, id);
CREATE INDEX passport_loan_delegation ON passport_loan(delegation_id);

-- the kind of a partner's registration paper (a foreign NGO's Giấy đăng ký
-- hoạt động lasts at most 3 years, that of a representative office 5)
ALTER TABLE partner ADD COLUMN registration_kind TEXT NOT NULL DEFAULT 'none'
  CHECK (registration_kind IN ('none','operation','representative_office','project','other'));
CREATE INDEX partner_registration ON partner(registration_expiry) WHERE registration_expiry IS NOT NULL;
CREATE INDEX project_unit ON project(unit_id);
