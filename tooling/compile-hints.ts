// A Vite plugin for the browser build: the chunks a window runs as it opens carry V8's compile hint.

import type { Plugin } from 'vite';

/**
 * V8's per-file compile hint (Chromium 136+): a chunk starting with this comment is compiled whole
 * on the thread that streams it in, instead of function by function on the main thread the first
 * time each runs. For the chunks a window runs as it opens; not the store's (in its own thread) nor
 * the sections opened later (Figures, Administration), which would only cost compile time.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const NOT_AT_OPEN = /store-(worker|host)|dashboard-section|admin-section/;

export function compileHints(): Plugin {
  return {
    name: 'deskpad-compile-hints',
    enforce: 'post',
    // After Vite's own rewriting of the chunks (it puts its preload list at the top).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || NOT_AT_OPEN.test(chunk.fileName)) continue;
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
          // One line more at the top: the source map's lines move down by one. The build has
          // written the map file already when it makes one (Rolldown): that is the one to move.
          const mapFile = bundle[`${chunk.fileName}.map`];
          if (mapFile?.type === 'asset' && typeof mapFile.source === 'string') {
            const map = JSON.parse(mapFile.source) as { mappings: string };
            mapFile.source = JSON.stringify({ ...map, mappings: `;${map.mappings}` });
          } else if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        }
      },
    },
  };
}
