import { describe, expect, it } from 'vitest';
import { currentWording } from './form-actions';

describe('the form’s last outcome in words', () => {
  it('names the real number once the desk server gave it', () => {
    const synced = { number: 'IMS0001001', numberProvisional: false };
    expect(currentWording('Saved IMS-P0001', synced)).toBe('Saved IMS0001001');
    expect(currentWording('Saved IMS-P0001 with the work note', synced)).toBe(
      'Saved IMS0001001 with the work note',
    );
  });

  it('leaves the numbers of other records alone (an escalation names the incident)', () => {
    const synced = { number: 'IMS0001001', numberProvisional: false };
    expect(currentWording('Incident INC-P0001 was created.', synced)).toBe(
      'Incident INC-P0001 was created.',
    );
  });

  it('keeps the provisional number while the record has no other', () => {
    const local = { number: 'IMS-P0001', numberProvisional: true };
    expect(currentWording('Saved IMS-P0001', local)).toBe('Saved IMS-P0001');
    expect(currentWording('Saved IMS-P0001', null)).toBe('Saved IMS-P0001');
  });
});
