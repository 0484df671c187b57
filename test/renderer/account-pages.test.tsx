import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { amountView } from '@shared/money/amount-view'
import { FakeLedger } from './support/fake-ledger'
import { lotView } from './support/fake-reminders'
import { describedText, renderApp } from './support/render-app'

const ledgerWithLots = () => {
  const fake = new FakeLedger()
  const vendor = fake.seedVendor('OpenAI')
  const account = fake.seedAccount(vendor, 'API credits')
  fake.reminders.lots.set(account.id, [
    lotView('L1', 'USD', { remaining: amountView(4_250, 'USD', 2), consumed: amountView(5_750, 'USD', 2) }),
    lotView('P3#5', 'USD', {
      kind: 'subscription',
      status: 'closed',
      remaining: amountView(0, 'USD', 2),
      expired: amountView(2_000, 'USD', 2),
      consumed: amountView(8_000, 'USD', 2),
      closedAt: '2026-10-01T00:00:00.000Z',
      cost: null,
    }),
  ])
  return { fake, account }
}

const rulesForm = () => screen.getByRole('form', { name: 'Reminder rules' })

describe('Account and lot pages', () => {
  it('opens an account from its row: balance, and its lots linking to their pages', async () => {
    const { fake } = ledgerWithLots()
    window.location.hash = '#/accounts'
    const { user } = await renderApp(fake)
    await user.click(await screen.findByRole('link', { name: 'API credits' }))
    expect(window.location.hash).toBe('#/accounts/2')
    expect(await screen.findByRole('heading', { name: 'API credits', level: 1 })).toBeTruthy()
    expect(screen.getByLabelText('Balance of API credits').textContent).toMatch(/Balance\s*42\.50 USD/)
    const table = screen.getByRole('table', { name: 'Lots of API credits' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual(['Active', 'Expired'])
    const planLot = within(rows[1] as HTMLElement).getByRole('link')
    expect(planLot.getAttribute('href')).toBe('#/accounts/2/lots/P3%235')
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { current: 'page' }).textContent,
    ).toContain('Accounts')
  })

  it('shows a lot: granted, used, remaining, expiry, cost and its history', async () => {
    const { fake } = ledgerWithLots()
    window.location.hash = '#/accounts/2/lots/L1'
    await renderApp(fake)
    const facts = await screen.findByLabelText('Lot L1')
    expect(facts.textContent).toMatch(/Remaining\s*42\.50 USD/)
    expect(facts.textContent).toMatch(/Granted\s*100\.00 USD/)
    expect(facts.textContent).toMatch(/Used\s*57\.50 USD/)
    expect(facts.textContent).toMatch(/Cost\s*100\.00 USD/)
    const history = screen.getByRole('table', { name: 'History of lot L1' })
    expect(
      within(history)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([expect.stringContaining('Granted'), expect.stringContaining('Used (3 records)')])
    expect(screen.getByRole('link', { name: 'API credits' }).getAttribute('href')).toBe('#/accounts/2')
  })

  it('says a lot is not found rather than showing nothing', async () => {
    const { fake } = ledgerWithLots()
    window.location.hash = '#/accounts/2/lots/L99'
    await renderApp(fake)
    expect(await screen.findByRole('heading', { name: 'Lot not found' })).toBeTruthy()
  })

  it('gives an account its own reminder rules, keeping only what differs from the global ones', async () => {
    const { fake, account } = ledgerWithLots()
    window.location.hash = '#/accounts/2'
    const { user } = await renderApp(fake)
    await screen.findByRole('form', { name: 'Reminder rules' })
    expect(within(rulesForm()).getByLabelText<HTMLInputElement>('Follow the global rules (Settings)').checked).toBe(
      true,
    )
    expect(within(rulesForm()).queryByLabelText('Expiring credits')).toBeNull()

    await user.click(within(rulesForm()).getByLabelText('Use its own rules'))
    await user.clear(within(rulesForm()).getByLabelText('Expiring credits'))
    await user.type(within(rulesForm()).getByLabelText('Expiring credits'), '400')
    await user.click(within(rulesForm()).getByRole('button', { name: 'Save rules' }))
    expect(describedText(within(rulesForm()).getByLabelText('Expiring credits'))).toContain(
      'Expiry lead days must be whole numbers of days from 1 to 365',
    )
    expect(fake.callsOf('reminders.setAccountRules')).toHaveLength(0)

    await user.clear(within(rulesForm()).getByLabelText('Expiring credits'))
    await user.type(within(rulesForm()).getByLabelText('Expiring credits'), '7, 14')
    await user.type(within(rulesForm()).getByLabelText('Low balance below'), '10')
    await user.click(within(rulesForm()).getByRole('button', { name: 'Save rules' }))
    expect(await within(rulesForm()).findByText('Saved: this account has its own rules.')).toBeTruthy()
    expect(fake.callsOf('reminders.setAccountRules').map((call) => call.input)).toEqual([
      { accountId: account.id, rules: { expiryLeadDays: [14, 7], lowBalanceBelow: '10' } },
    ])

    await user.click(within(rulesForm()).getByLabelText('Follow the global rules (Settings)'))
    await user.click(within(rulesForm()).getByRole('button', { name: 'Save rules' }))
    await waitFor(() => {
      expect(fake.reminders.overrides.has(account.id)).toBe(false)
    })
    expect(await within(rulesForm()).findByText('Saved: this account follows the global rules.')).toBeTruthy()
  })
})
