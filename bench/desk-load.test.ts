// The simulated desks without a desk server: what they push is a real desk's outbox in the shared
// wire shapes, and what they count against a stand-in server is what it answered.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../shared/demo/directory-generator';
import {
  PullResponse,
  PushRequest,
  PushResponse,
  type PushedMutation,
} from '../shared/sync/protocol';
import { createMutationSource, runDesks } from './desk-load.mjs';

const source = (followUpShare?: number) =>
  createMutationSource({
    clientId: 'desk-1',
    actorId: 'usr_000001',
    random: mulberry32(3),
    now: () => new Date('2026-11-23T10:00:00Z'),
    caller: () => 'usr_000100',
    ...(followUpShare === undefined ? {} : { followUpShare }),
  });

const idOf = (m: PushedMutation): string => (m.args as { id: string }).id;

describe('a simulated desk’s outbox', () => {
  it('numbers mutations from 1 with no gap, and every push is a valid PushRequest', () => {
    const desk = source();
    const pushes = [desk.next(10), desk.next(10), desk.next(200)];
    expect(pushes.flat().map((m) => m.mutationId)).toEqual(
      Array.from({ length: 220 }, (_, i) => i + 1),
    );
    for (const mutations of pushes)
      expect(PushRequest.safeParse({ clientId: 'desk-1', mutations }).success).toBe(true);
  });

  it('works only on interactions it created and has not closed', () => {
    const mutations = source().next(500);
    const created = new Set<string>();
    const closed = new Set<string>();
    for (const m of mutations) {
      if (m.name === 'interaction.create') {
        created.add(idOf(m));
        continue;
      }
      expect(created.has(idOf(m))).toBe(true);
      expect(closed.has(idOf(m))).toBe(false);
      if (m.name === 'interaction.close') closed.add(idOf(m));
    }
    const names = new Set(mutations.map((m) => m.name));
    expect([...names].sort()).toEqual([
      'interaction.addWorkNote',
      'interaction.close',
      'interaction.create',
      'interaction.update',
    ]);
  });

  it('creates only, when asked for no follow-ups', () => {
    const desk = source(0);
    expect(new Set(desk.next(50).map((m) => m.name))).toEqual(new Set(['interaction.create']));
    expect(desk.created()).toBe(50);
  });
});

describe('runDesks against a stand-in server', () => {
  let server: http.Server | null = null;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  /** Answers sign-in, push (acknowledging, refusing mutation 7) and pull (empty). */
  async function standIn(refuse: number | null): Promise<string> {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const json = (status: number, value: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(value));
        };
        if (request.url === '/api/v1/sessions')
          return json(201, { token: 't', agent: { id: 'usr_000001' } });
        if (request.url === '/api/v1/sync/push') {
          const push = PushRequest.parse(JSON.parse(body));
          const last = push.mutations.at(-1)?.mutationId ?? 0;
          const refused = push.mutations
            .filter((m) => m.mutationId === refuse)
            .map((m) => ({ mutationId: m.mutationId, reason: { code: 'rule', message: 'No.' } }));
          return json(200, PushResponse.parse({ lastMutationId: last, refused }));
        }
        const pull = {
          cursor: 'c',
          lastMutationId: 0,
          interactions: [],
          more: false,
          reset: false,
          refused: [],
        };
        return json(200, PullResponse.parse(pull));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const run = async (baseUrl: string) =>
    runDesks({
      baseUrl,
      desks: 3,
      rounds: 4,
      batch: 5,
      accounts: [{ userName: 'demo.agent' }],
      password: 'pw',
      randomFor: (seed) => mulberry32(seed),
      caller: () => 'usr_000100',
      schemas: { PushRequest, PushResponse, PullResponse },
      database: 'stand-in',
    });

  it('counts pushes, mutations and pulls, with no errors when all is acknowledged', async () => {
    const result = await run(await standIn(null));
    expect(result).toMatchObject({ pushes: 12, mutations: 60, pulls: 12, errors: 0 });
    expect(result.push.count).toBe(12);
    expect(result.created).toBeGreaterThan(0);
  });

  it('counts a refused mutation as an error, with the reason', async () => {
    const result = await run(await standIn(7));
    expect(result.errors).toBe(3);
    expect(result.errorSamples[0]).toBe('mutation 7 refused: No.');
  });
});
