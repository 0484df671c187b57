import { describe, expect, it } from 'vitest'
import type { AccountBuckets, Timeline } from '@shared/api/types/views'
import { at, ledgerFixture, minor, monthlyPlan } from './ledger-fixtures'

/** ledger.buckets (bucket kinds, drawdown order) and ledger.timeline (bars and markers). */

describe('ledger.buckets', () => {
  it('splits the balance by bucket kind and lists live lots in the order the next usage draws them', async () => {
    const f = await ledgerFixture()
    const account = await f.account({ unitId: 'credits' })
    const plan = f.program(account, monthlyPlan('2026-09-15T00:00:00Z', 1000, { name: 'Pro' }))
    const purchase = f.lot(account, { amount: 500, effectiveAt: at('2026-10-01T00:00:00Z') })
    const promo = f.lot(account, {
      amount: 200,
      kind: 'promo',
      funding: 'promotional',
      effectiveAt: at('2026-10-01T00:00:00Z'),
      expiry: { kind: 'at', at: at('2026-12-31T00:00:00Z') },
    })
    const image = f.lot(account, {
      amount: 50,
      kind: 'grant',
      effectiveAt: at('2026-10-01T00:00:00Z'),
      tags: ['model:image'],
    })
    // 1,200 used in October: the October period (1,000) first, then 200 of the promo (the soonest to expire)
    f.usage(account, at('2026-10-20T00:00:00Z'), 1200)
    f.usage(account, at('2026-11-16T00:00:00Z'), 100)

    const [buckets] = await f.call<AccountBuckets[]>('ledger.buckets', { accountId: account })
    expect(buckets?.balance).toEqual({ value: '1450', minor: '1450', unit: 'credits' })
    expect(buckets?.byKind.map((b) => [b.kind, b.lots, b.remaining.value, b.consumed.value, b.expired.value])).toEqual([
      // periods of Sep 15, Oct 15 and Nov 15: Sep's and Oct's closed at their period end with what was left
      ['subscription', 3, '900', '1100', '1000'],
      ['purchase', 1, '500', '0', '0'],
      ['promo', 1, '0', '200', '0'],
      ['grant', 1, '50', '0', '0'],
    ])
    expect(buckets?.byFunding.map((b) => [b.funding, b.remaining.value])).toEqual([['paid', '1450']])
    expect(buckets?.order.map((entry) => [entry.position, entry.lot.id, entry.nextToDraw, entry.restrictedTo])).toEqual(
      [
        [1, `L${image}`, false, ['model:image']],
        [2, `P${plan}#2`, true, []],
        [3, `L${purchase}`, false, []],
      ],
    )
    expect(buckets?.order.map((entry) => entry.lot.id)).not.toContain(`L${promo}`)
  })

  it('follows the account’s policy: free credits first puts a free grant before a paid lot expiring sooner', async () => {
    const f = await ledgerFixture()
    const lots = (account: number) => {
      const paid = f.lot(account, {
        amount: minor('10'),
        cost: { amount: minor('10'), currency: 'USD' },
        effectiveAt: at('2026-11-01T00:00:00Z'),
        expiry: { kind: 'at', at: at('2026-12-01T00:00:00Z') },
      })
      const free = f.lot(account, {
        amount: minor('5'),
        kind: 'grant',
        funding: 'promotional',
        cost: { amount: 0, currency: 'USD' },
        effectiveAt: at('2026-11-01T00:00:00Z'),
        expiry: { kind: 'at', at: at('2027-06-01T00:00:00Z') },
      })
      return [`L${paid}`, `L${free}`]
    }
    const standard = await f.account({ name: 'standard' })
    const [paid, free] = lots(standard)
    const openai = await f.account({ name: 'openai', drawdown: 'free_first' })
    const [paid2, free2] = lots(openai)
    const all = await f.call<AccountBuckets[]>('ledger.buckets')
    const order = (id: number) => all.find((b) => b.account.id === id)?.order.map((entry) => entry.lot.id)
    expect(order(standard)).toEqual([paid, free])
    expect(order(openai)).toEqual([free2, paid2])
    expect(all.find((b) => b.account.id === openai)?.drawdown).toBe('free_first')
  })
})

