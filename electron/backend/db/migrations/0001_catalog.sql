-- Units, vendors and accounts: the catalog every later fact (lots, usage, programs) points at.
-- Every fact keeps when it was recorded (epoch ms, UTC) and where it came from.

CREATE TABLE units (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('money', 'credit', 'token')),
  scale       INTEGER NOT NULL CHECK (scale BETWEEN 0 AND 6),
  label       TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  built_in    INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  recorded_at INTEGER NOT NULL,
  source      TEXT NOT NULL DEFAULT 'manual'
) STRICT;

-- Money is counted in micro-units (scale 6), credits whole, tokens whole (DESIGN §4).
INSERT INTO units (id, kind, scale, label, built_in, recorded_at, source) VALUES
  ('USD', 'money', 6, 'US dollar', 1, 0, 'built-in'),
  ('EUR', 'money', 6, 'Euro', 1, 0, 'built-in'),
  ('GBP', 'money', 6, 'Pound sterling', 1, 0, 'built-in'),
  ('CHF', 'money', 6, 'Swiss franc', 1, 0, 'built-in'),
  ('JPY', 'money', 6, 'Japanese yen', 1, 0, 'built-in'),
  ('credits', 'credit', 0, 'Credits', 1, 0, 'built-in'),
  ('millicredits', 'credit', 3, 'Credits (3 decimals)', 1, 0, 'built-in'),
  ('tokens', 'token', 0, 'Tokens', 1, 0, 'built-in');

CREATE TABLE vendors (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  website     TEXT,
  recorded_at INTEGER NOT NULL,
  source      TEXT NOT NULL DEFAULT 'manual'
) STRICT;

CREATE UNIQUE INDEX vendors_by_name ON vendors (name COLLATE NOCASE);

CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  vendor_id   INTEGER NOT NULL REFERENCES vendors (id) ON DELETE RESTRICT,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  unit_id     TEXT NOT NULL REFERENCES units (id) ON DELETE RESTRICT,
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  time_zone   TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  source      TEXT NOT NULL DEFAULT 'manual'
) STRICT;

CREATE UNIQUE INDEX accounts_by_vendor_and_name ON accounts (vendor_id, name COLLATE NOCASE);
CREATE INDEX accounts_by_unit ON accounts (unit_id);
