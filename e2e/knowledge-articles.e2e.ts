// Issue 16 item 4 end to end, by keyboard: an administrator publishes a printer article on the desk
// server; the agent's desk receives it with its directory, goes offline (a reload in the outage
// too), logs a caller whose printer smudges, opens the suggested article with Alt+1 and closes the
// interaction with Resolved with this, having marked it Helpful; back online it syncs, Closed
// Complete with the note, and the author sees the verdict and the resolution. axe-clean.

import { expect, it } from 'vitest';
import type { KnowledgeAdminView } from '../shared/admin/knowledge';
import { DEMO_PRINTER_EXAMPLE } from '../shared/demo/incident-generator';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk } from './support/desk';
import { goOnline, reloadOffline } from './support/flows';
import { useBrowser, useDeskServerApp } from './support/harness';
import { adminCall, signInApi } from './support/walk-up-server';

const app = useDeskServerApp();
const browser = useBrowser();

const ARTICLE = {
  id: 'kb-printer-smudges',
  title: 'Printer smudges every page',
  body: '## Clean the fuser\n1. Switch the printer off.\n2. Print the **cleaning page** from the menu.',
  keywords: ['toner', 'streaks'],
  ciClasses: ['Printer'],
  validUntil: null,
};

/** The knowledge articles the desk's database holds (read in the page, as the store host wrote them). */
async function articlesOnDesk(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('deskpad');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(String(request.error)));
  });
  try {
    if (!db.objectStoreNames.contains('knowledgeArticles')) return [];
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = db
        .transaction('knowledgeArticles')
        .objectStore('knowledgeArticles')
        .getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    return keys.map(String);
  } finally {
    db.close();
  }
}

it('solves the printer problem with an article, offline, by keyboard', async (test) => {
  const admin = await signInApi(app.url(), 'demo.admin');
  await adminCall(admin, 'knowledge.save', ARTICLE);
  await adminCall(admin, 'knowledge.submit', { id: ARTICLE.id });
  await adminCall(admin, 'knowledge.publish', { id: ARTICLE.id });

  const { context, page } = await browser.newPage(test, { bypassCSP: true }, 'agent');
  const agent = await Desk.signIn(page, app.url(), DEMO_AGENT);
  // Signed in, the desk downloads the server's directory, the published article with it.
  await expect.poll(() => page.evaluate(articlesOnDesk), { timeout: 30_000 }).toContain(ARTICLE.id);
  // The service worker opens the app again in the outage once it controls the page.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 15_000,
    })
    .toBe(true);
  await context.setOffline(true);
  await reloadOffline(page, context);
  await agent.waitUntilReady(DEMO_AGENT.name);
  await expect.poll(() => agent.syncMark().textContent()).toContain('Offline');

  await agent.newInteraction();
  await agent.lookUpCaller(DEMO_PRINTER_EXAMPLE.caller.userName);
  await agent.pickFirstMatch('Opened for');
  await agent.choose('Component', DEMO_PRINTER_EXAMPLE.printer.name);
  await agent.typeInto('Short description', 'printer smudges');
  const panel = page.getByRole('region', { name: 'Knowledge' });
  await panel.getByRole('button', { name: ARTICLE.title }).waitFor();
  expect(await panel.getByRole('button').first().textContent()).toBe(ARTICLE.title);
  await expectNoAxeViolations(page, 'the form with knowledge suggestions');

  await page.keyboard.press('Alt+1');
  const dialog = page.getByRole('dialog', { name: ARTICLE.title });
  await dialog.getByRole('heading', { name: 'Clean the fuser' }).waitFor();
  await expectNoAxeViolations(page, 'an opened knowledge article');
  // Helpful, offline: back from Attach over Outdated and Not helpful.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await dialog.getByText('You marked this helpful.').waitFor();
  await expectNoAxeViolations(page, 'an article rated helpful');
  await page.screenshot({ path: 'test-results/knowledge-article-rated.png' });
  // On over Not helpful, Outdated and Attach to Resolved with this.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await agent.waitForState('Closed Complete');
  expect(await agent.syncMark().textContent()).toContain('Offline');

  await goOnline(agent, context);
  await expect.poll(() => agent.changesNotSynced(), { timeout: 20_000 }).toBe(0);
  const heading = await agent.formHeading().textContent();
  await expect
    .poll(async () => (await agent.formHeading().textContent()) ?? '', { timeout: 20_000 })
    .toMatch(/^Interaction IMS\d{7,12}$/);
  const number = ((await agent.formHeading().textContent()) ?? heading ?? '').replace(
    /^Interaction /,
    '',
  );
  const record = await (await app.reader()).interaction(number);
  expect(record).toMatchObject({ state: 'Closed Complete' });
  expect(record?.workNotes.map((n) => n.text)).toEqual([
    `Resolved with knowledge article ${ARTICLE.id} (revision 1): ${ARTICLE.title}`,
  ]);
  // The author sees the verdict given offline and the resolution.
  const view = await adminCall<KnowledgeAdminView>(admin, 'knowledge.get', { id: ARTICLE.id });
  expect(view.feedback).toMatchObject({ helpful: 1, notHelpful: 0, outdated: 0, resolutions: 1 });
});
