-- Schema version 7: files attached to tasks and delegations (documents have
-- had theirs since version 1), and the text of attached PDF files in a
-- search index of its own.
--
-- A file is kept once, by its SHA-256 (attachment); the link tables say
-- which records show it and under what name. The file and its row go when
-- the last link (or progress entry) to it goes (dn-store-attachments.c).

CREATE TABLE task_attachment (
  task_id        INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  attachment_id  INTEGER NOT NULL REFERENCES attachment(id) ON DELETE RESTRICT,
  file_name      TEXT NOT NULL CHECK (length(file_name) > 0),
  PRIMARY KEY (task_id, attachment_id)
);
CREATE INDEX task_attachment_att ON task_attachment(attachment_id);

CREATE TABLE delegation_attachment (
  delegation_id  INTEGER NOT NULL REFERENCES delegation(id) ON DELETE CASCADE,
  attachment_id  INTEGER NOT NULL REFERENCES attachment(id) ON DELETE RESTRICT,
  file_name      TEXT NOT NULL CHECK (length(file_name) > 0),
  PRIMARY KEY (delegation_id, attachment_id)
);
CREATE INDEX delegation_attachment_att ON delegation_attachment(attachment_id);

-- A file no record shows any more (its record deleted, the links with it)
-- leaves the store, its text with it; dn_store_detach() also deletes the
-- file from the data folder.
CREATE TRIGGER attachment_unlinked_document AFTER DELETE ON document_attachment BEGIN
  DELETE FROM attachment WHERE id = old.attachment_id
    AND NOT EXISTS (SELECT 1 FROM document_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM task_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM delegation_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM progress WHERE attachment_id = old.attachment_id);
END;
CREATE TRIGGER attachment_unlinked_task AFTER DELETE ON task_attachment BEGIN
  DELETE FROM attachment WHERE id = old.attachment_id
    AND NOT EXISTS (SELECT 1 FROM document_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM task_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM delegation_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM progress WHERE attachment_id = old.attachment_id);
END;
CREATE TRIGGER attachment_unlinked_delegation AFTER DELETE ON delegation_attachment BEGIN
  DELETE FROM attachment WHERE id = old.attachment_id
    AND NOT EXISTS (SELECT 1 FROM document_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM task_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM delegation_attachment WHERE attachment_id = old.attachment_id)
    AND NOT EXISTS (SELECT 1 FROM progress WHERE attachment_id = old.attachment_id);
END;

-- Where the text of a file stands: waiting to be read (a PDF), in the
-- index, a PDF without a text layer (a scan), not a PDF, or a PDF that
-- could not be read.
ALTER TABLE attachment ADD COLUMN text_state TEXT NOT NULL DEFAULT 'pending'
  CHECK (text_state IN ('pending', 'indexed', 'no_text', 'not_pdf', 'damaged'));
UPDATE attachment SET text_state = 'not_pdf'
WHERE mime_type <> 'application/pdf' AND lower(file_name) NOT LIKE '%.pdf';
CREATE INDEX attachment_pending ON attachment(id) WHERE text_state = 'pending';

-- The text of each page of an attached PDF, tokenizer "dn" like the search
-- index: rowid = attachment id * 1048576 + page number (from 1).
CREATE VIRTUAL TABLE search_attachment USING fts5(body, tokenize = 'dn');

CREATE TRIGGER search_attachment_del AFTER DELETE ON attachment BEGIN
  DELETE FROM search_attachment WHERE rowid BETWEEN old.id * 1048576 AND old.id * 1048576 + 1048575;
END;
