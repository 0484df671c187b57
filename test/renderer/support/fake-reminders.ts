import type { HandlerInput, MethodName, MethodOutput } from '@shared/api/contract'
import { fail, ok, type Result } from '@shared/api/result'
import type { ReminderEntry, ReminderHistoryEntry, ReminderInbox } from '@shared/api/types/reminders'
import type { AccountBalance, LotHistory, LotView } from '@shared/api/types/views'
import { amountView } from '@shared/money/amount-view'
import { mergeRules, type ReminderRulesPatch } from '@shared/reminders/rules'
import type { SnoozeOption } from '@shared/reminders/types'
import type { Account } from '@shared/catalog/types'
import type { Settings } from '@shared/settings/schemas'

/**
 * The reminder inbox, account rules, balances and lot histories of the fake ledger: enough state to drive the
 * inbox, account and lot pages. Time stands still at NOW, so snooze ends are known in advance.
 */

export type Handlers = { readonly [M in MethodName]?: (input: HandlerInput<M>) => Result<MethodOutput<M>> }

export const NOW = '2026-11-22T09:00:00.000Z'
const HOUR = 3_600_000
const SNOOZE_MS: Readonly<Record<SnoozeOption, number>> = { hour: HOUR, tomorrow: 24 * HOUR, week: 7 * 24 * HOUR }

/** What the fake needs from its owner: the accounts and the settings it holds. */
export interface FakeOwner {
  readonly accounts: readonly Account[]
  readonly settings: Settings
}

/** A lot of an account, as the replay would answer it; amounts in the account's unit at scale 2 for brevity. */
export const lotView = (id: string, unit: string, fields: Partial<LotView> = {}): LotView => {
  const amount = (cents: number) => amountView(cents, unit, 2)
  return {
    id,
    storedId: /^L\d+$/.test(id) ? Number(id.slice(1)) : null,
    programId: null,
    periodIndex: null,
    parentLotId: null,
    kind: 'purchase',
    funding: 'paid',
    status: 'active',
    projected: false,
    granted: amount(10_000),
    remaining: amount(10_000),
    consumed: amount(0),
    expired: amount(0),
    voided: amount(0),
    rolledOut: amount(0),
    effectiveAt: '2025-11-27T10:00:00.000Z',
    expiresAt: '2026-11-27T10:00:00.000Z',
    closedAt: null,
    cost: amountView(10_000, 'USD', 2),
    priority: 0,
    tags: [],
    ...fields,
  }
}

export class FakeReminders {
  entries: ReminderEntry[] = []
  overrides = new Map<number, ReminderRulesPatch>()
  lots = new Map<number, LotView[]>()

  constructor(private readonly owner: FakeOwner) {}

  /** A reminder shown at `firedAt` (unseen unless `seen`). */
  seed(fields: Partial<ReminderEntry> & Pick<ReminderEntry, 'key' | 'title' | 'accountId'>): ReminderEntry {
    const firedAt = fields.firedAt ?? '2026-11-22T08:00:00.000Z'
    const entry: ReminderEntry = {
      kind: 'expiry',
      body: 'Some credits will be left unused.',
      link: { view: 'account', accountId: fields.accountId },
      state: 'fired',
      dueAt: firedAt,
      eventAt: '2026-11-27T10:00:00.000Z',
      firedAt,
      stateAt: firedAt,
      snoozedUntil: null,
      seen: false,
      history: [{ action: 'fired', at: firedAt, until: null }],
      ...fields,
    }
    this.entries.push(entry)
    return entry
  }

  inbox(): ReminderInbox {
    const items = this.entries
      .filter((entry) => entry.state !== 'superseded')
      .sort((a, b) => Date.parse(b.stateAt) - Date.parse(a.stateAt))
    return { items, unseen: items.filter((entry) => entry.state === 'fired' && !entry.seen).length }
  }

  private change(key: string, update: (entry: ReminderEntry) => ReminderEntry): boolean {
    const entry = this.entries.find((item) => item.key === key && item.state !== 'superseded')
    if (entry === undefined) return false
    this.entries = this.entries.map((item) => (item === entry ? update(item) : item))
    return true
  }

  private event(entry: ReminderEntry, event: ReminderHistoryEntry): ReminderHistoryEntry[] {
    return [...entry.history, event]
  }

