import { describe, expect, it } from 'vitest'
import { fieldErrors } from '@shared/api/validate'
import {
  clockMinutes,
  DEFAULT_REMINDER_RULES,
  deliveryPreferencesSchema,
  mergeRules,
  quietHoursSchema,
  reminderRulesPatch,
  reminderRulesSchema,
} from '@shared/reminders/rules'

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0])

describe('reminder rules', () => {
  it('has the issue 6 defaults, and they validate as they are', () => {
    expect(DEFAULT_REMINDER_RULES).toEqual({
      expiryLeadDays: [30, 7, 1],
      renewalLeadDays: [3],
      trialLeadDays: [3, 1],
      thresholdPercents: [75, 85, 90, 100],
      lowBalanceBelow: null,
      rechargeBlocked: true,
      negativeBalance: true,
      drift: true,
    })
    expect(reminderRulesSchema.parse(DEFAULT_REMINDER_RULES)).toEqual(DEFAULT_REMINDER_RULES)
  })

  it.each([
    [{ expiryLeadDays: [1, 30, 7, 7, 1] }, { expiryLeadDays: [30, 7, 1] }],
    [{ expiryLeadDays: [] }, { expiryLeadDays: [] }],
    [{ renewalLeadDays: [365, 1] }, { renewalLeadDays: [365, 1] }],
    [{ trialLeadDays: [2, 2, 2, 2, 2, 2, 2, 2] }, { trialLeadDays: [2] }],
    [{ thresholdPercents: [100, 50, 50, 1] }, { thresholdPercents: [1, 50, 100] }],
    [{ lowBalanceBelow: ' 010.50 ' }, { lowBalanceBelow: '10.5' }],
    [{ lowBalanceBelow: '1e2' }, { lowBalanceBelow: '100' }],
    [{ lowBalanceBelow: '0.000001' }, { lowBalanceBelow: '0.000001' }],
    [{ lowBalanceBelow: '0' }, { lowBalanceBelow: '0' }],
    [{ lowBalanceBelow: null }, { lowBalanceBelow: null }],
    [{ drift: false }, { drift: false }],
  ])('patch %j → %j (deduplicated, leads farthest first, percents lowest first)', (input, parsed) => {
    expect(reminderRulesPatch.parse(input)).toEqual(parsed)
  })

  it.each([
    [{ expiryLeadDays: [0] }, { 'expiryLeadDays.0': 'Expiry lead days must be whole numbers of days from 1 to 365' }],
    [{ expiryLeadDays: [366] }, { 'expiryLeadDays.0': 'Expiry lead days must be whole numbers of days from 1 to 365' }],
    [
      { renewalLeadDays: [1.5] },
      { 'renewalLeadDays.0': 'Renewal lead days must be whole numbers of days from 1 to 365' },
    ],
    [{ trialLeadDays: ['3'] }, { 'trialLeadDays.0': 'Trial lead days must be whole numbers of days from 1 to 365' }],
    [{ trialLeadDays: 3 }, { trialLeadDays: 'Trial lead days must be a list of whole numbers' }],
    [{ expiryLeadDays: [1, 2, 3, 4, 5, 6, 7] }, { expiryLeadDays: 'Expiry lead days: at most 6 different values' }],
    [
      { thresholdPercents: [0] },
      { 'thresholdPercents.0': 'Usage thresholds must be whole numbers of percent from 1 to 100' },
    ],
    [
      { thresholdPercents: [101] },
      { 'thresholdPercents.0': 'Usage thresholds must be whole numbers of percent from 1 to 100' },
    ],
    [
      { thresholdPercents: [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100] },
      { thresholdPercents: 'Usage thresholds: at most 10 different values' },
    ],
    [{ lowBalanceBelow: 10.5 }, { lowBalanceBelow: expect.stringContaining('Low balance amount must be a decimal') }],
    [{ lowBalanceBelow: '' }, { lowBalanceBelow: expect.stringContaining('Low balance amount must be a decimal') }],
    [{ lowBalanceBelow: '1,000' }, { lowBalanceBelow: expect.stringMatching(/^Low balance amount .*comma/) }],
    [
      { lowBalanceBelow: '0.0000001' },
      { lowBalanceBelow: expect.stringMatching(/^Low balance amount .*6 decimal places/) },
    ],
    [{ lowBalanceBelow: '-5' }, { lowBalanceBelow: expect.stringContaining('Low balance amount must be 0 or more') }],
    [{ rechargeBlocked: 'yes' }, { rechargeBlocked: 'Recharge blocked reminder must be true or false' }],
    [{ expiryLeadDay: [7] }, { _: expect.stringContaining('expiryLeadDay') }],
  ])('patch %j → %j', (input, errors) => {
    expect(errorsOf(reminderRulesPatch.safeParse(input))).toEqual(errors)
  })

  it('needs every field in the global rules', () => {
    const { drift: _, ...withoutDrift } = DEFAULT_REMINDER_RULES
    expect(errorsOf(reminderRulesSchema.safeParse(withoutDrift))).toEqual({
      drift: 'Drift reminder must be true or false',
    })
  })

  it('merges an account override over the global rules: absent keys inherit, null turns low balance off', () => {
    const global = { ...DEFAULT_REMINDER_RULES, lowBalanceBelow: '5' }
    expect(mergeRules(global, null)).toEqual(global)
    expect(mergeRules(global, undefined)).toEqual(global)
    expect(mergeRules(global, {})).toEqual(global)
    expect(mergeRules(global, reminderRulesPatch.parse({ expiryLeadDays: [14], lowBalanceBelow: null }))).toEqual({
      ...global,
      expiryLeadDays: [14],
      lowBalanceBelow: null,
    })
    expect(mergeRules(global, { drift: undefined, negativeBalance: false })).toEqual({
      ...global,
      negativeBalance: false,
    })
  })
})

