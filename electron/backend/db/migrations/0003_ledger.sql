-- The ledger's facts (DESIGN §3): programs, auto-recharge rules, lots, lot events, usage, observations and rate
-- tables, each with when it was recorded, where it came from (manual, preset, import, restore) and the batch that
-- made it; batches and their change journal (undo/redo); per-account replay checkpoints.
-- Amounts are integers in the account unit's minor units; instants are UTC epoch ms; rules that need their own
-- shape (expiry, rollover) are JSON validated by the service and checked here to be JSON at least.

-- What the engine needs to know about an account beyond the catalog: its drawdown order and overdraft rule.
ALTER TABLE accounts ADD COLUMN drawdown TEXT NOT NULL DEFAULT 'default' CHECK (drawdown IN ('default', 'free_first'));
ALTER TABLE accounts ADD COLUMN overdraft_mode TEXT NOT NULL DEFAULT 'none'
  CHECK (overdraft_mode IN ('none', 'unlimited', 'limit'));
ALTER TABLE accounts ADD COLUMN overdraft_limit INTEGER NOT NULL DEFAULT 0 CHECK (overdraft_limit >= 0);
-- The program whose periods bill overage in money (HubSpot); no REFERENCES: programs point back at accounts.
ALTER TABLE accounts ADD COLUMN overdraft_billed_with INTEGER;
ALTER TABLE accounts ADD COLUMN preset_id TEXT;
ALTER TABLE accounts ADD COLUMN preset_version INTEGER;

-- One user action (a manual edit, a preset applied, a restore, an import): the unit of undo.
CREATE TABLE batches (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('manual', 'preset', 'restore', 'import')),
  label      TEXT NOT NULL,
  method     TEXT,
  created_at INTEGER NOT NULL,
  -- done: applied (undoable while its journal is kept); undone: reverted (redoable until a new batch);
  -- discarded: undone and then superseded by a new batch; sealed: older than the undo window, journal dropped.
  state      TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded', 'sealed')),
  changed_at INTEGER NOT NULL
) STRICT;

CREATE INDEX batches_by_state ON batches (state, id);

-- Row images written by triggers while journal_state.journaling = 1, so no service can forget to journal a change.
CREATE TABLE batch_changes (
  seq      INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  tbl      TEXT NOT NULL,
  pk       TEXT NOT NULL,
  op       TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before   TEXT CHECK (before IS NULL OR json_valid(before)),
  after    TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;

CREATE INDEX batch_changes_by_batch ON batch_changes (batch_id, seq);

-- The batch the current transaction writes for. Set and cleared inside one transaction, so it is NULL between.
CREATE TABLE journal_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  batch_id   INTEGER,
  journaling INTEGER NOT NULL DEFAULT 0 CHECK (journaling IN (0, 1))
) STRICT;
INSERT INTO journal_state (id, batch_id, journaling) VALUES (1, NULL, 0);

-- Subscriptions, add-on packs, annual plans released monthly, daily allowances, commitments (ProgramFact).
CREATE TABLE programs (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  kind               TEXT NOT NULL CHECK (kind IN ('allowance', 'addon', 'annual_release', 'daily', 'commitment')),
  -- Wall-clock anchor in its zone, 'YYYY-MM-DDTHH:MM:SS.mmm': boundaries are computed from it, never chained.
  anchor_local       TEXT NOT NULL CHECK (length(anchor_local) = 23),
  anchor_zone        TEXT NOT NULL,
  interval           TEXT NOT NULL CHECK (interval GLOB 'P*'),
  -- 0: a paid plan that grants no credits (ChatGPT Plus): renewals and cost only, never replayed.
  amount_per_period  INTEGER NOT NULL CHECK (amount_per_period >= 0),
  -- per_period: cost is one period's price; total: the whole term's price, split exactly over `periods`.
  cost_basis         TEXT NOT NULL CHECK (cost_basis IN ('per_period', 'total')),
  cost_amount        INTEGER CHECK (cost_amount >= 0),
  cost_currency      TEXT CHECK (length(cost_currency) = 3),
  periods            INTEGER CHECK (periods > 0),
  ends_at            INTEGER,
  lot                TEXT NOT NULL CHECK (json_valid(lot)),
  rollover           TEXT NOT NULL CHECK (json_valid(rollover)),
  rolled             TEXT NOT NULL CHECK (json_valid(rolled)),
  rolled_lost_on_end INTEGER NOT NULL CHECK (rolled_lost_on_end IN (0, 1)),
  replaces           INTEGER REFERENCES programs (id) ON DELETE RESTRICT,
  recorded_at        INTEGER NOT NULL,
  source             TEXT NOT NULL DEFAULT 'manual',
  batch_id           INTEGER REFERENCES batches (id),
  CHECK ((cost_amount IS NULL) = (cost_currency IS NULL)),
  CHECK (cost_basis = 'per_period' OR periods IS NOT NULL)
) STRICT;

