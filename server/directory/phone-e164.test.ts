import { describe, expect, it } from 'vitest';
import { parsePhoneRegion, toE164 } from './phone-e164';

describe('toE164', () => {
  it('reads national numbers in the default region and keeps international ones', () => {
    expect(toE164('(555) 123-4567', 'US')).toBe('+15551234567');
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('07700 900123', 'GB')).toBe('+447700900123');
    expect(toE164('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(toE164('0049 30 123456', 'DE')).toBe('+4930123456');
  });

  it('answers nothing for what cannot be a number', () => {
    expect(toE164('', 'US')).toBe('');
    expect(toE164('ext. only', 'US')).toBe('');
    expect(toE164('1234', 'US')).toBe('');
  });
});

describe('parsePhoneRegion', () => {
  it('takes two-letter regions libphonenumber knows, in any case', () => {
    expect(parsePhoneRegion('gb')).toBe('GB');
    expect(parsePhoneRegion('XX')).toBeNull();
    expect(parsePhoneRegion('USA')).toBeNull();
  });
});

describe('toE164 where countries share a calling code', () => {
  it('reads numbers of every country of +44 and +1 in any of their regions', () => {
    expect(toE164('01534 123456', 'JE')).toBe('+441534123456');
    expect(toE164('01624 612345', 'IM')).toBe('+441624612345');
    expect(toE164('01534 123456', 'GB')).toBe('+441534123456');
    expect(toE164('(613) 555-0100', 'CA')).toBe('+16135550100');
    expect(toE164('+1 876 555 0100', 'GB')).toBe('+18765550100');
    expect(toE164('07700 900123', 'GG')).toBe('+447700900123');
    expect(toE164('0153412', 'JE')).toBe('');
  });
});
