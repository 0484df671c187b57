import { useId } from 'react'
import type { ReminderEntry } from '@shared/api/types/reminders'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { formatDateTime } from '../../lib/format'
import { linkHref } from '../../lib/use-hash-route'
import { reminderOpKey, useReminderOperation, useRemindersStore } from '../../stores/reminders-store'
import { KIND_LABELS, SNOOZE_OPTIONS, historyText, statusOf } from './reminder-text'

export interface ReminderItemProps {
  readonly entry: ReminderEntry
  readonly accountName: string | undefined
  /** It was new when the inbox was opened (and has been marked seen since). */
  readonly arrived: boolean
}

/** One reminder: what it says, its state, its actions (open, snooze, dismiss) and its history with local times. */
export function ReminderItem({ entry, accountName, arrived }: ReminderItemProps) {
  const snoozing = useReminderOperation(reminderOpKey.snooze(entry.key))
  const dismissing = useReminderOperation(reminderOpKey.dismiss(entry.key))
  const snooze = useRemindersStore((state) => state.snooze)
  const dismiss = useRemindersStore((state) => state.dismiss)
  const status = statusOf(entry, arrived)
  const titleId = useId()
  const shownAt = entry.firedAt ?? entry.stateAt
  const problem = snoozing.error?.message ?? dismissing.error?.message

  return (
    <li className={`reminder reminder--${status.tone}`} aria-labelledby={titleId}>
      <div className="reminder__head">
        <div className="reminder__text">
          <p className="reminder__meta">
            <span className={`reminder__status reminder__status--${status.tone}`}>{status.label}</span>
            <span>{KIND_LABELS[entry.kind]}</span>
            {accountName !== undefined && <span>{accountName}</span>}
            <span>
              <time dateTime={shownAt}>{formatDateTime(shownAt)}</time>
            </span>
          </p>
          <h2 className="reminder__title" id={titleId}>
            {entry.title}
          </h2>
          <p className="reminder__body">{entry.body}</p>
        </div>
        <a className="button button--secondary button--small reminder__open" href={linkHref(entry.link)}>
          Open<span className="visually-hidden"> {entry.title}</span>
        </a>
      </div>
      {entry.state !== 'dismissed' && (
        <div className="reminder__actions">
          <div className="reminder__snooze" role="group" aria-label={`Snooze ${entry.title}`}>
            <span className="reminder__label" aria-hidden="true">
              Snooze
            </span>
            {SNOOZE_OPTIONS.map(({ option, label, spoken }) => (
              <Button
                key={option}
                size="small"
                busy={snoozing.pending}
                aria-label={`Snooze ${spoken}`}
                onClick={() => void snooze(entry.key, option)}
              >
                {label}
              </Button>
            ))}
          </div>
          <Button size="small" busy={dismissing.pending} onClick={() => void dismiss(entry.key)}>
            Dismiss
          </Button>
        </div>
      )}
      {problem !== undefined && <InlineAlert>{problem}</InlineAlert>}
      <details className="reminder__history">
        <summary>History</summary>
        <ol className="reminder__events">
          {entry.history.map((event, index) => (
            <li key={`${event.action}-${event.at}-${String(index)}`}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              <span>{historyText(event)}</span>
            </li>
          ))}
        </ol>
      </details>
    </li>
  )
}
