// The shapes every directory upsert shares (a CSV import's and an LDAP sync's rows, counts,
// refusals) and its one audit entry per batch. Never writes a directory row itself.

import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit, type AuditActor } from './audit-log';

export type DirectorySource = 'csv' | 'ldap';
/** The directory version for the next changed row (from writeDirectory). */
export type NextVersion = () => number;

export type UpsertActor = AuditActor;

export interface UpsertContext {
  trx: Transaction<Database>;
  nextVersion: NextVersion;
  source: DirectorySource;
  actor: UpsertActor;
  /** The audit entries' time. */
  now: () => Date;
  /** New rows' ids; random by default. */
  newId?: () => string;
}

/** A user as the source describes it (phones already normalized by the caller). */
export interface DirectoryUser {
  externalKey: string;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  phoneE164: string;
  mobile: string;
  mobileE164: string;
  employeeId: string;
  department: string;
  location: string;
  vip: boolean;
  active: boolean;
  /**
   * The number on the card the walk-up kiosk reads; undefined when the source does not say (the
   * user keeps the one they have), '' to clear it.
   */
  badgeNumber?: string | undefined;
}

export interface DirectoryGroup {
  externalKey: string;
  name: string;
  description: string;
  /** User external keys or user names. */
  members: string[];
}

export interface DirectoryConfigurationItem {
  externalKey: string;
  name: string;
  className: string;
  /** The parent's external key; null for a top item. */
  parentKey: string | null;
  location: string;
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

/** A row the batch could not write, by its place in the batch. */
export interface UpsertRefusal {
  index: number;
  field: string;
  message: string;
}

export interface UpsertResult {
  counts: UpsertCounts;
  refused: UpsertRefusal[];
}

export const emptyCounts = (): UpsertCounts => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  deactivated: 0,
});

const SOURCE_NAMES: Record<DirectorySource, string> = { csv: 'CSV import', ldap: 'LDAP sync' };

/**
 * One audit entry for a whole batch (`users.import` on target `csv`): its counts, never its rows,
 * so 100,000 rows make 50 entries, not 100,000. Nothing changed, nothing recorded.
 */
export async function auditBatch(
  context: UpsertContext,
  kind: 'users' | 'groups' | 'configuration-items',
  result: UpsertResult,
): Promise<void> {
  const { counts } = result;
  if (counts.created + counts.updated + counts.deactivated === 0) return;
  await recordAudit(context.trx, {
    at: context.now(),
    actor: context.actor,
    action: `${kind}.import`,
    targetKind: kind,
    targetId: context.source,
    targetName: SOURCE_NAMES[context.source],
    before: null,
    after: { ...counts, refused: result.refused.length },
  });
}
