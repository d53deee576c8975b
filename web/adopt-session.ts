// Hands the launch code the launcher gave the desktop app (`npm start`: DESKPAD_LAUNCH_CODE) to the
// store host, which exchanges it once for a session. Never logs the code itself.

import type { StoreHostApi } from '../shared/store-api/contract';

export async function launchSession(
  store: Pick<StoreHostApi, 'act'>,
  code: string,
  warn: (message: string) => void,
): Promise<boolean> {
  const answer = await store.act('session.launch', { code });
  if (!answer.ok) warn(`Deskpad: the launcher's session was not taken (${answer.error.message}).`);
  return answer.ok;
}
