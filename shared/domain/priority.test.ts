import { describe, expect, it } from 'vitest';
import { Impact, LEVELS, PRIORITY_LABELS, priorityOf, Urgency } from './priority';

describe('the priority matrix', () => {
  // Impact / Urgency → Priority, as issue 4 states it.
  it.each([
    [1, 1, '1 - Critical'],
    [1, 2, '2 - High'],
    [1, 3, '3 - Moderate'],
    [2, 1, '2 - High'],
    [2, 2, '3 - Moderate'],
    [2, 3, '4 - Low'],
    [3, 1, '3 - Moderate'],
    [3, 2, '4 - Low'],
    [3, 3, '4 - Low'],
  ] as const)('impact %i and urgency %i give %s', (impact, urgency, label) => {
    expect(PRIORITY_LABELS[priorityOf(impact, urgency)]).toBe(label);
  });

  it('never lowers the priority when impact or urgency rises', () => {
    for (const i of LEVELS) {
      for (const u of LEVELS) {
        if (i > 1) expect(priorityOf((i - 1) as Impact, u)).toBeLessThanOrEqual(priorityOf(i, u));
        if (u > 1) expect(priorityOf(i, (u - 1) as Urgency)).toBeLessThanOrEqual(priorityOf(i, u));
      }
    }
  });

  it('is symmetric: a high impact counts as much as a high urgency', () => {
    for (const i of LEVELS) for (const u of LEVELS) expect(priorityOf(i, u)).toBe(priorityOf(u, i));
  });

  it('refuses a level outside 1–3 with a message the agent can act on', () => {
    const r = Impact.safeParse(4);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Pick the impact: 1 - High, 2 - Medium or 3 - Low.');
    expect(Urgency.safeParse('1').success).toBe(false);
  });
});
