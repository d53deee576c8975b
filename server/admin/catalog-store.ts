// The catalog's request forms as Administration changes them: a new form is a draft, a draft is
// edited in place, a published or retired form's edits wait as its draft revision until Publish;
// Retire keeps the form for old requests. Every change is audited in its own transaction; only
// Publish and Retire give the row a new version (what desks receive), and never for a draft.

import type { Transaction } from 'kysely';
import type {
  CatalogAdminSummary,
  CatalogAdminView,
  CatalogState,
} from '../../shared/admin/catalog';
import { matchesCatalogQuery } from '../../shared/admin/catalog';
import { CatalogItem } from '../../shared/domain/catalog';
import type { Database } from '../db/schema';
import { jsonb } from '../db/values';
import { ApiError } from '../http/api-error';
import { changedFields, recordAudit, type AuditActor } from './audit-log';
import { writeDirectory, type DirectoryWriteDeps } from './directory-write';

export interface CatalogChange {
  actor: AuditActor;
  at: Date;
}

interface Row {
  id: string;
  state: CatalogState;
  record: CatalogItem;
  draft: CatalogItem | null;
}

/** Keys in one order at every depth: a form read back from jsonb compares equal to the one sent. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/** What the audit log keeps of a form: everything an administrator edits. */
const audited = (item: CatalogItem): Record<string, unknown> => ({
  name: item.name,
  category: item.category,
  description: item.description,
  keywords: item.keywords,
  fulfillmentGroup: item.fulfillmentGroup,
  fields: canonical(item.fields),
});

const viewOf = (row: Row): CatalogAdminView => ({
  state: row.state,
  item: row.record,
  draft: row.draft,
});

async function readRow(
  db: DirectoryWriteDeps['db'] | Transaction<Database>,
  id: string,
  forUpdate = false,
): Promise<Row | undefined> {
  let query = db
    .selectFrom('catalog_items')
    .select(['id', 'state', 'record', 'draft_record'])
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    state: row.state,
    record: row.record as CatalogItem,
    draft: (row.draft_record as CatalogItem | null) ?? null,
  };
}

const notFound = (id: string) =>
  new ApiError(404, 'not-found', `There is no request form ${id} in the catalog.`);

export async function listCatalog(
  db: DirectoryWriteDeps['db'],
  query: string,
  state: CatalogState | undefined,
): Promise<CatalogAdminSummary[]> {
  let select = db
    .selectFrom('catalog_items')
    .select(['id', 'state', 'record', 'draft_record'])
    .orderBy('name')
    .orderBy('id');
  if (state) select = select.where('state', '=', state);
  const rows = await select.execute();
  return rows.flatMap((row) => {
    // The list shows the form as the administrator last saved it.
    const item = ((row.draft_record as CatalogItem | null) ?? row.record) as CatalogItem;
    if (!matchesCatalogQuery(item, query)) return [];
    return [
      {
        id: row.id,
        name: item.name,
        category: item.category,
        state: row.state,
        unpublishedChanges: row.draft_record !== null,
        fieldCount: item.fields.length,
      },
    ];
  });
}

export async function getCatalogItem(
  db: DirectoryWriteDeps['db'],
  id: string,
): Promise<CatalogAdminView> {
  const row = await readRow(db, id);
  if (!row) throw notFound(id);
  return viewOf(row);
}

/** A form's fulfillment group must be a group desks know and still use. */
async function checkGroup(trx: Transaction<Database>, item: CatalogItem): Promise<void> {
  if (item.fulfillmentGroup === null) return;
  const group = await trx
    .selectFrom('groups')
    .select(['id', 'active'])
    .where('id', '=', item.fulfillmentGroup)
    .executeTakeFirst();
  if (!group?.active)
    throw new ApiError(
      400,
      'invalid-input',
      'Pick a fulfillment group that exists and is active.',
      {
        fieldErrors: { fulfillmentGroup: 'Pick a fulfillment group that exists and is active.' },
      },
    );
}