CREATE INDEX programs_by_account ON programs (account_id);

-- Auto-recharge ("auto top-up") rules (RechargeRule).
CREATE TABLE recharge_rules (
  id                 INTEGER PRIMARY KEY,
  account_id         INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  threshold          INTEGER NOT NULL CHECK (threshold >= 0),
  mode               TEXT NOT NULL CHECK (mode IN ('fixed', 'target')),
  amount             INTEGER NOT NULL CHECK (amount > 0),
  monthly_max_count  INTEGER CHECK (monthly_max_count >= 0),
  monthly_max_amount INTEGER CHECK (monthly_max_amount >= 0),
  enabled_from       INTEGER NOT NULL,
  enabled_until      INTEGER,
  lot                TEXT NOT NULL CHECK (json_valid(lot)),
  confirm_within_ms  INTEGER NOT NULL CHECK (confirm_within_ms >= 0),
  recorded_at        INTEGER NOT NULL,
  source             TEXT NOT NULL DEFAULT 'manual',
  batch_id           INTEGER REFERENCES batches (id),
  CHECK (enabled_until IS NULL OR enabled_until > enabled_from)
) STRICT;

CREATE INDEX recharge_rules_by_account ON recharge_rules (account_id);

-- One grant or purchase (LotFact). created_seq of the engine is the id: insertion order, kept by restore.
CREATE TABLE lots (
  id              INTEGER PRIMARY KEY,
  account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  kind            TEXT NOT NULL CHECK (kind IN ('subscription', 'addon', 'purchase', 'auto_recharge', 'promo', 'trial',
                    'grant', 'rollover', 'commitment', 'daily', 'adjustment')),
  funding         TEXT NOT NULL CHECK (funding IN ('paid', 'promotional', 'postpaid')),
  amount          INTEGER NOT NULL CHECK (amount > 0),
  cost_amount     INTEGER CHECK (cost_amount >= 0),
  cost_currency   TEXT CHECK (length(cost_currency) = 3),
  effective_at    INTEGER NOT NULL,
  expiry_kind     TEXT NOT NULL CHECK (expiry_kind IN ('never', 'at', 'after', 'end_of_local_day')),
  expires_at      INTEGER,
  expiry_duration TEXT,
  priority        INTEGER NOT NULL,
  tags            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  program_id      INTEGER REFERENCES programs (id) ON DELETE RESTRICT,
  note            TEXT,
  external_id     TEXT,
  recorded_at     INTEGER NOT NULL,
  source          TEXT NOT NULL DEFAULT 'manual',
  batch_id        INTEGER REFERENCES batches (id),
  source_line     INTEGER,
  CHECK ((cost_amount IS NULL) = (cost_currency IS NULL)),
  CHECK ((expiry_kind = 'at') = (expires_at IS NOT NULL)),
  CHECK ((expiry_kind = 'after') = (expiry_duration IS NOT NULL)),
  CHECK (expires_at IS NULL OR expires_at > effective_at)
) STRICT;

CREATE INDEX lots_by_account ON lots (account_id, effective_at);
CREATE INDEX lots_by_program ON lots (program_id) WHERE program_id IS NOT NULL;
CREATE INDEX lots_by_batch ON lots (batch_id);

