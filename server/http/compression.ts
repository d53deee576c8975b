// Compresses every answer of the desk server a client accepts compressed (brotli, else gzip):
// the API's JSON and CSV and the browser build's files, through @fastify/compress. It never
// compresses an event stream (pokes would wait in the compressor) nor decompresses request bodies.

import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this many bytes a compressed answer saves less than its headers and CPU cost. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

const COMPRESSIBLE_TYPES =
  /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)|^application\/x-ndjson(?:;|$)/u;

/**
 * Registered before any route: the plugin hooks each route as it is added. The event streams
 * (`text/event-stream`) are left out by the plugin's own type check and, to say so where it
 * matters, by `compress: false` on their routes.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    // Brotli first (every current browser), gzip for the rest; zstd would need Node 22.15+.
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    // The plugin's own list, and NDJSON (a first sync's snapshot, sync/snapshot.ts), which mime-db
    // does not know.
    customTypes: COMPRESSIBLE_TYPES,
    // Nothing sends compressed bodies; inflating them would only let a small upload grow past
    // the body limits' intent before a route sees it.
    globalDecompression: false,
  });
}
