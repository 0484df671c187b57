-- Reminders (issue 6, DESIGN §5): per-account rule overrides, the delivery log that makes every reminder fire at
-- most once, the scheduler lease (one deliverer per database file) and revocable calendar-feed tokens.
-- Global rules and delivery preferences (hour, quiet hours, tray) live in the settings table (key/value).

-- A partial ReminderRules object (JSON) merged over the global rules for one account. Journaled: undoable like
-- any settings change.
CREATE TABLE reminder_account_rules (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  rules       TEXT NOT NULL CHECK (json_valid(rules) AND json_type(rules) = 'object'),
  recorded_at INTEGER NOT NULL
) STRICT;

-- One row per reminder key, claimed (inserted) before the reminder is shown, in the same transaction that decides
-- to show it: a crash or restart after the claim never shows it again, two deliverers cannot both claim it.
-- Not journaled: undoing a ledger change must not bring back a notification already seen. account_id is kept
-- without a foreign key so the history survives the account.
CREATE TABLE reminder_log (
  key           TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 500),
  kind          TEXT NOT NULL CHECK (kind IN ('expiry', 'renewal', 'trial_end', 'threshold', 'low_balance',
                                              'recharge_blocked', 'negative_balance', 'drift')),
  account_id    INTEGER NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('fired', 'superseded', 'dismissed', 'snoozed')),
  due_at        INTEGER NOT NULL,
  event_at      INTEGER NOT NULL,
  -- When it was first shown; NULL for a reminder superseded before it ever was.
  fired_at      INTEGER,
  state_at      INTEGER NOT NULL,
  snoozed_until INTEGER,
  -- Seen in the inbox (the badge counts fired reminders not yet seen).
  seen_at       INTEGER,
  title         TEXT NOT NULL,
  body          TEXT NOT NULL,
  link          TEXT NOT NULL CHECK (json_valid(link)),
  CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL))
) STRICT;

-- The inbox lists newest first; the scheduler wakes for the earliest snooze end.
CREATE INDEX reminder_log_by_state_time ON reminder_log (state_at DESC);
CREATE INDEX reminder_log_snoozed ON reminder_log (snoozed_until) WHERE state = 'snoozed';

-- Every action on a reminder, for the inbox's history (fired, snoozed, resurfaced, dismissed, superseded).
CREATE TABLE reminder_events (
  id     INTEGER PRIMARY KEY,
  key    TEXT NOT NULL REFERENCES reminder_log (key) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('fired', 'superseded', 'snoozed', 'resurfaced', 'dismissed', 'seen')),
  at     INTEGER NOT NULL,
  until  INTEGER
) STRICT;
CREATE INDEX reminder_events_by_key ON reminder_events (key, id);

-- One scheduler delivers per database file (the app and serve may both have it open): the holder renews its lease
-- well before expires_at; another process takes over only after it lapsed.
CREATE TABLE scheduler_lease (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  holder     TEXT NOT NULL CHECK (length(holder) BETWEEN 1 AND 200),
  expires_at INTEGER NOT NULL
) STRICT;

-- Read-only calendar feed tokens (calendar apps cannot send the per-launch token). Only a SHA-256 of the token is
-- kept; revoking keeps the row so the feed list can say when.
CREATE TABLE calendar_feeds (
  id           INTEGER PRIMARY KEY,
  label        TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_used_at INTEGER
) STRICT;

CREATE TRIGGER reminder_account_rules_journal_insert AFTER INSERT ON reminder_account_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'reminder_account_rules', json_quote(NEW.account_id), 'insert', NULL, json_object('account_id', NEW.account_id, 'rules', NEW.rules, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER reminder_account_rules_journal_update AFTER UPDATE ON reminder_account_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'reminder_account_rules', json_quote(OLD.account_id), 'update', json_object('account_id', OLD.account_id, 'rules', OLD.rules, 'recorded_at', OLD.recorded_at), json_object('account_id', NEW.account_id, 'rules', NEW.rules, 'recorded_at', NEW.recorded_at));
END;
CREATE TRIGGER reminder_account_rules_journal_delete AFTER DELETE ON reminder_account_rules WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'reminder_account_rules', json_quote(OLD.account_id), 'delete', json_object('account_id', OLD.account_id, 'rules', OLD.rules, 'recorded_at', OLD.recorded_at), NULL);
END;
