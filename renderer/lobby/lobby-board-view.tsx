// What the lobby screen shows, readable from across the room: who is called to which station (the
// fresh call highlighted), who is being served, the queue with positions and estimates, and a plain
// line when the data is stale. Renders props only; never fetches, never plays sound.

import type { LobbyBoard, LobbyLine } from '../../shared/sync/walk-up-api';
import type { LobbyLink } from './lobby-connection';

export interface LobbyBoardViewProps {
  board: LobbyBoard | null;
  link: LobbyLink;
  /** Visit numbers of calls to highlight (called since the board last looked). */
  freshCalls: ReadonlySet<string>;
  /** Shown while the browser keeps the chime off: one tap turns it on. */
  onSoundOn?: () => void;
}

const clock = (at: Date): string =>
  `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

/** Today's median wait, as words a lobby reads: "under a minute", "7 minutes". */
export const typicalWords = (minutes: number): string =>
  minutes < 1 ? 'under a minute' : minutes === 1 ? '1 minute' : `${minutes} minutes`;

export const waitWords = (minutes: number | null): string =>
  minutes === null
    ? 'Estimating…'
    : minutes < 1
      ? 'Next few minutes'
      : minutes === 1
        ? 'About 1 minute'
        : `About ${minutes} minutes`;

function LinkNotice({ link }: { link: LobbyLink }) {
  switch (link.state) {
    case 'live':
      return null;
    case 'connecting':
      return <p className="lobby-notice">Connecting to the desk server…</p>;
    case 'stale':
      return (
        <p className="lobby-notice lobby-notice-stale">
          Not updated since {clock(link.since)} — reconnecting
        </p>
      );
    case 'unreachable':
      return (
        <p className="lobby-notice lobby-notice-stale">
          Cannot reach the desk server — trying again
        </p>
      );
    case 'refused':
      return <p className="lobby-notice lobby-notice-stale">{link.reason}</p>;
    case 'signed-out':
      return <p className="lobby-notice lobby-notice-stale">{link.reason}</p>;
  }
}

function CalledLine({ line, fresh }: { line: LobbyLine; fresh: boolean }) {
  return (
    <li className={fresh ? 'lobby-called lobby-called-fresh' : 'lobby-called'}>
      <span className="lobby-name">{line.name}</span>
      <span className="lobby-arrow" aria-hidden="true">
        →
      </span>
      <span className="lobby-station">{line.station ?? 'the desk'}</span>
      {fresh ? <span className="visually-hidden">, just called</span> : null}
    </li>
  );
}

export function LobbyBoardView({ board, link, freshCalls, onSoundOn }: LobbyBoardViewProps) {
  return (
    <main className="lobby" aria-busy={board === null}>
      <header className="lobby-header">
        <h1>{board?.location.name ?? 'Walk-up'}</h1>
        {board ? (
          <p className="lobby-wait-now">
            Wait now: <strong>{waitWords(board.estimatedWaitMinutes)}</strong>
            {typeof board.todayMedianWaitMinutes === 'number' ? (
              <span className="lobby-wait-today">
                {' '}
                · Today’s typical wait:{' '}
                <strong>{typicalWords(board.todayMedianWaitMinutes)}</strong>
              </span>
            ) : null}
          </p>
        ) : null}
      </header>
      <LinkNotice link={link} />
      {onSoundOn ? (
        <button type="button" className="lobby-sound" onClick={onSoundOn}>
          Turn on the chime
        </button>
      ) : null}
      {board ? (
        <div className="lobby-columns">
          <section aria-labelledby="lobby-called-heading" className="lobby-panel">
            <h2 id="lobby-called-heading">Now calling</h2>
            {board.called.length === 0 ? (
              <p className="lobby-empty">No one is being called.</p>
            ) : (
              <ul aria-live="polite" className="lobby-list">
                {board.called.map((line) => (
                  <CalledLine key={line.number} line={line} fresh={freshCalls.has(line.number)} />
                ))}
              </ul>
            )}
            <h2>Being served</h2>
            {board.inService.length === 0 ? (
              <p className="lobby-empty">No one right now.</p>
            ) : (
              <ul className="lobby-list">
                {board.inService.map((line) => (
                  <li key={line.number} className="lobby-serving">
                    <span className="lobby-name">{line.name}</span>
                    <span className="lobby-station">{line.station ?? ''}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="lobby-queue-heading" className="lobby-panel">
            <h2 id="lobby-queue-heading">Waiting</h2>
            {board.waiting.length === 0 ? (
              <p className="lobby-empty">No one is waiting.</p>
            ) : (
              <table className="lobby-queue">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Name</th>
                    <th scope="col">Estimated wait</th>
                  </tr>
                </thead>
                <tbody>
                  {board.waiting.map((line) => (
                    <tr key={line.number}>
                      <td>{line.position}</td>
                      <th scope="row">{line.name}</th>
                      <td>{waitWords(line.estimatedWaitMinutes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      ) : null}
    </main>
  );
}
