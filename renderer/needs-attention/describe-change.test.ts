// The words a refused change is shown with: what it was, which interaction, and why.

import { describe, expect, it } from 'vitest';
import { describeChange, describeReason, describeTarget } from './describe-change';

describe('describing a refused change', () => {
  it('names the change as the button that made it', () => {
    expect(describeChange({ name: 'interaction.create', args: {} })).toBe('Create interaction');
    expect(describeChange({ name: 'interaction.update', args: {} })).toBe('Save changes');
    expect(describeChange({ name: 'interaction.addWorkNote', args: {} })).toBe('Add work note');
    expect(describeChange({ name: 'interaction.close', args: { state: 'Closed Complete' } })).toBe(
      'Close interaction',
    );
    expect(describeChange({ name: 'interaction.close', args: { state: 'Closed Abandoned' } })).toBe(
      'Abandon interaction',
    );
  });

  it('names the interaction by number and description, or by what the change carried', () => {
    expect(
      describeTarget({
        interactionNumber: 'IMS0001002',
        shortDescription: 'Printer jam',
        args: {},
      }),
    ).toBe('IMS0001002 · Printer jam');
    expect(
      describeTarget({
        interactionNumber: null,
        shortDescription: null,
        args: { shortDescription: 'Badge reader down' },
      }),
    ).toBe('An interaction not on this desk · Badge reader down');
    expect(describeTarget({ interactionNumber: null, shortDescription: null, args: null })).toBe(
      'An interaction not on this desk',
    );
  });

  it('gives the reason with each field’s message', () => {
    expect(
      describeReason({
        reason: {
          code: 'rule',
          message: 'The interaction was not saved.',
          fieldErrors: { assignedTo: 'Assigned to must be a member of the Assignment group.' },
        },
      }),
    ).toBe('The interaction was not saved. Assigned to must be a member of the Assignment group.');
  });
});
