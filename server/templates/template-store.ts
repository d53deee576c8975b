// Reads and writes contact templates: a location's for Administration (each change audited in its
// transaction) and an agent's own from the desks' exchange (the later change wins); and the list a
// desk receives with its digest. Never deletes a row: retired and deleted templates stay inactive.

import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type {
  TemplateAdminView,
  TemplateCreateInput,
  TemplateListInput,
  TemplateUpdateInput,
} from '../../shared/admin/templates';
import {
  OWN_TEMPLATES_MAX,
  type ContactTemplate,
  type TemplateFields,
} from '../../shared/domain/contact-template';
import type { InteractionType } from '../../shared/domain/interaction';
import type { OwnTemplateChange } from '../../shared/sync/templates-api';
import type { ContactTemplatesTable } from '../db/schema';
import { changedFields, recordAudit } from '../admin/audit-log';
import {
  containing,
  notFound,
  refused,
  type AuditedWrite,
  type Db,
} from '../admin/admin-store-kit';

type TemplateRow = Selectable<ContactTemplatesTable>;

const iso = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function toTemplate(row: TemplateRow): ContactTemplate {
  return {
    id: row.id,
    scope: row.scope,
    location: row.location,
    owner: row.owner,
    name: row.name,
    // Written only through TemplateFields, so a known channel.
    type: row.type as InteractionType | null,
    component: row.component,
    assignmentGroup: row.assignment_group,
    shortDescription: row.short_description,
    description: row.description,
    closesAtOnce: row.closes_at_once,
    active: row.active,
    updatedAt: iso(row.updated_at),
  };
}

const columnsOf = (t: Partial<TemplateFields>) => ({
  ...(t.name !== undefined ? { name: t.name } : {}),
  ...(t.type !== undefined ? { type: t.type } : {}),
  ...(t.component !== undefined ? { component: t.component } : {}),
  ...(t.assignmentGroup !== undefined ? { assignment_group: t.assignmentGroup } : {}),
  ...(t.shortDescription !== undefined ? { short_description: t.shortDescription } : {}),
  ...(t.description !== undefined ? { description: t.description } : {}),
  ...(t.closesAtOnce !== undefined ? { closes_at_once: t.closesAtOnce } : {}),
});

/** Every column a template's fields fill, for an insert or a whole replacement. */
const rowOf = (t: TemplateFields) => ({
  name: t.name,
  type: t.type,
  component: t.component,
  assignment_group: t.assignmentGroup,
  short_description: t.shortDescription,
  description: t.description,
  closes_at_once: t.closesAtOnce,
});

/** Every change takes the sequence's next value: the desks' digest moves with it. */
const NEXT_VERSION = sql<number>`nextval('contact_template_versions')`;

// ---- a location's templates (Administration) ----

function adminRows(db: Db) {
  return db
    .selectFrom('contact_templates as t')
    .innerJoin('locations as l', 'l.id', 't.location')
    .leftJoin('configuration_items as c', 'c.id', 't.component')
    .leftJoin('groups as g', 'g.id', 't.assignment_group')
    .selectAll('t')
    .select(['l.name as location_name', 'c.name as component_name', 'g.name as group_name'])
    .where('t.scope', '=', 'location');
}

type AdminRow = Awaited<ReturnType<ReturnType<typeof adminRows>['execute']>>[number];

const toAdminView = (row: AdminRow): TemplateAdminView => ({
  ...toTemplate(row),
  locationName: row.location_name,
  componentName: row.component_name,
  assignmentGroupName: row.group_name,
});

export async function listLocationTemplates(
  db: Db,
  input: z.output<typeof TemplateListInput>,
): Promise<TemplateAdminView[]> {
  let query = adminRows(db);
  if (input.location !== undefined) query = query.where('t.location', '=', input.location);
  if (!input.includeRetired) query = query.where('t.active', '=', true);
  if (input.q !== '') {
    const pattern = containing(input.q);
    query = query.where((eb) =>
      eb.or([eb('t.name', 'ilike', pattern), eb('t.short_description', 'ilike', pattern)]),
    );
  }
  const rows = await query
    .orderBy('l.name')
    .orderBy(sql`lower(t.name)`)
    .orderBy('t.id')
    .limit(1000)
    .execute();
  return rows.map(toAdminView);
}

