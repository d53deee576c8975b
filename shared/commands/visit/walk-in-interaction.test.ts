// Start and close as one walk-in: visit.start makes the Walk-in interaction linked both ways, and
// interaction.close with its visit finishes that visit in the same change (and only that visit).

import { describe, expect, it } from 'vitest';
import { commandModule } from '../registry';
import { commandDesk, step } from '../testing/command-desk';
import { A_VISIT_IN_SERVICE, A_WAITING_VISIT, checkInInput, startInput } from '../testing/scenes';

const inService = () => {
  const desk = commandDesk();
  desk.given(A_VISIT_IN_SERVICE);
  return desk;
};

describe('visit.start', () => {
  it('opens a Walk-in interaction for the person with the reason, linked both ways', () => {
    const desk = inService();
    expect(desk.records.get('interaction', 'ims-1')).toMatchObject({
      type: 'Walk-in',
      openedFor: 'user-9',
      shortDescription: 'Laptop',
      description: 'The screen flickers.',
      visit: 'vis-1',
      state: 'New',
    });
    expect(desk.records.get('visit', 'vis-1')).toMatchObject({
      state: 'In service',
      interaction: 'ims-1',
      servedBy: 'agent-1',
    });
  });

  it('opens one for nobody in the directory when the visitor is a guest', () => {
    const desk = commandDesk();
    desk.given([step('visit.checkIn', checkInInput({ person: null, guestName: 'Lee Park' }))]);
    const started = desk.run('visit.start', startInput());
    expect(started.ok).toBe(true);
    expect(desk.records.get('interaction', 'ims-1')).toMatchObject({ openedFor: null });
  });

  it('refuses an interaction id already taken, and changes nothing', () => {
    const desk = commandDesk();
    desk.given([
      ...A_WAITING_VISIT,
      step('visit.checkIn', checkInInput({ id: 'vis-2', person: 'user-7' })),
      step('visit.start', startInput({ id: 'vis-2' })),
    ]);
    const before = JSON.stringify([...desk.records.values()]);
    expect(desk.run('visit.start', startInput())).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(JSON.stringify([...desk.records.values()])).toBe(before);
  });
});

describe('interaction.close with its visit', () => {
  it.each(['Closed Complete', 'Closed Abandoned'] as const)(
    '%s finishes the visit (Done) in the same change',
    (state) => {
      const desk = inService();
      const closed = desk.run('interaction.close', { id: 'ims-1', state, visit: 'vis-1' });
      if (!closed.ok) throw new Error(closed.error.message);
      expect(closed.value.changed.map((c) => `${c.kind}:${c.record.id}`)).toEqual([
        'interaction:ims-1',
        'visit:vis-1',
      ]);
      expect(desk.records.get('interaction', 'ims-1')).toMatchObject({ state });
      expect(desk.records.get('visit', 'vis-1')).toMatchObject({ state: 'Done' });
    },
  );

  it('leaves the visit in service when the close does not name it', () => {
    const desk = inService();
    const closed = desk.run('interaction.close', { id: 'ims-1', state: 'Closed Complete' });
    expect(closed.ok && closed.value.changed.map((c) => c.kind)).toEqual(['interaction']);
    expect(desk.records.get('visit', 'vis-1')).toMatchObject({ state: 'In service' });
  });

  it('never finishes a visit the interaction was not started from', () => {
    const desk = inService();
    desk.given([
      step('visit.checkIn', checkInInput({ id: 'vis-2', person: 'user-7' })),
      step('visit.start', startInput({ id: 'vis-2', interactionId: 'ims-2' })),
    ]);
    const closed = desk.run('interaction.close', {
      id: 'ims-1',
      state: 'Closed Complete',
      visit: 'vis-2',
    });
    expect(closed.ok && closed.value.changed.map((c) => c.kind)).toEqual(['interaction']);
    expect(desk.records.get('visit', 'vis-2')).toMatchObject({ state: 'In service' });
  });

  it('closes the interaction even when its visit is already Done, and again changes nothing', () => {
    const desk = inService();
    desk.given([step('visit.finish', { id: 'vis-1' })]);
    const close = { id: 'ims-1', state: 'Closed Complete', visit: 'vis-1' } as const;
    const closed = desk.run('interaction.close', close);
    expect(closed.ok && closed.value.changed.map((c) => c.kind)).toEqual(['interaction']);
    expect(desk.run('interaction.close', close)).toEqual({
      ok: true,
      value: { changed: [], created: null },
    });
  });

  it('names the visit among its records, so the rebase and the server load it with the interaction', () => {
    expect(
      commandModule('interaction.close').records({
        id: 'ims-1',
        state: 'Closed Complete',
        visit: 'vis-1',
      }),
    ).toEqual([
      { kind: 'interaction', id: 'ims-1' },
      { kind: 'visit', id: 'vis-1' },
    ]);
  });

  it('closes the interaction alone when its visit is not here', () => {
    const desk = inService();
    const closed = desk.run('interaction.close', {
      id: 'ims-1',
      state: 'Closed Complete',
      visit: 'vis-404',
    });
    expect(closed.ok && closed.value.changed.map((c) => c.kind)).toEqual(['interaction']);
  });
});
