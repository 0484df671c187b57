import { create } from 'zustand'
import type { ApiError } from '@shared/api/result'
import type { ReminderEntry, ReminderInbox } from '@shared/api/types/reminders'
import type { SnoozeOption } from '@shared/reminders/types'
import type { LoadStatus } from './catalog-store'
import { IDLE, type Operation } from './operations'
import { isGlobalError, request } from './request'

/**
 * The reminders inbox (issue 6 §5): what was shown, newest first, with its history, and the unseen count the sidebar
 * badge shows. Every action answers the whole inbox, which replaces what is held.
 */
export interface RemindersState {
  readonly items: readonly ReminderEntry[]
  readonly unseen: number
  readonly status: LoadStatus
  readonly loadError: string | null
  /** Reminders that were new when the inbox was opened: still marked new on screen after they were marked seen. */
  readonly arrived: ReadonlySet<string>
  /** Running and failed actions by reminder key ("snooze:KEY", "dismiss:KEY", "seen"). */
  readonly operations: Readonly<Record<string, Operation>>

  /** Fetch the inbox. Calls made while a load runs are folded into one more load after it. */
  readonly load: () => Promise<void>
  /** Load, remember which reminders are new, and mark those seen: the user is looking at them. */
  readonly open: () => Promise<void>
  readonly snooze: (key: string, option: SnoozeOption) => Promise<boolean>
  readonly dismiss: (key: string) => Promise<boolean>
  /** Mark every shown reminder seen. */
  readonly markAllSeen: () => Promise<boolean>
}

export const reminderOpKey = {
  snooze: (key: string) => `snooze:${key}`,
  dismiss: (key: string) => `dismiss:${key}`,
  seen: 'seen',
} as const

const unseenKeys = (items: readonly ReminderEntry[]): string[] =>
  items.filter((item) => item.state === 'fired' && !item.seen).map((item) => item.key)

export const useRemindersStore = create<RemindersState>()((set, get) => {
  let inFlight: Promise<void> | null = null
  let again = false

  const setOperation = (key: string, operation: Operation | null): void => {
    const rest = Object.fromEntries(Object.entries(get().operations).filter(([name]) => name !== key))
    set({ operations: operation === null ? rest : { ...rest, [key]: operation } })
  }

  const accept = (inbox: ReminderInbox): void => {
    set({ items: inbox.items, unseen: inbox.unseen, status: 'ready', loadError: null })
  }

  const loadOnce = async (): Promise<void> => {
    if (get().status !== 'ready') set({ status: 'loading' })
    const result = await request('reminders.inbox', undefined)
    if (result.ok) accept(result.value)
    else set({ status: 'failed', loadError: result.error.message })
  }

  /** Run an action; its answer is the new inbox. A reminder gone meanwhile (NOT_FOUND) reloads the list. */
  const act = async (
    key: string,
    run: () => Promise<{ ok: true; value: ReminderInbox } | { ok: false; error: ApiError }>,
  ) => {
    setOperation(key, { pending: true, error: null })
    const result = await run()
    if (result.ok) {
      setOperation(key, null)
      accept(result.value)
      return true
    }
    setOperation(key, isGlobalError(result.error.code) ? null : { pending: false, error: result.error })
    if (result.error.code === 'NOT_FOUND' || result.error.code === 'CONFLICT') void get().load()
    return false
  }

  return {
    items: [],
    unseen: 0,
    status: 'idle',
    loadError: null,
    arrived: new Set(),
    operations: {},

    load: () => {
      if (inFlight !== null) {
        again = true
        return inFlight
      }
      const run = async (): Promise<void> => {
        try {
          do {
            again = false
            await loadOnce()
          } while (again)
        } finally {
          inFlight = null
        }
      }
      inFlight = run()
      return inFlight
    },

    open: async () => {
      await get().load()
      const keys = unseenKeys(get().items)
      set({ arrived: new Set(keys) })
      if (keys.length === 0) return
      // Quietly: a failure here only leaves the badge up, which the next visit corrects.
      const result = await request('reminders.seen', { keys })
      if (result.ok) accept(result.value)
    },

    snooze: (key, option) => act(reminderOpKey.snooze(key), () => request('reminders.snooze', { key, option })),
    dismiss: (key) => act(reminderOpKey.dismiss(key), () => request('reminders.dismiss', { key })),
    markAllSeen: () => act(reminderOpKey.seen, () => request('reminders.seen', undefined)),
  }
})

export const useReminderOperation = (key: string): Operation =>
  useRemindersStore((state) => state.operations[key] ?? IDLE)
