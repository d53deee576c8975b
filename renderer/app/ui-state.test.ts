// The UI state's guard: an unsaved form is never replaced without asking, a clean one always is.
// Pure state, no DOM.

import { describe, expect, it } from 'vitest';
import { createUiState } from './ui-state';

const ids = () => {
  let n = 0;
  return () => `id-${(n += 1)}`;
};

describe('ui state: leaving a form', () => {
  it('opens at once while nothing is unsaved', () => {
    const ui = createUiState(ids());
    ui.getState().newInteraction();
    expect(ui.getState().open).toEqual({ id: 'id-2', isNew: true });
    ui.getState().openInteraction('r1');
    expect(ui.getState().open).toEqual({ id: 'r1', isNew: false });
    expect(ui.getState().leaving).toBeNull();
  });

  it('asks first while the form is unsaved, and goes only when told', () => {
    const ui = createUiState(ids());
    ui.getState().setUnsaved({ number: null });
    ui.getState().openInteraction('r1');
    expect(ui.getState().open.id).toBe('id-1');
    expect(ui.getState().leaving).toEqual({ id: 'r1', isNew: false });
    // A second request while the dialog asks does not change the question.
    ui.getState().newInteraction();
    expect(ui.getState().leaving).toEqual({ id: 'r1', isNew: false });

    ui.getState().stayOnForm();
    expect(ui.getState().leaving).toBeNull();
    expect(ui.getState().open.id).toBe('id-1');

    ui.getState().newInteraction();
    const target = ui.getState().leaving;
    expect(target?.isNew).toBe(true);
    if (target) ui.getState().openRecord(target);
    expect(ui.getState()).toMatchObject({ open: target, leaving: null, unsaved: null });
  });

  it('reopening the record already open never asks', () => {
    const ui = createUiState(ids());
    ui.getState().openInteraction('r1');
    ui.getState().setUnsaved({ number: 'IMS-P0001' });
    ui.getState().openInteraction('r1');
    expect(ui.getState().leaving).toBeNull();
  });
});

describe('the confirmation of a form that was left', () => {
  it('is carried to the next form once, then forgotten', () => {
    let n = 0;
    const ui = createUiState(() => `id-${++n}`);
    ui.getState().openRecord({ id: 'next', isNew: true }, 'Saved IMS-P0001');
    expect(ui.getState().carriedMessage).toBe('Saved IMS-P0001');
    ui.getState().newInteraction();
    expect(ui.getState().carriedMessage).toBeNull();
  });
});

describe('sections: the form keeps its typing while an incident or request is shown', () => {
  it('opens an incident in its section and leaves the unsaved form as it was', () => {
    const ui = createUiState(ids());
    ui.getState().setUnsaved({ number: null });
    ui.getState().openAnyRecord('incident', 'inc-1');
    expect(ui.getState().section).toBe('incidents');
    expect(ui.getState().openTasks).toEqual({ incident: 'inc-1', request: null });
    expect(ui.getState().leaving).toBeNull();
    ui.getState().openTask('request', 'req-1');
    expect(ui.getState().section).toBe('requests');
    expect(ui.getState().openTasks).toEqual({ incident: 'inc-1', request: 'req-1' });
  });

  it('opens an interaction where the form is shown, asking first while it is unsaved', () => {
    const ui = createUiState(ids());
    ui.getState().showSection('callbacks');
    ui.getState().openAnyRecord('interaction', 'r1');
    // Beside Callbacks due the form is shown already: the section stays.
    expect(ui.getState().section).toBe('callbacks');
    expect(ui.getState().open).toEqual({ id: 'r1', isNew: false });
    ui.getState().showSection('incidents');
    ui.getState().setUnsaved({ number: 'IMS-P0001' });
    ui.getState().openAnyRecord('interaction', 'r2');
    expect(ui.getState().section).toBe('interactions');
    expect(ui.getState().leaving).toEqual({ id: 'r2', isNew: false });
  });

  it('opens a visit (from Needs attention) on the Walk-up queue, never as a request', () => {
    const ui = createUiState(ids());
    ui.getState().setUnsaved({ number: null });
    ui.getState().openAnyRecord('visit', 'vis-1');
    expect(ui.getState().section).toBe('walk-up');
    expect(ui.getState().openTasks).toEqual({ incident: null, request: null });
    expect(ui.getState().leaving).toBeNull();
  });

  it('a call opens a new interaction that names it, asking first while the form is unsaved', () => {
    const ui = createUiState(ids());
    ui.getState().showSection('walk-up');
    ui.getState().newInteractionFromCall('call-1');
    expect(ui.getState().section).toBe('interactions');
    expect(ui.getState().open).toMatchObject({ isNew: true, fromCall: 'call-1' });
    ui.getState().setUnsaved({ number: null });
    ui.getState().newInteractionFromCall('call-2');
    expect(ui.getState().leaving).toMatchObject({ isNew: true, fromCall: 'call-2' });
  });

  it('counts a call opened once, and not while another question is open', () => {
    const ui = createUiState(ids());
    ui.getState().newInteractionFromCall('call-1');
    ui.getState().newInteractionFromCall('call-1');
    expect(ui.getState().callsOpened).toEqual(['call-1']);
    ui.getState().setUnsaved({ number: null });
    ui.getState().newInteraction();
    // The Unsaved changes dialog asks about New interaction: the call did not open anything.
    ui.getState().newInteractionFromCall('call-2');
    expect(ui.getState().callsOpened).toEqual(['call-1']);
  });

  it('dismisses a call’s banner on this desk once', () => {
    const ui = createUiState(ids());
    ui.getState().dismissCall('call-1');
    ui.getState().dismissCall('call-1');
    expect(ui.getState().dismissedCalls).toEqual(['call-1']);
  });

  it('a softphone’s number opens a new interaction for it, asking first while the form is unsaved', () => {
    const ui = createUiState(ids());
    ui.getState().showSection('walk-up');
    ui.getState().newInteractionFromNumber('+442079460958');
    expect(ui.getState().section).toBe('interactions');
    expect(ui.getState().open).toMatchObject({ isNew: true, fromNumber: '+442079460958' });
    ui.getState().setUnsaved({ number: null });
    ui.getState().newInteractionFromNumber('4711');
    expect(ui.getState().leaving).toMatchObject({ isNew: true, fromNumber: '4711' });
  });

  it('New interaction goes back to the Interactions section', () => {
    const ui = createUiState(ids());
    ui.getState().showSection('requests');
    ui.getState().newInteraction();
    expect(ui.getState().section).toBe('interactions');
  });
});
