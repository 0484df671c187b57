-- Imports (issue 5): what each import batch read and counted, the lines it refused, payments from statements and
-- invoices, saved column mappings and the user's merchant rules; row identities that make a re-import add nothing.

-- One row per import batch (batches.kind = 'import'). Facts it wrote carry its batch_id and their source line.
CREATE TABLE imports (
  batch_id        INTEGER PRIMARY KEY REFERENCES batches (id) ON DELETE RESTRICT,
  file_name       TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_sha256     TEXT NOT NULL CHECK (length(file_sha256) = 64),
  file_bytes      INTEGER NOT NULL CHECK (file_bytes >= 0),
  profile         TEXT NOT NULL,
  profile_version TEXT,
  encoding        TEXT NOT NULL,
  delimiter       TEXT NOT NULL,
  account_id      INTEGER REFERENCES accounts (id) ON DELETE RESTRICT,
  rows_read       INTEGER NOT NULL CHECK (rows_read >= 0),
  rows_new        INTEGER NOT NULL CHECK (rows_new >= 0),
  rows_duplicate  INTEGER NOT NULL CHECK (rows_duplicate >= 0),
  rows_matched    INTEGER NOT NULL CHECK (rows_matched >= 0),
  rows_rejected   INTEGER NOT NULL CHECK (rows_rejected >= 0),
  rows_skipped    INTEGER NOT NULL CHECK (rows_skipped >= 0),
  rows_rounded    INTEGER NOT NULL CHECK (rows_rounded >= 0),
  first_at        INTEGER,
  last_at         INTEGER,
  -- The valid rows before a structural fault were imported on the user's request; the line of the fault.
  fault_line      INTEGER,
  state           TEXT NOT NULL DEFAULT 'committed' CHECK (state IN ('committed', 'undone')),
  committed_at    INTEGER NOT NULL,
  undone_at       INTEGER,
  CHECK ((state = 'undone') = (undone_at IS NOT NULL))
) STRICT;

CREATE INDEX imports_by_file ON imports (file_sha256);

-- Every refused line of an import, kept so its history can show why (issue 5 §5).
CREATE TABLE import_rejections (
  batch_id    INTEGER NOT NULL REFERENCES imports (batch_id) ON DELETE CASCADE,
  line        INTEGER NOT NULL CHECK (line >= 1),
  column_name TEXT,
  reason      TEXT NOT NULL,
  PRIMARY KEY (batch_id, line, column_name)
) STRICT;

-- Money paid out or refunded, from a statement or an invoice: a subscription payment (linked to its plan when one
-- matches) or a purchase (linked to the lot it created or to the one already recorded from a receipt).
CREATE TABLE payments (
  id          INTEGER PRIMARY KEY,
  vendor_id   INTEGER REFERENCES vendors (id) ON DELETE RESTRICT,
  account_id  INTEGER REFERENCES accounts (id) ON DELETE RESTRICT,
  -- A date-only statement line is a local date ('YYYY-MM-DD'), never shifted; a timestamped one an instant.
  paid_on     TEXT CHECK (paid_on IS NULL OR (length(paid_on) = 10 AND date(paid_on) IS paid_on)),
  paid_at     INTEGER,
  amount      INTEGER NOT NULL,
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  descriptor  TEXT NOT NULL,
  purpose     TEXT NOT NULL CHECK (purpose IN ('subscription', 'purchase', 'refund', 'unknown')),
  program_id  INTEGER REFERENCES programs (id) ON DELETE RESTRICT,
  lot_id      INTEGER REFERENCES lots (id) ON DELETE RESTRICT,
  external_id TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  source      TEXT NOT NULL DEFAULT 'import',
  batch_id    INTEGER REFERENCES batches (id),
  source_line INTEGER,
  CHECK ((paid_on IS NULL) <> (paid_at IS NULL))
) STRICT;

CREATE UNIQUE INDEX payments_row_identity ON payments (external_id);
CREATE INDEX payments_by_batch ON payments (batch_id);
CREATE INDEX payments_by_vendor ON payments (vendor_id, paid_on, paid_at);

-- Row identity (a vendor id, or a content hash with an occurrence index): the same row imported again is a
-- duplicate. The key leads with the account and the time so inserts in file order stay local in the index
-- (perf-baselines §3: 3-4x faster than a UNIQUE index on a random id). Usage has it from 0003
-- (usage_by_account_time); lots get theirs here.
CREATE UNIQUE INDEX lots_row_identity ON lots (account_id, effective_at, external_id) WHERE external_id IS NOT NULL;

-- A user's column mapping for a CSV no profile knows, reused when the same header shows up again.
CREATE TABLE import_profiles (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  header_fingerprint TEXT NOT NULL,
  mapping            TEXT NOT NULL CHECK (json_valid(mapping)),
  recorded_at        INTEGER NOT NULL,
  UNIQUE (header_fingerprint)
) STRICT;

