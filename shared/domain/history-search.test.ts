import { describe, expect, it } from 'vitest';
import { asksHistory, historySearchTerms, historyWordsOf, seqRangesOf } from './history-search';

describe('what a text asks of the server’s history', () => {
  it('reads a number’s beginning as the sequence ranges it covers', () => {
    expect(seqRangesOf('00012')).toEqual([{ from: 1200, to: 1299 }]);
    expect(seqRangesOf('0001001')).toEqual([{ from: 1001, to: 1001 }]);
    // "1" begins 1000000–1999999 and every longer number starting with 1.
    expect(seqRangesOf('1').slice(0, 2)).toEqual([
      { from: 1_000_000, to: 1_999_999 },
      { from: 10_000_000, to: 19_999_999 },
    ]);
    expect(seqRangesOf('')).toEqual([]);
  });

  it('names server numbers only, never a provisional one', () => {
    const named = historySearchTerms('inc1234').numbers;
    expect(named.map((n) => [n.kind, n.exact])).toEqual([['incident', 'INC0001234']]);
    expect(named[0]?.ranges[0]).toEqual({ from: 1234000, to: 1234999 });
    expect(historySearchTerms('IMS-P0003').numbers).toEqual([]);
    expect(historySearchTerms('1234').numbers.map((n) => n.exact)).toEqual([
      'IMS0001234',
      'INC0001234',
      'REQ0001234',
    ]);
    // Visits and calls are not the server's history search.
    expect(historySearchTerms('VIS0001001').numbers).toEqual([]);
  });

  it('takes words of two letters or more, lower case, accents kept', () => {
    expect(historyWordsOf('Printer  JAM, a floor-3 Café')).toEqual([
      'printer',
      'jam',
      'floor',
      'café',
    ]);
    expect(asksHistory('a')).toBe(false);
    expect(asksHistory('%%')).toBe(false);
    expect(asksHistory('vpn')).toBe(true);
  });
});
