// Builds the browser app and the Electron pages from web/ into dist/web: one bundle per page, no
// lazy chunks, and a service worker that keeps the browser build's shell so it reloads offline.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compileHints } from './tooling/compile-hints';
import { deskAhead } from './tooling/desk-ahead';
import { preloadAhead } from './tooling/preload-ahead';
import { precompress } from './tooling/precompress';
import { zodJitlessAlias } from './tooling/zod-jitless-alias';

const webRoot = fileURLToPath(new URL('./web/', import.meta.url));

/** Pages other helpers add (desktop.html, store-host.html) join the build once they exist. */
const PAGES = ['index', 'desktop', 'store-host', 'lobby', 'kiosk'] as const;
const input = Object.fromEntries(
  PAGES.filter((page) => existsSync(`${webRoot}${page}.html`)).map((page) => [
    page,
    `${webRoot}${page}.html`,
  ]),
);

const rendererApp = (file: string) =>
  fileURLToPath(new URL(`./renderer/app/${file}`, import.meta.url));

/** The workspace's own script is fetched with its first part, not last (tooling/preload-ahead.ts). */
const workspaceAhead = preloadAhead({
  first: rendererApp('desk-domain.ts'),
  ahead: rendererApp('workspace.tsx'),
});

/** What a signed-in desk's start imports after the page's own scripts (renderer/app/app.tsx). */
const DESK_PARTS = ['workspace.tsx', 'desk-domain.ts', 'desk-records.ts', 'desk-commands.ts'];

export default defineConfig(({ command }) => {
  // A build is always production React, even when a test run (NODE_ENV=test) starts it, so the
  // e2e suite and the benchmark measure what agents run. Vite reads NODE_ENV after this config.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: webRoot,
    base: './',
    resolve: { alias: [zodJitlessAlias] },
    plugins: [
      react(),
      compileHints(),
      workspaceAhead.plugin,
      // The desk page names those scripts for its first script to fetch ahead (tooling/desk-ahead.ts).
      deskAhead({ page: 'index.html', modules: DESK_PARTS.map(rendererApp) }),
      // The browser build must open with the network down, like the desktop app does from app://:
      // the service worker precaches every built file and answers navigations with index.html.
      VitePWA({
        injectRegister: false,
        registerType: 'autoUpdate',
        manifest: false,
        filename: 'sw.js',
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
          navigateFallback: 'index.html',
          // The kiosk and lobby pages are pages of their own, never the desk's index.html.
          navigateFallbackDenylist: [/^\/api\//, /\/(kiosk|lobby)\.html/],
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: true,
        },
      }),
      // Last: compresses the finished files once, at the best settings (tooling/precompress.ts).
      precompress(),
    ],
    worker: { format: 'es' },
    build: {
      outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      // Chromium supports modulepreload; the polyfill would be one more script for nothing.
      modulePreload: {
        polyfill: false,
        resolveDependencies: workspaceAhead.resolveDependencies,
      },
      rolldownOptions: { input },
    },
  };
});
