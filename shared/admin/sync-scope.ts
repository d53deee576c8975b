// The sync scope's administrator settings (ADR 0020): N, the days of recent history every desk
// holds, and the storage ceiling desks evict down to. Shapes only; the server keeps them.

import { z } from 'zod';
import { adminOperation } from './operation';

export const SyncScopeSettings = z.strictObject({
  recentDays: z
    .int('Recent days must be a whole number of days.')
    .min(1, 'Recent days must be at least 1.')
    .max(3650, 'Recent days can be at most 3650 (ten years).'),
  ceilingMb: z
    .int('The storage ceiling must be a whole number of MB.')
    .min(50, 'The storage ceiling must be at least 50 MB: the open work alone needs room.')
    .max(20_000, 'The storage ceiling can be at most 20000 MB.'),
});
export type SyncScopeSettings = z.infer<typeof SyncScopeSettings>;

export const SYNC_SCOPE_OPERATIONS = {
  'sync-scope.get': adminOperation('sync-scope.get', z.strictObject({}), SyncScopeSettings),
  'sync-scope.save': adminOperation('sync-scope.save', SyncScopeSettings, SyncScopeSettings),
} as const;
