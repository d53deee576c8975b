// Catalog items and the answers checked against them: every field type, required and optional,
// unknown fields, the messages a person reads, and the catalog search.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerLines,
  CatalogItem,
  catalogCategories,
  searchCatalog,
  suggestCatalog,
  validateAnswers,
  type CatalogField,
} from './catalog';
import { generateCatalog } from '../demo/catalog-generator';

const item = (fields: CatalogField[], over: Partial<CatalogItem> = {}): CatalogItem => ({
  id: 'cat_test',
  name: 'Test item',
  category: 'Hardware',
  description: '',
  keywords: [],
  fulfillmentGroup: null,
  active: true,
  fields,
  ...over,
});

const text = (required: boolean, maxLength = 10): CatalogField => ({
  name: 'asset',
  label: 'Asset tag',
  type: 'text',
  required,
  maxLength,
});

const errorsOf = (fields: CatalogField[], answers: unknown) => {
  const r = validateAnswers(item(fields), answers);
  return r.ok ? null : r.error;
};

describe('the catalog item schema', () => {
  it('accepts every demo item', () => {
    for (const demo of generateCatalog()) expect(CatalogItem.safeParse(demo).error).toBeUndefined();
  });

  it('refuses two fields with the same name and a choice listing an option twice', () => {
    const twice = CatalogItem.safeParse(item([text(true), text(false)]));
    expect(twice.error?.issues[0]?.message).toBe('Two fields are called asset.');
    const choice = CatalogItem.safeParse(
      item([
        {
          name: 'size',
          label: 'Size',
          type: 'choice',
          required: true,
          options: [
            { value: 'a', label: 'A' },
            { value: 'a', label: 'A again' },
          ],
        },
      ]),
    );
    expect(choice.error?.issues[0]?.message).toBe('Size lists the same option twice.');
  });

  it('refuses a field name that is not a plain identifier', () => {
    expect(CatalogItem.safeParse(item([{ ...text(true), name: 'Asset tag' }])).success).toBe(false);
  });
});

describe('answers: text and multi-line text', () => {
  it('a required text must be there and not blank', () => {
    expect(errorsOf([text(true)], {})?.fieldErrors).toEqual({
      'answers.asset': 'Asset tag is required.',
    });
    expect(errorsOf([text(true)], { asset: '   ' })?.fieldErrors).toEqual({
      'answers.asset': 'Asset tag is required.',
    });
    expect(errorsOf([text(true)], { asset: 'LT-1' })).toBeNull();
  });

  it('an optional text may be missing or blank; blank is stored as not answered', () => {
    expect(validateAnswers(item([text(false)]), {})).toEqual({ ok: true, value: {} });
    expect(validateAnswers(item([text(false)]), { asset: ' ' })).toEqual({ ok: true, value: {} });
  });

  it('trims and holds the maximum length', () => {
    expect(validateAnswers(item([text(true, 4)]), { asset: ' LT-1 ' })).toEqual({
      ok: true,
      value: { asset: 'LT-1' },
    });
    expect(errorsOf([text(true, 4)], { asset: 'LT-12' })?.fieldErrors).toEqual({
      'answers.asset': 'Asset tag can be at most 4 characters.',
    });
    const long: CatalogField = {
      name: 'asset',
      label: 'Asset tag',
      type: 'multi-line-text',
      required: true,
      maxLength: 2000,
    };
    expect(errorsOf([long], { asset: 'x'.repeat(2001) })?.message).toBe('Check Asset tag.');
  });

  it('refuses a number where text belongs and text the server cannot store', () => {
    expect(errorsOf([text(true)], { asset: 42 })?.fieldErrors?.['answers.asset']).toBe(
      'Asset tag must be text.',
    );
    expect(
      errorsOf([text(true)], { asset: `LT${String.fromCharCode(0)}1` })?.fieldErrors?.[
        'answers.asset'
      ],
    ).toMatch(/hidden control character/);
  });
});

