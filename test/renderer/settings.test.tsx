import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { FakeLedger } from './support/fake-ledger'
import { describedText, renderApp } from './support/render-app'

const form = () => screen.getByRole('form', { name: 'Reminder settings' })
const save = () => within(form()).getByRole('button', { name: 'Save settings' })

describe('Reminder settings', () => {
  beforeEach(() => {
    window.location.hash = '#/settings'
  })

  it('shows the current settings and saves a changed hour, quiet hours and rules through settings.set', async () => {
    const { user, fake } = await renderApp()
    await screen.findByRole('form', { name: 'Reminder settings' })
    expect(screen.getByLabelText<HTMLInputElement>('Expiring credits').value).toBe('30, 7, 1')
    expect(screen.getByLabelText<HTMLInputElement>('Usage thresholds').value).toBe('75, 85, 90, 100')
    expect(screen.queryByLabelText('Quiet from')).toBeNull()

    await user.selectOptions(screen.getByLabelText('Reminder time'), '8')
    await user.click(screen.getByLabelText('Quiet hours'))
    expect(screen.getByLabelText<HTMLInputElement>('Quiet from').value).toBe('22:00')
    await user.clear(screen.getByLabelText('Expiring credits'))
    await user.type(screen.getByLabelText('Expiring credits'), '14 3')
    await user.type(screen.getByLabelText('Low balance below'), '5.50')
    await user.click(screen.getByLabelText('The ledger disagrees with a balance the vendor showed'))
    await user.selectOptions(screen.getByLabelText('When I close the window'), 'tray')
    await user.click(save())

    expect(await within(form()).findByText('Settings saved.')).toBeTruthy()
    expect(fake.callsOf('settings.set').map((call) => call.input)).toEqual([
      {
        reminderHour: 8,
        quietHours: { start: '22:00', end: '07:00' },
        reminderRules: {
          expiryLeadDays: [14, 3],
          renewalLeadDays: [3],
          trialLeadDays: [3, 1],
          thresholdPercents: [75, 85, 90, 100],
          lowBalanceBelow: '5.50',
          rechargeBlocked: true,
          negativeBalance: true,
          drift: false,
        },
        trayIcon: true,
        startAtLogin: false,
        closeToTray: 'tray',
      },
    ])
    expect(fake.settings.reminderRules.lowBalanceBelow).toBe('5.5')
  })

  it('shows the shared schemas’ messages under each field and saves nothing', async () => {
    const { user, fake } = await renderApp()
    await screen.findByRole('form', { name: 'Reminder settings' })
    await user.clear(screen.getByLabelText('Expiring credits'))
    await user.type(screen.getByLabelText('Expiring credits'), '30, soon')
    await user.clear(screen.getByLabelText('Usage thresholds'))
    await user.type(screen.getByLabelText('Usage thresholds'), '50 150')
    await user.type(screen.getByLabelText('Low balance below'), '-3')
    await user.click(screen.getByLabelText('Quiet hours'))
    await user.clear(screen.getByLabelText('Quiet until'))
    await user.type(screen.getByLabelText('Quiet until'), '22:00')
    await user.click(save())

    await waitFor(() => {
      expect(describedText(screen.getByLabelText('Expiring credits'))).toContain(
        'Expiry lead days must be whole numbers of days from 1 to 365',
      )
    })
    expect(describedText(screen.getByLabelText('Usage thresholds'))).toContain(
      'Usage thresholds must be whole numbers of percent from 1 to 100',
    )
    expect(describedText(screen.getByLabelText('Low balance below'))).toContain('Low balance amount must be 0 or more')
    expect(describedText(screen.getByLabelText('Quiet until'))).toContain(
      'Quiet hours must end at another time than they start',
    )
    expect(screen.getByLabelText('Plan renewals').getAttribute('aria-invalid')).toBe('false')
    expect(within(form()).queryByRole('alert')).toBeNull()
    expect(fake.callsOf('settings.set')).toHaveLength(0)
  })

  it('in the desktop app shows the tray, login and close settings without the browser-notification offer', async () => {
    await renderApp(new FakeLedger())
    await screen.findByRole('form', { name: 'Reminder settings' })
    expect(screen.getByRole('group', { name: 'Desktop app' })).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('Show an icon in the tray with the next expiry').checked).toBe(true)
    expect(screen.getByLabelText<HTMLInputElement>('Start when I log in').checked).toBe(false)
    expect(screen.queryByText(/not to this browser tab/)).toBeNull()
    expect(screen.queryByRole('button', { name: 'Show browser notifications' })).toBeNull()
  })
})
