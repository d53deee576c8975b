// The digit keys a caller's phone numbers are found by: each digit group on of what the source
// wrote ("020 7946 0958" → 02079460958, 79460958) and the E.164 form with and without the
// country code (442079460958, 2079460958). Pure and allocation-light: it runs per user at index time.

/** Country calling codes of two digits (others are one digit: 1 and 7, or three). ITU-T E.164. */
const TWO_DIGIT_CODES = new Set([
  20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
  57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
]);

/** Digits of an E.164 number's country code ("442079460958" → 2). */
export function countryCodeLength(digits: string): number {
  const first = digits.charCodeAt(0) - 48;
  if (first === 1 || first === 7) return 1;
  return TWO_DIGIT_CODES.has(Number(digits.slice(0, 2))) ? 2 : 3;
}

/** The most digit-group keys kept per number as written. */
const GROUP_VARIANTS = 4;

/** Keys of a number as the source wrote it: from each digit group on (but the last). */
function writtenKeys(phone: string, keys: string[]): void {
  // Hand-rolled rather than split/join: this runs 100,000s of times when the index is built.
  let digits = '';
  const groupStarts: number[] = [];
  let inGroup = false;
  for (let i = 0; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!inGroup) groupStarts.push(digits.length);
      digits += phone[i];
      inGroup = true;
    } else {
      inGroup = false;
    }
  }
  if (digits === '') return;
  const variants = Math.max(1, Math.min(groupStarts.length - 1, GROUP_VARIANTS));
  for (let g = 0; g < variants; g++) {
    const key = digits.slice(groupStarts[g]);
    if (!keys.includes(key)) keys.push(key);
  }
}

function e164Keys(e164: string, keys: string[]): void {
  if (e164.length < 4 || e164[0] !== '+') return;
  const digits = e164.slice(1);
  const national = digits.slice(countryCodeLength(digits));
  if (!keys.includes(digits)) keys.push(digits);
  if (national !== '' && !keys.includes(national)) keys.push(national);
}

/** Most keys one user can have: two numbers as written, two in E.164. */
export const PHONE_KEYS_PER_USER = 2 * GROUP_VARIANTS + 4;

/** Every digit key of one user's numbers, without repeats, at most PHONE_KEYS_PER_USER. */
export function userPhoneKeys(
  phone: string,
  mobile: string,
  phoneE164: string,
  mobileE164: string,
): string[] {
  const keys: string[] = [];
  writtenKeys(phone, keys);
  if (mobile !== '') writtenKeys(mobile, keys);
  if (phoneE164 !== '') e164Keys(phoneE164, keys);
  if (mobileE164 !== '') e164Keys(mobileE164, keys);
  return keys;
}

/**
 * What a caller's typed digits may also mean: "0044 20 …" or "020 …" without the leading zeros
 * (an international or a trunk prefix). Only for numbers long enough to be whole ones.
 */
export function withoutDialPrefix(digits: string): string {
  if (digits.length < 7) return '';
  const stripped = digits.replace(/^0+/, '');
  return stripped === digits ? '' : stripped;
}
