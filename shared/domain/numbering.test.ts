import { describe, expect, it } from 'vitest';
import { isProvisionalNumber, provisionalNumber, serverNumber } from './numbering';

describe('record numbers', () => {
  it('server numbers look like ServiceNow numbers', () => {
    expect(serverNumber('interaction', 1001)).toBe('IMS0001001');
    expect(serverNumber('incident', 1001)).toBe('INC0001001');
    expect(serverNumber('request', 12345678)).toBe('REQ12345678');
  });

  it('provisional numbers are told apart from server numbers', () => {
    expect(provisionalNumber('interaction', 1)).toBe('IMS-P0001');
    expect(isProvisionalNumber('IMS-P0001')).toBe(true);
    expect(isProvisionalNumber('IMS0001001')).toBe(false);
  });
});