async function getLocationTemplate(db: Db, id: string): Promise<TemplateAdminView> {
  const row = await adminRows(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('contact template', id);
  return toAdminView(row);
}

/** What a template names must be there to be named: the location, the component, the group. */
async function refuseMissing(
  db: Db,
  t: Partial<TemplateFields> & { location?: string },
): Promise<void> {
  if (t.location !== undefined) {
    const location = await db
      .selectFrom('locations')
      .select(['name', 'active'])
      .where('id', '=', t.location)
      .executeTakeFirst();
    if (!location) throw refused(`There is no location with id ${t.location}.`, 'location');
    if (!location.active)
      throw refused(`${location.name} is deactivated: choose an active location.`, 'location');
  }
  if (t.component != null) {
    const item = await db
      .selectFrom('configuration_items')
      .select('id')
      .where('id', '=', t.component)
      .executeTakeFirst();
    if (!item) throw refused(`There is no configuration item with id ${t.component}.`, 'component');
  }
  if (t.assignmentGroup != null) {
    const group = await db
      .selectFrom('groups')
      .select(['name', 'active'])
      .where('id', '=', t.assignmentGroup)
      .executeTakeFirst();
    if (!group) throw refused(`There is no group with id ${t.assignmentGroup}.`, 'assignmentGroup');
    if (!group.active)
      throw refused(`${group.name} is deactivated: choose an active group.`, 'assignmentGroup');
  }
}

async function refuseTakenName(
  db: Db,
  location: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  let query = db
    .selectFrom('contact_templates')
    .select('id')
    .where('location', '=', location)
    .where('active', '=', true)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst())
    throw refused(`This location already has a template named ${name}.`, 'name');
}

/** The fields an audit entry compares. */
const audited = (t: ContactTemplate) => ({
  name: t.name,
  type: t.type,
  component: t.component,
  assignmentGroup: t.assignmentGroup,
  shortDescription: t.shortDescription,
  description: t.description,
  closesAtOnce: t.closesAtOnce,
});

export async function createLocationTemplate(
  w: AuditedWrite,
  id: string,
  input: z.output<typeof TemplateCreateInput>,
): Promise<TemplateAdminView> {
  await refuseMissing(w.trx, input);
  await refuseTakenName(w.trx, input.location, input.name, null);
  const { location, ...fields } = input;
  await w.trx
    .insertInto('contact_templates')
    .values({
      id,
      scope: 'location',
      location,
      owner: null,
      ...rowOf(fields),
      active: true,
      updated_at: w.now,
    })
    .execute();
  const created = await getLocationTemplate(w.trx, id);
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'template.create',
    targetKind: 'template',
    targetId: id,
    targetName: `${created.name} (${created.locationName})`,
    before: null,
    after: audited(created),
  });
  return created;
}

async function lockedTemplate(w: AuditedWrite, id: string): Promise<TemplateAdminView> {
  const locked = await w.trx
    .selectFrom('contact_templates')
    .select('id')
    .where('id', '=', id)
    .where('scope', '=', 'location')
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound('contact template', id);
  return getLocationTemplate(w.trx, id);
}

export async function updateLocationTemplate(
  w: AuditedWrite,
  input: z.output<typeof TemplateUpdateInput>,
): Promise<TemplateAdminView> {
  const template = await lockedTemplate(w, input.id);
  const { id, ...fields } = input;
  await refuseMissing(w.trx, fields);
  if (fields.name !== undefined && template.active && template.location !== null)
    await refuseTakenName(w.trx, template.location, fields.name, id);
  const change = changedFields(audited(template), fields);
  if (Object.keys(change.after).length === 0) return template;
  await w.trx
    .updateTable('contact_templates')
    .set({ ...columnsOf(fields), updated_at: w.now, version: NEXT_VERSION })
    .where('id', '=', id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: 'template.update',
    targetKind: 'template',
    targetId: id,
    targetName: `${fields.name ?? template.name} (${template.locationName})`,
    ...change,
  });
  return getLocationTemplate(w.trx, id);
}

