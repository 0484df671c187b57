import { describe, expect, it } from 'vitest'
import { validateCall } from '@shared/api/validate'
import { ERROR_CODES, isErrorCode } from '@shared/api/result'

describe('validateCall', () => {
  it('joins nested paths and keeps the first message per field', () => {
    const result = validateCall('accounts.add', {
      vendorId: 'x',
      name: '',
      unitId: 'USD',
      currency: 'US',
      timeZone: 'UTC',
    })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { vendorId: 'An id is required', name: 'Name is required', currency: expect.any(String) },
      },
    })
    if (!result.ok) expect(result.error.message).toContain('name: Name is required')
  })

  it('returns the transformed input for a valid call', () => {
    expect(validateCall('vendors.add', { name: ' Cursor ' })).toEqual({
      ok: true,
      value: { method: 'vendors.add', input: { name: 'Cursor' } },
    })
  })

  it('knows exactly the seven error codes', () => {
    expect(ERROR_CODES).toEqual(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'BUSY', 'DB_CORRUPT', 'DB_TOO_NEW', 'INTERNAL'])
    expect(isErrorCode('BUSY')).toBe(true)
    expect(isErrorCode('busy')).toBe(false)
  })
})
