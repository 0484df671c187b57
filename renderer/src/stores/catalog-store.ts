import type { z } from 'zod'
import { create } from 'zustand'
import type { MethodInput } from '@shared/api/contract'
import {
  byId,
  newAccountInput,
  newVendorInput,
  renameVendorInput,
  updateAccountInput,
  type NewAccountInput,
  type NewVendorInput,
  type UpdateAccountInput,
} from '@shared/catalog/schemas'
import type { Account, Vendor } from '@shared/catalog/types'
import type { Unit } from '@shared/money/units'
import { IDLE, opKey, validateWith, type Operation } from './operations'
import { isGlobalError, request } from './request'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed'

export interface CatalogState {
  readonly vendors: readonly Vendor[]
  readonly accounts: readonly Account[]
  readonly units: readonly Unit[]
  readonly status: LoadStatus
  readonly loadError: string | null
  /** Running and failed actions by key (see `opKey`); absent means idle. */
  readonly operations: Readonly<Record<string, Operation>>

  /** Fetch vendors, accounts and units. Calls made while a load runs are folded into one more load after it. */
  readonly load: () => Promise<void>
  readonly addVendor: (input: NewVendorInput) => Promise<boolean>
  readonly renameVendor: (id: number, name: string) => Promise<boolean>
  readonly removeVendor: (id: number) => Promise<boolean>
  readonly addAccount: (input: NewAccountInput) => Promise<boolean>
  readonly updateAccount: (input: UpdateAccountInput) => Promise<boolean>
  readonly removeAccount: (id: number) => Promise<boolean>
  /** Forget an action's error (the user cancelled or started over). */
  readonly reset: (key: string) => void
}

type MutationName =
  'vendors.add' | 'vendors.rename' | 'vendors.remove' | 'accounts.add' | 'accounts.update' | 'accounts.remove'

export const useCatalogStore = create<CatalogState>()((set, get) => {
  let inFlight: Promise<void> | null = null
  let again = false

  const setOperation = (key: string, operation: Operation | null): void => {
    const rest = Object.fromEntries(Object.entries(get().operations).filter(([name]) => name !== key))
    set({ operations: operation === null ? rest : { ...rest, [key]: operation } })
  }

  const loadOnce = async (): Promise<void> => {
    if (get().status !== 'ready') set({ status: 'loading' })
    const [vendors, accounts, units] = await Promise.all([
      request('vendors.list', undefined),
      request('accounts.list', undefined),
      request('units.list', undefined),
    ])
    if (vendors.ok && accounts.ok && units.ok) {
      set({ vendors: vendors.value, accounts: accounts.value, units: units.value, status: 'ready', loadError: null })
      return
    }
    const failure = [vendors, accounts, units].find((result) => !result.ok)
    const message = failure !== undefined && !failure.ok ? failure.error.message : 'The ledger could not be read.'
    set({ status: 'failed', loadError: message })
  }

  /** Validate with the shared schema, call, and keep the outcome under `key`. Success reloads the lists. */
  const mutate = async <M extends MutationName>(
    key: string,
    schema: z.ZodType,
    method: M,
    input: MethodInput<M>,
  ): Promise<boolean> => {
    const invalid = validateWith(schema, input)
    if (invalid !== null) {
      setOperation(key, { pending: false, error: invalid })
      return false
    }
    setOperation(key, { pending: true, error: null })
    const result = await request(method, input)
    if (result.ok) {
      setOperation(key, null)
      void get().load()
      return true
    }
    // Failures every screen shares are shown by the app (banner, recovery); the form keeps only its own.
    setOperation(key, isGlobalError(result.error.code) ? null : { pending: false, error: result.error })
    if (result.error.code === 'NOT_FOUND') void get().load()
    return false
  }

  return {
    vendors: [],
    accounts: [],
    units: [],
    status: 'idle',
    loadError: null,
    operations: {},

    load: () => {
      if (inFlight !== null) {
        again = true
        return inFlight
      }
      const run = async (): Promise<void> => {
        try {
          do {
            again = false
            await loadOnce()
          } while (again)
        } finally {
          inFlight = null
        }
      }
      inFlight = run()
      return inFlight
    },

    addVendor: (input) => {
      const website = input.website?.trim()
      const clean: NewVendorInput =
        website === undefined || website === '' ? { name: input.name } : { ...input, website }
      return mutate(opKey.addVendor, newVendorInput, 'vendors.add', clean)
    },
    renameVendor: (id, name) => mutate(opKey.renameVendor(id), renameVendorInput, 'vendors.rename', { id, name }),
    removeVendor: (id) => mutate(opKey.removeVendor(id), byId, 'vendors.remove', { id }),
    addAccount: (input) => mutate(opKey.addAccount, newAccountInput, 'accounts.add', input),
    updateAccount: (input) => mutate(opKey.updateAccount(input.id), updateAccountInput, 'accounts.update', input),
    removeAccount: (id) => mutate(opKey.removeAccount(id), byId, 'accounts.remove', { id }),

    reset: (key) => {
      setOperation(key, null)
    },
  }
})

/** The state of one action; a stable object when idle so components do not re-render for nothing. */
export const useOperation = (key: string): Operation => useCatalogStore((state) => state.operations[key] ?? IDLE)
