// Reads a first sync's snapshot (POST /api/v1/sync/snapshot, NDJSON) line by line as it arrives, and
// checks each line with the shared schemas. The body may be megabytes: never held whole. Never
// touches IndexedDB (snapshot-sync.ts stores the pages).

import {
  SnapshotEnd,
  SnapshotPage,
  SnapshotStart,
  type SnapshotEnd as SnapshotEndType,
  type SnapshotPage as SnapshotPageType,
} from '../../../shared/sync/protocol';
import type { z } from 'zod';

export type SnapshotLine = z.infer<typeof SnapshotStart> | SnapshotPageType | SnapshotEndType;

/** One line as the server sent it, checked; null when it is not one a snapshot holds. */
export function parseSnapshotLine(text: string): SnapshotLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const type = (value as { type?: unknown } | null)?.type;
  const schema = type === 'start' ? SnapshotStart : type === 'page' ? SnapshotPage : SnapshotEnd;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Hands each complete line of `body` to `onLine`, awaiting it before reading on (so a slow store
 * slows the download, not the other way round). `idle` is called and reading stops when no bytes
 * come for `idleMs`: a connection can stay open and silent forever.
 */
export async function readLines(
  body: ReadableStream<Uint8Array>,
  onLine: (text: string) => Promise<void>,
  idle: { ms: number; set(callback: () => void, ms: number): () => void; expired: () => void },
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const cancel = idle.set(idle.expired, idle.ms);
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } finally {
        cancel();
      }
      if (chunk.done) break;
      buffered += decoder.decode(chunk.value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim() !== '') await onLine(line);
        newline = buffered.indexOf('\n');
      }
    }
    buffered += decoder.decode();
    if (buffered.trim() !== '') await onLine(buffered);
  } finally {
    reader.releaseLock();
  }
}
