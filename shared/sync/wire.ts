// The building blocks every sync and server-API shape is made of: limits, ids, cursors, times,
// the error reason and the interaction record. Depends on the domain only, never on the store API.

import { z } from 'zod';
import { Incident } from '../domain/incident';
import { Interaction } from '../domain/interaction';
import { Request } from '../domain/request';
import type { StoreError } from '../domain/result';

/** Bounds the server holds the desks to; a desk splits its outbox into pushes of this size. */
export const SYNC_LIMITS = {
  mutationsPerPush: 200,
  /**
   * Records per pull answer, all kinds together: a desk back after days offline gets few large
   * pages. The desk stores closed records a hundred to a row (ADR 0020, "Packs"), so a page's size
   * is the server's cost per pull: 5,000 took a week's catch-up from 17 pulls to 7 (about 4 MB of
   * JSON each before compression). A caught-up desk's pull brings what changed since, far fewer.
   */
  recordsPerPull: 5000,
  /** Records per page of a first sync's snapshot (one kind a page): a few large pages, not hundreds. */
  recordsPerSnapshotPage: 2000,
  refusalsPerPull: 1000,
  directoryPageDefault: 1000,
  directoryPageMax: 5000,
  /**
   * How deeply a pushed mutation's args may nest. The store's commands need three or four
   * levels; deeper JSON is refused whole, before anything parses, digests or stores it (the
   * database's jsonb and any recursive walk have limits of their own).
   */
  argsDepth: 32,
} as const;

/** One desk installation. `crypto.randomUUID()` fits. */
export const ClientId = z
  .string()
  .min(1, 'clientId is required.')
  .max(64, 'clientId can be at most 64 characters.')
  .regex(/^[A-Za-z0-9._:-]+$/, 'clientId may contain letters, digits and . _ : - only.');
export type ClientId = z.infer<typeof ClientId>;

/** Strictly increasing by one per client, starting at 1. */
export const MutationId = z
  .int('mutationId must be a whole number.')
  .min(1)
  .max(Number.MAX_SAFE_INTEGER);

/**
 * Where a desk is in the server's change stream. Opaque: a desk stores it and sends it back,
 * never compares or builds one. `null` means "from the beginning".
 */
export const SyncCursor = z.string().min(1).max(100);
export type SyncCursor = z.infer<typeof SyncCursor>;

/**
 * An ISO date and time with its offset, in the range a database can hold (zod alone accepts
 * year 0000, which no calendar has).
 */
export const IsoTimestamp = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} must be an ISO date and time.` })
    .refine((v) => !v.startsWith('0000'), `${name} must be a date after the year 0.`);

export const StoreErrorShape = z.object({
  code: z.enum([
    'invalid-input',
    'not-found',
    'rule',
    'conflict',
    'not-permitted',
    'unknown-operation',
    'not-ready',
    'internal',
  ]),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<StoreError>;

/** An interaction as the server holds it: the same shape the desk stores, with its real number. */
export const InteractionRecord = Interaction;
export type InteractionRecord = z.infer<typeof InteractionRecord>;

/** Incidents and requests travel the same way (docs/decisions/0006). */
export const IncidentRecord = Incident;
export type IncidentRecord = z.infer<typeof IncidentRecord>;
export const RequestRecord = Request;
export type RequestRecord = z.infer<typeof RequestRecord>;

/**
 * Whether `value` has objects or arrays nested more than `levels` deep (`{}` and `[]` are one
 * level). Walks without recursion and stops at the first level too many, so any input is safe.
 */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  const pending: { item: unknown; depth: number }[] = [{ item: value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { item, depth } = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= levels) return true;
    for (const child of Object.values(item)) pending.push({ item: child, depth: depth + 1 });
  }
  return false;
}
