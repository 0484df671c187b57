import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { FakeLedger } from './support/fake-ledger'
import { push, renderApp } from './support/render-app'

const ledgerWithReminders = () => {
  const fake = new FakeLedger()
  const vendor = fake.seedVendor('OpenAI')
  const account = fake.seedAccount(vendor, 'API credits')
  const older = fake.reminders.seed({
    key: 'renewal:A2:P1:3',
    kind: 'renewal',
    accountId: account.id,
    title: 'Plus renews in 3 days',
    firedAt: '2026-11-20T08:00:00.000Z',
    seen: true,
  })
  const newer = fake.reminders.seed({
    key: 'expiry:A2:L1:7',
    accountId: account.id,
    title: '50.00 USD of API credits expire in 5 days',
    link: { view: 'lot', accountId: account.id, lotId: 'L1' },
    firedAt: '2026-11-22T08:00:00.000Z',
  })
  return { fake, account, older, newer }
}

const sidebarLink = () =>
  within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: /Reminders/ })
const item = (title: string) => screen.getByRole('listitem', { name: title })

describe('Reminders inbox', () => {
  beforeEach(() => {
    window.location.hash = '#/vendors'
  })

  it('shows the unseen count on the sidebar, spoken as "N unseen reminders", refreshed when reminders fire', async () => {
    const { fake, account } = ledgerWithReminders()
    await renderApp(fake)
    await waitFor(() => {
      expect(sidebarLink().textContent).toContain('1 unseen reminder')
    })
    fake.reminders.seed({ key: 'threshold:A2:P1:90', kind: 'threshold', accountId: account.id, title: '90% used' })
    fake.reminders.seed({ key: 'low:A2', kind: 'low_balance', accountId: account.id, title: 'Balance low' })
    await push(fake, 'reminders.fired', { title: '2 reminders', body: '…', link: { view: 'inbox' }, keys: ['a', 'b'] })
    await waitFor(() => {
      expect(sidebarLink().textContent).toContain('3 unseen reminders')
    })
    // Seen elsewhere (another window, the CLI): the next ledger change brings the badge down.
    fake.reminders.entries = fake.reminders.entries.map((entry) => ({ ...entry, seen: true }))
    await push(fake)
    await waitFor(() => {
      expect(sidebarLink().textContent).toBe('Reminders')
    })
  })

  it('lists reminders newest first; opening it marks the new ones seen but still shows them as new', async () => {
    const { fake, newer, older } = ledgerWithReminders()
    window.location.hash = '#/reminders'
    await renderApp(fake)
    const list = await screen.findByRole('list', { name: 'Reminders' })
    const titles = within(list)
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent)
    expect(titles).toEqual([newer.title, older.title])
    await waitFor(() => {
      expect(fake.callsOf('reminders.seen').map((call) => call.input)).toEqual([{ keys: [newer.key] }])
    })
    expect(within(item(newer.title)).getByText('New')).toBeTruthy()
    expect(within(item(older.title)).getByText('Seen')).toBeTruthy()
    await waitFor(() => {
      expect(sidebarLink().textContent).toBe('Reminders')
    })
    expect(screen.queryByRole('button', { name: 'Mark all seen' })).toBeNull()
    expect(within(item(newer.title)).getByRole('link', { name: /Open/ }).getAttribute('href')).toBe(
      '#/accounts/2/lots/L1',
    )
  })

  it('offers "Mark all seen" for reminders that arrive while it is open', async () => {
    const { fake, account } = ledgerWithReminders()
    window.location.hash = '#/reminders'
    const { user } = await renderApp(fake)
    await screen.findByRole('list', { name: 'Reminders' })
    fake.reminders.seed({
      key: 'neg:A2',
      kind: 'negative_balance',
      accountId: account.id,
      title: 'Balance is negative',
      firedAt: '2026-11-22T08:30:00.000Z',
    })
    await push(fake, 'reminders.fired', {
      title: 'Balance is negative',
      body: '',
      link: { view: 'inbox' },
      keys: ['neg:A2'],
    })
    await user.click(await screen.findByRole('button', { name: 'Mark all seen' }))
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Mark all seen' })).toBeNull()
    })
    expect(fake.callsOf('reminders.seen').at(-1)?.input).toBeUndefined()
    expect(fake.reminders.inbox().unseen).toBe(0)
  })

  it('snoozes a reminder: it says until when, and its history shows the snooze with local times', async () => {
    const { fake, newer } = ledgerWithReminders()
    window.location.hash = '#/reminders'
    const { user } = await renderApp(fake)
    await screen.findByRole('list', { name: 'Reminders' })
    await user.click(within(item(newer.title)).getByRole('button', { name: 'Snooze for 1 week' }))
    const until = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2026-11-29T09:00:00.000Z'),
    )
    // The state beside the title, and the same words as the last line of its history.
    expect(await within(item(newer.title)).findAllByText(`Snoozed until ${until}`)).toHaveLength(2)
    expect(within(item(newer.title)).queryByText('New')).toBeNull()
    expect(fake.callsOf('reminders.snooze').map((call) => call.input)).toEqual([{ key: newer.key, option: 'week' }])
    const history = within(item(newer.title)).getByRole('list')
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual([
      expect.stringContaining('Shown'),
      expect.stringContaining('Seen'),
      expect.stringContaining(`Snoozed until ${until}`),
    ])
  })

  it('dismisses a reminder: it stays in the list, dismissed, without snooze or dismiss', async () => {
    const { fake, older } = ledgerWithReminders()
    window.location.hash = '#/reminders'
    const { user } = await renderApp(fake)
    await screen.findByRole('list', { name: 'Reminders' })
    await user.click(within(item(older.title)).getByRole('button', { name: 'Dismiss' }))
    expect(await within(item(older.title)).findAllByText('Dismissed')).toHaveLength(2)
    expect(within(item(older.title)).queryByRole('button', { name: 'Dismiss' })).toBeNull()
    expect(within(item(older.title)).queryByRole('group', { name: /Snooze/ })).toBeNull()
  })

  it('shows the backend’s refusal next to the reminder', async () => {
    const { fake, newer } = ledgerWithReminders()
    fake.failNext('reminders.snooze', { code: 'CONFLICT', message: 'A dismissed reminder cannot be snoozed' })
    window.location.hash = '#/reminders'
    const { user } = await renderApp(fake)
    await screen.findByRole('list', { name: 'Reminders' })
    await user.click(within(item(newer.title)).getByRole('button', { name: 'Snooze for 1 hour' }))
    expect((await within(item(newer.title)).findByRole('alert')).textContent).toBe(
      'A dismissed reminder cannot be snoozed',
    )
  })

  it('says what will appear when there is nothing yet', async () => {
    window.location.hash = '#/reminders'
    await renderApp()
    expect(await screen.findByText('No reminders yet')).toBeTruthy()
    expect(screen.getByText(/about to expire unused/)).toBeTruthy()
    const main = screen.getByRole('main')
    expect(within(main).getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings')
  })

  it('goes where the desktop app says when a notification was clicked (reminders.open)', async () => {
    const { fake } = ledgerWithReminders()
    await renderApp(fake)
    await push(fake, 'reminders.open', { link: { view: 'lot', accountId: 2, lotId: 'P3#5' } })
    expect(window.location.hash).toBe('#/accounts/2/lots/P3%235')
  })
})
