// Older records on demand (issue 15): asks the desk server's history search as the signed-in agent,
// and opens a record by number — the desk's own copy, or one fetched from the server and kept here
// as a synced record would be (its server copy, then a rebase), noted as opened by the agent.
// Never writes the outbox: nothing here is a change.

import type { RecordKind } from '../../shared/commands/record-set';
import { NOT_ON_THIS_DESK } from '../../shared/domain/history-search';
import type { DirectoryRules } from '../../shared/domain/interaction';
import { fail, ok, type StoreResult } from '../../shared/domain/result';
import type { ActionArgs, ActionOutput } from '../../shared/store-api/contract';
import { serverCallFailure, type AdminCallDeps } from './admin-calls';
import { readMeta, writeMeta, type DeskDb, type HistoryOpened } from './db';
import { recordIndexOf } from './record-index-upkeep';
import { rebaseRecords } from './sync/rebase-records';
import { readViews, rebaseTables, serverTables } from './sync/synced-records';

/** The records opened from the history that are remembered (newest first). */
export const MAX_HISTORY_OPENED = 500;

const noServer = (): StoreResult<never> =>
  fail('not-ready', `This desk has no desk server. ${NOT_ON_THIS_DESK}`);

export async function searchServerHistory(
  sync: AdminCallDeps | null,
  db: DeskDb,
  args: ActionArgs<'history.search'>,
): Promise<StoreResult<ActionOutput<'history.search'>>> {
  if (!sync) return noServer();
  const token = sync.sessionToken();
  if (!token) return fail('not-ready', `Sign in to the desk server to search the history.`);
  const query = new URLSearchParams({ q: args.query, limit: String(args.limit) });
  if (args.kind) query.set('kind', args.kind);
  if (args.cursor) query.set('cursor', args.cursor);
  let answer;
  try {
    answer = await sync.client.historySearch(token, query);
  } catch (error) {
    return serverCallFailure(sync, token, error, NOT_ON_THIS_DESK);
  }
  const held = new Set<string>();
  for (const kind of ['interaction', 'incident', 'request'] as const) {
    const ids = answer.hits.filter((h) => h.kind === kind).map((h) => h.id);
    if (ids.length === 0) continue;
    const views = await readViews(db, kind, ids);
    views.forEach((view, i) => {
      if (view) held.add(`${kind}:${ids[i]}`);
    });
  }
  return ok({
    hits: answer.hits.map((hit) => ({
      ...hit,
      source: 'server' as const,
      onDesk: held.has(`${hit.kind}:${hit.id}`),
    })),
    nextCursor: answer.nextCursor,
  });
}

export interface HistoryOpenDeps {
  db: DeskDb;
  sync: AdminCallDeps | null;
  /** The loaded directory's rules (the rebase replays waiting changes with them), or why not. */
  rules: () => Promise<DirectoryRules | string>;
  now: () => Date;
}

/** The id of the record on this desk with the number, as the record index finds it. */
async function heldWithNumber(
  db: DeskDb,
  kind: RecordKind,
  number: string,
): Promise<string | null> {
  const index = recordIndexOf(db);
  await index.ready();
  // Read to be sure: the record may have gone a moment ago, by another window's hand.
  const [id] = index.index.withNumber(kind, number);
  return id !== undefined && (await readViews(db, kind, [id]))[0] ? id : null;
}

export async function openFromHistory(
  deps: HistoryOpenDeps,
  { kind, number }: ActionArgs<'history.open'>,
): Promise<StoreResult<ActionOutput<'history.open'>>> {
  const { db, sync } = deps;
  const here = await heldWithNumber(db, kind, number);
  if (here) return ok({ kind, id: here, number, from: 'desk' });
  const notHere = `${number} is not on this desk. ${NOT_ON_THIS_DESK}`;
  if (!sync) return fail('not-found', notHere);
  const token = sync.sessionToken();
  if (!token) return fail('not-ready', `${number} is not on this desk: sign in to fetch it.`);
  let fetched;
  try {
    fetched = await sync.client.recordByNumber(token, kind, number);
  } catch (error) {
    const failed = serverCallFailure(sync, token, error, notHere);
    // Offline is "not on this desk" as plainly as a number the server has not got.
    return !failed.ok && failed.error.message === notHere ? fail('not-found', notHere) : failed;
  }
  const rules = await deps.rules();
  if (typeof rules === 'string') return fail('not-ready', rules);
  const ref = { kind: fetched.kind, id: fetched.record.id };
  await db.transaction('rw', rebaseTables(db), async () => {
    const servers = serverTables(db);
    // A pull may have brought it meanwhile: the pulled copy is as new or newer, keep it. With
    // nothing waiting on it, that pull kept its view only (server-copies.ts): leave that as it is.
    const pulled = (await servers[ref.kind].get(ref.id)) !== undefined;
    const pulledAsView = !pulled && (await readViews(db, ref.kind, [ref.id]))[0] !== undefined;
    if (!pulled && !pulledAsView) {
      switch (fetched.kind) {
        case 'interaction':
          await servers.interaction.put(fetched.record);
          break;
        case 'incident':
          await servers.incident.put(fetched.record);
          break;
        case 'request':
          await servers.request.put(fetched.record);
          break;
      }
    }
    if (!pulledAsView) await rebaseRecords(db, [ref], rules);
    await noteOpened(db, { kind, id: ref.id, number, at: deps.now().toISOString() });
  });
  return ok({ kind, id: ref.id, number, from: 'server' });
}

/** Remembers what the agent opened from the history, so eviction (issue 15) can keep it. */
async function noteOpened(db: DeskDb, opened: HistoryOpened): Promise<void> {
  const before = (await readMeta(db, 'historyOpened')) ?? [];
  await writeMeta(
    db,
    'historyOpened',
    [opened, ...before.filter((o) => !(o.kind === opened.kind && o.id === opened.id))].slice(
      0,
      MAX_HISTORY_OPENED,
    ),
  );
}
