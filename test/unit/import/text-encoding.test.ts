import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  createDecoder,
  decodeText,
  detectEncoding,
  EncodingFault,
  firstInvalidUtf8,
} from '../../../shared/import/encoding'
import { decodeWindows1252, WINDOWS_1252 } from '../../../shared/import/windows-1252'

const numRuns = Number(process.env.FC_RUNS ?? 100)

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const utf16 = (text: string, endian: 'le' | 'be', bom = true): Uint8Array => {
  const units = bom ? [0xfeff] : []
  for (let index = 0; index < text.length; index++) units.push(text.charCodeAt(index))
  const out = new Uint8Array(units.length * 2)
  units.forEach((unit, index) => {
    out[index * 2 + (endian === 'le' ? 0 : 1)] = unit & 0xff
    out[index * 2 + (endian === 'le' ? 1 : 0)] = unit >> 8
  })
  return out
}

/** Feeds `data` to a fresh decoder in pieces cut at `cuts` (sorted offsets). */
const decodeInPieces = (data: Uint8Array, cuts: readonly number[], head = data): string => {
  const decoder = createDecoder(head)
  let text = ''
  let from = 0
  for (const cut of [...cuts, data.length]) {
    text += decoder.decode(data.subarray(from, cut))
    from = cut
  }
  return text + decoder.end()
}

describe('Windows-1252 table', () => {
  test('0x80–0x9F decode as the WHATWG index says: € survives, undefined bytes keep their C1 code point', () => {
    const high = Array.from({ length: 32 }, (_, index) => 0x80 + index)
    expect(decodeWindows1252(bytes(...high))).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ')
  })

  test('ASCII and 0xA0–0xFF are the same code points; every byte maps to exactly one character', () => {
    expect(decodeWindows1252(utf8('Betrag;Waehrung'))).toBe('Betrag;Waehrung')
    expect(decodeWindows1252(bytes(0xdc, 0x62, 0x65, 0x72, 0x77, 0x65, 0x69, 0x73, 0x75, 0x6e, 0x67))).toBe(
      'Überweisung',
    )
    expect(decodeWindows1252(bytes(0xa0, 0xe4, 0xf6, 0xfc, 0xdf, 0xff))).toBe('\u00a0äöüßÿ')
    expect(WINDOWS_1252.length).toBe(256)
    for (let byte = 0; byte < 256; byte++) expect(decodeWindows1252(bytes(byte))).toHaveLength(1)
  })

  test('a long text is decoded whole (beyond one fromCharCode slice)', () => {
    const data = new Uint8Array(50_000).fill(0x80)
    expect(decodeWindows1252(data)).toBe('€'.repeat(50_000))
  })
})

describe('detection', () => {
  test.each([
    ['UTF-8 BOM', bytes(0xef, 0xbb, 0xbf, 0x61), 'utf-8', true],
    ['UTF-16LE BOM', bytes(0xff, 0xfe, 0x61, 0x00), 'utf-16le', true],
    ['UTF-16BE BOM', bytes(0xfe, 0xff, 0x00, 0x61), 'utf-16be', true],
    ['valid UTF-8 without BOM', utf8('Gläubiger-ID;Betrag (€)'), 'utf-8', false],
    ['plain ASCII', utf8('Date,Amount'), 'utf-8', false],
    ['cp1252 Ü and €', bytes(0xdc, 0x3b, 0x80), 'windows-1252', false],
  ])('%s → %s', (_, head, encoding, bom) => {
    expect(detectEncoding(head, true)).toEqual({ encoding, bom })
  })

  test('a head cut inside a UTF-8 sequence is still UTF-8, unless the head is the whole file', () => {
    const cut = utf8('Betrag (€)').subarray(0, 9) // "Betrag (" + the first byte of €
    expect(detectEncoding(cut, false).encoding).toBe('utf-8')
    expect(detectEncoding(cut, true).encoding).toBe('windows-1252')
  })

  test('UTF-16 without a BOM is refused with a message, not guessed', () => {
    const noBom = utf16('Date\tAmount\r\n01/15/2024\t-20.00\r\n', 'le', false)
    expect(() => detectEncoding(noBom)).toThrow(EncodingFault)
    expect(() => detectEncoding(noBom)).toThrow(/UTF-16 text without a byte-order mark/)
  })
})

describe('whole-file decoding', () => {
  test('the UTF-8 BOM is stripped, so the first header name matches (DKB found 0 rows with it glued on)', () => {
    const { text, encoding, bom } = decodeText(utf8('\uFEFF"Buchungsdatum";"Betrag (€)"'))
    expect({ encoding, bom }).toEqual({ encoding: 'utf-8', bom: true })
    expect(text.split(';')[0]).toBe('"Buchungsdatum"')
  })

  test('€ in a cp1252 file (byte 0x80) comes out as €, not U+0080', () => {
    const { text, encoding } = decodeText(bytes(0x22, 0x2d, 0x35, 0x33, 0x2c, 0x39, 0x34, 0x20, 0x80, 0x22))
    expect(encoding).toBe('windows-1252')
    expect(text).toBe('"-53,94 €"')
  })

  test('UTF-16LE and BE with BOM, tab-delimited, BOM stripped', () => {
    for (const endian of ['le', 'be'] as const) {
      const { text, encoding } = decodeText(utf16('Description\tAmount\r\nTeam plan – €\t-20.00\n', endian))
      expect(encoding).toBe(`utf-16${endian}`)
      expect(text).toBe('Description\tAmount\r\nTeam plan – €\t-20.00\n')
    }
  })

  test('forcing Windows-1252 on a file with a UTF-8 BOM drops the BOM bytes instead of printing ï»¿', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x80), 'windows-1252').text).toBe('€')
  })

  test('invalid bytes after a UTF-8 BOM are an error at the right byte, with nothing to restart as', () => {
    const data = new Uint8Array([...utf8('\uFEFFa;b\n1;'), 0x80, 0x0a])
    try {
      decodeText(data)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EncodingFault)
      expect(error).toMatchObject({ byteOffset: 9, restartAs: null })
      expect((error as Error).message).toMatch(/Byte 9 .* byte-order mark/)
    }
  })

  test('firstInvalidUtf8 points at the offending byte', () => {
    expect(firstInvalidUtf8(utf8('plain'))).toBe(-1)
    expect(firstInvalidUtf8(new Uint8Array([...utf8('äöü'), 0xff, 0x41]))).toBe(6)
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82, 0x41]))).toBe(3)
  })
})

