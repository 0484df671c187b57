import type { Vendor } from '@shared/catalog/types'
import { parseId } from '../args'
import { callOnce, reportFailure } from '../call'
import { defineCommand, type CliContext } from '../command'
import { table } from '../table'

/** `vendor add` / `vendor list` / `vendor edit` / `vendor remove`: who the user pays (issue 4). */

const ADD_LABELS = { name: 'NAME', website: '--website' } as const
const EDIT_LABELS = { id: 'ID', name: '--name' } as const
const REMOVE_LABELS = { id: 'ID' } as const

const describe = (vendor: Vendor): string =>
  `${vendor.name} (id ${vendor.id})${vendor.website === null ? '' : ` ${vendor.website}`}`

export const vendorAddCommand = defineCommand({
  summary: 'Add a vendor',
  synopsis: 'NAME [--website URL]',
  positionals: ['NAME'],
  options: {
    website: { type: 'string', value: 'URL', description: 'The vendor’s site, https://…' },
  },
  run: async (context: CliContext, values, [name = '']) => {
    const input = { name, ...(values.website === undefined ? {} : { website: values.website }) }
    const result = await callOnce(context, 'vendors.add', input)
    if (!result.ok) return reportFailure(context, 'vendor add', result.error, ADD_LABELS)
    context.out(context.json ? JSON.stringify(result.value) : `Added vendor ${describe(result.value)}`)
    return 0
  },
})

export const vendorListCommand = defineCommand({
  summary: 'List vendors, by name, with their number of accounts',
  synopsis: '',
  options: {},
  run: async (context) => {
    const result = await callOnce(context, 'vendors.list', undefined)
    if (!result.ok) return reportFailure(context, 'vendor list', result.error)
    if (context.json) context.out(JSON.stringify(result.value))
    else if (result.value.length === 0) context.out('No vendors.')
    else {
      const lines = table<Vendor>(
        [
          { header: 'ID', cell: (vendor) => String(vendor.id), right: true },
          { header: 'NAME', cell: (vendor) => vendor.name },
          { header: 'ACCOUNTS', cell: (vendor) => String(vendor.accountCount), right: true },
          { header: 'WEBSITE', cell: (vendor) => vendor.website ?? '' },
        ],
        result.value,
      )
      for (const line of lines) context.out(line)
    }
    return 0
  },
})

export const vendorEditCommand = defineCommand({
  summary: 'Rename a vendor',
  synopsis: 'ID --name NAME',
  positionals: ['ID'],
  options: {
    name: { type: 'string', value: 'NAME', description: 'The vendor’s new name (required)' },
  },
  run: async (context, values, [id = '']) => {
    // A missing --name is sent as absent: the contract's message ("Name is required") is the one to show.
    const input = { id: parseId('vendor edit', 'ID', id), name: values.name as string }
    const result = await callOnce(context, 'vendors.rename', input)
    if (!result.ok) return reportFailure(context, 'vendor edit', result.error, EDIT_LABELS)
    context.out(context.json ? JSON.stringify(result.value) : `Renamed vendor ${describe(result.value)}`)
    return 0
  },
})

export const vendorRemoveCommand = defineCommand({
  summary: 'Delete a vendor that has no accounts',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: async (context, _values, [id = '']) => {
    const result = await callOnce(context, 'vendors.remove', { id: parseId('vendor remove', 'ID', id) })
    if (!result.ok) return reportFailure(context, 'vendor remove', result.error, REMOVE_LABELS)
    context.out(context.json ? JSON.stringify(result.value) : `Removed vendor ${result.value.id}`)
    return 0
  },
})
