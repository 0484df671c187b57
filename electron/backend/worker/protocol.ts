import type { PushEventName, PushEvents } from '@shared/api/events'
import type { Result } from '@shared/api/result'

/** Messages between a host thread (Electron main or serve) and the backend worker, over the worker's MessagePort. */

export type HostMessage =
  | {
      readonly kind: 'call'
      readonly id: number
      readonly method: string
      readonly input: unknown
    }
  | { readonly kind: 'register-file'; readonly id: number; readonly path: string; readonly name?: string }
  /** The machine woke from sleep (or the clock jumped): reminders are evaluated again now. */
  | { readonly kind: 'wake' }
  | { readonly kind: 'close' }

export type WorkerMessage =
  | { readonly kind: 'ready'; readonly status: BackendStatus }
  | {
      readonly kind: 'result'
      readonly id: number
      readonly result: Result<unknown>
    }
  | {
      readonly kind: 'event'
      readonly name: PushEventName
      readonly payload: PushEvents[PushEventName]
    }
  | { readonly kind: 'closed' }
  | { readonly kind: 'fatal'; readonly message: string }

/** How the database opened: usable, or refused with the reason every call will answer. */
export type BackendStatus =
  | { readonly state: 'ok'; readonly schemaVersion: number }
  | { readonly state: 'corrupt'; readonly problems: readonly string[] }
  | {
      readonly state: 'too-new'
      readonly fileVersion: number
      readonly codeVersion: number
    }

export interface WorkerOptions {
  readonly dbPath: string
  /** Run PRAGMA quick_check at open (the app and serve do; the CLI does not). */
  readonly quickCheck: boolean
  /** Take a daily backup at start-up (the app and serve do). */
  readonly dailyBackup: boolean
  readonly appVersion: string
  /** How often to look for writes by another process (PRAGMA data_version), in ms; 0 disables. */
  readonly externalPollMs: number
  /** Run the reminder scheduler (the app and serve do; a one-shot CLI command does not). */
  readonly reminders?: boolean
}
