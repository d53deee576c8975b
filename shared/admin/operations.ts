// Every administrative operation, by name: each area of Administration adds its record here with
// one spread line. The server registers handlers by these; the store host forwards only these.

import type { z } from 'zod';
import type { AdminOperation } from './operation';
import { AGENTS_OPERATIONS } from './agents';
import { IMPORT_OPERATIONS } from './import';
import { LDAP_OPERATIONS } from './ldap';
import { AUDIT_OPERATIONS } from './audit';
import { CONFIGURATION_ITEM_OPERATIONS } from './configuration-items';
import { GROUP_OPERATIONS } from './groups';
import { LOCATION_OPERATIONS } from './locations';
import { CATALOG_OPERATIONS } from './catalog';
import { KNOWLEDGE_OPERATIONS } from './knowledge';
import { EXPORT_OPERATIONS } from './export';
import { INTEGRATION_OPERATIONS } from './integrations';
import { PHONE_QUEUE_OPERATIONS } from './phone-queues';
import { TEMPLATE_OPERATIONS } from './templates';
import { OVERVIEW_OPERATIONS } from './overview';
import { SYNC_SCOPE_OPERATIONS } from './sync-scope';

export const ADMIN_OPERATIONS = {
  ...OVERVIEW_OPERATIONS,
  ...AGENTS_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...LDAP_OPERATIONS,
  ...GROUP_OPERATIONS,
  ...CONFIGURATION_ITEM_OPERATIONS,
  ...LOCATION_OPERATIONS,
  ...AUDIT_OPERATIONS,
  ...CATALOG_OPERATIONS,
  ...KNOWLEDGE_OPERATIONS,
  ...EXPORT_OPERATIONS,
  ...INTEGRATION_OPERATIONS,
  ...PHONE_QUEUE_OPERATIONS,
  ...TEMPLATE_OPERATIONS,
  ...SYNC_SCOPE_OPERATIONS,
} as const satisfies Record<string, AdminOperation>;

type Operations = typeof ADMIN_OPERATIONS;
export type AdminOperationName = Extract<keyof Operations, string>;
export type AdminInput<N extends AdminOperationName> = z.input<Operations[N]['input']>;
export type AdminOutput<N extends AdminOperationName> = z.output<Operations[N]['output']>;

/** The operation of this name, or undefined for a name nobody registered. */
export function findAdminOperation(name: string): AdminOperation | undefined {
  return Object.hasOwn(ADMIN_OPERATIONS, name)
    ? (ADMIN_OPERATIONS as Record<string, AdminOperation>)[name]
    : undefined;
}
