import type { Cost, ProgramFact } from '@shared/ledger/model'
import type { LotResult } from '@shared/ledger/results'
import { amountView, type AmountView } from '@shared/money/amount-view'
import { ZERO_DURATION, type Duration } from '@shared/time/duration'
import { isoInstant } from '@shared/time/iso-instant'
import { addDuration } from '@shared/time/zoned'
import { accountLedgers } from '../../ledger/account-ledger'
import type { ServiceContext } from '../context'
import { getSettings } from '../settings-service'
import { loadPrograms, periodStarts } from '../views/payments'
import { money, valueAtCost } from '../views/view-amounts'
import { viewAccounts, type ViewAccount } from '../views/view-accounts'

/**
 * What the calendar shows (issue 6 §8), from the ledger replayed at now: when live credits expire, and when paid
 * plans renew over the next year. Each entry's UID names the thing and its instant, so a calendar app re-reading the
 * export or feed updates the event instead of adding a second one; a changed expiry is a new UID (the old instant
 * no longer holds, and a feed drops it).
 */

/** How far ahead renewals (and expiries at a plan's end) are looked for. */
export const CALENDAR_HORIZON: Duration = Object.freeze({ ...ZERO_DURATION, years: 1 })

export interface CalendarEntry {
  readonly uid: string
  readonly kind: 'expiry' | 'renewal'
  readonly at: number
  readonly summary: string
  readonly description: string
}

const UID_DOMAIN = 'credit-ledger'

const amountText = (view: AmountView): string => `${view.value} ${view.unit}`
const accountText = (account: ViewAccount): string => `${account.ref.vendorName} · ${account.ref.name}`

/**
 * The instant a live lot loses what it still holds, read from the replay that ran ahead to the horizon: a plan's end
 * shows there, and so does an expiry change recorded for later or for this very instant (the replay at now stops
 * just before it). Beyond the horizon the lot's own expiry stands. null: nothing expires (no expiry, or usage already
 * recorded for later uses it up first).
 */
const expiryOf = (lot: LotResult, ahead: LotResult | undefined, now: number): number | null => {
  if (ahead === undefined || ahead.status !== 'closed') return (ahead ?? lot).expiresAt
  for (let i = ahead.history.length - 1; i >= 0; i -= 1) {
    const entry = ahead.history[i]
    if (entry?.type === 'expire' && entry.at > now) return entry.at
  }
  return null
}

const expiryEntry = (account: ViewAccount, lot: LotResult, at: number): CalendarEntry => {
  const left = amountView(lot.remaining, account.ref.unitId, account.scale)
  const worth = valueAtCost(lot, lot.remaining)
  const value = worth === null ? null : money(worth.amount, worth.currency)
  return {
    uid: `expiry-${lot.id}-${at}@${UID_DOMAIN}`,
    kind: 'expiry',
    at,
    summary: `${amountText(left)} expire — ${accountText(account)}`,
    description: [
      `${amountText(left)} left in lot ${lot.id} expire at ${isoInstant(at)} unless used first.`,
      value === null ? 'Value: unknown (the lot has no recorded cost).' : `Value at cost: ${amountText(value)}.`,
      `Account: ${accountText(account)}.`,
      `Lot: ${lot.id} (${lot.kind}).`,
    ].join('\n'),
  }
}

const priceOf = (program: ProgramFact): Cost | null => program.totalCost ?? program.costPerPeriod

const renewalEntry = (account: ViewAccount, program: ProgramFact, k: number, at: number): CalendarEntry => {
  const credits =
    program.amountPerPeriod > 0 ? amountView(program.amountPerPeriod, account.ref.unitId, account.scale) : null
  const perPeriod = program.totalCost === undefined ? program.costPerPeriod : null
  const price = perPeriod === null ? null : money(perPeriod.amount, perPeriod.currency)
  const head = price === null ? `${program.name}: new period` : `${program.name} renews (${amountText(price)})`
  const paid =
    program.totalCost === undefined
      ? price === null
        ? null
        : `Price: ${amountText(price)} per period.`
      : `Paid up front: ${amountText(money(program.totalCost.amount, program.totalCost.currency))} for ${program.periods ?? 1} periods; nothing is charged at this renewal.`
  return {
    uid: `renewal-${program.id}-${k}@${UID_DOMAIN}`,
    kind: 'renewal',
    at,
    summary: `${head} — ${accountText(account)}`,
    description: [
      `${program.name} starts period ${k + 1} at ${isoInstant(at)}.`,
      ...(paid === null ? [] : [paid]),
      ...(credits === null ? [] : [`Credits: ${amountText(credits)} per period.`]),
      `Account: ${accountText(account)}.`,
      `Plan: ${program.id}.`,
    ].join('\n'),
  }
}

/** Every entry for the accounts of `filter`, soonest first (expiries before renewals at one instant, as in replay). */
export const calendarEntries = (
  ctx: ServiceContext,
  filter: { readonly accountId?: number | undefined } = {},
): CalendarEntry[] => {
  const now = ctx.clock.now()
  const horizon = addDuration(now, CALENDAR_HORIZON, getSettings(ctx).timeZone)
  const accounts = viewAccounts(ctx, filter)
  const byId = new Map(accounts.map((account) => [account.ref.id, account]))
  const ids = accounts.map((account) => account.ref.id)
  const ahead = new Map(
    accountLedgers(ctx, ids, horizon).map((ledger) => [
      ledger.accountId,
      new Map(ledger.result.lots.map((l) => [l.id, l])),
    ]),
  )
  const entries: CalendarEntry[] = []
  for (const ledger of accountLedgers(ctx, ids, now)) {
    const account = byId.get(ledger.accountId)
    if (account === undefined) continue
    for (const lot of ledger.result.lots) {
      if (lot.status !== 'active' || lot.remaining <= 0) continue
      const at = expiryOf(lot, ahead.get(ledger.accountId)?.get(lot.id), now)
      if (at !== null && at > now) entries.push(expiryEntry(account, lot, at))
    }
  }
  for (const { accountId, program } of loadPrograms(ctx)) {
    const account = byId.get(accountId)
    const price = priceOf(program)
    // Paid plans only; a plan without credits (a plain subscription) renews all the same.
    if (account === undefined || price === null || price.amount <= 0) continue
    for (const { k, at } of periodStarts(program, now + 1, horizon + 1)) {
      if (k > 0) entries.push(renewalEntry(account, program, k, at))
    }
  }
  const rank = { expiry: 0, renewal: 1 } as const
  return entries.sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind] || (a.uid < b.uid ? -1 : 1))
}
