/**
 * How many times each 64-bit content hash was seen in one import (row identity's occurrence index), in typed arrays
 * with open addressing: a million distinct hashes take 24 MB and make no garbage, where a Map of numbers costs
 * several times that in V8 objects and collector time on the import's hot path. Keys are whole 64-bit hashes (two
 * 32-bit words), so two contents share a counter only when they share the hash — and then their keys differ by it.
 */
export class OccurrenceCounter {
  private bits = 12
  private his = new Int32Array(1 << this.bits)
  private los = new Int32Array(1 << this.bits)
  /** Occurrences so far; 0 marks an empty slot. */
  private counts = new Uint32Array(1 << this.bits)
  private size = 0

  /** The number of earlier occurrences of (hi, lo), counting this one in. */
  next(hi: number, lo: number): number {
    if ((this.size + 1) * 2 > this.counts.length) this.grow()
    const mask = this.counts.length - 1
    // Fibonacci hashing spreads FNV's words over the table's top bits.
    let slot = Math.imul(hi ^ lo, 0x9e3779b1) >>> (32 - this.bits)
    for (;;) {
      const count = this.counts[slot] ?? 0
      if (count === 0) {
        this.his[slot] = hi
        this.los[slot] = lo
        this.counts[slot] = 1
        this.size += 1
        return 0
      }
      if (this.his[slot] === hi && this.los[slot] === lo) {
        this.counts[slot] = count + 1
        return count
      }
      slot = (slot + 1) & mask
    }
  }

  private grow(): void {
    const { his, los, counts } = this
    this.bits += 1
    this.his = new Int32Array(1 << this.bits)
    this.los = new Int32Array(1 << this.bits)
    this.counts = new Uint32Array(1 << this.bits)
    const mask = this.counts.length - 1
    for (let old = 0; old < counts.length; old += 1) {
      const count = counts[old] ?? 0
      if (count === 0) continue
      const hi = his[old] ?? 0
      const lo = los[old] ?? 0
      let slot = Math.imul(hi ^ lo, 0x9e3779b1) >>> (32 - this.bits)
      while ((this.counts[slot] ?? 0) !== 0) slot = (slot + 1) & mask
      this.his[slot] = hi
      this.los[slot] = lo
      this.counts[slot] = count
    }
  }
}
