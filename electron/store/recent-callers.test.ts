// The Opened for field's recent callers: the callers of the signed-in agent's latest interactions,
// newest first, each once, at most the limit; another agent's callers and gone users are not listed.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import type { StoreResult } from '../../shared/domain/result';
import { createDeskDb } from './db';
import { openStoreHost, type StoreHost } from './store-host';

const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function openDesk(factory: IDBFactory): Promise<StoreHost> {
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const host = await openStoreHost({
    dbName: 'desk',
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 200,
    now: () => new Date((clock += 60_000)),
    newId: () => 'client-1',
  });
  opened.push(host);
  await host.directoryReady();
  return host;
}

const call = (id: string, openedFor: string): CreateInteractionArgs => ({
  id,
  openedFor,
  contactEmail: '',
  contactPhone: '',
  type: 'Phone',
  component: null,
  assignmentGroup: null,
  assignedTo: null,
  shortDescription: `Call ${id}`,
  description: '',
});

it('lists the agent’s latest callers newest first, each once, and never another agent’s', async () => {
  const factory = new IDBFactory();
  const host = await openDesk(factory);
  const people = value(await host.query('directory.searchUsers', { query: 'a', limit: 8 }));
  const [a, b, c, d, other] = people.map((p) => p.id);
  if (!a || !b || !c || !d || !other) throw new Error('too few demo users');
  expect(value(await host.query('directory.recentCallers', { limit: 5 }))).toEqual([]);

  for (const [n, caller] of [a, b, a, c, d, b].entries())
    expect((await host.command('interaction.create', call(`i-${n}`, caller))).ok).toBe(true);
  // Another agent's newer interaction on the same desk, and one closed since: only the agent's own.
  const raw = createDeskDb({ name: 'desk', indexedDB: factory, IDBKeyRange });
  await raw.open();
  opened.push(raw);
  const mine = await raw.interactions.get('i-0');
  if (!mine) throw new Error('i-0 is not on the desk');
  await raw.interactions.put({
    ...mine,
    id: 'someone-else',
    openedFor: other,
    openedBy: 'another-agent',
    openedAt: '2026-03-02T23:00:00.000Z',
  });
  expect(
    (await host.command('interaction.close', { id: 'i-4', state: 'Closed Complete' })).ok,
  ).toBe(true);

  const ids = (limit: number) =>
    host.query('directory.recentCallers', { limit }).then((r) => value(r).map((u) => u.id));
  expect(await ids(5)).toEqual([b, d, c, a]);
  expect(await ids(2)).toEqual([b, d]);
  // Bad input over the port: a clear message, nothing else.
  const refused = await host.query('directory.recentCallers', { limit: 0 });
  expect(refused.ok).toBe(false);
});

it('lists the agent’s known callers first for a letter, says how often, and knows a new call at once', async () => {
  const factory = new IDBFactory();
  const host = await openDesk(factory);
  const search = (query: string) =>
    host.query('directory.searchUsers', { query, limit: 10 }).then((r) => value(r));
  // A caller who is not the first match of their surname's first letter.
  const before = await search('b');
  const caller = before[3];
  const other = before[5];
  if (!caller || !other) throw new Error('too few demo users');
  expect(before.every((hit) => hit.known === undefined)).toBe(true);

  expect((await host.command('interaction.create', call('i-1', caller.id))).ok).toBe(true);
  const after = await search('b');
  expect(after[0]).toMatchObject({ id: caller.id, known: { interactions: 1 } });
  expect(after.slice(1).map((hit) => hit.id)).toEqual(
    before.filter((hit) => hit.id !== caller.id).map((hit) => hit.id),
  );

  // Two calls for another caller, later: a new write is seen by the next lookup.
  for (const id of ['i-2', 'i-3'])
    expect((await host.command('interaction.create', call(id, other.id))).ok).toBe(true);
  const again = await search('b');
  expect(again.slice(0, 2).map((hit) => [hit.id, hit.known?.interactions])).toEqual([
    [other.id, 2],
    [caller.id, 1],
  ]);
  // The lookahead and the recent callers say the same.
  const ahead = value(await host.query('directory.searchUsersAhead', { query: '', limit: 10 }));
  expect(ahead.next.find((n) => n.key === 'b')?.hits.map((i) => ahead.hits[i]?.id)).toEqual(
    again.map((hit) => hit.id),
  );
  const recent = value(await host.query('directory.recentCallers', { limit: 5 }));
  expect(recent.map((hit) => hit.known?.interactions)).toEqual([2, 1]);
});
