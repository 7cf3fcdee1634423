-- Schema version 2: full-text search over all records.
-- One FTS5 index, tokenizer "dn" (unicode61 remove_diacritics 2, then đ → d).
-- rowid = record id * 8 + kind (see DnRecordKind), kept up to date by
-- triggers; the index is filled from the rows already there.

CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'dn', prefix = '1 2 3');

CREATE TRIGGER search_unit_ins AFTER INSERT ON unit BEGIN
  INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 0, new.name, new.code);
END;
CREATE TRIGGER search_unit_upd AFTER UPDATE OF name, code ON unit BEGIN
  UPDATE search SET title = new.name, body = new.code WHERE rowid = new.id * 8 + 0;
END;
CREATE TRIGGER search_unit_del AFTER DELETE ON unit BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 0;
END;

CREATE TRIGGER search_person_ins AFTER INSERT ON person BEGIN
  INSERT INTO search(rowid, title, body)
  VALUES (new.id * 8 + 1, new.family_name || ' ' || new.middle_name || ' ' || new.given_name, new.position || ' ' || new.email);
END;
CREATE TRIGGER search_person_upd AFTER UPDATE OF family_name, middle_name, given_name, position, email ON person BEGIN
  UPDATE search SET title = new.family_name || ' ' || new.middle_name || ' ' || new.given_name,
                    body = new.position || ' ' || new.email
  WHERE rowid = new.id * 8 + 1;
END;
CREATE TRIGGER search_person_del AFTER DELETE ON person BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER search_document_ins AFTER INSERT ON document BEGIN
  INSERT INTO search(rowid, title, body)
  VALUES (new.id * 8 + 2, new.subject, new.number || '/' || new.symbol || ' ' || new.issuer || ' ' || new.signer);
END;
CREATE TRIGGER search_document_upd AFTER UPDATE OF subject, number, symbol, issuer, signer ON document BEGIN
  UPDATE search SET title = new.subject, body = new.number || '/' || new.symbol || ' ' || new.issuer || ' ' || new.signer
  WHERE rowid = new.id * 8 + 2;
END;
CREATE TRIGGER search_document_del AFTER DELETE ON document BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 2;
END;

-- deleted tasks (kept for undo) leave the index
CREATE TRIGGER search_task_ins AFTER INSERT ON task WHEN new.deleted = 0 BEGIN
  INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 3, new.title, new.section || ' ' || new.description);
END;
CREATE TRIGGER search_task_upd AFTER UPDATE OF title, section, description, deleted ON task BEGIN
  DELETE FROM search WHERE rowid = new.id * 8 + 3;
  INSERT INTO search(rowid, title, body)
  SELECT new.id * 8 + 3, new.title, new.section || ' ' || new.description WHERE new.deleted = 0;
END;
CREATE TRIGGER search_task_del AFTER DELETE ON task BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER search_delegation_ins AFTER INSERT ON delegation BEGIN
  INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 4, new.title, new.purpose || ' ' || new.inviting_party);
END;
CREATE TRIGGER search_delegation_upd AFTER UPDATE OF title, purpose, inviting_party ON delegation BEGIN
  UPDATE search SET title = new.title, body = new.purpose || ' ' || new.inviting_party WHERE rowid = new.id * 8 + 4;
END;
CREATE TRIGGER search_delegation_del AFTER DELETE ON delegation BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER search_passport_ins AFTER INSERT ON passport BEGIN
  INSERT INTO search(rowid, title, body)
  SELECT new.id * 8 + 5, new.number, p.family_name || ' ' || p.middle_name || ' ' || p.given_name
  FROM person p WHERE p.id = new.person_id;
END;
CREATE TRIGGER search_passport_upd AFTER UPDATE OF number, person_id ON passport BEGIN
  DELETE FROM search WHERE rowid = new.id * 8 + 5;
  INSERT INTO search(rowid, title, body)
  SELECT new.id * 8 + 5, new.number, p.family_name || ' ' || p.middle_name || ' ' || p.given_name
  FROM person p WHERE p.id = new.person_id;
END;
CREATE TRIGGER search_passport_del AFTER DELETE ON passport BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 5;
END;
-- the holder's name is part of the passport's entry
CREATE TRIGGER search_passport_holder_upd AFTER UPDATE OF family_name, middle_name, given_name ON person BEGIN
  UPDATE search SET body = new.family_name || ' ' || new.middle_name || ' ' || new.given_name
  WHERE rowid IN (SELECT id * 8 + 5 FROM passport WHERE person_id = new.id);
END;

CREATE TRIGGER search_partner_ins AFTER INSERT ON partner BEGIN
  INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 6, new.name, new.short_name || ' ' || new.notes);
END;
CREATE TRIGGER search_partner_upd AFTER UPDATE OF name, short_name, notes ON partner BEGIN
  UPDATE search SET title = new.name, body = new.short_name || ' ' || new.notes WHERE rowid = new.id * 8 + 6;
END;
CREATE TRIGGER search_partner_del AFTER DELETE ON partner BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 6;
END;

CREATE TRIGGER search_project_ins AFTER INSERT ON project BEGIN
  INSERT INTO search(rowid, title, body) VALUES (new.id * 8 + 7, new.name, new.code || ' ' || new.description);
END;
CREATE TRIGGER search_project_upd AFTER UPDATE OF name, code, description ON project BEGIN
  UPDATE search SET title = new.name, body = new.code || ' ' || new.description WHERE rowid = new.id * 8 + 7;
END;
CREATE TRIGGER search_project_del AFTER DELETE ON project BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 7;
END;

-- index what is already there
INSERT INTO search(rowid, title, body) SELECT id * 8 + 0, name, code FROM unit;
INSERT INTO search(rowid, title, body)
  SELECT id * 8 + 1, family_name || ' ' || middle_name || ' ' || given_name, position || ' ' || email FROM person;
INSERT INTO search(rowid, title, body)
  SELECT id * 8 + 2, subject, number || '/' || symbol || ' ' || issuer || ' ' || signer FROM document;
INSERT INTO search(rowid, title, body)
  SELECT id * 8 + 3, title, section || ' ' || description FROM task WHERE deleted = 0;
INSERT INTO search(rowid, title, body) SELECT id * 8 + 4, title, purpose || ' ' || inviting_party FROM delegation;
INSERT INTO search(rowid, title, body)
  SELECT s.id * 8 + 5, s.number, p.family_name || ' ' || p.middle_name || ' ' || p.given_name
  FROM passport s JOIN person p ON p.id = s.person_id;
INSERT INTO search(rowid, title, body) SELECT id * 8 + 6, name, short_name || ' ' || notes FROM partner;
INSERT INTO search(rowid, title, body) SELECT id * 8 + 7, name, code || ' ' || description FROM project;