describe('answers: choice', () => {
  const choice: CatalogField = {
    name: 'model',
    label: 'Model',
    type: 'choice',
    required: true,
    options: [
      { value: 'standard', label: 'Standard' },
      { value: 'developer', label: 'Developer' },
    ],
  };

  it('takes one of the option values, never a label or anything else', () => {
    expect(errorsOf([choice], { model: 'developer' })).toBeNull();
    expect(errorsOf([choice], { model: 'Developer' })?.fieldErrors).toEqual({
      'answers.model': 'Pick one of the options for Model.',
    });
    expect(errorsOf([choice], {})?.fieldErrors).toEqual({ 'answers.model': 'Model is required.' });
  });

  it('an optional choice may be left empty', () => {
    expect(validateAnswers(item([{ ...choice, required: false }]), { model: '' })).toEqual({
      ok: true,
      value: {},
    });
  });
});

describe('answers: checkbox', () => {
  const box = (required: boolean): CatalogField => ({
    name: 'accepted',
    label: 'Policy accepted',
    type: 'checkbox',
    required,
  });

  it('a required checkbox must be checked', () => {
    expect(errorsOf([box(true)], { accepted: false })?.fieldErrors).toEqual({
      'answers.accepted': 'Policy accepted must be checked.',
    });
    expect(errorsOf([box(true)], {})?.fieldErrors?.['answers.accepted']).toBe(
      'Policy accepted must be checked.',
    );
    expect(errorsOf([box(true)], { accepted: true })).toBeNull();
  });

  it('an optional checkbox left alone is unchecked; "yes" is not a checkbox value', () => {
    expect(validateAnswers(item([box(false)]), {})).toEqual({
      ok: true,
      value: { accepted: false },
    });
    expect(errorsOf([box(false)], { accepted: 'yes' })?.fieldErrors?.['answers.accepted']).toBe(
      'Policy accepted must be checked or unchecked.',
    );
  });
});

describe('answers: date', () => {
  const date: CatalogField = {
    name: 'needed_by',
    label: 'Needed by',
    type: 'date',
    required: true,
  };

  it.each([
    ['2026-12-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-04-31', false],
    ['31/12/2026', false],
    ['2026-12-31T10:00:00Z', false],
  ])('%s is a date: %s', (value, valid) => {
    const error = errorsOf([date], { needed_by: value });
    expect(error === null).toBe(valid);
    if (!valid)
      expect(error?.fieldErrors?.['answers.needed_by']).toBe(
        'Needed by must be a date like 2026-12-31.',
      );
  });
});

describe('answers: user reference', () => {
  const approver: CatalogField = {
    name: 'approver',
    label: 'Approver',
    type: 'user-reference',
    required: true,
  };

  it('takes a user id, and only a known one when the directory is asked', () => {
    expect(errorsOf([approver], { approver: 'usr_000042' })).toBeNull();
    const known = (id: string) => id === 'usr_000042';
    expect(
      validateAnswers(item([approver]), { approver: 'usr_999999' }, { isKnownUser: known }),
    ).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'answers.approver': 'Approver must name a user.' } },
    });
    expect(
      errorsOf([approver], { approver: true })?.fieldErrors?.['answers.approver'],
    ).toBeTruthy();
  });
});

