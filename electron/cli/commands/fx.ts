import type { FxRate } from '@shared/settings/schemas'
import { callOnce, reportFailure } from '../call'
import { defineCommand, type CliContext } from '../command'

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
  run: async (context: CliContext, values, [base = '', quote = '', rate = '']) => {
    // A missing --date is sent as absent: the contract's message ("Date is required") is the one to show.
    const input = { base, quote, rate, effectiveDate: values.date as string }
    const result = await callOnce(context, 'fx.add', input)
    if (!result.ok) return reportFailure(context, 'fx add', result.error, ADD_LABELS)
    context.out(context.json ? JSON.stringify(result.value) : `Added ${line(result.value)} (id ${result.value.id})`)
    return 0
  },
})

export const fxListCommand = defineCommand({
  summary: 'List exchange rates, newest first',
  synopsis: '[--base CODE] [--quote CODE]',
  options: {
    base: { type: 'string', value: 'CODE', description: 'Only rates of this base currency' },
    quote: { type: 'string', value: 'CODE', description: 'Only rates into this quote currency' },
  },
  run: async (context, values) => {
    const filter = {
      ...(values.base === undefined ? {} : { base: values.base }),
      ...(values.quote === undefined ? {} : { quote: values.quote }),
    }
    const result = await callOnce(context, 'fx.list', filter)
    if (!result.ok) return reportFailure(context, 'fx list', result.error, LIST_LABELS)
    if (context.json) context.out(JSON.stringify(result.value))
    else if (result.value.length === 0) context.out('No exchange rates.')
    else for (const rate of result.value) context.out(line(rate))
    return 0
  },
})
