import { describe, expect, it } from 'vitest'
import type { CalendarExport } from '@shared/api/types/calendar'
import { DAY_MS } from '@shared/time/calendar'
import { readIcs, type IcsEvent } from './calendar-ics-reader'
import { fakeClock, openTestBackend, value } from './helpers'
import { at, ledgerFixture, monthlyPlan } from './ledger-fixtures'

/**
 * calendar.export (issue 6 §8): expiries of live credits and renewals of paid plans as an .ics document a calendar
 * app reads, with UIDs that stay put across exports so re-importing updates instead of duplicating.
 */

/** 2028-03-01T00:00Z: the day after a leap day. */
const MARCH_1_2028 = Date.UTC(2028, 2, 1)

const setup = async () => {
  const clock = fakeClock(MARCH_1_2028)
  const backend = await openTestBackend(undefined, clock)
  const call = async <T>(method: string, input?: unknown): Promise<T> =>
    value(await backend.dispatch(method, input)) as T
  const exported = async (input: unknown = {}) => {
    const result = await call<CalendarExport>('calendar.export', input)
    return { ...result, doc: readIcs(result.ics) }
  }
  return { backend, clock, call, exported }
}

type Applied = { accounts: { id: number }[]; lots: number[]; plans: number[] }

/** OpenAI API credits bought on a leap day: "1 year after purchase" (the preset's rule, in UTC) is Feb 28, 2029. */
const leapDayPurchase = { presetId: 'openai-api', purchases: [{ effectiveAt: '2028-02-29T10:00:00Z', amount: '50' }] }
const chatgptPlus = { presetId: 'chatgpt-plus', plan: 'plus', start: '2027-12-15T00:00:00Z', price: '20' }

const uids = (events: readonly IcsEvent[]) => events.map((event) => event.props.UID)

