// Go to anything's pure rules: what a typed text is as a number, the words a record is found by,
// and the order of the hits.

import { describe, expect, it } from 'vitest';
import { numberCandidates, rankHits, recordWords, wordsOf, type RankedHit } from './go-to';

describe('numbers as a caller says them', () => {
  it('reads a full number, a short one, a provisional one, and digits alone', () => {
    expect(numberCandidates('INC0001234')).toEqual([
      { kind: 'incident', exact: 'INC0001234', prefix: 'INC0001234' },
    ]);
    expect(numberCandidates(' inc 1234 ')).toEqual([
      { kind: 'incident', exact: 'INC0001234', prefix: 'INC1234' },
    ]);
    expect(numberCandidates('ims-p3')).toEqual([
      { kind: 'interaction', exact: 'IMS-P0003', prefix: 'IMS-P3' },
    ]);
    expect(numberCandidates('REQ')).toEqual([{ kind: 'request', exact: null, prefix: 'REQ' }]);
    const bare = numberCandidates('1234');
    expect(bare.map((c) => c.exact)).toContain('VIS0001234');
    expect(bare.map((c) => c.exact)).toContain('CAL-P1234');
    expect(bare.every((c) => c.prefix === null)).toBe(true);
  });

  it('is no number for words, unknown prefixes or two digits', () => {
    expect(numberCandidates('printer')).toEqual([]);
    expect(numberCandidates('ABC123')).toEqual([]);
    expect(numberCandidates('12')).toEqual([]);
  });
});

describe('words', () => {
  it('folds, splits and drops one-letter words', () => {
    expect(wordsOf('Imprimante HS — Núñez a dit: "VPN" x2')).toEqual([
      'imprimante',
      'hs',
      'nunez',
      'dit',
      'vpn',
      'x2',
    ]);
    expect(recordWords('visit', { displayName: 'Ana P.', reason: 'Broken screen' })).toEqual([
      'ana',
      'broken',
      'screen',
    ]);
    expect(recordWords('call', { shortDescription: 'ignored' })).toEqual([]);
  });
});

describe('ranking', () => {
  const hit = (id: string, match: RankedHit['match'], at: string, recent = false): RankedHit => ({
    kind: 'interaction',
    id,
    match,
    at,
    recent,
  });

  it('orders by match, then recent, then newest, and keeps each record once at its best', () => {
    const ranked = rankHits(
      [
        hit('w-new', 'words', '2026-02'),
        hit('w-old-recent', 'words', '2026-01', true),
        hit('c', 'caller', '2025-01'),
        hit('n', 'number', '2020-01'),
        hit('c', 'words', '2026-03'),
      ],
      10,
      10,
    );
    expect(ranked.map((h) => `${h.id} ${h.match}`)).toEqual([
      'n number',
      'c caller',
      'w-old-recent words',
      'w-new words',
    ]);
    expect(rankHits(ranked, 2, 10)).toHaveLength(2);
    expect(rankHits(ranked, 10, 1)).toHaveLength(1);
  });
});
