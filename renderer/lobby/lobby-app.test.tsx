// The lobby page as a screen in the waiting room sees it: signs in once, shows the queue in order
// with estimates, chimes and highlights a new call, says when it is stale and reconnects, and asks
// to sign in again when the session ends. A scripted transport plays the desk server.

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LobbyBoard, LobbyLine } from '../../shared/sync/walk-up-api';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import type { Chime } from './chime';
import { LobbyApp, LOBBY_TOKEN_KEY } from './lobby-app';
import { browserTimers } from './lobby-connection';
import { LobbyError, type LobbyTransport } from './lobby-transport';

const line = (number: string, name: string, over: Partial<LobbyLine> = {}): LobbyLine => ({
  number,
  name,
  state: 'Waiting',
  position: null,
  estimatedWaitMinutes: null,
  station: null,
  calledAt: null,
  checkedInAt: '2026-12-04T09:00:00.000Z',
  ...over,
});

const board = (over: Partial<LobbyBoard> = {}): LobbyBoard => ({
  location: {
    id: 'loc-hq',
    name: 'Service Desk — HQ',
    reasons: ['Printer'],
    lobbyNames: 'first-name-last-initial',
    waitTargetMinutes: 10,
  },
  waiting: [
    line('VIS0001001', 'Grace H.', { position: 1, estimatedWaitMinutes: 0 }),
    line('VIS0001002', 'Alan T.', { position: 2, estimatedWaitMinutes: 6 }),
  ],
  called: [],
  inService: [],
  estimatedWaitMinutes: 12,
  stationsServing: 1,
  generatedAt: '2026-12-04T09:05:00.000Z',
  ...over,
});

/** A desk server in a script: each open stream can be fed boards, cut, or refused. */
function scriptedServer() {
  const streams: {
    onBoard: (b: LobbyBoard) => void;
    end: (error?: Error) => void;
  }[] = [];
  const changePassword = vi.fn((_token: string, _current: string, _next: string) =>
    Promise.resolve(),
  );
  const transport: LobbyTransport = {
    signIn: vi.fn((userName: string, password: string) =>
      userName === 'lobby.hq' && (password === 'secret' || password === 'temporary')
        ? Promise.resolve({ token: 'token-1', mustChangePassword: password === 'temporary' })
        : Promise.reject(new LobbyError('refused', 'The user name or password is not right.')),
    ),
    changePassword,
    board: () => Promise.resolve(board()),
    events: (_token, _location, onBoard, signal) =>
      new Promise<void>((resolve, reject) => {
        const end = (error?: Error) => (error ? reject(error) : resolve());
        signal.addEventListener('abort', () => reject(new Error('aborted')));
        streams.push({ onBoard, end });
      }),
  };
  const latest = () => {
    const stream = streams.at(-1);
    if (!stream) throw new Error('no stream is open');
    return stream;
  };
  return { transport, streams, latest, changePassword };
}

const fakeChime = (): Chime & { plays: number } => {
  const chime = {
    plays: 0,
    play: () => {
      chime.plays += 1;
    },
    blocked: () => false,
    unblock: () => Promise.resolve(),
  };
  return chime;
};

