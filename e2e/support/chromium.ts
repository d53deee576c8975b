// Starts Debian's Chromium for the e2e tests: a throwaway browser, a reopenable profile, or one we can SIGKILL.
// It never downloads a browser (no `playwright install`) and never leaves a Chromium running after a test.

import { spawn } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.DESKPAD_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free headless Chromium inside containers and CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const VIEWPORT = { width: 1280, height: 900 };

/** A fresh browser with no profile on disk: each context starts empty. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A browser on a profile directory that survives closing it: "the same machine, the next morning". */
export async function openProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT,
  });
}

export interface KillableChromium {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** SIGKILL to the whole Chromium process group: no unload, no flush, no goodbye. */
  kill(): Promise<void>;
}

const DEVTOOLS_LINE = /DevTools listening on (ws:\/\/\S+)/;
const DEVTOOLS_TIMEOUT_MS = 30_000;

/**
 * Chromium started by us rather than by Playwright, in its own process group, so a test can kill it
 * the way a power cut or the OOM killer would, and then reopen the same profile.
 */
export async function startKillableChromium(userDataDir: string): Promise<KillableChromium> {
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${CHROMIUM_PATH}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const killGroup = async (): Promise<void> => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
  };

  let stderr = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no DevTools endpoint:\n${stderr}`)),
      DEVTOOLS_TIMEOUT_MS,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = DEVTOOLS_LINE.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${String(code)} before DevTools was up:\n${stderr}`));
    });
  }).catch(async (error: unknown) => {
    await killGroup();
    throw error;
  });
  // Keep draining stderr so Chromium never blocks on a full pipe.
  child.stderr?.resume();

  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) {
    await killGroup();
    throw new Error('Chromium over CDP has no default context');
  }
  return { browser, context, kill: killGroup };
}
