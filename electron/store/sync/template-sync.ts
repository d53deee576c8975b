// The sync cycle's templates step: sends the agent's own template changes made on this desk and,
// when the desk server's list moved, keeps the new one. A change made again while the exchange ran
// stays for the next. Never decides which change wins: the desk server does.

import type { OwnTemplateChange } from '../../../shared/sync/templates-api';
import { readMeta, writeMeta, type DeskDb } from '../db';
import type { Logger } from '../logger';
import { DeskServerError, type DeskServerClient } from './desk-server-client';

export interface TemplateSyncDeps {
  db: DeskDb;
  client: DeskServerClient;
  token: string;
  /** The signed-in agent: only its changes are sent (another agent's wait on the desk for them). */
  agentId: string;
  log: Logger;
}

export async function syncTemplates(deps: TemplateSyncDeps): Promise<void> {
  const { db } = deps;
  const mine = (await db.templateChanges.toArray()).filter((c) => c.owner === deps.agentId);
  const changes: OwnTemplateChange[] = mine.map(({ owner: _owner, ...change }) => change);
  const digest = (await readMeta(db, 'templatesDigest')) ?? null;
  let answer;
  try {
    answer = await deps.client.templates(deps.token, { changes, digest });
  } catch (error) {
    // A desk server from before templates: the desk keeps what it has and syncs the rest.
    if (error instanceof DeskServerError && error.status === 404) {
      deps.log.debug('the desk server has no templates exchange');
      return;
    }
    throw error;
  }
  const { templates, refused } = answer;
  await db.transaction('rw', [db.templates, db.templateChanges, db.meta], async () => {
    for (const sent of changes) {
      const now = await db.templateChanges.get(sent.id);
      if (now?.at === sent.at && now.change === sent.change)
        await db.templateChanges.delete(sent.id);
    }
    if (templates) {
      await db.templates.clear();
      await db.templates.bulkPut(templates);
      await writeMeta(db, 'templatesDigest', answer.digest);
    }
  });
  for (const r of refused) deps.log.warn(`the desk server refused template ${r.id}: ${r.message}`);
}
