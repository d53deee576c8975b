// Reading a first sync's snapshot on canned answers: lines split anywhere across chunks arrive whole
// and checked, one at a time; a line the protocol does not hold is a bad answer; an answer that
// breaks off or goes silent is a network failure the desk retries. (The real server:
// snapshot.with-server.test.ts.)

import { describe, expect, it } from 'vitest';
import { createDeskServerClient, DeskServerError } from './desk-server-client';
import type { SnapshotLine } from './snapshot-stream';

const START = { type: 'start', total: 0, counts: { interactions: 0 } };
const END = { type: 'end', cursor: `${'a'.repeat(32)}.5.0`, lastMutationId: 0, refused: [] };
const PAGE = { type: 'page', kind: 'visits', records: [] };
/** The totals again, the linked records counted (a second start line). */
const TOTALS = { type: 'start', total: 3, counts: { interactions: 1, incidents: 2 } };

/**
 * An answer whose body comes in chunks of `size` bytes, then ends, breaks off or stays silent; an
 * aborted request breaks it off, as fetch does.
 */
function chunked(text: string, size: number, then: 'end' | 'error' | 'silence' = 'end') {
  const bytes = new TextEncoder().encode(text);
  return (_url: string, init?: RequestInit) => {
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
      },
      pull(controller) {
        if (at < bytes.length) {
          controller.enqueue(bytes.subarray(at, at + size));
          at += size;
        } else if (then === 'end') controller.close();
        else if (then === 'error') controller.error(new TypeError('terminated'));
        // 'silence': never enqueues again.
      },
    });
    return Promise.resolve(new Response(body, { status: 200 }));
  };
}

const ndjson = (...lines: unknown[]) => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;

describe('the snapshot answer', () => {
  it('hands each line whole and checked, one after the other, however the bytes come', async () => {
    const seen: SnapshotLine['type'][] = [];
    let storing = false;
    const client = createDeskServerClient(
      'http://x',
      chunked(ndjson(START, PAGE, TOTALS, PAGE, END), 5),
    );
    await client.snapshot('t', { clientId: 'c' }, async (line) => {
      expect(storing).toBe(false);
      storing = true;
      await new Promise((resolve) => setTimeout(resolve, 1));
      storing = false;
      seen.push(line.type);
    });
    expect(seen).toEqual(['start', 'page', 'start', 'page', 'end']);
  });

  it('refuses a line the protocol does not hold, and says a cut or silence is the network', async () => {
    const bad = createDeskServerClient(
      'http://x',
      chunked(ndjson(START, { type: 'page', kind: 'visits', records: [{ id: 1 }] }), 64),
    );
    await expect(
      bad.snapshot('t', { clientId: 'c' }, () => Promise.resolve()),
    ).rejects.toMatchObject({ kind: 'bad-answer' });
    const cut = createDeskServerClient('http://x', chunked(ndjson(START, PAGE), 64, 'error'));
    const lines: string[] = [];
    const error = await cut
      .snapshot('t', { clientId: 'c' }, (line) => Promise.resolve(void lines.push(line.type)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskServerError);
    expect(error).toMatchObject({ kind: 'network' });
    expect(lines).toEqual(['start', 'page']);
    let fire: (() => void) | null = null;
    const silent = createDeskServerClient('http://x', chunked(ndjson(START), 64, 'silence'), {
      timers: {
        set: (callback) => {
          fire = callback;
          return () => {
            fire = null;
          };
        },
      },
    });
    const waiting = silent.snapshot('t', { clientId: 'c' }, () => Promise.resolve());
    await new Promise((resolve) => setTimeout(resolve, 10));
    (fire as (() => void) | null)?.();
    await expect(waiting).rejects.toMatchObject({ kind: 'network' });
  });
});
