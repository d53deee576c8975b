// Tests the lookahead's shape: which keystrokes it answers, and that each key's hits come back
// as the search found them, each distinct hit sent once.

import { describe, expect, it } from 'vitest';
import { LOOKAHEAD_KEYS, hitsAhead, lookaheadKey, lookaheadOf } from './lookahead';

const names = ['jo', 'joe', 'john', 'jones', 'jo.ann', 'jo2'];
const search = (text: string): string[] => names.filter((n) => n.startsWith(text)).slice(0, 3);

describe('lookahead', () => {
  it('answers one more key typed after the text, upper case as lower case', () => {
    expect(lookaheadKey('jo', 'joh')).toBe('h');
    expect(lookaheadKey('jo', 'joH')).toBe('h');
    expect(lookaheadKey('', 'J')).toBe('j');
    expect(lookaheadKey('jo', 'jo ')).toBe(' ');
  });

  it('answers nothing for a paste, a deletion, an edit inside the text or an unusual key', () => {
    expect(lookaheadKey('jo', 'john')).toBeNull();
    expect(lookaheadKey('jo', 'j')).toBeNull();
    expect(lookaheadKey('jo', 'xoh')).toBeNull();
    expect(lookaheadKey('jo', 'jo!')).toBeNull();
    expect(lookaheadKey('jo', 'joé')).toBeNull();
  });

  it('gives back for each key exactly what the search found, each hit sent once', () => {
    const ahead = lookaheadOf('jo', search, (n) => n);
    expect(ahead.next.map((n) => n.key).join('')).toBe(LOOKAHEAD_KEYS);
    for (const key of LOOKAHEAD_KEYS)
      expect(hitsAhead(ahead, `jo${key}`)).toEqual(search(`jo${key}`));
    expect(hitsAhead(ahead, 'joN')).toEqual(['jones']);
    expect(new Set(ahead.hits).size).toBe(ahead.hits.length);
    expect(hitsAhead(ahead, 'jon')).toEqual(['jones']);
  });

  it('has no answer for another text, or without a lookahead', () => {
    const ahead = lookaheadOf('jo', search, (n) => n);
    expect(hitsAhead(ahead, 'ja')).toBeNull();
    expect(hitsAhead(null, 'jon')).toBeNull();
  });
});
