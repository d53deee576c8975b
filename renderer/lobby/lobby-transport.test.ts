// The lobby page's HTTP client against a scripted fetch: sign-in of lobby accounts only, a 401 read
// as "sign in again", an unreachable server said plainly, and boards read from a chunked stream.

import { describe, expect, it } from 'vitest';
import type { LobbyBoard } from '../../shared/sync/walk-up-api';
import { httpLobbyTransport, LobbyError } from './lobby-transport';

const agent = (roles: string[]) => ({
  id: 'u-1',
  userName: roles.includes('lobby') ? 'lobby.hq' : 'ana.agent',
  firstName: 'A',
  lastName: 'B',
  name: 'A B',
  email: '',
  phone: '',
  employeeId: '',
  department: '',
  location: '',
  vip: false,
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const board: LobbyBoard = {
  location: {
    id: 'loc-hq',
    name: 'Service Desk — HQ',
    reasons: [],
    lobbyNames: 'first-name-last-initial',
    waitTargetMinutes: 10,
  },
  waiting: [],
  called: [],
  inService: [],
  estimatedWaitMinutes: null,
  stationsServing: 0,
  generatedAt: '2026-12-04T09:00:00.000Z',
};

describe('the lobby page’s transport', () => {
  it('signs in a lobby account, and refuses any other with a plain message', async () => {
    let roles = ['lobby'];
    const transport = httpLobbyTransport('/api/v1', () =>
      Promise.resolve(
        json(201, { token: 't-1', expiresAt: '2026-12-30T00:00:00.000Z', agent: agent(roles) }),
      ),
    );
    expect(await transport.signIn('lobby.hq', 'pw')).toEqual({
      token: 't-1',
      mustChangePassword: false,
    });
    roles = ['agent'];
    await expect(transport.signIn('ana.agent', 'pw')).rejects.toThrow(
      'ana.agent is not a lobby account: sign in with the lobby screen’s account.',
    );
  });

  it('reads a 401 as signed out and a network failure as unreachable', async () => {
    const signedOut = httpLobbyTransport('/api/v1', () =>
      Promise.resolve(json(401, { error: { code: 'unauthorized', message: 'Sign in.' } })),
    );
    await expect(signedOut.board('t', 'loc-hq')).rejects.toMatchObject({ kind: 'signed-out' });
    const down = httpLobbyTransport('/api/v1', () => Promise.reject(new TypeError('fetch failed')));
    const error: unknown = await down.board('t', 'loc-hq').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LobbyError);
    expect((error as LobbyError).message).toBe('The desk server cannot be reached.');
  });

  it('hands over each board of the stream, across chunk boundaries, and skips what is not one', async () => {
    const text = `retry: 3000\n\n: keep-alive\n\nevent: board\ndata: ${JSON.stringify(board)}\n\nevent: board\ndata: {"not":"a board"}\n\n`;
    const cut = Math.floor(text.length / 2);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text.slice(0, cut)));
        controller.enqueue(new TextEncoder().encode(text.slice(cut)));
        controller.close();
      },
    });
    const seen: string[] = [];
    let asked = '';
    const transport = httpLobbyTransport('/api/v1', (input) => {
      asked = input;
      return Promise.resolve(new Response(body, { status: 200 }));
    });
    await transport.events(
      't',
      'loc hq',
      (b) => seen.push(b.location.name),
      new AbortController().signal,
    );
    expect(asked).toBe('/api/v1/lobby/loc%20hq/events');
    expect(seen).toEqual(['Service Desk — HQ']);
  });
});
