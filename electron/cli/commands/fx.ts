import type { FxRate } from '@shared/settings/schemas'
import { defineCommand, type CliContext } from '../command'
import { callAndRespond } from '../respond'

/** `fx add` / `fx list`: dated exchange rates entered by the user (DESIGN §4: converted totals show the rate's date). */

const ADD_LABELS = { base: 'BASE', quote: 'QUOTE', rate: 'RATE', effectiveDate: '--date' } as const
const LIST_LABELS = { base: '--base', quote: '--quote' } as const

const line = (rate: FxRate): string => `${rate.effectiveDate}  1 ${rate.base} = ${rate.rate} ${rate.quote}`

export const fxAddCommand = defineCommand({
  summary: 'Record an exchange rate: 1 BASE = RATE QUOTE from --date on',
  synopsis: 'BASE QUOTE RATE --date YYYY-MM-DD',
  positionals: ['BASE', 'QUOTE', 'RATE'],
  options: {
    date: { type: 'string', value: 'YYYY-MM-DD', description: 'Day the rate takes effect (required)' },
  },
  run: (context: CliContext, values, [base = '', quote = '', rate = '']) => {
    // A missing --date is sent as absent: the contract's message ("Date is required") is the one to show.
    const input = { base, quote, rate, effectiveDate: values.date as string }
    return callAndRespond(context, 'fx add', 'fx.add', input, {
      flags: ADD_LABELS,
      human: (added) => [`Added ${line(added)} (id ${added.id})`],
    })
  },
})

export const fxListCommand = defineCommand({
  summary: 'List exchange rates, newest first',
  synopsis: '[--base CODE] [--quote CODE]',
  options: {
    base: { type: 'string', value: 'CODE', description: 'Only rates of this base currency' },
    quote: { type: 'string', value: 'CODE', description: 'Only rates into this quote currency' },
  },
  run: (context, values) => {
    const filter = {
      ...(values.base === undefined ? {} : { base: values.base }),
      ...(values.quote === undefined ? {} : { quote: values.quote }),
    }
    return callAndRespond(context, 'fx list', 'fx.list', filter, {
      flags: LIST_LABELS,
      human: (rates) => (rates.length === 0 ? ['No exchange rates.'] : rates.map(line)),
    })
  },
})
