// The request form's checks as the Catalog editor shows them: the CatalogItem schema's rules in
// words naming the part of the form, names derived from labels, the list's search.

import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../domain/catalog';
import {
  CatalogItemInput,
  catalogPathLabel,
  checkCatalogItem,
  fieldNameFrom,
  matchesCatalogQuery,
} from './catalog';

const valid: CatalogItem = {
  id: 'cat-1',
  name: 'New laptop',
  category: 'Hardware',
  description: '',
  keywords: ['notebook'],
  fields: [
    { name: 'model', label: 'Model', type: 'text', required: true, maxLength: 80 },
    {
      name: 'colour',
      label: 'Colour',
      type: 'choice',
      required: false,
      options: [{ value: 'black', label: 'Black' }],
    },
  ],
  fulfillmentGroup: null,
  active: false,
};

describe('checkCatalogItem', () => {
  it('accepts a valid form', () => {
    expect(checkCatalogItem(valid)).toEqual({ ok: true, item: valid });
  });

  it('names each wrong part of the form in words', () => {
    const checked = checkCatalogItem({
      ...valid,
      name: ' ',
      category: 'x'.repeat(61),
      fields: [
        { name: 'model', label: '', type: 'text', required: true, maxLength: 0 },
        { name: 'model', label: 'Again', type: 'text', required: true, maxLength: 2.5 },
        { name: '9lives', label: 'Lives', type: 'choice', required: true, options: [] },
        {
          name: 'size',
          label: 'Size',
          type: 'choice',
          required: true,
          options: [
            { value: 's', label: 'S' },
            { value: 's', label: 'Small' },
          ],
        },
      ],
    });
    expect(checked).toEqual({
      ok: false,
      fieldErrors: {
        name: 'Name is required.',
        category: 'Category can be at most 60 characters.',
        'fields.0.label': 'Field 1: Label is required.',
        'fields.0.maxLength': 'Field 1: Max length must be at least 1.',
        'fields.1.maxLength': 'Field 2: Max length must be a whole number.',
        'fields.2.name':
          'A field name is up to 40 lower-case letters, digits and _, starting with a letter.',
        'fields.2.options': 'Field 3: Options needs at least 1 option.',
      },
    });
    // The schema's own rules across fields run once every field is well formed.
    const twice = checkCatalogItem({ ...valid, fields: [valid.fields[0], valid.fields[0]] });
    expect(twice).toEqual({
      ok: false,
      fieldErrors: { 'fields.1.name': 'Two fields are called model.' },
    });
  });

  it('is the operation input: a 400 keyed by the same paths', () => {
    const parsed = CatalogItemInput.safeParse({ ...valid, keywords: [''] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['keywords.0', 'Keyword 1 is required.'],
    ]);
    expect(CatalogItemInput.safeParse('a form').error?.issues[0]?.message).toBe(
      'Send the request form as an object.',
    );
  });
});

describe('the editor words', () => {
  it('derives a field name from its label', () => {
    expect(fieldNameFrom('Cost center (if known)')).toBe('cost_center_if_known');
    expect(fieldNameFrom('Équipe')).toBe('equipe');
    expect(fieldNameFrom('2nd approver')).toBe('field_2nd_approver');
    expect(fieldNameFrom('')).toBe('field');
    expect(fieldNameFrom('a'.repeat(50))).toHaveLength(40);
  });

  it('labels paths and searches the list', () => {
    expect(catalogPathLabel(['fields', 2, 'options', 0, 'value'])).toBe('Field 3: Option 1 value');
    expect(catalogPathLabel(['fulfillmentGroup'])).toBe('Fulfillment group');
    const row = { name: 'New laptop', category: 'Hardware', keywords: ['notebook'] };
    expect(matchesCatalogQuery(row, 'hard NOTE')).toBe(true);
    expect(matchesCatalogQuery(row, 'phone')).toBe(false);
    expect(matchesCatalogQuery(row, '')).toBe(true);
  });
});
