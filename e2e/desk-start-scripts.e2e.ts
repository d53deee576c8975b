// What a window fetches as it opens (issue 15, decision 0016). Each script is one more request on a
// link the browser opens six connections over: Sign in fetches none of the workspace's scripts, and
// a signed-in desk's start fetches the workspace in a handful, none of them the server API's schemas.
// Each script of at least 1 KiB comes as the build compressed it (brotli, quality 11), not as the
// server would compress it per request. Once the desk has drawn, Opened for has the focus, with no
// key pressed.

import { statSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENT } from './support/demo-directory';
import { Desk } from './support/desk';
import { repoRoot } from './support/desk-server';
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

/** The script answers the page gets from now on. */
function scriptAnswers(page: Page): Response[] {
  const answers: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') answers.push(response);
  });
  return answers;
}

const WORKSPACE_SCRIPTS = /^(workspace|registry|desk-domain|desk-records|desk-commands)-/;
/**
 * The scripts of a signed-in desk's start, today 18: the window's 8, its store worker's, the
 * workspace's 9. Raise it only with a Lighthouse measurement beside it: three scripts more once cost
 * more LCP than their shorter tasks saved (ADR 0016).
 */
const DESK_START_SCRIPTS_MAX = 18;

describe("A window's start", () => {
  it('Sign in fetches none of the workspace', async (test) => {
    const { page } = await browser.newPage(test);
    const fetched = scriptsFetched(page);
    await page.goto(app.url());
    const desk = new Desk(page);
    await desk.signInForm().waitFor({ timeout: 60_000 });
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((name) => WORKSPACE_SCRIPTS.test(name))).toEqual([]);
  });

  it('gets each script as the build compressed it, byte for byte', async (test) => {
    const { page } = await browser.newPage(test);
    const answers = scriptAnswers(page);
    await page.goto(app.url());
    await new Desk(page).signInForm().waitFor({ timeout: 60_000 });
    const built = answers.filter((answer) => new URL(answer.url()).pathname.startsWith('/assets/'));
    expect(built.length).toBeGreaterThan(0);
    for (const answer of built) {
      const file = path.join(repoRoot, 'dist', 'web', new URL(answer.url()).pathname);
      const headers = await answer.allHeaders();
      // Below 1 KiB a file is sent as it is; above, its brotli copy, not a compression made now.
      if (statSync(file).size < 1024) continue;
      expect(headers['content-encoding'], answer.url()).toBe('br');
      expect(Number(headers['content-length']), answer.url()).toBe(statSync(`${file}.br`).size);
    }
  });

  it('a signed-in desk fetches the workspace in a handful of scripts, and starts at Opened for', async (test) => {
    const { page } = await browser.newPage(test);
    const desk = await Desk.signIn(page, app.url(), DEMO_AGENT);
    const fetched = scriptsFetched(page);
    await page.reload();
    await desk.waitUntilReady(DEMO_AGENT.name);
    expect(fetched.some((name) => name.startsWith('workspace-'))).toBe(true);
    expect(fetched.filter((name) => name.startsWith('server-api-'))).toEqual([]);
    expect(new Set(fetched).size).toBeLessThanOrEqual(DESK_START_SCRIPTS_MAX);
    const lookup = page.getByRole('combobox', { name: 'Opened for' });
    await expect.poll(() => lookup.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
