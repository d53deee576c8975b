// My day on the agent's desk: the agent's own figures for today from the real store host, moving
// as they log and close interactions, with no axe violations.

import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateInteractionArgs } from '../../shared/domain/interaction';
import { expectNoAxeViolations } from '../../web/testing/agent-steps';
import { openTestStore } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';
import { myDayItems } from './my-day';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;
let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => {
  await store.close();
});

const base: Omit<CreateInteractionArgs, 'id' | 'shortDescription'> = {
  openedFor: null,
  contactEmail: '',
  contactPhone: '',
  type: 'Phone',
  component: null,
  assignmentGroup: null,
  assignedTo: null,
  description: '',
};

async function command(name: 'interaction.create' | 'interaction.close', args: object) {
  // The test's own calls: the store validates them as it would a window's.
  const done = await store.command(name, args as never);
  if (!done.ok) throw new Error(done.error.message);
}

const figure = (region: HTMLElement, label: string): string => {
  const term = within(region).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
};

describe('My day', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('shows the agent’s own day and moves as they log and close', async () => {
    renderDeskpad(store);
    const region = await screen.findByRole('region', { name: 'My day' });
    await waitFor(() => expect(figure(region, 'Logged')).toBe('0'));
    expect(figure(region, 'First-contact resolution')).toBe('—');

    await command('interaction.create', { ...base, id: 'a', shortDescription: 'Printer jam' });
    await command('interaction.create', { ...base, id: 'b', shortDescription: 'VPN' });
    await command('interaction.close', { id: 'a', state: 'Closed Complete' });
    await waitFor(() => expect(figure(region, 'Closed')).toBe('1'));
    expect(figure(region, 'Logged')).toBe('2');
    // One closed, nothing created from it: 100 % first-contact resolution.
    expect(figure(region, 'First-contact resolution')).toBe('100 %');
    await expectNoAxeViolations(region);
  });

  it('words the figures: shares as percentages, handle time as a duration, nothing as a dash', () => {
    const items = myDayItems({
      day: '2026-11-23',
      timeZone: 'UTC',
      interactionsLogged: 4,
      closed: 3,
      firstContactResolution: 1 / 3,
      medianHandleSeconds: 245,
      callsAnswered: 2,
      visitsServed: 0,
    });
    expect(items.map((i) => `${i.label}: ${i.value}`)).toEqual([
      'Logged: 4',
      'Closed: 3',
      'First-contact resolution: 33 %',
      'Median handle time: 4 min 05 s',
      'Calls answered: 2',
      'Visits served: 0',
    ]);
  });
});