describe('delivery preferences', () => {
  it.each([
    ['22:00', 1320],
    ['7:05', 425],
    ['00:00', 0],
    ['23:59', 1439],
    ['24:00', undefined],
    ['12:60', undefined],
    ['1200', undefined],
    ['', undefined],
  ])('clock time %j is %j minutes after midnight', (text, minutes) => {
    expect(clockMinutes(text)).toBe(minutes)
  })

  it('normalizes quiet hours and lets them wrap midnight', () => {
    expect(quietHoursSchema.parse({ start: '22:00', end: '7:00' })).toEqual({ start: '22:00', end: '07:00' })
    expect(quietHoursSchema.parse({ start: '12:00', end: '13:30' })).toEqual({ start: '12:00', end: '13:30' })
  })

  it.each([
    [{ start: '22:00', end: '22:00' }, { end: 'Quiet hours must end at another time than they start' }],
    [{ start: '22:00', end: '07:00 ' }, {}],
    [{ start: '24:00', end: '07:00' }, { start: 'Quiet hours start must be a time from 00:00 to 23:59, e.g. 22:00' }],
    [{ start: '22:00' }, { end: 'Quiet hours end is required (HH:MM)' }],
    [{ start: '22:00', end: '07:00', days: 'all' }, { _: expect.stringContaining('days') }],
  ])('quiet hours %j → %j', (input, errors) => {
    expect(errorsOf(quietHoursSchema.safeParse(input))).toEqual(errors)
  })

  it('validates the whole preferences object', () => {
    const good = { timeZone: 'Europe/Berlin', hour: 9, quietHours: { start: '22:00', end: '07:00' } }
    expect(deliveryPreferencesSchema.parse(good)).toEqual(good)
    expect(deliveryPreferencesSchema.parse({ ...good, quietHours: null })).toEqual({ ...good, quietHours: null })
    expect(errorsOf(deliveryPreferencesSchema.safeParse({ ...good, hour: 24, timeZone: 'Berlin' }))).toEqual({
      hour: 'Reminder hour must be from 0 to 23',
      timeZone: expect.stringContaining('Unknown time zone'),
    })
    expect(errorsOf(deliveryPreferencesSchema.safeParse({ ...good, hour: 8.5 }))).toEqual({
      hour: 'Reminder hour must be a whole number from 0 to 23',
    })
  })
})
