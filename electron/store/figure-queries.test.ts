// The agent's own figures for today through the store host on fake-indexeddb, as the desk asks them:
// computed from the records the desk holds (none older than two days read), the same answer as
// shared/domain/desk-figures.ts over everything the desk holds, live when a record arrives.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AGENT_ID } from '../../shared/demo/directory-generator';
import { agentToday } from '../../shared/domain/desk-figures';
import type { StoreResult } from '../../shared/domain/result';
import {
  at,
  call,
  closed,
  incident,
  interaction,
  link,
  reopenedAt,
  T0,
  visit,
} from '../../shared/domain/testing/desk-records';
import type { AgentTodayView } from '../../shared/store-api/figures-contract';
import { createDeskDb, type DeskDb } from './db';
import { openStoreHost, type StoreHost } from './store-host';

const DB_NAME = 'desk';
const ME = DEMO_AGENT_ID;
const opened: { close(): Promise<void> | void }[] = [];

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function openDesk(): Promise<{ host: StoreHost; db: DeskDb }> {
  const factory = new IDBFactory();
  let ids = 0;
  const host = await openStoreHost({
    dbName: DB_NAME,
    indexedDB: factory,
    IDBKeyRange,
    demoUsers: 200,
    demoIncidents: 0,
    // Monday 23 November 2026, 09:00 UTC: the records' T0.
    now: () => new Date(T0),
    newId: () => `client-${++ids}`,
    onLine: () => true,
    connectivityEvents: new EventTarget(),
  });
  opened.push(host);
  await host.directoryReady();
  const db = createDeskDb({ name: DB_NAME, indexedDB: factory, IDBKeyRange });
  await db.open();
  opened.push(db);
  return { host, db };
}

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const mine = { openedBy: ME, closedBy: ME, updatedBy: ME };
const EARLIER = -8 * 60; // 01:00 UTC today, in minutes from T0

/** Today (UTC): four interactions of mine, one of another agent's, one of mine from last week. */
const INTERACTIONS = [
  // Closed complete, nothing created: first-contact resolution. Handle 300 s.
  closed('fcr', EARLIER, 300, mine),
  // Closed complete, but an incident was created from it: not FCR. Handle 600 s.
  closed('escalated', EARLIER + 20, 600, {
    ...mine,
    relatedRecords: [link('incident', 'inc-created', 'created')],
  }),
  // Closed complete, associated with an incident reopened within 7 days: not FCR. Handle 900 s.
  closed('reopened', EARLIER + 40, 900, {
    ...mine,
    relatedRecords: [link('incident', 'inc-reopened', 'associated')],
  }),
  // Still open: logged today, not closed.
  interaction('open', { ...mine, openedAt: at(-30), updatedAt: at(-30) }),
  // Another agent's: not in my figures.
  closed('theirs', EARLIER, 120, { openedBy: 'someone-else', closedBy: 'someone-else' }),
  // Mine, a week ago: not today, and not read at all (older than two days).
  closed('last-week', -7 * 24 * 60, 60, mine),
];
const INCIDENTS = [incident('inc-created'), reopenedAt('inc-reopened', 0)];
const CALLS = [
  call('answered-by-me', { answeredBy: ME, rangAt: at(-60), answeredAt: at(-60) }),
  call('answered-by-other', { answeredBy: 'someone-else', rangAt: at(-50), answeredAt: at(-50) }),
  call('yesterday', { answeredBy: ME, rangAt: at(-20 * 60), answeredAt: at(-20 * 60) }),
];
const VISITS = [
  visit('served', { state: 'Done', servedBy: ME, endedAt: at(-10), updatedAt: at(-10) }),
  visit('left', { state: 'Left', servedBy: null, endedAt: at(-5), updatedAt: at(-5) }),
];

