// Steps for the banner's progress bars (the directory download, a first sync by snapshot): a
// signed-in desk per test, its form, and a bar read as a screen reader hears it. For tests only.

import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, expect } from 'vitest';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { openTestStore } from './open-test-store';
import { renderDeskpad } from './render-deskpad';
import { createSyncDouble, signedInAs, testAgent, type SyncDouble } from './sync-double';

/** A fresh test store per test, with a signed-in sync double over it; answers the current double. */
export function signedInDeskPerTest(): () => SyncDouble {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let desk: SyncDouble;
  beforeEach(async () => {
    store = await openTestStore();
    desk = createSyncDouble(store, { session: signedInAs(testAgent()) });
  });
  afterEach(async () => {
    await store.close();
  });
  return () => desk;
}

/** Renders the desk on `api` and waits for its form: the user and the Short description field. */
export async function renderDeskForm(
  api: StoreHostApi,
): Promise<{ user: UserEvent; short: HTMLInputElement }> {
  const { user } = renderDeskpad(api);
  const short = await screen.findByLabelText<HTMLInputElement>('Short description', {
    exact: true,
  });
  return { user, short };
}

/** Waits for the bar named `name`, at `value` of `max` and described by `text`; answers it. */
export async function expectProgressBar(
  name: string,
  value: number,
  max: number,
  text: string,
): Promise<HTMLElement> {
  const bar = await screen.findByRole('progressbar', { name });
  expect(bar.getAttribute('value')).toBe(String(value));
  expect(bar.getAttribute('max')).toBe(String(max));
  const described = document.getElementById(bar.getAttribute('aria-describedby') ?? '');
  expect(described?.textContent).toBe(text);
  return bar;
}

/** The form takes typing while a bar shows: the work never waits for it. */
export async function expectFormUsable(
  user: UserEvent,
  short: HTMLInputElement,
  text: string,
): Promise<void> {
  await user.type(short, text);
  expect(short.value).toBe(text);
}
