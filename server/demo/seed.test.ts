import { expect, it } from 'vitest';
import { DEMO_AGENT_USER_NAME } from '../../shared/demo/directory-generator';
import { ApiClient, testServer } from '../testing/fixtures';
import { describeOnDatabases } from '../testing/test-databases';
import { demoAccounts, demoDirectory, DEMO_PASSWORD, seedDemo } from './seed';

describeOnDatabases('the demo seed', (suite) => {
  it('seeds the deterministic directory once, and demo.agent signs in with the README password', async () => {
    const { db } = suite.database();
    expect(await seedDemo(db, { users: 200 })).toBe('seeded');
    expect(await seedDemo(db, { users: 200 })).toBe('already-seeded');
    const users = await db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(202);

    const app = await testServer(suite.database());
    try {
      const reply = await new ApiClient(app).post<{ agent: { userName: string; roles: string[] } }>(
        '/api/v1/sessions',
        {
          userName: DEMO_AGENT_USER_NAME,
          password: DEMO_PASSWORD,
        },
      );
      expect(reply.status).toBe(201);
      expect(reply.body.agent).toMatchObject({ userName: 'demo.agent', roles: ['agent'] });
      for (const userName of ['demo.technician', 'demo.admin']) {
        expect(
          (await new ApiClient(app).post('/api/v1/sessions', { userName, password: DEMO_PASSWORD }))
            .status,
        ).toBe(201);
      }
    } finally {
      await app.close();
    }
  });

  it('leaves a database that already holds another directory alone', async () => {
    const { db } = suite.database();
    await db
      .insertInto('users')
      .values({
        id: 'u',
        user_name: 'real.person',
        first_name: 'Real',
        last_name: 'Person',
        name: 'Real Person',
        email: '',
        phone: '',
        employee_id: '',
        department: '',
        location: '',
        vip: false,
        roles: [],
        version: 1,
      })
      .execute();
    expect(await seedDemo(db, { users: 50 })).toBe('directory-exists');
  });
});

it('is the same directory for the same seed, with demo accounts for each role', () => {
  const one = demoDirectory({ users: 100, seed: 7 });
  expect(demoDirectory({ users: 100, seed: 7 })).toEqual(one);
  const accounts = demoAccounts(one);
  expect(accounts.map((u) => u.userName)).toEqual(
    expect.arrayContaining(['demo.agent', 'demo.technician', 'demo.admin']),
  );
  expect(new Set(accounts.flatMap((u) => u.roles))).toEqual(
    new Set(['agent', 'technician', 'admin']),
  );
  const network = one.groups.find((g) => g.id === 'grp_network');
  expect(network?.memberIds).toContain('usr_demo_technician');
});
