// The compile hint goes first in every chunk a window runs as it opens, before Vite's preload list,
// with the source map moved down a line; never in the store's chunks nor the sections opened later.

import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from './compile-hints';

interface FakeChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  map: { mappings: string } | null;
}

function run(chunks: FakeChunk[]): void {
  const hook = compileHints().generateBundle as {
    order: string;
    handler: (options: unknown, bundle: Record<string, unknown>) => void;
  };
  expect(hook.order).toBe('post');
  hook.handler({}, Object.fromEntries(chunks.map((c) => [c.fileName, c])));
}

const chunk = (fileName: string, code: string): FakeChunk => ({
  type: 'chunk',
  fileName,
  code,
  map: { mappings: 'AAAA,CAAC;AACD' },
});

describe('compile hints', () => {
  it('puts the hint on the first line of the chunks a window opens with, above the preload list', () => {
    const workspace = chunk('assets/workspace-abc.js', 'const __vite__mapDeps=()=>[];\nexport{}');
    const base = chunk('assets/base-abc.js', 'export{}');
    run([workspace, base]);
    expect(workspace.code.split('\n')[0]).toBe(COMPILE_HINT);
    expect(workspace.code.split('\n')[1]).toBe('const __vite__mapDeps=()=>[];');
    expect(base.code).toBe(`${COMPILE_HINT}\nexport{}`);
    // Every generated line is one further down: the map starts with an empty line.
    expect(workspace.map?.mappings).toBe(';AAAA,CAAC;AACD');
  });

  it('moves the map file down a line when the build has written it already', () => {
    const workspace = chunk('assets/workspace-abc.js', 'export{}');
    const mapFile = {
      type: 'asset',
      fileName: 'assets/workspace-abc.js.map',
      source: JSON.stringify({ version: 3, mappings: ';AAAA' }),
    };
    const hook = compileHints().generateBundle as {
      handler: (options: unknown, bundle: Record<string, unknown>) => void;
    };
    hook.handler({}, { [workspace.fileName]: workspace, [mapFile.fileName]: mapFile });
    expect(JSON.parse(mapFile.source)).toEqual({ version: 3, mappings: ';;AAAA' });
    // Once, in the file that is written: not again in the chunk's own copy.
    expect(workspace.map?.mappings).toBe('AAAA,CAAC;AACD');
  });

  it("leaves the store's chunks and the sections opened later as they are", () => {
    const untouched = [
      'assets/store-worker-abc.js',
      'assets/store-host-abc.js',
      'assets/dashboard-section-abc.js',
      'assets/admin-section-abc.js',
    ].map((name) => chunk(name, 'export{}'));
    run(untouched);
    for (const c of untouched) {
      expect(c.code).toBe('export{}');
      expect(c.map?.mappings).toBe('AAAA,CAAC;AACD');
    }
  });
});
