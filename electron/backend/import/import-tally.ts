import type { ImportProblemView, ImportReport, ImportSample, ImportTotal } from '@shared/api/types/imports'
import type { RowProblem } from '@shared/import/types'
import { amountView } from '@shared/money/amount-view'
import { isoInstant } from '@shared/time/iso-instant'

/** Counts, totals, date range, samples and the first refused rows of one import pass, in bounded memory. */

const MAX_REJECTED = 200
const MAX_SAMPLES = 5

export interface ImportTally {
  readonly read: () => void
  readonly added: (
    vendor: string | null,
    unit: string,
    scale: number,
    amount: number,
    at: number,
    sample: Omit<ImportSample, 'amount' | 'at'>,
  ) => void
  /** Whether the next added row becomes a sample (so a caller builds its text only then). */
  readonly wantsSample: () => boolean
  readonly duplicate: () => void
  readonly matched: () => void
  readonly skipped: (count?: number) => void
  readonly rounded: () => void
  readonly rejected: (problem: RowProblem) => void
  readonly counts: () => ImportReport['counts']
  readonly totals: () => readonly ImportTotal[]
  readonly range: () => { from: number | null; to: number | null }
  readonly samples: () => readonly ImportSample[]
  readonly rejections: () => readonly ImportProblemView[]
}

export const createTally = (): ImportTally => {
  const counts = { read: 0, new: 0, duplicate: 0, matched: 0, rejected: 0, skipped: 0, rounded: 0 }
  const totals = new Map<string, { vendor: string | null; unit: string; scale: number; amount: number; rows: number }>()
  const samples: ImportSample[] = []
  const rejected: ImportProblemView[] = []
  let from: number | null = null
  let to: number | null = null
  return {
    read: () => {
      counts.read += 1
    },
    added: (vendor, unit, scale, amount, at, sample) => {
      counts.new += 1
      const key = `${vendor ?? ''}|${unit}`
      const total = totals.get(key) ?? { vendor, unit, scale, amount: 0, rows: 0 }
      total.amount += amount
      if (!Number.isSafeInteger(total.amount)) throw new RangeError(`the ${unit} total of this file is too large`)
      total.rows += 1
      totals.set(key, total)
      from = from === null ? at : Math.min(from, at)
      to = to === null ? at : Math.max(to, at)
      if (samples.length < MAX_SAMPLES)
        samples.push({ ...sample, at: isoInstant(at), amount: amountView(amount, unit, scale) })
    },
    wantsSample: () => samples.length < MAX_SAMPLES,
    duplicate: () => {
      counts.duplicate += 1
    },
    matched: () => {
      counts.matched += 1
    },
    skipped: (count = 1) => {
      counts.skipped += count
    },
    rounded: () => {
      counts.rounded += 1
    },
    rejected: (problem) => {
      counts.rejected += 1
      if (rejected.length < MAX_REJECTED) rejected.push(problem)
    },
    counts: () => ({ ...counts }),
    totals: () =>
      [...totals.values()].map((total) => ({
        vendor: total.vendor,
        amount: amountView(total.amount, total.unit, total.scale),
        rows: total.rows,
      })),
    range: () => ({ from, to }),
    samples: () => samples,
    rejections: () => rejected,
  }
}
