// The form model's pure rules: the shared schema's messages per field, only changed fields sent,
// edits kept when they differ from what was saved, and store field errors mapped to fields.

import { describe, expect, it } from 'vitest';
import type { InteractionView } from '../../shared/store-api/contract';
import {
  blankValues,
  changesFrom,
  checkValues,
  editsAfterSave,
  fieldErrorsFrom,
  firstInvalid,
  hasChanges,
  valuesOf,
  withEdits,
} from './form-model';

const record: InteractionView = {
  id: 'i1',
  number: 'IMS-P0001',
  numberProvisional: true,
  state: 'New',
  openedFor: 'u1',
  openedForName: 'Ada Lovelace',
  contactEmail: 'ada@example.com',
  contactPhone: '+1 555 0100',
  type: 'Phone',
  component: null,
  componentName: null,
  assignmentGroup: null,
  assignmentGroupName: null,
  assignedTo: null,
  assignedToName: null,
  shortDescription: 'Printer jams',
  description: '',
  workNotes: [],
  openedAt: '2026-11-23T10:00:00.000Z',
  openedBy: 'agent',
  closedAt: null,
  closedBy: null,
  handleTimeSeconds: null,
  updatedAt: '2026-11-23T10:00:00.000Z',
  updatedBy: 'agent',
  relatedRecords: [],
};

describe('checkValues', () => {
  it('asks for a Short description and a real email, field by field, in form order', () => {
    const checked = checkValues(
      withEdits(blankValues('Phone'), { contactEmail: 'not-an-email', shortDescription: '   ' }),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.shortDescription).toBe('Short description is required.');
    expect(checked.errors.contactEmail).toMatch(/email address/);
    expect(firstInvalid(checked.errors)).toBe('contactEmail');
  });

  it('answers the trimmed fields the store host will accept', () => {
    const checked = checkValues(withEdits(valuesOf(record), { shortDescription: '  Paper jam  ' }));
    expect(checked.ok && checked.fields.shortDescription).toBe('Paper jam');
  });
});

describe('changesFrom', () => {
  it('sends only what differs from the record', () => {
    const checked = checkValues(withEdits(valuesOf(record), { contactPhone: '+1 555 0199' }));
    if (!checked.ok) throw new Error('valid values were refused');
    expect(changesFrom(record, checked.fields)).toEqual({ contactPhone: '+1 555 0199' });
  });
});

describe('hasChanges', () => {
  it('counts an edit only while it differs from the record', () => {
    const base = valuesOf(record);
    expect(hasChanges(base, {})).toBe(false);
    expect(hasChanges(base, { contactEmail: base.contactEmail, type: 'Phone' })).toBe(false);
    expect(hasChanges(base, { shortDescription: `${base.shortDescription}!` })).toBe(true);
    expect(hasChanges(blankValues('Chat'), { type: 'Chat', shortDescription: '' })).toBe(false);
    expect(hasChanges(blankValues('Chat'), { type: 'Email' })).toBe(true);
  });
});

describe('editsAfterSave', () => {
  it('drops edits that were saved and keeps ones typed while the save ran', () => {
    const saved = { shortDescription: 'Paper jam' };
    expect(editsAfterSave({ shortDescription: 'Paper jam', description: 'more' }, saved)).toEqual({
      description: 'more',
    });
    expect(editsAfterSave({ shortDescription: 'Paper jam!' }, saved)).toEqual({
      shortDescription: 'Paper jam!',
    });
  });
});

describe('fieldErrorsFrom', () => {
  it('maps the store host field names to the form fields and ignores the rest', () => {
    expect(
      fieldErrorsFrom({ assignedTo: 'Not a member.', text: 'Too long.', _: 'Whole record.' }),
    ).toEqual({ assignedTo: 'Not a member.', workNote: 'Too long.' });
  });
});
