// The demo service catalog: the request forms a desk offers (new laptop, software install,
// shared drive access, password reset, …) with realistic fields. Data only; the same every time.

import type { CatalogItem } from '../domain/catalog';
import { COMMON_ITEMS } from './catalog-items-common';
import { MORE_ITEMS } from './catalog-items-more';

const ITEMS: readonly Omit<CatalogItem, 'active'>[] = [...COMMON_ITEMS, ...MORE_ITEMS];

/** The demo catalog, in a stable order, every item active; a fresh copy each time. */
export function generateCatalog(): CatalogItem[] {
  return ITEMS.map((item) => ({
    ...item,
    keywords: [...item.keywords],
    fields: item.fields.map((field) =>
      field.type === 'choice'
        ? { ...field, options: field.options.map((o) => ({ ...o })) }
        : { ...field },
    ),
    active: true,
  }));
}
