// Administration's script (every page of it) is its own chunk, as the Dashboard's is: an agent's
// desk never loads it, an administrator's loads it while the desk is idle (decision 0016), so the
// workspace every agent opens on is that much smaller.

import type * as AdminSectionExports from './admin-section';
import { prefetchWhenIdle } from '../hooks/prefetch-when-idle';

type AdminSectionModule = typeof AdminSectionExports;

let loading: Promise<AdminSectionModule> | null = null;

/** Administration's module, fetched once (again after a failed fetch). */
export const loadAdministration = (): Promise<AdminSectionModule> =>
  (loading ??= import('./admin-section').catch((error: unknown) => {
    loading = null;
    throw error;
  }));

/** Fetches Administration's chunk when the desk is next idle (or after a second); cancellable. */
export const prefetchAdministration = (): (() => void) => prefetchWhenIdle(loadAdministration);
