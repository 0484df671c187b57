import type { LedgerWindowApi, PushListener } from '@shared/api/client'
import type { HandlerInput, MethodInput, MethodName, MethodOutput } from '@shared/api/contract'
import { METHOD_NAME_LIST } from '@shared/api/method-names'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { fail, ok, type ApiError, type Result } from '@shared/api/result'
import { validateCall } from '@shared/api/validate'
import type { Account, BackupInfo, Vendor } from '@shared/catalog/types'
import { formatMinor } from '@shared/money/decimal'
import type { Unit } from '@shared/money/units'
import { DEFAULT_SETTINGS, FX_RATE_SCALE, type FxRate, type Settings } from '@shared/settings/schemas'
import { FakeReminders, type Handlers } from './fake-reminders'

/**
 * An in-memory `window.ledger` for renderer tests: the contract's methods over plain arrays, inputs checked with the
 * contract's own schemas (as the backend does), every call recorded, failures injectable, push events by hand.
 */

export interface RecordedCall {
  readonly method: MethodName
  readonly input: unknown
}

type Handler<M extends MethodName> = (input: HandlerInput<M>) => Result<MethodOutput<M>>

const BUILT_IN_UNITS: readonly Unit[] = [
  { id: 'USD', kind: 'money', scale: 6, label: 'US dollar', builtIn: true },
  { id: 'EUR', kind: 'money', scale: 6, label: 'Euro', builtIn: true },
  { id: 'credit', kind: 'credit', scale: 0, label: 'Credits', builtIn: true },
]

/** Methods a refused database still answers (the recovery screen needs them). */
const ANSWERED_WHEN_REFUSED: readonly MethodName[] = ['backups.list', 'backups.restoreLatest']

/** Instants cross the API as ISO 8601 in UTC, as the backend sends them. */
export const CREATED_AT = '2025-01-15T12:00:00.000Z'

const newestFirst = (backups: readonly BackupInfo[]): BackupInfo[] =>
  [...backups].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt))

export class FakeLedger {
  vendors: Vendor[] = []
  accounts: Account[] = []
  units: Unit[] = [...BUILT_IN_UNITS]
  settings: Settings = { ...DEFAULT_SETTINGS }
  fxRates: FxRate[] = []
  backups: BackupInfo[] = [{ file: 'credit-ledger-2025-01-14.db', takenAt: '2025-01-14T09:30:00.000Z', bytes: 40_960 }]
  readonly calls: RecordedCall[] = []
  /** When set, every call but the backup ones answers this error (as a backend that refused the file). */
  refusal: ApiError | null = null
  private nextId = 1
  private readonly injected = new Map<MethodName, ApiError[]>()
  private readonly listeners = new Map<PushEventName, Set<(payload: unknown) => void>>()
  /** The reminder inbox, account rules, balances and lot histories (see fake-reminders.ts). */
  readonly reminders = new FakeReminders(this)

  /** The next call of `method` answers `error` instead of running. */
  failNext(method: MethodName, error: ApiError): void {
    this.injected.set(method, [...(this.injected.get(method) ?? []), error])
  }

  callsOf(method: MethodName): readonly RecordedCall[] {
    return this.calls.filter((call) => call.method === method)
  }

  emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(payload)
  }

  /** How many listen to `ledger.changed` (or another event). */
  listenerCount(event: PushEventName = 'ledger.changed'): number {
    return this.listeners.get(event)?.size ?? 0
  }

  /** Put a vendor straight into the store, as another process (the CLI) would. */
  seedVendor(name: string, website: string | null = null): Vendor {
    const vendor: Vendor = { id: this.nextId++, name, website, createdAt: CREATED_AT, accountCount: 0 }
    this.vendors.push(vendor)
    return vendor
  }

  seedAccount(vendor: Vendor, name: string, unitId = 'USD'): Account {
    const account: Account = {
      id: this.nextId++,
      vendorId: vendor.id,
      vendorName: vendor.name,
      name,
      unitId,
      currency: 'USD',
      timeZone: 'UTC',
      drawdown: 'default',
      overdraft: { mode: 'none', limit: { value: '0.00', minor: '0', unit: unitId }, billedWith: null },
      preset: null,
      createdAt: CREATED_AT,
    }
    this.accounts.push(account)
    return account
  }

  private sortedVendors(): readonly Vendor[] {
    return [...this.vendors]
      .map((vendor) => ({ ...vendor, accountCount: this.accounts.filter((a) => a.vendorId === vendor.id).length }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  private vendor(id: number): Vendor | undefined {
    return this.vendors.find((vendor) => vendor.id === id)
  }

  /** Areas a test does not fake answer INTERNAL ("not faked"), so a screen that calls them fails loudly. */
  private readonly handlers: Handlers = {
    ...this.reminders.handlers,
    'app.info': () =>
      ok({
        version: '0.1.0-test',
        dbPath: '/tmp/ledger.db',
        schemaVersion: 1,
        sqliteVersion: '3.50.0',
        runtime: 'test',
      }),
    'backups.list': () => ok(newestFirst(this.backups)),
    'backups.create': () => {
      const backup: BackupInfo = {
        file: `backup-${String(this.backups.length)}.db`,
        takenAt: new Date().toISOString(),
        bytes: 1,
      }
      this.backups.push(backup)
      return ok(backup)
    },
    'backups.restoreLatest': () => {
      const latest = newestFirst(this.backups)[0]
      if (latest === undefined) return fail('NOT_FOUND', 'There is no backup to restore')
      this.refusal = null
      return ok(latest)
    },
    'units.list': () => ok(this.units),
    'units.add': (input) => {
      const unit: Unit = { ...input, builtIn: false }
      this.units.push(unit)
      return ok(unit)
    },
    'vendors.list': () => ok(this.sortedVendors()),
    'vendors.add': (input) => {
      if (this.vendors.some((vendor) => vendor.name.toLowerCase() === input.name.toLowerCase()))
        return fail('CONFLICT', `A vendor named ${input.name} already exists`, {
          fields: { name: 'This name is taken' },
        })
      return ok(this.seedVendor(input.name, input.website ?? null))
    },
    'vendors.rename': (input) => {
      const vendor = this.vendor(input.id)
      if (vendor === undefined) return fail('NOT_FOUND', 'No such vendor')
      const renamed = { ...vendor, name: input.name }
      this.vendors = this.vendors.map((item) => (item.id === input.id ? renamed : item))
      return ok(renamed)
    },
    'vendors.remove': (input) => {
      if (this.vendor(input.id) === undefined) return fail('NOT_FOUND', 'No such vendor')
      if (this.accounts.some((account) => account.vendorId === input.id))
        return fail('CONFLICT', 'This vendor has accounts: delete them first')
      this.vendors = this.vendors.filter((vendor) => vendor.id !== input.id)
      return ok({ id: input.id })
    },
    'accounts.list': (input) =>
      ok(this.accounts.filter((account) => input?.vendorId === undefined || account.vendorId === input.vendorId)),
    'accounts.add': (input) => {
      const vendor = this.vendor(input.vendorId)
      if (vendor === undefined) return fail('NOT_FOUND', 'No such vendor', { fields: { vendorId: 'No such vendor' } })
      const account = this.seedAccount(vendor, input.name, input.unitId)
      const full = { ...account, currency: input.currency, timeZone: input.timeZone }
      this.accounts = this.accounts.map((item) => (item.id === account.id ? full : item))
      return ok(full)
    },
    'accounts.update': (input) => {
      const account = this.accounts.find((item) => item.id === input.id)
      if (account === undefined) return fail('NOT_FOUND', 'No such account')
      const updated: Account = {
        ...account,
        name: input.name ?? account.name,
        unitId: input.unitId ?? account.unitId,
        currency: input.currency ?? account.currency,
        timeZone: input.timeZone ?? account.timeZone,
      }
      this.accounts = this.accounts.map((item) => (item.id === input.id ? updated : item))
      return ok(updated)
    },
    'accounts.remove': (input) => {
      if (!this.accounts.some((account) => account.id === input.id)) return fail('NOT_FOUND', 'No such account')
      this.accounts = this.accounts.filter((account) => account.id !== input.id)
      return ok({ id: input.id })
    },
    'settings.get': () => ok(this.settings),
    'settings.set': (input) => ok((this.settings = { ...this.settings, ...input })),
    'fx.add': (input) => {
      const { base, quote, effectiveDate } = input
      if (this.fxRates.some((r) => r.base === base && r.quote === quote && r.effectiveDate === effectiveDate))
        return fail('CONFLICT', 'A rate for this date exists', {
          fields: { effectiveDate: 'A rate for this date exists' },
        })
      const rate = {
        id: this.nextId++,
        base,
        quote,
        rate: formatMinor(input.rate, FX_RATE_SCALE, { minFractionDigits: 0 }),
        effectiveDate,
      }
      this.fxRates.push(rate)
      return ok(rate)
    },
    'fx.list': (input) =>
      ok(
        this.fxRates
          .filter((r) => (input?.base ?? r.base) === r.base && (input?.quote ?? r.quote) === r.quote)
          .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate)),
      ),
    'fx.rateOn': (input) => {
      if (input.base === input.quote) return ok({ rate: '1', effectiveDate: input.date })
      const found = this.fxRates
        .filter((r) => r.base === input.base && r.quote === input.quote && r.effectiveDate <= input.date)
        .sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))[0]
      return found ? ok({ rate: found.rate, effectiveDate: found.effectiveDate }) : fail('NOT_FOUND', 'No rate')
    },
  }

  private run<M extends MethodName>(method: M, input: MethodInput<M>): Result<MethodOutput<M>> {
    this.calls.push({ method, input })
    const queue = this.injected.get(method) ?? []
    const injected = queue.shift()
    if (injected !== undefined) return { ok: false, error: injected }
    if (this.refusal !== null && !ANSWERED_WHEN_REFUSED.includes(method)) return { ok: false, error: this.refusal }
    const checked = validateCall(method, input)
    if (!checked.ok) return checked
    const handler: Handler<M> | undefined = this.handlers[method]
    if (handler === undefined) return fail('INTERNAL', `${method} is not faked in renderer tests`)
    return handler(checked.value.input as HandlerInput<M>)
  }

  private method<M extends MethodName>(method: M): (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> {
    return (input) => Promise.resolve(this.run(method, input))
  }

  /** The object to install as `window.ledger`. */
  readonly api: LedgerWindowApi = {
    ...(Object.fromEntries(METHOD_NAME_LIST.map((name) => [name, this.method(name)])) as Omit<LedgerWindowApi, 'on'>),
    on: <E extends PushEventName>(event: E, listener: PushListener<E>) => {
      const set = this.listeners.get(event) ?? new Set()
      this.listeners.set(event, set)
      // Listeners are kept per event name, so the payload is the one of `event`.
      const wrapped = (payload: unknown): void => {
        listener(payload as PushEvents[E])
      }
      set.add(wrapped)
      return () => {
        set.delete(wrapped)
      }
    },
  }
}
