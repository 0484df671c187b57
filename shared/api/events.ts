import type { NotificationText } from '../reminders/types'

/** Push events from the backend to every view. */
export interface PushEvents {
  /** Facts changed: by this app (`local`) or by another process on the same database file (`external`, e.g. the CLI). */
  readonly 'ledger.changed': {
    readonly origin: 'local' | 'external'
    readonly method?: string
  }
  /** Reminders became due and were claimed: one reminder, or several as one digest (issue 6 §3). */
  readonly 'reminders.fired': {
    readonly title: string
    readonly body: string
    readonly link: NotificationText['link']
    readonly keys: readonly string[]
  }
  /** Desktop only, from the main process: the user clicked a notification (or the tray): show what it is about. */
  readonly 'reminders.open': { readonly link: NotificationText['link'] }
}
export type PushEventName = keyof PushEvents
export const PUSH_EVENT_NAMES = [
  'ledger.changed',
  'reminders.fired',
  'reminders.open',
] as const satisfies readonly PushEventName[]

export const isPushEventName = (value: unknown): value is PushEventName =>
  typeof value === 'string' && (PUSH_EVENT_NAMES as readonly string[]).includes(value)
