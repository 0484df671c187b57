import type { MethodInput } from '@shared/api/contract'
import type { RateView } from '@shared/api/types/facts'
import { UsageError } from '../../args'
import { defineCommand } from '../../command'
import { callAndRespond } from '../../respond'
import { table } from '../../table'
import { accountId, accountOption, amountText, defined, optionalId, whole } from './flags'

/** `rate add|list`: what an action costs in the account unit, from an instant on (a price change is a new rate). */

const FLAGS = {
  accountId: '--account',
  key: '--key',
  effectiveFrom: '--from',
  amount: '--amount',
  per: '--per',
  numerator: '--fraction',
  denominator: '--fraction',
}

const fractionOf = (command: string, text: string | undefined) => {
  if (text === undefined) return {}
  const match = /^(\d{1,16})\/(\d{1,16})$/.exec(text)
  if (match === null) throw new UsageError(`--fraction is N/D (minor units per quantity), got "${text}"`, command)
  return { numerator: Number(match[1]), denominator: Number(match[2]) }
}

const line = (rate: RateView): string =>
  `${rate.key} = ${amountText(rate.amount)} per ${rate.per} from ${rate.effectiveFrom}`

export const rateAddCommand = defineCommand({
  summary: 'Add a rate: --key costs --amount per --per units from --from on',
  synopsis: '--account ID --key KEY --from ISO (--amount DEC [--per N] | --fraction N/D)',
  options: {
    account: accountOption('The account whose usage it prices'),
    key: { type: 'string', value: 'KEY', description: 'An action (image) or model and meter (gpt-4o:input)' },
    from: { type: 'string', value: 'ISO', description: 'Effective from (no offset: your zone)' },
    amount: { type: 'string', value: 'DEC', description: 'Price in the account unit, kept exactly' },
    per: { type: 'string', value: 'N', description: 'Per this many units (default 1), e.g. 1000000 tokens' },
    fraction: { type: 'string', value: 'N/D', description: 'Or: N minor units of the account unit per D units' },
  },
  run: (context, values) => {
    const command = 'rate add'
    const input = {
      accountId: accountId(command, values.account),
      key: values.key as string,
      effectiveFrom: values.from as string,
      ...defined({ amount: values.amount, per: whole(command, '--per', values.per) }),
      ...fractionOf(command, values.fraction),
    }
    return callAndRespond(context, command, 'rates.add', input as MethodInput<'rates.add'>, {
      flags: FLAGS,
      human: (rate) => [`Added rate ${rate.id} on account ${rate.accountId}: ${line(rate)}`],
    })
  },
})

export const rateListCommand = defineCommand({
  summary: 'List rates, by account, key and effective time',
  synopsis: '[--account ID] [--key KEY]',
  options: {
    account: accountOption('Only the rates of this account'),
    key: { type: 'string', value: 'KEY', description: 'Only this key' },
  },
  run: (context, values) =>
    callAndRespond(
      context,
      'rate list',
      'rates.list',
      defined({ accountId: optionalId('rate list', '--account', values.account), key: values.key }),
      {
        flags: FLAGS,
        human: (rates) =>
          rates.length === 0
            ? ['No rates.']
            : table<RateView>(
                [
                  { header: 'ID', cell: (rate) => String(rate.id), right: true },
                  { header: 'ACCOUNT', cell: (rate) => String(rate.accountId), right: true },
                  { header: 'KEY', cell: (rate) => rate.key },
                  { header: 'AMOUNT', cell: (rate) => amountText(rate.amount), right: true },
                  { header: 'PER', cell: (rate) => String(rate.per), right: true },
                  { header: 'FROM', cell: (rate) => rate.effectiveFrom },
                ],
                rates,
              ),
      },
    ),
})
