// Tests for the Component search: name prefix, word prefix inside a name, ranking and limit;
// retired items never found.

import { describe, expect, it } from 'vitest';
import { ConfigurationItemSearch } from './configuration-item-search';

const NAMES = [
  'Email',
  'Outlook client',
  'LON-RH-F3-PRN01',
  'LON-RH-F3-PRN02',
  'LON-RH-F3 network',
  'Exchange Online',
  'Zoom Rooms',
];

describe('configuration item search', () => {
  const search = new ConfigurationItemSearch(NAMES);
  const find = (q: string, limit = 10) => search.search(q, limit).map((row) => NAMES[row]);

  it('finds a name by its start, any case, and by the start of a later word', () => {
    expect(find('outl')).toEqual(['Outlook client']);
    expect(find('CLIENT')).toEqual(['Outlook client']);
    expect(find('prn')).toEqual(['LON-RH-F3-PRN01', 'LON-RH-F3-PRN02']);
    expect(find('f3-prn02')).toEqual(['LON-RH-F3-PRN02']);
  });

  it('ranks an exact name first, then name prefixes, then word prefixes', () => {
    expect(find('email')).toEqual(['Email']);
    expect(find('e')).toEqual(['Email', 'Exchange Online']);
    expect(find('lon-rh-f3')).toEqual(['LON-RH-F3 network', 'LON-RH-F3-PRN01', 'LON-RH-F3-PRN02']);
    expect(find('o')).toEqual(['Outlook client', 'Exchange Online']);
  });

  it('honours the limit and ignores blank queries', () => {
    expect(find('lon', 2)).toHaveLength(2);
    expect(find('  ')).toEqual([]);
  });

  it('never finds a retired item', () => {
    const retired = Uint8Array.from(NAMES, (name) => (name === 'LON-RH-F3-PRN01' ? 1 : 0));
    const withRetired = new ConfigurationItemSearch(NAMES, retired);
    const names = (q: string) => withRetired.search(q, 10).map((row) => NAMES[row]);
    expect(names('prn')).toEqual(['LON-RH-F3-PRN02']);
    expect(names('LON-RH-F3-PRN01')).toEqual([]);
    expect(names('lon')).toEqual(['LON-RH-F3 network', 'LON-RH-F3-PRN02']);
  });
});
