import { describe, expect, it } from 'vitest';
import { parseCommand, parseQuery } from './validate';

describe('checking operations on arrival', () => {
  it('refuses an unknown command by name', () => {
    const r = parseCommand('interaction.delete', {});
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'unknown-operation',
        message: 'There is no command called interaction.delete.',
      },
    });
  });

  it('names the fields in the seed wording', () => {
    const r = parseCommand('interaction.update', {
      id: 'x',
      changes: { shortDescription: '', contactEmail: 'nope' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.message).toBe('Check Contact email, Short description.');
    expect(r.error.fieldErrors).toMatchObject({
      shortDescription: 'Short description is required.',
    });
  });

  it('refuses inputs of the wrong shape', () => {
    expect(parseCommand('interaction.close', 'close it').ok).toBe(false);
    expect(parseCommand('interaction.close', { id: 'x', state: 'New' }).ok).toBe(false);
    expect(parseQuery('directory.searchUsers', { query: 'x'.repeat(101) }).ok).toBe(false);
    expect(parseQuery('toString', {}).ok).toBe(false);
  });

  it('fills defaults and trims', () => {
    const r = parseQuery('directory.searchUsers', { query: 'smi' });
    expect(r.ok && r.value.args).toEqual({ query: 'smi', limit: 10 });
    const c = parseCommand('interaction.addWorkNote', { id: 'x', noteId: 'n', text: '  hello  ' });
    expect(c.ok && c.value.args).toEqual({ id: 'x', noteId: 'n', text: 'hello' });
  });
});

describe('naming the fields of incidents, requests and catalog answers', () => {
  it('labels an incident command’s fields with the incident’s labels', () => {
    const r = parseCommand('incident.resolve', { id: 'i', resolutionNotes: ' ' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('Check Resolution code, Resolution notes.');
    expect(Object.keys(r.error.fieldErrors ?? {})).toEqual(['resolutionCode', 'resolutionNotes']);
  });

  it('labels edits inside `changes` and the interaction an escalation names', () => {
    const r = parseCommand('incident.createFromInteraction', {
      id: 'i',
      caller: '',
      shortDescription: 'Printer down',
      description: '',
      component: null,
      category: 'Hardware',
      impact: 7,
      urgency: 2,
      assignmentGroup: null,
      assignedTo: null,
    });
    expect(r.ok || r.error.message).toBe('Check Caller, Impact, Interaction.');
    const u = parseCommand('incident.update', { id: 'i', changes: { category: 'Plumbing' } });
    expect(u.ok || u.error.message).toBe('Check Category.');
  });

  it('labels a request command’s fields with the request’s labels', () => {
    const r = parseCommand('request.setState', { id: 'r', state: 'Done', closeNotes: 7 });
    expect(r.ok || r.error.message).toBe('Check State, Close notes.');
    const c = parseCommand('request.createFromInteraction', {
      id: 'r',
      interactionId: 'ims-1',
      catalogItem: '',
      answers: {},
    });
    expect(c.ok || c.error.message).toBe('Check Requested for, Catalog item.');
  });

  it('keeps a catalog answer’s key and says it is one of the answers', () => {
    const r = parseCommand('request.update', {
      id: 'r',
      changes: { requestedFor: '', answers: { justification: 'x'.repeat(5000), ok: [1] } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('Check Requested for. Check the answers: justification, ok.');
    expect(Object.keys(r.error.fieldErrors ?? {})).toEqual([
      'requestedFor',
      'answers.justification',
      'answers.ok',
    ]);
    const only = parseCommand('request.update', { id: 'r', changes: { answers: { a: [] } } });
    expect(only.ok || only.error.message).toBe('Check the answers: a.');
  });

  it('still labels interaction commands, and queries, in words', () => {
    const r = parseCommand('interaction.addWorkNote', { id: 'x', noteId: 'n', text: '' });
    expect(r.ok || r.error.message).toBe('Check Work note.');
    const q = parseQuery('incident.searchByComponent', { componentId: '' });
    expect(q.ok || q.error.message).toBe('Check Component.');
  });
});
