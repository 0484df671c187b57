import type { Instant } from '../ledger/model'
import type { AmountView } from '../money/amount-view'
import { isoInstant } from '../time/iso-instant'
import { eventDueAt, leadDueAt } from './due-time'
import {
  accountLabel,
  driftWords,
  expiryWords,
  lowBalanceWords,
  negativeBalanceWords,
  rechargeBlockedWords,
  renewalWords,
  thresholdWords,
  trialWords,
  type ReminderWords,
} from './reminder-text'
import type { AccountReminderInput, DeliveryPreferences, Reminder, ReminderKind, ReminderLink } from './types'

/**
 * Pure evaluation (DESIGN §5, issue 6 §2): every reminder an account's current state calls for, each with a stable
 * key built from what it is about. The key is the whole identity: the log never delivers a key twice, and anything
 * that should re-arm a reminder (an edited expiry, a new period, a new low-balance episode) is part of the key.
 * Evaluation does not look at the clock: reminders already due or long past come out too, and planDelivery decides.
 */

/** AmountView minor units are a plain integer string; only a positive one is worth a reminder. */
const isPositive = (amount: AmountView): boolean => /^0*[1-9]\d*$/.test(amount.minor)

interface Parts {
  readonly key: string
  readonly group: string
  readonly rank: number
  readonly kind: ReminderKind
  readonly dueAt: Instant
  readonly eventAt: Instant
  readonly staleAt: Instant | null
  readonly words: ReminderWords
  readonly link: ReminderLink
}

export const evaluateAccount = (input: AccountReminderInput, prefs: DeliveryPreferences): Reminder[] => {
  const { accountId, rules } = input
  const zone = prefs.timeZone
  const label = accountLabel(input.vendorName, input.accountName)
  const account: ReminderLink = { view: 'account', accountId }
  const lotLink = (lotId: string): ReminderLink => ({ view: 'lot', accountId, lotId })
  const found = new Map<string, Reminder>()
  const add = ({ words, ...parts }: Parts): void => {
    if (!found.has(parts.key)) found.set(parts.key, { ...parts, accountId, title: words.title, body: words.body })
  }
  // An event is its own group: two negative-balance episodes are two things to say, not one.
  const addEvent = (kind: ReminderKind, key: string, eventAt: Instant, words: ReminderWords): void =>
    add({
      key,
      group: key,
      rank: 0,
      kind,
      dueAt: eventDueAt(eventAt, prefs),
      eventAt,
      staleAt: null,
      words,
      link: account,
    })
  const leads = (days: readonly number[]): number[] => [...new Set(days)]

  for (const lot of input.expiring) {
    // The forecast lists only lots that will be left with credits; a zero here would be a reminder about nothing.
    if (!isPositive(lot.unused)) continue
    const expires = isoInstant(lot.expiresAt)
    // The expiry instant is in the group and the key: an edited expiry is a new group whose reminders arm afresh.
    const group = `expiry:A${accountId}:${lot.lotId}:${expires}`
    const words = expiryWords(label, lot, zone)
    for (const lead of leads(rules.expiryLeadDays)) {
      add({
        key: `expiry:A${accountId}:${lot.lotId}:${lead}:${expires}`,
        group,
        rank: lead,
        kind: 'expiry',
        dueAt: leadDueAt(lot.expiresAt, lead, prefs),
        eventAt: lot.expiresAt,
        staleAt: lot.expiresAt,
        words,
        link: lotLink(lot.lotId),
      })
    }
  }

  for (const trial of input.trials) {
    const ends = isoInstant(trial.expiresAt)
    const group = `trial_end:A${accountId}:${trial.lotId}:${ends}`
    const words = trialWords(label, trial, zone)
    for (const lead of leads(rules.trialLeadDays)) {
      add({
        key: `trial_end:A${accountId}:${trial.lotId}:${lead}:${ends}`,
        group,
        rank: lead,
        kind: 'trial_end',
        dueAt: leadDueAt(trial.expiresAt, lead, prefs),
        eventAt: trial.expiresAt,
        staleAt: trial.expiresAt,
        words,
        link: lotLink(trial.lotId),
      })
    }
  }

  for (const renewal of input.renewals) {
    const group = `renewal:A${accountId}:${renewal.programId}:${renewal.periodIndex}`
    const words = renewalWords(label, renewal, zone)
    for (const lead of leads(rules.renewalLeadDays)) {
      add({
        key: `${group}:${lead}`,
        group,
        rank: lead,
        kind: 'renewal',
        dueAt: leadDueAt(renewal.at, lead, prefs),
        eventAt: renewal.at,
        staleAt: renewal.at,
        words,
        link: account,
      })
    }
  }

  for (const period of input.periods) {
    // One group per period: percents crossed together show only the highest; the next period re-arms them all.
    const group = `threshold:A${accountId}:${period.programId}:${period.periodIndex}`
    for (const percent of new Set(rules.thresholdPercents)) {
      const crossedAt = period.crossedAt[percent]
      if (crossedAt === undefined) continue
      add({
        key: `${group}:${percent}`,
        group,
        rank: 100 - percent,
        kind: 'threshold',
        dueAt: eventDueAt(crossedAt, prefs),
        eventAt: crossedAt,
        staleAt: period.periodEnd,
        words: thresholdWords(label, period, percent, zone),
        link: account,
      })
    }
  }

  const { belowSince } = input.balance
  if (rules.lowBalanceBelow !== null && belowSince !== null) {
    // belowSince in the key: a top-up ends the episode, and the next dip is a new reminder.
    addEvent(
      'low_balance',
      `low_balance:A${accountId}:${isoInstant(belowSince)}`,
      belowSince,
      lowBalanceWords(label, input.balance.now, rules.lowBalanceBelow, belowSince, zone),
    )
  }
  if (rules.rechargeBlocked) {
    for (const blocked of input.rechargeBlocked) {
      addEvent(
        'recharge_blocked',
        `recharge_blocked:A${accountId}:${blocked.ruleId}:${blocked.month}`,
        blocked.at,
        rechargeBlockedWords(label, blocked.month, blocked.at, zone),
      )
    }
  }
  if (rules.negativeBalance) {
    for (const negative of input.negativeBalance) {
      addEvent(
        'negative_balance',
        `negative_balance:A${accountId}:${isoInstant(negative.at)}`,
        negative.at,
        negativeBalanceWords(label, negative.debt, negative.at, zone),
      )
    }
  }
  if (rules.drift) {
    for (const drift of input.drift) {
      addEvent(
        'drift',
        `drift:A${accountId}:${drift.observationId}`,
        drift.at,
        driftWords(label, drift.observed, drift.model, drift.at, zone),
      )
    }
  }
  return [...found.values()]
}

export const evaluateAll = (inputs: readonly AccountReminderInput[], prefs: DeliveryPreferences): Reminder[] =>
  inputs.flatMap((input) => evaluateAccount(input, prefs))
