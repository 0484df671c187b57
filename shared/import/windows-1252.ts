/**
 * Windows-1252 (cp1252) decoding through our own table, never TextDecoder('windows-1252'): Node ≥ 20.18.3 / 22.13
 * decodes 0x80–0x9F as C1 controls (0x80 → U+0080 instead of €; nodejs/node #56542, #60888), and Sparkasse, old
 * ING and comdirect exports are cp1252 without a BOM (vendor-csv.md §0, §6.2). The table follows the WHATWG
 * Encoding Standard's index-windows-1252: the five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
 * map to the C1 control of the same number, so every byte decodes to something and nothing is dropped.
 */

/** 0x80–0x9F, the only range where cp1252 differs from ISO-8859-1 (Latin-1). */
const HIGH_CONTROLS: readonly number[] = [
  0x20ac, // 80 €
  0x0081, // 81 undefined → U+0081
  0x201a, // 82 ‚
  0x0192, // 83 ƒ
  0x201e, // 84 „
  0x2026, // 85 …
  0x2020, // 86 †
  0x2021, // 87 ‡
  0x02c6, // 88 ˆ
  0x2030, // 89 ‰
  0x0160, // 8A Š
  0x2039, // 8B ‹
  0x0152, // 8C Œ
  0x008d, // 8D undefined → U+008D
  0x017d, // 8E Ž
  0x008f, // 8F undefined → U+008F
  0x0090, // 90 undefined → U+0090
  0x2018, // 91 ‘
  0x2019, // 92 ’
  0x201c, // 93 “
  0x201d, // 94 ”
  0x2022, // 95 •
  0x2013, // 96 –
  0x2014, // 97 —
  0x02dc, // 98 ˜
  0x2122, // 99 ™
  0x0161, // 9A š
  0x203a, // 9B ›
  0x0153, // 9C œ
  0x009d, // 9D undefined → U+009D
  0x017e, // 9E ž
  0x0178, // 9F Ÿ
]

/**
 * The full 256-entry table, byte → UTF-16 code unit: 0x00–0x7F is ASCII and 0xA0–0xFF is Latin-1 (both map to the
 * code point of the same number), 0x80–0x9F comes from HIGH_CONTROLS above.
 */
export const WINDOWS_1252: Readonly<Uint16Array> = (() => {
  const table = new Uint16Array(256)
  for (let byte = 0; byte < 256; byte++) table[byte] = byte
  HIGH_CONTROLS.forEach((codeUnit, index) => (table[0x80 + index] = codeUnit))
  return table
})()

// String.fromCharCode takes its units as arguments; engines limit argument counts, so convert in slices.
const SLICE = 8192

/** Decodes cp1252 bytes; every byte is one character, so chunks can be decoded independently (no state). */
export const decodeWindows1252 = (bytes: Uint8Array): string => {
  const units = new Uint16Array(bytes.length)
  for (let index = 0; index < bytes.length; index++) units[index] = WINDOWS_1252[bytes[index] ?? 0] ?? 0
  let text = ''
  for (let start = 0; start < units.length; start += SLICE) {
    text += String.fromCharCode(...units.subarray(start, start + SLICE))
  }
  return text
}
