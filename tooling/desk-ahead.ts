// A Vite plugin for the browser build: names, in the desk page's HTML, the scripts a signed-in
// desk's start fetches after the page's own, so that the page's first script can ask for them at
// once (web/public/start-ahead.js).

import path from 'node:path';
import type { IndexHtmlTransformContext, Plugin, Rolldown } from 'vite';

/** The meta element web/public/start-ahead.js reads the desk's scripts from. */
export const DESK_AHEAD_META = 'deskpad-desk-ahead';

export interface DeskAheadOptions {
  /** The page whose HTML gets the list (its file name, e.g. `index.html`). */
  page: string;
  /** The modules the page imports dynamically once the desk is signed in. */
  modules: readonly string[];
}

type Chunk = Rolldown.OutputChunk;

/** `from` and every chunk it imports statically, by file name. */
function staticClosure(bundle: Record<string, Chunk | Rolldown.OutputAsset>, from: string[]) {
  const seen = new Set<string>();
  const visit = (fileName: string): void => {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || chunk?.type !== 'chunk') return;
    seen.add(fileName);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const fileName of from) visit(fileName);
  return seen;
}

/**
 * A signed-in desk asks for the workspace's scripts only once its own scripts have run and the
 * store host has said that the desk is signed in: on a slow link, one round trip and a download
 * after the page's. The page's first script, which runs before any other, can ask for them at
 * once, at the lowest priority, when the window opened on the desk last time (decision 0016); it
 * reads their names here. Each is named by its content, so the browser keeps what it fetched ahead
 * and the later import uses it as it is (server/app.ts).
 *
 * The list is the chunks of `modules` and every chunk they import, less what the page's own
 * scripts already fetch, largest first. The build stops if a module is no longer a chunk of its own.
 */
export function deskAhead(options: DeskAheadOptions): Plugin {
  const modules = options.modules.map((module) => path.resolve(module));
  return {
    name: 'deskpad-desk-ahead',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html: string, context: IndexHtmlTransformContext) {
        const { bundle, chunk: pageChunk } = context;
        if (bundle === undefined || pageChunk === undefined) return undefined;
        if (path.basename(context.filename) !== options.page) return undefined;
        const chunks = Object.values(bundle).filter((o): o is Chunk => o.type === 'chunk');
        const files = modules.map((module) => {
          const chunk = chunks.find(
            (c) => c.facadeModuleId !== null && path.resolve(c.facadeModuleId) === module,
          );
          if (chunk === undefined)
            throw new Error(
              `desk-ahead: ${path.basename(module)} is no longer a chunk of its own; the workspace and its parts must each be imported dynamically (renderer/app/app.tsx).`,
            );
          return chunk.fileName;
        });
        const pageOwn = staticClosure(bundle, [pageChunk.fileName]);
        const ahead = [...staticClosure(bundle, files)]
          .filter((fileName) => !pageOwn.has(fileName))
          .map((fileName) => bundle[fileName] as Chunk)
          .sort((a, b) => b.code.length - a.code.length)
          .map((chunk) => `./${chunk.fileName}`);
        return [
          {
            tag: 'meta',
            attrs: { name: DESK_AHEAD_META, content: ahead.join(' ') },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
