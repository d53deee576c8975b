// Sorts row numbers by string key, in exactly the order of JavaScript's `<` on the keys, several
// times faster than Array#sort with a comparator on 100,000s of keys. Pure; no other job.
//
// How: four UTF-16 units of each key (as bytes) and the row number are packed into one double,
// so most of the work is a native numeric sort of a Float64Array; rows whose four units tie are
// sorted the same way on the next four units (MSD radix), and small or odd runs by comparator.

/** Rows per key set; 2^21 leaves 32 bits of a double's 53 for four one-byte units. */
const ROW_RANGE = 2 ** 21;
export const MAX_ROWS = ROW_RANGE;
const UNITS = 4;
/** Beyond this depth a run is left to the comparator (very long shared prefixes). */
const MAX_OFFSET = 64;
const SMALL_RUN = 48;
/** A unit at or above this is not representable in a byte: the key is compared in full. */
const WIDE = 255;

/** Four units from `offset` as one number; a wide unit ends the code so ties go to the comparator. */
function codeAt(key: string, offset: number): { code: number; wide: boolean } {
  let code = 0;
  let wide = false;
  for (let i = 0; i < UNITS; i++) {
    let unit = wide ? 0 : key.charCodeAt(offset + i);
    if (Number.isNaN(unit)) unit = 0;
    if (unit >= WIDE) {
      unit = WIDE;
      wide = true;
    }
    code = code * 256 + unit;
  }
  return { code, wide };
}

export function sortRowsByKey(keys: readonly string[]): Int32Array {
  if (keys.length > MAX_ROWS) throw new Error(`sortRowsByKey handles at most ${MAX_ROWS} keys.`);
  const rows = new Int32Array(keys.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  sortRange(keys, rows, 0, rows.length, 0);
  return rows;
}

function byComparator(keys: readonly string[], rows: Int32Array, start: number, end: number): void {
  const run = Array.from(rows.subarray(start, end));
  run.sort((a, b) => {
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  rows.set(run, start);
}

function sortRange(
  keys: readonly string[],
  rows: Int32Array,
  start: number,
  end: number,
  offset: number,
): void {
  const n = end - start;
  if (n < 2) return;
  if (n <= SMALL_RUN || offset >= MAX_OFFSET) {
    byComparator(keys, rows, start, end);
    return;
  }
  const packed = new Float64Array(n);
  const wideCodes = new Set<number>();
  for (let i = 0; i < n; i++) {
    const row = rows[start + i] as number;
    const { code, wide } = codeAt(keys[row] as string, offset);
    if (wide) wideCodes.add(code);
    packed[i] = code * ROW_RANGE + row;
  }
  packed.sort();
  for (let i = 0; i < n; i++) rows[start + i] = (packed[i] as number) % ROW_RANGE;

  for (let runStart = 0; runStart < n;) {
    const code = Math.floor((packed[runStart] as number) / ROW_RANGE);
    let runEnd = runStart + 1;
    while (runEnd < n && Math.floor((packed[runEnd] as number) / ROW_RANGE) === code) runEnd++;
    if (runEnd - runStart > 1) {
      // A wide unit hid the rest of the key; a zero last unit means the keys ended (or hold a NUL).
      if (wideCodes.has(code) || code % 256 === 0)
        byComparator(keys, rows, start + runStart, start + runEnd);
      else sortRange(keys, rows, start + runStart, start + runEnd, offset + UNITS);
    }
    runStart = runEnd;
  }
}
