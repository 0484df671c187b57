import type { ChargeRecord, RowProblem } from '@shared/import/types'
import type { PreparedSink } from './prepared-rows'

/**
 * Prepared rows in chunks, between the parse worker and the backend (parse-pipeline.ts). Packed by column: the
 * numbers of a chunk's usage rows travel in typed arrays whose buffers are transferred, not copied; the keys in a
 * plain array; problems and charges — rare — as structured clones. `kinds` keeps the file order of every row, so
 * the backend replays exactly the calls the worker's sink received.
 *
 * Tags repeat (an export has a few thousand model × project × key combinations), so each distinct tags text is sent
 * once and then named by its number in a table both sides grow alike; the table starts over when it is full. That
 * spares the backend's thread a million short-lived strings, which would otherwise grow its heap (issue 5 §9: the
 * CLI import stays under 300 MB).
 */

/** Distinct tags texts kept before the table starts over (checked at chunk ends: at most one chunk more). */
const MAX_TAGS = 8192

const USAGE = 0
const SKIP = 1
const PROBLEM = 2
const CHARGE = 3
const UNPLACED = 4

export interface RowsChunk {
  readonly kind: 'rows'
  /** Rows in this chunk (the typed arrays may be longer). */
  readonly count: number
  readonly kinds: Uint8Array
  readonly lines: Uint32Array
  readonly at: Float64Array
  readonly amounts: Float64Array
  readonly flags: Uint8Array
  /** Each usage row's tags, by number in the tags table. */
  readonly tagIds: Uint32Array
  /** The table starts over before this chunk's new texts are added. */
  readonly resetTags: boolean
  /** Texts added to the table by this chunk, in number order. */
  readonly newTags: readonly string[]
  readonly keys: readonly string[]
  readonly problems: readonly RowProblem[]
  readonly charges: readonly { readonly record: ChargeRecord; readonly key: string }[]
}

/** A sink that packs rows into chunks of `size` and hands each full chunk (and its transferable buffers) to `send`. */
export const chunkPacker = (
  size: number,
  send: (chunk: RowsChunk, transfer: ArrayBuffer[]) => void,
): PreparedSink & { readonly flush: () => void } => {
  let count = 0
  let usage = 0
  let kinds = new Uint8Array(size)
  let lines = new Uint32Array(size)
  let at = new Float64Array(size)
  let amounts = new Float64Array(size)
  let flags = new Uint8Array(size)
  let tagIds = new Uint32Array(size)
  const table = new Map<string, number>()
  let resetTags = false
  let newTags: string[] = []
  let keys: string[] = []
  let problems: RowProblem[] = []
  let charges: { record: ChargeRecord; key: string }[] = []

  const flush = (): void => {
    if (count === 0) return
    const chunk: RowsChunk = {
      kind: 'rows',
      count,
      kinds,
      lines,
      at,
      amounts,
      flags,
      tagIds,
      resetTags,
      newTags,
      keys,
      problems,
      charges,
    }
    // Typed arrays whose buffers are transferred must own them whole: they are allocated per chunk, never sliced.
    send(chunk, [kinds.buffer, lines.buffer, at.buffer, amounts.buffer, flags.buffer, tagIds.buffer])
    resetTags = table.size >= MAX_TAGS
    if (resetTags) table.clear()
    count = 0
    usage = 0
    kinds = new Uint8Array(size)
    lines = new Uint32Array(size)
    at = new Float64Array(size)
    amounts = new Float64Array(size)
    flags = new Uint8Array(size)
    tagIds = new Uint32Array(size)
    newTags = []
    keys = []
    problems = []
    charges = []
  }
  const add = (kind: number): void => {
    kinds[count] = kind
    count += 1
    if (count === size) flush()
  }
  return {
    usage: (line, occurredAt, amount, rowFlags, rowTags, key) => {
      lines[usage] = line
      at[usage] = occurredAt
      amounts[usage] = amount
      flags[usage] = rowFlags
      let id = table.get(rowTags)
      if (id === undefined) {
        id = table.size
        table.set(rowTags, id)
        newTags.push(rowTags)
      }
      tagIds[usage] = id
      keys.push(key)
      usage += 1
      add(USAGE)
    },
    skip: () => add(SKIP),
    problem: (problem) => {
      problems.push(problem)
      add(PROBLEM)
    },
    charge: (record, key) => {
      charges.push({ record, key })
      add(CHARGE)
    },
    unplaced: () => add(UNPLACED),
    flush,
  }
}

/** Replays each chunk's rows into `sink`, in file order; one per pass (it keeps the tags table). */
export const chunkUnpacker = (sink: PreparedSink): ((chunk: RowsChunk) => void) => {
  const table: string[] = []
  return (chunk) => {
    if (chunk.resetTags) table.length = 0
    for (const text of chunk.newTags) table.push(text)
    unpack(chunk, table, sink)
  }
}

const unpack = (chunk: RowsChunk, table: readonly string[], sink: PreparedSink): void => {
  let usage = 0
  let problem = 0
  let charge = 0
  for (let index = 0; index < chunk.count; index++) {
    switch (chunk.kinds[index]) {
      case USAGE:
        sink.usage(
          chunk.lines[usage] ?? 0,
          chunk.at[usage] ?? 0,
          chunk.amounts[usage] ?? 0,
          chunk.flags[usage] ?? 0,
          table[chunk.tagIds[usage] ?? 0] ?? '',
          chunk.keys[usage] ?? '',
        )
        usage += 1
        break
      case SKIP:
        sink.skip()
        break
      case PROBLEM: {
        const found = chunk.problems[problem++]
        if (found === undefined) throw new Error('import chunk: a problem is missing')
        sink.problem(found)
        break
      }
      case CHARGE: {
        const found = chunk.charges[charge++]
        if (found === undefined) throw new Error('import chunk: a charge is missing')
        sink.charge(found.record, found.key)
        break
      }
      default:
        sink.unplaced()
    }
  }
}
