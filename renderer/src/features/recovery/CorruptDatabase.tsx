import { useEffect, useRef } from 'react'
import type { BackendState } from '../../lib/backend-state'
import { Button } from '../../components/Button'
import { InlineAlert } from '../../components/InlineAlert'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../stores/app-store'
import { TechnicalDetails } from './TechnicalDetails'

type Corrupt = Extract<BackendState, { kind: 'corrupt' }>

/** The integrity check failed: explain, and offer the latest backup. */
export function CorruptDatabase({ state }: { readonly state: Corrupt }) {
  const restore = useAppStore((store) => store.restore)
  const restoreLatest = useAppStore((store) => store.restoreLatest)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    heading.current?.focus()
  }, [])

  return (
    <>
      <p className="recovery__eyebrow">Database check failed</p>
      <h1 className="recovery__title" ref={heading} tabIndex={-1}>
        Your ledger file is damaged
      </h1>
      <p>
        Credit Ledger checks its database each time it starts. This time the check found damage, so nothing has been
        read from the file or written to it — your balances would not be trustworthy.
      </p>
      <p>
        {state.latestBackupAt === null
          ? 'Restoring the latest backup brings your ledger back to the moment it was taken.'
          : `The latest backup was taken on ${formatDateTime(state.latestBackupAt)}. Restoring it brings your ledger back to that moment.`}{' '}
        Anything recorded after it will need to be entered again. The damaged file is kept aside, not deleted.
      </p>
      <div className="recovery__actions">
        <Button variant="primary" busy={restore.pending} onClick={() => void restoreLatest()}>
          {restore.pending ? 'Restoring…' : 'Restore latest backup'}
        </Button>
      </div>
      {restore.error !== null && <InlineAlert>The backup could not be restored: {restore.error}</InlineAlert>}
      <TechnicalDetails lines={[state.message, ...state.problems]} />
    </>
  )
}
