// The Audit log's one operation: administrative changes newest first, filtered by actor, action,
// target and date, a page at a time (keyset). Shapes only; never touches a database.

import { z } from 'zod';
import { adminOperation } from './operation';
import { SearchText } from './admin-fields';

export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetKind: z.string(),
  targetId: z.string(),
  targetName: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

const Instant = z.iso.datetime({
  offset: true,
  error: 'Give a date and time, such as 2026-12-01T09:00:00Z.',
});

export const AUDIT_PAGE_LIMIT = 100;

export const AuditListInput = z
  .strictObject({
    /** Part of the actor's name, or their exact id. */
    actor: SearchText.default(''),
    /** An action ('group.add-member') or its start ('group'). */
    action: SearchText.default(''),
    targetKind: SearchText.default(''),
    /** Part of the target's name, or its exact id. */
    target: SearchText.default(''),
    from: Instant.optional(),
    to: Instant.optional(),
    /** The `next` of the previous page. */
    before: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_LIMIT).default(50),
  })
  .refine(
    (v) => v.from === undefined || v.to === undefined || Date.parse(v.from) <= Date.parse(v.to),
    {
      error: 'The start of the date range is after its end.',
      path: ['from'],
    },
  );

export const AUDIT_OPERATIONS = {
  'audit.list': adminOperation(
    'audit.list',
    AuditListInput,
    z.object({ entries: z.array(AuditEntryView), next: z.string().nullable() }),
  ),
} as const;
