// The Integrations operations of Administration: the phone systems that announce calls over the
// generic CTI interface, each with its own secret token (list, create — the token shown once —
// and revoke). Shapes only; never touches a database, never holds a token's hash.

import { z } from 'zod';
import { API_PREFIX } from '../sync/server-api';
import { RecordId } from './admin-fields';
import { adminOperation } from './operation';

export const IntegrationView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.literal('cti'),
  /** The location whose block list and wrap-up codes its calls use; null for none. */
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  /** Who created it, as the audit log names them. */
  createdBy: z.string(),
  createdAt: z.string(),
  /** When the phone system last announced a call with it; null when never. */
  lastUsedAt: z.string().nullable(),
  /** When it was revoked (its token stopped working); null while it is live. */
  revokedAt: z.string().nullable(),
});
export type IntegrationView = z.infer<typeof IntegrationView>;

export const IntegrationName = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, { error: 'Enter a name, like the phone system it is for.' })
  .max(100, { error: 'Keep the name under 100 characters.' });

export const IntegrationListInput = z.strictObject({
  includeRevoked: z.boolean().default(true),
});

export const IntegrationCreateInput = z.strictObject({
  name: IntegrationName,
  /** Its location's id; null or absent: none. */
  locationId: RecordId.nullable().default(null),
});

export const IntegrationRevokeInput = z.strictObject({ id: RecordId });

/** What creating one answers: the only time its token is ever shown. */
export const IntegrationCreated = z.object({
  integration: IntegrationView,
  token: z.string(),
  /** The whole address to paste into the phone system. */
  endpointUrl: z.string(),
});
export type IntegrationCreated = z.infer<typeof IntegrationCreated>;

/** The generic CTI endpoint for a token, on the server at `serverUrl` (https://desk.example.org). */
export function ctiEndpointUrl(serverUrl: string, token: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${API_PREFIX}/cti/${token}`;
}

export const INTEGRATION_OPERATIONS = {
  'integrations.list': adminOperation(
    'integrations.list',
    IntegrationListInput,
    z.object({ integrations: z.array(IntegrationView) }),
  ),
  'integrations.create': adminOperation(
    'integrations.create',
    IntegrationCreateInput,
    IntegrationCreated,
  ),
  'integrations.revoke': adminOperation(
    'integrations.revoke',
    IntegrationRevokeInput,
    z.object({ integration: IntegrationView }),
  ),
} as const;
