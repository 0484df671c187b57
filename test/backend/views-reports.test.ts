import { describe, expect, it } from 'vitest'
import type { SpendReport, SubscriptionsReport } from '@shared/api/types/views'
import { value } from './helpers'
import { at, ledgerFixture, minor, monthlyPlan, type LedgerFixture } from './ledger-fixtures'

/** reports.spend (money paid and usage, grouped) and reports.subscriptions (recurring cost per month). */

const P1Y = { years: 1, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 }
const P1W = { ...P1Y, years: 0, weeks: 1 }

const seed = async (f: LedgerFixture) => {
  const api = await f.account({ vendor: 'OpenAI', name: 'API' })
  const chat = await f.account({ vendor: 'OpenAI', name: 'ChatGPT', unitId: 'credits' })
  const claude = await f.account({ vendor: 'Anthropic', name: 'Console', unitId: 'GBP', currency: 'GBP' })
  f.lot(api, {
    amount: minor('50'),
    cost: { amount: minor('50'), currency: 'USD' },
    effectiveAt: at('2026-10-03T00:00:00Z'),
  })
  f.lot(api, {
    amount: minor('25'),
    cost: { amount: minor('25'), currency: 'USD' },
    effectiveAt: at('2026-11-02T00:00:00Z'),
  })
  // a retracted lot was never bought; a free grant costs nothing
  const mistake = f.lot(api, {
    amount: minor('99'),
    cost: { amount: minor('99'), currency: 'USD' },
    effectiveAt: at('2026-11-03T00:00:00Z'),
  })
  f.lotEvent(mistake, { kind: 'retract', at: at('2026-11-04T00:00:00Z') })
  f.lot(api, {
    amount: minor('5'),
    kind: 'grant',
    cost: { amount: 0, currency: 'USD' },
    effectiveAt: at('2026-11-03T00:00:00Z'),
  })
  f.program(
    chat,
    monthlyPlan('2026-09-15T00:00:00Z', 1000, {
      name: 'Plus',
      costPerPeriod: { amount: minor('20'), currency: 'USD' },
    }),
  )
  f.lot(claude, {
    amount: minor('10'),
    cost: { amount: minor('10'), currency: 'GBP' },
    effectiveAt: at('2026-10-20T00:00:00Z'),
  })
  f.usage(api, at('2026-10-05T12:00:00Z'), minor('3'), { tags: ['project:site', 'model:gpt'] })
  f.usage(api, at('2026-10-31T23:30:00Z'), minor('2'), { tags: ['model:gpt', 'project:app'] })
  f.usage(api, at('2026-11-10T00:00:00Z'), minor('1.5'))
  f.usage(api, at('2026-11-11T00:00:00Z'), minor('9'), { billable: false, tags: ['project:site'] })
  f.usage(chat, at('2026-10-16T00:00:00Z'), 40, { tags: ['project:site'] })
  f.usage(claude, at('2026-10-21T00:00:00Z'), minor('0.75'), { tags: ['project:app'] })
  return { api, chat, claude }
}

const text = (amounts: readonly { value: string; unit: string }[]) => amounts.map((a) => `${a.value} ${a.unit}`)

describe('reports.spend', () => {
  it('by month: lot costs at their date and plan renewals at each period start, per currency and in EUR', async () => {
    const f = await ledgerFixture()
    await seed(f)
    value(await f.backend.dispatch('settings.set', { homeCurrency: 'EUR', timeZone: 'Europe/Berlin' }))
    await f.fx('USD', 'EUR', '0.9', '2026-09-01')
    await f.fx('USD', 'EUR', '0.95', '2026-11-01')

    const report = await f.call<SpendReport>('reports.spend', { by: 'month' })
    expect(report.spend.rows.map((row) => [row.key, text(row.amounts), row.home?.value ?? null, row.payments])).toEqual(
      [
        ['2026-09', ['20.00 USD'], '18.00', 1],
        // the GBP purchase has no rate: October has no full home total
        ['2026-10', ['10.00 GBP', '70.00 USD'], null, 3],
        // Nov 2 at 0.95 (23.75) + the Nov 15 renewal at 0.95 (19.00)
        ['2026-11', ['45.00 USD'], '42.75', 2],
      ],
    )
    expect(text(report.spend.totals)).toEqual(['10.00 GBP', '135.00 USD'])
    expect(report.spend.home).toMatchObject({
      currency: 'EUR',
      value: null,
      // 18.00 (Sep) + 63.00 (Oct: 70 USD at 0.9) + 42.75 (Nov): the GBP purchase is left out and listed
      converted: { value: '123.75' },
      missingRates: [{ base: 'GBP', quote: 'EUR', firstDate: '2026-10-20', lastDate: '2026-10-20', count: 1 }],
    })
    expect(report.spend.home.rates.map((rate) => rate.effectiveDate)).toEqual(['2026-09-01', '2026-11-01'])
    // usage per month of the user's zone: Oct 31 23:30 UTC is already November in Berlin; the failed request is out
    expect(report.usage.rows.map((row) => [row.key, text(row.amounts), row.count])).toEqual([
      ['2026-10', ['0.75 GBP', '3.00 USD', '40 credits'], 3],
      ['2026-11', ['3.50 USD'], 2],
    ])
    expect(text(report.usage.totals)).toEqual(['0.75 GBP', '6.50 USD', '40 credits'])
    expect(report.usage.count).toBe(5)
  })

  it('by vendor and account, within a range', async () => {
    const f = await ledgerFixture()
    await seed(f)
    const vendors = await f.call<SpendReport>('reports.spend', { by: 'vendor', from: '2026-10-01T00:00:00Z' })
    expect(vendors.spend.rows.map((row) => [row.label, text(row.amounts)])).toEqual([
      ['Anthropic', ['10.00 GBP']],
      ['OpenAI', ['115.00 USD']],
    ])
    const accounts = await f.call<SpendReport>('reports.spend', {
      by: 'account',
      from: '2026-10-01T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
    })
    expect(accounts.spend.rows.map((row) => [row.label, text(row.amounts), row.payments])).toEqual([
      ['Anthropic / Console', ['10.00 GBP'], 1],
      ['OpenAI / API', ['50.00 USD'], 1],
      ['OpenAI / ChatGPT', ['20.00 USD'], 1],
    ])
    expect(accounts.usage.rows.map((row) => [row.label, text(row.amounts)])).toEqual([
      ['Anthropic / Console', ['0.75 GBP']],
      ['OpenAI / API', ['5.00 USD']],
      ['OpenAI / ChatGPT', ['40 credits']],
    ])
  })

  it('by project (first project tag of each record) and by tag (every tag, rows overlap)', async () => {
    const f = await ledgerFixture()
    await seed(f)
    const projects = await f.call<SpendReport>('reports.spend', { by: 'project' })
    expect(projects.spend.rows).toEqual([])
    expect(projects.spend.note).toContain('not per project')
    expect(text(projects.spend.totals)).toEqual(['10.00 GBP', '135.00 USD'])
    expect(projects.usage.rows.map((row) => [row.label, text(row.amounts), row.count])).toEqual([
      ['app', ['0.75 GBP', '2.00 USD'], 2],
      ['site', ['3.00 USD', '40 credits'], 2],
      ['(no project)', ['1.50 USD'], 1],
    ])
    const tags = await f.call<SpendReport>('reports.spend', { by: 'tag' })
    expect(tags.usage.rows.map((row) => [row.label, text(row.amounts)])).toEqual([
      ['model:gpt', ['5.00 USD']],
      ['project:app', ['0.75 GBP', '2.00 USD']],
      ['project:site', ['3.00 USD', '40 credits']],
      ['(untagged)', ['1.50 USD']],
    ])
    expect(tags.usage.note).toContain('rows overlap')
    expect(await f.backend.dispatch('reports.spend', { by: 'week' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { by: 'By is month, year, vendor, account, project or tag' } },
    })
  })
})

