// Incidents, requests and the catalog on this desk: the demo seed of a local desk, and the
// in-memory component index Find existing incidents searches. Never writes a record itself.

import { generateCatalog } from '../../shared/demo/catalog-generator';
import { generateIncidents } from '../../shared/demo/incident-generator';
import { demoTemplates } from '../../shared/demo/template-generator';
import { DEMO_LOCATIONS } from '../../shared/demo/walk-up-generator';
import { ComponentIncidentIndex } from '../../shared/domain/component-search';
import { DEMO_KNOWLEDGE_ARTICLES } from '../../shared/demo/knowledge-articles';
import type { Directory } from '../../shared/domain/directory';
import { OPEN_INCIDENT_STATES, type Incident } from '../../shared/domain/incident';
import { readMeta, writeMeta, type DeskDb } from './db';
import type { LoadedDirectory } from './loaded-directory';

export interface DemoTaskSource {
  seed: number;
  /** How many demo incidents a local desk starts with (the printer example first). */
  incidents: number;
}

/** The directory as the demo generators take it (they walk whole arrays). */
function asDirectory(directory: LoadedDirectory): Directory {
  const users = Array.from({ length: directory.users.count }, (_, i) => directory.users.user(i));
  const items = Array.from({ length: directory.items.count }, (_, i) => directory.items.item(i));
  return { users, groups: [...directory.groups], configurationItems: items };
}

/**
 * At a local desk's first start: the demo catalog, the demo walk-up locations and their contact
 * templates, and a deterministic set of demo incidents, in one transaction, once (the meta row says it was done; an agent's own
 * records are never touched). A desk with a server never calls this: they come with sync.
 */
export async function seedDemoTasks(
  db: DeskDb,
  directory: LoadedDirectory,
  source: DemoTaskSource,
  now: () => Date,
): Promise<boolean> {
  if ((await readMeta(db, 'demoTasks')) !== undefined) return false;
  const seededAt = now().toISOString();
  const catalog = generateCatalog();
  const demo = asDirectory(directory);
  const incidents = generateIncidents(demo, {
    count: source.incidents,
    seed: source.seed,
    now: seededAt,
  });
  const templates = demoTemplates(demo, seededAt);
  const tables = [
    db.meta,
    db.catalogItems,
    db.incidents,
    db.locations,
    db.templates,
    db.knowledgeArticles,
  ];
  return db.transaction('rw', tables, async () => {
    // Another window of this installation may have seeded between the check and here.
    if ((await readMeta(db, 'demoTasks')) !== undefined) return false;
    await db.catalogItems.bulkPut(catalog);
    await db.incidents.bulkPut(incidents);
    // The walk-up section's locations (a desk with a server gets them with its directory).
    await db.locations.bulkPut([...DEMO_LOCATIONS]);
    // Its contact templates, as the demo desk server seeds them.
    await db.templates.bulkPut(templates);
    // The suggestions beside the form (a desk with a server gets the published ones).
    await db.knowledgeArticles.bulkPut([...DEMO_KNOWLEDGE_ARTICLES]);
    await bumpIncidentsRevision(db);
    await writeMeta(db, 'demoTasks', {
      seed: source.seed,
      incidents: incidents.length,
      seededAt,
    });
    return true;
  });
}

/** Every write to `incidents` calls this in its own transaction, so indexes in memory see it. */
export async function bumpIncidentsRevision(db: DeskDb): Promise<number> {
  const next = ((await readMeta(db, 'incidentsRevision')) ?? 0) + 1;
  await writeMeta(db, 'incidentsRevision', next);
  return next;
}

/**
 * The open incidents bucketed by component, kept in memory. Parents are read from whatever
 * directory is loaded at search time, so a directory sync that moves a component needs nothing.
 * `current` is safe inside a liveQuery: it reads the revision (tracked, one get) and reloads the
 * open incidents only when a write moved it.
 */
export class IncidentComponentCache {
  private index: ComponentIncidentIndex;
  private revision: number | null = null;
  private readonly parentOf: (componentId: string) => string | null | undefined;

  constructor(directory: () => LoadedDirectory | null) {
    this.parentOf = (componentId) => {
      const items = directory()?.items;
      const row = items?.indexOf(componentId);
      if (items === undefined || row === undefined) return undefined;
      const parentId = items.at('parentId', row);
      return parentId === '' ? null : parentId;
    };
    this.index = new ComponentIncidentIndex(this.parentOf);
  }

  async current(db: DeskDb): Promise<ComponentIncidentIndex> {
    const revision = (await readMeta(db, 'incidentsRevision')) ?? 0;
    if (revision === this.revision) return this.index;
    return this.load(db, revision);
  }

  /** Reads every open incident again: when another window, sync or the demo seed wrote some. */
  async load(db: DeskDb, revision: number): Promise<ComponentIncidentIndex> {
    // One equals range per state: anyOf walks a cursor, far slower for a whole table.
    const open = await Promise.all(
      OPEN_INCIDENT_STATES.map((state) => db.incidents.where('state').equals(state).toArray()),
    );
    const index = new ComponentIncidentIndex(this.parentOf);
    for (const incident of open.flat()) index.upsert(incident);
    this.index = index;
    this.revision = revision;
    return index;
  }

  /**
   * A command or a sync pull of this host wrote `incidents` (and removed `removedIds`) and moved
   * the revision to `revision`, once committed. When the index was current just before, it takes
   * them in memory and stays current; otherwise someone else wrote in between (another window, a
   * reset) and the next search reloads.
   */
  written(
    incidents: readonly Incident[],
    revision: number,
    removedIds: readonly string[] = [],
  ): void {
    if (this.revision !== revision - 1) return;
    for (const incident of incidents) this.index.upsert(incident);
    for (const id of removedIds) this.index.remove(id);
    this.revision = revision;
  }
}
