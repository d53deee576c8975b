// First run: an empty server's setup code creates the first administrator once, within an hour,
// answered like sign-in and audited; refused when the code is wrong, used or expired, or an admin exists.

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SignInResponse, type ApiErrorBody } from '../../shared/sync/server-api';
import { ApiClient, seedDirectory, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { ADMIN_EXISTS, issueSetupCode, SETUP_REFUSED, setupLink } from './setup-codes';

const ADMIN = {
  userName: 'ada.admin',
  firstName: 'Ada',
  lastName: 'Admin',
  email: 'ada@example.org',
  password: 'a long first password',
};

describeOnDatabases('the first administrator', (suite) => {
  let app: FastifyInstance;
  let clock: Date;
  const now = () => clock;
  const setup = (body: Record<string, unknown>) =>
    new ApiClient(app).post<SignInResponse & ApiErrorBody>('/api/v1/setup', body);

  beforeEach(async () => {
    clock = new Date('2026-12-01T12:00:00.000Z');
    app = await testServer(suite.database(), { now });
  });
  afterEach(() => app.close());

  it('creates the administrator once with the code, signs them in, audits it and stores only a hash', async () => {
    const issued = await issueSetupCode(suite.database().db, now);
    expect(issued).not.toBeNull();
    const code = issued?.code ?? '';
    expect(issued?.expiresAt.toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(setupLink('http://127.0.0.1:8787', code)).toBe(`http://127.0.0.1:8787/#setup=${code}`);
    const stored = await suite.database().db.selectFrom('setup_codes').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.code_hash).not.toContain(code);

    const reply = await setup({ ...ADMIN, code });
    expect(reply.status).toBe(201);
    const session = SignInResponse.parse(reply.body);
    expect(session.agent).toMatchObject({
      userName: 'ada.admin',
      name: 'Ada Admin',
      roles: ['admin'],
    });
    expect(JSON.stringify(reply.body)).not.toContain(ADMIN.password);
    const me = await new ApiClient(app, session.token).get('/api/v1/sessions/current');
    expect(me.status).toBe(200);

    const audit = await suite.database().db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'agent.create', target_name: 'ada.admin' });
    expect(JSON.stringify(audit[0])).not.toMatch(/password|argon2/i);

    // The same code again, and any code once an admin exists: refused, nothing created.
    const again = await setup({ ...ADMIN, userName: 'eve', code });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(ADMIN_EXISTS);
    expect(await issueSetupCode(suite.database().db, now)).toBeNull();
    const users = await suite.database().db.selectFrom('users').select('user_name').execute();
    expect(users.map((u) => u.user_name)).toEqual(['ada.admin']);
  });

  it('refuses a wrong code and an expired one, and spends nothing on a refusal', async () => {
    const issued = await issueSetupCode(suite.database().db, now);
    const wrong = await setup({ ...ADMIN, code: 'x'.repeat(43) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe(SETUP_REFUSED);

    const badInput = await setup({ ...ADMIN, password: 'short', code: issued?.code });
    expect(badInput.status).toBe(400);
    expect(badInput.body.error.fieldErrors?.password).toContain('at least 8');

    clock = new Date('2026-12-01T13:00:00.000Z');
    const expired = await setup({ ...ADMIN, code: issued?.code });
    expect(expired.status).toBe(401);
    expect(await suite.database().db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('is refused when the directory already has an administrator', async () => {
    await seedDirectory(suite.database());
    expect(await issueSetupCode(suite.database().db, now)).toBeNull();
    const reply = await setup({ ...ADMIN, code: 'y'.repeat(43) });
    expect(reply.status).toBe(409);
  });

  it('uses the code once when two setups race', async () => {
    const issued = await issueSetupCode(suite.database().db, now);
    const [one, two] = await Promise.all([
      setup({ ...ADMIN, code: issued?.code }),
      setup({ ...ADMIN, userName: 'bea.admin', code: issued?.code }),
    ]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
  });
});