export async function saveCatalogItem(
  deps: DirectoryWriteDeps,
  item: CatalogItem,
  change: CatalogChange,
): Promise<CatalogAdminView> {
  return writeDirectory(deps, async (trx) => {
    await checkGroup(trx, item);
    const row = await readRow(trx, item.id, true);
    const entry = {
      at: change.at,
      actor: change.actor,
      targetKind: 'catalog-item',
      targetId: item.id,
      targetName: item.name,
    };
    if (!row) {
      const draft = { ...item, active: false };
      // A draft takes no version: the directory feed never carries it.
      await trx
        .insertInto('catalog_items')
        .values({
          id: item.id,
          name: item.name,
          category: item.category,
          active: false,
          state: 'draft',
          version: 0,
          record: jsonb(draft),
          draft_record: null,
        })
        .execute();
      await recordAudit(trx, {
        ...entry,
        action: 'catalog-item.create',
        before: null,
        after: audited(draft),
      });
      return viewOf({ id: item.id, state: 'draft', record: draft, draft: null });
    }
    if (row.state === 'draft') {
      const draft = { ...item, active: false };
      await trx
        .updateTable('catalog_items')
        .set({ name: item.name, category: item.category, record: jsonb(draft) })
        .where('id', '=', item.id)
        .execute();
      const { before, after } = changedFields(audited(row.record), audited(draft));
      if (Object.keys(after).length > 0)
        await recordAudit(trx, { ...entry, action: 'catalog-item.update', before, after });
      return viewOf({ ...row, record: draft });
    }
    // Published or retired: desks keep what they have until Publish.
    const draft = { ...item, active: row.record.active };
    await trx
      .updateTable('catalog_items')
      .set({ draft_record: jsonb(draft) })
      .where('id', '=', item.id)
      .execute();
    const { before, after } = changedFields(audited(row.draft ?? row.record), audited(draft));
    if (Object.keys(after).length > 0)
      await recordAudit(trx, { ...entry, action: 'catalog-item.save-draft', before, after });
    return viewOf({ ...row, draft });
  });
}

export async function publishCatalogItem(
  deps: DirectoryWriteDeps,
  id: string,
  change: CatalogChange,
): Promise<CatalogAdminView> {
  return writeDirectory(deps, async (trx, nextVersion) => {
    const row = await readRow(trx, id, true);
    if (!row) throw notFound(id);
    if (row.state === 'published' && row.draft === null) return viewOf(row);
    // Stored drafts passed the same checks; parsing again keeps a hand-edited row from reaching desks.
    const parsed = CatalogItem.safeParse({ ...(row.draft ?? row.record), active: true });
    if (!parsed.success)
      throw new ApiError(
        400,
        'invalid-input',
        'This form has problems: open it, fix them and save.',
      );
    const item = parsed.data;
    await checkGroup(trx, item);
    await trx
      .updateTable('catalog_items')
      .set({
        name: item.name,
        category: item.category,
        active: true,
        state: 'published',
        version: nextVersion(),
        record: jsonb(item),
        draft_record: null,
      })
      .where('id', '=', id)
      .execute();
    const changed = changedFields(audited(row.record), audited(item));
    await recordAudit(trx, {
      at: change.at,
      actor: change.actor,
      action: 'catalog-item.publish',
      targetKind: 'catalog-item',
      targetId: id,
      targetName: item.name,
      before: { state: row.state, ...changed.before },
      after: { state: 'published', ...changed.after },
    });
    return viewOf({ id, state: 'published', record: item, draft: null });
  });
}

export async function retireCatalogItem(
  deps: DirectoryWriteDeps,
  id: string,
  change: CatalogChange,
): Promise<CatalogAdminView> {
  return writeDirectory(deps, async (trx, nextVersion) => {
    const row = await readRow(trx, id, true);
    if (!row) throw notFound(id);
    if (row.state === 'retired') return viewOf(row);
    if (row.state === 'draft')
      throw new ApiError(
        409,
        'conflict',
        `${row.record.name} is a draft that was never offered: there is nothing to retire.`,
      );
    const item = { ...row.record, active: false };
    await trx
      .updateTable('catalog_items')
      .set({ active: false, state: 'retired', version: nextVersion(), record: jsonb(item) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      at: change.at,
      actor: change.actor,
      action: 'catalog-item.retire',
      targetKind: 'catalog-item',
      targetId: id,
      targetName: item.name,
      before: { state: row.state, active: true },
      after: { state: 'retired', active: false },
    });
    return viewOf({ ...row, state: 'retired', record: item });
  });
}

export async function discardCatalogDraft(
  deps: DirectoryWriteDeps,
  id: string,
  change: CatalogChange,
): Promise<CatalogAdminView> {
  return writeDirectory(deps, async (trx) => {
    const row = await readRow(trx, id, true);
    if (!row) throw notFound(id);
    if (row.draft === null) return viewOf(row);
    await trx
      .updateTable('catalog_items')
      .set({ draft_record: null })
      .where('id', '=', id)
      .execute();
    const { before, after } = changedFields(audited(row.draft), audited(row.record));
    await recordAudit(trx, {
      at: change.at,
      actor: change.actor,
      action: 'catalog-item.discard-draft',
      targetKind: 'catalog-item',
      targetId: id,
      targetName: row.record.name,
      before,
      after,
    });
    return viewOf({ ...row, draft: null });
  });
}
