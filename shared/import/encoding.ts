import { decodeWindows1252 } from './windows-1252'

/**
 * Bytes → text (issue 5 §4, vendor-csv.md §0 and §7.1). Detection: a UTF-8 BOM (stripped), a UTF-16 LE/BE BOM, else
 * strict UTF-8, else Windows-1252 through our own table. UTF-16 without a BOM is never guessed: a head full of NUL
 * bytes is refused with a message instead of being read as garbage.
 *
 * Streaming (a 100 MB file in 64 KB chunks): `createDecoder(head)` decides from the file's first bytes and then
 * decodes every chunk, the first included, carrying multi-byte sequences split across chunk boundaries. A file is
 * UTF-8 exactly when ALL of it is valid UTF-8 (the whole-file rule), which a decoder that has seen only the head
 * cannot know; it keeps that rule anyway:
 * - while everything decoded so far is ASCII, the choice is still open: the first invalid sequence switches to
 *   Windows-1252 for the rest of the file, losslessly, since ASCII reads the same in both;
 * - once real UTF-8 (a non-ASCII sequence) has been decoded, a later invalid byte throws an EncodingFault with
 *   `restartAs: 'windows-1252'`: the caller reads the file again from the start with that encoding forced, and gets
 *   exactly what a whole-file decode would have given (such mixed files are rare: a re-saved, hand-edited export).
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** The file cannot be decoded as chosen; `byteOffset` points at the offending byte (0-based, in the whole file). */
export class EncodingFault extends Error {
  constructor(
    message: string,
    readonly byteOffset: number,
    /** Re-read the whole file with this encoding forced (createDecoder's `encoding` option); null: nothing helps. */
    readonly restartAs: TextEncoding | null,
  ) {
    super(message)
    this.name = 'EncodingFault'
  }
}

export interface ChunkDecoder {
  /** The encoding in use; a provisional 'utf-8' (ASCII so far) may still become 'windows-1252'. */
  readonly encoding: TextEncoding
  /** Whether the file started with a byte-order mark (it is never part of the text). */
  readonly bom: boolean
  decode(chunk: Uint8Array): string
  /** Flushes what is still held (an incomplete sequence at the very end of the file). */
  end(): string
}

// TextDecoder is a web-platform global (browsers, Node, Deno) that shared/'s ES-only lib does not declare.
interface PlatformDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string
}
type PlatformDecoderClass = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => PlatformDecoder

const platformDecoder = (label: string, fatal: boolean): PlatformDecoder => {
  const Decoder = (globalThis as unknown as { TextDecoder?: PlatformDecoderClass }).TextDecoder
  if (Decoder === undefined) throw new Error('This JavaScript runtime has no TextDecoder')
  // ignoreBOM false: the decoder drops a leading BOM itself, so it never reaches the first header name.
  return new Decoder(label, { fatal, ignoreBOM: false })
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte)

// How much of the head the NUL check looks at: a UTF-16 text of ASCII letters has a NUL in every other byte.
const NUL_PROBE = 1024

const looksLikeUtf16WithoutBom = (head: Uint8Array): boolean => {
  const probe = head.subarray(0, NUL_PROBE)
  let even = 0
  let odd = 0
  probe.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) even++
      else odd++
    }
  })
  return probe.length >= 4 && Math.max(even, odd) * 4 >= probe.length / 2
}

/** Whether these bytes are valid UTF-8; with `complete` false a sequence cut at the end is not held against them. */
const isUtf8 = (bytes: Uint8Array, complete: boolean): boolean => {
  try {
    platformDecoder('utf-8', true).decode(bytes, { stream: !complete })
    return true
  } catch {
    return false
  }
}

/**
 * The encoding of a file from its first bytes. `complete`: the head is the whole file (then a multi-byte sequence
 * cut at the end makes it not UTF-8). Throws an EncodingFault for UTF-16 without a BOM.
 */
export const detectEncoding = (head: Uint8Array, complete = false): { encoding: TextEncoding; bom: boolean } => {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true }
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true }
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true }
  if (looksLikeUtf16WithoutBom(head)) {
    throw new EncodingFault(
      'The file looks like UTF-16 text without a byte-order mark, which cannot be read reliably; save it again as UTF-8',
      head.indexOf(0),
      null,
    )
  }
  return { encoding: isUtf8(head, complete) ? 'utf-8' : 'windows-1252', bom: false }
}

/**
 * The offset of the first byte that makes `bytes` invalid UTF-8, by bisection with a streaming strict decoder (a
 * valid prefix stays valid when shortened): only run once, to word an error.
 */
export const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  if (isUtf8(bytes, false)) return -1
  let valid = 0
  let invalid = bytes.length
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1
    if (isUtf8(bytes.subarray(0, middle), false)) valid = middle
    else invalid = middle
  }
  return invalid - 1
}

/** Bytes at the end of `bytes` that begin a UTF-8 sequence not yet complete (0–3). */
const incompleteUtf8Tail = (bytes: Uint8Array): number => {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0
    if ((byte & 0xc0) === 0x80) continue // a continuation byte: the lead is further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return length > back ? back : 0
  }
  return 0
}

const concat = (first: Uint8Array, second: Uint8Array): Uint8Array => {
  if (first.length === 0) return second
  const joined = new Uint8Array(first.length + second.length)
  joined.set(first)
  joined.set(second, first.length)
  return joined
}

const windows1252Decoder = (bom: boolean): ChunkDecoder => ({
  encoding: 'windows-1252',
  bom,
  decode: decodeWindows1252,
  end: () => '',
})

