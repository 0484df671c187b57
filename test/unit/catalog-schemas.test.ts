import { describe, expect, it } from 'vitest'
import { newAccountInput, newUnitInput, newVendorInput } from '@shared/catalog/schemas'
import { fieldErrors } from '@shared/api/validate'
import { isValidTimeZone } from '@shared/time/zones'

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0])

describe('catalog input schemas', () => {
  it('trims names and turns an empty website into none', () => {
    expect(newVendorInput.parse({ name: '  Anthropic  ', website: '' })).toEqual({ name: 'Anthropic', website: null })
  })

  it.each([
    [{ name: '' }, { name: 'Name is required' }],
    [{}, { name: 'Name is required' }],
    [{ name: 'x'.repeat(81) }, { name: 'Name must be at most 80 characters' }],
    [{ name: 'OpenAI', website: 'javascript:alert(1)' }, { website: 'Website must start with https://' }],
    [{ name: 'OpenAI', color: 'red' }, { _: expect.stringContaining('color') }],
  ])('vendor %j → %j', (input, errors) => {
    expect(errorsOf(newVendorInput.safeParse(input))).toEqual(errors)
  })

  const account = { vendorId: 1, name: 'Org', unitId: 'USD', currency: 'usd', timeZone: 'Europe/Berlin' }

  it('upper-cases the currency and keeps the zone', () => {
    expect(newAccountInput.parse(account)).toMatchObject({ currency: 'USD', timeZone: 'Europe/Berlin' })
  })

  it.each([
    [{ currency: 'dollars' }, 'currency', 'Currency is a 3-letter ISO 4217 code, e.g. USD'],
    [{ currency: 'U1D' }, 'currency', 'Currency is a 3-letter ISO 4217 code, e.g. USD'],
    [{ timeZone: 'CEST' }, 'timeZone', 'Unknown time zone: use an IANA name such as Europe/Berlin or UTC'],
    [{ timeZone: ' Europe/Berlin' }, 'timeZone', 'Unknown time zone: use an IANA name such as Europe/Berlin or UTC'],
    [{ vendorId: 0 }, 'vendorId', 'An id is positive'],
    [{ vendorId: 1.5 }, 'vendorId', 'An id is a whole number'],
    [{ unitId: '1credits' }, 'unitId', 'Unit ids are 2–32 letters, digits, - or _, starting with a letter'],
  ])('account with %j has an error on %s', (change, field, message) => {
    expect(errorsOf(newAccountInput.safeParse({ ...account, ...change }))).toEqual({ [field]: message })
  })

  it.each([
    [-1, 'Scale is at least 0'],
    [7, 'Scale is at most 6'],
    [2.5, 'Scale is a whole number of decimals'],
  ])('a unit scale of %s is refused: %s', (scale, message) => {
    expect(errorsOf(newUnitInput.safeParse({ id: 'gems', kind: 'credit', scale, label: 'Gems' }))).toEqual({
      scale: message,
    })
  })
})

describe('time zones', () => {
  it.each([
    ['UTC', true],
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Mars/Olympus', false],
    ['', false],
    ['Europe/Berlin ', false],
  ])('%j valid: %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid)
  })
})
