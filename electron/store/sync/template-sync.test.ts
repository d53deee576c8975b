// The sync cycle's templates step: sends only the signed-in agent's own changes (another agent's wait
// on the desk), keeps a change made again while the exchange ran, keeps the server's list when it
// moved and the one it holds when the digest was current.

import { afterEach, describe, expect, it } from 'vitest';
import type { ContactTemplate } from '../../../shared/domain/contact-template';
import type {
  TemplatesSyncRequest,
  TemplatesSyncResponse,
} from '../../../shared/sync/templates-api';
import { readMeta, type DeskDb, type StoredTemplateChange } from '../db';
import { createLogger } from '../logger';
import type { DeskServerClient } from './desk-server-client';
import { openTestDesk } from './sync-test-support';
import { syncTemplates } from './template-sync';

const opened: DeskDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const save = (id: string, owner: string, at: string): StoredTemplateChange => ({
  change: 'save',
  id,
  owner,
  at,
  name: `Template ${id}`,
  type: null,
  component: null,
  assignmentGroup: null,
  shortDescription: 'Printer jam',
  description: '',
  closesAtOnce: false,
});

const onServer = (id: string): ContactTemplate => ({
  id,
  name: `Template ${id}`,
  type: null,
  component: null,
  assignmentGroup: null,
  shortDescription: 'Printer jam',
  description: '',
  closesAtOnce: false,
  scope: 'agent',
  location: null,
  owner: 'agent-1',
  active: true,
  updatedAt: '2026-12-04T10:00:00.000Z',
});

function exchange(answer: (request: TemplatesSyncRequest) => TemplatesSyncResponse) {
  const requests: TemplatesSyncRequest[] = [];
  const client = {
    templates: (_token: string, request: TemplatesSyncRequest) => {
      requests.push(structuredClone(request));
      return Promise.resolve(answer(request));
    },
  } as Pick<DeskServerClient, 'templates'> as DeskServerClient;
  return { client, requests };
}

describe('the templates step', () => {
  it('sends only the signed-in agent’s changes and keeps the list the server answers', async () => {
    const db = await openTestDesk();
    opened.push(db);
    await db.templateChanges.bulkPut([
      save('t-1', 'agent-1', '2026-12-04T10:00:00.000Z'),
      save('t-2', 'agent-2', '2026-12-04T10:01:00.000Z'),
    ]);
    const { client, requests } = exchange(() => ({
      digest: '1.7',
      templates: [onServer('t-1')],
      refused: [],
    }));
    const log = createLogger({ module: 'test' });
    await syncTemplates({ db, client, token: 'token-1', agentId: 'agent-1', log });

    const { owner: _owner, ...sent } = save('t-1', 'agent-1', '2026-12-04T10:00:00.000Z');
    expect(requests).toEqual([{ changes: [sent], digest: null }]);
    expect((await db.templateChanges.toArray()).map((c) => c.id)).toEqual(['t-2']);
    expect((await db.templates.toArray()).map((t) => t.id)).toEqual(['t-1']);
    expect(await readMeta(db, 'templatesDigest')).toBe('1.7');
  });

  it('keeps a change made again meanwhile, and the list when the digest was current', async () => {
    const db = await openTestDesk();
    opened.push(db);
    await db.templates.put(onServer('t-1'));
    await db.templateChanges.put(save('t-3', 'agent-1', '2026-12-04T10:00:00.000Z'));
    const { client, requests } = exchange(() => {
      // The agent renamed it again while the request was on its way.
      void db.templateChanges.put(save('t-3', 'agent-1', '2026-12-04T10:05:00.000Z'));
      return { digest: '1.7', templates: null, refused: [] };
    });
    const log = createLogger({ module: 'test' });
    await syncTemplates({ db, client, token: 'token-1', agentId: 'agent-1', log });
    expect(requests[0]?.changes.map((c) => c.at)).toEqual(['2026-12-04T10:00:00.000Z']);
    expect((await db.templateChanges.get('t-3'))?.at).toBe('2026-12-04T10:05:00.000Z');
    expect((await db.templates.toArray()).map((t) => t.id)).toEqual(['t-1']);
  });
});
