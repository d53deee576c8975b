// Issues 15 and 16, older records on demand, on a real desk server in Chromium: two interactions
// this desk no longer holds (dropped from its database, as bounded storage will drop old records)
// are on the server. Online, Go to anything finds the first by words under "From the server
// (history)"; Enter fetches and opens it, and the desk keeps it. Offline, the second's number is
// said plainly not to be on this desk, and so is any search of the history; online again, that
// number is found on the server and opened. Axe-clean throughout.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk, uniqueText } from './support/desk';
import { goOffline, goOnline, logQuickInteraction, waitUntilSynced } from './support/flows';
import { goToBox, goToStatus, HISTORY_GROUP, NOT_ON_THIS_DESK, openGoTo } from './support/go-to';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp({ historyDays: 0 });
const browser = useBrowser();

/**
 * Drops interactions from the desk's database — its copy and the server's copy it rebases on — as
 * bounded storage will for old records (issue 15). The store host's word index may still name them
 * (this goes around it): Go to anything drops a hit whose record is not on the desk. The sync cursor stays, so the
 * desk does not pull them again: from now on they are only on the server.
 */
async function dropFromDesk(page: Page, numbers: readonly string[]): Promise<void> {
  await page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('deskpad');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('no desk database'));
    });
    const tx = db.transaction(['interactions', 'serverInteractions'], 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the drop failed'));
    });
    // Numbers are not an IndexedDB index (the store host holds them in memory): walk the records.
    const walk = tx.objectStore('interactions').openCursor();
    walk.onsuccess = () => {
      const cursor = walk.result;
      if (!cursor) return;
      const record = cursor.value as { id: string; number: string };
      if (wanted.includes(record.number)) {
        cursor.delete();
        tx.objectStore('serverInteractions').delete(record.id);
      }
      cursor.continue();
    };
    await done;
    db.close();
  }, numbers);
}

/** Logs an interaction with only a short description and waits for its server number. */
async function logOld(desk: Desk, shortDescription: string): Promise<string> {
  await logQuickInteraction(desk, shortDescription);
  await desk.save();
  return waitUntilSynced(desk);
}

describe('older records on demand (issues 15 and 16)', () => {
  it('finds an old interaction by words (and by number) online through the server, opens it, and says so offline', async (test) => {
    // The app's CSP (script-src 'self') rightly refuses the injected axe script; lift it for this check only.
    const { context, page } = await browser.newPage(test, { bypassCSP: true });
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    const words = uniqueText('Badge reader rejects everyone at door');
    const first = await logOld(desk, words);
    const second = await logOld(desk, uniqueText('Projector bulb flickers in room'));
    await desk.newInteraction();
    await dropFromDesk(page, [first, second]);

    // The desk no longer finds it; the server's history does, under its own heading.
    await openGoTo(desk, words);
    const server = goToBox(desk).getByRole('group', { name: HISTORY_GROUP });
    await server.getByRole('option', { name: new RegExp(first) }).waitFor({ timeout: 20_000 });
    await expect(goToBox(desk).getByRole('group', { name: 'Interactions' }).count()).resolves.toBe(
      0,
    );
    await expect(server.getByRole('option').first().textContent()).resolves.toContain(
      'on the server',
    );
    await expectNoAxeViolations(page, 'Go to anything with the server’s history');
    await page.screenshot({ path: 'test-results/go-to-history.png' });
    // Nothing on the desk matched: the server's hit is the first row, and Enter opens it.
    await desk.key('Enter');
    await expect
      .poll(() => desk.formHeading().textContent(), { timeout: 20_000 })
      .toBe(`Interaction ${first}`);
    await goToBox(desk).waitFor({ state: 'hidden' });
    await expect(desk.field('Short description').inputValue()).resolves.toBe(words);

    await goOffline(desk, context);
    // What was opened is kept on the desk: found offline as the desk's own.
    await openGoTo(desk, first);
    await goToBox(desk)
      .getByRole('group', { name: 'Interactions' })
      .getByRole('option', { name: new RegExp(first) })
      .waitFor();
    await desk.key('Escape');
    await goToBox(desk).waitFor({ state: 'hidden' });
    // The other one is only on the server: said plainly, by number and by words.
    await openGoTo(desk, second);
    await expect
      .poll(() => goToStatus(desk).textContent())
      .toBe(`${second} is not on this desk. ${NOT_ON_THIS_DESK}`);
    await expect(goToBox(desk).getByRole('group', { name: HISTORY_GROUP }).count()).resolves.toBe(
      0,
    );
    await expectNoAxeViolations(page, 'Go to anything offline');
    await desk.key('Control+a');
    await desk.typeKeys('projector bulb');
    await expect
      .poll(() => goToStatus(desk).textContent())
      .toBe(`Nothing on this desk matches “projector bulb”. ${NOT_ON_THIS_DESK}`);
    await desk.key('Escape');
    await goToBox(desk).waitFor({ state: 'hidden' });

    // Online again, the same number is found on the server and opened.
    await goOnline(desk, context);
    await openGoTo(desk, second);
    await goToBox(desk)
      .getByRole('group', { name: HISTORY_GROUP })
      .getByRole('option', { name: new RegExp(second) })
      .waitFor({ timeout: 20_000 });
    // Under load the rows of a shorter text typed on the way (IMS000100…) can still be shown, with
    // the desk's own IMS…1 first; Enter is for the rows of the whole number.
    await expect
      .poll(() => goToBox(desk).getByRole('option').first().textContent(), { timeout: 20_000 })
      .toContain(second);
    await desk.key('Enter');
    await expect
      .poll(() => desk.formHeading().textContent(), { timeout: 20_000 })
      .toBe(`Interaction ${second}`);
  });
});