// UTF-16: the platform decoder keeps a code unit or a surrogate pair split across chunks; an odd final byte or a
// lone surrogate becomes U+FFFD (never fatal: no fallback could read such a file better).
const utf16Decoder = (encoding: 'utf-16le' | 'utf-16be', bom: boolean): ChunkDecoder => {
  const decoder = platformDecoder(encoding, false)
  return {
    encoding,
    bom,
    decode: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  }
}

/**
 * UTF-8, strict. `declared`: a BOM or the caller said UTF-8, so an invalid byte is an error rather than a reason to
 * switch (see the file comment for the switch while the text is still all ASCII).
 */
const utf8Decoder = (bom: boolean, declared: boolean): ChunkDecoder => {
  const decoder = platformDecoder('utf-8', true)
  let fallback: ChunkDecoder | null = null
  let consumed = 0 // bytes passed to decode() so far
  let held = new Uint8Array(0) // the incomplete sequence at the end of what was passed, still inside the decoder
  let committed = declared // real UTF-8 seen or declared: switching would no longer be lossless

  const fail = (bytes: Uint8Array, offsetOfBytes: number): never => {
    const at = offsetOfBytes + Math.max(0, firstInvalidUtf8(bytes))
    if (declared) {
      const why = bom ? 'although the file starts with a UTF-8 byte-order mark' : 'and the file was read as UTF-8'
      throw new EncodingFault(`Byte ${at} of the file is not valid UTF-8 ${why}`, at, null)
    }
    const message = `Byte ${at} of the file is not valid UTF-8 but earlier text was: the file mixes encodings`
    throw new EncodingFault(message, at, 'windows-1252')
  }

  // Nothing but ASCII has come out so far, which reads the same in Windows-1252: continue in it from the bytes
  // the UTF-8 decoder still held.
  const switchTo1252 = (bytes: Uint8Array): string => {
    fallback = windows1252Decoder(false)
    return fallback.decode(bytes)
  }

  return {
    get encoding() {
      return fallback === null ? 'utf-8' : 'windows-1252'
    },
    bom,
    decode(chunk) {
      if (fallback !== null) return fallback.decode(chunk)
      const offsetOfHeld = consumed - held.length
      consumed += chunk.length
      let text: string
      try {
        text = decoder.decode(chunk, { stream: true })
      } catch {
        return committed ? fail(concat(held, chunk), offsetOfHeld) : switchTo1252(concat(held, chunk))
      }
      const tail = concat(held, chunk.subarray(Math.max(0, chunk.length - 4)))
      held = tail.slice(tail.length - incompleteUtf8Tail(tail))
      // A non-ASCII character out means a whole non-ASCII sequence was decoded (held bytes are not in the text).
      if (!committed) committed = NON_ASCII.test(text)
      return text
    },
    end() {
      if (fallback !== null) return fallback.end()
      try {
        return decoder.decode()
      } catch {
        // The file ends inside a multi-byte sequence.
        return committed ? fail(held, consumed - held.length) : switchTo1252(held)
      }
    },
  }
}

// eslint-disable-next-line no-control-regex -- the ASCII range itself, controls included
const NON_ASCII = /[^\x00-\x7f]/

const hasUtf8Bom = (bytes: Uint8Array): boolean => startsWith(bytes, [0xef, 0xbb, 0xbf])

// Drops the first `count` bytes of the stream (a UTF-8 BOM in a file read as Windows-1252 on request).
const skipping = (count: number, inner: ChunkDecoder): ChunkDecoder => {
  let left = count
  return {
    encoding: inner.encoding,
    bom: true,
    decode(chunk) {
      const skip = Math.min(left, chunk.length)
      left -= skip
      return inner.decode(chunk.subarray(skip))
    },
    end: () => inner.end(),
  }
}

export interface DecoderOptions {
  /** Read as this encoding (after an EncodingFault's restartAs, or the user's choice) instead of detecting. */
  readonly encoding?: TextEncoding
  /** `head` is the whole file: a multi-byte sequence cut at its end then rules UTF-8 out at once. */
  readonly complete?: boolean
}

/**
 * A streaming decoder for a file whose first bytes are `head` (64 KB, or the whole file when smaller). `head` is
 * only looked at: pass every chunk, the first one included, to decode(). A BOM is never part of the text.
 */
export const createDecoder = (head: Uint8Array, options: DecoderOptions = {}): ChunkDecoder => {
  const forced = options.encoding
  if (forced === undefined) {
    const { encoding, bom } = detectEncoding(head, options.complete ?? false)
    if (encoding === 'utf-8') return utf8Decoder(bom, bom)
    return encoding === 'windows-1252' ? windows1252Decoder(false) : utf16Decoder(encoding, true)
  }
  switch (forced) {
    case 'utf-8':
      // The platform decoder drops a UTF-8 BOM itself.
      return utf8Decoder(hasUtf8Bom(head), true)
    case 'windows-1252':
      return hasUtf8Bom(head) ? skipping(3, windows1252Decoder(true)) : windows1252Decoder(false)
    case 'utf-16le':
      return utf16Decoder(forced, startsWith(head, [0xff, 0xfe]))
    case 'utf-16be':
      return utf16Decoder(forced, startsWith(head, [0xfe, 0xff]))
  }
}

/** A whole file → its text and encoding (throws EncodingFault: UTF-16 without BOM, invalid bytes after a UTF-8 BOM). */
export const decodeText = (
  bytes: Uint8Array,
  encoding?: TextEncoding,
): { text: string; encoding: TextEncoding; bom: boolean } => {
  const decoder = createDecoder(bytes, { complete: true, ...(encoding === undefined ? {} : { encoding }) })
  const text = decoder.decode(bytes) + decoder.end()
  return { text, encoding: decoder.encoding, bom: decoder.bom }
}
