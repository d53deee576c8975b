// A compact set of strings with a number each (a key → the line it was first seen on), for a
// million keys in 16 MB: each key is kept as a 64-bit hash in typed arrays (12 bytes a slot, at
// most 3 slots in 4 used), never as a string. Two different keys share a hash with odds of about
// 1 in 10^7 for a million keys. Sized from an estimate of the rows, it never has to grow.

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

/** At most this share of the slots is used (linear probing stays short below it). */
const MAX_LOAD = 0.75;

/** Slots for `capacity` keys: any size (not a power of two), so an estimate costs what it says. */
const slotsFor = (capacity: number): number => Math.max(16, Math.ceil(capacity / MAX_LOAD) + 1);

export class KeyLines {
  private high: Uint32Array;
  private low: Uint32Array;
  /** The number kept with each key, +1 (0 marks an empty slot). */
  private values: Int32Array;
  private count = 0;

  /** `capacity`: the keys expected (a file's rows); more still fit, the table then grows. */
  constructor(capacity = 1024) {
    const size = slotsFor(capacity);
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.values = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  private slot(high: number, low: number): number {
    const size = this.values.length;
    let i = ((high ^ low) >>> 0) % size;
    while (this.values[i] !== 0 && (this.high[i] !== high || this.low[i] !== low))
      if (++i === size) i = 0;
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
    if (this.count + 1 > this.values.length * MAX_LOAD) this.grow();
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
    const size = slotsFor(this.count * 1.5);
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.values = new Int32Array(size);
    for (let j = 0; j < values.length; j++) {
      if (values[j] === 0) continue;
      const i = this.slot(high[j] as number, low[j] as number);
      this.high[i] = high[j] as number;
      this.low[i] = low[j] as number;
      this.values[i] = values[j] as number;
    }
  }
}

/**
 * About how many rows a CSV file holds, from its size and its first rows (as the file has them):
 * a little over, so a table sized by it rarely grows.
 */
export function estimateRows(fileBytes: number, preview: readonly (readonly string[])[]): number {
  if (preview.length === 0) return 1024;
  const bytes = preview.reduce(
    (sum, fields) => sum + fields.reduce((n, f) => n + Buffer.byteLength(f) + 1, 1),
    0,
  );
  return Math.ceil((fileBytes / Math.max(1, bytes / preview.length)) * 1.05) + 16;
}
