// Administration's script (every page of it) is its own chunk, as the Dashboard's is: an agent's
// desk never loads it, an administrator's loads it while the desk is idle (decision 0016), so the
// workspace every agent opens on is that much smaller.

import { laterPart } from '../hooks/prefetch-when-idle';

const administration = laterPart(() => import('./admin-section'));

/** Administration's module, fetched once (again after a failed fetch). */
export const loadAdministration = administration.load;

/** Fetches Administration's chunk when the desk is next idle (or after a second); cancellable. */
export const prefetchAdministration = administration.prefetch;
