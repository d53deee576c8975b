// The window's dependencies (store host, UI state, clock, id generator) handed down through React
// context, so a test passes its own. Never creates them: mount.tsx and the tests do.

import { createContext, useContext, type ComponentType } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { StoreResult } from '../../shared/domain/result';
import type { SessionState, StoreHostApi } from '../../shared/store-api/contract';
import type { StoragePersistenceSource } from '../storage/storage-persistence';
import type { UiState } from './ui-state';
import type { WorkspaceProps } from './workspace';

export interface DeskpadDeps {
  store: StoreHostApi;
  ui: StoreApi<UiState>;
  /** The desk's clock, for "opened 5 min ago" and handle times shown while a record is open. */
  now: () => Date;
  /** Record and work-note ids, chosen when the form opens so a retried save is one record. */
  newId: () => string;
  /** Whether the browser keeps the database (browser build only; absent in Electron and tests). */
  storage?: StoragePersistenceSource;
  /**
   * A launch link's code being exchanged for a session (`/#launch=`), started once per page by
   * mount.tsx: the first screen waits for it, and Sign in says why when it was refused.
   */
  launch?: Promise<StoreResult<SessionState>>;
  /** A setup link's code (`/#setup=`): a signed-out desk offers "Create the first administrator". */
  setupCode?: string;
  /**
   * Show the workspace before the session is known, as Deskpad did before issue 10. Only the
   * component tests of other parts set it (their store host answers within the test anyway); the
   * app never does: its first screen waits for the session (app.tsx, FirstScreen).
   */
  showBeforeSession?: boolean;
  /**
   * The workspace itself, for component tests that need it on the first render; the app leaves it
   * out and loads the workspace's script once a desk is signed in (app.tsx).
   */
  workspace?: ComponentType<WorkspaceProps>;
  /**
   * Called once, after the frame that drew the window's first screen (Sign in or the desk): the
   * page's work that must not compete with it (the browser build's service worker) starts then.
   */
  onFirstScreenDrawn?: () => void;
  /**
   * Called with each screen the window shows, Sign in (or an account screen before the desk) or
   * the desk: the browser build keeps the last for its next start (web/last-screen.ts).
   */
  onScreenShown?: (screen: ShownScreen) => void;
}

/** What the window shows once its first screen is decided. */
export type ShownScreen = 'sign-in' | 'desk';

export const DeskpadContext = createContext<DeskpadDeps | null>(null);

export function useDeskpad(): DeskpadDeps {
  const deps = useContext(DeskpadContext);
  if (!deps) throw new Error('Deskpad components must be rendered inside <DeskpadApp>.');
  return deps;
}

export const useStoreHost = (): StoreHostApi => useDeskpad().store;

export function useUi<T>(select: (state: UiState) => T): T {
  return useStore(useDeskpad().ui, select);
}
