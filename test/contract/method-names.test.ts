import { describe, expect, expectTypeOf, it } from 'vitest'
import { METHOD_NAMES, type MethodName } from '@shared/api/contract'
import { METHOD_NAME_LIST } from '@shared/api/method-names'

describe('METHOD_NAME_LIST (the zod-free list the preload uses)', () => {
  it('has the same type as the contract’s method names', () => {
    expectTypeOf<(typeof METHOD_NAME_LIST)[number]>().toEqualTypeOf<MethodName>()
  })

  it('lists every contract method once, in contract order', () => {
    expect(METHOD_NAME_LIST).toEqual(METHOD_NAMES)
    expect(new Set(METHOD_NAME_LIST).size).toBe(METHOD_NAME_LIST.length)
  })
})
