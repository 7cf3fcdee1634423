-- Schema version 4: the reorganisation of units (2025): earlier names with
-- the period they were used, and merges of a unit into another.

-- @name was the unit's name until @valid_until (included); its current name
-- is unit.name. dn_store_unit_name_at() reads the name of a given day.
CREATE TABLE unit_name (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  valid_until  TEXT NOT NULL CHECK (date(valid_until, '+0 days') IS valid_until AND valid_until BETWEEN '1900-01-01' AND '2200-12-31'),
  UNIQUE (unit_id, valid_until)
);

-- A merge: what referred to @from_id (tasks, staff, progress, reminders,
-- projects, delegations, sub-units) now refers to @into_id; @from_id is
-- archived, not deleted. @moved lists what moved (ids by table, and the
-- assignments that had to go because both units were on one task) so that
-- dn_store_undo_merge() puts every row back.
CREATE TABLE unit_merge (
  id         INTEGER PRIMARY KEY,
  from_id    INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
  into_id    INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT CHECK (into_id IS NOT from_id),
  merged_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  moved      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(moved))
);
CREATE INDEX unit_merge_from ON unit_merge(from_id);
CREATE INDEX unit_merge_into ON unit_merge(into_id);

-- Reminders are still never edited; only a merge moves them to the unit
-- that took over (and its undo back).
DROP TRIGGER reminder_no_update;
CREATE TRIGGER reminder_no_update BEFORE UPDATE ON reminder
WHEN NEW.id IS NOT OLD.id OR NEW.task_id IS NOT OLD.task_id OR NEW.kind IS NOT OLD.kind
  OR NEW.sent_on IS NOT OLD.sent_on OR NEW.note IS NOT OLD.note OR NEW.sent_by IS NOT OLD.sent_by
  OR NEW.created_at IS NOT OLD.created_at
  OR NOT EXISTS (SELECT 1 FROM unit_merge m
                 WHERE (m.from_id = OLD.unit_id AND m.into_id = NEW.unit_id)
                    OR (m.into_id = OLD.unit_id AND m.from_id = NEW.unit_id))
BEGIN SELECT RAISE(ABORT, 'reminders cannot be changed'); END;