-- Void (refund), retract (entered by mistake) and expiry changes of a lot (LotEvent).
CREATE TABLE lot_events (
  id          INTEGER PRIMARY KEY,
  lot_id      INTEGER NOT NULL REFERENCES lots (id) ON DELETE RESTRICT,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  kind        TEXT NOT NULL CHECK (kind IN ('void', 'retract', 'expiry_change')),
  at          INTEGER NOT NULL,
  mode        TEXT CHECK (mode IN ('forward', 'clawback')),
  expires_at  INTEGER,
  note        TEXT,
  recorded_at INTEGER NOT NULL,
  source      TEXT NOT NULL DEFAULT 'manual',
  batch_id    INTEGER REFERENCES batches (id),
  CHECK ((kind = 'void') = (mode IS NOT NULL)),
  CHECK (kind = 'expiry_change' OR expires_at IS NULL)
) STRICT;

CREATE INDEX lot_events_by_lot ON lot_events (lot_id);
CREATE INDEX lot_events_by_account ON lot_events (account_id);

-- Consumption (UsageFact). Tags are "key:value" strings (model:gpt-4o, project:site); action and quantity keep
-- what a rate table priced, when it did.
CREATE TABLE usage (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  occurred_at INTEGER NOT NULL,
  amount      INTEGER NOT NULL CHECK (amount >= 0),
  billable    INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
  tags        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  action      TEXT,
  quantity    INTEGER CHECK (quantity >= 0),
  note        TEXT,
  external_id TEXT,
  recorded_at INTEGER NOT NULL,
  source      TEXT NOT NULL DEFAULT 'manual',
  batch_id    INTEGER REFERENCES batches (id),
  source_line INTEGER,
  CHECK ((action IS NULL) = (quantity IS NULL))
) STRICT;

-- Replays read one account's usage in time order from a checkpoint on; reports scan by time. The same index is the
-- row identity of imported usage (external_id: a vendor id or a content hash; NULL for rows entered by hand, which
-- SQLite keeps distinct): one index instead of two, as every imported row would pay for both.
CREATE UNIQUE INDEX usage_by_account_time ON usage (account_id, occurred_at, external_id);
CREATE INDEX usage_by_batch ON usage (batch_id);

-- A balance the vendor's dashboard showed (Observation): compared with the model, never used to edit it.
CREATE TABLE observations (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  at          INTEGER NOT NULL,
  balance     INTEGER NOT NULL,
  tolerance   INTEGER NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
  note        TEXT,
  recorded_at INTEGER NOT NULL,
  source      TEXT NOT NULL DEFAULT 'manual',
  batch_id    INTEGER REFERENCES batches (id)
) STRICT;

CREATE INDEX observations_by_account ON observations (account_id, at);

-- Rate tables (RateEntry): numerator minor units per denominator units of an action, from an instant on.
CREATE TABLE rates (
  id             INTEGER PRIMARY KEY,
  account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
  key            TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 120),
  effective_from INTEGER NOT NULL,
  numerator      INTEGER NOT NULL CHECK (numerator >= 0),
  denominator    INTEGER NOT NULL CHECK (denominator > 0),
  recorded_at    INTEGER NOT NULL,
  source         TEXT NOT NULL DEFAULT 'manual',
  batch_id       INTEGER REFERENCES batches (id),
  UNIQUE (account_id, key, effective_from)
) STRICT;

-- A cache, never a fact: the replay state of one account, valid for every fact before processed_before. The
-- triggers below delete it in the same transaction as any change at or before it, so it can never be stale.
CREATE TABLE checkpoints (
  account_id       INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  processed_before INTEGER NOT NULL,
  engine_version   INTEGER NOT NULL,
  policy           TEXT NOT NULL,
  state            TEXT NOT NULL,
  recorded_at      INTEGER NOT NULL
) STRICT;

