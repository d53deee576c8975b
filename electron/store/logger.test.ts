// The logger: levels, a module per line, a bounded ring of recent lines, and no secret ever kept
// (tokens and passwords are redacted before a line is stored or handed on).

import { describe, expect, it } from 'vitest';
import { createLogger, redact, type LogLine } from './logger';

const TOKEN = 'dpt_8f1c2e9a7b6d5c4e3f2a1b0c9d8e7f6a';

describe('the logger', () => {
  it('keeps recent lines with their level, module and time, oldest first', () => {
    let now = Date.parse('2026-11-24T10:00:00.000Z');
    const log = createLogger({ module: 'store-host', clock: () => (now += 1000) });
    log.info('opened');
    log.child('sync').warn('push failed', new Error('fetch failed'));
    expect(log.recent()).toEqual([
      { at: '2026-11-24T10:00:01.000Z', level: 'info', module: 'store-host', message: 'opened' },
      {
        at: '2026-11-24T10:00:02.000Z',
        level: 'warn',
        module: 'sync',
        message: 'push failed: fetch failed',
      },
    ]);
  });

  it('keeps only the newest lines, up to its capacity', () => {
    const log = createLogger({ capacity: 3 });
    for (let i = 1; i <= 10; i++) log.info(`line ${i}`);
    expect(log.recent().map((l) => l.message)).toEqual(['line 8', 'line 9', 'line 10']);
  });

  it('drops lines below its level', () => {
    const log = createLogger({ level: 'warn' });
    log.debug('a detail');
    log.info('a step');
    log.error('a failure');
    expect(log.recent().map((l) => l.level)).toEqual(['error']);
  });

  it('never keeps or hands on a token it was told about, wherever it appears', () => {
    const seen: LogLine[] = [];
    const log = createLogger({ sink: (line) => seen.push(line) });
    log.child('session').addSecret(TOKEN);
    log.child('sync').error('pull failed', new Error(`the server refused ${TOKEN} (401)`));
    log.info(`url http://desk.test/api?x=${TOKEN}`);
    const text = JSON.stringify([log.recent(), seen]);
    expect(text).not.toContain(TOKEN);
    expect(log.recent()[0]?.message).toBe('pull failed: the server refused [redacted] (401)');
  });

  it('redacts what looks like a token or password even when not told', () => {
    const lines = [
      'Authorization: Bearer abc.def-123',
      '{"userName":"ana","password":"hunter2hunter2"}',
      'sign-in with token=abcdefghijklmnop&x=1',
      '{"sealedToken":"c2VhbGVk"}',
    ].map((line) => redact(line));
    for (const line of lines) expect(line).toContain('[redacted]');
    expect(lines.join('\n')).not.toMatch(/abc\.def-123|hunter2|abcdefghijklmnop|c2VhbGVk/);
    expect(lines[1]).toContain('"userName":"ana"');
  });

  it('keeps ordinary words about tokens as they are', () => {
    expect(redact('the session token was refused; sign in again')).toBe(
      'the session token was refused; sign in again',
    );
  });

  it('never fails the code that logged when its sink throws', () => {
    const log = createLogger({
      sink: () => {
        throw new Error('console closed');
      },
    });
    expect(() => log.error('still here')).not.toThrow();
    expect(log.recent()).toHaveLength(1);
  });
});
