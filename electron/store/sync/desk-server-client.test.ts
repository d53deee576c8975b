// The event-stream parser and the HTTP client's reading of answers, on canned responses (the
// real server is exercised in sync-engine.with-server.test.ts).

import { describe, expect, it } from 'vitest';
import { createDeskServerClient, DeskServerError, EventStreamParser } from './desk-server-client';

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
});
