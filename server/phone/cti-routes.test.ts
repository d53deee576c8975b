// The CTI endpoint on a real database: the request sequences of Zammad's generic CTI (JSON and
// form data with user[]), a known caller, a shared number, an unknown one, a blocked one, events
// out of order, and wrong or revoked tokens (nothing kept).

import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import type { Call } from '../../shared/domain/call';
import type { PullResponse } from '../../shared/sync/protocol';
import type { PokeBus } from '../sync/poke-bus';
import { signIn } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import {
  AGENT_PHONE,
  BLOCKED,
  ctiServer,
  KNOWN,
  REVOKED_TOKEN,
  SHARED,
  TOKEN,
  UNKNOWN,
} from './cti-testing';
import { CTI_POKE_WINDOW_MS, CTI_RATE_LIMIT } from './cti-routes';

const url = (token = TOKEN) => `/api/v1/cti/${token}`;

const post = async (app: FastifyInstance, body: Record<string, unknown>, token = TOKEN) => {
  const reply = await app.inject({ method: 'POST', url: url(token), payload: body });
  return { status: reply.statusCode, body: JSON.parse(reply.body) as Record<string, unknown> };
};

const postForm = async (app: FastifyInstance, form: string, token = TOKEN) => {
  const reply = await app.inject({
    method: 'POST',
    url: url(token),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form,
  });
  return { status: reply.statusCode, body: JSON.parse(reply.body) as Record<string, unknown> };
};

const newCall = (callId: string, from: string, over: Record<string, unknown> = {}) => ({
  event: 'newCall',
  from,
  to: '+44 20 7946 0100',
  direction: 'in',
  callId,
  ...over,
});

