// The text Copy for support puts on the clipboard: the sync status, the storage, the last sync
// attempts and the recent log lines, plain and readable in an email. Pure; never adds anything the
// store did not say.

import type { SyncDetails, SyncStatus } from '../../shared/store-api/contract';
import { storageWords } from './storage-words';

/** One attempt on a line: when, what, how long, how it ended. */
export function attemptLine(attempt: SyncDetails['attempts'][number]): string {
  const outcome = attempt.outcome === 'ok' ? 'ok' : `failed: ${attempt.error ?? 'no reason given'}`;
  return `${attempt.startedAt}  ${attempt.kind}  ${attempt.durationMs} ms  ${outcome}`;
}

export function supportText(details: SyncDetails, status: SyncStatus | null, at: Date): string {
  const lines = [`Deskpad sync details, copied ${at.toISOString()}`, ''];
  if (status) {
    lines.push(
      `Connection: ${status.connection}`,
      `Changes not synced: ${status.pendingChanges}`,
      `Needs attention: ${status.needsAttention ?? 0}`,
      `Last synced: ${status.lastSyncedAt ?? 'never'}`,
      `Last problem: ${status.lastError ?? 'none'}`,
      '',
    );
  }
  if (details.storage) lines.push(`Storage: ${storageWords(details.storage)}`, '');
  lines.push('Sync attempts (newest first):');
  if (details.attempts.length === 0) lines.push('  none yet');
  for (const attempt of details.attempts) lines.push(`  ${attemptLine(attempt)}`);
  lines.push('', 'Log (oldest first):');
  if (details.log.length === 0) lines.push('  nothing yet');
  for (const line of details.log)
    lines.push(`  ${line.at}  ${line.level.toUpperCase()}  [${line.module}] ${line.message}`);
  return lines.join('\n');
}
