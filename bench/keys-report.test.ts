// The key-count figure's rows and README part: the typed call judged against ≤ 9 keys besides the
// short description, the template call against ≤ 6 in all, the caller's letters told apart.

import { describe, expect, it } from 'vitest';
import type { KeysResults, KeysRound } from './bench-types';
import { describeRound, keysFigureRows, keysSection } from './keys-report.mjs';

const spread = (p50: number) => ({ count: 5, p50, p95: p50 + 100, max: p50 + 100 });
const CALLER = ['j', 'a', 'm', 'e'];

const round = (how: KeysRound['how']): KeysRound => ({
  how,
  keys:
    how === 'typed'
      ? ['Alt+N', ...CALLER, 'ArrowDown', 'Enter', ...'Password reset', 'Ctrl+Enter']
      : how === 'template'
        ? ['Alt+N', ...CALLER, 'ArrowDown', 'Enter', '/', 'p', 'Ctrl+Enter']
        : ['Alt+N', 'ArrowDown', 'Enter', '/', 'p', 'Ctrl+Enter'],
  typed: how === 'typed' ? 14 : 0,
  ms: 500,
  shortDescription: 'Password reset',
});

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
  it('counts the typed call besides its text, and the template call in all and besides the caller', () => {
    const rows = keysFigureRows(results([round('template'), round('typed'), round('recent')]));
    expect(rows.map((r) => [r.met, r.deskpad])).toEqual([
      [
        true,
        '8 keys: Alt+N, 4 letters of the caller, ArrowDown, Enter, the short description (14 characters), Ctrl+Enter',
      ],
      [false, '10 keys: Alt+N, 4 letters of the caller, ArrowDown, Enter, /p, Ctrl+Enter'],
      [true, '6 keys: Alt+N, ArrowDown, Enter (the latest caller), /p, Ctrl+Enter'],
      [null, '6 keys'],
      [null, '560 ms / 660 ms / 660 ms'],
    ]);
  });

  it('fails the rang-back row when it did not run or one key more was needed', () => {
    expect(keysFigureRows(results([round('template'), round('typed')]))[2]?.met).toBe(false);
    const slower = { ...round('recent'), keys: ['Alt+N', 'm', ...round('recent').keys.slice(1)] };
    expect(keysFigureRows(results([round('typed'), slower]))[2]?.met).toBe(false);
  });

  it('fails the template row when a template was not applied', () => {
    const wrong = { ...round('template'), shortDescription: '/p' };
    const rows = keysFigureRows(results([wrong, round('typed')]));
    expect(rows[1]?.figure).toContain('a template was not applied!');
    expect(describeRound(undefined)).toBe('');
  });

  it('says how the calls were made in the README part', () => {
    const text = keysSection(results([round('template'), round('typed')]));
    expect(text).toContain(
      '### Keys for a known caller’s call, with and without a template (issue 16)',
    );
    expect(text).toContain('logs 2 calls in turn');
  });
});
