// The desk page names the scripts its parts load after the page's own: a real Vite build of a small
// page that loads in parts as renderer/app/app.tsx does, and the first script that reads the list.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESK_AHEAD_META, deskAhead } from './desk-ahead';

const SOURCES = {
  'index.html': `<!doctype html><html><head><title>Desk</title></head><body><script type="module" src="./entry.ts"></script></body></html>`,
  'entry.ts': `
    import { shared } from './shared';
    globalThis.load = () => Promise.all([import('./part'), import('./view')]).then(() => shared);`,
  'part.ts': `import { rules } from './rules'; export const part = rules + 1;`,
  'view.ts': `import { rules } from './rules'; import { shared } from './shared'; import { big } from './big'; export const View = rules + shared + big.length;`,
  'rules.ts': `export const rules = Math.random();`,
  'shared.ts': `export const shared = Math.random();`,
  'big.ts': `export const big = ${JSON.stringify('desk '.repeat(2000))};`,
};

describe('desk ahead', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deskpad-desk-ahead-'));
    for (const [file, code] of Object.entries(SOURCES)) writeFileSync(path.join(dir, file), code);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const buildWith = async (modules: string[]) => {
    const result = await build({
      root: dir,
      base: './',
      logLevel: 'silent',
      configFile: false,
      plugins: [deskAhead({ page: 'index.html', modules: modules.map((m) => path.join(dir, m)) })],
      build: {
        write: false,
        minify: false,
        modulePreload: { polyfill: false },
        rolldownOptions: { input: path.join(dir, 'index.html') },
      },
    });
    const output = Array.isArray(result) ? result[0] : result;
    if (!output || !('output' in output)) throw new Error('no build output');
    const files = output.output as (Rolldown.OutputChunk | Rolldown.OutputAsset)[];
    const html = files.find((f) => f.fileName === 'index.html');
    if (html?.type !== 'asset') throw new Error('no index.html');
    const chunkOf = (module: string) =>
      files.find((f) => f.type === 'chunk' && f.facadeModuleId?.endsWith(`/${module}.ts`))
        ?.fileName ?? '';
    const named = new RegExp(`<meta name="${DESK_AHEAD_META}" content="([^"]*)">`).exec(
      String(html.source),
    );
    return { ahead: named ? (named[1] ?? '').split(' ') : null, chunkOf, files };
  };

  it('names the parts’ chunks and what they import, less the page’s own, largest first', async () => {
    const { ahead, chunkOf, files } = await buildWith(['part.ts', 'view.ts']);
    const view = `./${chunkOf('view')}`;
    const part = `./${chunkOf('part')}`;
    expect(ahead?.[0]).toBe(view);
    expect(ahead).toContain(part);
    // The chunk both parts share (rules) is named; the page's own (entry, shared) is not.
    const entry = files.find((f) => f.type === 'chunk' && f.isEntry)?.fileName ?? '';
    expect(ahead).not.toContain(`./${entry}`);
    const rules = files.find(
      (f) => f.type === 'chunk' && f.moduleIds.some((id) => id.endsWith('/rules.ts')),
    );
    // Shared by both parts, it is a chunk of its own, which the parts import.
    expect(rules?.fileName).not.toBe(chunkOf('part'));
    expect(ahead).toContain(`./${rules?.fileName}`);
    for (const file of ahead ?? []) expect(file).toMatch(/^\.\/assets\/[\w-]+\.js$/);
  });

  it('stops the build when a part is no longer a chunk of its own', async () => {
    await expect(buildWith(['part.ts', 'not-imported.ts'])).rejects.toThrow(
      /no longer a chunk of its own/,
    );
  });

  it('is the list the page’s first script asks for, when the window was on the desk', () => {
    const startAhead = readFileSync(
      new URL('../web/public/start-ahead.js', import.meta.url),
      'utf8',
    );
    expect(startAhead).toContain(`meta[name="${DESK_AHEAD_META}"]`);
    expect(startAhead).toContain(`link.rel = 'prefetch'`);
  });
});
