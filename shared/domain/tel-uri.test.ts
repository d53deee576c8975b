import { describe, expect, it } from 'vitest';
import { telUri } from './tel-uri';

describe('telUri', () => {
  it('takes the E.164 form when known', () => {
    expect(telUri('020 7946 0958', '+442079460958')).toBe('tel:+442079460958');
  });

  it('writes a global number without its visual separators', () => {
    expect(telUri('+44 (20) 7946-0958')).toBe('tel:+442079460958');
    expect(telUri('+1 555.010.0000')).toBe('tel:+15550100000');
  });

  it('dials a local number or an extension as written', () => {
    expect(telUri('4711')).toBe('tel:4711');
    expect(telUri('020 7946 0958')).toBe('tel:02079460958');
  });

  it('has nothing to dial for an empty, anonymous or broken number', () => {
    expect(telUri('')).toBeNull();
    expect(telUri('anonymous')).toBeNull();
    expect(telUri('+')).toBeNull();
    expect(telUri('call me', 'not e164')).toBeNull();
  });
});
