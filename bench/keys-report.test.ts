// The key-count figure's rows and README part: a known caller's typed call judged against ≤ 9 keys
// besides the short description, their template call and the rang-back call against ≤ 6 in all,
// a caller new to the run shown beside them.

import { describe, expect, it } from 'vitest';
import type { KeysResults, KeysRound } from './bench-types';
import { describeRound, keysFigureRows, keysSection } from './keys-report.mjs';

const spread = (p50: number) => ({ count: 5, p50, p95: p50 + 100, max: p50 + 100 });

/** A round: Alt+N, the caller's letters and Enter (or ArrowDown, Enter), then `/p` or typed. */
const round = (how: KeysRound['how'], caller: string[] = ['k']): KeysRound => {
  const pick = how === 'recent' ? ['ArrowDown', 'Enter'] : [...caller, 'Enter'];
  const then = how === 'known-typed' ? [...'Password reset'] : ['/', 'p'];
  return {
    how,
    keys: ['Alt+N', ...pick, ...then, 'Ctrl+Enter'],
    letters: how === 'recent' ? 0 : caller.length,
    typed: how === 'known-typed' ? 14 : 0,
    ms: 500,
    shortDescription: 'Password reset',
  };
};

const results = (rounds: KeysRound[]): KeysResults => ({
  command: 'npm run bench -- --only keys',
  date: '2026-12-04T20:00:00.000Z',
  template: 'Password reset',
  rounds,
  withTemplate: spread(560),
  typed: spread(900),
  loadAverage: 3,
  wallSeconds: 38,
});

describe('the key-count figure', () => {
  const all = () => [
    round('new', [...'king he']),
    round('new', [...'mor']),
    round('known'),
    round('known-typed', ['m']),
    round('recent'),
  ];

  it('judges the known caller by name, typed and with a template, the rang-back call, and shows a new caller beside them', () => {
    const rows = keysFigureRows(results(all()));
    expect(rows.map((r) => [r.met, r.deskpad])).toEqual([
      [
        true,
        '4 keys: Alt+N, 1 letter of the caller\'s name ("m"), Enter, the short description (14 characters), Ctrl+Enter',
      ],
      [true, '6 keys: Alt+N, 1 letter of the caller\'s name ("k"), Enter, /p, Ctrl+Enter'],
      [true, '6 keys: Alt+N, ArrowDown, Enter (the latest caller), /p, Ctrl+Enter'],
      [null, '12 keys: Alt+N, 7 letters of the caller\'s name ("king he"), Enter, /p, Ctrl+Enter'],
      [null, '560 ms / 660 ms / 660 ms'],
    ]);
    expect(rows[1]?.baseline).toBe('4 keys + 14 characters typed');
  });

  it('fails a known caller who needed two letters, and the rang-back row when it did not run', () => {
    const rows = keysFigureRows(results([...all(), round('known', ['m', 'o'])]));
    expect(rows[1]?.met).toBe(false);
    expect(rows[1]?.deskpad).toMatch(/^7 keys: Alt\+N, 2 letters of the caller's name \("mo"\)/);
    const none = keysFigureRows(results(all().filter((r) => r.how !== 'recent')));
    expect(none[2]?.met).toBe(false);
    expect(none[2]?.deskpad).toBe('not run');
  });

  it('fails the template row when a template was not applied', () => {
    const wrong = { ...round('known'), shortDescription: '/p' };
    const rows = keysFigureRows(results([wrong, round('known-typed')]));
    expect(rows[1]?.figure).toContain('a template was not applied!');
    expect(rows[1]?.met).toBe(false);
    expect(describeRound(undefined)).toBe('');
  });

  it('tells how many letters the known callers of the history needed', () => {
    const byHistory = [1, 1, 2, 3, 1].map((letters, i) => ({
      name: `Caller ${i}`,
      letters,
      known: i !== 4,
    }));
    const rows = keysFigureRows({ ...results(all()), byHistory });
    const row = rows.find((r) => r.figure.startsWith("The agent's known callers"));
    expect(row?.figure).toContain('5 callers; 1 not marked known!');
    expect(row?.deskpad).toBe(
      '1 letter: 3, 2: 1, 3 or more: 1; median 1 (6 keys), at most 3 (8 keys)',
    );
    expect(keysFigureRows(results(all())).some((r) => r.figure.includes('history'))).toBe(false);
    // A bare `/` highlighted the template in the run's known calls: a key fewer each.
    const bare = { ...round('known'), keys: ['Alt+N', 'k', 'Enter', '/', 'Ctrl+Enter'] };
    const fewer = keysFigureRows({
      ...results([bare, round('known-typed')]),
      byHistory,
    }).find((r) => r.figure.startsWith("The agent's known callers"));
    expect(fewer?.deskpad).toBe(
      '1 letter: 3, 2: 1, 3 or more: 1; median 1 (5 keys), at most 3 (7 keys)',
    );
  });

  it('says how the calls were made in the README part', () => {
    const text = keysSection(results(all()));
    expect(text).toContain(
      '### Keys for a known caller’s call, with and without a template (issue 16)',
    );
    expect(text).toContain('logs 5 calls in turn');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'a letter at a time until the first match is the caller',
    );
  });
});
