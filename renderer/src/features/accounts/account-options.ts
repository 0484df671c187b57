import type { Vendor } from '@shared/catalog/types'
import type { Unit } from '@shared/money/units'
import type { SelectOption } from '../../components/SelectField'

/** The id of the shared datalist of IANA zones rendered once by the accounts screen. */
export const TIME_ZONE_LIST_ID = 'known-time-zones'

export const unitOptions = (units: readonly Unit[]): readonly SelectOption[] =>
  units.map((unit) => ({ value: unit.id, label: unit.label === unit.id ? unit.id : `${unit.label} (${unit.id})` }))

export const vendorOptions = (vendors: readonly Vendor[]): readonly SelectOption[] =>
  vendors.map((vendor) => ({ value: String(vendor.id), label: vendor.name }))

/** A sensible first unit: US dollars when known, else the first unit. */
export const defaultUnitId = (units: readonly Unit[]): string =>
  (units.find((unit) => unit.id === 'USD') ?? units[0])?.id ?? ''

export const unitLabel = (units: readonly Unit[], id: string): string =>
  units.find((unit) => unit.id === id)?.label ?? id

/** Select values are strings; the contract wants a positive id (0 fails its schema with a clear message). */
export const toId = (value: string): number => (value === '' ? 0 : Number(value))

/** Schema messages written for the API, reworded for a form whose select is still empty. */
export const choiceError = (message: string | undefined, value: string, prompt: string): string | undefined =>
  message === undefined ? undefined : value === '' ? prompt : message