describe('calendar.export', () => {
  it('puts a preset’s expiry at its exact instant: 1 year after Feb 29 is Feb 28, with value, lot id and an alarm', async () => {
    const { call, exported } = await setup()
    const applied = await call<Applied>('presets.apply', leapDayPurchase)
    const lot = applied.lots[0] ?? 0
    const { ics, events, doc } = await exported()

    expect(events).toBe(1)
    expect(doc.calendar).toMatchObject({ VERSION: '2.0', 'X-WR-CALNAME': 'Credit Ledger', NAME: 'Credit Ledger' })
    const [event] = doc.events
    const expiresAt = Date.UTC(2029, 1, 28, 10)
    expect(event?.props).toMatchObject({
      UID: `expiry-L${lot}-${expiresAt}@credit-ledger`,
      DTSTART: '20290228T100000Z',
      SUMMARY: '50.00 USD expire — OpenAI · OpenAI API (prepaid credits)',
    })
    expect(event?.props.DESCRIPTION).toContain('Value at cost: 50.00 USD.')
    expect(event?.props.DESCRIPTION).toContain(`Lot: L${lot} (purchase).`)
    expect(event?.alarms).toEqual([expect.objectContaining({ ACTION: 'DISPLAY', TRIGGER: '-P1D' })])
    // RFC 5545: CRLF after every line, the last one too; no line longer than 75 octets.
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  })

  it('lists every renewal of a paid plan within a year, with its price; a plan without credits included', async () => {
    const { call, exported } = await setup()
    const applied = await call<Applied>('presets.apply', chatgptPlus)
    const plan = applied.plans[0] ?? 0
    const { events, doc } = await exported()

    // Started Dec 15 2027 (period 0); from Mar 1 2028 the renewals Mar 15 2028 … Feb 15 2029 fall within a year.
    expect(events).toBe(12)
    expect(doc.events.map((event) => event.props.DTSTART)).toEqual(
      // Date.UTC months count from 0 and roll over: 2 is March 2028, 13 is February 2029.
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((month) => {
        const date = new Date(Date.UTC(2028, month, 15))
        return `${date.toISOString().slice(0, 10).replace(/-/g, '')}T000000Z`
      }),
    )
    expect(doc.events[0]?.props).toMatchObject({
      UID: `renewal-P${plan}-3@credit-ledger`,
      SUMMARY: expect.stringContaining('renews (20.00 USD) — OpenAI ·') as unknown,
    })
    expect(doc.events[0]?.props.DESCRIPTION).toContain('Price: 20.00 USD per period.')
    expect(doc.events[11]?.props.UID).toBe(`renewal-P${plan}-14@credit-ledger`)
  })

  it('keeps each UID across exports while amounts change, and moves it when the expiry moves', async () => {
    const { call, clock, exported } = await setup()
    const applied = await call<Applied>('presets.apply', { ...leapDayPurchase })
    await call('presets.apply', chatgptPlus)
    const account = applied.accounts[0]?.id ?? 0
    const lot = applied.lots[0] ?? 0
    const first = await exported()

    clock.advance(DAY_MS)
    await call('usage.add', { accountId: account, occurredAt: '2028-03-01T12:00:00Z', amount: '12.5' })
    const second = await exported()
    const expiry = (doc: typeof first.doc) => doc.events.find((event) => event.props.UID?.startsWith('expiry-'))
    expect(expiry(second.doc)?.props.UID).toBe(expiry(first.doc)?.props.UID)
    expect(expiry(second.doc)?.props.SUMMARY).toMatch(/^37\.50 USD expire/)
    expect(uids(second.doc.events)).toEqual(uids(first.doc.events))

    await call('lots.changeExpiry', { id: lot, expiresAt: '2028-12-31T00:00:00Z' })
    const moved = expiry((await exported()).doc)
    expect(moved?.props).toMatchObject({
      UID: `expiry-L${lot}-${Date.UTC(2028, 11, 31)}@credit-ledger`,
      DTSTART: '20281231T000000Z',
    })
  })

  it('leaves out credits with no expiry, used up, or already expired; an alarm only when it can still ring', async () => {
    const { call, exported } = await setup()
    const applied = await call<Applied>('presets.apply', {
      presetId: 'openai-api',
      purchases: [
        { effectiveAt: '2027-02-01T00:00:00Z', amount: '5' }, // expired Feb 1, 2028
        { effectiveAt: '2028-02-01T00:00:00Z', amount: '5', expiresAt: 'never' },
        { effectiveAt: '2028-02-02T00:00:00Z', amount: '5', expiresAt: '2028-03-01T12:00:00Z' },
      ],
    })
    const { events, doc } = await exported()
    expect(events).toBe(1)
    expect(doc.events[0]?.props.UID).toBe(`expiry-L${applied.lots[2] ?? 0}-${Date.UTC(2028, 2, 1, 12)}@credit-ledger`)
    // Twelve hours away: a reminder a day ahead would be in the past.
    expect(doc.events[0]?.alarms).toEqual([])

    await call('usage.add', { accountId: applied.accounts[0]?.id, occurredAt: '2028-02-29T00:00:00Z', amount: '10' })
    expect((await exported()).events).toBe(0)
  })

  it('dates credits that end with their plan at the plan’s end, read from the replay ahead', async () => {
    const f = await ledgerFixture(Date.UTC(2026, 10, 22, 9))
    const account = await f.account({ unitId: 'credits', vendor: 'Kreator', name: 'Studio' })
    // Cancelled on Jan 20: the period running then (from Jan 15) is the last, so the plan ends on Feb 15.
    const plan = f.program(account, monthlyPlan('2026-09-15T00:00:00Z', 1000, { endsAt: at('2027-01-20T00:00:00Z') }))
    const topUp = f.lot(account, { amount: 300, effectiveAt: at('2026-10-01T00:00:00Z'), programId: plan })
    const { ics } = await f.call<CalendarExport>('calendar.export', { accountId: account })
    const expiries = readIcs(ics).events.map((event) => [event.props.UID, event.props.DTSTART, event.props.SUMMARY])
    expect(expiries).toEqual([
      // This month's allowance resets at the period end; the top-up has no date of its own and goes with the plan.
      [
        `expiry-P${plan}#2-${Date.UTC(2026, 11, 15)}@credit-ledger`,
        '20261215T000000Z',
        '1000 credits expire — Kreator · Studio',
      ],
      [
        `expiry-L${topUp}-${Date.UTC(2027, 1, 15)}@credit-ledger`,
        '20270215T000000Z',
        '300 credits expire — Kreator · Studio',
      ],
    ])
  })

  it('filters by account, and names a missing one', async () => {
    const { backend, call, exported } = await setup()
    const credits = await call<Applied>('presets.apply', leapDayPurchase)
    const plus = await call<Applied>('presets.apply', chatgptPlus)
    const only = async (accountId: number) => (await exported({ accountId })).doc.events.map((e) => e.props.UID ?? '')

    expect(await only(credits.accounts[0]?.id ?? 0)).toEqual([expect.stringMatching(/^expiry-L\d+-/)])
    const renewals = await only(plus.accounts[0]?.id ?? 0)
    expect(renewals).toHaveLength(12)
    expect(renewals.every((uid) => uid.startsWith('renewal-'))).toBe(true)
    expect((await exported()).events).toBe(13)

    expect(await backend.dispatch('calendar.export', { accountId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { accountId: expect.any(String) } },
    })
  })

  it('answers an empty calendar when there is nothing to show', async () => {
    const { exported } = await setup()
    const { ics, events, doc } = await exported()
    expect(events).toBe(0)
    expect(doc.events).toEqual([])
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  })
})
