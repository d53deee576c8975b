// Launch links at a desk (issue 10): `/#launch=<code>` leaves the address at once; a used or expired
// code says so on Sign in; a link for another agent asks "Switch from A to B?" and Cancel keeps A.
// Needs the desk server's launch codes (POST /api/v1/sessions/launch-codes and /launch).

import { describe, expect, it } from 'vitest';
import { DEMO_AGENT, DEMO_TECHNICIAN, type DemoAccount } from './support/demo-directory';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';
import { DEMO_PASSWORD } from './support/read-api';

const app = useDeskServerApp();
const browser = useBrowser();

/** A launch code for `account`, as `npm start` would put in the address. */
async function launchCodeFor(account: DemoAccount): Promise<string> {
  const base = app.url().replace(/\/$/, '');
  const signIn = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: account.userName, password: DEMO_PASSWORD }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const issued = await fetch(`${base}/api/v1/sessions/launch-codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (issued.status !== 201 && issued.status !== 200)
    throw new Error(`no launch code for ${account.userName}: ${issued.status}`);
  return ((await issued.json()) as { code: string }).code;
}

describe('Launch links', () => {
  it('signs in with a launch link once; the used link says so on Sign in and leaves the address', async (test) => {
    const code = await launchCodeFor(DEMO_AGENT);
    const first = await browser.newPage(test, {}, 'first');
    await first.page.goto(`${app.url()}#launch=${code}`);
    await new Desk(first.page).waitUntilReady(DEMO_AGENT.name);
    expect(first.page.url()).not.toContain('launch=');

    // The same link in another browser profile: used already.
    const second = await browser.newPage(test, {}, 'second');
    await second.page.goto(`${app.url()}#launch=${code}`);
    const desk = new Desk(second.page);
    await desk.signInForm().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => second.page.getByRole('alert').textContent())
      .toContain('This launch link was already used or has expired. Sign in.');
    expect(second.page.url()).not.toContain('launch=');
  });

  it('asks before a link for another agent takes the desk: Cancel keeps the agent, Switch changes', async (test) => {
    const { context, page } = await browser.newPage(test);
    await Desk.signIn(page, app.url(), DEMO_AGENT);

    const ask = async () => {
      const tab = await context.newPage();
      await tab.goto(`${app.url()}#launch=${await launchCodeFor(DEMO_TECHNICIAN)}`);
      const dialog = tab.getByRole('dialog', {
        name: `Switch from ${DEMO_AGENT.name} to ${DEMO_TECHNICIAN.name}?`,
      });
      await dialog.waitFor({ timeout: 60_000 });
      return { tab, dialog };
    };

    const declined = await ask();
    await declined.tab.keyboard.press('Escape');
    await expect.poll(() => declined.dialog.count()).toBe(0);
    await expect.poll(() => new Desk(page).signedInAs(DEMO_AGENT.name).count()).toBe(1);

    const accepted = await ask();
    await accepted.dialog
      .getByRole('button', { name: `Switch to ${DEMO_TECHNICIAN.name}` })
      .click();
    await new Desk(accepted.tab).waitUntilReady(DEMO_TECHNICIAN.name);
    await expect.poll(() => new Desk(page).signedInAs(DEMO_TECHNICIAN.name).count()).toBe(1);
  });
});
