// The caller index built page by page during a download is the very index buildCallerOrders
// makes from the finished columns, however the pages are cut and whenever runs are settled.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDirectory } from '../../shared/demo/directory-generator';
import type { User } from '../../shared/domain/directory';
import { CallerIndexBuilder } from './caller-index-builder';
import { CALLER_FIELDS, buildCallerOrders } from './caller-search';
import { UserTable } from './directory-table';

/** Demo users with some awkward ones mixed in: accents, apostrophes, no phone, one-group phones. */
function users(count: number): User[] {
  const demo = generateDirectory({ users: count, seed: 7 }).users;
  return demo.map((u, i) => {
    if (i % 17 === 3)
      return { ...u, firstName: 'Søren', lastName: "O'Brien", name: "Søren O'Brien" };
    if (i % 23 === 5) return { ...u, phone: '' };
    if (i % 29 === 7) return { ...u, phone: '5551234' };
    if (i % 31 === 9) return { ...u, name: 'Núñez, José', email: 'JOSE@X.EXAMPLE' };
    return u;
  });
}

const DIRECTORY = users(1500);
const TABLE = UserTable.fromUsers(DIRECTORY);
const EXPECTED = buildCallerOrders(TABLE.columns);

describe('CallerIndexBuilder', () => {
  it('gives the same index as sorting the whole directory, however pages are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        (cuts, settles) => {
          const builder = new CallerIndexBuilder();
          let to = 0;
          for (let page = 0; to < TABLE.count; page++) {
            to = Math.min(TABLE.count, to + (cuts[page % cuts.length] as number));
            for (const field of CALLER_FIELDS) {
              builder.add(TABLE.columns, field, to);
              if (settles[page]) builder.settle(field);
            }
          }
          expect(builder.finish(TABLE.columns)).toEqual(EXPECTED);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('indexes at the finish whatever pages left out, and settles to one run', () => {
    const builder = new CallerIndexBuilder();
    for (const field of CALLER_FIELDS) builder.add(TABLE.columns, field, 500);
    expect(builder.settled('phone')).toBe(true);
    // A shorter run than the one before it waits to be merged.
    builder.add(TABLE.columns, 'phone', 900);
    expect(builder.settled('phone')).toBe(false);
    builder.settle('phone');
    expect(builder.settled('phone')).toBe(true);
    expect(builder.finish(TABLE.columns)).toEqual(EXPECTED);
  });

  it('builds an empty index for no users', () => {
    const empty = UserTable.fromUsers([]);
    expect(new CallerIndexBuilder().finish(empty.columns)).toEqual(
      buildCallerOrders(empty.columns),
    );
  });
});
