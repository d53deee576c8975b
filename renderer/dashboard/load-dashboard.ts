// The Dashboard's script (its charts' library with it) is its own chunk: a desk never loads it
// until a manager or admin is signed in, and then loads it while the desk is idle, so the first
// opening draws at once instead of waiting for the download (issue 14: first render ≤ 1 s).

import { laterPart } from '../hooks/prefetch-when-idle';

const dashboard = laterPart(() => import('./dashboard-section'));

/** The Dashboard's module, fetched once (again after a failed fetch). */
export const loadDashboard = dashboard.load;

/** Fetches the Dashboard's chunk when the desk is next idle (or after a second); cancellable. */
export const prefetchDashboard = dashboard.prefetch;