-- Checkpoint invalidation, in the same transaction as the change (DESIGN §3): a fact dated before an account's
-- checkpoint deletes it; rules (programs, recharge rules, lot events, the account's policy) delete it always.
CREATE TRIGGER usage_checkpoint_insert AFTER INSERT ON usage BEGIN
  DELETE FROM checkpoints WHERE account_id = NEW.account_id AND processed_before > NEW.occurred_at;
END;
CREATE TRIGGER usage_checkpoint_update AFTER UPDATE ON usage BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id AND processed_before > OLD.occurred_at;
  DELETE FROM checkpoints WHERE account_id = NEW.account_id AND processed_before > NEW.occurred_at;
END;
CREATE TRIGGER usage_checkpoint_delete AFTER DELETE ON usage BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id AND processed_before > OLD.occurred_at;
END;
CREATE TRIGGER observations_checkpoint_insert AFTER INSERT ON observations BEGIN
  DELETE FROM checkpoints WHERE account_id = NEW.account_id AND processed_before > NEW.at;
END;
CREATE TRIGGER observations_checkpoint_update AFTER UPDATE ON observations BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id AND processed_before > OLD.at;
  DELETE FROM checkpoints WHERE account_id = NEW.account_id AND processed_before > NEW.at;
END;
CREATE TRIGGER observations_checkpoint_delete AFTER DELETE ON observations BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id AND processed_before > OLD.at;
END;
CREATE TRIGGER lots_checkpoint_insert AFTER INSERT ON lots BEGIN
  DELETE FROM checkpoints WHERE account_id = NEW.account_id AND processed_before > NEW.effective_at;
END;
CREATE TRIGGER lots_checkpoint_update AFTER UPDATE ON lots BEGIN
  DELETE FROM checkpoints WHERE account_id IN (OLD.account_id, NEW.account_id);
END;
CREATE TRIGGER lots_checkpoint_delete AFTER DELETE ON lots BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id;
END;
CREATE TRIGGER lot_events_checkpoint_insert AFTER INSERT ON lot_events BEGIN
  DELETE FROM checkpoints WHERE account_id = NEW.account_id;
END;
CREATE TRIGGER lot_events_checkpoint_update AFTER UPDATE ON lot_events BEGIN
  DELETE FROM checkpoints WHERE account_id IN (OLD.account_id, NEW.account_id);
END;
CREATE TRIGGER lot_events_checkpoint_delete AFTER DELETE ON lot_events BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id;
END;
CREATE TRIGGER programs_checkpoint_insert AFTER INSERT ON programs BEGIN
  DELETE FROM checkpoints WHERE account_id = NEW.account_id;
END;
CREATE TRIGGER programs_checkpoint_update AFTER UPDATE ON programs BEGIN
  DELETE FROM checkpoints WHERE account_id IN (OLD.account_id, NEW.account_id);
END;
CREATE TRIGGER programs_checkpoint_delete AFTER DELETE ON programs BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id;
END;
CREATE TRIGGER recharge_rules_checkpoint_insert AFTER INSERT ON recharge_rules BEGIN
  DELETE FROM checkpoints WHERE account_id = NEW.account_id;
END;
CREATE TRIGGER recharge_rules_checkpoint_update AFTER UPDATE ON recharge_rules BEGIN
  DELETE FROM checkpoints WHERE account_id IN (OLD.account_id, NEW.account_id);
END;
CREATE TRIGGER recharge_rules_checkpoint_delete AFTER DELETE ON recharge_rules BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.account_id;
END;
CREATE TRIGGER accounts_checkpoint_update AFTER UPDATE ON accounts BEGIN
  DELETE FROM checkpoints WHERE account_id = OLD.id;
END;

-- Undo journal: one trigger per journaled table and operation, writing whole-row images as JSON while a batch is
-- journaling. A later migration that adds a column must recreate its table's triggers (a test compares them with
-- PRAGMA table_info).

CREATE TRIGGER units_journal_insert AFTER INSERT ON units WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'units', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'kind', NEW.kind, 'scale', NEW.scale, 'label', NEW.label, 'built_in', NEW.built_in, 'recorded_at', NEW.recorded_at, 'source', NEW.source));
END;
CREATE TRIGGER units_journal_update AFTER UPDATE ON units WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'units', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'kind', OLD.kind, 'scale', OLD.scale, 'label', OLD.label, 'built_in', OLD.built_in, 'recorded_at', OLD.recorded_at, 'source', OLD.source), json_object('id', NEW.id, 'kind', NEW.kind, 'scale', NEW.scale, 'label', NEW.label, 'built_in', NEW.built_in, 'recorded_at', NEW.recorded_at, 'source', NEW.source));
END;
CREATE TRIGGER units_journal_delete AFTER DELETE ON units WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'units', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'kind', OLD.kind, 'scale', OLD.scale, 'label', OLD.label, 'built_in', OLD.built_in, 'recorded_at', OLD.recorded_at, 'source', OLD.source), NULL);
END;

