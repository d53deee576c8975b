import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the server command line', () => {
  const parse = (argv: string[], env: Record<string, string> = {}) =>
    parseCliOptions(argv, env, '/work');

  it('defaults to an embedded database in .deskpad-data on 127.0.0.1:8787', () => {
    expect(parse([])).toEqual({
      ok: true,
      options: {
        port: 8787,
        host: '127.0.0.1',
        dataDir: '/work/.deskpad-data',
        databaseUrl: undefined,
        demo: false,
        demoUsers: 5000,
        demoHistoryDays: 14,
        webRoot: '/work/dist/web',
        allowedOrigins: [],
        trustProxy: false,
        httpLimits: {
          headersTimeoutMs: 10_000,
          requestTimeoutMs: 30_000,
          keepAliveTimeoutMs: 30_000,
        },
        sessionLifetimes: { sessionIdleMs: 14 * DAY_MS, sessionMaxMs: 30 * DAY_MS },
        phoneRegion: 'US',
      },
    });
  });

  it('reads the session lifetimes in days, the idle one no longer than the absolute one', () => {
    const parsed = parse(['--session-idle-days', '1', '--session-max-days', '7']);
    expect(parsed.ok && parsed.options.sessionLifetimes).toEqual({
      sessionIdleMs: DAY_MS,
      sessionMaxMs: 7 * DAY_MS,
    });
    expect(parse(['--session-idle-days', '40'])).toMatchObject({
      ok: false,
      message: '--session-idle-days (40) cannot be more than --session-max-days (30)',
    });
    expect(parse(['--session-max-days', '0'])).toMatchObject({
      ok: false,
      message: '--session-max-days must be between 1 and 365',
    });
  });

  it('reads --trust-proxy as true, a number of hops or proxy addresses, and refuses anything else', () => {
    const trust = (value: string) => {
      const parsed = parse(['--trust-proxy', value]);
      return parsed.ok ? parsed.options.trustProxy : parsed.message;
    };
    expect(trust('true')).toBe(true);
    expect(trust('false')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1, 10.1.0.0/16')).toBe('10.0.0.1,10.1.0.0/16');
    expect(trust('everyone')).toMatch(/--trust-proxy/);
  });

  it('reads the header, request and idle timeouts in seconds', () => {
    const parsed = parse([
      '--headers-timeout',
      '5',
      '--request-timeout',
      '60',
      '--idle-timeout',
      '7',
    ]);
    expect(parsed.ok && parsed.options.httpLimits).toEqual({
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 60_000,
      keepAliveTimeoutMs: 7_000,
    });
    expect(parse(['--request-timeout', '0'])).toMatchObject({
      ok: false,
      message: '--request-timeout must be between 1 and 3600',
    });
  });

  it('reads the flags of `npm run server -- --port P --data DIR --demo`', () => {
    const parsed = parse([
      '--port',
      '9000',
      '--data',
      'tmp/desk',
      '--demo',
      '--allow-origin',
      'http://localhost:5173',
    ]);
    expect(parsed.ok && parsed.options).toMatchObject({
      port: 9000,
      dataDir: '/work/tmp/desk',
      demo: true,
      allowedOrigins: ['http://localhost:5173'],
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and PORT when no --port', () => {
    const parsed = parse([], { DATABASE_URL: 'postgres://x/y', PORT: '7000' });
    expect(parsed.ok && parsed.options).toMatchObject({
      databaseUrl: 'postgres://x/y',
      port: 7000,
    });
  });

  it('reads the phone region from --phone-region or DESKPAD_PHONE_REGION, US by default', () => {
    const fromFlag = parse(['--phone-region', 'gb'], { DESKPAD_PHONE_REGION: 'DE' });
    expect(fromFlag.ok && fromFlag.options.phoneRegion).toBe('GB');
    const fromEnv = parse([], { DESKPAD_PHONE_REGION: 'DE' });
    expect(fromEnv.ok && fromEnv.options.phoneRegion).toBe('DE');
    expect(parse(['--phone-region', 'Narnia'])).toMatchObject({
      ok: false,
      message: '--phone-region takes a two-letter country code such as US or GB, not "Narnia"',
    });
  });

  it('reads how many days of history the demo seeds, 0 to 90', () => {
    const parsed = parse(['--demo', '--demo-history-days', '0']);
    expect(parsed.ok && parsed.options.demoHistoryDays).toBe(0);
    expect(parse(['--demo-history-days', '91'])).toMatchObject({
      ok: false,
      message: '--demo-history-days must be between 0 and 90',
    });
  });

  it('says what is wrong with a bad flag', () => {
    expect(parse(['--port', 'eighty'])).toEqual({
      ok: false,
      help: false,
      message: '--port must be a whole number',
    });
    expect(parse(['--port', '70000'])).toMatchObject({
      ok: false,
      message: '--port must be between 0 and 65535',
    });
    expect(parse(['--colour'])).toMatchObject({ ok: false, help: false });
    expect(parse(['--help'])).toMatchObject({
      ok: false,
      help: true,
      message: expect.stringContaining('--demo') as unknown,
    });
  });
});
