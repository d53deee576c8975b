// Builds Electron main (ES module) and each preload (one self-contained .cjs: sandboxed preloads
// cannot be ES modules or require files). Never bundles `electron`, Node built-ins or web pages.

import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';

const OUT = 'dist-electron';
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

interface EntryBuild {
  readonly entry: string;
  readonly outDir: string;
  /** The preloads share one folder, so only the first build may empty it. */
  readonly emptyOutDir: boolean;
  readonly fileName: string;
  readonly format: 'es' | 'cjs';
  readonly external: readonly string[];
  readonly platform: 'node' | 'browser';
}

const entryBuild = (build: EntryBuild): EnvironmentOptions => ({
  // Main runs in Node; preloads run in a sandboxed renderer. Either way nothing is served.
  consumer: build.platform === 'node' ? 'server' : 'client',
  // Bundle every dependency: electron-builder ships dist-electron, not node_modules.
  resolve: {
    noExternal: true,
    ...(build.platform === 'node' ? { conditions: ['node', 'import'] } : {}),
  },
  build: {
    outDir: build.outDir,
    emptyOutDir: build.emptyOutDir,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: build.entry,
      formats: [build.format],
      fileName: () => build.fileName,
    },
    rolldownOptions: {
      external: [...build.external],
      platform: build.platform,
      // One file per entry: a sandboxed preload cannot load a shared chunk.
      output: { codeSplitting: false },
    },
  },
});

const environments = {
  main: entryBuild({
    entry: 'electron/main/main.ts',
    outDir: `${OUT}/main`,
    emptyOutDir: true,
    fileName: 'main.js',
    format: 'es',
    external: ['electron', ...nodeBuiltins],
    platform: 'node',
  }),
  appPreload: entryBuild({
    entry: 'electron/preload/app-preload.ts',
    outDir: `${OUT}/preload`,
    emptyOutDir: true,
    fileName: 'app-preload.cjs',
    format: 'cjs',
    external: ['electron'],
    platform: 'browser',
  }),
  storePreload: entryBuild({
    entry: 'electron/preload/store-preload.ts',
    outDir: `${OUT}/preload`,
    emptyOutDir: false,
    fileName: 'store-preload.cjs',
    format: 'cjs',
    external: ['electron'],
    platform: 'browser',
  }),
} satisfies Record<string, EnvironmentOptions>;

export default defineConfig({
  publicDir: false,
  environments,
  builder: {
    async buildApp(builder) {
      for (const name of Object.keys(environments)) {
        const environment = builder.environments[name];
        if (environment === undefined) throw new Error(`No Vite environment named ${name}`);
        await builder.build(environment);
      }
    },
  },
});
