// What a window fetches as it opens (issue 15, decision 0016). Each script is one more request on a
// link the browser opens six connections over: Sign in fetches none of the workspace's scripts, and
// a signed-in desk's start fetches the workspace in a handful, none of them the server API's schemas.
// Once the desk has drawn, Opened for has the focus, with no key pressed.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();

/** The scripts the page asks for from now on, by file name. */
function scriptsFetched(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script')
      names.push(new URL(request.url()).pathname.split('/').pop() ?? '');
  });
  return names;
}

const WORKSPACE_SCRIPTS = /^(workspace|registry|desk-domain|desk-records|desk-commands)-/;
/**
 * The scripts of a signed-in desk's start, today 19: the window's 9 (the first of them the
 * international data's warm-up, web/public/intl-warm-up.js), its store worker's, the workspace's 9.
 * Raise it only with a Lighthouse measurement beside it: three scripts more once cost more LCP than
 * their shorter tasks saved (ADR 0016).
 */
const DESK_START_SCRIPTS_MAX = 19;

describe("A window's start", () => {
  it('Sign in fetches none of the workspace', async (test) => {
    const { page } = await browser.newPage(test);
    const fetched = scriptsFetched(page);
    await page.goto(app.url());
    const desk = new Desk(page);
    await desk.signInForm().waitFor({ timeout: 60_000 });
    expect(fetched.length).toBeGreaterThan(0);
    // The warm-up first: a script of its own, run while the app's scripts download.
    expect(fetched[0]).toBe('intl-warm-up.js');
    expect(fetched.filter((name) => WORKSPACE_SCRIPTS.test(name))).toEqual([]);
  });

  it('a signed-in desk fetches the workspace in a handful of scripts, and starts at Opened for', async (test) => {
    const { page } = await browser.newPage(test);
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    const fetched = scriptsFetched(page);
    await page.reload();
    await desk.waitUntilReady(DEMO_AGENT.name);
    // The workspace's own script, the largest, is asked for with its first part, not last.
    const asked = (prefix: string) => fetched.findIndex((name) => name.startsWith(prefix));
    expect(asked('workspace-')).toBeGreaterThanOrEqual(0);
    expect(asked('workspace-')).toBeLessThan(asked('desk-records-'));
    expect(asked('workspace-')).toBeLessThan(asked('registry-'));
    expect(fetched.filter((name) => name.startsWith('server-api-'))).toEqual([]);
    expect(new Set(fetched).size).toBeLessThanOrEqual(DESK_START_SCRIPTS_MAX);
    const lookup = page.getByRole('combobox', { name: 'Opened for' });
    await expect.poll(() => lookup.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
