// The event-stream parser and the HTTP client's reading of answers, on canned responses (the
// real server is exercised in sync-engine.with-server.test.ts).

import { describe, expect, it } from 'vitest';
import { createDeskServerClient, DeskServerError, EventStreamParser } from './desk-server-client';
import { TEST_AGENT } from './sync-test-support';

describe('EventStreamParser', () => {
  it('reads events split anywhere across chunks, skipping comments', () => {
    const seen: [string, string][] = [];
    const parser = new EventStreamParser((event, data) => seen.push([event, data]));
    const text =
      'retry: 3000\n\nevent: poke\ndata: {"topic":"interactions"}\n\n: keep-alive\n\nevent: poke\r\ndata: {"topic":"directory"}\r\n\r\n';
    for (let i = 0; i < text.length; i += 7) parser.feed(text.slice(i, i + 7));
    expect(seen).toEqual([
      ['poke', '{"topic":"interactions"}'],
      ['poke', '{"topic":"directory"}'],
    ]);
  });
});

describe('createDeskServerClient', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );

  it('tells a desk server from a plain file server', async () => {
    expect(await createDeskServerClient('http://x', () => answer(200, { ok: true })).health()).toBe(
      true,
    );
    expect(
      await createDeskServerClient('http://x', () => answer(200, '<!doctype html>')).health(),
    ).toBe(false);
    expect(await createDeskServerClient('http://x', () => answer(404, {})).health()).toBe(false);
    expect(
      await createDeskServerClient('http://x', () =>
        Promise.reject(new TypeError('fetch failed')),
      ).health(),
    ).toBe(false);
  });

  it('turns error answers into DeskServerError with the server’s words', async () => {
    const client = createDeskServerClient('http://x/', () =>
      answer(409, {
        error: { code: 'mutation-gap', message: 'Out of order.', expectedMutationId: 4 },
      }),
    );
    const error = await client.push('t', { clientId: 'c', mutations: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskServerError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 409,
      code: 'mutation-gap',
      expectedMutationId: 4,
      message: 'Out of order.',
    });
    const limited = createDeskServerClient('http://x', () =>
      answer(
        429,
        { error: { code: 'too-many-requests', message: 'Slow down.' } },
        { 'retry-after': '30' },
      ),
    );
    await expect(limited.signIn({ userName: 'a', password: 'b' })).rejects.toMatchObject({
      retryAfterSeconds: 30,
    });
    const down = createDeskServerClient('http://x', () =>
      Promise.reject(new TypeError('fetch failed')),
    );
    await expect(down.pull('t', { clientId: 'c', cursor: null })).rejects.toMatchObject({
      kind: 'network',
    });
    const odd = createDeskServerClient('http://x', () => answer(200, { nothing: true }));
    await expect(odd.pull('t', { clientId: 'c', cursor: null })).rejects.toMatchObject({
      kind: 'bad-answer',
    });
  });

  it('reads a client-conflict answer: where the histories part and what was refused before', async () => {
    const client = createDeskServerClient('http://x', () =>
      answer(409, {
        error: {
          code: 'client-conflict',
          message: 'Another installation uses this id.',
          firstConflictingMutationId: 3,
          refused: [{ mutationId: 2, reason: { code: 'rule', message: 'Closed already.' } }],
        },
      }),
    );
    await expect(client.push('t', { clientId: 'c', mutations: [] })).rejects.toMatchObject({
      code: 'client-conflict',
      firstConflictingMutationId: 3,
      refused: [{ mutationId: 2, reason: { code: 'rule', message: 'Closed already.' } }],
    });
  });

  it('asks whose a token is with Authorization: Bearer', async () => {
    const seen: (string | null)[] = [];
    const agent = TEST_AGENT;
    const client = createDeskServerClient('http://x', (input, init) => {
      seen.push(`${input} ${new Headers(init?.headers).get('authorization')}`);
      return answer(200, { agent, expiresAt: '2026-12-23T09:00:00.000Z' });
    });
    await expect(client.currentSession('tok')).resolves.toMatchObject({
      agent: { userName: 'demo.agent' },
      expiresAt: '2026-12-23T09:00:00.000Z',
    });
    expect(seen).toEqual(['http://x/api/v1/sessions/current Bearer tok']);
  });

  it('tells the poke stream’s watchdog about every chunk, heartbeats included', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        controller.enqueue(encoder.encode('event: poke\ndata: {"topic":"interactions"}\n\n'));
        controller.enqueue(encoder.encode(': heartbeat\n\n'));
        controller.close();
      },
    });
    const client = createDeskServerClient('http://x', () =>
      Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } })),
    );
    let chunks = 0;
    const pokes: unknown[] = [];
    await client.events(
      't',
      (poke) => pokes.push(poke),
      new AbortController().signal,
      () => {
        chunks += 1;
      },
    );
    expect(chunks).toBe(2);
    expect(pokes).toEqual([{ topic: 'interactions' }]);
  });

  it('gives up a request nobody answers, as a network failure', async () => {
    let expire = (): void => undefined;
    const client = createDeskServerClient(
      'http://x',
      (_input, init) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      {
        requestTimeoutMs: 30_000,
        timers: {
          set: (callback) => {
            expire = callback;
            return () => undefined;
          },
        },
      },
    );
    const pulled = client.pull('t', { clientId: 'c', cursor: null });
    expire();
    await expect(pulled).rejects.toMatchObject({
      kind: 'network',
      message: 'The desk server at http://x did not answer within 30 s.',
    });
  });
});
