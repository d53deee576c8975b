// Proves that `npm run lint` refuses each wrong-layer import of ARCHITECTURE.md §1 and lets the right ones through.
// Lints code strings at virtual paths through the real eslint.config.js; it never writes into the layers' folders.

import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './eslint-layering.js';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: path.join(repoRoot, 'eslint.config.js'),
    // The virtual files below are in no tsconfig, so type information is switched off for them;
    // the layering rule reads only the syntax, so what it decides here is what it decides in lint.
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  });
});

const layeringErrors = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${filePath} did not parse: ${fatal[0]?.message}`);
  return result.messages
    .filter((message) => message.ruleId === 'deskpad/layer-imports')
    .map((message) => message.message);
};

const refused: [file: string, code: string][] = [
  ['renderer/x.ts', `import Dexie from 'dexie'; export const d = Dexie;`],
  ['renderer/x.ts', `import { ipcRenderer } from 'electron'; export const i = ipcRenderer;`],
  ['renderer/x.ts', `import { readFile } from 'node:fs'; export const r = readFile;`],
  ['renderer/x.ts', `import path from 'path'; export const p = path;`],
  [
    'renderer/x.ts',
    `import { openStore } from '../electron/store/store-host'; export const o = openStore;`,
  ],
  ['renderer/forms/x.tsx', `export * from '../../electron/store/commands';`],
  ['renderer/x.ts', `export const load = () => import('dexie');`],
  ['renderer/x.ts', `import { app } from '../server/app'; export const a = app;`],
  [
    'renderer/x.ts',
    `import { renderDeskpad } from '../web/testing/render-deskpad'; export const r = renderDeskpad;`,
  ],
  [
    'renderer/x.test.ts',
    `import { openStore } from '../electron/store/store-host'; export const o = openStore;`,
  ],
  ['shared/x.ts', `import { readFileSync } from 'node:fs'; export const r = readFileSync;`],
  ['shared/x.ts', `import { App } from '../renderer/app'; export const a = App;`],
  ['shared/domain/x.ts', `import { Form } from '../../renderer/form'; export const f = Form;`],
  ['shared/x.ts', `import { useState } from 'react'; export const u = useState;`],
  ['shared/x.ts', `import Dexie from 'dexie'; export const d = Dexie;`],
  ['shared/x.ts', `import type { BrowserWindow } from 'electron'; export type W = BrowserWindow;`],
  ['shared/x.ts', `import { db } from '../electron/store/db'; export const d = db;`],
  ['electron/store/x.ts', `import { app } from 'electron'; export const a = app;`],
  ['electron/store/x.ts', `import path from 'node:path'; export const p = path;`],
  ['electron/store/x.ts', `import { App } from '../../renderer/app'; export const a = App;`],
  ['electron/store/x.ts', `import { useState } from 'react'; export const u = useState;`],
  ['electron/main/x.ts', `import { useState } from 'react'; export const u = useState;`],
  [
    'electron/main/x.ts',
    `import { createRoot } from 'react-dom/client'; export const c = createRoot;`,
  ],
  ['electron/main/x.ts', `import { App } from '../../renderer/app'; export const a = App;`],
  ['electron/preload/x.ts', `import { App } from '../../renderer/app'; export const a = App;`],
  [
    'electron/preload/x.ts',
    `import { createWindow } from '../main/window'; export const c = createWindow;`,
  ],
  ['server/x.ts', `import Dexie from 'dexie'; export const d = Dexie;`],
  ['server/x.ts', `import { useState } from 'react'; export const u = useState;`],
  ['server/x.ts', `import { App } from '../renderer/app'; export const a = App;`],
  ['web/x.ts', `import { readFile } from 'node:fs/promises'; export const r = readFile;`],
  ['web/x.ts', `import { ipcRenderer } from 'electron'; export const i = ipcRenderer;`],
];

const allowed: [file: string, code: string][] = [
  [
    'renderer/forms/x.test.tsx',
    `import { renderDeskpad } from '../../web/testing/render-deskpad'; export const r = renderDeskpad;`,
  ],
  [
    'renderer/forms/x.tsx',
    `import { useState } from 'react'; import { Interaction } from '../../shared/domain/interaction'; import { Field } from './field'; export const x = [useState, Interaction, Field];`,
  ],
  [
    'shared/domain/x.ts',
    `import { z } from 'zod'; import { Command } from '../store-api/contract'; export const x = [z, Command];`,
  ],
  [
    'electron/store/x.ts',
    `import Dexie from 'dexie'; import { expose } from 'comlink'; import { Interaction } from '../../shared/domain/interaction'; export const x = [Dexie, expose, Interaction];`,
  ],
  [
    'electron/main/x.ts',
    `import { app } from 'electron'; import path from 'node:path'; import { DesktopBridge } from '../../shared/desktop-bridge'; export const x = [app, path, DesktopBridge];`,
  ],
  [
    'electron/preload/x.ts',
    `import { contextBridge } from 'electron'; import { DesktopBridge } from '../../shared/desktop-bridge'; export const x = [contextBridge, DesktopBridge];`,
  ],
  [
    'web/x.ts',
    `import { App } from '../renderer/app'; import { startStoreHost } from '../electron/store/store-host'; import StoreWorker from './store-host.worker?worker'; export const x = [App, startStoreHost, StoreWorker];`,
  ],
  [
    'scripts/x.ts',
    `import { spawn } from 'node:child_process'; import { App } from '../renderer/app'; export const x = [spawn, App];`,
  ],
];

describe('the layering lint rule (ARCHITECTURE.md §1)', () => {
  it.each(refused)('refuses in %s: %s', async (file, code) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('ARCHITECTURE.md §1');
  });

  it.each(allowed)('lets through in %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('says which folder a relative import reached and why that is wrong', async () => {
    const [message] = await layeringErrors(
      'renderer/x.ts',
      `export * from '../electron/store/db';`,
    );
    expect(message).toContain('electron/store/db');
    expect(message).toContain(
      'renderer/ talks to the store host only through the typed client in shared/',
    );
  });
});
