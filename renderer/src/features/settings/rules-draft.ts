import type { ReminderRulesInput } from '@shared/reminders/rules'
import type { ReminderRules } from '@shared/reminders/types'

/**
 * Reminder rules as a form edits them: lists as text ("30, 7, 1"), the low-balance amount as text (empty = off).
 * The text goes to the shared zod schema as it is (a word becomes NaN), so the form shows the schema's own messages.
 */
export interface RulesDraft {
  readonly expiryLeadDays: string
  readonly renewalLeadDays: string
  readonly trialLeadDays: string
  readonly thresholdPercents: string
  readonly lowBalanceBelow: string
  readonly rechargeBlocked: boolean
  readonly negativeBalance: boolean
  readonly drift: boolean
}

export type RulesField = keyof RulesDraft

export const RULES_FIELDS: readonly RulesField[] = [
  'expiryLeadDays',
  'renewalLeadDays',
  'trialLeadDays',
  'thresholdPercents',
  'lowBalanceBelow',
  'rechargeBlocked',
  'negativeBalance',
  'drift',
]

const listText = (values: readonly number[]): string => values.join(', ')

export const rulesDraft = (rules: ReminderRules): RulesDraft => ({
  expiryLeadDays: listText(rules.expiryLeadDays),
  renewalLeadDays: listText(rules.renewalLeadDays),
  trialLeadDays: listText(rules.trialLeadDays),
  thresholdPercents: listText(rules.thresholdPercents),
  lowBalanceBelow: rules.lowBalanceBelow ?? '',
  rechargeBlocked: rules.rechargeBlocked,
  negativeBalance: rules.negativeBalance,
  drift: rules.drift,
})

/** "30, 7 1" → [30, 7, 1]; anything but an integer becomes NaN, which the schema refuses with its range message. */
export const parseList = (text: string): number[] =>
  text
    .split(/[\s,;]+/)
    .filter((token) => token !== '')
    .map((token) => (/^-?\d+$/.test(token) ? Number(token) : Number.NaN))

export const rulesInput = (draft: RulesDraft): ReminderRulesInput => ({
  expiryLeadDays: parseList(draft.expiryLeadDays),
  renewalLeadDays: parseList(draft.renewalLeadDays),
  trialLeadDays: parseList(draft.trialLeadDays),
  thresholdPercents: parseList(draft.thresholdPercents),
  lowBalanceBelow: draft.lowBalanceBelow.trim() === '' ? null : draft.lowBalanceBelow,
  rechargeBlocked: draft.rechargeBlocked,
  negativeBalance: draft.negativeBalance,
  drift: draft.drift,
})
