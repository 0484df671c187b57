import { useState } from 'react'
import { Button } from '../../components/Button'
import {
  notificationSupport,
  requestNotificationPermission,
  type NotificationSupport,
} from '../../lib/browser-notifications'

const MESSAGES: Readonly<Record<Exclude<NotificationSupport, 'desktop'>, string>> = {
  default: 'Get reminders as notifications from this browser while this tab is open in the background.',
  granted: 'This browser shows reminders as notifications while this tab is open and you are elsewhere.',
  denied:
    'This browser blocks notifications from Credit Ledger. Allow them in the site settings (the icon left of the address), then reload.',
  unsupported: 'This browser cannot show notifications here. Reminders still appear in the inbox.',
}

/** Serve mode only: ask the browser for permission to show reminders as notifications. */
export function BrowserNotifications() {
  const [support, setSupport] = useState<NotificationSupport>(notificationSupport)
  if (support === 'desktop') return null
  return (
    <section className="card form" aria-labelledby="browser-notifications-title">
      <h2 className="fieldset__legend" id="browser-notifications-title">
        Browser notifications
      </h2>
      <p className="fieldset__lead" role="status">
        {MESSAGES[support]}
      </p>
      {support === 'default' && (
        <div className="form__footer">
          <Button
            onClick={() => {
              void requestNotificationPermission().then(setSupport)
            }}
          >
            Show browser notifications
          </Button>
        </div>
      )}
    </section>
  )
}
