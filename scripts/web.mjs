// `npm run web -- --port P [--build]`: builds the browser app when dist/web is missing (or when
// asked) and serves it on 127.0.0.1:P until Ctrl+C. Never listens on other interfaces unasked.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWebServer } from './web-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDist = path.join(repoRoot, 'dist', 'web');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    host: { type: 'string', default: '127.0.0.1' },
    build: { type: 'boolean', default: false },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

if (values.build || !existsSync(path.join(webDist, 'index.html'))) {
  console.log('Building the browser app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}

let server;
try {
  server = await startWebServer({ root: webDist, port, host: values.host });
} catch (error) {
  const reason =
    error && typeof error === 'object' && 'code' in error && error.code === 'EADDRINUSE'
      ? `port ${port} is already in use; pick another with --port`
      : String(error);
  console.error(`Deskpad could not start its web server: ${reason}.`);
  process.exit(1);
}
console.log(`Deskpad is ready at ${server.url}`);

let stopping = false;
/** @param {string} signal */
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`Stopping (${signal}).`);
  server.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