CREATE TRIGGER vendors_journal_insert AFTER INSERT ON vendors WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'vendors', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'name', NEW.name, 'website', NEW.website, 'recorded_at', NEW.recorded_at, 'source', NEW.source));
END;
CREATE TRIGGER vendors_journal_update AFTER UPDATE ON vendors WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'vendors', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'name', OLD.name, 'website', OLD.website, 'recorded_at', OLD.recorded_at, 'source', OLD.source), json_object('id', NEW.id, 'name', NEW.name, 'website', NEW.website, 'recorded_at', NEW.recorded_at, 'source', NEW.source));
END;
CREATE TRIGGER vendors_journal_delete AFTER DELETE ON vendors WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'vendors', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'name', OLD.name, 'website', OLD.website, 'recorded_at', OLD.recorded_at, 'source', OLD.source), NULL);
END;

CREATE TRIGGER accounts_journal_insert AFTER INSERT ON accounts WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'accounts', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'vendor_id', NEW.vendor_id, 'name', NEW.name, 'unit_id', NEW.unit_id, 'currency', NEW.currency, 'time_zone', NEW.time_zone, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'drawdown', NEW.drawdown, 'overdraft_mode', NEW.overdraft_mode, 'overdraft_limit', NEW.overdraft_limit, 'overdraft_billed_with', NEW.overdraft_billed_with, 'preset_id', NEW.preset_id, 'preset_version', NEW.preset_version));
END;
CREATE TRIGGER accounts_journal_update AFTER UPDATE ON accounts WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'accounts', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'vendor_id', OLD.vendor_id, 'name', OLD.name, 'unit_id', OLD.unit_id, 'currency', OLD.currency, 'time_zone', OLD.time_zone, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'drawdown', OLD.drawdown, 'overdraft_mode', OLD.overdraft_mode, 'overdraft_limit', OLD.overdraft_limit, 'overdraft_billed_with', OLD.overdraft_billed_with, 'preset_id', OLD.preset_id, 'preset_version', OLD.preset_version), json_object('id', NEW.id, 'vendor_id', NEW.vendor_id, 'name', NEW.name, 'unit_id', NEW.unit_id, 'currency', NEW.currency, 'time_zone', NEW.time_zone, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'drawdown', NEW.drawdown, 'overdraft_mode', NEW.overdraft_mode, 'overdraft_limit', NEW.overdraft_limit, 'overdraft_billed_with', NEW.overdraft_billed_with, 'preset_id', NEW.preset_id, 'preset_version', NEW.preset_version));
END;
CREATE TRIGGER accounts_journal_delete AFTER DELETE ON accounts WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'accounts', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'vendor_id', OLD.vendor_id, 'name', OLD.name, 'unit_id', OLD.unit_id, 'currency', OLD.currency, 'time_zone', OLD.time_zone, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'drawdown', OLD.drawdown, 'overdraft_mode', OLD.overdraft_mode, 'overdraft_limit', OLD.overdraft_limit, 'overdraft_billed_with', OLD.overdraft_billed_with, 'preset_id', OLD.preset_id, 'preset_version', OLD.preset_version), NULL);
END;

CREATE TRIGGER settings_journal_insert AFTER INSERT ON settings WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'settings', json_quote(NEW.key), 'insert', NULL, json_object('key', NEW.key, 'value', NEW.value, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER settings_journal_update AFTER UPDATE ON settings WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'settings', json_quote(OLD.key), 'update', json_object('key', OLD.key, 'value', OLD.value, 'recorded_at', OLD.recorded_at), json_object('key', NEW.key, 'value', NEW.value, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER settings_journal_delete AFTER DELETE ON settings WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'settings', json_quote(OLD.key), 'delete', json_object('key', OLD.key, 'value', OLD.value, 'recorded_at', OLD.recorded_at), NULL);
END;

CREATE TRIGGER fx_rates_journal_insert AFTER INSERT ON fx_rates WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'fx_rates', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'base', NEW.base, 'quote', NEW.quote, 'rate_e9', NEW.rate_e9, 'effective_date', NEW.effective_date, 'source', NEW.source, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER fx_rates_journal_update AFTER UPDATE ON fx_rates WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'fx_rates', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'base', OLD.base, 'quote', OLD.quote, 'rate_e9', OLD.rate_e9, 'effective_date', OLD.effective_date, 'source', OLD.source, 'recorded_at', OLD.recorded_at), json_object('id', NEW.id, 'base', NEW.base, 'quote', NEW.quote, 'rate_e9', NEW.rate_e9, 'effective_date', NEW.effective_date, 'source', NEW.source, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER fx_rates_journal_delete AFTER DELETE ON fx_rates WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'fx_rates', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'base', OLD.base, 'quote', OLD.quote, 'rate_e9', OLD.rate_e9, 'effective_date', OLD.effective_date, 'source', OLD.source, 'recorded_at', OLD.recorded_at), NULL);
END;

