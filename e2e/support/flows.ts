// The seeds' steps shared by the e2e files: "How to create an Interaction", logging a contact, the network
// going and coming back. Steps only: they assert what the agent would notice, never how the app stores it.

import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { callerToLookUp, usersNamed } from './demo-directory';
import { type Desk, uniqueText } from './desk';

export interface CreatedInteraction {
  number: string;
  callerName: string;
  shortDescription: string;
}

/**
 * New (Alt+N) → Opened for by three letters, ArrowDown, Enter → contact fields filled from the directory →
 * Type, Component, Assignment group, Short description, Description → Save (Ctrl+S). Keyboard only.
 */
export async function createInteractionByKeyboard(desk: Desk): Promise<CreatedInteraction> {
  const { letters } = callerToLookUp();
  await desk.newInteraction();

  await desk.lookUpCaller(letters, letters);
  const callerName = await desk.pickFirstMatch('Opened for');
  expect(callerName.toLowerCase()).toContain(letters);

  // Contact email and phone come from the directory entry of the caller just picked.
  const email = await pollValue(desk, 'Contact email');
  const phone = await pollValue(desk, 'Contact phone');
  const caller = usersNamed(callerName).find((user) => user.email === email);
  expect(caller, `Contact email ${email} is not the email of any "${callerName}"`).toBeDefined();
  expect(phone).toBe(caller?.phone);

  await desk.choose('Type', 'Walk-in');
  await desk.choose('Component', 'Outlook client');
  await desk.choose('Assignment group', 'Desktop Support');
  const shortDescription = uniqueText('Outlook asks for the password again');
  await desk.typeInto('Short description', shortDescription);
  await desk.typeInto(
    'Description',
    'Came to the counter; Outlook prompts for credentials after every restart.',
  );

  const number = await desk.save();
  return { number, callerName, shortDescription };
}

async function pollValue(desk: Desk, label: 'Contact email' | 'Contact phone'): Promise<string> {
  const field = desk.field(label);
  await expect.poll(() => field.inputValue()).not.toBe('');
  return field.inputValue();
}

/** Quick record for the durability tests: a new interaction with only what a save requires. */
export async function logQuickInteraction(desk: Desk, shortDescription: string): Promise<void> {
  await desk.newInteraction();
  await desk.typeInto('Short description', shortDescription);
}

/** What the agent logs for the second seed's example, and what they type to find it. */
export interface ContactSpec {
  /** Typed into Opened for; the first match is picked. */
  callerLetters: string;
  type: string;
  component: string;
  shortDescription: string;
  description: string;
}

/**
 * Logs a contact by keyboard exactly as `createInteractionByKeyboard` does, for a given caller and
 * component, without an assignment group (the desk has not decided who works it yet). Saved with Ctrl+S.
 */
export async function logContact(desk: Desk, spec: ContactSpec): Promise<CreatedInteraction> {
  await desk.newInteraction();
  await desk.lookUpCaller(spec.callerLetters);
  const callerName = await desk.pickFirstMatch('Opened for');
  await pollValue(desk, 'Contact email');
  await desk.choose('Type', spec.type);
  await desk.choose('Component', spec.component);
  await desk.typeInto('Short description', spec.shortDescription);
  await desk.typeInto('Description', spec.description);
  const number = await desk.save();
  return { number, callerName, shortDescription: spec.shortDescription };
}

/** A real (server) number of any kind: IMS0001001, INC0001201, REQ0001001. */
export const REAL_NUMBER = /^(IMS|INC|REQ)\d{7,12}$/;
/** A provisional number a desk gives a record created offline: INC-P0001. */
export const PROVISIONAL_NUMBER = /^(IMS|INC|REQ)-P\d+$/;

/**
 * Waits until the open interaction has its server number (the heading says "Interaction IMS0001001")
 * and the desk has nothing left to send; answers that number.
 */
export async function waitUntilSynced(desk: Desk, timeout = 20_000): Promise<string> {
  await expect
    .poll(async () => (await desk.formHeading().textContent()) ?? '', { timeout })
    .toMatch(/^Interaction IMS\d{7,12}$/);
  await expect.poll(() => desk.changesNotSynced(), { timeout }).toBe(0);
  return ((await desk.formHeading().textContent()) ?? '').replace(/^Interaction /, '');
}

/** Takes the desk offline the way a pulled cable does, and waits until the mark says so. */
export async function goOffline(desk: Desk, context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await expect.poll(() => desk.syncMark().textContent()).toContain('Offline');
}

/** Gives the desk its network back; the sync engine retries at once. */
export async function goOnline(desk: Desk, context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  await expect.poll(() => desk.syncMark().textContent()).not.toContain('Offline');
}

/**
 * Reloads the page while the context is offline, as an agent does in an outage: the service worker
 * opens the app again. Chromium 150 starts the new document with navigator.onLine true although the
 * context is still offline (Playwright's emulation is not carried over to it), so the emulation is
 * applied again, and the window reads offline as it would on a machine that is.
 */
export async function reloadOffline(page: Page, context: BrowserContext): Promise<void> {
  await page.reload();
  await context.setOffline(false);
  await context.setOffline(true);
}

/**
 * The app's own word that the desk is caught up: the mark says Online (not Syncing) and "Last
 * synced" shows, which it does only once a pull has brought its last page.
 */
export async function waitUntilCaughtUp(desk: Desk, timeout = 30_000): Promise<void> {
  const lastSynced = desk.page.getByText(/^Last synced/);
  await expect
    .poll(
      async () =>
        ((await desk.syncMark().textContent()) ?? '').includes('Online') &&
        (await lastSynced.count()) > 0,
      { timeout, interval: 50 },
    )
    .toBe(true);
}
