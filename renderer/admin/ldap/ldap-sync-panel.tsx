// Sync now, the running sync's progress, the last result with its errors in words, and the next
// scheduled run. Shows what the server says; never decides when a sync runs.

import { useId } from 'react';
import type { LdapRunResult, LdapStatus } from '../../../shared/admin/ldap-settings';

interface LdapSyncPanelProps {
  status: LdapStatus | null;
  canSync: boolean;
  startMessage: string | null;
  onSyncNow: () => void;
}

const PHASES: Readonly<Record<NonNullable<LdapStatus['running']>['phase'], string>> = {
  connecting: 'Connecting',
  listing: 'Listing entries',
  users: 'Reading users',
  groups: 'Reading groups',
  writing: 'Writing',
};

const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function LastResult({ result }: { result: LdapRunResult }) {
  const kind = result.mode === 'full' ? 'Full sync' : 'Changes only';
  return (
    <div className="ldap-last-result">
      <p>
        {result.ok ? 'Last sync succeeded' : 'Last sync failed'} · {kind} ·{' '}
        {when(result.finishedAt)}
      </p>
      <p>
        {result.entriesRead} entries read, {result.usersWritten} users and {result.groupsWritten}{' '}
        groups written, {result.deactivated} deactivated.
      </p>
      {result.errors.length > 0 && (
        <ul className="form-error" aria-label="Sync errors">
          {result.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <ul className="field-hint" aria-label="Sync warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LdapSyncPanel({ status, canSync, startMessage, onSyncNow }: LdapSyncPanelProps) {
  const headingId = useId();
  const running = status?.running ?? null;
  return (
    <section className="ldap-sync" aria-labelledby={headingId}>
      <h3 id={headingId}>Sync</h3>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-disabled={!canSync || running !== null}
          onClick={() => {
            if (canSync && running === null) onSyncNow();
          }}
        >
          Sync now
        </button>
      </div>
      <p role="status" aria-atomic="true">
        {running
          ? `${PHASES[running.phase]}: ${running.entriesRead} entries read, ${running.entriesWritten} written.`
          : (startMessage ?? '')}
      </p>
      {running && (
        <progress
          aria-label="Sync progress"
          value={running.entriesWritten}
          max={Math.max(running.entriesRead, 1)}
        />
      )}
      {status?.lastResult && <LastResult result={status.lastResult} />}
      <p className="muted">
        {status?.nextRunAt
          ? `Next scheduled sync: ${when(status.nextRunAt)}.`
          : 'No sync scheduled.'}
      </p>
    </section>
  );
}
