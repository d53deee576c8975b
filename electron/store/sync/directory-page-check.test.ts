// The hand-written directory page check against the shared zod schema: the same pages pass and
// fail (over arbitrary near-valid pages), and a refusal says where the page went wrong.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/demo/catalog-generator';
import type { CatalogItem } from '../../../shared/domain/catalog';
import { WALK_UP_DEFAULTS, type WalkUpLocation } from '../../../shared/domain/walk-up-location';
import { DirectoryPage } from '../../../shared/sync/protocol';
import { checkDirectoryPage } from './directory-page-check';

const user = (id: string) => ({
  id,
  userName: `u.${id}`,
  firstName: 'Ana',
  lastName: 'Núñez',
  name: 'Ana Núñez',
  email: `u.${id}@deskpad.example`,
  phone: '+1 555 123 4567',
  employeeId: 'E010001',
  department: 'Finance',
  location: 'Harbour House',
  vip: false,
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles: ['agent'],
});

const page = (overrides: Record<string, unknown> = {}) => ({
  users: [user('usr_1'), user('usr_2')],
  groups: [{ id: 'grp_1', name: 'Service Desk', description: '', memberIds: ['usr_1'] }],
  configurationItems: [
    { id: 'ci_1', name: 'Harbour House', className: 'Building', parentId: null, location: 'HH' },
    { id: 'ci_2', name: 'HH-F1', className: 'Floor network', parentId: 'ci_1', location: 'HH' },
  ],
  cursor: 'db-1.42',
  more: true,
  reset: false,
  ...overrides,
});

const catalog = generateCatalog();
const hq: WalkUpLocation = {
  id: 'loc_hq',
  name: 'Service Desk — HQ',
  description: '',
  active: true,
  ...WALK_UP_DEFAULTS,
};

