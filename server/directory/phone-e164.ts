// Phone numbers in E.164 (+442079460958) from what a source wrote ("020 7946 0958"), read in the
// server's default region when the number has no country code. Never changes what the source said.

import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min';

export type PhoneRegion = CountryCode;

export const DEFAULT_PHONE_REGION: PhoneRegion = 'US';

/** A two-letter region libphonenumber knows ("gb" → "GB"), or null. */
export function parsePhoneRegion(text: string): PhoneRegion | null {
  const upper = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper) ? upper : null;
}

/**
 * The number in E.164, or '' when there is none or it cannot be a phone number (too short, too
 * long, letters only). Possible, not valid: fictional and newly allocated ranges are still found.
 */
export function toE164(raw: string, region: PhoneRegion): string {
  if (!/\d/.test(raw)) return '';
  const parsed = parsePhoneNumberFromString(raw, region);
  return parsed?.isPossible() ? parsed.number : '';
}