  private balance(account: Account): AccountBalance {
    const lots = this.lots.get(account.id) ?? []
    const remaining = lots.reduce((sum, lot) => sum + Number(lot.remaining.minor), 0)
    const money = amountView(remaining, account.unitId, 2)
    return {
      account: {
        id: account.id,
        name: account.name,
        vendorId: account.vendorId,
        vendorName: account.vendorName,
        unitId: account.unitId,
        currency: account.currency,
      },
      at: NOW,
      balance: money,
      remaining: money,
      debt: amountView(0, account.unitId, 2),
      projected: amountView(0, account.unitId, 2),
      value: { basis: 'balance', value: [money], unvalued: amountView(0, account.unitId, 2) },
      lots,
    }
  }

  private lotHistory(lotId: string): LotHistory | undefined {
    for (const [accountId, lots] of this.lots) {
      const lot = lots.find((item) => item.id === lotId)
      const account = this.owner.accounts.find((item) => item.id === accountId)
      if (lot === undefined || account === undefined) continue
      return {
        account: this.balance(account).account,
        at: NOW,
        lot,
        history: [
          { at: lot.effectiveAt, type: 'grant', amount: lot.granted, count: null, note: null },
          { at: '2026-02-03T12:00:00.000Z', type: 'consume', amount: lot.consumed, count: 3, note: null },
        ],
        historyTotal: 2,
        paid: [],
        paidTotal: { count: 3, amount: lot.consumed },
      }
    }
    return undefined
  }

  readonly handlers: Handlers = {
    'reminders.inbox': () => ok(this.inbox()),
    'reminders.snooze': ({ key, option }) => {
      const until = new Date(Date.parse(NOW) + SNOOZE_MS[option]).toISOString()
      if (this.entries.some((entry) => entry.key === key && entry.state === 'dismissed'))
        return fail('CONFLICT', 'A dismissed reminder cannot be snoozed')
      const changed = this.change(key, (entry) => ({
        ...entry,
        state: 'snoozed',
        stateAt: NOW,
        snoozedUntil: until,
        history: this.event(entry, { action: 'snoozed', at: NOW, until }),
      }))
      return changed ? ok(this.inbox()) : fail('NOT_FOUND', 'No such reminder', { fields: { key: 'No such reminder' } })
    },
    'reminders.dismiss': ({ key }) => {
      const changed = this.change(key, (entry) => ({
        ...entry,
        state: 'dismissed',
        stateAt: NOW,
        snoozedUntil: null,
        history: this.event(entry, { action: 'dismissed', at: NOW, until: null }),
      }))
      return changed ? ok(this.inbox()) : fail('NOT_FOUND', 'No such reminder', { fields: { key: 'No such reminder' } })
    },
    'reminders.seen': (input) => {
      const keys = input?.keys
      this.entries = this.entries.map((entry) =>
        entry.state === 'fired' && !entry.seen && (keys === undefined || keys.includes(entry.key))
          ? { ...entry, seen: true, history: this.event(entry, { action: 'seen', at: NOW, until: null }) }
          : entry,
      )
      return ok(this.inbox())
    },
    'reminders.accountRules': ({ accountId }) => {
      if (!this.owner.accounts.some((account) => account.id === accountId)) return fail('NOT_FOUND', 'No such account')
      const override = this.overrides.get(accountId) ?? null
      return ok({ accountId, override, effective: mergeRules(this.owner.settings.reminderRules, override) })
    },
    'reminders.setAccountRules': ({ accountId, rules }) => {
      if (rules === null || Object.keys(rules).length === 0) this.overrides.delete(accountId)
      else this.overrides.set(accountId, rules)
      const override = this.overrides.get(accountId) ?? null
      return ok({ accountId, override, effective: mergeRules(this.owner.settings.reminderRules, override) })
    },
    'ledger.balances': (input) => {
      const accounts = this.owner.accounts.filter(
        (account) => input?.accountId === undefined || account.id === input.accountId,
      )
      if (input?.accountId !== undefined && accounts.length === 0) return fail('NOT_FOUND', 'No such account')
      return ok({
        at: NOW,
        accounts: accounts.map((account) => this.balance(account)),
        totals: {
          byUnit: [],
          byCurrency: [],
          unvalued: [],
          home: { currency: 'USD', value: null, converted: amountView(0, 'USD', 2), rates: [], missingRates: [] },
        },
      })
    },
    'lots.history': ({ lot }) => {
      const history = this.lotHistory(lot)
      return history === undefined ? fail('NOT_FOUND', `No lot ${lot}`) : ok(history)
    },
  }
}
