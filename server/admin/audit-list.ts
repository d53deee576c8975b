// Reads the audit log for the Audit log page: newest first, filtered by actor, action, target and
// date, a page at a time after a keyset cursor. Read-only; never writes an entry (audit-log.ts does).

import type { z } from 'zod';
import type { AuditEntryView, AuditListInput } from '../../shared/admin/audit';
import { ApiError } from '../http/api-error';
import { toNumber } from '../db/values';
import { containing, startingWith, type Db } from './admin-store-kit';

const CURSOR = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|(\d{1,19})$/;

/** The place after an entry: its time and id, the order's two keys. */
export const auditCursor = (at: Date, id: string): string => `${at.toISOString()}|${id}`;

function readCursor(text: string): { at: Date; id: string } {
  const match = CURSOR.exec(text);
  const at = match ? new Date(match[1] as string) : null;
  if (!match || !at || Number.isNaN(at.getTime()))
    throw new ApiError(400, 'invalid-input', 'The page cursor is not one this server gave.', {
      fieldErrors: { before: 'The page cursor is not one this server gave.' },
    });
  return { at, id: match[2] as string };
}

const asRecord = (value: unknown): Record<string, unknown> | null => {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
};

export async function listAudit(
  db: Db,
  input: z.output<typeof AuditListInput>,
): Promise<{ entries: AuditEntryView[]; next: string | null }> {
  let query = db
    .selectFrom('audit_log')
    .select([
      'id',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'target_kind',
      'target_id',
      'target_name',
      'before',
      'after',
    ]);
  const { actor, action, targetKind, target } = input;
  if (actor !== '')
    query = query.where((eb) =>
      eb.or([eb('actor_id', '=', actor), eb('actor_name', 'ilike', containing(actor))]),
    );
  if (action !== '') query = query.where('action', 'ilike', startingWith(action));
  if (targetKind !== '') query = query.where('target_kind', '=', targetKind);
  if (target !== '')
    query = query.where((eb) =>
      eb.or([eb('target_id', '=', target), eb('target_name', 'ilike', containing(target))]),
    );
  if (input.from !== undefined) query = query.where('at', '>=', new Date(input.from));
  if (input.to !== undefined) query = query.where('at', '<=', new Date(input.to));
  if (input.before !== undefined) {
    const cursor = readCursor(input.before);
    query = query.where(
      (eb) => eb.refTuple('at', 'id'),
      '<',
      (eb) => eb.tuple(cursor.at, cursor.id),
    );
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const entries = page.map((r) => ({
    id: String(toNumber(r.id)),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    targetName: r.target_name,
    before: asRecord(r.before),
    after: asRecord(r.after),
  }));
  const last = entries.at(-1);
  return {
    entries,
    next: rows.length > input.limit && last ? auditCursor(new Date(last.at), last.id) : null,
  };
}
