// The desk's contact templates: the list the form offers (the server's copy with the agent's own
// changes made here laid on top, names resolved from the directory) and those changes themselves
// (save, rename, delete), kept in templateChanges until the next sync sends them. Never talks to
// the desk server.

import { fail, ok, type StoreResult } from '../../shared/domain/result';
import {
  OWN_TEMPLATES_MAX,
  templateUses,
  type ContactTemplate,
  type TemplateFields,
} from '../../shared/domain/contact-template';
import { KNOWN_WINDOW_DAYS } from '../../shared/domain/known-callers';
import type { TemplateView } from '../../shared/store-api/template-contract';
import { agentInteractions } from './interaction-lists';
import type { DeskDb, StoredTemplateChange } from './db';
import type { LoadedDirectory } from './loaded-directory';

/** The server's copy with this desk's own changes on top: what the agent sees, offline too. */
async function currentTemplates(
  db: DeskDb,
  agentId: string,
): Promise<{ template: ContactTemplate; pending: boolean }[]> {
  const [held, changes] = await Promise.all([db.templates.toArray(), db.templateChanges.toArray()]);
  const byId = new Map(held.map((template) => [template.id, { template, pending: false }]));
  // Another agent's changes on this desk wait for that agent: they are not this agent's list.
  for (const change of changes.filter((c) => c.owner === agentId)) {
    if (change.change === 'delete') {
      byId.delete(change.id);
      continue;
    }
    const { change: _kind, at, owner: _owner, ...fields } = change;
    byId.set(change.id, {
      template: {
        ...fields,
        scope: 'agent',
        location: null,
        owner: agentId,
        active: true,
        updatedAt: at,
      },
      pending: true,
    });
  }
  // Another agent's own (the desk was shared) is never offered.
  return [...byId.values()].filter(
    ({ template }) =>
      template.active && (template.scope === 'location' || template.owner === agentId),
  );
}

function toView(
  template: ContactTemplate,
  pending: boolean,
  directory: LoadedDirectory,
  locationName: (id: string) => string | null,
  uses = 0,
): TemplateView {
  return {
    ...template,
    componentName: directory.itemName(template.component),
    assignmentGroupName: directory.groupName(template.assignmentGroup),
    locationName: template.location === null ? null : locationName(template.location),
    pending,
    uses,
  };
}

/**
 * The agent's latest interactions read for template use: enough to know the agent's usual ones,
 * few enough that reading them again after each contact the agent logs stays cheap.
 */
const USES_SCAN = 200;

/**
 * The agent's own first, then the location's; by name within each; each with how much the agent
 * used it lately (`templateUses` over the agent's latest interactions of the window, read by
 * interaction-lists.ts, so the list is asked again when the agent logs one).
 */
export async function listTemplates(
  db: DeskDb,
  agentId: string,
  directory: LoadedDirectory,
  location: string | null,
  now: Date,
): Promise<TemplateView[]> {
  const from = new Date(now.getTime() - KNOWN_WINDOW_DAYS * 86_400_000).toISOString();
  const [all, locations, contacts] = await Promise.all([
    currentTemplates(db, agentId),
    db.locations.toArray(),
    agentInteractions(db, 'opened', agentId, { since: from, limit: USES_SCAN }),
  ]);
  const uses = templateUses(
    all.map(({ template }) => template),
    contacts,
    now,
  );
  const names = new Map(locations.map((l) => [l.id, l.name]));
  return all
    .filter(
      ({ template }) =>
        template.scope === 'agent' || location === null || template.location === location,
    )
    .sort(
      (a, b) =>
        (a.template.scope === b.template.scope ? 0 : a.template.scope === 'agent' ? -1 : 1) ||
        a.template.name.localeCompare(b.template.name) ||
        (a.template.id < b.template.id ? -1 : 1),
    )
    .map(({ template, pending }) =>
      toView(
        template,
        pending,
        directory,
        (id) => names.get(id) ?? null,
        uses.get(template.id) ?? 0,
      ),
    );
}

export interface OwnTemplateDeps {
  db: DeskDb;
  agentId: string;
  directory: LoadedDirectory;
  now: () => Date;
}

async function ownTemplate(deps: OwnTemplateDeps, id: string): Promise<ContactTemplate | null> {
  const found = (await currentTemplates(deps.db, deps.agentId)).find(
    ({ template }) => template.id === id,
  );
  return found && found.template.scope === 'agent' ? found.template : null;
}

const NOT_YOURS = 'That template is not one of yours on this desk.';

/** Save as template, or an edit of one of the agent's own: kept here, sent with the next sync. */
export async function saveOwnTemplate(
  deps: OwnTemplateDeps,
  input: TemplateFields & { id: string },
): Promise<StoreResult<TemplateView>> {
  const { db } = deps;
  const change: StoredTemplateChange = {
    change: 'save',
    ...input,
    at: deps.now().toISOString(),
    owner: deps.agentId,
  };
  const outcome = await db.transaction('rw', [db.templates, db.templateChanges], async () => {
    const all = await currentTemplates(db, deps.agentId);
    const existing = all.find(({ template }) => template.id === input.id);
    if (existing && existing.template.scope !== 'agent') return 'not-yours' as const;
    const own = all.filter(({ template }) => template.scope === 'agent').length;
    if (!existing && own >= OWN_TEMPLATES_MAX) return 'full' as const;
    await db.templateChanges.put(change);
    return 'saved' as const;
  });
  if (outcome === 'not-yours') return fail('not-permitted', NOT_YOURS);
  if (outcome === 'full')
    return fail(
      'invalid-input',
      `You have ${OWN_TEMPLATES_MAX} templates already: delete one you no longer use.`,
    );
  const saved = await ownTemplate(deps, input.id);
  return saved ? ok(toView(saved, true, deps.directory, () => null)) : fail('not-found', NOT_YOURS);
}

export async function renameOwnTemplate(
  deps: OwnTemplateDeps,
  id: string,
  name: string,
): Promise<StoreResult<TemplateView>> {
  const template = await ownTemplate(deps, id);
  if (!template) return fail('not-found', NOT_YOURS);
  const { scope: _s, location: _l, owner: _o, active: _a, updatedAt: _u, ...fields } = template;
  return saveOwnTemplate(deps, { ...fields, name });
}

export async function deleteOwnTemplate(
  deps: OwnTemplateDeps,
  id: string,
): Promise<StoreResult<{ id: string }>> {
  const template = await ownTemplate(deps, id);
  if (!template) return fail('not-found', NOT_YOURS);
  await deps.db.templateChanges.put({
    change: 'delete',
    id,
    at: deps.now().toISOString(),
    owner: deps.agentId,
  });
  return ok({ id });
}
