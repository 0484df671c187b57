import { act, cleanup, render, type RenderResult } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach } from 'vitest'
import { App } from '../../../renderer/src/App'
import { useAppStore } from '../../../renderer/src/stores/app-store'
import { useCatalogStore } from '../../../renderer/src/stores/catalog-store'
import { FakeLedger } from './fake-ledger'

// Stores are module singletons: put them back as they were created after every test.
const initialApp = useAppStore.getState()
const initialCatalog = useCatalogStore.getState()

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(window, 'ledger')
  window.location.hash = ''
  useAppStore.setState(initialApp, true)
  useCatalogStore.setState(initialCatalog, true)
})

export interface RenderedApp extends RenderResult {
  readonly fake: FakeLedger
  readonly user: UserEvent
}

/** Install `fake` as `window.ledger`, render the whole app, and let the first load settle. */
export async function renderApp(fake: FakeLedger = new FakeLedger()): Promise<RenderedApp> {
  Reflect.set(window, 'ledger', fake.api)
  const user = userEvent.setup()
  let view: RenderResult | undefined
  await act(async () => {
    view = render(<App />)
    await Promise.resolve()
  })
  if (view === undefined) throw new Error('render did not run')
  return { ...view, fake, user }
}

/** Deliver a push event inside act(), as the preload would. */
export async function push(fake: FakeLedger): Promise<void> {
  await act(async () => {
    fake.emit('ledger.changed', { origin: 'external' })
    await Promise.resolve()
  })
}

/** The text of the elements an input's aria-describedby points at (its error and hint). */
export function describedText(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '')
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}
