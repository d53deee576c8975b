import { describe, expect, it } from 'vitest';
import { isStorableText } from './storable-text';

describe('storable text', () => {
  it('accepts ordinary text in any script, emoji included', () => {
    for (const text of ['Cannot print', 'Søren Müller', '打印机坏了', 'VPN 🔒 down', '']) {
      expect(isStorableText(text)).toBe(true);
    }
  });

  it('refuses a NUL character and unpaired surrogates', () => {
    expect(isStorableText(`a${String.fromCharCode(0)}b`)).toBe(false);
    expect(isStorableText('\ud83d')).toBe(false);
    expect(isStorableText('x\udd12')).toBe(false);
  });
});
