import { act, cleanup, render, type RenderResult } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach } from 'vitest'
import { App } from '../../../renderer/src/App'
import { useAppStore } from '../../../renderer/src/stores/app-store'
import { useCatalogStore } from '../../../renderer/src/stores/catalog-store'
import { useLedgerStore } from '../../../renderer/src/stores/ledger-store'
import { useRemindersStore } from '../../../renderer/src/stores/reminders-store'
import { useSettingsStore } from '../../../renderer/src/stores/settings-store'
import type { PushEventName, PushEvents } from '@shared/api/events'
import { FakeLedger } from './fake-ledger'

// Stores are module singletons: put them back as they were created after every test.
const initialApp = useAppStore.getState()
const initialCatalog = useCatalogStore.getState()
const initialReminders = useRemindersStore.getState()
const initialSettings = useSettingsStore.getState()
const initialLedger = useLedgerStore.getState()

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(window, 'ledger')
  window.location.hash = ''
  useAppStore.setState(initialApp, true)
  useCatalogStore.setState(initialCatalog, true)
  useRemindersStore.setState(initialReminders, true)
  useSettingsStore.setState(initialSettings, true)
  useLedgerStore.setState(initialLedger, true)
})

export interface RenderedApp extends RenderResult {
  readonly fake: FakeLedger
  readonly user: UserEvent
}

/**
 * Install `fake` as `window.ledger` (the desktop app), or leave it out when the test serves it over HTTP (see
 * http-fake.ts), render the whole app, and let the first load settle.
 */
export async function renderApp(
  fake: FakeLedger = new FakeLedger(),
  options: { readonly transport?: 'desktop' | 'http' } = {},
): Promise<RenderedApp> {
  if (options.transport !== 'http') Reflect.set(window, 'ledger', fake.api)
  const user = userEvent.setup()
  let view: RenderResult | undefined
  await act(async () => {
    view = render(<App />)
    await Promise.resolve()
  })
  if (view === undefined) throw new Error('render did not run')
  return { ...view, fake, user }
}

/** Deliver a push event inside act(), as the preload would (default: another process changed the ledger). */
export async function push<E extends PushEventName = 'ledger.changed'>(
  fake: FakeLedger,
  event?: E,
  payload?: PushEvents[E],
): Promise<void> {
  await act(async () => {
    if (event === undefined || payload === undefined) fake.emit('ledger.changed', { origin: 'external' })
    else fake.emit(event, payload)
    await Promise.resolve()
  })
}

/** The text of the elements an input's aria-describedby points at (its error and hint). */
export function describedText(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '')
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}
