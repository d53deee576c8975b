// The workspace's own chunk is preloaded with its first part: a real Vite build of a small app that
// loads in parts as renderer/app/app.tsx does, read back from its output.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preloadAhead } from './preload-ahead';

const SOURCES = {
  'entry.ts': `
    const nextTask = () => new Promise((resolve) => setTimeout(resolve));
    async function load() {
      const first = import('./first');
      await nextTask();
      const [{ View }] = await Promise.all([import('./ahead'), first]);
      return View;
    }
    globalThis.load = load;`,
  'first.ts': `import { shared } from './shared'; export const rules = shared + 1;`,
  'ahead.ts': `import { shared } from './shared'; import { big } from './big'; export const View = shared + big.length;`,
  'shared.ts': `export const shared = Math.random();`,
  'big.ts': `export const big = ${JSON.stringify('desk '.repeat(2000))};`,
};

/** The files each dynamic import of the entry preloads, in order, keyed by the imported chunk. */
function preloadLists(output: readonly (Rolldown.OutputChunk | Rolldown.OutputAsset)[]) {
  const chunks = output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('no entry chunk');
  const files = JSON.parse(/m\.f=(\[[^\]]*\])/.exec(entry.code)?.[1] ?? '[]') as string[];
  const lists = new Map<string, string[]>();
  for (const call of entry.code.matchAll(
    /import\(`?"?\.\/([\w-]+\.js)`?"?\)\s*,\s*__vite__mapDeps\(\[([\d,]*)\]\)/g,
  )) {
    const indexes = (call[2] ?? '').split(',').filter(Boolean).map(Number);
    lists.set(
      call[1] ?? '',
      indexes.map((i) => path.basename(files[i] ?? '')),
    );
  }
  const nameOf = (module: string) =>
    chunks
      .find((c) => c.facadeModuleId?.endsWith(`/${module}.ts`))
      ?.fileName.split('/')
      .pop();
  return { lists, nameOf };
}

describe('preload ahead', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deskpad-preload-ahead-'));
    for (const [file, code] of Object.entries(SOURCES)) writeFileSync(path.join(dir, file), code);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const buildWith = async (ahead: ReturnType<typeof preloadAhead> | null) => {
    const result = await build({
      root: dir,
      logLevel: 'silent',
      configFile: false,
      plugins: ahead ? [ahead.plugin] : [],
      build: {
        write: false,
        minify: false,
        modulePreload: {
          polyfill: false,
          ...(ahead ? { resolveDependencies: ahead.resolveDependencies } : {}),
        },
        rolldownOptions: { input: path.join(dir, 'entry.ts') },
      },
    });
    const output = Array.isArray(result) ? result[0] : result;
    if (!output || !('output' in output)) throw new Error('no build output');
    return preloadLists(output.output);
  };

  it('asks for the later import’s chunk first, with the first part’s own list', async () => {
    const { lists, nameOf } = await buildWith(
      preloadAhead({ first: path.join(dir, 'first.ts'), ahead: path.join(dir, 'ahead.ts') }),
    );
    const first = nameOf('first') ?? '';
    const ahead = nameOf('ahead') ?? '';
    expect(lists.get(first)?.[0]).toBe(ahead);
    expect(lists.get(first)).toContain(first);
    // The later import still lists its chunk: it is loaded (and evaluated) when imported.
    expect(lists.get(ahead)).toContain(ahead);
  });

  it('changes nothing without it: the later chunk is asked for only when imported', async () => {
    const { lists, nameOf } = await buildWith(null);
    expect(lists.get(nameOf('first') ?? '')).not.toContain(nameOf('ahead'));
  });

  it('stops the build when one of the two is no longer a chunk of its own', async () => {
    const missing = preloadAhead({
      first: path.join(dir, 'first.ts'),
      ahead: path.join(dir, 'not-imported.ts'),
    });
    await expect(buildWith(missing)).rejects.toThrow(/no longer a chunk of its own/);
  });
});
