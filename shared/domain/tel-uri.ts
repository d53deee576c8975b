// Click to dial: a phone number as an RFC 3966 `tel:` URI, its E.164 form when known, so the agent's
// softphone dials it. Pure; never dials, never guesses a country for a local number.

/** Digits and a leading +, as RFC 3966 writes a global number (visual separators dropped). */
const compact = (text: string): string => text.replace(/[\s().\-/]/g, '');

/**
 * The `tel:` URI of a number, or null when there is nothing to dial. `e164` (+442079460958), when
 * the directory or the phone system normalized it, wins; else a number written with + is global;
 * a local one (no +) is dialled as written, digits only, as softphones take it.
 */
export function telUri(number: string, e164 = ''): string | null {
  const global = compact(e164);
  if (/^\+\d{4,15}$/.test(global)) return `tel:${global}`;
  const written = compact(number);
  if (/^\+\d{4,15}$/.test(written)) return `tel:${written}`;
  if (/^[\d*#]{2,20}$/.test(written)) return `tel:${written}`;
  return null;
}
