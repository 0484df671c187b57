import { describe, expect, it } from 'vitest'
import { day, mapFixture, utc } from './profile-fixtures'

const charges = (name: string) => {
  const mapped = mapFixture(name)
  return {
    ...mapped,
    rows: mapped.records.map((r) => [r.line, r.at, r.amount, r.currency, r.kind === 'charge' ? r.descriptor : null]),
  }
}

describe('Stripe invoices export (vendor-csv.md §3.1)', () => {
  it('spend is Amount Paid (15.00 after a 5.00 balance), not Total (20.00); paid-at instant; invoice id as row id', () => {
    const { fixture, records } = mapFixture('stripe-invoices.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['stripe-invoices', 'dashboard'])
    expect(records[0]).toEqual({
      kind: 'charge',
      line: 2,
      externalId: 'in_1QxAbc',
      at: utc('2026-03-01T09:05:12Z'),
      amount: '15.00',
      currency: 'USD',
      descriptor: 'Pro plan, monthly',
      vendorHint: null,
      accountHint: 'Ann Example',
    })
    // no Paid At: the invoice date; no description: the invoice number; no name: the e-mail
    expect(records[1]).toMatchObject({
      line: 4,
      at: utc('2026-04-02T10:30:00Z'),
      amount: '40.00',
      currency: 'EUR',
      descriptor: 'A1B2-0003',
      accountHint: 'bob@example.com',
    })
  })

  it('open and void invoices with nothing paid are skipped with their status', () => {
    expect(mapFixture('stripe-invoices.csv').skips).toEqual([
      { line: 3, reason: 'invoice open: nothing paid' },
      { line: 5, reason: 'invoice void: nothing paid' },
    ])
  })

  it('a decimal-comma locale export fails loudly with the default mark and reads exactly with ","', () => {
    expect(mapFixture('stripe-invoices.csv').problems).toEqual([
      {
        line: 6,
        column: 'Amount Paid',
        reason: `"399,00" has ',' that is not a thousands separator (groups of three digits) with the decimal mark '.'`,
      },
    ])
    const comma = mapFixture('stripe-invoices.csv', { decimalMark: ',' })
    expect(comma.records.find((r) => r.line === 6)).toMatchObject({ amount: '399.00', currency: 'EUR' })
  })
})

describe('US statements (vendor-csv.md §6.1)', () => {
  it('Chase card: purchases are negative in the file and positive charges here; a return is negative', () => {
    const { fixture, rows, problems, skips } = charges('chase-card.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['chase', 'card'])
    expect(rows).toEqual([
      [2, day(2026, 3, 14), '20.00', 'USD', 'OPENAI *CHATGPT SUBSCR'],
      [3, day(2026, 3, 16), '20.00', 'USD', 'OPENAI *CHATGPT SUBSCR'],
      [4, day(2026, 3, 16), '20.00', 'USD', 'OPENAI *CHATGPT SUBSCR'], // the same line twice: both kept
      [6, day(2026, 3, 20), '-20.00', 'USD', 'CURSOR, AI POWERED IDE'],
    ])
    expect(skips).toEqual([{ line: 5, reason: 'card payment' }])
    expect(problems).toEqual([
      { line: 7, column: 'Transaction Date', reason: '"02/29/2026" 2026 is not a leap year (MM/DD/YYYY)' },
    ])
  })

  it('Chase business card (Card column first) and checking (Posting Date)', () => {
    const business = charges('chase-business-card.csv')
    expect(business.fixture.match.version.id).toBe('business-card')
    expect(business.rows).toEqual([[2, day(2026, 4, 1), '1060.00', 'USD', 'MIDJOURNEY INC']])
    const checking = charges('chase-checking.csv')
    expect(checking.fixture.match.version.id).toBe('checking')
    expect(checking.rows).toEqual([
      [2, day(2026, 4, 3), '25.00', 'USD', 'OPENROUTER INC'],
      [3, day(2026, 4, 4), '-2000.00', 'USD', 'PAYROLL'],
    ])
  })

  it('Amex: charges already positive; the basic layout read with the US default here (the caller detects dates)', () => {
    const basic = charges('amex-basic.csv')
    expect([basic.fixture.match.profile.id, basic.fixture.match.version.id]).toEqual(['amex', 'basic'])
    expect(basic.rows).toEqual([
      [2, day(2026, 3, 4), '10.00', 'USD', 'OPENAI *API USAGE'],
      [3, day(2026, 5, 4), '-10.00', 'USD', 'AUTOPAY PAYMENT - THANK YOU'],
    ])
    const uk = charges('amex-basic.csv')
    expect(mapFixture('amex-basic.csv', { dateFormat: 'DD/MM/YYYY' }).records[0]?.at).toEqual(day(2026, 4, 3))
    expect(uk.problems).toEqual([])
  })

  it('Amex card-member layout', () => {
    const { fixture, rows } = charges('amex-card-member.csv')
    expect(fixture.match.version.id).toBe('card-member')
    expect(rows).toEqual([[2, day(2026, 3, 14), '20.00', 'USD', 'ANTHROPIC* CLAUDE SUB']])
  })

  it('Amex extended (US): multi-line details keep the row on its first line; the quoted reference is the row id', () => {
    const { fixture, records } = mapFixture('amex-extended-us.csv')
    expect(fixture.match.version.id).toBe('extended-us')
    expect(records).toEqual([
      {
        kind: 'charge',
        line: 2,
        externalId: '320232420508788279',
        at: day(2026, 3, 14),
        amount: '21.65',
        currency: 'USD',
        descriptor: 'CLAUDE.AI SUBSCRIPTION SAN FRANCISCO CA',
        vendorHint: null,
        accountHint: null,
      },
      expect.objectContaining({ line: 6, externalId: '320232420508788280', amount: '-12.34' }), // $(12.34)
    ])
  })

  it('Amex extended (UK): day-first dates and pounds', () => {
    const { fixture, rows } = charges('amex-extended-uk.csv')
    expect(fixture.match.version.id).toBe('extended-uk')
    expect(rows).toEqual([[2, day(2026, 3, 14), '8.50', 'GBP', 'MIDJOURNEY INC']])
  })

  it('Capital One: Debit is a charge, Credit a negative one, a row with neither is refused', () => {
    const { fixture, rows, problems } = charges('capital-one.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['capital-one', 'card'])
    expect(rows).toEqual([
      [2, day(2026, 3, 14), '10.00', 'USD', 'GITHUB COPILOT'],
      [3, day(2026, 3, 16), '-100.00', 'USD', 'CAPITAL ONE AUTOPAY PYMT'],
    ])
    expect(problems).toEqual([{ line: 4, column: null, reason: 'neither Debit nor Credit has an amount' }])
  })
})

describe('EU statements (vendor-csv.md §6.2)', () => {
  it('DKB: BOM and preamble before the header, DD.MM.YY, "1.000" is a thousand, "-29,9" and " €" kept exact', () => {
    const { fixture, rows, problems, skips } = charges('dkb.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['dkb', '2023'])
    expect(rows).toEqual([
      [6, day(2026, 3, 14), '18.61', 'EUR', 'OPENAI *CHATGPT SUBSCR / OPENAI.COM Originalbetrag 20,00 USD'],
      [7, day(2026, 3, 15), '1000', 'EUR', 'Vermieter GmbH / Miete März'],
      [8, day(2026, 3, 16), '-29.9', 'EUR', 'ANTHROPIC, PBC / Refund'], // money in: the payer is the counterparty
    ])
    expect(skips).toEqual([{ line: 9, reason: 'pending (Vorgemerkt)' }])
    // a point-decimal amount in a comma-decimal file is refused, never read as −1107
    expect(problems).toEqual([
      {
        line: 10,
        column: 'Betrag (€)',
        reason: `"-110.7" has '.' that is not a thousands separator (groups of three digits) with the decimal mark ','`,
      },
    ])
  })

  it('Sparkasse CSV-CAMT: pending rows without a booking day are skipped; 29.02.26 is refused', () => {
    const { fixture, rows, problems, skips } = charges('sparkasse-camt.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['sparkasse', 'csv-camt'])
    expect(rows).toEqual([
      [2, day(2026, 3, 14), '53.94', 'EUR', 'OPENAI *CHATGPT SUBSCR / 2026-03-13T18:22 Debitk.1 2028-12'],
    ])
    expect(skips).toEqual([{ line: 3, reason: 'pending (Umsatz vorgemerkt)' }])
    expect(problems).toEqual([
      { line: 4, column: 'Buchungstag', reason: '"29.02.26" 2026 is not a leap year (DD.MM.YY)' },
    ])
  })

  it('Sparkasse CSV-MT940', () => {
    const { fixture, rows } = charges('sparkasse-mt940.csv')
    expect(fixture.match.version.id).toBe('csv-mt940')
    expect(rows).toEqual([[2, day(2026, 4, 2), '9.35', 'EUR', 'GitHub, Inc. / GITHUB COPILOT PRO']])
  })

  it('ING: a long preamble; the amount currency is the "Währung" after Betrag, not the balance one', () => {
    const { fixture, rows, problems } = charges('ing-valuta.csv')
    expect([fixture.match.profile.id, fixture.match.version.id]).toEqual(['ing', 'valuta'])
    expect(rows).toEqual([
      [14, day(2026, 3, 20), '1000.00', 'EUR', 'OPENROUTER INC / OPENROUTER CREDITS'],
      [15, day(2026, 3, 19), '-3000.00', 'EUR', 'Arbeitgeber AG / Gehalt März'],
    ])
    expect(problems).toEqual([{ line: 16, column: 'Betrag', reason: '"-(5,00)" has more than one sign' }])
    const other = charges('ing-wertstellungsdatum.csv')
    expect(other.fixture.match.version.id).toBe('wertstellungsdatum')
    expect(other.rows).toEqual([[2, day(2026, 4, 2), '20.5', 'USD', 'CURSOR AI / CURSOR USAGE MAR']])
    expect(other.skips).toEqual([{ line: 3, reason: 'footer line "Summe"' }])
  })
})
