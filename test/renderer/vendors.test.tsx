import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FakeLedger } from './support/fake-ledger'
import { describedText, push, renderApp } from './support/render-app'

const vendorList = (): Promise<HTMLElement> => screen.findByRole('list', { name: 'Vendors' })

describe('Vendors screen', () => {
  it('adds a vendor and shows it in the list', async () => {
    const { user, fake } = await renderApp()
    expect(await screen.findByText('No vendors yet')).toBeTruthy()

    await user.type(screen.getByLabelText('Vendor name'), 'Anthropic')
    await user.type(screen.getByLabelText('Website'), 'https://anthropic.com')
    await user.click(screen.getByRole('button', { name: 'Add vendor' }))

    const item = within(await vendorList()).getByRole('listitem')
    expect(within(item).getByText('Anthropic')).toBeTruthy()
    expect(within(item).getByText('0 accounts')).toBeTruthy()
    expect(within(item).getByRole('link', { name: 'anthropic.com' }).getAttribute('href')).toBe('https://anthropic.com')
    expect(fake.callsOf('vendors.add').map((call) => call.input)).toEqual([
      { name: 'Anthropic', website: 'https://anthropic.com' },
    ])
    expect(screen.getByLabelText<HTMLInputElement>('Vendor name').value).toBe('')
  })

  it('shows each vendor with its account count', async () => {
    const fake = new FakeLedger()
    const openai = fake.seedVendor('OpenAI')
    fake.seedAccount(openai, 'API')
    fake.seedAccount(openai, 'ChatGPT Plus')
    fake.seedVendor('Cursor')
    await renderApp(fake)

    const items = within(await vendorList()).getAllByRole('listitem')
    expect(items.map((item) => within(item).getByText(/accounts?$/).textContent)).toEqual(['0 accounts', '2 accounts'])
  })

  it('checks an empty name with the shared schema without calling the backend', async () => {
    const { user, fake } = await renderApp()
    await user.click(await screen.findByRole('button', { name: 'Add vendor' }))

    const name = screen.getByLabelText('Vendor name')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(name)).toBe('Name is required')
    expect(document.activeElement).toBe(name)
    expect(fake.callsOf('vendors.add')).toHaveLength(0)
  })

  it('shows a field message from a backend VALIDATION result under its field', async () => {
    const { user, fake } = await renderApp()
    fake.failNext('vendors.add', {
      code: 'VALIDATION',
      message: 'website: Website must be reachable',
      fields: { website: 'Website must be reachable' },
    })
    await user.type(await screen.findByLabelText('Vendor name'), 'Acme')
    await user.type(screen.getByLabelText('Website'), 'https://acme.invalid')
    await user.click(screen.getByRole('button', { name: 'Add vendor' }))

    const website = screen.getByLabelText('Website')
    await waitFor(() => {
      expect(website.getAttribute('aria-invalid')).toBe('true')
    })
    expect(describedText(website)).toContain('Website must be reachable')
    expect(screen.getByLabelText('Vendor name').getAttribute('aria-invalid')).toBe('false')
    expect(fake.callsOf('vendors.add')).toHaveLength(1)
  })

  it('shows a CONFLICT as a form message when it names no field of the form', async () => {
    const fake = new FakeLedger()
    fake.seedVendor('OpenAI')
    const { user } = await renderApp(fake)
    fake.failNext('vendors.add', { code: 'CONFLICT', message: 'A vendor named OpenAI already exists' })
    await user.type(await screen.findByLabelText('Vendor name'), 'openai')
    await user.click(screen.getByRole('button', { name: 'Add vendor' }))

    expect((await screen.findByRole('alert')).textContent).toBe('A vendor named OpenAI already exists')
  })

  it('renames inline: Enter saves, Escape cancels', async () => {
    const fake = new FakeLedger()
    fake.seedVendor('OpenAI')
    const { user } = await renderApp(fake)

    await user.click(await screen.findByRole('button', { name: 'Rename OpenAI' }))
    const input = screen.getByLabelText('New name for OpenAI')
    await user.clear(input)
    await user.type(input, 'OpenAI Platform{Enter}')
    expect(await within(await vendorList()).findByText('OpenAI Platform')).toBeTruthy()
    expect(fake.callsOf('vendors.rename').map((call) => call.input)).toEqual([{ id: 1, name: 'OpenAI Platform' }])

    const rename = screen.getByRole('button', { name: 'Rename OpenAI Platform' })
    await user.click(rename)
    await user.type(screen.getByLabelText('New name for OpenAI Platform'), ' typo{Escape}')
    expect(screen.queryByLabelText('New name for OpenAI Platform')).toBeNull()
    expect(within(await vendorList()).getByText('OpenAI Platform')).toBeTruthy()
    expect(fake.callsOf('vendors.rename')).toHaveLength(1)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename OpenAI Platform' }))
  })

  it('shows an empty rename as a field error in the row', async () => {
    const fake = new FakeLedger()
    fake.seedVendor('OpenAI')
    const { user } = await renderApp(fake)
    await user.click(await screen.findByRole('button', { name: 'Rename OpenAI' }))
    const input = screen.getByLabelText('New name for OpenAI')
    await user.clear(input)
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(describedText(input)).toBe('Name is required')
    expect(fake.callsOf('vendors.rename')).toHaveLength(0)
  })

  it('deletes after a confirmation', async () => {
    const fake = new FakeLedger()
    fake.seedVendor('Midjourney')
    const { user } = await renderApp(fake)
    await user.click(await screen.findByRole('button', { name: 'Delete Midjourney' }))
    const confirm = screen.getByRole('group', { name: 'Confirm deleting Midjourney' })
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))
    expect(await screen.findByText('No vendors yet')).toBeTruthy()
    expect(fake.vendors).toHaveLength(0)
  })

  it('shows a CONFLICT on delete in the vendor’s row', async () => {
    const fake = new FakeLedger()
    const openai = fake.seedVendor('OpenAI')
    fake.seedVendor('Cursor')
    const { user } = await renderApp(fake)
    // Both rows, OpenAI's included, believe there is nothing in the way of a delete.
    expect(within(await vendorList()).getAllByText('0 accounts')).toHaveLength(2)
    // A race: another process adds an account after the list loaded and no ledger.changed has arrived yet, so the
    // row still offers the delete and only the backend knows better.
    fake.seedAccount(openai, 'API')

    await user.click(screen.getByRole('button', { name: 'Delete OpenAI' }))
    const confirm = screen.getByRole('group', { name: 'Confirm deleting OpenAI' })
    expect(within(confirm).getByText('Delete OpenAI?')).toBeTruthy()
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))

    const row = (await screen.findByRole('alert')).closest('li')
    expect(row).not.toBeNull()
    expect(within(row ?? document.body).getByRole('alert').textContent).toBe(
      'This vendor has accounts: delete them first',
    )
    expect(within(row ?? document.body).getByText('OpenAI')).toBeTruthy()
    expect(fake.callsOf('vendors.remove')).toHaveLength(1)
    expect(fake.vendors).toHaveLength(2)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete OpenAI' }))
  })

  it('does not offer to delete a vendor that still has accounts', async () => {
    const fake = new FakeLedger()
    const openai = fake.seedVendor('OpenAI')
    fake.seedAccount(openai, 'API')
    const { user } = await renderApp(fake)

    await user.click(await screen.findByRole('button', { name: 'Delete OpenAI' }))
    const confirm = screen.getByRole('group', { name: 'Confirm deleting OpenAI' })
    expect(within(confirm).getByText('OpenAI still has 1 account: delete them first.')).toBeTruthy()
    expect(within(confirm).queryByRole('button', { name: 'Delete' })).toBeNull()
    const ok = within(confirm).getByRole('button', { name: 'OK' })
    expect(document.activeElement).toBe(ok)

    await user.click(ok)
    expect(screen.queryByRole('group', { name: 'Confirm deleting OpenAI' })).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete OpenAI' }))
    expect(fake.callsOf('vendors.remove')).toHaveLength(0)
    expect(fake.vendors).toHaveLength(1)
  })

  it('moves focus to OK when a reload blocks an open delete confirmation', async () => {
    const fake = new FakeLedger()
    const openai = fake.seedVendor('OpenAI')
    const { user } = await renderApp(fake)
    await user.click(await screen.findByRole('button', { name: 'Delete OpenAI' }))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep' }))

    fake.seedAccount(openai, 'API') // added by the CLI while the question was open
    await push(fake)
    const ok = await screen.findByRole('button', { name: 'OK' })
    expect(document.activeElement).toBe(ok)
  })

  it('reloads the list when a ledger.changed event arrives', async () => {
    const { fake } = await renderApp()
    expect(await screen.findByText('No vendors yet')).toBeTruthy()
    expect(fake.listenerCount()).toBe(1)

    fake.seedVendor('Cursor') // written by another process, e.g. the CLI
    await push(fake)

    expect(await within(await vendorList()).findByText('Cursor')).toBeTruthy()
  })

  it('shows INTERNAL and BUSY failures in the global banner', async () => {
    const { user, fake } = await renderApp()
    fake.failNext('vendors.add', { code: 'BUSY', message: 'An import is running.' })
    await user.type(await screen.findByLabelText('Vendor name'), 'Acme')
    await user.click(screen.getByRole('button', { name: 'Add vendor' }))
    expect((await screen.findByRole('alert')).textContent).toContain('An import is running.')

    fake.failNext('vendors.add', { code: 'INTERNAL', message: 'disk I/O error' })
    await user.click(screen.getByRole('button', { name: 'Add vendor' }))
    expect((await screen.findByRole('alert')).textContent).toContain('disk I/O error')
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
