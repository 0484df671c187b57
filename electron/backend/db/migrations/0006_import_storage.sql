-- Import storage (issue 5): three per-row costs of a million-row import go with the same guarantees (§9), and import
-- records become part of what a restore can undo.

-- 1. Undoing an import deletes its usage by id range instead of through an index on batch_id that every imported
--    row had to maintain. An import writes its usage in one transaction on the only write connection, so its rows
--    take consecutive ids above every existing one: [usage_first_id, usage_last_id] holds exactly its rows (the undo
--    still checks batch_id). NULL: the import wrote no usage.
ALTER TABLE imports ADD COLUMN usage_first_id INTEGER;
ALTER TABLE imports ADD COLUMN usage_last_id INTEGER;
DROP INDEX usage_by_batch;

-- 2. A usage row deletes an account's checkpoint only when it is dated before it: asked first as a primary-key
--    look-up, so the common case (no checkpoint, or a row after it) runs no DELETE at all.
DROP TRIGGER usage_checkpoint_insert;
CREATE TRIGGER usage_checkpoint_insert AFTER INSERT ON usage
WHEN NEW.occurred_at < (SELECT processed_before FROM checkpoints WHERE account_id = NEW.account_id) BEGIN
  DELETE FROM checkpoints WHERE account_id = NEW.account_id AND processed_before > NEW.occurred_at;
END;

-- 3. Rows an import inserts are undone by the import's id range (above), never from the journal: the insert journal
--    trigger skips them before it looks at journal_state. A restore, which journals everything it writes, journals
--    the imported usage it restores in one statement instead (electron/backend/export/restore.ts). Updates and
--    deletes of imported rows are journaled as before.
DROP TRIGGER usage_journal_insert;
CREATE TRIGGER usage_journal_insert AFTER INSERT ON usage
WHEN NEW.source <> 'import' AND (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'usage', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'account_id', NEW.account_id, 'occurred_at', NEW.occurred_at, 'amount', NEW.amount, 'billable', NEW.billable, 'tags', NEW.tags, 'action', NEW.action, 'quantity', NEW.quantity, 'note', NEW.note, 'external_id', NEW.external_id, 'recorded_at', NEW.recorded_at, 'source', NEW.source, 'batch_id', NEW.batch_id, 'source_line', NEW.source_line));
END;

-- 4. Import records are restored like everything else, so a restore's undo must remove them and its redo bring them
--    back: imports and their refused lines are journaled (only inside journaled batches — a restore; an import batch
--    journals nothing, and imports.undo runs outside any batch). import_rejections gets a single-column key for it.
CREATE TABLE import_rejections_keyed (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES imports (batch_id) ON DELETE CASCADE,
  line        INTEGER NOT NULL CHECK (line >= 1),
  column_name TEXT,
  reason      TEXT NOT NULL,
  UNIQUE (batch_id, line, column_name)
) STRICT;
INSERT INTO import_rejections_keyed (batch_id, line, column_name, reason)
  SELECT batch_id, line, column_name, reason FROM import_rejections ORDER BY batch_id, line, column_name;
DROP TABLE import_rejections;
ALTER TABLE import_rejections_keyed RENAME TO import_rejections;

