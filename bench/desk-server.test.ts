// Reading the desk server's request log: Fastify's "incoming request" and "request completed"
// lines paired by reqId into what was asked, how it was answered and how long it took.

import { describe, expect, it } from 'vitest';
import { createRequestLog } from './desk-server.mjs';

const line = (value: unknown): string => JSON.stringify(value);

describe('the request log', () => {
  it('pairs each request with its completion and skips everything else', () => {
    const log = createRequestLog();
    log.feed(line({ level: 30, time: 1, msg: 'Deskpad server ready' }));
    log.feed(line({ reqId: 'req-1', req: { method: 'POST', url: '/api/v1/sync/push' }, time: 2 }));
    log.feed(line({ reqId: 'req-2', req: { method: 'GET', url: '/api/v1/health' }, time: 3 }));
    log.feed('not json at all');
    log.feed(line({ reqId: 'req-1', res: { statusCode: 200 }, responseTime: 12.5, time: 15 }));
    log.feed(line({ reqId: 'req-9', res: { statusCode: 200 }, responseTime: 1, time: 16 }));
    expect(log.requests(() => true)).toEqual([
      {
        method: 'POST',
        url: '/api/v1/sync/push',
        statusCode: 200,
        responseTime: 12.5,
        endedAt: 15,
      },
    ]);
    expect(log.requests((r) => r.url === '/api/v1/health')).toEqual([]);
  });
});
