// The fingerprint of one pushed mutation: SHA-256 of its name, args, time and claimed actor in a
// canonical JSON (keys sorted), so the same mutation always gives the same digest. Pure.

import { createHash } from 'node:crypto';
import type { PushedMutation } from '../../shared/sync/protocol';

/** JSON with object keys in sorted order at every depth; `undefined` members left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${members.join(',')}}`;
}

/** Two pushes of the same outbox entry give the same digest; any other mutation, another one. */
export function mutationDigest(mutation: PushedMutation): string {
  const { name, args, at, actorId } = mutation;
  return createHash('sha256')
    .update(canonicalJson({ name, args: args ?? null, at, actorId }))
    .digest('base64url');
}