async function seeded(): Promise<{ host: StoreHost; db: DeskDb }> {
  const desk = await openDesk();
  await desk.db.interactions.bulkPut(INTERACTIONS);
  await desk.db.incidents.bulkPut(INCIDENTS);
  await desk.db.calls.bulkPut(CALLS);
  await desk.db.visits.bulkPut(VISITS);
  return desk;
}

describe('figures.agentToday', () => {
  it("counts the agent's own day, worked out by hand", async () => {
    const { host } = await seeded();
    const today = value(await host.query('figures.agentToday', { timeZone: 'UTC' }));
    expect(today).toEqual<AgentTodayView>({
      day: '2026-11-23',
      timeZone: 'UTC',
      // fcr, escalated, reopened, open (theirs and last week's are not)
      interactionsLogged: 4,
      closed: 3,
      // 1 of 3 closed is a first-contact resolution
      firstContactResolution: 1 / 3,
      // 300, 600, 900 s: the middle one
      medianHandleSeconds: 600,
      callsAnswered: 1,
      visitsServed: 1,
    });
  });

  it('reads only the last two days yet answers as the figures over everything the desk holds', async () => {
    const { host, db } = await seeded();
    const all = {
      interactions: await db.interactions.toArray(),
      visits: await db.visits.toArray(),
      calls: await db.calls.toArray(),
      incidents: await db.incidents.toArray(),
    };
    for (const timeZone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin']) {
      const {
        day: _day,
        timeZone: _zone,
        ...figures
      } = value(await host.query('figures.agentToday', { timeZone }));
      expect(figures, timeZone).toEqual(agentToday(all, ME, T0, timeZone));
    }
  });

  it('is live: a call answered arrives and the count moves', async () => {
    const { host, db } = await seeded();
    const answers: number[] = [];
    const stop = await host.subscribe('figures.agentToday', { timeZone: 'UTC' }, (result) => {
      if (result.ok) answers.push(result.value.callsAnswered);
    });
    await expect.poll(() => answers.at(-1)).toBe(1);
    await db.calls.put(
      call('just-now', { answeredBy: ME, rangAt: at(-1), answeredAt: at(-1), updatedAt: at(-1) }),
    );
    await expect.poll(() => answers.at(-1)).toBe(2);
    stop();
  });

  it('is live: an interaction logged, then closed, in another window moves the counts', async () => {
    const { host, db } = await seeded();
    const answers: string[] = [];
    const stop = await host.subscribe('figures.agentToday', { timeZone: 'UTC' }, (result) => {
      if (result.ok) answers.push(`${result.value.interactionsLogged} ${result.value.closed}`);
    });
    await expect.poll(() => answers.at(-1)).toBe('4 3');
    // Another window's single write: nothing this live query read by id changed, so it is the
    // record index that says the agent's work moved.
    const logged = interaction('logged-elsewhere', {
      ...mine,
      openedAt: at(-2),
      updatedAt: at(-2),
    });
    await db.interactions.put(logged);
    await expect.poll(() => answers.at(-1)).toBe('5 3');
    await db.interactions.put({
      ...logged,
      state: 'Closed Complete',
      closedAt: at(-1),
      handleTimeSeconds: 60,
      updatedAt: at(-1),
    });
    await expect.poll(() => answers.at(-1)).toBe('5 4');
    stop();
  });

  it('refuses a time zone that is not one, with a clear message', async () => {
    const { host } = await openDesk();
    const answer = await host.query('figures.agentToday', { timeZone: 'Mars/Olympus' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.message).toBe('Check Time zone.');
    expect(answer.error.fieldErrors?.timeZone).toContain('IANA name');
  });

  it('is an empty day on a desk with nothing yet, never NaN', async () => {
    const { host } = await openDesk();
    const today = value(await host.query('figures.agentToday', { timeZone: 'UTC' }));
    expect(today).toMatchObject({
      interactionsLogged: 0,
      closed: 0,
      firstContactResolution: null,
      medianHandleSeconds: null,
    });
  });
});
