// What a window fetches as it opens (issue 15, decision 0016). Each script is one more request on a
// link the browser opens six connections over: Sign in fetches none of the workspace's scripts, and
// a signed-in desk's start fetches the workspace in a handful, none of them the server API's schemas.
// A window that was on the desk asks for those ahead, from its first script, and the app then takes
// them from the browser's cache. Once the desk has drawn, Opened for has the focus, with no key
// pressed.

import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk } from './support/desk';
import { useBrowser, useDeskServerApp } from './support/harness';

const app = useDeskServerApp();
const browser = useBrowser();

const fileName = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

/** The scripts the page asks for from now on (to run, or ahead), by file name. */
function scriptsFetched(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || isAhead(request))
      names.push(fileName(request.url()));
  });
  return names;
}

/**
 * The page's CSP refusals from now on (the directive each broke). Zod probes for eval unless the
 * browser build's zod (web/zod-jitless.ts) has turned that off before its first schema.
 */
async function cspRefusals(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { deskpadCspRefusals: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(event.violatedDirective);
    });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { deskpadCspRefusals?: string[] }).deskpadCspRefusals ?? [],
    );
}

/** A script asked for ahead (`<link rel="prefetch">`): a request of no kind the page runs. */
const isAhead = (request: Request) =>
  request.resourceType() === 'other' && request.url().endsWith('.js');

/** The scripts the page asks for ahead from now on, by file name. */
function scriptsAhead(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (isAhead(request)) names.push(fileName(request.url()));
  });
  return names;
}

const WORKSPACE_SCRIPTS = /^(workspace|registry|desk-domain|desk-records|desk-commands)-/;
/**
 * The scripts of a signed-in desk's start, today 21: the window's 10 (the first of them
 * web/public/start-ahead.js), its store worker's, the workspace's 10 (zod's among them, no longer
 * the window's). Raise it only with a Lighthouse measurement beside it: three scripts more once
 * cost more LCP than their shorter tasks saved; zod's move and the fetch ahead, two more, took the
 * workspace from 92 to 95 (ADR 0016).
 */
const DESK_START_SCRIPTS_MAX = 21;

describe("A window's start", () => {
  it('Sign in fetches none of the workspace', async (test) => {
    const { page } = await browser.newPage(test);
    const fetched = scriptsFetched(page);
    const ahead = scriptsAhead(page);
    const refusals = await cspRefusals(page);
    await page.goto(app.url());
    const desk = new Desk(page);
    await desk.signInForm().waitFor({ timeout: 60_000 });
    expect(fetched.length).toBeGreaterThan(0);
    // The page's first script: a file of its own, run while the app's scripts download.
    expect(fetched[0]).toBe('start-ahead.js');
    expect(fetched.filter((name) => WORKSPACE_SCRIPTS.test(name))).toEqual([]);
    // A window that has never shown the desk asks for nothing ahead.
    expect(ahead).toEqual([]);
    // Sign in's schemas come when the window is idle: zod is built then, without probing for eval.
    const schemasHere = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => /\/account-requests-[\w-]+\.js$/.test(entry.name)),
      );
    await expect.poll(schemasHere, { timeout: 10_000 }).toBe(true);
    expect(fetched.some((name) => name.startsWith('zod-jitless-'))).toBe(true);
    // The module runs as it arrives; a refusal is reported in a task after it.
    await page.waitForTimeout(300);
    expect(await refusals()).toEqual([]);
  });

  it('a signed-in desk fetches the workspace in a handful of scripts, and starts at Opened for', async (test) => {
    const { page } = await browser.newPage(test);
    const refusals = await cspRefusals(page);
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    const fetched = scriptsFetched(page);
    await page.reload();
    await desk.waitUntilReady(DEMO_AGENT.name);
    expect(await refusals()).toEqual([]);
    // The workspace's own script, the largest, is asked for with its first part, not last; here,
    // on a window that was on the desk, ahead by the page's first script.
    const asked = (prefix: string) => fetched.findIndex((name) => name.startsWith(prefix));
    expect(asked('workspace-')).toBeGreaterThanOrEqual(0);
    expect(asked('workspace-')).toBeLessThan(asked('desk-records-'));
    expect(asked('workspace-')).toBeLessThan(asked('registry-'));
    expect(fetched.filter((name) => name.startsWith('server-api-'))).toEqual([]);
    expect(new Set(fetched).size).toBeLessThanOrEqual(DESK_START_SCRIPTS_MAX);
    const lookup = page.getByRole('combobox', { name: 'Opened for' });
    await expect.poll(() => lookup.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('a window that was on the desk asks for its scripts ahead, and the desk takes them from the cache', async (test) => {
    // No service worker: the start as Lighthouse measures it, and as after the app was updated.
    const { context, page } = await browser.newPage(test, { serviceWorkers: 'block' });
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    const fetched = scriptsFetched(page);
    const ahead = scriptsAhead(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Nothing kept from signing in: every script crosses the link again.
    await cdp.send('Network.clearBrowserCache');
    const fromNetwork: string[] = [];
    cdp.on('Network.responseReceived', ({ response }) => {
      if (!response.fromDiskCache && !response.fromPrefetchCache && response.url.endsWith('.js'))
        fromNetwork.push(fileName(response.url));
    });
    await page.reload();
    await desk.waitUntilReady(DEMO_AGENT.name);
    // Every script of the desk's parts, asked for ahead, the workspace's (the largest) first.
    const parts = fetched.filter((name) => WORKSPACE_SCRIPTS.test(name));
    expect(parts.length).toBeGreaterThanOrEqual(5);
    expect(ahead[0]).toMatch(/^workspace-/);
    for (const name of parts) expect(ahead).toContain(name);
    // The app's imports of them come from the browser's cache: each crossed the link once.
    for (const name of parts) expect(fromNetwork.filter((n) => n === name)).toHaveLength(1);
    await cdp.detach();
  });
});
