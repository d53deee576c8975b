// What text PostgreSQL can store: no NUL character and no unpaired UTF-16 surrogate (jsonb and
// text both refuse them). Finds such text in any JSON value and makes a storable copy of it.

import { isStorableText } from '../../shared/domain/storable-text';

const NUL = String.fromCharCode(0);
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const isUnstorable = (text: string): boolean => !isStorableText(text);

/**
 * The dotted path of the first unstorable string or key in `value`, or null. `skip` leaves out
 * subtrees (by path) that someone else checks.
 */
export function findUnstorableText(
  value: unknown,
  path = '',
  skip?: (path: string) => boolean,
  depth = 0,
): string | null {
  if (skip && path && skip(path)) return null;
  if (typeof value === 'string') return isUnstorable(value) ? path || '_' : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isUnstorable(key)) return at;
    const found = findUnstorableText(item, at, skip, depth + 1);
    if (found) return found;
  }
  return null;
}

const clean = (text: string): string =>
  text.replaceAll(NUL, '\ufffd').replace(LONE_SURROGATES, '\ufffd');

/** JSON text of `value` with every unstorable character (in values and keys) replaced by U+FFFD. */
export function storableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'string') return clean(item);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [clean(k), v]));
  });
}
