// Checks how times and handle times read on the desk.
// Locale-independent assertions only: the format follows the agent's locale.

import { describe, expect, it } from 'vitest';
import { formatDaysAgo, formatDuration, formatFullTime, formatShortTime } from './format-time';

describe('formatDuration', () => {
  it('reads seconds, minutes and hours the way an agent says them', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(245)).toBe('4 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });

  it('shows nothing for a record that is still open', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(-1)).toBe('');
  });
});

describe('formatShortTime', () => {
  const now = new Date(2025, 10, 23, 15, 0);

  it('leaves the day out for today', () => {
    const today = formatShortTime(new Date(2025, 10, 23, 9, 5).toISOString(), now);
    const earlier = formatShortTime(new Date(2025, 10, 20, 9, 5).toISOString(), now);
    expect(today.length).toBeLessThan(earlier.length);
    expect(earlier).toMatch(/20/);
  });

  it('shows nothing for a missing or broken time', () => {
    expect(formatShortTime(null, now)).toBe('');
    expect(formatShortTime('not a time', now)).toBe('');
    expect(formatFullTime('nope')).toBe('');
  });
});

describe('formatDaysAgo', () => {
  const now = new Date(2025, 10, 23, 0, 30);

  it('counts calendar days on the desk, not 24-hour spans', () => {
    expect(formatDaysAgo(new Date(2025, 10, 23, 0, 5).toISOString(), now)).toBe('today');
    expect(formatDaysAgo(new Date(2025, 10, 22, 23, 50).toISOString(), now)).toBe('yesterday');
    expect(formatDaysAgo(new Date(2025, 10, 20, 9, 0).toISOString(), now)).toBe('3 days ago');
    // A clock a little ahead of the desk's still reads today.
    expect(formatDaysAgo(new Date(2025, 10, 23, 0, 40).toISOString(), now)).toBe('today');
    expect(formatDaysAgo('not a time', now)).toBe('');
    expect(formatDaysAgo(null, now)).toBe('');
  });
});
