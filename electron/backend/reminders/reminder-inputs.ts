import { DEFAULT_WINDOW } from '@shared/ledger/burn-rate'
import { forecast } from '@shared/ledger/forecast'
import type { ProgramFact } from '@shared/ledger/model'
import type { LotResult, Notice } from '@shared/ledger/results'
import { amountView } from '@shared/money/amount-view'
import { parseDecimal } from '@shared/money/decimal'
import { mergeRules, reminderRulesPatch, type ReminderRulesPatch } from '@shared/reminders/rules'
import type {
  AccountReminderInput,
  DeliveryPreferences,
  PeriodUsageInput,
  ReminderRules,
  RenewalInput,
} from '@shared/reminders/types'
import { DAY_MS } from '@shared/time/calendar'
import { preparedFor } from '../db/statements'
import type { AccountLedger } from '../ledger/account-ledger'
import type { ServiceContext } from '../services/context'
import { getSettings } from '../services/settings-service'
import { ledgersForPace } from '../services/views/forecast'
import { loadPrograms, periodStarts } from '../services/views/payments'
import { money } from '../services/views/view-amounts'
import { viewAccounts, type ViewAccount } from '../services/views/view-accounts'

/**
 * What reminder evaluation needs, gathered from the ledger at `now` (issue 6 §1): the forecast's expiring lots (only
 * credit it says will be left), live trial lots, each paid plan's next renewal, the current period of each
 * allowance with when it crossed each threshold, the balance, and the notices of the replay.
 */

/** Renewals are looked for this far ahead (past the longest lead a rule may set). */
const RENEWAL_LOOKAHEAD_MS = 400 * DAY_MS

export const deliveryPreferences = (ctx: ServiceContext): DeliveryPreferences => {
  const settings = getSettings(ctx)
  return { timeZone: settings.timeZone, hour: settings.reminderHour, quietHours: settings.quietHours }
}

/** Per-account overrides (reminder_account_rules), re-validated on read: a bad row means "no override". */
export const accountOverrides = (ctx: ServiceContext): Map<number, ReminderRulesPatch> => {
  const rows = preparedFor(ctx.db)('SELECT account_id, rules FROM reminder_account_rules').all() as {
    account_id: number
    rules: string
  }[]
  const overrides = new Map<number, ReminderRulesPatch>()
  for (const row of rows) {
    const parsed = reminderRulesPatch.safeParse(JSON.parse(row.rules))
    if (parsed.success) overrides.set(row.account_id, parsed.data)
  }
  return overrides
}

const renewalOf = (program: ProgramFact, now: number): RenewalInput | null => {
  const price = program.costPerPeriod ?? program.totalCost ?? null
  if (price === null || price.amount <= 0) return null
  const next = periodStarts(program, now + 1, now + RENEWAL_LOOKAHEAD_MS).find(({ k }) => k > 0)
  if (next === undefined) return null
  // A plan paid up front charges nothing at its later periods: only plans paid per period renew with a price.
  const charged = program.costPerPeriod !== null && program.totalCost === undefined
  return {
    programId: program.id,
    name: program.name,
    periodIndex: next.k,
    at: next.at,
    price: charged ? money(price.amount, price.currency) : null,
  }
}

/** When the period lot's consumption first reached each percent (consume entries are per UTC day). */
const crossings = (lot: LotResult, percents: readonly number[]): Record<number, number> => {
  const crossed: Record<number, number> = {}
  if (lot.granted <= 0) return crossed
  let used = 0
  for (const entry of lot.history) {
    if (entry.type !== 'consume') continue
    used += entry.amount
    for (const percent of percents) {
      if (crossed[percent] === undefined && used * 100 >= lot.granted * percent) crossed[percent] = entry.at
    }
  }
  return crossed
}

