import { Menu, nativeImage, Tray } from 'electron'
import type { ReminderInbox } from '@shared/api/types/reminders'
import type { Expiring, ExpiringLotView } from '@shared/api/types/views'
import type { BackendClient } from '../backend/worker/backend-client'
import type { ReminderTarget } from './reminder-link'
import { TRAY_ICON_DATA_URL } from './tray-icon'

/**
 * The tray icon (issue 6 §4): the next expiry at a glance, the unseen reminders, and a way back to the window when
 * it was closed to the tray. Its menu is rebuilt after every ledger change and delivered reminder.
 */

export interface TrayActions {
  readonly openWindow: () => void
  readonly open: (link: ReminderTarget) => void
  readonly quit: () => void
}

export interface TrayState {
  readonly next: ExpiringLotView | null
  readonly unseen: number
  readonly timeZone: string
}

const day = (iso: string, timeZone: string): string =>
  new Date(iso).toLocaleDateString('en-US', { timeZone, month: 'short', day: 'numeric', year: 'numeric' })

export const nextExpiryLabel = (state: TrayState): string =>
  state.next === null
    ? 'No credits expire in the next year'
    : `Next expiry: ${state.next.remainingNow.value} ${state.next.remainingNow.unit} of ` +
      `${state.next.account.vendorName} · ${state.next.account.name} on ${day(state.next.expiresAt, state.timeZone)}`

export const trayMenuTemplate = (state: TrayState, actions: TrayActions) => {
  const next = state.next
  return [
    { label: 'Open Credit Ledger', click: actions.openWindow },
    { type: 'separator' as const },
    {
      label: nextExpiryLabel(state),
      enabled: next !== null,
      click: () => {
        if (next !== null) actions.open({ view: 'lot', accountId: next.account.id, lotId: next.lotId })
      },
    },
    {
      label: state.unseen === 0 ? 'Reminders' : `Reminders (${state.unseen} unseen)`,
      click: () => actions.open({ view: 'inbox' }),
    },
    { type: 'separator' as const },
    { label: 'Quit Credit Ledger', click: actions.quit },
  ]
}

/** What the tray shows, read from the backend; a failed read shows the menu without it rather than no tray. */
export const readTrayState = async (backend: BackendClient, timeZone: string): Promise<TrayState> => {
  const [expiring, inbox] = await Promise.all([
    backend.call('ledger.expiring', { within: 'P1Y' }),
    backend.call('reminders.inbox', { limit: 1 }),
  ])
  const lots = expiring.ok ? (expiring.value as Expiring).lots.filter((lot) => lot.remainingNow.minor !== '0') : []
  return {
    next: lots[0] ?? null,
    unseen: inbox.ok ? (inbox.value as ReminderInbox).unseen : 0,
    timeZone,
  }
}

export interface AppTray {
  readonly update: (state: TrayState) => void
  readonly destroy: () => void
}

export const createAppTray = (actions: TrayActions): AppTray => {
  const tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL))
  tray.setToolTip('Credit Ledger')
  // Windows and Linux open the window on a click of the icon itself; macOS shows the menu.
  tray.on('click', actions.openWindow)
  return {
    update: (state) => {
      tray.setToolTip(state.next === null ? 'Credit Ledger' : `Credit Ledger — ${nextExpiryLabel(state)}`)
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, actions)))
    },
    destroy: () => tray.destroy(),
  }
}
