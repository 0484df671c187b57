import type { Settings } from '@shared/settings/schemas'
import { UsageError } from '../args'
import { defineCommand } from '../command'
import { callAndRespond } from '../respond'

/** `settings get` / `settings set`: the user's home currency, time zone and reminder hour (issue 4). */

const FLAGS = { homeCurrency: '--home-currency', timeZone: '--time-zone', reminderHour: '--reminder-hour' } as const

const lines = (settings: Settings): readonly string[] => [
  `Home currency  ${settings.homeCurrency}`,
  `Time zone      ${settings.timeZone}`,
  `Reminder hour  ${settings.reminderHour} (${String(settings.reminderHour).padStart(2, '0')}:00)`,
]

export const settingsGetCommand = defineCommand({
  summary: 'Show the settings (home currency, time zone, reminder hour)',
  synopsis: '',
  options: {},
  run: (context) => callAndRespond(context, 'settings get', 'settings.get', undefined, { human: lines }),
})

/** Digits become a number; anything else goes through as text so the backend's field message names the problem. */
const hourValue = (text: string): number | string => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text)

export const settingsSetCommand = defineCommand({
  summary: 'Change settings; prints all of them',
  synopsis: '[--home-currency CODE] [--time-zone ZONE] [--reminder-hour H]',
  options: {
    'home-currency': { type: 'string', value: 'CODE', description: 'ISO 4217 code totals are shown in, e.g. EUR' },
    'time-zone': { type: 'string', value: 'ZONE', description: 'Your IANA time zone, e.g. Europe/Berlin' },
    'reminder-hour': { type: 'string', value: 'H', description: 'Hour (0–23) daily reminders fire at' },
  },
  run: (context, values) => {
    const hour = values['reminder-hour']
    const patch = {
      ...(values['home-currency'] === undefined ? {} : { homeCurrency: values['home-currency'] }),
      ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] }),
      // A non-number is passed on on purpose: the contract's schema rejects it with the message a form would show.
      ...(hour === undefined ? {} : { reminderHour: hourValue(hour) as number }),
    }
    if (Object.keys(patch).length === 0) {
      throw new UsageError('give at least one of --home-currency, --time-zone, --reminder-hour', 'settings set')
    }
    return callAndRespond(context, 'settings set', 'settings.set', patch, { flags: FLAGS, human: lines })
  },
})
