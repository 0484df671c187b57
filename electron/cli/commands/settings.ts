import type { Settings } from '@shared/settings/schemas'
import { UsageError } from '../args'
import { defineCommand } from '../command'
import { callAndRespond } from '../respond'

/**
 * `settings get` / `settings set`: home currency, time zone, reminder hour and quiet hours (issues 4 and 6), and the
 * desktop app's tray, start-at-login and close-to-tray choices. Reminder rules have their own JSON shape: set them
 * with `--json`-minded tools through the API (settings.set reminderRules), or in the app's reminder settings.
 */

const FLAGS = {
  homeCurrency: '--home-currency',
  timeZone: '--time-zone',
  reminderHour: '--reminder-hour',
  quietHours: '--quiet-hours',
  'quietHours.start': '--quiet-hours',
  'quietHours.end': '--quiet-hours',
  trayIcon: '--tray',
  startAtLogin: '--start-at-login',
  closeToTray: '--close-to-tray',
} as const

const leads = (days: readonly number[]): string => (days.length === 0 ? 'off' : days.map((d) => `${d}d`).join(', '))

const lines = (settings: Settings): readonly string[] => {
  const rules = settings.reminderRules
  return [
    `Home currency   ${settings.homeCurrency}`,
    `Time zone       ${settings.timeZone}`,
    `Reminder hour   ${settings.reminderHour} (${String(settings.reminderHour).padStart(2, '0')}:00)`,
    `Quiet hours     ${settings.quietHours === null ? 'none' : `${settings.quietHours.start}–${settings.quietHours.end}`}`,
    `Reminders       expiry ${leads(rules.expiryLeadDays)} before; renewal ${leads(rules.renewalLeadDays)}; ` +
      `trial ${leads(rules.trialLeadDays)}; usage ${rules.thresholdPercents.map((p) => `${p}%`).join(', ') || 'off'}` +
      (rules.lowBalanceBelow === null ? '' : `; balance below ${rules.lowBalanceBelow}`),
    `Tray icon       ${settings.trayIcon ? 'on' : 'off'}`,
    `Start at login  ${settings.startAtLogin ? 'on' : 'off'}`,
    `Closing window  ${{ ask: 'ask once', tray: 'keeps running in the tray', quit: 'quits' }[settings.closeToTray]}`,
  ]
}

export const settingsGetCommand = defineCommand({
  summary: 'Show the settings (home currency, time zone, reminders, desktop behaviour)',
  synopsis: '',
  options: {},
  run: (context) => callAndRespond(context, 'settings get', 'settings.get', undefined, { human: lines }),
})

/** Digits become a number; anything else goes through as text so the backend's field message names the problem. */
const hourValue = (text: string): number | string => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text)

/** "22:00-07:00" → { start, end }; "off" → null; anything else goes through for the backend to refuse. */
const quietValue = (text: string): { start: string; end: string } | null | string => {
  if (text.trim().toLowerCase() === 'off') return null
  const [start, end, ...rest] = text.split(/[-–]/)
  return start === undefined || end === undefined || rest.length > 0 ? text : { start, end }
}

/** on/off, yes/no, true/false; anything else goes through as text (refused with the field's message). */
const flagValue = (text: string): boolean | string => {
  const word = text.trim().toLowerCase()
  if (['on', 'yes', 'true'].includes(word)) return true
  if (['off', 'no', 'false'].includes(word)) return false
  return text
}

export const settingsSetCommand = defineCommand({
  summary: 'Change settings; prints all of them',
  synopsis:
    '[--home-currency CODE] [--time-zone ZONE] [--reminder-hour H] [--quiet-hours HH:MM-HH:MM|off] [--tray on|off] ' +
    '[--start-at-login on|off] [--close-to-tray ask|tray|quit]',
  options: {
    'home-currency': { type: 'string', value: 'CODE', description: 'ISO 4217 code totals are shown in, e.g. EUR' },
    'time-zone': { type: 'string', value: 'ZONE', description: 'Your IANA time zone, e.g. Europe/Berlin' },
    'reminder-hour': { type: 'string', value: 'H', description: 'Hour (0–23) daily reminders fire at' },
    'quiet-hours': {
      type: 'string',
      value: 'HH:MM-HH:MM',
      description: 'No notifications between these local times (may wrap midnight), or off',
    },
    tray: { type: 'string', value: 'on|off', description: 'Desktop app: an icon in the tray with the next expiry' },
    'start-at-login': { type: 'string', value: 'on|off', description: 'Desktop app: start (in the tray) at login' },
    'close-to-tray': {
      type: 'string',
      value: 'ask|tray|quit',
      description: 'Desktop app: what closing the window does (reminders need the app running)',
    },
  },
  run: (context, values) => {
    const hour = values['reminder-hour']
    const quiet = values['quiet-hours']
    const flag = (text: string | undefined) => (text === undefined ? undefined : flagValue(text))
    const given = {
      homeCurrency: values['home-currency'],
      timeZone: values['time-zone'],
      // Non-numbers and malformed values go on on purpose: the contract's schema refuses them with a form's message.
      reminderHour: hour === undefined ? undefined : (hourValue(hour) as number),
      quietHours: quiet === undefined ? undefined : (quietValue(quiet) as { start: string; end: string } | null),
      trayIcon: flag(values.tray) as boolean | undefined,
      startAtLogin: flag(values['start-at-login']) as boolean | undefined,
      closeToTray: values['close-to-tray'] as 'ask' | 'tray' | 'quit' | undefined,
    }
    const patch = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined))
    if (Object.keys(patch).length === 0) {
      throw new UsageError(
        'give at least one of --home-currency, --time-zone, --reminder-hour, --quiet-hours, --tray, --start-at-login, --close-to-tray',
        'settings set',
      )
    }
    return callAndRespond(context, 'settings set', 'settings.set', patch, { flags: FLAGS, human: lines })
  },
})
