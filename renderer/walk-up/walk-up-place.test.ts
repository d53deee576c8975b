// The walk-up place kept per desk (read back safely whatever storage holds) and how the queue's
// minutes read.

import { describe, expect, it } from 'vitest';
import { formatEstimate, formatMinutes, minutesSince } from './waiting-time';
import { createUiState } from '../app/ui-state';
import {
  keepPlace,
  PLACE_KEY,
  readKeptPlace,
  readPlaceAhead,
  type PlaceStorage,
} from './walk-up-place';

const memory = (initial: Record<string, string> = {}): NonNullable<PlaceStorage> => {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
};

describe('the kept walk-up place', () => {
  it('reads back what was kept', () => {
    const storage = memory();
    keepPlace(storage, { location: 'loc-hq', station: 'Counter 2' });
    expect(readKeptPlace(storage)).toEqual({ location: 'loc-hq', station: 'Counter 2' });
  });

  it('starts with no location when nothing, or something unreadable, is kept', () => {
    const none = { location: null, station: '' };
    expect(readKeptPlace(null)).toEqual(none);
    expect(readKeptPlace(memory())).toEqual(none);
    expect(readKeptPlace(memory({ [PLACE_KEY]: '{not json' }))).toEqual(none);
    expect(readKeptPlace(memory({ [PLACE_KEY]: '42' }))).toEqual(none);
    expect(readKeptPlace(memory({ [PLACE_KEY]: '{"location":7,"station":"Desk"}' }))).toEqual({
      location: null,
      station: 'Desk',
    });
  });

  it('is read into the window ahead of the desk, never over a place already chosen', () => {
    const kept = memory({ [PLACE_KEY]: '{"location":"loc-hq","station":"Counter 2"}' });
    const ui = createUiState(() => 'id');
    readPlaceAhead(ui, kept);
    expect(ui.getState().walkUpPlace).toEqual({ location: 'loc-hq', station: 'Counter 2' });
    ui.getState().setWalkUpPlace({ location: 'loc-branch', station: 'Desk 1' });
    readPlaceAhead(ui, kept);
    expect(ui.getState().walkUpPlace).toEqual({ location: 'loc-branch', station: 'Desk 1' });
  });

  it('still holds when storage refuses to keep it', () => {
    const full: PlaceStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => keepPlace(full, { location: 'loc-hq', station: 'Counter 2' })).not.toThrow();
  });
});

describe('the queue’s minutes', () => {
  it('reads as minutes, then hours and minutes', () => {
    expect(formatMinutes(0.4)).toBe('less than 1 min');
    expect(formatMinutes(4)).toBe('4 min');
    expect(formatMinutes(65)).toBe('1 h 05 min');
  });

  it('says when there is no estimate yet, and who is next up', () => {
    expect(formatEstimate(null)).toBe('No estimate yet');
    expect(formatEstimate(0)).toBe('Next up');
    expect(formatEstimate(7.6)).toBe('about 8 min');
  });

  it('counts whole minutes since a time, never below zero', () => {
    const now = Date.parse('2026-12-04T09:10:30Z');
    expect(minutesSince('2026-12-04T09:00:00Z', now)).toBe(10);
    expect(minutesSince('2026-12-04T09:20:00Z', now)).toBe(0);
    expect(minutesSince(null, now)).toBe(0);
  });
});
