import type { ObservationView } from '@shared/api/types/facts'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountId, accountOption, amountText, defined, optionalId } from './flags'

/** `observe` / `observe list`: balances a vendor's dashboard showed, compared with the model (never used to edit it). */

const FLAGS = { accountId: '--account', at: '--at', balance: '--balance', tolerance: '--tolerance', note: '--note' }

export const observeCommand = defineCommand({
  summary: 'Record the balance the vendor shows (may be negative)',
  synopsis: '--account ID --balance DEC [--at ISO] [--tolerance DEC] [--note TEXT]',
  options: {
    account: accountOption('The account observed'),
    balance: { type: 'string', value: 'DEC', description: 'The balance shown, in the account unit' },
    at: { type: 'string', value: 'ISO', description: 'When it was shown (default now; no offset: your zone)' },
    tolerance: { type: 'string', value: 'DEC', description: 'Allowed difference before it is flagged (default 0)' },
    note: { type: 'string', value: 'TEXT', description: 'A note kept with it' },
  },
  run: (context, values) => {
    const command = 'observe'
    const input = {
      accountId: accountId(command, values.account),
      balance: values.balance as string,
      ...defined({ at: values.at, tolerance: values.tolerance, note: values.note }),
    }
    return callAndRespond(context, command, 'observations.add', input, {
      flags: FLAGS,
      human: (seen) => [
        `Recorded observed balance ${seen.id} on account ${seen.accountId}: ${amountText(seen.balance)} at ${seen.at}` +
          (seen.tolerance.minor === '0' ? '' : ` (tolerance ${amountText(seen.tolerance)})`),
      ],
    })
  },
})

export const observeListCommand = defineCommand({
  summary: 'List observed balances, by account then time',
  synopsis: '[--account ID]',
  options: { account: accountOption('Only the observations of this account') },
  run: (context, values) =>
    callAndRespond(
      context,
      'observe list',
      'observations.list',
      defined({ accountId: optionalId('observe list', '--account', values.account) }),
      {
        flags: FLAGS,
        human: (list) =>
          list.length === 0
            ? ['No observations.']
            : table<ObservationView>(
                [
                  { header: 'ID', cell: (seen) => String(seen.id), right: true },
                  { header: 'ACCOUNT', cell: (seen) => String(seen.accountId), right: true },
                  { header: 'AT', cell: (seen) => seen.at },
                  { header: 'BALANCE', cell: (seen) => amountText(seen.balance), right: true },
                  { header: 'TOLERANCE', cell: (seen) => amountText(seen.tolerance), right: true },
                  { header: 'NOTE', cell: (seen) => seen.note ?? '' },
                ],
                list,
              ),
      },
    ),
})
