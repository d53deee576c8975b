// How a window's live queries cross its port: one listener for all of them, answers in batches.
// The store host serves this beside StoreHostApi (electron/store/serve.ts); the renderer's store
// client uses it (renderer/store-client.ts). Decision 0016's addendum says why.

import type { StoreResult } from '../domain/result';

/** Answers of live queries, by the id the window gave each when it asked to watch it. */
export type LiveBatch = readonly (readonly [id: number, result: StoreResult<unknown>])[];

/**
 * A window's live queries over one channel: `live` gives the one listener (a Comlink proxy, so
 * one MessagePort for every query instead of two per query), `watch` starts a query under an id
 * the window chose, `unwatch` ends it. Answers the host has ready together come as one batch, so
 * the window takes them in one task and renders once.
 */
export interface LiveChannel {
  live(listener: (batch: LiveBatch) => void): Promise<void>;
  watch(id: number, name: string, input: unknown): Promise<void>;
  unwatch(id: number): Promise<void>;
}
