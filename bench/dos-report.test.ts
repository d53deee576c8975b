// Issue 10's figure side by side: /health and sign-in p99 under attack against the same run's idle
// server, the ratio, what the attackers got, and how it was measured in the README part.

import { describe, expect, it } from 'vitest';
import type { DosBenchResults, LatencySample } from './dos-types';
import { dosFigureRows, dosSection } from './dos-report.mjs';

const sample = (p50: number, p99: number, failures = 0): LatencySample => ({
  count: 100,
  p50,
  p95: p99,
  p99,
  max: p99,
  failures,
});

const results = (over: Partial<DosBenchResults> = {}): DosBenchResults => ({
  date: '2026-12-03T22:00:00.000Z',
  command: 'npm run bench -- --only dos',
  wallSeconds: 70,
  database: 'embedded PGlite (no DATABASE_URL)',
  cores: 2,
  loadAverage: { min: 0.4, max: 2.1 },
  healthRequests: 500,
  signIns: 120,
  concurrency: 4,
  attackers: { bodies: 10, bodyBytes: 8 * 1024 * 1024, slow: 200, trickleMs: 2000 },
  idle: { health: sample(2, 5), signIn: sample(120, 200) },
  attacked: { health: sample(4, 20), signIn: sample(150, 300, 1) },
  attack: {
    bodyRequests: 1200,
    bodyAnswers: { '401': 1190 },
    bodyBytesSent: 5_000_000,
    bodyCutOff: 1195,
    slowOpened: 400,
    slowClosedByServer: 200,
    slowLifetimesMs: [10_500, 30_900],
    slowOpenAtStop: 200,
  },
  attackSeconds: 36,
  ...over,
});

describe('the figure of a desk server under attack', () => {
  it('puts each p99 under attack beside the idle one, with the ratio', () => {
    const [health, signIn, attackers] = dosFigureRows(results());
    expect(health?.deskpad).toBe('p50 4.0 ms, p99 20.0 ms');
    expect(health?.baseline).toBe('p50 2.0 ms, p99 5.0 ms (idle server)');
    expect(health?.ratio).toBe('4.0× idle');
    expect(health?.figure).toContain('10 clients send 8 MiB push bodies');
    expect(health?.figure).toContain('200 slow connections hang');
    expect(signIn?.deskpad).toBe('p50 150 ms, p99 300 ms (1 failed)');
    expect(signIn?.ratio).toBe('1.5× idle');
    expect(attackers?.deskpad).toContain('1,200 big-body requests: 1,190 × 401');
    expect(attackers?.deskpad).toContain('200 slow connections closed by the server');
  });

  it('says in the README on what, how busy the machine was and how the attack ran', () => {
    const section = dosSection(results());
    expect(section).toContain('### A desk server under attack (issue 10)');
    expect(section).toContain('PGlite');
    expect(section).toContain('between 0.4 and 2.1');
    expect(section).toContain('bench/dos-attack.mjs');
  });
});