describeOnDatabases('the CTI endpoint', (suite) => {
  const callOf = async (callId: string): Promise<Call | undefined> => {
    const row = await suite
      .database()
      .db.selectFrom('calls')
      .select('record')
      .where('call_id', '=', callId)
      .executeTakeFirst();
    return row?.record as Call | undefined;
  };
  const events = async (callId?: string) => {
    let q = suite.database().db.selectFrom('cti_events').select(['event', 'outcome', 'call_id']);
    if (callId !== undefined) q = q.where('call_id', '=', callId);
    return q.orderBy('id').execute();
  };

  it('pops a known caller for the queue, then answer and hangup end the call', async () => {
    const database = suite.database();
    const app = await ctiServer(database);
    const pokes: unknown[] = [];
    const stop = database.pokes.subscribe((p) => pokes.push(p));
    try {
      const rang = await post(app, newCall('c-1', KNOWN, { queue: 'Service Desk', user: [] }));
      expect(rang).toEqual({ status: 200, body: {} });
      expect(await callOf('c-1')).toMatchObject({
        number: 'CAL0001001',
        numberProvisional: false,
        integration: 'int-hq',
        location: 'loc-hq',
        state: 'Ringing',
        numberE164: '+442079460958',
        caller: 'caller-1',
        candidates: ['caller-1'],
        queue: 'Service Desk',
        notify: ['agent-1', 'agent-2'],
      });
      // PostgreSQL's pokes travel by NOTIFY: they arrive a moment after the answer.
      await expect.poll(() => pokes).toContainEqual({ topic: 'interactions' });

      const answered = await post(app, {
        event: 'answer',
        callId: 'c-1',
        from: KNOWN,
        to: '+44 20 7946 0100',
        direction: 'in',
        answeringNumber: AGENT_PHONE,
      });
      expect(answered).toEqual({ status: 200, body: {} });
      const during = await callOf('c-1');
      expect(during).toMatchObject({
        state: 'Answered',
        answeredBy: 'agent-1',
        answeringNumber: AGENT_PHONE,
      });
      expect(during?.answeredAt).not.toBeNull();

      await post(app, { event: 'hangup', callId: 'c-1', cause: 'normalClearing' });
      expect(await callOf('c-1')).toMatchObject({ state: 'Ended', cause: 'normalClearing' });
      expect(await events('c-1')).toEqual([
        { event: 'newCall', outcome: 'applied', call_id: 'c-1' },
        { event: 'answer', outcome: 'applied', call_id: 'c-1' },
        { event: 'hangup', outcome: 'applied', call_id: 'c-1' },
      ]);

      // The desks pull it as a synced record.
      const desk = await signIn(app, 'bo.agent');
      const pulled = await desk.post<PullResponse>('/api/v1/sync/pull', {
        clientId: 'desk-bo',
        cursor: null,
      });
      expect(pulled.body.calls).toEqual([
        expect.objectContaining({ callId: 'c-1', state: 'Ended' }),
      ]);
      const used = await database.db
        .selectFrom('integrations')
        .select('last_used_at')
        .where('id', '=', 'int-hq')
        .executeTakeFirstOrThrow();
      expect(used.last_used_at).not.toBeNull();
    } finally {
      stop();
      await app.close();
    }
  });

  it('finds the agent by user name when answeringNumber is one, and a hangup unanswered is Missed', async () => {
    const app = await ctiServer(suite.database());
    try {
      await post(app, newCall('c-2', KNOWN));
      await post(app, { event: 'answer', callId: 'c-2', answeringNumber: 'BO.AGENT' });
      expect(await callOf('c-2')).toMatchObject({ answeredBy: 'agent-2' });
      await post(app, newCall('c-3', KNOWN));
      await post(app, { event: 'hangup', callId: 'c-3', cause: 'cancel' });
      expect(await callOf('c-3')).toMatchObject({ state: 'Missed', cause: 'cancel' });
      // A cause Zammad does not name is kept in the event log only.
      await post(app, newCall('c-4', KNOWN));
      await post(app, { event: 'hangup', callId: 'c-4', cause: 'somethingElse' });
      expect(await callOf('c-4')).toMatchObject({ state: 'Missed', cause: null });
    } finally {
      await app.close();
    }
  });

  it('offers every user of a shared number, and none for an unknown one', async () => {
    const app = await ctiServer(suite.database());
    try {
      await post(app, newCall('c-shared', SHARED));
      expect(await callOf('c-shared')).toMatchObject({
        numberE164: '+442079460999',
        caller: null,
        candidates: ['caller-2', 'caller-3'],
      });
      await post(app, newCall('c-unknown', UNKNOWN));
      // No queue and no user[]: every agent's desk rings.
      expect(await callOf('c-unknown')).toMatchObject({
        caller: null,
        candidates: [],
        notify: ['agent-1', 'agent-2'],
      });
      await post(app, newCall('c-anon', 'anonymous'));
      expect(await callOf('c-anon')).toMatchObject({ numberE164: '', caller: null });
    } finally {
      await app.close();
    }
  });

  it('rejects a number on the location block list, and never pops it', async () => {
    const app = await ctiServer(suite.database());
    try {
      const first = await post(app, newCall('c-blocked', BLOCKED, { queue: 'Service Desk' }));
      expect(first).toEqual({ status: 200, body: { action: 'reject' } });
      expect(await callOf('c-blocked')).toMatchObject({ state: 'Rejected', notify: [] });
      // Announced again: rejected again; its hangup changes nothing.
      expect((await post(app, newCall('c-blocked', BLOCKED))).body).toEqual({ action: 'reject' });
      expect((await post(app, { event: 'hangup', callId: 'c-blocked' })).body).toEqual({});
      expect(await callOf('c-blocked')).toMatchObject({ state: 'Rejected' });
      expect((await events('c-blocked')).map((e) => e.outcome)).toEqual([
        'rejected',
        'out-of-order',
        'ignored',
      ]);
    } finally {
      await app.close();
    }
  });

  it('keeps and answers events out of order, never failing', async () => {
    const app = await ctiServer(suite.database());
    try {
      // An answer before its newCall: the call is made as far as it got.
      expect(
        await post(app, { event: 'answer', callId: 'o-1', from: KNOWN, user: 'ana.agent' }),
      ).toEqual({ status: 200, body: {} });
      expect(await callOf('o-1')).toMatchObject({ state: 'Answered', answeredBy: 'agent-1' });
      // Its late newCall changes nothing; the hangup ends it.
      expect((await post(app, newCall('o-1', KNOWN))).body).toEqual({});
      expect(await callOf('o-1')).toMatchObject({ state: 'Answered' });
      await post(app, { event: 'hangup', callId: 'o-1', cause: 'normalClearing' });
      expect(await callOf('o-1')).toMatchObject({ state: 'Ended' });
      // A hangup of a call never announced: a missed call.
      expect((await post(app, { event: 'hangup', callId: 'o-2', from: KNOWN })).status).toBe(200);
      expect(await callOf('o-2')).toMatchObject({ state: 'Missed', caller: 'caller-1' });
      // Events after the end change nothing.
      expect((await post(app, { event: 'answer', callId: 'o-2' })).body).toEqual({});
      expect(await callOf('o-2')).toMatchObject({ state: 'Missed', answeredBy: null });
      // An event this server does not know is kept and answered.
      expect(await post(app, { event: 'transfer', callId: 'o-2' })).toEqual({
        status: 200,
        body: {},
      });
      expect((await events('o-2')).map((e) => [e.event, e.outcome])).toEqual([
        ['hangup', 'out-of-order'],
        ['answer', 'ignored'],
        ['transfer', 'ignored'],
      ]);
      // A bad field is a clear 400, kept as invalid, and makes no call.
      const bad = await post(app, { event: 'newCall', callId: 'o-3', from: 'call me maybe' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('from must be a phone number');
      expect(await callOf('o-3')).toBeUndefined();
      expect(await events('o-3')).toEqual([
        { event: 'newCall', outcome: 'invalid', call_id: 'o-3' },
      ]);
      const noId = await post(app, { event: 'hangup' });
      expect(noId.status).toBe(400);
      expect(JSON.stringify(noId.body)).toContain('callId is required.');
    } finally {
      await app.close();
    }
  });

  it('reads form data as Zammad does: user[] names the agents to notify', async () => {
    const app = await ctiServer(suite.database());
    try {
      const form =
        'event=newCall&from=%2B44%2020%207946%200958&to=%2B44%2020%207946%200100&direction=in' +
        '&callId=f-1&user%5B%5D=bo.agent';
      expect(await postForm(app, form)).toEqual({ status: 200, body: {} });
      expect(await callOf('f-1')).toMatchObject({ caller: 'caller-1', notify: ['agent-2'] });
      await postForm(app, 'event=newCall&from=0958&callId=f-2&user[]=Ana.Agent&user[]=bo.agent');
      expect(await callOf('f-2')).toMatchObject({ notify: ['agent-1', 'agent-2'] });
      // A queue nobody mapped falls back to user[].
      await postForm(app, 'event=newCall&from=0958&callId=f-3&queue=Sales&user[]=ana.agent');
      expect(await callOf('f-3')).toMatchObject({ queue: 'Sales', notify: ['agent-1'] });
      // Zammad sends international numbers as digits without the plus.
      await postForm(app, 'event=newCall&from=442079460958&callId=f-5&user[]=ana.agent');
      expect(await callOf('f-5')).toMatchObject({
        caller: 'caller-1',
        numberE164: '+442079460958',
      });
      // Zammad's user[] carries the agent's real name.
      await postForm(app, 'event=newCall&from=0958&callId=f-4&user[]=Bo%20Agent');
      expect(await callOf('f-4')).toMatchObject({ notify: ['agent-2'] });
      await postForm(app, 'event=answer&callId=f-1&user[]=bo.agent&answeringNumber=');
      expect(await callOf('f-1')).toMatchObject({ state: 'Answered', answeredBy: 'agent-2' });
    } finally {
      await app.close();
    }
  });

  it('refuses an unknown or revoked token and keeps nothing', async () => {
    const database = suite.database();
    const app = await ctiServer(database);
    try {
      const unknown = await post(app, newCall('w-1', KNOWN), 'not-a-token');
      expect(unknown.status).toBe(404);
      expect(JSON.stringify(unknown.body)).toContain('No integration has this CTI token');
      const revoked = await post(app, newCall('w-2', KNOWN), REVOKED_TOKEN);
      expect(revoked.status).toBe(401);
      expect(JSON.stringify(revoked.body)).toContain('was revoked');
      const form = await postForm(app, 'event=newCall&callId=w-3', REVOKED_TOKEN);
      expect(form.status).toBe(401);
      expect(await database.db.selectFrom('calls').select('id').execute()).toEqual([]);
      expect(await events()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('lists calls in the read API, newest first, and finds one by number', async () => {
    const app = await ctiServer(suite.database());
    try {
      await post(app, newCall('r-1', KNOWN, { queue: 'Service Desk' }));
      await post(app, newCall('r-2', UNKNOWN));
      await post(app, { event: 'hangup', callId: 'r-2' });
      const agent = await signIn(app, 'ana.agent');
      const all = await agent.get<{ calls: Call[]; nextCursor: string | null }>('/api/v1/calls');
      expect(all.body.calls.map((c) => c.callId)).toEqual(['r-2', 'r-1']);
      const missed = await agent.get<{ calls: Call[] }>('/api/v1/calls?state=Missed');
      expect(missed.body.calls.map((c) => c.callId)).toEqual(['r-2']);
      const page = await agent.get<{ calls: Call[]; nextCursor: string }>('/api/v1/calls?limit=1');
      const next = await agent.get<{ calls: Call[] }>(
        `/api/v1/calls?limit=1&cursor=${page.body.nextCursor}`,
      );
      expect(next.body.calls.map((c) => c.callId)).toEqual(['r-1']);
      const one = await agent.get<Call>('/api/v1/calls/CAL0001001');
      expect(one.body).toMatchObject({ callId: 'r-1', caller: 'caller-1' });
      expect((await agent.get('/api/v1/calls/CAL0009999')).status).toBe(404);
      expect((await agent.get('/api/v1/calls?state=Lost')).status).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('takes 100 events in a burst without refusing one', async () => {
    const app = await ctiServer(suite.database());
    try {
      const replies = await Promise.all(
        Array.from({ length: 100 }, (_, i) => post(app, newCall(`b-${i}`, KNOWN))),
      );
      expect(replies.filter((r) => r.status !== 200)).toEqual([]);
      const rows = await suite.database().db.selectFrom('calls').select('number').execute();
      expect(new Set(rows.map((r) => r.number)).size).toBe(100);
      // Its own limit per token, far above a phone system's pace (not sign-in's).
      const one = await app.inject({ method: 'POST', url: url(), payload: newCall('b-x', KNOWN) });
      expect(one.headers['x-ratelimit-limit']).toBe(String(CTI_RATE_LIMIT.max));
    } finally {
      await app.close();
    }
  });

  it('pokes the desks once per window in a burst, and always after the last event', async () => {
    const database = suite.database();
    // When the endpoint sends each poke, and when the desks hear one: PostgreSQL's NOTIFY may
    // deliver two pokes sent a window apart closer together on a loaded machine. On the monotonic
    // clock, as the endpoint measures its window: the wall clock may be stepped meanwhile.
    const sent: number[] = [];
    const bus: PokeBus = {
      publish: async (poke) => {
        sent.push(performance.now());
        await database.pokes.publish(poke);
      },
      subscribe: (listener) => database.pokes.subscribe(listener),
      close: async () => {},
    };
    const app = await ctiServer({ db: database.db, pokes: bus });
    sent.length = 0;
    const pokes: number[] = [];
    const stop = database.pokes.subscribe(() => pokes.push(performance.now()));
    try {
      for (let i = 0; i < 29; i += 1) await post(app, newCall(`burst-poke-${i}`, UNKNOWN));
      // The last event's own poke may go out while its request is still answering (when the
      // window had already passed), so "after the last event" counts from when it was sent.
      const lastEventAt = performance.now();
      await post(app, newCall('burst-poke-29', UNKNOWN));
      await expect.poll(() => pokes.some((at) => at >= lastEventAt)).toBe(true);
      // The first at once, then about one a window, where a poke per event would come as fast as
      // the requests are answered (a few ms apart). The window is the coalescer's, on its own clock
      // read (server/sync/poke-throttle.test.ts holds it to the millisecond); this bus reads the
      // clock a moment later, and a pause in between (a garbage collection on a loaded machine:
      // 2.6 ms once in CI) shortens the gap it sees, never the real one. Hence a fifth of a window
      // of slack.
      const gaps = sent.slice(1).map((at, i) => at - (sent[i] ?? at));
      expect(sent.length).toBeGreaterThan(0);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(CTI_POKE_WINDOW_MS * 0.8);
    } finally {
      stop();
      await app.close();
    }
  });
});
