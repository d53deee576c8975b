// Tests for lookup folding: what counts as "the same letters" when a person types a name.

import { describe, expect, it } from 'vitest';
import { asciiWord, digitsOf, foldName, foldText } from './search-text';

describe('search text folding', () => {
  it('drops case and accents, including letters without a decomposition', () => {
    expect(foldText('Núñez')).toBe('nunez');
    expect(foldText('Søren Ærø')).toBe('soren aero');
    expect(foldText('Łukasz Wiśniewski')).toBe('lukasz wisniewski');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('plain')).toBe('plain');
  });

  it('reads names the way people type them', () => {
    expect(foldName("O'Brien")).toBe('obrien');
    expect(foldName('Jean-Luc  Picard')).toBe('jean luc picard');
    expect(foldName('Smith, John')).toBe('smith john');
    expect(foldName('  ann ')).toBe('ann ');
  });

  it('keeps only digits of a phone and only a-z0-9 of a user name', () => {
    expect(digitsOf('+1 (555) 123-4567')).toBe('15551234567');
    expect(asciiWord('Ó Súilleabháin')).toBe('osuilleabhain');
  });
});
