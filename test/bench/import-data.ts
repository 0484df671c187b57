import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { log } from './report'

/**
 * The issue 5 §9 import file: 1,000,000 rows of an OpenAI cost export (vendor-csv.md §1.1, the 17-column 2026
 * header), generated once with a fixed seed and cached in test/bench/cache/ (ignored). Daily UTC buckets, 1,000 rows
 * a day over 1,000 days: every (line item, project, key) appears once per day, as in a real export. Amounts carry
 * the export's long fractions (16 or 30 digits, some beyond the 6 decimals USD is kept at, so rounding is exercised);
 * `line_item` holds a quoted comma ("gpt-4o-2024-08-06, cached input"), which keeps papaparse off its no-quote fast
 * path, for the app and the limit alike. Bump VERSION when the shape changes so a stale cache is rebuilt.
 */
const VERSION = 1
export const IMPORT_ROWS = 1_000_000
const ROWS_PER_DAY = 1000
const FIRST_DAY = Date.UTC(2024, 0, 1) / 1000

export const IMPORT_HEADER = [
  'start_time',
  'end_time',
  'start_time_iso',
  'end_time_iso',
  'amount_value',
  'amount_currency',
  'quantity',
  'quantity_unit',
  'line_item',
  'user_id',
  'api_key_id',
  'project_id',
  'organization_id',
  'project_name',
  'organization_name',
  'user_email',
  'api_source',
]

const MODELS = [
  'gpt-4o-2024-08-06',
  'gpt-4o-mini-2024-07-18',
  'gpt-4.1-2025-04-14',
  'gpt-4.1-mini-2025-04-14',
  'gpt-5-2025-08-07',
  'gpt-5-mini-2025-08-07',
  'o3-2025-04-16',
  'o4-mini-2025-04-16',
  'text-embedding-3-small',
  'text-embedding-3-large',
  'gpt-image-1',
  'priority | gpt-5.6-sol',
]
const KINDS = ['input', 'cached input', 'output', 'batch input']
/** 12 models × 4 kinds + 2 tools = 50 line items; × 10 projects × 2 keys = 1,000 distinct rows a day. */
const LINE_ITEMS = [
  ...MODELS.flatMap((model) => KINDS.map((kind) => `${model}, ${kind}`)),
  'web search tool calls',
  'Vector storage',
]
const PROJECTS = Array.from({ length: 10 }, (_, i) => ({
  id: `proj_${(i * 7919 + 12345).toString(36)}Xa9`,
  name: `Project ${i + 1}`,
}))
const KEYS = ['key_prodA1b2C3d4', 'key_devE5f6G7h8']

/** mulberry32: a small seeded generator, so the file is the same on every machine. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', '+00:00')

/** An amount in units of 1e-8 USD, written with the export's long fraction: "0.0038359800000000". */
const amountText = (units: number, digits: number): string => {
  const whole = Math.floor(units / 1e8)
  const fraction = String(units % 1e8).padStart(8, '0')
  return `${whole}.${fraction.padEnd(digits, '0')}`
}

const rowOf = (index: number, next: () => number): string => {
  const day = Math.floor(index / ROWS_PER_DAY)
  const slot = index % ROWS_PER_DAY
  const start = FIRST_DAY + day * 86_400
  const lineItem = LINE_ITEMS[slot % LINE_ITEMS.length] ?? ''
  const project = PROJECTS[Math.floor(slot / LINE_ITEMS.length) % PROJECTS.length] ?? { id: '', name: '' }
  const key = KEYS[Math.floor(slot / (LINE_ITEMS.length * PROJECTS.length))] ?? ''
  const tool = !lineItem.includes(',')
  // Log-uniform-ish: most rows cost fractions of a cent, a few dollars.
  const units = Math.floor(next() ** 4 * 5e8) + 1
  const tokens = tool ? '' : String(Math.floor(next() * 2_000_000) + 1)
  return [
    String(start),
    String(start + 86_400),
    iso(start),
    iso(start + 86_400),
    amountText(units, next() < 0.5 ? 16 : 30),
    'usd',
    tokens,
    tool ? '' : 'tokens',
    csvCell(lineItem),
    slot % 3 === 0 ? `user-${(slot % 7).toString(36)}Qm2Kx8` : '',
    key,
    project.id,
    'org-Zx81Hq2Lm0',
    project.name,
    'Acme Inc',
    slot % 3 === 0 ? `dev${slot % 7}@acme.example` : '',
    'api',
  ].join(',')
}

/**
 * The cached file's path, generating it first when missing (1M rows: about 10 s, ~280 MB). A smaller `rows` (the
 * hledger peer bench's 100,000) gives the same file's first rows, cached under its own name.
 */
export const importFile = (root: string, rows: number = IMPORT_ROWS): string => {
  const dir = join(root, 'test/bench/cache')
  const file = join(dir, `openai-cost-${rows}-v${VERSION}.csv`)
  if (existsSync(file)) return file
  mkdirSync(dir, { recursive: true })
  const building = `${file}.building`
  rmSync(building, { force: true })
  log(`generating ${rows.toLocaleString('en')} OpenAI cost-export rows (cached for later runs)…`)
  const fd = openSync(building, 'w')
  try {
    const next = random(20_261_122)
    let chunk = `${IMPORT_HEADER.join(',')}\n`
    for (let index = 0; index < rows; index += 1) {
      chunk += `${rowOf(index, next)}\n`
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
  renameSync(building, file)
  return file
}
