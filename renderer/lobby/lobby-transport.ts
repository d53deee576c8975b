// How the lobby page talks to the desk server it is served by: sign in with the lobby account, the
// board now, and the board's event stream (read with fetch: EventSource cannot send Authorization).
// Knows nothing of retries or screens; `fetch` comes in as a parameter so tests pass their own.

import { EventStreamParser } from '../../shared/sync/event-stream-parser';
import { LOBBY_BOARD_EVENT, readBoardEvent } from '../../shared/sync/lobby-stream';
import { SignInResponse } from '../../shared/sync/server-api';
import { LobbyBoard } from '../../shared/sync/walk-up-api';

/** Why a call failed: the session is gone (sign in again), or the server could not be reached. */
export class LobbyError extends Error {
  readonly kind: 'signed-out' | 'refused' | 'unreachable';

  constructor(kind: LobbyError['kind'], message: string) {
    super(message);
    this.kind = kind;
  }
}

export interface LobbyTransport {
  /**
   * A token for the lobby account (with a temporary password, it must change it first);
   * LobbyError 'refused' with the server's words otherwise.
   */
  signIn(
    userName: string,
    password: string,
  ): Promise<{ token: string; mustChangePassword: boolean }>;
  changePassword(token: string, currentPassword: string, newPassword: string): Promise<void>;
  board(token: string, location: string): Promise<LobbyBoard>;
  /** Calls `onBoard` for each board until the stream ends (resolves) or fails (rejects). */
  events(
    token: string,
    location: string,
    onBoard: (board: LobbyBoard) => void,
    signal: AbortSignal,
  ): Promise<void>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const messageOf = async (response: Response): Promise<string> => {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // Not the server's error shape: say the status.
  }
  return `The desk server answered ${response.status}.`;
};

export function httpLobbyTransport(apiBase: string, fetchFn: Fetch): LobbyTransport {
  const send = async (path: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchFn(`${apiBase}${path}`, init);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new LobbyError('unreachable', 'The desk server cannot be reached.');
    }
    if (response.status === 401)
      throw new LobbyError('signed-out', 'The lobby account’s session has ended: sign in again.');
    if (!response.ok) throw new LobbyError('refused', await messageOf(response));
    return response;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const at = (location: string) => `/lobby/${encodeURIComponent(location)}`;

  return {
    async signIn(userName, password) {
      const response = await send('/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName, password }),
      }).catch((error: unknown) => {
        // A wrong password is a 401 too: here it means the words the server gave.
        if (error instanceof LobbyError && error.kind === 'signed-out')
          throw new LobbyError('refused', 'The user name or password is not right.');
        throw error;
      });
      const session = SignInResponse.parse(await response.json());
      // Only the lobby role reads the board: say so now rather than on every reconnect.
      if (!session.agent.roles.includes('lobby'))
        throw new LobbyError(
          'refused',
          `${session.agent.userName} is not a lobby account: sign in with the lobby screen’s account.`,
        );
      return { token: session.token, mustChangePassword: session.mustChangePassword === true };
    },
    async changePassword(token, currentPassword, newPassword) {
      await send('/sessions/password', {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword, newPassword }),
      });
    },
    async board(token, location) {
      const response = await send(at(location), { headers: bearer(token) });
      return LobbyBoard.parse(await response.json());
    },
    async events(token, location, onBoard, signal) {
      const response = await send(`${at(location)}/events`, {
        headers: { ...bearer(token), accept: 'text/event-stream' },
        signal,
      });
      if (!response.body) return;
      const parser = new EventStreamParser((event, data) => {
        if (event !== LOBBY_BOARD_EVENT) return;
        const board = readBoardEvent(data);
        if (board) onBoard(board);
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch (error) {
        if (!signal.aborted)
          throw new LobbyError('unreachable', 'The connection to the desk server was lost.');
        throw error;
      } finally {
        reader.releaseLock();
      }
    },
  };
}