/** Retires a template (its desks stop offering it) or brings it back; audited either way. */
export async function setLocationTemplateActive(
  w: AuditedWrite,
  id: string,
  active: boolean,
): Promise<TemplateAdminView> {
  const template = await lockedTemplate(w, id);
  if (template.active === active) return template;
  if (active && template.location !== null)
    await refuseTakenName(w.trx, template.location, template.name, id);
  await w.trx
    .updateTable('contact_templates')
    .set({ active, updated_at: w.now, version: NEXT_VERSION })
    .where('id', '=', id)
    .execute();
  await recordAudit(w.trx, {
    at: w.now,
    actor: w.actor,
    action: active ? 'template.restore' : 'template.retire',
    targetKind: 'template',
    targetId: id,
    targetName: `${template.name} (${template.locationName})`,
    before: { active: template.active },
    after: { active },
  });
  return getLocationTemplate(w.trx, id);
}

// ---- an agent's own, and what a desk receives ----

export interface OwnChangesOutcome {
  refused: { id: string; message: string }[];
}

/**
 * Applies a desk's own-template changes as `owner`: a save creates or replaces, a delete marks it
 * inactive; a change older than what the server holds (another desk's later one) is skipped, so
 * the later change wins and a retried exchange changes nothing. Another agent's id is refused.
 */
export async function applyOwnChanges(
  db: Db,
  owner: string,
  changes: readonly OwnTemplateChange[],
): Promise<OwnChangesOutcome> {
  const refusedChanges: { id: string; message: string }[] = [];
  for (const change of changes) {
    const held = await db
      .selectFrom('contact_templates')
      .select(['scope', 'owner', 'updated_at', 'active'])
      .where('id', '=', change.id)
      .forUpdate()
      .executeTakeFirst();
    if (held && (held.scope !== 'agent' || held.owner !== owner)) {
      refusedChanges.push({ id: change.id, message: 'That template is not yours to change.' });
      continue;
    }
    const at = new Date(change.at);
    if (held && new Date(held.updated_at).getTime() >= at.getTime()) continue;
    if (change.change === 'delete') {
      if (held?.active)
        await db
          .updateTable('contact_templates')
          .set({ active: false, updated_at: at, version: NEXT_VERSION })
          .where('id', '=', change.id)
          .execute();
      continue;
    }
    if (!held || !held.active) {
      const count = await db
        .selectFrom('contact_templates')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('owner', '=', owner)
        .where('active', '=', true)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= OWN_TEMPLATES_MAX) {
        refusedChanges.push({
          id: change.id,
          message: `You have ${OWN_TEMPLATES_MAX} templates already: delete one you no longer use.`,
        });
        continue;
      }
    }
    const { change: _kind, id, at: _at, ...fields } = change;
    const columns = { ...rowOf(fields), active: true, updated_at: at };
    if (held)
      await db
        .updateTable('contact_templates')
        .set({ ...columns, version: NEXT_VERSION })
        .where('id', '=', id)
        .execute();
    else
      await db
        .insertInto('contact_templates')
        .values({ id, scope: 'agent', location: null, owner, ...columns })
        .execute();
  }
  return { refused: refusedChanges };
}

/** The templates an agent may use: its own and every location's (a desk keeps the active ones). */
function visibleTo(db: Db, owner: string) {
  return db
    .selectFrom('contact_templates')
    .where((eb) => eb.or([eb('scope', '=', 'location'), eb('owner', '=', owner)]));
}

/**
 * The digest of what an agent may use, retired and deleted rows included: every change takes a
 * new version, so the count and the sum of versions move with any change, however late it commits.
 */
export async function templatesDigest(db: Db, owner: string): Promise<string> {
  const row = await visibleTo(db, owner)
    .select(sql<string>`count(*)::text || '.' || coalesce(sum(version), 0)::text`.as('digest'))
    .executeTakeFirstOrThrow();
  return row.digest;
}

export async function activeTemplatesFor(db: Db, owner: string): Promise<ContactTemplate[]> {
  const rows = await visibleTo(db, owner)
    .selectAll()
    .where('active', '=', true)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
  return rows.map(toTemplate);
}
