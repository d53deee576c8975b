// Every cell of the permission matrix on the store host's write path (fake-indexeddb): each command
// × each role (× assignee, group member, neither), generated from the registry, as the server's test.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import { generateCatalog } from '../../shared/demo/catalog-generator';
import { ROLES } from '../../shared/commands/permission';
import { DEMO_KNOWLEDGE_ARTICLES } from '../../shared/demo/knowledge-articles';
import { caseTitle, permissionCases } from '../../shared/commands/testing/permission-cells';
import {
  CELLS_GROUP,
  cellsDirectory,
  SCENE_SETTER,
  sceneOf,
} from '../../shared/commands/testing/permission-scenes';
import type { Step } from '../../shared/commands/testing/command-desk';
import type { CaseScene } from '../../shared/commands/testing/permission-scenes';
import { directoryRules } from '../../shared/domain/assignment';
import type { Directory } from '../../shared/domain/directory';
import { parseCommand } from '../../shared/store-api/validate';
import { createDeskDb, type DeskDb } from './db';
import { deskPermissions, runCommand } from './store-commands';

let db: DeskDb | null = null;
afterEach(() => db?.close());

/** The directory cache as the store host reads it: lookups by id, groups, group names. */
const cacheOf = (directory: Directory) => ({
  getUser: (id: string) => directory.users.find((u) => u.id === id) ?? null,
  groups: directory.groups,
  groupName: (id: string | null) => directory.groups.find((g) => g.id === id)?.name ?? null,
});

it('allows and refuses every cell of the permission matrix as the server does', async () => {
  db = createDeskDb({ name: 'cells', indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  await db.catalogItems.bulkPut(generateCatalog());
  // The article the rating cells rate, as the directory feed brings it.
  const [article] = DEMO_KNOWLEDGE_ARTICLES;
  if (article) await db.knowledgeArticles.put({ ...article, id: 'kb-1', revision: 1 });
  const desk = db;
  const scenes = cellsDirectory(ROLES);
  // Once the scenes are set, the assignees leave the group they were assigned in.
  const later: Directory = {
    ...scenes,
    groups: scenes.groups.map((g) =>
      g.id === CELLS_GROUP
        ? { ...g, memberIds: g.memberIds.filter((id) => !id.endsWith('-assignee')) }
        : g,
    ),
  };
  let minute = 0;
  const run = async (directory: Directory, actorId: string, { name, input }: Step) => {
    const parsed = parseCommand(name, input);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
    const permissions = deskPermissions(cacheOf(directory), actorId);
    if (!permissions) throw new Error(`${actorId} is not in the directory`);
    return runCommand(
      desk,
      parsed.value,
      {
        now: new Date(Date.UTC(2026, 10, 23, 9, minute++)).toISOString(),
        actorId,
        directory: directoryRules(directory),
        permissions,
      },
      'client-1',
    );
  };
  const stored = async (ref: CaseScene['target']) =>
    JSON.stringify(
      ref.kind === 'article'
        ? await desk.articleRatings.where('key').startsWith(`${ref.id}#`).toArray()
        : ref.kind === 'interaction'
          ? await desk.interactions.get(ref.id)
          : ref.kind === 'incident'
            ? await desk.incidents.get(ref.id)
            : ref.kind === 'request'
              ? await desk.requests.get(ref.id)
              : ref.kind === 'visit'
                ? await desk.visits.get(ref.id)
                : await desk.calls.get(ref.id),
    );

  const cases = permissionCases().map((c, i) => ({ c, scene: sceneOf(c, i) }));
  for (const { c, scene } of cases) {
    // The server's calls, as a pull brings them.
    for (const { kind, record } of scene.records) if (kind === 'call') await desk.calls.put(record);
    for (const given of scene.steps) {
      const set = await run(scenes, SCENE_SETTER, given);
      if (!set.ok) throw new Error(`scene of ${caseTitle(c)}: ${set.error.message}`);
    }
  }

  const wrong: string[] = [];
  for (const { c, scene } of cases) {
    const before = await stored(scene.target);
    const queued = await desk.outbox.count();
    const answer = await run(later, scene.actorId, scene.run);
    const outcome = answer.ok
      ? 'allowed'
      : answer.error.code === 'not-permitted'
        ? 'refused'
        : `refused by its rules: ${answer.error.message}`;
    if (outcome !== (c.allowed ? 'allowed' : 'refused'))
      wrong.push(`${caseTitle(c)} — but ${outcome}`);
    if (
      !c.allowed &&
      (before !== (await stored(scene.target)) || queued !== (await desk.outbox.count()))
    )
      wrong.push(`${caseTitle(c)} — but something was written`);
  }
  expect(wrong).toEqual([]);
  expect(cases.length).toBeGreaterThan(100);
}, 120_000);
