// Search for the Component field: configuration items by name, or by any word of the name
// ("prn" finds LON-RH-F3-PRN01), never a retired one. Pure; built in memory when the directory loads.

import { foldText } from '../../shared/domain/search-text';
import { sortRowsByKey } from './sort-by-key';

const WORD_START = /[\s\-_./]+/g;

/** Folded keys, each with the item row it belongs to, sorted by key. */
class SortedKeys {
  private readonly keys: string[];
  private readonly rows: number[];
  private readonly order: Int32Array;

  constructor(keys: string[], rows: number[]) {
    this.keys = keys;
    this.rows = rows;
    this.order = sortRowsByKey(keys);
  }

  /** Rows whose key starts with `prefix` (or equals it), in key order, until `visit` says stop. */
  scan(prefix: string, exact: boolean, visit: (row: number) => boolean): boolean {
    const { keys, order } = this;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[order[mid] as number] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < order.length; p++) {
      const entry = order[p] as number;
      const key = keys[entry] as string;
      if (exact ? key !== prefix : !key.startsWith(prefix)) break;
      if (visit(this.rows[entry] as number)) return true;
    }
    return false;
  }
}

export class ConfigurationItemSearch {
  private readonly names: SortedKeys;
  private readonly words: SortedKeys;
  /** Rows marked 1 (retired items) are never found. */
  private readonly hidden: Uint8Array | undefined;

  constructor(names: readonly string[], hidden?: Uint8Array) {
    this.hidden = hidden;
    const folded = names.map((name) => foldText(name).trim());
    this.names = new SortedKeys(
      folded,
      folded.map((_, row) => row),
    );
    const wordKeys: string[] = [];
    const wordRows: number[] = [];
    for (let row = 0; row < folded.length; row++) {
      // Each later word starts a key that runs to the end: "f3-prn01" and "prn01".
      const name = folded[row] as string;
      for (const match of name.matchAll(WORD_START)) {
        const rest = name.slice(match.index + match[0].length);
        if (rest !== '') {
          wordKeys.push(rest);
          wordRows.push(row);
        }
      }
    }
    this.words = new SortedKeys(wordKeys, wordRows);
  }

  /** Row indexes, best first: exact name, name prefix, then a later word's prefix. */
  search(query: string, limit: number): number[] {
    const q = foldText(query).trim();
    if (q === '') return [];
    const found: number[] = [];
    const seen = new Set<number>();
    const take = (row: number): boolean => {
      if (this.hidden?.[row] === 1) return false;
      if (!seen.has(row)) {
        seen.add(row);
        found.push(row);
      }
      return found.length >= limit;
    };
    if (!this.names.scan(q, true, take) && !this.names.scan(q, false, take))
      this.words.scan(q, false, take);
    return found;
  }
}
