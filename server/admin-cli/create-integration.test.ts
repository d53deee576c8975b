// `npm run admin -- create-integration` in-process on PGlite: the address printed once with a
// token whose hash alone is kept, audited as the command line without it; refusals change nothing.

import { expect, it } from 'vitest';
import { hashIntegrationToken } from '../phone/integration-token';
import { describeOnDatabases } from '../testing/test-databases';
import type { AdminCliDeps } from './cli-deps';
import { runCreateIntegration } from './create-integration';

describeOnDatabases('npm run admin -- create-integration', (suite) => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const database = suite.database();
    const deps: AdminCliDeps = {
      database: () => Promise.resolve({ ...database, close: () => Promise.resolve() }),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      now: () => new Date('2026-12-04T10:00:00Z'),
      readPassword: () => Promise.reject(new Error('no password here')),
    };
    const code = await runCreateIntegration(args, deps);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints the address once, keeps the hash and audits without the token', async () => {
    const { db } = suite.database();
    const made = await run(['--name', 'Asterisk', '--server-url', 'https://desk.example.org/']);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const token = /\/api\/v1\/cti\/([A-Za-z0-9_-]{43})$/m.exec(made.out)?.[1] ?? '';
    expect(made.out).toContain(`https://desk.example.org/api/v1/cti/${token}`);
    const rows = await db.selectFrom('integrations').selectAll().execute();
    expect(rows.map((r) => [r.name, r.created_by, r.token_hash])).toEqual([
      ['Asterisk', 'Command line', hashIntegrationToken(token)],
    ]);
    const audit = await db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => [a.action, a.actor_name])).toEqual([
      ['integration.create', 'Command line'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);

    const taken = await run(['--name', 'asterisk']);
    expect(taken).toMatchObject({
      code: 1,
      err: 'There is already an integration named asterisk.',
    });
    expect((await run([])).code).toBe(2);
    expect((await run(['--name', 'X', '--location', 'nowhere'])).err).toBe(
      'There is no location with id nowhere.',
    );
    expect((await run(['--name', 'X', '--server-url', 'desk'])).code).toBe(2);
    expect(await db.selectFrom('integrations').select('id').execute()).toHaveLength(1);
  });
});
