// The demo catalog: realistic, valid, the same every time, and routed to groups that exist.

import { describe, expect, it } from 'vitest';
import { CatalogItem, validateAnswers } from '../domain/catalog';
import { generateCatalog } from './catalog-generator';
import { generateDirectory } from './directory-generator';

describe('generateCatalog', () => {
  const catalog = generateCatalog();

  it('holds the items the issue names, and more, each valid and with a unique id', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(15);
    expect(new Set(catalog.map((i) => i.id)).size).toBe(catalog.length);
    for (const item of catalog) CatalogItem.parse(item);
    const names = catalog.map((i) => i.name);
    for (const name of [
      'New laptop',
      'Software install',
      'Access to a shared drive',
      'Password reset',
    ])
      expect(names).toContain(name);
  });

  it('uses every field type', () => {
    const types = new Set(catalog.flatMap((i) => i.fields.map((f) => f.type)));
    expect([...types].sort()).toEqual([
      'checkbox',
      'choice',
      'date',
      'multi-line-text',
      'text',
      'user-reference',
    ]);
  });

  it('sends every item to an assignment group of the demo directory', () => {
    const groups = new Set(generateDirectory({ users: 100 }).groups.map((g) => g.id));
    for (const item of catalog)
      expect(groups.has(item.fulfillmentGroup ?? ''), item.name).toBe(true);
  });

  it('gives every item keywords and a description, and asks for something', () => {
    for (const item of catalog) {
      expect(item.keywords.length, item.name).toBeGreaterThanOrEqual(3);
      expect(item.description, item.name).not.toBe('');
      expect(
        item.fields.some((f) => f.required),
        item.name,
      ).toBe(true);
      // Empty answers are refused: the form must ask before Submit.
      expect(validateAnswers(item, {}).ok, item.name).toBe(false);
    }
  });

  it('is the same every time, and a fresh copy each time', () => {
    const again = generateCatalog();
    expect(again).toEqual(catalog);
    const first = again[0];
    if (first) first.keywords.push('changed');
    expect(generateCatalog()[0]?.keywords).not.toContain('changed');
  });
});
