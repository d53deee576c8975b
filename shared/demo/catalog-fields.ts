// Field builders the demo catalog's request forms share (business justification, needed by,
// choice options from labels). Data helpers only; no item lives here.

import type { CatalogField } from '../domain/catalog';

export const justification = (required = true): CatalogField => ({
  name: 'business_justification',
  label: 'Business justification',
  type: 'multi-line-text',
  required,
  maxLength: 1000,
  help: 'What the person needs it for; the approver reads this.',
});

export const neededBy = (required = false): CatalogField => ({
  name: 'needed_by',
  label: 'Needed by',
  type: 'date',
  required,
});

export const options = (...labels: string[]) =>
  labels.map((label) => ({
    value: label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, ''),
    label,
  }));
