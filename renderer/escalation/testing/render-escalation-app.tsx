// Test helper: the whole Deskpad window wired to the fake desk (real mutators, in memory), with
// user-event set up, so the escalation flows are tested the way an agent meets them. Tests only.

import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { DeskpadApp } from '../../app/app';
import type { DeskpadDeps } from '../../app/deskpad-context';
import { createUiState } from '../../app/ui-state';
import {
  createFakeEscalationPort,
  type FakeDesk,
  type FakeStoreHost,
} from './fake-escalation-port';

export interface RenderedEscalationApp extends RenderResult {
  user: UserEvent;
  host: FakeStoreHost;
  deps: DeskpadDeps;
}

export function renderEscalationApp(
  desk: FakeDesk,
  clock: () => Date = () => new Date('2026-11-24T10:00:00.000Z'),
): RenderedEscalationApp {
  let ids = 0;
  const newId = () => `id-${(ids += 1)}`;
  const host = createFakeEscalationPort(desk, clock);
  const deps: DeskpadDeps = { store: host, ui: createUiState(newId), now: clock, newId };
  const user = userEvent.setup();
  return { ...render(<DeskpadApp deps={deps} />), user, host, deps };
}
