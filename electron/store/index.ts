// The store host's public face: open it, serve it on a port. Everything else in this folder is
// internal; windows never import it (they talk to the host through shared/store-api).

export {
  DEFAULT_DB_NAME,
  failedStoreHost,
  openFailure,
  openStoreHost,
  startStoreHost,
  type StoreHost,
  type StoreHostOptions,
} from './store-host';
export { serveStoreHost, type ServedPort } from './serve';
export { NewerDatabaseError, SCHEMA_VERSION } from './db';
export type { SyncOptions, LockManagerLike, Timers } from './sync/sync-engine';
export { FIRST_SYNC_WAIT_MS } from './sync/sync-engine';
export { consoleSink, createLogger, type Logger, type LogLine } from './logger';
