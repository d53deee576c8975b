// The seed's "How to create an Interaction", as steps shared by the e2e files.
// Steps only: they assert what the agent would notice on the way, never how the app stores it.

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

  await desk.lookUpCaller(letters);
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
