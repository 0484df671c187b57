import { screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { FakeLedger } from './support/fake-ledger'
import { describedText, renderApp } from './support/render-app'

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone

const withVendor = (): FakeLedger => {
  const fake = new FakeLedger()
  fake.seedVendor('Anthropic')
  return fake
}

describe('Accounts screen', () => {
  beforeEach(() => {
    window.location.hash = '#/accounts'
  })

  it('asks for a vendor first when there is none', async () => {
    await renderApp()
    expect(await screen.findByText('Add a vendor first')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Add a vendor' }).getAttribute('href')).toBe('#/vendors')
    expect(screen.queryByRole('button', { name: 'Add account' })).toBeNull()
  })

  it('adds an account with USD and the browser’s zone by default, listed under its vendor', async () => {
    const { user, fake } = await renderApp(withVendor())
    expect(await screen.findByText('No accounts yet')).toBeTruthy()
    expect(screen.getByLabelText<HTMLSelectElement>('Vendor').value).toBe('1')
    expect(screen.getByLabelText<HTMLSelectElement>('Unit').value).toBe('USD')
    expect(screen.getByLabelText<HTMLInputElement>('Currency').value).toBe('USD')
    expect(screen.getByLabelText<HTMLInputElement>('Time zone').value).toBe(browserZone)

    await user.type(screen.getByLabelText('Account name'), 'API credits')
    await user.selectOptions(screen.getByLabelText('Unit'), 'credit')
    await user.click(screen.getByRole('button', { name: 'Add account' }))

    const list = await screen.findByRole('list', { name: 'Accounts at Anthropic' })
    const item = within(list).getByRole('listitem')
    expect(within(item).getByText('API credits')).toBeTruthy()
    expect(within(item).getByText('Counted in Credits')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Anthropic', level: 2 })).toBeTruthy()
    expect(fake.callsOf('accounts.add').map((call) => call.input)).toEqual([
      { vendorId: 1, name: 'API credits', unitId: 'credit', currency: 'USD', timeZone: browserZone },
    ])
  })

  it('shows the shared schema’s messages under currency and time zone without calling the backend', async () => {
    const { user, fake } = await renderApp(withVendor())
    await user.type(await screen.findByLabelText('Account name'), 'Team pool')
    await user.clear(screen.getByLabelText('Currency'))
    await user.type(screen.getByLabelText('Currency'), 'US')
    await user.clear(screen.getByLabelText('Time zone'))
    await user.type(screen.getByLabelText('Time zone'), 'Mars/Olympus')
    await user.click(screen.getByRole('button', { name: 'Add account' }))

    expect(describedText(screen.getByLabelText('Currency'))).toContain('Currency is a 3-letter ISO 4217 code, e.g. USD')
    expect(describedText(screen.getByLabelText('Time zone'))).toContain('Unknown time zone')
    expect(screen.getByLabelText('Account name').getAttribute('aria-invalid')).toBe('false')
    expect(fake.callsOf('accounts.add')).toHaveLength(0)
  })

  it('asks to choose a vendor when several exist and none is chosen', async () => {
    const fake = withVendor()
    fake.seedVendor('OpenAI')
    const { user } = await renderApp(fake)
    await user.type(await screen.findByLabelText('Account name'), 'API')
    await user.click(screen.getByRole('button', { name: 'Add account' }))
    expect(describedText(screen.getByLabelText('Vendor'))).toBe('Pick the vendor this account belongs to')
    expect(fake.callsOf('accounts.add')).toHaveLength(0)
  })

  it('edits an account in place', async () => {
    const fake = withVendor()
    const vendor = fake.vendors[0]
    if (vendor === undefined) throw new Error('no vendor')
    fake.seedAccount(vendor, 'Console')
    const { user } = await renderApp(fake)

    await user.click(await screen.findByRole('button', { name: 'Edit Console' }))
    const form = screen.getByRole('form', { name: 'Edit Console' })
    const name = within(form).getByLabelText('Account name')
    await user.clear(name)
    await user.type(name, 'Console org')
    await user.clear(within(form).getByLabelText('Currency'))
    await user.type(within(form).getByLabelText('Currency'), 'eur')
    await user.click(within(form).getByRole('button', { name: 'Save' }))

    const list = await screen.findByRole('list', { name: 'Accounts at Anthropic' })
    expect(await within(list).findByText('Console org')).toBeTruthy()
    expect(within(list).getByText('Billed in EUR')).toBeTruthy()
    expect(fake.callsOf('accounts.update').map((call) => call.input)).toEqual([
      { id: 2, name: 'Console org', unitId: 'USD', currency: 'EUR', timeZone: 'UTC' },
    ])
  })

  it('deletes an account after a confirmation', async () => {
    const fake = withVendor()
    const vendor = fake.vendors[0]
    if (vendor === undefined) throw new Error('no vendor')
    fake.seedAccount(vendor, 'Console')
    const { user } = await renderApp(fake)

    await user.click(await screen.findByRole('button', { name: 'Delete Console' }))
    await user.click(
      within(screen.getByRole('group', { name: 'Confirm deleting Console' })).getByRole('button', { name: 'Delete' }),
    )
    expect(await screen.findByText('No accounts yet')).toBeTruthy()
  })
})