CREATE UNIQUE INDEX import_profiles_by_name ON import_profiles (name COLLATE NOCASE);

-- The user's merchant rules for statement descriptors, tried before the shipped ones.
CREATE TABLE merchant_rules (
  id          INTEGER PRIMARY KEY,
  pattern     TEXT NOT NULL CHECK (length(pattern) BETWEEN 1 AND 120),
  vendor_id   INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  account_id  INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
  purpose     TEXT NOT NULL CHECK (purpose IN ('subscription', 'purchase', 'ignore')),
  recorded_at INTEGER NOT NULL,
  UNIQUE (pattern COLLATE NOCASE)
) STRICT;

-- Undo journal for the tables users edit (as in 0003): imports themselves are undone by their batch id instead.

CREATE TRIGGER payments_journal_insert AFTER INSERT ON payments WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'payments', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'vendor_id', NEW.vendor_id, 'account_id', NEW.account_id, 'paid_on', NEW.paid_on, 'paid_at', NEW.paid_at, 'amount', NEW.amount, 'currency', NEW.currency, 'descriptor', NEW.descriptor, 'purpose', NEW.purpose, 'program_id', NEW.program_id, 'lot_id', NEW.lot_id, 'external_id', NEW.external_id, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id, 'source_line', NEW.source_line));
END;
CREATE TRIGGER payments_journal_update AFTER UPDATE ON payments WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'payments', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'vendor_id', OLD.vendor_id, 'account_id', OLD.account_id, 'paid_on', OLD.paid_on, 'paid_at', OLD.paid_at, 'amount', OLD.amount, 'currency', OLD.currency, 'descriptor', OLD.descriptor, 'purpose', OLD.purpose, 'program_id', OLD.program_id, 'lot_id', OLD.lot_id, 'external_id', OLD.external_id, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id, 'source_line', OLD.source_line), json_object('id', NEW.id, 'vendor_id', NEW.vendor_id, 'account_id', NEW.account_id, 'paid_on', NEW.paid_on, 'paid_at', NEW.paid_at, 'amount', NEW.amount, 'currency', NEW.currency, 'descriptor', NEW.descriptor, 'purpose', NEW.purpose, 'program_id', NEW.program_id, 'lot_id', NEW.lot_id, 'external_id', NEW.external_id, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id, 'source_line', NEW.source_line));
END;
CREATE TRIGGER payments_journal_delete AFTER DELETE ON payments WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'payments', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'vendor_id', OLD.vendor_id, 'account_id', OLD.account_id, 'paid_on', OLD.paid_on, 'paid_at', OLD.paid_at, 'amount', OLD.amount, 'currency', OLD.currency, 'descriptor', OLD.descriptor, 'purpose', OLD.purpose, 'program_id', OLD.program_id, 'lot_id', OLD.lot_id, 'external_id', OLD.external_id, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id, 'source_line', OLD.source_line), NULL);
END;

CREATE TRIGGER import_profiles_journal_insert AFTER INSERT ON import_profiles WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'import_profiles', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'name', NEW.name, 'header_fingerprint', NEW.header_fingerprint, 'mapping', NEW.mapping, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER import_profiles_journal_update AFTER UPDATE ON import_profiles WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'import_profiles', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'name', OLD.name, 'header_fingerprint', OLD.header_fingerprint, 'mapping', OLD.mapping, 'recorded_at', OLD.recorded_at), json_object('id', NEW.id, 'name', NEW.name, 'header_fingerprint', NEW.header_fingerprint, 'mapping', NEW.mapping, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER import_profiles_journal_delete AFTER DELETE ON import_profiles WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'import_profiles', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'name', OLD.name, 'header_fingerprint', OLD.header_fingerprint, 'mapping', OLD.mapping, 'recorded_at', OLD.recorded_at), NULL);
END;

CREATE TRIGGER merchant_rules_journal_insert AFTER INSERT ON merchant_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'merchant_rules', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'pattern', NEW.pattern, 'vendor_id', NEW.vendor_id, 'account_id', NEW.account_id, 'purpose', NEW.purpose, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER merchant_rules_journal_update AFTER UPDATE ON merchant_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'merchant_rules', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'pattern', OLD.pattern, 'vendor_id', OLD.vendor_id, 'account_id', OLD.account_id, 'purpose', OLD.purpose, 'recorded_at', OLD.recorded_at), json_object('id', NEW.id, 'pattern', NEW.pattern, 'vendor_id', NEW.vendor_id, 'account_id', NEW.account_id, 'purpose', NEW.purpose, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER merchant_rules_journal_delete AFTER DELETE ON merchant_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'merchant_rules', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'pattern', OLD.pattern, 'vendor_id', OLD.vendor_id, 'account_id', OLD.account_id, 'purpose', OLD.purpose, 'recorded_at', OLD.recorded_at), NULL);
END;
