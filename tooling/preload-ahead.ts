// A Vite plugin for the browser build: the workspace's largest script is asked for with the first
// of its parts, not with the last.

import path from 'node:path';
import type { Plugin } from 'vite';

/** What Vite's `build.modulePreload.resolveDependencies` is handed and answers. */
export type ResolveDependencies = (
  filename: string,
  deps: string[],
  context: { hostId: string; hostType: 'html' | 'js' },
) => string[];

export interface PreloadAheadOptions {
  /** The module whose dynamic import is started first (its chunk's preload list grows). */
  first: string;
  /** The module imported later whose chunk is fetched with `first`'s, evaluated when imported. */
  ahead: string;
}

/**
 * A signed-in desk loads the workspace in parts, each imported in a task of its own so that no
 * one task evaluates them all (renderer/app/app.tsx, decision 0016). The part imported last, the
 * workspace itself, is also the largest script: asked for last, it reached a slow link last and
 * the desk's first frame waited for it. This puts its chunk at the head of the first part's
 * preload list: the browser fetches it with the first part (a `modulepreload` link only fetches
 * and compiles) and evaluates it, as before, when the last part is imported.
 *
 * Vite calls `resolveDependencies` for each dynamic import while it writes the preload lists; the
 * plugin has read the bundle's chunk names just before (`generateBundle`, first of all plugins).
 */
export function preloadAhead(options: PreloadAheadOptions): {
  plugin: Plugin;
  resolveDependencies: ResolveDependencies;
} {
  const first = path.resolve(options.first);
  const ahead = path.resolve(options.ahead);
  let chunks: { first: string; ahead: string } | null = null;
  const plugin: Plugin = {
    name: 'deskpad-preload-ahead',
    apply: 'build',
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        const fileOf = (module: string): string | undefined =>
          Object.values(bundle).find(
            (output) =>
              output.type === 'chunk' &&
              output.facadeModuleId !== null &&
              path.resolve(output.facadeModuleId) === module,
          )?.fileName;
        const firstFile = fileOf(first);
        const aheadFile = fileOf(ahead);
        // A build without the workspace (another page's config) has neither: nothing to do.
        if (firstFile === undefined && aheadFile === undefined) return;
        if (firstFile === undefined || aheadFile === undefined)
          this.error(
            `preload-ahead: ${path.basename(firstFile === undefined ? first : ahead)} is no longer a chunk of its own; the workspace's first part and the workspace must each be imported dynamically (renderer/app/app.tsx).`,
          );
        chunks = { first: firstFile, ahead: aheadFile };
      },
    },
  };
  const resolveDependencies: ResolveDependencies = (filename, deps) => {
    if (chunks === null || filename !== chunks.first || deps.includes(chunks.ahead)) return deps;
    // First in the list: the largest of the batch is asked for first.
    return [chunks.ahead, ...deps];
  };
  return { plugin, resolveDependencies };
}
