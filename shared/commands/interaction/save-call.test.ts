// A first Save of an interaction opened for a call links the call in the same change; a call
// already logged as another interaction keeps it, and the save still lands (never lost for that).

import { describe, expect, it } from 'vitest';
import { aCall } from '../testing/call-scenes';
import { commandDesk } from '../testing/command-desk';
import { interactionInput } from '../testing/scenes';

describe('interaction.save for a call', () => {
  it('links the call to the new interaction, once', () => {
    const desk = commandDesk();
    desk.records.put({ kind: 'call', record: aCall({ state: 'Answered', answeredBy: 'agent-1' }) });
    const first = desk.run('interaction.save', { ...interactionInput(), call: 'cal-1' });
    expect(first.ok).toBe(true);
    expect(desk.records.get('call', 'cal-1')?.interaction).toBe('ims-1');
    expect(desk.records.get('interaction', 'ims-1')?.call).toBe('cal-1');
    if (first.ok)
      expect(first.value.changed.map((c) => [c.kind, c.record.id])).toEqual([
        ['interaction', 'ims-1'],
        ['call', 'cal-1'],
      ]);
    // The same save again (a retry) changes nothing more.
    const again = desk.run('interaction.save', { ...interactionInput(), call: 'cal-1' });
    expect(again.ok && again.value.changed.length).toBe(0);
  });

  it('saves the interaction and leaves a call logged as another one alone', () => {
    const desk = commandDesk();
    const logged = aCall({ state: 'Ended', interaction: 'ims-other' });
    desk.records.put({ kind: 'call', record: logged });
    const saved = desk.run('interaction.save', { ...interactionInput(), call: 'cal-1' });
    expect(saved.ok).toBe(true);
    expect(desk.records.get('interaction', 'ims-1')).toBeDefined();
    expect(desk.records.get('call', 'cal-1')).toEqual(logged);
  });

  it('saves an interaction for a call this desk does not hold', () => {
    const desk = commandDesk();
    const saved = desk.run('interaction.save', { ...interactionInput(), call: 'cal-9' });
    expect(saved.ok).toBe(true);
    expect(desk.records.get('interaction', 'ims-1')?.call).toBe('cal-9');
  });
});
