/**
 * Stable identity of an imported record, for dedupe across re-imports (issue 5 §6): the vendor's own id when the
 * export has one ("id:gen-…", "id:in_…"), otherwise a content hash plus an occurrence index ("h:<16 hex>#0").
 * The index counts earlier records with the same content in the same file, so two identical statement lines (a
 * real double charge) are both kept (#0, #1), while re-importing the file — or an overlapping export — yields the
 * same keys, whatever the unrelated rows around them.
 *
 * The hash covers what a record IS, in a spelling that does not depend on the export: the instant or date, the
 * amount in canonical form ("0.50" = "0.5"), currency, billable, the descriptor (case and spacing folded), and only
 * the tags every header version of a format carries (model, project, key…). Tags a newer layout added
 * (context_window, inference_geo, Cursor's kind) are left out: an old-layout export overlapping a new-layout one
 * must still dedupe. Hints (vendor, account) are left out too: merchant rules and user choices change them.
 * FNV-1a 64 over UTF-8: pure, no crypto module (shared/ runs in the browser).
 */
import { formatLocalDate } from '../time/calendar'
import { canonicalDecimal } from './numbers'
import { OccurrenceCounter } from './occurrence-counter'
import type { ImportRecord } from './types'

/** Tag keys that identify a row in every layout of the formats that write them. */
export const IDENTITY_TAG_KEYS: ReadonlySet<string> = new Set([
  'model',
  'project',
  'key',
  'workspace',
  'line_item',
  'token_type',
  'usage_type',
  'sku',
  'product',
  'unit',
  'user',
])

/**
 * FNV-1a 64 over UTF-8 bytes, fed piece by piece so a row's identity is hashed without building its text. Each
 * byte: h = (h ^ byte) × 0x100000001b3 mod 2^64, kept as two 32-bit words. With x = h ^ byte, x × 0x1b3 is done in
 * 16-bit halves (every product below 2^26, so V8 stays on small integers) and x × 2^40 mod 2^64 only adds
 * (lo << 8) mod 2^32 to the high word.
 */
class Fnv64 {
  private lo = 0x84222325
  private hi = 0xcbf29ce4

  byte(byte: number): void {
    const lo = this.lo ^ byte
    const pl = (lo & 0xffff) * 0x1b3
    const ph = (lo >>> 16) * 0x1b3 + (pl >>> 16)
    this.hi = (Math.imul(this.hi, 0x1b3) + (ph >>> 16) + (lo << 8)) | 0
    this.lo = (ph << 16) | (pl & 0xffff) | 0
  }

  /** The UTF-8 bytes of `text` (a lone surrogate is encoded as its code unit, as WTF-8 does). */
  text(text: string): this {
    // ASCII inline on locals (nearly every byte of an export); the rest through byte().
    let lo = this.lo
    let hi = this.hi
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i)
      if (code < 0x80) {
        lo ^= code
        const pl = (lo & 0xffff) * 0x1b3
        const ph = (lo >>> 16) * 0x1b3 + (pl >>> 16)
        hi = (Math.imul(hi, 0x1b3) + (ph >>> 16) + (lo << 8)) | 0
        lo = (ph << 16) | (pl & 0xffff)
        continue
      }
      this.lo = lo
      this.hi = hi
      const low = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
      if (code < 0x800) this.byte(0xc0 | (code >> 6))
      else if (code < 0x10000) {
        this.byte(0xe0 | (code >> 12))
        this.byte(0x80 | ((code >> 6) & 0x3f))
      } else {
        this.byte(0xf0 | (code >> 18))
        this.byte(0x80 | ((code >> 12) & 0x3f))
        this.byte(0x80 | ((code >> 6) & 0x3f))
      }
      this.byte(0x80 | (code & 0x3f))
      lo = this.lo
      hi = this.hi
    }
    this.lo = lo
    this.hi = hi
    return this
  }

  hex(): string {
    // Number#toString(16) is slow in V8 (a generic radix conversion): table look-ups per byte instead.
    return hex8(this.hi >>> 0) + hex8(this.lo >>> 0)
  }

  /** The next occurrence index of this hash in `counter`. */
  occurrenceIn(counter: OccurrenceCounter): number {
    return counter.next(this.hi, this.lo)
  }
}