describe('streaming', () => {
  const sample = 'Zahlungsempfänger*in;Betrag (€)\n"Müller – „Dank“";-1.234,5\n😀 emoji;0,5\n'

  test('UTF-8 split at every byte boundary decodes the same', () => {
    const data = utf8(sample)
    for (let cut = 0; cut <= data.length; cut++) expect(decodeInPieces(data, [cut])).toBe(sample)
  })

  test('UTF-16LE and BE split at every byte boundary (code units and surrogate pairs across chunks)', () => {
    for (const endian of ['le', 'be'] as const) {
      const data = utf16(sample, endian)
      for (let cut = 0; cut <= data.length; cut++) expect(decodeInPieces(data, [cut])).toBe(sample)
    }
  })

  test('cp1252 split anywhere decodes the same', () => {
    const data = bytes(0xdc, 0x62, 0x3b, 0x80, 0x0a, 0x84, 0x93, 0x94)
    for (let cut = 0; cut <= data.length; cut++) expect(decodeInPieces(data, [cut])).toBe('Üb;€\n„“”')
  })

  test('property: any text, any encoding with a BOM, any chunking → the same text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'),
        fc.uniqueArray(fc.nat(400), { maxLength: 8 }),
        (text, encoding, rawCuts) => {
          const data =
            encoding === 'utf-8'
              ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
              : utf16(text, encoding === 'utf-16le' ? 'le' : 'be')
          const cuts = rawCuts.filter((cut) => cut <= data.length).sort((a, b) => a - b)
          expect(decodeInPieces(data, cuts, data.subarray(0, 64))).toBe(text)
        },
      ),
      { numRuns },
    )
  })

  test('property: UTF-8 without a BOM, any chunking, a head of only 16 bytes → the same text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }).filter((text) => !text.includes('\0')),
        fc.uniqueArray(fc.nat(300), { maxLength: 8 }),
        (text, rawCuts) => {
          const data = utf8(text)
          const cuts = rawCuts.filter((cut) => cut <= data.length).sort((a, b) => a - b)
          expect(decodeInPieces(data, cuts, data.subarray(0, 16))).toBe(text)
        },
      ),
      { numRuns },
    )
  })

  test('an ASCII head then a cp1252 byte later switches to Windows-1252 losslessly', () => {
    const head = utf8('Buchungstag;Betrag\n'.repeat(10))
    const later = bytes(0x22, 0xdc, 0x62, 0x65, 0x72, 0x22, 0x3b, 0x80, 0x0a)
    const decoder = createDecoder(head)
    expect(decoder.encoding).toBe('utf-8')
    const text = decoder.decode(head) + decoder.decode(later) + decoder.end()
    expect(decoder.encoding).toBe('windows-1252')
    expect(text.endsWith('"Über";€\n')).toBe(true)
  })

  test('a cp1252 lead byte at the very end of an ASCII chunk still switches (it was only held, never decoded)', () => {
    const decoder = createDecoder(utf8('a;b\n'))
    const text = decoder.decode(new Uint8Array([0x61, 0x3b, 0xe9])) + decoder.decode(utf8(';x\n')) + decoder.end()
    expect(text).toBe('a;é;x\n')
  })

  test('a cp1252 lead byte as the file’s last byte switches at end()', () => {
    const decoder = createDecoder(utf8('a;b\n'))
    expect(decoder.decode(new Uint8Array([0x61, 0x3b, 0xe9])) + decoder.end()).toBe('a;é')
  })

  test('real UTF-8 first, an invalid byte later: an EncodingFault that asks for a restart as Windows-1252', () => {
    const first = utf8('Empfänger;Betrag\n')
    const decoder = createDecoder(first)
    decoder.decode(first)
    expect(() => decoder.decode(bytes(0x41, 0x3b, 0x80, 0x0a))).toThrow(
      expect.objectContaining({ byteOffset: first.length + 2, restartAs: 'windows-1252' }),
    )
    // The restart reads the whole file as the whole-file rule would have: cp1252 from the first byte.
    const whole = new Uint8Array([...first, 0x41, 0x3b, 0x80, 0x0a])
    expect(decodeText(whole).text).toBe('EmpfÃ¤nger;Betrag\nA;€\n')
    const again = createDecoder(whole, { encoding: 'windows-1252' })
    expect(again.decode(whole) + again.end()).toBe('EmpfÃ¤nger;Betrag\nA;€\n')
  })
})
