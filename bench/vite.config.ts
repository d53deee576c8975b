// Builds the benchmark pages (bench/pages → dist/bench) from the real store host and renderer, served
// cross-origin isolated by Vite (fine-grained timers) or by a desk server for the sync figures.

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { zodJitlessAlias } from '../tooling/zod-jitless-alias';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));

/** Cross-origin isolation: Chromium then times to 5 µs instead of 100 µs (search is sub-ms). */
const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

export default defineConfig({
  root: pages,
  base: './',
  resolve: { alias: [zodJitlessAlias] },
  plugins: [react()],
  worker: { format: 'es' },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/bench/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: `${pages}index.html`,
        store: `${pages}store.html`,
        app: `${pages}app.html`,
        desk: `${pages}desk.html`,
        incidents: `${pages}incidents.html`,
        goto: `${pages}goto.html`,
      },
    },
  },
  preview: { host: '127.0.0.1', strictPort: true, headers: ISOLATION_HEADERS },
});
