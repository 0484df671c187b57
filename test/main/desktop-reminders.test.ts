import { describe, expect, it } from 'vitest'
import { IPC_EVENT_CHANNEL } from '@shared/api/client'
import { ok, type Result } from '@shared/api/result'
import type { Settings } from '@shared/settings/schemas'
import { app, BrowserWindow, dialog, Notification, powerMonitor, Tray } from '../fakes/electron'
import { boot, fakeBackend, onlyWindow, PLAIN_SETTINGS, settle, waitFor, type FakeBackend } from './support/boot'

/**
 * The desktop side of reminders (issue 6 §4) under the fake `electron`: native notifications that open what they
 * are about, the tray with the next expiry, start at login (hidden), close to tray (asked once), resume.
 */

const expiring = {
  at: '2026-11-22T09:00:00.000Z',
  until: '2027-11-22T09:00:00.000Z',
  lots: [
    {
      account: { id: 4, name: 'Personal', vendorId: 1, vendorName: 'OpenAI', unitId: 'USD', currency: 'USD' },
      lotId: 'L12',
      storedId: 12,
      kind: 'purchase',
      expiresAt: '2026-12-15T10:00:00.000Z',
      reason: 'expiry',
      remainingNow: { value: '50.00', minor: '50000000', unit: 'USD' },
      expectedUnused: { value: '50.00', minor: '50000000', unit: 'USD' },
      expectedValue: null,
      restricted: false,
    },
  ],
  expectedValue: [],
  home: null,
}

/** A backend whose settings are `settings`; it records every call (fakeBackend) and answers the tray's reads. */
const backendWith = (settings: Partial<Settings>): FakeBackend => {
  let current: Settings = { ...PLAIN_SETTINGS, ...settings }
  return fakeBackend((method, input): Promise<Result<unknown>> => {
    if (method === 'settings.get') return Promise.resolve(ok(current))
    if (method === 'settings.set') {
      current = { ...current, ...(input as Partial<Settings>) }
      return Promise.resolve(ok(current))
    }
    if (method === 'ledger.expiring') return Promise.resolve(ok(expiring))
    if (method === 'reminders.inbox') return Promise.resolve(ok({ items: [], unseen: 2 }))
    return Promise.resolve(ok({ method, input }))
  })
}

const start = async (settings: Partial<Settings> = {}, argv: readonly string[] = ['electron', '.']) => {
  const backend = backendWith(settings)
  await boot({ startWorker: () => Promise.resolve(backend), argv })
  await settle()
  return backend
}

const sentEvents = (window: BrowserWindow) =>
  window.webContents.sent.filter((message) => message.channel === IPC_EVENT_CHANNEL).map((message) => message.args[0])

describe('desktop reminders', () => {
  it('shows a native notification per delivery; a click brings the window up on what it is about', async () => {
    const backend = await start()
    const window = onlyWindow()
    window.hide()
    const link = { view: 'lot', accountId: 4, lotId: 'L12' } as const
    backend.emit('reminders.fired', { title: 'Credits expire in 7 days', body: '50.00 USD…', link, keys: ['k'] })
    expect(Notification.shown.map((n) => n.options)).toEqual([
      { title: 'Credits expire in 7 days', body: '50.00 USD…' },
    ])
    Notification.shown[0]?.emit('click')
    expect(window.isVisible()).toBe(true)
    expect(sentEvents(window)).toContainEqual({ name: 'reminders.open', payload: { link } })
  })

  it('re-evaluates reminders when the machine wakes from sleep', async () => {
    const backend = await start()
    powerMonitor.emit('resume')
    expect(backend.wakes()).toBe(1)
  })

  it('the tray shows the next expiry and the unseen reminders, and opens them', async () => {
    await start({ trayIcon: true })
    const [tray] = Tray.created
    await waitFor(() => tray?.menu !== null, 'the tray menu')
    expect(tray?.tooltip).toBe('Credit Ledger — Next expiry: 50.00 USD of OpenAI · Personal on Dec 15, 2026')
    const reminders = tray?.item(/^Reminders/)
    expect(reminders?.label).toBe('Reminders (2 unseen)')
    ;(reminders?.click as () => void)()
    expect(sentEvents(onlyWindow())).toContainEqual({ name: 'reminders.open', payload: { link: { view: 'inbox' } } })
    ;(tray?.item(/^Quit/)?.click as () => void)()
    await settle()
    expect(app.quit).toHaveBeenCalled()
  })

  it('no tray when the user turned it off', async () => {
    await start({ trayIcon: false })
    expect(Tray.created).toEqual([])
  })

  it('closing the window asks once; "keep running" hides it to the tray and remembers the answer', async () => {
    const backend = await start({ closeToTray: 'ask', trayIcon: false })
    const window = onlyWindow()
    dialog.nextMessageBox = { response: 0, checkboxChecked: false }
    window.close()
    await waitFor(() => !window.isVisible(), 'the window to hide')
    expect(window.isDestroyed()).toBe(false)
    expect(dialog.messageBoxes[0]?.message).toBe('Keep Credit Ledger running when its window is closed?')
    expect(backend.calls).toContainEqual({ method: 'settings.set', input: { closeToTray: 'tray' } })
    await waitFor(() => Tray.created.length === 1, 'a tray to get back to the window')
    // Asked once: the next close hides without a question.
    window.show()
    window.close()
    expect(dialog.messageBoxes).toHaveLength(1)
    expect(window.isVisible()).toBe(false)
    expect(app.hasQuit).toBe(false)
  })

  it('"quit" closes and quits, and is remembered', async () => {
    const backend = await start({ closeToTray: 'ask' })
    dialog.nextMessageBox = { response: 1, checkboxChecked: false }
    onlyWindow().close()
    await waitFor(() => app.hasQuit, 'the app to quit')
    expect(backend.calls).toContainEqual({ method: 'settings.set', input: { closeToTray: 'quit' } })
  })

  it('start at login registers a hidden start; a hidden start opens no window but the tray', async () => {
    await start({ startAtLogin: true, trayIcon: false })
    expect(app.loginItem).toEqual({ openAtLogin: true, args: ['--hidden'] })
    await start({ startAtLogin: true, trayIcon: false }, ['electron', '.', '--hidden'])
    expect(BrowserWindow.getAllWindows()).toEqual([])
    await waitFor(() => Tray.created.length === 1, 'the tray, the only way in')
    ;(Tray.created[0]?.item(/^Open Credit Ledger/)?.click as () => void)()
    expect(onlyWindow().isVisible()).toBe(true)
  })
})
