// The demo walk-up desk's generator: valid locations and visits, the same for the same seed,
// numbered in check-in order, finished before the clock, with badges only for employee ids.

import { describe, expect, it } from 'vitest';
import { Visit } from '../domain/visit';
import { WalkUpLocation, DEFAULT_REASONS } from '../domain/walk-up-location';
import { generateDirectory } from './directory-generator';
import { DEMO_LOCATIONS, demoBadgeNumber, generateDemoVisits } from './walk-up-generator';

const NOW = '2026-12-04T09:00:00.000Z';
const directory = generateDirectory({ users: 80, seed: 1 });

describe('the demo walk-up desk', () => {
  it('has the HQ service desk with the default reasons and the building 2 tech bar', () => {
    expect(DEMO_LOCATIONS.map((l) => WalkUpLocation.parse(l).name)).toEqual([
      'Service Desk — HQ',
      'Tech Bar — Building 2',
    ]);
    expect(DEMO_LOCATIONS[0]?.reasons).toEqual(DEFAULT_REASONS);
  });

  it('makes the same valid finished visits for the same seed, numbered in check-in order', () => {
    const visits = generateDemoVisits(directory, { now: NOW, firstNumber: 1001 });
    expect(generateDemoVisits(directory, { now: NOW, firstNumber: 1001 })).toEqual(visits);
    expect(visits).toHaveLength(24);
    for (const visit of visits) {
      expect(Visit.parse(visit)).toEqual(visit);
      expect(visit.state).toBe('Done');
      expect(Date.parse(visit.endedAt ?? '')).toBeLessThanOrEqual(Date.parse(NOW) - 3_600_000);
    }
    expect(visits.map((v) => v.number).slice(0, 2)).toEqual(['VIS0001001', 'VIS0001002']);
    const checkIns = visits.map((v) => v.checkedInAt);
    expect(checkIns).toEqual([...checkIns].sort());
  });

  it('gives a badge number to people with an employee id only', () => {
    expect(demoBadgeNumber({ employeeId: 'E010042' })).toBe('7010042');
    expect(demoBadgeNumber({ employeeId: '' })).toBe('');
  });
});
