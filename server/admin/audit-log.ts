// The audit log's one writer: every administrative change records who made it, when, what and
// before → after, in the same transaction as the change. Never records a password or a secret.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { jsonb } from '../db/values';

type Db = Kysely<Database> | Transaction<Database>;

/** Who made an administrative change: an agent, or the server's command line. */
export interface AuditActor {
  id: string | null;
  name: string;
}

/** The actor of changes made with `npm run admin` on the server itself. */
export const COMMAND_LINE_ACTOR: AuditActor = { id: null, name: 'Command line' };

export interface AuditEntry {
  at: Date;
  actor: AuditActor;
  /** What was done, as `<target kind>.<verb>`: 'agent.create', 'group.add-member', 'import.run'. */
  action: string;
  targetKind: string;
  targetId: string;
  targetName?: string;
  /** The fields that changed, as they were and as they are; null for a creation or a removal. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Keys never written to the audit log, whatever a caller hands in. */
const SECRET_KEYS = /password|secret|token|hash/i;

function withoutSecrets(
  value: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!value) return null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEYS.test(key)));
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const before = withoutSecrets(entry.before);
  const after = withoutSecrets(entry.after);
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      target_kind: entry.targetKind,
      target_id: entry.targetId,
      target_name: entry.targetName ?? '',
      before: before === null ? null : jsonb(before),
      after: after === null ? null : jsonb(after),
    })
    .execute();
}

/**
 * The fields of `after` whose value differs from `before`, as a before → after pair: what an
 * update's audit entry records (unchanged fields would only hide the change).
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) === JSON.stringify(value)) continue;
    was[key] = before[key];
    is[key] = value;
  }
  return { before: was, after: is };
}
