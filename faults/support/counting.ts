// The end of every fault case: count through the read API. Records saved on the desks = records on the server,
// no duplicate by id or number, every number real and unique, every field as the desk saved it. Read-only.

import { expect } from 'vitest';
import type { Interaction } from '../../shared/domain/interaction';
import type { ReadApi } from '../../e2e/support/read-api';
import type { Ledger } from './desk-work';
import type { FaultDesk } from './fault-desk';

const REAL_NUMBER = /^IMS\d{7}$/;
const CONVERGE_MS = 15_000;

/**
 * Everything wrong between what the desks saved and what the server holds, one line each. Duplicates,
 * numbers and strangers are checked over the whole server; completeness and fields for the desks named
 * in `scope` (a case's own desks), so one failed case does not fail the next.
 */
export function differences(
  ledger: Ledger,
  server: Interaction[],
  scope: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Interaction>();
  const byNumber = new Map<string, string>();
  for (const record of server) {
    if (byId.has(record.id)) problems.push(`id ${record.id} is on the server twice`);
    byId.set(record.id, record);
    const other = byNumber.get(record.number);
    if (other !== undefined)
      problems.push(`number ${record.number} is used by ${other} and ${record.id}`);
    byNumber.set(record.number, record.id);
    if (!REAL_NUMBER.test(record.number) || record.numberProvisional)
      problems.push(`${record.id} has no real number: ${record.number}`);
    if (!ledger.saved.has(record.id))
      problems.push(`${record.id} (${record.number}) is on the server but no desk saved it`);
  }
  for (const saved of ledger.saved.values()) {
    if (!scope.has(saved.desk)) continue;
    const record = byId.get(saved.id);
    if (!record) {
      problems.push(
        `${saved.id} (${saved.numberAtSave} on desk ${saved.desk}) never reached the server`,
      );
      continue;
    }
    const fields = [
      'openedFor',
      'contactEmail',
      'contactPhone',
      'type',
      'assignmentGroup',
      'assignedTo',
      'shortDescription',
      'description',
      'state',
    ] as const;
    for (const field of fields)
      if (record[field] !== saved[field])
        problems.push(
          `${saved.id} ${field}: desk saved ${JSON.stringify(saved[field])}, server has ${JSON.stringify(record[field])}`,
        );
    if (saved.openedBy !== null && record.openedBy !== saved.openedBy)
      problems.push(
        `${saved.id} openedBy: the agent signed in at desk ${saved.desk} is ${saved.openedBy}, server has ${record.openedBy}`,
      );
    const notes = record.workNotes.map((n) => ({ id: n.id, text: n.text }));
    if (JSON.stringify(notes) !== JSON.stringify(saved.workNotes))
      problems.push(
        `${saved.id} work notes: desk saved ${JSON.stringify(saved.workNotes)}, server has ${JSON.stringify(notes)}`,
      );
  }
  return problems;
}

export interface Count {
  /** Records this case's desks saved. */
  saved: number;
  /** Of those, how many the server holds (equal, or the case failed). */
  onServer: number;
}

/**
 * Counts the server against the ledger, looks a few records up by number, and waits (bounded) until
 * every open desk holds exactly the server's records. Fails with the list of differences.
 */
export async function expectServerHoldsExactlyWhatDesksSaved(
  reader: ReadApi,
  ledger: Ledger,
  desks: readonly FaultDesk[],
): Promise<Count> {
  const server = await reader.interactions();
  const scope = new Set(desks.map((desk) => desk.name));
  expect(differences(ledger, server, scope)).toEqual([]);
  const ours = (desk: string): boolean => scope.has(desk);
  const saved = [...ledger.saved.values()].filter((r) => ours(r.desk)).length;
  const onServer = server.filter((r) => ours(ledger.saved.get(r.id)?.desk ?? '')).length;
  expect(onServer).toBe(saved);

  // The single-record endpoint agrees with the list (a handful, spread over the range).
  const step = Math.max(1, Math.floor(server.length / 5));
  for (let i = 0; i < server.length; i += step) {
    const listed = server[i];
    if (listed) expect(await reader.interaction(listed.number)).toEqual(listed);
  }

  const serverById = [...server].sort((a, b) => a.id.localeCompare(b.id));
  for (const desk of desks) {
    // A closed window's database is still there: a reopened one would show what the open ones do.
    if (!desk.isOpen()) continue;
    await expect
      .poll(() => desk.rows(), {
        timeout: CONVERGE_MS,
        interval: 200,
        message: `desk ${desk.name} does not hold the server's records`,
      })
      .toEqual(serverById);
  }
  return { saved, onServer };
}
