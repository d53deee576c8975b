// A CTI integration's token: the secret in the phone system's URL (`POST /api/v1/cti/{token}`).
// Only its hash is stored (integrations.token_hash); Administration shows the token once. The
// admin side makes tokens here and the endpoint looks them up by the same hash.

import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of the token as lowercase hex: what integrations.token_hash holds. */
export const hashIntegrationToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token: 32 random bytes, base64url (43 characters, safe in a URL path). */
export const newIntegrationToken = (): string => randomBytes(32).toString('base64url');
