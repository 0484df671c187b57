import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FakeLedger } from './support/fake-ledger'
import { renderApp } from './support/render-app'

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

describe('Recovery screen', () => {
  it('offers the latest backup when the database fails its check, and restores it', async () => {
    const fake = new FakeLedger()
    fake.seedVendor('OpenAI')
    const takenAt = Date.UTC(2025, 1, 3, 8, 15)
    fake.refusal = {
      code: 'DB_CORRUPT',
      message: 'The database failed its integrity check',
      details: {
        problems: ['*** in database main *** Page 7: btreeInitPage() returns error code 11'],
        latestBackup: { takenAt },
      },
    }
    const { user } = await renderApp(fake)

    expect(await screen.findByRole('heading', { name: 'Your ledger file is damaged' })).toBeTruthy()
    expect(screen.getByText(new RegExp(`taken on ${dateTime.format(takenAt)}`))).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Restore latest backup' }))

    expect(fake.callsOf('backups.restoreLatest')).toHaveLength(1)
    expect(await screen.findByRole('heading', { name: 'Vendors', level: 1 })).toBeTruthy()
    expect((await screen.findByText('Backup restored')).closest('[role="status"]')).not.toBeNull()
    expect(await screen.findByText('OpenAI')).toBeTruthy()
  })

  it('looks the latest backup up when the refusal does not say', async () => {
    const fake = new FakeLedger()
    fake.refusal = { code: 'DB_CORRUPT', message: 'database disk image is malformed' }
    await renderApp(fake)
    const newest = Date.parse(fake.backups[0]?.takenAt ?? '')
    expect(await screen.findByText(new RegExp(`taken on ${dateTime.format(newest)}`))).toBeTruthy()
    expect(fake.callsOf('backups.list')).toHaveLength(1)
  })

  it('shows why a restore failed', async () => {
    const fake = new FakeLedger()
    fake.refusal = { code: 'DB_CORRUPT', message: 'database disk image is malformed' }
    fake.backups = []
    const { user } = await renderApp(fake)
    await user.click(await screen.findByRole('button', { name: 'Restore latest backup' }))
    expect((await screen.findByRole('alert')).textContent).toContain('There is no backup to restore')
    expect(screen.getByRole('heading', { name: 'Your ledger file is damaged' })).toBeTruthy()
  })

  it('takes over when a call made later answers DB_CORRUPT', async () => {
    const { user, fake } = await renderApp()
    fake.failNext('vendors.add', { code: 'DB_CORRUPT', message: 'database disk image is malformed' })
    await user.type(await screen.findByLabelText('Vendor name'), 'Acme')
    await user.click(screen.getByRole('button', { name: 'Add vendor' }))
    expect(await screen.findByRole('button', { name: 'Restore latest backup' })).toBeTruthy()
  })

  it('explains a database written by a newer version and offers no way to open it', async () => {
    const fake = new FakeLedger()
    fake.refusal = {
      code: 'DB_TOO_NEW',
      message: 'The database schema version 9 is newer than this app supports (3)',
      details: { fileVersion: 9, codeVersion: 3 },
    }
    await renderApp(fake)
    expect(await screen.findByRole('heading', { name: 'This ledger was saved by a newer Credit Ledger' })).toBeTruthy()
    expect(screen.getByText(/uses format 9; this version understands up to 3/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Restore latest backup' })).toBeNull()
    expect(screen.queryByRole('navigation')).toBeNull()
  })
})
