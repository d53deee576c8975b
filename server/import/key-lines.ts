// A compact set of strings with a number each (a key → the line it was first seen on), for a
// million keys in a few tens of MB: each key is kept as a 64-bit hash in typed arrays, never as
// a string. Two different keys share a hash with odds of about 1 in 10^7 for a million keys.

/** 32-bit FNV-1a over UTF-16 code units, from `seed`. */
function fnv(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final mix (murmur3's), so nearby keys ("E1", "E2") spread over the table.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class KeyLines {
  private high: Uint32Array;
  private low: Uint32Array;
  /** The number kept with each key, +1 (0 marks an empty slot). */
  private values: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.values = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  private slot(high: number, low: number): number {
    const mask = this.values.length - 1;
    let i = (high ^ low) & mask;
    while (this.values[i] !== 0 && (this.high[i] !== high || this.low[i] !== low))
      i = (i + 1) & mask;
    return i;
  }

  /** The number kept for `key`, or undefined. */
  get(key: string): number | undefined {
    const i = this.slot(fnv(key, 0x811c9dc5), fnv(key, 0x2545f491));
    const value = this.values[i] ?? 0;
    return value === 0 ? undefined : value - 1;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Keeps `value` (≥ 0) for `key` unless the key is there already; answers the kept value. */
  add(key: string, value = 0): number {
    if ((this.count + 1) * 2 > this.values.length) this.grow();
    const high = fnv(key, 0x811c9dc5);
    const low = fnv(key, 0x2545f491);
    const i = this.slot(high, low);
    const kept = this.values[i] ?? 0;
    if (kept !== 0) return kept - 1;
    this.high[i] = high;
    this.low[i] = low;
    this.values[i] = value + 1;
    this.count++;
    return value;
  }

  private grow(): void {
    const { high, low, values } = this;
    this.high = new Uint32Array(values.length * 2);
    this.low = new Uint32Array(values.length * 2);
    this.values = new Int32Array(values.length * 2);
    for (let j = 0; j < values.length; j++) {
      if (values[j] === 0) continue;
      const i = this.slot(high[j] as number, low[j] as number);
      this.high[i] = high[j] as number;
      this.low[i] = low[j] as number;
      this.values[i] = values[j] as number;
    }
  }
}