CREATE TRIGGER imports_journal_insert AFTER INSERT ON imports WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'imports', json_quote(NEW.batch_id), 'insert', NULL, json_object('batch_id', NEW.batch_id, 'file_name', NEW.file_name, 'file_sha256', NEW.file_sha256, 'file_bytes', NEW.file_bytes, 'profile', NEW.profile, 'profile_version', NEW.profile_version, 'encoding', NEW.encoding, 'delimiter', NEW.delimiter, 'account_id', NEW.account_id, 'rows_read', NEW.rows_read, 'rows_new', NEW.rows_new, 'rows_duplicate', NEW.rows_duplicate, 'rows_matched', NEW.rows_matched, 'rows_rejected', NEW.rows_rejected, 'rows_skipped', NEW.rows_skipped, 'rows_rounded', NEW.rows_rounded, 'first_at', NEW.first_at, 'last_at', NEW.last_at, 'fault_line', NEW.fault_line, 'state', NEW.state, 'committed_at', NEW.committed_at, 'undone_at', NEW.undone_at, 'usage_first_id', NEW.usage_first_id, 'usage_last_id', NEW.usage_last_id));
END;
CREATE TRIGGER imports_journal_update AFTER UPDATE ON imports WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'imports', json_quote(OLD.batch_id), 'update', json_object('batch_id', OLD.batch_id, 'file_name', OLD.file_name, 'file_sha256', OLD.file_sha256, 'file_bytes', OLD.file_bytes, 'profile', OLD.profile, 'profile_version', OLD.profile_version, 'encoding', OLD.encoding, 'delimiter', OLD.delimiter, 'account_id', OLD.account_id, 'rows_read', OLD.rows_read, 'rows_new', OLD.rows_new, 'rows_duplicate', OLD.rows_duplicate, 'rows_matched', OLD.rows_matched, 'rows_rejected', OLD.rows_rejected, 'rows_skipped', OLD.rows_skipped, 'rows_rounded', OLD.rows_rounded, 'first_at', OLD.first_at, 'last_at', OLD.last_at, 'fault_line', OLD.fault_line, 'state', OLD.state, 'committed_at', OLD.committed_at, 'undone_at', OLD.undone_at, 'usage_first_id', OLD.usage_first_id, 'usage_last_id', OLD.usage_last_id), json_object('batch_id', NEW.batch_id, 'file_name', NEW.file_name, 'file_sha256', NEW.file_sha256, 'file_bytes', NEW.file_bytes, 'profile', NEW.profile, 'profile_version', NEW.profile_version, 'encoding', NEW.encoding, 'delimiter', NEW.delimiter, 'account_id', NEW.account_id, 'rows_read', NEW.rows_read, 'rows_new', NEW.rows_new, 'rows_duplicate', NEW.rows_duplicate, 'rows_matched', NEW.rows_matched, 'rows_rejected', NEW.rows_rejected, 'rows_skipped', NEW.rows_skipped, 'rows_rounded', NEW.rows_rounded, 'first_at', NEW.first_at, 'last_at', NEW.last_at, 'fault_line', NEW.fault_line, 'state', NEW.state, 'committed_at', NEW.committed_at, 'undone_at', NEW.undone_at, 'usage_first_id', NEW.usage_first_id, 'usage_last_id', NEW.usage_last_id));
END;
CREATE TRIGGER imports_journal_delete AFTER DELETE ON imports WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'imports', json_quote(OLD.batch_id), 'delete', json_object('batch_id', OLD.batch_id, 'file_name', OLD.file_name, 'file_sha256', OLD.file_sha256, 'file_bytes', OLD.file_bytes, 'profile', OLD.profile, 'profile_version', OLD.profile_version, 'encoding', OLD.encoding, 'delimiter', OLD.delimiter, 'account_id', OLD.account_id, 'rows_read', OLD.rows_read, 'rows_new', OLD.rows_new, 'rows_duplicate', OLD.rows_duplicate, 'rows_matched', OLD.rows_matched, 'rows_rejected', OLD.rows_rejected, 'rows_skipped', OLD.rows_skipped, 'rows_rounded', OLD.rows_rounded, 'first_at', OLD.first_at, 'last_at', OLD.last_at, 'fault_line', OLD.fault_line, 'state', OLD.state, 'committed_at', OLD.committed_at, 'undone_at', OLD.undone_at, 'usage_first_id', OLD.usage_first_id, 'usage_last_id', OLD.usage_last_id), NULL);
END;
CREATE TRIGGER import_rejections_journal_insert AFTER INSERT ON import_rejections WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'import_rejections', json_quote(NEW.id), 'insert', NULL, json_object('id', NEW.id, 'batch_id', NEW.batch_id, 'line', NEW.line, 'column_name', NEW.column_name, 'reason', NEW.reason));
END;
CREATE TRIGGER import_rejections_journal_update AFTER UPDATE ON import_rejections WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'import_rejections', json_quote(OLD.id), 'update', json_object('id', OLD.id, 'batch_id', OLD.batch_id, 'line', OLD.line, 'column_name', OLD.column_name, 'reason', OLD.reason), json_object('id', NEW.id, 'batch_id', NEW.batch_id, 'line', NEW.line, 'column_name', NEW.column_name, 'reason', NEW.reason));
END;
CREATE TRIGGER import_rejections_journal_delete AFTER DELETE ON import_rejections WHEN (SELECT journaling FROM journal_state) = 1 BEGIN
  INSERT INTO batch_changes (batch_id, tbl, pk, op, before, after)
  VALUES ((SELECT batch_id FROM journal_state), 'import_rejections', json_quote(OLD.id), 'delete', json_object('id', OLD.id, 'batch_id', OLD.batch_id, 'line', OLD.line, 'column_name', OLD.column_name, 'reason', OLD.reason), NULL);
END;
