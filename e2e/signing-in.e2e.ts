// Signing in to the desk server from the browser build: the first screen painted is Sign in (never the
// demo workspace first); a wrong password is refused and changes nothing; once signed in the desk
// reloads and works offline; signing out is refused while offline, allowed online.

import { describe, expect, it } from 'vitest';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { logQuickInteraction, reloadOffline } from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';
import { DEMO_PASSWORD } from './support/read-api';

const app = useDeskServerApp();
const browser = useBrowser();

describe('Signing in at a desk', () => {
  it('paints Sign in first on a fresh desk: nothing of the workspace, no agent, ever shows before it', async (test) => {
    const { page } = await browser.newPage(test);
    // Every text the page ever showed (innerText: what was visible), from the first DOM change on.
    await page.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shownTexts: string[] }).shownTexts = shown;
      const note = (): void => {
        const text = document.body?.innerText.trim() ?? '';
        if (text !== shown.at(-1)) shown.push(text);
      };
      new MutationObserver(note).observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    });
    await page.goto(app.url());
    const desk = new Desk(page);
    await desk.signInForm().waitFor({ timeout: 60_000 });
    const shown = await page.evaluate(
      () => (window as unknown as { shownTexts: string[] }).shownTexts,
    );
    const signIn = shown.findIndex((text) => text.includes('Sign in'));
    expect(signIn).toBeGreaterThanOrEqual(0);
    expect(shown.slice(0, signIn).filter((text) => text !== '' && text !== 'Starting…')).toEqual(
      [],
    );
    expect(shown.some((text) => text.includes(DEMO_AGENT.name))).toBe(false);
    expect(shown.some((text) => text.includes('New interaction'))).toBe(false);
  });

  it('refuses a wrong password, signs in, and reloads offline still signed in and working', async (test) => {
    const { context, page } = await browser.newPage(test);
    await page.goto(app.url());
    const desk = new Desk(page);
    await desk.signInForm().waitFor({ timeout: 60_000 });

    // A wrong password: said in words, and the desk stays signed out.
    await desk.submitSignIn(DEMO_AGENT.userName, 'not-the-password');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Wrong user name or password');
    expect(await desk.signInForm().count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New interaction' }).count()).toBe(0);

    await desk.submitSignIn(DEMO_AGENT.userName, DEMO_PASSWORD);
    await desk.waitUntilReady(DEMO_AGENT.name);
    await expect.poll(() => desk.signedInAs(DEMO_AGENT.name).count()).toBe(1);

    // Offline after one sign-in: a reload opens the app from its service worker, still signed in.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 15_000,
      })
      .toBe(true);
    await context.setOffline(true);
    await reloadOffline(page, context);
    await desk.waitUntilReady(DEMO_AGENT.name);
    await expect.poll(() => desk.signedInAs(DEMO_AGENT.name).count()).toBe(1);
    await expect.poll(() => desk.syncMark().textContent()).toContain('Offline');
    await logQuickInteraction(desk, uniqueText('Saved offline after a reload'));
    expect(await desk.save()).toMatch(/^IMS-P\d+$/);
    await expect.poll(() => desk.changesNotSynced()).toBe(1);
  });

  it('refuses to sign out offline and says why; back online the work syncs once, and signing out shows the Sign in screen', async (test) => {
    const { context, page } = await browser.newPage(test);
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 15_000,
      })
      .toBe(true);
    // The morning after: the desk opens offline (the store host starts without reaching the server).
    await context.setOffline(true);
    await reloadOffline(page, context);
    await desk.waitUntilReady(DEMO_AGENT.name);
    await expect.poll(() => desk.syncMark().textContent()).toContain('Offline');
    const shortDescription = uniqueText('Saved while signing out was refused');
    await logQuickInteraction(desk, shortDescription);
    await desk.save();
    await expect.poll(() => desk.changesNotSynced()).toBe(1);

    // Offline, signing out would shut the desk until the server is back: the dialog says so and
    // offers only Stay signed in, which has focus (Enter keeps the agent signed in).
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out' });
    await expect
      .poll(() => dialog.textContent())
      .toContain('signing in again needs the desk server');
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Stay signed in']);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await desk.signedInAs(DEMO_AGENT.name).count()).toBe(1);
    expect(await desk.signInForm().count()).toBe(0);

    // Back online: the work saved offline reaches the server, once, with its real number.
    await context.setOffline(false);
    await expect.poll(() => desk.changesNotSynced(), { timeout: 15_000 }).toBe(0);
    const onServer = async () =>
      (await (await app.reader()).interactions()).filter(
        (record) => record.shortDescription === shortDescription,
      );
    expect(await onServer()).toHaveLength(1);
    expect((await onServer())[0]?.number).toMatch(/^IMS\d{7}$/);

    // Online, signing out is allowed and shows the Sign in screen; signing in again duplicates nothing.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect
      .poll(() => dialog.textContent())
      .toContain('Every change saved on this desk has reached the desk server.');
    await dialog.getByRole('button', { name: 'Sign out', exact: true }).click();
    await desk.signInForm().waitFor();
    expect(await page.getByRole('button', { name: 'New interaction' }).count()).toBe(0);
    await desk.submitSignIn(DEMO_AGENT.userName, DEMO_PASSWORD);
    await desk.waitUntilReady(DEMO_AGENT.name);
    await expect.poll(() => desk.changesNotSynced()).toBe(0);
    expect(await onServer()).toHaveLength(1);
  });
});
