/** One line of bench output (DESIGN §8): ratio = value / baseline, baseline = the raw limit measured in this run. */
export interface BenchLine {
  readonly bench: string
  readonly metric: string
  readonly value: number
  readonly unit: string
  readonly baseline: number | null
  readonly ratio: number | null
  readonly target: string
}

export const line = (
  bench: string,
  metric: string,
  value: number,
  unit: string,
  baseline: number | null,
  target: string,
): BenchLine => ({
  bench,
  metric,
  value: round(value),
  unit,
  baseline: baseline === null ? null : round(baseline),
  ratio: baseline === null || baseline === 0 ? null : round(value / baseline),
  target,
})

const round = (value: number) => Math.round(value * 1000) / 1000

export const emit = (result: BenchLine) => process.stdout.write(`${JSON.stringify(result)}\n`)
export const log = (message: string) => process.stderr.write(`${message}\n`)

/** Median of the per-round timings: robust to one slow round on a shared 2-core machine. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Run app and limit alternately, `rounds` times, so drift on the machine hits both sides alike. */
export const interleave = async (
  rounds: number,
  app: () => Promise<number> | number,
  limit: () => Promise<number> | number,
): Promise<{ app: number; limit: number }> => {
  const appTimes: number[] = []
  const limitTimes: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      appTimes.push(await app())
      limitTimes.push(await limit())
    } else {
      limitTimes.push(await limit())
      appTimes.push(await app())
    }
  }
  return { app: median(appTimes), limit: median(limitTimes) }
}
