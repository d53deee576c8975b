// Phone numbers in E.164 (+442079460958) from what a source wrote ("020 7946 0958"), read in the
// server's default region when the number has no country code. Never changes what the source said.

import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/**
 * libphonenumber's metadata with one country per calling code: the region itself for its own code
 * (JE for +44 read in Jersey), the code's main country for the others (GB for +44, US for +1).
 * Only the E.164 digits and whether their length is possible are wanted here; finding out which of
 * the countries sharing a code (GB, GG, IM, JE) a number belongs to runs every number-type pattern
 * of each, and was most of an import's time (3× slower, for a country nothing here reads).
 */
const metadataByRegion = new Map<string, MetadataJson>();
function e164Metadata(region: PhoneRegion): MetadataJson {
  let found = metadataByRegion.get(region);
  if (found === undefined) {
    found = {
      ...metadata,
      country_calling_codes: Object.fromEntries(
        Object.entries(metadata.country_calling_codes).map(([code, countries]) => [
          code,
          countries.includes(region) ? [region] : countries.slice(0, 1),
        ]),
      ),
    };
    metadataByRegion.set(region, found);
  }
  return found;
}

export type PhoneRegion = CountryCode;

export const DEFAULT_PHONE_REGION: PhoneRegion = 'US';

/** A two-letter region libphonenumber knows ("gb" → "GB"), or null. */
export function parsePhoneRegion(text: string): PhoneRegion | null {
  const upper = text.trim().toUpperCase() as CountryCode;
  return /^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper, metadata) ? upper : null;
}

/**
 * The number in E.164, or '' when there is none or it cannot be a phone number (too short, too
 * long, letters only). Possible, not valid: fictional and newly allocated ranges are still found.
 */
export function toE164(raw: string, region: PhoneRegion): string {
  if (!/\d/.test(raw)) return '';
  const parsed = parsePhoneNumberFromString(raw, region, e164Metadata(region));
  return parsed?.isPossible() ? parsed.number : '';
}
