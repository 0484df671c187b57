import type { ReactNode } from 'react'

export interface Fact {
  readonly label: string
  readonly value: ReactNode
  /** Draws the eye: the figure the page is about (a balance, what remains). */
  readonly emphasis?: boolean
}

/** Figures as label/value pairs in a card: a description list, so each value is read with its label. */
export function FactList({ facts, label }: { readonly facts: readonly Fact[]; readonly label: string }) {
  return (
    <dl className="card facts" aria-label={label}>
      {facts.map((fact) => (
        <div key={fact.label} className={fact.emphasis === true ? 'facts__item facts__item--emphasis' : 'facts__item'}>
          <dt className="facts__label">{fact.label}</dt>
          <dd className="facts__value">{fact.value}</dd>
        </div>
      ))}
    </dl>
  )
}