CREATE TRIGGER programs_journal_insert AFTER INSERT ON programs WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'programs', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'name', NEW.name, 'kind', NEW.kind, 'anchor_local', NEW.anchor_local, 'anchor_zone', NEW.anchor_zone, 'interval', NEW.interval, 'amount_per_period', NEW.amount_per_period, 'cost_basis', NEW.cost_basis, 'cost_amount', NEW.cost_amount, 'cost_currency', NEW.cost_currency, 'periods', NEW.periods, 'ends_at', NEW.ends_at, 'lot', NEW.lot, 'rollover', NEW.rollover, 'rolled', NEW.rolled, 'rolled_lost_on_end', NEW.rolled_lost_on_end, 'replaces', NEW.replaces, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER programs_journal_update AFTER UPDATE ON programs WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'programs', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'account_id', OLD.account_id, 'name', OLD.name, 'kind', OLD.kind, 'anchor_local', OLD.anchor_local, 'anchor_zone', OLD.anchor_zone, 'interval', OLD.interval, 'amount_per_period', OLD.amount_per_period, 'cost_basis', OLD.cost_basis, 'cost_amount', OLD.cost_amount, 'cost_currency', OLD.cost_currency, 'periods', OLD.periods, 'ends_at', OLD.ends_at, 'lot', OLD.lot, 'rollover', OLD.rollover, 'rolled', OLD.rolled, 'rolled_lost_on_end', OLD.rolled_lost_on_end, 'replaces', OLD.replaces, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), json_object('id', NEW.id, 'account_id', NEW.account_id, 'name', NEW.name, 'kind', NEW.kind, 'anchor_local', NEW.anchor_local, 'anchor_zone', NEW.anchor_zone, 'interval', NEW.interval, 'amount_per_period', NEW.amount_per_period, 'cost_basis', NEW.cost_basis, 'cost_amount', NEW.cost_amount, 'cost_currency', NEW.cost_currency, 'periods', NEW.periods, 'ends_at', NEW.ends_at, 'lot', NEW.lot, 'rollover', NEW.rollover, 'rolled', NEW.rolled, 'rolled_lost_on_end', NEW.rolled_lost_on_end, 'replaces', NEW.replaces, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER programs_journal_delete AFTER DELETE ON programs WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'programs', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'account_id', OLD.account_id, 'name', OLD.name, 'kind', OLD.kind, 'anchor_local', OLD.anchor_local, 'anchor_zone', OLD.anchor_zone, 'interval', OLD.interval, 'amount_per_period', OLD.amount_per_period, 'cost_basis', OLD.cost_basis, 'cost_amount', OLD.cost_amount, 'cost_currency', OLD.cost_currency, 'periods', OLD.periods, 'ends_at', OLD.ends_at, 'lot', OLD.lot, 'rollover', OLD.rollover, 'rolled', OLD.rolled, 'rolled_lost_on_end', OLD.rolled_lost_on_end, 'replaces', OLD.replaces, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), NULL);
END;

