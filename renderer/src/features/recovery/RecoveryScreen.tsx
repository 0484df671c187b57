import { useEffect } from 'react'
import type { BackendState } from '../../lib/backend-state'
import { useAppStore } from '../../stores/app-store'
import { CorruptDatabase } from './CorruptDatabase'
import { DatabaseTooNew } from './DatabaseTooNew'
import './recovery.css'

type Refusal = Exclude<BackendState, { kind: 'ok' }>

/** Takes over the window when the backend refuses the database file: nothing else can work until it is resolved. */
export function RecoveryScreen({ state }: { readonly state: Refusal }) {
  const findLatestBackup = useAppStore((store) => store.findLatestBackup)
  const needsBackupTime = state.kind === 'corrupt' && state.latestBackupAt === null

  useEffect(() => {
    if (needsBackupTime) void findLatestBackup()
  }, [needsBackupTime, findLatestBackup])

  return (
    <main className="recovery">
      <div className="recovery__panel">
        {state.kind === 'corrupt' ? <CorruptDatabase state={state} /> : <DatabaseTooNew state={state} />}
      </div>
    </main>
  )
}
