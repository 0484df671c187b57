import { useEffect } from 'react'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { InlineAlert } from '../../components/InlineAlert'
import { LoadingState } from '../../components/LoadingState'
import { ScreenHeader } from '../../components/ScreenHeader'
import { count } from '../../lib/format'
import { routeHref } from '../../lib/use-hash-route'
import { useCatalogStore } from '../../stores/catalog-store'
import { reminderOpKey, useReminderOperation, useRemindersStore } from '../../stores/reminders-store'
import { ReminderItem } from './ReminderItem'
import './reminders.css'

/** The reminders inbox: every reminder shown, newest first, with its history; opening it marks them seen. */
export function RemindersScreen() {
  const items = useRemindersStore((state) => state.items)
  const unseen = useRemindersStore((state) => state.unseen)
  const arrived = useRemindersStore((state) => state.arrived)
  const status = useRemindersStore((state) => state.status)
  const loadError = useRemindersStore((state) => state.loadError)
  const open = useRemindersStore((state) => state.open)
  const load = useRemindersStore((state) => state.load)
  const markAllSeen = useRemindersStore((state) => state.markAllSeen)
  const marking = useReminderOperation(reminderOpKey.seen)
  const accounts = useCatalogStore((state) => state.accounts)

  useEffect(() => {
    void open()
  }, [open])

  const body = (() => {
    if (status === 'loading' || status === 'idle') return <LoadingState label="Loading reminders…" />
    if (status === 'failed' && items.length === 0)
      return (
        <EmptyState title="Reminders could not be loaded">
          <p>{loadError}</p>
          <Button onClick={() => void load()}>Try again</Button>
        </EmptyState>
      )
    if (items.length === 0)
      return (
        <EmptyState title="No reminders yet">
          <p>
            Reminders appear here when credits are about to expire unused, a plan renews or a trial ends, usage passes a
            threshold of its allowance, a balance runs low or goes negative, an auto-recharge is blocked, or the ledger
            disagrees with a balance the vendor showed.
          </p>
          <p>
            Choose what you are reminded of, and when, in <a href={routeHref({ view: 'settings' })}>Settings</a>.
          </p>
        </EmptyState>
      )
    return (
      <ul className="list reminders" aria-label="Reminders">
        {items.map((entry) => (
          <ReminderItem
            key={entry.key}
            entry={entry}
            arrived={arrived.has(entry.key)}
            accountName={accounts.find((account) => account.id === entry.accountId)?.name}
          />
        ))}
      </ul>
    )
  })()

  return (
    <section className="screen" aria-labelledby="reminders-title">
      <ScreenHeader title="Reminders" id="reminders-title">
        What Credit Ledger reminded you of, newest first. Snooze one to see it again later, or dismiss it for good.
      </ScreenHeader>
      {unseen > 0 && (
        <div className="reminders__toolbar">
          <p role="status">{count(unseen, 'unseen reminder', 'unseen reminders')}</p>
          <Button size="small" busy={marking.pending} onClick={() => void markAllSeen()}>
            Mark all seen
          </Button>
        </div>
      )}
      {marking.error !== null && <InlineAlert>{marking.error.message}</InlineAlert>}
      {body}
    </section>
  )
}
