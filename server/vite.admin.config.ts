// Builds `npm run admin` (server/admin-cli/main.ts) into one Node ES module, dist/admin-cli/main.js,
// the way server/vite.config.ts builds the server. Dependencies stay in node_modules.

import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'server/admin-cli/main.ts',
    outDir: 'dist/admin-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js', format: 'es' } },
  },
});
