// Hands a session token the launcher obtained (`npm start` signs the demo agent in) to the store
// host, which checks it with the desk server before keeping it. Never logs the token itself.

import type { StoreHostApi } from '../shared/store-api/contract';

export async function adoptSession(
  store: Pick<StoreHostApi, 'act'>,
  token: string,
  warn: (message: string) => void,
): Promise<boolean> {
  const answer = await store.act('session.adopt', { token });
  if (!answer.ok)
    warn(
      `Deskpad: the session from the launcher was not taken (${answer.error.message}); sign in instead.`,
    );
  return answer.ok;
}
