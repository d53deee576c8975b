// Per-file plumbing for the e2e tests: the served app (static, or a real desk server), throwaway profile folders,
// and what to keep when a test fails. Everything it starts it also stops; it never touches real profiles or data.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject, type TestContext } from 'vitest';
import { launchBrowser } from './chromium';
import { freePort, startDeskServer, type DeskServerProcess } from './desk-server';
import { openReadApi, type ReadApi } from './read-api';
import { repoRoot, startWebApp, type WebApp } from './web-app';

/** Serves the browser build for the whole file (one origin, so profiles can be reopened). */
export function useWebApp(): { url(): string } {
  let app: WebApp | undefined;
  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(async () => {
    await app?.stop();
  });
  return {
    url: () => {
      if (!app) throw new Error('the web app is not started yet');
      return app.url;
    },
  };
}

/**
 * A real desk server for the whole file, serving the browser build at / and the API beside it (one
 * origin), on a temp data directory with the demo seeded. Its port is fixed for the file: IndexedDB,
 * the service worker and the session belong to the origin, and the origin has the port.
 */
export function useDeskServerApp(options: { demo?: boolean; historyDays?: number } = {}): {
  url(): string;
  server(): DeskServerProcess;
  /** The read API as demo.admin, to count what reached the server. */
  reader(): Promise<ReadApi>;
} {
  let server: DeskServerProcess | undefined;
  let dataDir: string | undefined;
  let reading: Promise<ReadApi> | null = null;
  beforeAll(async () => {
    const webProblem = inject('webBuildProblem');
    if (webProblem) throw new Error(`No current browser build to test: ${webProblem}`);
    const serverProblem = inject('deskServerBuildProblem');
    if (serverProblem) throw new Error(`No current desk server build: ${serverProblem}`);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskpad-e2e-server-'));
    server = await startDeskServer({
      dataDir,
      ...(options.demo === false ? { demo: false } : {}),
      ...(options.historyDays === undefined ? {} : { historyDays: options.historyDays }),
      port: await freePort(),
      webRoot: path.join(repoRoot, 'dist', 'web'),
    });
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  const running = (): DeskServerProcess => {
    if (!server) throw new Error('the desk server is not started yet');
    return server;
  };
  return {
    url: () => `${running().url}/`,
    server: running,
    reader: () => (reading ??= openReadApi(running().url)),
  };
}

/** Fresh folders for Chromium profiles, removed when the file ends. */
export function useTempDirs(): (name: string) => string {
  let root: string | undefined;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'deskpad-e2e-'));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return (name) => {
    if (!root) throw new Error('temp dirs are made in beforeAll');
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
}

/** Collects what the page complained about, to print next to a failure. */
export function watchPage(page: Page): { problems(): string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { problems: () => problems };
}

/**
 * Keeps a screenshot and the page's HTML under test-results/e2e/ and prints the page's errors,
 * so a failure can be reported as "what the agent would have seen".
 */
export async function keepEvidence(
  page: Page,
  testName: string,
  problems: string[],
): Promise<void> {
  const dir = path.join(repoRoot, 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  const base = path.join(
    dir,
    testName
      .replace(/[^a-z0-9]+/gi, '-')
      .toLowerCase()
      .slice(0, 80),
  );
  try {
    await page.screenshot({ path: `${base}.png`, fullPage: true });
    writeFileSync(`${base}.html`, await page.content());
    console.error(`Evidence kept: ${path.relative(repoRoot, base)}.png/.html`);
  } catch (error) {
    console.error(`No evidence could be kept (the page is gone?): ${String(error)}`);
  }
  if (problems.length > 0) console.error(`The page reported:\n  ${problems.join('\n  ')}`);
}

/**
 * Closes the browser context when the test ends. If the test failed, first keeps the evidence of `page`
 * (onTestFinished runs before onTestFailed, so both happen here, in that order).
 */
export function closeWhenDone(
  test: TestContext,
  context: BrowserContext,
  page: Page,
  label = test.task.name,
): void {
  const log = watchPage(page);
  test.onTestFinished(async () => {
    if (test.task.result?.state === 'fail') await keepEvidence(page, label, log.problems());
    await context.close().catch(() => undefined);
  });
}

/**
 * One Chromium for the whole file; each test gets its own context and page, closed (with the
 * evidence kept on failure) when the test ends.
 */
export function useBrowser(): {
  newPage(
    test: TestContext,
    options?: BrowserContextOptions,
    /** Names the evidence kept on failure: two desks in one test need two names. */
    label?: string,
  ): Promise<{ context: BrowserContext; page: Page }>;
} {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(test, options = {}, label) {
      if (!browser) throw new Error('the browser is not started yet');
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        ...options,
      });
      const page = await context.newPage();
      closeWhenDone(test, context, page, label ? `${label} ${test.task.name}` : test.task.name);
      return { context, page };
    },
  };
}
