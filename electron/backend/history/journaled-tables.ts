/**
 * The tables whose rows the undo journal records (the *_journal_* triggers of migrations 0003–0006), with their primary key.
 * Undo and redo write only to these, and only to columns PRAGMA table_info reports, so a journal entry can never
 * name another table or column.
 */
export const JOURNALED_TABLES = {
  units: 'id',
  vendors: 'id',
  accounts: 'id',
  settings: 'key',
  fx_rates: 'id',
  programs: 'id',
  recharge_rules: 'id',
  lots: 'id',
  lot_events: 'id',
  usage: 'id',
  observations: 'id',
  rates: 'id',
  payments: 'id',
  import_profiles: 'id',
  merchant_rules: 'id',
  reminder_account_rules: 'account_id',
  imports: 'batch_id',
  import_rejections: 'id',
} as const

export type JournaledTable = keyof typeof JOURNALED_TABLES

export const isJournaledTable = (name: string): name is JournaledTable =>
  Object.prototype.hasOwnProperty.call(JOURNALED_TABLES, name)
