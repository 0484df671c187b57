import { describe, expect, it } from 'vitest'
import type { LotHistory, NoticeView } from '@shared/api/types/views'
import { at, ledgerFixture, minor, monthlyPlan } from './ledger-fixtures'

/** lots.history (a lot's life and the usage it paid) and ledger.notices (what the replay flagged). */

describe('lots.history', () => {
  it('shows a lot’s grant, daily use and expiry, and which usage it paid (split usage included)', async () => {
    const f = await ledgerFixture()
    const account = await f.account()
    const first = f.lot(account, {
      amount: minor('10'),
      effectiveAt: at('2026-10-01T00:00:00Z'),
      expiry: { kind: 'at', at: at('2026-11-01T00:00:00Z') },
    })
    const second = f.lot(account, { amount: minor('50'), effectiveAt: at('2026-10-01T00:00:00Z') })
    const u1 = f.usage(account, at('2026-10-02T10:00:00Z'), minor('4'), { tags: ['project:site'], note: 'build' })
    const u2 = f.usage(account, at('2026-10-02T15:00:00Z'), minor('1'))
    const u3 = f.usage(account, at('2026-10-03T09:00:00Z'), minor('7.25'))

    const history = await f.call<LotHistory>('lots.history', { lot: `L${first}` })
    expect(history.lot).toMatchObject({ id: `L${first}`, status: 'closed', consumed: { value: '10.00' } })
    expect(history.history.map((line) => [line.at, line.type, line.amount.value, line.count, line.note])).toEqual([
      ['2026-10-01T00:00:00.000Z', 'grant', '10.00', null, null],
      // same-day use is summed into one line: two records on Oct 2
      ['2026-10-02T10:00:00.000Z', 'consume', '5.00', 2, null],
      ['2026-10-03T09:00:00.000Z', 'consume', '5.00', 1, null],
    ])
    expect(
      history.paid.map((usage) => [usage.usageId, usage.storedId, usage.amount.value, usage.tags, usage.note]),
    ).toEqual([
      [`U${u1}`, u1, '4.00', ['project:site'], 'build'],
      [`U${u2}`, u2, '1.00', [], null],
      // 7.25 split: 5.00 from this lot (used up), 2.25 from the next
      [`U${u3}`, u3, '5.00', [], null],
    ])
    expect(history.paidTotal).toEqual({ count: 3, amount: { value: '10.00', minor: '10000000', unit: 'USD' } })
    const next = await f.call<LotHistory>('lots.history', { lot: String(second) })
    expect(next.paid.map((usage) => [usage.usageId, usage.amount.value])).toEqual([[`U${u3}`, '2.25']])
    expect(next.lot.remaining.value).toBe('47.75')
  })

  it('finds a plan’s period lots, and refuses unknown or malformed lot ids', async () => {
    const f = await ledgerFixture()
    const account = await f.account({ unitId: 'credits' })
    const plan = f.program(account, monthlyPlan('2026-10-15T00:00:00Z', 100))
    f.usage(account, at('2026-10-20T00:00:00Z'), 30)
    const period = await f.call<LotHistory>('lots.history', { lot: `P${plan}#0` })
    expect(period.lot).toMatchObject({
      kind: 'subscription',
      storedId: null,
      programId: `P${plan}`,
      expired: { value: '70' },
    })
    expect(period.history.map((line) => [line.type, line.amount.value, line.note])).toEqual([
      ['grant', '100', null],
      ['consume', '30', null],
      ['expire', '70', 'period end'],
    ])
    expect(await f.backend.dispatch('lots.history', { lot: 'L999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { lot: 'No lot L999' } },
    })
    expect(await f.backend.dispatch('lots.history', { lot: `P${plan}#9` })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist (yet)') },
    })
    expect(await f.backend.dispatch('lots.history', { lot: 'X12' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { lot: 'Lot must be a lot id such as L12, 12 or P3#5' } },
    })
  })
})

describe('ledger.notices', () => {
  it('says when a balance went negative, beyond the overdraft, or disagreed with the vendor', async () => {
    const f = await ledgerFixture()
    const strict = await f.account({ name: 'Strict', overdraft: { mode: 'none' } })
    f.lot(strict, { amount: minor('5'), effectiveAt: at('2026-10-01T00:00:00Z') })
    const over = f.usage(strict, at('2026-10-05T00:00:00Z'), minor('8'))
    const lenient = await f.account({ name: 'Lenient', overdraft: { mode: 'unlimited' } })
    f.lot(lenient, { amount: minor('5'), effectiveAt: at('2026-10-01T00:00:00Z') })
    f.usage(lenient, at('2026-10-06T00:00:00Z'), minor('6'))
    f.lot(lenient, { amount: minor('20'), effectiveAt: at('2026-10-10T00:00:00Z') })
    const observed = f.observation(lenient, at('2026-11-01T00:00:00Z'), minor('18.50'))

    const notices = await f.call<NoticeView[]>('ledger.notices')
    expect(
      notices.map((notice) => [notice.account.name, notice.kind, notice.at, notice.amount?.value ?? null, notice.ref]),
    ).toEqual([
      ['Strict', 'over_limit', '2026-10-05T00:00:00.000Z', '3.00', `U${over}`],
      ['Lenient', 'negative_balance', '2026-10-06T00:00:00.000Z', '1.00', null],
      ['Lenient', 'drift', '2026-11-01T00:00:00.000Z', '-0.50', `O${observed}`],
    ])
    expect(notices[2]?.message).toBe('The vendor showed 18.50 USD but the ledger computes 19.00 USD (off by -0.50 USD)')
    expect(notices[0]?.message).toBe(`Usage U${over} went beyond the allowed overdraft: 3.00 USD owed`)

    const october = await f.call<NoticeView[]>('ledger.notices', {
      accountId: lenient,
      from: '2026-10-01T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
    })
    expect(october.map((notice) => notice.kind)).toEqual(['negative_balance'])
  })
})