const currentPeriods = (
  ledger: AccountLedger,
  programs: readonly ProgramFact[],
  rules: ReminderRules,
  now: number,
): PeriodUsageInput[] =>
  programs.flatMap((program) => {
    if (program.amountPerPeriod <= 0) return []
    const lot = ledger.result.lots.find(
      (candidate) =>
        candidate.programId === program.id &&
        candidate.periodIndex !== null &&
        candidate.parentLotId === null &&
        candidate.effectiveAt <= now &&
        (candidate.expiresAt === null || candidate.expiresAt > now),
    )
    if (lot === undefined || lot.periodIndex === null) return []
    return [
      {
        programId: program.id,
        name: program.name,
        periodIndex: lot.periodIndex,
        periodStart: lot.effectiveAt,
        periodEnd: lot.expiresAt ?? now + RENEWAL_LOOKAHEAD_MS,
        grantedMinor: lot.granted,
        consumedMinor: lot.consumed,
        crossedAt: crossings(lot, rules.thresholdPercents),
      },
    ]
  })

/** Since when the balance has been below the rule's amount: from the latest credit that arrived (a top-up re-arms). */
const belowSince = (account: ViewAccount, ledger: AccountLedger, rules: ReminderRules, now: number): number | null => {
  if (rules.lowBalanceBelow === null) return null
  const limit = parseDecimal(rules.lowBalanceBelow, account.scale, 'half-even')
  if (!limit.ok || ledger.result.balance.balance >= limit.value) return null
  let since = 0
  for (const lot of ledger.result.lots) if (lot.effectiveAt <= now && lot.effectiveAt > since) since = lot.effectiveAt
  return since
}

const inputFor = (
  account: ViewAccount,
  ledger: AccountLedger,
  programs: readonly ProgramFact[],
  rules: ReminderRules,
  now: number,
): AccountReminderInput => {
  const view = (minor: number) => amountView(minor, account.ref.unitId, account.scale)
  const outlook = forecast(ledger.facts, { now, window: DEFAULT_WINDOW, checkpoint: ledger.result.state })
  const notices = ledger.result.notices.filter((notice) => notice.at <= now)
  const ofKind = <K extends Notice['kind']>(kind: K) =>
    notices.filter((notice): notice is Extract<Notice, { kind: K }> => notice.kind === kind)
  return {
    accountId: account.ref.id,
    accountName: account.ref.name,
    vendorName: account.ref.vendorName,
    rules,
    expiring: outlook.expiring
      .filter((lot) => lot.existsNow && lot.unused > 0)
      .map((lot) => ({
        lotId: lot.lotId,
        kind: lot.kind,
        expiresAt: lot.expiresAt,
        unused: view(lot.unused),
        value: lot.value === null ? null : money(lot.value.amount, lot.value.currency),
      })),
    trials: ledger.result.lots
      .filter((lot) => lot.kind === 'trial' && lot.status === 'active' && lot.expiresAt !== null && lot.expiresAt > now)
      .map((lot) => ({ lotId: lot.id, expiresAt: lot.expiresAt ?? now, remaining: view(lot.remaining) })),
    renewals: programs.flatMap((program) => renewalOf(program, now) ?? []),
    periods: currentPeriods(ledger, programs, rules, now),
    balance: { now: view(ledger.result.balance.balance), belowSince: belowSince(account, ledger, rules, now) },
    rechargeBlocked: ofKind('recharge_blocked').map((n) => ({ ruleId: n.ruleId, month: n.month, at: n.at })),
    negativeBalance: ofKind('negative_balance').map((n) => ({ at: n.at, debt: view(n.debt) })),
    drift: ofKind('drift').map((n) => ({
      observationId: n.observationId,
      at: n.at,
      observed: view(n.observed),
      model: view(n.model),
    })),
  }
}

/** Every account's reminder input at `now`. */
export const reminderInputs = (ctx: ServiceContext, now: number): AccountReminderInput[] => {
  const accounts = viewAccounts(ctx)
  const ledgers = ledgersForPace(ctx, accounts, now, DEFAULT_WINDOW)
  const global = getSettings(ctx).reminderRules
  const overrides = accountOverrides(ctx)
  const programs = new Map<number, ProgramFact[]>()
  for (const { accountId, program } of loadPrograms(ctx)) {
    programs.set(accountId, [...(programs.get(accountId) ?? []), program])
  }
  return accounts.flatMap((account) => {
    const ledger = ledgers.get(account.ref.id)
    if (ledger === undefined) return []
    const rules = mergeRules(global, overrides.get(account.ref.id))
    return [inputFor(account, ledger, programs.get(account.ref.id) ?? [], rules, now)]
  })
}
