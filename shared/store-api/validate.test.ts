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