const memoryStorage = (initial: Record<string, string> = {}) => {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the lobby board page', () => {
  it('signs in once, keeps the token, and shows the queue in order with estimates; axe-clean', async () => {
    const server = scriptedServer();
    const storage = memoryStorage();
    const user = userEvent.setup();
    const { container } = render(
      <LobbyApp
        transport={server.transport}
        location="loc-hq"
        storage={storage}
        chime={fakeChime()}
        timers={browserTimers}
      />,
    );
    await expectNoAxeViolations(container);
    await user.type(screen.getByLabelText('User name'), 'lobby.hq');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The user name or password is not right.',
    );
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(storage.items.get(LOBBY_TOKEN_KEY)).toBe('token-1');
    expect((await screen.findByText('Connecting to the desk server…')).tagName).toBe('P');

    act(() => server.latest().onBoard(board()));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Service Desk — HQ');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '1Grace H.Next few minutes',
      '2Alan T.About 6 minutes',
    ]);
    expect(screen.getByText(/^Wait now/).textContent).toBe('Wait now: About 12 minutes');
    expect(screen.queryByText(/Connecting/)).toBeNull();
    await expectNoAxeViolations(container);
    // Once someone was served today, the board says today's typical wait (the Dashboard's median).
    act(() => server.latest().onBoard(board({ todayMedianWaitMinutes: 7 })));
    expect(screen.getByText(/^Wait now/).textContent).toBe(
      'Wait now: About 12 minutes · Today’s typical wait: 7 minutes',
    );
  }, 20_000);

  it('chimes once and highlights a new call, never for calls already on the first board', () => {
    const server = scriptedServer();
    const chime = fakeChime();
    const called = line('VIS0001000', 'Ada L.', {
      state: 'Called',
      station: 'Counter 1',
      calledAt: '2026-12-04T09:04:00.000Z',
    });
    render(
      <LobbyApp
        transport={server.transport}
        location="loc-hq"
        storage={memoryStorage({ [LOBBY_TOKEN_KEY]: 'token-1' })}
        chime={chime}
        timers={browserTimers}
      />,
    );
    act(() => server.latest().onBoard(board({ called: [called] })));
    expect(chime.plays).toBe(0);
    expect(screen.getByText('Ada L.').closest('li')?.className).toBe('lobby-called');

    const grace = line('VIS0001001', 'Grace H.', {
      state: 'Called',
      station: 'Counter 2',
      calledAt: '2026-12-04T09:06:00.000Z',
    });
    act(() =>
      server
        .latest()
        .onBoard(board({ waiting: board().waiting.slice(1), called: [grace, called] })),
    );
    expect(chime.plays).toBe(1);
    const fresh = screen.getByText('Grace H.').closest('li');
    expect(fresh?.className).toBe('lobby-called lobby-called-fresh');
    expect(fresh?.textContent).toBe('Grace H.→Counter 2, just called');
    // The same board again (the periodic refresh): no second chime.
    act(() =>
      server
        .latest()
        .onBoard(board({ waiting: board().waiting.slice(1), called: [grace, called] })),
    );
    expect(chime.plays).toBe(1);
  });

  it('says when its data is stale and reconnects by itself', async () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 4, 9, 5), toFake: ['setTimeout', 'Date'] });
    const server = scriptedServer();
    render(
      <LobbyApp
        transport={server.transport}
        location="loc-hq"
        storage={memoryStorage({ [LOBBY_TOKEN_KEY]: 'token-1' })}
        chime={fakeChime()}
        timers={browserTimers}
      />,
    );
    act(() => server.latest().onBoard(board()));
    await act(async () => {
      vi.advanceTimersByTime(60_000);
      server.latest().end(new LobbyError('unreachable', 'The desk server cannot be reached.'));
      await Promise.resolve();
    });
    expect(screen.getByText(/^Not updated since/).textContent).toBe(
      'Not updated since 09:05 — reconnecting',
    );
    // The queue stays on screen while it reconnects.
    expect(screen.getByRole('rowheader', { name: 'Alan T.' }).textContent).toBe('Alan T.');
    const opened = server.streams.length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(31_000);
    });
    expect(server.streams.length).toBeGreaterThan(opened);
    act(() => server.latest().onBoard(board()));
    expect(screen.queryByText(/Not updated since/)).toBeNull();
  });

  it('says plainly when it cannot reach the desk server', async () => {
    const server = scriptedServer();
    render(
      <LobbyApp
        transport={server.transport}
        location="loc-hq"
        storage={memoryStorage({ [LOBBY_TOKEN_KEY]: 'token-1' })}
        chime={fakeChime()}
        timers={browserTimers}
      />,
    );
    await act(async () => {
      server.latest().end(new LobbyError('unreachable', 'The desk server cannot be reached.'));
      await Promise.resolve();
    });
    expect(screen.getByText(/^Cannot reach/).textContent).toBe(
      'Cannot reach the desk server — trying again',
    );
  });

  it('asks to sign in again when the session has ended, and forgets the token', async () => {
    const server = scriptedServer();
    const storage = memoryStorage({ [LOBBY_TOKEN_KEY]: 'token-old' });
    render(
      <LobbyApp
        transport={server.transport}
        location="loc-hq"
        storage={storage}
        chime={fakeChime()}
        timers={browserTimers}
      />,
    );
    await act(async () => {
      server
        .latest()
        .end(new LobbyError('signed-out', 'The lobby account’s session has ended: sign in again.'));
      await Promise.resolve();
    });
    expect((await screen.findByLabelText('User name')).tagName).toBe('INPUT');
    expect(screen.getByText(/session has ended/).textContent).toBe(
      'The lobby account’s session has ended: sign in again.',
    );
    expect(storage.items.has(LOBBY_TOKEN_KEY)).toBe(false);
  });

  it('has a temporary password changed before the board opens', async () => {
    const server = scriptedServer();
    const storage = memoryStorage();
    const user = userEvent.setup();
    const { container } = render(
      <LobbyApp
        transport={server.transport}
        location="loc-hq"
        storage={storage}
        chime={fakeChime()}
        timers={browserTimers}
      />,
    );
    await user.type(screen.getByLabelText('User name'), 'lobby.hq');
    await user.type(screen.getByLabelText('Password'), 'temporary{Enter}');
    await user.type(await screen.findByLabelText('New password'), 'a new long password');
    await user.type(screen.getByLabelText('Repeat the new password'), 'a new long passwort');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByRole('alert').textContent).toBe('The two new passwords are not the same.');
    expect(storage.items.has(LOBBY_TOKEN_KEY)).toBe(false);
    await expectNoAxeViolations(container);
    await user.clear(screen.getByLabelText('Repeat the new password'));
    await user.type(screen.getByLabelText('Repeat the new password'), 'a new long password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(server.changePassword).toHaveBeenCalledWith(
      'token-1',
      'temporary',
      'a new long password',
    );
    expect(storage.items.get(LOBBY_TOKEN_KEY)).toBe('token-1');
    expect((await screen.findByText('Connecting to the desk server…')).tagName).toBe('P');
  }, 20_000);

  it('says plainly when the address names no location', () => {
    render(
      <LobbyApp
        transport={scriptedServer().transport}
        location={null}
        storage={memoryStorage()}
        chime={fakeChime()}
        timers={browserTimers}
      />,
    );
    expect(screen.getByText(/This address names no location/).textContent).toContain(
      'lobby.html?location=ID',
    );
  });
});
