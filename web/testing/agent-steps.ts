// Test steps as an agent takes them in the window: open an interaction from the list by keyboard,
// Tab to a control, check a screen with axe. For tests only; they never reach into components.

import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { expect } from 'vitest';

/** axe finds nothing on `node` (contrast is left to the e2e tests in real Chromium). */
export async function expectNoAxeViolations(node: Element): Promise<void> {
  const results = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Moves focus with Tab, never the mouse, until it is on `target`. */
export async function tabTo(user: UserEvent, target: HTMLElement): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (document.activeElement === target) return;
    await user.tab();
  }
  throw new Error(`Tab never reached ${target.textContent ?? 'the target'}`);
}

/** Alt+L to the Interactions list (focus lands on the newest row), then Enter on it. */
export async function openByKeyboard(user: UserEvent, number: string): Promise<HTMLElement> {
  const list = screen.getByRole('region', { name: 'Interactions' });
  const row = await within(list).findByRole('button', { name: number });
  await user.keyboard('{Alt>}l{/Alt}');
  expect(document.activeElement).toBe(row);
  await user.keyboard('{Enter}');
  return screen.findByRole('form', { name: `Interaction ${number}` });
}
