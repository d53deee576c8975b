// The words a refused change is shown with: what it was, which record it was on, and why.

import { describe, expect, it } from 'vitest';
import { commandInputs, type CommandName } from '../../shared/store-api/contract';
import { describeChange, describeReason, describeTarget, describeWords } from './describe-change';

describe('describing a refused change', () => {
  it('names the change as the button that made it', () => {
    expect(describeChange({ name: 'interaction.create', args: {} })).toBe('Create interaction');
    expect(describeChange({ name: 'interaction.update', args: {} })).toBe('Save changes');
    expect(describeChange({ name: 'interaction.save', args: {} })).toBe('Save interaction');
    expect(describeChange({ name: 'interaction.addWorkNote', args: {} })).toBe('Add work note');
    expect(describeChange({ name: 'interaction.close', args: { state: 'Closed Complete' } })).toBe(
      'Close interaction',
    );
    expect(describeChange({ name: 'interaction.close', args: { state: 'Closed Abandoned' } })).toBe(
      'Abandon interaction',
    );
  });

  it('names the escalation, incident and request changes by their buttons', () => {
    const named = (name: CommandName, args: unknown = {}) => describeChange({ name, args });
    expect(named('incident.createFromInteraction')).toBe('Create Incident');
    expect(named('request.createFromInteraction')).toBe('Create Request');
    expect(named('interaction.associateIncident')).toBe('Associate with the incident');
    expect(named('incident.resolve')).toBe('Resolve');
    expect(named('incident.close')).toBe('Close incident');
    expect(named('incident.reopen')).toBe('Reopen incident');
    expect(named('incident.cancel')).toBe('Cancel incident');
    expect(named('incident.setState', { state: 'On Hold' })).toBe('Put on hold');
    expect(named('incident.setState', { state: 'In Progress' })).toBe('Start work');
    expect(named('request.setState', { state: 'Closed Incomplete' })).toBe('Close Incomplete');
    expect(named('request.setState', { state: 'Canceled' })).toBe('Cancel request');
    expect(named('incident.addWorkNote')).toBe('Add work note');
    expect(named('request.update')).toBe('Save changes');
    // Every command the contract has gets words: none falls through as undefined.
    for (const name of Object.keys(commandInputs) as CommandName[])
      expect(typeof named(name), name).toBe('string');
  });

  it('names the record by kind, number and description, or by what the change carried', () => {
    expect(
      describeTarget({
        recordKind: 'interaction',
        recordNumber: 'IMS0001002',
        shortDescription: 'Printer jam',
        args: {},
      }),
    ).toBe('Interaction IMS0001002 · Printer jam');
    expect(
      describeTarget({
        recordKind: 'incident',
        recordNumber: 'INC0001001',
        shortDescription: 'Floor 3 network down',
        args: {},
      }),
    ).toBe('Incident INC0001001 · Floor 3 network down');
    expect(
      describeTarget({
        recordKind: 'interaction',
        recordNumber: null,
        shortDescription: null,
        args: { shortDescription: 'Badge reader down' },
      }),
    ).toBe('An interaction not on this desk · Badge reader down');
    expect(
      describeTarget({
        recordKind: 'request',
        recordNumber: null,
        shortDescription: null,
        args: null,
      }),
    ).toBe('A request not on this desk');
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

  it('shows the words the refused change carried, so the agent’s data is never hidden', () => {
    expect(
      describeWords({
        args: { id: 'inc-1', noteId: 'n-1', reason: 'Still cannot print after the fix' },
      }),
    ).toEqual([{ label: 'Reason', text: 'Still cannot print after the fix' }]);
    expect(
      describeWords({
        args: { id: 'inc-1', resolutionCode: 'Solved (Permanently)', resolutionNotes: 'Cable' },
      }),
    ).toEqual([{ label: 'Resolution notes', text: 'Cable' }]);
    expect(describeWords({ args: { id: 'i-1', noteId: 'n', text: 'Called back' } })).toEqual([
      { label: 'Work note', text: 'Called back' },
    ]);
    expect(describeWords({ args: { id: 'i-1', text: '   ' } })).toEqual([]);
    expect(describeWords({ args: null })).toEqual([]);
  });
});
