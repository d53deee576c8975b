// The lobby page: signs in once (the token kept in the page's storage), keeps the board connected,
// chimes and highlights each new call. Composes lobby-connection, chime and the views; the
// transport, storage, sound and timers come in as props.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LobbyBoard } from '../../shared/sync/walk-up-api';
import type { Chime } from './chime';
import { LobbyBoardView } from './lobby-board-view';
import { connectLobby, type LobbyLink, type LobbyTimers } from './lobby-connection';
import { LobbySignIn } from './lobby-sign-in';
import type { LobbyTransport } from './lobby-transport';

export const LOBBY_TOKEN_KEY = 'deskpad.lobby.token';
/** How long a new call stays highlighted. */
export const FRESH_CALL_MS = 30_000;

export interface LobbyAppProps {
  transport: LobbyTransport;
  /** From `?location=ID`; null when the address has none. */
  location: string | null;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  chime: Chime;
  timers: LobbyTimers;
}

/** Which calls are new since the board last looked: chimes once per new call, highlights it. */
function useFreshCalls(chime: Chime, timers: LobbyTimers) {
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const look = useCallback(
    (board: LobbyBoard) => {
      const called = board.called.map((line) => line.number);
      const before = seen.current;
      seen.current = new Set(called);
      // The first board after opening the page only says who is called: no chime for old calls.
      if (before === null) return;
      const added = called.filter((number) => !before.has(number));
      if (added.length === 0) return;
      chime.play();
      setFresh((current) => new Set([...current, ...added]));
      timers.setTimeout(() => {
        setFresh((current) => new Set([...current].filter((n) => !added.includes(n))));
      }, FRESH_CALL_MS);
    },
    [chime, timers],
  );
  return { fresh, look };
}

export function LobbyApp({ transport, location, storage, chime, timers }: LobbyAppProps) {
  const [token, setToken] = useState<string | null>(() => storage.getItem(LOBBY_TOKEN_KEY));
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  const [board, setBoard] = useState<LobbyBoard | null>(null);
  const [link, setLink] = useState<LobbyLink>({ state: 'connecting' });
  const [soundBlocked, setSoundBlocked] = useState(() => chime.blocked());
  const { fresh, look } = useFreshCalls(chime, timers);

  useEffect(() => {
    if (token === null || location === null) return undefined;
    return connectLobby({
      transport,
      token,
      location,
      timers,
      onBoard: (next) => {
        look(next);
        setBoard(next);
      },
      onLink: (next) => {
        setLink(next);
        if (next.state === 'signed-out') {
          storage.removeItem(LOBBY_TOKEN_KEY);
          setSignedOutReason(next.reason);
          setToken(null);
        }
      },
    });
  }, [transport, token, location, timers, storage, look]);

  if (location === null)
    return (
      <main className="lobby">
        <h1>Lobby board</h1>
        <p className="lobby-notice">
          This address names no location: open it as lobby.html?location=ID (the location’s id from
          Administration → Locations).
        </p>
      </main>
    );

  if (token === null)
    return (
      <LobbySignIn
        transport={transport}
        reason={signedOutReason}
        onSignedIn={(next) => {
          storage.setItem(LOBBY_TOKEN_KEY, next);
          setSignedOutReason(null);
          // Signing in is a touch on the page: the browser lets the chime sound from now on.
          void chime.unblock().then(() => setSoundBlocked(chime.blocked()));
          setToken(next);
        }}
      />
    );

  return (
    <LobbyBoardView
      board={board}
      link={link}
      freshCalls={fresh}
      {...(soundBlocked
        ? {
            onSoundOn: () => void chime.unblock().then(() => setSoundBlocked(chime.blocked())),
          }
        : {})}
    />
  );
}
