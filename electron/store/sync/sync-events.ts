// What the sync engine tells the store host that owns it, as typed events (the host listens with
// `engine.events.on(name, …)`). Never a request: the engine goes on whatever a listener does.

import type { Incident } from '../../../shared/domain/incident';
import type { ProgressEvent } from '../directory-store';
import type { LoadedDirectory } from '../loaded-directory';

export interface SyncEvents {
  /** Sync status or session changed: live queries of them should answer again. */
  'status-changed': undefined;
  /** The stored clientId changed (a client-conflict, here or in another host). */
  'client-id-changed': string;
  /** The signed-in agent changed: the host acts as this agent from now on. */
  'agent-changed': string;
  /** A directory download finished with changes: the host answers from it from now on. */
  'directory-replaced': LoadedDirectory;
  /** Another host of this installation stored a new directory: load it from IndexedDB. */
  'directory-stored-elsewhere': undefined;
  /**
   * A pull is catching up, many pages in a row (true), or has finished (false): the host holds its
   * whole-desk queries meanwhile (LiveQueries.hold).
   */
  'catching-up': boolean;
  /** Directory download progress, for the windows. */
  progress: ProgressEvent;
  /** A pull wrote incidents (committed): the host's Find existing incidents index takes them. */
  'incidents-written': {
    incidents: readonly Incident[];
    revision: number;
    removedIds: readonly string[];
  };
}
