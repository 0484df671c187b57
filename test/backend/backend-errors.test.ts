import { describe, expect, it, vi } from 'vitest'
import { ApiFailure } from '@shared/api/result'
import { errorResult } from '../../electron/backend/backend-errors'

const sqliteError = (code: string) => Object.assign(new Error(`sqlite says ${code}`), { code })

describe('what a caller sees when a handler throws', () => {
  it.each([
    ['SQLITE_BUSY', 'BUSY'],
    ['SQLITE_BUSY_SNAPSHOT', 'BUSY'],
    ['SQLITE_LOCKED', 'BUSY'],
    ['SQLITE_CORRUPT', 'DB_CORRUPT'],
    ['SQLITE_NOTADB', 'DB_CORRUPT'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'CONFLICT'],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 'CONFLICT'],
  ])('%s → %s, with a message a person can act on', (code, expected) => {
    const result = errorResult(sqliteError(code), 'vendors.add')
    expect(result.error.code).toBe(expected)
    expect(result.error.message).not.toContain('sqlite says')
  })

  it('passes an ApiFailure through unchanged, fields and all', () => {
    const failure = new ApiFailure({ code: 'CONFLICT', message: 'Taken', fields: { name: 'Taken' } })
    expect(errorResult(failure, 'vendors.add')).toEqual({ ok: false, error: failure.error })
  })

  it('reports anything else as INTERNAL naming the method, and logs it with its stack', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const result = errorResult(new TypeError('x is undefined'), 'accounts.update')
    expect(result.error).toEqual({ code: 'INTERNAL', message: 'Unexpected error in accounts.update: x is undefined' })
    expect(log).toHaveBeenCalledWith('[backend] accounts.update failed:', expect.any(TypeError))
    log.mockRestore()
  })
})
