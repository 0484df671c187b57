/**
 * Throughput of the text layer beside raw papaparse on a generated 200k-row usage CSV. A measurement, not a test:
 * it only runs on request and asserts no timing (row counts only):
 *   TEXT_MEASURE=1 npx vitest run --config test/vitest.config.ts --project unit test/unit/import/text-measure
 */
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { createRowReader } from '../../../shared/import/csv-rows'
import { createDecoder } from '../../../shared/import/encoding'
import { createTableReader } from '../../../shared/import/text-reader'

const ROWS = 200_000
const CHUNK = 64 * 1024
const RUNS = 7

const makeCsv = (quoted: boolean): string => {
  const lines = ['generation_id,created_at,cost_total,tokens_prompt,tokens_completion,model_permaslug,api_key_name']
  for (let index = 0; index < ROWS; index++) {
    const model = quoted ? '"gpt-4o-mini-2024-07-18, cached input"' : 'openai/gpt-4o-mini'
    const cost = `0.00${index % 997}`
    lines.push(
      `gen-${1_700_000_000 + index}-abc,2026-06-28 03:46:57.713,${cost},${index % 5000},${index % 700},${model},prod`,
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

const pieces = (text: string): string[] => {
  const out: string[] = []
  for (let at = 0; at < text.length; at += CHUNK) out.push(text.slice(at, at + CHUNK))
  return out
}

interface CoreParser {
  parse(input: string, base: number, ignoreLast: boolean): { data: string[][]; meta: { cursor: number } }
}

// The raw limit: papaparse's core parser fed 64 KB pieces the way its ChunkStreamer does (partial line carried).
const rawStreamed = (chunks: readonly string[]): number => {
  const parser = new Papa.Parser({ delimiter: ',', newline: '\r\n' }) as unknown as CoreParser
  let partial = ''
  let rows = 0
  chunks.forEach((chunk, index) => {
    const input = partial + chunk
    const result = parser.parse(input, 0, index < chunks.length - 1)
    rows += result.data.length
    partial = input.slice(result.meta.cursor)
  })
  return rows - 1 // papaparse's empty row after the final line break
}

// The same raw limit from bytes: the platform's UTF-8 decoder in front of it.
const rawFromBytes = (bytes: Uint8Array): number => {
  const decoder = new TextDecoder()
  const chunks: string[] = []
  for (let at = 0; at < bytes.length; at += CHUNK)
    chunks.push(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true }))
  return rawStreamed(chunks)
}

const ours = (chunks: readonly string[]): number => {
  const reader = createRowReader({ delimiter: ',' })
  let rows = 0
  for (const chunk of chunks) rows += reader.push(chunk).length
  return rows + reader.end().rows.length
}

const fromBytes = (bytes: Uint8Array): number => {
  const decoder = createDecoder(bytes.subarray(0, CHUNK))
  const reader = createRowReader({ delimiter: ',' })
  let rows = 0
  for (let at = 0; at < bytes.length; at += CHUNK)
    rows += reader.push(decoder.decode(bytes.subarray(at, at + CHUNK))).length
  rows += reader.push(decoder.end()).length
  return rows + reader.end().rows.length
}

// The whole text layer as the backend would stream it: decode, sniff, rows, header and footer.
const tableReader = (bytes: Uint8Array): number => {
  const reader = createTableReader(bytes.subarray(0, CHUNK))
  let rows = 0
  for (let at = 0; at < bytes.length; at += CHUNK) rows += reader.push(bytes.subarray(at, at + CHUNK)).rows.length
  return rows + reader.end().rows.length + 1 // + the header
}

// Contenders run interleaved, round after round, so a busy machine slows them alike; the median round counts.
const measure = (contenders: Record<string, () => number>): Record<string, { ms: number; rows: number }> => {
  const times = new Map<string, number[]>()
  const rows = new Map<string, number>()
  for (let round = 0; round <= RUNS; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const start = performance.now()
      rows.set(name, run())
      if (round > 0) times.set(name, [...(times.get(name) ?? []), performance.now() - start]) // round 0 warms up
    }
  }
  return Object.fromEntries(
    Object.keys(contenders).map((name) => {
      const sorted = [...(times.get(name) ?? [])].sort((a, b) => a - b)
      return [name, { ms: sorted[RUNS >> 1] ?? 0, rows: rows.get(name) ?? 0 }]
    }),
  )
}

describe.runIf(process.env.TEXT_MEASURE === '1')('text layer throughput (median of 7)', () => {
  for (const quoted of [false, true]) {
    test(`${ROWS} rows, CRLF, ${quoted ? 'one quoted field per row' : 'no quotes'}`, () => {
      const text = makeCsv(quoted)
      const chunks = pieces(text)
      const bytes = new TextEncoder().encode(text)
      const figures = measure({
        'papaparse core, 64 KB pieces (raw limit)': () => rawStreamed(chunks),
        'createRowReader, 64 KB pieces': () => ours(chunks),
        'raw limit from bytes (TextDecoder + papaparse core)': () => rawFromBytes(bytes),
        'createDecoder + createRowReader, 64 KB byte chunks': () => fromBytes(bytes),
        'createTableReader (all of the text layer), 64 KB': () => tableReader(bytes),
      })
      const limit = figures['papaparse core, 64 KB pieces (raw limit)']?.ms ?? 1
      for (const [name, { ms, rows }] of Object.entries(figures)) {
        const rate = (((rows / ms) * 1000) / 1e6).toFixed(2)
        console.log(`${name.padEnd(52)} ${ms.toFixed(0).padStart(5)} ms  ${rate} M rows/s  ×${(ms / limit).toFixed(2)}`)
        expect(rows).toBe(ROWS + 1)
      }
    }, 120_000)
  }
})
