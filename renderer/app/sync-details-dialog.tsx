// Sync details: the desk's storage use, the last sync attempts with their outcome and timing, the
// store host's recent log lines, and Copy for support. Reads the store host's `sync.details`; never
// changes anything.

import { useId, useRef, useState } from 'react';
import type { SyncDetails } from '../../shared/store-api/contract';
import { ModalDialog } from '../dialog/modal-dialog';
import { formatFullTime } from '../format/format-time';
import { useLiveValue } from '../hooks/use-live-query';
import { waitingWords } from '../session/waiting-words';
import { useDeskpad } from './deskpad-context';
import { StorageLine } from './storage-use';
import { supportText } from './support-text';

const KIND_WORDS: Record<SyncDetails['attempts'][number]['kind'], string> = {
  push: 'Send changes',
  pull: 'Get changes',
  directory: 'Directory',
  poke: 'Live updates',
};

const took = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

function Attempts({ attempts }: { attempts: SyncDetails['attempts'] }) {
  if (attempts.length === 0) return <p>No sync attempts yet.</p>;
  return (
    <table className="sync-attempts">
      <caption>Last sync attempts, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Took</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((attempt, i) => (
          <tr key={`${attempt.startedAt}-${attempt.kind}-${i}`}>
            <td>
              <time dateTime={attempt.startedAt}>{formatFullTime(attempt.startedAt)}</time>
            </td>
            <td>{KIND_WORDS[attempt.kind]}</td>
            <td>{took(attempt.durationMs)}</td>
            <td>{attempt.outcome === 'ok' ? 'Done' : `Failed: ${attempt.error ?? ''}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LogLines({ log }: { log: SyncDetails['log'] }) {
  if (log.length === 0) return <p>Nothing logged yet.</p>;
  return (
    <ol className="sync-log" aria-label="Recent log lines">
      {log.map((line, i) => (
        <li key={`${line.at}-${i}`} className={`sync-log__line sync-log__line--${line.level}`}>
          <time dateTime={line.at}>{formatFullTime(line.at)}</time> {line.level} [{line.module}]{' '}
          {line.message}
        </li>
      ))}
    </ol>
  );
}

export function SyncDetailsDialog({ onClose }: { onClose: () => void }) {
  const { now } = useDeskpad();
  const details = useLiveValue('sync.details', {}, null);
  const status = useLiveValue('sync.status', {}, null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const textId = useId();
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async (): Promise<void> => {
    if (!details) return;
    try {
      await navigator.clipboard.writeText(supportText(details, status, now()));
      setCopied('Copied. Paste it into your message to support.');
    } catch {
      setCopied('This window may not use the clipboard. Select the lines above and copy them.');
    }
  };

  return (
    <ModalDialog
      title="Sync details"
      onCancel={onClose}
      initialFocus={closeRef}
      describedBy={textId}
      wide
    >
      <p id={textId}>
        What this desk tried lately when syncing with the desk server, and how it went.
      </p>
      {status?.waitingForOthers && status.waitingForOthers.length > 0 && (
        <ul className="sync-waiting" aria-label="Changes waiting for other agents">
          {status.waitingForOthers.map((w) => (
            <li key={w.agentId}>{waitingWords(w)}</li>
          ))}
        </ul>
      )}
      {details === null ? (
        <p>Loading…</p>
      ) : (
        <>
          <StorageLine storage={details.storage} />
          <h3>Sync attempts</h3>
          <Attempts attempts={details.attempts} />
          <h3>Recent log</h3>
          <LogLines log={details.log} />
        </>
      )}
      <p role="status" className="sync-copied">
        {copied ?? ''}
      </p>
      <div className="actions actions--end">
        <button
          type="button"
          className="button"
          aria-disabled={details === null}
          onClick={() => void copy()}
        >
          Copy for support
        </button>
        <button type="button" className="button button--primary" ref={closeRef} onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
