// A phone number as a person reads it: E.164 in international form ("+44 20 7946 0958"). The store
// host formats the numbers it hands windows with it, so a window's script carries no phone metadata
// (decision 0016); the desk server reads numbers into E.164 (server/directory/phone-e164.ts).

import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Numbers already formatted: a desk's calls come from a few thousand numbers at most. */
const international = new Map<string, string | null>();
const INTERNATIONAL_KEPT = 5000;

/** An E.164 number in international form ("+44 20 7946 0958"); null for none or one not valid. */
export function internationalForm(e164: string): string | null {
  if (e164 === '') return null;
  let formatted = international.get(e164);
  if (formatted === undefined) {
    formatted = parsePhoneNumberFromString(e164)?.formatInternational() ?? null;
    if (international.size >= INTERNATIONAL_KEPT) international.clear();
    international.set(e164, formatted);
  }
  return formatted;
}
