import { describe, expect, it } from 'vitest';
import { findUnstorableText, storableJson } from './storable-text';

const NUL = String.fromCharCode(0);

describe('text PostgreSQL can store', () => {
  it('finds NUL and unpaired surrogates, in values and keys, by path', () => {
    expect(findUnstorableText({ a: [{ b: `x${NUL}` }] })).toBe('a.0.b');
    expect(findUnstorableText({ [`k${NUL}`]: 1 })).toBe(`k${NUL}`);
    expect(findUnstorableText('\ud800')).toBe('_');
    expect(findUnstorableText({ ok: 'café 😀', n: 1, z: null })).toBeNull();
    expect(findUnstorableText({ skip: NUL }, '', (path) => path === 'skip')).toBeNull();
  });

  it('makes a storable copy by replacing them', () => {
    const json = storableJson({ [`k${NUL}`]: [`a${NUL}b`, '\udc00', 'fine 😀'] });
    expect(JSON.parse(json)).toEqual({ 'k\ufffd': ['a\ufffdb', '\ufffd', 'fine 😀'] });
    expect(findUnstorableText(JSON.parse(json))).toBeNull();
  });
});
