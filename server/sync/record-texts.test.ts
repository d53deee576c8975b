import { describe, expect, it } from 'vitest';
import { createRecordTexts } from './record-texts';

describe('the texts of record versions a server keeps for pulls', () => {
  it('answers a version read before, and nothing for one never read', () => {
    const texts = createRecordTexts();
    texts.put(7, '{"id":"i-1"}');
    expect(texts.get(7)).toBe('{"id":"i-1"}');
    expect(texts.get(8)).toBeUndefined();
  });

  it('keeps within its size by dropping the versions read longest ago', () => {
    const texts = createRecordTexts(10);
    texts.put(1, 'aaaa');
    texts.put(2, 'bbbb');
    texts.put(3, 'cccc');
    expect(texts.get(1)).toBeUndefined();
    expect(texts.get(2)).toBe('bbbb');
    expect(texts.get(3)).toBe('cccc');
    texts.put(4, 'x'.repeat(11));
    expect(texts.get(4)).toBeUndefined();
  });
});
