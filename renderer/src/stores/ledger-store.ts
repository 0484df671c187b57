import { create } from 'zustand'
import type { AccountReminderRules } from '@shared/api/types/reminders'
import type { AccountBalance, LotHistory } from '@shared/api/types/views'
import { reminderRulesPatch, type ReminderRulesInput, type ReminderRulesPatch } from '@shared/reminders/rules'
import type { ReminderRules } from '@shared/reminders/types'
import { IDLE, validateWith, type Operation } from './operations'
import { isGlobalError, request } from './request'

/**
 * What the account and lot pages read: one account's balance and lots, its reminder rules, one lot's history.
 * Kept by id so going back and forth shows the last answer at once while it refreshes; every `ledger.changed`
 * refreshes what is held (see sync.ts).
 */

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: string; readonly notFound: boolean }

export interface AccountPageData {
  readonly balance: AccountBalance
  readonly rules: AccountReminderRules
}

export interface LedgerState {
  readonly accounts: Readonly<Record<number, Loaded<AccountPageData>>>
  readonly lots: Readonly<Record<string, Loaded<LotHistory>>>
  readonly savingRules: Readonly<Record<number, Operation>>
  readonly loadAccount: (accountId: number) => Promise<void>
  readonly loadLot: (lotId: string) => Promise<void>
  /** Reload everything held: the ledger changed. */
  readonly refresh: () => Promise<void>
  /**
   * Give an account its own rules (null: follow the global ones). The form's values are validated by the shared
   * patch schema; only what differs from the global rules is kept, so the rest keeps following them.
   */
  readonly saveRules: (accountId: number, rules: ReminderRulesInput | null, global: ReminderRules) => Promise<boolean>
  readonly resetRules: (accountId: number) => void
}

const failed = (message: string, code: string): Loaded<never> => ({
  status: 'failed',
  error: message,
  notFound: code === 'NOT_FOUND',
})

/** The rules that differ from the global ones (lists are normalized by the schema, so order does not matter). */
const differences = (rules: ReminderRulesPatch, global: ReminderRules): ReminderRulesPatch | null => {
  const changed = Object.entries(rules).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(global[key as keyof ReminderRules]),
  )
  return changed.length === 0 ? null : Object.fromEntries(changed)
}

export const useLedgerStore = create<LedgerState>()((set, get) => {
  const putAccount = (accountId: number, loaded: Loaded<AccountPageData>): void => {
    set({ accounts: { ...get().accounts, [accountId]: loaded } })
  }
  const putLot = (lotId: string, loaded: Loaded<LotHistory>): void => {
    set({ lots: { ...get().lots, [lotId]: loaded } })
  }

  return {
    accounts: {},
    lots: {},
    savingRules: {},

    loadAccount: async (accountId) => {
      if (get().accounts[accountId]?.status !== 'ready') putAccount(accountId, { status: 'loading' })
      const [balances, rules] = await Promise.all([
        request('ledger.balances', { accountId, lots: 'all' }),
        request('reminders.accountRules', { accountId }),
      ])
      if (!balances.ok) return putAccount(accountId, failed(balances.error.message, balances.error.code))
      if (!rules.ok) return putAccount(accountId, failed(rules.error.message, rules.error.code))
      const balance = balances.value.accounts.find((account) => account.account.id === accountId)
      if (balance === undefined) return putAccount(accountId, failed('No such account', 'NOT_FOUND'))
      putAccount(accountId, { status: 'ready', value: { balance, rules: rules.value } })
    },

    loadLot: async (lotId) => {
      if (get().lots[lotId]?.status !== 'ready') putLot(lotId, { status: 'loading' })
      const result = await request('lots.history', { lot: lotId })
      putLot(
        lotId,
        result.ok ? { status: 'ready', value: result.value } : failed(result.error.message, result.error.code),
      )
    },

    refresh: async () => {
      const { accounts, lots, loadAccount, loadLot } = get()
      await Promise.all([
        ...Object.keys(accounts).map((id) => loadAccount(Number(id))),
        ...Object.keys(lots).map((id) => loadLot(id)),
      ])
    },

    saveRules: async (accountId, rules, global) => {
      const setSaving = (operation: Operation): void => {
        set({ savingRules: { ...get().savingRules, [accountId]: operation } })
      }
      const invalid = rules === null ? null : validateWith(reminderRulesPatch, rules)
      if (invalid !== null) {
        setSaving({ pending: false, error: invalid })
        return false
      }
      setSaving({ pending: true, error: null })
      const patch = rules === null ? null : differences(reminderRulesPatch.parse(rules), global)
      const result = await request('reminders.setAccountRules', { accountId, rules: patch })
      if (!result.ok) {
        setSaving(isGlobalError(result.error.code) ? IDLE : { pending: false, error: result.error })
        return false
      }
      setSaving(IDLE)
      const current = get().accounts[accountId]
      if (current?.status === 'ready')
        putAccount(accountId, { status: 'ready', value: { ...current.value, rules: result.value } })
      return true
    },

    resetRules: (accountId) => {
      set({ savingRules: { ...get().savingRules, [accountId]: IDLE } })
    },
  }
})