CREATE TRIGGER recharge_rules_journal_insert AFTER INSERT ON recharge_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'recharge_rules', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'threshold', NEW.threshold, 'mode', NEW.mode, 'amount', NEW.amount, 'monthly_max_count', NEW.monthly_max_count, 'monthly_max_amount', NEW.monthly_max_amount, 'enabled_from', NEW.enabled_from, 'enabled_until', NEW.enabled_until, 'lot', NEW.lot, 'confirm_within_ms', NEW.confirm_within_ms, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER recharge_rules_journal_update AFTER UPDATE ON recharge_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'recharge_rules', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'account_id', OLD.account_id, 'threshold', OLD.threshold, 'mode', OLD.mode, 'amount', OLD.amount, 'monthly_max_count', OLD.monthly_max_count, 'monthly_max_amount', OLD.monthly_max_amount, 'enabled_from', OLD.enabled_from, 'enabled_until', OLD.enabled_until, 'lot', OLD.lot, 'confirm_within_ms', OLD.confirm_within_ms, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), json_object('id', NEW.id, 'account_id', NEW.account_id, 'threshold', NEW.threshold, 'mode', NEW.mode, 'amount', NEW.amount, 'monthly_max_count', NEW.monthly_max_count, 'monthly_max_amount', NEW.monthly_max_amount, 'enabled_from', NEW.enabled_from, 'enabled_until', NEW.enabled_until, 'lot', NEW.lot, 'confirm_within_ms', NEW.confirm_within_ms, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER recharge_rules_journal_delete AFTER DELETE ON recharge_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'recharge_rules', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'account_id', OLD.account_id, 'threshold', OLD.threshold, 'mode', OLD.mode, 'amount', OLD.amount, 'monthly_max_count', OLD.monthly_max_count, 'monthly_max_amount', OLD.monthly_max_amount, 'enabled_from', OLD.enabled_from, 'enabled_until', OLD.enabled_until, 'lot', OLD.lot, 'confirm_within_ms', OLD.confirm_within_ms, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), NULL);
END;

CREATE TRIGGER lots_journal_insert AFTER INSERT ON lots WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'lots', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'kind', NEW.kind, 'funding', NEW.funding, 'amount', NEW.amount, 'cost_amount', NEW.cost_amount, 'cost_currency', NEW.cost_currency, 'effective_at', NEW.effective_at, 'expiry_kind', NEW.expiry_kind, 'expires_at', NEW.expires_at, 'expiry_duration', NEW.expiry_duration, 'priority', NEW.priority, 'tags', NEW.tags, 'program_id', NEW.program_id, 'note', NEW.note, 'external_id', NEW.external_id, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id, 'source_line', NEW.source_line));
END;
CREATE TRIGGER lots_journal_update AFTER UPDATE ON lots WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'lots', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'account_id', OLD.account_id, 'kind', OLD.kind, 'funding', OLD.funding, 'amount', OLD.amount, 'cost_amount', OLD.cost_amount, 'cost_currency', OLD.cost_currency, 'effective_at', OLD.effective_at, 'expiry_kind', OLD.expiry_kind, 'expires_at', OLD.expires_at, 'expiry_duration', OLD.expiry_duration, 'priority', OLD.priority, 'tags', OLD.tags, 'program_id', OLD.program_id, 'note', OLD.note, 'external_id', OLD.external_id, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id, 'source_line', OLD.source_line), json_object('id', NEW.id, 'account_id', NEW.account_id, 'kind', NEW.kind, 'funding', NEW.funding, 'amount', NEW.amount, 'cost_amount', NEW.cost_amount, 'cost_currency', NEW.cost_currency, 'effective_at', NEW.effective_at, 'expiry_kind', NEW.expiry_kind, 'expires_at', NEW.expires_at, 'expiry_duration', NEW.expiry_duration, 'priority', NEW.priority, 'tags', NEW.tags, 'program_id', NEW.program_id, 'note', NEW.note, 'external_id', NEW.external_id, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id, 'source_line', NEW.source_line));
END;
CREATE TRIGGER lots_journal_delete AFTER DELETE ON lots WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'lots', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'account_id', OLD.account_id, 'kind', OLD.kind, 'funding', OLD.funding, 'amount', OLD.amount, 'cost_amount', OLD.cost_amount, 'cost_currency', OLD.cost_currency, 'effective_at', OLD.effective_at, 'expiry_kind', OLD.expiry_kind, 'expires_at', OLD.expires_at, 'expiry_duration', OLD.expiry_duration, 'priority', OLD.priority, 'tags', OLD.tags, 'program_id', OLD.program_id, 'note', OLD.note, 'external_id', OLD.external_id, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id, 'source_line', OLD.source_line), NULL);
END;

