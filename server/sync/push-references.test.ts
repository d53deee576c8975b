import { describe, expect, it } from 'vitest';
import { RecordMap } from '../../shared/commands/record-set';
import type { Interaction } from '../../shared/domain/interaction';
import type { ParsedCommand } from '../../shared/store-api/apply-command';
import { checkReferences, referencedIds, referencesOf } from './push-references';

const command = (name: string, args: unknown) => ({ name, args }) as unknown as ParsedCommand;
const legacy = {
  id: 'i-1',
  openedFor: 'usr_gone',
  component: null,
  assignmentGroup: 'grp-desk',
  assignedTo: null,
} as unknown as Interaction;
const loaded = new RecordMap([{ kind: 'interaction', record: legacy }]);

describe('the directory references a change sets', () => {
  it('reads them by field name in the args and their changes', () => {
    const update = command('interaction.update', {
      id: 'i-2',
      changes: { openedFor: 'u-1', component: 'ci-1', assignmentGroup: 'g-1', assignedTo: 'u-2' },
    });
    expect(referencesOf(update, loaded)).toEqual([
      { field: 'openedFor', kind: 'user', id: 'u-1' },
      { field: 'assignedTo', kind: 'user', id: 'u-2' },
      { field: 'assignmentGroup', kind: 'group', id: 'g-1' },
      { field: 'component', kind: 'configurationItem', id: 'ci-1' },
    ]);
    expect(referencedIds([update], loaded)).toEqual({
      user: ['u-1', 'u-2'],
      group: ['g-1'],
      configurationItem: ['ci-1'],
    });
  });

  it('leaves out what the record already holds, so a record from before can still be saved', () => {
    const save = command('interaction.save', {
      id: 'i-1',
      openedFor: 'usr_gone',
      assignedTo: null,
    });
    expect(referencesOf(save, loaded)).toEqual([]);
    expect(checkReferences(save, loaded, () => false).ok).toBe(true);
  });

  it('refuses the change naming every unknown entry by its field', () => {
    const create = command('interaction.create', {
      id: 'i-9',
      openedFor: 'usr_x',
      component: 'ci_x',
    });
    expect(checkReferences(create, loaded, () => false)).toEqual({
      ok: false,
      error: {
        code: 'rule',
        message: 'No user usr_x in the directory.',
        fieldErrors: {
          openedFor: 'No user usr_x in the directory.',
          component: 'No configuration item ci_x in the directory.',
        },
      },
    });
  });
});
