// Where the focus is when the desk opens (decision 0016): the caller lookup, placed after the desk's
// first frame while the agent has not acted yet, and never taken from something else that has it.
// A file of its own: the agent's first input anywhere in a file's tests changes the rule for the rest.

import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { agentHasActed } from '../hooks/agent-acted';
import { storeForEachTest } from '../../web/testing/open-test-store';
import { STORE_TEST_TIMEOUT_MS, renderDeskpad } from '../../web/testing/render-deskpad';

const store = storeForEachTest();
afterEach(() => {
  document.body.replaceChildren();
});

const frames = (count: number) =>
  act(async () => {
    for (let i = 0; i < count; i += 1) {
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    }
  });

describe('the focus as the desk opens', { timeout: STORE_TEST_TIMEOUT_MS }, () => {
  it('lands in Opened for once the desk has drawn, with the agent not yet acting', async () => {
    renderDeskpad(store());
    const lookup = await screen.findByRole('combobox', { name: 'Opened for' });
    expect(agentHasActed()).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(lookup));
  });

  it('stays where it is when something else took it before the desk drew', async () => {
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Another part of the page';
    document.body.append(elsewhere);
    elsewhere.focus();
    renderDeskpad(store());
    await screen.findByRole('combobox', { name: 'Opened for' });
    await frames(3);
    expect(agentHasActed()).toBe(false);
    expect(document.activeElement).toBe(elsewhere);
  });
});
