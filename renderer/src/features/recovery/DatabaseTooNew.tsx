import { useEffect, useRef } from 'react'
import type { BackendState } from '../../lib/backend-state'
import { TechnicalDetails } from './TechnicalDetails'

type TooNew = Extract<BackendState, { kind: 'too-new' }>

/** The file was written by a newer Credit Ledger: opening it here could damage it, so this version will not. */
export function DatabaseTooNew({ state }: { readonly state: TooNew }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])

  const versions =
    state.fileVersion !== null && state.codeVersion !== null
      ? ` (the file uses format ${String(state.fileVersion)}; this version understands up to ${String(state.codeVersion)})`
      : ''
  return (
    <>
      <p className="recovery__eyebrow">Newer ledger file</p>
      <h1 className="recovery__title" ref={heading} tabIndex={-1}>
        This ledger was saved by a newer Credit Ledger
      </h1>
      <p>
        The database file was written by a newer version of Credit Ledger{versions}. This version must not open it: it
        could misread your balances or damage data it does not understand.
      </p>
      <p>Install the latest Credit Ledger to keep working with this ledger. Your file has not been changed.</p>
      <TechnicalDetails lines={[state.message]} />
    </>
  )
}
