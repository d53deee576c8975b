// The log never carries a secret: a CTI token in the URL path is masked in Fastify's own request
// log lines (its request serializer is ours), and token/password fields are redacted.

import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loggableUrl } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('the server log', () => {
  it('masks the CTI token in a URL, whatever follows it', () => {
    expect(loggableUrl('/api/v1/cti/abcDEF-123_x')).toBe('/api/v1/cti/[redacted]');
    expect(loggableUrl('/api/v1/cti/abc?x=1')).toBe('/api/v1/cti/[redacted]?x=1');
    expect(loggableUrl('/api/v1/calls?since=1')).toBe('/api/v1/calls?since=1');
  });

  it('never writes the token of a CTI request in Fastify’s request log', async () => {
    const { lines, stream } = capture();
    const app = Fastify({ loggerInstance: createLogger('trace', stream) });
    app.post('/api/v1/cti/:token', () => ({}));
    const secret = 'Zq3sSecretTokenValue0123456789abcdefghijklm';
    const answer = await app.inject({
      method: 'POST',
      url: `/api/v1/cti/${secret}`,
      payload: { event: 'newCall', token: secret, password: 'hunter2' },
    });
    expect(answer.statusCode).toBe(200);
    app.log.info({ token: secret, password: 'hunter2' }, 'asked');
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/api/v1/cti/[redacted]');
    expect(log).not.toContain(secret);
    expect(log).not.toContain('hunter2');
  });
});