CREATE TRIGGER lot_events_journal_insert AFTER INSERT ON lot_events WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'lot_events', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'lot_id', NEW.lot_id, 'account_id', NEW.account_id, 'kind', NEW.kind, 'at', NEW.at, 'mode', NEW.mode, 'expires_at', NEW.expires_at, 'note', NEW.note, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER lot_events_journal_update AFTER UPDATE ON lot_events WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'lot_events', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'lot_id', OLD.lot_id, 'account_id', OLD.account_id, 'kind', OLD.kind, 'at', OLD.at, 'mode', OLD.mode, 'expires_at', OLD.expires_at, 'note', OLD.note, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), json_object('id', NEW.id, 'lot_id', NEW.lot_id, 'account_id', NEW.account_id, 'kind', NEW.kind, 'at', NEW.at, 'mode', NEW.mode, 'expires_at', NEW.expires_at, 'note', NEW.note, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER lot_events_journal_delete AFTER DELETE ON lot_events WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'lot_events', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'lot_id', OLD.lot_id, 'account_id', OLD.account_id, 'kind', OLD.kind, 'at', OLD.at, 'mode', OLD.mode, 'expires_at', OLD.expires_at, 'note', OLD.note, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), NULL);
END;

CREATE TRIGGER usage_journal_insert AFTER INSERT ON usage WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'usage', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'occurred_at', NEW.occurred_at, 'amount', NEW.amount, 'billable', NEW.billable, 'tags', NEW.tags, 'action', NEW.action, 'quantity', NEW.quantity, 'note', NEW.note, 'external_id', NEW.external_id, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id, 'source_line', NEW.source_line));
END;
CREATE TRIGGER usage_journal_update AFTER UPDATE ON usage WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'usage', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'account_id', OLD.account_id, 'occurred_at', OLD.occurred_at, 'amount', OLD.amount, 'billable', OLD.billable, 'tags', OLD.tags, 'action', OLD.action, 'quantity', OLD.quantity, 'note', OLD.note, 'external_id', OLD.external_id, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id, 'source_line', OLD.source_line), json_object('id', NEW.id, 'account_id', NEW.account_id, 'occurred_at', NEW.occurred_at, 'amount', NEW.amount, 'billable', NEW.billable, 'tags', NEW.tags, 'action', NEW.action, 'quantity', NEW.quantity, 'note', NEW.note, 'external_id', NEW.external_id, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id, 'source_line', NEW.source_line));
END;
CREATE TRIGGER usage_journal_delete AFTER DELETE ON usage WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'usage', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'account_id', OLD.account_id, 'occurred_at', OLD.occurred_at, 'amount', OLD.amount, 'billable', OLD.billable, 'tags', OLD.tags, 'action', OLD.action, 'quantity', OLD.quantity, 'note', OLD.note, 'external_id', OLD.external_id, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id, 'source_line', OLD.source_line), NULL);
END;

CREATE TRIGGER observations_journal_insert AFTER INSERT ON observations WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'observations', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'at', NEW.at, 'balance', NEW.balance, 'tolerance', NEW.tolerance, 'note', NEW.note, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER observations_journal_update AFTER UPDATE ON observations WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'observations', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'account_id', OLD.account_id, 'at', OLD.at, 'balance', OLD.balance, 'tolerance', OLD.tolerance, 'note', OLD.note, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), json_object('id', NEW.id, 'account_id', NEW.account_id, 'at', NEW.at, 'balance', NEW.balance, 'tolerance', NEW.tolerance, 'note', NEW.note, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER observations_journal_delete AFTER DELETE ON observations WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'observations', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'account_id', OLD.account_id, 'at', OLD.at, 'balance', OLD.balance, 'tolerance', OLD.tolerance, 'note', OLD.note, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), NULL);
END;

CREATE TRIGGER rates_journal_insert AFTER INSERT ON rates WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'rates', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'key', NEW.key, 'effective_from', NEW.effective_from, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER rates_journal_update AFTER UPDATE ON rates WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'rates', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'account_id', OLD.account_id, 'key', OLD.key, 'effective_from', OLD.effective_from, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), json_object('id', NEW.id, 'account_id', NEW.account_id, 'key', NEW.key, 'effective_from', NEW.effective_from, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id));
END;
CREATE TRIGGER rates_journal_delete AFTER DELETE ON rates WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'rates', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'account_id', OLD.account_id, 'key', OLD.key, 'effective_from', OLD.effective_from, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'recorded_at', OLD.recorded_at, 'source', OLD.source, 'batch_id', OLD.batch_id), NULL);
END;
