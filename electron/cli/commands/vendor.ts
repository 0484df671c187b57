import type { Vendor } from '@shared/catalog/types'
import { parseId } from '../args'
import { defineCommand, type CliContext } from '../command'
import { callAndRespond } from '../respond'
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
  run: (context: CliContext, values, [name = '']) => {
    const input = { name, ...(values.website === undefined ? {} : { website: values.website }) }
    return callAndRespond(context, 'vendor add', 'vendors.add', input, {
      flags: ADD_LABELS,
      human: (vendor) => [`Added vendor ${describe(vendor)}`],
    })
  },
})

export const vendorListCommand = defineCommand({
  summary: 'List vendors, by name, with their number of accounts',
  synopsis: '',
  options: {},
  run: (context) =>
    callAndRespond(context, 'vendor list', 'vendors.list', undefined, {
      human: (vendors) =>
        vendors.length === 0
          ? ['No vendors.']
          : table<Vendor>(
              [
                { header: 'ID', cell: (vendor) => String(vendor.id), right: true },
                { header: 'NAME', cell: (vendor) => vendor.name },
                { header: 'ACCOUNTS', cell: (vendor) => String(vendor.accountCount), right: true },
                { header: 'WEBSITE', cell: (vendor) => vendor.website ?? '' },
              ],
              vendors,
            ),
    }),
})

export const vendorEditCommand = defineCommand({
  summary: 'Rename a vendor',
  synopsis: 'ID --name NAME',
  positionals: ['ID'],
  options: {
    name: { type: 'string', value: 'NAME', description: 'The vendor’s new name (required)' },
  },
  run: (context, values, [id = '']) => {
    // A missing --name is sent as absent: the contract's message ("Name is required") is the one to show.
    const input = { id: parseId('vendor edit', 'ID', id), name: values.name as string }
    return callAndRespond(context, 'vendor edit', 'vendors.rename', input, {
      flags: EDIT_LABELS,
      human: (vendor) => [`Renamed vendor ${describe(vendor)}`],
    })
  },
})

export const vendorRemoveCommand = defineCommand({
  summary: 'Delete a vendor that has no accounts',
  synopsis: 'ID',
  positionals: ['ID'],
  options: {},
  run: (context, _values, [id = '']) =>
    callAndRespond(
      context,
      'vendor remove',
      'vendors.remove',
      { id: parseId('vendor remove', 'ID', id) },
      { flags: REMOVE_LABELS, human: (removed) => [`Removed vendor ${removed.id}`] },
    ),
})