describe('checkDirectoryPage', () => {
  it('passes a good page as it is; a page without catalog items has none', () => {
    const good = page();
    expect(checkDirectoryPage(good)).toEqual({
      ok: true,
      page: { ...good, catalogItems: [], knowledgeArticles: [], locations: [] },
    });
    const withForms = page({ catalogItems: catalog, knowledgeArticles: [], locations: [hq] });
    expect(checkDirectoryPage(withForms)).toEqual({ ok: true, page: withForms });
  });

  it('checks walk-up locations by their own schema, and says which and where', () => {
    const bad = checkDirectoryPage(page({ locations: [hq, { ...hq, graceMinutes: -1 }] }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/^locations\[1\]\.graceMinutes: /);
    expect(checkDirectoryPage(page({ locations: {} }))).toEqual({
      ok: false,
      problem: 'locations is not a list',
    });
    const checked = checkDirectoryPage(
      page({ locations: [{ ...hq, reasons: [' Printer '], colour: 'red' }] }),
    );
    expect(checked.ok && checked.page.locations).toEqual([{ ...hq, reasons: ['Printer'] }]);
  });

  it('checks catalog items by their own schema, and says which and where', () => {
    const [item] = catalog as [CatalogItem];
    const [field] = item.fields as [CatalogItem['fields'][number]];
    const badField = { ...item, fields: [{ ...field, name: 'Model Wanted' }] };
    expect(checkDirectoryPage(page({ catalogItems: [item, badField] }))).toEqual({
      ok: false,
      problem:
        'catalogItems[1].fields[0].name: A field name is up to 40 lower-case letters, digits and _, starting with a letter.',
    });
    expect(checkDirectoryPage(page({ catalogItems: {} }))).toEqual({
      ok: false,
      problem: 'catalogItems is not a list',
    });
    expect(checkDirectoryPage(page({ catalogItems: [null] }))).toEqual({
      ok: false,
      problem: 'catalogItems[0] is not an object',
    });
    // As the schema reads it: names trimmed, fields it does not know left out.
    const checked = checkDirectoryPage(
      page({ catalogItems: [{ ...item, name: `  ${item.name} `, colour: 'red' }] }),
    );
    expect(checked.ok && checked.page.catalogItems).toEqual([item]);
  });

  it('names the first thing wrong and where', () => {
    const bad = page({ users: [user('usr_1'), { ...user('usr_2'), id: '' }] });
    expect(checkDirectoryPage(bad)).toEqual({
      ok: false,
      problem: 'users[1].id is not an id (text of 1 to 64 characters)',
    });
    expect(checkDirectoryPage(page({ more: 'yes' }))).toEqual({
      ok: false,
      problem: 'more is not true or false',
    });
    const role = page({ users: [{ ...user('usr_1'), roles: ['agent', 'root'] }] });
    expect(checkDirectoryPage(role)).toMatchObject({
      ok: false,
      problem: 'users[0].roles[1] is not one of agent, technician, manager, admin, kiosk, lobby',
    });
    expect(checkDirectoryPage([])).toMatchObject({ ok: false });
  });

  it('counts an id’s length in characters, as the schema does', () => {
    for (const id of ['😀'.repeat(64), '😀'.repeat(65), '\ud800'.repeat(64), '\ud800'.repeat(65)]) {
      const candidate = page({ users: [user(id)] });
      expect(checkDirectoryPage(candidate).ok).toBe(DirectoryPage.safeParse(candidate).success);
    }
  });

  it('accepts exactly the pages the shared schema accepts', () => {
    const junk = fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.boolean(),
      fc.string(),
      fc.constant([]),
      fc.constant({}),
    );
    const sometimes = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
      fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: junk });
    const text = fc.oneof(
      fc.string({ maxLength: 70 }),
      fc.string({ unit: fc.constantFrom('a', '😀', '\ud800', '\udc00'), maxLength: 140 }),
      fc.string({ unit: 'binary', maxLength: 70 }),
    );
    const id = fc.oneof(
      { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
      { weight: 1, arbitrary: text },
    );
    const row = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
      fc.oneof(
        { weight: 20, arbitrary: fc.record(fields) },
        {
          weight: 1,
          // A row with one field missing.
          arbitrary: fc
            .tuple(fc.record(fields), fc.constantFrom(...Object.keys(fields)))
            .map(([r, drop]) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== drop))),
        },
        { weight: 1, arbitrary: junk },
      );
    const users = fc.array(
      row({
        id: sometimes(id),
        userName: sometimes(text),
        firstName: sometimes(text),
        lastName: sometimes(text),
        name: sometimes(text),
        email: sometimes(text),
        phone: sometimes(text),
        employeeId: sometimes(text),
        department: sometimes(text),
        location: sometimes(text),
        vip: sometimes(fc.boolean()),
        roles: sometimes(
          fc.array(
            fc.oneof(
              { weight: 20, arbitrary: fc.constantFrom('agent', 'technician', 'admin') },
              { weight: 1, arbitrary: junk },
            ),
            { maxLength: 3 },
          ),
        ),
      }),
      { maxLength: 3 },
    );
    const groups = fc.array(
      row({
        id: sometimes(id),
        name: sometimes(text),
        description: sometimes(text),
        memberIds: sometimes(fc.array(sometimes(id), { maxLength: 3 })),
      }),
      { maxLength: 2 },
    );
    const items = fc.array(
      row({
        id: sometimes(id),
        name: sometimes(text),
        className: sometimes(text),
        parentId: sometimes(fc.option(id, { nil: null })),
        location: sometimes(text),
      }),
      { maxLength: 3 },
    );
    const form = fc.constantFrom(...catalog);
    const catalogItems = fc.array(
      fc.oneof(
        { weight: 10, arbitrary: form },
        {
          weight: 2,
          arbitrary: fc.tuple(form, text).map(([item, name]) => ({ ...item, name })),
        },
        {
          weight: 2,
          arbitrary: fc
            .tuple(form, fc.constantFrom('id', 'fields', 'active', 'keywords'))
            .map(([item, drop]) =>
              Object.fromEntries(Object.entries(item).filter(([k]) => k !== drop)),
            ),
        },
        { weight: 1, arbitrary: junk },
      ),
      { maxLength: 2 },
    );
    const locations = fc.array(
      fc.oneof(
        { weight: 10, arbitrary: fc.constant(hq) },
        {
          weight: 2,
          arbitrary: fc
            .integer({ min: -5, max: 200 })
            .map((graceMinutes) => ({ ...hq, graceMinutes })),
        },
        { weight: 1, arbitrary: junk },
      ),
      { maxLength: 2 },
    );
    const pages = fc.oneof(
      {
        weight: 20,
        arbitrary: row({
          users: sometimes(users),
          groups: sometimes(groups),
          configurationItems: sometimes(items),
          catalogItems: sometimes(catalogItems),
          locations: sometimes(locations),
          cursor: sometimes(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), text)),
          more: sometimes(fc.boolean()),
          reset: sometimes(fc.boolean()),
        }),
      },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    const outcomes = { passed: 0, refused: 0 };
    fc.assert(
      fc.property(pages, (candidate) => {
        const schema = DirectoryPage.safeParse(candidate).success;
        const checked = checkDirectoryPage(candidate);
        outcomes[schema ? 'passed' : 'refused'] += 1;
        expect(checked.ok).toBe(schema);
      }),
      { numRuns: 3000 },
    );
    // Both answers were really put to the test.
    expect(outcomes.passed).toBeGreaterThan(300);
    expect(outcomes.refused).toBeGreaterThan(300);
    // 3,000 pages through zod take seconds on a busy two-core machine.
  }, 30_000);
});