const HEX2 = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
const hex8 = (word: number): string =>
  (HEX2[word >>> 24] ?? '') +
  (HEX2[(word >>> 16) & 0xff] ?? '') +
  (HEX2[(word >>> 8) & 0xff] ?? '') +
  (HEX2[word & 0xff] ?? '')

/** FNV-1a 64 of the UTF-8 bytes of `text`, as 16 lowercase hex digits. */
export const fnv1a64 = (text: string): string => new Fnv64().text(text).hex()

const FIELD = 0x1f // unit separator between fields
const TAG = 0x1e // record separator between identity tags

/** The identity keys by their length: a tag's key is found by where its ':' is, without cutting the tag. */
const KEYS_BY_LENGTH: readonly (readonly string[] | undefined)[] = [...IDENTITY_TAG_KEYS].reduce<string[][]>(
  (byLength, key) => {
    ;(byLength[key.length] ??= []).push(key)
    return byLength
  },
  [],
)

const isIdentityTag = (tag: string): boolean => {
  const candidates = KEYS_BY_LENGTH[tag.indexOf(':')]
  if (candidates === undefined) return false
  for (const key of candidates) if (tag.startsWith(key)) return true
  return false
}

const identityTags = (tags: readonly string[]): string[] => {
  const kept: string[] = []
  for (const tag of tags) {
    if (!isIdentityTag(tag)) continue
    // Sorted (by insertion: a handful of tags) so that the order a profile or a mapping writes them in is irrelevant.
    let at = kept.length
    kept.push(tag)
    while (at > 0 && (kept[at - 1] ?? '') > tag) {
      kept[at] = kept[at - 1] ?? ''
      at--
    }
    kept[at] = tag
  }
  return kept
}

/** Feeds the record's identity, field by field, into `hash`; identityText spells the same bytes out. */
const feed = (hash: Fnv64, record: ImportRecord): Fnv64 => {
  hash.text(record.kind).byte(FIELD)
  if (record.at.kind === 'instant') hash.text('i').text(String(record.at.at))
  else hash.text('d').text(formatLocalDate(record.at.date))
  hash.byte(FIELD)
  hash.text(canonicalDecimal(record.amount)).byte(FIELD)
  hash.text((record.currency ?? '').toUpperCase()).byte(FIELD)
  if (record.kind === 'charge') return hash.text(record.descriptor.replace(/\s+/g, ' ').trim().toUpperCase())
  hash.text(record.billable ? 'b' : 'n').byte(FIELD)
  identityTags(record.tags).forEach((tag, index) => {
    if (index > 0) hash.byte(TAG)
    hash.text(tag)
  })
  return hash
}

/** The record's content in one spelling (see the module comment for what is in and what is not): for reading. */
export const identityText = (record: ImportRecord): string => {
  const at = record.at.kind === 'instant' ? `i${record.at.at}` : `d${formatLocalDate(record.at.date)}`
  const fields = [record.kind, at, canonicalDecimal(record.amount), (record.currency ?? '').toUpperCase()]
  if (record.kind === 'charge') fields.push(record.descriptor.replace(/\s+/g, ' ').trim().toUpperCase())
  else fields.push(record.billable ? 'b' : 'n', identityTags(record.tags).join(String.fromCharCode(TAG)))
  return fields.join(String.fromCharCode(FIELD))
}

/** The content hash of a record: fnv1a64(identityText(record)), computed without the text. */
export const contentHash = (record: ImportRecord): string => feed(new Fnv64(), record).hex()

/**
 * A stateful assigner for one file, fed records in file order (streaming: it keeps one small entry per distinct
 * content hash, never the records). Records with a vendor id get "id:<id>" and no index: a vendor id repeated in
 * one file (an export's overlapping pages) is the same row twice, so it dedupes.
 */
export const identityAssigner = (): ((record: ImportRecord) => string) => {
  const seen = new OccurrenceCounter()
  return (record) => {
    if (record.externalId !== null && record.externalId !== '') return `id:${record.externalId}`
    const hash = feed(new Fnv64(), record)
    return `h:${hash.hex()}#${hash.occurrenceIn(seen)}`
  }
}

/** Keys for a whole file's records, in order. */
export const rowIdentities = (records: readonly ImportRecord[]): string[] => records.map(identityAssigner())