describe('ledger.timeline', () => {
  it('shows lots as bars and renewals, expiries and plan ends as markers in the range', async () => {
    const f = await ledgerFixture()
    const account = await f.account({ unitId: 'credits', name: 'Design' })
    const plan = f.program(
      account,
      monthlyPlan('2026-09-15T00:00:00Z', 100, { name: 'Team', endsAt: at('2027-01-10T00:00:00Z') }),
    )
    const pack = f.lot(account, {
      amount: 40,
      kind: 'addon',
      effectiveAt: at('2026-10-05T00:00:00Z'),
      expiry: { kind: 'at', at: at('2026-11-05T00:00:00Z') },
    })
    f.usage(account, at('2026-10-10T00:00:00Z'), 30)

    const view = await f.call<Timeline>('ledger.timeline', { from: '2026-10-01T00:00:00Z', to: '2027-02-01T00:00:00Z' })
    expect(view.now).toBe('2026-11-22T09:00:00.000Z')
    const bars = view.bars.map((bar) => [
      bar.lotId,
      bar.start,
      bar.end,
      bar.granted.value,
      bar.consumed.value,
      bar.future,
    ])
    expect(bars).toEqual([
      [`P${plan}#0`, '2026-09-15T00:00:00.000Z', '2026-10-15T00:00:00.000Z', '100', '30', false],
      [`L${pack}`, '2026-10-05T00:00:00.000Z', '2026-11-05T00:00:00.000Z', '40', '0', false],
      [`P${plan}#1`, '2026-10-15T00:00:00.000Z', '2026-11-15T00:00:00.000Z', '100', '0', false],
      [`P${plan}#2`, '2026-11-15T00:00:00.000Z', '2026-12-15T00:00:00.000Z', '100', '0', false],
      [`P${plan}#3`, '2026-12-15T00:00:00.000Z', '2027-01-15T00:00:00.000Z', '100', '0', true],
    ])
    // The live period lot is drawn as it is now (nothing expired yet), not as it would be at the range's end.
    const live = view.bars.find((bar) => bar.lotId === `P${plan}#2`)
    expect([live?.remaining.value, live?.expired.value]).toEqual(['100', '0'])
    const spent = view.bars.find((bar) => bar.lotId === `P${plan}#0`)
    expect([spent?.remaining.value, spent?.expired.value]).toEqual(['0', '70'])
    const markers = view.markers.map((m) => [m.type, m.at.slice(0, 10), m.lotId, m.amount?.value ?? null, m.future])
    expect(markers).toEqual([
      // at one instant, what closes comes before what opens (the replay's own order)
      ['expiry', '2026-10-15', `P${plan}#0`, '70', false],
      ['renewal', '2026-10-15', `P${plan}#1`, '100', false],
      ['expiry', '2026-11-05', `L${pack}`, '40', false],
      ['expiry', '2026-11-15', `P${plan}#1`, '100', false],
      ['renewal', '2026-11-15', `P${plan}#2`, '100', false],
      // ahead of now no usage is known: the amount is what would expire if nothing more were used
      ['expiry', '2026-12-15', `P${plan}#2`, '100', true],
      ['renewal', '2026-12-15', `P${plan}#3`, '100', true],
      ['expiry', '2027-01-15', `P${plan}#3`, '100', true],
      ['plan_end', '2027-01-15', null, null, true],
    ])
    expect(view.markers.find((m) => m.type === 'plan_end')?.programName).toBe('Team')
  })

  it('defaults to 90 days either side of now and refuses an empty range', async () => {
    const f = await ledgerFixture()
    const view = await f.call<Timeline>('ledger.timeline')
    expect([view.from, view.to]).toEqual(['2026-08-24T09:00:00.000Z', '2027-02-20T09:00:00.000Z'])
    expect(
      await f.backend.dispatch('ledger.timeline', { from: '2026-11-01T00:00:00Z', to: '2026-10-01T00:00:00Z' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { to: 'To must be after From' } } })
  })
})
