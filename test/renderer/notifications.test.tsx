import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PushEvents } from '@shared/api/events'
import { notifyReminder } from '../../renderer/src/lib/browser-notifications'
import { FakeLedger } from './support/fake-ledger'
import { openStream, serveOverHttp } from './support/http-fake'
import { push, renderApp } from './support/render-app'

/** The browser's Notification, with a permission the test sets and every notification kept. */
class StubNotification extends EventTarget {
  static permission: NotificationPermission = 'default'
  static readonly shown: StubNotification[] = []
  static readonly requestPermission = vi.fn(() => Promise.resolve(StubNotification.permission))
  closed = false
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    super()
    StubNotification.shown.push(this)
  }
  close(): void {
    this.closed = true
  }
}

const FIRED: PushEvents['reminders.fired'] = {
  title: '50.00 USD of API credits expire in 5 days',
  body: 'Worth 50.00 USD.',
  link: { view: 'lot', accountId: 2, lotId: 'P3#5' },
  keys: ['expiry:A2:P3#5:7:2026-11-27T10:00:00.000Z'],
}

/** Whether the user is looking at the page: its visibility and the window's focus. */
const setAttention = (visibility: DocumentVisibilityState, focused: boolean): void => {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visibility)
  vi.spyOn(document, 'hasFocus').mockReturnValue(focused)
}

beforeEach(() => {
  StubNotification.permission = 'default'
  StubNotification.shown.length = 0
  StubNotification.requestPermission.mockClear()
  vi.stubGlobal('Notification', StubNotification)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('browser notifications (serve mode)', () => {
  it('shows a fired reminder when permission is granted and the page is hidden; a click opens its link', () => {
    StubNotification.permission = 'granted'
    setAttention('hidden', false)
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined)
    const shown = notifyReminder(FIRED)
    expect(shown).not.toBeNull()
    expect(StubNotification.shown.map((n) => [n.title, n.options])).toEqual([
      [FIRED.title, { body: FIRED.body, tag: FIRED.keys[0] }],
    ])
    StubNotification.shown[0]?.dispatchEvent(new Event('click'))
    expect(focus).toHaveBeenCalled()
    expect(window.location.hash).toBe('#/accounts/2/lots/P3%235')
    expect(StubNotification.shown[0]?.closed).toBe(true)
  })

  it('also when the page is visible but another window has the focus', () => {
    StubNotification.permission = 'granted'
    setAttention('visible', false)
    expect(notifyReminder(FIRED)).not.toBeNull()
  })

  it('shows nothing while the user is looking at the page (the inbox badge says it)', () => {
    StubNotification.permission = 'granted'
    setAttention('visible', true)
    expect(notifyReminder(FIRED)).toBeNull()
    expect(StubNotification.shown).toHaveLength(0)
  })

  it('shows nothing when permission was denied or not given', () => {
    setAttention('hidden', false)
    StubNotification.permission = 'denied'
    expect(notifyReminder(FIRED)).toBeNull()
    StubNotification.permission = 'default'
    expect(notifyReminder(FIRED)).toBeNull()
    expect(StubNotification.shown).toHaveLength(0)
  })

  it('asks the browser from the settings screen, and shows a reminder pushed over /events', async () => {
    const fake = new FakeLedger()
    serveOverHttp(fake)
    window.location.hash = '#/settings'
    const { user } = await renderApp(fake, { transport: 'http' })
    expect(await screen.findByText(/not to this browser tab/)).toBeTruthy()
    StubNotification.permission = 'granted'
    await user.click(screen.getByRole('button', { name: 'Show browser notifications' }))
    expect(StubNotification.requestPermission).toHaveBeenCalledOnce()
    expect(await screen.findByText(/shows reminders as notifications/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Show browser notifications' })).toBeNull()

    setAttention('hidden', false)
    await act(async () => {
      openStream().fire('reminders.fired', FIRED)
      await Promise.resolve()
    })
    expect(StubNotification.shown.map((n) => n.title)).toEqual([FIRED.title])
    // The inbox is read again, so the badge is up to date when the user comes back.
    await waitFor(() => {
      expect(fake.callsOf('reminders.inbox').length).toBeGreaterThan(1)
    })
  })

  it('says so when the browser blocks notifications', async () => {
    const fake = new FakeLedger()
    serveOverHttp(fake)
    StubNotification.permission = 'denied'
    window.location.hash = '#/settings'
    await renderApp(fake, { transport: 'http' })
    expect(await screen.findByText(/blocks notifications from Credit Ledger/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Show browser notifications' })).toBeNull()
  })

  it('never shows a browser notification in the desktop app: the main process shows native ones', async () => {
    StubNotification.permission = 'granted'
    setAttention('hidden', false)
    const fake = new FakeLedger()
    await renderApp(fake)
    await push(fake, 'reminders.fired', FIRED)
    expect(StubNotification.shown).toHaveLength(0)
    expect(notifyReminder(FIRED)).toBeNull()
  })
})
