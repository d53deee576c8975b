// Builds the desk server into one Node ES module (dist/server/main.js) for `npm run server`.
// Dependencies stay in node_modules (PGlite's wasm, argon2's native binary); only our code is bundled.

import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js', format: 'es' } },
  },
});
