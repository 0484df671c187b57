import { describe, expect, it } from 'vitest'
import type { Account, Vendor } from '@shared/catalog/types'
import { openTestBackend, tempDir, value } from './helpers'
import { join } from 'node:path'

describe('vendors and accounts', () => {
  it('adds, renames, lists and deletes vendors, in name order', async () => {
    const backend = await openTestBackend()
    const openai = value(await backend.dispatch('vendors.add', { name: '  OpenAI ', website: 'https://openai.com' }))
    value(await backend.dispatch('vendors.add', { name: 'Anthropic' }))
    expect(openai).toMatchObject({ name: 'OpenAI', website: 'https://openai.com', accountCount: 0 })

    value(await backend.dispatch('vendors.rename', { id: (openai as Vendor).id, name: 'OpenAI API' }))
    const names = (value(await backend.dispatch('vendors.list', undefined)) as Vendor[]).map((v) => v.name)
    expect(names).toEqual(['Anthropic', 'OpenAI API'])

    value(await backend.dispatch('vendors.remove', { id: (openai as Vendor).id }))
    expect((value(await backend.dispatch('vendors.list', {})) as Vendor[]).map((v) => v.name)).toEqual(['Anthropic'])
  })

  it('refuses a duplicate vendor name, case-insensitively, on the name field', async () => {
    const backend = await openTestBackend()
    value(await backend.dispatch('vendors.add', { name: 'Cursor' }))
    const result = await backend.dispatch('vendors.add', { name: 'cursor' })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: expect.any(String) } } })
  })

  it('rejects junk with field-level messages and writes nothing', async () => {
    const backend = await openTestBackend()
    const result = await backend.dispatch('vendors.add', { name: '   ', website: 'http://insecure.example' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: 'Name is required', website: 'Website must start with https://' } },
    })
    expect(await backend.dispatch('vendors.add', { name: 'X', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await backend.dispatch('vendors.nope', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(value(await backend.dispatch('vendors.list', undefined))).toEqual([])
  })

  it('keeps a vendor that still has accounts and says why', async () => {
    const backend = await openTestBackend()
    const vendor = value(await backend.dispatch('vendors.add', { name: 'Anthropic' })) as Vendor
    value(
      await backend.dispatch('accounts.add', {
        vendorId: vendor.id,
        name: 'Console org',
        unitId: 'USD',
        currency: 'usd',
        timeZone: 'America/Los_Angeles',
      }),
    )
    const removal = await backend.dispatch('vendors.remove', { id: vendor.id })
    expect(removal).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('1 account') },
    })
    expect(value(await backend.dispatch('vendors.list', undefined))).toHaveLength(1)
  })

  it('stores accounts with unit, upper-cased currency and zone, and edits them', async () => {
    const backend = await openTestBackend()
    const vendor = value(await backend.dispatch('vendors.add', { name: 'Kreator' })) as Vendor
    const account = value(
      await backend.dispatch('accounts.add', {
        vendorId: vendor.id,
        name: 'Pro plan',
        unitId: 'credits',
        currency: 'eur',
        timeZone: 'Europe/Berlin',
      }),
    ) as Account
    expect(account).toMatchObject({ vendorName: 'Kreator', unitId: 'credits', currency: 'EUR' })

    const edited = value(await backend.dispatch('accounts.update', { id: account.id, timeZone: 'UTC', name: 'Max' }))
    expect(edited).toMatchObject({ name: 'Max', timeZone: 'UTC', currency: 'EUR' })
    expect(await backend.dispatch('accounts.update', { id: account.id, timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { timeZone: expect.stringContaining('Unknown time zone') } },
    })
    expect(await backend.dispatch('accounts.update', { id: account.id, unitId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { unitId: 'Unknown unit' } },
    })
    expect(await backend.dispatch('accounts.remove', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('declares a custom unit with its scale and refuses a second one with the same id', async () => {
    const backend = await openTestBackend()
    value(
      await backend.dispatch('units.add', { id: 'kreator-credit', kind: 'credit', scale: 0, label: 'Kreator credits' }),
    )
    const units = value(await backend.dispatch('units.list', undefined)) as { id: string; scale: number }[]
    expect(units.find((unit) => unit.id === 'kreator-credit')).toMatchObject({ scale: 0, builtIn: false })
    expect(units.find((unit) => unit.id === 'USD')).toMatchObject({ scale: 6, builtIn: true })
    expect(
      await backend.dispatch('units.add', { id: 'Kreator-Credit', kind: 'credit', scale: 3, label: 'Dup' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('announces every mutation, and only mutations', async () => {
    const backend = await openTestBackend()
    const events: unknown[] = []
    backend.onEvent((name, payload) => events.push({ name, payload }))
    await backend.dispatch('vendors.list', undefined)
    await backend.dispatch('vendors.add', { name: 'Midjourney' })
    await backend.dispatch('vendors.add', { name: '' })
    expect(events).toEqual([{ name: 'ledger.changed', payload: { origin: 'local', method: 'vendors.add' } }])
  })

  it('keeps data across a reopen of the same file', async () => {
    const dbPath = join(tempDir(), 'ledger.db')
    const first = await openTestBackend(dbPath)
    value(await first.dispatch('vendors.add', { name: 'OpenRouter' }))
    first.close()
    const second = await openTestBackend(dbPath)
    expect((value(await second.dispatch('vendors.list', undefined)) as Vendor[]).map((v) => v.name)).toEqual([
      'OpenRouter',
    ])
  })
})
