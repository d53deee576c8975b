// Test helper: renders the whole Deskpad window on a given store host, with user-event set up, the
// way an agent meets it. For tests only; never used by the app.

import { configure, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { DeskpadApp } from '../../renderer/app/app';
import type { DeskpadDeps } from '../../renderer/app/deskpad-context';
import { createUiState } from '../../renderer/app/ui-state';

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

export function renderDeskpad(
  store: StoreHostApi,
  overrides: Partial<Omit<DeskpadDeps, 'store' | 'ui'>> = {},
): RenderedDeskpad {
  const newId = overrides.newId ?? (() => `test-${Date.now().toString(36)}-${(ids += 1)}`);
  const deps: DeskpadDeps = {
    store,
    ui: createUiState(newId),
    now: overrides.now ?? (() => new Date()),
    newId,
  };
  const user = userEvent.setup();
  return { ...render(<DeskpadApp deps={deps} />), user, deps };
}