describe('answers as a whole', () => {
  it('refuses an answer to a field the item does not have', () => {
    const error = errorsOf([text(false)], { asset: 'LT-1', colour: 'red' });
    expect(error?.fieldErrors).toEqual({ answers: 'This form has no field called colour.' });
  });

  it('names every field that needs attention, in the message and per field', () => {
    const model: CatalogField = {
      name: 'model',
      label: 'Model',
      type: 'choice',
      required: true,
      options: [{ value: 'a', label: 'A' }],
    };
    const error = errorsOf([text(true), model], {});
    expect(error?.code).toBe('invalid-input');
    expect(error?.message).toBe('Check Asset tag, Model.');
    expect(Object.keys(error?.fieldErrors ?? {})).toEqual(['answers.asset', 'answers.model']);
  });

  it('never throws, whatever arrives', () => {
    const fields = generateCatalog()[0]?.fields ?? [];
    fc.assert(
      fc.property(fc.anything(), (answers) => {
        const r = validateAnswers(item(fields), answers);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });

  it('shows the answers as labels and values, in the form order', () => {
    const laptop = generateCatalog().find((i) => i.id === 'cat_new_laptop');
    if (!laptop) throw new Error('no laptop item');
    const answers = validateAnswers(laptop, {
      business_justification: 'New starter',
      model: 'developer_16_laptop',
      needed_by: '2026-12-01',
      delivery_location: 'London, floor 3',
    });
    if (!answers.ok) throw new Error(answers.error.message);
    expect(answerLines(laptop, answers.value, (id) => id)).toEqual([
      { label: 'Model', value: 'Developer 16" laptop' },
      { label: 'Replaces an existing laptop', value: 'No' },
      { label: 'Needed by', value: '2026-12-01' },
      { label: 'Delivery location', value: 'London, floor 3' },
      { label: 'Business justification', value: 'New starter' },
    ]);
  });
});

describe('searchCatalog', () => {
  const catalog = generateCatalog();
  const names = (query: string, category?: string) =>
    searchCatalog(catalog, query, category === undefined ? {} : { category }).map((i) => i.name);

  it('finds an item by the start of a word of its name, best match first', () => {
    expect(names('lapt')[0]).toBe('New laptop');
    expect(names('password')).toEqual(['Password reset']);
  });

  it('finds an item by keyword or by category', () => {
    expect(names('forgot')).toEqual(['Password reset']);
    expect(names('onboarding')).toEqual(['New starter account']);
    expect(names('vpn')).toContain('VPN access');
    expect(names('remote')[0]).toBe('VPN access');
  });

  it('needs every typed word, ignoring case and accents', () => {
    expect(names('SHARED drive')).toEqual(['Access to a shared drive']);
    expect(names('shared drivé')).toEqual(['Access to a shared drive']);
    expect(names('shared zebra')).toEqual([]);
  });

  it('with no words lists the category by name; retired items are never offered', () => {
    expect(names('', 'Accounts')).toEqual([
      'Multi-factor authentication reset',
      'New starter account',
      'Password reset',
    ]);
    const retired = catalog.map((i) => (i.name === 'Password reset' ? { ...i, active: false } : i));
    expect(searchCatalog(retired, 'password').map((i) => i.name)).toEqual([]);
    expect(catalogCategories(retired)).toContain('Accounts');
  });

  it('lists the categories once each, sorted', () => {
    expect(catalogCategories(catalog)).toEqual([
      'Access',
      'Accounts',
      'Email',
      'Facilities',
      'Hardware',
      'Mobile',
      'Network',
      'Security',
      'Software',
    ]);
  });
});

describe('suggestCatalog', () => {
  const catalog = generateCatalog();
  const suggested = (text: string) => suggestCatalog(catalog, text).map((i) => i.name);

  it('offers the items an interaction’s short description asks for, best first', () => {
    expect(suggested('Needs a new laptop for the new starter in Finance')[0]).toBe('New laptop');
    expect(suggested('Needs a new laptop for the new starter in Finance')).toContain(
      'New starter account',
    );
    expect(suggested('Forgot my password, locked out')[0]).toBe('Password reset');
    expect(suggested('Wants access to the shared drive of HR')[0]).toBe('Access to a shared drive');
    expect(suggested('VPN access for working from home')[0]).toBe('VPN access');
  });

  it('reads plurals and the start of a word, and offers at most three', () => {
    expect(suggested('Cannot print')).toEqual(['Add a network printer']);
    expect(suggested('Two laptops for contractors')[0]).toBe('New laptop');
    expect(suggested('laptop phone monitor password vpn mailbox').length).toBe(3);
  });

  it('offers nothing for words that name no item, or only say someone needs something', () => {
    expect(suggested('The coffee machine is broken')).toEqual([]);
    expect(suggested('I need help please')).toEqual([]);
    expect(suggested('')).toEqual([]);
  });

  it('never offers a retired item', () => {
    const retired = catalog.map((i) => (i.name === 'New laptop' ? { ...i, active: false } : i));
    expect(suggestCatalog(retired, 'new laptop').map((i) => i.name)).not.toContain('New laptop');
  });
});