describe('reports.subscriptions', () => {
  it('gives each active plan’s cost per month, divided exactly and rounded once, with the total in EUR', async () => {
    const f = await ledgerFixture()
    const account = await f.account({ unitId: 'credits' })
    f.program(
      account,
      monthlyPlan('2026-03-01T00:00:00Z', 100, {
        name: 'Monthly',
        costPerPeriod: { amount: minor('20'), currency: 'USD' },
      }),
    )
    f.program(
      account,
      monthlyPlan('2026-02-01T00:00:00Z', 100, {
        name: 'Yearly',
        interval: P1Y,
        costPerPeriod: { amount: minor('240'), currency: 'USD' },
      }),
    )
    f.program(
      account,
      monthlyPlan('2026-06-01T00:00:00Z', 100, {
        name: 'Annual release',
        kind: 'annual_release',
        periods: 12,
        costPerPeriod: null,
        totalCost: { amount: minor('100'), currency: 'USD' },
      }),
    )
    f.program(
      account,
      monthlyPlan('2026-11-02T00:00:00Z', 10, {
        name: 'Weekly',
        interval: P1W,
        costPerPeriod: { amount: minor('10'), currency: 'USD' },
      }),
    )
    f.program(
      account,
      monthlyPlan('2026-01-01T00:00:00Z', 10, {
        name: 'Ended',
        endsAt: at('2026-05-01T00:00:00Z'),
        costPerPeriod: { amount: minor('5'), currency: 'USD' },
      }),
    )
    f.program(account, monthlyPlan('2026-01-01T00:00:00Z', 10, { name: 'Free allowance' }))
    value(await f.backend.dispatch('settings.set', { homeCurrency: 'EUR' }))
    await f.fx('EUR', 'USD', '1.25', '2026-11-01')

    const report = await f.call<SubscriptionsReport>('reports.subscriptions')
    const rows = report.plans.map((plan) => [
      plan.name,
      plan.pricePerPeriod?.value ?? null,
      plan.perMonth?.value ?? null,
      plan.exact,
      plan.formula,
    ])
    expect(rows).toEqual([
      ['Monthly', '20.00', '20.00', true, '20.00 USD per month'],
      ['Yearly', '240.00', '20.00', true, '240.00 USD / (12 months)'],
      ['Annual release', '8.333333', '8.333333', false, '100.00 USD / (12 periods × 1 month)'],
      ['Weekly', '10.00', '43.48125', true, '10.00 USD × 30.436875 days / (P1W)'],
      ['Free allowance', null, null, true, null],
    ])
    expect(report.plans.find((plan) => plan.name === 'Yearly')?.nextRenewal).toBe('2027-02-01T00:00:00.000Z')
    expect(report.perMonth).toEqual([{ value: '91.814583', minor: '91814583', unit: 'USD' }])
    // 1 EUR = 1.25 USD, used inverted: 91.814583 / 1.25 = 73.451666(4) → 73.451666
    expect(report.home.value).toEqual({ value: '73.451666', minor: '73451666', unit: 'EUR' })
    expect(report.home.rates).toEqual([
      { base: 'EUR', quote: 'USD', rate: '1.25', effectiveDate: '2026-11-01', inverted: true },
    ])
    expect(report.rounding).toContain('half-even')
  })
})
