import { describe, expect, it } from 'vitest'
import { contract, METHOD_NAMES, type MethodName } from '@shared/api/contract'
import { validateCall } from '@shared/api/validate'
import { handlers } from '../../electron/backend/handlers'
import type { Handlers } from '../../electron/backend/handlers/types'

describe('the API contract', () => {
  it('has exactly one handler per method, and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort())
    for (const method of METHOD_NAMES) expect(typeof handlers[method], method).toBe('function')
  })

  it('declares every method with a zod input schema, a kind and a summary', () => {
    for (const method of METHOD_NAMES) {
      const spec = contract[method]
      expect(typeof spec.input.safeParse, method).toBe('function')
      expect(['query', 'mutation']).toContain(spec.kind)
      expect(spec.summary.length, method).toBeGreaterThan(5)
    }
  })

  it('makes a missing handler a compile error', () => {
    const { 'vendors.add': _dropped, ...incomplete } = handlers
    // @ts-expect-error — a handler map without 'vendors.add' does not satisfy Handlers
    const broken: Handlers = incomplete
    expect(Object.keys(broken)).not.toContain('vendors.add')
  })

  const junk: readonly unknown[] = [42, 'vendors', [], true, { id: -1 }, { id: '1' }, { name: 7 }, { extra: 'field' }]

  it.each(METHOD_NAMES.map((method) => [method]))('%s rejects junk payloads with VALIDATION', (method: MethodName) => {
    for (const payload of junk) {
      const result = validateCall(method, payload)
      if (result.ok) {
        // the only junk a method may accept is junk that is a valid input for it
        expect(contract[method].input.safeParse(payload).success, `${method} ${JSON.stringify(payload)}`).toBe(true)
        continue
      }
      expect(result.error.code).toBe('VALIDATION')
      expect(Object.keys(result.error.fields ?? {}).length, `${method} ${JSON.stringify(payload)}`).toBeGreaterThan(0)
    }
    expect(validateCall(method, 42)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('rejects names that are not methods, including prototype keys', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'vendors', 'vendors.add ', 42, null]) {
      expect(validateCall(name, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })
})
