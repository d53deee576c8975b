// Go to anything (Ctrl+G) as the e2e tests drive it: open it, type, read its status line and its
// groups — the desk's own records, and the server's history under its own heading.

import type { Locator } from 'playwright-core';
import type { Desk } from './desk';

/** What the box says offline of a number or words the desk does not hold. */
export const NOT_ON_THIS_DESK =
  'Older records are not on this desk — connect to search the history.';
/** The heading of the server's hits (online only). */
export const HISTORY_GROUP = 'From the server (history)';

export const goToBox = (desk: Desk): Locator => desk.dialog('Go to anything');
export const goToStatus = (desk: Desk): Locator => goToBox(desk).getByRole('status').first();

/** Ctrl+G and `text` typed into the box. */
export async function openGoTo(desk: Desk, text: string): Promise<void> {
  await desk.key('Control+g');
  await goToBox(desk).getByRole('combobox').waitFor();
  await desk.typeKeys(text);
}

/** Escape, and the box is gone. */
export async function closeGoTo(desk: Desk): Promise<void> {
  await desk.key('Escape');
  await goToBox(desk).waitFor({ state: 'hidden' });
}

/** The box's group of the desk's own interactions, or of the server's history. */
export const goToGroup = (desk: Desk, name: 'Interactions' | typeof HISTORY_GROUP): Locator =>
  goToBox(desk).getByRole('group', { name });
