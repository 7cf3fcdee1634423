-- Schema version 10: the accounts of the department server and their
-- sessions (dn-store-accounts.h).
--
-- Each account belongs to a unit (an administrator or a department officer
-- may belong to none) and has a role. Only an argon2id hash of its password
-- is kept (libsodium's crypto_pwhash_str: "$argon2id$…"), and of a
-- session only the SHA-256 of its token (hexadecimal), never the token.
-- A failed sign-in leaves a row in account_attempt, the name and the peer
-- it came from, so that the limit on attempts holds across restarts; rows
-- older than the limit's window are pruned.
--
-- None of these tables is part of the JSON export: accounts belong to the
-- database they were made in (a backup keeps them).

CREATE TABLE account (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
  unit_id        INTEGER REFERENCES unit(id) ON DELETE RESTRICT,
  role           TEXT NOT NULL CHECK (role IN ('admin','department','unit','reader')),
  password_hash  TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  -- a unit officer and a reader see their unit and its sub-units: they need one
  CHECK (unit_id IS NOT NULL OR role IN ('admin','department'))
);
CREATE INDEX account_unit ON account(unit_id) WHERE unit_id IS NOT NULL;

CREATE TABLE account_session (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  revoked     INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  peer        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX account_session_account ON account_session(account_id);
CREATE INDEX account_session_expiry ON account_session(expires_at);

CREATE TABLE account_attempt (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL COLLATE NOCASE,
  peer  TEXT NOT NULL DEFAULT '',
  at    TEXT NOT NULL
);
CREATE INDEX account_attempt_name ON account_attempt(name, at);
CREATE INDEX account_attempt_peer ON account_attempt(peer, at) WHERE peer <> '';
CREATE INDEX account_attempt_at ON account_attempt(at);
