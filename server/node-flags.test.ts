// The desk server's Node flags are the ones `npm run server` passes, and Node takes them: a flag
// Node did not know would stop the server at start; one it ignored would leave the young generation
// at its default size.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './node-flags.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe("the desk server's Node flags", () => {
  it('are what `npm run server` starts the server with', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.server).toContain(
      `node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js`,
    );
  });

  it('cap the young generation (two semi-spaces) at the size they name', () => {
    const newSpace = (flags: readonly string[]): number =>
      Number(
        execFileSync(
          process.execPath,
          [
            ...flags,
            '-e',
            `const v8 = require('node:v8');
             let keep = [];
             for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 5000) keep = []; }
             const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
             process.stdout.write(String(space.space_size));`,
          ],
          { encoding: 'utf8' },
        ),
      );
    const semiMiB = Number(/--max-semi-space-size=(\d+)/.exec(SERVER_NODE_FLAGS.join(' '))?.[1]);
    expect(semiMiB).toBeGreaterThan(0);
    const capped = newSpace(SERVER_NODE_FLAGS);
    expect(capped).toBeLessThanOrEqual(2 * semiMiB * 1024 * 1024);
    // Without the flags the same allocations grow it past that: the flag is what caps it.
    expect(newSpace([])).toBeGreaterThan(capped);
  });
});
