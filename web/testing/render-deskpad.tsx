// Test helper: renders the whole Deskpad window, or one part of it, on a given store host, with
// user-event set up, the way an agent meets it. For tests only; never used by the app.

import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { DeskpadApp } from '../../renderer/app/app';
import { DeskpadContext, type DeskpadDeps } from '../../renderer/app/deskpad-context';
import { createUiState } from '../../renderer/app/ui-state';
import { Workspace } from '../../renderer/app/workspace';

export interface RenderedDeskpad extends RenderResult {
  user: UserEvent;
  deps: DeskpadDeps;
}

// The store host answers through IndexedDB (fake-indexeddb): on a busy two-core machine running
// test files side by side, an answer can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

/** For store-backed component tests: user-event typing in jsdom is slow when the machine is busy. */
export const STORE_TEST_TIMEOUT_MS = 30_000;

let ids = 0;

type Overrides = Partial<Omit<DeskpadDeps, 'store' | 'ui'>>;

function depsOf(store: StoreHostApi, overrides: Overrides): DeskpadDeps {
  const newId = overrides.newId ?? (() => `test-${Date.now().toString(36)}-${(ids += 1)}`);
  return {
    store,
    ui: createUiState(newId),
    now: overrides.now ?? (() => new Date()),
    newId,
    ...(overrides.storage ? { storage: overrides.storage } : {}),
    ...(overrides.launch ? { launch: overrides.launch } : {}),
    ...(overrides.setupCode ? { setupCode: overrides.setupCode } : {}),
    ...(overrides.onFirstScreenDrawn ? { onFirstScreenDrawn: overrides.onFirstScreenDrawn } : {}),
    ...(overrides.onScreenShown ? { onScreenShown: overrides.onScreenShown } : {}),
    // Most tests meet the workspace at once, as before; the first screen's own tests say false.
    showBeforeSession: overrides.showBeforeSession ?? true,
    // On the first render, as the tests expect; the app's own lazy load is the e2e suite's.
    workspace: overrides.workspace ?? Workspace,
  };
}

export function renderDeskpad(store: StoreHostApi, overrides: Overrides = {}): RenderedDeskpad {
  const deps = depsOf(store, overrides);
  const user = userEvent.setup();
  return { ...render(<DeskpadApp deps={deps} />), user, deps };
}

/** One part of the window (a dialog, a panel, a list) on the store host, outside the app. */
export function renderOnDesk(
  store: StoreHostApi,
  ui: ReactNode,
  overrides: Overrides = {},
): RenderedDeskpad {
  const deps = depsOf(store, overrides);
  const user = userEvent.setup();
  return {
    ...render(<DeskpadContext.Provider value={deps}>{ui}</DeskpadContext.Provider>),
    user,
    deps,
  };
}
