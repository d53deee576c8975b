// Needs attention: a refused change kept with its data; Retry queues it again as a new change and
// shows it on the desk, Discard drops it; both answer when it is no longer there.

import { describe, expect, it } from 'vitest';
import { readMeta } from '../db';
import { discardRefused, noteRefused, retryRefused } from './needs-attention';
import { AGENT, entry, interactionArgs, openTestDesk, rules } from './sync-test-support';

const refused = { code: 'rule' as const, message: 'The incident was closed by someone else.' };

async function deskWithRefusal() {
  const db = await openTestDesk();
  const change = entry(3, 'interaction.create', interactionArgs('int-1'));
  await db.transaction('rw', db.needsAttention, () =>
    noteRefused(db, change, refused, '2026-11-23T09:10:00.000Z'),
  );
  const [row] = await db.needsAttention.toArray();
  return { db, id: row?.id ?? 0 };
}

describe('Needs attention', () => {
  it('keeps a refused change with its data and the reason', async () => {
    const { db } = await deskWithRefusal();
    expect(await db.needsAttention.toArray()).toEqual([
      expect.objectContaining({ mutationId: 3, reason: refused }),
    ]);
  });

  it('retries a refused change as a new change, shown on the desk again', async () => {
    const { db, id } = await deskWithRefusal();
    const now = () => new Date('2026-11-23T09:20:00.000Z');
    const mutationId = await retryRefused(db, id, rules, AGENT, now);
    expect(mutationId).toBe(await readMeta(db, 'mutationCounter'));
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ mutationId, name: 'interaction.create', at: now().toISOString() }),
    ]);
    expect(await db.needsAttention.count()).toBe(0);
    expect(await db.interactions.get('int-1')).toMatchObject({ id: 'int-1' });
    expect(await retryRefused(db, id, rules, AGENT, now)).toBeNull();
  });

  it('discards a refused change for good, once', async () => {
    const { db, id } = await deskWithRefusal();
    expect(await discardRefused(db, id)).toBe(true);
    expect(await discardRefused(db, id)).toBe(false);
    expect(await db.outbox.count()).toBe(0);
  });
});
