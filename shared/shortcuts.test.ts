// Checks the shortcut table: one id, one key and one label per command, each found by its id.
// Data only: what the keys do is tested where they are handled (renderer/shortcuts).

import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutOf } from './shortcuts';

describe('the shortcut table', () => {
  it('gives every command its own id, keys and accelerator', () => {
    for (const field of ['id', 'keys', 'accelerator', 'label'] as const) {
      const values = SHORTCUTS.map((s) => s[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it('has the escalation commands in the issue’s words', () => {
    expect(shortcutOf('create-incident')).toMatchObject({
      label: 'Create Incident',
      keys: 'Alt+I',
    });
    expect(shortcutOf('create-request')).toMatchObject({ label: 'Create Request', keys: 'Alt+R' });
    expect(shortcutOf('find-existing-incidents')).toMatchObject({
      label: 'Find existing incidents',
      keys: 'Alt+X',
    });
  });
});
