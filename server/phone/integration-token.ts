// A CTI integration's secret: a new token (32 random bytes, base64url) and the hash the server
// keeps of it (SHA-256, hex). Never stores, logs or compares a token itself.

import { createHash, randomBytes } from 'node:crypto';

/** The token an administrator pastes into the phone system; shown once, never stored. */
export function newIntegrationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the integrations table keeps and the CTI endpoint looks the token up by. */
export function hashIntegrationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
